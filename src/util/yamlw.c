#include "yamlw.h"

#include <string.h>

/* Words YAML 1.1 reads as something other than a string. */
static const char *const special[] = {"~", "null", "Null", "NULL", "true", "True", "TRUE",
    "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
    "off", "Off", "OFF", "y", "Y", "n", "N", NULL};

bool
tg_yamlw_plain_ok(const char *s)
{
	if (s[0] == '\0')
		return false;
	for (size_t i = 0; special[i]; i++)
		if (strcmp(s, special[i]) == 0)
			return false;
	/* Indicators that may not start a plain scalar. */
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL || s[0] == ' ')
		return false;
	size_t n = strlen(s);
	if (s[n - 1] == ' ' || s[n - 1] == ':')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			return false;
		if (c == ':' && (s[i + 1] == ' ' || s[i + 1] == '\0'))
			return false;
		if (c == '#' && i > 0 && s[i - 1] == ' ')
			return false;
	}
	/* Number-like text (1.0, 0x1F, .5, 1e3, 2024-01-01 stays a string in
	 * our loader, but other YAML readers may take it as a date). */
	bool numeric = true;
	for (size_t i = 0; i < n && numeric; i++)
		numeric = strchr("0123456789.+-eExXoO_:abcdefABCDEF", s[i]) != NULL;
	if (numeric)
		return false;
	return true;
}

void
tg_yamlw_scalar(tg_buf *out, const char *s)
{
	if (tg_yamlw_plain_ok(s)) {
		tg_buf_puts(out, s);
		return;
	}
	static const char hex[] = "0123456789ABCDEF";
	tg_buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': tg_buf_puts(out, "\\\""); break;
		case '\\': tg_buf_puts(out, "\\\\"); break;
		case '\n': tg_buf_puts(out, "\\n"); break;
		case '\t': tg_buf_puts(out, "\\t"); break;
		case '\r': tg_buf_puts(out, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7F) {
				tg_buf_puts(out, "\\x");
				tg_buf_putc(out, hex[*p >> 4]);
				tg_buf_putc(out, hex[*p & 15]);
			} else {
				tg_buf_putc(out, *p);
			}
		}
	}
	tg_buf_putc(out, '"');
}

static bool
block_ok(const char *s)
{
	/* A literal block keeps the text exactly when it has no carriage
	 * returns, no tabs or spaces before line ends, and no leading spaces on
	 * its first line (which would set the indentation). */
	if (s[0] == ' ' || s[0] == '\n')
		return false;
	for (const char *p = s; *p; p++) {
		if (*p == '\r' || ((*p == ' ' || *p == '\t') && (p[1] == '\n' || p[1] == '\0')))
			return false;
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
			return false;
	}
	return true;
}

void
tg_yamlw_kv(tg_buf *out, unsigned indent, const char *key, const char *value)
{
	for (unsigned i = 0; i < indent; i++)
		tg_buf_putc(out, ' ');
	tg_buf_puts(out, key);
	tg_buf_putc(out, ':');
	if (strchr(value, '\n') != NULL && block_ok(value)) {
		size_t n = strlen(value);
		/* |  keeps one final newline, |- none, |+ all of them. */
		const char *chomp = value[n - 1] != '\n' ? "-" : (n >= 2 && value[n - 2] == '\n') ? "+" : "";
		tg_buf_printf(out, " |%s\n", chomp);
		const char *p = value;
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			if (len > 0)
				for (unsigned i = 0; i < indent + 2; i++)
					tg_buf_putc(out, ' ');
			tg_buf_put(out, p, len);
			tg_buf_putc(out, '\n');
			if (nl == NULL)
				break;
			p = nl + 1;
		}
		return;
	}
	tg_buf_putc(out, ' ');
	tg_yamlw_scalar(out, value);
	tg_buf_putc(out, '\n');
}
