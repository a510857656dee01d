/* `init-profile`: a commented profile skeleton that loads as it is.  Every
 * parameter is written with its current value (the industry's example or
 * the registry default), so the skeleton renders the industry's sample
 * until the company edits it; type, default, description and clauses are
 * comments. */
#include <string.h>

#include "regulation.h"
#include "../util/yamlw.h"

static void
indent(tg_buf *out, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		tg_buf_putc(out, ' ');
}

/* A comment of several lines, each prefixed. */
static void
comment(tg_buf *out, unsigned ind, const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		indent(out, ind);
		tg_buf_puts(out, "# ");
		tg_buf_put(out, p, len);
		tg_buf_putc(out, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

static void
scalar(tg_buf *out, const tg_node *n, bool raw_plain)
{
	if (raw_plain && n->plain)
		tg_buf_puts(out, n->str);
	else
		tg_yamlw_scalar(out, n->str);
}

/* A value node at `ind`, after "key:" (no newline written yet). */
static void
value(tg_buf *out, const tg_node *n, unsigned ind, bool raw_plain)
{
	if (n->kind == TG_NODE_SCALAR) {
		tg_buf_putc(out, ' ');
		scalar(out, n, raw_plain);
		tg_buf_putc(out, '\n');
		return;
	}
	if (n->n == 0) {
		tg_buf_puts(out, n->kind == TG_NODE_SEQ ? " []\n" : " {}\n");
		return;
	}
	tg_buf_putc(out, '\n');
	for (size_t i = 0; i < n->n; i++) {
		if (n->kind == TG_NODE_SEQ) {
			const tg_node *item = n->items[i];
			indent(out, ind);
			tg_buf_puts(out, "-");
			if (item->kind == TG_NODE_MAP && item->n > 0) {
				for (size_t k = 0; k < item->n; k++) {
					if (k > 0)
						indent(out, ind + 1);
					tg_buf_putc(out, ' ');
					scalar(out, tg_node_key(item, k), false);
					tg_buf_putc(out, ':');
					value(out, tg_node_value(item, k), ind + 4, raw_plain);
				}
			} else {
				value(out, item, ind + 2, raw_plain);
			}
		} else {
			indent(out, ind);
			scalar(out, tg_node_key(n, i), false);
			tg_buf_putc(out, ':');
			value(out, tg_node_value(n, i), ind + 2, raw_plain);
		}
	}
}

/* A value for a required parameter without a default: something of the
 * right type that the company must replace. */
static void
placeholder(tg_buf *out, const tg_param *p)
{
	switch (p->type) {
	case TG_PARAM_INTEGER:
		tg_buf_printf(out, " %ld\n", p->has_min ? p->min : 1);
		break;
	case TG_PARAM_DATE:
		tg_buf_puts(out, " 2025-04-01\n");
		break;
	case TG_PARAM_BOOLEAN:
		tg_buf_puts(out, " false\n");
		break;
	case TG_PARAM_LIST:
		tg_buf_puts(out, "\n    - ○○\n");
		break;
	case TG_PARAM_TABLE:
		tg_buf_putc(out, '\n');
		for (size_t i = 0; i < p->ncolumns; i++)
			tg_buf_printf(out, "    %s %s: ○○\n", i == 0 ? "-" : " ", p->columns[i]);
		break;
	case TG_PARAM_STRING:
		tg_buf_puts(out, p->example ? " " : " ○○\n");
		if (p->example) {
			tg_yamlw_scalar(out, p->example);
			tg_buf_putc(out, '\n');
		}
		break;
	}
}

static const char *
example_text(const tg_industry *ind, const char *name)
{
	static const char prefix[] = "industry.examples.";
	if (strncmp(name, prefix, sizeof prefix - 1) != 0)
		return NULL;
	for (size_t i = 0; i < ind->nexamples; i++)
		if (ind->examples[i].key && strcmp(ind->examples[i].key, name + sizeof prefix - 1) == 0)
			return ind->examples[i].text;
	return NULL;
}

static void
parameter(tg_buf *out, const tg_data *d, const tg_paramset *ps, const tg_industry *ind,
    const tg_param *p)
{
	tg_buf c = TG_BUF_INIT;
	tg_buf_printf(&c, "--- %s（%s", p->name, tg_param_type_name(p->type));
	if (p->type == TG_PARAM_TABLE) {
		tg_buf_puts(&c, "：列 ");
		for (size_t i = 0; i < p->ncolumns; i++)
			tg_buf_printf(&c, "%s%s", i ? ", " : "", p->columns[i]);
	}
	if (p->has_min || p->has_max)
		tg_buf_printf(&c, "、%ld〜%ld", p->has_min ? p->min : 0, p->has_max ? p->max : 0);
	tg_buf_printf(&c, "%s）\n%s", p->required ? "、必須" : "", p->description ? p->description : "");
	comment(out, 2, c.data);
	tg_buf_clear(&c);
	if (p->nclauses > 0) {
		tg_buf_puts(&c, "使う条項：");
		for (size_t i = 0; i < p->nclauses; i++) {
			const tg_item *it = tg_data_ref(d, p->clauses[i], ps->catalog);
			tg_buf_printf(&c, "%s%s", i ? "、" : "", p->clauses[i]);
			if (it != NULL && it->title != NULL)
				tg_buf_printf(&c, " %s", it->title);
		}
		comment(out, 2, c.data);
		tg_buf_clear(&c);
	}
	if (strcmp(p->name, TG_REG_REVISION_DATE) == 0) {
		/* Dated by the revisions below: a value here would stay behind
		 * when a revision is added. */
		comment(out, 2, "（下の revisions の最新の日付が入るため、ここには書かない。）");
		tg_buf_putc(out, '\n');
		tg_buf_free(&c);
		return;
	}
	const char *example = example_text(ind, p->name);
	bool scalar_def = p->def != NULL && p->def->kind == TG_NODE_SCALAR;
	if (example != NULL && scalar_def) {
		tg_buf_puts(&c, "既定値：");
		tg_buf_puts(&c, p->def->str);
		comment(out, 2, c.data);
		comment(out, 2, "（下の値は業界の例。この行を消すと業界の例のまま使う。）");
	} else if (p->def == NULL) {
		comment(out, 2, "既定値なし：自社の値を入れる。");
	} else {
		comment(out, 2, "（下の値は既定値。自社の値に書き換える。）");
	}
	tg_buf_free(&c);
	tg_buf_puts(out, "  ");
	tg_yamlw_scalar(out, p->name);
	tg_buf_putc(out, ':');
	if (example != NULL) {
		tg_buf_putc(out, ' ');
		tg_yamlw_scalar(out, example);
		tg_buf_putc(out, '\n');
	} else if (p->def != NULL) {
		/* Integers and booleans stay plain; everything else reads back as text. */
		value(out, p->def, 4, p->type == TG_PARAM_INTEGER || p->type == TG_PARAM_BOOLEAN);
	} else {
		placeholder(out, p);
	}
	tg_buf_putc(out, '\n');
}

void
tg_reg_skeleton(const tg_data *d, const tg_industry *ind, tg_buf *out)
{
	const tg_tset *t = tg_reg_tset_for(d, ind->baseline);
	const tg_catalog *g = ind->guideline;
	tg_buf c = TG_BUF_INIT;
	tg_buf_printf(&c, "%s向け情報セキュリティ関連規程のプロファイル（会社ごとの調整）。\n"
	    "id を自社の名前に変え、値を自社に合わせて書き換えて mappings/profiles/ に置く。\n"
	    "確認: totsugo validate  出力: totsugo render --industry %s --profile ID\n"
	    "書式は docs/regulation.md を参照。", ind->title ? ind->title : ind->id, ind->id);
	comment(out, 0, c.data);
	tg_buf_printf(out, "kind: profile\nid: %s-company\nindustry: %s\n", ind->id, ind->id);
	comment(out, 0, "規程の表題。省略すると「（会社名） 情報セキュリティ関連規程」とする。");
	tg_buf_puts(out, "# title: 株式会社○○○○ 情報セキュリティ関連規程\n");
	tg_buf_puts(out, "# description: （会社の概要。出力には出ない。）\n");
	if (g != NULL && g->nlevels > 0) {
		tg_buf_clear(&c);
		tg_buf_puts(&c, "目標とする業界ガイドラインのレベル（");
		for (size_t i = 0; i < g->nlevels; i++)
			tg_buf_printf(&c, "%s%s", i ? "、" : "", g->levels[i]);
		tg_buf_puts(&c, "）。累積的に読む。render --level で上書きできる。");
		comment(out, 0, c.data);
		tg_buf_puts(out, "level: ");
		tg_yamlw_scalar(out, ind->default_level >= 0 ? g->levels[ind->default_level] : g->levels[0]);
		tg_buf_putc(out, '\n');
	} else if (g != NULL) {
		comment(out, 0, "level: この業界のガイドラインにはレベルの区分がないため指定しない。");
	}
	tg_buf_puts(out, "\n");
	comment(out, 0, "パラメータ：テンプレートに入る値。優先順位は、ここに書いた値、業界の例"
	    "（industry.examples.*）、既定値の順。");
	tg_buf_puts(out, "parameters:\n");
	for (size_t i = 0; t != NULL && i < t->params->nparams; i++)
		parameter(out, d, t->params, ind, &t->params->params[i]);
	const char *clause = NULL;
	/* The examples name a real clause: the first 小項目-like leaf. */
	for (unsigned min_depth = 3; clause == NULL && min_depth > 0; min_depth--)
		for (size_t i = 0; t != NULL && i < t->nclauses && clause == NULL; i++) {
			const tg_item *it = t->clauses[i].item;
			if (!t->clauses[i].chapter && it != NULL && it->nchildren == 0 && it->depth >= min_depth)
				clause = it->id;
		}
	if (clause == NULL)
		clause = "CLAUSE-ID";
	/* An industry item with an addition or a supplement, for the examples. */
	const char *item = NULL;
	for (size_t i = 0; g != NULL && i < g->nitems && item == NULL; i++)
		if (tg_reg_proposal_row(ind, g->items[i]) != NULL)
			item = g->items[i]->id;
	comment(out, 0, "適用除外：本文から除き、付録「適用除外一覧」に理由とともに示す。clause は条項（下位の条項も"
	    "除く）、item は業界ガイドラインの項目（その業界追加・業界補足を除く）。");
	tg_buf_puts(out, "exclude: []\n");
	tg_buf_printf(out, "# exclude:\n#   - clause: %s\n#     reason: （適用しない理由）\n", clause);
	if (item != NULL)
		tg_buf_printf(out, "#   - item: \"%s\"\n#     reason: （適用しない理由）\n", item);
	tg_buf_putc(out, '\n');
	comment(out, 0, "本文の置換え：clause は条項の本文、item は業界追加・業界補足の文。text は Mustache "
	    "テンプレート（{{company.name}} 等が使える）。");
	tg_buf_puts(out, "replace: []\n");
	tg_buf_printf(out, "# replace:\n#   - clause: %s\n#     text: |\n#       （自社の本文）\n", clause);
	if (item != NULL)
		tg_buf_printf(out, "#   - item: \"%s\"\n#     text: |\n#       （自社の文）\n", item);
	tg_buf_putc(out, '\n');
	comment(out, 0, "改訂履歴：付録「改訂履歴」に日付順に示し、最新の日付を各章の改訂日とする"
	    "（空のあいだ、改訂日は○○のまま）。");
	tg_buf_puts(out, "revisions: []\n");
	tg_buf_puts(out, "# revisions:\n#   - date: 2025-04-01\n#     version: 第1版\n#     description: 制定\n");
	tg_buf_free(&c);
}
