/* kind: crosswalk — rows from source items to target items.  Item ids are
 * resolved later, when every catalog is loaded (model/validate.c). */
#include <string.h>

#include "schema.h"

static const char *const crosswalk_keys[] = {"kind", "id", "title", "source", "target",
    "status", "provenance", "description", "derive", "rows", NULL};
static const char *const derive_keys[] = {"via", NULL};
static const char *const row_keys[] = {"source", "targets", "status", "proposal", "note", NULL};
static const char *const target_keys[] = {"target", "relationship", "strength", "rationale",
    "status", "note", NULL};
static const char *const proposal_keys[] = {"action", "clause", "text", "note", NULL};

static const char *const relationship_names[] = {"equal", "subset-of", "superset-of",
    "intersects-with", "no-relationship"};
static const char *const rationale_names[] = {NULL, "syntactic", "semantic", "functional"};
static const char *const status_names[] = {NULL, "reviewed", "suggested", "unmapped"};
static const char *const action_names[] = {NULL, "add", "amend", "none"};

static tg_status
parse_status(tg_load *l, const tg_node *n)
{
	if (n == NULL)
		return TG_STATUS_UNSET;
	int s = tg_schema_enum(l, n, "status", status_names, 4);
	return s < 0 ? TG_STATUS_UNSET : (tg_status)s;
}

/* One meaning of strength for every pair: how much of the source item the
 * target covers (10 all of it, 0 nothing).  The relationship says the same
 * in words, so the two must agree: "the target covers all of the source"
 * (equal, subset-of) is 8 or more, a partial cover (intersects-with) at
 * most 8, and unrelated items cover nothing.  A disagreement is a judgement
 * to revisit, not broken data: a warning. */
static void
check_strength(tg_load *l, const tg_xw_target *t, const tg_node *strength)
{
	const char *rel = (unsigned)t->relationship < TG_REL_COUNT ?
	    relationship_names[t->relationship] : NULL;
	if ((t->relationship == TG_REL_EQUAL || t->relationship == TG_REL_SUBSET_OF) && t->strength < 8)
		tg_diag_warning(l->diag, strength->pos, "strength %d is too low for '%s', which says "
		    "the target covers all of the source (8 or more); for a partial cover use "
		    "'intersects-with'", t->strength, rel);
	else if (t->relationship == TG_REL_INTERSECTS_WITH && t->strength > 8)
		tg_diag_warning(l->diag, strength->pos, "strength %d is too high for 'intersects-with', "
		    "a partial cover (8 at most); if the target covers all of the source use "
		    "'subset-of' or 'equal'", t->strength);
	else if (t->relationship == TG_REL_NO_RELATIONSHIP && t->strength > 0)
		tg_diag_warning(l->diag, strength->pos, "strength %d contradicts 'no-relationship': "
		    "unrelated items cover nothing (0)", t->strength);
}

static void
load_target(tg_load *l, tg_crosswalk *xw, tg_xw_row *row, const tg_node *n, tg_xw_target *t)
{
	t->strength = -1;
	t->relationship = TG_REL_COUNT;
	t->pos = n->pos;
	if (!tg_schema_map(l, n, "target", target_keys))
		return;
	t->target_id = tg_schema_str(l, n, "target", "target", true);
	if (t->target_id != NULL)
		t->pos = tg_node_get(n, "target")->pos;
	const tg_node *rel = tg_node_get(n, "relationship");
	if (rel == NULL) {
		tg_diag_error(l->diag, n->pos, "target has no 'relationship' (%s, %s, %s, %s or %s)",
		    relationship_names[0], relationship_names[1], relationship_names[2],
		    relationship_names[3], relationship_names[4]);
	} else {
		int r = tg_schema_enum(l, rel, "relationship", relationship_names, TG_REL_COUNT);
		if (r >= 0)
			t->relationship = (tg_relationship)r;
	}
	const tg_node *strength = tg_node_get(n, "strength");
	long v;
	if (strength != NULL && tg_schema_int(l, strength, "strength", 0, 10, &v))
		t->strength = (int)v;
	if (t->strength >= 0)
		check_strength(l, t, strength);
	const tg_node *rat = tg_node_get(n, "rationale");
	if (rat != NULL) {
		int r = tg_schema_enum(l, rat, "rationale", rationale_names, 4);
		if (r > 0)
			t->rationale = (tg_rationale)r;
	}
	t->note = tg_schema_str(l, n, "note", "target", false);
	const tg_node *st = tg_node_get(n, "status");
	t->status = parse_status(l, st);
	bool own = t->status != TG_STATUS_UNSET;
	if (t->status == TG_STATUS_UNSET)
		t->status = row->status;
	if (t->status == TG_STATUS_UNSET)
		t->status = xw->status;
	if (t->status == TG_STATUS_UNSET)
		t->status = TG_STATUS_SUGGESTED;
	if (t->status == TG_STATUS_UNMAPPED && (own || row->status != TG_STATUS_UNMAPPED)) {
		tg_diag_error(l->diag, own ? st->pos : n->pos,
		    "a target cannot be 'unmapped'%s; an unmapped row has no targets",
		    own ? "" : " (status inherited from its row or file)");
	}
	if (t->status == TG_STATUS_REVIEWED) {
		if (strength == NULL)
			tg_diag_error(l->diag, n->pos, "reviewed target '%s' has no 'strength' (0-10)",
			    t->target_id ? t->target_id : "?");
		if (rat == NULL)
			tg_diag_error(l->diag, n->pos,
			    "reviewed target '%s' has no 'rationale' (syntactic, semantic or functional)",
			    t->target_id ? t->target_id : "?");
	}
}

static void
load_proposal(tg_load *l, const tg_node *n, tg_xw_row *row)
{
	if (!tg_schema_map(l, n, "proposal", proposal_keys))
		return;
	tg_proposal *p = TG_ARENA_NEW(&l->data->arena, tg_proposal);
	p->pos = n->pos;
	const tg_node *action = tg_node_get(n, "action");
	if (action == NULL) {
		tg_diag_error(l->diag, n->pos, "proposal has no 'action' (add, amend or none)");
	} else {
		int a = tg_schema_enum(l, action, "proposal action", action_names, 4);
		if (a > 0)
			p->action = (tg_action)a;
	}
	bool needs_text = p->action == TG_ACTION_ADD || p->action == TG_ACTION_AMEND;
	p->clause_id = tg_schema_str(l, n, "clause", "proposal", needs_text);
	p->clause_pos = p->clause_id ? tg_node_get(n, "clause")->pos : n->pos;
	p->text = tg_schema_str(l, n, "text", "proposal", needs_text);
	p->note = tg_schema_str(l, n, "note", "proposal", p->action == TG_ACTION_NONE);
	row->proposal = p;
}

static void
load_row(tg_load *l, tg_crosswalk *xw, const tg_node *n, tg_xw_row *row)
{
	row->pos = n->pos;
	if (!tg_schema_map(l, n, "row", row_keys))
		return;
	row->source_id = tg_schema_str(l, n, "source", "row", true);
	row->source_pos = row->source_id ? tg_node_get(n, "source")->pos : n->pos;
	row->note = tg_schema_str(l, n, "note", "row", false);
	const tg_node *st = tg_node_get(n, "status");
	row->status = parse_status(l, st);
	const tg_node *targets = tg_node_get(n, "targets");
	if (targets != NULL && !tg_node_is_null(targets)) {
		if (targets->kind != TG_NODE_SEQ) {
			tg_diag_error(l->diag, targets->pos, "'targets' must be a list, found %s",
			    tg_node_kind_name(targets));
		} else {
			row->targets = TG_ARENA_ARRAY(&l->data->arena, tg_xw_target, targets->n);
			row->ntargets = targets->n;
			for (size_t i = 0; i < targets->n; i++)
				load_target(l, xw, row, targets->items[i], &row->targets[i]);
		}
	}
	const tg_node *proposal = tg_node_get(n, "proposal");
	if (proposal != NULL)
		load_proposal(l, proposal, row);

	if (row->ntargets == 0) {
		if (row->status == TG_STATUS_UNSET && xw->status == TG_STATUS_UNMAPPED)
			row->status = TG_STATUS_UNMAPPED;
		/* In a derived crosswalk a row may hold only a proposal or a note:
		 * its pairs come from the derivation (model/compose.c). */
		if (row->status != TG_STATUS_UNMAPPED && xw->derive_pos.line == 0)
			tg_diag_error(l->diag, st ? st->pos : n->pos,
			    "row '%s' has no targets: mark it 'status: unmapped' or add targets",
			    row->source_id ? row->source_id : "?");
	} else {
		if (row->status == TG_STATUS_UNMAPPED)
			tg_diag_error(l->diag, st->pos,
			    "row '%s' is 'unmapped' but has targets", row->source_id ? row->source_id : "?");
		/* The row's own status summarises its targets: the weakest one. */
		tg_status s = TG_STATUS_REVIEWED;
		for (size_t i = 0; i < row->ntargets; i++)
			if (row->targets[i].status == TG_STATUS_SUGGESTED)
				s = TG_STATUS_SUGGESTED;
		row->status = s;
	}
}

/* derive: {via: [A, ~B, ...]} — ids are checked when the data is linked. */
static void
load_derive(tg_load *l, tg_crosswalk *xw, const tg_node *n)
{
	xw->derive_pos = n->pos;
	if (!tg_schema_map(l, n, "derive", derive_keys))
		return;
	const tg_node *via = tg_node_get(n, "via");
	if (via == NULL) {
		if (!tg_schema_misspelt(n, "via"))
			tg_diag_error(l->diag, n->pos, "'derive' has no 'via' (the crosswalks to compose, "
			    "e.g. via: [a--b, b--c])");
		return;
	}
	if (via->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, via->pos, "'via' must be a list of crosswalk ids, found %s",
		    tg_node_kind_name(via));
		return;
	}
	if (via->n < 2) {
		tg_diag_error(l->diag, via->pos, "'via' needs at least two crosswalks to compose "
		    "(for an inverse alone, write '~ID' where the id is used)");
		return;
	}
	tg_xw_via *list = TG_ARENA_ARRAY(&l->data->arena, tg_xw_via, via->n);
	bool ok = true;
	for (size_t i = 0; i < via->n; i++) {
		const tg_node *v = via->items[i];
		const char *s = tg_schema_scalar(l, v, "via entry");
		if (s == NULL) {
			ok = false;
			continue;
		}
		tg_xw_via *e = &list[i];
		e->pos = v->pos;
		e->inverse = s[0] == '~';
		e->id = e->inverse ? s + 1 : s;
		if (!tg_schema_is_object_id(e->id)) {
			tg_diag_error(l->diag, v->pos, "via entry '%s' is not a crosswalk id "
			    "(ID or ~ID for its inverse)", s);
			ok = false;
		}
	}
	/* A chain with a bad link is not derived at all (nvia stays 0). */
	if (ok) {
		xw->via = list;
		xw->nvia = via->n;
	}
}

void
tg_load_crosswalk(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "crosswalk", crosswalk_keys))
		return;
	tg_crosswalk *xw = TG_ARENA_NEW(a, tg_crosswalk);
	xw->file = l->file;
	xw->path = l->path;
	xw->pos = root->pos;
	tg_map_init(&xw->row_by_source);
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "crosswalk has no 'id'");
	} else if (tg_schema_scalar(l, id, "crosswalk id") && tg_schema_object_id(l, id, "crosswalk id"))
		xw->id = id->str;
	xw->title = tg_schema_str(l, root, "title", "crosswalk", false);
	xw->description = tg_schema_str(l, root, "description", "crosswalk", false);
	xw->source_id = tg_schema_str(l, root, "source", "crosswalk", true);
	xw->target_id = tg_schema_str(l, root, "target", "crosswalk", true);
	if (xw->source_id)
		xw->source_pos = tg_node_get(root, "source")->pos;
	if (xw->target_id)
		xw->target_pos = tg_node_get(root, "target")->pos;
	xw->status = parse_status(l, tg_node_get(root, "status"));
	const tg_node *prov = tg_node_get(root, "provenance");
	if (prov != NULL)
		tg_schema_provenance(l, prov, &xw->prov);
	const tg_node *derive = tg_node_get(root, "derive");
	if (derive != NULL)
		load_derive(l, xw, derive);
	const tg_node *rows = tg_node_get(root, "rows");
	if (rows == NULL) {
		if (derive == NULL)
			tg_diag_error(l->diag, root->pos,
			    "crosswalk has no 'rows' (write 'rows: []' for none)");
	} else if (!tg_node_is_null(rows)) {
		if (rows->kind != TG_NODE_SEQ) {
			tg_diag_error(l->diag, rows->pos, "'rows' must be a list, found %s",
			    tg_node_kind_name(rows));
		} else {
			xw->rows = TG_ARENA_ARRAY(a, tg_xw_row, rows->n);
			xw->nrows = rows->n;
			for (size_t i = 0; i < rows->n; i++)
				load_row(l, xw, rows->items[i], &xw->rows[i]);
		}
	}
	xw->stored_rows = xw->rows;
	xw->nstored_rows = xw->nrows;
	TG_BUF_PUSH(&l->data->crosswalks, tg_crosswalk *, xw);
}
