/* Mustache values: names looked up in mappings and sequences, what is
 * false, numbers printed as JavaScript prints them, the text a scalar
 * interpolates as, HTML and Markdown escaping. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../render/escape.h"
#include "internal.h"

const tg_node *
tg_mus_map_get(const tg_node *map, const char *key, size_t len)
{
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = map->items[2 * i];
		if (k->kind == TG_NODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

/* items.0.name: a part of decimal digits indexes a sequence (as in
 * mustache.js; the spec leaves it open). */
const tg_node *
tg_mus_seq_get(const tg_node *seq, const char *part, size_t len)
{
	size_t index = 0;
	if (len == 0 || len > 9 || (len > 1 && part[0] == '0'))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (part[i] < '0' || part[i] > '9')
			return NULL;
		index = index * 10 + (size_t)(part[i] - '0');
	}
	return index < seq->n ? seq->items[index] : NULL;
}

static bool
is_false_word(const tg_node *v)
{
	return v->plain && (strcmp(v->str, "false") == 0 || strcmp(v->str, "False") == 0 ||
	    strcmp(v->str, "FALSE") == 0);
}

bool
tg_mus_falsey(const tg_node *v)
{
	if (v == NULL)
		return true;
	if (v->kind == TG_NODE_SEQ)
		return v->n == 0;
	if (v->kind == TG_NODE_MAP)
		return false;
	return tg_node_is_null(v) || is_false_word(v);
}

/* A plain decimal with a fraction or an exponent, printed the way
 * JavaScript's Number.prototype.toString prints it (the spec's reference
 * output): the shortest digits that read back as the same double, in
 * fixed notation for exponents from -7 to 20.  Returns false (print the
 * text as is) for anything else, including integers and overflow. */
static bool
format_number(const char *s, size_t len, char out[40])
{
	size_t i = 0, digits = 0;
	bool frac = false, expo = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.') {
		frac = true;
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	}
	if (digits == 0)
		return false;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;
		expo = true;
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			e++;
		if (e == 0)
			return false;
	}
	if (i != len || (!frac && !expo) || len > 300)
		return false;
	/* strtod and printf follow LC_NUMERIC's decimal point. */
	char buf[320];
	const char *point = localeconv()->decimal_point;
	char dp = point != NULL && point[0] != '\0' ? point[0] : '.';
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *dot = strchr(buf, '.');
	if (dot != NULL)
		*dot = dp;
	double d = strtod(buf, NULL);
	if (!isfinite(d))
		return false;
	if (d == 0) {
		strcpy(out, "0");
		return true;
	}
	char e[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(e, sizeof e, "%.*e", prec - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	/* e: [-]D[<dp>DDD]e<sign>XX */
	char mant[20];
	size_t k = 0;
	const char *c = e;
	bool neg = *c == '-';
	if (neg)
		c++;
	for (; *c != 'e'; c++)
		if (*c >= '0' && *c <= '9')
			mant[k++] = *c;
	while (k > 1 && mant[k - 1] == '0')
		k--;
	int n = atoi(c + 1) + 1;	/* the decimal point goes after n digits */
	char *o = out;
	if (neg)
		*o++ = '-';
	if ((int)k <= n && n <= 21) {
		memcpy(o, mant, k), o += k;
		for (int z = (int)k; z < n; z++)
			*o++ = '0';
	} else if (0 < n && n <= 21) {
		memcpy(o, mant, (size_t)n), o += n;
		*o++ = '.';
		memcpy(o, mant + n, k - (size_t)n), o += k - (size_t)n;
	} else if (-6 < n && n <= 0) {
		*o++ = '0';
		*o++ = '.';
		for (int z = 0; z < -n; z++)
			*o++ = '0';
		memcpy(o, mant, k), o += k;
	} else {
		*o++ = mant[0];
		if (k > 1) {
			*o++ = '.';
			memcpy(o, mant + 1, k - 1), o += k - 1;
		}
		o += sprintf(o, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
	}
	*o = '\0';
	return true;
}

void
tg_mus_escape_html(tg_buf *out, const char *s, size_t len)
{
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		tg_buf_put(out, s + from, i - from);
		tg_buf_puts(out, rep);
		from = i + 1;
	}
	tg_buf_put(out, s + from, len - from);
}

/* Only indentation and block markers since the last newline written: a
 * value after "- ", "* ", "+ ", "1. ", "1) " or ">" starts a block of its
 * own, where "1. item" or "#h" would nest a list or make a heading. */
static bool
at_line_start(const tg_buf *out)
{
	size_t bol = out->len;
	while (bol > 0 && out->data[bol - 1] != '\n')
		bol--;
	const char *p = out->data + bol;
	size_t n = out->len - bol, i = 0;
	for (;;) {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i == n)
			return true;
		if (p[i] == '>') {
			i++;
			continue;
		}
		size_t m = i;
		if (p[i] == '-' || p[i] == '*' || p[i] == '+') {
			m = i + 1;
		} else {
			while (m < n && m - i < 9 && p[m] >= '0' && p[m] <= '9')
				m++;
			if (m == i || m == n || (p[m] != '.' && p[m] != ')'))
				return false;
			m++;
		}
		/* A marker is followed by a space or a tab. */
		if (m == n || (p[m] != ' ' && p[m] != '\t'))
			return false;
		i = m;
	}
}

/* The rule is spelled out in mustache.h (and shared with every Markdown
 * renderer through tg_esc_md). */
void
tg_mus_escape_markdown(tg_buf *out, const char *s, size_t len)
{
	tg_esc_md(out, s, len, at_line_start(out), false);
}

/* The text a scalar interpolates as; num holds a formatted number. */
void
tg_mus_scalar_text(const tg_node *v, char num[40], const char **s, size_t *len)
{
	*s = v->str;
	*len = v->len;
	if (v->plain && format_number(v->str, v->len, num)) {
		*s = num;
		*len = strlen(num);
	}
}
