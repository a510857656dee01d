/* The 対比表 of an industry without a guideline: the industry's sample
 * regulation is assembled once (so that terms are found where they really
 * appear, examples and additions included), then every example use, term
 * and addition becomes a row at its clause, in template order. */
#include <stdlib.h>
#include <string.h>

#include "contrast.h"
#include "../regulation/regulation.h"
#include "../render/provenance.h"
#include "../util/text.h"

#define EXAMPLE_PREFIX "industry.examples."
/* Clauses named in a term's 備考 before "ほかN条項". */
#define TERM_CLAUSES_SHOWN 5

enum { K_EXAMPLE, K_TERM, K_AMEND, K_ADD };
static const char *const kind_names[] = {"例示", "用語", "業界補足", "業界追加"};

enum { C_NO, C_CLAUSE, C_KIND, C_WHAT, C_BASE, C_OWN, C_STATE, C_PROV, C_NOTE, NCOLS };

#define STATE_CHANGED "業界の記載"
#define STATE_SAME "既定と同じ"
#define STATE_DEFAULT "未定義（既定を使用）"
#define STATE_ADDED "業界で追加"
#define STATE_UNUSED "未使用"
#define OWN_DEFAULT "（定めていない：既定を使う）"

typedef struct crow {
	size_t order;		/* template clause index; past the end: 付録D, unused */
	int kind;
	size_t seq;		/* insertion order, for a stable sort */
	const char *cells[NCOLS];
	const char *chapter;	/* the chapter's item id, or "" */
} crow;

typedef struct cbuild {
	tg_view *v;
	const tg_data *d;
	const tg_industry *ind;
	const tg_tset *t;
	const tg_regulation *r;
	tg_buf rows;		/* crow */
	tg_contrast_counts n;
	size_t by_origin[TG_ORIGIN_COUNT];	/* rows with the industry's own text */
} cbuild;

static const char *
keep(tg_view *v, const char *s)
{
	return tg_arena_strdup(&v->arena, s ? s : "");
}

static const char *
keep_buf(tg_view *v, tg_buf *s)
{
	const char *k = keep(v, tg_buf_cstr(s));
	tg_buf_clear(s);
	return k;
}

/* The 出所 of the industry's own text, in the words every output uses
 * (render/provenance.h); ― where the industry wrote nothing (the sample's
 * text is used). */
static const char *
origin_cell(cbuild *b, const tg_provenance *p)
{
	if (p == NULL)
		return TG_PRINT_DASH;
	tg_origin o = tg_prov_origin(p);
	b->by_origin[o]++;
	return tg_origin_text_of(o)->cell;
}

static size_t
clause_index(const cbuild *b, const tg_tclause *tc)
{
	return (size_t)(tc - b->t->clauses);
}

static crow *
new_row(cbuild *b, const tg_tclause *tc, int kind)
{
	crow r = {0};
	r.kind = kind;
	r.seq = TG_BUF_COUNT(&b->rows, crow);
	if (tc != NULL) {
		tg_buf s = TG_BUF_INIT;
		r.order = clause_index(b, tc);
		tg_reg_clause_name(b->t, tc->item, tc->chapter, &s);
		r.cells[C_CLAUSE] = keep_buf(b->v, &s);
		r.chapter = b->t->clauses[b->t->files[tc->file].chapter].item->id;
		tg_buf_free(&s);
	} else {
		r.order = b->t->nclauses + (kind == K_TERM ? 0 : 1);
		r.cells[C_CLAUSE] = kind == K_TERM ? "付録 用語の定義（本文では使わない）" :
		    "（どの条項も使わない）";
		r.chapter = "";
	}
	r.cells[C_KIND] = kind_names[kind];
	TG_BUF_PUSH(&b->rows, crow, r);
	return &TG_BUF_AT(&b->rows, crow, TG_BUF_COUNT(&b->rows, crow) - 1);
}

/* A registry description without its advice to the industries. */
static void
what_example(tg_buf *out, const tg_param *p)
{
	static const char advice[] = "業界ごとに上書きする。";
	const char *d = p->description ? p->description : "";
	size_t n = strlen(d), m = sizeof advice - 1;
	if (n > m && strcmp(d + n - m, advice) == 0)
		n -= m;
	if (n >= 3 && strncmp(d + n - 3, "。", 3) == 0)
		n -= 3;
	tg_buf_put(out, d, n);
}

static void
example_rows(cbuild *b)
{
	const tg_paramset *ps = b->t->params;
	const size_t plen = sizeof EXAMPLE_PREFIX - 1;
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < ps->nparams; i++) {
		const tg_param *p = &ps->params[i];
		if (strncmp(p->name, EXAMPLE_PREFIX, plen) != 0)
			continue;
		const tg_example *e = tg_reg_industry_example(b->ind, p->name + plen);
		const char *def = p->def && p->def->kind == TG_NODE_SCALAR ? p->def->str : NULL;
		bool same = e != NULL && def != NULL && strcmp(def, e->text) == 0;
		const char *state = e == NULL ? STATE_DEFAULT : same ? STATE_SAME : STATE_CHANGED;
		b->n.examples++;
		if (e == NULL)
			b->n.examples_default++;
		else if (same)
			b->n.examples_same++;
		else
			b->n.examples_changed++;
		for (size_t k = 0; k < p->nclauses; k++) {
			const tg_item *it = tg_data_ref(b->d, p->clauses[k], ps->catalog);
			const tg_tclause *tc = it ? tg_tset_clause(b->t, it->id) : NULL;
			if (tc == NULL)
				continue;
			crow *r = new_row(b, tc, K_EXAMPLE);
			what_example(&s, p);
			r->cells[C_WHAT] = keep_buf(b->v, &s);
			r->cells[C_BASE] = def ? def : TG_VIEW_NONE;
			r->cells[C_OWN] = e ? e->text : OWN_DEFAULT;
			r->cells[C_STATE] = state;
			r->cells[C_PROV] = origin_cell(b, e ? &e->prov : NULL);
			r->cells[C_NOTE] = e && e->note ? e->note : "";
		}
	}
	/* Keys of the industry that no template uses. */
	for (size_t i = 0; i < b->ind->nexamples; i++) {
		const tg_example *e = &b->ind->examples[i];
		if (e->key == NULL || e->text == NULL)
			continue;
		tg_buf_printf(&s, EXAMPLE_PREFIX "%s", e->key);
		bool used = tg_map_get(&ps->by_name, tg_buf_cstr(&s)) != NULL;
		tg_buf_clear(&s);
		if (used)
			continue;
		b->n.examples_unused++;
		crow *r = new_row(b, NULL, K_EXAMPLE);
		r->cells[C_WHAT] = "業界が定めた例示";
		r->cells[C_BASE] = TG_VIEW_NONE;
		r->cells[C_OWN] = e->text;
		r->cells[C_STATE] = STATE_UNUSED;
		r->cells[C_PROV] = origin_cell(b, &e->prov);
		r->cells[C_NOTE] = e->note ? e->note : "サンプル規程のどの条項も使わないため、規程には出ない。";
	}
	tg_buf_free(&s);
}

/* Does an entry's text (its own, its supplements, an addition's title)
 * hold the term? */
static bool
entry_uses(const tg_reg_entry *e, const char *term)
{
	if (e->text != NULL && strstr(e->text, term) != NULL)
		return true;
	if (e->kind == TG_REG_ADDITION && e->title != NULL && strstr(e->title, term) != NULL)
		return true;
	for (size_t i = 0; i < e->nsupplements; i++)
		if (strstr(e->supplements[i].text, term) != NULL)
			return true;
	return false;
}

/* A clause by its number (3.1.1); a chapter without a number by its title,
 * and its clauses after it (情報セキュリティ基本方針 4). */
static void
clause_ref(const cbuild *b, const tg_item *it, tg_buf *out)
{
	const tg_tclause *up = it->parent ? tg_tset_clause(b->t, it->parent->id) : NULL;
	if (it->depth > 0 && !(up != NULL && up->chapter && up->item->depth == 0)) {
		tg_buf_puts(out, it->ref);
		return;
	}
	if (it->depth == 0) {
		tg_reg_clause_name(b->t, it, false, out);
		return;
	}
	tg_reg_clause_name(b->t, up->item, false, out);
	tg_buf_printf(out, " %s", it->ref);
}

static const tg_term *
registry_term(const tg_paramset *ps, const char *term)
{
	for (size_t i = 0; i < ps->nterms; i++)
		if (ps->terms[i].term != NULL && strcmp(ps->terms[i].term, term) == 0)
			return &ps->terms[i];
	return NULL;
}

static bool
own_term(const tg_industry *ind, const tg_term *t)
{
	return ind->nterms > 0 && t >= ind->terms && t < ind->terms + ind->nterms;
}

static void
term_rows(cbuild *b)
{
	const tg_regulation *r = b->r;
	const tg_paramset *ps = b->t->params;
	tg_buf s = TG_BUF_INIT, where = TG_BUF_INIT;
	for (size_t i = 0; i < r->nterms; i++) {
		const tg_term *term = r->terms[i];
		bool own = own_term(b->ind, term);
		const tg_term *reg = registry_term(ps, term->term);
		const tg_tclause *first = NULL;
		size_t uses = 0;
		const tg_tclause *last = NULL;
		for (size_t k = 0; k < r->nentries; k++) {
			const tg_reg_entry *e = &r->entries[k];
			if (e->tc == last || !entry_uses(e, term->term))
				continue;
			/* An addition counts for the clause it follows. */
			last = e->tc;
			if (first == NULL)
				first = e->tc;
			if (uses < TERM_CLAUSES_SHOWN) {
				if (where.len > 0)
					tg_buf_puts(&where, "、");
				clause_ref(b, e->item, &where);
			}
			uses++;
		}
		b->n.terms++;
		if (own)
			b->n.terms_own++;
		if (own && reg == NULL)
			b->n.terms_added++;
		crow *row = new_row(b, first, K_TERM);
		tg_buf_puts(&s, term->term);
		if (term->reading != NULL)
			tg_buf_printf(&s, "（%s）", term->reading);
		row->cells[C_WHAT] = keep_buf(b->v, &s);
		row->cells[C_BASE] = reg ? reg->definition : TG_VIEW_NONE;
		row->cells[C_OWN] = own ? term->definition : OWN_DEFAULT;
		row->cells[C_STATE] = !own ? STATE_DEFAULT : reg == NULL ? STATE_ADDED :
		    strcmp(reg->definition, term->definition) == 0 ? STATE_SAME : STATE_CHANGED;
		row->cells[C_PROV] = origin_cell(b, own ? &term->prov : NULL);
		if (own && term->note != NULL)
			tg_buf_printf(&s, "%s\n", term->note);
		if (uses > 0)
			tg_buf_printf(&s, "使う条項：%s%s（%zu条項）", where.data,
			    uses > TERM_CLAUSES_SHOWN ? "ほか" : "", uses);
		else
			tg_buf_puts(&s, "本文では使わない。");
		row->cells[C_NOTE] = keep_buf(b->v, &s);
		tg_buf_clear(&where);
	}
	tg_buf_free(&s);
	tg_buf_free(&where);
}

static void
addition_row(cbuild *b, const tg_reg_entry *e, const tg_addition *a, const char *number)
{
	crow *r = new_row(b, e->tc, a->action == TG_ACTION_ADD ? K_ADD : K_AMEND);
	tg_buf s = TG_BUF_INIT;
	if (number != NULL)
		tg_buf_printf(&s, "%s ", number);
	tg_buf_puts(&s, a->title ? a->title : "");
	r->cells[C_WHAT] = keep_buf(b->v, &s);
	r->cells[C_BASE] = TG_VIEW_NONE;
	size_t n = strlen(a->text);
	while (n > 0 && (a->text[n - 1] == '\n' || a->text[n - 1] == ' '))
		n--;
	tg_buf_put(&s, a->text, n);
	r->cells[C_OWN] = keep_buf(b->v, &s);
	r->cells[C_STATE] = STATE_ADDED;
	r->cells[C_PROV] = origin_cell(b, &a->prov);
	r->cells[C_NOTE] = a->note ? a->note : "";
	tg_buf_free(&s);
}

static void
addition_rows(cbuild *b)
{
	for (size_t k = 0; k < b->r->nentries; k++) {
		const tg_reg_entry *e = &b->r->entries[k];
		if (e->kind == TG_REG_ADDITION && e->addition != NULL) {
			addition_row(b, e, e->addition, e->number);
			b->n.adds++;
		}
		for (size_t i = 0; i < e->nsupplements; i++)
			if (e->supplements[i].addition != NULL) {
				addition_row(b, e, e->supplements[i].addition, NULL);
				b->n.amends++;
			}
	}
}

static int
by_place(const void *pa, const void *pb)
{
	const crow *a = pa, *b = pb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
table_shape(tg_view *v, tg_vtable *vt, const char *name, const char *suffix,
    const char *const *headers, const tg_col_kind *kinds, size_t ncols)
{
	vt->page = (tg_page){TG_PAPER_A4, true};
	vt->freeze_cols = 2;
	vt->name = name;
	vt->file_suffix = suffix;
	vt->title = name;
	vt->ncols = ncols;
	vt->headers = TG_ARENA_ARRAY(&v->arena, const char *, ncols);
	vt->kinds = TG_ARENA_ARRAY(&v->arena, tg_col_kind, ncols);
	for (size_t i = 0; i < ncols; i++) {
		vt->headers[i] = headers[i];
		vt->kinds[i] = kinds[i];
	}
}

static void
main_table(cbuild *b)
{
	static const char *const headers[NCOLS] = {"番号", "条項", "区分", "項目",
	    "基にしたサンプル規程の記載", "業界版の記載", "状態", TG_ORIGIN_COLUMN, "備考"};
	static const tg_col_kind kinds[NCOLS] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_SHORT, TG_COL_TEXT,
	    TG_COL_LONG, TG_COL_LONG, TG_COL_SHORT, TG_COL_SHORT, TG_COL_TEXT};
	tg_view *v = b->v;
	tg_vtable *vt = &v->tables[v->ntables++];
	table_shape(v, vt, "対比表", "", headers, kinds, NCOLS);
	size_t n = TG_BUF_COUNT(&b->rows, crow);
	crow *rows = (crow *)(void *)b->rows.data;
	if (n > 1)
		qsort(rows, n, sizeof *rows, by_place);
	vt->nrows = n;
	vt->cells = TG_ARENA_ARRAY(&v->arena, const char *, n * NCOLS + 1);
	vt->row_level = TG_ARENA_ARRAY(&v->arena, const char *, n + 1);
	vt->row_chapters = TG_ARENA_ARRAY(&v->arena, const char *, n + 1);
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		tg_buf_printf(&s, "%zu", i + 1);
		rows[i].cells[C_NO] = keep_buf(v, &s);
		for (size_t c = 0; c < NCOLS; c++)
			vt->cells[i * NCOLS + c] = rows[i].cells[c] ? rows[i].cells[c] : "";
		vt->row_level[i] = "";
		vt->row_chapters[i] = rows[i].chapter;
	}
	tg_buf_free(&s);
}

enum { S_CHAPTER, S_CLAUSES, S_EX_OWN, S_EX_DEFAULT, S_TERMS, S_AMENDS, S_ADDS, SCOLS };

static void
summary_table(cbuild *b)
{
	static const char *const headers[SCOLS] = {"章", "条項", "例示：業界の記載",
	    "例示：既定のまま", "用語（初出）", "業界補足", "業界追加"};
	static const tg_col_kind kinds[SCOLS] = {TG_COL_TEXT, TG_COL_NUMBER, TG_COL_NUMBER,
	    TG_COL_NUMBER, TG_COL_NUMBER, TG_COL_NUMBER, TG_COL_NUMBER};
	tg_view *v = b->v;
	const tg_tset *t = b->t;
	tg_vtable *vt = &v->tables[v->ntables++];
	table_shape(v, vt, "サマリー", "-summary", headers, kinds, SCOLS);
	vt->cells = TG_ARENA_ARRAY(&v->arena, const char *, (t->nfiles + 1) * SCOLS);
	size_t total[SCOLS] = {0};
	const crow *rows = (const crow *)(const void *)b->rows.data;
	size_t nrows = TG_BUF_COUNT(&b->rows, crow);
	tg_buf s = TG_BUF_INIT;
	for (size_t fi = 0; fi < t->nfiles; fi++) {
		const tg_tclause *ch = &t->clauses[t->files[fi].chapter];
		if (ch->item == NULL || !ch->chapter)
			continue;
		size_t count[SCOLS] = {0};
		for (size_t i = 0; i < t->nclauses; i++)
			if (t->clauses[i].file == fi && t->clauses[i].item != NULL)
				count[S_CLAUSES]++;
		for (size_t i = 0; i < nrows; i++) {
			if (strcmp(rows[i].chapter, ch->item->id) != 0)
				continue;
			switch (rows[i].kind) {
			case K_EXAMPLE:
				count[strcmp(rows[i].cells[C_STATE], STATE_CHANGED) == 0 ? S_EX_OWN :
				    S_EX_DEFAULT]++;
				break;
			case K_TERM: count[S_TERMS]++; break;
			case K_AMEND: count[S_AMENDS]++; break;
			default: count[S_ADDS]++; break;
			}
		}
		const char **row = &vt->cells[vt->nrows++ * SCOLS];
		tg_reg_clause_name(t, ch->item, false, &s);
		row[S_CHAPTER] = keep_buf(v, &s);
		for (size_t c = 1; c < SCOLS; c++) {
			tg_buf_printf(&s, "%zu", count[c]);
			row[c] = keep_buf(v, &s);
			total[c] += count[c];
		}
	}
	const char **row = &vt->cells[vt->nrows++ * SCOLS];
	row[S_CHAPTER] = "合計";
	for (size_t c = 1; c < SCOLS; c++) {
		tg_buf_printf(&s, "%zu", total[c]);
		row[c] = keep_buf(v, &s);
	}
	tg_buf_free(&s);
}

static void
field(tg_view *v, tg_buf *fields, const char *key, const char *value)
{
	tg_print_field f = {key, keep(v, value)};
	TG_BUF_PUSH(fields, tg_print_field, f);
}

/* What the values of the table mean (the legend of render/print.h). */
static const tg_legend_entry legend[] = {
	{"区分", "例示", "条項の中の例の語句。"},
	{"区分", "用語", "付録「用語の定義」の用語。最初に使う条項に示す。"},
	{"区分", "業界追加", "業界が加えた条項。"},
	{"区分", "業界補足", "条項の本文の後に業界が加えた文。"},
	{"状態", "業界の記載", "業界がサンプルと違う内容を定めた。"},
	{"状態", "既定と同じ", "業界が定めた内容がサンプルと同じ。"},
	{"状態", "未定義（既定を使用）", "業界が定めず、サンプルのまま。"},
	{"状態", "業界で追加", "サンプルにない事項。"},
	{"状態", "未使用", "業界が定めたが、サンプル規程のどの条項も使わない例示。"},
};

/* Where the industry's text comes from: a note under the header block
 * (when some of it is not the guideline's or an official document's own:
 * inferred or ours) and the legend's 出所 entries, in the shared words. */
static void
origin_legend(cbuild *b)
{
	tg_view *v = b->v;
	size_t nfixed = sizeof legend / sizeof legend[0];
	tg_legend_entry *entries = TG_ARENA_ARRAY(&v->arena, tg_legend_entry, nfixed +
	    TG_ORIGIN_COUNT + 1);
	memcpy(entries, legend, sizeof legend);
	size_t n = nfixed;
	tg_buf term = TG_BUF_INIT, meaning = TG_BUF_INIT, note = TG_BUF_INIT;
	for (tg_origin o = 0; o < TG_ORIGIN_COUNT; o++) {
		if (b->by_origin[o] == 0)
			continue;
		tg_origin_legend_entry(o, &term, &meaning);
		entries[n++] = (tg_legend_entry){TG_ORIGIN_COLUMN, keep_buf(v, &term),
		    keep_buf(v, &meaning)};
		if (tg_origin_marked(o))
			tg_buf_printf(&note, "%s（%zu件）。", tg_origin_text_of(o)->legend, b->by_origin[o]);
	}
	entries[n++] = (tg_legend_entry){TG_ORIGIN_COLUMN, TG_PRINT_DASH,
	    "業界が定めていない（サンプル規程の記載のまま）。"};
	v->doc.legend = entries;
	v->doc.nlegend = n;
	if (note.len > 0) {
		const char **notes = TG_ARENA_ARRAY(&v->arena, const char *, 1);
		tg_buf full = TG_BUF_INIT;
		tg_buf_printf(&full, "業界版の記載の" TG_ORIGIN_COLUMN "：%s", note.data);
		notes[0] = keep(v, full.data);
		tg_buf_free(&full);
		v->doc.notes = notes;
		v->doc.nnotes = 1;
	}
	tg_buf_free(&term);
	tg_buf_free(&meaning);
	tg_buf_free(&note);
}

/* The header block (what the table is about) and the legend. */
static void
header_block(cbuild *b)
{
	tg_view *v = b->v;
	const tg_industry *ind = b->ind;
	const tg_catalog *base = b->t->catalog;
	const tg_contrast_counts *n = &b->n;
	tg_buf fields = TG_BUF_INIT, s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s、業界ガイドラインなし", ind->title ? ind->title : tg_reg_industry_label(ind));
	field(v, &fields, "業界", s.data);
	tg_buf_clear(&s);
	if (base->publisher != NULL)
		tg_buf_puts(&s, base->publisher);
	tg_text_quote(&s, base->title);
	if (base->version != NULL)
		tg_buf_printf(&s, "%s版", base->version);
	if (base->date != NULL)
		tg_buf_printf(&s, "（%s）", base->date);
	tg_buf_puts(&s, "のサンプル規程");
	field(v, &fields, "基にしたサンプル規程", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "%zu件（業界の記載 %zu、既定と同じ %zu、未定義で既定を使用 %zu）、どの条項も"
	    "使わない業界の例示 %zu件", n->examples, n->examples_changed, n->examples_same,
	    n->examples_default, n->examples_unused);
	field(v, &fields, "例示", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "%zu件（業界の定義 %zu、うちサンプルにない用語 %zu、既定の定義 %zu）", n->terms,
	    n->terms_own, n->terms_added, n->terms - n->terms_own);
	field(v, &fields, "用語", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "業界追加 %zu件、業界補足 %zu件", n->adds, n->amends);
	field(v, &fields, "業界固有の事項", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "totsugo %s", tg_version());
	field(v, &fields, "作成", s.data);
	v->doc.title = v->title;
	v->doc.fields = tg_arena_memdup(&v->arena, fields.data, fields.len);
	v->doc.nfields = TG_BUF_COUNT(&fields, tg_print_field);
	origin_legend(b);
	v->doc.legend_name = "凡例";
	v->doc.subject = "対比表";
	v->doc.date = base->date;
	tg_buf_free(&fields);
	tg_buf_free(&s);
}

static void
chapter_filters(cbuild *b)
{
	tg_view *v = b->v;
	const tg_tset *t = b->t;
	v->chapter_ids = TG_ARENA_ARRAY(&v->arena, const char *, t->nfiles + 1);
	v->chapter_labels = TG_ARENA_ARRAY(&v->arena, const char *, t->nfiles + 1);
	tg_buf s = TG_BUF_INIT;
	for (size_t fi = 0; fi < t->nfiles; fi++) {
		const tg_tclause *ch = &t->clauses[t->files[fi].chapter];
		if (ch->item == NULL || !ch->chapter)
			continue;
		tg_reg_clause_name(t, ch->item, false, &s);
		v->chapter_ids[v->nchapters] = ch->item->id;
		v->chapter_labels[v->nchapters++] = keep_buf(v, &s);
	}
	tg_buf_free(&s);
}

tg_view *
tg_contrast_build(const tg_data *d, const tg_industry *ind, tg_contrast_counts *counts,
    tg_diag *diag)
{
	tg_reg_spec spec = {ind, NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false, NULL};
	tg_regulation *r = tg_reg_build(d, &spec, diag);
	if (r == NULL)
		return NULL;
	tg_view *v = tg_xcalloc(1, sizeof *v);
	tg_arena_init(&v->arena);
	cbuild b = {0};
	b.v = v;
	b.d = d;
	b.ind = ind;
	b.t = r->tset;
	b.r = r;
	tg_buf s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s 対比表", tg_reg_industry_label(ind));
	v->title = keep_buf(v, &s);
	tg_buf_free(&s);
	example_rows(&b);
	term_rows(&b);
	addition_rows(&b);
	header_block(&b);
	v->tables = TG_ARENA_ARRAY(&v->arena, tg_vtable, 2);
	main_table(&b);
	summary_table(&b);
	chapter_filters(&b);
	if (counts != NULL)
		*counts = b.n;
	tg_buf_free(&b.rows);
	tg_reg_free(r);
	return v;
}
