/* Deterministic zip archives in memory through libzip (see zip.h). */
#include "zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct entry {
	char *name;
	char *data;
	size_t len;
	bool compress;
} entry;

struct tg_zip {
	tg_buf entries;		/* entry */
};

/* MS-DOS date of 1980-01-01 ((year - 1980) << 9 | month << 5 | day), 00:00. */
#define DOS_DATE ((0u << 9) | (1u << 5) | 1u)
#define DOS_TIME 0u
/* A regular file, rw-r--r--, in the high half of the external attributes. */
#define FILE_ATTRIBUTES (0100644u << 16)

tg_zip *
tg_zip_new(void)
{
	return tg_xcalloc(1, sizeof(tg_zip));
}

static void
push(tg_zip *z, const char *name, char *data, size_t len, bool compress)
{
	entry e = {tg_xstrdup(name), data, len, compress};
	TG_BUF_PUSH(&z->entries, entry, e);
}

void
tg_zip_add(tg_zip *z, const char *name, const void *data, size_t len, bool compress)
{
	char *copy = tg_xmalloc(len ? len : 1);
	if (len > 0)
		memcpy(copy, data, len);
	push(z, name, copy, len, compress);
}

void
tg_zip_add_buf(tg_zip *z, const char *name, tg_buf *b)
{
	size_t len = b->len;
	char *data = b->data ? tg_buf_detach(b) : tg_xstrdup("");
	push(z, name, data, len, true);
}

void
tg_zip_free(tg_zip *z)
{
	if (z == NULL)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(&z->entries, entry); i++) {
		free(TG_BUF_AT(&z->entries, entry, i).name);
		free(TG_BUF_AT(&z->entries, entry, i).data);
	}
	tg_buf_free(&z->entries);
	free(z);
}

static void
error_text(char *err, size_t errlen, const char *what, const char *why)
{
	snprintf(err, errlen, "%s: %s", what, why);
}

bool
tg_zip_finish(tg_zip *z, tg_buf *out, char *err, size_t errlen)
{
	bool ok = false;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = NULL;
	if (mem == NULL) {
		error_text(err, errlen, "zip buffer", zip_error_strerror(&ze));
		goto out;
	}
	zip_source_keep(mem);	/* read back after zip_close */
	za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
	if (za == NULL) {
		error_text(err, errlen, "zip archive", zip_error_strerror(&ze));
		goto out;
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&z->entries, entry); i++) {
		const entry *e = &TG_BUF_AT(&z->entries, entry, i);
		zip_source_t *src = zip_source_buffer(za, e->data, e->len, 0);
		zip_int64_t idx = src ? zip_file_add(za, e->name, src, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(src);
			error_text(err, errlen, e->name, zip_strerror(za));
			goto out;
		}
		zip_uint64_t ix = (zip_uint64_t)idx;
		if (zip_set_file_compression(za, ix, e->compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
		    e->compress ? 1 : 0) != 0 ||
		    zip_file_set_dostime(za, ix, DOS_TIME, DOS_DATE, 0) != 0 ||
		    zip_file_set_external_attributes(za, ix, 0, ZIP_OPSYS_UNIX, FILE_ATTRIBUTES) != 0) {
			error_text(err, errlen, e->name, zip_strerror(za));
			goto out;
		}
	}
	if (zip_close(za) != 0) {
		error_text(err, errlen, "zip archive", zip_strerror(za));
		goto out;
	}
	za = NULL;
	zip_stat_t st;
	if (zip_source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(mem) != 0) {
		error_text(err, errlen, "zip archive", zip_error_strerror(zip_source_error(mem)));
		goto out;
	}
	tg_buf_clear(out);
	tg_buf_reserve(out, (size_t)st.size + 1);
	zip_int64_t n = zip_source_read(mem, out->data, st.size);
	zip_source_close(mem);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		error_text(err, errlen, "zip archive", "short read of the archive in memory");
		goto out;
	}
	out->len = (size_t)n;
	out->data[out->len] = '\0';
	ok = true;
out:
	if (za != NULL)
		zip_discard(za);
	zip_source_free(mem);
	zip_error_fini(&ze);
	tg_zip_free(z);
	return ok;
}
