/* totsugo — crosswalks of industry security guidelines against the IPA SME
 * guideline, and the industry sample regulation built from them.
 *
 * This is the library's public interface, used by the command-line tool
 * (main.c).  Data sets are opaque; each operation writes its output into a
 * tg_buf and its problems into a tg_diag, and returns a TG_EXIT_* code. */
#ifndef TOTSUGO_H
#define TOTSUGO_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/diag.h"

/* Exit codes shared by every command (diff has its own, see diff). */
enum {
	TG_EXIT_OK = 0,		/* success */
	TG_EXIT_INVALID = 1,	/* the input data is invalid */
	TG_EXIT_USAGE = 2,	/* bad command line */
	TG_EXIT_IO = 3		/* a file could not be read or written */
};

typedef struct tg_data tg_data;

const char *tg_version(void);

/* Where data lives: --data, then $TOTSUGO_DATA, then the source tree the
 * binary was built from, then the installed share/totsugo.  Returns a
 * malloc'ed path, or NULL when none holds a mappings/ directory. */
char *tg_data_locate(const char *option);

/* Loads and checks every file of a data directory.  Returns the data set
 * (even when invalid, for partial use) and stores a TG_EXIT_* in *rc. */
tg_data *tg_data_open(const char *dir, tg_diag *diag, int *rc);
void tg_data_free(tg_data *d);

/* `list`: one line per catalog, crosswalk, industry; with stats, the
 * counts of each crosswalk's rows by relationship and status. */
void tg_list(const tg_data *d, bool stats, tg_buf *out);

typedef enum tg_show_format {
	TG_SHOW_TREE,
	TG_SHOW_JSON
} tg_show_format;

/* `show ID`: a catalog or a crosswalk. */
int tg_show(const tg_data *d, const char *id, tg_show_format format, tg_buf *out,
    tg_diag *diag);

/* Writes out to path atomically, or to standard output when path is NULL
 * or "-".  Reports failures to diag; returns a TG_EXIT_* code. */
int tg_output(const char *path, const tg_buf *out, tg_diag *diag);

#endif
