/* The builder of a regulation, shared by assemble.c (slots, clauses,
 * additions, exclusions, entries; tg_reg_build) and appendices.c (cross
 * references, revisions, 本書について, titles).  Internal to
 * src/regulation/. */
#ifndef TG_REG_INTERNAL_H
#define TG_REG_INTERNAL_H

#include "regulation.h"
#include "../util/buf.h"
#include "../util/map.h"

/* An addition or a supplement placed at a clause: from a crosswalk's
 * proposal (source: the guideline item) or the industry's own (addition). */
typedef struct piece {
	const tg_item *source;		/* the guideline item, or NULL */
	const tg_addition *addition;	/* the industry's own, or NULL */
	const char *text;		/* as written (【title】 first for proposals) */
} piece;

/* Per template clause, while building. */
typedef struct slot {
	const tg_tclause *tc;
	const char *text;	/* rendered Markdown */
	bool replaced;
	tg_mus *replacement;	/* the profile's text, parsed */
	bool in_edition;	/* kept by the split (ignoring exclusions) */
	bool shows_text;	/* its text belongs to this edition */
	const char *excluded;	/* the reason, when excluded itself */
	tg_pos excluded_pos;	/* the profile's exclude entry */
	bool gone;		/* excluded, itself or through an ancestor */
	tg_buf labels;		/* const tg_item * (serving items in scope) */
	tg_buf adds;		/* piece */
	tg_buf amends;		/* piece */
	tg_buf numbers;		/* const char *: numbers given to its additions */
	const char *anchor;	/* its entry's, once placed */
} slot;

/* A profile's `exclude` / `replace` entry naming an industry item: its
 * addition or supplement is dropped, or its text rewritten. */
typedef struct item_edit {
	const tg_item *source;	/* the guideline item whose addition or supplement it is */
	const char *reason;	/* excluded: the reason; NULL when replaced */
	tg_mus *replacement;	/* replaced: the profile's text, parsed */
	const char *text;	/* replaced: rendered Markdown */
} item_edit;

typedef struct builder {
	tg_regulation *r;
	const tg_tset *t;
	slot *slots;		/* per tset clause */
	size_t *slot_of_item;	/* per baseline item: slot + 1, 0 = none */
	tg_buf entries, chapters, xrefs, exclusions;
	tg_buf item_edits;	/* item_edit */
	tg_map anchors;
	size_t nadds, namends;
	bool failed;		/* a replacement did not parse */
	bool keep_excluded;	/* tg_reg_build_all_clauses: the profile's exclusions ignored */
	tg_diag *diag;
} builder;

/* ---- assemble.c ---- */

/* The slot of a clause item of the template set, or NULL. */
slot *tg_reg_asm_slot(builder *b, const tg_item *it);

/* A copy in the regulation's arena. */
char *tg_reg_asm_adup(builder *b, const char *s);
/* tg_reg_label_text, in the regulation's arena. */
const char *tg_reg_asm_label(builder *b, const tg_item *it, bool with_level);
/* A clause as tables name it (its chapter's title first when the chapter
 * has no number). */
const char *tg_reg_asm_clause_name(builder *b, const tg_item *it);
/* マネジメント対策編 / 技術対策編, or NULL when not split. */
const char *tg_reg_asm_edition_name(tg_reg_split split);
/* The profile's edit of a guideline item's addition or supplement, or NULL
 * (always for the industry's own additions, which have no item). */
const item_edit *tg_reg_asm_item_edit(const builder *b, const tg_item *source);
/* Appends p to a list of pointers unless it is there already. */
void tg_reg_asm_push_unique(tg_buf *list, const void *p);

/* ---- refs.c ---- */

/* Warns, at the profile's exclude entry, about each kept clause (or its
 * additions and supplements) that refers to an excluded clause. */
void tg_reg_asm_warn_excluded_refs(builder *b);

/* ---- appendices.c ---- */

/* The 対応表: per clause, the industry items it serves and how. */
void tg_reg_asm_build_xrefs(builder *b);
/* 用語の定義: the industry's terms, then the registry's it lacks. */
void tg_reg_asm_build_terms(builder *b);
/* The 改訂履歴: the profile's revisions by date, else 初版. */
void tg_reg_asm_build_revisions(builder *b, const tg_node *ctx);
/* 本書について: what the document is based on and how to read it. */
void tg_reg_asm_about(builder *b, const tg_node *ctx);
/* The title, the edition and the text of the level. */
void tg_reg_asm_titles(builder *b, const tg_node *ctx);

#endif
