/* libFuzzer harness: any bytes as a mappings/ file, then linking; the same
 * bytes as a form file of templates/forms/.
 * Built when the compiler is clang (meson -Dfuzz=enabled); see tests/run-all.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "load/form.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = tg_data_new(".");
	tg_data_load_text(d, diag, "fuzz.yaml", (const char *)data, size);
	tg_data_link(d, diag);
	tg_form_load_text(d, diag, "fuzz-form.yaml", (const char *)data, size);
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
	tg_data_free(d);
	tg_diag_free(diag);
	return 0;
}
