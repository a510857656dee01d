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
	tg_outset *out;		/* every file the command writes: one set */
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
/* Outputs, the rule in one place.  A command stages each file it writes in
 * c->out (path NULL or "-": standard output) and commits them together at
 * the end, so that a failure (a full disk, a denied directory, a signal)
 * leaves the previous files whole.  At most one file goes to standard
 * output: several are a usage error (exit 2) and nothing is written.
 * Whenever data goes to standard output, every report line ("wrote PATH")
 * goes to standard error. */
int tg_cli_write(cli *c, const char *path, const tg_buf *data);
/* Commits c->out when rc is TG_EXIT_OK, then (report set) lists each file
 * written; returns rc, TG_EXIT_USAGE or TG_EXIT_IO. */
int tg_cli_commit(cli *c, const char *cmd, int rc, bool report);
/* For commands whose library call commits a set of its own into a
 * directory (forms, assess) and describes it in report: the report on
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
