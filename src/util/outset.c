/* Output sets: temporaries next to their destinations, renamed together at
 * the end; cleaned up on failure and on the common termination signals. */
#define _GNU_SOURCE	/* syncfs */
#include "outset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "map.h"
#include "../totsugo.h"

/* ---- the process-wide registry of live temporaries ----
 * The signal handler reads it, so it is only changed with those signals
 * blocked; the handler itself calls nothing but unlink, sigaction and
 * raise (async-signal-safe). */

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#define NSIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

static char **live;
static size_t nlive, live_cap;

static void
on_signal(int sig)
{
	for (size_t i = 0; i < nlive; i++)
		if (live[i] != NULL)
			unlink(live[i]);
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

static void
block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* Installs the handler for signals at their default action, checked at
 * every registration (a parent that ignores SIGHUP, as nohup does, keeps
 * it ignored; a caller's own handler is left alone). */
static void
install_handlers(void)
{
	for (size_t i = 0; i < NSIGNALS; i++) {
		struct sigaction cur;
		if (sigaction(cleanup_signals[i], NULL, &cur) != 0 || cur.sa_handler != SIG_DFL)
			continue;
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < NSIGNALS; k++)
			sigaddset(&sa.sa_mask, cleanup_signals[k]);
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static void
register_temp(const char *path)
{
	sigset_t old;
	char *copy = tg_xstrdup(path);
	block_signals(&old);
	install_handlers();
	if (nlive == live_cap) {
		live_cap = live_cap ? live_cap * 2 : 16;
		live = tg_xrealloc(live, live_cap * sizeof *live);
	}
	live[nlive++] = copy;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
tg_outset_temp_release(const char *tmp, bool unlink_it)
{
	sigset_t old;
	char *gone = NULL;
	block_signals(&old);
	if (unlink_it)
		unlink(tmp);
	/* The most recent first: that is the one released, nearly always. */
	for (size_t i = nlive; i-- > 0;) {
		if (strcmp(live[i], tmp) == 0) {
			gone = live[i];
			memmove(live + i, live + i + 1, (nlive - i - 1) * sizeof *live);
			nlive--;
			break;
		}
	}
	if (nlive == 0) {
		free(live);
		live = NULL;
		live_cap = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(gone);
}

/* Forgets (or removes) many temporaries in one pass over the registry
 * (a batch's 15,000 one by one would be quadratic); frees the strings. */
static void
release_many(char **tmps, size_t n, bool unlink_them)
{
	if (n == 0)
		return;
	tg_map gone;
	tg_map_init(&gone);
	for (size_t i = 0; i < n; i++)
		tg_map_put(&gone, tmps[i], tmps[i]);
	sigset_t old;
	block_signals(&old);
	/* A set's temporaries are the most recent ones: look back from the
	 * end only as far as needed, then close the gaps in that range. */
	size_t lo = nlive, found = 0;
	while (lo > 0 && found < n)
		found += tg_map_get(&gone, live[--lo]) != NULL;
	size_t kept = lo;
	for (size_t i = lo; i < nlive; i++) {
		if (tg_map_get(&gone, live[i]) != NULL) {
			if (unlink_them)
				unlink(live[i]);
			free(live[i]);
		} else {
			live[kept++] = live[i];
		}
	}
	nlive = kept;
	if (nlive == 0) {
		free(live);
		live = NULL;
		live_cap = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	tg_map_free(&gone);
	for (size_t i = 0; i < n; i++)
		free(tmps[i]);
}

/* The directory part of path ("." when there is none), malloc'ed. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return tg_xstrdup(".");
	if (slash == path)
		return tg_xstrdup("/");
	char *dir = tg_xmalloc((size_t)(slash - path) + 1);
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dir;
}

int
tg_outset_temp_open(const char *path, tg_buf *tmp)
{
	char *dir = dir_of(path);
	int fd = -1, e = 0;
	if (strcmp(dir, ".") != 0 && strcmp(dir, "/") != 0 && !tg_fs_mkdirs(dir)) {
		e = errno;
		goto out;
	}
	tg_buf_clear(tmp);
	tg_buf_printf(tmp, "%s/.tg-%ld-XXXXXX", dir, (long)getpid());
	/* Block the signals between creation and registration: a signal in
	 * between would leave the file behind. */
	sigset_t old;
	block_signals(&old);
	fd = mkstemp(tmp->data);
	e = errno;
	if (fd >= 0)
		register_temp(tmp->data);
	sigprocmask(SIG_SETMASK, &old, NULL);
out:
	free(dir);
	errno = e;
	return fd;
}

/* ---- sets ---- */

typedef struct staged {
	char *path;	/* destination */
	char *tmp;	/* temporary, registered */
} staged;

struct tg_outset {
	tg_buf files;	/* staged[] */
	tg_map index;	/* path -> position + 1 in files */
};

tg_outset *
tg_outset_new(void)
{
	tg_outset *s = tg_xcalloc(1, sizeof *s);
	return s;
}

/* Takes the temporaries of the set out of it, into tmps (char *). */
static void
take_temps(tg_outset *s, tg_buf *tmps)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&s->files, staged); i++) {
		staged *f = &TG_BUF_AT(&s->files, staged, i);
		if (f->tmp != NULL)
			TG_BUF_PUSH(tmps, char *, f->tmp);
		f->tmp = NULL;
	}
}

void
tg_outset_free(tg_outset *s)
{
	if (s == NULL)
		return;
	tg_buf tmps = TG_BUF_INIT;
	take_temps(s, &tmps);
	release_many((char **)(void *)tmps.data, TG_BUF_COUNT(&tmps, char *), true);
	tg_buf_free(&tmps);
	for (size_t i = 0; i < TG_BUF_COUNT(&s->files, staged); i++)
		free(TG_BUF_AT(&s->files, staged, i).path);
	tg_buf_free(&s->files);
	tg_map_free(&s->index);
	free(s);
}

static void
cannot_write(tg_diag *diag, const char *path, int e)
{
	tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, strerror(e));
}

/* Adds (or replaces) the entry for path; returns it with no temporary. */
static staged *
entry_for(tg_outset *s, const char *path)
{
	uintptr_t at = (uintptr_t)tg_map_get(&s->index, path);
	if (at != 0) {
		staged *f = &TG_BUF_AT(&s->files, staged, at - 1);
		if (f->tmp != NULL) {
			tg_outset_temp_release(f->tmp, true);
			free(f->tmp);
			f->tmp = NULL;
		}
		return f;
	}
	staged f = {tg_xstrdup(path), NULL};
	TG_BUF_PUSH(&s->files, staged, f);
	size_t n = TG_BUF_COUNT(&s->files, staged);
	tg_map_put(&s->index, f.path, (void *)(uintptr_t)n);
	return &TG_BUF_AT(&s->files, staged, n - 1);
}

static bool
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Generated files are plain documents: rw for everyone the umask allows
 * (mkstemp creates them 0600). */
static bool
set_mode(int fd)
{
	mode_t mask = umask(0);
	umask(mask);
	return fchmod(fd, 0666 & ~mask) == 0;
}

bool
tg_outset_put(tg_outset *s, const char *path, const void *data, size_t len, tg_diag *diag)
{
	staged *f = entry_for(s, path);
	tg_buf tmp = TG_BUF_INIT;
	int fd = tg_outset_temp_open(path, &tmp);
	if (fd < 0) {
		cannot_write(diag, path, errno);
		tg_buf_free(&tmp);
		return false;
	}
	f->tmp = tg_buf_detach(&tmp);
	/* Synced at the commit, with the rest of the set. */
	bool ok = write_all(fd, data, len) && set_mode(fd);
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		cannot_write(diag, path, e);
		tg_outset_temp_release(f->tmp, true);
		free(f->tmp);
		f->tmp = NULL;
	}
	return ok;
}

const char *
tg_outset_reserve(tg_outset *s, const char *path, tg_diag *diag)
{
	staged *f = entry_for(s, path);
	tg_buf tmp = TG_BUF_INIT;
	int fd = tg_outset_temp_open(path, &tmp);
	if (fd < 0) {
		cannot_write(diag, path, errno);
		tg_buf_free(&tmp);
		return NULL;
	}
	f->tmp = tg_buf_detach(&tmp);
	if (!set_mode(fd)) {
		cannot_write(diag, path, errno);
		close(fd);
		tg_outset_temp_release(f->tmp, true);
		free(f->tmp);
		f->tmp = NULL;
		return NULL;
	}
	close(fd);
	return f->tmp;
}

void
tg_outset_hand_over(tg_outset *s, tg_buf *out)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&s->files, staged); i++) {
		staged *f = &TG_BUF_AT(&s->files, staged, i);
		if (f->tmp == NULL)
			continue;
		tg_buf_put(out, f->path, strlen(f->path) + 1);
		tg_buf_put(out, f->tmp, strlen(f->tmp) + 1);
	}
	tg_buf tmps = TG_BUF_INIT;
	take_temps(s, &tmps);
	release_many((char **)(void *)tmps.data, TG_BUF_COUNT(&tmps, char *), false);
	tg_buf_free(&tmps);
}

void
tg_outset_adopt(tg_outset *s, const char *path, const char *tmp)
{
	staged *f = entry_for(s, path);
	f->tmp = tg_xstrdup(tmp);
	register_temp(tmp);
}

/* ".tg-PID-XXXXXX" of a process that no longer runs. */
static bool
stale_temp(const char *name)
{
	if (strncmp(name, ".tg-", 4) != 0)
		return false;
	char *end;
	long pid = strtol(name + 4, &end, 10);
	if (end == name + 4 || *end != '-' || strlen(end + 1) != 6 || pid <= 0)
		return false;
	if (pid == (long)getpid())
		return false;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static void
remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (stale_temp(ent->d_name)) {
			char *p = tg_fs_join(dir, ent->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
}

/* Every temporary's data reaches the disk before the first rename, so
 * that a crash leaves each destination old or new, never empty.  A few
 * files are synced one by one; a bigger set by one syncfs per file system
 * (a 1,000-company batch writes 15,000 files: fsyncing each took longer
 * than rendering them, docs/performance.md). */
#define SYNC_EACH_MAX 16

static int
sync_set(tg_outset *s, tg_diag *diag)
{
	size_t n = TG_BUF_COUNT(&s->files, staged);
	dev_t *synced = tg_xcalloc(n ? n : 1, sizeof *synced);
	size_t nsynced = 0;
	int rc = TG_EXIT_OK;
	for (size_t i = 0; i < n && rc == TG_EXIT_OK; i++) {
		staged *f = &TG_BUF_AT(&s->files, staged, i);
		int fd = open(f->tmp, O_RDONLY | O_CLOEXEC);
		struct stat st;
		bool ok = fd >= 0 && fstat(fd, &st) == 0;
		if (ok && n <= SYNC_EACH_MAX) {
			ok = fsync(fd) == 0;
		} else if (ok) {
			bool seen = false;
			for (size_t k = 0; k < nsynced && !seen; k++)
				seen = synced[k] == st.st_dev;
			if (!seen) {
				ok = syncfs(fd) == 0;
				synced[nsynced++] = st.st_dev;
			}
		}
		if (!ok) {
			cannot_write(diag, f->path, errno);
			rc = TG_EXIT_IO;
		}
		if (fd >= 0)
			close(fd);
	}
	free(synced);
	return rc;
}

int
tg_outset_commit(tg_outset *s, tg_diag *diag)
{
	size_t n = TG_BUF_COUNT(&s->files, staged);
	int rc = TG_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		staged *f = &TG_BUF_AT(&s->files, staged, i);
		struct stat st;
		if (f->tmp == NULL) {
			/* Its write failed and was reported. */
			rc = TG_EXIT_IO;
		} else if (stat(f->path, &st) == 0 && S_ISDIR(st.st_mode)) {
			cannot_write(diag, f->path, EISDIR);
			rc = TG_EXIT_IO;
		}
	}
	if (rc != TG_EXIT_OK || (rc = sync_set(s, diag)) != TG_EXIT_OK)
		return rc;
	tg_map seen;
	tg_map_init(&seen);
	tg_buf dirs = TG_BUF_INIT, renamed = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		staged *f = &TG_BUF_AT(&s->files, staged, i);
		if (rename(f->tmp, f->path) != 0) {
			cannot_write(diag, f->path, errno);
			rc = TG_EXIT_IO;
			continue;
		}
		TG_BUF_PUSH(&renamed, char *, f->tmp);
		f->tmp = NULL;
		char *dir = dir_of(f->path);
		if (tg_map_put(&seen, dir, dir) == NULL)
			TG_BUF_PUSH(&dirs, char *, dir);
		else
			free(dir);
	}
	release_many((char **)(void *)renamed.data, TG_BUF_COUNT(&renamed, char *), false);
	tg_buf_free(&renamed);
	tg_map_free(&seen);
	for (size_t k = 0; k < TG_BUF_COUNT(&dirs, char *); k++) {
		remove_stale(TG_BUF_AT(&dirs, char *, k));
		free(TG_BUF_AT(&dirs, char *, k));
	}
	tg_buf_free(&dirs);
	return rc;
}

size_t
tg_outset_count(const tg_outset *s)
{
	return TG_BUF_COUNT(&s->files, staged);
}

const char *
tg_outset_path(const tg_outset *s, size_t i)
{
	return TG_BUF_AT(&s->files, staged, i).path;
}
