/* libFuzzer harness: `diff` of two catalogs.  The input is the old catalog,
 * a NUL, the new one (YAML).  When both load, the change list is computed
 * and rendered in every format, and a crosswalk of the old catalog to
 * itself (one row per item) is migrated: the draft must load next to the
 * new catalog, as `diff --migrate-crosswalk` promises. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "load/load.h"
#include "util/yamlw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
discard(tg_diag *diag)
{
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
}

/* One catalog from text, or NULL. */
static const tg_catalog *
load(tg_data *d, const char *name, const char *text, size_t len, tg_diag *diag)
{
	size_t before = tg_diag_errors(diag);
	tg_data_load_text(d, diag, name, text, len);
	tg_data_link(d, diag);
	if (tg_diag_errors(diag) > before || TG_DATA_COUNT(d, catalogs, tg_catalog) != 1)
		return NULL;
	return TG_DATA_AT(d, catalogs, tg_catalog, 0);
}

static void
migrate(const tg_catdiff *cd, const tg_catalog *oc, const char *old_text, size_t old_len,
    const tg_catalog *nc, const char *new_text, size_t new_len)
{
	tg_buf xw = TG_BUF_INIT, draft = TG_BUF_INIT;
	tg_buf_puts(&xw, "kind: crosswalk\n");
	tg_yamlw_kv(&xw, 0, "id", "self");
	tg_yamlw_kv(&xw, 0, "source", oc->id);
	tg_yamlw_kv(&xw, 0, "target", oc->id);
	tg_buf_puts(&xw, "status: suggested\nrows:\n");
	size_t rows = 0;
	for (size_t i = 0; i < oc->nitems && rows < 64; i++) {
		const tg_item *it = oc->items[i];
		if (it->id == NULL)
			continue;
		tg_buf_puts(&xw, "  - source: ");
		tg_yamlw_scalar(&xw, it->id);
		tg_buf_puts(&xw, "\n    targets:\n      - target: ");
		tg_yamlw_scalar(&xw, it->id);
		tg_buf_puts(&xw, "\n        relationship: equal\n");
		rows++;
	}
	if (rows == 0)
		tg_buf_puts(&xw, "  []\n");
	tg_diag *diag = tg_diag_new();
	tg_data *d = tg_data_new(".");
	tg_data_load_text(d, diag, "old.yaml", old_text, old_len);
	tg_data_load_text(d, diag, "xw.yaml", xw.data, xw.len);
	tg_data_link(d, diag);
	if (tg_diag_errors(diag) == 0 && TG_DATA_COUNT(d, crosswalks, tg_crosswalk) == 1) {
		tg_migrate_stats st;
		tg_migrate_crosswalk(cd, TG_DATA_AT(d, crosswalks, tg_crosswalk, 0), "xw.yaml", &draft,
		    &st);
		tg_data *check = tg_data_new(".");
		tg_data_load_text(check, diag, "new.yaml", new_text, new_len);
		tg_data_load_text(check, diag, "draft.yaml", draft.data ? draft.data : "", draft.len);
		tg_data_link(check, diag);
		if (tg_diag_errors(diag) > 0 || TG_DATA_COUNT(check, crosswalks, tg_crosswalk) != 1) {
			tg_diag_print(diag, stderr);
			fprintf(stderr, "the migrated crosswalk of %s does not load:\n%.*s\n", nc->id,
			    (int)draft.len, draft.data);
			abort();
		}
		tg_data_free(check);
	}
	discard(diag);
	tg_data_free(d);
	tg_diag_free(diag);
	tg_buf_free(&xw);
	tg_buf_free(&draft);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t old_len = nul != NULL ? (size_t)(nul - text) : size;
	const char *new_text = nul != NULL ? nul + 1 : text;
	size_t new_len = nul != NULL ? size - old_len - 1 : size;
	tg_diag *diag = tg_diag_new();
	tg_data *od = tg_data_new("."), *nd = tg_data_new(".");
	const tg_catalog *oc = load(od, "old.yaml", text, old_len, diag);
	const tg_catalog *nc = load(nd, "new.yaml", new_text, new_len, diag);
	if (oc != NULL && nc != NULL) {
		tg_catdiff cd;
		tg_catdiff_compute(&cd, oc, nc);
		tg_diff_report r = {&cd, NULL, "old.yaml", "new.yaml", data[0] & 1};
		tg_buf out = TG_BUF_INIT;
		tg_diff_render_text(&r, &out);
		tg_diff_render_md(&r, &out);
		tg_diff_render_html(&r, &out);
		tg_diff_render_json(&r, &out);
		tg_buf_free(&out);
		migrate(&cd, oc, text, old_len, nc, new_text, new_len);
		tg_catdiff_free(&cd);
	}
	discard(diag);
	tg_data_free(od);
	tg_data_free(nd);
	tg_diag_free(diag);
	return 0;
}
