/* Loading guideline data: a whole data directory or single files. */
#ifndef TG_LOAD_H
#define TG_LOAD_H

#include "../model/model.h"
#include "../totsugo.h"

tg_data *tg_data_new(const char *root);
void tg_data_free(tg_data *d);
/* Loads one YAML file (any kind) into d; `display` is the name used in
 * messages (NULL: path).  Returns a TG_EXIT_* code. */
int tg_data_load_file(tg_data *d, tg_diag *diag, const char *path, const char *display);
/* Loads one YAML text (the fuzzer's entry point). */
int tg_data_load_text(tg_data *d, tg_diag *diag, const char *display, const char *text,
    size_t len);
/* Loads every mappings/ YAML file (recursively) under d->root, then links and checks
 * everything (tg_data_link).  Returns a TG_EXIT_* code. */
int tg_data_load_dir(tg_data *d, tg_diag *diag);
/* Sorts, indexes by id and resolves every cross-reference; reports
 * duplicate ids and dangling references.  Returns a TG_EXIT_* code. */
int tg_data_link(tg_data *d, tg_diag *diag);

#endif
