/* `diff`: two catalog versions, a crosswalk migration, regulation redlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int
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
			else if (strcmp(optarg, "docx") == 0)
				o.format = TG_DIFF_DOCX;
			else if (strcmp(optarg, "redline") == 0)
				o.format = TG_DIFF_REDLINE;
			else
				return tg_cli_usage_error("diff", "unknown format '%s' (text, md, html or json; "
				    "with --regulation html, md, docx or redline)", optarg);
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
			    "       %s diff --regulation OLD_DIR NEW_DIR [--format html|md|docx|redline]\n"
			    "                 [-o FILE]\n\n"
			    "Compare two versions of a guideline catalog: items added, removed, modified,\n"
			    "moved, renumbered, split and merged, with word-level redlines, counts per\n"
			    "kind and level, and the crosswalk rows and regulation clauses of the data\n"
			    "directory that need review.  OLD and NEW are catalog ids of the data\n"
			    "directory or YAML files (a name with '/' or ending in .yaml).\n\n"
			    "  -f, --format FMT            text (default), md, html or json\n"
			    "  -o, --output PATH           write to PATH (atomically) instead of standard output\n"
			    "  -m, --migrate-crosswalk FILE\n"
			    "                              write a draft of crosswalk FILE for NEW to -o\n"
			    "  -r, --regulation            compare two rendered regulations (directories of\n"
			    "                              Markdown): the 新旧対照表, clause by clause in two\n"
			    "                              columns (html by default, md, docx), or the\n"
			    "                              paragraph redline of every file (redline)\n\n"
			    "Nothing is written when the inputs are identical.  Colours only on a terminal\n"
			    "(not with NO_COLOR).  Exit codes, as diff(1): 0 identical, 1 different,\n"
			    "2 trouble (usage, invalid input, I/O).  See docs/diff.md.\n",
			    tg_cli_progname, tg_cli_progname, tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("diff", argv);
		}
	}
	if (argc - optind < 2)
		return tg_cli_usage_error("diff", regulation ? "missing OLD_DIR and NEW_DIR" :
		    "missing OLD and NEW");
	if (argc - optind > 2)
		return tg_cli_usage_error("diff", "unexpected argument '%s'", argv[optind + 2]);
	if (regulation && o.migrate != NULL)
		return tg_cli_usage_error("diff", "--regulation and --migrate-crosswalk do not go together");
	if (regulation && o.format == TG_DIFF_TEXT && format != NULL)
		return tg_cli_usage_error("diff", "--regulation writes html, md, docx or redline");
	if (regulation && o.format == TG_DIFF_JSON)
		return tg_cli_usage_error("diff", "--regulation writes html, md, docx or redline");
	if (!regulation && (o.format == TG_DIFF_DOCX || o.format == TG_DIFF_REDLINE))
		return tg_cli_usage_error("diff", "--format %s needs --regulation", format);
	if (regulation && format == NULL)
		o.format = TG_DIFF_HTML;
	if (o.format == TG_DIFF_DOCX && (output == NULL || strcmp(output, "-") == 0) &&
	    isatty(STDOUT_FILENO))
		return tg_cli_usage_error("diff", "a Word document is not for a terminal: use -o FILE.docx");
	if (o.migrate != NULL && format != NULL)
		return tg_cli_usage_error("diff", "--format does not apply to --migrate-crosswalk");
	if (o.migrate != NULL && (output == NULL || strcmp(output, "-") == 0))
		return tg_cli_usage_error("diff", "--migrate-crosswalk needs -o NEW.yaml");
	o.data_option = c->data_option;
	o.draft_name = output;
	const char *no_color = getenv("NO_COLOR");
	o.color = o.format == TG_DIFF_TEXT && (output == NULL || strcmp(output, "-") == 0) &&
	    isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0');
	tg_buf out = TG_BUF_INIT, draft = TG_BUF_INIT;
	int rc = regulation ? tg_diff_regulation(argv[optind], argv[optind + 1], o.format,
	    output && strcmp(output, "-") != 0 ? output : "standard output", &out, c->diag)
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
	return tg_cli_finish(c, rc);
}
