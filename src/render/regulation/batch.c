/* `render` for many companies at once (an association, a support
 * provider): the data is loaded and checked once by the caller, every
 * profile of the batch is resolved and checked here before anything is
 * rendered (all problems reported together), then each profile's
 * regulation is built and staged by a worker process (util/workers.h) and
 * handed back to this process, which commits every file as one output
 * set.  Each regulation is rendered exactly as `render --profile P` alone
 * renders it (the same tg_reg_stage), into its own directory, so neither
 * the number of workers nor the order they finish in changes a byte; the
 * report lists the files in the order the profiles were given.  What all
 * profiles share is done once: the clause templates are parsed before the
 * workers start. */
#include <stdlib.h>
#include <string.h>

#include "reg.h"
#include "../../util/fs.h"
#include "../../util/map.h"
#include "../../util/outset.h"
#include "../../util/workers.h"

typedef struct batch {
	const tg_data *d;
	const tg_render_options *o;
	tg_reg_target *targets;
	size_t n;
	tg_outset *set;
	tg_buf *handed;		/* per profile: its files, "PATH\0TMP\0" pairs */
} batch;

/* In a worker: one profile's files, staged and handed over. */
static int
run_one(size_t i, void *ud, tg_buf *result, tg_diag *diag)
{
	batch *b = ud;
	tg_outset *set = tg_outset_new();
	int rc = tg_reg_stage(b->d, &b->targets[i], b->o->formats, set, diag);
	if (rc == TG_EXIT_OK)
		tg_outset_hand_over(set, result);
	tg_outset_free(set);
	return rc;
}

/* In this process: the files join the batch's output set. */
static void
take_one(size_t i, const char *result, size_t len, void *ud)
{
	batch *b = ud;
	const char *p = result, *end = result + len;
	tg_buf_put(&b->handed[i], result, len);
	while (p < end) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		const char *tmp = nul ? nul + 1 : end;
		const char *tmp_nul = tmp < end ? memchr(tmp, '\0', (size_t)(end - tmp)) : NULL;
		if (tmp_nul == NULL)
			break;
		tg_outset_adopt(b->set, p, tmp);
		p = tmp_nul + 1;
	}
}

/* The profiles of the batch, in order: --profile arguments, then the
 * files under --profiles DIR (sorted). */
static int
collect(const tg_render_options *o, tg_buf *args, tg_buf *files, tg_diag *diag)
{
	for (size_t i = 0; i < o->nprofiles; i++)
		TG_BUF_PUSH(args, const char *, o->profiles[i]);
	if (o->profiles_dir == NULL)
		return TG_EXIT_OK;
	if (!tg_fs_is_dir(o->profiles_dir)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: no such directory (--profiles)",
		    o->profiles_dir);
		return TG_EXIT_USAGE;
	}
	if (!tg_fs_list(o->profiles_dir, ".yaml", files)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: cannot read the directory (--profiles)",
		    o->profiles_dir);
		return TG_EXIT_IO;
	}
	if (TG_BUF_COUNT(files, char *) == 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: no profile files (*.yaml) (--profiles)",
		    o->profiles_dir);
		return TG_EXIT_USAGE;
	}
	for (size_t i = 0; i < TG_BUF_COUNT(files, char *); i++)
		TG_BUF_PUSH(args, const char *, TG_BUF_AT(files, char *, i));
	return TG_EXIT_OK;
}

int
tg_reg_batch(tg_data *d, const tg_render_options *o, tg_buf *report, tg_diag *diag)
{
	tg_buf args = TG_BUF_INIT, files = TG_BUF_INIT;
	tg_map dirs;
	tg_map_init(&dirs);
	batch b = {d, o, NULL, 0, NULL, NULL};
	tg_reg_parsed *parsed = NULL;
	int rc = TG_EXIT_OK;
	/* The industry and --level, reported once rather than per profile. */
	tg_reg_target t;
	rc = tg_reg_resolve(d, o, NULL, true, &t, diag);
	free(t.dir);
	if (rc != TG_EXIT_OK)
		goto out;
	rc = collect(o, &args, &files, diag);
	if (rc != TG_EXIT_OK)
		goto out;
	b.n = TG_BUF_COUNT(&args, const char *);
	b.targets = tg_xcalloc(b.n, sizeof *b.targets);
	/* Every profile is resolved and checked before anything is rendered. */
	for (size_t i = 0; i < b.n; i++) {
		const char *arg = TG_BUF_AT(&args, const char *, i);
		int r = tg_reg_resolve(d, o, arg, true, &b.targets[i], diag);
		if (r > rc)
			rc = r;
		if (r != TG_EXIT_OK)
			continue;
		const char *first = tg_map_put(&dirs, b.targets[i].dir, (void *)arg);
		if (first != NULL) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "profile '%s' is in the batch twice "
			    "(%s and %s)", b.targets[i].profile->id, first, arg);
			if (TG_EXIT_USAGE > rc)
				rc = TG_EXIT_USAGE;
		}
	}
	if (rc != TG_EXIT_OK)
		goto out;
	/* The clauses are parsed once here, for every worker (copy on write). */
	parsed = tg_reg_parse_all(tg_reg_tset_for(d, b.targets[0].spec.ind->baseline), diag);
	if (parsed == NULL) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	for (size_t i = 0; i < b.n; i++)
		b.targets[i].spec.parsed = parsed;
	b.set = tg_outset_new();
	b.handed = tg_xcalloc(b.n, sizeof *b.handed);
	tg_workers_job job = {run_one, take_one, &b};
	rc = tg_workers_run(b.n, o->jobs ? o->jobs : tg_workers_online(), &job, diag);
	if (rc == TG_EXIT_OK)
		rc = tg_outset_commit(b.set, diag);
	if (rc == TG_EXIT_OK) {
		for (size_t i = 0; i < b.n; i++) {
			const tg_buf *h = &b.handed[i];
			for (size_t at = 0; at < h->len;) {
				const char *path = h->data + at;
				at += strlen(path) + 1;
				at += strlen(h->data + at) + 1;
				tg_buf_printf(report, "wrote %s\n", path);
			}
		}
	}
out:
	tg_reg_parsed_free(parsed);
	tg_outset_free(b.set);
	for (size_t i = 0; i < b.n; i++) {
		free(b.targets[i].dir);
		if (b.handed != NULL)
			tg_buf_free(&b.handed[i]);
	}
	free(b.targets);
	free(b.handed);
	tg_map_free(&dirs);
	tg_buf_free(&args);
	tg_fs_list_free(&files);
	return rc;
}
