/* totsugo — crosswalks of industry security guidelines against the IPA SME
 * guideline, and the industry sample regulation built from them.
 *
 * This is the library's public interface, used by the command-line tool
 * (main.c).  Data sets are opaque; each operation writes its output into a
 * tg_buf and its problems into a tg_diag, and returns a TG_EXIT_* code. */
#ifndef TOTSUGO_H
#define TOTSUGO_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/diag.h"
#include "util/outset.h"

/* Exit codes shared by every command (diff has its own, see diff). */
enum {
	TG_EXIT_OK = 0,		/* success */
	TG_EXIT_INVALID = 1,	/* the input data is invalid */
	TG_EXIT_USAGE = 2,	/* bad command line */
	TG_EXIT_IO = 3		/* a file could not be read or written */
};

typedef struct tg_data tg_data;

const char *tg_version(void);

/* Where data lives: --data, then $TOTSUGO_DATA, then the source tree the
 * binary was built from, then the installed share/totsugo.  Returns a
 * malloc'ed path, or NULL when none holds a mappings/ directory. */
char *tg_data_locate(const char *option);

/* Loads and checks every file of a data directory.  Returns the data set
 * (even when invalid, for partial use) and stores a TG_EXIT_* in *rc. */
tg_data *tg_data_open(const char *dir, tg_diag *diag, int *rc);
/* The same, for commands that use the data rather than check it: a profile
 * of mappings/profiles/ that does not load or check is set aside (one
 * warning names it; `validate`, which uses tg_data_open, lists its
 * problems), so that one company's bad profile does not stop the others. */
tg_data *tg_data_open_using(const char *dir, tg_diag *diag, int *rc);
void tg_data_free(tg_data *d);
/* What `validate` reports beyond the rules every command needs: notes and
 * warnings a person judges (industry examples a template uses but the
 * industry does not define, example keys nothing uses). */
void tg_data_lint(const tg_data *d, tg_diag *diag);

/* `list`: one line per catalog, crosswalk, industry; with stats, the
 * counts of each crosswalk's rows by relationship and status. */
void tg_list(const tg_data *d, bool stats, tg_buf *out);

typedef enum tg_show_format {
	TG_SHOW_TREE,
	TG_SHOW_JSON
} tg_show_format;

/* `show ID`: a catalog or a crosswalk. */
int tg_show(const tg_data *d, const char *id, tg_show_format format, tg_buf *out,
    tg_diag *diag);

/* `crosswalk`: the 突合表 of an industry. */
enum {
	TG_XF_MD = 1,
	TG_XF_HTML = 2,
	TG_XF_CSV = 4,
	TG_XF_TSV = 8,
	TG_XF_XLSX = 16,
	TG_XF_JSON = 32,
	TG_XF_ALL = 63
};

typedef struct tg_crosswalk_options {
	const char *industry;	/* an industry id, or "all" */
	const char *level;	/* cumulative level filter; NULL: every item */
	unsigned formats;	/* TG_XF_* bits; 0: all */
	const char *output;	/* file (one format) or directory; NULL: out/<industry>/ */
	bool inverse;		/* the baseline's view: clause -> industry items */
	bool compact;		/* --layout compact: one counterpart column, A4 */
	bool cp932;		/* CSV/TSV in CP932 instead of UTF-8 */
	bool bom;		/* UTF-8 CSV/TSV with a byte order mark (Excel) */
	bool cp932_substitute;	/* CP932: look-alikes allowed, each a warning */
} tg_crosswalk_options;

/* Format bit of a name (md, html, csv, tsv, xlsx, json, all), or 0. */
unsigned tg_crosswalk_format(const char *name);
/* Stages the files into out (committed by the caller, as one set with
 * everything else the command writes).  output "-" stages each file as
 * standard output ("-"). */
int tg_crosswalk_write(const tg_data *d, const tg_crosswalk_options *o, tg_outset *out,
    tg_diag *diag);

/* `diff` exits like diff(1): 0 identical, 1 different, 2 trouble (bad
 * usage, invalid input, I/O) — not the TG_EXIT_* codes. */
enum {
	TG_DIFF_SAME = 0,
	TG_DIFF_DIFFERENT = 1,
	TG_DIFF_TROUBLE = 2
};

typedef enum tg_diff_format {
	TG_DIFF_TEXT,
	TG_DIFF_MD,
	TG_DIFF_HTML,
	TG_DIFF_JSON,
	TG_DIFF_DOCX,		/* --regulation only: the 新旧対照表 in Word */
	TG_DIFF_REDLINE		/* --regulation only: the paragraph redline page */
} tg_diff_format;

typedef struct tg_diff_options {
	const char *data_option;	/* --data, or NULL */
	tg_diff_format format;
	bool color;		/* ANSI colours in text output (a terminal) */
	const char *migrate;	/* --migrate-crosswalk FILE, or NULL */
	const char *draft_name;	/* where the draft goes, for messages */
} tg_diff_options;

/* `diff OLD NEW`: catalog ids of the data directory or YAML files.  The
 * report goes to out (nothing when identical); with o->migrate, the draft
 * crosswalk goes to draft and a one-line summary to out.  Returns a
 * TG_DIFF_* code. */
int tg_diff(const tg_diff_options *o, const char *old_arg, const char *new_arg, tg_buf *out,
    tg_buf *draft, tg_diag *diag);
/* `diff --regulation OLD_DIR NEW_DIR`: two rendered regulations as a
 * 新旧対照表 (html, md, docx) or the paragraph redline page (redline);
 * nothing when identical.  name is the output, for messages.  Returns a
 * TG_DIFF_* code. */
int tg_diff_regulation(const char *old_dir, const char *new_dir, tg_diff_format format,
    const char *name, tg_buf *out, tg_diag *diag);

/* `import --spec SPEC INPUT`: reads a spreadsheet (CSV/TSV) as an import
 * spec describes (docs/import.md) and writes the catalog YAML to catalog
 * and, when crosswalk is not NULL, the crosswalk built from the reference
 * columns.  Nothing is written when there is any error.  Returns a
 * TG_EXIT_* code. */
int tg_import(const char *spec, const char *input, tg_buf *catalog, tg_buf *crosswalk,
    tg_diag *diag);

typedef struct tg_export_options {
	char sep;		/* ',' (CSV) or '\t' (TSV) */
	bool cp932;		/* encode as CP932 instead of UTF-8 */
	bool bom;		/* UTF-8 only: start with a byte order mark */
	tg_buf *spec;		/* when not NULL: the import spec that reads the sheet back
				 * into the same catalog (its catalog keys included) */
	bool cp932_substitute;	/* CP932: look-alikes allowed, each a warning */
} tg_export_options;

/* `export ID`: a catalog as a sheet (one row per item, formula cells
 * neutralised) that docs/examples/import/totsugo-export.yaml imports back
 * into the same catalog.  Returns a TG_EXIT_* code. */
int tg_export(const tg_data *d, const char *id, const tg_export_options *o, tg_buf *out,
    tg_diag *diag);

typedef enum tg_template_escape {
	TG_TEMPLATE_HTML,	/* the Mustache spec's default */
	TG_TEMPLATE_MARKDOWN,
	TG_TEMPLATE_NONE
} tg_template_escape;

typedef enum tg_template_data_format {
	TG_TEMPLATE_DATA_AUTO,	/* JSON for names ending in .json, else YAML */
	TG_TEMPLATE_DATA_YAML,
	TG_TEMPLATE_DATA_JSON
} tg_template_data_format;

typedef struct tg_template_options {
	const char *data;	/* YAML or JSON file holding the values; "-": standard input */
	const char *partials;	/* directory of NAME.mustache; NULL: the template's own */
	bool strict;		/* undefined names are errors */
	tg_template_escape escape;
	tg_template_data_format data_format;
} tg_template_options;

/* `template FILE --data DATA`: renders a Mustache template (see
 * docs/templates.md and src/template/mustache.h).  Returns a TG_EXIT_*
 * code; out holds the whole output only when it is TG_EXIT_OK. */
int tg_template(const char *file, const tg_template_options *o, tg_buf *out, tg_diag *diag);

/* `render`: the industry sample regulation (docs/regulation.md). */
enum {
	TG_RF_MD = 1,
	TG_RF_HTML = 2,
	TG_RF_DOCX = 4,
	TG_RF_ALL = 7
};

enum {
	TG_LABELS_COMMENTS,	/* docx: Word comments (md, html: inline) */
	TG_LABELS_INLINE	/* every format: a line after the clause */
};

enum {
	TG_RENDER_WHOLE,	/* every clause */
	TG_RENDER_MANAGEMENT,	/* --split management */
	TG_RENDER_TECHNICAL	/* --split technical */
};

typedef struct tg_render_options {
	const char *industry;
	const char *profile;	/* profile id or YAML file; NULL: the industry's sample */
	const char *level;	/* a level or "all"; NULL: the profile's, else the industry's default */
	bool labels;		/* industry item labels of each clause */
	int labels_mode;	/* TG_LABELS_*: where the Word document puts them */
	int split;		/* TG_RENDER_* */
	unsigned formats;	/* TG_RF_* bits; 0: all */
	const char *output;	/* directory; NULL: out/<industry>/regulation[-PROFILE][-LEVEL][-SPLIT];
				 * a batch: the directory of the per-profile directories
				 * (NULL: out/<industry>) */
	/* A batch: these profiles (ids or files) and every profile file
	 * (*.yaml) under profiles_dir, loaded and checked once, each rendered
	 * into its own directory, by `jobs` worker processes (0: one per
	 * processor); the files are the same bytes as rendering each alone. */
	const char *const *profiles;
	size_t nprofiles;
	const char *profiles_dir;
	unsigned jobs;
} tg_render_options;

/* Format bit of a name (md, html, docx, all), or 0. */
unsigned tg_render_format(const char *name);
/* Stages the files of one regulation into out (committed by the caller;
 * output "-" stages each as standard output).  A batch (profiles) commits
 * a set of its own, every profile's files, and lists them ("wrote PATH")
 * in report.  A profile file is loaded into d and checked. */
int tg_render_write(tg_data *d, const tg_render_options *o, tg_outset *out, tg_buf *report,
    tg_diag *diag);
/* `init-profile`: the commented profile skeleton of an industry. */
int tg_init_profile(const tg_data *d, const char *industry, tg_buf *out, tg_diag *diag);
/* `init-industry ID --title TITLE`: the commented skeleton of an industry
 * without a guideline, on the regulation templates of `baseline` (NULL:
 * the first parameter registry, by id, that has templates).  An id already
 * in the data or not of the id syntax is a usage error. */
int tg_init_industry(const tg_data *d, const char *id, const char *title, const char *baseline,
    tg_buf *out, tg_diag *diag);

/* `coverage`: how far an industry's sample regulation (a company's, with a
 * profile) covers the requirements of a catalog (docs/coverage.md). */
enum {
	TG_CF_MD = 1,
	TG_CF_HTML = 2,
	TG_CF_CSV = 4,
	TG_CF_XLSX = 8,
	TG_CF_JSON = 16,
	TG_CF_ALL = 31
};

typedef struct tg_coverage_options {
	const char *industry;
	const char *profile;	/* profile id or YAML file; NULL: the industry's sample */
	const char *against;	/* the catalog whose requirements are checked */
	const char *level;	/* a level of `against` (cumulative); NULL: every requirement */
	const char *reg_level;	/* the regulation's: a level of the industry's guideline or
				 * "all"; NULL: the profile's, else the industry's default */
	unsigned formats;	/* TG_CF_* bits; 0: all */
	const char *output;	/* directory, a file (one format), or "-" (md, html, json) */
} tg_coverage_options;

/* Format bit of a name (md, html, csv, xlsx, json, all), or 0. */
unsigned tg_coverage_format(const char *name);
/* Writes the files as one output set; lists them ("wrote PATH") in report.
 * A profile file is loaded into d and checked. */
int tg_coverage_write(tg_data *d, const tg_coverage_options *o, tg_buf *report, tg_diag *diag);

/* `forms`: the guidance forms (templates/forms/, docs/forms.md) as XLSX
 * workbooks for an industry. */
typedef struct tg_forms_options {
	const char *industry;
	const char *profile;	/* profile id or YAML file, or NULL */
	const char *level;	/* a level or "all"; NULL: the profile's, else the industry's default */
	const char **forms;	/* form ids to write; none: every form */
	size_t nforms;
	const char *output;	/* directory; NULL: out/<industry>/forms[-PROFILE]/ */
} tg_forms_options;

/* Writes the workbooks as one output set; lists them in report. */
int tg_forms_write(tg_data *d, const tg_forms_options *o, tg_buf *report, tg_diag *diag);

/* `assess`: filled forms (自社診断, industry checklist; XLSX or the CSV/TSV
 * a spreadsheet saves) read back and checked; the score, the progress,
 * the gaps with the clauses and proposals that address them, and the 様式3
 * plan prefilled with them (docs/forms.md). */
enum {
	TG_AF_MD = 1,
	TG_AF_HTML = 2,
	TG_AF_XLSX = 4,
	TG_AF_JSON = 8,
	TG_AF_ALL = 15
};

typedef struct tg_assess_options {
	const char **files;	/* the filled forms */
	size_t nfiles;
	const char *industry;	/* NULL: the one the sheets name */
	const char *profile;
	const char *level;	/* target level; NULL: the profile's, else the industry's default */
	unsigned formats;	/* TG_AF_* bits; 0: all */
	const char *output;	/* directory; NULL: out/<industry>/assessment/ */
} tg_assess_options;

/* Format bit of a name (md, html, xlsx, json, all), or 0. */
unsigned tg_assess_format(const char *name);
/* Writes the files (nothing when any cell is bad: TG_EXIT_INVALID); the
 * report gets a summary and the files written. */
int tg_assess_write(tg_data *d, const tg_assess_options *o, tg_buf *report, tg_diag *diag);

/* `suggest SOURCE`: the target's items ranked for each source item by text
 * similarity (docs/suggest.md). */
typedef enum tg_suggest_format {
	TG_SUGGEST_YAML,	/* a crosswalk of suggestions */
	TG_SUGGEST_MD,		/* review views */
	TG_SUGGEST_HTML,
	TG_SUGGEST_CSV
} tg_suggest_format;

typedef struct tg_suggest_options {
	const char *source;	/* a catalog id of the data, or a catalog YAML file */
	const char *target;	/* a catalog id; NULL: the baseline of the source's industry */
	size_t top;		/* candidates kept per item */
	double min_score;	/* similarity threshold, 0-1 */
	tg_suggest_format format;
} tg_suggest_options;

/* Writes the output to out and a one-line summary to summary.  Returns a
 * TG_EXIT_* code. */
int tg_suggest(const tg_data *d, const tg_suggest_options *o, tg_buf *out, tg_buf *summary,
    tg_diag *diag);

/* `review export CROSSWALK`: the review workbook (docs/workflow.md), to
 * output or review-<id>.xlsx; lists it ("wrote PATH") in report. */
int tg_review_export(const tg_data *d, const char *crosswalk, const char *output, tg_buf *report,
    tg_diag *diag);

typedef struct tg_review_apply_options {
	const char *workbook;	/* the .xlsx, or its review sheet saved as CSV/TSV */
	const char *crosswalk;	/* crosswalk id; NULL: the one the workbook names */
	const char *output;	/* NULL: the crosswalk's own file; "-": into out */
	bool force;		/* apply even if the crosswalk changed since the export */
	bool check;		/* check and summarise only, write nothing */
} tg_review_apply_options;

/* `review apply WORKBOOK`: every row checked (errors at their cells, all at
 * once; nothing written then), the crosswalk updated and written, the
 * changes listed in summary.  Returns a TG_EXIT_* code. */
int tg_review_apply(const tg_data *d, const tg_review_apply_options *o, tg_buf *out,
    tg_buf *summary, tg_diag *diag);

/* Writes out to path atomically, or to standard output when path is NULL
 * or "-".  Reports failures to diag; returns a TG_EXIT_* code. */
int tg_output(const char *path, const tg_buf *out, tg_diag *diag);

#endif
