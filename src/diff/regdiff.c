/* --regulation: two directories of rendered regulation (Markdown files,
 * matched by their path below the directory), compared paragraph by
 * paragraph.  Paragraphs (blocks between blank lines) are aligned with
 * Myers on their exact text; inside each replaced stretch, old and new
 * paragraphs are paired by similarity (in order, maximising the total
 * Dice) and shown as word redlines, the others as deleted or inserted. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../util/fs.h"
#include "../util/map.h"

/* Paired paragraphs must be at least this similar (per mille). */
#define PAIR_MIN 300
/* Stretches larger than this (old × new) are not paired. */
#define PAIR_MAX_CELLS 40000

typedef struct para {
	const char *s;
	size_t len;
} para;

static bool
blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static void
split_paragraphs(const char *text, size_t len, tg_buf *paras)
{
	size_t i = 0;
	const char *start = NULL, *end = NULL;
	while (i < len) {
		const char *line = text + i;
		const char *nl = memchr(line, '\n', len - i);
		size_t n = nl ? (size_t)(nl - line) : len - i;
		if (blank_line(line, n)) {
			if (start != NULL) {
				para p = {start, (size_t)(end - start)};
				TG_BUF_PUSH(paras, para, p);
				start = NULL;
			}
		} else {
			if (start == NULL)
				start = line;
			end = line + n;
			while (end > start && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
				end--;
		}
		i += n + 1;
	}
	if (start != NULL) {
		para p = {start, (size_t)(end - start)};
		TG_BUF_PUSH(paras, para, p);
	}
}

static void
push_block(tg_regfile *f, tg_regblock_kind kind, const para *o, const para *n, int sim)
{
	tg_regblock b = {kind, o ? o->s : NULL, n ? n->s : NULL, o ? o->len : 0, n ? n->len : 0,
	    sim};
	TG_BUF_PUSH(&f->blocks, tg_regblock, b);
	if (kind == TG_RB_CHANGED)
		f->changed++;
	else if (kind == TG_RB_DELETED)
		f->deleted++;
	else if (kind == TG_RB_INSERTED)
		f->inserted++;
}

static void
profile(tg_bigrams *p, const para *a)
{
	char *x = tg_xstrndup(a->s, a->len);
	tg_bigrams_add(p, x);
	tg_bigrams_finish(p);
	free(x);
}

/* Old paragraphs [o0, o1) replaced by new [n0, n1): pair them in order,
 * maximising the summed similarity (a small Needleman–Wunsch). */
static void
pair_stretch(tg_regfile *f, const para *op, size_t o0, size_t o1, const para *np, size_t n0,
    size_t n1)
{
	size_t p = o1 - o0, q = n1 - n0;
	if (p == 0 || q == 0 || p * q > PAIR_MAX_CELLS) {
		for (size_t i = o0; i < o1; i++)
			push_block(f, TG_RB_DELETED, &op[i], NULL, 0);
		for (size_t j = n0; j < n1; j++)
			push_block(f, TG_RB_INSERTED, NULL, &np[j], 0);
		return;
	}
	int *sim = tg_xcalloc(p * q, sizeof *sim);
	long *best = tg_xcalloc((p + 1) * (q + 1), sizeof *best);
	tg_bigrams *po = tg_xcalloc(p, sizeof *po), *pn = tg_xcalloc(q, sizeof *pn);
	for (size_t i = 0; i < p; i++)
		profile(&po[i], &op[o0 + i]);
	for (size_t j = 0; j < q; j++)
		profile(&pn[j], &np[n0 + j]);
	for (size_t i = 0; i < p; i++)
		for (size_t j = 0; j < q; j++)
			sim[i * q + j] = tg_bigrams_dice(&po[i], &pn[j]);
	for (size_t i = 0; i < p; i++)
		tg_bigrams_free(&po[i]);
	for (size_t j = 0; j < q; j++)
		tg_bigrams_free(&pn[j]);
	free(po);
	free(pn);
	/* best[i][j]: the best total for old i.. and new j.. */
	for (size_t i = p + 1; i-- > 0;)
		for (size_t j = q + 1; j-- > 0;) {
			long v = 0;
			if (i < p && best[(i + 1) * (q + 1) + j] > v)
				v = best[(i + 1) * (q + 1) + j];
			if (j < q && best[i * (q + 1) + j + 1] > v)
				v = best[i * (q + 1) + j + 1];
			if (i < p && j < q && sim[i * q + j] >= PAIR_MIN &&
			    best[(i + 1) * (q + 1) + j + 1] + sim[i * q + j] > v)
				v = best[(i + 1) * (q + 1) + j + 1] + sim[i * q + j];
			best[i * (q + 1) + j] = v;
		}
	size_t i = 0, j = 0;
	while (i < p || j < q) {
		long here = best[i * (q + 1) + j];
		if (i < p && j < q && sim[i * q + j] >= PAIR_MIN &&
		    here == best[(i + 1) * (q + 1) + j + 1] + sim[i * q + j]) {
			push_block(f, TG_RB_CHANGED, &op[o0 + i], &np[n0 + j], sim[i * q + j]);
			i++, j++;
		} else if (i < p && here == best[(i + 1) * (q + 1) + j]) {
			push_block(f, TG_RB_DELETED, &op[o0 + i], NULL, 0);
			i++;
		} else {
			push_block(f, TG_RB_INSERTED, NULL, &np[n0 + j], 0);
			j++;
		}
	}
	free(sim);
	free(best);
}

static void
compare_file(tg_regfile *f)
{
	tg_buf po = TG_BUF_INIT, pn = TG_BUF_INIT, script = TG_BUF_INIT;
	split_paragraphs(f->old_text.data ? f->old_text.data : "", f->old_text.len, &po);
	split_paragraphs(f->new_text.data ? f->new_text.data : "", f->new_text.len, &pn);
	size_t no = TG_BUF_COUNT(&po, para), nn = TG_BUF_COUNT(&pn, para);
	const para *op = (const para *)(void *)po.data, *np = (const para *)(void *)pn.data;
	uint32_t *so = tg_xcalloc(no + 1, sizeof *so), *sn = tg_xcalloc(nn + 1, sizeof *sn);
	tg_map intern;
	tg_map_init(&intern);
	uint32_t next = 1;
	for (size_t pass = 0; pass < 2; pass++) {
		const para *ps = pass ? np : op;
		uint32_t *sym = pass ? sn : so;
		for (size_t i = 0, n = pass ? nn : no; i < n; i++) {
			void *v = tg_map_getn(&intern, ps[i].s, ps[i].len);
			if (v == NULL) {
				v = (void *)(uintptr_t)next++;
				tg_map_putn(&intern, ps[i].s, ps[i].len, v);
			}
			sym[i] = (uint32_t)(uintptr_t)v;
		}
	}
	tg_diff_seq(so, no, sn, nn, &script);
	size_t x = 0, y = 0, ops = TG_BUF_COUNT(&script, tg_diff_op);
	for (size_t k = 0; k < ops;) {
		tg_diff_op o = TG_BUF_AT(&script, tg_diff_op, k);
		if (o.op == TG_OP_EQ) {
			for (size_t i = 0; i < o.n; i++)
				push_block(f, TG_RB_SAME, &op[x + i], &np[y + i], TG_SIM_MAX);
			x += o.n;
			y += o.n;
			k++;
			continue;
		}
		size_t x1 = x, y1 = y;
		while (k < ops && TG_BUF_AT(&script, tg_diff_op, k).op != TG_OP_EQ) {
			o = TG_BUF_AT(&script, tg_diff_op, k++);
			if (o.op == TG_OP_DEL)
				x1 += o.n;
			else
				y1 += o.n;
		}
		pair_stretch(f, op, x, x1, np, y, y1);
		x = x1;
		y = y1;
	}
	if (f->status == TG_RF_CHANGED && f->changed + f->deleted + f->inserted == 0)
		f->status = TG_RF_SPACING;
	tg_map_free(&intern);
	free(so);
	free(sn);
	tg_buf_free(&po);
	tg_buf_free(&pn);
	tg_buf_free(&script);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Paths of every *.md below dir, relative to it. */
bool
tg_regdiff_list(const char *dir, tg_buf *names, tg_diag *diag)
{
	tg_buf files = TG_BUF_INIT;
	if (!tg_fs_is_dir(dir)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: not a directory", dir);
		return false;
	}
	if (!tg_fs_list(dir, ".md", &files)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: cannot read: %s", dir, strerror(errno));
		tg_fs_list_free(&files);
		return false;
	}
	char *prefix = tg_fs_join(dir, "");
	size_t plen = strlen(prefix);
	for (size_t i = 0; i < TG_BUF_COUNT(&files, char *); i++) {
		const char *path = TG_BUF_AT(&files, char *, i);
		const char *rel = strncmp(path, prefix, plen) == 0 ? path + plen : path;
		while (*rel == '/')
			rel++;
		char *name = tg_xstrdup(rel);
		TG_BUF_PUSH(names, char *, name);
	}
	free(prefix);
	tg_fs_list_free(&files);
	/* Sorted as whole paths (a directory walk sorts each level only). */
	if (TG_BUF_COUNT(names, char *) > 1)
		qsort(names->data, TG_BUF_COUNT(names, char *), sizeof(char *), cmp_names);
	return true;
}

bool
tg_regdiff_read(const char *dir, const char *name, tg_buf *out, tg_diag *diag)
{
	char *path = tg_fs_join(dir, name);
	tg_fs_status st = tg_fs_read(path, TG_FS_MAX_INPUT, out);
	bool ok = st == TG_FS_OK;
	if (st == TG_FS_TOO_BIG)
		tg_diag_error(diag, tg_pos_at(path, 0, 0), "file is larger than the %u MiB limit",
		    TG_FS_MAX_INPUT / (1024u * 1024u));
	else if (!ok)
		tg_diag_error(diag, tg_pos_at(path, 0, 0), "cannot read: %s", strerror(errno));
	free(path);
	return ok;
}

int
tg_regdiff_compute(tg_regdiff *rd, const char *old_dir, const char *new_dir, tg_diag *diag)
{
	memset(rd, 0, sizeof *rd);
	rd->old_dir = old_dir;
	rd->new_dir = new_dir;
	tg_buf on = TG_BUF_INIT, nn = TG_BUF_INIT, files = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	bool ok_old = tg_regdiff_list(old_dir, &on, diag);
	bool ok_new = tg_regdiff_list(new_dir, &nn, diag);
	if (!ok_old || !ok_new) {
		rc = TG_EXIT_IO;
		goto out;
	}
	/* Both lists are sorted bytewise: merge them. */
	size_t i = 0, j = 0, ni = TG_BUF_COUNT(&on, char *), nj = TG_BUF_COUNT(&nn, char *);
	while (i < ni || j < nj) {
		const char *a = i < ni ? TG_BUF_AT(&on, char *, i) : NULL;
		const char *b = j < nj ? TG_BUF_AT(&nn, char *, j) : NULL;
		int c = a == NULL ? 1 : b == NULL ? -1 : strcmp(a, b);
		tg_regfile f;
		memset(&f, 0, sizeof f);
		f.name = tg_xstrdup(c <= 0 ? a : b);
		bool ok = true;
		if (c <= 0)
			ok &= tg_regdiff_read(old_dir, a, &f.old_text, diag);
		if (c >= 0)
			ok &= tg_regdiff_read(new_dir, b, &f.new_text, diag);
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (!ok)
			rc = TG_EXIT_IO;
		if (c < 0)
			f.status = TG_RF_REMOVED;
		else if (c > 0)
			f.status = TG_RF_ADDED;
		else if (f.old_text.len == f.new_text.len &&
		    (f.old_text.len == 0 || memcmp(f.old_text.data, f.new_text.data, f.old_text.len) == 0))
			f.status = TG_RF_SAME;
		else
			f.status = TG_RF_CHANGED;
		TG_BUF_PUSH(&files, tg_regfile, f);
	}
	rd->nfiles = TG_BUF_COUNT(&files, tg_regfile);
	rd->files = (tg_regfile *)(void *)tg_buf_detach(&files);
	for (size_t k = 0; k < rd->nfiles; k++) {
		if (rd->files[k].status != TG_RF_SAME)
			compare_file(&rd->files[k]);
		rd->counts[rd->files[k].status]++;
	}
out:
	for (size_t k = 0; k < TG_BUF_COUNT(&on, char *); k++)
		free(TG_BUF_AT(&on, char *, k));
	for (size_t k = 0; k < TG_BUF_COUNT(&nn, char *); k++)
		free(TG_BUF_AT(&nn, char *, k));
	tg_buf_free(&on);
	tg_buf_free(&nn);
	return rc;
}

void
tg_regdiff_free(tg_regdiff *rd)
{
	for (size_t k = 0; k < rd->nfiles; k++) {
		free(rd->files[k].name);
		tg_buf_free(&rd->files[k].old_text);
		tg_buf_free(&rd->files[k].new_text);
		tg_buf_free(&rd->files[k].blocks);
	}
	free(rd->files);
	memset(rd, 0, sizeof *rd);
}
