/* The `template` command: a template file rendered with a data file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mustache.h"
#include "../load/json.h"
#include "../totsugo.h"
#include "../util/fs.h"

/* Reads a whole input file; reports and returns a TG_EXIT_* code. */
static int
read_input(const char *path, tg_buf *text, tg_diag *diag)
{
	tg_fs_status st = tg_fs_read_input(path, TG_FS_MAX_INPUT, text);
	if (st == TG_FS_TOO_BIG) {
		tg_diag_error(diag, tg_pos_at(path, 0, 0), "file is larger than the %u MiB limit",
		    TG_FS_MAX_INPUT / (1024u * 1024u));
		return TG_EXIT_INVALID;
	}
	if (st != TG_FS_OK) {
		tg_diag_error(diag, tg_pos_at(path, 0, 0), "cannot read: %s", strerror(errno));
		return TG_EXIT_IO;
	}
	return TG_EXIT_OK;
}

static tg_mus_escape
mus_escape(tg_template_escape e)
{
	switch (e) {
	case TG_TEMPLATE_MARKDOWN: return TG_MUS_ESCAPE_MARKDOWN;
	case TG_TEMPLATE_NONE: return TG_MUS_ESCAPE_NONE;
	default: return TG_MUS_ESCAPE_HTML;
	}
}

int
tg_template(const char *file, const tg_template_options *o, tg_buf *out, tg_diag *diag)
{
	tg_buf data_text = TG_BUF_INIT, tmpl_text = TG_BUF_INIT;
	tg_arena arena;
	tg_mus *m = NULL;
	tg_mus_dir *partials = NULL;
	char *dir = NULL;
	tg_arena_init(&arena);
	/* Both inputs are read before stopping, so that both are reported. */
	int rc = read_input(o->data, &data_text, diag);
	int trc = read_input(file, &tmpl_text, diag);
	if (trc > rc)
		rc = trc;
	if (o->partials != NULL && !tg_fs_is_dir(o->partials)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: no such directory (--partials)",
		    o->partials);
		rc = TG_EXIT_IO;
	}
	if (rc != TG_EXIT_OK)
		goto out;
	/* The data's text is quoted only by messages about it, which only its
	 * parse gives: it is registered then, and freed before the render (the
	 * nodes hold copies), which keeps a big data file in memory once. */
	const char *data_name = strcmp(o->data, "-") == 0 ? "<stdin>" : o->data;
	size_t errors = tg_diag_errors(diag);
	tg_data_format format = o->data_format == TG_TEMPLATE_DATA_JSON ? TG_DATA_JSON :
	    o->data_format == TG_TEMPLATE_DATA_YAML ? TG_DATA_YAML : TG_DATA_AUTO;
	const tg_node *data = tg_data_parse(&arena, diag, data_name, data_text.data, data_text.len,
	    format);
	if (tg_diag_errors(diag) > errors)
		tg_diag_add_source(diag, data_name, data_text.data, data_text.len);
	tg_buf_free(&data_text);
	m = tg_mus_parse(file, tmpl_text.data, tmpl_text.len, diag);
	if (data == NULL || m == NULL) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (o->partials != NULL) {
		dir = tg_xstrdup(o->partials);
	} else {
		const char *slash = strrchr(file, '/');
		dir = slash ? tg_xstrndup(file, slash == file ? 1 : (size_t)(slash - file)) :
		    tg_xstrdup(".");
	}
	partials = tg_mus_dir_new(dir);
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.strict = o->strict;
	opt.escape = mus_escape(o->escape);
	opt.partial = tg_mus_dir_partial;
	opt.partial_ud = partials;
	size_t start = out->len;
	rc = tg_mus_render(m, data, &opt, out, diag);
	if (rc != TG_EXIT_OK)
		tg_buf_truncate(out, start);
out:
	tg_mus_dir_free(partials);
	free(dir);
	tg_mus_free(m);
	tg_arena_free(&arena);
	tg_buf_free(&data_text);
	tg_buf_free(&tmpl_text);
	return rc;
}
