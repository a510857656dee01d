/* `suggest`: ranking the items of a target catalog (the IPA guideline) for
 * each item of a source catalog by Japanese text similarity.
 *
 * Texts are normalised (text.c: NFKC-like folding, katakana variants, the
 * long vowel mark, okurigana between kanji), cut into character n-grams
 * within runs of kanji, katakana and Latin letters, and weighted by field.
 * A term dictionary (mappings/terms/) makes each group of synonyms or
 * related words one more feature, a "concept", present in a text when one
 * of its words is.  The target items are indexed once (index.c) and each
 * source item is scored against them with BM25; its score relative to the
 * item's score against itself is the similarity reported (0-1). */
#ifndef TG_SUGGEST_H
#define TG_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"

/* ---- text.c ---- */

/* A normalised text: code points, 0 where a word break is (white space,
 * punctuation), each with the byte range it came from in the original. */
typedef struct tg_sg_text {
	uint32_t *cp;
	uint32_t *from, *to;
	size_t n, cap;
} tg_sg_text;

void tg_sg_text_clear(tg_sg_text *t);
void tg_sg_text_free(tg_sg_text *t);
/* Appends the normalisation of s, then a break. */
void tg_sg_normalize(tg_sg_text *t, const char *s);

/* A feature: an n-gram (up to three code points packed in 21 bits each)
 * or a concept of the term dictionary, with its weight. */
typedef struct tg_sg_feat {
	uint64_t key;
	float w;
} tg_sg_feat;

#define TG_SG_CONCEPT(i) ((UINT64_C(0x1FFFFF) << 42) | (uint64_t)(i))

/* Appends the n-grams of t (unigrams of kanji, bigrams, trigrams, within
 * the runs that count), each with weight times the n-gram's own weight. */
void tg_sg_grams(const tg_sg_text *t, float weight, tg_buf *feats);

/* ---- terms: the dictionary as a matcher ---- */

typedef struct tg_sg_dict tg_sg_dict;

typedef struct tg_sg_concept_hit {
	uint32_t concept;	/* group index */
	uint32_t term;		/* index of the term matched (tg_sg_dict_term) */
	size_t at;		/* position in the normalised text */
} tg_sg_concept_hit;

tg_sg_dict *tg_sg_dict_new(void);
void tg_sg_dict_free(tg_sg_dict *d);
/* Adds a group of words (one concept); synonyms weigh more than related
 * words.  Returns the concept index. */
uint32_t tg_sg_dict_add_group(tg_sg_dict *d, const char *const *terms, size_t n, bool synonyms);
size_t tg_sg_dict_concepts(const tg_sg_dict *d);
const char *tg_sg_dict_term(const tg_sg_dict *d, uint32_t term);
float tg_sg_dict_weight(const tg_sg_dict *d, uint32_t concept);
/* Every occurrence of a dictionary word in t (tg_sg_concept_hit). */
void tg_sg_dict_match(const tg_sg_dict *d, const tg_sg_text *t, tg_buf *hits);

/* ---- index.c ---- */

typedef struct tg_sg_index tg_sg_index;

/* Documents are added one by one (their features, any order, repeats
 * summed; a prior factor on the document's scores), then the index is
 * frozen. */
tg_sg_index *tg_sg_index_new(void);
void tg_sg_index_add(tg_sg_index *ix, const tg_sg_feat *f, size_t n, float prior);
void tg_sg_index_freeze(tg_sg_index *ix);
void tg_sg_index_free(tg_sg_index *ix);
size_t tg_sg_index_docs(const tg_sg_index *ix);

typedef struct tg_sg_hit {
	uint32_t doc;
	float score;	/* BM25 relative to the query against itself, 0-1 (rarely above) */
} tg_sg_hit;

/* Scores every document sharing a feature with the query; keeps the k best
 * (score descending, then doc ascending) in hits, returns how many. */
size_t tg_sg_index_query(tg_sg_index *ix, const tg_sg_feat *q, size_t n, size_t k,
    tg_sg_hit *hits);
/* The same scores for every document, in scores[doc] (0 when no feature
 * is shared). */
void tg_sg_index_scores(tg_sg_index *ix, const tg_sg_feat *q, size_t n, float *scores);

/* ---- suggest.c: the ranking of a source catalog against a target ---- */

typedef struct tg_sg_cand {
	const tg_item *target;
	float score;		/* 0-1 */
	int strength;		/* 1-8 (1-5 for an inferred title), from the score */
	const char *shared;	/* the words both texts share, "、"-separated ("" if none) */
} tg_sg_cand;

typedef struct tg_sg_row {
	const tg_item *source;
	bool empty;		/* no title, no text: nothing to compare */
	tg_sg_cand *cands;	/* at or above the threshold, best first */
	size_t ncands;
	const tg_item *best;	/* the best candidate, even under the threshold */
	float best_score;
} tg_sg_row;

typedef struct tg_sg_result {
	const tg_catalog *source, *target;
	tg_sg_row *rows;	/* the source's items that are compared, tree order */
	size_t nrows;
	size_t top;
	float min_score;
	size_t nconcepts;	/* groups of the term dictionaries used */
	size_t ntargets;	/* target items indexed */
	tg_arena arena;
} tg_sg_result;

/* Ranks; the catalogs must outlive the result.  terms: every term
 * dictionary to use; ind: the source's industry (its terms), or NULL. */
tg_sg_result *tg_sg_rank(const tg_data *d, const tg_catalog *source, const tg_catalog *target,
    const tg_industry *ind, size_t top, float min_score);
void tg_sg_result_free(tg_sg_result *r);

/* The result as a crosswalk (status suggested, rationale syntactic), in the
 * model's structures allocated in r's arena. */
tg_crosswalk *tg_sg_crosswalk(tg_sg_result *r);

/* ---- render/suggest/: the review views ---- */
void tg_sg_render_md(const tg_sg_result *r, tg_buf *out);
void tg_sg_render_html(const tg_sg_result *r, tg_buf *out);
void tg_sg_render_csv(const tg_sg_result *r, tg_buf *out);

#endif
