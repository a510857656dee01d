/* show --format tree: an indented outline for people. */
#include <string.h>

#include "show.h"

static void
item_line(tg_buf *out, const tg_item *it, unsigned indent)
{
	for (unsigned i = 0; i < indent; i++)
		tg_buf_puts(out, "  ");
	tg_buf_printf(out, "%s  %s", it->ref, it->title ? it->title : "(不明)");
	if (it->ncited_levels > 1) {
		tg_buf_puts(out, "  [");
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_buf_printf(out, "%s%s", i ? "/" : "", it->catalog->levels[it->cited_levels[i]]);
		tg_buf_putc(out, ']');
	} else if (it->level == TG_LEVEL_UNKNOWN) {
		tg_buf_puts(out, "  [不明]");
	} else if (tg_item_level_name(it) != NULL) {
		tg_buf_printf(out, "  [%s]", tg_item_level_name(it));
	}
	if (it->id != NULL && strcmp(it->id, it->ref) != 0)
		tg_buf_printf(out, "  <%s>", it->id);
	switch (it->prov.kind) {
	case TG_PROV_FACT:
		tg_buf_printf(out, "  (fact %c)", it->prov.confidence);
		break;
	case TG_PROV_AUTHORED:
		tg_buf_puts(out, "  (authored)");
		break;
	case TG_PROV_IMPORTED:
		tg_buf_printf(out, "  (imported %s row %ld)", it->prov.file, it->prov.row);
		break;
	case TG_PROV_UNSET:
		break;
	}
	if (it->flag != NULL)
		tg_buf_printf(out, "  !! %s", it->flag);
	tg_buf_putc(out, '\n');
}

void
tg_show_catalog_tree(const tg_catalog *c, tg_buf *out)
{
	tg_buf_printf(out, "%s  %s", c->id, c->title);
	if (c->version)
		tg_buf_printf(out, "  version %s", c->version);
	if (c->date)
		tg_buf_printf(out, "  (%s)", c->date);
	tg_buf_printf(out, "  %zu items\n", c->nitems);
	if (c->nlevels > 0) {
		tg_buf_puts(out, "levels: ");
		for (size_t i = 0; i < c->nlevels; i++)
			tg_buf_printf(out, "%s%s", i ? " < " : "", c->levels[i]);
		tg_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < c->nitems; i++)
		item_line(out, c->items[i], c->items[i]->depth + 1);
}

void
tg_show_crosswalk_tree(const tg_crosswalk *xw, tg_buf *out)
{
	tg_buf_printf(out, "%s  %s -> %s  %zu rows", xw->id, xw->source_id, xw->target_id,
	    xw->nrows);
	for (size_t i = 0; i < xw->nvia; i++)
		tg_buf_printf(out, "%s%s%s", i ? ", " : "  derived from ", xw->via[i].inverse ? "~" : "",
		    xw->via[i].id);
	if (xw->inverse_of != NULL)
		tg_buf_printf(out, "  (inverse of %s)", xw->inverse_of->id);
	tg_buf_putc(out, '\n');
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		if (row->source != NULL)
			item_line(out, row->source, 1);
		else
			tg_buf_printf(out, "  %s\n", row->source_id);
		if (row->ntargets == 0)
			tg_buf_printf(out, "      (%s)%s%s\n", tg_status_name(row->status),
			    row->note ? "  " : "", row->note ? row->note : "");
		for (size_t t = 0; t < row->ntargets; t++) {
			const tg_xw_target *tg = &row->targets[t];
			tg_buf_printf(out, "      %s %s", tg_relationship_name(tg->relationship),
			    tg->target_id);
			if (tg->target && tg->target->title)
				tg_buf_printf(out, "  %s", tg->target->title);
			if (tg->strength >= 0)
				tg_buf_printf(out, "  strength %d", tg->strength);
			if (tg->rationale != TG_RAT_UNSET)
				tg_buf_printf(out, "  %s", tg_rationale_name(tg->rationale));
			tg_buf_printf(out, "  %s", tg_status_name(tg->status));
			for (size_t v = 0; v < tg->nvia; v++)
				tg_buf_printf(out, "%s%s:%s", v ? " > " : "  via ", tg->via[v]->catalog->id,
				    tg->via[v]->id);
			tg_buf_putc(out, '\n');
		}
		if (row->proposal != NULL)
			tg_buf_printf(out, "      proposal: %s %s\n", tg_action_name(row->proposal->action),
			    row->proposal->clause_id ? row->proposal->clause_id : "");
	}
}
