/* libFuzzer harness: any bytes as a filled form saved as CSV, read back by
 * assess against the forms fixture (tests/regress/forms/_data): finding the
 * table, checking every cell, the results.  Built with -Dfuzz=enabled. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "assess/internal.h"
#include "load/load.h"
#include "totsugo.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tg_data *fixture;

/* The data set is loaded once, before the inputs (not counted as leaks). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tg_diag *d = tg_diag_new();
	int rc;
	fixture = tg_data_open(TOTSUGO_SOURCE_ROOT "/tests/regress/forms/_data", d, &rc);
	tg_diag_free(d);
	if (rc != TG_EXIT_OK) {
		fprintf(stderr, "fuzz_assess: the forms fixture does not load\n");
		return 1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_diag *diag = tg_diag_new();
	tg_sheet sh;
	tg_buf sheets = TG_BUF_INIT;
	if (tg_sheet_read(&sh, "fuzz.csv", (const char *)data, size, ',', TG_SHEET_AUTO, diag))
		tg_assess_classify(fixture, &sh, &sheets);
	else
		tg_sheet_free(&sh);
	tg_form_ctx ctx = {fixture, tg_data_industry(fixture, "demo"), NULL, 0};
	tg_arena a;
	tg_arena_init(&a);
	for (size_t i = 0; i < TG_BUF_COUNT(&sheets, tg_assess_sheet); i++) {
		tg_filled f;
		tg_assess_read(&TG_BUF_AT(&sheets, tg_assess_sheet, i), &ctx, &a, &f, diag);
		tg_fsheet_free(f.layout);
	}
	tg_arena_free(&a);
	tg_assess_sheets_free(&sheets);
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
	tg_diag_free(diag);
	return 0;
}
