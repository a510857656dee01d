/* File system: bounded reads, atomic writes, sorted directory walks. */
#ifndef TG_FS_H
#define TG_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Maximum size of any input file totsugo reads. */
#define TG_FS_MAX_INPUT (8u * 1024u * 1024u)

typedef enum tg_fs_status {
	TG_FS_OK,
	TG_FS_ERRNO,	/* see errno */
	TG_FS_TOO_BIG
} tg_fs_status;

/* Reads a whole file (at most `limit` bytes) into out (cleared first). */
tg_fs_status tg_fs_read(const char *path, size_t limit, tg_buf *out);
/* The same, where "-" means standard input. */
tg_fs_status tg_fs_read_input(const char *path, size_t limit, tg_buf *out);
/* Writes data to path atomically: a temporary file in the same directory,
 * fsync, then rename.  Creates missing parent directories.  Returns false
 * with errno set on failure (the old file, if any, is untouched). */
bool tg_fs_write_atomic(const char *path, const void *data, size_t len);
/* mkdir -p.  Returns false with errno set on failure. */
bool tg_fs_mkdirs(const char *path);
bool tg_fs_is_dir(const char *path);
bool tg_fs_is_file(const char *path);
/* Appends to out (an array of char*, each malloc'ed) every regular file
 * under dir whose name ends in `suffix`, recursively, as paths joined with
 * dir, sorted bytewise (locale-independent).  Hidden entries are skipped.
 * Returns false with errno set when dir cannot be read. */
bool tg_fs_list(const char *dir, const char *suffix, tg_buf *out);
void tg_fs_list_free(tg_buf *list);
/* "a" + "/" + "b", with "./" prefixes dropped. */
char *tg_fs_join(const char *a, const char *b);

#endif
