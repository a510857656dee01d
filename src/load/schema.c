#include "schema.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/term.h"
#include "../util/text.h"
#include "../util/utf8.h"

static void
list_keys(tg_buf *b, const char *const *keys)
{
	for (size_t i = 0; keys[i] != NULL; i++) {
		if (i > 0)
			tg_buf_puts(b, ", ");
		tg_buf_puts(b, keys[i]);
	}
}

bool
tg_schema_map(tg_load *l, const tg_node *n, const char *what, const char *const *keys)
{
	if (n == NULL || n->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, n ? n->pos : tg_pos_at(l->file, 1, 1),
		    "%s must be a mapping, found %s", what,
		    n ? (n->kind == TG_NODE_SEQ ? "a list" : tg_node_is_null(n) ? "nothing" : "text") : "nothing");
		return false;
	}
	size_t nkeys = 0;
	while (keys[nkeys] != NULL)
		nkeys++;
	for (size_t i = 0; i < n->n; i++) {
		const tg_node *k = tg_node_key(n, i);
		if (k->kind != TG_NODE_SCALAR)
			continue;	/* reported by the YAML layer */
		bool known = false;
		for (size_t j = 0; j < nkeys && !known; j++)
			known = strcmp(k->str, keys[j]) == 0;
		if (known)
			continue;
		const char *near = tg_text_suggest(k->str, keys, nkeys);
		if (near != NULL) {
			tg_diag_error(l->diag, k->pos, "unknown key '%s' in %s (did you mean '%s'?)",
			    k->str, what, near);
		} else {
			tg_buf b = TG_BUF_INIT;
			list_keys(&b, keys);
			tg_diag_error(l->diag, k->pos, "unknown key '%s' in %s (known keys: %s)",
			    k->str, what, b.data);
			tg_buf_free(&b);
		}
	}
	return true;
}

/* Whether a text may hold a character terminals act on.  Loading reads
 * every scalar of every file through here, so the common bytes — printable
 * ASCII, tab, newline and the three-byte characters of Japanese text
 * (tg_utf8_plain3; never a control) — are passed over without decoding. */
static bool
may_hold_controls(const tg_node *n)
{
	const unsigned char *s = (const unsigned char *)n->str;
	for (size_t i = 0; i < n->len;) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
				return true;
			i++;
		} else if (tg_utf8_plain3(n->str + i, n->len - i)) {
			i += 3;
		} else {
			return true;
		}
	}
	return false;
}

/* A scalar that tg_schema_scalar takes without a message. */
static bool
is_plain_text(const tg_node *n)
{
	return n->kind == TG_NODE_SCALAR && !tg_node_is_null(n) && !may_hold_controls(n);
}

/* Text that drives a terminal (an ESC sequence, a C1 control, a carriage
 * return, a bidirectional override) is shown escaped everywhere totsugo
 * prints to a terminal; it is still worth a warning, with its position. */
static void
warn_controls(tg_load *l, const tg_node *n, const char *what)
{
	for (size_t i = 0; i < n->len;) {
		size_t len;
		char esc[16];
		const char *e = tg_term_escape_char(n->str + i, n->len - i, &len, esc);
		if (e != NULL) {
			tg_diag_warning(l->diag, n->pos, "%s holds the control character %s, which "
			    "terminals act on (it is shown escaped; remove it unless it is meant)", what, e);
			return;
		}
		i += len;
	}
}

const char *
tg_schema_scalar(tg_load *l, const tg_node *n, const char *what)
{
	if (n->kind != TG_NODE_SCALAR) {
		tg_diag_error(l->diag, n->pos, "%s must be text, found a %s", what,
		    tg_node_kind_name(n));
		return NULL;
	}
	if (tg_node_is_null(n)) {
		tg_diag_error(l->diag, n->pos, "%s is empty", what);
		return NULL;
	}
	if (may_hold_controls(n))
		warn_controls(l, n, what);
	return n->str;
}

bool
tg_schema_misspelt(const tg_node *map, const char *key)
{
	/* Near in both directions: "kind" is two edits from "id", which is
	 * close for a word of four letters but not for one of two; every data
	 * file has a kind, and a missing id went unreported. */
	for (size_t i = 0; map != NULL && map->kind == TG_NODE_MAP && i < map->n; i++) {
		const tg_node *k = tg_node_key(map, i);
		const char *near = k->kind == TG_NODE_SCALAR ? k->str : NULL;
		if (near != NULL && strcmp(near, key) != 0 && tg_text_suggest(near, &key, 1) != NULL &&
		    tg_text_suggest(key, &near, 1) != NULL)
			return true;
	}
	return false;
}

const char *
tg_schema_str(tg_load *l, const tg_node *map, const char *key, const char *what,
    bool required)
{
	const tg_node *v = tg_node_get(map, key);
	if (v == NULL) {
		if (required && !tg_schema_misspelt(map, key))
			tg_diag_error(l->diag, map->pos, "%s has no '%s'", what, key);
		return NULL;
	}
	/* The name of the field is only needed for a message. */
	if (is_plain_text(v))
		return v->str;
	tg_buf name = TG_BUF_INIT;
	tg_buf_printf(&name, "'%s' of %s", key, what);
	const char *s = tg_schema_scalar(l, v, name.data);
	tg_buf_free(&name);
	return s;
}

bool
tg_schema_int(tg_load *l, const tg_node *n, const char *what, long min, long max, long *out)
{
	if (n->kind == TG_NODE_SCALAR && n->plain && n->len > 0) {
		char *end;
		errno = 0;
		long v = strtol(n->str, &end, 10);
		if (*end == '\0' && errno == 0 && (n->str[0] == '-' || (n->str[0] >= '0' && n->str[0] <= '9'))) {
			if (v < min || v > max) {
				tg_diag_error(l->diag, n->pos, "%s must be between %ld and %ld, found %ld",
				    what, min, max, v);
				return false;
			}
			*out = v;
			return true;
		}
	}
	tg_diag_error(l->diag, n->pos, "%s must be a whole number (%ld-%ld), found '%s'",
	    what, min, max, n->kind == TG_NODE_SCALAR ? n->str : tg_node_kind_name(n));
	return false;
}

bool
tg_schema_bool(tg_load *l, const tg_node *n, const char *what, bool *out)
{
	if (tg_node_is_word(n, "true")) {
		*out = true;
		return true;
	}
	if (tg_node_is_word(n, "false")) {
		*out = false;
		return true;
	}
	tg_diag_error(l->diag, n->pos, "%s must be true or false, found '%s'", what,
	    n->kind == TG_NODE_SCALAR ? n->str : tg_node_kind_name(n));
	return false;
}

const char **
tg_schema_strlist(tg_load *l, const tg_node *map, const char *key, const char *what,
    size_t *count, tg_pos **pos)
{
	*count = 0;
	if (pos != NULL)
		*pos = NULL;
	const tg_node *v = tg_node_get(map, key);
	if (v == NULL)
		return NULL;
	if (v->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, v->pos, "'%s' of %s must be a list ([a, b]), found %s",
		    key, what, tg_node_kind_name(v));
		return NULL;
	}
	tg_arena *a = &l->data->arena;
	const char **out = TG_ARENA_ARRAY(a, const char *, v->n);
	tg_pos *ps = TG_ARENA_ARRAY(a, tg_pos, v->n);
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++) {
		const char *s = v->items[i]->str;
		if (!is_plain_text(v->items[i])) {
			tg_buf name = TG_BUF_INIT;
			tg_buf_printf(&name, "an entry of '%s'", key);
			s = tg_schema_scalar(l, v->items[i], name.data);
			tg_buf_free(&name);
		}
		if (s != NULL) {
			ps[n] = v->items[i]->pos;
			out[n++] = s;
		}
	}
	*count = n;
	if (pos != NULL)
		*pos = ps;
	return out;
}

int
tg_schema_enum(tg_load *l, const tg_node *n, const char *what, const char *const *names,
    size_t count)
{
	const char *s = tg_schema_scalar(l, n, what);
	if (s == NULL)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return (int)i;
	const char *valid[16];
	size_t nvalid = 0;
	tg_buf list = TG_BUF_INIT;
	for (size_t i = 0; i < count && nvalid < 16; i++) {
		if (names[i] == NULL)
			continue;
		if (nvalid > 0)
			tg_buf_puts(&list, ", ");
		tg_buf_puts(&list, names[i]);
		valid[nvalid++] = names[i];
	}
	const char *near = tg_text_suggest(s, valid, nvalid);
	if (near != NULL)
		tg_diag_error(l->diag, n->pos, "unknown %s '%s' (did you mean '%s'?)", what, s, near);
	else
		tg_diag_error(l->diag, n->pos, "unknown %s '%s' (expected one of: %s)", what, s,
		    list.data);
	tg_buf_free(&list);
	return -1;
}

static bool
is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool
is_alnum(char c)
{
	return is_lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

bool
tg_schema_is_object_id(const char *s)
{
	if (!is_lower_alnum(s[0]))
		return false;
	for (size_t i = 1; s[i]; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

bool
tg_schema_is_item_id(const char *s)
{
	if (!is_alnum(s[0]))
		return false;
	for (size_t i = 1; s[i]; i++)
		if (!is_alnum(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-' && s[i] != '/')
			return false;
	return true;
}

bool
tg_schema_is_level_name(const char *s)
{
	size_t len = strlen(s);
	if (len == 0 || len > 64 || tg_utf8_check(s, len) != len)
		return false;
	if (!is_alnum(s[0]) && (unsigned char)s[0] < 0x80)
		return false;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		if (cp < 0x80 ? !(is_alnum((char)cp) || cp == '.' || cp == '_' || cp == '-') :
		    cp <= 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200F) ||
		    (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
		    cp >= 0xFFF0)
			return false;
		i += n;
	}
	return true;
}

bool
tg_schema_object_id(tg_load *l, const tg_node *n, const char *what)
{
	if (tg_schema_is_object_id(n->str))
		return true;
	tg_diag_error(l->diag, n->pos,
	    "%s '%s' is not a valid id (lower-case letters, digits, '.', '_', '-'; "
	    "starting with a letter or digit)", what, n->str);
	return false;
}

bool
tg_schema_item_id(tg_load *l, const tg_node *n, const char *what)
{
	if (tg_schema_is_item_id(n->str))
		return true;
	tg_diag_error(l->diag, n->pos,
	    "%s '%s' is not a valid item id (letters, digits, '.', '_', '-', '/'; "
	    "starting with a letter or digit; no ':')", what, n->str);
	return false;
}

bool
tg_schema_is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	if (n >= 7) {
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return false;
		if (n == 10) {
			static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
			int d = (s[8] - '0') * 10 + (s[9] - '0');
			int y = atoi(s);
			int max = days[m - 1];
			if (m == 2 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
				max = 28;
			if (d < 1 || d > max)
				return false;
		}
	}
	return true;
}

bool
tg_schema_provenance(tg_load *l, const tg_node *n, tg_provenance *out)
{
	static const char *const keys[] = {"kind", "confidence", "source", "inferred", "file", "row",
	    NULL};
	static const char *const kinds[] = {NULL, "fact", "authored", "imported"};
	memset(out, 0, sizeof *out);
	out->pos = n->pos;
	if (n->kind == TG_NODE_SCALAR) {
		if (tg_node_is_word(n, "authored")) {
			out->kind = TG_PROV_AUTHORED;
			return true;
		}
		tg_diag_error(l->diag, n->pos,
		    "provenance '%s' needs details: write 'authored', or a mapping such as "
		    "{kind: fact, confidence: M, source: \"...\"}", n->str);
		return false;
	}
	if (!tg_schema_map(l, n, "provenance", keys))
		return false;
	const tg_node *kind = tg_node_get(n, "kind");
	if (kind == NULL) {
		tg_diag_error(l->diag, n->pos, "provenance has no 'kind' (fact, authored or imported)");
		return false;
	}
	int k = tg_schema_enum(l, kind, "provenance kind", kinds, 4);
	if (k < 0)
		return false;
	out->kind = (tg_prov_kind)k;
	bool ok = true;
	const tg_node *conf = tg_node_get(n, "confidence");
	out->source = tg_schema_str(l, n, "source", "provenance", out->kind == TG_PROV_FACT);
	if (out->kind == TG_PROV_FACT) {
		static const char *const levels[] = {"H", "M", "L"};
		if (conf == NULL) {
			tg_diag_error(l->diag, n->pos, "a fact's provenance needs 'confidence' (H, M or L)");
			ok = false;
		} else {
			int c = tg_schema_enum(l, conf, "confidence", levels, 3);
			if (c < 0)
				ok = false;
			else
				out->confidence = levels[c][0];
		}
	} else if (conf != NULL) {
		tg_diag_error(l->diag, conf->pos, "'confidence' belongs to facts only (kind: fact)");
		ok = false;
	}
	/* `inferred: title`: the item exists, but its title is our reading of
	 * another source (a topic), not the guideline's wording. */
	const tg_node *inferred = tg_node_get(n, "inferred");
	if (inferred != NULL) {
		static const char *const what[] = {"title"};
		if (tg_schema_enum(l, inferred, "inferred field", what, 1) < 0) {
			ok = false;
		} else if (out->kind != TG_PROV_FACT) {
			tg_diag_error(l->diag, inferred->pos, "'inferred' belongs to facts only (kind: fact); "
			    "an authored item is ours as a whole");
			ok = false;
		} else {
			out->title_inferred = true;
		}
	}
	const tg_node *file = tg_node_get(n, "file"), *row = tg_node_get(n, "row");
	if (out->kind == TG_PROV_IMPORTED) {
		out->file = tg_schema_str(l, n, "file", "imported provenance", true);
		if (row == NULL) {
			tg_diag_error(l->diag, n->pos, "imported provenance has no 'row'");
			ok = false;
		} else if (!tg_schema_int(l, row, "'row'", 1, LONG_MAX, &out->row)) {
			ok = false;
		}
		if (out->file == NULL)
			ok = false;
	} else {
		if (file != NULL) {
			tg_diag_error(l->diag, file->pos, "'file' belongs to imported provenance only");
			ok = false;
		}
		if (row != NULL) {
			tg_diag_error(l->diag, row->pos, "'row' belongs to imported provenance only");
			ok = false;
		}
	}
	return ok && (out->kind != TG_PROV_FACT || out->source != NULL);
}
