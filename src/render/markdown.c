/* Markdown to HTML through Discount, with the flags every output uses (no
 * raw HTML, images, links or pseudo-protocols) and ordered lists that keep
 * their first number.  The regulation's HTML page and its Word document
 * (which reads this HTML back) share it. */
#include <mkdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"

/* The first numbers of the ordered lists of a Markdown text, in document
 * order.  Discount writes every <ol> from 1, but a regulation's item
 * numbers are referred to ("第3項"): a list that resumes after a table at
 * "3." must show 3.  A list starts at a numbered line after a blank line
 * (or the start, or inside another list's item), in its own context of
 * blockquote depth and indentation. */
static const char *
memmem_ol(const char *p, const char *end)
{
	for (; p + 4 <= end; p++)
		if (memcmp(p, "<ol>", 4) == 0)
			return p;
	return NULL;
}

typedef struct list_ctx {
	size_t quote, indent;
	bool ordered;
} list_ctx;

static size_t
list_starts(const char *md, size_t len, long *starts, size_t max)
{
	list_ctx stack[16];
	size_t depth = 0, n = 0;
	bool after_blank = true;
	for (const char *p = md, *end = md + len; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		const char *q = p;
		size_t quote = 0, indent = 0;
		while (q < eol && *q == '>') {
			quote++;
			q++;
			if (q < eol && *q == ' ')
				q++;
		}
		while (q < eol && *q == ' ') {
			indent++;
			q++;
		}
		if (q == eol) {
			after_blank = true;
			p = eol + 1;
			continue;
		}
		const char *d = q;
		while (d < eol && *d >= '0' && *d <= '9')
			d++;
		bool num = d > q && d + 1 < eol && (*d == '.' || *d == ')') && d[1] == ' ';
		bool bullet = (*q == '-' || *q == '*' || *q == '+') && q + 1 < eol && q[1] == ' ';
		/* Leave the lists this line is not part of. */
		while (depth > 0) {
			list_ctx *top = &stack[depth - 1];
			bool inside = top->quote == quote && (indent > top->indent ||
			    (indent == top->indent && (num || bullet) && top->ordered == num));
			if (inside || (top->quote < quote))
				break;
			depth--;
		}
		if ((num || bullet) && (depth == 0 || stack[depth - 1].quote != quote ||
		    stack[depth - 1].indent != indent)) {
			if (after_blank || depth > 0) {
				if (num && n < max)
					starts[n] = strtol(q, NULL, 10);
				n += num;
				if (depth < sizeof stack / sizeof stack[0])
					stack[depth++] = (list_ctx){quote, indent, num};
			}
		}
		after_blank = false;
		p = eol + 1;
	}
	return n;
}

/* Copies Discount's HTML, giving each <ol> its first number; when the
 * lists found in the source do not match Discount's, the HTML stays as it
 * is (numbers from 1) rather than numbering the wrong list. */
static void
put_lists(tg_buf *out, const char *html, size_t n, const char *md, size_t len)
{
	static const char ol[] = "<ol>";
	long starts[64];
	size_t nstarts = list_starts(md, len, starts, 64), nol = 0;
	const char *end = html + n;
	for (const char *p = html; (p = memmem_ol(p, end)) != NULL; p += sizeof ol - 1)
		nol++;
	if (nol != nstarts || nstarts > 64) {
		tg_buf_put(out, html, n);
		return;
	}
	size_t k = 0;
	for (const char *p = html;;) {
		const char *at = memmem_ol(p, end);
		if (at == NULL) {
			tg_buf_put(out, p, (size_t)(end - p));
			break;
		}
		tg_buf_put(out, p, (size_t)(at - p));
		if (starts[k] != 1)
			tg_buf_printf(out, "<ol start=\"%ld\">", starts[k]);
		else
			tg_buf_puts(out, ol);
		k++;
		p = at + sizeof ol - 1;
	}
}

/* Markdown -> HTML through Discount: no raw HTML, images, links or
 * pseudo-protocols; tables and lists as in the templates. */
void
tg_md_html(tg_buf *out, const char *md, size_t len)
{
	const mkd_flag_t flags = MKD_NOHTML | MKD_NOIMAGE | MKD_NOLINKS | MKD_NOPANTS |
	    MKD_NOSTRIKETHROUGH | MKD_NOALPHALIST | MKD_NODLIST | MKD_NODIVQUOTE | MKD_NOHEADER |
	    MKD_NOSTYLE | MKD_NO_EXT | MKD_NODLDISCOUNT;
	if (len == 0)
		return;
	MMIOT *doc = mkd_string(md, (int)len, flags);
	if (doc == NULL)
		return;
	char *html = NULL;
	if (mkd_compile(doc, flags)) {
		int n = mkd_document(doc, &html);
		if (n > 0 && html != NULL) {
			put_lists(out, html, (size_t)n, md, len);
			tg_buf_putc(out, '\n');
		}
	}
	mkd_cleanup(doc);
}
