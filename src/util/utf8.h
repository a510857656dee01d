/* UTF-8 helpers: validation, decoding, display width for carets and
 * column layout (East Asian wide characters count 2). */
#ifndef TG_UTF8_H
#define TG_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns the byte offset of the first invalid sequence, or len when the
 * whole text is valid UTF-8. */
size_t tg_utf8_check(const char *s, size_t len);
/* Decodes one code point at s (len > 0); stores its length in *n (>= 1).
 * An invalid byte decodes as U+FFFD with *n = 1. */
uint32_t tg_utf8_decode(const char *s, size_t len, size_t *n);
/* Appends the encoding of cp to out (4 bytes max); returns its length. */
size_t tg_utf8_encode(uint32_t cp, char out[4]);
/* Terminal columns of one code point: 0, 1 or 2. */
int tg_utf8_cp_width(uint32_t cp);
/* Columns of a string / number of code points. */
size_t tg_utf8_width(const char *s, size_t len);
size_t tg_utf8_count(const char *s, size_t len);
/* Byte offset of the code point with the given 0-based index (or len). */
size_t tg_utf8_offset(const char *s, size_t len, size_t index);

/* Whether s (len bytes left) starts with a well-formed three-byte character
 * from U+3000 up that needs no second look anywhere: not a surrogate, not
 * U+FFFE/U+FFFF, never a control.  Most of Japanese text (kana, kanji,
 * full-width forms): the fast path of the byte scanners. */
static inline bool
tg_utf8_plain3(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	return len >= 3 && u[0] >= 0xE3 && u[0] <= 0xEF && u[0] != 0xED &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
	    !(u[0] == 0xEF && u[1] == 0xBF && u[2] >= 0xBE);
}

#endif
