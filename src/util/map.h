/* String-keyed hash map (open addressing).  Keys are borrowed: they must
 * outlive the map (they normally live in an arena). */
#ifndef TG_MAP_H
#define TG_MAP_H

#include <stddef.h>

typedef struct tg_map_slot {
	const char *key;
	size_t keylen;
	void *value;
} tg_map_slot;

typedef struct tg_map {
	tg_map_slot *slots;
	size_t cap;	/* power of two, or 0 */
	size_t count;
} tg_map;

void tg_map_init(tg_map *m);
void tg_map_free(tg_map *m);
void *tg_map_get(const tg_map *m, const char *key);
void *tg_map_getn(const tg_map *m, const char *key, size_t len);
/* Inserts key -> value unless the key exists; returns the existing value in
 * that case (and leaves the map unchanged), NULL otherwise. */
void *tg_map_put(tg_map *m, const char *key, void *value);
void *tg_map_putn(tg_map *m, const char *key, size_t len, void *value);
/* Inserts or replaces. */
void tg_map_set(tg_map *m, const char *key, void *value);

#endif
