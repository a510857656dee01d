/* The 新旧対照表 of two rendered regulations: the way a Japanese company
 * shows an amendment, clause by clause in two columns (改正前 | 改正後).
 *
 * A document is the directory's regulation.md (what `render` writes: the
 * whole regulation once) or, without one, every *.md in path order.  It is
 * cut at its headings into clauses; a clause is keyed by its number
 * (3.1.1, 1.2.2.1, 第3条 …) or, for a heading without one (基本方針, 付録A),
 * by its heading text, the n-th of equal keys pairing with the n-th.  A
 * paired clause whose text differs is a change; the others are 新設 or
 * 削除.  Rows follow the new document, a removed clause coming after the
 * clause that preceded it in the old one; runs of unchanged clauses are
 * left out and counted.  Texts are shown as a reader sees them: Markdown
 * escapes, emphasis marks and table rules removed. */
#include <stdlib.h>
#include <string.h>

#include "../util/fs.h"
#include "../util/map.h"
#include "../util/utf8.h"
#include "diff.h"

typedef struct clause {
	const char *key;
	const char *text;	/* heading line, then the body */
	size_t pair;		/* index in the other document + 1; 0: none */
} clause;

static bool
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Inline Markdown to text: backslash escapes, entities, ** and __, <br>. */
static void
inline_plain(tg_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		char c = s[i];
		if (c == '\\' && i + 1 < n && ((s[i + 1] >= '!' && s[i + 1] <= '/') ||
		    (s[i + 1] >= ':' && s[i + 1] <= '@') || (s[i + 1] >= '[' && s[i + 1] <= '`') ||
		    (s[i + 1] >= '{' && s[i + 1] <= '~'))) {
			tg_buf_putc(out, s[i + 1]);
			i += 2;
		} else if ((c == '*' || c == '_') && i + 1 < n && s[i + 1] == c) {
			i += 2;
		} else if (c == '<' && ((i + 4 <= n && memcmp(s + i, "<br>", 4) == 0) ||
		    (i + 5 <= n && memcmp(s + i, "<br/>", 5) == 0))) {
			/* (the text is len bytes, not a C string: nothing past n is read) */
			tg_buf_putc(out, '\n');
			i += s[i + 3] == '>' ? 4 : 5;
		} else if (c == '&') {
			static const struct {
				const char *e, *t;
			} ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
			    {"&#39;", "'"}, {"&#61;", "="}, {"&#124;", "|"}};
			size_t k = 0;
			for (; k < sizeof ents / sizeof ents[0]; k++) {
				size_t el = strlen(ents[k].e);
				if (i + el <= n && memcmp(s + i, ents[k].e, el) == 0) {
					tg_buf_puts(out, ents[k].t);
					i += el;
					break;
				}
			}
			if (k == sizeof ents / sizeof ents[0]) {
				tg_buf_putc(out, '&');
				i++;
			}
		} else {
			tg_buf_putc(out, c);
			i++;
		}
	}
}

/* One body line as text: quote marks dropped, bullets as ・, table rows
 * as cells joined by ｜ (rule rows dropped). */
static void
line_plain(tg_buf *out, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	size_t i = 0;
	while (i < n && s[i] == '>') {
		i++;
		if (i < n && s[i] == ' ')
			i++;
	}
	size_t indent = 0;
	while (i < n && s[i] == ' ')
		i++, indent++;
	if (i < n && s[i] == '|') {
		bool rule = true;
		for (size_t k = i; k < n && rule; k++)
			rule = strchr("|-: ", s[k]) != NULL;
		if (rule)
			return;
		if (out->len > 0)
			tg_buf_putc(out, '\n');
		size_t start = i + 1;
		bool first = true;
		for (size_t k = start; k <= n; k++) {
			if (k < n && !(s[k] == '|' && s[k - 1] != '\\'))
				continue;
			size_t a = start, b = k;
			while (a < b && s[a] == ' ')
				a++;
			while (b > a && s[b - 1] == ' ')
				b--;
			if (k < n || b > a) {
				if (!first)
					tg_buf_puts(out, "｜");
				inline_plain(out, s + a, b - a);
				first = false;
			}
			start = k + 1;
		}
		return;
	}
	if (out->len > 0)
		tg_buf_putc(out, '\n');
	for (size_t k = 0; k + 2 <= indent; k += 2)
		tg_buf_puts(out, "　");
	if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') && s[i + 1] == ' ') {
		tg_buf_puts(out, "・");
		i += 2;
	}
	inline_plain(out, s + i, n - i);
}

/* "3.1.1" or "第3条" at the start of a heading, else the whole heading. */
static size_t
number_len(const char *h)
{
	size_t i = 0;
	if (h[0] >= '0' && h[0] <= '9') {
		while ((h[i] >= '0' && h[i] <= '9') || (h[i] == '.' && h[i + 1] >= '0' && h[i + 1] <= '9'))
			i++;
		return h[i] == ' ' || h[i] == '\0' ? i : 0;
	}
	if (strncmp(h, "第", 3) == 0) {
		/* 第 + digits (ASCII, full-width or kanji numerals) + 章節条項款 */
		static const char *const kanji = "一二三四五六七八九十百千〇";
		i = 3;
		size_t digits = 0;
		while (h[i] != '\0') {
			size_t n;
			uint32_t cp = tg_utf8_decode(h + i, strlen(h + i), &n);
			char enc[5] = {0};
			if (cp >= 0x80)
				tg_utf8_encode(cp, enc);
			bool digit = (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) ||
			    (cp >= 0x80 && strstr(kanji, enc) != NULL);
			if (!digit)
				break;
			i += n;
			digits++;
		}
		static const char *const units[] = {"章", "節", "条", "項", "款"};
		for (size_t k = 0; digits > 0 && k < 5; k++)
			if (strncmp(h + i, units[k], 3) == 0)
				return i + 3;
	}
	return 0;
}

/* Cuts a document into clauses.  The document's own title (a first
 * level-1 heading that is its only one) is not a clause. */
static void
parse(tg_arena *a, const char *s, size_t len, tg_buf *clauses, const char **title)
{
	size_t h1 = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) - i : len - i;
		if (n >= 2 && s[i] == '#' && s[i + 1] == ' ')
			h1++;
		i += n + 1;
	}
	*title = NULL;
	tg_map seen;
	tg_map_init(&seen);
	tg_buf heading = TG_BUF_INIT, body = TG_BUF_INIT, key = TG_BUF_INIT;
	bool open = false, first_heading = true, skip = false;
	for (size_t i = 0; i <= len;) {
		const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
		size_t n = i < len ? (nl ? (size_t)(nl - s) - i : len - i) : 0;
		const char *line = s + i;
		size_t level = 0;
		while (level < n && level < 7 && line[level] == '#')
			level++;
		bool is_heading = i < len && level >= 1 && level <= 6 && (level == n || line[level] == ' ');
		if (i >= len || is_heading) {
			if (open && !skip) {
				tg_buf text = TG_BUF_INIT;
				tg_buf_put(&text, heading.data, heading.len);
				if (body.len > 0) {
					tg_buf_putc(&text, '\n');
					tg_buf_put(&text, body.data, body.len);
				}
				/* Equal keys pair by occurrence: the second 付録A with the second. */
				size_t nk = number_len(heading.data);
				tg_buf_clear(&key);
				tg_buf_put(&key, heading.data, nk ? nk : heading.len);
				char *k0 = tg_arena_strdup(a, key.data);
				size_t times = (size_t)(uintptr_t)tg_map_get(&seen, k0);
				tg_map_set(&seen, k0, (void *)(uintptr_t)(times + 1));
				if (times > 0)
					tg_buf_printf(&key, "\x1f%zu", times + 1);
				clause c = {tg_arena_strdup(a, key.data), tg_arena_strdup(a, text.data), 0};
				TG_BUF_PUSH(clauses, clause, c);
				tg_buf_free(&text);
			}
			if (i >= len)
				break;
			tg_buf_clear(&heading);
			tg_buf_clear(&body);
			size_t k = level;
			while (k < n && line[k] == ' ')
				k++;
			size_t e = n;
			while (e > k && (line[e - 1] == ' ' || line[e - 1] == '\r'))
				e--;
			while (e > k && line[e - 1] == '#')	/* closing #s */
				e--;
			while (e > k && line[e - 1] == ' ')
				e--;
			inline_plain(&heading, line + k, e - k);
			tg_buf_cstr(&heading);
			skip = first_heading && level == 1 && h1 == 1;
			if (skip)
				*title = tg_arena_strdup(a, heading.data);
			first_heading = false;
			open = true;
		} else if (!is_blank(line, n)) {
			if (!open) {	/* text before any heading */
				tg_buf_clear(&heading);
				tg_buf_puts(&heading, "（前文）");
				open = true;
				skip = false;
			}
			line_plain(&body, line, n);
		}
		/* A last line without a newline still reaches the flush at len. */
		i = nl != NULL ? i + n + 1 : len;
	}
	tg_map_free(&seen);
	tg_buf_free(&heading);
	tg_buf_free(&body);
	tg_buf_free(&key);
}

/* regulation.md if the directory holds one, else every *.md. */
static bool
read_document(tg_oldnew *on, const char *dir, tg_buf *doc, const char **source, tg_diag *diag)
{
	char *whole = tg_fs_join(dir, "regulation.md");
	bool has = tg_fs_is_file(whole);
	free(whole);
	if (has) {
		*source = "regulation.md";
		return tg_regdiff_read(dir, "regulation.md", doc, diag);
	}
	tg_buf names = TG_BUF_INIT, one = TG_BUF_INIT;
	bool ok = tg_regdiff_list(dir, &names, diag);
	size_t n = TG_BUF_COUNT(&names, char *);
	for (size_t i = 0; ok && i < n; i++) {
		ok = tg_regdiff_read(dir, TG_BUF_AT(&names, char *, i), &one, diag);
		tg_buf_put(doc, one.data ? one.data : "", one.len);
		tg_buf_puts(doc, "\n\n");
	}
	for (size_t i = 0; i < n; i++)
		free(TG_BUF_AT(&names, char *, i));
	tg_buf t = TG_BUF_INIT;
	tg_buf_printf(&t, "Markdownファイル%zu個", n);
	*source = tg_arena_strdup(&on->arena, t.data);
	tg_buf_free(&t);
	tg_buf_free(&names);
	tg_buf_free(&one);
	return ok;
}

static void
row(tg_buf *rows, tg_on_kind kind, const clause *o, const clause *n, size_t gap)
{
	tg_on_row r = {kind, o ? o->text : NULL, n ? n->text : NULL, gap};
	TG_BUF_PUSH(rows, tg_on_row, r);
}

int
tg_oldnew_compute(tg_oldnew *on, const char *old_dir, const char *new_dir, tg_diag *diag)
{
	tg_oldnew_init(on, old_dir, new_dir);
	tg_buf od = TG_BUF_INIT, nd = TG_BUF_INIT;
	int rc = TG_EXIT_IO;
	bool ok_old = tg_fs_is_dir(old_dir), ok_new = tg_fs_is_dir(new_dir);
	if (!ok_old)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: not a directory", old_dir);
	if (!ok_new)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: not a directory", new_dir);
	if (!ok_old || !ok_new)
		goto out;
	ok_old = read_document(on, old_dir, &od, &on->old_source, diag);
	ok_new = read_document(on, new_dir, &nd, &on->new_source, diag);
	if (!ok_old || !ok_new)
		goto out;
	tg_oldnew_compare(on, od.data ? od.data : "", od.len, nd.data ? nd.data : "", nd.len);
	rc = TG_EXIT_OK;
out:
	tg_buf_free(&od);
	tg_buf_free(&nd);
	return rc;
}

void
tg_oldnew_init(tg_oldnew *on, const char *old_name, const char *new_name)
{
	memset(on, 0, sizeof *on);
	tg_arena_init(&on->arena);
	on->old_dir = old_name;
	on->new_dir = new_name;
	on->old_source = on->new_source = "";
}

void
tg_oldnew_compare(tg_oldnew *on, const char *old_text, size_t old_len, const char *new_text,
    size_t new_len)
{
	tg_buf oc = TG_BUF_INIT, nc = TG_BUF_INIT, rows = TG_BUF_INIT;
	parse(&on->arena, old_text, old_len, &oc, &on->old_title);
	parse(&on->arena, new_text, new_len, &nc, &on->new_title);
	clause *o = (clause *)(void *)oc.data, *n = (clause *)(void *)nc.data;
	size_t no = TG_BUF_COUNT(&oc, clause), nn = TG_BUF_COUNT(&nc, clause);
	tg_map by_key;
	tg_map_init(&by_key);
	for (size_t i = 0; i < no; i++)
		tg_map_put(&by_key, o[i].key, (void *)(uintptr_t)(i + 1));
	for (size_t j = 0; j < nn; j++) {
		size_t i = (size_t)(uintptr_t)tg_map_get(&by_key, n[j].key);
		if (i > 0 && o[i - 1].pair == 0) {
			o[i - 1].pair = j + 1;
			n[j].pair = i;
		}
	}
	tg_map_free(&by_key);
	/* In new order; a removed clause right after the clause that preceded
	 * it in the old document. */
	size_t next_old = 0, gap = 0;
	for (size_t j = 0; j <= nn; j++) {
		/* Removed clauses before this one's counterpart (at the end: all
		 * that are left). */
		size_t upto = j == nn ? no : n[j].pair ? n[j].pair - 1 : 0;
		for (; next_old < upto; next_old++) {
			if (o[next_old].pair != 0)
				continue;
			if (gap > 0)
				row(&rows, TG_ON_GAP, NULL, NULL, gap);
			gap = 0;
			row(&rows, TG_ON_REMOVED, &o[next_old], NULL, 0);
			on->removed++;
		}
		if (j == nn)
			break;
		const clause *old = n[j].pair ? &o[n[j].pair - 1] : NULL;
		if (old != NULL && strcmp(old->text, n[j].text) == 0) {
			gap++;
			on->unchanged++;
		} else {
			if (gap > 0)
				row(&rows, TG_ON_GAP, NULL, NULL, gap);
			gap = 0;
			row(&rows, old ? TG_ON_CHANGED : TG_ON_ADDED, old, &n[j], 0);
			if (old)
				on->changed++;
			else
				on->added++;
		}
		if (old == NULL)
			continue;
		if (n[j].pair > next_old)
			next_old = n[j].pair;
		/* The removed clauses that followed it. */
		for (; next_old < no && o[next_old].pair == 0; next_old++) {
			if (gap > 0)
				row(&rows, TG_ON_GAP, NULL, NULL, gap);
			gap = 0;
			row(&rows, TG_ON_REMOVED, &o[next_old], NULL, 0);
			on->removed++;
		}
	}
	if (gap > 0 && rows.len > 0)
		row(&rows, TG_ON_GAP, NULL, NULL, gap);
	on->nrows = TG_BUF_COUNT(&rows, tg_on_row);
	on->rows = tg_arena_memdup(&on->arena, rows.data, rows.len);
	tg_buf_free(&oc);
	tg_buf_free(&nc);
	tg_buf_free(&rows);
}

void
tg_oldnew_free(tg_oldnew *on)
{
	tg_arena_free(&on->arena);
	memset(on, 0, sizeof *on);
}

void
tg_oldnew_side(const tg_on_row *r, bool new_side, tg_buf *segs)
{
	const char *mine = new_side ? r->new_text : r->old_text;
	if (mine == NULL)
		return;
	if (r->kind != TG_ON_CHANGED) {
		tg_on_seg s = {mine, strlen(mine), true};
		TG_BUF_PUSH(segs, tg_on_seg, s);
		return;
	}
	tg_buf spans = TG_BUF_INIT;
	tg_diff_redline(r->old_text, r->new_text, &spans);
	for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
		const tg_diff_span *sp = &TG_BUF_AT(&spans, tg_diff_span, i);
		if (sp->op == (new_side ? TG_OP_DEL : TG_OP_INS))
			continue;
		tg_on_seg s = {sp->s, sp->len, sp->op != TG_OP_EQ};
		TG_BUF_PUSH(segs, tg_on_seg, s);
	}
	tg_buf_free(&spans);
}
