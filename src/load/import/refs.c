/* `import`, reading references: the reference cells of a row → crosswalk
 * targets (patterns, separators, unreadable fragments, cited levels), and
 * in-text links. */
#include <string.h>

#include "internal.h"

/* Link ids found by links.pattern in the text columns. */
void
tg_import_read_text_links(importer *im, const tg_sheet_row *r, tg_buf *ids, tg_buf *cols)
{
	tg_import_spec *s = im->s;
	tg_import_re *re = s->link_pattern;
	for (size_t k = 0; k < s->nlink_cols; k++) {
		tg_import_col *c = &s->link_cols[k];
		const char *raw = tg_import_cell(im, r, c->col);
		if (tg_sheet_blank(raw))
			continue;
		tg_buf t = TG_BUF_INIT;
		tg_sheet_fold(raw, strlen(raw), &t);
		size_t pos = 0;
		while (pos <= t.len && tg_import_re_match(re, t.data, t.len, pos)) {
			size_t mb, me, b, e;
			tg_import_re_group(re, 0, &mb, &me);
			if (tg_import_re_group(re, re->group, &b, &e) && e > b) {
				tg_buf id = TG_BUF_INIT;
				tg_buf_put(&id, t.data + b, e - b);
				tg_import_trim_buf(&id, 0);
				const char *v = tg_import_dup(im, id.data, id.len);
				tg_buf_free(&id);
				TG_BUF_PUSH(ids, const char *, v);
				TG_BUF_PUSH(cols, unsigned, c->col);
			}
			pos = me > mb ? me : me + 1;
		}
		tg_buf_free(&t);
	}
}

static size_t
char_len(char lead)
{
	unsigned char c = (unsigned char)lead;
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static bool
separators_only(tg_import_re *sep, const char *t, size_t b, size_t e, size_t *stop)
{
	size_t pos = b;
	while (pos < e) {
		if (pcre2_match(sep->code, (PCRE2_SPTR)t, e, pos, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
		    sep->md, NULL) <= 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sep->md);
		if (ov[1] <= pos)
			break;
		pos = ov[1];
	}
	*stop = pos;
	return pos >= e;
}

static bool
anchored_match(tg_import_re *re, const char *t, size_t len, size_t pos)
{
	return pcre2_match(re->code, (PCRE2_SPTR)t, len, pos, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
	    re->md, NULL) > 0;
}

static bool
starts_separator(tg_import_re *sep, const char *t, size_t len, size_t pos)
{
	size_t b, e;
	return anchored_match(sep, t, len, pos) && tg_import_re_group(sep, 0, &b, &e) && e > b;
}

/* An unreadable stretch of a reference cell: reported, trailing separators
 * and white space trimmed. */
static void
bad_fragment(importer *im, const tg_sheet_row *r, unsigned col, const char *t, size_t b,
    size_t e)
{
	tg_buf f = TG_BUF_INIT;
	tg_buf_put(&f, t + b, e - b);
	tg_import_trim_buf(&f, 0);
	tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
	    "cannot read the reference '%s' (it matches neither crosswalk.pattern nor "
	    "crosswalk.separator)", f.data);
	tg_buf_free(&f);
}

static const char *
cited_level(importer *im, const tg_sheet_row *r, unsigned col, const char *t, size_t b, size_t e)
{
	tg_import_spec *s = im->s;
	tg_buf v = TG_BUF_INIT;
	tg_buf_put(&v, t + b, e - b);
	tg_buf k = TG_BUF_INIT;
	tg_sheet_header_key(v.data, &k);
	const char *out = NULL;
	if (s->nxw_levels == 0) {
		out = tg_import_dup(im, k.data, k.len);
	} else {
		int i = tg_import_level_by_name(im, k.data, s->xw_levels, s->nxw_levels);
		if (i >= 0) {
			out = s->xw_levels[i];
		} else {
			tg_buf list = TG_BUF_INIT;
			for (size_t n = 0; n < s->nxw_levels; n++)
				tg_buf_printf(&list, "%s%s", n ? ", " : "", s->xw_levels[n]);
			tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
			    "unknown level '%s' in the reference cell (crosswalk.levels: %s)", v.data,
			    list.data);
			tg_buf_free(&list);
		}
	}
	tg_buf_free(&k);
	tg_buf_free(&v);
	return out;
}

/* The reference cells of a row → crosswalk targets.  A level written after
 * several numbers ("No.98, 102 (LV2)") applies to each number since the
 * previous level. */
void
tg_import_read_refs(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	tg_buf refs = TG_BUF_INIT;	/* xw_ref */
	tg_buf raw_all = TG_BUF_INIT;
	for (size_t k = 0; k < s->nxw_cols; k++) {
		tg_import_col *c = &s->xw_cols[k];
		const char *raw = tg_import_cell(im, r, c->col);
		if (tg_sheet_blank(raw))
			continue;
		tg_buf t = TG_BUF_INIT;
		tg_sheet_normalize(raw, &t);
		if (tg_import_in_list(t.data, s->xw_none, s->nxw_none)) {
			tg_buf_free(&t);
			continue;
		}
		if (raw_all.len > 0)
			tg_buf_puts(&raw_all, " / ");
		tg_buf_puts(&raw_all, raw);
		tg_import_re *re = s->xw_pattern, *sep = s->xw_separator;
		size_t pos = 0, pending = TG_BUF_COUNT(&refs, xw_ref);
		for (;;) {
			separators_only(sep, t.data, pos, t.len, &pos);
			if (pos >= t.len)
				break;
			/* A reference starts here and ends at a separator (or the
			 * end); anything else, up to the next separator, is a
			 * fragment that cannot be read. */
			size_t mb = pos, me = pos;
			bool found = anchored_match(re, t.data, t.len, pos) &&
			    tg_import_re_group(re, 0, &mb, &me) && me > mb &&
			    (me >= t.len || starts_separator(sep, t.data, t.len, me));
			if (!found) {
				size_t q = pos + char_len(t.data[pos]);
				while (q < t.len && !starts_separator(sep, t.data, t.len, q))
					q += char_len(t.data[q]);
				bad_fragment(im, r, c->col, t.data, pos, q);
				pos = q;
				continue;
			}
			size_t b, e;
			xw_ref ref = {NULL, NULL};
			if (tg_import_re_group(re, re->group, &b, &e) && e > b) {
				ref.target = tg_import_dup(im, t.data + b, e - b);
				if (!tg_schema_is_item_id(ref.target)) {
					tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, c->col),
					    "reference '%.*s' gives '%s', which is not a valid item id", (int)(me - mb),
					    t.data + mb, ref.target);
					ref.target = NULL;
				}
			} else {
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, c->col),
				    "reference '%.*s' has no id (crosswalk.pattern's group 'id' is empty)",
				    (int)(me - mb), t.data + mb);
			}
			if (re->level_group > 0 && tg_import_re_group(re, re->level_group, &b, &e) && e > b) {
				ref.level = cited_level(im, r, c->col, t.data, b, e);
				for (size_t p = pending; p < TG_BUF_COUNT(&refs, xw_ref); p++)
					if (TG_BUF_AT(&refs, xw_ref, p).level == NULL)
						TG_BUF_AT(&refs, xw_ref, p).level = ref.level;
			}
			if (ref.target != NULL) {
				/* Cited twice in the row: one target (the levels joined). */
				bool merged = false;
				for (size_t p = 0; p < TG_BUF_COUNT(&refs, xw_ref) && !merged; p++) {
					xw_ref *o = &TG_BUF_AT(&refs, xw_ref, p);
					if (strcmp(o->target, ref.target) != 0)
						continue;
					merged = true;
					if (o->level == NULL)
						o->level = ref.level;
					else if (ref.level != NULL && strcmp(o->level, ref.level) != 0) {
						tg_buf both = TG_BUF_INIT;
						tg_buf_printf(&both, "%s, %s", o->level, ref.level);
						o->level = tg_import_dup(im, both.data, both.len);
						tg_buf_free(&both);
					}
				}
				if (!merged)
					TG_BUF_PUSH(&refs, xw_ref, ref);
			}
			if (ref.level != NULL)
				pending = TG_BUF_COUNT(&refs, xw_ref);
			pos = me;
		}
		tg_buf_free(&t);
	}
	it->nrefs = TG_BUF_COUNT(&refs, xw_ref);
	if (it->nrefs > 0) {
		it->refs = TG_ARENA_ARRAY(&im->arena, xw_ref, it->nrefs);
		memcpy(it->refs, refs.data, it->nrefs * sizeof(xw_ref));
	}
	if (raw_all.len > 0)
		it->ref_text = tg_import_dup(im, raw_all.data, raw_all.len);
	tg_buf_free(&refs);
	tg_buf_free(&raw_all);
}
