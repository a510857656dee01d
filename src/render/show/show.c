#include "show.h"

#include "../../totsugo.h"
#include "../../util/term.h"

int
tg_show(const tg_data *d, const char *id, tg_show_format format, tg_buf *out, tg_diag *diag)
{
	const tg_catalog *c = tg_data_catalog(d, id);
	const tg_crosswalk *xw = c ? NULL : tg_data_crosswalk(d, id);
	if (c == NULL && xw == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "'%s' is neither a catalog nor a crosswalk (see 'totsugo list')", id);
		return TG_EXIT_USAGE;
	}
	switch (format) {
	case TG_SHOW_JSON:
		if (c)
			tg_show_catalog_json(c, out);
		else
			tg_show_crosswalk_json(xw, out);
		break;
	case TG_SHOW_TREE: {
		/* For a terminal: what the data says is shown, never run. */
		tg_buf raw = TG_BUF_INIT;
		if (c)
			tg_show_catalog_tree(c, &raw);
		else
			tg_show_crosswalk_tree(xw, &raw);
		tg_term_put(out, raw.data ? raw.data : "", raw.len, true);
		tg_buf_free(&raw);
		break;
	}
	}
	return TG_EXIT_OK;
}
