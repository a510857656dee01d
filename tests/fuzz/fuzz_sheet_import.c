/* libFuzzer harness: any bytes as a spreadsheet, read by the sheet reader
 * and the importer under one of the shipped example specs (the first byte
 * chooses the spec and CSV or TSV).  A catalog the importer writes must
 * load without an error (linking may still miss the other catalogs its
 * links name), and its crosswalk must parse: what import writes, totsugo
 * reads. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "load/import/import.h"
#include "load/load.h"
#include "load/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {
	TOTSUGO_SOURCE_ROOT "/docs/examples/import/meti-scs.yaml",
	TOTSUGO_SOURCE_ROOT "/docs/examples/import/association-checklist.yaml",
	TOTSUGO_SOURCE_ROOT "/docs/examples/import/totsugo-export.yaml",
};

static void
discard(tg_diag *diag)
{
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *spec = specs[data[0] % 3];
	const char *name = data[0] & 0x80 ? "fuzz.tsv" : "fuzz.csv";
	tg_diag *diag = tg_diag_new();
	tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
	int rc = tg_import_bytes(spec, name, (const char *)data + 1, size - 1, &cat,
	    data[0] % 3 == 0 ? &xw : NULL, diag);
	discard(diag);
	if (rc == TG_EXIT_OK) {
		tg_data *d = tg_data_new(".");
		tg_data_load_text(d, diag, "imported.yaml", cat.data ? cat.data : "", cat.len);
		if (tg_diag_errors(diag) > 0) {
			tg_diag_print(diag, stderr);
			fprintf(stderr, "the imported catalog does not load:\n%.*s\n", (int)cat.len, cat.data);
			abort();
		}
		tg_data_link(d, diag);
		discard(diag);
		tg_data_free(d);
		tg_arena a;
		tg_arena_init(&a);
		if (xw.len > 0 && tg_yaml_parse(&a, diag, "xw.yaml", xw.data, xw.len) == NULL) {
			tg_diag_print(diag, stderr);
			abort();
		}
		tg_arena_free(&a);
	}
	tg_buf_free(&cat);
	tg_buf_free(&xw);
	tg_diag_free(diag);
	return 0;
}
