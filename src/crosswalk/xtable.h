/* The 突合表 model: every requirement of an industry guideline with its
 * counterparts in the baseline (the IPA guideline), direct ones from the
 * industry's crosswalks and related ones reached through the baseline's own
 * internal crosswalks (付録3 ↔ 付録5, 本編 → 付録5, 付録8 → 付録5 …), plus
 * coverage counts.  Renderers read it through the views (xview.h) or
 * directly (JSON). */
#ifndef TG_XTABLE_H
#define TG_XTABLE_H

#include "../load/templates.h"
#include "../model/model.h"

typedef struct tg_xt_link {
	const tg_item *item;		/* baseline item */
	const tg_xw_target *target;	/* direct: the crosswalk's target entry */
	const tg_item *via;		/* inferred: the direct target it relates to */
	const tg_crosswalk *via_xw;	/* inferred: the baseline-internal crosswalk */
} tg_xt_link;

typedef struct tg_xt_row {
	const tg_item *item;		/* the industry requirement */
	const tg_crosswalk *xw;		/* crosswalk holding its row, or NULL */
	const tg_xw_row *xrow;		/* its row, or NULL (no row anywhere) */
	tg_xt_link *links;		/* direct links first, then inferred (tree order) */
	size_t nlinks, ndirect;
	tg_relationship best;		/* closest direct relationship; TG_REL_COUNT: none */
	tg_origin origin;		/* where the requirement comes from (its provenance) */
} tg_xt_row;

/* Coverage counts of a group of rows (a level, a chapter, everything). */
typedef struct tg_xt_count {
	size_t items;
	size_t mapped;			/* at least one direct target */
	size_t by_rel[TG_REL_COUNT];	/* items by their closest relationship */
	size_t unmapped;		/* no target (unmapped row, or no row at all) */
	size_t proposals;
	size_t reviewed;		/* mapped items whose targets are all reviewed */
} tg_xt_count;

typedef struct tg_xt_chapter {
	const tg_item *item;		/* a regulation chapter (template @chapter) */
	tg_xt_count count;
} tg_xt_chapter;

typedef struct tg_xtable {
	const tg_data *data;
	const tg_industry *ind;
	const tg_catalog *guide, *base;
	const tg_tset *tset;		/* the baseline's regulation templates, or NULL */
	int level;			/* cumulative filter, or TG_LEVEL_NONE for all */
	tg_xt_row *rows;		/* guideline tree order */
	size_t nrows;
	bool grouped;			/* the guideline nests its requirements in groups */
	const tg_item **columns;	/* baseline roots with counterparts, tree order */
	size_t ncolumns;
	tg_xt_count total;
	tg_xt_count *by_level;		/* [nlevels] then unknown, then none */
	size_t nlevel_rows;
	tg_xt_chapter *chapters;
	size_t nchapters;
	size_t skipped_unknown;		/* unknown-level items left out by --level */
	size_t by_origin[TG_ORIGIN_COUNT];	/* rows by the origin of their item */
	size_t authored_targets;	/* distinct direct targets that are ours (authored) */
	size_t official_targets;	/* distinct direct targets with the source's own numbering */
	tg_arena arena;
} tg_xtable;

/* Builds the table of an industry; level is a guideline level index or
 * TG_LEVEL_NONE. */
tg_xtable *tg_xtable_build(const tg_data *d, const tg_industry *ind, int level);
void tg_xtable_free(tg_xtable *t);
/* The baseline root (column) an item belongs to. */
const tg_item *tg_xt_root(const tg_item *it);
/* The regulation chapter an item belongs to, or NULL. */
const tg_xt_chapter *tg_xt_chapter_of(const tg_xtable *t, const tg_item *it);
/* The label of a level-count slot: a level name, 不明 or なし. */
const char *tg_xt_level_label(const tg_xtable *t, size_t slot);
size_t tg_xt_level_slot(const tg_xtable *t, const tg_item *it);

#endif
