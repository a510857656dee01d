/* The data model: catalogs of items, crosswalks between catalogs,
 * industries, parameter registries and company profiles, all owned by one
 * tg_data (and its arena).  Every object keeps the position it was loaded
 * from.  Loaders fill these structures; everything downstream reads them. */
#ifndef TG_MODEL_H
#define TG_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "../load/yaml.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/map.h"

/* Level of an item: an index into its catalog's levels, or one of these. */
#define TG_LEVEL_NONE (-1)	/* the item has no level (a chapter, a group) */
#define TG_LEVEL_UNKNOWN (-2)	/* it has one, but we do not know it */

typedef enum tg_prov_kind {
	TG_PROV_UNSET,
	TG_PROV_FACT,
	TG_PROV_AUTHORED,
	TG_PROV_IMPORTED
} tg_prov_kind;

typedef struct tg_provenance {
	tg_prov_kind kind;
	char confidence;	/* 'H', 'M', 'L' for facts, else 0 */
	const char *source;	/* note: where the fact comes from */
	const char *file;	/* imported: spreadsheet */
	long row;		/* imported: 1-based row */
	bool title_inferred;	/* fact: the title is a topic we inferred (`inferred: title`) */
	tg_pos pos;
} tg_provenance;

/* Where an item comes from, as every output tells the reader: the
 * guideline's own (a fact, or imported from its sheet), a title we
 * inferred from another source, or an item we wrote ourselves. */
typedef enum tg_origin {
	TG_ORIGIN_FACT,
	TG_ORIGIN_INFERRED,
	TG_ORIGIN_AUTHORED,
	TG_ORIGIN_IMPORTED,
	TG_ORIGIN_COUNT
} tg_origin;

typedef struct tg_catalog tg_catalog;
typedef struct tg_item tg_item;

struct tg_item {
	const char *id;
	const char *ref;	/* display reference; the id when not given */
	const char *official_ref;	/* the source document's own numbering, where it
					 * differs from ref and is known; or NULL */
	const char *title;	/* NULL: unknown */
	const char *text;	/* NULL: none */
	const char *flag;	/* data-quality warning, or NULL */
	const char *note;
	int level;		/* effective level (lowest of cited ones) */
	int *cited_levels;	/* when sources disagree: every level given */
	size_t ncited_levels;
	const char **tags;
	size_t ntags;
	const char **links;	/* references as written */
	tg_pos *link_pos;
	tg_item **link_items;	/* resolved (NULL where dangling) */
	size_t nlinks;
	tg_provenance prov;
	tg_catalog *catalog;
	tg_item *parent;
	const char *parent_id;	/* `parent:` as written (flat lists) */
	tg_pos parent_pos;
	tg_item **children;
	size_t nchildren;
	unsigned depth;		/* 0 for roots */
	size_t index;		/* position in catalog->items (tree order) */
	tg_pos pos;
};

struct tg_catalog {
	const char *id;
	const char *title;
	const char *short_title;
	const char *publisher;
	const char *version;
	const char *date;
	const char *description;
	const char **levels;
	size_t nlevels;
	tg_provenance prov;	/* default for items */
	const tg_node *meta;
	tg_item **items;	/* tree order (pre-order, roots in file order) */
	size_t nitems;
	tg_item **roots;
	size_t nroots;
	tg_map by_id;
	const char *file;
	const char *path;	/* relative to the data directory */
	tg_pos pos;
};

typedef enum tg_relationship {
	TG_REL_EQUAL,
	TG_REL_SUBSET_OF,
	TG_REL_SUPERSET_OF,
	TG_REL_INTERSECTS_WITH,
	TG_REL_NO_RELATIONSHIP,
	TG_REL_COUNT
} tg_relationship;

typedef enum tg_rationale {
	TG_RAT_UNSET,
	TG_RAT_SYNTACTIC,
	TG_RAT_SEMANTIC,
	TG_RAT_FUNCTIONAL,
	TG_RAT_DERIVED		/* computed by composing crosswalks; never read from a file */
} tg_rationale;

typedef enum tg_status {
	TG_STATUS_UNSET,
	TG_STATUS_REVIEWED,
	TG_STATUS_SUGGESTED,
	TG_STATUS_UNMAPPED,
	TG_STATUS_COUNT
} tg_status;

typedef enum tg_action {
	TG_ACTION_UNSET,
	TG_ACTION_ADD,
	TG_ACTION_AMEND,
	TG_ACTION_NONE
} tg_action;

typedef struct tg_xw_target {
	const char *target_id;
	tg_item *target;	/* resolved */
	tg_relationship relationship;
	int strength;		/* 0-10, or -1 when not given */
	tg_rationale rationale;
	tg_status status;	/* effective (own, row's, file's, or suggested) */
	const char *note;
	tg_pos pos;
	/* A pair computed by composition (derive:, model/compose.c): status
	 * suggested, rationale derived, and the items it passes through, in
	 * order from source to target (SCS 4-1-3 for jama → SCS → IPA). */
	bool derived;
	const tg_item **via;
	size_t nvia;
} tg_xw_target;

typedef struct tg_proposal {
	tg_action action;
	const char *clause_id;
	tg_item *clause;	/* resolved, in the crosswalk's target catalog */
	const char *text;
	const char *note;
	tg_pos pos;
	tg_pos clause_pos;
} tg_proposal;

typedef struct tg_xw_row {
	const char *source_id;
	tg_item *source;	/* resolved */
	tg_xw_target *targets;
	size_t ntargets;
	tg_status status;	/* effective status of the row itself */
	tg_proposal *proposal;	/* NULL: none */
	const char *note;
	tg_pos pos;
	tg_pos source_pos;
	bool derived;		/* made by the derivation alone: no row in the file */
} tg_xw_row;

typedef struct tg_crosswalk tg_crosswalk;

/* One link of a derived crosswalk's chain: `ID` or `~ID` (its inverse). */
typedef struct tg_xw_via {
	const char *id;		/* without the '~' */
	bool inverse;
	tg_crosswalk *xw;	/* resolved, the crosswalk as stored (not its inverse) */
	tg_pos pos;
} tg_xw_via;

struct tg_crosswalk {
	const char *id;
	const char *title;
	const char *description;
	const char *source_id;
	const char *target_id;
	tg_catalog *source;
	tg_catalog *target;
	tg_status status;	/* file default, or UNSET */
	tg_provenance prov;
	/* The effective rows: those of the file, or, for a derived crosswalk,
	 * the file's rows merged with the composed pairs in source order (a
	 * pair written in the file wins over the derived pair it repeats). */
	tg_xw_row *rows;
	size_t nrows;
	tg_map row_by_source;	/* source item id -> tg_xw_row (of rows) */
	tg_xw_row *stored_rows;	/* the rows as written in the file (what people edit) */
	size_t nstored_rows;
	/* derive: {via: [A, ~B]} — composed when the data is linked. */
	tg_xw_via *via;
	size_t nvia;
	tg_pos derive_pos;
	int derive_state;	/* model/compose.c: 0 to do, 1 in progress, 2 done, 3 failed */
	/* The inverse view (~ID): every crosswalk has one once linked; an
	 * inverse points back through inverse_of. */
	tg_crosswalk *inverse;
	const tg_crosswalk *inverse_of;
	const char *file;
	const char *path;	/* relative to the data directory */
	tg_pos pos;
	tg_pos source_pos, target_pos;
};

typedef struct tg_term {
	const char *term;
	const char *definition;
	const char *reading;
	const char *note;
	tg_provenance prov;	/* own, else the industry's (kind UNSET in registries) */
	tg_pos pos;
} tg_term;

typedef struct tg_example {
	const char *key;
	const char *text;
	const char *note;
	tg_provenance prov;	/* own, else the industry's */
	tg_pos pos;
	tg_pos key_pos;
} tg_example;

/* An industry's own addition to the baseline regulation (industries
 * without a guideline; with one, additions are crosswalk proposals). */
typedef struct tg_addition {
	const char *id;		/* stable name, unique in the industry: profiles'
				 * exclude / replace `item: ID` */
	tg_pos id_pos;
	const char *clause_id;
	tg_item *clause;	/* resolved, in the baseline */
	tg_action action;	/* TG_ACTION_ADD or TG_ACTION_AMEND */
	const char *title;	/* heading of an `add`; name in tables */
	const char *text;
	const char *note;
	tg_provenance prov;	/* own, else the industry's */
	tg_pos pos;
	tg_pos clause_pos;
} tg_addition;

typedef struct tg_industry {
	const char *id;
	const char *title;
	const char *short_title;	/* label of its own additions; the title when absent */
	const char *description;
	const char *guideline_id;	/* NULL: an industry without a guideline */
	const char *baseline_id;
	tg_catalog *guideline;
	tg_catalog *baseline;
	const char **crosswalk_ids;
	tg_pos *crosswalk_pos;
	tg_crosswalk **crosswalks;
	size_t ncrosswalks;
	const char *default_level_name;
	int default_level;	/* index in the guideline's levels, or TG_LEVEL_NONE */
	tg_term *terms;
	size_t nterms;
	tg_example *examples;
	size_t nexamples;
	tg_addition *additions;
	size_t nadditions;
	tg_provenance prov;
	const char *file;
	tg_pos pos;
	tg_pos guideline_pos, baseline_pos, default_level_pos, examples_pos;
} tg_industry;

typedef enum tg_param_type {
	TG_PARAM_STRING,
	TG_PARAM_INTEGER,
	TG_PARAM_DATE,
	TG_PARAM_BOOLEAN,
	TG_PARAM_LIST,
	TG_PARAM_TABLE
} tg_param_type;

typedef struct tg_param {
	const char *name;
	tg_param_type type;
	const char *description;
	const tg_node *def;	/* default value, or NULL */
	bool required;
	const char **clauses;
	tg_pos *clause_pos;
	size_t nclauses;
	const char **columns;
	size_t ncolumns;
	bool has_min, has_max;
	long min, max;
	const char *example;
	tg_pos pos;
} tg_param;

struct tg_tset;

typedef struct tg_paramset {
	const char *id;
	const char *catalog_id;	/* catalog the clause ids belong to */
	tg_catalog *catalog;
	const char *templates;	/* directory under templates/ */
	tg_param *params;
	size_t nparams;
	tg_map by_name;
	tg_term *terms;		/* the terms the templates rely on, with default definitions */
	size_t nterms;
	const char *file;
	tg_pos pos;
	tg_pos catalog_pos, templates_pos;
	struct tg_tset *tset;	/* its templates, once loaded (load/templates.h) */
} tg_paramset;

/* A term dictionary (a file under mappings/terms/): groups of words that mean the
 * same (synonyms) or belong together (related), for `suggest`. */
typedef struct tg_term_group {
	const char **terms;
	tg_pos *term_pos;
	size_t nterms;
	bool synonyms;		/* false: related terms */
	const char *note;
	tg_pos pos;
} tg_term_group;

typedef struct tg_termset {
	const char *id;
	const char *title;
	const char *description;
	tg_provenance prov;
	tg_term_group *groups;
	size_t ngroups;
	const char *file;
	tg_pos pos;
} tg_termset;

/* A company profile: kept as its YAML tree; the regulation module reads it. */
typedef struct tg_profile {
	const char *id;
	const char *industry_id;
	tg_industry *industry;
	tg_pos industry_pos;
	const tg_node *root;
	const char *file;
	tg_pos pos;
} tg_profile;

/* One loaded data directory (mappings/ and templates/). */
typedef struct tg_data {
	tg_arena arena;
	const char *root;	/* the data directory as given */
	tg_buf catalogs;	/* tg_catalog *, sorted by id */
	tg_buf crosswalks;	/* tg_crosswalk *, sorted by id */
	tg_buf industries;	/* tg_industry *, sorted by id */
	tg_buf paramsets;	/* tg_paramset *, sorted by id */
	tg_buf profiles;	/* tg_profile *, sorted by id */
	tg_buf termsets;	/* tg_termset *, sorted by id */
	tg_buf inverses;	/* tg_crosswalk *: the ~ID views (in crosswalk_by_id as "~ID") */
	tg_buf forms;		/* struct tg_form * (model/form.h), in file order */
	tg_buf broken_forms;	/* struct tg_broken_form (lenient loading: set aside) */
	tg_map catalog_by_id, crosswalk_by_id, industry_by_id, paramset_by_id, profile_by_id;
	tg_map form_by_id, termset_by_id;
	/* Ids of files that could not be loaded at all: references to them are
	 * not reported again (the file's own error says it all). */
	tg_map broken_ids;
	/* Commands that use the data rather than check it set invalid profiles
	 * aside (tg_data_open_using): one bad company profile must not stop
	 * the 突合表.  Their files and ids are kept for `render --profile`. */
	bool lenient_profiles;
	tg_buf broken_profiles;	/* tg_broken_profile */
} tg_data;

typedef struct tg_broken_profile {
	const char *path;	/* as loaded (display name) */
	const char *id;		/* its id, when it could be read; else NULL */
} tg_broken_profile;

/* Sets a profile aside (lenient_profiles): it leaves d->profiles and the
 * index, and one warning names its file. */
void tg_data_set_aside_profile(tg_data *d, tg_diag *diag, const char *path, const char *id);
/* The set-aside profile of an id, or NULL. */
const tg_broken_profile *tg_data_broken_profile(const tg_data *d, const char *id);

#define TG_DATA_COUNT(d, what, T) TG_BUF_COUNT(&(d)->what, T *)
#define TG_DATA_AT(d, what, T, i) TG_BUF_AT(&(d)->what, T *, i)

/* Lookups (NULL when absent).  A crosswalk id may be written "~ID": the
 * inverse of crosswalk ID (target -> source, relationships inverted). */
tg_catalog *tg_data_catalog(const tg_data *d, const char *id);
tg_crosswalk *tg_data_crosswalk(const tg_data *d, const char *id);
tg_industry *tg_data_industry(const tg_data *d, const char *id);
tg_paramset *tg_data_paramset(const tg_data *d, const char *id);
tg_profile *tg_data_profile(const tg_data *d, const char *id);
tg_item *tg_catalog_item(const tg_catalog *c, const char *id);
/* Resolves "CATALOG:ITEM" (or a bare id in `dflt`). */
tg_item *tg_data_ref(const tg_data *d, const char *ref, const tg_catalog *dflt);

/* Names of enumerations, as written in YAML. */
const char *tg_relationship_name(tg_relationship r);
const char *tg_rationale_name(tg_rationale r);
const char *tg_status_name(tg_status s);
const char *tg_action_name(tg_action a);
const char *tg_prov_kind_name(tg_prov_kind k);
const char *tg_param_type_name(tg_param_type t);
/* Where an item comes from (its provenance, reduced to what readers see). */
tg_origin tg_item_origin(const tg_item *it);
/* The same for any provenance (an industry's examples, terms, additions). */
tg_origin tg_prov_origin(const tg_provenance *p);
/* Level name for display: the level, "unknown", or NULL for none. */
const char *tg_item_level_name(const tg_item *it);
/* True when item satisfies "needed at level L" (cumulative: level <= L).
 * Items without a level (groups) and unknown levels are kept by callers'
 * own rules; this only compares known levels. */
bool tg_item_level_at_most(const tg_item *it, int level);
/* Index of a level name in the catalog, or TG_LEVEL_NONE. */
int tg_catalog_level(const tg_catalog *c, const char *name);
/* Is `anc` an ancestor of (or equal to) `it`? */
bool tg_item_within(const tg_item *it, const tg_item *anc);

/* ---- the relationship algebra and derived crosswalks (compose.c) ----
 * Relationships read "source REL target".  Composition: A r1 B and B r2 C
 * give A (r1 ∘ r2) C; see docs/crosswalk.md#derived-crosswalks. */

/* r read from the other side: subset-of <-> superset-of, the rest alike. */
tg_relationship tg_rel_inverse(tg_relationship r);
/* no-relationship absorbs; equal is neutral; anything with
 * intersects-with is intersects-with; subset-of ∘ subset-of is subset-of,
 * superset-of ∘ superset-of superset-of, and a subset/superset mix
 * intersects-with.  Associative, and inverse(a ∘ b) = inverse(b) ∘
 * inverse(a). */
tg_relationship tg_rel_compose(tg_relationship a, tg_relationship b);
/* How close a relationship is, for choosing between paths: equal 0,
 * subset-of 1, superset-of 2, intersects-with 3, no-relationship 4. */
int tg_rel_closeness(tg_relationship r);
/* Weakest link of two strengths (-1, not given, is weaker than any). */
int tg_strength_weakest(int a, int b);
/* Builds every inverse (~ID) and computes every derived crosswalk, in
 * dependency order; reports at their positions a `via` that names no
 * crosswalk, a chain whose catalogs do not meet, and a cycle.  Called by
 * tg_data_link once the stored rows are resolved. */
void tg_xw_derive_all(tg_data *d, tg_diag *diag);

#endif
