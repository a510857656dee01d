/* `review export`, `review apply`: a crosswalk reviewed in Excel. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int
usage(void)
{
	printf("Usage: %s [--data DIR] review export CROSSWALK [-o review.xlsx]\n"
	    "       %s [--data DIR] review apply WORKBOOK [--crosswalk ID] [-o FILE] [--check]\n"
	    "                 [--force]\n\n"
	    "export: write a crosswalk as an Excel workbook to review: one row per pair (the\n"
	    "  item and its counterpart with their texts, 関係, 強度, 根拠, 状態, 反映案, 備考)\n"
	    "  and one per item without a counterpart; pull-down lists on the columns to edit,\n"
	    "  the ids' key column hidden, instructions in Japanese (sheet 記入方法).  Default\n"
	    "  output: review-CROSSWALK.xlsx.\n"
	    "apply: read the workbook back (or its sheet 突合レビュー saved as CSV/TSV, with\n"
	    "  --crosswalk), check every row (errors as FILE:シート!C7, all at once; nothing\n"
	    "  is written then), write the crosswalk (default: its own file in the data\n"
	    "  directory) and list what changed.  See docs/workflow.md.\n\n"
	    "  -o, --output FILE    where to write (apply: '-' for standard output)\n"
	    "  -x, --crosswalk ID   apply: the crosswalk reviewed (needed for CSV/TSV)\n"
	    "  -n, --check          apply: check and list the changes, write nothing\n"
	    "  -f, --force          apply: even if the crosswalk changed since the export\n",
	    tg_cli_progname, tg_cli_progname);
	return TG_EXIT_OK;
}

static int
do_export(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	const char *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			output = optarg;
			break;
		case 'h':
			return usage();
		default:
			return tg_cli_bad_option("review export", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("review export", "missing CROSSWALK (a crosswalk id)");
	if (optind + 1 < argc)
		return tg_cli_usage_error("review export", "unexpected argument '%s'", argv[optind + 1]);
	if (output != NULL && strcmp(output, "-") == 0)
		return tg_cli_usage_error("review export", "a workbook cannot go to standard output: "
		    "name a file with -o");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_review_export(d, argv[optind], output, &report, c->diag);
	return tg_cli_finish_report(c, d, &report, rc);
}

static int
do_apply(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
	    {"crosswalk", required_argument, NULL, 'x'}, {"check", no_argument, NULL, 'n'},
	    {"force", no_argument, NULL, 'f'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_review_apply_options o = {NULL, NULL, NULL, false, false};
	int ch;
	while ((ch = getopt_long(argc, argv, "o:x:nfh", opts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			o.output = optarg;
			break;
		case 'x':
			o.crosswalk = optarg;
			break;
		case 'n':
			o.check = true;
			break;
		case 'f':
			o.force = true;
			break;
		case 'h':
			return usage();
		default:
			return tg_cli_bad_option("review apply", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("review apply", "missing WORKBOOK (the reviewed .xlsx)");
	if (optind + 1 < argc)
		return tg_cli_usage_error("review apply", "unexpected argument '%s'", argv[optind + 1]);
	o.workbook = argv[optind];
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT, summary = TG_BUF_INIT;
	rc = tg_review_apply(d, &o, &out, &summary, c->diag);
	bool to_stdout = o.output != NULL && strcmp(o.output, "-") == 0;
	if (rc == TG_EXIT_OK && to_stdout)
		rc = tg_output(NULL, &out, c->diag);
	/* The summary goes where the crosswalk does not. */
	fputs(summary.data ? summary.data : "", to_stdout ? stderr : stdout);
	fflush(stdout);
	tg_buf_free(&out);
	tg_buf_free(&summary);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}

int
cmd_review(cli *c, int argc, char **argv)
{
	if (argc < 2)
		return tg_cli_usage_error("review", "missing 'export' or 'apply'");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return usage();
	/* getopt starts over for the subcommand's own options (glibc: 0
	 * re-initialises it fully). */
	optind = 0;
	if (strcmp(argv[1], "export") == 0)
		return do_export(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "apply") == 0)
		return do_apply(c, argc - 1, argv + 1);
	return tg_cli_usage_error("review", "unknown subcommand '%s' (export or apply)", argv[1]);
}
