/* Zip archives built in memory with libzip, deterministic: entries in the
 * order added, the fixed DOS date 1980-01-01 00:00 (no clock, no time
 * zone), regular-file attributes, deflate.  The OOXML writers (the Word
 * documents) store their parts with it. */
#ifndef TG_ZIP_H
#define TG_ZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef struct tg_zip tg_zip;

tg_zip *tg_zip_new(void);
/* Adds an entry; the data is copied.  compress = false stores it. */
void tg_zip_add(tg_zip *z, const char *name, const void *data, size_t len, bool compress);
/* Adds an entry taking the buffer's storage (b is empty after). */
void tg_zip_add_buf(tg_zip *z, const char *name, tg_buf *b);
/* Writes the archive into out (replaced) and frees z.  On failure returns
 * false with a message in *err (static or owned by nobody: copy it). */
bool tg_zip_finish(tg_zip *z, tg_buf *out, char *err, size_t errlen);
/* Frees z without writing. */
void tg_zip_free(tg_zip *z);

#endif
