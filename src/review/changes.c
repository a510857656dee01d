/* `review apply`: what a review changed in a crosswalk, pair by pair and
 * row by row, in the words of the review sheet. */
#include <stdio.h>
#include <string.h>

#include "review.h"

static const tg_xw_target *
find_target(const tg_xw_row *row, const char *id)
{
	for (size_t t = 0; row && t < row->ntargets; t++)
		if (strcmp(row->targets[t].target_id, id) == 0)
			return &row->targets[t];
	return NULL;
}

static const tg_xw_row *
find_row(const tg_crosswalk *xw, const char *src)
{
	for (size_t r = 0; r < xw->nrows; r++)
		if (strcmp(xw->rows[r].source_id, src) == 0)
			return &xw->rows[r];
	return NULL;
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL || *a == '\0') ? (b == NULL || *b == '\0') : (b != NULL && strcmp(a, b) == 0);
}

static void
field(tg_buf *b, bool *first, const char *name, const char *from, const char *to)
{
	tg_buf_printf(b, "%s%s %s → %s", *first ? "" : ", ", name, *from ? from : "(なし)",
	    *to ? to : "(なし)");
	*first = false;
}

static const char *
rel_label(tg_relationship r)
{
	return r < TG_REL_COUNT ? tg_rv_rel_labels[r] : "";
}

void
tg_rv_changes(const tg_crosswalk *o, const tg_crosswalk *n, tg_buf *lines, tg_rv_counts *c)
{
	char sa[8], sb[8];
	for (size_t r = 0; r < n->nrows; r++) {
		const tg_xw_row *nr = &n->rows[r], *or = find_row(o, nr->source_id);
		for (size_t t = 0; t < nr->ntargets; t++) {
			const tg_xw_target *nt = &nr->targets[t], *ot = find_target(or, nt->target_id);
			if (ot == NULL) {
				tg_buf_printf(lines, "added    %s → %s (%s, %s)\n", nr->source_id, nt->target_id,
				    rel_label(nt->relationship),
				    tg_rv_status_labels[nt->status == TG_STATUS_REVIEWED]);
				c->added++;
				continue;
			}
			tg_buf b = TG_BUF_INIT;
			bool first = true;
			if (ot->relationship != nt->relationship)
				field(&b, &first, "関係", rel_label(ot->relationship), rel_label(nt->relationship));
			if (ot->strength != nt->strength) {
				snprintf(sa, sizeof sa, "%d", ot->strength);
				snprintf(sb, sizeof sb, "%d", nt->strength);
				field(&b, &first, "強度", ot->strength < 0 ? "" : sa, nt->strength < 0 ? "" : sb);
			}
			if (ot->rationale != nt->rationale)
				field(&b, &first, "根拠", tg_rv_rationale_labels[ot->rationale],
				    tg_rv_rationale_labels[nt->rationale]);
			if (ot->status != nt->status)
				field(&b, &first, "状態", tg_rv_status_labels[ot->status == TG_STATUS_REVIEWED],
				    tg_rv_status_labels[nt->status == TG_STATUS_REVIEWED]);
			if (!same_str(ot->note, nt->note)) {
				tg_buf_printf(&b, "%s備考", first ? "" : ", ");
				first = false;
			}
			if (!first) {
				tg_buf_printf(lines, "changed  %s → %s: %s\n", nr->source_id, nt->target_id, b.data);
				c->changed++;
			}
			tg_buf_free(&b);
		}
	}
	for (size_t r = 0; r < o->nrows; r++) {
		const tg_xw_row *or = &o->rows[r], *nr = find_row(n, or->source_id);
		for (size_t t = 0; t < or->ntargets; t++)
			if (find_target(nr, or->targets[t].target_id) == NULL) {
				tg_buf_printf(lines, "removed  %s → %s\n", or->source_id, or->targets[t].target_id);
				c->removed++;
			}
	}
	/* Rows: 対応なし, proposals, notes. */
	for (size_t pass = 0; pass < 2; pass++) {
		const tg_crosswalk *x = pass ? o : n, *y = pass ? n : o;
		for (size_t r = 0; r < x->nrows; r++) {
			const tg_xw_row *xr = &x->rows[r], *yr = find_row(y, xr->source_id);
			bool xu = xr->ntargets == 0, yu = yr && yr->ntargets == 0;
			if (xu && !yu) {
				tg_buf_printf(lines, "%s %s: 対応なし\n", pass ? "removed " : "added   ",
				    xr->source_id);
				c->unmapped++;
			}
			if (pass == 1)
				continue;
			const tg_proposal *xp = xr->proposal, *yp = yr ? yr->proposal : NULL;
			bool same = (xp == NULL) == (yp == NULL) && (xp == NULL || (xp->action == yp->action &&
			    same_str(xp->clause_id, yp->clause_id) && same_str(xp->text, yp->text) &&
			    same_str(xp->note, yp->note)));
			if (!same) {
				tg_buf_printf(lines, "%s %s: 反映案%s\n", yp == NULL ? "added   " : "changed ",
				    xr->source_id, xp ? "" : " (removed)");
				c->proposals++;
			}
			if (yr != NULL && !same_str(xr->note, yr->note))
				tg_buf_printf(lines, "changed  %s: 項目の備考\n", xr->source_id);
		}
	}
	for (size_t r = 0; r < o->nrows; r++) {
		const tg_xw_row *or = &o->rows[r];
		if (or->proposal != NULL && find_row(n, or->source_id) == NULL) {
			tg_buf_printf(lines, "removed  %s: 反映案\n", or->source_id);
			c->proposals++;
		}
	}
}
