/* Shared by xlsx.c (package, workbook) and xlsx_sheet.c (shared strings,
 * worksheets); nothing else includes it. */
#ifndef TG_XLSX_INTERNAL_H
#define TG_XLSX_INTERNAL_H

#include <expat.h>
#include <zip.h>

#include "xlsx.h"

typedef struct tg_xlsx_sheet {
	char *name;
	char *rid;
	char *part;	/* NULL: the relationship is missing */
	bool hidden;
	bool worksheet;
} tg_xlsx_sheet;

struct tg_xlsx {
	char *display;
	char *bytes;	/* the zip, owned */
	size_t len;
	zip_t *zip;
	tg_buf sheets;	/* tg_xlsx_sheet, workbook order */
	char *sst_part;	/* NULL: no shared strings */
	bool sst_loaded, sst_ok;
	tg_buf sst_text;	/* the strings, each NUL-terminated */
	tg_buf sst_index;	/* size_t pairs: offset, length */
	size_t inflated;	/* XML bytes read so far, against the limit */
	size_t messages, errors, suppressed;
};

/* One XML part being parsed: the common limits, then the part's handlers. */
typedef struct tg_xlsx_xml tg_xlsx_xml;
struct tg_xlsx_xml {
	void (*start)(tg_xlsx_xml *x, const char *name, const char **attrs);
	void (*end)(tg_xlsx_xml *x, const char *name);
	void (*text)(tg_xlsx_xml *x, const char *s, size_t len);
	void *user;
	/* set by tg_xlsx_parse */
	tg_xlsx *wb;
	tg_diag *diag;
	const char *part;
	XML_Parser parser;
	unsigned depth;
	bool stopped;
	const char *why;
};

/* Parses a part with x's handlers.  False after reporting when the part is
 * missing, unreadable, invalid XML or over a limit. */
bool tg_xlsx_parse(tg_xlsx *wb, const char *part, tg_xlsx_xml *x, tg_diag *diag);
long tg_xlsx_locate(tg_xlsx *wb, const char *part);
/* Reports through the workbook's cap on messages. */
void tg_xlsx_report(tg_xlsx *wb, tg_diag *diag, tg_severity sev, tg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void tg_xlsx_flush_suppressed(tg_xlsx *wb, tg_diag *diag);
/* Names under namespace processing are "URI local". */
const char *tg_xlsx_local(const char *name);
bool tg_xlsx_is_main(const char *name, const char *local);
const char *tg_xlsx_attr(const char **attrs, const char *local, bool namespaced);

#endif
