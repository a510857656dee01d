/* Region allocator.  Ownership rule of totsugo: everything a loaded data set
 * holds (file texts, YAML nodes, model objects, strings) lives in that data
 * set's arena and dies with it; nothing else is freed one by one. */
#ifndef TG_ARENA_H
#define TG_ARENA_H

#include <stddef.h>

typedef struct tg_arena_block tg_arena_block;

typedef struct tg_arena {
	tg_arena_block *head;
	size_t used;	/* bytes used in head */
	size_t total;	/* bytes handed out, for statistics */
} tg_arena;

void tg_arena_init(tg_arena *a);
void tg_arena_free(tg_arena *a);
/* Zeroed, aligned for any type. */
void *tg_arena_alloc(tg_arena *a, size_t size);
#define TG_ARENA_NEW(a, T) ((T *)tg_arena_alloc((a), sizeof(T)))
#define TG_ARENA_ARRAY(a, T, n) ((T *)tg_arena_calloc((a), (n), sizeof(T)))
void *tg_arena_calloc(tg_arena *a, size_t count, size_t size);
char *tg_arena_strdup(tg_arena *a, const char *s);
char *tg_arena_strndup(tg_arena *a, const char *s, size_t len);
void *tg_arena_memdup(tg_arena *a, const void *p, size_t size);

#endif
