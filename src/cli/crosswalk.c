/* `crosswalk`: the 突合表 of an industry (or of all). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int
cmd_crosswalk(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"level", required_argument, NULL, 'l'}, {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'}, {"inverse", no_argument, NULL, 'r'},
	    {"encoding", required_argument, NULL, 'e'}, {"no-bom", no_argument, NULL, 'B'},
	    {"layout", required_argument, NULL, 'L'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_crosswalk_options o = {0};
	o.bom = true;
	int ch;
	while ((ch = getopt_long(argc, argv, "i:l:f:o:re:BL:h", opts, NULL)) != -1) {
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
				return tg_cli_usage_error("crosswalk", "unknown format '%s' "
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
				return tg_cli_usage_error("crosswalk", "unknown encoding '%s' (utf-8 or cp932)", optarg);
			break;
		case 'B':
			o.bom = false;
			break;
		case 'L':
			if (strcmp(optarg, "compact") == 0)
				o.compact = true;
			else if (strcmp(optarg, "full") == 0)
				o.compact = false;
			else
				return tg_cli_usage_error("crosswalk", "unknown layout '%s' (full or compact)", optarg);
			break;
		case 'h':
			printf("Usage: %s [--data DIR] crosswalk --industry ID [--level L]\n"
			    "                 [--format md|html|csv|tsv|xlsx|json|all] [-o PATH] [--inverse]\n"
			    "                 [--layout full|compact] [--encoding utf-8|cp932] [--no-bom]\n\n"
			    "Write the 突合表 of an industry guideline against the IPA SME guideline.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list'), or all (each into out/ID/,\n"
			    "                      or -o DIR/ID/)\n"
			    "  -l, --level L       only items needed at level L (cumulative: LV2 = LV1 + LV2);\n"
			    "                      items of unknown level are left out and counted\n"
			    "  -f, --format FMT    md, html, csv, tsv, xlsx, json or all (default all;\n"
			    "                      repeat the option for several)\n"
			    "  -o, --output PATH   a file (one format) or a directory (default out/ID/)\n"
			    "  -r, --inverse       the IPA view: each clause with the industry items it serves\n"
			    "  -L, --layout L      full (default: a column per part of the IPA guideline, A3)\n"
			    "                      or compact (one counterpart column, A4; files *-compact.*)\n"
			    "  -e, --encoding ENC  CSV/TSV encoding: utf-8 (default, with BOM) or cp932\n"
			    "      --no-bom        UTF-8 CSV/TSV without a byte order mark\n", tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("crosswalk", argv);
		}
	}
	if (optind < argc)
		return tg_cli_usage_error("crosswalk", "unexpected argument '%s'", argv[optind]);
	if (o.industry == NULL)
		return tg_cli_usage_error("crosswalk", "missing --industry ID");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_crosswalk_write(d, &o, &report, c->diag);
	return tg_cli_finish_report(c, d, &report, rc);
}
