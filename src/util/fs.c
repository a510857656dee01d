#include "fs.h"
#include "outset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads fd to its end into out (at most limit bytes); closes nothing. */
static tg_fs_status
read_fd(int fd, size_t limit, tg_buf *out)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return TG_FS_ERRNO;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > limit)
			return TG_FS_TOO_BIG;
		tg_buf_put(out, chunk, (size_t)n);
	}
	tg_buf_cstr(out);
	return TG_FS_OK;
}

tg_fs_status
tg_fs_read(const char *path, size_t limit, tg_buf *out)
{
	tg_buf_clear(out);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return TG_FS_ERRNO;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return TG_FS_ERRNO;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return TG_FS_ERRNO;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > limit) {
		close(fd);
		return TG_FS_TOO_BIG;
	}
	/* One allocation for a regular file (its size is known). */
	if (S_ISREG(st.st_mode))
		tg_buf_reserve(out, (size_t)st.st_size + 1);
	tg_fs_status status = read_fd(fd, limit, out);
	int e = errno;
	close(fd);
	errno = e;
	return status;
}

tg_fs_status
tg_fs_read_input(const char *path, size_t limit, tg_buf *out)
{
	if (strcmp(path, "-") != 0)
		return tg_fs_read(path, limit, out);
	tg_buf_clear(out);
	return read_fd(STDIN_FILENO, limit, out);
}

bool
tg_fs_mkdirs(const char *path)
{
	char *p = tg_xstrdup(path);
	bool ok = true;
	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				ok = false;
				break;
			}
			if (c == '\0')
				break;
			*s = c;
		}
	}
	if (ok && !tg_fs_is_dir(path)) {
		errno = ENOTDIR;
		ok = false;
	}
	int e = errno;
	free(p);
	errno = e;
	return ok;
}

bool
tg_fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool
tg_fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool
tg_fs_write_atomic(const char *path, const void *data, size_t len)
{
	tg_buf tmp = TG_BUF_INIT;
	int fd = tg_outset_temp_open(path, &tmp);
	if (fd < 0) {
		tg_buf_free(&tmp);
		return false;
	}
	bool ok = true;
	const char *p = data;
	size_t left = len;
	while (ok && left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0) {
			if (errno != EINTR)
				ok = false;
			continue;
		}
		p += n;
		left -= (size_t)n;
	}
	/* Generated files are plain documents: rw for everyone the umask allows. */
	mode_t mask = umask(0);
	umask(mask);
	ok = ok && fchmod(fd, 0666 & ~mask) == 0 && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && rename(tmp.data, path) != 0) {
		ok = false;
		e = errno;
	}
	tg_outset_temp_release(tmp.data, !ok);
	tg_buf_free(&tmp);
	errno = e;
	return ok;
}

char *
tg_fs_join(const char *a, const char *b)
{
	tg_buf out = TG_BUF_INIT;
	while (a[0] == '.' && a[1] == '/')
		a += 2;
	if (strcmp(a, ".") != 0 && a[0] != '\0') {
		tg_buf_puts(&out, a);
		if (out.data[out.len - 1] != '/')
			tg_buf_putc(&out, '/');
	}
	tg_buf_puts(&out, b);
	return tg_buf_detach(&out);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool
list_into(const char *dir, const char *suffix, tg_buf *out, int depth)
{
	if (depth > 32) {
		errno = ELOOP;
		return false;
	}
	DIR *d = opendir(dir);
	if (d == NULL)
		return false;
	tg_buf names = TG_BUF_INIT;
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (ent->d_name[0] == '.')
			continue;
		TG_BUF_PUSH(&names, char *, tg_xstrdup(ent->d_name));
	}
	closedir(d);
	size_t n = TG_BUF_COUNT(&names, char *);
	if (n > 1)
		qsort(names.data, n, sizeof(char *), compare_names);
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		char *name = TG_BUF_AT(&names, char *, i);
		char *path = tg_fs_join(dir, name);
		struct stat st;
		if (ok && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				ok = list_into(path, suffix, out, depth + 1);
			} else if (S_ISREG(st.st_mode) && ends_with(name, suffix)) {
				TG_BUF_PUSH(out, char *, path);
				path = NULL;
			}
		}
		free(path);
		free(name);
	}
	tg_buf_free(&names);
	return ok;
}

bool
tg_fs_list(const char *dir, const char *suffix, tg_buf *out)
{
	return list_into(dir, suffix, out, 0);
}

void
tg_fs_list_free(tg_buf *list)
{
	for (size_t i = 0; i < TG_BUF_COUNT(list, char *); i++)
		free(TG_BUF_AT(list, char *, i));
	tg_buf_free(list);
}
