/* Jobs spread over worker processes.
 *
 * tg_workers_run runs jobs 0 … n-1 in up to `workers` child processes
 * forked from the caller: they see everything it has loaded and checked
 * (copy on write), and each takes the next job nobody has taken yet (a
 * counter in shared memory), so a core slowed down by other work delays
 * nobody else.  What a job gives back — the bytes it put in its result
 * buffer, its messages, its exit code — comes through a pipe to the
 * parent, which hands each result to `take` as it arrives, in whatever
 * order the jobs finish: callers keep results by job number, so what they
 * write never depends on that order.  With workers <= 1 or a single job,
 * the jobs run in the calling process, one after the other, through the
 * same two callbacks.
 *
 * Processes rather than threads: nothing in the library (nor Discount)
 * needs to be thread-safe, and a job cannot corrupt another's memory. */
#ifndef TG_WORKERS_H
#define TG_WORKERS_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

typedef struct tg_workers_job {
	/* In a worker: does job i, puts what the parent needs in result,
	 * reports problems to diag; returns a TG_EXIT_* code. */
	int (*run)(size_t i, void *ud, tg_buf *result, tg_diag *diag);
	/* In the parent: job i's result (its messages are already in the
	 * parent's diag). */
	void (*take)(size_t i, const char *result, size_t len, void *ud);
	void *ud;
} tg_workers_job;

/* Returns the highest exit code of the jobs; TG_EXIT_IO (reported) when a
 * worker cannot be started or dies before finishing its jobs. */
int tg_workers_run(size_t njobs, unsigned workers, const tg_workers_job *job, tg_diag *diag);

/* Processors online (at least 1): the default number of workers. */
unsigned tg_workers_online(void);

#endif
