/* The industry sample regulation (業界向け情報セキュリティサンプル規程):
 * the baseline's regulation templates (付録2 基本方針 and 付録5) rendered
 * with a company's values, plus the industry's additions from its
 * crosswalks' proposals, labels of the industry items each clause serves,
 * a profile's exclusions and replacements, and the appendices.
 *
 * Three parts:
 *   values.c   — the Mustache context (profile > industry examples >
 *                registry defaults) and clause templates parsed with their
 *                real file positions;
 *   check.c    — the checks `validate` runs on registries and profiles;
 *   assemble.c — the document model the renderers (render/regulation/) read,
 *                with appendices.c (対応表, 改訂履歴, 本書について, titles)
 *                sharing internal.h;
 *   skeleton.c — the commented profile skeleton of `init-profile`;
 *   scaffold.c — the commented industry skeleton of `init-industry`.
 * See docs/regulation.md for the rules. */
#ifndef TG_REGULATION_H
#define TG_REGULATION_H

#include <stdbool.h>
#include <stddef.h>

#include "../load/templates.h"
#include "../model/model.h"
#include "../template/mustache.h"
#include "../totsugo.h"

/* ---- values and templates (values.c) ---- */

/* The parameter registry and templates a baseline catalog is written
 * with (the first registry, by id, whose catalog it is), or NULL. */
const tg_tset *tg_reg_tset_for(const tg_data *d, const tg_catalog *baseline);

/* The Mustache context of a regulation: every registry parameter as a
 * nested mapping (company.name -> {company: {name: …}}), valued from the
 * profile's latest revision for revision.date, else the profile's
 * `parameters`, else (industry.examples.KEY) the industry's example KEY,
 * else the registry default.  Every industry example is also present as
 * industry.examples.KEY.  ind and profile may be NULL.  Nodes live in a. */
tg_node *tg_reg_context(tg_arena *a, const tg_paramset *ps, const tg_industry *ind,
    const tg_profile *profile);

/* The parameter the profile's latest revision sets (each chapter's 改訂日). */
#define TG_REG_REVISION_DATE "revision.date"
/* The latest revision date of a profile (ISO text sorts by date), or NULL. */
const char *tg_reg_latest_revision(const tg_profile *p);

/* The value of a profile key (`level`, `parameters` …), or NULL. */
const tg_node *tg_reg_profile_get(const tg_profile *p, const char *key);

/* Parses a clause's template so that positions are those of its file.
 * NULL after reporting syntax errors. */
tg_mus *tg_reg_parse_clause(const tg_tset *t, const tg_tclause *c, tg_diag *diag);
/* Parses a profile's replacement text (a YAML scalar) with positions in
 * the profile file when its source can be read again (checks), else
 * relative to the scalar. */
tg_mus *tg_reg_parse_scalar(const char *file, const tg_node *text, bool positions,
    tg_diag *diag);
/* Every clause of a template set parsed once, shared by the regulations
 * of a batch (tg_reg_spec.parsed).  NULL after reporting syntax errors. */
typedef struct tg_reg_parsed tg_reg_parsed;
tg_reg_parsed *tg_reg_parse_all(const tg_tset *t, tg_diag *diag);
void tg_reg_parsed_free(tg_reg_parsed *p);
/* Clause i of t, or NULL (p was parsed from another template set). */
const tg_mus *tg_reg_parsed_clause(const tg_reg_parsed *p, const tg_tset *t, size_t i);
/* Renders a parsed clause strictly with Markdown escaping, without the
 * padding that placed it in its file, and with surrounding blank lines
 * trimmed.  Returns a TG_EXIT_* code; out is replaced. */
int tg_reg_render(const tg_mus *m, const tg_node *ctx, tg_buf *out, tg_diag *diag);

/* ---- cross-references (refs.c) ---- */

/* A reference found in a text: bytes [off, off+len) ("第3章", "3.2.1条"),
 * the number ("3", "3.2.1") and the word (章, 節, 条, or a mistaken 項). */
typedef void (*tg_reg_ref_fn)(void *ud, size_t off, size_t len, const char *number,
    const char *word);
void tg_reg_refs_scan(const char *text, size_t len, tg_reg_ref_fn fn, void *ud);
/* The clause a reference names (a chapter for 章), or NULL. */
const tg_tclause *tg_reg_ref_clause(const tg_tset *t, const char *number, const char *word);
/* The word a clause is referred to by: 章, 節 or 条. */
const char *tg_reg_ref_word(const tg_tset *t, const tg_tclause *c);
/* NULL when the reference (as written) is right; else the message (in msg). */
const char *tg_reg_ref_problem(const tg_tset *t, const char *number, const char *word,
    const char *written, tg_buf *msg);
/* The position of byte `offset` of a text that starts at `start`. */
tg_pos tg_reg_pos_in(tg_pos start, const char *text, size_t offset);
/* The clauses (template order) whose template text contains `term`;
 * clauses receives const tg_tclause *.  Returns their number. */
size_t tg_reg_term_uses(const tg_tset *t, const char *term, tg_buf *clauses);
/* A clause as tables and comments name it (3.1.1 情報資産の特定と機密性の評価);
 * with chapter_text, a chapter's own text: 5 物理的対策（章の冒頭）; a
 * clause of a chapter without a number: 情報セキュリティ基本方針 1 経営者の責任
 * (the "（サンプル）" of the titles dropped). */
void tg_reg_clause_name(const tg_tset *t, const tg_item *it, bool chapter_text, tg_buf *out);
/* The industry's example `key` (industry.examples.KEY without the
 * prefix), or NULL. */
const tg_example *tg_reg_industry_example(const tg_industry *ind, const char *key);

/* ---- checks (check.c) ---- */

/* Registry checks (names declared once and used, `clauses` exact, strict
 * render with defaults), proposal clauses that have templates, and every
 * profile under mappings/profiles.  Returns a TG_EXIT_* code. */
int tg_reg_check_data(tg_data *d, tg_diag *diag);
/* The crosswalk row of an industry item when it has an addition or a
 * supplement (an add / amend proposal with a clause), else NULL. */
const tg_xw_row *tg_reg_proposal_row(const tg_industry *ind, const tg_item *it);
/* One profile's values against its industry and registry. */
void tg_reg_check_profile(tg_data *d, const tg_profile *p, tg_diag *diag);
/* What `validate` adds (not every command): per industry, every
 * industry.examples.* parameter of its registry it does not define (a
 * note: the registry default is used) and every example key no template
 * and no profile of the industry uses (a warning). */
void tg_reg_check_examples(const tg_data *d, tg_diag *diag);

/* ---- the document (assemble.c) ---- */

typedef enum tg_reg_split {
	TG_REG_SPLIT_NONE,
	TG_REG_SPLIT_MANAGEMENT,
	TG_REG_SPLIT_TECHNICAL
} tg_reg_split;

/* The level filter: a guideline level index, or TG_REG_LEVEL_ALL. */
#define TG_REG_LEVEL_ALL (-10)

typedef struct tg_reg_spec {
	const tg_industry *ind;
	const tg_profile *profile;	/* NULL: the industry's sample */
	int level;		/* index in the guideline's levels, or TG_REG_LEVEL_ALL */
	tg_reg_split split;
	bool labels;
	const tg_reg_parsed *parsed;	/* optional: the clauses parsed once (a batch) */
} tg_reg_spec;

/* An industry item's note in the text: 「自工会 No.44 (LV1)」. */
typedef struct tg_reg_label {
	const tg_item *item;
	const char *text;
} tg_reg_label;

/* An `amend` proposal, printed after its clause's text. */
typedef struct tg_reg_supplement {
	const tg_item *source;	/* the guideline item, or NULL */
	const tg_addition *addition;	/* the industry's own, or NULL */
	const char *label;	/* 自工会 No.56 (no level); the industry's short title */
	const char *text;	/* Markdown */
} tg_reg_supplement;

typedef enum tg_reg_kind {
	TG_REG_CHAPTER,		/* a template file's @chapter item */
	TG_REG_CLAUSE,		/* a catalog item below it */
	TG_REG_ADDITION		/* an `add` proposal: a new numbered sub-clause */
} tg_reg_kind;

/* One heading of the body with what follows it, in document order. */
typedef struct tg_reg_entry {
	tg_reg_kind kind;
	const tg_item *item;	/* the clause; for additions, the clause it follows */
	const tg_tclause *tc;
	unsigned depth;		/* 0 for chapters, +1 per level below */
	const char *number;	/* "3.1.1", "3.3.2.1"; NULL for root chapters (基本方針) */
	const char *title;
	const char *anchor;	/* ASCII id: app5-3-1-1, app5-3-3-2-add1 */
	const char *text;	/* Markdown; NULL: kept only for its sub-clauses (split) */
	const char *other_edition;	/* with text NULL: the edition holding the text */
	bool replaced;		/* the profile replaced the text */
	const tg_item *source;	/* additions: the industry item (NULL: the industry's own) */
	const tg_addition *addition;	/* additions: the industry's own, or NULL */
	const char *source_label;	/* additions: 自工会 No.44, or the industry's short title */
	tg_reg_supplement *supplements;
	size_t nsupplements;
	tg_reg_label *labels;	/* --labels: items served (empty otherwise) */
	size_t nlabels;
	size_t chapter;		/* index into tg_regulation.chapters */
} tg_reg_entry;

typedef struct tg_reg_chapter {
	const tg_item *item;
	const tg_tfile *file;	/* its template file (names the output file) */
	size_t first, count;	/* its entries */
	unsigned marks;		/* provenance marks its labels carry (1 << tg_origin) */
} tg_reg_chapter;

/* 業界ガイドライン対応表: one row per clause that industry items serve.
 * Without a guideline, 業界固有事項一覧: one row per clause that has the
 * industry's own additions or supplements (items NULL, labels their titles). */
typedef struct tg_reg_xref {
	const tg_item *clause;
	const char *name;	/* 3.1.1 情報資産の特定…; 基本方針 1 経営者の責任 */
	const char *anchor;	/* NULL when the clause is not in the body */
	const tg_item **items;	/* NULL without a guideline */
	const char **labels;	/* with level; without a guideline: 追加：title / 補足：title */
	size_t nitems;
	const char *treatment;	/* 追加 3.3.2.1 / 補足 / 適用除外 … */
} tg_reg_xref;

typedef struct tg_reg_exclusion {
	const tg_item *clause;
	const char *name;	/* as in tg_reg_xref */
	const char *reason;
	size_t nadditions;	/* industry additions and supplements dropped with it */
} tg_reg_exclusion;

typedef struct tg_reg_revision {
	const char *version;
	const char *date;	/* 2025年4月1日 */
	const char *description;
} tg_reg_revision;

typedef struct tg_regulation {
	const tg_data *data;
	tg_reg_spec spec;
	const tg_tset *tset;
	const char *title;	/* the document's title */
	const char *company;	/* company.name of the profile; NULL: the industry's sample */
	/* The cover's document control (版, 制定日, 改訂日, 承認者, 管理責任者). */
	const char *control[5];
	const char *edition;	/* NULL, 管理的対策編, 技術的対策編 */
	const char *level_text;	/* 対象レベル line, or NULL (no levels) */
	const char **about;	/* 本書について: Markdown paragraphs */
	size_t nabout;
	tg_reg_entry *entries;
	size_t nentries;
	tg_reg_chapter *chapters;
	size_t nchapters;
	tg_reg_xref *xrefs;
	size_t nxrefs;
	size_t items_in_scope;	/* industry items at the level */
	size_t items_placed;	/* … of which serve some clause of the templates */
	tg_reg_exclusion *exclusions;
	size_t nexclusions;
	tg_reg_revision *revisions;
	size_t nrevisions;
	unsigned marks;		/* provenance marks anywhere in the document (1 << tg_origin) */
	unsigned xref_marks;	/* … in the 対応表 */
	/* 用語の定義: the industry's terms in its order, then the registry's
	 * terms (those the templates rely on) the industry does not define. */
	const tg_term **terms;
	size_t nterms;
	tg_arena arena;
} tg_regulation;

/* Assembles the document.  Template errors (none once the data passed
 * validation) are reported to diag; returns NULL then. */
tg_regulation *tg_reg_build(const tg_data *d, const tg_reg_spec *spec, tg_diag *diag);
/* The same, ignoring the profile's `exclude` (coverage: what exclusions
 * cost); everything else of the profile applies. */
tg_regulation *tg_reg_build_all_clauses(const tg_data *d, const tg_reg_spec *spec, tg_diag *diag);
void tg_reg_free(tg_regulation *r);
/* Whether an industry item is in scope at the spec's level: no level,
 * unknown (never restricts), or needed at the level (cumulative, lowest
 * cited level). */
bool tg_reg_in_scope(const tg_reg_spec *spec, const tg_item *it);
/* The label of an industry's own additions: its short title, else its title. */
const char *tg_reg_industry_label(const tg_industry *ind);
/* 「自工会 No.44（LV1）」: short title, ref, the provenance mark of an item
 * that is not the guideline's own (＊ inferred title, ※ ours) and (with_level)
 * the level. */
char *tg_reg_label_text(const tg_item *it, bool with_level);

/* Labels of the document-control table, in the order of control[]. */
extern const char *const tg_reg_control_names[5];

/* ---- choosing from the command line (select.c) ---- */

/* The industry of an id, or NULL after reporting the known ones. */
const tg_industry *tg_reg_find_industry(const tg_data *d, const char *id, tg_diag *diag);
/* --profile: a profile id of the data, or a YAML file (loaded into d and
 * checked like the data's own); it must be for ind.  Returns a TG_EXIT_*
 * code (USAGE for an unknown id, a missing file or another industry). */
int tg_reg_find_profile(tg_data *d, const char *arg, const tg_industry *ind,
    const tg_profile **out, tg_diag *diag);
/* --level (arg, may be NULL or "all"), else the profile's level, else the
 * industry's default, else every level: a level index or TG_REG_LEVEL_ALL.
 * Returns a TG_EXIT_* code (USAGE for a level the guideline lacks). */
int tg_reg_find_level(const char *arg, const tg_industry *ind, const tg_profile *p, int *level,
    tg_diag *diag);

/* ---- profiles (skeleton.c) ---- */

/* The commented YAML skeleton of a profile for an industry (init-profile). */
void tg_reg_skeleton(const tg_data *d, const tg_industry *ind, tg_buf *out);

/* ---- industries (scaffold.c) ---- */

/* The commented YAML skeleton of an industry without a guideline, on the
 * template set t (init-industry): every industry.examples.* parameter with
 * its clauses and default, the registry's terms, and room per chapter for
 * the industry's own additions.  It loads and renders unedited. */
void tg_reg_industry_skeleton(const tg_data *d, const tg_tset *t, const char *id, const char *title,
    tg_buf *out);

#endif
