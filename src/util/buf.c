#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(void)
{
	fputs("totsugo: out of memory\n", stderr);
	abort();
}

void *
tg_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
tg_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
tg_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
tg_xstrdup(const char *s)
{
	return tg_xstrndup(s, strlen(s));
}

char *
tg_xstrndup(const char *s, size_t len)
{
	char *p = tg_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void
tg_buf_init(tg_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
tg_buf_free(tg_buf *b)
{
	free(b->data);
	tg_buf_init(b);
}

void
tg_buf_clear(tg_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
tg_buf_reserve(tg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < b->len)
		oom();
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need) {
		if (cap > (size_t)-1 / 2)
			oom();
		cap *= 2;
	}
	b->data = tg_xrealloc(b->data, cap);
	b->cap = cap;
}

void
tg_buf_put(tg_buf *b, const void *data, size_t len)
{
	tg_buf_reserve(b, len);
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
tg_buf_puts(tg_buf *b, const char *s)
{
	tg_buf_put(b, s, strlen(s));
}

void
tg_buf_putc(tg_buf *b, int c)
{
	if (b->len + 1 < b->cap) {	/* the common case: room for it and the NUL */
		b->data[b->len++] = (char)c;
		b->data[b->len] = '\0';
		return;
	}
	char ch = (char)c;
	tg_buf_put(b, &ch, 1);
}

void
tg_buf_vprintf(tg_buf *b, const char *fmt, va_list ap)
{
	/* Formatted straight into the free room when it fits (most calls: one
	 * pass over the format instead of two). */
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, copy);
	va_end(copy);
	if (n < 0) {
		if (b->data != NULL)
			b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	tg_buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
tg_buf_printf(tg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
tg_buf_truncate(tg_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *
tg_buf_cstr(tg_buf *b)
{
	/* Also after tg_buf_reserve alone, which does not terminate. */
	if (b->data == NULL)
		tg_buf_reserve(b, 0);
	b->data[b->len] = '\0';
	return b->data;
}

char *
tg_buf_detach(tg_buf *b)
{
	char *p = (char *)tg_buf_cstr(b);
	tg_buf_init(b);
	return p;
}
