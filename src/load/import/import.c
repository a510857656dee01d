/* `import`: the rows of a sheet → items (group items from group columns,
 * one item per data row), then parents, links and crosswalk rows, then the
 * catalog (and crosswalk) YAML.  Nothing is written when anything is wrong:
 * every problem is reported, positioned FILE:ROW:COL in the sheet or
 * FILE:LINE:COL in the spec. */
#include <string.h>

#include "internal.h"
#include "../load.h"
#include "../../util/text.h"

static const char *
basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int
tg_import(const char *spec_path, const char *input, tg_buf *catalog, tg_buf *crosswalk,
    tg_diag *diag)
{
	importer im;
	memset(&im, 0, sizeof im);
	tg_arena_init(&im.arena);
	tg_map_init(&im.by_id);
	tg_map_init(&im.groups);
	im.diag = diag;
	im.file = input;
	im.base = basename_of(input);
	size_t before = tg_diag_errors(diag);
	int rc = tg_import_spec_read(spec_path, diag, &im.s);
	if (rc != TG_EXIT_OK)
		goto out;
	tg_import_spec *s = im.s;
	if (crosswalk != NULL && !s->has_xw) {
		tg_diag_error(diag, tg_pos_at(spec_path, 0, 0),
		    "--crosswalk-out needs a 'crosswalk' section in the spec (the reference columns and "
		    "their target catalog)");
		rc = TG_EXIT_USAGE;
		goto out;
	}
	tg_sheet_options so = {s->format, s->encoding, s->sheet_name};
	rc = tg_sheet_load(&im.sheet, input, NULL, &so, diag);
	if (rc == TG_EXIT_IO || (rc != TG_EXIT_OK && im.sheet.rows == NULL))
		goto out;
	if (im.sheet.sheet_name != NULL)
		im.file = im.sheet.file;	/* cells are named book.xlsx:シート!C7 */
	if (im.sheet.nrows < s->header_rows) {
		tg_diag_error(diag, tg_pos_at(im.file, 0, 0),
		    "the sheet has %zu row%s, fewer than its %u header rows (sheet.header_rows)",
		    im.sheet.nrows, im.sheet.nrows == 1 ? "" : "s", s->header_rows);
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (!tg_import_resolve_headers(&im)) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	for (size_t i = s->header_rows; i < im.sheet.nrows; i++) {
		const tg_sheet_row *r = &im.sheet.rows[i];
		if (!tg_sheet_row_blank(r))
			tg_import_read_row(&im, r);
	}
	tg_import_build_tree(&im);
	tg_import_check_links(&im);
	if (tg_diag_errors(diag) > before) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	tg_import_write_catalog(&im, catalog);
	if (crosswalk != NULL)
		tg_import_write_crosswalk(&im, crosswalk);
	rc = TG_EXIT_OK;
out:
	tg_sheet_free(&im.sheet);
	tg_import_spec_free(im.s);
	tg_map_free(&im.by_id);
	tg_map_free(&im.groups);
	tg_buf_free(&im.tmp);
	tg_buf_free(&im.list);
	tg_buf_free(&im.items);
	tg_arena_free(&im.arena);
	return rc;
}
