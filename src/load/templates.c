#include "templates.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fs.h"
#include "../util/utf8.h"

/* Parses "<!-- @clause ID -->" / "<!-- @chapter ID -->".  Returns 0 when
 * the line is not a marker at all, 1 for a marker, -1 for a malformed one. */
static int
parse_marker(const char *line, size_t len, bool *chapter, const char **id, size_t *idlen)
{
	if (len < 6 || memcmp(line, "<!-- @", 6) != 0) {
		/* Near misses ("<!--@clause x-->") must not pass silently as comments. */
		if (len >= 4 && memcmp(line, "<!--", 4) == 0) {
			const char *at = memchr(line, '@', len);
			if (at != NULL && ((size_t)(line + len - at) >= 7 &&
			    (memcmp(at, "@clause", 7) == 0 || memcmp(at, "@chapter", 7) == 0)))
				return -1;
		}
		return 0;
	}
	const char *p = line + 6, *end = line + len;
	while (end > p && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
		end--;
	if (end - p < 4 || memcmp(end - 3, "-->", 3) != 0)
		return -1;
	end -= 3;
	if ((size_t)(end - p) > 7 && memcmp(p, "clause ", 7) == 0) {
		*chapter = false;
		p += 7;
	} else if ((size_t)(end - p) > 8 && memcmp(p, "chapter ", 8) == 0) {
		*chapter = true;
		p += 8;
	} else {
		return -1;
	}
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end || memchr(p, ' ', (size_t)(end - p)) != NULL)
		return -1;
	*id = p;
	*idlen = (size_t)(end - p);
	return 1;
}

/* Splits one file into its marked pieces. */
static void
split_file(tg_data *d, tg_tset *t, size_t fi, tg_buf *clauses, tg_diag *diag)
{
	tg_tfile *f = &t->files[fi];
	const char *p = f->text, *end = f->text + f->len;
	unsigned line = 1;
	bool seen_content = false;
	tg_tclause *cur = NULL;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		size_t len = (size_t)((eol ? eol : end) - p);
		bool chapter;
		const char *id;
		size_t idlen;
		int m = parse_marker(p, len, &chapter, &id, &idlen);
		if (m < 0) {
			tg_diag_error(diag, tg_pos_at(f->path, line, 1),
			    "malformed marker: write <!-- @clause ITEM-ID --> or <!-- @chapter ITEM-ID -->");
		} else if (m > 0) {
			if (cur != NULL)
				cur->len = (size_t)(p - cur->text);
			tg_tclause c = {0};
			c.id = tg_arena_strndup(&d->arena, id, idlen);
			c.chapter = chapter;
			c.file = fi;
			c.pos = tg_pos_at(f->path, line, (unsigned)(id - p) + 1);
			c.pos.span = (unsigned)tg_utf8_count(id, idlen);
			c.text = next;
			c.text_pos = tg_pos_at(f->path, line + 1, 1);
			if (!seen_content && !chapter)
				tg_diag_error(diag, c.pos, "a template file must start with its <!-- @chapter … --> marker");
			seen_content = true;
			TG_BUF_PUSH(clauses, tg_tclause, c);
			cur = &TG_BUF_AT(clauses, tg_tclause, TG_BUF_COUNT(clauses, tg_tclause) - 1);
		} else if (!seen_content && len > 0 && strspn(p, " \t\r") < len) {
			tg_diag_error(diag, tg_pos_at(f->path, line, 1),
			    "text before the file's <!-- @chapter … --> marker");
			seen_content = true;
		}
		p = next;
		line++;
	}
	if (cur != NULL)
		cur->len = (size_t)(end - cur->text);
}

/* Trims blank lines around a piece; an empty piece is an error. */
static void
trim_text(tg_tclause *c)
{
	while (c->len > 0 && (c->text[0] == '\n' || c->text[0] == '\r' || c->text[0] == ' ')) {
		if (c->text[0] == '\n')
			c->text_pos.line++;
		c->text++;
		c->len--;
	}
	while (c->len > 0 && strchr("\n\r \t", c->text[c->len - 1]) != NULL)
		c->len--;
}

static const char *
cat_item_id(const tg_tset *t, size_t index)
{
	return t->catalog->items[index]->id;
}

static void
check_against_catalog(tg_tset *t, tg_diag *diag)
{
	tg_catalog *cat = t->catalog;
	for (size_t i = 0; i < t->nclauses; i++) {
		tg_tclause *c = &t->clauses[i];
		trim_text(c);
		c->item = tg_catalog_item(cat, c->id);
		if (c->item == NULL) {
			tg_diag_error(diag, c->pos, "marker names '%s', which is not an item of catalog '%s'",
			    c->id, cat->id);
			continue;
		}
		tg_tclause *first = tg_map_put(&t->by_id, c->item->id, c);
		if (first != NULL) {
			tg_diag_error(diag, c->pos, "'%s' already has a marker at %s:%u", c->id,
			    first->pos.file, first->pos.line);
			c->item = NULL;	/* out of the order checks below */
			continue;
		}
		if (c->len == 0)
			tg_diag_error(diag, c->pos, "'%s' has no text", c->id);
		if (c->chapter)
			t->files[c->file].chapter = i;
	}
	/* Every item below a chapter has exactly one clause marker, in the
	 * chapter's file, in catalog order. */
	for (size_t fi = 0; fi < t->nfiles; fi++) {
		tg_tfile *f = &t->files[fi];
		tg_tclause *ch = &t->clauses[f->chapter];
		if (!ch->chapter || ch->item == NULL)
			continue;
		size_t expect = ch->item->index + 1;	/* next item in tree order */
		for (size_t i = f->chapter + 1; i < t->nclauses && t->clauses[i].file == fi; i++) {
			tg_tclause *c = &t->clauses[i];
			if (c->item == NULL)
				continue;
			if (c->chapter) {
				tg_diag_error(diag, c->pos, "a second chapter marker in one file");
				continue;
			}
			if (!tg_item_within(c->item, ch->item)) {
				tg_diag_error(diag, c->pos, "'%s' is not part of chapter '%s'", c->id, ch->id);
				continue;
			}
			if (c->item->index < expect) {
				tg_diag_error(diag, c->pos, "'%s' is out of catalog order", c->id);
				continue;
			}
			for (; expect < c->item->index; expect++)
				if (tg_map_get(&t->by_id, cat_item_id(t, expect)) == NULL)
					tg_diag_error(diag, c->pos, "'%s' has no marker (expected before '%s')",
					    cat_item_id(t, expect), c->id);
			expect = c->item->index + 1;
		}
		/* Items after the last marker of the chapter. */
		for (; expect < cat->nitems && tg_item_within(cat->items[expect], ch->item); expect++)
			if (tg_map_get(&t->by_id, cat->items[expect]->id) == NULL)
				tg_diag_error(diag, tg_pos_at(f->path, 0, 0), "'%s' of chapter '%s' has no marker",
				    cat->items[expect]->id, ch->id);
	}
}

static int
compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

tg_tset *
tg_tset_load(tg_data *d, tg_paramset *ps, tg_diag *diag)
{
	tg_tset *t = NULL;
	tg_buf files = TG_BUF_INIT, clauses = TG_BUF_INIT, text = TG_BUF_INIT;
	char *sub = NULL, *dir = NULL;
	if (ps->templates == NULL || ps->catalog == NULL)
		goto out;
	sub = tg_fs_join("templates", ps->templates);
	dir = tg_fs_join(d->root, sub);
	if (!tg_fs_is_dir(dir)) {
		tg_diag_error(diag, ps->templates_pos, "template directory %s does not exist", dir);
		goto out;
	}
	if (!tg_fs_list(dir, ".md", &files)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: cannot read: %s", dir, strerror(errno));
		goto out;
	}
	size_t n = TG_BUF_COUNT(&files, char *);
	if (n > 1)
		qsort(files.data, n, sizeof(char *), compare_paths);
	t = tg_xcalloc(1, sizeof *t);
	t->params = ps;
	t->catalog = ps->catalog;
	t->dir = tg_arena_strdup(&d->arena, dir);
	tg_map_init(&t->by_id);
	t->files = TG_ARENA_ARRAY(&d->arena, tg_tfile, n);
	for (size_t i = 0; i < n; i++) {
		const char *path = TG_BUF_AT(&files, char *, i);
		tg_fs_status st = tg_fs_read(path, TG_FS_MAX_INPUT, &text);
		if (st != TG_FS_OK) {
			tg_diag_error(diag, tg_pos_at(path, 0, 0), "%s",
			    st == TG_FS_TOO_BIG ? "file is larger than the 8 MiB limit" : tg_fs_why(st));
			continue;
		}
		tg_tfile *f = &t->files[t->nfiles];
		f->path = tg_arena_strdup(&d->arena, path);
		const char *slash = strrchr(f->path, '/');
		f->name = slash ? slash + 1 : f->path;
		f->text = tg_arena_strndup(&d->arena, text.data, text.len);
		f->len = text.len;
		tg_diag_add_source(diag, f->path, f->text, f->len);
		size_t bad = tg_utf8_check(f->text, f->len);
		if (bad != f->len) {
			unsigned line = 1;
			for (size_t k = 0; k < bad; k++)
				line += f->text[k] == '\n';
			tg_diag_error(diag, tg_pos_at(f->path, line, 0), "invalid UTF-8");
			continue;
		}
		split_file(d, t, t->nfiles, &clauses, diag);
		t->nfiles++;
	}
	t->nclauses = TG_BUF_COUNT(&clauses, tg_tclause);
	t->clauses = tg_arena_memdup(&d->arena, clauses.data, clauses.len);
	for (size_t i = 0; i < t->nfiles; i++)
		t->files[i].chapter = (size_t)-1;
	check_against_catalog(t, diag);
	for (size_t i = 0; i < t->nfiles; i++)
		if (t->files[i].chapter == (size_t)-1)
			t->files[i].chapter = 0;
out:
	tg_fs_list_free(&files);
	tg_buf_free(&clauses);
	tg_buf_free(&text);
	free(sub);
	free(dir);
	return t;
}

void
tg_tset_free(tg_tset *t)
{
	if (t == NULL)
		return;
	tg_map_free(&t->by_id);
	free(t);
}

const tg_tclause *
tg_tset_clause(const tg_tset *t, const char *item_id)
{
	return t ? tg_map_get(&t->by_id, item_id) : NULL;
}

/* The default of a scalar parameter, for excerpts. */
static const char *
default_text(const tg_tset *t, const char *name, size_t len)
{
	tg_param *p = tg_map_getn(&t->params->by_name, name, len);
	if (p != NULL && p->def != NULL && p->def->kind == TG_NODE_SCALAR && !tg_node_is_null(p->def))
		return p->def->str;
	return "○○";
}

char *
tg_tset_excerpt(const tg_tset *t, const tg_tclause *c, size_t max_chars)
{
	tg_buf out = TG_BUF_INIT;
	const char *p = c->text, *end = c->text + c->len;
	bool space = false, cellsep = false, line_start = true;
	size_t chars = 0;
	while (p < end && chars < max_chars) {
		if (p[0] == '{' && p + 1 < end && p[1] == '{') {
			const char *close = strstr(p, "}}");
			if (close == NULL || close > end)
				break;
			const char *name = p + 2;
			while (name < close && (*name == '{' || *name == '&' || *name == ' '))
				name++;
			if (*name != '#' && *name != '^' && *name != '/' && *name != '!' && *name != '>') {
				const char *ne = close;
				while (ne > name && (ne[-1] == ' ' || ne[-1] == '}'))
					ne--;
				const char *v = default_text(t, name, (size_t)(ne - name));
				tg_buf_puts(&out, v);
				chars += tg_utf8_count(v, strlen(v));
			}
			p = close + 2;
			while (p < end && *p == '}')
				p++;
			line_start = false;
			continue;
		}
		if (line_start && *p != '\n') {
			/* Table rules are dropped; list markers and heading marks too. */
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			if (eol == NULL)
				eol = end;
			if (*p == '|' && strspn(p, "|-: ") >= (size_t)(eol - p)) {
				p = eol;
				continue;
			}
			const char *q = p;
			while (q < end && (*q >= '0' && *q <= '9'))
				q++;
			if (q > p && q < end && *q == '.' && q + 1 < end && q[1] == ' ')
				p = q + 2;
			else if ((*p == '-' || *p == '*' || *p == '#' || *p == '>') && p + 1 < end &&
			    (p[1] == ' ' || p[1] == '#'))
				p += 2;
			while (p < end && (*p == '#' || *p == ' '))
				p++;
			line_start = false;
			continue;
		}
		if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ' || *p == '|') {
			if (*p == '\n')
				line_start = true;
			if (*p == '|' || *p == '\n')
				cellsep = out.len > 0;	/* table cells and lines stay apart */
			space = out.len > 0;
			p++;
			continue;
		}
		if (*p == '*' || *p == '`') {
			p++;
			continue;
		}
		if (cellsep) {
			const char *last = out.data + out.len;
			/* After a sentence end, nothing; else a separator. */
			if (!(out.len >= 3 && memcmp(last - 3, "。", 3) == 0) &&
			    !(out.len >= 3 && memcmp(last - 3, "／", 3) == 0))
				tg_buf_puts(&out, "／");
			cellsep = space = false;
		}
		if (space) {
			/* Japanese text needs no space between sentences. */
			unsigned char prev = (unsigned char)out.data[out.len - 1];
			if (prev < 0x80 && (unsigned char)*p < 0x80)
				tg_buf_putc(&out, ' ');
			space = false;
		}
		size_t n;
		tg_utf8_decode(p, (size_t)(end - p), &n);
		tg_buf_put(&out, p, n);
		p += n;
		chars++;
	}
	if (p < end)
		tg_buf_puts(&out, "…");
	return tg_buf_detach(&out);
}
