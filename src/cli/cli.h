/* The command-line interface (compiled into the executable with main.c,
 * not into libtotsugo): what the commands share (common.c) and one entry
 * point per command, one file per group of commands:
 *   data.c       validate, list, show
 *   crosswalk.c  crosswalk
 *   coverage.c   coverage
 *   diff.c       diff
 *   import.c     import, export
 *   template.c   template
 *   render.c     render, init-profile, init-industry
 *   forms.c      forms, assess
 *   suggest.c    suggest
 *   review.c     review export, review apply
 * Every piece of real work is a library call (totsugo.h). */
#ifndef TG_CLI_H
#define TG_CLI_H

#include <getopt.h>

#include "../totsugo.h"

typedef struct cli {
	const char *data_option;	/* --data */
	tg_diag *diag;
} cli;

/* "totsugo", in messages and help texts. */
extern const char *const tg_cli_progname;

/* "totsugo CMD: message" and a hint to --help on stderr; returns
 * TG_EXIT_USAGE.  cmd NULL: the global options. */
int tg_cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* getopt's own messages are off (opterr = 0); this names the bad option. */
int tg_cli_bad_option(const char *cmd, char **argv);
/* Prints collected messages and a count; returns rc unchanged. */
int tg_cli_finish(cli *c, int rc);
/* For commands that write files: the list of what was written on
 * standard output, then the messages; frees report and d. */
int tg_cli_finish_report(cli *c, tg_data *d, tg_buf *report, int rc);
/* Loads the data directory; *rc is set and NULL returned when it is
 * unusable (not found, unreadable or invalid). */
tg_data *tg_cli_open_data(cli *c, int *rc);

/* The --help entry of every command's option table: the command prints
 * its help and returns TG_EXIT_OK. */
#define HELP_OPTION {"help", no_argument, NULL, 'h'}

/* The commands: argv[0] is the command's name; returns the exit code. */
int cmd_validate(cli *c, int argc, char **argv);
int cmd_list(cli *c, int argc, char **argv);
int cmd_show(cli *c, int argc, char **argv);
int cmd_crosswalk(cli *c, int argc, char **argv);
int cmd_coverage(cli *c, int argc, char **argv);
int cmd_diff(cli *c, int argc, char **argv);
int cmd_import(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
int cmd_template(cli *c, int argc, char **argv);
int cmd_render(cli *c, int argc, char **argv);
int cmd_init_profile(cli *c, int argc, char **argv);
int cmd_init_industry(cli *c, int argc, char **argv);
int cmd_forms(cli *c, int argc, char **argv);
int cmd_assess(cli *c, int argc, char **argv);
int cmd_suggest(cli *c, int argc, char **argv);
int cmd_review(cli *c, int argc, char **argv);

#endif
