/* Character encodings of Japanese spreadsheets: UTF-8 <-> CP932
 * (Windows-31J, what Excel in Japan writes as "CSV"), through iconv. */
#ifndef TG_ENCODING_H
#define TG_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef enum tg_encoding {
	TG_ENC_UTF8,
	TG_ENC_UTF8_BOM,
	TG_ENC_CP932
} tg_encoding;

/* Appends the conversion to out.  On a byte sequence that cannot be
 * converted, stops, stores its offset in *bad and returns false. */
bool tg_enc_cp932_to_utf8(const char *in, size_t len, tg_buf *out, size_t *bad);
/* Exact: a character CP932 lacks, or holds only as a look-alike that reads
 * back as another character (iconv's "best fit": ¥ → '\', 〜 → ～,
 * − → －, ‖ → ∥, ¬, ¢, £, — ...), fails; *bad is the offset of the first. */
bool tg_enc_utf8_to_cp932(const char *in, size_t len, tg_buf *out, size_t *bad);
/* Appends to offs (size_t) the byte offset of every character of the UTF-8
 * text that tg_enc_utf8_to_cp932 refuses; returns how many there are. */
size_t tg_enc_cp932_misses(const char *in, size_t len, tg_buf *offs);
/* The look-alike conversion, asked for explicitly (--cp932-substitute):
 * only characters CP932 has no stand-in for fail; the caller lists the
 * substitutions (tg_enc_cp932_misses, tg_enc_cp932_lookalike). */
bool tg_enc_utf8_to_cp932_substitute(const char *in, size_t len, tg_buf *out, size_t *bad);
/* What the character at c (n bytes) reads back as from CP932, in UTF-8
 * (at most 7 bytes, NUL-terminated in as); false when CP932 has nothing. */
bool tg_enc_cp932_lookalike(const char *c, size_t n, char as[8]);
/* What the bytes say about their encoding. */
typedef struct tg_enc_evidence {
	size_t utf8_chars;	/* valid UTF-8 sequences of 2 to 4 bytes */
	size_t bad_bytes;	/* bytes that start no valid UTF-8 sequence */
} tg_enc_evidence;

/* Guesses the encoding of spreadsheet bytes: a BOM, then UTF-8 when the
 * bytes are valid UTF-8 or when valid multi-byte characters outnumber the
 * bytes that are not (a UTF-8 sheet with a stray byte stays UTF-8: read
 * as CP932 it would be mojibake), else CP932.  ev (may be NULL) receives
 * the counts behind the choice. */
tg_encoding tg_enc_detect(const char *in, size_t len, tg_enc_evidence *ev);
const char *tg_enc_name(tg_encoding e);

#endif
