/* SHA-256 (FIPS 180-4), for the Content-Security-Policy hash of the one
 * inline script our pages carry.  No Debian library we link has it. */
#ifndef TG_SHA256_H
#define TG_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

void tg_sha256(const void *data, size_t len, uint8_t digest[32]);
/* Appends the digest in base64 (44 characters), as CSP's 'sha256-…' wants. */
void tg_sha256_base64(const void *data, size_t len, tg_buf *out);

#endif
