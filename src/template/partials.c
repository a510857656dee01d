/* Partial lookups: files of a directory, or the strings of a mapping. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mustache.h"
#include "../util/fs.h"

struct tg_mus_dir {
	char *dir;
	char *path;	/* the last file looked up */
	tg_buf text;	/* its content */
	char message[512];
};

tg_mus_dir *
tg_mus_dir_new(const char *dir)
{
	tg_mus_dir *d = tg_xcalloc(1, sizeof *d);
	d->dir = tg_xstrdup(dir);
	return d;
}

void
tg_mus_dir_free(tg_mus_dir *d)
{
	if (d == NULL)
		return;
	free(d->dir);
	free(d->path);
	tg_buf_free(&d->text);
	free(d);
}

/* The name must stay inside the directory, whatever the template or (for
 * dynamic names) the data say: relative, no "." or ".." component. */
static const char *
bad_name(const char *name)
{
	if (name[0] == '\0')
		return "it is empty";
	if (name[0] == '/')
		return "it is an absolute path; partials are found inside the partials directory";
	for (const char *s = name; *s != '\0';) {
		const char *slash = strchr(s, '/');
		size_t len = slash ? (size_t)(slash - s) : strlen(s);
		if (len == 0)
			return "it has an empty path component";
		if ((len == 1 && s[0] == '.') || (len == 2 && s[0] == '.' && s[1] == '.'))
			return "'.' and '..' components could leave the partials directory";
		s += len;
		if (*s == '/')
			s++;
	}
	return NULL;
}

tg_mus_partial_status
tg_mus_dir_partial(void *ud, const char *name, tg_mus_partial *found)
{
	tg_mus_dir *d = ud;
	const char *why = bad_name(name);
	if (why != NULL) {
		found->message = why;
		return TG_MUS_PARTIAL_REJECTED;
	}
	free(d->path);
	size_t len = strlen(name);
	char *file = tg_xmalloc(len + sizeof ".mustache");
	memcpy(file, name, len);
	memcpy(file + len, ".mustache", sizeof ".mustache");
	d->path = tg_fs_join(d->dir, file);
	free(file);
	tg_fs_status st = tg_fs_read(d->path, TG_FS_MAX_INPUT, &d->text);
	if (st == TG_FS_OK) {
		found->file = d->path;
		found->text = d->text.data ? d->text.data : "";
		found->len = d->text.len;
		return TG_MUS_PARTIAL_FOUND;
	}
	if (st == TG_FS_TOO_BIG) {
		snprintf(d->message, sizeof d->message, "%s is larger than the %u MiB limit", d->path,
		    TG_FS_MAX_INPUT / (1024u * 1024u));
		found->message = d->message;
		return TG_MUS_PARTIAL_IO_ERROR;
	}
	int err = st == TG_FS_ERRNO ? errno : 0;
	snprintf(d->message, sizeof d->message, "%s: %s", d->path, tg_fs_why(st));
	found->message = d->message;
	return err == ENOENT || err == ENOTDIR ? TG_MUS_PARTIAL_MISSING : TG_MUS_PARTIAL_IO_ERROR;
}

tg_mus_partial_status
tg_mus_node_partial(void *ud, const char *name, tg_mus_partial *found)
{
	const tg_node *v = tg_node_get(ud, name);
	if (v == NULL || v->kind != TG_NODE_SCALAR)
		return TG_MUS_PARTIAL_MISSING;
	found->file = name;
	found->text = v->str;
	found->len = v->len;
	return TG_MUS_PARTIAL_FOUND;
}
