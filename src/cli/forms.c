/* `forms` and `assess`: the guidance forms and the self-assessment loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int
cmd_forms(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"profile", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
	    {"form", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_forms_options o = {0};
	const char **forms = tg_xcalloc((size_t)argc + 1, sizeof *forms);
	o.forms = forms;
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "i:p:l:F:o:h", opts, NULL)) != -1) {
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
		case 'F':
			forms[o.nforms++] = optarg;
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] forms --industry ID [--profile P] [--level L]\n"
			    "                 [--form ID]... [-o DIR]\n\n"
			    "Write the guidance forms as XLSX workbooks: the self-assessment (自社診断),\n"
			    "the industry checklist, 様式1/2/3 and the records the regulation asks for.\n"
			    "Each form is described by a YAML file under templates/forms/.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
			    "  -p, --profile P     a profile id of the data or a profile YAML file\n"
			    "                      (the company name goes into the forms)\n"
			    "  -l, --level L       the checklist's level (cumulative); 'all' for every\n"
			    "                      level (default: the profile's, else the industry's)\n"
			    "  -F, --form ID       only this form (repeat for several)\n"
			    "  -o, --output DIR    output directory (default out/ID/forms[-PROFILE]/)\n\n"
			    "See docs/forms.md.\n", tg_cli_progname);
			free(forms);
			return TG_EXIT_OK;
		default:
			free(forms);
			return tg_cli_bad_option("forms", argv);
		}
	}
	if (optind < argc || o.industry == NULL) {
		free(forms);
		if (optind < argc)
			return tg_cli_usage_error("forms", "unexpected argument '%s'", argv[optind]);
		return tg_cli_usage_error("forms", "missing --industry ID");
	}
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL) {
		free(forms);
		return tg_cli_finish(c, rc);
	}
	tg_buf report = TG_BUF_INIT;
	rc = tg_forms_write(d, &o, &report, c->diag);
	free(forms);
	return tg_cli_finish_report(c, d, &report, rc);
}

int
cmd_assess(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"profile", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_assess_options o = {0};
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "i:p:l:f:o:h", opts, NULL)) != -1) {
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
		case 'f': {
			unsigned f = tg_assess_format(optarg);
			if (f == 0)
				return tg_cli_usage_error("assess", "unknown format '%s' (md, html, xlsx, json or "
				    "all)", optarg);
			o.formats |= f;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] assess FILLED... [--industry ID] [--profile P]\n"
			    "                 [--level L] [--format md|html|xlsx|json|all] [-o DIR]\n\n"
			    "Read filled forms back (the self-assessment and the industry checklist that\n"
			    "'forms' writes, as .xlsx or as the .csv/.tsv a spreadsheet saves), and write\n"
			    "the score, the progress, the gaps in priority order with the regulation\n"
			    "clauses and proposals that address them, and the action plan (様式3)\n"
			    "prefilled with them.  Every bad cell is reported; nothing is written then.\n\n"
			    "  -i, --industry ID   industry (default: the one the checklist names)\n"
			    "  -p, --profile P     a profile id of the data or a profile YAML file\n"
			    "  -l, --level L       the level the company targets (default: the profile's,\n"
			    "                      else the industry's); 'all' for every level\n"
			    "  -f, --format FMT    md, html, xlsx, json or all (default all; repeat the\n"
			    "                      option for several)\n"
			    "  -o, --output DIR    output directory (default out/ID/assessment/)\n\n"
			    "Exit codes: 0 written, 1 a bad cell or bad data, 2 bad command line,\n"
			    "3 a file could not be read or written.  See docs/forms.md.\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("assess", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("assess", "missing FILLED (a filled form: .xlsx, .csv or .tsv)");
	o.files = (const char **)(argv + optind);
	o.nfiles = (size_t)(argc - optind);
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf report = TG_BUF_INIT;
	rc = tg_assess_write(d, &o, &report, c->diag);
	return tg_cli_finish_report(c, d, &report, rc);
}
