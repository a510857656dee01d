/* Markdown texts as Word paragraphs, lists and tables.  The text goes
 * through Discount (render/markdown.c) exactly as for the HTML page, so
 * both formats read the same structure; Discount's HTML (raw HTML off:
 * only its own tags) is then walked tag by tag:
 *
 *   <p>                     a paragraph (the first of a list item carries
 *                           the item's number, later ones are indented)
 *   <ol start>, <ul>, <li>  a Word list per list, its level the nesting
 *   <table> <tr> <th> <td>  a Word table, header rows repeated, column
 *                           widths from the contents
 *   <blockquote>            paragraphs in style Quote
 *   <strong> <em> <code> <del> <br>   bold, emphasis dots, code, struck,
 *                           line break
 *
 * Anything else (Discount's own <hr>, <h1>-<h6>) degrades to text. */
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "docx.h"
#include "markdown.h"

typedef struct list_level {
	unsigned num, level;
	bool item_open, numbered;	/* an item is open; its number was given */
} list_level;

typedef struct walker {
	tg_docx *d;
	const char *lead;
	unsigned lead_fmt;
	unsigned fmt;
	list_level lists[16];
	size_t nlists;
	unsigned quote;
	bool in_table, in_cell, pre, heading;
	bool open;		/* a paragraph is open */
	char last;		/* last byte written in the paragraph, for soft breaks */
	tg_buf pending;		/* trailing white space: written only if text follows */
} walker;

/* Entities Discount writes (and numeric ones); others stay as written. */
static size_t
entity(const char *s, size_t len, tg_buf *out)
{
	static const struct {
		const char *name, *text;
	} named[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
	    {"&nbsp;", "\xC2\xA0"}};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		size_t n = strlen(named[i].name);
		if (len >= n && memcmp(s, named[i].name, n) == 0) {
			tg_buf_puts(out, named[i].text);
			return n;
		}
	}
	if (len > 3 && s[1] == '#') {
		size_t i = 2;
		int base = 10;
		if (s[i] == 'x' || s[i] == 'X') {
			base = 16;
			i++;
		}
		unsigned long cp = 0;
		size_t digits = 0;
		for (; i < len && digits < 8; i++, digits++) {
			char c = s[i];
			int v = c >= '0' && c <= '9' ? c - '0' : base == 16 && c >= 'a' && c <= 'f' ?
			    c - 'a' + 10 : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (v < 0)
				break;
			cp = cp * (unsigned long)base + (unsigned long)v;
		}
		if (digits > 0 && i < len && s[i] == ';' && cp > 0 && cp <= 0x10FFFF &&
		    !(cp >= 0xD800 && cp <= 0xDFFF)) {
			char enc[4];
			tg_buf_put(out, enc, tg_utf8_encode((uint32_t)cp, enc));
			return i + 1;
		}
	}
	tg_buf_putc(out, '&');
	return 1;
}

static bool
ascii_word(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static void
open_paragraph(walker *w)
{
	if (w->open)
		return;
	const char *style = NULL;
	list_level *l = w->nlists ? &w->lists[w->nlists - 1] : NULL;
	if (w->in_cell)
		style = TG_DX_TABLE_TEXT;
	else if (l != NULL && l->item_open)
		style = TG_DX_LIST;
	else if (w->quote > 0)
		style = TG_DX_QUOTE;
	tg_docx_p_begin(w->d, style);
	if (!w->in_cell && l != NULL && l->item_open && !l->numbered) {
		tg_docx_p_list(w->d, l->num, l->level);
		l->numbered = true;
	}
	w->open = true;
	w->last = 0;
	if (w->lead != NULL) {
		tg_docx_text(w->d, w->lead, w->lead_fmt);
		w->lead = NULL;
		w->last = 'x';
	}
}

static void
close_paragraph(walker *w)
{
	tg_buf_clear(&w->pending);
	if (!w->open)
		return;
	tg_docx_p_end(w->d);
	w->open = false;
}

/* Text between tags, entities decoded.  Line ends inside a paragraph are
 * soft breaks: a space between two ASCII words, nothing in Japanese. */
static void
text(walker *w, const char *s, size_t len)
{
	tg_buf t = TG_BUF_INIT;
	for (size_t i = 0; i < len;) {
		if (s[i] == '&') {
			i += entity(s + i, len - i, &t);
		} else if (s[i] == '\n' && !w->pre) {
			char prev = t.len ? t.data[t.len - 1] : w->last;
			char next = i + 1 < len ? s[i + 1] : 0;
			if (ascii_word(prev) && ascii_word(next))
				tg_buf_putc(&t, ' ');
			i++;
		} else {
			size_t j = i + 1;
			while (j < len && s[j] != '&' && s[j] != '\n')
				j++;
			tg_buf_put(&t, s + i, j - i);
			i = j;
		}
	}
	/* Discount pads cells with spaces: white space at a paragraph's ends
	 * is dropped, inside kept. */
	size_t k = 0, e = t.len;
	if (!w->open)
		while (k < e && (t.data[k] == ' ' || t.data[k] == '\n' || t.data[k] == '\t'))
			k++;
	while (e > k && !w->pre && (t.data[e - 1] == ' ' || t.data[e - 1] == '\t'))
		e--;
	if (e > k) {
		open_paragraph(w);
		if (w->pending.len > 0)
			tg_docx_run(w->d, w->pending.data, w->pending.len, w->fmt);
		tg_buf_clear(&w->pending);
		tg_docx_run(w->d, t.data + k, e - k, w->fmt);
		w->last = t.data[e - 1];
	}
	if (w->open && t.len > e)	/* (t.data is NULL when t is empty) */
		tg_buf_put(&w->pending, t.data + e, t.len - e);
	tg_buf_free(&t);
}

static bool
tag_is(const char *name, size_t n, const char *want)
{
	return strlen(want) == n && memcmp(name, want, n) == 0;
}

/* The value of attribute `attr` in a tag's attributes, or -1. */
static long
attr_number(const char *attrs, size_t len, const char *attr)
{
	size_t n = strlen(attr);
	for (size_t i = 0; i + n + 2 <= len; i++)
		if (memcmp(attrs + i, attr, n) == 0 && attrs[i + n] == '=' && attrs[i + n + 1] == '"')
			return strtol(attrs + i + n + 2, NULL, 10);
	return -1;
}

/* Plain text of an HTML fragment (tags dropped, entities decoded): for
 * column widths. */
static size_t
plain_width(const char *s, size_t len)
{
	tg_buf t = TG_BUF_INIT;
	for (size_t i = 0; i < len;) {
		if (s[i] == '<') {
			const char *gt = memchr(s + i, '>', len - i);
			i = gt ? (size_t)(gt - s) + 1 : len;
		} else if (s[i] == '&') {
			i += entity(s + i, len - i, &t);
		} else {
			tg_buf_putc(&t, s[i++]);
		}
	}
	size_t w = tg_utf8_width(t.data ? t.data : "", t.len);
	tg_buf_free(&t);
	return w;
}

/* Column count, header rows and widths of the table at s (up to
 * </table>): each column gets room by its widest cell, at least 8 %. */
static void
table_shape(const char *s, size_t len, size_t *ncols, size_t *header_rows, double **widths)
{
	size_t cols = 0, row_cols = 0, heads = 0;
	bool in_head = false;
	tg_buf wide = TG_BUF_INIT;	/* size_t per column */
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '<')
			continue;
		const char *p = s + i + 1;
		if (strncmp(p, "thead", 5) == 0)
			in_head = true;
		else if (strncmp(p, "/thead", 6) == 0)
			in_head = false;
		else if (strncmp(p, "tr", 2) == 0 && (p[2] == '>' || p[2] == ' ')) {
			row_cols = 0;
			heads += in_head;
		} else if ((strncmp(p, "td", 2) == 0 || strncmp(p, "th", 2) == 0) &&
		    (p[2] == '>' || p[2] == ' ')) {
			const char *gt = memchr(p, '>', len - (size_t)(p - s));
			const char *end = gt ? strstr(gt, p[1] == 'd' ? "</td>" : "</th>") : NULL;
			size_t w = gt && end && end < s + len ? plain_width(gt + 1, (size_t)(end - gt - 1)) : 0;
			if (row_cols >= TG_BUF_COUNT(&wide, size_t))
				TG_BUF_PUSH(&wide, size_t, 0);
			if (w > TG_BUF_AT(&wide, size_t, row_cols))
				TG_BUF_AT(&wide, size_t, row_cols) = w;
			row_cols++;
			if (row_cols > cols)
				cols = row_cols;
		}
	}
	*ncols = cols ? cols : 1;
	*header_rows = heads;
	*widths = tg_xcalloc(*ncols, sizeof **widths);
	double total = 0;
	for (size_t c = 0; c < *ncols; c++) {
		size_t w = c < TG_BUF_COUNT(&wide, size_t) ? TG_BUF_AT(&wide, size_t, c) : 0;
		double v = w > 60 ? 60 : w < 6 ? 6 : (double)w;
		(*widths)[c] = v;
		total += v;
	}
	for (size_t c = 0; c < *ncols; c++) {
		double f = (*widths)[c] / total;
		(*widths)[c] = f < 0.08 ? 0.08 : f;
	}
	total = 0;
	for (size_t c = 0; c < *ncols; c++)
		total += (*widths)[c];
	for (size_t c = 0; c < *ncols; c++)
		(*widths)[c] /= total;
	tg_buf_free(&wide);
}

static void
tag(walker *w, const char *html, size_t len, size_t *at)
{
	size_t i = *at + 1;
	bool closing = i < len && html[i] == '/';
	if (closing)
		i++;
	size_t name = i;
	while (i < len && ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= '0' && html[i] <= '9')))
		i++;
	size_t nlen = i - name;
	const char *gt = memchr(html + i, '>', len - i);
	size_t end = gt ? (size_t)(gt - html) + 1 : len;
	const char *attrs = html + i;
	size_t alen = end - i;
	const char *n = html + name;
	*at = end;

	if (tag_is(n, nlen, "p") || tag_is(n, nlen, "h1") || tag_is(n, nlen, "h2") ||
	    tag_is(n, nlen, "h3") || tag_is(n, nlen, "h4") || tag_is(n, nlen, "h5") ||
	    tag_is(n, nlen, "h6") || tag_is(n, nlen, "pre")) {
		close_paragraph(w);
		w->pre = !closing && tag_is(n, nlen, "pre");
		w->heading = !closing && n[0] == 'h';
		if (w->heading)
			w->fmt |= TG_DX_BOLD;
		else if (closing && n[0] == 'h')
			w->fmt &= ~(unsigned)TG_DX_BOLD;
		if (!closing)
			open_paragraph(w);
	} else if (tag_is(n, nlen, "ol") || tag_is(n, nlen, "ul")) {
		close_paragraph(w);
		if (!closing && w->nlists < sizeof w->lists / sizeof w->lists[0]) {
			long start = attr_number(attrs, alen, "start");
			unsigned level = (unsigned)w->nlists;
			list_level l = {tg_docx_list(w->d, n[0] == 'o', level, start > 0 ? start : 1), level,
			    false, false};
			w->lists[w->nlists++] = l;
		} else if (closing && w->nlists > 0) {
			w->nlists--;
		}
	} else if (tag_is(n, nlen, "li")) {
		close_paragraph(w);
		if (w->nlists > 0) {
			w->lists[w->nlists - 1].item_open = !closing;
			w->lists[w->nlists - 1].numbered = false;
		}
	} else if (tag_is(n, nlen, "table")) {
		close_paragraph(w);
		if (!closing) {
			const char *stop = strstr(html + end, "</table>");
			size_t ncols, heads;
			double *widths;
			table_shape(html + end, stop ? (size_t)(stop - html) - end : len - end, &ncols,
			    &heads, &widths);
			tg_docx_table_begin(w->d, ncols, widths, heads);
			free(widths);
			w->in_table = true;
		} else {
			tg_docx_table_end(w->d);
			w->in_table = false;
		}
	} else if (tag_is(n, nlen, "tr") && w->in_table) {
		if (closing)
			tg_docx_row_end(w->d);
		else
			tg_docx_row_begin(w->d);
	} else if ((tag_is(n, nlen, "td") || tag_is(n, nlen, "th")) && w->in_table) {
		close_paragraph(w);
		if (!closing) {
			tg_docx_cell_begin(w->d);
			w->in_cell = true;
			if (n[1] == 'h')
				w->fmt |= TG_DX_BOLD;
		} else {
			tg_docx_cell_end(w->d);
			w->in_cell = false;
			if (n[1] == 'h')
				w->fmt &= ~(unsigned)TG_DX_BOLD;
		}
	} else if (tag_is(n, nlen, "blockquote")) {
		close_paragraph(w);
		if (closing && w->quote > 0)
			w->quote--;
		else if (!closing)
			w->quote++;
	} else if (tag_is(n, nlen, "strong") || tag_is(n, nlen, "b")) {
		w->fmt = closing ? w->fmt & ~(unsigned)TG_DX_BOLD : w->fmt | TG_DX_BOLD;
	} else if (tag_is(n, nlen, "em") || tag_is(n, nlen, "i")) {
		w->fmt = closing ? w->fmt & ~(unsigned)TG_DX_DOTS : w->fmt | TG_DX_DOTS;
	} else if (tag_is(n, nlen, "code")) {
		w->fmt = closing ? w->fmt & ~(unsigned)TG_DX_CODE : w->fmt | TG_DX_CODE;
	} else if (tag_is(n, nlen, "del") || tag_is(n, nlen, "s")) {
		w->fmt = closing ? w->fmt & ~(unsigned)TG_DX_STRIKE : w->fmt | TG_DX_STRIKE;
	} else if (tag_is(n, nlen, "br") && w->open) {
		tg_docx_run(w->d, "\n", 1, w->fmt);
	}
}

void
tg_docx_markdown(tg_docx *d, const char *md, size_t len, const char *lead, unsigned lead_fmt)
{
	tg_buf html = TG_BUF_INIT;
	tg_md_html(&html, md, len);
	walker w = {0};
	w.d = d;
	w.lead = lead;
	w.lead_fmt = lead_fmt;
	const char *h = html.data ? html.data : "";
	size_t n = html.len, start = 0;
	for (size_t i = 0; i < n;) {
		if (h[i] != '<') {
			i++;
			continue;
		}
		text(&w, h + start, i - start);
		tag(&w, h, n, &i);
		start = i;
	}
	text(&w, h + start, n - start);
	close_paragraph(&w);
	if (w.lead != NULL)	/* an empty text: the lead alone */
		tg_docx_para(d, NULL, w.lead, w.lead_fmt);
	tg_buf_free(&w.pending);
	tg_buf_free(&html);
}
