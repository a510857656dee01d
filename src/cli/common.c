/* What the commands share: usage errors, messages at the end, the data
 * directory. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

const char *const tg_cli_progname = "totsugo";

int
tg_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s%s%s: ", tg_cli_progname, cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s %s%s--help'.\n", tg_cli_progname, cmd ? cmd : "", cmd ? " " : "");
	return TG_EXIT_USAGE;
}

/* getopt's own messages are off (opterr = 0); this names the bad option. */
int
tg_cli_bad_option(const char *cmd, char **argv)
{
	const char *opt = argv[optind - 1];
	if (optopt != 0 && optopt != '?' && opt[0] == '-' && opt[1] != '-')
		return tg_cli_usage_error(cmd, "unknown option '-%c' or missing argument", optopt);
	return tg_cli_usage_error(cmd, "unknown option '%s' or missing argument", opt);
}

/* Prints collected messages and a count; returns rc unchanged. */
int
tg_cli_finish(cli *c, int rc)
{
	size_t errors = tg_diag_errors(c->diag), warnings = tg_diag_warnings(c->diag);
	tg_diag_print(c->diag, stderr);
	if (errors > 0 || warnings > 0) {
		fprintf(stderr, "%s: %zu error%s", tg_cli_progname, errors, errors == 1 ? "" : "s");
		if (warnings > 0)
			fprintf(stderr, ", %zu warning%s", warnings, warnings == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	return rc;
}

/* For commands that write files: the list of what was written on
 * standard output, then the messages. */
int
tg_cli_finish_report(cli *c, tg_data *d, tg_buf *report, int rc)
{
	if (report->len > 0)
		tg_output(NULL, report, c->diag);
	tg_buf_free(report);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}

/* Loads the data directory; *rc is set and NULL returned when it is
 * unusable (not found, unreadable or invalid). */
tg_data *
tg_cli_open_data(cli *c, int *rc)
{
	char *dir = tg_data_locate(c->data_option);
	if (dir == NULL) {
		tg_diag_error(c->diag, tg_pos_at(NULL, 0, 0),
		    "no data directory found: use --data DIR or set TOTSUGO_DATA");
		*rc = TG_EXIT_IO;
		return NULL;
	}
	tg_data *d = tg_data_open_using(dir, c->diag, rc);
	free(dir);
	if (*rc != TG_EXIT_OK) {
		tg_data_free(d);
		return NULL;
	}
	return d;
}
