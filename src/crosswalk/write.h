/* A crosswalk as YAML, in one canonical form: keys in the order of
 * docs/data-format.md, a target's status only where it differs from the
 * file's, ids quoted where YAML would read them as numbers.  Loading the
 * output gives the same crosswalk; writing a crosswalk loaded from a file
 * written here gives the same bytes.  Used by `suggest` and `review apply`. */
#ifndef TG_XW_WRITE_H
#define TG_XW_WRITE_H

#include "../model/model.h"

/* `header`: comment lines put first (each line gets "# "), or NULL. */
void tg_xw_write_yaml(const tg_crosswalk *xw, const char *header, tg_buf *out);

#endif
