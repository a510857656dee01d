/* Helpers shared by the unit tests: scratch directories and files. */
#ifndef TG_TESTUTIL_H
#define TG_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/fs.h"

/* A fresh directory under $TMPDIR; caller frees the string. */
static inline char *
tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%s/totsugo-unit.XXXXXX", base ? base : "/tmp");
	char *dir = tg_buf_detach(&b);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static inline void
tu_write(const char *dir, const char *rel, const char *content)
{
	char *path = tg_fs_join(dir, rel);
	ck_assert_msg(tg_fs_write_atomic(path, content, strlen(content)), "write %s", path);
	free(path);
}

static inline void
tu_rmrf(const char *dir)
{
	tg_buf cmd = TG_BUF_INIT;
	tg_buf_printf(&cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd.data), 0);
	tg_buf_free(&cmd);
}

/* Runs a suite and returns the process exit status. */
static inline int
tu_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
