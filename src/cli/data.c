/* `validate`, `list`, `show`: the data directory checked, listed, shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int
cmd_validate(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {HELP_OPTION, {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			printf("Usage: %s [--data DIR] validate\n\n"
			    "Load every file under DIR/mappings and check every rule and reference.\n"
			    "Prints a summary and exits 0 when everything is valid; otherwise prints\n"
			    "every problem as FILE:LINE:COL and exits 1.  Warnings and notes (an\n"
			    "industry example key no template uses; an example a template uses that\n"
			    "the industry leaves to the default) do not change the exit code.\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		}
		return tg_cli_bad_option("validate", argv);
	}
	if (optind < argc)
		return tg_cli_usage_error("validate", "unexpected argument '%s'", argv[optind]);
	int rc;
	char *dir = tg_data_locate(c->data_option);
	if (dir == NULL) {
		tg_diag_error(c->diag, tg_pos_at(NULL, 0, 0),
		    "no data directory found: use --data DIR or set TOTSUGO_DATA");
		return tg_cli_finish(c, TG_EXIT_IO);
	}
	tg_data *d = tg_data_open(dir, c->diag, &rc);
	free(dir);
	if (rc == TG_EXIT_OK) {
		tg_data_lint(d, c->diag);
		tg_buf out = TG_BUF_INIT;
		tg_list(d, false, &out);
		tg_buf_puts(&out, "valid\n");
		rc = tg_output(NULL, &out, c->diag);
		tg_buf_free(&out);
	}
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}

int
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
			    "  -s, --stats   add each crosswalk's pairs by relationship and status\n", tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("list", argv);
		}
	}
	if (optind < argc)
		return tg_cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	tg_list(d, stats, &out);
	rc = tg_output(NULL, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}

int
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
				return tg_cli_usage_error("show", "unknown format '%s' (tree or json)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] show ID [--format tree|json] [-o FILE]\n\n"
			    "Print a catalog or a crosswalk.\n\n"
			    "  -f, --format FMT   tree (default, an outline) or json (see totsugo(1))\n"
			    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("show", argv);
		}
	}
	if (optind + 1 != argc)
		return optind < argc ? tg_cli_usage_error("show", "unexpected argument '%s'", argv[optind + 1])
		    : tg_cli_usage_error("show", "missing ID");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_show(d, argv[optind], format, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}
