/* `show`: one file per format; show.c dispatches. */
#ifndef TG_SHOW_H
#define TG_SHOW_H

#include "../../model/model.h"
#include "../../util/json.h"

void tg_show_catalog_json(const tg_catalog *c, tg_buf *out);
void tg_show_crosswalk_json(const tg_crosswalk *xw, tg_buf *out);
void tg_show_catalog_tree(const tg_catalog *c, tg_buf *out);
void tg_show_crosswalk_tree(const tg_crosswalk *xw, tg_buf *out);
/* A YAML node as JSON: plain integers, true/false and nulls keep their
 * type, everything else is a string. */
void tg_json_node(tg_json *j, const tg_node *n);
/* Shared JSON pieces. */
void tg_json_provenance(tg_json *j, const tg_provenance *p);
/* "LINE:COL" (the file is given once, on the catalog or crosswalk). */
void tg_json_pos(tg_json *j, const char *key, tg_pos pos);

#endif
