/* Normalising Japanese text for comparison, cutting it into n-grams, and
 * finding the words of the term dictionary in it. */
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "../diff/diff.h"
#include "../util/utf8.h"

void
tg_sg_text_clear(tg_sg_text *t)
{
	t->n = 0;
}

void
tg_sg_text_free(tg_sg_text *t)
{
	free(t->cp);
	free(t->from);
	free(t->to);
	memset(t, 0, sizeof *t);
}

static void
push(tg_sg_text *t, uint32_t cp, size_t from, size_t to)
{
	/* One break is enough between two words. */
	if (cp == 0 && (t->n == 0 || t->cp[t->n - 1] == 0))
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cp = tg_xrealloc(t->cp, t->cap * sizeof *t->cp);
		t->from = tg_xrealloc(t->from, t->cap * sizeof *t->from);
		t->to = tg_xrealloc(t->to, t->cap * sizeof *t->to);
	}
	t->cp[t->n] = cp;
	t->from[t->n] = (uint32_t)from;
	t->to[t->n] = (uint32_t)to;
	t->n++;
}

/* Half-width katakana U+FF66-U+FF9D as full-width. */
static const uint16_t halfwidth_kana[] = {
	0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,	/* ｦ-ｯ */
	0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1,	/* ｰ-ｹ */
	0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6,	/* ｺ-ﾃ */
	0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,	/* ﾄ-ﾍ */
	0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9,	/* ﾎ-ﾗ */
	0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,				/* ﾘ-ﾝ */
};

/* Small kana as large ones (ィ → イ, ッ → ツ): "ウィルス" and "ウイルス",
 * "セキュリティ" and "セキユリテイ" compare equal. */
static uint32_t
large_kana(uint32_t cp)
{
	uint32_t base = cp >= 0x30A0 ? cp - 0x60 : cp;	/* as hiragana */
	uint32_t out = base;
	switch (base) {
	case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049:	/* ぁぃぅぇぉ */
	case 0x3063: case 0x3083: case 0x3085: case 0x3087: case 0x308E:	/* っゃゅょゎ */
		out = base + 1;
		break;
	case 0x3095: out = 0x304B; break;	/* ゕ → か */
	case 0x3096: out = 0x3051; break;	/* ゖ → け */
	default: return cp;
	}
	return cp >= 0x30A0 ? out + 0x60 : out;
}

/* The dakuten (゛) and handakuten (゜) written as separate half-width marks. */
static uint32_t
voiced(uint32_t cp, uint32_t mark)
{
	if (mark == 0xFF9E) {
		if (cp == 0x30A6)
			return 0x30F4;	/* ウ゛ → ヴ */
		if ((cp >= 0x30AB && cp <= 0x30C8 && cp % 2 == 1 && cp != 0x30C3) ||
		    (cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0))
			return cp + 1;
		if (cp >= 0x30C4 && cp <= 0x30C8 && cp % 2 == 0)
			return cp + 1;	/* ツテト */
	} else if (cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0) {
		return cp + 2;
	}
	return 0;
}

void
tg_sg_normalize(tg_sg_text *t, const char *s)
{
	if (s == NULL)
		return;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		size_t from = i;
		i += n;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp >= 0xFF66 && cp <= 0xFF9D) {
			cp = halfwidth_kana[cp - 0xFF66];
			if (i < len) {
				size_t m;
				uint32_t mark = tg_utf8_decode(s + i, len - i, &m);
				uint32_t v = mark == 0xFF9E || mark == 0xFF9F ? voiced(cp, mark) : 0;
				if (v != 0) {
					cp = v;
					i += m;
				}
			}
		}
		/* The long vowel mark is written or left out at will (サーバー,
		 * サーバ): it never counts. */
		if (cp == 0x30FC || cp == 0xFF70)
			continue;
		if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30F6))
			cp = large_kana(cp);
		tg_diff_class c = tg_diff_char_class(cp);
		if (c == TG_DC_SPACE || c == TG_DC_PUNCT)
			push(t, 0, from, i);
		else
			push(t, cp, from, i);
	}
	push(t, 0, len, len);
}

/* ---- n-grams ---- */

static bool
is_kanji(uint32_t cp)
{
	return tg_diff_char_class(cp) == TG_DC_KANJI;
}

static bool
is_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* Weights of the n-grams: bigrams carry most; kanji alone mean something
 * (鍵, 紙) but little; trigrams make long words count more. */
#define W_UNI 0.3f
#define W_BI 1.0f
#define W_TRI 0.6f

static void
feat(tg_buf *out, uint64_t key, float w)
{
	tg_sg_feat f = {key, w};
	TG_BUF_PUSH(out, tg_sg_feat, f);
}

static void
run_grams(const uint32_t *r, size_t n, float w, tg_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (is_kanji(r[i]))
			feat(out, (uint64_t)r[i] << 42, w * W_UNI);
		if (i + 1 < n)
			feat(out, ((uint64_t)r[i] << 42) | ((uint64_t)r[i + 1] << 21), w * W_BI);
		if (i + 2 < n)
			feat(out, ((uint64_t)r[i] << 42) | ((uint64_t)r[i + 1] << 21) | r[i + 2],
			    w * W_TRI);
	}
	if (n == 1 && !is_kanji(r[0]))
		feat(out, (uint64_t)r[0] << 42, w * W_UNI);
}

void
tg_sg_grams(const tg_sg_text *t, float weight, tg_buf *feats)
{
	/* Runs of kanji, katakana and Latin letters; hiragana end a run,
	 * except okurigana and particles of one or two characters between
	 * kanji, which are dropped so that 持ち出し, 持出し and 持出 meet. */
	uint32_t *run = tg_xmalloc((t->n + 1) * sizeof *run);
	size_t rn = 0, i = 0;
	while (i < t->n) {
		uint32_t cp = t->cp[i];
		if (cp == 0) {
			run_grams(run, rn, weight, feats);
			rn = 0;
			i++;
			continue;
		}
		if (is_hiragana(cp)) {
			size_t j = i;
			while (j < t->n && is_hiragana(t->cp[j]))
				j++;
			bool between = rn > 0 && is_kanji(run[rn - 1]) && j < t->n && is_kanji(t->cp[j]);
			if (!(between && j - i <= 2)) {
				run_grams(run, rn, weight, feats);
				rn = 0;
			}
			i = j;
			continue;
		}
		run[rn++] = cp;
		i++;
	}
	run_grams(run, rn, weight, feats);
	free(run);
}

/* ---- the dictionary ---- */

typedef struct dict_term {
	const char *text;	/* as written (for notes) */
	uint32_t *cp;		/* normalised, without breaks at the ends */
	size_t n;
	uint32_t concept;
	size_t next;		/* the next term with the same first code point, or -1 */
} dict_term;

/* First code point -> the last term added that starts with it (+ 1). */
typedef struct first_slot {
	uint32_t cp;
	size_t head;		/* term index + 1; 0 = empty */
} first_slot;

struct tg_sg_dict {
	tg_buf terms;		/* dict_term */
	tg_buf weights;		/* float per concept */
	first_slot *slots;
	size_t cap, count;
};

tg_sg_dict *
tg_sg_dict_new(void)
{
	return tg_xcalloc(1, sizeof(tg_sg_dict));
}

void
tg_sg_dict_free(tg_sg_dict *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(&d->terms, dict_term); i++)
		free(TG_BUF_AT(&d->terms, dict_term, i).cp);
	tg_buf_free(&d->terms);
	tg_buf_free(&d->weights);
	free(d->slots);
	free(d);
}

static first_slot *
find_first(const tg_sg_dict *d, uint32_t cp)
{
	if (d->cap == 0)
		return NULL;
	size_t i = (cp * 2654435761u) & (d->cap - 1);
	while (d->slots[i].head != 0 && d->slots[i].cp != cp)
		i = (i + 1) & (d->cap - 1);
	return &d->slots[i];
}

static void
grow_first(tg_sg_dict *d)
{
	first_slot *old = d->slots;
	size_t oldcap = d->cap;
	d->cap = oldcap ? 2 * oldcap : 256;
	d->slots = tg_xcalloc(d->cap, sizeof *d->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].head != 0)
			*find_first(d, old[i].cp) = old[i];
	free(old);
}

uint32_t
tg_sg_dict_add_group(tg_sg_dict *d, const char *const *terms, size_t n, bool synonyms)
{
	uint32_t concept = (uint32_t)TG_BUF_COUNT(&d->weights, float);
	TG_BUF_PUSH(&d->weights, float, synonyms ? 1.0f : 0.6f);
	tg_sg_text t = {0};
	for (size_t i = 0; i < n; i++) {
		tg_sg_text_clear(&t);
		tg_sg_normalize(&t, terms[i]);
		size_t b = 0, e = t.n;
		while (b < e && t.cp[b] == 0)
			b++;
		while (e > b && t.cp[e - 1] == 0)
			e--;
		if (e == b)
			continue;
		if ((d->count + 1) * 2 > d->cap)
			grow_first(d);
		first_slot *s = find_first(d, t.cp[b]);
		dict_term dt = {terms[i], tg_xmalloc((e - b) * sizeof(uint32_t)), e - b, concept,
		    s->head ? s->head - 1 : (size_t)-1};
		memcpy(dt.cp, t.cp + b, (e - b) * sizeof(uint32_t));
		if (s->head == 0)
			d->count++;
		s->cp = t.cp[b];
		s->head = TG_BUF_COUNT(&d->terms, dict_term) + 1;
		TG_BUF_PUSH(&d->terms, dict_term, dt);
	}
	tg_sg_text_free(&t);
	return concept;
}

size_t
tg_sg_dict_concepts(const tg_sg_dict *d)
{
	return TG_BUF_COUNT(&d->weights, float);
}

const char *
tg_sg_dict_term(const tg_sg_dict *d, uint32_t term)
{
	return ((const dict_term *)(const void *)d->terms.data)[term].text;
}

float
tg_sg_dict_weight(const tg_sg_dict *d, uint32_t concept)
{
	return ((const float *)(const void *)d->weights.data)[concept];
}

void
tg_sg_dict_match(const tg_sg_dict *d, const tg_sg_text *t, tg_buf *hits)
{
	const dict_term *terms = (const dict_term *)(const void *)d->terms.data;
	for (size_t i = 0; i < t->n; i++) {
		if (t->cp[i] == 0)
			continue;
		const first_slot *s = find_first(d, t->cp[i]);
		if (s == NULL || s->head == 0)
			continue;
		for (size_t k = s->head - 1; k != (size_t)-1; k = terms[k].next) {
			const dict_term *dt = &terms[k];
			if (dt->n > t->n - i || memcmp(dt->cp, t->cp + i, dt->n * sizeof(uint32_t)) != 0)
				continue;
			tg_sg_concept_hit h = {dt->concept, (uint32_t)k, i};
			TG_BUF_PUSH(hits, tg_sg_concept_hit, h);
		}
	}
}
