/* Unit tests of src/util: buffer, arena, map, UTF-8, text, JSON, files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "util/arena.h"
#include "util/csv.h"
#include "util/encoding.h"
#include "util/yamlw.h"
#include "load/yaml.h"
#include "util/json.h"
#include "util/map.h"
#include "util/outset.h"
#include "util/sha256.h"
#include "totsugo.h"
#include "util/text.h"
#include "util/utf8.h"
#include "util/workers.h"

START_TEST(buf_grows_and_stays_terminated)
{
	tg_buf b = TG_BUF_INIT;
	ck_assert_str_eq(tg_buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		tg_buf_printf(&b, "%d,", i);
	ck_assert_uint_eq(b.len, strlen(b.data));
	ck_assert(tg_text_starts_with(b.data, "0,1,2,"));
	ck_assert(tg_text_ends_with(b.data, "998,999,"));
	tg_buf_truncate(&b, 2);
	ck_assert_str_eq(b.data, "0,");
	char *s = tg_buf_detach(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_str_eq(s, "0,");
	free(s);
}
END_TEST

/* Japanese quotation: 『』 around a title that has 「」 of its own. */
START_TEST(text_quote_nests_brackets)
{
	tg_buf b = TG_BUF_INIT;
	tg_text_quote(&b, "中小企業の情報セキュリティ対策ガイドライン");
	ck_assert_str_eq(b.data, "「中小企業の情報セキュリティ対策ガイドライン」");
	tg_buf_clear(&b);
	tg_text_quote(&b, "日建連「協力会社における情報セキュリティガイドライン」");
	ck_assert_str_eq(b.data, "『日建連「協力会社における情報セキュリティガイドライン」』");
	tg_buf_free(&b);
}
END_TEST

/* printf into the free room, and past it (the two paths of tg_buf_vprintf). */
START_TEST(buf_printf_fits_and_grows)
{
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 0);
	tg_buf_puts(&b, "ab");
	size_t cap = b.cap;
	tg_buf_printf(&b, "%d", 42);
	ck_assert_str_eq(b.data, "ab42");
	ck_assert_uint_eq(b.cap, cap);
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	tg_buf_printf(&b, "[%s]", big);
	ck_assert_uint_eq(b.len, 4 + 2 + 299);
	ck_assert_int_eq(b.data[b.len - 1], ']');
	ck_assert_int_eq(b.data[b.len], '\0');
	for (int k = 0; k < 1000; k++)
		tg_buf_putc(&b, 'y');
	ck_assert_uint_eq(b.len, 305 + 1000);
	ck_assert_int_eq(b.data[b.len], '\0');
	tg_buf_free(&b);
}
END_TEST

START_TEST(buf_as_array)
{
	tg_buf b = TG_BUF_INIT;
	for (int i = 0; i < 100; i++)
		TG_BUF_PUSH(&b, int, i * i);
	ck_assert_uint_eq(TG_BUF_COUNT(&b, int), 100);
	ck_assert_int_eq(TG_BUF_AT(&b, int, 99), 9801);
	tg_buf_free(&b);
}
END_TEST

START_TEST(arena_aligns_and_zeroes)
{
	tg_arena a;
	tg_arena_init(&a);
	for (int i = 1; i < 2000; i++) {
		unsigned char *p = tg_arena_alloc(&a, (size_t)i % 97 + 1);
		ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
		ck_assert_uint_eq(p[0], 0);
	}
	char *big = tg_arena_alloc(&a, 1 << 20);	/* its own block */
	ck_assert_uint_eq((unsigned char)big[(1 << 20) - 1], 0);
	ck_assert_str_eq(tg_arena_strndup(&a, "abcdef", 3), "abc");
	tg_arena_free(&a);
}
END_TEST

START_TEST(map_put_get_set)
{
	tg_map m;
	tg_map_init(&m);
	char keys[5000][16];
	for (int i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		ck_assert_ptr_null(tg_map_put(&m, keys[i], keys[i]));
	}
	ck_assert_uint_eq(m.count, 5000);
	ck_assert_ptr_eq(tg_map_get(&m, "k4321"), keys[4321]);
	ck_assert_ptr_eq(tg_map_put(&m, "k7", keys[8]), keys[7]);	/* existing kept */
	ck_assert_ptr_eq(tg_map_get(&m, "k7"), keys[7]);
	tg_map_set(&m, "k7", keys[8]);
	ck_assert_ptr_eq(tg_map_get(&m, "k7"), keys[8]);
	ck_assert_ptr_null(tg_map_get(&m, "k5000"));
	ck_assert_ptr_eq(tg_map_getn(&m, "k12345", 3), keys[12]);
	tg_map_free(&m);
}
END_TEST

START_TEST(utf8_rejects_malformed)
{
	ck_assert_uint_eq(tg_utf8_check("日本語", strlen("日本語")), strlen("日本語"));
	ck_assert_uint_eq(tg_utf8_check("a\xC0\x80", 3), 1);		/* overlong NUL */
	ck_assert_uint_eq(tg_utf8_check("ab\xED\xA0\x80", 5), 2);	/* surrogate */
	ck_assert_uint_eq(tg_utf8_check("\xE6\x97", 2), 0);		/* truncated */
	ck_assert_uint_eq(tg_utf8_check("\xF4\x90\x80\x80", 4), 0);	/* > U+10FFFF */
	ck_assert_uint_eq(tg_utf8_check("x\x93\xfa", 3), 1);		/* CP932 bytes */
}
END_TEST

START_TEST(utf8_widths)
{
	ck_assert_uint_eq(tg_utf8_width("abc", 3), 3);
	ck_assert_uint_eq(tg_utf8_width("情報", strlen("情報")), 4);
	ck_assert_uint_eq(tg_utf8_width("ｱｲ", strlen("ｱｲ")), 2);	/* half-width kana */
	ck_assert_uint_eq(tg_utf8_count("情報a", strlen("情報a")), 3);
	ck_assert_uint_eq(tg_utf8_offset("情報a", strlen("情報a"), 2), 6);
	char out[4];
	ck_assert_uint_eq(tg_utf8_encode(0x3042, out), 3);
	ck_assert(memcmp(out, "あ", 3) == 0);
	size_t n;
	ck_assert_uint_eq(tg_utf8_decode("あ", 3, &n), 0x3042);
	ck_assert_uint_eq(n, 3);
}
END_TEST

START_TEST(text_suggest_and_natcmp)
{
	static const char *const keys[] = {"title", "text", "level", "tags"};
	ck_assert_str_eq(tg_text_suggest("titel", keys, 4), "title");
	ck_assert_str_eq(tg_text_suggest("lvel", keys, 4), "level");
	ck_assert_ptr_null(tg_text_suggest("colour", keys, 4));
	ck_assert_uint_eq(tg_text_distance("kitten", "sitting", 10), 3);
	ck_assert_int_lt(tg_text_natcmp("No.9", "No.10"), 0);
	ck_assert_int_gt(tg_text_natcmp("app5/10.1", "app5/9.12"), 0);
	ck_assert_int_eq(tg_text_natcmp("a01", "a1"), 0);
}
END_TEST

START_TEST(json_escapes_and_nests)
{
	tg_buf b = TG_BUF_INIT;
	tg_json j;
	tg_json_init(&j, &b, false);
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "s", "a\"b\\c\n\x01</script>\xE2\x80\xA8");
	tg_json_key(&j, "list");
	tg_json_begin_array(&j);
	tg_json_int(&j, -3);
	tg_json_null(&j);
	tg_json_bool(&j, true);
	tg_json_end_array(&j);
	tg_json_kv_string(&j, "n", NULL);
	tg_json_end_object(&j);
	ck_assert_str_eq(b.data,
	    "{\"s\":\"a\\\"b\\\\c\\n\\u0001</script>\\u2028\",\"list\":[-3,null,true],\"n\":null}");
	tg_buf_free(&b);
}
END_TEST

START_TEST(json_pretty)
{
	tg_buf b = TG_BUF_INIT;
	tg_json j;
	tg_json_init(&j, &b, true);
	tg_json_begin_object(&j);
	tg_json_key(&j, "a");
	tg_json_begin_array(&j);
	tg_json_end_array(&j);
	tg_json_kv_int(&j, "b", 1);
	tg_json_end_object(&j);
	ck_assert_str_eq(b.data, "{\n  \"a\": [],\n  \"b\": 1\n}\n");
	tg_buf_free(&b);
}
END_TEST

/* Deeper than any fixed stack: every container closes with its comma
 * state right (issue 18: a meta nested 61+ levels came out invalid). */
START_TEST(json_nests_without_limit)
{
	tg_buf b = TG_BUF_INIT, want = TG_BUF_INIT;
	tg_json j;
	tg_json_init(&j, &b, false);
	for (int i = 0; i < 200; i++) {
		tg_json_begin_array(&j);
		tg_json_int(&j, i);
		tg_buf_printf(&want, "%s[%d", i ? "," : "", i);
	}
	tg_json_end_array(&j);
	tg_buf_putc(&want, ']');
	for (int i = 0; i < 199; i++) {
		tg_json_int(&j, -1);
		tg_json_end_array(&j);
		tg_buf_puts(&want, ",-1]");
	}
	ck_assert_str_eq(b.data, want.data);
	tg_buf_free(&b);
	tg_buf_free(&want);
}
END_TEST

START_TEST(fs_atomic_write_replaces_and_keeps_on_failure)
{
	char *dir = tu_tmpdir();
	char *path = tg_fs_join(dir, "sub/dir/file.txt");
	ck_assert(tg_fs_write_atomic(path, "one", 3));
	ck_assert(tg_fs_write_atomic(path, "two!", 4));
	tg_buf b = TG_BUF_INIT;
	ck_assert_int_eq(tg_fs_read(path, 100, &b), TG_FS_OK);
	ck_assert_str_eq(b.data, "two!");
	ck_assert_int_eq(tg_fs_read(path, 3, &b), TG_FS_TOO_BIG);
	/* A target that is a directory cannot be replaced: the write fails
	 * and leaves no temporary file behind. */
	char *sub = tg_fs_join(dir, "sub");
	ck_assert(!tg_fs_write_atomic(sub, "x", 1));
	tg_buf list = TG_BUF_INIT;
	ck_assert(tg_fs_list(dir, "", &list));
	ck_assert_uint_eq(TG_BUF_COUNT(&list, char *), 1);
	tg_fs_list_free(&list);
	free(sub);
	tg_buf_free(&b);
	free(path);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* Entries of dir, hidden ones included ("." and ".." excepted). */
static size_t
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
assert_file(const char *dir, const char *rel, const char *want)
{
	char *path = tg_fs_join(dir, rel);
	tg_buf b = TG_BUF_INIT;
	ck_assert_int_eq(tg_fs_read(path, 1000, &b), TG_FS_OK);
	ck_assert_str_eq(b.data, want);
	tg_buf_free(&b);
	free(path);
}

START_TEST(outset_is_all_or_nothing)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "a.txt", "old a");
	tu_write(dir, "sub/keep", "x");
	char *a = tg_fs_join(dir, "a.txt"), *b = tg_fs_join(dir, "b.txt");
	char *sub = tg_fs_join(dir, "sub");
	tg_diag *diag = tg_diag_new();

	/* A directory in the way of the last file: nothing is renamed. */
	tg_outset *s = tg_outset_new();
	ck_assert(tg_outset_put(s, a, "new a", 5, diag));
	ck_assert(tg_outset_put(s, b, "new b", 5, diag));
	ck_assert(tg_outset_put(s, sub, "x", 1, diag));
	ck_assert_int_eq(tg_outset_commit(s, diag), TG_EXIT_IO);
	tg_outset_free(s);
	assert_file(dir, "a.txt", "old a");
	ck_assert(!tg_fs_is_file(b));
	ck_assert_uint_eq(count_entries(dir), 2);
	ck_assert_uint_eq(tg_diag_errors(diag), 1);

	/* A file that cannot be written (its parent is a file). */
	char *bad = tg_fs_join(dir, "a.txt/inside");
	s = tg_outset_new();
	ck_assert(tg_outset_put(s, a, "new a", 5, diag));
	ck_assert(!tg_outset_put(s, bad, "x", 1, diag));
	ck_assert_int_eq(tg_outset_commit(s, diag), TG_EXIT_IO);
	tg_outset_free(s);
	assert_file(dir, "a.txt", "old a");
	ck_assert_uint_eq(count_entries(dir), 2);

	/* Freed without a commit (a command that failed later): no trace. */
	s = tg_outset_new();
	ck_assert(tg_outset_put(s, b, "new b", 5, diag));
	tg_outset_free(s);
	ck_assert_uint_eq(count_entries(dir), 2);

	/* All good: every file replaced, the same path staged twice keeps
	 * the last content, paths listed in order. */
	s = tg_outset_new();
	ck_assert(tg_outset_put(s, a, "one", 3, diag));
	ck_assert(tg_outset_put(s, b, "new b", 5, diag));
	ck_assert(tg_outset_put(s, a, "new a", 5, diag));
	ck_assert_int_eq(tg_outset_commit(s, diag), TG_EXIT_OK);
	ck_assert_uint_eq(tg_outset_count(s), 2);
	ck_assert_str_eq(tg_outset_path(s, 0), a);
	ck_assert_str_eq(tg_outset_path(s, 1), b);
	tg_outset_free(s);
	assert_file(dir, "a.txt", "new a");
	assert_file(dir, "b.txt", "new b");
	ck_assert_uint_eq(count_entries(dir), 3);

	tg_diag_free(diag);
	free(bad);
	free(a);
	free(b);
	free(sub);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(outset_reserve_and_stale_temporaries)
{
	char *dir = tu_tmpdir();
	/* Left by a process that died (no such PID) and by one that runs. */
	tg_buf name = TG_BUF_INIT;
	tu_write(dir, ".tg-2147483646-abcdef", "dead");
	tg_buf_printf(&name, ".tg-%ld-abcdef", (long)getppid());
	tu_write(dir, name.data, "alive");
	char *x = tg_fs_join(dir, "x.xlsx");
	tg_diag *diag = tg_diag_new();
	tg_outset *s = tg_outset_new();
	const char *tmp = tg_outset_reserve(s, x, diag);
	ck_assert_ptr_nonnull(tmp);
	ck_assert(tg_fs_is_file(tmp));
	FILE *f = fopen(tmp, "w");
	ck_assert_ptr_nonnull(f);
	fputs("zip", f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(tg_outset_commit(s, diag), TG_EXIT_OK);
	tg_outset_free(s);
	assert_file(dir, "x.xlsx", "zip");
	assert_file(dir, name.data, "alive");
	ck_assert_uint_eq(count_entries(dir), 2);
	tg_diag_free(diag);
	tg_buf_free(&name);
	free(x);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* What a forked child keeps until a signal ends it: reachable, so that
 * valgrind, which checks for leaks at a fatal signal too, finds none. */
static tg_diag *volatile child_diag;
static tg_outset *volatile child_set;

START_TEST(outset_signal_removes_temporaries)
{
	char *dir = tu_tmpdir();
	char *a = tg_fs_join(dir, "a.txt");
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		/* Check's own SIGTERM handler (CK_FORK=no) would stand in ours' way. */
		signal(SIGTERM, SIG_DFL);
		child_diag = tg_diag_new();
		child_set = tg_outset_new();
		tg_outset_put(child_set, a, "new", 3, child_diag);
		free(a);
		free(dir);
		raise(SIGTERM);
		_exit(0);
	}
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGTERM);
	ck_assert_uint_eq(count_entries(dir), 0);
	free(a);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* "-" is standard output: several entries are counted (the CLI refuses
 * them), and one is written after the files are renamed; a reserved one
 * is a temporary in $TMPDIR. */
START_TEST(outset_standard_output)
{
	char *dir = tu_tmpdir();
	char *a = tg_fs_join(dir, "a.txt"), *out = tg_fs_join(dir, "stdout");
	tg_diag *diag = tg_diag_new();
	tg_outset *s = tg_outset_new();
	ck_assert(tg_outset_put(s, "-", "one", 3, diag));
	ck_assert(tg_outset_put(s, "-", "two", 3, diag));
	ck_assert_uint_eq(tg_outset_stdout_count(s), 2);
	tg_outset_free(s);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(98);
		setenv("TMPDIR", dir, 1);
		tg_diag *d = tg_diag_new();
		tg_outset *t = tg_outset_new();
		const char *tmp = tg_outset_reserve(t, "-", d);
		FILE *f = tmp != NULL && strncmp(tmp, dir, strlen(dir)) == 0 ? fopen(tmp, "w") : NULL;
		if (f == NULL || fputs("workbook;", f) < 0 || fclose(f) != 0)
			_exit(97);
		tg_outset_put(t, a, "file", 4, d);
		int rc = tg_outset_commit(t, d);
		tg_outset_free(t);
		tg_diag_free(d);
		tg_diag_free(diag);
		free(a);
		free(out);
		free(dir);
		_exit(rc);
	}
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	assert_file(dir, "stdout", "workbook;");
	assert_file(dir, "a.txt", "file");
	ck_assert_uint_eq(count_entries(dir), 2);	/* the temporary is gone */
	tg_diag_free(diag);
	free(a);
	free(out);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* A set bigger than 16 files (synced by syncfs), with files handed over
 * by another set and adopted, as a batch worker does. */
START_TEST(outset_large_and_adopted)
{
	char *dir = tu_tmpdir();
	tg_diag *diag = tg_diag_new();
	tg_outset *main_set = tg_outset_new();
	tg_buf handed = TG_BUF_INIT, path = TG_BUF_INIT;
	for (int k = 0; k < 3; k++) {
		tg_outset *worker = tg_outset_new();
		for (int i = 0; i < 10; i++) {
			tg_buf_clear(&path);
			tg_buf_printf(&path, "%s/w%d/f%02d.txt", dir, k, i);
			ck_assert(tg_outset_put(worker, path.data, path.data, path.len, diag));
		}
		tg_buf_clear(&handed);
		tg_outset_hand_over(worker, &handed);
		tg_outset_free(worker);	/* the temporaries stay: they were handed over */
		for (size_t at = 0; at < handed.len;) {
			const char *p = handed.data + at;
			const char *tmp = p + strlen(p) + 1;
			ck_assert(tg_fs_is_file(tmp));
			tg_outset_adopt(main_set, p, tmp);
			at = (size_t)(tmp - handed.data) + strlen(tmp) + 1;
		}
	}
	ck_assert_uint_eq(tg_outset_count(main_set), 30);
	ck_assert_int_eq(tg_outset_commit(main_set, diag), TG_EXIT_OK);
	tg_outset_free(main_set);
	for (int k = 0; k < 3; k++) {
		char sub[8];
		snprintf(sub, sizeof sub, "w%d", k);
		char *d = tg_fs_join(dir, sub);
		ck_assert_uint_eq(count_entries(d), 10);	/* no temporary left */
		tg_buf_clear(&path);
		tg_buf_printf(&path, "%s/f07.txt", d);
		tg_buf got = TG_BUF_INIT;
		ck_assert_int_eq(tg_fs_read(path.data, 4096, &got), TG_FS_OK);
		ck_assert_str_eq(got.data, path.data);
		tg_buf_free(&got);
		free(d);
	}
	ck_assert_uint_eq(tg_diag_errors(diag), 0);
	tg_buf_free(&handed);
	tg_buf_free(&path);
	tg_diag_free(diag);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

typedef struct jobs_seen {
	int taken[40];
	char results[40][16];
} jobs_seen;

static int
square_job(size_t i, void *ud, tg_buf *result, tg_diag *diag)
{
	(void)ud;
	if (i == 13)
		tg_diag_warning(diag, tg_pos_at("job.txt", (unsigned)i, 2), "job %zu warns", i);
	tg_buf_printf(result, "%zu", i * i);
	return i == 21 ? TG_EXIT_INVALID : TG_EXIT_OK;
}

static void
record_job(size_t i, const char *result, size_t len, void *ud)
{
	jobs_seen *seen = ud;
	ck_assert_uint_lt(i, 40);
	seen->taken[i]++;
	ck_assert_uint_lt(len, sizeof seen->results[i]);
	memcpy(seen->results[i], result, len);
	seen->results[i][len] = '\0';
}

/* Every job runs once whatever the number of workers, its result and
 * messages reach the parent, the worst exit code wins. */
START_TEST(workers_run_every_job_once)
{
	static const unsigned counts[] = {1, 3, 8};
	for (size_t w = 0; w < 3; w++) {
		jobs_seen seen;
		memset(&seen, 0, sizeof seen);
		tg_diag *diag = tg_diag_new();
		tg_workers_job job = {square_job, record_job, &seen};
		ck_assert_int_eq(tg_workers_run(40, counts[w], &job, diag), TG_EXIT_INVALID);
		for (size_t i = 0; i < 40; i++) {
			char want[16];
			snprintf(want, sizeof want, "%zu", i * i);
			ck_assert_int_eq(seen.taken[i], 1);
			ck_assert_str_eq(seen.results[i], want);
		}
		ck_assert_uint_eq(tg_diag_warnings(diag), 1);
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		tg_diag_print(diag, f);
		fclose(f);
		ck_assert_msg(strstr(buf, "job.txt:13:2: warning: job 13 warns") != NULL, "%s", buf);
		free(buf);
		tg_diag_free(diag);
	}
}
END_TEST

static int
dying_job(size_t i, void *ud, tg_buf *result, tg_diag *diag)
{
	(void)ud;
	(void)diag;
	if (i == 5)
		_exit(7);	/* a worker that dies (as a crash would) */
	tg_buf_puts(result, "ok");
	return TG_EXIT_OK;
}

/* A worker that dies is reported, with the jobs that were lost. */
START_TEST(workers_report_a_dead_worker)
{
	jobs_seen seen;
	memset(&seen, 0, sizeof seen);
	tg_diag *diag = tg_diag_new();
	tg_workers_job job = {dying_job, record_job, &seen};
	ck_assert_int_eq(tg_workers_run(20, 2, &job, diag), TG_EXIT_IO);
	ck_assert_int_eq(seen.taken[5], 0);
	ck_assert_uint_ge(tg_diag_errors(diag), 2);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tg_diag_print(diag, f);
	fclose(f);
	ck_assert_msg(strstr(buf, "stopped with exit code") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "jobs were not done") != NULL, "%s", buf);
	free(buf);
	tg_diag_free(diag);
}
END_TEST

START_TEST(fs_list_is_sorted_bytewise)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "b.yaml", "x");
	tu_write(dir, "B.yaml", "x");
	tu_write(dir, "a/z.yaml", "x");
	tu_write(dir, "a/y.txt", "x");
	tu_write(dir, ".hidden.yaml", "x");
	tg_buf list = TG_BUF_INIT;
	ck_assert(tg_fs_list(dir, ".yaml", &list));
	ck_assert_uint_eq(TG_BUF_COUNT(&list, char *), 3);
	ck_assert(tg_text_ends_with(TG_BUF_AT(&list, char *, 0), "/B.yaml"));
	ck_assert(tg_text_ends_with(TG_BUF_AT(&list, char *, 1), "/a/z.yaml"));
	ck_assert(tg_text_ends_with(TG_BUF_AT(&list, char *, 2), "/b.yaml"));
	tg_fs_list_free(&list);
	tu_rmrf(dir);
	free(dir);
}
END_TEST


START_TEST(csv_quotes_and_neutralizes)
{
	tg_buf b = TG_BUF_INIT;
	tg_csv c;
	tg_csv_init(&c, &b, ',', true);
	tg_csv_field(&c, "plain");
	tg_csv_field(&c, "a,b");
	tg_csv_field(&c, "say \"hi\"");
	tg_csv_field(&c, "two\nlines");
	tg_csv_field(&c, "=HYPERLINK(\"http://example.invalid\",\"x\")");
	tg_csv_field(&c, "-5");
	tg_csv_field(&c, NULL);
	tg_csv_end_row(&c);
	ck_assert_str_eq(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
	    "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",\"'-5\",\r\n");
	tg_buf_clear(&b);
	tg_csv_init(&c, &b, '\t', false);
	tg_csv_field(&c, "a,b");
	tg_csv_field(&c, "t\tab");
	tg_csv_field(&c, "@x");
	tg_csv_end_row(&c);
	ck_assert_str_eq(b.data, "a,b\t\"t\tab\"\t@x\r\n");
	ck_assert(tg_sheet_is_risky("+1") && tg_sheet_is_risky("@SUM") && tg_sheet_is_risky("\rx"));
	ck_assert(!tg_sheet_is_risky("No.1") && !tg_sheet_is_risky(""));
	tg_buf_free(&b);
}
END_TEST

START_TEST(encoding_roundtrip_cp932)
{
	const char *text = "情報セキュリティ～①㈱髙";
	tg_buf sjis = TG_BUF_INIT, back = TG_BUF_INIT;
	size_t bad = 0;
	ck_assert(tg_enc_utf8_to_cp932(text, strlen(text), &sjis, &bad));
	ck_assert_int_eq(tg_enc_detect(sjis.data, sjis.len, NULL), TG_ENC_CP932);
	ck_assert(tg_enc_cp932_to_utf8(sjis.data, sjis.len, &back, &bad));
	ck_assert_str_eq(back.data, text);
	tg_buf_clear(&sjis);
	ck_assert(!tg_enc_utf8_to_cp932("ok\xF0\x9F\x98\x80", 6, &sjis, &bad));	/* emoji */
	ck_assert_uint_eq(bad, 2);
	/* Look-alikes ("best fit") are refused: they would read back as others. */
	static const char *const lookalikes[] = {"¥", "〜", "−", "‖", "¬", "¢", "£", "—"};
	for (size_t i = 0; i < sizeof lookalikes / sizeof lookalikes[0]; i++) {
		tg_buf_clear(&sjis);
		char t[16];
		snprintf(t, sizeof t, "ab%s", lookalikes[i]);
		ck_assert_msg(!tg_enc_utf8_to_cp932(t, strlen(t), &sjis, &bad), "%s", t);
		ck_assert_uint_eq(bad, 2);
		ck_assert_uint_eq(sjis.len, 0);
	}
	tg_buf offs = TG_BUF_INIT;
	ck_assert_uint_eq(tg_enc_cp932_misses("¥a～〜", strlen("¥a～〜"), &offs), 2);
	ck_assert_uint_eq(TG_BUF_AT(&offs, size_t, 0), 0);
	ck_assert_uint_eq(TG_BUF_AT(&offs, size_t, 1), 6);
	tg_buf_free(&offs);
	ck_assert_int_eq(tg_enc_detect("\xEF\xBB\xBF" "a", 4, NULL), TG_ENC_UTF8_BOM);
	ck_assert_int_eq(tg_enc_detect("abc", 3, NULL), TG_ENC_UTF8);
	/* A stray byte in UTF-8 text that, read as a whole, is also valid
	 * CP932: the evidence says UTF-8. */
	const char *stray = "機器台帳,監査\x81" "A記録";
	tg_enc_evidence ev;
	ck_assert_int_eq(tg_enc_detect(stray, strlen(stray), &ev), TG_ENC_UTF8);
	ck_assert_uint_eq(ev.utf8_chars, 8);
	ck_assert_uint_eq(ev.bad_bytes, 1);
	tg_buf_clear(&sjis);
	ck_assert(tg_enc_utf8_to_cp932(text, strlen(text), &sjis, &bad));
	ck_assert_int_eq(tg_enc_detect(sjis.data, sjis.len, &ev), TG_ENC_CP932);
	ck_assert_uint_gt(ev.bad_bytes, ev.utf8_chars);
	tg_buf_free(&sjis);
	tg_buf_free(&back);
}
END_TEST

START_TEST(yaml_writer_roundtrips)
{
	static const char *const values[] = {"plain", "44", "No.44", "true", "null", "", "a: b",
	    "#x", "- item", "複数行の\n本文\n", "end without newline\nline2", " lead", "trail ",
	    "tab\there", "quote \" and \\", "x #y", "2024-04-01", "1.0", "★3", "two\n\n",
	    "LS\xE2\x80\xA8PS\xE2\x80\xA9", "NEL\xC2\x85", "C1\xC2\x9B[2J", "\xEF\xBF\xBE\xEF\xBF\xBF",
	    "mid\xEF\xBB\xBF\x62om", "lines\nwith\xE2\x80\xA8LS\n", "esc\x1B[0m", "del\x7F", "cr\r\nlf",
	    "\ther\nab\there"};
	size_t n = sizeof values / sizeof values[0];
	tg_buf y = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%zu", i);
		tg_yamlw_kv(&y, 0, key, values[i]);
	}
	tg_arena a;
	tg_arena_init(&a);
	tg_diag *d = tg_diag_new();
	tg_node *root = tg_yaml_parse(&a, d, "w.yaml", y.data, y.len);
	ck_assert_msg(root != NULL, "%s", y.data);
	for (size_t i = 0; i < n; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%zu", i);
		const tg_node *v = tg_node_get(root, key);
		ck_assert_ptr_nonnull(v);
		ck_assert_msg(strcmp(v->str, values[i]) == 0, "value %zu: '%s' read back as '%s'\n%s",
		    i, values[i], v->str, y.data);
		ck_assert_msg(!tg_node_is_null(v) || values[i][0] == '\0', "%zu", i);
		if (strcmp(values[i], "true") == 0 || strcmp(values[i], "null") == 0 || strcmp(values[i], "44") == 0)
			ck_assert(!v->plain);
	}
	tg_diag_free(d);
	tg_arena_free(&a);
	tg_buf_free(&y);
}
END_TEST

/* The property: any valid UTF-8 string without NUL the writer writes loads
 * back equal, as a plain/quoted scalar and as a block.  The strings are
 * every pair and triple of awkward pieces. */
START_TEST(yaml_writer_property)
{
	static const char *const pieces[] = {"a", " ", "\n", "\t", "\r", ":", "#", "-", "'", "\"",
	    "\\", "\x01", "\x1B", "\x7F", "\xC2\x80", "\xC2\x85", "\xC2\x9F", "\xC2\xA0",
	    "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xEF\xBF\xBE", "\xEF\xBF\xBF",
	    "\xE3\x80\x80", "本", "\xF0\x9F\x98\x80", "|", ">", "&", "*", "!", "%", "@", "`", "? ",
	    "1", "0x1", "~", "null"};
	size_t np = sizeof pieces / sizeof pieces[0];
	tg_buf v = TG_BUF_INIT, y = TG_BUF_INIT;
	size_t checked = 0;
	for (size_t i = 0; i < np; i++) {
		for (size_t j = 0; j < np; j++) {
			for (size_t k = 0; k <= np; k += 7) {
				tg_buf_clear(&v);
				tg_buf_puts(&v, pieces[i]);
				tg_buf_puts(&v, pieces[j]);
				if (k < np)
					tg_buf_puts(&v, pieces[k]);
				tg_buf_clear(&y);
				tg_yamlw_kv(&y, 0, "k", v.data);
				tg_buf_puts(&y, "list:\n  - ");
				tg_yamlw_scalar(&y, v.data);
				tg_buf_puts(&y, "\n  - x\nmap:\n");
				tg_yamlw_kv(&y, 2, "nested", v.data);
				tg_arena a;
				tg_arena_init(&a);
				tg_diag *d = tg_diag_new();
				tg_node *root = tg_yaml_parse(&a, d, "p.yaml", y.data, y.len);
				ck_assert_msg(root != NULL && root->kind == TG_NODE_MAP,
				    "does not load:\n%s", y.data);
				const tg_node *k1 = tg_node_get(root, "k");
				const tg_node *l = tg_node_get(root, "list");
				ck_assert_msg(k1 != NULL && strcmp(k1->str, v.data) == 0, "kv:\n%s", y.data);
				ck_assert_msg(!tg_node_is_null(k1), "kv null:\n%s", y.data);
				ck_assert_msg(l != NULL && l->kind == TG_NODE_SEQ && l->n == 2 &&
				    strcmp(l->items[0]->str, v.data) == 0, "scalar:\n%s", y.data);
				const tg_node *nested = tg_node_get(tg_node_get(root, "map"), "nested");
				ck_assert_msg(nested != NULL && strcmp(nested->str, v.data) == 0,
				    "nested:\n%s", y.data);
				tg_diag_free(d);
				tg_arena_free(&a);
				checked++;
			}
		}
	}
	ck_assert_uint_gt(checked, 5000);
	tg_buf_free(&v);
	tg_buf_free(&y);
}
END_TEST

static char *
diag_text(tg_diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	tg_diag_print(d, f);
	fclose(f);
	return buf;
}

/* Issue 18: 2,000 messages on one 17 KB line wrote 50 MB.  Long lines are
 * clipped around the caret, controls escaped, and 100 messages shown. */
START_TEST(diag_clips_escapes_and_caps)
{
	tg_buf line = TG_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		tg_buf_puts(&line, "ab");
	tg_buf_puts(&line, "\x1B[2J\xC2\x9B\n");
	tg_diag *d = tg_diag_new();
	tg_diag_add_source(d, "f.txt", line.data, line.len);
	tg_diag_error(d, tg_pos_at("f.txt", 1, 1001), "middle \x1B]0;title\x07");
	char *m = diag_text(d);
	/* 60 characters before the caret, 100 from it, cut marks. */
	tg_buf want = TG_BUF_INIT;
	tg_buf_puts(&want, "f.txt:1:1001: error: middle \\x1B]0;title\\x07\n 1 | …");
	for (int i = 0; i < 80; i++)
		tg_buf_puts(&want, "ab");
	tg_buf_puts(&want, "…\n   | ");
	for (int i = 0; i < tg_utf8_cp_width(0x2026) + 60; i++)
		tg_buf_putc(&want, ' ');
	tg_buf_puts(&want, "^\n");
	ck_assert_str_eq(m, want.data);
	free(m);
	tg_diag_error(d, tg_pos_at("f.txt", 1, 2001), "end");
	m = diag_text(d);
	ck_assert_msg(strstr(m, "abab\\x1B[2J\\u009B\n") != NULL, "%s", m);
	ck_assert_msg(strstr(m, "  ^\n") != NULL, "%s", m);
	free(m);
	for (int i = 0; i < 150; i++)
		tg_diag_error(d, tg_pos_at("f.txt", 1, (unsigned)i + 1), "e%d", i);
	tg_diag_warning(d, tg_pos_at("f.txt", 1, 1999), "w");
	ck_assert_uint_eq(tg_diag_errors(d), 150);
	m = diag_text(d);
	size_t lines = 0;
	for (const char *p = m; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, 100 * 3 + 1);
	ck_assert_msg(strstr(m, "\ntotsugo: 51 more messages not shown (50 errors, 1 warning); the "
	    "first 100 are above\n") != NULL, "%s", m);
	free(m);
	tg_diag_free(d);
	tg_buf_free(&want);
	tg_buf_free(&line);
}
END_TEST

/* FIPS 180-4 vectors, and the padding boundaries (55, 56, 64 bytes). */
START_TEST(sha256_vectors)
{
	static const struct {
		const char *in;
		const char *b64;
	} v[] = {
		{"", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="},
		{"abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		    "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="},
	};
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		tg_buf_clear(&b);
		tg_sha256_base64(v[i].in, strlen(v[i].in), &b);
		ck_assert_str_eq(b.data, v[i].b64);
	}
	char a[65];
	memset(a, 'a', sizeof a);
	/* (Python's hashlib.) */
	static const char *const by_len[] = {"n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg=",
	    "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o=", "/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs="};
	static const size_t lens[] = {55, 56, 64};
	for (size_t i = 0; i < 3; i++) {
		tg_buf_clear(&b);
		tg_sha256_base64(a, lens[i], &b);
		ck_assert_str_eq(b.data, by_len[i]);
	}
	tg_buf_free(&b);
}
END_TEST

static Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, buf_grows_and_stays_terminated);
	tcase_add_test(tc, buf_as_array);
	tcase_add_test(tc, text_quote_nests_brackets);
	tcase_add_test(tc, buf_printf_fits_and_grows);
	tcase_add_test(tc, arena_aligns_and_zeroes);
	tcase_add_test(tc, map_put_get_set);
	tcase_add_test(tc, utf8_rejects_malformed);
	tcase_add_test(tc, utf8_widths);
	tcase_add_test(tc, text_suggest_and_natcmp);
	tcase_add_test(tc, json_escapes_and_nests);
	tcase_add_test(tc, json_pretty);
	tcase_add_test(tc, json_nests_without_limit);
	tcase_add_test(tc, fs_atomic_write_replaces_and_keeps_on_failure);
	tcase_add_test(tc, outset_is_all_or_nothing);
	tcase_add_test(tc, outset_reserve_and_stale_temporaries);
	tcase_add_test(tc, outset_signal_removes_temporaries);
	tcase_add_test(tc, outset_large_and_adopted);
	tcase_add_test(tc, workers_run_every_job_once);
	tcase_add_test(tc, workers_report_a_dead_worker);
	tcase_add_test(tc, outset_standard_output);
	tcase_add_test(tc, fs_list_is_sorted_bytewise);
	tcase_add_test(tc, csv_quotes_and_neutralizes);
	tcase_add_test(tc, encoding_roundtrip_cp932);
	tcase_add_test(tc, yaml_writer_roundtrips);
	tcase_add_test(tc, yaml_writer_property);
	tcase_add_test(tc, diag_clips_escapes_and_caps);
	tcase_add_test(tc, sha256_vectors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(util_suite());
}
