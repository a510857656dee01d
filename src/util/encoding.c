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
	return convert("CP932", "UTF-8", in, len, out, bad);
}

tg_encoding
tg_enc_detect(const char *in, size_t len)
{
	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		return TG_ENC_UTF8_BOM;
	if (tg_utf8_check(in, len) == len)
		return TG_ENC_UTF8;
	return TG_ENC_CP932;
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
