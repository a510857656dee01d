/* The 対比表 of an industry without a guideline (seed 003: associations
 * without a guideline extract the industry's elements and terms, contrast
 * them with the IPA sample regulation, and write them into 付録5).  Per
 * clause of the baseline's regulation templates, what the industry's
 * sample says differently from the baseline's: the examples the clause
 * uses (default and industry text), the terms it is the first to use
 * (default and industry definition), the industry's additions and
 * supplements; then a summary per chapter.  It is a view (xview.h), so
 * every 突合表 format renders it. */
#ifndef TG_CONTRAST_H
#define TG_CONTRAST_H

#include "xview.h"

/* Counts shown in the header block and the tests. */
typedef struct tg_contrast_counts {
	size_t examples;		/* industry.examples.* uses (parameter x clause) */
	size_t examples_changed;	/* the industry's text differs from the default */
	size_t examples_same;		/* defined, but equal to the default */
	size_t examples_default;	/* not defined: the default is used */
	size_t examples_unused;		/* industry keys no template uses */
	size_t terms;			/* 付録D terms */
	size_t terms_own;		/* defined by the industry */
	size_t terms_added;		/* … of which the registry does not have */
	size_t adds, amends;
} tg_contrast_counts;

/* Builds the 対比表 (sheets 対比表, サマリー) of a guideline-less
 * industry; NULL after reporting when its baseline has no regulation
 * templates or they do not render.  counts may be NULL. */
tg_view *tg_contrast_build(const tg_data *d, const tg_industry *ind, tg_contrast_counts *counts,
    tg_diag *diag);

#endif
