/* Paths between the items of different catalogs, through every crosswalk of
 * a data set — what `coverage` (and `assess`) use to find, for an item of
 * any catalog, the baseline clauses that cover it and how.
 *
 * From one item, a depth-first walk follows crosswalk pairs forward
 * (source → target) and backward (target → source, the relationship read
 * from the other side), composing relationships with the algebra of
 * model.h (tg_rel_compose).  It
 *   - takes at most TG_PATHS_MAX_STEPS pairs;
 *   - never enters a catalog twice, counting the items a derived pair passes
 *     through (so SCS → 自工会 → IPA through the 自工会 → IPA pairs that are
 *     themselves derived via SCS is not taken: it would only restate
 *     SCS → IPA through another SCS item);
 *   - does not go on from an item of the `stop` catalog (the baseline: a
 *     path ends at the first baseline item it meets; the baseline's own
 *     crosswalks are reference material, not claims);
 *   - never goes through a no-relationship pair (it absorbs).
 * For each item reached it keeps the best path: the closest composed
 * relationship, then the strongest weakest link, then every link reviewed,
 * then the fewest steps, then the first found (crosswalks by id, rows and
 * pairs in file order) — deterministic.  The starting item is reached by
 * a path of no steps (equal, strength 10).
 *
 * A path is reviewed when every pair on it is reviewed and the composition
 * is certain: each link after the first is equal, or continues a chain of
 * subset-of (or of superset-of) — a ⊂ b ⊂ c.  Two overlaps (a ∩ b, b ∩ c)
 * say nothing certain about a and c: the algebra calls it intersects-with,
 * but that is an inference, and the path is not reviewed. 
 *
 * Ownership: a tg_paths (the index of every pair, both ways) belongs to
 * whoever called tg_paths_new; the paths returned by tg_paths_from belong
 * to it and are valid until its next call (tg_path_copy keeps one). */
#ifndef TG_PATHS_H
#define TG_PATHS_H

#include "../model/model.h"

#define TG_PATHS_MAX_STEPS 4

typedef struct tg_path_step {
	const tg_item *from, *to;
	const tg_crosswalk *xw;		/* the crosswalk as stored (never an inverse view) */
	const tg_xw_target *pair;	/* its pair: from → to, or to → from when backward */
	bool backward;
	tg_relationship rel;		/* read from `from` (inverted when backward) */
} tg_path_step;

typedef struct tg_path {
	const tg_item *to;
	tg_relationship rel;		/* composed along the steps */
	int strength;			/* weakest link; -1 when a link has none */
	bool reviewed;			/* every pair on the way is reviewed, and composing
					 * them inferred nothing (see below) */
	const tg_path_step *steps;
	size_t nsteps;
} tg_path;

typedef struct tg_paths tg_paths;

/* Indexes every pair of every crosswalk of d (both directions). */
tg_paths *tg_paths_new(const tg_data *d, const tg_catalog *stop);
void tg_paths_free(tg_paths *p);
/* The best path to every item reachable from `from` (itself included),
 * sorted by catalog id then catalog order.  Returns the count. */
size_t tg_paths_from(tg_paths *p, const tg_item *from, const tg_path **out);
/* A copy of a path (its steps too) in arena a. */
tg_path *tg_path_copy(tg_arena *a, const tg_path *path);
/* Orders paths as the walk prefers them (negative: a is better). */
int tg_path_compare(const tg_path *a, const tg_path *b);

#endif
