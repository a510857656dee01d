#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define ARENA_BLOCK 65536

struct tg_arena_block {
	tg_arena_block *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void
tg_arena_init(tg_arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

void
tg_arena_free(tg_arena *a)
{
	tg_arena_block *b = a->head;
	while (b != NULL) {
		tg_arena_block *next = b->next;
		free(b);
		b = next;
	}
	tg_arena_init(a);
}

void *
tg_arena_alloc(tg_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	if (a->head == NULL || a->used + size > a->head->size) {
		/* Large requests get a block of their own placed behind the
		 * current one, so the current block's free tail stays usable. */
		size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		tg_arena_block *b = tg_xmalloc(sizeof *b + bsize);
		b->size = bsize;
		if (bsize != ARENA_BLOCK && a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
			memset(b->data, 0, size);
			a->total += size;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	void *p = a->head->data + a->used;
	a->used += size;
	a->total += size;
	memset(p, 0, size);
	return p;
}

void *
tg_arena_calloc(tg_arena *a, size_t count, size_t size)
{
	if (size != 0 && count > (size_t)-1 / size)
		abort();
	return tg_arena_alloc(a, count * size);
}

char *
tg_arena_strndup(tg_arena *a, const char *s, size_t len)
{
	char *p = tg_arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
tg_arena_strdup(tg_arena *a, const char *s)
{
	return tg_arena_strndup(a, s, strlen(s));
}

void *
tg_arena_memdup(tg_arena *a, const void *p, size_t size)
{
	void *q = tg_arena_alloc(a, size);
	if (size > 0)
		memcpy(q, p, size);
	return q;
}
