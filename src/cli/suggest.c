/* `suggest`: a crosswalk (or a review view) suggested by text similarity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/outset.h"

int
cmd_suggest(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"target", required_argument, NULL, 't'},
	    {"top", required_argument, NULL, 'k'}, {"min-score", required_argument, NULL, 'm'},
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_suggest_options o = {NULL, NULL, 5, 0.05, TG_SUGGEST_YAML};
	const char *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "t:k:m:f:o:h", opts, NULL)) != -1) {
		char *end;
		switch (ch) {
		case 't':
			o.target = optarg;
			break;
		case 'k': {
			long k = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || k < 1 || k > 50)
				return tg_cli_usage_error("suggest", "--top must be a number from 1 to 50, "
				    "not '%s'", optarg);
			o.top = (size_t)k;
			break;
		}
		case 'm': {
			double s = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' || !(s >= 0 && s <= 1))
				return tg_cli_usage_error("suggest", "--min-score must be a number from 0 to 1, "
				    "not '%s'", optarg);
			o.min_score = s;
			break;
		}
		case 'f':
			if (strcmp(optarg, "yaml") == 0)
				o.format = TG_SUGGEST_YAML;
			else if (strcmp(optarg, "md") == 0)
				o.format = TG_SUGGEST_MD;
			else if (strcmp(optarg, "html") == 0)
				o.format = TG_SUGGEST_HTML;
			else if (strcmp(optarg, "csv") == 0)
				o.format = TG_SUGGEST_CSV;
			else
				return tg_cli_usage_error("suggest", "unknown format '%s' (yaml, md, html or "
				    "csv)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] suggest SOURCE [--target ID] [--top K] [--min-score S]\n"
			    "                 [--format yaml|md|html|csv] [-o FILE]\n\n"
			    "Suggest a crosswalk from SOURCE (a catalog id of the data directory, or a\n"
			    "catalog file as 'import' writes it) to the target catalog: for each item, the\n"
			    "target's items ranked by Japanese text similarity (character n-grams, BM25,\n"
			    "the term dictionaries of mappings/terms/ and the industry's terms).  The\n"
			    "crosswalk has every pair 'suggested', relationship intersects-with, rationale\n"
			    "syntactic, a strength from the similarity and a note with the shared words;\n"
			    "items without a candidate are 'unmapped'.  See docs/suggest.md.\n\n"
			    "  -t, --target ID       the catalog to map to (default: the baseline of the\n"
			    "                        source's industry)\n"
			    "  -k, --top K           candidates per item, 1-50 (default 5)\n"
			    "  -m, --min-score S     similarity threshold, 0-1 (default 0.05)\n"
			    "  -f, --format FMT      yaml (the crosswalk, default), or a review view: md,\n"
			    "                        html, csv\n"
			    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("suggest", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("suggest", "missing SOURCE (a catalog id or a catalog file)");
	if (optind + 1 < argc)
		return tg_cli_usage_error("suggest", "unexpected argument '%s'", argv[optind + 1]);
	o.source = argv[optind];
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT, summary = TG_BUF_INIT;
	rc = tg_suggest(d, &o, &out, &summary, c->diag);
	if (rc == TG_EXIT_OK) {
		if (output == NULL || strcmp(output, "-") == 0) {
			rc = tg_output(NULL, &out, c->diag);
		} else {
			tg_outset *set = tg_outset_new();
			if (tg_outset_put(set, output, out.data ? out.data : "", out.len, c->diag))
				rc = tg_outset_commit(set, c->diag);
			else
				rc = TG_EXIT_IO;
			tg_outset_free(set);
		}
	}
	if (rc == TG_EXIT_OK)
		fputs(summary.data ? summary.data : "", stderr);
	tg_buf_free(&out);
	tg_buf_free(&summary);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}
