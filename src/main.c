/* totsugo command-line interface: options, dispatch, exit codes.  Every
 * piece of real work is a library call (totsugo.h). */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
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
	if (report.len > 0)
		tg_output(NULL, &report, c->diag);
	tg_buf_free(&report);
	tg_data_free(d);
	return finish(c, rc);
}

static const command commands[] = {
	{"validate", cmd_validate, "check every data file and reference"},
	{"list", cmd_list, "list catalogs, crosswalks and industries"},
	{"show", cmd_show, "print a catalog or a crosswalk (tree or JSON)"},
	{"crosswalk", cmd_crosswalk, "write the 突合表 (md, html, csv, tsv, xlsx, json)"},
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
	    "Exit codes: 0 success, 1 invalid input, 2 usage error, 3 I/O error.\n", progname);
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
		c.diag = tg_diag_new();
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		optind = 0;	/* glibc: full re-initialisation for the subcommand */
		int rc = commands[i].run(&c, sub_argc, sub_argv);
		tg_diag_free(c.diag);
		return rc;
	}
	return usage_error(NULL, "unknown command '%s'", name);
}
