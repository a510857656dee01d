#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void
tg_map_init(tg_map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
}

void
tg_map_free(tg_map *m)
{
	free(m->slots);
	tg_map_init(m);
}

static tg_map_slot *
find_slot(const tg_map *m, const char *key, size_t len)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)hash_bytes(key, len) & mask;
	for (;;) {
		tg_map_slot *s = &m->slots[i];
		if (s->key == NULL)
			return s;
		if (s->keylen == len && memcmp(s->key, key, len) == 0)
			return s;
		i = (i + 1) & mask;
	}
}

void *
tg_map_getn(const tg_map *m, const char *key, size_t len)
{
	if (m->cap == 0)
		return NULL;
	tg_map_slot *s = find_slot(m, key, len);
	return s->key != NULL ? s->value : NULL;
}

void *
tg_map_get(const tg_map *m, const char *key)
{
	return tg_map_getn(m, key, strlen(key));
}

static void
grow(tg_map *m)
{
	tg_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = tg_xcalloc(m->cap, sizeof *m->slots);
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (old.slots[i].key != NULL) {
			*find_slot(m, old.slots[i].key, old.slots[i].keylen) = old.slots[i];
			m->count++;
		}
	}
	free(old.slots);
}

void *
tg_map_putn(tg_map *m, const char *key, size_t len, void *value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	tg_map_slot *s = find_slot(m, key, len);
	if (s->key != NULL)
		return s->value;
	s->key = key;
	s->keylen = len;
	s->value = value;
	m->count++;
	return NULL;
}

void *
tg_map_put(tg_map *m, const char *key, void *value)
{
	return tg_map_putn(m, key, strlen(key), value);
}

void
tg_map_set(tg_map *m, const char *key, void *value)
{
	size_t len = strlen(key);
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	tg_map_slot *s = find_slot(m, key, len);
	if (s->key == NULL) {
		s->key = key;
		s->keylen = len;
		m->count++;
	}
	s->value = value;
}
