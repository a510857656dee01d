/* `template`: a Mustache template with YAML or JSON values. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int
cmd_template(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"data", required_argument, NULL, 'd'},
	    {"partials", required_argument, NULL, 'p'}, {"strict", no_argument, NULL, 's'},
	    {"escape", required_argument, NULL, 'e'}, {"output", required_argument, NULL, 'o'},
	    {"data-format", required_argument, NULL, 'F'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_template_options o = {NULL, NULL, false, TG_TEMPLATE_HTML, TG_TEMPLATE_DATA_AUTO};
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
				return tg_cli_usage_error("template", "unknown escaping '%s' (html, markdown or none)",
				    optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "yaml") == 0)
				o.data_format = TG_TEMPLATE_DATA_YAML;
			else if (strcmp(optarg, "json") == 0)
				o.data_format = TG_TEMPLATE_DATA_JSON;
			else
				return tg_cli_usage_error("template", "unknown data format '%s' (yaml or json)",
				    optarg);
			break;
		case 'h':
			printf("Usage: %s template FILE --data DATA.yaml|DATA.json|- [--data-format yaml|json]\n"
			    "                [--partials DIR] [--strict] [--escape html|markdown|none] [-o OUT]\n\n"
			    "Render a Mustache template (the official spec, with template inheritance and\n"
			    "dynamic names) with the values of a YAML or JSON file.\n\n"
			    "  -d, --data FILE      the values (YAML or JSON); '-' reads standard input\n"
			    "      --data-format F  yaml or json (default: json for FILE ending in .json,\n"
			    "                       yaml otherwise, which reads most JSON too)\n"
			    "  -p, --partials DIR   where {{>name}} finds DIR/name.mustache\n"
			    "                       (default: the template's directory)\n"
			    "  -s, --strict         an undefined name is an error at its line and column\n"
			    "  -e, --escape MODE    how {{name}} is escaped: html (default), markdown, none\n"
			    "  -o, --output FILE    write to FILE (atomically) instead of standard output\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("template", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("template", "missing FILE");
	if (optind + 1 < argc)
		return tg_cli_usage_error("template", "unexpected argument '%s'", argv[optind + 1]);
	if (o.data == NULL)
		return tg_cli_usage_error("template", "missing --data FILE");
	if (strcmp(o.data, "-") == 0 && strcmp(argv[optind], "-") == 0)
		return tg_cli_usage_error("template", "the template and the data cannot both be standard input");
	tg_buf out = TG_BUF_INIT;
	int rc = tg_template(argv[optind], &o, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	return tg_cli_finish(c, rc);
}
