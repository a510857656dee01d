/* A baseline's scoring rules, read from its catalog's meta (the 自社診断
 * of IPA's guideline keeps them in meta.app3): which answers there are,
 * what each is worth, the maximum and the result bands.  The rules are
 * data; nothing here knows 4 / 2 / 0 / -1. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

static bool
read_number(const tg_node *n, double *out)
{
	if (n == NULL || n->kind != TG_NODE_SCALAR || tg_node_is_null(n))
		return false;
	char *end;
	errno = 0;
	double v = strtod(n->str, &end);
	if (end == n->str || *end != '\0' || errno != 0 || !isfinite(v))
		return false;
	*out = v;
	return true;
}

bool
tg_scoring_read(const tg_catalog *c, const char *key, tg_pos ref, tg_arena *a,
    tg_scoring *out, tg_diag *diag)
{
	memset(out, 0, sizeof *out);
	out->key = key;
	size_t before = tg_diag_errors(diag);
	const tg_node *rules = c->meta ? tg_node_get(c->meta, key) : NULL;
	if (rules == NULL || rules->kind != TG_NODE_MAP) {
		tg_diag_error(diag, ref, "catalog '%s' has no scoring rules meta.%s (answers, max_score, "
		    "result_bands)", c->id, key);
		return false;
	}
	const tg_node *answers = tg_node_get(rules, "answers");
	if (answers == NULL || answers->kind != TG_NODE_SEQ || answers->n == 0) {
		tg_diag_error(diag, answers ? answers->pos : rules->pos, "meta.%s.answers must be a list "
		    "of {label, score}", key);
	} else {
		out->answers = TG_ARENA_ARRAY(a, tg_form_option, answers->n);
		for (size_t i = 0; i < answers->n; i++) {
			const tg_node *n = answers->items[i];
			const tg_node *label = n->kind == TG_NODE_MAP ? tg_node_get(n, "label") : NULL;
			tg_form_option *o = &out->answers[out->nanswers];
			o->pos = n->pos;
			if (label == NULL || label->kind != TG_NODE_SCALAR || tg_node_is_null(label) ||
			    !read_number(tg_node_get(n, "score"), &o->score)) {
				tg_diag_error(diag, n->pos, "an answer of meta.%s needs a label and a numeric "
				    "score", key);
				continue;
			}
			o->label = label->str;
			o->has_score = true;
			for (size_t k = 0; k < out->nanswers; k++)
				if (strcmp(out->answers[k].label, o->label) == 0)
					tg_diag_error(diag, n->pos, "answer '%s' is listed twice", o->label);
			out->nanswers++;
		}
	}
	if (!read_number(tg_node_get(rules, "max_score"), &out->max_score) || out->max_score <= 0)
		tg_diag_error(diag, rules->pos, "meta.%s.max_score must be a positive number", key);
	const tg_node *bands = tg_node_get(rules, "result_bands");
	if (bands == NULL || bands->kind != TG_NODE_SEQ || bands->n == 0) {
		tg_diag_error(diag, bands ? bands->pos : rules->pos, "meta.%s.result_bands must be a list "
		    "of {min, max}", key);
	} else {
		out->bands = TG_ARENA_ARRAY(a, tg_score_band, bands->n);
		for (size_t i = 0; i < bands->n; i++) {
			const tg_node *n = bands->items[i];
			tg_score_band *b = &out->bands[out->nbands];
			b->pos = n->pos;
			if (n->kind != TG_NODE_MAP) {
				tg_diag_error(diag, n->pos, "a band of meta.%s must be a mapping {min, max}", key);
				continue;
			}
			const tg_node *min = tg_node_get(n, "min"), *max = tg_node_get(n, "max");
			b->has_min = min != NULL && read_number(min, &b->min);
			b->has_max = max != NULL && read_number(max, &b->max);
			if ((min != NULL && !b->has_min) || (max != NULL && !b->has_max) ||
			    (!b->has_min && !b->has_max) || (b->has_min && b->has_max && b->min > b->max)) {
				tg_diag_error(diag, n->pos, "a band of meta.%s needs a numeric min and/or max "
				    "(min <= max)", key);
				continue;
			}
			out->nbands++;
		}
	}
	return tg_diag_errors(diag) == before;
}

int
tg_scoring_band(const tg_scoring *s, double score)
{
	for (size_t i = 0; i < s->nbands; i++) {
		const tg_score_band *b = &s->bands[i];
		if ((!b->has_min || score >= b->min) && (!b->has_max || score <= b->max))
			return (int)i;
	}
	return -1;
}

void
tg_scoring_band_range(const tg_score_band *b, tg_buf *out)
{
	if (b->has_min && b->has_max && b->min == b->max)
		tg_buf_printf(out, "%g点", b->min);
	else if (b->has_min && b->has_max)
		tg_buf_printf(out, "%g〜%g点", b->min, b->max);
	else if (b->has_min)
		tg_buf_printf(out, "%g点以上", b->min);
	else
		tg_buf_printf(out, "%g点以下", b->max);
}

tg_gap_kind
tg_option_gap(const tg_form_option *opts, size_t n, size_t i)
{
	if (!opts[i].has_score)
		return TG_GAP_EXCLUDED;
	double best = -INFINITY;
	for (size_t k = 0; k < n; k++)
		if (opts[k].has_score && opts[k].score > best)
			best = opts[k].score;
	double s = opts[i].score;
	if (s >= best)
		return TG_GAP_NONE;
	if (s > 0)
		return TG_GAP_PARTIAL;
	if (s == 0)
		return TG_GAP_MISSING;
	return TG_GAP_UNKNOWN;
}
