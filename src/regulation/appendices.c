/* Assembling the regulation, the appendices and front matter: the 対応表
 * (cross references), the 改訂履歴 (revisions), 本書について and the
 * titles.  Rules: docs/regulation.md. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../render/escape.h"
#include "../render/provenance.h"
#include "../util/text.h"

static int
by_index(const void *pa, const void *pb)
{
	const tg_item *a = *(const tg_item *const *)pa, *b = *(const tg_item *const *)pb;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Without a guideline: the clauses holding the industry's own additions
 * and supplements, with their titles. */
/* How the regulation treats the industry text at a clause (付録A's last
 * column): 適用除外, the other edition, the numbers of its additions and
 * its supplements, and what the company's profile dropped (exclude: item). */
static void
treatment(builder *b, const slot *s, tg_buf *t)
{
	if (s->gone) {
		tg_buf_puts(t, "適用除外");
		return;
	}
	if (!s->shows_text) {
		tg_buf_printf(t, "本文は%s",
		    tg_reg_asm_edition_name(b->r->spec.split == TG_REG_SPLIT_MANAGEMENT ?
		    TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT));
		return;
	}
	size_t nnum = TG_BUF_COUNT(&s->numbers, const char *);
	for (size_t k = 0; k < nnum; k++)
		tg_buf_printf(t, "%s%s", k ? "、" : "業界追加 ", TG_BUF_AT(&s->numbers, const char *, k));
	/* What the company's profile dropped, by number. */
	tg_buf dropped = TG_BUF_INIT;
	const tg_item *ci = s->tc->item;
	for (size_t k = 0; k < TG_BUF_COUNT(&s->adds, piece); k++) {
		const piece *pc = &TG_BUF_AT(&s->adds, piece, k);
		const item_edit *ed = tg_reg_asm_item_edit(b, pc->source, pc->addition);
		if (ed != NULL && ed->reason != NULL)
			tg_buf_printf(&dropped, "%s業界追加 %s%s%zu", dropped.len ? "、" : "",
			    ci->depth > 0 ? ci->ref : "", ci->depth > 0 ? "." : "", ci->nchildren + k + 1);
	}
	size_t kept_amends = 0;
	for (size_t k = 0; k < TG_BUF_COUNT(&s->amends, piece); k++) {
		const piece *pc = &TG_BUF_AT(&s->amends, piece, k);
		const item_edit *ed = tg_reg_asm_item_edit(b, pc->source, pc->addition);
		if (ed != NULL && ed->reason != NULL)
			tg_buf_printf(&dropped, "%s業界補足", dropped.len ? "、" : "");
		else
			kept_amends++;
	}
	if (kept_amends > 0)
		tg_buf_printf(t, "%s業界補足", t->len ? "、" : "");
	if (t->len == 0)
		tg_buf_puts(t, "本文で対応");
	if (dropped.len > 0)
		tg_buf_printf(t, "（%sは適用除外）", dropped.data);
	tg_buf_free(&dropped);
}

static void
own_xrefs(builder *b)
{
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		size_t na = TG_BUF_COUNT(&s->adds, piece), nm = TG_BUF_COUNT(&s->amends, piece);
		if (s->tc->item == NULL || !s->in_edition || na + nm == 0)
			continue;
		tg_reg_xref x = {0};
		x.clause = s->tc->item;
		x.name = tg_reg_asm_clause_name(b, s->tc->item);
		x.anchor = s->gone ? NULL : s->anchor;
		x.labels = TG_ARENA_ARRAY(&b->r->arena, const char *, na + nm);
		tg_buf t = TG_BUF_INIT;
		for (size_t k = 0; k < na + nm; k++) {
			const piece *p = k < na ? &TG_BUF_AT(&s->adds, piece, k) :
			    &TG_BUF_AT(&s->amends, piece, k - na);
			const char *title = p->addition ? p->addition->title : NULL;
			tg_buf_clear(&t);
			tg_buf_printf(&t, "%s：%s", k < na ? "追加" : "補足", title ? title : "");
			x.labels[k] = tg_reg_asm_adup(b, t.data);
		}
		x.nitems = na + nm;
		tg_buf_clear(&t);
		treatment(b, s, &t);
		x.treatment = tg_reg_asm_adup(b, t.data);
		tg_buf_free(&t);
		TG_BUF_PUSH(&b->xrefs, tg_reg_xref, x);
	}
}

void
tg_reg_asm_build_xrefs(builder *b)
{
	if (b->r->spec.ind->guideline == NULL) {
		own_xrefs(b);
		return;
	}
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		if (s->tc->item == NULL || !s->in_edition)
			continue;
		tg_buf items = TG_BUF_INIT;
		for (size_t k = 0; k < TG_BUF_COUNT(&s->labels, const tg_item *); k++)
			tg_reg_asm_push_unique(&items, TG_BUF_AT(&s->labels, const tg_item *, k));
		for (size_t k = 0; k < TG_BUF_COUNT(&s->adds, piece); k++)
			if (TG_BUF_AT(&s->adds, piece, k).source != NULL)
				tg_reg_asm_push_unique(&items, TG_BUF_AT(&s->adds, piece, k).source);
		size_t n = TG_BUF_COUNT(&items, const tg_item *);
		if (n == 0) {
			tg_buf_free(&items);
			continue;
		}
		qsort(items.data, n, sizeof(const tg_item *), by_index);
		tg_reg_xref x = {0};
		x.clause = s->tc->item;
		x.name = tg_reg_asm_clause_name(b, s->tc->item);
		x.anchor = s->gone ? NULL : s->anchor;
		x.items = tg_arena_memdup(&b->r->arena, items.data, items.len);
		x.labels = TG_ARENA_ARRAY(&b->r->arena, const char *, n);
		for (size_t k = 0; k < n; k++) {
			x.labels[k] = tg_reg_asm_label(b, x.items[k], true);
			tg_origin o = tg_item_origin(x.items[k]);
			if (tg_origin_marked(o)) {
				b->r->xref_marks |= 1u << o;
				b->r->marks |= 1u << o;
			}
		}
		x.nitems = n;
		tg_buf t = TG_BUF_INIT;
		treatment(b, s, &t);
		x.treatment = tg_reg_asm_adup(b, t.data);
		tg_buf_free(&t);
		TG_BUF_PUSH(&b->xrefs, tg_reg_xref, x);
		tg_buf_free(&items);
	}
}

void
tg_reg_asm_build_terms(builder *b)
{
	const tg_industry *ind = b->r->spec.ind;
	const tg_paramset *ps = b->t->params;
	size_t max = ind->nterms + (ps ? ps->nterms : 0);
	const tg_term **list = TG_ARENA_ARRAY(&b->r->arena, const tg_term *, max ? max : 1);
	size_t n = 0;
	for (size_t i = 0; i < ind->nterms; i++)
		if (ind->terms[i].term != NULL && ind->terms[i].definition != NULL)
			list[n++] = &ind->terms[i];
	for (size_t i = 0; ps != NULL && i < ps->nterms; i++) {
		const tg_term *t = &ps->terms[i];
		bool own = false;
		for (size_t k = 0; k < ind->nterms && !own; k++)
			own = ind->terms[k].term != NULL && t->term != NULL &&
			    strcmp(ind->terms[k].term, t->term) == 0;
		if (!own && t->term != NULL && t->definition != NULL)
			list[n++] = t;
	}
	b->r->terms = list;
	b->r->nterms = n;
}

static int
by_date(const void *pa, const void *pb)
{
	const tg_node *a = *(const tg_node *const *)pa, *b = *(const tg_node *const *)pb;
	const tg_node *da = tg_node_get(a, "date"), *db = tg_node_get(b, "date");
	int c = strcmp(da ? da->str : "", db ? db->str : "");
	/* Same date: the order written (positions are in one file). */
	return c != 0 ? c : a->pos.line < b->pos.line ? -1 : a->pos.line > b->pos.line;
}

static const char *
value_text(const tg_node *ctx, const char *dotted)
{
	const tg_node *n = ctx;
	char *copy = tg_xstrdup(dotted);
	for (char *p = copy, *dot; n != NULL; p = dot + 1) {
		dot = strchr(p, '.');
		if (dot != NULL)
			*dot = '\0';
		n = n->kind == TG_NODE_MAP ? tg_node_get(n, p) : NULL;
		if (dot == NULL)
			break;
	}
	free(copy);
	return n != NULL && n->kind == TG_NODE_SCALAR ? n->str : NULL;
}

static const char *
md(builder *b, const char *s)
{
	tg_buf out = TG_BUF_INIT;
	tg_esc_md_text(&out, s);
	const char *r = tg_reg_asm_adup(b, tg_buf_cstr(&out));
	tg_buf_free(&out);
	return r;
}

/* 2025-04-01 -> 2025年4月1日. */
static const char *
date_text(builder *b, const char *iso)
{
	int y = 0, m = 0, d = 0;
	int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	tg_buf out = TG_BUF_INIT;
	if (n >= 1)
		tg_buf_printf(&out, "%d年", y);
	if (n >= 2)
		tg_buf_printf(&out, "%d月", m);
	if (n >= 3)
		tg_buf_printf(&out, "%d日", d);
	const char *r = tg_reg_asm_adup(b, n >= 1 ? out.data : iso);
	tg_buf_free(&out);
	return r;
}

const char *const tg_reg_control_names[5] = {"版", "制定日", "改訂日", "承認者", "管理責任者"};

/* The document control of the cover, from the revisions and the profile's
 * `document` (approver: else the representative of the 基本方針; owner:
 * else the 情報セキュリティ責任者 of chapter 1). */
static void
control(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_reg_revision *first = &r->revisions[0], *last = &r->revisions[r->nrevisions - 1];
	const tg_node *doc = tg_reg_profile_get(r->spec.profile, "document");
	const tg_node *approver = doc && doc->kind == TG_NODE_MAP ? tg_node_get(doc, "approver") : NULL;
	const tg_node *owner = doc && doc->kind == TG_NODE_MAP ? tg_node_get(doc, "owner") : NULL;
	const char *rep = value_text(ctx, "company.representative");
	r->control[0] = last->version;
	r->control[1] = first->date[0] ? first->date : "―";
	r->control[2] = r->nrevisions > 1 && last->date[0] ? last->date : "―";
	r->control[3] = approver && approver->kind == TG_NODE_SCALAR ? approver->str : rep ? rep : "―";
	r->control[4] = owner && owner->kind == TG_NODE_SCALAR ? owner->str : "情報セキュリティ責任者";
}

void
tg_reg_asm_build_revisions(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_node *revs = tg_reg_profile_get(r->spec.profile, "revisions");
	size_t n = revs != NULL && revs->kind == TG_NODE_SEQ ? revs->n : 0;
	if (n == 0) {
		const char *date = value_text(ctx, "revision.date");
		r->revisions = TG_ARENA_NEW(&r->arena, tg_reg_revision);
		r->revisions[0].version = "初版";
		r->revisions[0].date = date ? date : "";
		r->revisions[0].description = "制定";
		r->nrevisions = 1;
		control(b, ctx);
		return;
	}
	const tg_node **sorted = tg_xcalloc(n, sizeof *sorted);
	memcpy(sorted, revs->items, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_date);
	r->revisions = TG_ARENA_ARRAY(&r->arena, tg_reg_revision, n);
	for (size_t i = 0; i < n; i++) {
		const tg_node *v = tg_node_get(sorted[i], "version");
		const tg_node *date = tg_node_get(sorted[i], "date");
		const tg_node *desc = tg_node_get(sorted[i], "description");
		tg_reg_revision *rv = &r->revisions[i];
		if (v != NULL && v->kind == TG_NODE_SCALAR) {
			rv->version = v->str;
		} else {
			tg_buf t = TG_BUF_INIT;
			tg_buf_printf(&t, "第%zu版", i + 1);
			rv->version = tg_reg_asm_adup(b, t.data);
			tg_buf_free(&t);
		}
		rv->date = date && date->kind == TG_NODE_SCALAR ? date_text(b, date->str) : "";
		rv->description = desc && desc->kind == TG_NODE_SCALAR ? desc->str : "";
	}
	r->nrevisions = n;
	free(sorted);
	control(b, ctx);
}

/* 「title」第3.1版 / 「title」2.3版（2025年9月）. */
static void
cite(builder *b, tg_buf *out, const tg_catalog *c, bool ordinal)
{
	/* A title quoting itself (日建連「…」) names its publisher already. */
	bool quoted = strstr(c->title, "「") != NULL;
	if (c->publisher != NULL && !quoted)
		tg_buf_puts(out, c->publisher);
	tg_buf_printf(out, "%s%s%s", quoted ? "" : "「", c->title, quoted ? "" : "」");
	bool year_version = c->version != NULL && c->date != NULL && strlen(c->version) == 4 &&
	    strncmp(c->version, c->date, 4) == 0;
	if (c->version != NULL && !year_version)
		tg_buf_printf(out, "%s%s版", ordinal ? "第" : "", c->version);
	if (c->date != NULL && !ordinal)
		tg_buf_printf(out, "%s%s%s", year_version ? "" : "（", date_text(b, c->date),
		    year_version ? "版" : "）");
}

void
tg_reg_asm_about(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_industry *ind = r->spec.ind;
	tg_buf list = TG_BUF_INIT, p = TG_BUF_INIT;
	/* What it is based on: the template roots (付録2, 付録5). */
	tg_buf_puts(&p, "本規程は、");
	cite(b, &p, r->tset->catalog, true);
	tg_buf_puts(&p, "の");
	const tg_item *prev = NULL;
	for (size_t i = 0; i < r->nchapters; i++) {
		const tg_item *root = r->chapters[i].item;
		while (root->parent != NULL)
			root = root->parent;
		if (root == prev)
			continue;
		tg_buf_printf(&p, "%s%s", prev ? "及び" : "", root->ref);
		tg_text_quote(&p, root->title ? root->title : "");
		prev = root;
	}
	tg_buf_puts(&p, "を基に、");
	if (ind->guideline != NULL) {
		cite(b, &p, ind->guideline, false);
		tg_buf_puts(&p, "との突合の結果を反映した、");
	} else {
		tg_buf_puts(&p, "業界で扱う情報、業界の用語及び業界に固有の事項を反映した、");
	}
	tg_buf_printf(&p, "%s向けの情報セキュリティ関連規程である。", ind->title ? ind->title : ind->id);
	if (r->spec.profile != NULL) {
		const char *company = value_text(ctx, "company.name");
		if (company != NULL)
			tg_buf_printf(&p, "%sの事業に合わせて調整している。", company);
	}
	TG_BUF_PUSH(&list, const char *, md(b, p.data));
	tg_buf_clear(&p);
	if (ind->guideline != NULL)
		tg_buf_printf(&p, "業界ガイドラインにのみ記載のある事項は、関係する条項の後に「（業界追加）」と記した"
		    "条項として加え（%zu件）、既存の条項を補う事項は「（業界補足）」として条項の本文の後に記した（%zu件）。"
		    "いずれも業界ガイドラインの項目番号を付している。", b->nadds, b->namends);
	else
		tg_buf_printf(&p, "この業界には業界団体の情報セキュリティガイドラインがないため、業界の要素と用語を"
		    "基にしたサンプルに反映して作成した。条項中の例示と付録「用語の定義」には業界で定めた例と定義を用い、"
		    "業界が定めていないものはサンプルのままとした。業界に固有の事項は、関係する条項の後に"
		    "「（業界追加：%s）」と記した条項として加え（%zu件）、既存の条項を補う事項は「（業界補足：%s）」"
		    "として条項の本文の後に記した（%zu件）。", tg_reg_industry_label(ind), b->nadds,
		    tg_reg_industry_label(ind), b->namends);
	TG_BUF_PUSH(&list, const char *, md(b, p.data));
	if (r->level_text != NULL) {
		tg_buf_clear(&p);
		tg_buf_printf(&p, "対象レベル：%s", r->level_text);
		TG_BUF_PUSH(&list, const char *, md(b, p.data));
	}
	if (r->edition != NULL) {
		tg_buf_clear(&p);
		bool mgmt = r->spec.split == TG_REG_SPLIT_MANAGEMENT;
		tg_buf_printf(&p, "本書は%sである。基にしたサンプルの条項のうち、%sに関する条項をまとめた。%sに関する条項の"
		    "本文は%sに収め、本書では見出しだけを示す。分類のない条項は両方の編に収める。",
		    r->edition, mgmt ? "組織、人、ルール、委託及び事故対応の体制" : "機器、ネットワーク、"
		    "アクセス制御の設定及びバックアップ", mgmt ? "技術的な設定" : "組織・人・ルール",
		    tg_reg_asm_edition_name(mgmt ? TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT));
		TG_BUF_PUSH(&list, const char *, md(b, p.data));
	}
	if (r->spec.labels && ind->guideline != NULL) {
		TG_BUF_PUSH(&list, const char *, md(b, "各条項の後の〔　〕内は、その条項が対応する業界ガイドライン"
		    "の項目（番号とレベル）である。"));
	}
	if (r->marks != 0) {
		tg_buf_clear(&p);
		tg_origin_footnotes(r->marks, &p, "");
		TG_BUF_PUSH(&list, const char *, md(b, p.data));
	}
	/* Say whose numbers these are: below the chapters, partly ours. */
	bool reconstructed = false;
	for (size_t i = 0; i < r->tset->nclauses && !reconstructed; i++) {
		const tg_item *it = r->tset->clauses[i].item;
		reconstructed = it != NULL && !r->tset->clauses[i].chapter &&
		    it->prov.kind == TG_PROV_AUTHORED;
	}
	TG_BUF_PUSH(&list, const char *, md(b, reconstructed ?
	    "条項の番号は、章は基にしたサンプルのとおりとし、章より下は本ツールが再構成した番号"
	    "（基にしたサンプルの番号と異なる場合がある）を用いる。番号は付け直さず、適用除外とした条項の"
	    "番号は欠番として、その理由を付録「適用除外一覧」に示す。本文中の参照は、章・節・条"
	    "（例：第3章、3.2節、3.2.1条）で示す。" :
	    "条項の番号は基にしたサンプルの番号をそのまま用いる。適用除外とした条項の番号は欠番とし、"
	    "その理由を付録「適用除外一覧」に示す。本文中の参照は、章・節・条（例：第3章、3.2節、"
	    "3.2.1条）で示す。"));
	r->nabout = TG_BUF_COUNT(&list, const char *);
	r->about = tg_arena_memdup(&r->arena, list.data, list.len);
	tg_buf_free(&list);
	tg_buf_free(&p);
}

void
tg_reg_asm_titles(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_industry *ind = r->spec.ind;
	const tg_catalog *g = ind->guideline;
	r->edition = tg_reg_asm_edition_name(r->spec.split);
	tg_buf t = TG_BUF_INIT;
	const tg_node *title = tg_reg_profile_get(r->spec.profile, "title");
	const char *company = value_text(ctx, "company.name");
	if (title != NULL && title->kind == TG_NODE_SCALAR && !tg_node_is_null(title))
		tg_buf_puts(&t, title->str);
	else if (r->spec.profile != NULL && company != NULL)
		tg_buf_printf(&t, "%s 情報セキュリティ関連規程", company);
	else
		tg_buf_printf(&t, "業界向け情報セキュリティサンプル規程（%s）", ind->title ? ind->title : ind->id);
	if (r->edition != NULL)
		tg_buf_printf(&t, "　%s", r->edition);
	r->title = tg_reg_asm_adup(b, t.data);
	r->company = r->spec.profile != NULL && company != NULL ? tg_reg_asm_adup(b, company) : NULL;
	tg_buf_clear(&t);
	if (g != NULL && g->nlevels > 0) {
		if (r->spec.level == TG_REG_LEVEL_ALL)
			tg_buf_puts(&t, "全レベル（業界ガイドラインの全ての項目を対象とする。）");
		else
			tg_buf_printf(&t, "%s（%sまでに求められる項目を累積して対象とする。レベルが不明の項目は"
			    "除外せずに対象とし、「不明」と表示する。基にしたサンプルの条項はレベルによらず"
			    "全て収める。）", g->levels[r->spec.level], g->levels[r->spec.level]);
		r->level_text = tg_reg_asm_adup(b, t.data);
	}
	tg_buf_free(&t);
}
