/* Spreadsheet text output: RFC 4180 CSV (or TSV with the same quoting),
 * CRLF line ends, and formula-injection neutralisation. */
#ifndef TG_CSV_H
#define TG_CSV_H

#include <stdbool.h>

#include "buf.h"

typedef struct tg_csv {
	tg_buf *out;
	char sep;		/* ',' or '\t' */
	bool neutralize;	/* guard cells that a spreadsheet would run as formulas */
	unsigned col;
} tg_csv;

/* A UTF-8 byte order mark, which Excel in Japan needs to read UTF-8 CSV. */
#define TG_UTF8_BOM "\xEF\xBB\xBF"

void tg_csv_init(tg_csv *c, tg_buf *out, char sep, bool neutralize);
void tg_csv_field(tg_csv *c, const char *s);	/* NULL: empty cell */
void tg_csv_fieldf(tg_csv *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tg_csv_end_row(tg_csv *c);
/* True when a spreadsheet could read the cell as a formula or command:
 * it starts with '=', '+', '-', '@', TAB or CR.  Such cells are written
 * with a leading apostrophe (CSV) or as plain strings (XLSX). */
bool tg_sheet_is_risky(const char *s);

#endif
