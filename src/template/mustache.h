/* Mustache templates: a parser and renderer that pass the official
 * Mustache spec (github.com/mustache/spec: interpolation, sections,
 * inverted sections, comments, partials, set delimiters, and the optional
 * ~inheritance and ~dynamic-names modules; lambdas need a host language and
 * are not supported).  Values are tg_node trees (YAML or JSON through
 * tg_yaml_parse, or built with the constructors below).  See
 * docs/templates.md for the user-facing description.
 *
 * Values.  Falsey: plain false / False / FALSE, null (plain empty, ~, null,
 * Null, NULL), an empty sequence, a missing name.  Everything else is truthy,
 * including "" written with quotes, 0 and an empty mapping.  A section over a
 * sequence renders once per item; over anything else truthy, once with the
 * value pushed on the context stack.  Interpolating a scalar prints its text,
 * except that a plain scalar holding a decimal number with a fraction or an
 * exponent is printed the way JavaScript prints the number (1.210 -> 1.21,
 * 1e3 -> 1000, 0.50 -> 0.5); integers and quoted scalars print verbatim.
 * Null prints nothing; a mapping or a sequence prints nothing (an error in
 * strict mode).
 *
 * Escaping of {{name}} (never of {{{name}}} or {{&name}}):
 *   HTML      & < > " '  become  &amp; &lt; &gt; &quot; &#39;
 *   MARKDOWN  - anywhere: a backslash goes before  \ ` * _ [ ] | ^
 *               and  & < > ~  become  &amp; &lt; &gt; &#126;  (Discount,
 *               the Markdown library totsugo links, has no \< or \~);
 *             - at the start of a line, that is when only spaces, tabs and
 *               block markers ("- ", "* ", "+ ", "1. ", "1) ", ">") precede
 *               the character on its output line (this holds at the value's
 *               start when the output so far ends a line or a marker, and
 *               after every newline inside the value): a backslash goes before
 *               # + - , = becomes &#61;, and in a run of ASCII digits
 *               followed by . or ) a backslash goes before the . or ).
 *             Newlines, leading spaces and everything else pass through.
 *   NONE      nothing is escaped.
 *
 * Strict mode: every name that resolves to nothing (interpolation, section,
 * inverted section, dynamic partial / parent name, and a missing partial)
 * is an error at its tag's file:line:col.  The render goes on so that all of
 * them are reported, each tag once; tg_mus_render then fails.
 *
 * Limits: sections nest at most TG_MUS_MAX_NESTING deep in one template;
 * partials and parents nest at most TG_MUS_MAX_DEPTH deep while rendering (a
 * template that includes itself stops there with an error); output is bounded
 * by tg_mus_options.max_output and rendering work by tg_mus_options.max_steps
 * (every node visited, text or tag, and every iteration of a section counts
 * one step), each a positioned error that stops the render. */
#ifndef TG_MUSTACHE_H
#define TG_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "../load/yaml.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/diag.h"

#define TG_MUS_MAX_NESTING 64
#define TG_MUS_MAX_DEPTH 64
#define TG_MUS_MAX_OUTPUT (64u * 1024u * 1024u)
#define TG_MUS_MAX_STEPS 100000000u

typedef struct tg_mus tg_mus;	/* a parsed template (opaque) */

typedef enum tg_mus_escape {
	TG_MUS_ESCAPE_HTML,
	TG_MUS_ESCAPE_MARKDOWN,
	TG_MUS_ESCAPE_NONE
} tg_mus_escape;

/* What a partial lookup found. */
typedef enum tg_mus_partial_status {
	TG_MUS_PARTIAL_FOUND,
	TG_MUS_PARTIAL_MISSING,		/* renders as nothing (an error in strict mode) */
	TG_MUS_PARTIAL_REJECTED,	/* a name that may not be used: an error */
	TG_MUS_PARTIAL_IO_ERROR		/* it exists but cannot be read: an error */
} tg_mus_partial_status;

/* Filled in by a partial lookup.  The strings need only stay valid until
 * the next call (the engine copies them). */
typedef struct tg_mus_partial {
	const char *file;	/* FOUND: the name used in positions */
	const char *text;	/* FOUND: the template text */
	size_t len;
	const char *message;	/* otherwise, optional: why, for the error message */
} tg_mus_partial;

/* Looks a partial up by name (the {{>name}} / {{<name}} of a tag). */
typedef tg_mus_partial_status (*tg_mus_partial_fn)(void *ud, const char *name,
    tg_mus_partial *found);

typedef struct tg_mus_options {
	bool strict;		/* undefined names are errors */
	tg_mus_escape escape;
	tg_mus_partial_fn partial;	/* NULL: every partial is missing */
	void *partial_ud;
	size_t max_output;	/* bytes; 0 means TG_MUS_MAX_OUTPUT */
	size_t max_steps;	/* 0 means TG_MUS_MAX_STEPS */
} tg_mus_options;

/* Spec behaviour: not strict, HTML escaping, no partials. */
#define TG_MUS_OPTIONS_INIT {false, TG_MUS_ESCAPE_HTML, NULL, NULL, 0, 0}

/* Parses a template.  Returns NULL after reporting every syntax error
 * (unclosed or mismatched section, unclosed tag, bad delimiters, bad name,
 * invalid UTF-8) at its file:line:col.  The text is registered with diag
 * for quoting and copied; `file` is copied too.  (Partials, parsed during
 * a render, are given to diag only when a message is about them.) */
tg_mus *tg_mus_parse(const char *file, const char *text, size_t len, tg_diag *diag);
void tg_mus_free(tg_mus *m);

/* Renders m against context (NULL: an empty context), appending to out.
 * Returns TG_EXIT_OK, TG_EXIT_INVALID (strict-mode errors, a partial that
 * does not parse, a rejected partial name, a limit) or TG_EXIT_IO (a partial
 * that cannot be read); on failure, out holds a partial result.  opt NULL
 * means TG_MUS_OPTIONS_INIT. */
int tg_mus_render(const tg_mus *m, const tg_node *context, const tg_mus_options *opt,
    tg_buf *out, tg_diag *diag);

/* Static walk over the tags of one template (partials are not followed). */
typedef enum tg_mus_kind {
	TG_MUS_VARIABLE,	/* {{name}} */
	TG_MUS_UNESCAPED,	/* {{{name}}} or {{&name}} */
	TG_MUS_SECTION,		/* {{#name}} */
	TG_MUS_INVERTED,	/* {{^name}} */
	TG_MUS_PARTIAL,		/* {{>name}} */
	TG_MUS_BLOCK,		/* {{$name}} */
	TG_MUS_PARENT		/* {{<name}} */
} tg_mus_kind;

typedef struct tg_mus_tag {
	tg_mus_kind kind;
	const char *name;	/* without sigil, '*' or padding; "." for the implicit iterator */
	bool dynamic;		/* {{>*name}} / {{<*name}}: name is looked up in the context */
	tg_pos pos;		/* the opening delimiter; span covers the tag */
	const char *const *sections;	/* enclosing {{#}} / {{^}} names, outermost first */
	size_t nsections;
} tg_mus_tag;

/* Calls fn for every tag in source order, sections before their content.
 * Text inside a parent tag outside its blocks is ignored by Mustache and
 * not visited. */
void tg_mus_walk(const tg_mus *m, void (*fn)(void *ud, const tg_mus_tag *tag), void *ud);
/* Gives the template's text to diag again (e.g. a diag other than the one
 * given to tg_mus_parse), so that messages at its tags quote their line. */
void tg_mus_add_source(const tg_mus *m, tg_diag *diag);

/* Partials from a directory: the partial NAME is the file DIR/NAME.mustache.
 * A name may contain '/' to reach subdirectories; names that are empty,
 * absolute, or have a "." or ".." component are REJECTED, so that neither a
 * template nor (through {{>*name}}) the data can reach outside DIR.  Files
 * larger than TG_FS_MAX_INPUT are IO_ERROR. */
typedef struct tg_mus_dir tg_mus_dir;
tg_mus_dir *tg_mus_dir_new(const char *dir);
void tg_mus_dir_free(tg_mus_dir *d);
tg_mus_partial_status tg_mus_dir_partial(void *dir, const char *name, tg_mus_partial *found);

/* Partials from a mapping node (name -> template text), e.g. the
 * `partials` of a spec test; ud is the const tg_node *.  Positions in a
 * partial are reported against its name. */
tg_mus_partial_status tg_mus_node_partial(void *map, const char *name, tg_mus_partial *found);

/* Building contexts programmatically.  Nodes live in the arena.  Arrays
 * grow by doubling, so tg_node_map_add / tg_node_seq_add accept only nodes
 * made by tg_node_new_map / tg_node_new_seq (the YAML loader sizes its
 * arrays exactly: copy its pairs into a new map to extend one). */
tg_node *tg_node_new_map(tg_arena *a, tg_pos pos);
tg_node *tg_node_new_seq(tg_arena *a, tg_pos pos);
/* A quoted scalar: printed verbatim, truthy even when empty. */
tg_node *tg_node_new_string(tg_arena *a, tg_pos pos, const char *s);
tg_node *tg_node_new_stringn(tg_arena *a, tg_pos pos, const char *s, size_t len);
/* Plain scalars: true / false, null, an integer. */
tg_node *tg_node_new_bool(tg_arena *a, tg_pos pos, bool v);
tg_node *tg_node_new_null(tg_arena *a, tg_pos pos);
tg_node *tg_node_new_int(tg_arena *a, tg_pos pos, long long v);
/* Appends key -> value (the key is copied; an existing key is not
 * replaced: lookups find the first). */
void tg_node_map_add(tg_arena *a, tg_node *map, const char *key, tg_node *value);
void tg_node_seq_add(tg_arena *a, tg_node *seq, tg_node *item);

#endif
