/* Writing a crosswalk as YAML (see write.h). */
#include <string.h>

#include "write.h"
#include "../util/yamlw.h"

static void
write_provenance(tg_buf *out, const tg_provenance *p)
{
	if (p->kind == TG_PROV_UNSET)
		return;
	if (p->kind == TG_PROV_AUTHORED && p->source == NULL) {
		tg_buf_puts(out, "provenance: authored\n");
		return;
	}
	tg_buf_puts(out, "provenance:\n");
	tg_yamlw_kv(out, 2, "kind", tg_prov_kind_name(p->kind));
	if (p->kind == TG_PROV_FACT) {
		char conf[2] = {p->confidence, '\0'};
		tg_yamlw_kv(out, 2, "confidence", conf);
	}
	if (p->source)
		tg_yamlw_kv(out, 2, "source", p->source);
	if (p->kind == TG_PROV_IMPORTED) {
		tg_yamlw_kv(out, 2, "file", p->file ? p->file : "");
		tg_buf_printf(out, "  row: %ld\n", p->row);
	}
}

static void
write_target(tg_buf *out, const tg_xw_target *t, tg_status file_status)
{
	tg_buf_puts(out, "      - target: ");
	tg_yamlw_scalar(out, t->target_id);
	tg_buf_putc(out, '\n');
	if (t->relationship < TG_REL_COUNT)
		tg_yamlw_kv(out, 8, "relationship", tg_relationship_name(t->relationship));
	if (t->strength >= 0)
		tg_buf_printf(out, "        strength: %d\n", t->strength);
	if (t->rationale != TG_RAT_UNSET)
		tg_yamlw_kv(out, 8, "rationale", tg_rationale_name(t->rationale));
	if (t->status != file_status)
		tg_yamlw_kv(out, 8, "status", tg_status_name(t->status));
	if (t->note)
		tg_yamlw_kv(out, 8, "note", t->note);
}

static void
write_proposal(tg_buf *out, const tg_proposal *p)
{
	tg_buf_puts(out, "    proposal:\n");
	if (p->action != TG_ACTION_UNSET)
		tg_yamlw_kv(out, 6, "action", tg_action_name(p->action));
	if (p->clause_id) {
		tg_buf_puts(out, "      clause: ");
		tg_yamlw_scalar(out, p->clause_id);
		tg_buf_putc(out, '\n');
	}
	if (p->text)
		tg_yamlw_kv(out, 6, "text", p->text);
	if (p->note)
		tg_yamlw_kv(out, 6, "note", p->note);
}

void
tg_xw_write_yaml(const tg_crosswalk *xw, const char *header, tg_buf *out)
{
	for (const char *p = header; p != NULL && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		tg_buf_puts(out, len ? "# " : "#");
		tg_buf_put(out, p, len);
		tg_buf_putc(out, '\n');
		p = nl ? nl + 1 : p + len;
	}
	tg_buf_puts(out, "kind: crosswalk\n");
	tg_yamlw_kv(out, 0, "id", xw->id);
	if (xw->title)
		tg_yamlw_kv(out, 0, "title", xw->title);
	tg_yamlw_kv(out, 0, "source", xw->source_id);
	tg_yamlw_kv(out, 0, "target", xw->target_id);
	if (xw->status != TG_STATUS_UNSET)
		tg_yamlw_kv(out, 0, "status", tg_status_name(xw->status));
	write_provenance(out, &xw->prov);
	if (xw->description)
		tg_yamlw_kv(out, 0, "description", xw->description);
	/* What a target's status is when the file does not say. */
	tg_status dflt = xw->status != TG_STATUS_UNSET ? xw->status : TG_STATUS_SUGGESTED;
	if (xw->nrows == 0) {
		tg_buf_puts(out, "rows: []\n");
		return;
	}
	tg_buf_puts(out, "rows:\n");
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		tg_buf_puts(out, "  - source: ");
		tg_yamlw_scalar(out, row->source_id);
		tg_buf_putc(out, '\n');
		if (row->ntargets == 0 && row->status != dflt)
			tg_yamlw_kv(out, 4, "status", tg_status_name(row->status));
		if (row->ntargets > 0) {
			tg_buf_puts(out, "    targets:\n");
			for (size_t t = 0; t < row->ntargets; t++)
				write_target(out, &row->targets[t], dflt);
		}
		if (row->proposal)
			write_proposal(out, row->proposal);
		if (row->note)
			tg_yamlw_kv(out, 4, "note", row->note);
	}
}
