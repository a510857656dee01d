/* In-process template throughput: renders TEMPLATE with DATA N times and
 * prints the time per render.  MODE "render" parses once (a cached
 * template), "parse" parses on every iteration.  Built by run.sh against
 * the release library; not part of the build.
 *   loop TEMPLATE DATA PARTIALS_DIR N MODE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load/json.h"
#include "template/mustache.h"
#include "util/fs.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	if (argc != 6)
		return 2;
	tg_buf tmpl = TG_BUF_INIT, json = TG_BUF_INIT, out = TG_BUF_INIT;
	if (tg_fs_read(argv[1], TG_FS_MAX_INPUT, &tmpl) != TG_FS_OK ||
	    tg_fs_read(argv[2], TG_FS_MAX_INPUT, &json) != TG_FS_OK)
		return 3;
	int n = atoi(argv[4]);
	int parse_each = strcmp(argv[5], "parse") == 0;
	tg_arena arena;
	tg_arena_init(&arena);
	tg_diag *diag = tg_diag_new();
	const tg_node *data = tg_data_parse(&arena, diag, argv[2], json.data, json.len, TG_DATA_AUTO);
	tg_mus_dir *dir = tg_mus_dir_new(argv[3]);
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_dir_partial;
	opt.partial_ud = dir;
	tg_mus *m = tg_mus_parse(argv[1], tmpl.data, tmpl.len, diag);
	if (data == NULL || m == NULL) {
		tg_diag_print(diag, stderr);
		return 1;
	}
	double t0 = now();
	for (int i = 0; i < n; i++) {
		if (parse_each) {
			tg_mus_free(m);
			m = tg_mus_parse(argv[1], tmpl.data, tmpl.len, diag);
		}
		tg_buf_clear(&out);
		if (tg_mus_render(m, data, &opt, &out, diag) != 0)
			return 1;
	}
	double ms = (now() - t0) * 1000 / n;
	printf("%.3f ms per render (%s), %zu bytes out, %.0f MB/s\n", ms,
	    parse_each ? "parse + render" : "render only", out.len, out.len / ms / 1000);
	tg_mus_free(m);
	tg_mus_dir_free(dir);
	tg_diag_free(diag);
	tg_arena_free(&arena);
	tg_buf_free(&tmpl);
	tg_buf_free(&json);
	tg_buf_free(&out);
	return 0;
}
