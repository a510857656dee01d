/* `import`: the rows of a sheet → items (group items from group columns,
 * one item per data row), then parents, links and crosswalk rows, then the
 * catalog (and crosswalk) YAML.  Nothing is written when anything is wrong:
 * every problem is reported, positioned FILE:ROW:COL in the sheet or
 * FILE:LINE:COL in the spec. */
#include <string.h>

#include "internal.h"
#include "../load.h"
#include "../../util/fs.h"
#include "../../util/text.h"

static const char *
basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int import(const char *spec_path, const char *input, const char *bytes, size_t len,
    tg_buf *catalog, tg_buf *crosswalk, tg_diag *diag);

int
tg_import(const char *spec_path, const char *input, tg_buf *catalog, tg_buf *crosswalk,
    tg_diag *diag)
{
	return import(spec_path, input, NULL, 0, catalog, crosswalk, diag);
}

int
tg_import_bytes(const char *spec_path, const char *input, const char *bytes, size_t len,
    tg_buf *catalog, tg_buf *crosswalk, tg_diag *diag)
{
	return import(spec_path, input, bytes != NULL ? bytes : "", len, catalog, crosswalk, diag);
}

/* bytes NULL: read the file input. */
static int
import(const char *spec_path, const char *input, const char *bytes, size_t len,
    tg_buf *catalog, tg_buf *crosswalk, tg_diag *diag)
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
	if (bytes == NULL)
		rc = tg_sheet_load(&im.sheet, input, NULL, &so, diag);
	else if (len > TG_SHEET_MAX_INPUT)
		rc = TG_EXIT_INVALID;	/* (as a file would be: not read) */
	else
		rc = tg_sheet_read(&im.sheet, input, bytes, len,
		    tg_sheet_format_of(input, s->format) == TG_SHEET_FORMAT_TSV ? '\t' : ',',
		    s->encoding, diag) ? TG_EXIT_OK : TG_EXIT_INVALID;
	if (rc == TG_EXIT_IO || (rc != TG_EXIT_OK && im.sheet.rows == NULL))
		goto out;	/* not read at all: nothing more to say */
	if (im.sheet.sheet_name != NULL)
		im.file = im.sheet.file;	/* cells are named book.xlsx:シート!C7 */
	if (im.sheet.last_row < s->header_rows) {
		tg_diag_error(diag, tg_pos_at(im.file, 0, 0),
		    "the sheet has %u row%s, fewer than its %u header rows (sheet.header_rows)",
		    im.sheet.last_row, im.sheet.last_row == 1 ? "" : "s", s->header_rows);
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (!tg_import_resolve_headers(&im)) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	/* (The reader keeps no blank rows.) */
	for (size_t i = 0; i < im.sheet.nrows; i++)
		if (im.sheet.rows[i].row > s->header_rows)
			tg_import_read_row(&im, &im.sheet.rows[i]);
	tg_import_build_tree(&im);
	tg_import_check_links(&im);
	if (tg_diag_errors(diag) > before) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	size_t start = catalog->len;
	tg_import_write_catalog(&im, catalog);
	rc = TG_EXIT_OK;
	/* What cannot be loaded is not written. */
	if (catalog->len - start > TG_FS_MAX_INPUT) {
		tg_diag_error(diag, tg_pos_at(input, 0, 0), "the catalog would be %.1f MiB, over the "
		    "%u MiB a data file may be: split the sheet into several catalogs",
		    (double)(catalog->len - start) / (1024.0 * 1024.0), TG_FS_MAX_INPUT / (1024u * 1024u));
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (crosswalk != NULL) {
		start = crosswalk->len;
		tg_import_write_crosswalk(&im, crosswalk);
		if (crosswalk->len - start > TG_FS_MAX_INPUT) {
			tg_diag_error(diag, tg_pos_at(input, 0, 0), "the crosswalk would be %.1f MiB, over "
			    "the %u MiB a data file may be: split the sheet into several catalogs",
			    (double)(crosswalk->len - start) / (1024.0 * 1024.0),
			    TG_FS_MAX_INPUT / (1024u * 1024u));
			rc = TG_EXIT_INVALID;
		}
	}
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
