/* Finding the data directory, and opening it. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "load.h"
#include "../forms/forms.h"
#include "../regulation/regulation.h"
#include "../util/fs.h"

static bool
has_mappings(const char *dir)
{
	char *m = tg_fs_join(dir, "mappings");
	bool ok = tg_fs_is_dir(m);
	free(m);
	return ok;
}

/* Messages name files relative to the working directory when the data
 * lies below it ("mappings/x.yaml", not "/home/…/mappings/x.yaml"). */
static char *
relative_to_cwd(const char *dir)
{
	char cwd[PATH_MAX], *real = realpath(dir, NULL);
	if (real == NULL || getcwd(cwd, sizeof cwd) == NULL) {
		free(real);
		return tg_xstrdup(dir);
	}
	size_t n = strlen(cwd);
	char *out;
	if (strcmp(real, cwd) == 0)
		out = tg_xstrdup(".");
	else if (strncmp(real, cwd, n) == 0 && real[n] == '/')
		out = tg_xstrdup(real + n + 1);
	else
		out = tg_xstrdup(dir);
	free(real);
	return out;
}

char *
tg_data_locate(const char *option)
{
	if (option != NULL)
		return tg_xstrdup(option);	/* checked when opened, with a clear error */
	const char *env = getenv("TOTSUGO_DATA");
	if (env != NULL && env[0] != '\0')
		return tg_xstrdup(env);
	if (has_mappings(TOTSUGO_SOURCE_DIR))
		return relative_to_cwd(TOTSUGO_SOURCE_DIR);
	if (has_mappings(TOTSUGO_DATADIR))
		return relative_to_cwd(TOTSUGO_DATADIR);
	return NULL;
}

static tg_data *
open_data(const char *dir, bool lenient_profiles, tg_diag *diag, int *rc)
{
	tg_data *d = tg_data_new(dir);
	d->lenient_profiles = lenient_profiles;
	*rc = tg_data_load_dir(d, diag);
	/* The regulation rules (registries against templates, profiles) need
	 * the whole set loaded and linked; every command gets them here. */
	if (*rc != TG_EXIT_IO) {
		int r = tg_reg_check_data(d, diag);
		if (r > *rc)
			*rc = r;
		r = tg_forms_check_data(d, diag);
		if (r > *rc)
			*rc = r;
	}
	return d;
}

tg_data *
tg_data_open(const char *dir, tg_diag *diag, int *rc)
{
	return open_data(dir, false, diag, rc);
}

tg_data *
tg_data_open_using(const char *dir, tg_diag *diag, int *rc)
{
	return open_data(dir, true, diag, rc);
}

void
tg_data_lint(const tg_data *d, tg_diag *diag)
{
	tg_reg_check_examples(d, diag);
}

const char *
tg_version(void)
{
	return TOTSUGO_VERSION;
}
