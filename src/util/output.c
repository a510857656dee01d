/* Writing a command's output: standard output, or a file replaced atomically. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fs.h"
#include "../totsugo.h"

int
tg_output(const char *path, const tg_buf *out, tg_diag *diag)
{
	if (path == NULL || strcmp(path, "-") == 0) {
		if (out->len > 0 && fwrite(out->data, 1, out->len, stdout) != out->len) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write to standard output: %s",
			    strerror(errno));
			return TG_EXIT_IO;
		}
		if (fflush(stdout) != 0) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write to standard output: %s",
			    strerror(errno));
			return TG_EXIT_IO;
		}
		return TG_EXIT_OK;
	}
	if (!tg_fs_write_atomic(path, out->data ? out->data : "", out->len)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, strerror(errno));
		return TG_EXIT_IO;
	}
	return TG_EXIT_OK;
}
