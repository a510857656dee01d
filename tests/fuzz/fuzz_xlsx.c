/* libFuzzer harness of the XLSX reader: any bytes as a workbook, every sheet
 * read, every message printed (the cell excerpts too).  Built when the
 * compiler is clang (meson -Dfuzz=enabled); run by tools/run-tests.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "load/sheet/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_diag *diag = tg_diag_new();
	tg_xlsx *wb = tg_xlsx_open("fuzz.xlsx", data, size, diag);
	if (wb != NULL) {
		for (size_t i = 0; i < tg_xlsx_count(wb) && i < 8; i++) {
			tg_sheet sh;
			tg_xlsx_read(wb, i, &sh, diag);
			/* Every cell is a NUL-terminated string of its length. */
			for (size_t r = 0; r < sh.nrows; r++)
				for (unsigned c = 0; c < sh.rows[r].ncells; c++)
					if (sh.rows[r].cells[c].text[sh.rows[r].cells[c].len] != '\0')
						__builtin_trap();
			tg_sheet_free(&sh);
		}
		tg_xlsx_free(wb);
	}
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
	tg_diag_free(diag);
	return 0;
}
