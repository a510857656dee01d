/* Unit tests of `suggest` (src/suggest/): normalisation of Japanese text,
 * n-grams, the term dictionary, the BM25 index, and the ranking of real
 * catalogs (determinism, shared words, thresholds, the crosswalk it makes
 * loads). */
#include "testutil.h"
#include "crosswalk/write.h"
#include "load/load.h"
#include "suggest/suggest.h"
#include "util/utf8.h"

#define SRC TOTSUGO_SOURCE_ROOT

/* The normalised text as UTF-8, breaks as '|'. */
static char *
normalized(const char *s)
{
	tg_sg_text t = {0};
	tg_sg_normalize(&t, s);
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < t.n; i++) {
		if (t.cp[i] == 0) {
			tg_buf_putc(&b, '|');
			continue;
		}
		char u[4];
		tg_buf_put(&b, u, tg_utf8_encode(t.cp[i], u));
	}
	tg_sg_text_free(&t);
	tg_buf_cstr(&b);
	return tg_buf_detach(&b);
}

START_TEST(normalisation)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"ＵＳＢメモリ", "usbメモリ|"},
		{"ｻｰﾊﾞｰ", "サバ|"},		/* half-width, long vowel marks dropped */
		{"サーバ", "サバ|"},
		{"ｳﾞｨｰｶﾞﾎﾟ", "ヴイガポ|"},	/* dakuten, handakuten, small kana */
		{"ウィルス", "ウイルス|"},
		{"セキュリティ", "セキユリテイ|"},
		{"情報・資産、台帳。", "情報|資産|台帳|"},
		{"a　b", "a|b|"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = normalized(cases[i].in);
		ck_assert_msg(strcmp(got, cases[i].out) == 0, "'%s' -> '%s', want '%s'", cases[i].in, got,
		    cases[i].out);
		free(got);
	}
	/* Byte ranges lead back to the original. */
	tg_sg_text t = {0};
	tg_sg_normalize(&t, "ｻｰﾊﾞ台帳");
	ck_assert_uint_eq(t.n, 5);
	ck_assert_uint_eq(t.from[1], 6);	/* ﾊﾞ: ﾊ and ﾞ, after ｻ and ｰ */
	ck_assert_uint_eq(t.to[1], 12);
	ck_assert_uint_eq(t.from[2], 12);
	tg_sg_text_free(&t);
}
END_TEST

/* The sorted n-gram keys of a text. */
static size_t
grams(const char *s, tg_buf *keys)
{
	tg_sg_text t = {0};
	tg_buf f = TG_BUF_INIT;
	tg_sg_normalize(&t, s);
	tg_sg_grams(&t, 1.0f, &f);
	tg_buf_clear(keys);
	for (size_t i = 0; i < TG_BUF_COUNT(&f, tg_sg_feat); i++)
		TG_BUF_PUSH(keys, uint64_t, TG_BUF_AT(&f, tg_sg_feat, i).key);
	tg_sg_text_free(&t);
	tg_buf_free(&f);
	return TG_BUF_COUNT(keys, uint64_t);
}

START_TEST(okurigana_and_runs)
{
	tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT, c = TG_BUF_INIT;
	/* 持ち出し, 持出し and 持出 give the same n-grams. */
	ck_assert_uint_eq(grams("持ち出し", &a), 3);	/* 持, 出, 持出 */
	ck_assert_uint_eq(grams("持出し", &b), 3);
	ck_assert_uint_eq(grams("持出", &c), 3);
	ck_assert_mem_eq(a.data, b.data, a.len);
	ck_assert_mem_eq(a.data, c.data, a.len);
	/* Longer hiragana end a run: no n-gram across "について". */
	ck_assert_uint_eq(grams("鍵について説明", &a), 1 + 2 + 1);
	/* One letter alone is a unigram; hiragana alone give nothing. */
	ck_assert_uint_eq(grams("a", &a), 1);
	ck_assert_uint_eq(grams("すること", &a), 0);
	tg_buf_free(&a);
	tg_buf_free(&b);
	tg_buf_free(&c);
}
END_TEST

START_TEST(dictionary)
{
	tg_sg_dict *d = tg_sg_dict_new();
	const char *g1[] = {"パスワード", "認証", "ログイン"};
	const char *g2[] = {"持ち出し", "可搬媒体", "ＵＳＢメモリ"};
	ck_assert_uint_eq(tg_sg_dict_add_group(d, g1, 3, false), 0);
	ck_assert_uint_eq(tg_sg_dict_add_group(d, g2, 3, true), 1);
	ck_assert_uint_eq(tg_sg_dict_concepts(d), 2);
	ck_assert(tg_sg_dict_weight(d, 1) > tg_sg_dict_weight(d, 0));	/* synonyms weigh more */
	tg_sg_text t = {0};
	tg_buf hits = TG_BUF_INIT;
	tg_sg_normalize(&t, "ﾊﾟｽﾜｰﾄﾞを使い、usbメモリの持ち出しは認証後");
	tg_sg_dict_match(d, &t, &hits);
	ck_assert_uint_eq(TG_BUF_COUNT(&hits, tg_sg_concept_hit), 4);
	const tg_sg_concept_hit *h = (const tg_sg_concept_hit *)(void *)hits.data;
	ck_assert_uint_eq(h[0].concept, 0);
	ck_assert_str_eq(tg_sg_dict_term(d, h[0].term), "パスワード");
	ck_assert_uint_eq(h[1].concept, 1);
	ck_assert_str_eq(tg_sg_dict_term(d, h[1].term), "ＵＳＢメモリ");
	ck_assert_uint_eq(h[2].concept, 1);
	ck_assert_uint_eq(h[3].concept, 0);
	tg_buf_free(&hits);
	tg_sg_text_free(&t);
	tg_sg_dict_free(d);
}
END_TEST

static void
doc(tg_sg_index *ix, const char *text, float prior)
{
	tg_sg_text t = {0};
	tg_buf f = TG_BUF_INIT;
	tg_sg_normalize(&t, text);
	tg_sg_grams(&t, 1.0f, &f);
	tg_sg_index_add(ix, (const tg_sg_feat *)(void *)f.data, TG_BUF_COUNT(&f, tg_sg_feat), prior);
	tg_sg_text_free(&t);
	tg_buf_free(&f);
}

static size_t
query(tg_sg_index *ix, const char *text, size_t k, tg_sg_hit *hits)
{
	tg_sg_text t = {0};
	tg_buf f = TG_BUF_INIT;
	tg_sg_normalize(&t, text);
	tg_sg_grams(&t, 1.0f, &f);
	size_t n = tg_sg_index_query(ix, (const tg_sg_feat *)(void *)f.data,
	    TG_BUF_COUNT(&f, tg_sg_feat), k, hits);
	tg_sg_text_free(&t);
	tg_buf_free(&f);
	return n;
}

START_TEST(bm25_index)
{
	tg_sg_index *ix = tg_sg_index_new();
	doc(ix, "情報資産管理台帳を作成する", 1);
	doc(ix, "パスワードの管理", 1);
	doc(ix, "パスワードの管理", 1);		/* a tie: the lower doc first */
	doc(ix, "入退室の記録", 1);
	doc(ix, "", 1);
	tg_sg_index_freeze(ix);
	ck_assert_uint_eq(tg_sg_index_docs(ix), 5);
	tg_sg_hit hits[5];
	ck_assert_uint_eq(query(ix, "パスワードを管理する", 5, hits), 3);
	ck_assert_uint_eq(hits[0].doc, 1);
	ck_assert_uint_eq(hits[1].doc, 2);
	ck_assert(hits[0].score == hits[1].score);
	ck_assert_uint_eq(hits[2].doc, 0);	/* 管理 only */
	ck_assert(hits[2].score < hits[0].score);
	ck_assert(hits[0].score > 0.3f && hits[0].score <= 1.5f);
	/* k limits; unknown words and empty queries find nothing. */
	ck_assert_uint_eq(query(ix, "パスワードを管理する", 1, hits), 1);
	ck_assert_uint_eq(hits[0].doc, 1);
	ck_assert_uint_eq(query(ix, "構内の清掃", 5, hits), 0);
	ck_assert_uint_eq(query(ix, "", 5, hits), 0);
	ck_assert_uint_eq(query(ix, "パスワード", 0, hits), 0);
	/* The same query again gives the same scores (scratch is reset). */
	ck_assert_uint_eq(query(ix, "入退室", 5, hits), 1);
	float s = hits[0].score;
	ck_assert_uint_eq(query(ix, "入退室", 5, hits), 1);
	ck_assert(hits[0].score == s);
	tg_sg_index_free(ix);

	/* A prior lowers a document. */
	ix = tg_sg_index_new();
	doc(ix, "教育の記録", 0.5f);
	doc(ix, "教育の記録", 1);
	tg_sg_index_freeze(ix);
	ck_assert_uint_eq(query(ix, "教育", 5, hits), 2);
	ck_assert_uint_eq(hits[0].doc, 1);
	ck_assert(hits[1].score < hits[0].score);
	tg_sg_index_free(ix);
}
END_TEST

static tg_data *
shipped_data(void)
{
	tg_diag *d = tg_diag_new();
	int rc;
	tg_data *data = tg_data_open(SRC, d, &rc);
	tg_diag_print(d, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	tg_diag_free(d);
	return data;
}

START_TEST(ranking_real_catalogs)
{
	tg_data *data = shipped_data();
	const tg_catalog *src = tg_data_catalog(data, "nikkenren-kyoryoku-2023");
	const tg_catalog *tgt = tg_data_catalog(data, "ipa-sme-3.1");
	const tg_industry *ind = tg_data_industry(data, "construction");
	tg_sg_result *r = tg_sg_rank(data, src, tgt, ind, 5, 0.05f);
	ck_assert_uint_gt(r->nrows, 40);
	ck_assert_uint_gt(r->nconcepts, 20);
	/* Every candidate is above the threshold, best first, and has a
	 * strength from its score. */
	for (size_t i = 0; i < r->nrows; i++) {
		const tg_sg_row *row = &r->rows[i];
		ck_assert_uint_le(row->ncands, 5);
		for (size_t k = 0; k < row->ncands; k++) {
			ck_assert(row->cands[k].score >= 0.05f);
			ck_assert(k == 0 || row->cands[k].score <= row->cands[k - 1].score);
			ck_assert_int_ge(row->cands[k].strength, 1);
			ck_assert_int_le(row->cands[k].strength, 8);	/* intersects-with: a partial cover */
			ck_assert_ptr_nonnull(row->cands[k].target->parent);	/* never a part */
		}
	}
	/* The crosswalk made from it loads with the two catalogs. */
	tg_buf yaml = TG_BUF_INIT;
	tg_xw_write_yaml(tg_sg_crosswalk(r), "test", &yaml);
	tg_diag *d = tg_diag_new();
	tg_data *check = tg_data_new(".");
	ck_assert_int_eq(tg_data_load_file(check, d, src->file, NULL), TG_EXIT_OK);
	ck_assert_int_eq(tg_data_load_file(check, d, tgt->file, NULL), TG_EXIT_OK);
	ck_assert_int_eq(tg_data_load_text(check, d, "x.yaml", yaml.data, yaml.len), TG_EXIT_OK);
	ck_assert_int_eq(tg_data_link(check, d), TG_EXIT_OK);
	const tg_crosswalk *xw = tg_data_crosswalk(check, "nikkenren-kyoryoku-2023--ipa-sme-3.1");
	ck_assert_ptr_nonnull(xw);
	ck_assert_uint_eq(xw->nrows, r->nrows);
	/* Written again from the loaded crosswalk: the same bytes. */
	tg_buf again = TG_BUF_INIT;
	tg_xw_write_yaml(xw, "test", &again);
	ck_assert_uint_eq(again.len, yaml.len);
	ck_assert_mem_eq(again.data, yaml.data, yaml.len);
	tg_buf_free(&again);
	tg_data_free(check);
	tg_diag_free(d);

	/* Ranking again gives the same result. */
	tg_sg_result *r2 = tg_sg_rank(data, src, tgt, ind, 5, 0.05f);
	tg_buf yaml2 = TG_BUF_INIT;
	tg_xw_write_yaml(tg_sg_crosswalk(r2), "test", &yaml2);
	ck_assert_uint_eq(yaml2.len, yaml.len);
	ck_assert_mem_eq(yaml2.data, yaml.data, yaml.len);
	tg_buf_free(&yaml2);
	tg_sg_result_free(r2);

	/* A threshold above every score leaves every row unmapped, with the
	 * best candidate named in its note. */
	tg_sg_result *none = tg_sg_rank(data, src, tgt, ind, 3, 1.5f);
	tg_crosswalk *nx = tg_sg_crosswalk(none);
	for (size_t i = 0; i < nx->nrows; i++) {
		ck_assert_uint_eq(nx->rows[i].ntargets, 0);
		ck_assert_int_eq(nx->rows[i].status, TG_STATUS_UNMAPPED);
		ck_assert_ptr_nonnull(nx->rows[i].note);
	}
	tg_sg_result_free(none);
	tg_buf_free(&yaml);
	tg_sg_result_free(r);
	tg_data_free(data);
}
END_TEST

START_TEST(shared_words_name_both_sides)
{
	tg_data *data = shipped_data();
	const tg_catalog *src = tg_data_catalog(data, "nikkenren-kyoryoku-2023");
	const tg_catalog *tgt = tg_data_catalog(data, "ipa-sme-3.1");
	tg_sg_result *r = tg_sg_rank(data, src, tgt, NULL, 10, 0.0f);
	size_t with_words = 0, pairs = 0;
	for (size_t i = 0; i < r->nrows; i++)
		for (size_t k = 0; k < r->rows[i].ncands; k++) {
			pairs++;
			const char *w = r->rows[i].cands[k].shared;
			with_words += *w != '\0';
			/* No fragment of a word (密情報 of 機密情報) is listed. */
			ck_assert_msg(strstr(w, "密情報") == NULL || strstr(w, "機密情報") != NULL, "%s", w);
		}
	ck_assert_uint_gt(with_words * 10, pairs * 8);
	tg_sg_result_free(r);
	tg_data_free(data);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("suggest");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, normalisation);
	tcase_add_test(tc, okurigana_and_runs);
	tcase_add_test(tc, dictionary);
	tcase_add_test(tc, bm25_index);
	tcase_add_test(tc, ranking_real_catalogs);
	tcase_add_test(tc, shared_words_name_both_sides);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
