/* A command's outputs as one set.
 *
 * Every file of the set is first written to a temporary next to its
 * destination; only when all of them are written, and their data is on
 * disk (an fsync each, or one syncfs per file system for a set of more
 * than 16 files), are they renamed into place, in the order they were
 * staged.  A failure before the commit (a
 * full disk, a denied directory, a signal) therefore leaves the previous
 * set whole: no mix of new and old files.
 *
 * Temporaries are hidden files named ".tg-PID-XXXXXX" (short whatever the
 * destination's name, so that a long name never passes NAME_MAX).  They
 * are removed when the set is freed uncommitted, and on SIGINT, SIGTERM,
 * SIGHUP and SIGPIPE (the handler unlinks them, then the signal takes its
 * default course).  Those left by a run that died harder (SIGKILL, a
 * crash) are removed by the next commit into the same directory, once
 * their PID no longer runs; data directory walks skip hidden files anyway. */
#ifndef TG_OUTSET_H
#define TG_OUTSET_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

typedef struct tg_outset tg_outset;

tg_outset *tg_outset_new(void);
/* Removes every temporary not committed yet. */
void tg_outset_free(tg_outset *s);

/* Stages data as the next content of path (parent directories are
 * created).  Staging the same path again replaces the earlier content.
 * Returns false after reporting "cannot write PATH: ..." to diag. */
bool tg_outset_put(tg_outset *s, const char *path, const void *data, size_t len,
    tg_diag *diag);
/* Stages a file the caller writes itself (libxlsxwriter, libzip): returns
 * the temporary's path, owned by the set, where an empty file already
 * exists; or NULL after reporting to diag. */
const char *tg_outset_reserve(tg_outset *s, const char *path, tg_diag *diag);

/* Renames every staged file into place.  Destinations are checked first
 * (a failed write or a directory in the way fails before any rename).
 * The set still lists its paths afterwards, for reports.  Returns
 * TG_EXIT_OK, or TG_EXIT_IO after reporting. */
int tg_outset_commit(tg_outset *s, tg_diag *diag);

/* Another process's staged files (a batch worker's, to its parent, which
 * commits them with its own set).  tg_outset_hand_over appends
 * "PATH\0TMP\0" for every staged file to out and forgets them without
 * removing the temporaries (the caller exits soon after);
 * tg_outset_adopt stages TMP, already written, as the next content of
 * PATH, and registers it for removal on failure and signals. */
void tg_outset_hand_over(tg_outset *s, tg_buf *out);
void tg_outset_adopt(tg_outset *s, const char *path, const char *tmp);

/* The destinations staged so far, in order (for "wrote PATH" reports). */
size_t tg_outset_count(const tg_outset *s);
const char *tg_outset_path(const tg_outset *s, size_t i);

/* Low level, shared with tg_fs_write_atomic: creates the temporary for
 * path (parent directories created), registered for removal on signals.
 * Returns its descriptor and stores its path in *tmp, or -1 with errno set. */
int tg_outset_temp_open(const char *path, tg_buf *tmp);
/* Forgets a temporary (after its rename) or removes it (unlink = true). */
void tg_outset_temp_release(const char *tmp, bool unlink_it);

#endif
