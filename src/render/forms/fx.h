/* The forms' workbooks (render/forms/): the XLSX of a laid-out form
 * (xlsx.c) over a thin workbook layer (book.c), and `forms` itself
 * (forms.c).  Internal to render/forms/ and assess. */
#ifndef TG_RENDER_FX_H
#define TG_RENDER_FX_H

#include "../../forms/forms.h"
#include "../../util/outset.h"
#include "book.h"

/* Adds the form's sheet, and its summary sheet when it has one. */
void tg_forms_xlsx(tg_book *b, const tg_fsheet *s);
/* One workbook of the laid-out forms (their sheets in order; the first
 * names the document) staged in set at path.  False after reporting. */
bool tg_forms_write_book(tg_outset *set, const char *path, const tg_fsheet *const *sheets,
    size_t n, tg_diag *diag);

#endif
