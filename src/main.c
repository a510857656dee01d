/* totsugo command-line interface: global options, the commands, dispatch.
 * Each command's options are parsed in src/cli/; every piece of real work
 * is a library call (totsugo.h). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct command {
	const char *name;
	int (*run)(cli *c, int argc, char **argv);
	const char *summary;
} command;

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
	{"import", cmd_import, "read a guideline spreadsheet (XLSX, CSV, TSV) into a catalog"},
	{"export", cmd_export, "write a catalog as a spreadsheet (CSV/TSV)"},
	{"template", cmd_template, "render a Mustache template with YAML or JSON values"},
	{"render", cmd_render, "write the industry sample regulation (md, html)"},
	{"coverage", cmd_coverage, "what a regulation covers of a catalog (SCS ★3 …)"},
	{"init-profile", cmd_init_profile, "write a commented company profile skeleton"},
	{"forms", cmd_forms, "write the guidance forms (self-assessment, checklist, forms 1-3, records)"},
	{"assess", cmd_assess, "score filled forms; gaps, clauses and the action plan"},
	{"init-industry", cmd_init_industry, "write a commented skeleton of an industry without a guideline"},
	{"suggest", cmd_suggest, "suggest a crosswalk by text similarity (yaml, md, html, csv)"},
	{"review", cmd_review, "review a crosswalk in Excel: export a workbook, apply it back"},
};

static void
print_help(void)
{
	printf("Usage: %s [--data DIR] COMMAND [OPTIONS]\n\n"
	    "Crosswalk industry security guidelines against the IPA SME guideline and\n"
	    "build industry sample regulations.\n\nCommands:\n", tg_cli_progname);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-13s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n"
	    "  -d, --data DIR  data directory holding mappings/ and templates/\n"
	    "                  (default: $TOTSUGO_DATA, the source tree, the installed data)\n"
	    "  -h, --help      show this help ('%s COMMAND --help' for a command)\n"
	    "  -V, --version   show the version\n\n"
	    "Exit codes: 0 success, 1 invalid input, 2 usage error, 3 I/O error\n"
	    "(diff: 0 identical, 1 different, 2 trouble, as diff(1)).\n", tg_cli_progname);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0}};
	cli c = {NULL, NULL, NULL};
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
			return tg_cli_bad_option(NULL, argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error(NULL, "missing COMMAND");
	const char *name = argv[optind];
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, name) != 0)
			continue;
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		/* (`template` has a --data of its own: the values file.) */
		if (strcmp(name, "template") != 0 && !take_data_option(&c, &sub_argc, sub_argv))
			return tg_cli_usage_error(name, "--data needs a directory");
		c.diag = tg_diag_new();
		c.out = tg_outset_new();
		optind = 0;	/* glibc: full re-initialisation for the subcommand */
		int rc = commands[i].run(&c, sub_argc, sub_argv);
		tg_outset_free(c.out);	/* what was not committed is removed */
		tg_diag_free(c.diag);
		return rc;
	}
	return tg_cli_usage_error(NULL, "unknown command '%s'", name);
}
