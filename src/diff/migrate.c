/* --migrate-crosswalk: a draft of a crosswalk for the new catalog.
 *
 * Rules (docs/diff.md): ids of renumbered items are rewritten; rows and
 * targets of removed items are kept as YAML comments (a live row would
 * name an item that no longer exists and fail to load); a split item's row
 * is copied to every part, merged items' rows are joined (targets without
 * duplicates, the first proposal, the other proposals as comments); every
 * target of a row whose item changed in content (modified, split, merged)
 * is set to `suggested`; an added leaf item gets an `unmapped` row.  Each
 * touched row carries a `# totsugo diff:` comment saying why. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../util/yamlw.h"

typedef struct out_target {
	const tg_xw_target *src;
	const char *id;		/* as written (rewritten when the old catalog's) */
	bool suggested;		/* forced back to suggested */
} out_target;

typedef struct out_row {
	const char *source;
	tg_buf targets;		/* out_target */
	const tg_proposal *proposal;
	const char *clause;	/* the proposal's clause as written */
	tg_buf note;		/* notes of every contributing row, joined */
	tg_buf comments;	/* "# …" lines before the row */
	tg_buf trailer;		/* commented-out pieces after the row */
	bool had_targets;	/* some contributing row had targets */
	bool suggested;
	bool touched;		/* counted once in the statistics */
} out_row;

/* The rows list in order: a row, or a comment block (a removed row). */
typedef struct piece {
	out_row *row;
	char *text;
} piece;

typedef struct migrator {
	const tg_catdiff *cd;
	const tg_crosswalk *xw;
	bool src, tgt;		/* which sides name the old catalog */
	tg_buf rows;		/* out_row * */
	tg_buf pieces;		/* piece */
	tg_buf body;		/* the rows' YAML */
	tg_migrate_stats *stats;
} migrator;

/* Where an old item went: its new items (none: removed). */
typedef struct destination {
	const tg_item *to[64];
	size_t n;
	const tg_diff_entry *e;	/* NULL: unchanged (or not an old item: `keep`) */
	bool keep;		/* not an item of the old catalog: leave as written */
} destination;

static destination
destination_of(const tg_catdiff *cd, const char *ref)
{
	destination d;
	memset(&d, 0, sizeof d);
	const char *id = ref;
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (colon != NULL) {
		size_t n = (size_t)(colon - ref);
		if (strlen(cd->old_cat->id) == n && strncmp(ref, cd->old_cat->id, n) == 0)
			id = colon + 1;
		else
			id = NULL;
	}
	const tg_item *it = id ? tg_catalog_item(cd->old_cat, id) : NULL;
	if (it == NULL) {
		d.keep = true;
		return d;
	}
	d.e = cd->by_old[it->index];
	if (d.e != NULL && (d.e->kinds & TG_DK_SPLIT)) {
		for (size_t p = 0; p < d.e->nparts && d.n < 64; p++)
			d.to[d.n++] = d.e->parts[p].item;
	} else if (d.e != NULL && (d.e->kinds & TG_DK_MERGED)) {
		d.to[d.n++] = d.e->new_item;
	} else if (cd->old_to_new[it->index] != NULL) {
		d.to[d.n++] = cd->old_to_new[it->index];
	}
	return d;
}

/* Content changed: what the item asks for may differ now. */
static bool
needs_review(const destination *d)
{
	return d->e != NULL && (d->e->kinds & (TG_DK_MODIFIED | TG_DK_SPLIT | TG_DK_MERGED));
}

static bool
rewritten(const destination *d, const char *ref)
{
	return !d->keep && d->n > 0 && (d->n > 1 || strcmp(d->to[0]->id, ref) != 0);
}

/* A one-line description of a change, for comments. */
static void
describe(tg_buf *out, const tg_item *old, const destination *d)
{
	const tg_diff_entry *e = d->e;
	tg_buf_printf(out, "'%s'", old->id);
	if (e == NULL) {
		tg_buf_puts(out, " unchanged");
		return;
	}
	bool first = true;
	for (int b = 0; b < TG_DK_COUNT; b++) {
		unsigned k = 1u << b;
		if (!(e->kinds & k))
			continue;
		tg_buf_printf(out, "%s %s", first ? "" : ",", tg_diff_kind_name(k));
		first = false;
		if (k == TG_DK_MODIFIED) {
			tg_buf_puts(out, " (");
			bool f1 = true;
			/* The content fields (the id and parent have kinds of their own). */
			static const unsigned content[] = {TG_DF_TITLE, TG_DF_TEXT, TG_DF_LEVEL};
			for (size_t f = 0; f < 3; f++)
				if (e->fields & content[f]) {
					tg_buf_printf(out, "%s%s", f1 ? "" : ", ", tg_diff_field_name(content[f]));
					f1 = false;
				}
			tg_buf_putc(out, ')');
		}
	}
	if (d->n > 0 && (e->kinds & (TG_DK_RENUMBERED | TG_DK_SPLIT | TG_DK_MERGED))) {
		tg_buf_puts(out, " ->");
		for (size_t i = 0; i < d->n; i++)
			tg_buf_printf(out, "%s '%s'", i ? "," : "", d->to[i]->id);
	}
	if ((e->kinds & TG_DK_RENUMBERED) && e->old_item == old && e->new_item != NULL)
		tg_buf_printf(out, " (similarity %d%%)", e->similarity / 10);
}

static void __attribute__((format(printf, 2, 3)))
comment(tg_buf *lines, const char *fmt, ...)
{
	tg_buf line = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&line, fmt, ap);
	va_end(ap);
	/* A comment is one line. */
	for (size_t i = 0; i < line.len; i++)
		if (line.data[i] == '\n' || line.data[i] == '\r')
			line.data[i] = ' ';
	tg_buf_puts(lines, tg_buf_cstr(&line));
	tg_buf_putc(lines, '\n');
	tg_buf_free(&line);
}

static out_row *
row_for(migrator *m, const char *source)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&m->rows, out_row *); i++) {
		out_row *r = TG_BUF_AT(&m->rows, out_row *, i);
		if (strcmp(r->source, source) == 0)
			return r;
	}
	out_row *r = tg_xcalloc(1, sizeof *r);
	r->source = source;
	TG_BUF_PUSH(&m->rows, out_row *, r);
	piece p = {r, NULL};
	TG_BUF_PUSH(&m->pieces, piece, p);
	return r;
}

static void
add_target(out_row *r, const tg_xw_target *src, const char *id, bool suggested)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&r->targets, out_target); i++) {
		out_target *t = &TG_BUF_AT(&r->targets, out_target, i);
		if (strcmp(t->id, id) == 0) {
			t->suggested = true;	/* two mappings became one */
			return;
		}
	}
	out_target t = {src, id, suggested};
	TG_BUF_PUSH(&r->targets, out_target, t);
}

static void write_target(migrator *m, tg_buf *out, const out_target *t, bool row_suggested);
static void write_proposal(tg_buf *out, const tg_proposal *p, const char *clause);

/* A piece of YAML as comment lines ("  # …") at the row's indentation. */
static void
as_comment(tg_buf *out, const char *yaml)
{
	const char *p = yaml;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *line = p;
		size_t skip = len >= 2 && line[0] == ' ' && line[1] == ' ' ? 2 : 0;
		tg_buf_puts(out, "  #");
		if (len > skip) {
			tg_buf_putc(out, ' ');
			tg_buf_put(out, line + skip, len - skip);
		}
		tg_buf_putc(out, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* The old row as it was, for rows whose item is gone. */
static void
write_old_row(migrator *m, tg_buf *out, const tg_xw_row *row)
{
	tg_buf_puts(out, "  - source: ");
	tg_yamlw_scalar(out, row->source_id);
	tg_buf_putc(out, '\n');
	if (row->ntargets > 0) {
		tg_buf_puts(out, "    targets:\n");
		for (size_t t = 0; t < row->ntargets; t++) {
			out_target ot = {&row->targets[t], row->targets[t].target_id, false};
			write_target(m, out, &ot, false);
		}
	} else {
		tg_buf_puts(out, "    status: unmapped\n");
	}
	if (row->proposal)
		write_proposal(out, row->proposal, row->proposal->clause_id);
	if (row->note)
		tg_yamlw_kv(out, 4, "note", row->note);
}

static void
contribute(migrator *m, const tg_xw_row *row)
{
	const tg_catdiff *cd = m->cd;
	destination sd;
	memset(&sd, 0, sizeof sd);
	sd.keep = true;
	if (m->src)
		sd = destination_of(cd, row->source_id);
	if (!sd.keep && sd.n == 0) {
		/* Removed: the whole row becomes a comment. */
		const tg_item *old = tg_catalog_item(cd->old_cat, row->source_id);
		tg_buf text = TG_BUF_INIT, block = TG_BUF_INIT, title = TG_BUF_INIT;
		write_old_row(m, &text, row);
		comment(&title, "%s", old && old->title ? old->title : "unknown");
		tg_buf_truncate(&title, title.len - 1);	/* the newline */
		tg_buf_printf(&block, "  # totsugo diff: source '%s' (%s) was removed in %s; "
		    "its row is kept as a comment\n", row->source_id, title.data, cd->new_cat->id);
		as_comment(&block, text.data);
		piece p = {NULL, tg_buf_detach(&block)};
		TG_BUF_PUSH(&m->pieces, piece, p);
		tg_buf_free(&text);
		tg_buf_free(&title);
		m->stats->commented++;
		return;
	}
	size_t ndest = sd.keep ? 1 : sd.n;
	for (size_t d = 0; d < ndest; d++) {
		const char *source = sd.keep ? row->source_id : sd.to[d]->id;
		out_row *r = row_for(m, source);
		bool first_contribution = r->comments.len == 0 && r->targets.len == 0 &&
		    r->proposal == NULL && r->note.len == 0 && !r->had_targets;
		bool review = needs_review(&sd);
		if (!sd.keep && sd.e != NULL) {
			tg_buf line = TG_BUF_INIT;
			const tg_item *old = tg_catalog_item(cd->old_cat, row->source_id);
			describe(&line, old, &sd);
			comment(&r->comments, "  # totsugo diff: source %s", line.data);
			tg_buf_free(&line);
			if (rewritten(&sd, row->source_id))
				m->stats->rewritten++;
		}
		if (review || !first_contribution)
			r->suggested = true;
		if (row->ntargets > 0)
			r->had_targets = true;
		for (size_t t = 0; t < row->ntargets; t++) {
			const tg_xw_target *tg = &row->targets[t];
			destination td;
			memset(&td, 0, sizeof td);
			td.keep = true;
			if (m->tgt)
				td = destination_of(cd, tg->target_id);
			if (td.keep) {
				add_target(r, tg, tg->target_id, false);
				continue;
			}
			const tg_item *old = tg_catalog_item(cd->old_cat, tg->target_id);
			tg_buf line = TG_BUF_INIT;
			if (td.e != NULL) {
				describe(&line, old, &td);
				comment(&r->comments, "  # totsugo diff: target %s", line.data);
			}
			if (td.n == 0) {
				tg_buf text = TG_BUF_INIT;
				out_target ot = {tg, tg->target_id, false};
				write_target(m, &text, &ot, false);
				as_comment(&r->trailer, text.data);
				tg_buf_free(&text);
				m->stats->commented++;
			}
			for (size_t k = 0; k < td.n; k++)
				add_target(r, tg, td.to[k]->id, needs_review(&td));
			if (rewritten(&td, tg->target_id))
				m->stats->rewritten++;
			tg_buf_free(&line);
		}
		if (row->proposal != NULL && d > 0) {
			/* A split row's proposal stays with its first part: copies
			 * would repeat the text in the regulation. */
			comment(&r->comments, "  # totsugo diff: the proposal of '%s' stays with '%s'",
			    row->source_id, sd.to[0]->id);
		} else if (row->proposal != NULL) {
			const tg_proposal *p = row->proposal;
			const char *clause = p->clause_id;
			bool drop = false;
			if (m->tgt && clause != NULL) {
				destination pd = destination_of(cd, clause);
				const tg_item *old = tg_catalog_item(cd->old_cat, clause);
				if (!pd.keep && pd.e != NULL) {
					tg_buf line = TG_BUF_INIT;
					describe(&line, old, &pd);
					comment(&r->comments, "  # totsugo diff: proposal clause %s",
					    line.data);
					tg_buf_free(&line);
				}
				if (!pd.keep && pd.n == 0)
					drop = true;
				else if (!pd.keep) {
					if (rewritten(&pd, clause))
						m->stats->rewritten++;
					clause = pd.to[0]->id;
					if (needs_review(&pd))
						r->suggested = true;
				}
			}
			if (drop || r->proposal != NULL) {
				/* No place for it: keep it as a comment. */
				tg_buf text = TG_BUF_INIT;
				write_proposal(&text, p, p->clause_id);
				as_comment(&r->trailer, text.data);
				tg_buf_free(&text);
				if (drop)
					m->stats->commented++;
			} else {
				r->proposal = p;
				r->clause = clause;
			}
		}
		if (row->note != NULL) {
			if (r->note.len > 0)
				tg_buf_putc(&r->note, '\n');
			tg_buf_puts(&r->note, row->note);
		}
	}
}

static const char *
status_name_of(const out_target *t, bool row_suggested)
{
	if (t->suggested || row_suggested)
		return "suggested";
	return tg_status_name(t->src->status);
}

static void
write_target(migrator *m, tg_buf *out, const out_target *t, bool row_suggested)
{
	const tg_xw_target *src = t->src;
	tg_buf_puts(out, "      - target: ");
	tg_yamlw_scalar(out, t->id);
	tg_buf_putc(out, '\n');
	if (src->relationship < TG_REL_COUNT)
		tg_yamlw_kv(out, 8, "relationship", tg_relationship_name(src->relationship));
	if (src->strength >= 0) {
		char num[16];
		snprintf(num, sizeof num, "%d", src->strength);
		tg_buf_printf(out, "        strength: %s\n", num);
	}
	if (src->rationale != TG_RAT_UNSET)
		tg_yamlw_kv(out, 8, "rationale", tg_rationale_name(src->rationale));
	/* A status is written when it differs from what the target would
	 * inherit from the file (rows with targets carry none of their own). */
	const char *status = status_name_of(t, row_suggested);
	tg_status inherited = m->xw->status != TG_STATUS_UNSET ? m->xw->status : TG_STATUS_SUGGESTED;
	if (strcmp(status, tg_status_name(inherited)) != 0)
		tg_yamlw_kv(out, 8, "status", status);
	if (src->note)
		tg_yamlw_kv(out, 8, "note", src->note);
}

static void
write_proposal(tg_buf *out, const tg_proposal *p, const char *clause)
{
	tg_buf_puts(out, "    proposal:\n");
	if (p->action != TG_ACTION_UNSET)
		tg_yamlw_kv(out, 6, "action", tg_action_name(p->action));
	if (clause)
		tg_yamlw_kv(out, 6, "clause", clause);
	if (p->text)
		tg_yamlw_kv(out, 6, "text", p->text);
	if (p->note)
		tg_yamlw_kv(out, 6, "note", p->note);
}

static void
write_row(migrator *m, out_row *r)
{
	tg_buf *out = &m->body;
	tg_buf_puts(out, r->comments.data ? r->comments.data : "");
	tg_buf_puts(out, "  - source: ");
	tg_yamlw_scalar(out, r->source);
	tg_buf_putc(out, '\n');
	size_t nt = TG_BUF_COUNT(&r->targets, out_target);
	if (nt > 0) {
		tg_buf_puts(out, "    targets:\n");
		for (size_t i = 0; i < nt; i++)
			write_target(m, out, &TG_BUF_AT(&r->targets, out_target, i), r->suggested);
	} else {
		tg_buf_puts(out, "    status: unmapped\n");
	}
	if (r->proposal)
		write_proposal(out, r->proposal, r->clause);
	if (r->note.len > 0)
		tg_yamlw_kv(out, 4, "note", r->note.data);
	else if (nt == 0 && r->had_targets)
		tg_yamlw_kv(out, 4, "note", "対応先の項目が新版で削除されたため、対応付けを見直す。");
	tg_buf_puts(out, r->trailer.data ? r->trailer.data : "");
	m->stats->rows++;
	bool suggested = r->suggested && nt > 0;
	for (size_t i = 0; i < nt; i++)
		suggested |= TG_BUF_AT(&r->targets, out_target, i).suggested;
	if (suggested)
		m->stats->suggested++;
}

static void
write_header(migrator *m, tg_buf *out, const char *from)
{
	const tg_crosswalk *xw = m->xw;
	const tg_catalog *oc = m->cd->old_cat, *nc = m->cd->new_cat;
	tg_buf_printf(out, "# Draft crosswalk for %s, migrated from %s\n", nc->id, from);
	tg_buf_printf(out, "# by totsugo diff (%s -> %s).  Review the rows marked 'totsugo diff:',\n",
	    oc->id, nc->id);
	tg_buf_puts(out, "# set their targets to reviewed, then check the id, title and description.\n");
	tg_buf_puts(out, "kind: crosswalk\n");
	/* The id names the old catalog, usually: name the new one. */
	tg_buf id = TG_BUF_INIT;
	const char *at = strcmp(oc->id, nc->id) != 0 ? strstr(xw->id, oc->id) : NULL;
	if (at != NULL) {
		tg_buf_put(&id, xw->id, (size_t)(at - xw->id));
		tg_buf_puts(&id, nc->id);
		tg_buf_puts(&id, at + strlen(oc->id));
	} else {
		tg_buf_puts(&id, xw->id);
	}
	tg_yamlw_kv(out, 0, "id", id.data);
	tg_buf_free(&id);
	if (xw->title)
		tg_yamlw_kv(out, 0, "title", xw->title);
	tg_yamlw_kv(out, 0, "source", m->src ? nc->id : xw->source_id);
	tg_yamlw_kv(out, 0, "target", m->tgt ? nc->id : xw->target_id);
	if (xw->status != TG_STATUS_UNSET)
		tg_yamlw_kv(out, 0, "status", tg_status_name(xw->status));
	const tg_provenance *p = &xw->prov;
	if (p->kind == TG_PROV_AUTHORED && p->source == NULL) {
		tg_buf_puts(out, "provenance: authored\n");
	} else if (p->kind != TG_PROV_UNSET) {
		tg_buf_puts(out, "provenance:\n");
		tg_yamlw_kv(out, 2, "kind", tg_prov_kind_name(p->kind));
		if (p->kind == TG_PROV_FACT) {
			char conf[2] = {p->confidence, '\0'};
			tg_yamlw_kv(out, 2, "confidence", conf);
		}
		if (p->source)
			tg_yamlw_kv(out, 2, "source", p->source);
		if (p->file)
			tg_yamlw_kv(out, 2, "file", p->file);
		if (p->kind == TG_PROV_IMPORTED)
			tg_buf_printf(out, "  row: %ld\n", p->row);
	}
	if (xw->description)
		tg_yamlw_kv(out, 0, "description", xw->description);
	if (xw->nvia > 0) {
		/* Only the rows written in the file are migrated; the derived
		 * pairs are composed again from the chain when the data loads. */
		tg_buf_puts(out, "# totsugo diff: the chain below names crosswalks of the old version;\n"
		    "# migrate them too and update their ids here.\nderive:\n  via:\n");
		tg_buf via = TG_BUF_INIT;
		for (size_t i = 0; i < xw->nvia; i++) {
			tg_buf_clear(&via);
			tg_buf_printf(&via, "%s%s", xw->via[i].inverse ? "~" : "", xw->via[i].id);
			tg_buf_puts(out, "    - ");
			tg_yamlw_scalar(out, via.data);
			tg_buf_putc(out, '\n');
		}
		tg_buf_free(&via);
	}
}

void
tg_migrate_crosswalk(const tg_catdiff *cd, const tg_crosswalk *xw, const char *from,
    tg_buf *out, tg_migrate_stats *stats)
{
	migrator m;
	memset(&m, 0, sizeof m);
	memset(stats, 0, sizeof *stats);
	m.cd = cd;
	m.xw = xw;
	m.stats = stats;
	m.src = xw->source_id && strcmp(xw->source_id, cd->old_cat->id) == 0;
	m.tgt = xw->target_id && strcmp(xw->target_id, cd->old_cat->id) == 0;
	write_header(&m, out, from);
	/* Rows are written once every contribution is in (merges join rows
	 * that lie far apart), in the order of their first contribution. */
	for (size_t r = 0; r < xw->nstored_rows; r++)
		contribute(&m, &xw->stored_rows[r]);
	/* Every added leaf item of the new catalog without a row gets one. */
	if (m.src) {
		for (size_t j = 0; j < cd->new_cat->nitems; j++) {
			const tg_item *it = cd->new_cat->items[j];
			const tg_diff_entry *e = cd->by_new[j];
			if (e == NULL || !(e->kinds & TG_DK_ADDED) || it->nchildren > 0)
				continue;
			bool has = false;
			for (size_t i = 0; i < TG_BUF_COUNT(&m.rows, out_row *) && !has; i++)
				has = strcmp(TG_BUF_AT(&m.rows, out_row *, i)->source, it->id) == 0;
			if (has)
				continue;
			out_row *r = row_for(&m, it->id);
			comment(&r->comments, "  # totsugo diff: source '%s' was added: map it", it->id);
			tg_buf_puts(&r->note, "新版で追加された項目。対応付けを検討する。");
			stats->added++;
		}
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&m.pieces, piece); i++) {
		piece *p = &TG_BUF_AT(&m.pieces, piece, i);
		if (p->row == NULL) {
			tg_buf_puts(&m.body, p->text);
			free(p->text);
			continue;
		}
		out_row *r = p->row;
		write_row(&m, r);
		tg_buf_free(&r->targets);
		tg_buf_free(&r->note);
		tg_buf_free(&r->comments);
		tg_buf_free(&r->trailer);
		free(r);
	}
	/* Only comments after `rows:` read as null, which the loader takes as
	 * no rows; nothing at all is written as an empty list. */
	tg_buf_puts(out, m.body.len > 0 ? "rows:\n" : "rows: []\n");
	tg_buf_puts(out, tg_buf_cstr(&m.body));
	tg_buf_free(&m.rows);
	tg_buf_free(&m.pieces);
	tg_buf_free(&m.body);
}
