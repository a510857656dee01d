/* Import spec patterns (spec_re.c), used while reading a spec (spec.c);
 * internal to src/load/import/. */
#ifndef TG_IMPORT_SPEC_RE_H
#define TG_IMPORT_SPEC_RE_H

#include "import.h"

/* The arena of a spec (its tree, strings and patterns). */
static inline tg_arena *
tg_import_spec_arena(tg_import_spec *s)
{
	return &s->data->arena;
}
/* Compiles the pattern of scalar n (a bad pattern is reported at the
 * offending character); `group` names the capture holding the value. */
tg_import_re *tg_import_re_compile(tg_import_spec *s, const tg_node *n, const char *what,
    const char *group);
/* A default pattern, compiled from text the spec does not hold. */
tg_import_re *tg_import_re_default(tg_import_spec *s, const char *src, const char *group);

#endif
