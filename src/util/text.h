/* Small string helpers shared by loaders and renderers. */
#ifndef TG_TEXT_H
#define TG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Edit distance between two UTF-8 strings, counted in bytes, capped at
 * `cap` (returns cap when at least cap). */
size_t tg_text_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to word, or NULL if none is close enough to be a
 * plausible typo. */
const char *tg_text_suggest(const char *word, const char *const *candidates, size_t n);
bool tg_text_starts_with(const char *s, const char *prefix);
bool tg_text_ends_with(const char *s, const char *suffix);
/* Natural comparison: digit runs compare as numbers ("No.9" < "No.10"). */
int tg_text_natcmp(const char *a, const char *b);
/* Appends s in Japanese quotation marks: 「s」, or 『s』 when s has 「 of its
 * own (a title such as 日建連「協力会社における…」). */
struct tg_buf;
void tg_text_quote(struct tg_buf *b, const char *s);

#endif
