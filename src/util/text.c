#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

size_t
tg_text_distance(const char *a, const char *b, size_t cap)
{
	size_t n = strlen(a), m = strlen(b);
	if ((n > m ? n - m : m - n) >= cap)
		return cap;
	size_t *row = tg_xcalloc(m + 1, sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = diag + cost;
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			/* Transposition of two adjacent bytes counts as one edit. */
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best >= cap) {
			free(row);
			return cap;
		}
	}
	size_t d = row[m];
	free(row);
	return d < cap ? d : cap;
}

const char *
tg_text_suggest(const char *word, const char *const *candidates, size_t n)
{
	size_t len = strlen(word);
	size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t i = 0; i < n; i++) {
		size_t d = tg_text_distance(word, candidates[i], best_d);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best;
}

bool
tg_text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
tg_text_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
tg_text_natcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			while (*a == '0' && is_digit(a[1]))
				a++;
			while (*b == '0' && is_digit(b[1]))
				b++;
			size_t na = 0, nb = 0;
			while (is_digit(a[na]))
				na++;
			while (is_digit(b[nb]))
				nb++;
			if (na != nb)
				return na < nb ? -1 : 1;
			int c = memcmp(a, b, na);
			if (c != 0)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

void
tg_text_quote(tg_buf *b, const char *s)
{
	bool nested = strstr(s, "「") != NULL;
	tg_buf_puts(b, nested ? "『" : "「");
	tg_buf_puts(b, s);
	tg_buf_puts(b, nested ? "』" : "」");
}
