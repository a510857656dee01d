/* XLSX reader: the package (libzip) and its parts (expat), see xlsx.h.
 *
 * The zip is opened from memory.  Each XML part is inflated in chunks and
 * fed to expat as it comes, so the limits (bytes read, compression ratio,
 * nesting) stop a hostile part early.  The workbook part is found through
 * the package relationships, the sheets and the shared strings through the
 * workbook's; the sheet parser (xlsx_sheet.c) turns a worksheet into rows. */
#include "xlsx.h"
#include "xlsx_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../../totsugo.h"
#include "../../util/fs.h"

/* Messages reported per workbook before the rest are only counted. */
#define MAX_MESSAGES 20
#define CHUNK 65536

void
tg_xlsx_report(tg_xlsx *wb, tg_diag *diag, tg_severity sev, tg_pos pos, const char *fmt, ...)
{
	if (sev == TG_ERROR)
		wb->errors++;
	if (++wb->messages > MAX_MESSAGES) {
		wb->suppressed++;
		return;
	}
	tg_buf b = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tg_diag_report(diag, sev, pos, "%s", b.data);
	tg_buf_free(&b);
}

void
tg_xlsx_flush_suppressed(tg_xlsx *wb, tg_diag *diag)
{
	if (wb->suppressed == 0)
		return;
	tg_diag_report(diag, TG_ERROR, tg_pos_at(wb->display, 0, 0),
	    "%zu more problems in this workbook were not listed", wb->suppressed);
	wb->suppressed = 0;
}

const char *
tg_xlsx_local(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

/* SpreadsheetML's main namespace, transitional or strict (or none, which
 * some writers produce). */
bool
tg_xlsx_is_main(const char *name, const char *local)
{
	const char *sp = strrchr(name, ' ');
	if (sp == NULL)
		return strcmp(name, local) == 0;
	if (strcmp(sp + 1, local) != 0)
		return false;
	size_t n = (size_t)(sp - name);
	static const char tr[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static const char st[] = "http://purl.oclc.org/ooxml/spreadsheetml/main";
	return (n == sizeof tr - 1 && memcmp(name, tr, n) == 0) ||
	    (n == sizeof st - 1 && memcmp(name, st, n) == 0);
}

/* An attribute by local name; `namespaced`: it must carry a namespace
 * (r:id), else it must not (name). */
const char *
tg_xlsx_attr(const char **attrs, const char *local, bool namespaced)
{
	for (size_t i = 0; attrs[i] != NULL; i += 2) {
		const char *sp = strrchr(attrs[i], ' ');
		if ((sp != NULL) != namespaced)
			continue;
		if (strcmp(sp ? sp + 1 : attrs[i], local) == 0)
			return attrs[i + 1];
	}
	return NULL;
}

/* ---- reading one XML part ---- */

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	tg_xlsx_xml *x = ud;
	if (x->stopped)
		return;
	if (++x->depth > TG_XLSX_MAX_DEPTH) {
		x->stopped = true;
		x->why = "elements are nested too deeply";
		XML_StopParser(x->parser, XML_FALSE);
		return;
	}
	if (x->start)
		x->start(x, name, attrs);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	tg_xlsx_xml *x = ud;
	if (x->stopped)
		return;
	x->depth--;
	if (x->end)
		x->end(x, name);
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	tg_xlsx_xml *x = ud;
	if (!x->stopped && x->text && len > 0)
		x->text(x, s, (size_t)len);
}

/* OOXML parts never declare a DTD: one is refused outright, so that no
 * entity can be declared (no entity expansion attack, no external entity). */
static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
    int has_internal)
{
	tg_xlsx_xml *x = ud;
	x->stopped = true;
	x->why = "a DTD (<!DOCTYPE>) is not allowed in a workbook";
	XML_StopParser(x->parser, XML_FALSE);
}

long
tg_xlsx_locate(tg_xlsx *wb, const char *part)
{
	zip_int64_t i = zip_name_locate(wb->zip, part, ZIP_FL_NOCASE);
	return i < 0 ? -1 : (long)i;
}

bool
tg_xlsx_parse(tg_xlsx *wb, const char *part, tg_xlsx_xml *x, tg_diag *diag)
{
	tg_pos at = tg_pos_at(wb->display, 0, 0);
	long idx = tg_xlsx_locate(wb, part);
	if (idx < 0) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "the workbook has no part '%s'", part);
		return false;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	zip_uint64_t comp = 0;
	if (zip_stat_index(wb->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE))
		comp = st.comp_size;
	zip_file_t *zf = zip_fopen_index(wb->zip, (zip_uint64_t)idx, 0);
	if (zf == NULL) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "cannot read the part '%s': %s", part,
		    zip_strerror(wb->zip));
		return false;
	}
	XML_Parser p = XML_ParserCreateNS(NULL, ' ');
	x->parser = p;
	x->wb = wb;
	x->diag = diag;
	x->part = part;
	x->depth = 0;
	x->stopped = false;
	x->why = NULL;
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	bool ok = true;
	char *chunk = tg_xmalloc(CHUNK);
	zip_uint64_t total = 0;
	for (;;) {
		zip_int64_t n = zip_fread(zf, chunk, CHUNK);
		if (n < 0) {
			tg_xlsx_report(wb, diag, TG_ERROR, at, "cannot read the part '%s': %s", part,
			    zip_file_strerror(zf));
			ok = false;
			break;
		}
		total += (zip_uint64_t)n;
		wb->inflated += (size_t)n;
		if (wb->inflated > TG_SHEET_MAX_INPUT) {
			tg_xlsx_report(wb, diag, TG_ERROR, at, "the workbook holds more than %u MiB of "
			    "XML (read up to the part '%s'): over the limit", TG_SHEET_MAX_INPUT >> 20, part);
			ok = false;
			break;
		}
		if (total > (1u << 20) && total / (comp ? comp : 1) > TG_XLSX_MAX_RATIO) {
			tg_xlsx_report(wb, diag, TG_ERROR, at, "the part '%s' inflates more than %u times "
			    "its compressed size (a zip bomb?): refused", part, TG_XLSX_MAX_RATIO);
			ok = false;
			break;
		}
		if (XML_Parse(p, chunk, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (x->why != NULL)
				tg_xlsx_report(wb, diag, TG_ERROR, at, "%s, line %lu: %s", part,
				    (unsigned long)XML_GetCurrentLineNumber(p), x->why);
			else
				tg_xlsx_report(wb, diag, TG_ERROR, at, "%s, line %lu, column %lu: "
				    "invalid XML: %s", part, (unsigned long)XML_GetCurrentLineNumber(p),
				    (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
				    XML_ErrorString(XML_GetErrorCode(p)));
			ok = false;
			break;
		}
		if (n == 0)
			break;
	}
	free(chunk);
	zip_fclose(zf);
	XML_ParserFree(p);
	x->parser = NULL;
	return ok;
}

/* ---- package and workbook structure ---- */

typedef struct rel {
	char *id;
	char *type;
	char *target;	/* resolved part name */
} rel;

typedef struct rels_state {
	const char *base;	/* directory of the source part, with '/' or "" */
	tg_buf rels;		/* rel */
} rels_state;

/* Part name of a relationship target: relative to the source part's
 * directory unless it starts with '/'; "." and ".." resolved. */
static char *
resolve_target(const char *base, const char *target)
{
	tg_buf path = TG_BUF_INIT;
	if (target[0] == '/')
		target++;
	else
		tg_buf_puts(&path, base);
	tg_buf_puts(&path, target);
	/* Segments: drop ".", pop on "..". */
	tg_buf out = TG_BUF_INIT;
	const char *s = tg_buf_cstr(&path);
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* nothing */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = out.len ? strrchr(out.data, '/') : NULL;
			tg_buf_truncate(&out, slash ? (size_t)(slash - out.data) : 0);
		} else {
			if (out.len)
				tg_buf_putc(&out, '/');
			tg_buf_put(&out, s, n);
		}
		s += n;
		if (*s == '/')
			s++;
	}
	tg_buf_free(&path);
	tg_buf_cstr(&out);
	return tg_buf_detach(&out);
}

static void
rels_start(tg_xlsx_xml *x, const char *name, const char **attrs)
{
	rels_state *st = x->user;
	if (strcmp(tg_xlsx_local(name), "Relationship") != 0)
		return;
	const char *id = tg_xlsx_attr(attrs, "Id", false);
	const char *type = tg_xlsx_attr(attrs, "Type", false);
	const char *target = tg_xlsx_attr(attrs, "Target", false);
	const char *mode = tg_xlsx_attr(attrs, "TargetMode", false);
	if (id == NULL || type == NULL || target == NULL || (mode && strcmp(mode, "External") == 0))
		return;
	rel r = {tg_xstrdup(id), tg_xstrdup(type), resolve_target(st->base, target)};
	TG_BUF_PUSH(&st->rels, rel, r);
}

static void
rels_free(tg_buf *rels)
{
	for (size_t i = 0; i < TG_BUF_COUNT(rels, rel); i++) {
		free(TG_BUF_AT(rels, rel, i).id);
		free(TG_BUF_AT(rels, rel, i).type);
		free(TG_BUF_AT(rels, rel, i).target);
	}
	tg_buf_free(rels);
}

/* Reads the relationships of `part` (its _rels/NAME.rels); false when the
 * workbook has none, which is not an error in itself. */
static bool
read_rels(tg_xlsx *wb, const char *part, tg_buf *out, tg_diag *diag)
{
	const char *slash = strrchr(part, '/');
	size_t dirlen = slash ? (size_t)(slash - part) + 1 : 0;
	tg_buf relpart = TG_BUF_INIT, base = TG_BUF_INIT;
	tg_buf_put(&relpart, part, dirlen);
	tg_buf_puts(&relpart, "_rels/");
	tg_buf_puts(&relpart, part + dirlen);
	tg_buf_puts(&relpart, ".rels");
	tg_buf_put(&base, part, dirlen);
	rels_state st = {tg_buf_cstr(&base), TG_BUF_INIT};
	bool found = tg_xlsx_locate(wb, relpart.data) >= 0;
	if (found) {
		tg_xlsx_xml x = {0};
		x.start = rels_start;
		x.user = &st;
		tg_xlsx_parse(wb, relpart.data, &x, diag);
	}
	*out = st.rels;
	tg_buf_free(&relpart);
	tg_buf_free(&base);
	return found;
}

/* Relationship types end in their name whatever the namespace (transitional
 * .../officeDocument/2006/relationships/worksheet, strict .../worksheet). */
static bool
type_is(const char *type, const char *name)
{
	size_t n = strlen(type), m = strlen(name);
	return n > m && type[n - m - 1] == '/' && strcmp(type + n - m, name) == 0;
}

typedef struct book_state {
	tg_xlsx *wb;
	bool in_sheets;
} book_state;

static void
book_start(tg_xlsx_xml *x, const char *name, const char **attrs)
{
	book_state *st = x->user;
	if (tg_xlsx_is_main(name, "sheets")) {
		st->in_sheets = true;
		return;
	}
	if (!st->in_sheets || !tg_xlsx_is_main(name, "sheet"))
		return;
	const char *nm = tg_xlsx_attr(attrs, "name", false);
	const char *rid = tg_xlsx_attr(attrs, "id", true);
	const char *state = tg_xlsx_attr(attrs, "state", false);
	if (nm == NULL || rid == NULL) {
		tg_xlsx_report(st->wb, x->diag, TG_WARNING, tg_pos_at(st->wb->display, 0, 0),
		    "%s: a sheet without %s is skipped", x->part, nm == NULL ? "a name" : "a part");
		return;
	}
	tg_xlsx_sheet s = {tg_xstrdup(nm), tg_xstrdup(rid), NULL,
	    state != NULL && strcmp(state, "visible") != 0, false};
	TG_BUF_PUSH(&st->wb->sheets, tg_xlsx_sheet, s);
}

static void
book_end(tg_xlsx_xml *x, const char *name)
{
	book_state *st = x->user;
	if (tg_xlsx_is_main(name, "sheets"))
		st->in_sheets = false;
}

static bool
read_structure(tg_xlsx *wb, tg_diag *diag)
{
	tg_buf pkg = TG_BUF_INIT, book = TG_BUF_INIT;
	char *book_part = NULL;
	bool ok = false;
	read_rels(wb, "", &pkg, diag);
	for (size_t i = 0; i < TG_BUF_COUNT(&pkg, rel); i++)
		if (type_is(TG_BUF_AT(&pkg, rel, i).type, "officeDocument")) {
			book_part = tg_xstrdup(TG_BUF_AT(&pkg, rel, i).target);
			break;
		}
	if (book_part == NULL) {
		if (tg_xlsx_locate(wb, "xl/workbook.xml") < 0) {
			tg_xlsx_report(wb, diag, TG_ERROR, tg_pos_at(wb->display, 0, 0),
			    "not an XLSX workbook: the zip holds no workbook part (xl/workbook.xml)");
			goto out;
		}
		book_part = tg_xstrdup("xl/workbook.xml");
	}
	book_state st = {wb, false};
	tg_xlsx_xml x = {0};
	x.start = book_start;
	x.end = book_end;
	x.user = &st;
	if (!tg_xlsx_parse(wb, book_part, &x, diag))
		goto out;
	read_rels(wb, book_part, &book, diag);
	for (size_t i = 0; i < TG_BUF_COUNT(&wb->sheets, tg_xlsx_sheet); i++) {
		tg_xlsx_sheet *s = &TG_BUF_AT(&wb->sheets, tg_xlsx_sheet, i);
		for (size_t k = 0; k < TG_BUF_COUNT(&book, rel); k++) {
			const rel *r = &TG_BUF_AT(&book, rel, k);
			if (strcmp(r->id, s->rid) != 0)
				continue;
			s->part = tg_xstrdup(r->target);
			s->worksheet = type_is(r->type, "worksheet");
			break;
		}
	}
	for (size_t k = 0; k < TG_BUF_COUNT(&book, rel); k++)
		if (type_is(TG_BUF_AT(&book, rel, k).type, "sharedStrings")) {
			wb->sst_part = tg_xstrdup(TG_BUF_AT(&book, rel, k).target);
			break;
		}
	if (wb->sst_part == NULL && tg_xlsx_locate(wb, "xl/sharedStrings.xml") >= 0)
		wb->sst_part = tg_xstrdup("xl/sharedStrings.xml");
	if (TG_BUF_COUNT(&wb->sheets, tg_xlsx_sheet) == 0) {
		tg_xlsx_report(wb, diag, TG_ERROR, tg_pos_at(wb->display, 0, 0),
		    "the workbook lists no sheets");
		goto out;
	}
	ok = true;
out:
	free(book_part);
	rels_free(&pkg);
	rels_free(&book);
	return ok;
}

/* ---- opening and closing ---- */

static const char *
kind_of(const unsigned char *b, size_t len)
{
	if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "an Excel 97-2003 workbook (.xls) or a password-protected workbook: save it "
		    "as an Excel workbook (.xlsx) without a password";
	if (len < 4 || b[0] != 'P' || b[1] != 'K')
		return "not an XLSX workbook (it is not a zip file)";
	return NULL;
}

static tg_xlsx *
open_owned(const char *display, char *bytes, size_t len, tg_diag *diag)
{
	tg_xlsx *wb = tg_xcalloc(1, sizeof *wb);
	wb->display = tg_xstrdup(display);
	wb->bytes = bytes;
	wb->len = len;
	tg_pos at = tg_pos_at(wb->display, 0, 0);
	const char *bad = kind_of((const unsigned char *)bytes, len);
	if (bad != NULL) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "%s", bad);
		goto fail;
	}
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &err);
	if (src == NULL) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "cannot read the zip: %s", zip_error_strerror(&err));
		zip_error_fini(&err);
		goto fail;
	}
	wb->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
	if (wb->zip == NULL) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "not an XLSX workbook: the zip cannot be read "
		    "(%s)", zip_error_strerror(&err));
		zip_source_free(src);
		zip_error_fini(&err);
		goto fail;
	}
	zip_error_fini(&err);
	zip_int64_t n = zip_get_num_entries(wb->zip, 0);
	if (n < 0 || (zip_uint64_t)n > TG_XLSX_MAX_ENTRIES) {
		tg_xlsx_report(wb, diag, TG_ERROR, at, "the zip has %lld entries, over the limit of %u",
		    (long long)n, TG_XLSX_MAX_ENTRIES);
		goto fail;
	}
	if (!read_structure(wb, diag))
		goto fail;
	tg_xlsx_flush_suppressed(wb, diag);
	return wb;
fail:
	tg_xlsx_flush_suppressed(wb, diag);
	tg_xlsx_free(wb);
	return NULL;
}

tg_xlsx *
tg_xlsx_open(const char *display, const void *bytes, size_t len, tg_diag *diag)
{
	char *copy = tg_xmalloc(len ? len : 1);
	if (len)
		memcpy(copy, bytes, len);
	return open_owned(display, copy, len, diag);
}

tg_xlsx *
tg_xlsx_open_file(const char *path, const char *display, tg_diag *diag, int *rc)
{
	tg_buf bytes = TG_BUF_INIT;
	if (display == NULL)
		display = path;
	tg_fs_status st = tg_fs_read(path, TG_SHEET_MAX_INPUT, &bytes);
	if (st == TG_FS_TOO_BIG) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "file is larger than the %u MiB limit",
		    TG_SHEET_MAX_INPUT >> 20);
		tg_buf_free(&bytes);
		*rc = TG_EXIT_INVALID;
		return NULL;
	}
	if (st != TG_FS_OK) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "cannot read: %s", strerror(errno));
		tg_buf_free(&bytes);
		*rc = TG_EXIT_IO;
		return NULL;
	}
	size_t len = bytes.len;
	char *data = len ? tg_buf_detach(&bytes) : tg_xcalloc(1, 1);
	tg_xlsx *wb = open_owned(display, data, len, diag);
	*rc = wb ? TG_EXIT_OK : TG_EXIT_INVALID;
	return wb;
}

void
tg_xlsx_free(tg_xlsx *wb)
{
	if (wb == NULL)
		return;
	if (wb->zip != NULL)
		zip_discard(wb->zip);
	for (size_t i = 0; i < TG_BUF_COUNT(&wb->sheets, tg_xlsx_sheet); i++) {
		tg_xlsx_sheet *s = &TG_BUF_AT(&wb->sheets, tg_xlsx_sheet, i);
		free(s->name);
		free(s->rid);
		free(s->part);
	}
	tg_buf_free(&wb->sheets);
	free(wb->sst_part);
	tg_buf_free(&wb->sst_text);
	tg_buf_free(&wb->sst_index);
	free(wb->bytes);
	free(wb->display);
	free(wb);
}

size_t
tg_xlsx_count(const tg_xlsx *wb)
{
	return TG_BUF_COUNT(&wb->sheets, tg_xlsx_sheet);
}

static const tg_xlsx_sheet *
sheet_at(const tg_xlsx *wb, size_t i)
{
	return &((const tg_xlsx_sheet *)(const void *)wb->sheets.data)[i];
}

const char *
tg_xlsx_name(const tg_xlsx *wb, size_t i)
{
	return sheet_at(wb, i)->name;
}

bool
tg_xlsx_hidden(const tg_xlsx *wb, size_t i)
{
	return sheet_at(wb, i)->hidden;
}

bool
tg_xlsx_is_worksheet(const tg_xlsx *wb, size_t i)
{
	return sheet_at(wb, i)->worksheet;
}

static bool
ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb)
			return false;
	}
	return *a == *b;
}

long
tg_xlsx_find(const tg_xlsx *wb, const char *name)
{
	size_t n = tg_xlsx_count(wb);
	for (size_t i = 0; i < n; i++)
		if (strcmp(sheet_at(wb, i)->name, name) == 0)
			return (long)i;
	for (size_t i = 0; i < n; i++)
		if (ascii_caseeq(sheet_at(wb, i)->name, name))
			return (long)i;
	return -1;
}

long
tg_xlsx_first(const tg_xlsx *wb)
{
	size_t n = tg_xlsx_count(wb);
	for (size_t i = 0; i < n; i++)
		if (sheet_at(wb, i)->worksheet && !sheet_at(wb, i)->hidden)
			return (long)i;
	return -1;
}

void
tg_xlsx_cell_name(unsigned row, unsigned col, char out[16])
{
	char letters[8];
	size_t n = 0;
	for (unsigned c = col; c > 0 && n < sizeof letters; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	size_t k = 0;
	while (n > 0)
		out[k++] = letters[--n];
	snprintf(out + k, 16 - k, "%u", row);
}
