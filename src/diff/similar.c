/* Similarity of texts: the Dice coefficient of their character-bigram
 * multisets.  Bigrams need no word boundaries, so this works for Japanese
 * as it is; white space and punctuation are dropped first, so that
 * re-punctuated or re-wrapped text still counts as the same. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../util/utf8.h"

static uint32_t
fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full-width ASCII */
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

/* Code points fit in 21 bits: a bigram is (first << 21) | second; a text
 * of one character is (cp << 21) alone. */
void
tg_bigrams_add(tg_bigrams *p, const char *s)
{
	if (s == NULL)
		return;
	size_t len = strlen(s), i = 0, kept = 0;
	uint32_t prev = 0;
	size_t start = p->n;
	/* At most one bigram per byte. */
	p->grams = tg_xrealloc(p->grams, (p->n + len + 1) * sizeof *p->grams);
	while (i < len) {
		size_t n;
		uint32_t cp = fold(tg_utf8_decode(s + i, len - i, &n));
		i += n;
		tg_diff_class c = tg_diff_char_class(cp);
		if (c == TG_DC_SPACE || c == TG_DC_PUNCT)
			continue;
		if (kept > 0)
			p->grams[p->n++] = ((uint64_t)prev << 21) | cp;
		prev = cp;
		kept++;
	}
	if (kept == 1 && p->n == start)
		p->grams[p->n++] = (uint64_t)prev << 21;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

void
tg_bigrams_finish(tg_bigrams *p)
{
	if (p->n > 1)
		qsort(p->grams, p->n, sizeof *p->grams, cmp_u64);
}

void
tg_bigrams_free(tg_bigrams *p)
{
	free(p->grams);
	p->grams = NULL;
	p->n = 0;
}

size_t
tg_bigrams_common(const tg_bigrams *a, const tg_bigrams *b)
{
	size_t i = 0, j = 0, c = 0;
	while (i < a->n && j < b->n) {
		if (a->grams[i] < b->grams[j]) {
			i++;
		} else if (a->grams[i] > b->grams[j]) {
			j++;
		} else {
			c++;
			i++;
			j++;
		}
	}
	return c;
}

int
tg_bigrams_dice(const tg_bigrams *a, const tg_bigrams *b)
{
	size_t total = a->n + b->n;
	if (total == 0)
		return 0;
	return (int)(2 * TG_SIM_MAX * tg_bigrams_common(a, b) / total);
}

int
tg_bigrams_containment(const tg_bigrams *part, const tg_bigrams *whole)
{
	if (part->n == 0)
		return 0;
	return (int)(TG_SIM_MAX * tg_bigrams_common(part, whole) / part->n);
}

int
tg_text_similarity(const char *a, const char *b)
{
	tg_bigrams pa = {NULL, 0}, pb = {NULL, 0};
	tg_bigrams_add(&pa, a);
	tg_bigrams_add(&pb, b);
	tg_bigrams_finish(&pa);
	tg_bigrams_finish(&pb);
	int s = tg_bigrams_dice(&pa, &pb);
	tg_bigrams_free(&pa);
	tg_bigrams_free(&pb);
	return s;
}

typedef struct posting {
	uint64_t key;
	uint32_t item;
} posting;

static int
cmp_posting(const void *a, const void *b)
{
	const posting *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

void
tg_simidx_build(tg_simidx *ix, const tg_bigrams *profiles, size_t nitems, const bool *include)
{
	memset(ix, 0, sizeof *ix);
	size_t total = 0, included = 0;
	for (size_t i = 0; i < nitems; i++)
		if (include == NULL || include[i]) {
			total += profiles[i].n;
			included++;
		}
	posting *p = tg_xcalloc(total ? total : 1, sizeof *p);
	size_t n = 0;
	for (size_t i = 0; i < nitems; i++)
		for (size_t k = 0; (include == NULL || include[i]) && k < profiles[i].n; k++)
			if (k == 0 || profiles[i].grams[k] != profiles[i].grams[k - 1])
				p[n++] = (posting){profiles[i].grams[k], (uint32_t)i};
	qsort(p, n, sizeof *p, cmp_posting);
	ix->keys = tg_xcalloc(n ? n : 1, sizeof *ix->keys);
	ix->items = tg_xcalloc(n ? n : 1, sizeof *ix->items);
	for (size_t i = 0; i < n; i++) {
		ix->keys[i] = p[i].key;
		ix->items[i] = p[i].item;
	}
	free(p);
	ix->n = n;
	ix->nitems = nitems;
	/* A bigram in more items than this says little about any pair, and
	 * its posting list would make lookups quadratic. */
	size_t root = 1;
	while (root * root < included)
		root++;
	ix->cutoff = 4 * root < 64 ? 64 : 4 * root;
	ix->count = tg_xcalloc(nitems ? nitems : 1, sizeof *ix->count);
	ix->touched = tg_xcalloc(nitems ? nitems : 1, sizeof *ix->touched);
}

void
tg_simidx_free(tg_simidx *ix)
{
	free(ix->keys);
	free(ix->items);
	free(ix->count);
	free(ix->touched);
	memset(ix, 0, sizeof *ix);
}

static size_t
lower_bound(const tg_simidx *ix, uint64_t key)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

typedef struct probe {
	uint64_t key;
	size_t lo, hi;
} probe;

static int
cmp_probe(const void *a, const void *b)
{
	const probe *x = a, *y = b;
	size_t nx = x->hi - x->lo, ny = y->hi - y->lo;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

size_t
tg_simidx_candidates(tg_simidx *ix, const tg_bigrams *p, const bool *allow, int prefix,
    uint32_t *out, size_t k)
{
	/* The query's distinct bigrams, rarest first. */
	probe *pr = tg_xcalloc(p->n + 1, sizeof *pr);
	size_t np = 0;
	for (size_t g = 0; g < p->n; g++) {
		if (g > 0 && p->grams[g] == p->grams[g - 1])
			continue;
		size_t lo = lower_bound(ix, p->grams[g]), hi = lo;
		while (hi < ix->n && ix->keys[hi] == p->grams[g])
			hi++;
		if (hi > lo)
			pr[np++] = (probe){p->grams[g], lo, hi};
	}
	if (np > 1)
		qsort(pr, np, sizeof *pr, cmp_probe);
	/* Prefix filtering: an item sharing a given share of the query's
	 * bigrams shares one of its rarest (1 - share) + 1; those are always
	 * probed, common ones beyond them only while under the cutoff. */
	size_t must = (p->n * (size_t)prefix + TG_SIM_MAX - 1) / TG_SIM_MAX + 1;
	size_t budget = 20 * ix->nitems + 10000, visited = 0;
	size_t ntouched = 0;
	for (size_t g = 0; g < np; g++) {
		size_t len = pr[g].hi - pr[g].lo;
		if (g >= must && len > ix->cutoff)
			break;
		if (g >= 1 && visited + len > budget)
			break;	/* a pathological vocabulary: keep the cost linear */
		visited += len;
		for (size_t i = pr[g].lo; i < pr[g].hi; i++) {
			uint32_t it = ix->items[i];
			if (allow != NULL && !allow[it])
				continue;
			if (ix->count[it]++ == 0)
				ix->touched[ntouched++] = it;
		}
	}
	free(pr);
	/* The k best by count, ties to the lower index: a partial selection
	 * (k is small). */
	size_t nout = 0;
	for (size_t t = 0; t < ntouched; t++) {
		uint32_t it = ix->touched[t];
		size_t pos = nout;
		while (pos > 0 && (ix->count[out[pos - 1]] < ix->count[it] ||
		    (ix->count[out[pos - 1]] == ix->count[it] && out[pos - 1] > it)))
			pos--;
		if (pos >= k)
			continue;
		size_t end = nout < k ? nout : k - 1;
		memmove(out + pos + 1, out + pos, (end - pos) * sizeof *out);
		out[pos] = it;
		if (nout < k)
			nout++;
	}
	for (size_t t = 0; t < ntouched; t++)
		ix->count[ix->touched[t]] = 0;
	return nout;
}
