/* Word-level redlines that work for Japanese.  Japanese has no spaces, so
 * "words" are runs of one character class (kanji, hiragana, katakana,
 * letters/digits, white space; punctuation one character at a time): okurigana
 * and particles fall out as their own tokens, which is close enough to
 * words for a reader.  Tokens are diffed with Myers' algorithm. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../util/map.h"
#include "../util/utf8.h"

tg_diff_class
tg_diff_char_class(uint32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	    cp == 0x3000 || cp == 0xA0)
		return TG_DC_SPACE;
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			return TG_DC_WORD;
		return TG_DC_PUNCT;
	}
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    cp == 0x3005 || cp == 0x3006 || cp == 0x3007)	/* 々 〆 〇 */
		return TG_DC_KANJI;
	if (cp >= 0x3041 && cp <= 0x309F)
		return TG_DC_HIRAGANA;
	if (cp == 0x30FB)	/* ・ (nakaguro) separates words */
		return TG_DC_PUNCT;
	if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F))
		return TG_DC_KATAKANA;
	if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return TG_DC_WORD;
	/* Punctuation and symbols: Latin-1 signs, general punctuation, arrows,
	 * maths, shapes (★), CJK symbols (、。「」), full-width signs, and
	 * U+FFFD (an invalid byte). */
	if ((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
	    (cp >= 0xFFE0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
		return TG_DC_PUNCT;
	return TG_DC_WORD;	/* other scripts' letters */
}

size_t
tg_diff_segment(const char *s, size_t len, tg_buf *tokens)
{
	size_t count = 0, i = 0;
	while (i < len) {
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		tg_diff_class cls = tg_diff_char_class(cp);
		size_t start = i;
		i += n;
		if (cls != TG_DC_PUNCT) {
			while (i < len) {
				uint32_t next = tg_utf8_decode(s + i, len - i, &n);
				tg_diff_class c2 = tg_diff_char_class(next);
				/* ー continues a katakana run, and hiragana words
				 * written with it (すごーい) too. */
				if (c2 != cls && !(next == 0x30FC && cls == TG_DC_HIRAGANA))
					break;
				i += n;
			}
		}
		tg_diff_token t = {start, i - start, cls};
		TG_BUF_PUSH(tokens, tg_diff_token, t);
		count++;
	}
	return count;
}

static void
push_op(tg_buf *script, tg_diff_opkind op, size_t n)
{
	if (n == 0)
		return;
	size_t count = TG_BUF_COUNT(script, tg_diff_op);
	if (count > 0 && TG_BUF_AT(script, tg_diff_op, count - 1).op == op) {
		TG_BUF_AT(script, tg_diff_op, count - 1).n += n;
		return;
	}
	tg_diff_op o = {op, n};
	TG_BUF_PUSH(script, tg_diff_op, o);
}

/* Myers on a[0..n) and b[0..m) (no common prefix or suffix left).  Keeps
 * V of every step d (d + 1 values), O(D²) memory, to walk back the path.
 * Returns false when D would exceed TG_DIFF_MAX_D. */
static bool
myers(const uint32_t *a, int n, const uint32_t *b, int m, tg_buf *script)
{
	int max = n + m;
	int *v = tg_xcalloc((size_t)(2 * max + 3), sizeof *v);	/* v[k + max + 1] */
	int off = max + 1;
	tg_buf trace = TG_BUF_INIT;	/* int: V of step d at (k + d) / 2, for d = 0, 1, … */
	tg_buf rev = TG_BUF_INIT;	/* tg_diff_op, last first */
	bool ok = false;
	int dfinal = -1;
	for (int d = 0; d <= max && d <= TG_DIFF_MAX_D; d++) {
		for (int k = -d; k <= d; k += 2) {
			int x;
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];	/* down: insert b[y] */
			else
				x = v[off + k - 1] + 1;	/* right: delete a[x] */
			int y = x - k;
			while (x < n && y < m && a[x] == b[y])
				x++, y++;
			v[off + k] = x;
			if (x >= n && y >= m && dfinal < 0)
				dfinal = d;
		}
		for (int k = -d; k <= d; k += 2)
			TG_BUF_PUSH(&trace, int, v[off + k]);
		if (dfinal >= 0)
			break;
	}
	if (dfinal < 0)
		goto out;
	/* Walk back from (n, m); step d's values start at d(d+1)/2. */
	int x = n, y = m;
	for (int d = dfinal; d > 0; d--) {
		const int *prev = &TG_BUF_AT(&trace, int, (size_t)(d - 1) * (size_t)d / 2);
		int k = x - y;
		int pk;
		if (k == -d || (k != d && prev[(k - 1 + d - 1) / 2] < prev[(k + 1 + d - 1) / 2]))
			pk = k + 1;
		else
			pk = k - 1;
		int px = prev[(pk + d - 1) / 2], py = px - pk;
		int mx = pk == k + 1 ? px : px + 1;	/* after the one edit */
		tg_diff_op eq = {TG_OP_EQ, (size_t)(x - mx)};
		TG_BUF_PUSH(&rev, tg_diff_op, eq);
		tg_diff_op ed = {pk == k + 1 ? TG_OP_INS : TG_OP_DEL, 1};
		TG_BUF_PUSH(&rev, tg_diff_op, ed);
		x = px;
		y = py;
	}
	tg_diff_op head = {TG_OP_EQ, (size_t)x};
	TG_BUF_PUSH(&rev, tg_diff_op, head);
	for (size_t i = TG_BUF_COUNT(&rev, tg_diff_op); i-- > 0;)
		push_op(script, TG_BUF_AT(&rev, tg_diff_op, i).op, TG_BUF_AT(&rev, tg_diff_op, i).n);
	ok = true;
out:
	free(v);
	tg_buf_free(&trace);
	tg_buf_free(&rev);
	return ok;
}

void
tg_diff_seq(const uint32_t *a, size_t n, const uint32_t *b, size_t m, tg_buf *script)
{
	size_t pre = 0;
	while (pre < n && pre < m && a[pre] == b[pre])
		pre++;
	size_t suf = 0;
	while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf])
		suf++;
	push_op(script, TG_OP_EQ, pre);
	size_t dn = n - pre - suf, dm = m - pre - suf;
	if (dn == 0 || dm == 0) {
		push_op(script, TG_OP_DEL, dn);
		push_op(script, TG_OP_INS, dm);
	} else if (dn + dm > (size_t)1 << 29 ||
	    !myers(a + pre, (int)dn, b + pre, (int)dm, script)) {
		push_op(script, TG_OP_DEL, dn);
		push_op(script, TG_OP_INS, dm);
	}
	push_op(script, TG_OP_EQ, suf);
}

/* A change group of the redline: tokens [a0, a1) of a replaced by
 * [b0, b1) of b; eq tokens before it are [a0 - eq, a0). */
typedef struct group {
	size_t a0, a1, b0, b1;
} group;

static size_t
cps(const char *s, const tg_diff_token *t, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	size_t start = t[from].off, end = t[to - 1].off + t[to - 1].len;
	return tg_utf8_count(s + start, end - start);
}

/* Appends s[from, to) as a span, joined to the previous one when that is
 * of the same kind and ends where this starts. */
static void
push_bytes(tg_buf *spans, tg_diff_opkind op, const char *s, size_t from, size_t to)
{
	if (from >= to)
		return;
	size_t n = TG_BUF_COUNT(spans, tg_diff_span);
	tg_diff_span *last = n ? &TG_BUF_AT(spans, tg_diff_span, n - 1) : NULL;
	if (last != NULL && last->op == op && last->s + last->len == s + from) {
		last->len += to - from;
		return;
	}
	tg_diff_span sp = {op, s + from, to - from};
	TG_BUF_PUSH(spans, tg_diff_span, sp);
}

static void
push_span(tg_buf *spans, tg_diff_opkind op, const char *s, const tg_diff_token *t, size_t from,
    size_t to)
{
	if (from < to)
		push_bytes(spans, op, s, t[from].off, t[to - 1].off + t[to - 1].len);
}

static size_t
byte_start(const tg_diff_token *t, size_t from, size_t to, size_t len)
{
	return from < to ? t[from].off : len;
}

/* Length of the code point ending at `end` (not before `start`). */
static size_t
prev_len(const char *s, size_t start, size_t end)
{
	size_t k = 1;
	while (end - k > start && ((unsigned char)s[end - k] & 0xC0) == 0x80)
		k++;
	return k;
}

/* The code point at [at, end) is a letter or digit. */
static bool
is_word(const char *s, size_t at, size_t end)
{
	if (at >= end)
		return false;
	size_t n;
	return tg_diff_char_class(tg_utf8_decode(s + at, end - at, &n)) == TG_DC_WORD;
}

/* A change, with the characters both sides share at its ends shown as
 * kept: kanji runs are long tokens, and 「年1回活動状況」→「四半期ごとに活動
 * 状況」 reads better with 活動状況 unmarked. */
static void
push_change(tg_buf *spans, const char *a, const tg_diff_token *ta, size_t a0, size_t a1,
    const char *b, const tg_diff_token *tb, size_t b0, size_t b1)
{
	size_t as = byte_start(ta, a0, a1, 0), ae = a1 > a0 ? ta[a1 - 1].off + ta[a1 - 1].len : 0;
	size_t bs = byte_start(tb, b0, b1, 0), be = b1 > b0 ? tb[b1 - 1].off + tb[b1 - 1].len : 0;
	size_t pre = 0, suf = 0;
	if (a1 > a0 && b1 > b0) {
		/* Whole code points only: compare character by character. */
		while (as + pre < ae && bs + pre < be) {
			size_t n, m;
			tg_utf8_decode(a + as + pre, ae - as - pre, &n);
			tg_utf8_decode(b + bs + pre, be - bs - pre, &m);
			/* Bytes, not code points: invalid bytes all decode as U+FFFD. */
			if (n != m || memcmp(a + as + pre, b + bs + pre, n) != 0)
				break;
			pre += n;
		}
		while (as + pre + suf < ae && bs + pre + suf < be) {
			size_t k = 1;
			while (k <= ae - as - pre - suf && ((unsigned char)a[ae - suf - k] & 0xC0) == 0x80)
				k++;
			if (k > be - bs - pre - suf || memcmp(a + ae - suf - k, b + be - suf - k, k) != 0)
				break;
			suf += k;
		}
	}
	/* Never inside a word of letters or digits: "03" → "09", not 0[-3-]{+9+}. */
	while (pre > 0 && is_word(a, as + pre - prev_len(a, as, as + pre), as + pre) &&
	    (is_word(a, as + pre, ae) || is_word(b, bs + pre, be)))
		pre -= prev_len(a, as, as + pre);
	while (suf > 0 && is_word(a, ae - suf, ae) &&
	    ((ae - suf > as + pre && is_word(a, ae - suf - prev_len(a, as + pre, ae - suf), ae - suf)) ||
	    (be - suf > bs + pre && is_word(b, be - suf - prev_len(b, bs + pre, be - suf), be - suf)))) {
		size_t n;
		tg_utf8_decode(a + ae - suf, suf, &n);
		suf -= n;
	}
	push_bytes(spans, TG_OP_EQ, a, as, as + pre);
	push_bytes(spans, TG_OP_DEL, a, as + pre, ae - suf);
	push_bytes(spans, TG_OP_INS, b, bs + pre, be - suf);
	push_bytes(spans, TG_OP_EQ, a, ae - suf, ae);
}

void
tg_diff_redline(const char *a, const char *b, tg_buf *spans)
{
	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	size_t alen = strlen(a), blen = strlen(b);
	tg_buf ta = TG_BUF_INIT, tb = TG_BUF_INIT, script = TG_BUF_INIT, groups = TG_BUF_INIT;
	size_t na = tg_diff_segment(a, alen, &ta), nb = tg_diff_segment(b, blen, &tb);
	const tg_diff_token *tka = (const tg_diff_token *)(void *)ta.data;
	const tg_diff_token *tkb = (const tg_diff_token *)(void *)tb.data;
	/* Tokens as symbols: equal text, equal number. */
	uint32_t *sa = tg_xcalloc(na + 1, sizeof *sa), *sb = tg_xcalloc(nb + 1, sizeof *sb);
	tg_map intern;
	tg_map_init(&intern);
	uint32_t next = 1;
	for (size_t pass = 0; pass < 2; pass++) {
		const char *s = pass ? b : a;
		const tg_diff_token *t = pass ? tkb : tka;
		uint32_t *sym = pass ? sb : sa;
		for (size_t i = 0, n = pass ? nb : na; i < n; i++) {
			void *v = tg_map_getn(&intern, s + t[i].off, t[i].len);
			if (v == NULL) {
				v = (void *)(uintptr_t)next++;
				tg_map_putn(&intern, s + t[i].off, t[i].len, v);
			}
			sym[i] = (uint32_t)(uintptr_t)v;
		}
	}
	tg_diff_seq(sa, na, sb, nb, &script);

	/* Change groups from the script. */
	size_t x = 0, y = 0;
	for (size_t i = 0; i < TG_BUF_COUNT(&script, tg_diff_op); i++) {
		tg_diff_op o = TG_BUF_AT(&script, tg_diff_op, i);
		if (o.op == TG_OP_EQ) {
			x += o.n;
			y += o.n;
			continue;
		}
		size_t count = TG_BUF_COUNT(&groups, group);
		group *last = count ? &TG_BUF_AT(&groups, group, count - 1) : NULL;
		if (last == NULL || last->a1 != x || last->b1 != y) {
			group g = {x, x, y, y};
			TG_BUF_PUSH(&groups, group, g);
			last = &TG_BUF_AT(&groups, group, count);
		}
		if (o.op == TG_OP_DEL)
			x = last->a1 = x + o.n;
		else
			y = last->b1 = y + o.n;
	}
	/* Semantic clean-up (after diff-match-patch): an equality between two
	 * changes that is no longer than the larger side of each change is
	 * swallowed by them.  Repeat until stable. */
	bool merged = true;
	while (merged) {
		merged = false;
		size_t count = TG_BUF_COUNT(&groups, group);
		for (size_t i = 0; i + 1 < count; i++) {
			group *g = &TG_BUF_AT(&groups, group, i), *h = &TG_BUF_AT(&groups, group, i + 1);
			size_t eq = cps(a, tka, g->a1, h->a0);
			size_t before = cps(a, tka, g->a0, g->a1), after = cps(a, tka, h->a0, h->a1);
			size_t bb = cps(b, tkb, g->b0, g->b1), ba = cps(b, tkb, h->b0, h->b1);
			if (bb > before)
				before = bb;
			if (ba > after)
				after = ba;
			if (eq <= before && eq <= after) {
				g->a1 = h->a1;
				g->b1 = h->b1;
				memmove(h, h + 1, (count - i - 2) * sizeof *h);
				groups.len -= sizeof(group);
				count--;
				merged = true;
				i--;	/* the grown group may now swallow the next equality */
			}
		}
	}
	x = 0;
	for (size_t i = 0; i < TG_BUF_COUNT(&groups, group); i++) {
		group g = TG_BUF_AT(&groups, group, i);
		push_span(spans, TG_OP_EQ, a, tka, x, g.a0);
		push_change(spans, a, tka, g.a0, g.a1, b, tkb, g.b0, g.b1);
		x = g.a1;
	}
	push_span(spans, TG_OP_EQ, a, tka, x, na);
	tg_map_free(&intern);
	free(sa);
	free(sb);
	tg_buf_free(&ta);
	tg_buf_free(&tb);
	tg_buf_free(&script);
	tg_buf_free(&groups);
}
