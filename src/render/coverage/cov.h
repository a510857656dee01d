/* `coverage`: coverage.c dispatches and names the files; one file per
 * format of its own (json.c); Markdown, HTML, CSV and XLSX are the
 * 突合表's renderers on the view of coverage/view.c. */
#ifndef TG_RENDER_COV_H
#define TG_RENDER_COV_H

#include "../../coverage/view.h"
#include "../../totsugo.h"

void tg_cov_render_json(const tg_coverage *c, tg_buf *out);

#endif
