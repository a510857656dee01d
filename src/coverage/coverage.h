/* Readiness: how far an industry's sample regulation — a company's, after
 * its profile's exclusions and level — covers the requirements of a
 * catalog (SCS ★3, another industry's guideline, any catalog with a path
 * to the baseline).  `totsugo coverage` renders it (render/coverage/).
 *
 * For every requirement of the catalog at the level (cumulative), the
 * paths of crosswalk/paths.h lead to
 *   - baseline items: a clause the regulation keeps covers the requirement
 *     with the path's composed relationship;
 *   - items of the industry's guideline whose proposals (反映案) the
 *     regulation holds as an addition or a supplement: that text covers
 *     the requirement with the path's relationship composed with
 *     subset-of (a proposal is written to cover its item whole).
 * Verdict: 充足 when some kept clause covers it equal or subset-of, 一部
 * when one overlaps (superset-of, intersects-with), 未対応 otherwise.
 * Links lost to the profile's exclusions are kept apart (what an exclusion
 * costs), and for 一部 / 未対応 the closers: excluded clauses, proposals of
 * items out of the regulation's level, and proposals of other crosswalks
 * to the baseline (the requirement's own first), each with the verdict it
 * would give.  Rules: docs/coverage.md. */
#ifndef TG_COVERAGE_H
#define TG_COVERAGE_H

#include "../crosswalk/paths.h"
#include "../regulation/regulation.h"

typedef enum tg_cov_verdict {
	TG_COV_FULL,		/* 充足 */
	TG_COV_PARTIAL,		/* 一部 */
	TG_COV_NONE,		/* 未対応 */
	TG_COV_VERDICTS
} tg_cov_verdict;

typedef enum tg_cov_kind {
	TG_COV_CLAUSE,		/* a baseline clause of the regulation */
	TG_COV_ADDITION,	/* an industry addition (業界追加, a new sub-clause) */
	TG_COV_SUPPLEMENT	/* an industry supplement (業界補足, after a clause's text) */
} tg_cov_kind;

/* One part of the regulation that covers a requirement, and how. */
typedef struct tg_cov_link {
	tg_cov_kind kind;
	const tg_item *clause;	/* the baseline clause (additions: the one they follow) */
	const tg_item *source;	/* additions, supplements: the industry item proposing it */
	const char *number;	/* additions: 9.2.1.1 */
	const char *title;	/* additions: their heading */
	const tg_path *path;	/* to `clause`, or to `source` for additions and supplements */
	tg_relationship rel;	/* composed: what the requirement is to this part */
	int strength;		/* weakest link, -1 unknown */
	bool reviewed;		/* every pair on the way reviewed (a proposal never is) */
	const tg_item *excluded;	/* lost links: what the profile excludes that removes it —
					 * a clause, or the industry item whose addition or
					 * supplement it drops (exclude: item) */
} tg_cov_link;

typedef enum tg_closer_kind {
	TG_CLOSE_EXCLUSION,	/* bring back a clause the profile excludes */
	TG_CLOSE_LEVEL,		/* an industry proposal out of the regulation's level */
	TG_CLOSE_PROPOSAL	/* a proposal of another crosswalk to the baseline */
} tg_closer_kind;

typedef struct tg_cov_closer {
	tg_closer_kind kind;
	const tg_item *clause;	/* the excluded clause, or the proposal's clause */
	const tg_item *source;	/* proposals: the item proposing; exclusions: the
				 * industry item whose addition or supplement is
				 * excluded (exclude: item), else NULL */
	const tg_crosswalk *xw;	/* proposals: the crosswalk holding it */
	const tg_proposal *proposal;
	const tg_path *path;	/* to the clause or the proposing item */
	tg_relationship rel;	/* what the requirement would be to it */
	tg_cov_verdict would;	/* the verdict it would give */
	const char *reason;	/* exclusions: the profile's reason */
} tg_cov_closer;

typedef struct tg_cov_item {
	const tg_item *item;
	const tg_item *group;	/* its 大分類 (root ancestor), NULL for a root */
	tg_cov_verdict verdict;
	bool reviewed;		/* the deciding link is reviewed throughout */
	tg_cov_link *links;	/* what the regulation keeps that covers it, best first */
	size_t nlinks;
	tg_cov_link *lost;	/* links the profile's exclusions take away, best first */
	size_t nlost;
	tg_cov_link *outside;	/* baseline items reached that are not clauses of the
				 * regulation (本編, 付録3 …): guidance, not rules */
	size_t noutside;
	tg_cov_verdict verdict_kept_all;	/* the verdict without the exclusions */
	bool reviewed_kept_all;
	tg_cov_closer *closers;	/* for 一部 / 未対応: what would raise the verdict, best first */
	size_t nclosers;
} tg_cov_item;

typedef struct tg_cov_count {
	size_t items;
	size_t by[TG_COV_VERDICTS];
	size_t reviewed;	/* 充足 or 一部 resting on reviewed pairs only */
} tg_cov_count;

typedef struct tg_cov_group {
	const tg_item *group;	/* NULL: requirements that are roots */
	tg_cov_count count;
} tg_cov_group;

/* One exclusion of the profile and the requirements it takes cover from:
 * a clause (with its sub-clauses), or (exclude: item) the addition or
 * supplement of one industry item. */
typedef struct tg_cov_exclusion {
	const tg_item *clause;	/* the clause; for an item, the clause its text was at */
	const tg_item *item;	/* exclude: item — the industry item, else NULL */
	const char *name;	/* 7.1.3 … as the regulation names it */
	const char *reason;
	const tg_cov_item **items;	/* requirements with a link through it */
	size_t nitems;
	size_t worse;		/* … of which the verdict is lower because of the exclusions */
} tg_cov_exclusion;

typedef struct tg_coverage {
	const tg_data *data;
	const tg_industry *ind;
	const tg_profile *profile;	/* NULL: the industry's sample regulation */
	const tg_catalog *against;
	int level;		/* a level of `against` (cumulative), or TG_LEVEL_NONE: all */
	int reg_level;		/* the regulation's: guideline level or TG_REG_LEVEL_ALL */
	const char *reg_title;	/* the regulation's title */
	tg_cov_item *items;	/* requirements, in catalog order */
	size_t nitems;
	tg_cov_group *groups;	/* 大分類 in catalog order (empty for flat catalogs) */
	size_t ngroups;
	tg_cov_count *by_level;	/* per level of `against`, then unknown, then none */
	size_t nlevels;
	tg_cov_count total;
	tg_cov_count total_kept_all;	/* without the profile's exclusions */
	tg_cov_exclusion *exclusions;
	size_t nexclusions;
	size_t skipped_unknown;	/* requirements of unknown level left out by the level */
	bool has_path;		/* some requirement reaches the baseline at all */
	tg_arena arena;
} tg_coverage;

typedef struct tg_cov_spec {
	const tg_industry *ind;
	const tg_profile *profile;
	int reg_level;		/* as tg_reg_spec.level */
	const tg_catalog *against;
	int level;		/* TG_LEVEL_NONE: every requirement */
} tg_cov_spec;

/* Builds the coverage (the regulation is assembled for it, twice with a
 * profile that excludes clauses).  NULL after reporting when the regulation
 * cannot be assembled. */
tg_coverage *tg_coverage_build(const tg_data *d, const tg_cov_spec *spec, tg_diag *diag);
void tg_coverage_free(tg_coverage *c);

/* The verdict a relationship gives: equal, subset-of → 充足; superset-of,
 * intersects-with → 一部; none → 未対応. */
tg_cov_verdict tg_cov_verdict_of(tg_relationship r);
const char *tg_cov_verdict_label(tg_cov_verdict v);	/* 充足 / 一部 / 未対応 */
const char *tg_cov_verdict_name(tg_cov_verdict v);	/* full / partial / none (JSON) */

#endif
