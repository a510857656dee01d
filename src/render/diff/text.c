/* diff --format text: a plain report for the terminal and for scripts.
 * Redlines as wdiff writes them, [-deleted-]{+inserted+}; coloured only
 * when the caller says so (a terminal without NO_COLOR). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../diff/diff.h"
#include "common.h"
#include "../../util/term.h"
#include "../../util/utf8.h"

/* Colours are written as markers, bytes valid UTF-8 never holds (0xFF and
 * a letter), and made escape sequences by the last pass, which shows every
 * control character of the data escaped (term.h): a received catalog must
 * not clear the screen or retitle the terminal of whoever diffs it. */
#define RED "\xFFr"
#define GREEN "\xFFg"
#define BOLD "\xFF" "b"
#define RESET "\xFFo"

typedef struct text_out {
	tg_buf *out;
	bool color;
} text_out;

static void
pad(tg_buf *out, const char *s, size_t width, bool right)
{
	size_t w = tg_utf8_width(s, strlen(s));
	if (!right)
		tg_buf_puts(out, s);
	for (; w < width; w++)
		tg_buf_putc(out, ' ');
	if (right)
		tg_buf_puts(out, s);
}

/* Text continued on new lines is indented to `indent`. */
static void
put_indented(tg_buf *out, const char *s, size_t len, unsigned indent, const char *color_off,
    const char *color_on)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n') {
			tg_buf_putc(out, s[i]);
			continue;
		}
		if (color_off)
			tg_buf_puts(out, color_off);
		tg_buf_putc(out, '\n');
		for (unsigned k = 0; k < indent; k++)
			tg_buf_putc(out, ' ');
		if (color_on)
			tg_buf_puts(out, color_on);
	}
}

static void
redline(text_out *t, const char *a, const char *b, unsigned indent)
{
	tg_buf spans = TG_BUF_INIT;
	tg_diff_redline(a, b, &spans);
	for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
		const tg_diff_span *sp = &TG_BUF_AT(&spans, tg_diff_span, i);
		if (sp->op == TG_OP_EQ) {
			put_indented(t->out, sp->s, sp->len, indent, NULL, NULL);
			continue;
		}
		bool del = sp->op == TG_OP_DEL;
		const char *on = t->color ? (del ? RED : GREEN) : NULL;
		if (on)
			tg_buf_puts(t->out, on);
		tg_buf_puts(t->out, del ? "[-" : "{+");
		put_indented(t->out, sp->s, sp->len, indent, on ? RESET : NULL, on);
		tg_buf_puts(t->out, del ? "-]" : "+}");
		if (on)
			tg_buf_puts(t->out, RESET);
	}
	tg_buf_free(&spans);
}

static void
item_head(tg_buf *out, const tg_item *it)
{
	char lv[256];
	const char *level = tg_diff_level(it, lv, sizeof lv);
	tg_buf_printf(out, "%s  %s", it->ref, it->title ? it->title : "(unknown)");
	if (level != NULL)
		tg_buf_printf(out, "  [%s]", level);
}

static void
plain_text(text_out *t, const char *label, const char *s)
{
	if (s == NULL)
		return;
	tg_buf_printf(t->out, "    %s: ", label);
	put_indented(t->out, s, strlen(s), 6, NULL, NULL);
	tg_buf_putc(t->out, '\n');
}

static void
field(text_out *t, const tg_diff_entry *e, unsigned f)
{
	if (!(e->fields & f))
		return;
	char bo[512], bn[512];
	const char *a = tg_diff_field_value(e->old_item, f, bo, sizeof bo);
	const char *b = tg_diff_field_value(e->new_item, f, bn, sizeof bn);
	if (f == TG_DF_TITLE) {
		a = a ? a : "(unknown)";
		b = b ? b : "(unknown)";
	}
	tg_buf_printf(t->out, "    %s: ", tg_diff_field_name(f));
	if (f == TG_DF_TITLE || f == TG_DF_TEXT) {
		if (f == TG_DF_TEXT && ((a && strchr(a, '\n')) || (b && strchr(b, '\n'))))
			tg_buf_puts(t->out, "\n      ");
		redline(t, a, b, 6);
	} else {
		tg_buf_printf(t->out, "%s -> %s", a ? a : "(none)", b ? b : "(none)");
	}
	tg_buf_putc(t->out, '\n');
}

static void
entry(text_out *t, const tg_diff_entry *e)
{
	tg_buf *out = t->out;
	if (t->color)
		tg_buf_puts(out, BOLD);
	tg_diff_put_kinds(out, e->kinds, false);
	if (t->color)
		tg_buf_puts(out, RESET);
	tg_buf_puts(out, "  ");
	if (e->kinds & TG_DK_ADDED) {
		item_head(out, e->new_item);
		tg_buf_putc(out, '\n');
		plain_text(t, "text", e->new_item->text);
		return;
	}
	if (e->kinds & TG_DK_REMOVED) {
		item_head(out, e->old_item);
		tg_buf_putc(out, '\n');
		plain_text(t, "text", e->old_item->text);
		return;
	}
	if (e->kinds & (TG_DK_SPLIT | TG_DK_MERGED)) {
		bool split = e->kinds & TG_DK_SPLIT;
		item_head(out, split ? e->old_item : e->new_item);
		tg_buf_putc(out, '\n');
		for (size_t p = 0; p < e->nparts; p++) {
			tg_buf_printf(out, "    %s ", split ? "->" : "<-");
			item_head(out, e->parts[p].item);
			tg_buf_printf(out, "  (%d%% of it in %s)\n", e->parts[p].score / 10,
			    split ? "the old item" : "the new item");
		}
		return;
	}
	if (e->kinds & TG_DK_RENUMBERED)
		tg_buf_printf(out, "%s -> ", e->old_item->ref);
	item_head(out, e->new_item);
	if (e->kinds & TG_DK_RENUMBERED)
		tg_buf_printf(out, "  (similarity %d%%)", e->similarity / 10);
	tg_buf_putc(out, '\n');
	field(t, e, TG_DF_TITLE);
	field(t, e, TG_DF_TEXT);
	field(t, e, TG_DF_LEVEL);
	field(t, e, TG_DF_PARENT);
}

static void
summary(tg_buf *out, const tg_catdiff *cd)
{
	tg_buf_printf(out, "%zu item%s changed", cd->nentries, cd->nentries == 1 ? "" : "s");
	bool first = true;
	for (int k = 0; k < TG_DK_COUNT; k++) {
		if (cd->counts[k] == 0)
			continue;
		tg_buf_printf(out, "%s %zu %s", first ? ":" : ",", cd->counts[k],
		    tg_diff_kind_name(1u << k));
		first = false;
	}
	tg_buf_putc(out, '\n');
	if (cd->nentries == 0)
		return;
	size_t lw = strlen("level");
	for (size_t i = 0; i < cd->nlevels; i++) {
		const char *l = cd->levels[i].level ? cd->levels[i].level : "none";
		size_t w = tg_utf8_width(l, strlen(l));
		if (w > lw)
			lw = w;
	}
	pad(out, "level", lw, false);
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_buf_printf(out, "  %s", tg_diff_kind_name(1u << k));
	tg_buf_puts(out, "  total\n");
	for (size_t i = 0; i < cd->nlevels; i++) {
		const tg_diff_level_count *lc = &cd->levels[i];
		pad(out, lc->level ? lc->level : "none", lw, false);
		char num[32];
		for (int k = 0; k < TG_DK_COUNT; k++) {
			snprintf(num, sizeof num, "%zu", lc->counts[k]);
			tg_buf_puts(out, "  ");
			pad(out, num, strlen(tg_diff_kind_name(1u << k)), true);
		}
		snprintf(num, sizeof num, "%zu", lc->total);
		tg_buf_puts(out, "  ");
		pad(out, num, strlen("total"), true);
		tg_buf_putc(out, '\n');
	}
}

static void
impact(tg_buf *out, const tg_impact *im, const tg_catdiff *cd)
{
	if (im->ncrosswalks == 0) {
		tg_buf_printf(out, "\nimpact: no crosswalk refers to %s\n", cd->old_cat->id);
		return;
	}
	tg_buf_printf(out, "\nimpact: %zu crosswalk row%s to review (%zu crosswalk%s refer%s to %s)\n",
	    im->nrows, im->nrows == 1 ? "" : "s", im->ncrosswalks, im->ncrosswalks == 1 ? "" : "s",
	    im->ncrosswalks == 1 ? "s" : "", cd->old_cat->id);
	for (size_t i = 0; i < im->nrows; i++) {
		const tg_impact_row *r = &im->rows[i];
		tg_buf_printf(out, "  %s  %s -> ", r->xw->id, r->row->source_id);
		if (r->row->ntargets == 0)
			tg_buf_puts(out, "(unmapped)");
		else
			tg_diff_put_targets(out, r->row);
		tg_buf_puts(out, ": ");
		tg_diff_put_reason(out, r, false);
		tg_buf_putc(out, '\n');
	}
	tg_buf_printf(out, "impact: %zu regulation clause%s to review\n", im->nclauses,
	    im->nclauses == 1 ? "" : "s");
	for (size_t i = 0; i < im->nclauses; i++) {
		const tg_impact_clause *c = &im->clauses[i];
		tg_buf_printf(out, "  %s:%s  %s  %s  <-", c->clause->catalog->id, c->clause->id,
		    c->clause->ref, c->clause->title ? c->clause->title : "(unknown)");
		for (size_t u = 0; u < c->nuses; u++) {
			/* Uses come in crosswalk order: name each crosswalk once. */
			if (u == 0 || c->uses[u].xw != c->uses[u - 1].xw)
				tg_buf_printf(out, "%s %s:", u ? ";" : "", c->uses[u].xw->id);
			else
				tg_buf_putc(out, ',');
			tg_buf_printf(out, " %s (%s)", c->uses[u].row->source_id,
			    c->uses[u].proposal ? "proposal" : "label");
		}
		tg_buf_putc(out, '\n');
	}
}

static void render(const tg_diff_report *r, tg_buf *out);

void
tg_diff_render_text(const tg_diff_report *r, tg_buf *out)
{
	tg_buf raw = TG_BUF_INIT;
	render(r, &raw);
	const char *s = raw.data ? raw.data : "";
	size_t from = 0;
	for (size_t i = 0; i < raw.len; i++) {
		if ((unsigned char)s[i] != 0xFF || i + 1 == raw.len)
			continue;
		tg_term_put(out, s + from, i - from, true);
		switch (s[i + 1]) {
		case 'r': tg_buf_puts(out, "\033[31m"); break;
		case 'g': tg_buf_puts(out, "\033[32m"); break;
		case 'b': tg_buf_puts(out, "\033[1m"); break;
		default: tg_buf_puts(out, "\033[m"); break;
		}
		i++;
		from = i + 1;
	}
	tg_term_put(out, s + from, raw.len - from, true);
	tg_buf_free(&raw);
}

static void
render(const tg_diff_report *r, tg_buf *out)
{
	const tg_catdiff *cd = r->cd;
	text_out t = {out, r->color};
	/* File names are the only text not checked as UTF-8: escaped here, so
	 * that no 0xFF byte of theirs reads as a colour marker. */
	tg_buf_printf(out, "--- %s (", cd->old_cat->id);
	tg_term_puts(out, cd->old_cat->file, false);
	tg_buf_printf(out, ")\n+++ %s (", cd->new_cat->id);
	tg_term_puts(out, cd->new_cat->file, false);
	tg_buf_puts(out, ")\n");
	for (int m = 0; m < TG_DM_COUNT; m++) {
		if (!(cd->meta & (1u << m)))
			continue;
		char *ta, *tb;
		const char *a = tg_diff_meta_value(cd->old_cat, 1u << m, &ta);
		const char *b = tg_diff_meta_value(cd->new_cat, 1u << m, &tb);
		tg_buf_printf(out, "catalog %s: ", tg_diff_meta_name(1u << m));
		if (a && b && (1u << m) != TG_DM_LEVELS)
			redline(&t, a, b, 4);
		else
			tg_buf_printf(out, "%s -> %s", a ? a : "(none)", b ? b : "(none)");
		tg_buf_putc(out, '\n');
		free(ta);
		free(tb);
	}
	tg_buf_putc(out, '\n');
	summary(out, cd);
	for (size_t i = 0; i < cd->nentries; i++) {
		tg_buf_putc(out, '\n');
		entry(&t, &cd->entries[i]);
	}
	if (r->impact != NULL)
		impact(out, r->impact, cd);
}
