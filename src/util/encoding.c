#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static bool
convert(const char *to, const char *from, const char *in, size_t len, tg_buf *out, size_t *bad)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1) {
		fprintf(stderr, "totsugo: iconv cannot convert %s to %s\n", from, to);
		abort();	/* glibc always has CP932; its absence is a broken system */
	}
	char *src = (char *)in;
	size_t left = len;
	bool ok = true;
	while (left > 0) {
		char chunk[4096];
		char *dst = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &src, &left, &dst, &room);
		tg_buf_put(out, chunk, (size_t)(dst - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			*bad = (size_t)(src - in);
			ok = false;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

bool
tg_enc_cp932_to_utf8(const char *in, size_t len, tg_buf *out, size_t *bad)
{
	return convert("UTF-8", "CP932", in, len, out, bad);
}

bool
tg_enc_utf8_to_cp932(const char *in, size_t len, tg_buf *out, size_t *bad)
{
	size_t base = out->len;
	bool ok = convert("CP932", "UTF-8", in, len, out, bad);
	if (ok) {
		/* Read back: what does not come back as it was is a look-alike. */
		tg_buf back = TG_BUF_INIT;
		size_t at;
		ok = convert("UTF-8", "CP932", out->data + base, out->len - base, &back, &at) &&
		    back.len == len && memcmp(back.data, in, len) == 0;
		tg_buf_free(&back);
	}
	if (!ok) {
		tg_buf offs = TG_BUF_INIT;
		if (tg_enc_cp932_misses(in, len, &offs) > 0)
			*bad = TG_BUF_AT(&offs, size_t, 0);
		tg_buf_free(&offs);
		tg_buf_truncate(out, base);
	}
	return ok;
}

bool
tg_enc_utf8_to_cp932_substitute(const char *in, size_t len, tg_buf *out, size_t *bad)
{
	return convert("CP932", "UTF-8", in, len, out, bad);
}

/* One character through CP932 and back into back (8 bytes); its length,
 * or 0 when CP932 has no code for it. */
static size_t
round_trip(iconv_t to, iconv_t from, const char *c, size_t n, char back[8])
{
	char mid[8];
	char *src = (char *)c, *dst = mid;
	size_t left = n, room = sizeof mid;
	iconv(to, NULL, NULL, NULL, NULL);
	if (iconv(to, &src, &left, &dst, &room) == (size_t)-1)
		return 0;
	size_t midlen = sizeof mid - room;
	src = mid;
	left = midlen;
	dst = back;
	room = 8;
	iconv(from, NULL, NULL, NULL, NULL);
	if (iconv(from, &src, &left, &dst, &room) == (size_t)-1)
		return 0;
	return 8 - room;
}

/* One character through CP932 and back: false when it does not survive. */
static bool
survives(iconv_t to, iconv_t from, const char *c, size_t n)
{
	char back[8];
	return round_trip(to, from, c, n, back) == n && memcmp(back, c, n) == 0;
}

bool
tg_enc_cp932_lookalike(const char *c, size_t n, char as[8])
{
	iconv_t to = iconv_open("CP932", "UTF-8"), from = iconv_open("UTF-8", "CP932");
	if (to == (iconv_t)-1 || from == (iconv_t)-1) {
		fputs("totsugo: iconv cannot convert UTF-8 and CP932\n", stderr);
		abort();
	}
	size_t k = round_trip(to, from, c, n, as);
	iconv_close(to);
	iconv_close(from);
	if (k == 0 || k > 7)
		return false;
	as[k] = '\0';
	return true;
}

size_t
tg_enc_cp932_misses(const char *in, size_t len, tg_buf *offs)
{
	iconv_t to = iconv_open("CP932", "UTF-8"), from = iconv_open("UTF-8", "CP932");
	if (to == (iconv_t)-1 || from == (iconv_t)-1) {
		fputs("totsugo: iconv cannot convert UTF-8 and CP932\n", stderr);
		abort();
	}
	size_t count = 0;
	for (size_t i = 0; i < len;) {
		size_t n;
		tg_utf8_decode(in + i, len - i, &n);
		if ((unsigned char)in[i] >= 0x80 && !survives(to, from, in + i, n)) {
			TG_BUF_PUSH(offs, size_t, i);
			count++;
		}
		i += n;
	}
	iconv_close(to);
	iconv_close(from);
	return count;
}

tg_encoding
tg_enc_detect(const char *in, size_t len, tg_enc_evidence *ev)
{
	tg_enc_evidence e = {0, 0};
	tg_encoding enc;
	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
		enc = TG_ENC_UTF8_BOM;
		goto out;
	}
	for (size_t i = 0; i < len;) {
		size_t valid = tg_utf8_check(in + i, len - i);
		for (size_t k = i; k < i + valid; k++)
			if (((unsigned char)in[k] & 0xC0) == 0xC0)
				e.utf8_chars++;
		i += valid;
		if (i < len) {
			e.bad_bytes++;
			i++;
		}
	}
	/* Real CP932 text is nearly all bad bytes (its lead bytes are UTF-8
	 * continuation bytes or open sequences its trail bytes do not finish). */
	enc = e.bad_bytes == 0 || e.utf8_chars > e.bad_bytes ? TG_ENC_UTF8 : TG_ENC_CP932;
out:
	if (ev != NULL)
		*ev = e;
	return enc;
}

const char *
tg_enc_name(tg_encoding e)
{
	switch (e) {
	case TG_ENC_UTF8:
		return "utf-8";
	case TG_ENC_UTF8_BOM:
		return "utf-8 with BOM";
	case TG_ENC_CP932:
		return "cp932";
	}
	return "?";
}
