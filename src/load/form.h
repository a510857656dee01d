/* Loading and checking the forms of templates/forms/ (model/form.h). */
#ifndef TG_LOAD_FORM_H
#define TG_LOAD_FORM_H

#include "../model/form.h"
#include "../model/model.h"

/* Loads every templates/forms/ YAML file under d->root (no directory: no
 * forms).  Returns a TG_EXIT_* code. */
int tg_form_load_dir(tg_data *d, tg_diag *diag);
/* Loads one form file's text (display: the name in messages). */
int tg_form_load_text(tg_data *d, tg_diag *diag, const char *display, const char *text,
    size_t len);
tg_form *tg_data_form(const tg_data *d, const char *id);

#endif
