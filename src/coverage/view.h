/* The coverage as a tg_view (crosswalk/xview.h): the tables the 突合表's
 * renderers print, and the Japanese labels shared with the JSON output. */
#ifndef TG_COVERAGE_VIEW_H
#define TG_COVERAGE_VIEW_H

#include "../crosswalk/xview.h"
#include "coverage.h"

/* 充足状況 (one row per requirement), 集計, 適用除外の影響. */
tg_view *tg_cov_view_build(const tg_coverage *c);

/* What the requirement is to the regulation's text: 同等, 規程が包含,
 * 要求事項が広い, 一部重複, 関係なし. */
const char *tg_cov_rel_label(tg_relationship r);
/* 「SCS 2-1-2」: the catalog's short title and the item's reference. */
void tg_cov_item_ref(tg_buf *out, const tg_item *it);
/* 「付録5 9.2.1 機密情報の取扱い」. */
void tg_cov_clause_label(tg_buf *out, const tg_item *it);
/* 「自工会 No.44 経由」 (items passed through, those inside derived pairs
 * included; with through_end the path's end too), or 「直接」. */
void tg_cov_path_label(tg_buf *out, const tg_path *p, bool through_end);
/* 「SCS ★3」. */
void tg_cov_scope_label(tg_buf *out, const tg_coverage *c);

#endif
