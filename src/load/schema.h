/* Typed, strict reading of YAML mappings: unknown keys (with the nearest
 * known key suggested), missing keys, wrong types, enumerations and id
 * syntax, each reported at its position.  Helpers return NULL / false after
 * reporting; callers go on, so that one pass reports every mistake. */
#ifndef TG_SCHEMA_H
#define TG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/model.h"
#include "yaml.h"

typedef struct tg_load {
	tg_data *data;
	tg_diag *diag;
	const char *file;	/* as shown in messages */
	const char *path;	/* relative to the data directory (stable in outputs) */
} tg_load;

/* Checks that n is a mapping whose keys are all in `keys` (NULL-ended). */
bool tg_schema_map(tg_load *l, const tg_node *n, const char *what,
    const char *const *keys);
/* True when the mapping has a key that looks like a misspelling of `key`
 * (already reported as an unknown key: a second "missing" error is noise). */
bool tg_schema_misspelt(const tg_node *map, const char *key);
/* A text value (any scalar but null).  Missing: NULL, reported if required. */
const char *tg_schema_str(tg_load *l, const tg_node *map, const char *key,
    const char *what, bool required);
/* A scalar node's text, or NULL (reported) if n is not a non-null scalar. */
const char *tg_schema_scalar(tg_load *l, const tg_node *n, const char *what);
/* An integer in [min, max]. */
bool tg_schema_int(tg_load *l, const tg_node *n, const char *what, long min,
    long max, long *out);
bool tg_schema_bool(tg_load *l, const tg_node *n, const char *what, bool *out);
/* A list of texts (a single scalar is not accepted).  Stores positions in
 * *pos when pos is not NULL.  Returns NULL with *count 0 when absent. */
const char **tg_schema_strlist(tg_load *l, const tg_node *map, const char *key,
    const char *what, size_t *count, tg_pos **pos);
/* One of `names` (NULL-ended; NULL entries in the middle are skipped as
 * unnamed values).  Returns the index, or -1 after reporting. */
int tg_schema_enum(tg_load *l, const tg_node *n, const char *what,
    const char *const *names, size_t count);
/* Id syntax: catalogs and other top-level objects, items, parameter names. */
bool tg_schema_object_id(tg_load *l, const tg_node *n, const char *what);
bool tg_schema_item_id(tg_load *l, const tg_node *n, const char *what);
bool tg_schema_is_item_id(const char *s);
bool tg_schema_is_object_id(const char *s);
/* A level name, which becomes part of file and directory names
 * (crosswalk-LV1.md, regulation-LV2/): letters, digits, '.', '_', '-' and
 * printable non-ASCII characters (★3, 第1段階), starting with a letter, a
 * digit or a non-ASCII character, at most 64 bytes; no '/', spaces or
 * controls, never "." or "..". */
bool tg_schema_is_level_name(const char *s);
/* Provenance value (scalar `authored` or a mapping). */
bool tg_schema_provenance(tg_load *l, const tg_node *n, tg_provenance *out);
/* Date: YYYY, YYYY-MM or YYYY-MM-DD with a valid month/day. */
bool tg_schema_is_date(const char *s);

/* Checks a value (a default, a profile's value) against a parameter's type. */
void tg_param_check_value(tg_load *l, const tg_param *p, const tg_node *v);

/* A `terms` list (industries, registries): term, definition, reading,
 * note and, when dflt is given (industries), a provenance defaulting to
 * dflt.  Terms defined twice are reported. */
void tg_load_terms(tg_load *l, const tg_node *list, const tg_provenance *dflt, tg_term **out,
    size_t *count);

/* Loaders of each kind of file (load/<kind>.c). */
void tg_load_catalog(tg_load *l, const tg_node *root);
void tg_load_crosswalk(tg_load *l, const tg_node *root);
void tg_load_industry(tg_load *l, const tg_node *root);
void tg_load_paramset(tg_load *l, const tg_node *root);
void tg_load_profile(tg_load *l, const tg_node *root);
void tg_load_termset(tg_load *l, const tg_node *root);

#endif
