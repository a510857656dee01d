/* Unit tests of src/diff: segmentation, Myers, redlines (Japanese text),
 * similarity, item matching, and the migrated crosswalk loading again. */
#include <stdint.h>

#include "testutil.h"
#include "config.h"
#include "diff/diff.h"
#include "load/load.h"
#include "util/text.h"

/* ---- segmentation ---------------------------------------------------- */

static char *
tokens_joined(const char *s)
{
	tg_buf toks = TG_BUF_INIT, out = TG_BUF_INIT;
	size_t n = tg_diff_segment(s, strlen(s), &toks);
	for (size_t i = 0; i < n; i++) {
		tg_diff_token t = TG_BUF_AT(&toks, tg_diff_token, i);
		if (i)
			tg_buf_putc(&out, '|');
		tg_buf_put(&out, s + t.off, t.len);
	}
	tg_buf_free(&toks);
	return tg_buf_detach(&out);
}

START_TEST(segment_by_character_class)
{
	char *j = tokens_joined("情報セキュリティを守る。ABC 123、ｶﾀｶﾅとＡＢＣ");
	ck_assert_str_eq(j, "情報|セキュリティ|を|守|る|。|ABC| |123|、|ｶﾀｶﾅ|と|ＡＢＣ");
	free(j);
	/* ー continues katakana (and hiragana), 々 is a kanji, ・ separates. */
	j = tokens_joined("サーバー・時々すごーい");
	ck_assert_str_eq(j, "サーバー|・|時々|すごーい");
	free(j);
	/* Punctuation is one token per character; spaces form runs. */
	j = tokens_joined("「A」（B）  \n★3");
	ck_assert_str_eq(j, "「|A|」|（|B|）|  \n|★|3");
	free(j);
	j = tokens_joined("");
	ck_assert_str_eq(j, "");
	free(j);
}
END_TEST

START_TEST(character_classes)
{
	ck_assert_int_eq(tg_diff_char_class(0x3000), TG_DC_SPACE);	/* ideographic space */
	ck_assert_int_eq(tg_diff_char_class(0x3005), TG_DC_KANJI);	/* 々 */
	ck_assert_int_eq(tg_diff_char_class(0x20B9F), TG_DC_KANJI);	/* 𠮟 */
	ck_assert_int_eq(tg_diff_char_class(0x3042), TG_DC_HIRAGANA);
	ck_assert_int_eq(tg_diff_char_class(0x30FC), TG_DC_KATAKANA);	/* ー */
	ck_assert_int_eq(tg_diff_char_class(0xFF71), TG_DC_KATAKANA);	/* ｱ */
	ck_assert_int_eq(tg_diff_char_class(0xFF21), TG_DC_WORD);	/* Ａ */
	ck_assert_int_eq(tg_diff_char_class(0x00E9), TG_DC_WORD);	/* é */
	ck_assert_int_eq(tg_diff_char_class(0x3001), TG_DC_PUNCT);	/* 、 */
	ck_assert_int_eq(tg_diff_char_class(0x2605), TG_DC_PUNCT);	/* ★ */
	ck_assert_int_eq(tg_diff_char_class('-'), TG_DC_PUNCT);
}
END_TEST

/* ---- Myers ----------------------------------------------------------- */

/* Applies the script to a and checks that it gives b; returns the number
 * of edits. */
static size_t
apply_script(const uint32_t *a, size_t n, const uint32_t *b, size_t m, const tg_buf *script)
{
	size_t x = 0, y = 0, edits = 0;
	for (size_t i = 0; i < TG_BUF_COUNT(script, tg_diff_op); i++) {
		tg_diff_op o = TG_BUF_AT(script, tg_diff_op, i);
		if (i > 0)
			ck_assert_int_ne(o.op, TG_BUF_AT(script, tg_diff_op, i - 1).op);
		switch (o.op) {
		case TG_OP_EQ:
			for (size_t k = 0; k < o.n; k++)
				ck_assert_uint_eq(a[x + k], b[y + k]);
			x += o.n;
			y += o.n;
			break;
		case TG_OP_DEL:
			x += o.n;
			edits += o.n;
			break;
		case TG_OP_INS:
			y += o.n;
			edits += o.n;
			break;
		}
	}
	ck_assert_uint_eq(x, n);
	ck_assert_uint_eq(y, m);
	return edits;
}

static size_t
lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *row = calloc((m + 1) * (n + 1), sizeof *row);
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;) {
			size_t v = a[i] == b[j] ? row[(i + 1) * (m + 1) + j + 1] + 1 : 0;
			if (row[(i + 1) * (m + 1) + j] > v)
				v = row[(i + 1) * (m + 1) + j];
			if (row[i * (m + 1) + j + 1] > v)
				v = row[i * (m + 1) + j + 1];
			row[i * (m + 1) + j] = v;
		}
	size_t r = row[0];
	free(row);
	return r;
}

START_TEST(myers_classic_example)
{
	/* Myers' paper: ABCABBA → CBABAC takes 5 edits. */
	const uint32_t a[] = {'A', 'B', 'C', 'A', 'B', 'B', 'A'}, b[] = {'C', 'B', 'A', 'B', 'A', 'C'};
	tg_buf script = TG_BUF_INIT;
	tg_diff_seq(a, 7, b, 6, &script);
	ck_assert_uint_eq(apply_script(a, 7, b, 6, &script), 5);
	tg_buf_free(&script);
	/* Empty sides. */
	tg_diff_seq(a, 0, b, 6, &script);
	ck_assert_uint_eq(apply_script(a, 0, b, 6, &script), 6);
	tg_buf_clear(&script);
	tg_diff_seq(a, 7, b, 0, &script);
	ck_assert_uint_eq(apply_script(a, 7, b, 0, &script), 7);
	tg_buf_free(&script);
}
END_TEST

START_TEST(myers_is_minimal_on_random_sequences)
{
	uint32_t seed = 12345;
	for (int round = 0; round < 300; round++) {
		uint32_t a[60], b[60];
		seed = seed * 1103515245u + 12345u;
		size_t n = (seed >> 16) % 60;
		seed = seed * 1103515245u + 12345u;
		size_t m = (seed >> 16) % 60;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = (seed >> 16) % 4;
		}
		for (size_t i = 0; i < m; i++) {
			seed = seed * 1103515245u + 12345u;
			b[i] = (seed >> 16) % 4;
		}
		tg_buf script = TG_BUF_INIT;
		tg_diff_seq(a, n, b, m, &script);
		ck_assert_uint_eq(apply_script(a, n, b, m, &script), n + m - 2 * lcs(a, n, b, m));
		tg_buf_free(&script);
	}
}
END_TEST

START_TEST(myers_gives_up_gracefully_beyond_max_d)
{
	size_t n = 3 * TG_DIFF_MAX_D;
	uint32_t *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
	for (size_t i = 0; i < n; i++) {
		a[i] = (uint32_t)i;
		b[i] = (uint32_t)(i + n);	/* nothing in common */
	}
	a[0] = b[0] = 7;
	tg_buf script = TG_BUF_INIT;
	tg_diff_seq(a, n, b, n, &script);
	ck_assert_uint_eq(apply_script(a, n, b, n, &script), 2 * (n - 1));
	tg_buf_free(&script);
	free(a);
	free(b);
}
END_TEST

/* ---- redlines -------------------------------------------------------- */

/* The redline as "=kept-deleted+inserted" pieces joined by '|'. */
static char *
redline_str(const char *a, const char *b)
{
	tg_buf spans = TG_BUF_INIT, out = TG_BUF_INIT;
	tg_diff_redline(a, b, &spans);
	for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
		tg_diff_span sp = TG_BUF_AT(&spans, tg_diff_span, i);
		if (i)
			tg_buf_putc(&out, '|');
		tg_buf_putc(&out, sp.op == TG_OP_EQ ? '=' : sp.op == TG_OP_DEL ? '-' : '+');
		tg_buf_put(&out, sp.s, sp.len);
	}
	tg_buf_free(&spans);
	return tg_buf_detach(&out);
}

START_TEST(redline_japanese_words)
{
	char *r = redline_str("セキュリティ推進活動部門", "セキュリティ推進体制");
	ck_assert_str_eq(r, "=セキュリティ推進|-活動部門|+体制");
	free(r);
	/* A particle and okurigana change stay small. */
	r = redline_str("機密情報を回収する。", "機密情報を破棄する。");
	ck_assert_str_eq(r, "=機密情報を|-回収|+破棄|=する。");
	free(r);
	/* Kanji runs are long tokens; their shared ends stay unmarked. */
	r = redline_str("経営層に対し、年1回活動状況を報告する。", "経営層に対し、四半期ごとに活動状況を報告する。");
	ck_assert_str_eq(r, "=経営層に対し、|-年1回|+四半期ごとに|=活動状況を報告する。");
	free(r);
	/* Numbers change as whole words. */
	r = redline_str("2026-03-27", "2026-09-30");
	ck_assert_str_eq(r, "=2026-|-03-27|+09-30");
	free(r);
	r = redline_str("version 2.3", "version 2.4");
	ck_assert_str_eq(r, "=version 2.|-3|+4");
	free(r);
}
END_TEST

START_TEST(redline_edges)
{
	char *r = redline_str("同じ文", "同じ文");
	ck_assert_str_eq(r, "=同じ文");
	free(r);
	r = redline_str(NULL, "新しい");
	ck_assert_str_eq(r, "+新しい");
	free(r);
	r = redline_str("古い", "");
	ck_assert_str_eq(r, "-古い");
	free(r);
	r = redline_str("", NULL);
	ck_assert_str_eq(r, "");
	free(r);
	/* Invalid UTF-8 neither crashes nor loses bytes. */
	r = redline_str("a\xff" "b", "a\xfe" "b");
	ck_assert_str_eq(r, "=a|-\xff|+\xfe|=b");
	free(r);
}
END_TEST

START_TEST(redline_merges_tiny_equalities)
{
	/* Without the clean-up: -取得|+保管|=し|-記録|+廃棄 …; one "し" between
	 * two replacements is noise. */
	char *r = redline_str("データを取得し記録する", "データを保管し廃棄する");
	ck_assert_str_eq(r, "=データを|-取得し記録|+保管し廃棄|=する");
	free(r);
	/* A long equality between changes stays. */
	r = redline_str("Aは情報資産を管理する担当者であるB", "Cは情報資産を管理する担当者であるD");
	ck_assert_str_eq(r, "-A|+C|=は情報資産を管理する担当者である|-B|+D");
	free(r);
}
END_TEST

START_TEST(redline_multiline)
{
	char *r = redline_str("第1段落。\n\n第2段落は古い。", "第1段落。\n\n第2段落は新しい。");
	ck_assert_str_eq(r, "=第1段落。\n\n第2段落は|-古|+新し|=い。");
	free(r);
}
END_TEST

/* Whatever the input, kept + deleted pieces give a, kept + inserted give b. */
START_TEST(redline_reconstructs_both_sides)
{
	static const char *const pieces[] = {"情報", "を", "、", "セキュリティ", "A", "12", " ", "\n",
	    "。", "ー", "ｶﾅ", "々", "\xff", "の", "管理", "する", "★"};
	uint32_t seed = 99;
	for (int round = 0; round < 500; round++) {
		tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT, spans = TG_BUF_INIT, ra = TG_BUF_INIT,
		    rb = TG_BUF_INIT;
		for (int side = 0; side < 2; side++) {
			seed = seed * 1103515245u + 12345u;
			size_t n = (seed >> 16) % 40;
			for (size_t i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				tg_buf_puts(side ? &b : &a, pieces[(seed >> 16) % 17]);
			}
		}
		tg_diff_redline(tg_buf_cstr(&a), tg_buf_cstr(&b), &spans);
		for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
			tg_diff_span sp = TG_BUF_AT(&spans, tg_diff_span, i);
			ck_assert_uint_gt(sp.len, 0);
			if (sp.op != TG_OP_INS)
				tg_buf_put(&ra, sp.s, sp.len);
			if (sp.op != TG_OP_DEL)
				tg_buf_put(&rb, sp.s, sp.len);
		}
		ck_assert_str_eq(tg_buf_cstr(&ra), tg_buf_cstr(&a));
		ck_assert_str_eq(tg_buf_cstr(&rb), tg_buf_cstr(&b));
		tg_buf_free(&a);
		tg_buf_free(&b);
		tg_buf_free(&spans);
		tg_buf_free(&ra);
		tg_buf_free(&rb);
	}
}
END_TEST

/* ---- similarity ------------------------------------------------------ */

START_TEST(similarity_dice_on_bigrams)
{
	ck_assert_int_eq(tg_text_similarity("機密情報の取扱い", "機密情報の取扱い"), 1000);
	/* White space, punctuation, case and full-width forms do not count. */
	ck_assert_int_eq(tg_text_similarity("情報、資産。", "情報 資産"), 1000);
	ck_assert_int_eq(tg_text_similarity("ＡＢＣ対策", "abc対策"), 1000);
	ck_assert_int_eq(tg_text_similarity("情報", "管理"), 0);
	ck_assert_int_eq(tg_text_similarity("", ""), 0);
	ck_assert_int_eq(tg_text_similarity("情", "情"), 1000);	/* one character */
	/* 機密情報の取扱い / 機密情報の管理: 7 and 6 bigrams, 4 shared. */
	ck_assert_int_eq(tg_text_similarity("機密情報の取扱い", "機密情報の管理"), 2 * 1000 * 4 / 13);
	/* Multisets: repeated bigrams count as often as they occur. */
	ck_assert_int_eq(tg_text_similarity("ああああ", "ああ"), 2 * 1000 * 1 / 4);
}
END_TEST

START_TEST(similarity_index_candidates)
{
	const char *texts[] = {"バックアップを取得する", "アカウントを管理する", "バックアップを保管する",
	    "ログを取得する"};
	tg_bigrams p[4];
	memset(p, 0, sizeof p);
	for (int i = 0; i < 4; i++) {
		tg_bigrams_add(&p[i], texts[i]);
		tg_bigrams_finish(&p[i]);
	}
	tg_simidx ix;
	tg_simidx_build(&ix, p, 4, NULL);
	tg_bigrams q = {NULL, 0};
	tg_bigrams_add(&q, "バックアップを取得し保管する");
	tg_bigrams_finish(&q);
	uint32_t out[4];
	size_t n = tg_simidx_candidates(&ix, &q, NULL, 600, out, 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(out[0], 0);	/* most shared bigrams first */
	ck_assert_uint_eq(out[1], 2);
	bool allow[4] = {false, true, true, true};
	n = tg_simidx_candidates(&ix, &q, allow, 600, out, 4);
	ck_assert_uint_ge(n, 2);
	ck_assert_uint_eq(out[0], 2);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_ne(out[i], 0);
	tg_simidx_free(&ix);
	tg_bigrams_free(&q);
	for (int i = 0; i < 4; i++)
		tg_bigrams_free(&p[i]);
}
END_TEST

/* ---- matching -------------------------------------------------------- */

static const tg_catalog *
load_catalog(tg_data *d, tg_diag *diag, const char *name, const char *yaml)
{
	ck_assert_int_eq(tg_data_load_text(d, diag, name, yaml, strlen(yaml)), TG_EXIT_OK);
	ck_assert_int_eq(tg_data_link(d, diag), TG_EXIT_OK);
	return TG_DATA_AT(d, catalogs, tg_catalog, 0);
}

static const tg_diff_entry *
entry_of(const tg_catdiff *cd, const char *old_id, const char *new_id)
{
	for (size_t i = 0; i < cd->nentries; i++) {
		const tg_diff_entry *e = &cd->entries[i];
		bool ok_old = old_id == NULL ? e->old_item == NULL
		    : e->old_item != NULL && strcmp(e->old_item->id, old_id) == 0;
		bool ok_new = new_id == NULL ? e->new_item == NULL
		    : e->new_item != NULL && strcmp(e->new_item->id, new_id) == 0;
		if (ok_old && ok_new)
			return e;
	}
	ck_abort_msg("no entry %s -> %s", old_id ? old_id : "-", new_id ? new_id : "-");
	return NULL;
}

static const char old_yaml[] =
    "kind: catalog\nid: v1\ntitle: T\nlevels: [L1, L2]\nprovenance: authored\nitems:\n"
    "  - {id: g1, title: 組織}\n"
    "  - {id: g2, title: 技術}\n"
    "  - {id: a, parent: g1, title: 方針の策定, level: L1, text: 情報セキュリティ方針を定め、全従業員に周知する。}\n"
    "  - {id: b, parent: g1, title: 体制, level: L2, text: 推進部門を設置し、責任者を任命する。}\n"
    "  - {id: c, parent: g1, title: 脆弱性の管理, level: L2, text: 脆弱性情報を収集し、対応の手順を定める。}\n"
    "  - {id: d, parent: g2, title: アカウント, level: L1, text: 利用者ごとにアカウントを発行する。また、管理者権限は必要な者だけに付与する。}\n"
    "  - {id: e1, parent: g2, title: バックアップ取得, level: L1, text: 重要なデータのバックアップを定期的に取得する。}\n"
    "  - {id: e2, parent: g2, title: バックアップ保管, level: L1, text: バックアップをネットワークから切り離して保管する。}\n"
    "  - {id: f, parent: g2, title: 廃止される項目, level: L2, text: 紙の書類を施錠できる書庫に保管する。}\n"
    "  - {id: h, parent: g1, title: 教育, level: L1, text: 従業員に年1回の教育を行う。}\n";

static const char new_yaml[] =
    "kind: catalog\nid: v2\ntitle: T\nlevels: [L1, L2]\nprovenance: authored\nitems:\n"
    "  - {id: g1, title: 組織}\n"
    "  - {id: g2, title: 技術}\n"
    /* a: reworded; b: level; c moved to id c2 and a new c reuses the id */
    "  - {id: a, parent: g1, title: 方針の策定, level: L1, text: 情報セキュリティ方針を定め、全従業員と取引先に周知する。}\n"
    "  - {id: b, parent: g1, title: 体制, level: L1, text: 推進部門を設置し、責任者を任命する。}\n"
    "  - {id: c, parent: g1, title: 委託先の評価, level: L2, text: 委託先のセキュリティ対策を評価する。}\n"
    "  - {id: c2, parent: g1, title: 脆弱性の管理, level: L2, text: 脆弱性情報を収集し、対応の手順を文書で定める。}\n"
    /* d split into d and d2; e1 + e2 merged into e1 */
    "  - {id: d, parent: g2, title: アカウント, level: L1, text: 利用者ごとにアカウントを発行する。}\n"
    "  - {id: d2, parent: g2, title: 管理者権限, level: L1, text: 管理者権限は、必要な者だけに付与する。}\n"
    "  - {id: e1, parent: g2, title: バックアップ, level: L1, text: 重要なデータのバックアップを定期的に取得し、ネットワークから切り離して保管する。}\n"
    /* h moved from g1 to g2 */
    "  - {id: h, parent: g2, title: 教育, level: L1, text: 従業員に年1回の教育を行う。}\n";

START_TEST(matching_finds_every_kind)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d1 = tg_data_new("."), *d2 = tg_data_new(".");
	const tg_catalog *oc = load_catalog(d1, diag, "old.yaml", old_yaml);
	const tg_catalog *nc = load_catalog(d2, diag, "new.yaml", new_yaml);
	tg_catdiff cd;
	tg_catdiff_compute(&cd, oc, nc);
	const tg_diff_entry *e = entry_of(&cd, "a", "a");
	ck_assert_uint_eq(e->kinds, TG_DK_MODIFIED);
	ck_assert_uint_eq(e->fields, TG_DF_TEXT);
	e = entry_of(&cd, "b", "b");
	ck_assert_uint_eq(e->kinds, TG_DK_MODIFIED);
	ck_assert_uint_eq(e->fields, TG_DF_LEVEL);
	e = entry_of(&cd, "c", "c2");
	ck_assert_uint_eq(e->kinds, TG_DK_RENUMBERED | TG_DK_MODIFIED);
	ck_assert_int_ge(e->similarity, TG_DIFF_RENUMBER);
	ck_assert_int_lt(e->similarity, 1000);
	entry_of(&cd, NULL, "c");	/* the reused id is a new item */
	e = entry_of(&cd, "d", NULL);
	ck_assert_uint_eq(e->kinds, TG_DK_SPLIT);
	ck_assert_uint_eq(e->nparts, 2);
	ck_assert_str_eq(e->parts[0].item->id, "d");
	ck_assert_str_eq(e->parts[1].item->id, "d2");
	e = entry_of(&cd, NULL, "e1");
	ck_assert_uint_eq(e->kinds, TG_DK_MERGED);
	ck_assert_uint_eq(e->nparts, 2);
	ck_assert_str_eq(e->parts[0].item->id, "e1");
	ck_assert_str_eq(e->parts[1].item->id, "e2");
	e = entry_of(&cd, "f", NULL);
	ck_assert_uint_eq(e->kinds, TG_DK_REMOVED);
	e = entry_of(&cd, "h", "h");
	ck_assert_uint_eq(e->kinds, TG_DK_MOVED);
	ck_assert_uint_eq(e->fields, TG_DF_PARENT);
	ck_assert_uint_eq(cd.nentries, 8);
	ck_assert_uint_eq(cd.counts[tg_diff_kind_index(TG_DK_ADDED)], 1);
	ck_assert_uint_eq(cd.counts[tg_diff_kind_index(TG_DK_MODIFIED)], 3);
	/* Per level: the new item's level (b counts under L1 now). */
	ck_assert_str_eq(cd.levels[0].level, "L1");
	ck_assert_uint_eq(cd.levels[0].counts[tg_diff_kind_index(TG_DK_MODIFIED)], 2);
	/* Report order follows the new catalog; f comes after e1. */
	ck_assert_str_eq(cd.entries[cd.nentries - 2].old_item->id, "f");
	/* A catalog against itself: nothing. */
	tg_catdiff same;
	tg_catdiff_compute(&same, oc, oc);
	ck_assert(tg_catdiff_identical(&same));
	tg_catdiff_free(&same);
	tg_catdiff_free(&cd);
	tg_data_free(d1);
	tg_data_free(d2);
	tg_diag_free(diag);
}
END_TEST

/* n items with distinct texts; the new version renumbers every 20th item
 * (shifted ids) and rewords every 7th.  Every renumbered item is found. */
START_TEST(matching_scales_and_is_deterministic)
{
	size_t n = 3000;
	tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT;
	const char *words[] = {"情報", "資産", "管理", "取引先", "委託", "記録", "教育", "監査",
	    "暗号", "鍵", "端末", "通信", "権限", "手順", "点検", "報告"};
	tg_buf_puts(&a, "kind: catalog\nid: big1\ntitle: T\nprovenance: authored\nitems:\n");
	tg_buf_puts(&b, "kind: catalog\nid: big2\ntitle: T\nprovenance: authored\nitems:\n");
	for (size_t i = 0; i < n; i++) {
		tg_buf t = TG_BUF_INIT;
		for (size_t k = 0; k < 6; k++)
			tg_buf_printf(&t, "%sの%s", words[(i >> (k * 2)) % 16], words[(i * 7 + k * 3) % 16]);
		tg_buf_printf(&t, "を第%zu号として定める。", i);
		tg_buf_printf(&a, "  - {id: \"i%zu\", title: \"%s\"}\n", i, t.data);
		if (i % 20 == 5)
			tg_buf_printf(&b, "  - {id: \"r%zu\", title: \"%s\"}\n", i, t.data);
		else if (i % 7 == 3)
			tg_buf_printf(&b, "  - {id: \"i%zu\", title: \"%s。改\"}\n", i, t.data);
		else
			tg_buf_printf(&b, "  - {id: \"i%zu\", title: \"%s\"}\n", i, t.data);
		tg_buf_free(&t);
	}
	tg_diag *diag = tg_diag_new();
	tg_data *d1 = tg_data_new("."), *d2 = tg_data_new(".");
	const tg_catalog *oc = load_catalog(d1, diag, "a.yaml", a.data);
	const tg_catalog *nc = load_catalog(d2, diag, "b.yaml", b.data);
	tg_catdiff cd, again;
	tg_catdiff_compute(&cd, oc, nc);
	tg_catdiff_compute(&again, oc, nc);
	size_t renumbered = 0;
	for (size_t i = 0; i < cd.nentries; i++) {
		const tg_diff_entry *e = &cd.entries[i];
		ck_assert(e->old_item && e->new_item);	/* nothing added or removed */
		if (e->kinds & TG_DK_RENUMBERED) {
			ck_assert_str_eq(e->old_item->id + 1, e->new_item->id + 1);
			renumbered++;
		}
		ck_assert_ptr_eq(e->old_item, again.entries[i].old_item);
		ck_assert_ptr_eq(e->new_item, again.entries[i].new_item);
		ck_assert_uint_eq(e->kinds, again.entries[i].kinds);
	}
	ck_assert_uint_eq(renumbered, n / 20);
	tg_catdiff_free(&cd);
	tg_catdiff_free(&again);
	tg_data_free(d1);
	tg_data_free(d2);
	tg_diag_free(diag);
	tg_buf_free(&a);
	tg_buf_free(&b);
}
END_TEST

/* ---- the command, end to end ----------------------------------------- */

#define FIXTURES TOTSUGO_SOURCE_DIR "/tests/regress/diff/migrate-source"

static void
copy(const char *from, const char *dir, const char *rel)
{
	tg_buf text = TG_BUF_INIT;
	ck_assert_int_eq(tg_fs_read(from, 1u << 20, &text), TG_FS_OK);
	tu_write(dir, rel, text.data);
	tg_buf_free(&text);
}

/* The draft loads with the new catalog: `validate` accepts it. */
static void
migrate_and_validate(const char *xw_file, const char *draft_rel)
{
	tg_diff_options o = {FIXTURES, TG_DIFF_TEXT, false, xw_file, "draft.yaml"};
	tg_buf out = TG_BUF_INIT, draft = TG_BUF_INIT;
	tg_diag *diag = tg_diag_new();
	ck_assert_int_eq(tg_diff(&o, "demo-scs-2026-03", FIXTURES "/new.yaml", &out, &draft, diag),
	    TG_DIFF_DIFFERENT);
	ck_assert(tg_text_starts_with(out.data, "draft.yaml: crosswalk "));
	char *dir = tu_tmpdir();
	copy(FIXTURES "/new.yaml", dir, "mappings/new.yaml");
	copy(FIXTURES "/mappings/base.yaml", dir, "mappings/base.yaml");
	copy(FIXTURES "/mappings/other.yaml", dir, "mappings/other.yaml");
	tu_write(dir, draft_rel, draft.data);
	int rc;
	tg_data *d = tg_data_open(dir, diag, &rc);
	if (rc != TG_EXIT_OK)
		tg_diag_print(diag, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	tg_data_free(d);
	tu_rmrf(dir);
	free(dir);
	tg_diag_free(diag);
	tg_buf_free(&out);
	tg_buf_free(&draft);
}

START_TEST(migrated_crosswalks_validate)
{
	migrate_and_validate(FIXTURES "/mappings/xw.yaml", "mappings/xw.yaml");
	migrate_and_validate(FIXTURES "/mappings/other-xw.yaml", "mappings/other-xw.yaml");
}
END_TEST

START_TEST(text_colour_only_when_asked)
{
	tg_diag *diag = tg_diag_new();
	tg_diff_options o = {FIXTURES, TG_DIFF_TEXT, true, NULL, NULL};
	tg_buf out = TG_BUF_INIT;
	ck_assert_int_eq(tg_diff(&o, "demo-scs-2026-03", FIXTURES "/new.yaml", &out, NULL, diag),
	    TG_DIFF_DIFFERENT);
	ck_assert_ptr_nonnull(strstr(out.data, "\033[31m[-"));
	ck_assert_ptr_nonnull(strstr(out.data, "\033[32m{+"));
	tg_buf_clear(&out);
	o.color = false;
	ck_assert_int_eq(tg_diff(&o, "demo-scs-2026-03", FIXTURES "/new.yaml", &out, NULL, diag),
	    TG_DIFF_DIFFERENT);
	ck_assert_ptr_null(strchr(out.data, '\033'));
	tg_buf_clear(&out);
	/* Identical: nothing at all. */
	ck_assert_int_eq(tg_diff(&o, "demo-scs-2026-03", "demo-scs-2026-03", &out, NULL, diag),
	    TG_DIFF_SAME);
	ck_assert_uint_eq(out.len, 0);
	ck_assert_uint_eq(tg_diag_errors(diag), 0);
	tg_buf_free(&out);
	tg_diag_free(diag);
}
END_TEST

static Suite *
diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, segment_by_character_class);
	tcase_add_test(tc, character_classes);
	tcase_add_test(tc, myers_classic_example);
	tcase_add_test(tc, myers_is_minimal_on_random_sequences);
	tcase_add_test(tc, myers_gives_up_gracefully_beyond_max_d);
	tcase_add_test(tc, redline_japanese_words);
	tcase_add_test(tc, redline_edges);
	tcase_add_test(tc, redline_merges_tiny_equalities);
	tcase_add_test(tc, redline_multiline);
	tcase_add_test(tc, redline_reconstructs_both_sides);
	tcase_add_test(tc, similarity_dice_on_bigrams);
	tcase_add_test(tc, similarity_index_candidates);
	tcase_add_test(tc, matching_finds_every_kind);
	tcase_add_test(tc, matching_scales_and_is_deterministic);
	tcase_add_test(tc, migrated_crosswalks_validate);
	tcase_add_test(tc, text_colour_only_when_asked);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(diff_suite());
}
