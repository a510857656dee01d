/* Loading and checking the forms of templates/forms/ (model/form.h). */
#ifndef TG_LOAD_FORM_H
#define TG_LOAD_FORM_H

#include "../model/form.h"
#include "../model/model.h"

/* Loads every templates/forms/ YAML file under d->root (no directory: no
 * forms).  With d->lenient_profiles (data opened for use), a file that does
 * not load is set aside with a warning instead of failing the command.
 * Returns a TG_EXIT_* code. */
int tg_form_load_dir(tg_data *d, tg_diag *diag);
/* Loads one form file's text (display: the name in messages). */
int tg_form_load_text(tg_data *d, tg_diag *diag, const char *display, const char *text,
    size_t len);
tg_form *tg_data_form(const tg_data *d, const char *id);
/* Takes the forms of a file out of d (lenient loading) and says so once,
 * as a warning; tg_data_broken_form finds it again by id. */
void tg_form_set_aside(tg_data *d, tg_diag *diag, const char *path, const char *id);
const tg_broken_form *tg_data_broken_form(const tg_data *d, const char *id);

#endif
