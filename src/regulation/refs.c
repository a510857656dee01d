/* Cross-references in regulation text, in the one numbering vocabulary of
 * the templates (docs/regulation.md): 第3章 for a chapter, 3.2節 for a
 * section (中項目), 3.2.1条 for a clause below it; 項 and 号 are the
 * numbered paragraphs and items inside a clause (前項, 第2号), never a
 * catalog number.  validate checks that every reference names a clause with
 * the right word; render warns when a kept clause refers to one the
 * company's profile excludes (tg_reg_asm_warn_excluded_refs). */
#include <string.h>

#include "internal.h"
#include "../util/fs.h"
#include "../util/utf8.h"

static const char *const words[] = {"章", "節", "条", "項"};

void
tg_reg_refs_scan(const char *text, size_t len, tg_reg_ref_fn fn, void *ud)
{
	static const char dai[] = "第";
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9' || (i > 0 && (text[i - 1] == '.' ||
		    (text[i - 1] >= '0' && text[i - 1] <= '9'))))
			continue;
		size_t start = i, end = i, dots = 0;
		while (end < len && ((text[end] >= '0' && text[end] <= '9') ||
		    (text[end] == '.' && end + 1 < len && text[end + 1] >= '0' && text[end + 1] <= '9'))) {
			dots += text[end] == '.';
			end++;
		}
		i = end - 1;
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
			size_t wl = strlen(words[w]);
			if (end + wl > len || memcmp(text + end, words[w], wl) != 0)
				continue;
			/* A chapter is a whole number; 節, 条 (and a mistaken 項) are
			 * decimal numbers.  第2項 and the like are paragraph numbers. */
			if ((w == 0) != (dots == 0))
				break;
			size_t from = start >= sizeof dai - 1 &&
			    memcmp(text + start - (sizeof dai - 1), dai, sizeof dai - 1) == 0 ?
			    start - (sizeof dai - 1) : start;
			char number[64];
			size_t nl = end - start < sizeof number ? end - start : sizeof number - 1;
			memcpy(number, text + start, nl);
			number[nl] = '\0';
			fn(ud, from, end + wl - from, number, words[w]);
			break;
		}
	}
}

/* The chapter clause a clause belongs to. */
static const tg_tclause *
chapter_of(const tg_tset *t, const tg_tclause *c)
{
	for (const tg_item *up = c->item; up != NULL; up = up->parent) {
		const tg_tclause *u = tg_tset_clause(t, up->id);
		if (u != NULL && u->chapter)
			return u;
	}
	return NULL;
}

const tg_tclause *
tg_reg_ref_clause(const tg_tset *t, const char *number, const char *word)
{
	bool chapter = strcmp(word, words[0]) == 0;
	for (size_t i = 0; i < t->nclauses; i++) {
		const tg_tclause *c = &t->clauses[i];
		if (c->item == NULL || c->chapter != chapter || strcmp(c->item->ref, number) != 0)
			continue;
		if (chapter && c->item->depth == 0)
			continue;	/* a root (基本方針) has no chapter number */
		return c;
	}
	return NULL;
}

const char *
tg_reg_ref_word(const tg_tset *t, const tg_tclause *c)
{
	if (c->chapter)
		return words[0];
	const tg_tclause *ch = chapter_of(t, c);
	return ch != NULL && c->item->depth == ch->item->depth + 1 ? words[1] : words[2];
}

const char *
tg_reg_ref_problem(const tg_tset *t, const char *number, const char *word, const char *written,
    tg_buf *msg)
{
	const tg_tclause *c = tg_reg_ref_clause(t, number, word);
	if (c == NULL && strcmp(word, words[0]) != 0) {
		/* Perhaps only the word is wrong. */
		for (size_t i = 0; i < t->nclauses && c == NULL; i++)
			if (t->clauses[i].item != NULL && !t->clauses[i].chapter &&
			    strcmp(t->clauses[i].item->ref, number) == 0)
				c = &t->clauses[i];
	}
	if (c == NULL) {
		tg_buf_printf(msg, "'%s' refers to no clause of %s", written, t->dir);
		return msg->data;
	}
	const char *want = tg_reg_ref_word(t, c);
	if (strcmp(want, word) == 0)
		return NULL;
	tg_buf_printf(msg, "'%s' should be '%s%s': a chapter is 章 (第3章), the level below it 節 "
	    "(3.1節), every deeper clause 条 (3.1.1条); 項 and 号 are the paragraphs and items inside a "
	    "clause", written, number, want);
	return msg->data;
}

tg_pos
tg_reg_pos_in(tg_pos start, const char *text, size_t offset)
{
	tg_pos p = start;
	size_t line_start = 0;
	for (size_t i = 0; i < offset; i++)
		if (text[i] == '\n') {
			p.line++;
			line_start = i + 1;
			p.col = 1;
		}
	p.col = (line_start == 0 ? start.col : 1) + (unsigned)tg_utf8_count(text + line_start,
	    offset - line_start);
	p.span = 0;
	return p;
}

/* ---- references to excluded clauses (render) ---- */

typedef struct ref_scan {
	builder *b;
	const slot *from;	/* the kept clause whose text is scanned */
	tg_buf seen;		/* const slot *: excluded clauses already reported for it */
} ref_scan;

/* The excluded clause (itself, or the ancestor excluded with it). */
static const slot *
exclusion_of(builder *b, const slot *s)
{
	for (const tg_item *up = s->tc->item; up != NULL; up = up->parent) {
		const slot *u = tg_reg_asm_slot(b, up);
		if (u != NULL && u->excluded != NULL)
			return u;
	}
	return NULL;
}

static void
excluded_ref(void *ud, size_t off, size_t len, const char *number, const char *word)
{
	(void)off;
	(void)len;
	ref_scan *rs = ud;
	const tg_tclause *c = tg_reg_ref_clause(rs->b->t, number, word);
	const slot *s = c != NULL ? tg_reg_asm_slot(rs->b, c->item) : NULL;
	const slot *x = s != NULL && s->gone ? exclusion_of(rs->b, s) : NULL;
	if (x == NULL)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(&rs->seen, const slot *); i++)
		if (TG_BUF_AT(&rs->seen, const slot *, i) == s)
			return;
	TG_BUF_PUSH(&rs->seen, const slot *, s);
	tg_diag_warning(rs->b->diag, x->excluded_pos, "clause %s refers to '%s%s%s', which this profile "
	    "excludes: replace the text of %s, or keep %s", rs->from->tc->item->id,
	    strcmp(word, "章") == 0 ? "第" : "", number, word, rs->from->tc->item->id,
	    s->tc->item->id);
}

/* A kept clause (with its additions and supplements) that names an
 * excluded one would send the reader to nothing: say so at the exclusion. */
void
tg_reg_asm_warn_excluded_refs(builder *b)
{
	if (b->r->spec.profile == NULL)
		return;
	size_t before = tg_diag_warnings(b->diag);
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		if (s->tc->item == NULL || s->gone || !s->in_edition || !s->shows_text)
			continue;
		ref_scan rs = {b, s, TG_BUF_INIT};
		if (s->text != NULL)
			tg_reg_refs_scan(s->text, strlen(s->text), excluded_ref, &rs);
		const tg_buf *lists[2] = {&s->adds, &s->amends};
		for (size_t l = 0; l < 2; l++)
			for (size_t k = 0; k < TG_BUF_COUNT(lists[l], piece); k++) {
				const char *text = TG_BUF_AT(lists[l], piece, k).text;
				if (text != NULL)
					tg_reg_refs_scan(text, strlen(text), excluded_ref, &rs);
			}
		tg_buf_free(&rs.seen);
	}
	/* The profile's replacements were parsed as texts of their own: the
	 * warnings quote the profile's real lines. */
	const char *file = b->r->spec.profile->file;
	tg_buf src = TG_BUF_INIT;
	if (tg_diag_warnings(b->diag) > before && file != NULL &&
	    tg_fs_read(file, TG_FS_MAX_INPUT, &src) == TG_FS_OK)
		tg_diag_add_source(b->diag, file, src.data ? src.data : "", src.len);
	tg_buf_free(&src);
}
