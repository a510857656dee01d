/* `coverage`: what an industry's regulation covers of a catalog. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int
cmd_coverage(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"profile", required_argument, NULL, 'p'}, {"against", required_argument, NULL, 'a'},
	    {"level", required_argument, NULL, 'l'}, {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_coverage_options o = {0};
	int ch;
	while ((ch = getopt_long(argc, argv, "i:p:a:l:f:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			o.industry = optarg;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'a':
			o.against = optarg;
			break;
		case 'l':
			o.level = optarg;
			break;
		case 'f': {
			unsigned f = tg_coverage_format(optarg);
			if (f == 0)
				return tg_cli_usage_error("coverage", "unknown format '%s' "
				    "(md, html, csv, xlsx, json or all)", optarg);
			o.formats |= f;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] coverage --industry ID [--profile P] --against CATALOG\n"
			    "                 [--level L] [--format md|html|csv|xlsx|json|all] [-o PATH]\n\n"
			    "How far the industry's sample regulation (a company's, with a profile) covers\n"
			    "the requirements of a catalog: per requirement the clauses that cover it, the\n"
			    "crosswalk path, the weakest relationship on it, a verdict (充足 / 一部 / 未対応),\n"
			    "what would close a gap, and what each exclusion of the profile costs.\n\n"
			    "  -i, --industry ID    industry whose regulation is checked (see 'totsugo list')\n"
			    "  -p, --profile P      a profile id or YAML file: its exclusions and level\n"
			    "  -a, --against CAT    the catalog to check against (e.g. meti-scs-2026); any\n"
			    "                       catalog with a crosswalk path to the industry's baseline\n"
			    "  -l, --level L        requirements needed at level L of CAT (cumulative: ★4 =\n"
			    "                       ★3 + ★4); unknown levels are left out and counted\n"
			    "  -f, --format FMT     md, html, csv, xlsx, json or all (default all; repeat\n"
			    "                       the option for several)\n"
			    "  -o, --output PATH    a directory (default out/ID/), a file (one format), or -\n"
			    "                       (md, html or json to standard output)\n\n"
			    "Exit codes: 0 written, 1 invalid data, 2 bad usage (unknown industry, profile,\n"
			    "catalog or level; no crosswalk path to the baseline), 3 a file not written.\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("coverage", argv);
		}
	}
	if (optind < argc)
		return tg_cli_usage_error("coverage", "unexpected argument '%s'", argv[optind]);
	if (o.industry == NULL)
		return tg_cli_usage_error("coverage", "missing --industry ID");
	if (o.against == NULL)
		return tg_cli_usage_error("coverage", "missing --against CATALOG");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_coverage_write(d, &o, &report, c->diag);
	return tg_cli_finish_report(c, d, &report, rc);
}
