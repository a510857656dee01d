/* `diff`: what changed between two versions of a guideline catalog, which
 * crosswalk rows and regulation clauses that touches, a draft migration of
 * a crosswalk, and redlines of rendered regulations.
 *
 * The model is computed once here (src/diff/); each output format is one
 * file in src/render/diff/ reading it.
 *
 *   redline.c   character-class segmentation, Myers diff, word redlines
 *   similar.c   character-bigram profiles, Dice / containment, the index
 *   catdiff.c   item matching and the list of changes
 *   impact.c    crosswalk rows and regulation clauses needing review
 *   migrate.c   --migrate-crosswalk
 *   regdiff.c   --regulation --format redline (directories of Markdown files)
 *   oldnew.c    --regulation: the 新旧対照表, clause by clause
 *   diff.c      the command: arguments, loading, dispatch */
#ifndef TG_DIFF_H
#define TG_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"
#include "../totsugo.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* ---- redline.c ------------------------------------------------------ */

/* Character classes for segmenting text without spaces (Japanese). */
typedef enum tg_diff_class {
	TG_DC_SPACE,	/* white space, including U+3000 */
	TG_DC_KANJI,	/* CJK ideographs and 々〆〇 */
	TG_DC_HIRAGANA,
	TG_DC_KATAKANA,	/* including ー and half-width katakana */
	TG_DC_WORD,	/* letters and digits (ASCII, full-width, other scripts) */
	TG_DC_PUNCT	/* punctuation and symbols: one token per character */
} tg_diff_class;

tg_diff_class tg_diff_char_class(uint32_t cp);

/* A token: bytes [off, off + len) of the segmented text. */
typedef struct tg_diff_token {
	size_t off, len;
	tg_diff_class cls;
} tg_diff_token;

/* Splits text into runs of one class (punctuation: single characters);
 * appends tg_diff_token to tokens and returns their number. */
size_t tg_diff_segment(const char *s, size_t len, tg_buf *tokens);

typedef enum tg_diff_opkind {
	TG_OP_EQ,
	TG_OP_DEL,
	TG_OP_INS
} tg_diff_opkind;

/* One run of an edit script: n elements kept, deleted from a, or inserted
 * from b. */
typedef struct tg_diff_op {
	tg_diff_opkind op;
	size_t n;
} tg_diff_op;

/* Myers' O((N+M)D) diff of two sequences of symbols (equal numbers are
 * equal elements); appends tg_diff_op runs to script, in order, adjacent
 * runs of one kind merged.  Beyond TG_DIFF_MAX_D edits the middle (after
 * the common prefix and suffix) is reported as replaced wholesale. */
#define TG_DIFF_MAX_D 2000
void tg_diff_seq(const uint32_t *a, size_t n, const uint32_t *b, size_t m, tg_buf *script);

/* A piece of a redline, pointing into the compared strings. */
typedef struct tg_diff_span {
	tg_diff_opkind op;
	const char *s;
	size_t len;
} tg_diff_span;

/* Word-level redline of a → b: segments both, diffs the tokens, merges
 * tiny equalities between changes into them (so that "AxB" → "CxD" reads
 * as one replacement rather than a salad), and appends tg_diff_span to
 * spans: EQ pieces, and for each change its DEL then its INS.  NULL
 * strings are empty. */
void tg_diff_redline(const char *a, const char *b, tg_buf *spans);

/* ---- similar.c ------------------------------------------------------ */

/* Similarities are integers per mille (0-1000), so that ordering by them
 * is exact and the same everywhere. */
#define TG_SIM_MAX 1000

/* A text's character bigrams (a sorted multiset), after dropping white
 * space and punctuation and folding ASCII case and full-width forms. */
typedef struct tg_bigrams {
	uint64_t *grams;
	size_t n;
} tg_bigrams;

/* Adds the bigrams of s (NULL: none) to p (kept unsorted until
 * tg_bigrams_finish). */
void tg_bigrams_add(tg_bigrams *p, const char *s);
void tg_bigrams_finish(tg_bigrams *p);
void tg_bigrams_free(tg_bigrams *p);
/* Shared bigrams, counted as a multiset. */
size_t tg_bigrams_common(const tg_bigrams *a, const tg_bigrams *b);
/* Dice coefficient 2|A∩B| / (|A| + |B|), per mille; 0 when both are empty. */
int tg_bigrams_dice(const tg_bigrams *a, const tg_bigrams *b);
/* The share of part's bigrams found in whole, per mille. */
int tg_bigrams_containment(const tg_bigrams *part, const tg_bigrams *whole);
/* Dice of two strings' profiles (for paragraphs and tests). */
int tg_text_similarity(const char *a, const char *b);

/* Inverted index bigram → items, for finding candidates without
 * comparing all pairs.  Bigrams found in more than `cutoff` items are
 * too common to tell items apart and are skipped. */
typedef struct tg_simidx {
	uint64_t *keys;		/* bigram of each posting, sorted */
	uint32_t *items;	/* item of each posting */
	size_t n;
	size_t nitems;
	size_t cutoff;
	uint32_t *count;	/* scratch: shared bigrams per item */
	uint32_t *touched;
} tg_simidx;

/* Indexes the items with include[i] set (include NULL: all); only their
 * profiles are read. */
void tg_simidx_build(tg_simidx *ix, const tg_bigrams *profiles, size_t nitems, const bool *include);
void tg_simidx_free(tg_simidx *ix);
/* Up to k items sharing the most probed bigrams with p (ties: lower index
 * first), among those with allow[i] set (allow NULL: all).  The rarest
 * prefix/1000 of p's bigrams (plus one) are always probed, so every item
 * sharing more than 1 - prefix/1000 of them is a candidate; commoner ones
 * only below the cutoff.  Stores them in out and returns how many. */
size_t tg_simidx_candidates(tg_simidx *ix, const tg_bigrams *p, const bool *allow, int prefix,
    uint32_t *out, size_t k);

/* ---- catdiff.c ------------------------------------------------------ */

/* Thresholds (per mille), see docs/diff.md. */
#define TG_DIFF_KEEP_ID 500	/* same id: the same item when Dice >= this */
#define TG_DIFF_RENUMBER 600	/* different ids: the same item when Dice >= this */
#define TG_DIFF_PART 750	/* split/merge: share of a part found in the whole */
#define TG_DIFF_PART_MIN_GRAMS 6	/* a part needs at least this many bigrams */
#define TG_DIFF_PART_CHANGED 900	/* a matched item joins a split/merge below this Dice */
#define TG_DIFF_CANDIDATES 10	/* candidates compared per item */
/* Probed prefixes (per mille of a query's bigrams): Dice >= 0.6 needs
 * 3/7 of the smaller side's bigrams shared, containment >= 0.75 a quarter. */
#define TG_DIFF_PREFIX_RENUMBER 600
#define TG_DIFF_PREFIX_PART 300

/* Change kinds: bits, one entry may carry several (renumbered + modified). */
enum {
	TG_DK_ADDED = 1u << 0,
	TG_DK_REMOVED = 1u << 1,
	TG_DK_MODIFIED = 1u << 2,	/* title, text or level */
	TG_DK_MOVED = 1u << 3,		/* parent */
	TG_DK_RENUMBERED = 1u << 4,	/* id or ref */
	TG_DK_SPLIT = 1u << 5,
	TG_DK_MERGED = 1u << 6
};
#define TG_DK_COUNT 7
/* Changes after which crosswalk rows need review (moving alone does not
 * change what an item asks for). */
#define TG_DK_REVIEW (TG_DK_REMOVED | TG_DK_MODIFIED | TG_DK_RENUMBERED | TG_DK_SPLIT | TG_DK_MERGED)

/* Fields compared between matched items. */
enum {
	TG_DF_REF = 1u << 0,
	TG_DF_TITLE = 1u << 1,
	TG_DF_TEXT = 1u << 2,
	TG_DF_LEVEL = 1u << 3,
	TG_DF_PARENT = 1u << 4
};
#define TG_DF_COUNT 5

/* Catalog fields compared. */
enum {
	TG_DM_TITLE = 1u << 0,
	TG_DM_SHORT_TITLE = 1u << 1,
	TG_DM_PUBLISHER = 1u << 2,
	TG_DM_VERSION = 1u << 3,
	TG_DM_DATE = 1u << 4,
	TG_DM_LEVELS = 1u << 5,
	TG_DM_DESCRIPTION = 1u << 6
};
#define TG_DM_COUNT 7

/* The other side of a split (new items) or a merge (old items). */
typedef struct tg_diff_part {
	const tg_item *item;
	int score;	/* per mille: share of the part found in the whole */
} tg_diff_part;

typedef struct tg_diff_entry {
	unsigned kinds;		/* TG_DK_* */
	unsigned fields;	/* TG_DF_* that differ (matched pairs) */
	const tg_item *old_item;	/* NULL: added, merged */
	const tg_item *new_item;	/* NULL: removed, split */
	int similarity;		/* Dice of a matched pair, per mille */
	tg_diff_part *parts;	/* split: new items; merged: old items */
	size_t nparts;
	size_t order;		/* position in the report (see catdiff.c) */
} tg_diff_entry;

/* Counts of one level (or of "unknown" / "none"). */
typedef struct tg_diff_level_count {
	const char *level;	/* level name, "unknown" or NULL (no level) */
	size_t counts[TG_DK_COUNT];
	size_t total;
} tg_diff_level_count;

typedef struct tg_catdiff {
	const tg_catalog *old_cat, *new_cat;
	tg_arena arena;
	tg_diff_entry *entries;	/* report order */
	size_t nentries;
	unsigned meta;		/* TG_DM_* that differ */
	size_t counts[TG_DK_COUNT];	/* entries carrying each kind */
	tg_diff_level_count *levels;	/* new catalog's levels, old-only ones, unknown, none */
	size_t nlevels;
	/* Lookups by item index: the entry that involves the item (NULL:
	 * unchanged) and its one-to-one counterpart (NULL: none). */
	tg_diff_entry **by_old, **by_new;
	const tg_item **old_to_new, **new_to_old;
} tg_catdiff;

void tg_catdiff_compute(tg_catdiff *cd, const tg_catalog *old_cat, const tg_catalog *new_cat);
void tg_catdiff_free(tg_catdiff *cd);
static inline bool
tg_catdiff_identical(const tg_catdiff *cd)
{
	return cd->nentries == 0 && cd->meta == 0;
}
/* Index of a TG_DK_ bit (0..TG_DK_COUNT-1). */
int tg_diff_kind_index(unsigned kind);
/* Names: English (text, JSON) and Japanese (Markdown, HTML). */
const char *tg_diff_kind_name(unsigned kind);
const char *tg_diff_kind_ja(unsigned kind);
const char *tg_diff_field_name(unsigned field);
const char *tg_diff_field_ja(unsigned field);
const char *tg_diff_meta_name(unsigned meta);
const char *tg_diff_meta_ja(unsigned meta);
/* A catalog field's value for display (levels joined by ", "); NULL when
 * unset.  *tmp receives storage to free when used. */
const char *tg_diff_meta_value(const tg_catalog *c, unsigned meta, char **tmp);
/* An item's level as shown: "LV1", "LV1/LV2" (sources disagree),
 * "unknown", or NULL (none). */
const char *tg_diff_level(const tg_item *it, char buf[], size_t size);
/* The value of a field for display (parent: its ref and title). */
const char *tg_diff_field_value(const tg_item *it, unsigned field, char buf[], size_t size);

/* ---- impact.c ------------------------------------------------------- */

/* A crosswalk row that refers to a changed item of the old catalog. */
typedef struct tg_impact_row {
	const tg_crosswalk *xw;
	const tg_xw_row *row;
	bool source_side;		/* the row's source changed (else a target / the clause) */
	const char *item_id;		/* the changed item, as an id of the old catalog */
	const tg_diff_entry *change;
	const tg_xw_target *target;	/* target side: the changed target, or NULL (clause) */
} tg_impact_row;

/* How a regulation clause depends on a row. */
typedef struct tg_impact_use {
	const tg_crosswalk *xw;
	const tg_xw_row *row;
	bool proposal;		/* the row proposes text for it (else: labels it) */
} tg_impact_use;

typedef struct tg_impact_clause {
	const tg_item *clause;	/* an item of the industry's baseline catalog */
	tg_impact_use *uses;
	size_t nuses;
} tg_impact_clause;

typedef struct tg_impact {
	bool computed;		/* false: no data directory */
	tg_impact_row *rows;	/* crosswalk id, then row order */
	size_t nrows;
	tg_impact_clause *clauses;	/* catalog id, then item order */
	size_t nclauses;
	size_t ncrosswalks;	/* crosswalks referring to the old catalog */
} tg_impact;

/* Rows of d's crosswalks whose source or target catalog is the old
 * catalog's id and that name a changed item; clauses fed by such rows of
 * crosswalks that an industry uses. */
void tg_impact_compute(tg_impact *im, const tg_data *d, const tg_catdiff *cd);
void tg_impact_free(tg_impact *im);

/* ---- migrate.c ------------------------------------------------------ */

typedef struct tg_migrate_stats {
	size_t rows;		/* rows written */
	size_t rewritten;	/* ids rewritten (renumbered, split, merged) */
	size_t suggested;	/* rows set back to suggested */
	size_t commented;	/* rows or targets commented out (removed items) */
	size_t added;		/* unmapped rows for new items */
} tg_migrate_stats;

/* Writes the draft of xw for the new catalog to out (YAML).  xw refers
 * to cd->old_cat on one side or both. */
void tg_migrate_crosswalk(const tg_catdiff *cd, const tg_crosswalk *xw, const char *from,
    tg_buf *out, tg_migrate_stats *stats);

/* ---- regdiff.c ------------------------------------------------------ */

typedef enum tg_regblock_kind {
	TG_RB_SAME,
	TG_RB_CHANGED,	/* a paragraph reworded: redline */
	TG_RB_DELETED,
	TG_RB_INSERTED
} tg_regblock_kind;

typedef struct tg_regblock {
	tg_regblock_kind kind;
	const char *old_s, *new_s;	/* paragraph text (NULL for the missing side) */
	size_t old_len, new_len;
	int similarity;		/* changed: Dice per mille */
} tg_regblock;

typedef enum tg_regfile_status {
	TG_RF_SAME,
	TG_RF_CHANGED,
	TG_RF_ADDED,
	TG_RF_REMOVED,
	TG_RF_SPACING	/* bytes differ, paragraphs do not (blank lines, trailing spaces) */
} tg_regfile_status;

typedef struct tg_regfile {
	char *name;		/* path relative to both directories */
	tg_regfile_status status;
	tg_buf old_text, new_text;
	tg_buf blocks;		/* tg_regblock */
	size_t changed, deleted, inserted;	/* paragraph counts */
} tg_regfile;

typedef struct tg_regdiff {
	const char *old_dir, *new_dir;
	tg_regfile *files;	/* sorted by name */
	size_t nfiles;
	size_t counts[5];	/* by tg_regfile_status */
} tg_regdiff;

/* Reads both directories (every *.md, recursively); returns a TG_EXIT_*. */
int tg_regdiff_compute(tg_regdiff *rd, const char *old_dir, const char *new_dir, tg_diag *diag);
void tg_regdiff_free(tg_regdiff *rd);
/* The *.md below dir (malloc'ed paths relative to it, sorted bytewise),
 * and one file read (positioned errors).  False after reporting. */
bool tg_regdiff_list(const char *dir, tg_buf *names, tg_diag *diag);
bool tg_regdiff_read(const char *dir, const char *name, tg_buf *out, tg_diag *diag);

/* ---- oldnew.c: the 新旧対照表 ------------------------------------ */

/* The clauses of a rendered regulation (the headings of its Markdown),
 * old against new, matched by clause number (3.1.1, 第3条) or, for
 * headings without one, by heading text.  Texts are shown as a reader
 * sees them: Markdown escapes and table rules removed. */
typedef enum tg_on_kind {
	TG_ON_CHANGED,
	TG_ON_ADDED,	/* 新設 */
	TG_ON_REMOVED,	/* 削除 */
	TG_ON_GAP	/* unchanged clauses left out here */
} tg_on_kind;

typedef struct tg_on_row {
	tg_on_kind kind;
	const char *old_text, *new_text;	/* heading line, then the body */
	size_t gap;		/* TG_ON_GAP: how many */
} tg_on_row;

typedef struct tg_oldnew {
	const char *old_dir, *new_dir;
	const char *old_title, *new_title;	/* first heading of each, or NULL */
	const char *old_source, *new_source;	/* what was read: regulation.md or N files */
	tg_on_row *rows;
	size_t nrows;
	size_t changed, added, removed, unchanged;
	tg_arena arena;
} tg_oldnew;

/* Reads both directories: regulation.md when a directory holds one (the
 * whole document render writes), else every *.md in path order.  Returns
 * a TG_EXIT_* code. */
int tg_oldnew_compute(tg_oldnew *on, const char *old_dir, const char *new_dir, tg_diag *diag);
/* The same on two documents given as text (names for display). */
void tg_oldnew_init(tg_oldnew *on, const char *old_name, const char *new_name);
void tg_oldnew_compare(tg_oldnew *on, const char *old_text, size_t old_len, const char *new_text,
    size_t new_len);
void tg_oldnew_free(tg_oldnew *on);
/* One side of a row as pieces, changed ones (underlined: 傍線) marked:
 * the redline's kept and changed words for a change, the whole text for a
 * clause added or removed.  Appends tg_on_seg pointing into the row. */
typedef struct tg_on_seg {
	const char *s;
	size_t len;
	bool changed;
} tg_on_seg;
void tg_oldnew_side(const tg_on_row *r, bool new_side, tg_buf *segs);
static inline bool
tg_oldnew_identical(const tg_oldnew *on)
{
	return on->changed + on->added + on->removed == 0;
}
static inline bool
tg_regdiff_identical(const tg_regdiff *rd)
{
	return rd->counts[TG_RF_SAME] == rd->nfiles;
}

/* ---- src/render/diff/ ---------------------------------------------- */

typedef struct tg_diff_report {
	const tg_catdiff *cd;
	const tg_impact *impact;
	const char *old_name, *new_name;	/* the arguments as given */
	bool color;
} tg_diff_report;

void tg_diff_render_text(const tg_diff_report *r, tg_buf *out);
void tg_diff_render_md(const tg_diff_report *r, tg_buf *out);
void tg_diff_render_html(const tg_diff_report *r, tg_buf *out);
void tg_diff_render_json(const tg_diff_report *r, tg_buf *out);
void tg_regdiff_render_html(const tg_regdiff *rd, tg_buf *out);
/* The 新旧対照表: two columns 改正前 | 改正後, changed words underlined. */
void tg_oldnew_render_html(const tg_oldnew *on, tg_buf *out);
void tg_oldnew_render_md(const tg_oldnew *on, tg_buf *out);
bool tg_oldnew_render_docx(const tg_oldnew *on, tg_buf *out, const char *name, tg_diag *diag);

#endif
