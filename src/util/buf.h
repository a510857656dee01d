/* The one growable buffer type, plus the allocation wrappers.
 * Out of memory aborts; nothing in totsugo checks malloc's result itself. */
#ifndef TG_BUF_H
#define TG_BUF_H

#include <stdarg.h>
#include <stddef.h>

void *tg_xmalloc(size_t size);
void *tg_xcalloc(size_t count, size_t size);
void *tg_xrealloc(void *ptr, size_t size);
char *tg_xstrdup(const char *s);
char *tg_xstrndup(const char *s, size_t len);

/* Bytes, always NUL-terminated after any operation (data[len] == 0 once
 * anything was written).  Arrays of fixed-size elements use the same type
 * through TG_BUF_PUSH / TG_BUF_AT. */
typedef struct tg_buf {
	char *data;
	size_t len;
	size_t cap;
} tg_buf;

#define TG_BUF_INIT {NULL, 0, 0}

void tg_buf_init(tg_buf *b);
void tg_buf_free(tg_buf *b);
void tg_buf_clear(tg_buf *b);
void tg_buf_reserve(tg_buf *b, size_t extra);
void tg_buf_put(tg_buf *b, const void *data, size_t len);
void tg_buf_puts(tg_buf *b, const char *s);
void tg_buf_putc(tg_buf *b, int c);
void tg_buf_printf(tg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tg_buf_vprintf(tg_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void tg_buf_truncate(tg_buf *b, size_t len);
/* A NUL-terminated view (never NULL). */
const char *tg_buf_cstr(tg_buf *b);
/* Hands the storage to the caller (free()); the buffer is empty after. */
char *tg_buf_detach(tg_buf *b);

#define TG_BUF_PUSH(b, T, v) do { T tg_v_ = (v); tg_buf_put((b), &tg_v_, sizeof(T)); } while (0)
#define TG_BUF_AT(b, T, i) (((T *)(void *)(b)->data)[i])
#define TG_BUF_COUNT(b, T) ((b)->len / sizeof(T))

#endif
