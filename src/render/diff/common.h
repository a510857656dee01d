/* Pieces shared by the diff renderers (text.c, md.c, html.c, json.c,
 * regulation.c), defined in common.c. */
#ifndef TG_RENDER_DIFF_COMMON_H
#define TG_RENDER_DIFF_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "../../diff/diff.h"
#include "../../util/buf.h"

/* Kinds of an entry joined: "renumbered, modified" / "番号変更・変更". */
void tg_diff_put_kinds(tg_buf *out, unsigned kinds, bool ja);
/* Why a row needs review: "source modified (title, level)" /
 * "対応元: 変更（タイトル・レベル）". */
void tg_diff_put_reason(tg_buf *out, const tg_impact_row *r, bool ja);
/* The row's targets' ids joined by ", " (empty: none). */
void tg_diff_put_targets(tg_buf *out, const tg_xw_row *row);
/* A level for Japanese readers: the name, 不明, or なし. */
const char *tg_diff_level_ja(const char *level);
/* The old and new values of field f of an entry as Japanese readers see
 * them (levels in Japanese, （タイトル不明）, parents as "ref title",
 * （なし） for nothing); bo / bn are scratch space of n bytes each. */
void tg_diff_field_ja_values(const tg_diff_entry *e, unsigned f, char *bo, char *bn, size_t n,
    const char **a, const char **b);
/* A redline (tg_diff_span) as <del>/<ins>, escaped. */
void tg_html_redline(tg_buf *out, const tg_buf *spans);
/* Inline CSS of the HTML reports. */
extern const char tg_diff_css[];

#endif
