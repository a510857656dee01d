/* Worker processes: fork, a shared job counter, one result pipe each,
 * poll in the parent. */
#define _DEFAULT_SOURCE	/* MAP_ANONYMOUS */
#include "workers.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../totsugo.h"

/* What a worker sends for each job, followed by the messages (as
 * tg_diag_export writes them) and the result. */
typedef struct record {
	uint64_t job;
	uint64_t rc;
	uint64_t diag_len;
	uint64_t result_len;
} record;

unsigned
tg_workers_online(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

static int
run_here(size_t njobs, const tg_workers_job *job, tg_diag *diag)
{
	int rc = TG_EXIT_OK;
	tg_buf result = TG_BUF_INIT;
	for (size_t i = 0; i < njobs; i++) {
		tg_buf_clear(&result);
		int r = job->run(i, job->ud, &result, diag);
		if (r > rc)
			rc = r;
		job->take(i, result.data ? result.data : "", result.len, job->ud);
	}
	tg_buf_free(&result);
	return rc;
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

/* The body of a worker process; never returns. */
static _Noreturn void
worker(size_t njobs, const tg_workers_job *job, atomic_size_t *next, int fd)
{
	tg_buf result = TG_BUF_INIT, messages = TG_BUF_INIT;
	for (;;) {
		size_t i = atomic_fetch_add(next, 1);
		if (i >= njobs)
			break;
		tg_diag *diag = tg_diag_new();
		tg_buf_clear(&result);
		tg_buf_clear(&messages);
		int rc = job->run(i, job->ud, &result, diag);
		tg_diag_export(diag, &messages);
		tg_diag_free(diag);
		record r = {i, (uint64_t)rc, messages.len, result.len};
		if (!write_all(fd, &r, sizeof r) || !write_all(fd, messages.data, messages.len) ||
		    !write_all(fd, result.data, result.len))
			_exit(TG_EXIT_IO);
	}
	_exit(TG_EXIT_OK);
}

typedef struct conn {
	pid_t pid;
	int fd;		/* -1 once at its end */
	tg_buf in;	/* received, not yet handled */
} conn;

/* Handles the complete records at the start of l->in. */
static void
handle_records(conn *l, const tg_workers_job *job, tg_diag *diag, int *rc, size_t *done)
{
	size_t at = 0;
	for (;;) {
		record r;
		if (l->in.len - at < sizeof r)
			break;
		memcpy(&r, l->in.data + at, sizeof r);
		if (l->in.len - at - sizeof r < r.diag_len + r.result_len)
			break;
		const char *messages = l->in.data + at + sizeof r;
		if (!tg_diag_import(diag, messages, (size_t)r.diag_len))
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "garbled messages from worker %ld",
			    (long)l->pid);
		if ((int)r.rc > *rc)
			*rc = (int)r.rc;
		job->take((size_t)r.job, messages + r.diag_len, (size_t)r.result_len, job->ud);
		(*done)++;
		at += sizeof r + r.diag_len + r.result_len;
	}
	if (at > 0) {
		memmove(l->in.data, l->in.data + at, l->in.len - at);
		l->in.len -= at;
	}
}

int
tg_workers_run(size_t njobs, unsigned workers, const tg_workers_job *job, tg_diag *diag)
{
	if (workers > njobs)
		workers = (unsigned)njobs;
	if (workers <= 1)
		return run_here(njobs, job, diag);
	atomic_size_t *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot share the job counter (%s); "
		    "working in one process", strerror(errno));
		return run_here(njobs, job, diag);
	}
	atomic_init(next, 0);
	conn *links = tg_xcalloc(workers, sizeof *links);
	int rc = TG_EXIT_OK;
	unsigned started = 0;
	/* Buffered output would be written again by every child. */
	fflush(stdout);
	fflush(stderr);
	/* A worker that cannot be started only makes the run slower: the
	 * others take its jobs (and with none, this process does). */
	for (; started < workers; started++) {
		int fds[2];
		if (pipe(fds) != 0)
			break;
		pid_t pid = fork();
		if (pid < 0) {
			close(fds[0]);
			close(fds[1]);
			break;
		}
		if (pid == 0) {
			close(fds[0]);
			for (unsigned k = 0; k < started; k++)
				close(links[k].fd);
			worker(njobs, job, next, fds[1]);
		}
		close(fds[1]);
		links[started].pid = pid;
		links[started].fd = fds[0];
	}
	if (started == 0) {
		munmap(next, sizeof *next);
		free(links);
		return run_here(njobs, job, diag);
	}
	size_t done = 0;
	struct pollfd *pfd = tg_xcalloc(started, sizeof *pfd);
	for (;;) {
		nfds_t n = 0;
		for (unsigned k = 0; k < started; k++) {
			if (links[k].fd < 0)
				continue;
			pfd[n].fd = links[k].fd;
			pfd[n].events = POLLIN;
			pfd[n].revents = 0;
			n++;
		}
		if (n == 0)
			break;
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "waiting for the workers: %s",
			    strerror(errno));
			rc = TG_EXIT_IO;
			break;
		}
		for (nfds_t p = 0; p < n; p++) {
			if (pfd[p].revents == 0)
				continue;
			conn *l = NULL;
			for (unsigned k = 0; k < started && l == NULL; k++)
				if (links[k].fd == pfd[p].fd)
					l = &links[k];
			tg_buf_reserve(&l->in, 65536);
			ssize_t got = read(l->fd, l->in.data + l->in.len, l->in.cap - l->in.len - 1);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(l->fd);
				l->fd = -1;
				continue;
			}
			l->in.len += (size_t)got;
			handle_records(l, job, diag, &rc, &done);
		}
	}
	free(pfd);
	for (unsigned k = 0; k < started; k++) {
		conn *l = &links[k];
		if (l->fd >= 0)
			close(l->fd);
		int status = 0;
		while (waitpid(l->pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(status)) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "worker %ld died of signal %d",
			    (long)l->pid, WTERMSIG(status));
			rc = TG_EXIT_IO;
		} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "worker %ld stopped with exit code %d",
			    (long)l->pid, WEXITSTATUS(status));
			rc = TG_EXIT_IO;
		}
		tg_buf_free(&l->in);
	}
	if (done < njobs) {
		/* A worker died with jobs taken: say so rather than lose them. */
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%zu of %zu jobs were not done",
		    njobs - done, njobs);
		rc = TG_EXIT_IO;
	}
	free(links);
	munmap(next, sizeof *next);
	return rc;
}
