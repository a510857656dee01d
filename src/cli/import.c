/* `import`, `export`: spreadsheets into catalogs and back. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../util/outset.h"

int
cmd_import(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"spec", required_argument, NULL, 's'},
	    {"output", required_argument, NULL, 'o'},
	    {"crosswalk-out", required_argument, NULL, 'x'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	const char *spec = NULL, *output = NULL, *xw_out = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "s:o:x:h", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
			spec = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'x':
			xw_out = optarg;
			break;
		case 'h':
			printf("Usage: %s import --spec SPEC.yaml INPUT [-o OUT.yaml] [--crosswalk-out XW.yaml]\n\n"
			    "Read a spreadsheet (an Excel workbook, .xlsx, or CSV or TSV in UTF-8, UTF-8\n"
			    "with BOM or CP932) as the import spec describes and write it as a catalog: one\n"
			    "item per row, group items from the group columns, links from in-text\n"
			    "references, and the sheet's file and row as every item's provenance.  Nothing\n"
			    "is written when the sheet or the spec has an error; every error is shown\n"
			    "(FILE:ROW:COL in a CSV, FILE.xlsx:SHEET!C7 in a workbook).  The data\n"
			    "directory is not used.  See docs/import.md.\n\n"
			    "  -s, --spec FILE           the import spec (YAML, kind: import)\n"
			    "  -o, --output FILE         write the catalog to FILE (atomically) instead of\n"
			    "                            standard output\n"
			    "  -x, --crosswalk-out FILE  also write the crosswalk read from the spec's\n"
			    "                            reference columns\n", tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("import", argv);
		}
	}
	if (spec == NULL)
		return tg_cli_usage_error("import", "missing --spec SPEC.yaml");
	if (optind >= argc)
		return tg_cli_usage_error("import", "missing INPUT (the XLSX, CSV or TSV file)");
	if (optind + 1 < argc)
		return tg_cli_usage_error("import", "unexpected argument '%s'", argv[optind + 1]);
	bool out_stdout = output == NULL || strcmp(output, "-") == 0;
	if (xw_out != NULL && strcmp(xw_out, "-") == 0 && out_stdout)
		return tg_cli_usage_error("import",
		    "the catalog and the crosswalk cannot both go to standard output");
	if (xw_out != NULL && output != NULL && strcmp(xw_out, output) == 0)
		return tg_cli_usage_error("import", "-o and --crosswalk-out name the same file");
	tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
	int rc = tg_import(spec, argv[optind], &cat, xw_out ? &xw : NULL, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_cli_write(c, output, &cat);
	if (rc == TG_EXIT_OK && xw_out != NULL)
		rc = tg_cli_write(c, xw_out, &xw);
	rc = tg_cli_commit(c, "import", rc, false);
	tg_buf_free(&cat);
	tg_buf_free(&xw);
	return tg_cli_finish(c, rc);
}

int
cmd_export(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'}, {"bom", no_argument, NULL, 'b'},
	    {"no-bom", no_argument, NULL, 'B'}, {"output", required_argument, NULL, 'o'},
	    {"spec", required_argument, NULL, 's'}, {"cp932-substitute", no_argument, NULL, 'S'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_export_options o = {',', false, true, NULL, false};
	const char *output = NULL, *spec = NULL;
	bool format_given = false, bom_given = false;
	int ch;
	while ((ch = getopt_long(argc, argv, "f:e:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				o.sep = ',';
			else if (strcmp(optarg, "tsv") == 0)
				o.sep = '\t';
			else
				return tg_cli_usage_error("export", "unknown format '%s' (csv or tsv)", optarg);
			format_given = true;
			break;
		case 'e':
			if (strcmp(optarg, "cp932") == 0 || strcmp(optarg, "sjis") == 0)
				o.cp932 = true;
			else if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
				o.cp932 = false;
			else
				return tg_cli_usage_error("export", "unknown encoding '%s' (utf-8 or cp932)", optarg);
			break;
		case 'b':
		case 'B':
			o.bom = ch == 'b';
			bom_given = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 's':
			spec = optarg;
			break;
		case 'S':
			o.cp932_substitute = true;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] export ID [--format csv|tsv] [--encoding utf-8|cp932]\n"
			    "                 [--cp932-substitute] [--bom|--no-bom] [-o FILE] [--spec SPEC]\n\n"
			    "Write a catalog as a sheet: a header row, then one row per item in tree\n"
			    "order (id, ref, parent, title, text, level, tags, flag, links, note,\n"
			    "provenance and official_ref).  Cells a spreadsheet would run as formulas are\n"
			    "neutralised.  With --spec, also write the import spec that reads the sheet\n"
			    "back into the same catalog, its own keys (title, description, meta …)\n"
			    "included: export, edit, then 'totsugo import --spec SPEC FILE' loses nothing.\n\n"
			    "  -f, --format FMT    csv (default; tsv when FILE ends in .tsv) or tsv\n"
			    "  -e, --encoding ENC  utf-8 (default) or cp932 (a character it cannot hold\n"
			    "                      exactly is an error)\n"
			    "      --cp932-substitute  write CP932's look-alikes instead (〜 as ～, ¥ as \\,\n"
			    "                      − as －...), each listed in a warning\n"
			    "      --bom           start UTF-8 with a byte order mark (default: Excel needs it)\n"
			    "      --no-bom        UTF-8 without a byte order mark\n"
			    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
			    "      --spec SPEC     also write the import spec for the sheet to SPEC\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("export", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("export", "missing ID (a catalog, see 'totsugo list')");
	if (optind + 1 < argc)
		return tg_cli_usage_error("export", "unexpected argument '%s'", argv[optind + 1]);
	if (o.cp932 && bom_given && o.bom)
		return tg_cli_usage_error("export", "--bom is for UTF-8; cp932 has no byte order mark");
	if (o.cp932_substitute && !o.cp932)
		return tg_cli_usage_error("export", "--cp932-substitute goes with --encoding cp932");
	if (o.cp932)
		o.bom = false;
	if (!format_given && output != NULL) {
		size_t n = strlen(output);
		if (n > 4 && strcmp(output + n - 4, ".tsv") == 0)
			o.sep = '\t';
	}
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT, spec_text = TG_BUF_INIT;
	if (spec != NULL)
		o.spec = &spec_text;
	rc = tg_export(d, argv[optind], &o, &out, c->diag);
	/* Sheet and spec belong together: one set (the rule for standard
	 * output applies: both to '-' is a usage error). */
	if (rc == TG_EXIT_OK && spec != NULL)
		rc = tg_cli_write(c, spec, &spec_text);
	if (rc == TG_EXIT_OK)
		rc = tg_cli_write(c, output, &out);
	rc = tg_cli_commit(c, "export", rc, false);
	tg_buf_free(&out);
	tg_buf_free(&spec_text);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}
