/* Data parsers side by side, on the same files (bench/data/run.sh):
 *   parsers MODE N FILE...
 * parses every FILE N times with MODE and prints the time per round:
 *   ours          tg_json_parse: the node tree, positions on every node
 *   yaml          tg_yaml_parse: libyaml events into the same tree
 *   libyaml       libyaml events only, no tree: the floor of any YAML path
 *   json-c        json_tokener_parse_ex into json-c's own objects
 *   json-c+tree   the same, then copied into tg_node (no positions: json-c
 *                 has none to give)
 *   jansson       json_loadb into jansson's objects
 *   jansson+tree  the same, then copied into tg_node (no positions)
 * The work of one round is the function parse_round, so that
 *   valgrind --tool=callgrind --toggle-collect=parse_round parsers MODE 1 FILE
 * counts the parser's instructions alone.  Built by run.sh against the
 * release library, twice: parsers-json-c (with conv-jsonc.c) and
 * parsers-jansson (with conv-jansson.c), as both libraries export
 * json_object_iter_next; not part of the build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "load/json.h"
#include "util/fs.h"

typedef struct input {
	const char *path;
	tg_buf text;
} input;

/* The library side (conv-jsonc.c or conv-jansson.c).  Returns 1 parsed,
 * 0 failed, -1 not its mode. */
int bench_library(const char *mode, tg_arena *a, const char *text, size_t len);

static int
libyaml_events(const input *in)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)in->text.data, in->text.len);
	int events = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			events = -1;
			break;
		}
		bool done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	return events;
}

/* Parses every input once; returns false when one fails. */
__attribute__((noinline)) static bool
parse_round(const char *mode, input *in, size_t nin)
{
	bool ok = true;
	for (size_t i = 0; i < nin; i++) {
		tg_arena a;
		tg_arena_init(&a);
		tg_diag *d = tg_diag_new();
		const char *text = in[i].text.data;
		size_t len = in[i].text.len;
		if (strcmp(mode, "ours") == 0) {
			ok &= tg_json_parse(&a, d, in[i].path, text, len) != NULL;
		} else if (strcmp(mode, "yaml") == 0) {
			ok &= tg_yaml_parse(&a, d, in[i].path, text, len) != NULL;
		} else if (strcmp(mode, "libyaml") == 0) {
			ok &= libyaml_events(&in[i]) > 0;
		} else {
			int r = bench_library(mode, &a, text, len);
			if (r < 0) {
				fprintf(stderr, "unknown mode %s\n", mode);
				exit(2);
			}
			ok &= r == 1;
		}
		tg_diag_free(d);
		tg_arena_free(&a);
	}
	return ok;
}

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
	if (argc < 4) {
		fputs("usage: parsers MODE N FILE...\n", stderr);
		return 2;
	}
	const char *mode = argv[1];
	int n = atoi(argv[2]);
	size_t nin = (size_t)(argc - 3);
	input *in = calloc(nin, sizeof *in);
	size_t bytes = 0;
	for (size_t i = 0; i < nin; i++) {
		in[i].path = argv[i + 3];
		if (tg_fs_read(in[i].path, TG_FS_MAX_INPUT, &in[i].text) != TG_FS_OK) {
			perror(in[i].path);
			return 3;
		}
		bytes += in[i].text.len;
	}
	double t0 = now();
	for (int r = 0; r < n; r++) {
		if (!parse_round(mode, in, nin)) {
			fprintf(stderr, "%s: a parse failed\n", mode);
			return 1;
		}
	}
	double ms = (now() - t0) * 1000 / n;
	printf("%-13s %8.2f ms per round, %6.0f MB/s (%zu files, %zu bytes)\n", mode, ms,
	    (double)bytes / ms / 1000, nin, bytes);
	for (size_t i = 0; i < nin; i++)
		tg_buf_free(&in[i].text);
	free(in);
	return 0;
}
