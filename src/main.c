/* totsugo command-line interface: options, dispatch, exit codes.  Every
 * piece of real work is a library call (totsugo.h). */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "totsugo.h"

typedef struct cli {
	const char *data_option;	/* --data */
	tg_diag *diag;
} cli;

typedef struct command {
	const char *name;
	int (*run)(cli *c, int argc, char **argv);
	const char *summary;
} command;

static const char *progname = "totsugo";

static int __attribute__((format(printf, 2, 3)))
usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s%s%s: ", progname, cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s %s%s--help'.\n", progname, cmd ? cmd : "", cmd ? " " : "");
	return TG_EXIT_USAGE;
}

/* getopt's own messages are off (opterr = 0); this names the bad option. */
static int
bad_option(const char *cmd, char **argv)
{
	const char *opt = argv[optind - 1];
	if (optopt != 0 && optopt != '?' && opt[0] == '-' && opt[1] != '-')
		return usage_error(cmd, "unknown option '-%c' or missing argument", optopt);
	return usage_error(cmd, "unknown option '%s' or missing argument", opt);
}

/* Prints collected messages and a count; returns rc unchanged. */
static int
finish(cli *c, int rc)
{
	size_t errors = tg_diag_errors(c->diag), warnings = tg_diag_warnings(c->diag);
	tg_diag_print(c->diag, stderr);
	if (errors > 0 || warnings > 0) {
		fprintf(stderr, "%s: %zu error%s", progname, errors, errors == 1 ? "" : "s");
		if (warnings > 0)
			fprintf(stderr, ", %zu warning%s", warnings, warnings == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	return rc;
}

/* For commands that write files: the list of what was written on
 * standard output, then the messages. */
static int
finish_report(cli *c, tg_data *d, tg_buf *report, int rc)
{
	if (report->len > 0)
		tg_output(NULL, report, c->diag);
	tg_buf_free(report);
	tg_data_free(d);
	return finish(c, rc);
}

/* Loads the data directory; *rc is set and NULL returned when it is
 * unusable (not found, unreadable or invalid). */
static tg_data *
open_data(cli *c, int *rc)
{
	char *dir = tg_data_locate(c->data_option);
	if (dir == NULL) {
		tg_diag_error(c->diag, tg_pos_at(NULL, 0, 0),
		    "no data directory found: use --data DIR or set TOTSUGO_DATA");
		*rc = TG_EXIT_IO;
		return NULL;
	}
	tg_data *d = tg_data_open(dir, c->diag, rc);
	free(dir);
	if (*rc != TG_EXIT_OK) {
		tg_data_free(d);
		return NULL;
	}
	return d;
}

/* Parses a subcommand's options; `--help` prints help and returns 0 with
 * *done set. */
#define HELP_OPTION {"help", no_argument, NULL, 'h'}

static int
cmd_validate(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {HELP_OPTION, {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			printf("Usage: %s [--data DIR] validate\n\n"
			    "Load every file under DIR/mappings and check every rule and reference.\n"
			    "Prints a summary and exits 0 when everything is valid; otherwise prints\n"
			    "every problem as FILE:LINE:COL and exits 1.\n", progname);
			return TG_EXIT_OK;
		}
		return bad_option("validate", argv);
	}
	if (optind < argc)
		return usage_error("validate", "unexpected argument '%s'", argv[optind]);
	int rc;
	char *dir = tg_data_locate(c->data_option);
	if (dir == NULL) {
		tg_diag_error(c->diag, tg_pos_at(NULL, 0, 0),
		    "no data directory found: use --data DIR or set TOTSUGO_DATA");
		return finish(c, TG_EXIT_IO);
	}
	tg_data *d = tg_data_open(dir, c->diag, &rc);
	free(dir);
	if (rc == TG_EXIT_OK) {
		tg_buf out = TG_BUF_INIT;
		tg_list(d, false, &out);
		tg_buf_puts(&out, "valid\n");
		rc = tg_output(NULL, &out, c->diag);
		tg_buf_free(&out);
	}
	tg_data_free(d);
	return finish(c, rc);
}

static int
cmd_list(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"stats", no_argument, NULL, 's'}, HELP_OPTION,
	    {NULL, 0, NULL, 0}};
	bool stats = false;
	int ch;
	while ((ch = getopt_long(argc, argv, "sh", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
			stats = true;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] list [--stats]\n\n"
			    "List the catalogs, crosswalks, industries, parameter registries and\n"
			    "profiles, one per line with their item / row counts.\n\n"
			    "  -s, --stats   add each crosswalk's pairs by relationship and status\n", progname);
			return TG_EXIT_OK;
		default:
			return bad_option("list", argv);
		}
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'", argv[optind]);
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	tg_list(d, stats, &out);
	rc = tg_output(NULL, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return finish(c, rc);
}

static int
cmd_show(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_show_format format = TG_SHOW_TREE;
	const char *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "tree") == 0)
				format = TG_SHOW_TREE;
			else if (strcmp(optarg, "json") == 0)
				format = TG_SHOW_JSON;
			else
				return usage_error("show", "unknown format '%s' (tree or json)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] show ID [--format tree|json] [-o FILE]\n\n"
			    "Print a catalog or a crosswalk.\n\n"
			    "  -f, --format FMT   tree (default, an outline) or json (see totsugo(1))\n"
			    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n",
			    progname);
			return TG_EXIT_OK;
		default:
			return bad_option("show", argv);
		}
	}
	if (optind + 1 != argc)
		return optind < argc ? usage_error("show", "unexpected argument '%s'", argv[optind + 1])
		    : usage_error("show", "missing ID");
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_show(d, argv[optind], format, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return finish(c, rc);
}

static int
cmd_crosswalk(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"level", required_argument, NULL, 'l'}, {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'}, {"inverse", no_argument, NULL, 'r'},
	    {"encoding", required_argument, NULL, 'e'}, {"no-bom", no_argument, NULL, 'B'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_crosswalk_options o = {0};
	o.bom = true;
	int ch;
	while ((ch = getopt_long(argc, argv, "i:l:f:o:re:Bh", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			o.industry = optarg;
			break;
		case 'l':
			o.level = optarg;
			break;
		case 'f': {
			unsigned f = tg_crosswalk_format(optarg);
			if (f == 0)
				return usage_error("crosswalk", "unknown format '%s' "
				    "(md, html, csv, tsv, xlsx, json or all)", optarg);
			o.formats |= f;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'r':
			o.inverse = true;
			break;
		case 'e':
			if (strcmp(optarg, "cp932") == 0 || strcmp(optarg, "sjis") == 0)
				o.cp932 = true;
			else if (strcmp(optarg, "utf-8") != 0 && strcmp(optarg, "utf8") != 0)
				return usage_error("crosswalk", "unknown encoding '%s' (utf-8 or cp932)", optarg);
			break;
		case 'B':
			o.bom = false;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] crosswalk --industry ID [--level L]\n"
			    "                 [--format md|html|csv|tsv|xlsx|json|all] [-o PATH] [--inverse]\n"
			    "                 [--encoding utf-8|cp932] [--no-bom]\n\n"
			    "Write the 突合表 of an industry guideline against the IPA SME guideline.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list'), or all (each into out/ID/,\n"
			    "                      or -o DIR/ID/)\n"
			    "  -l, --level L       only items needed at level L (cumulative: LV2 = LV1 + LV2);\n"
			    "                      items of unknown level are left out and counted\n"
			    "  -f, --format FMT    md, html, csv, tsv, xlsx, json or all (default all;\n"
			    "                      repeat the option for several)\n"
			    "  -o, --output PATH   a file (one format) or a directory (default out/ID/)\n"
			    "  -r, --inverse       the IPA view: each clause with the industry items it serves\n"
			    "  -e, --encoding ENC  CSV/TSV encoding: utf-8 (default, with BOM) or cp932\n"
			    "      --no-bom        UTF-8 CSV/TSV without a byte order mark\n", progname);
			return TG_EXIT_OK;
		default:
			return bad_option("crosswalk", argv);
		}
	}
	if (optind < argc)
		return usage_error("crosswalk", "unexpected argument '%s'", argv[optind]);
	if (o.industry == NULL)
		return usage_error("crosswalk", "missing --industry ID");
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_crosswalk_write(d, &o, &report, c->diag);
	return finish_report(c, d, &report, rc);
}

static int
cmd_diff(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"migrate-crosswalk", required_argument, NULL, 'm'},
	    {"regulation", no_argument, NULL, 'r'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_diff_options o = {0};
	const char *output = NULL, *format = NULL;
	bool regulation = false;
	int ch;
	while ((ch = getopt_long(argc, argv, "f:o:m:rh", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			if (strcmp(optarg, "text") == 0)
				o.format = TG_DIFF_TEXT;
			else if (strcmp(optarg, "md") == 0)
				o.format = TG_DIFF_MD;
			else if (strcmp(optarg, "html") == 0)
				o.format = TG_DIFF_HTML;
			else if (strcmp(optarg, "json") == 0)
				o.format = TG_DIFF_JSON;
			else
				return usage_error("diff", "unknown format '%s' (text, md, html or json)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'm':
			o.migrate = optarg;
			break;
		case 'r':
			regulation = true;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] diff OLD NEW [--format text|md|html|json] [-o PATH]\n"
			    "       %s [--data DIR] diff OLD NEW --migrate-crosswalk FILE -o NEW.yaml\n"
			    "       %s diff --regulation OLD_DIR NEW_DIR [-o FILE.html]\n\n"
			    "Compare two versions of a guideline catalog: items added, removed, modified,\n"
			    "moved, renumbered, split and merged, with word-level redlines, counts per\n"
			    "kind and level, and the crosswalk rows and regulation clauses of the data\n"
			    "directory that need review.  OLD and NEW are catalog ids of the data\n"
			    "directory or YAML files (a name with '/' or ending in .yaml).\n\n"
			    "  -f, --format FMT            text (default), md, html or json\n"
			    "  -o, --output PATH           write to PATH (atomically) instead of standard output\n"
			    "  -m, --migrate-crosswalk FILE\n"
			    "                              write a draft of crosswalk FILE for NEW to -o\n"
			    "  -r, --regulation            compare two directories of rendered regulation\n"
			    "                              (Markdown files matched by name): one HTML redline\n\n"
			    "Nothing is written when the inputs are identical.  Colours only on a terminal\n"
			    "(not with NO_COLOR).  Exit codes, as diff(1): 0 identical, 1 different,\n"
			    "2 trouble (usage, invalid input, I/O).  See docs/diff.md.\n",
			    progname, progname, progname);
			return TG_EXIT_OK;
		default:
			return bad_option("diff", argv);
		}
	}
	if (argc - optind < 2)
		return usage_error("diff", regulation ? "missing OLD_DIR and NEW_DIR" : "missing OLD and NEW");
	if (argc - optind > 2)
		return usage_error("diff", "unexpected argument '%s'", argv[optind + 2]);
	if (regulation && o.migrate != NULL)
		return usage_error("diff", "--regulation and --migrate-crosswalk do not go together");
	if (regulation && format != NULL && o.format != TG_DIFF_HTML)
		return usage_error("diff", "--regulation writes html only");
	if (o.migrate != NULL && format != NULL)
		return usage_error("diff", "--format does not apply to --migrate-crosswalk");
	if (o.migrate != NULL && (output == NULL || strcmp(output, "-") == 0))
		return usage_error("diff", "--migrate-crosswalk needs -o NEW.yaml");
	o.data_option = c->data_option;
	o.draft_name = output;
	const char *no_color = getenv("NO_COLOR");
	o.color = o.format == TG_DIFF_TEXT && (output == NULL || strcmp(output, "-") == 0) &&
	    isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0');
	tg_buf out = TG_BUF_INIT, draft = TG_BUF_INIT;
	int rc = regulation ? tg_diff_regulation(argv[optind], argv[optind + 1], &out, c->diag)
	    : tg_diff(&o, argv[optind], argv[optind + 1], &out, &draft, c->diag);
	/* diff(1) codes: any failure here is trouble (2), not TG_EXIT_IO. */
	if (rc != TG_DIFF_TROUBLE && o.migrate != NULL) {
		if (tg_output(output, &draft, c->diag) != TG_EXIT_OK ||
		    tg_output(NULL, &out, c->diag) != TG_EXIT_OK)
			rc = TG_DIFF_TROUBLE;
	} else if (rc != TG_DIFF_TROUBLE && out.len > 0) {
		if (tg_output(output, &out, c->diag) != TG_EXIT_OK)
			rc = TG_DIFF_TROUBLE;
	}
	tg_buf_free(&out);
	tg_buf_free(&draft);
	return finish(c, rc);
}

static int
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
			    "Read a spreadsheet (CSV or TSV; UTF-8, UTF-8 with BOM or CP932) as the import\n"
			    "spec describes and write it as a catalog: one item per row, group items from\n"
			    "the group columns, links from in-text references, and the sheet's file and\n"
			    "row as every item's provenance.  Nothing is written when the sheet or the spec\n"
			    "has an error; every error is shown (FILE:ROW:COL in the sheet).  The data\n"
			    "directory is not used.  See docs/import.md.\n\n"
			    "  -s, --spec FILE           the import spec (YAML, kind: import)\n"
			    "  -o, --output FILE         write the catalog to FILE (atomically) instead of\n"
			    "                            standard output\n"
			    "  -x, --crosswalk-out FILE  also write the crosswalk read from the spec's\n"
			    "                            reference columns\n", progname);
			return TG_EXIT_OK;
		default:
			return bad_option("import", argv);
		}
	}
	if (spec == NULL)
		return usage_error("import", "missing --spec SPEC.yaml");
	if (optind >= argc)
		return usage_error("import", "missing INPUT (the CSV or TSV file)");
	if (optind + 1 < argc)
		return usage_error("import", "unexpected argument '%s'", argv[optind + 1]);
	bool out_stdout = output == NULL || strcmp(output, "-") == 0;
	if (xw_out != NULL && strcmp(xw_out, "-") == 0 && out_stdout)
		return usage_error("import", "the catalog and the crosswalk cannot both go to standard output");
	if (xw_out != NULL && output != NULL && strcmp(xw_out, output) == 0)
		return usage_error("import", "-o and --crosswalk-out name the same file");
	tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
	int rc = tg_import(spec, argv[optind], &cat, xw_out ? &xw : NULL, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &cat, c->diag);
	if (rc == TG_EXIT_OK && xw_out != NULL)
		rc = tg_output(xw_out, &xw, c->diag);
	tg_buf_free(&cat);
	tg_buf_free(&xw);
	return finish(c, rc);
}

static int
cmd_export(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'}, {"bom", no_argument, NULL, 'b'},
	    {"no-bom", no_argument, NULL, 'B'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_export_options o = {',', false, true};
	const char *output = NULL;
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
				return usage_error("export", "unknown format '%s' (csv or tsv)", optarg);
			format_given = true;
			break;
		case 'e':
			if (strcmp(optarg, "cp932") == 0 || strcmp(optarg, "sjis") == 0)
				o.cp932 = true;
			else if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
				o.cp932 = false;
			else
				return usage_error("export", "unknown encoding '%s' (utf-8 or cp932)", optarg);
			break;
		case 'b':
		case 'B':
			o.bom = ch == 'b';
			bom_given = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] export ID [--format csv|tsv] [--encoding utf-8|cp932]\n"
			    "                 [--bom|--no-bom] [-o FILE]\n\n"
			    "Write a catalog as a sheet: a header row, then one row per item in tree\n"
			    "order (id, ref, parent, title, text, level, tags, flag, links, note and\n"
			    "provenance).  Cells a spreadsheet would run as formulas are neutralised.\n"
			    "docs/examples/import/totsugo-export.yaml imports the sheet back into the same\n"
			    "catalog.\n\n"
			    "  -f, --format FMT    csv (default; tsv when FILE ends in .tsv) or tsv\n"
			    "  -e, --encoding ENC  utf-8 (default) or cp932\n"
			    "      --bom           start UTF-8 with a byte order mark (default: Excel needs it)\n"
			    "      --no-bom        UTF-8 without a byte order mark\n"
			    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n",
			    progname);
			return TG_EXIT_OK;
		default:
			return bad_option("export", argv);
		}
	}
	if (optind >= argc)
		return usage_error("export", "missing ID (a catalog, see 'totsugo list')");
	if (optind + 1 < argc)
		return usage_error("export", "unexpected argument '%s'", argv[optind + 1]);
	if (o.cp932 && bom_given && o.bom)
		return usage_error("export", "--bom is for UTF-8; cp932 has no byte order mark");
	if (o.cp932)
		o.bom = false;
	if (!format_given && output != NULL) {
		size_t n = strlen(output);
		if (n > 4 && strcmp(output + n - 4, ".tsv") == 0)
			o.sep = '\t';
	}
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_export(d, argv[optind], &o, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return finish(c, rc);
}

static int
cmd_template(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"data", required_argument, NULL, 'd'},
	    {"partials", required_argument, NULL, 'p'}, {"strict", no_argument, NULL, 's'},
	    {"escape", required_argument, NULL, 'e'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_template_options o = {NULL, NULL, false, TG_TEMPLATE_HTML};
	const char *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "d:p:se:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			o.data = optarg;
			break;
		case 'p':
			o.partials = optarg;
			break;
		case 's':
			o.strict = true;
			break;
		case 'e':
			if (strcmp(optarg, "html") == 0)
				o.escape = TG_TEMPLATE_HTML;
			else if (strcmp(optarg, "markdown") == 0)
				o.escape = TG_TEMPLATE_MARKDOWN;
			else if (strcmp(optarg, "none") == 0)
				o.escape = TG_TEMPLATE_NONE;
			else
				return usage_error("template", "unknown escaping '%s' (html, markdown or none)",
				    optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s template FILE --data DATA.yaml|DATA.json [--partials DIR] [--strict]\n"
			    "                [--escape html|markdown|none] [-o OUT]\n\n"
			    "Render a Mustache template (the official spec, with template inheritance and\n"
			    "dynamic names) with the values of a YAML or JSON file.\n\n"
			    "  -d, --data FILE      the values (YAML or JSON)\n"
			    "  -p, --partials DIR   where {{>name}} finds DIR/name.mustache\n"
			    "                       (default: the template's directory)\n"
			    "  -s, --strict         an undefined name is an error at its line and column\n"
			    "  -e, --escape MODE    how {{name}} is escaped: html (default), markdown, none\n"
			    "  -o, --output FILE    write to FILE (atomically) instead of standard output\n",
			    progname);
			return TG_EXIT_OK;
		default:
			return bad_option("template", argv);
		}
	}
	if (optind >= argc)
		return usage_error("template", "missing FILE");
	if (optind + 1 < argc)
		return usage_error("template", "unexpected argument '%s'", argv[optind + 1]);
	if (o.data == NULL)
		return usage_error("template", "missing --data FILE");
	tg_buf out = TG_BUF_INIT;
	int rc = tg_template(argv[optind], &o, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	return finish(c, rc);
}

static int
cmd_render(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"profile", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
	    {"labels", no_argument, NULL, 'L'}, {"split", required_argument, NULL, 's'},
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_render_options o = {0};
	int ch;
	while ((ch = getopt_long(argc, argv, "i:p:l:Ls:f:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			o.industry = optarg;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'l':
			o.level = optarg;
			break;
		case 'L':
			o.labels = true;
			break;
		case 's':
			if (strcmp(optarg, "management") == 0)
				o.split = TG_RENDER_MANAGEMENT;
			else if (strcmp(optarg, "technical") == 0)
				o.split = TG_RENDER_TECHNICAL;
			else
				return usage_error("render", "unknown split '%s' (management or technical)", optarg);
			break;
		case 'f': {
			unsigned f = tg_render_format(optarg);
			if (f == 0)
				return usage_error("render", "unknown format '%s' (md, html or all)", optarg);
			o.formats |= f;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] render --industry ID [--profile FILE|ID] [--level L]\n"
			    "                 [--labels] [--split management|technical] [--format md|html|all]\n"
			    "                 [-o DIR]\n\n"
			    "Write the industry sample regulation: the IPA sample regulation (付録2, 付録5)\n"
			    "with the industry's additions from its crosswalks, tailored by a profile.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
			    "  -p, --profile P     a profile id of the data or a profile YAML file\n"
			    "  -l, --level L       industry additions and labels needed at L (cumulative);\n"
			    "                      'all' for every level (default: the profile's level, else\n"
			    "                      the industry's default level)\n"
			    "  -L, --labels        after each clause, the industry items it serves\n"
			    "  -s, --split S       management or technical: one edition by the clauses' tags\n"
			    "  -f, --format FMT    md (a file per chapter, appendices.md, regulation.md),\n"
			    "                      html (regulation.html) or all (default)\n"
			    "  -o, --output DIR    output directory (default out/ID/regulation[-PROFILE]\n"
			    "                      [-LEVEL][-SPLIT]/)\n\n"
			    "See docs/regulation.md.\n", progname);
			return TG_EXIT_OK;
		default:
			return bad_option("render", argv);
		}
	}
	if (optind < argc)
		return usage_error("render", "unexpected argument '%s'", argv[optind]);
	if (o.industry == NULL)
		return usage_error("render", "missing --industry ID");
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_render_write(d, &o, &report, c->diag);
	return finish_report(c, d, &report, rc);
}

static int
cmd_init_profile(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"output", required_argument, NULL, 'o'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	const char *industry = NULL, *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "i:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			industry = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] init-profile --industry ID [-o FILE]\n\n"
			    "Write a commented profile skeleton for an industry: every regulation\n"
			    "parameter with its type, default, description and clauses, and empty\n"
			    "exclude / replace / revisions with examples.  It loads as it is; edit it\n"
			    "and put it under mappings/profiles/.  See docs/regulation.md.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
			    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n",
			    progname);
			return TG_EXIT_OK;
		default:
			return bad_option("init-profile", argv);
		}
	}
	if (optind < argc)
		return usage_error("init-profile", "unexpected argument '%s'", argv[optind]);
	if (industry == NULL)
		return usage_error("init-profile", "missing --industry ID");
	int rc;
	tg_data *d = open_data(c, &rc);
	if (d == NULL)
		return finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_init_profile(d, industry, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return finish(c, rc);
}

/* `--data DIR` is a global option, but people also write it after the
 * command ("totsugo validate --data x"): take it from there too. */
static bool
take_data_option(cli *c, int *argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--data") == 0) {
			if (i + 1 >= *argc)
				return false;
			c->data_option = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--data=", 7) == 0) {
			c->data_option = argv[i] + 7;
			continue;
		}
		argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return true;
}

static const command commands[] = {
	{"validate", cmd_validate, "check every data file and reference"},
	{"list", cmd_list, "list catalogs, crosswalks and industries"},
	{"show", cmd_show, "print a catalog or a crosswalk (tree or JSON)"},
	{"crosswalk", cmd_crosswalk, "write the 突合表 (md, html, csv, tsv, xlsx, json)"},
	{"diff", cmd_diff, "compare two catalog versions; impact, migration, redlines"},
	{"import", cmd_import, "read a guideline spreadsheet (CSV/TSV) into a catalog"},
	{"export", cmd_export, "write a catalog as a spreadsheet (CSV/TSV)"},
	{"template", cmd_template, "render a Mustache template with YAML or JSON values"},
	{"render", cmd_render, "write the industry sample regulation (md, html)"},
	{"init-profile", cmd_init_profile, "write a commented company profile skeleton"},
};

static void
print_help(void)
{
	printf("Usage: %s [--data DIR] COMMAND [OPTIONS]\n\n"
	    "Crosswalk industry security guidelines against the IPA SME guideline and\n"
	    "build industry sample regulations.\n\nCommands:\n", progname);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-12s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n"
	    "  -d, --data DIR  data directory holding mappings/ and templates/\n"
	    "                  (default: $TOTSUGO_DATA, the source tree, the installed data)\n"
	    "  -h, --help      show this help ('%s COMMAND --help' for a command)\n"
	    "  -V, --version   show the version\n\n"
	    "Exit codes: 0 success, 1 invalid input, 2 usage error, 3 I/O error\n"
	    "(diff: 0 identical, 1 different, 2 trouble, as diff(1)).\n", progname);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0}};
	cli c = {NULL, NULL};
	int ch;
	opterr = 0;
	/* '+': stop at the command name; its options are parsed by the command. */
	while ((ch = getopt_long(argc, argv, "+d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c.data_option = optarg;
			break;
		case 'h':
			print_help();
			return TG_EXIT_OK;
		case 'V':
			printf("totsugo %s\n", tg_version());
			return TG_EXIT_OK;
		default:
			return bad_option(NULL, argv);
		}
	}
	if (optind >= argc)
		return usage_error(NULL, "missing COMMAND");
	const char *name = argv[optind];
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, name) != 0)
			continue;
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		/* (`template` has a --data of its own: the values file.) */
		if (strcmp(name, "template") != 0 && !take_data_option(&c, &sub_argc, sub_argv))
			return usage_error(name, "--data needs a directory");
		c.diag = tg_diag_new();
		optind = 0;	/* glibc: full re-initialisation for the subcommand */
		int rc = commands[i].run(&c, sub_argc, sub_argv);
		tg_diag_free(c.diag);
		return rc;
	}
	return usage_error(NULL, "unknown command '%s'", name);
}
