/* `render`, `init-profile`, `init-industry`: the industry sample
 * regulation, profile skeletons and industry skeletons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/outset.h"
#include "cli.h"

static int
labels_mode(const char *arg, tg_render_options *o)
{
	if (strcmp(arg, "comments") == 0)
		o->labels_mode = TG_LABELS_COMMENTS;
	else if (strcmp(arg, "inline") == 0)
		o->labels_mode = TG_LABELS_INLINE;
	else
		return tg_cli_usage_error("render", "unknown labels mode '%s' (comments or inline)", arg);
	return TG_EXIT_OK;
}

int
cmd_render(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"profile", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
	    {"labels", optional_argument, NULL, 'L'}, {"split", required_argument, NULL, 's'},
	    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
	    {"profiles", required_argument, NULL, 'P'}, {"jobs", required_argument, NULL, 'j'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	tg_render_options o = {0};
	tg_buf profiles = TG_BUF_INIT;	/* const char *: every --profile */
	int ch, rc;
	while ((ch = getopt_long(argc, argv, "i:p:l:Ls:f:o:j:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			o.industry = optarg;
			break;
		case 'p':
			TG_BUF_PUSH(&profiles, const char *, optarg);
			break;
		case 'P':
			o.profiles_dir = optarg;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 || n > 256) {
				rc = tg_cli_usage_error("render", "--jobs wants a number from 1 to 256, not '%s'",
				    optarg);
				goto out;
			}
			o.jobs = (unsigned)n;
			break;
		}
		case 'l':
			o.level = optarg;
			break;
		case 'L':
			o.labels = true;
			if (optarg != NULL && labels_mode(optarg, &o) != TG_EXIT_OK) {
				rc = TG_EXIT_USAGE;
				goto out;
			}
			break;
		case 's':
			if (strcmp(optarg, "management") == 0)
				o.split = TG_RENDER_MANAGEMENT;
			else if (strcmp(optarg, "technical") == 0)
				o.split = TG_RENDER_TECHNICAL;
			else {
				rc = tg_cli_usage_error("render", "unknown split '%s' (management or technical)",
				    optarg);
				goto out;
			}
			break;
		case 'f': {
			unsigned f = tg_render_format(optarg);
			if (f == 0) {
				rc = tg_cli_usage_error("render", "unknown format '%s' (md, html, docx or all)",
				    optarg);
				goto out;
			}
			o.formats |= f;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] render --industry ID [--profile FILE|ID]... [--profiles DIR]\n"
			    "                 [--level L] [--labels [comments|inline]] [--split management|technical]\n"
			    "                 [--format md|html|docx|all] [-j N] [-o DIR]\n\n"
			    "Write the industry sample regulation: the IPA sample regulation (付録2, 付録5)\n"
			    "with the industry's additions from its crosswalks, tailored by a profile.\n"
			    "Several profiles (a batch) are loaded and checked once and each written to\n"
			    "DIR/regulation-PROFILE[-LEVEL][-SPLIT]/, the same files as rendered alone.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
			    "  -p, --profile P     a profile id of the data or a profile YAML file; repeat\n"
			    "                      it for a batch\n"
			    "      --profiles DIR  a batch: every profile file (*.yaml) under DIR\n"
			    "  -j, --jobs N        a batch: N worker processes (default: one per processor)\n"
			    "  -l, --level L       industry additions and labels needed at L (cumulative);\n"
			    "                      'all' for every level (default: the profile's level, else\n"
			    "                      the industry's default level)\n"
			    "  -L, --labels [MODE] the industry items each clause serves: after the clause in\n"
			    "                      md and html; in the Word document as comments on the\n"
			    "                      clause (MODE comments, the default) or inline\n"
			    "  -s, --split S       management or technical: one edition by the clauses' tags\n"
			    "  -f, --format FMT    md (a file per chapter, appendices.md, regulation.md),\n"
			    "                      html (regulation.html), docx (regulation.docx, Word)\n"
			    "                      or all (default); repeat for several\n"
			    "  -o, --output DIR    output directory (default out/ID/regulation[-PROFILE]\n"
			    "                      [-LEVEL][-SPLIT]/); a batch: where the per-profile\n"
			    "                      directories go (default out/ID/)\n\n"
			    "See docs/regulation.md.\n", tg_cli_progname);
			rc = TG_EXIT_OK;
			goto out;
		default:
			rc = tg_cli_bad_option("render", argv);
			goto out;
		}
	}
	/* `--labels inline`: the mode as the next word (getopt put it last). */
	if (o.labels && optind < argc && (strcmp(argv[optind], "inline") == 0 ||
	    strcmp(argv[optind], "comments") == 0))
		labels_mode(argv[optind++], &o);
	if (optind < argc) {
		rc = tg_cli_usage_error("render", "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (o.industry == NULL) {
		rc = tg_cli_usage_error("render", "missing --industry ID");
		goto out;
	}
	size_t n = TG_BUF_COUNT(&profiles, const char *);
	if (n == 1 && o.profiles_dir == NULL) {
		o.profile = TG_BUF_AT(&profiles, const char *, 0);
	} else {
		o.profiles = n ? &TG_BUF_AT(&profiles, const char *, 0) : NULL;
		o.nprofiles = n;
	}
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL) {
		rc = tg_cli_finish(c, rc);
		goto out;
	}
	tg_buf report = TG_BUF_INIT;
	rc = tg_render_write(d, &o, &report, c->diag);
	rc = tg_cli_finish_report(c, d, &report, rc);
out:
	tg_buf_free(&profiles);
	return rc;
}

int
cmd_init_profile(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"industry", required_argument, NULL, 'i'},
	    {"output", required_argument, NULL, 'o'}, HELP_OPTION, {NULL, 0, NULL, 0}};
	const char *industry = NULL, *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "i:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			industry = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] init-profile --industry ID [-o FILE]\n\n"
			    "Write a commented profile skeleton for an industry: every regulation\n"
			    "parameter with its type, default, description and clauses, and empty\n"
			    "exclude / replace / revisions with examples.  It loads as it is; edit it\n"
			    "and put it under mappings/profiles/.  See docs/regulation.md.\n\n"
			    "  -i, --industry ID   industry (see 'totsugo list')\n"
			    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("init-profile", argv);
		}
	}
	if (optind < argc)
		return tg_cli_usage_error("init-profile", "unexpected argument '%s'", argv[optind]);
	if (industry == NULL)
		return tg_cli_usage_error("init-profile", "missing --industry ID");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_init_profile(d, industry, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = tg_output(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}

/* -o FILE through an output set (atomic, temporaries removed on signals);
 * standard output otherwise. */
static int
write_one(const char *path, const tg_buf *out, tg_diag *diag)
{
	if (path == NULL || strcmp(path, "-") == 0)
		return tg_output(NULL, out, diag);
	tg_outset *set = tg_outset_new();
	int rc = tg_outset_put(set, path, out->data ? out->data : "", out->len, diag) ?
	    tg_outset_commit(set, diag) : TG_EXIT_IO;
	tg_outset_free(set);
	return rc;
}

int
cmd_init_industry(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"title", required_argument, NULL, 't'},
	    {"baseline", required_argument, NULL, 'b'}, {"output", required_argument, NULL, 'o'},
	    HELP_OPTION, {NULL, 0, NULL, 0}};
	const char *title = NULL, *baseline = NULL, *output = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "t:b:o:h", opts, NULL)) != -1) {
		switch (ch) {
		case 't':
			title = optarg;
			break;
		case 'b':
			baseline = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf("Usage: %s [--data DIR] init-industry ID --title TITLE [--baseline CATALOG]\n"
			    "                 [-o FILE]\n\n"
			    "Write a commented skeleton of an industry without a guideline: every\n"
			    "example the regulation templates use (with the clauses that use it and\n"
			    "its default), the terms the templates rely on (with their default\n"
			    "definitions), and room per chapter for the industry's own additions.\n"
			    "It loads and renders as it is; edit it and put it under\n"
			    "mappings/industries/.  See docs/regulation.md.\n\n"
			    "  -t, --title TITLE      the industry's name (物流業)\n"
			    "  -b, --baseline ID      the catalog whose regulation templates to use\n"
			    "                         (default: the first registry with templates)\n"
			    "  -o, --output FILE      write to FILE (atomically) instead of standard output\n",
			    tg_cli_progname);
			return TG_EXIT_OK;
		default:
			return tg_cli_bad_option("init-industry", argv);
		}
	}
	if (optind >= argc)
		return tg_cli_usage_error("init-industry", "missing the industry ID");
	const char *id = argv[optind++];
	if (optind < argc)
		return tg_cli_usage_error("init-industry", "unexpected argument '%s'", argv[optind]);
	if (title == NULL)
		return tg_cli_usage_error("init-industry", "missing --title TITLE");
	int rc;
	tg_data *d = tg_cli_open_data(c, &rc);
	if (d == NULL)
		return tg_cli_finish(c, rc);
	tg_buf out = TG_BUF_INIT;
	rc = tg_init_industry(d, id, title, baseline, &out, c->diag);
	if (rc == TG_EXIT_OK)
		rc = write_one(output, &out, c->diag);
	tg_buf_free(&out);
	tg_data_free(d);
	return tg_cli_finish(c, rc);
}
