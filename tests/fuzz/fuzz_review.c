/* libFuzzer harness: any bytes as a review sheet saved as CSV, applied by
 * `review apply` to a crosswalk of the shipped data (every cell checked,
 * the crosswalk assembled, written and loaded again).  Beyond crashes, leaks
 * and UB it checks what apply promises: a sheet it accepts gives a crosswalk
 * that loads (apply reports "internal error" otherwise, which aborts here).
 * Built with -Dfuzz=enabled. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/load.h"
#include "totsugo.h"
#include "util/buf.h"
#include "util/diag.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CROSSWALK "nikkenren-kyoryoku-2023--ipa-sme-3.1"

static tg_data *shipped;
static char sheet_path[64];

/* The shipped data is loaded once, before the inputs (not counted as leaks). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tg_diag *d = tg_diag_new();
	int rc;
	shipped = tg_data_open(TOTSUGO_SOURCE_ROOT, d, &rc);
	tg_diag_free(d);
	if (rc != TG_EXIT_OK) {
		fprintf(stderr, "fuzz_review: the shipped data does not load\n");
		return 1;
	}
	snprintf(sheet_path, sizeof sheet_path, "/tmp/totsugo-fuzz-review-%ld.csv", (long)getpid());
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(sheet_path, "wb");
	if (f == NULL)
		return 0;
	if (size > 0 && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return 0;
	}
	fclose(f);
	tg_review_apply_options o = {sheet_path, CROSSWALK, "-", false, false};
	tg_buf out = TG_BUF_INIT, summary = TG_BUF_INIT;
	tg_diag *diag = tg_diag_new();
	int rc = tg_review_apply(shipped, &o, &out, &summary, diag);
	/* The messages as records (severity, line, column, span, file, text),
	 * so that a cell quoting the words cannot pass for the message. */
	tg_buf rec = TG_BUF_INIT;
	tg_diag_export(diag, &rec);
	for (const char *p = rec.data, *end = rec.len ? rec.data + rec.len : NULL; p != NULL && p < end;) {
		p += 1 + 3 * sizeof(unsigned);
		const char *file = p;
		const char *text = file + strlen(file) + 1;
		if (*file == '\0' && strncmp(text, "internal error", 14) == 0) {
			tg_diag_print(diag, stderr);
			abort();
		}
		p = text + strlen(text) + 1;
	}
	tg_buf_free(&rec);
	if (rc == TG_EXIT_OK && out.len == 0)
		abort();	/* accepted, yet no crosswalk written */
	tg_diag_free(diag);
	tg_buf_free(&out);
	tg_buf_free(&summary);
	unlink(sheet_path);
	return 0;
}
