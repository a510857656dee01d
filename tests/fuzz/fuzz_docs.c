/* libFuzzer harness of the hand-out documents' own parsers: any bytes as
 * two rendered regulations (split at the first NUL, else at the middle)
 * through the 新旧対照表 (clause cutting, pairing, html, md and docx), and as
 * a clause's Markdown into a Word document (Discount's HTML walked into
 * paragraphs, lists and tables).  Built with clang (-Dfuzz=enabled). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "diff/diff.h"
#include "render/docx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nul = memchr(s, '\0', size);
	size_t cut = nul ? (size_t)(nul - s) : size / 2;
	size_t rest = nul ? cut + 1 : cut;
	tg_oldnew on;
	tg_oldnew_init(&on, "old", "new");
	tg_oldnew_compare(&on, s, cut, s + rest, size - rest);
	tg_buf out = TG_BUF_INIT;
	tg_diag *diag = tg_diag_new();
	tg_oldnew_render_html(&on, &out);
	tg_buf_clear(&out);
	tg_oldnew_render_md(&on, &out);
	tg_buf_clear(&out);
	if (size < 4096)	/* zipping is the slow part and not ours */
		tg_oldnew_render_docx(&on, &out, "fuzz.docx", diag);
	tg_oldnew_free(&on);
	tg_buf_clear(&out);
	tg_docx_setup setup = {"fuzz", "会社", NULL, NULL, false, true};
	tg_docx *d = tg_docx_new(&setup);
	tg_docx_markdown(d, s, size, "（業界補足）", TG_DX_BOLD);
	if (size < 4096)
		tg_docx_finish(d, &out, "fuzz.docx", diag);
	else
		tg_docx_free(d);
	tg_buf_free(&out);
	tg_diag_free(diag);
	return 0;
}
