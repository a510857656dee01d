#include "yamlw.h"

#include <string.h>

#include "utf8.h"

/* Words YAML 1.1 reads as something other than a string. */
static const char *const special[] = {"~", "null", "Null", "NULL", "true", "True", "TRUE",
    "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
    "off", "Off", "OFF", "y", "Y", "n", "N", NULL};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* [-+]? then 0x.., 0o.., 0b.., digits[.digits][e[-+]digits], .digits, .inf/.nan,
 * digits(:digits)+, or a date-like 9999-9... — conservative: a false positive
 * only costs quotes. */
static bool
looks_numeric(const char *s)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (*p == '.' && (strcmp(p + 1, "inf") == 0 || strcmp(p + 1, "Inf") == 0 ||
	    strcmp(p + 1, "INF") == 0 || strcmp(p + 1, "nan") == 0 || strcmp(p + 1, "NaN") == 0 ||
	    strcmp(p + 1, "NAN") == 0))
		return true;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b') && p[2] != '\0') {
		for (const char *q = p + 2; *q; q++)
			if (!(is_digit(*q) || (*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F') || *q == '_'))
				return false;
		return true;
	}
	if (!is_digit(*p) && !(*p == '.' && is_digit(p[1])))
		return false;
	/* From here: digits, '_', ':', '-', '.', and one exponent. */
	bool exp = false;
	for (const char *q = p; *q; q++) {
		if (is_digit(*q) || *q == '_' || *q == ':' || *q == '.' || *q == '-')
			continue;
		if ((*q == 'e' || *q == 'E') && !exp) {
			exp = true;
			if (q[1] == '-' || q[1] == '+')
				q++;
			continue;
		}
		/* Timestamps: 2001-12-14t21:59:43.10-05:00 and friends. */
		if ((*q == 'T' || *q == 't' || *q == ' ' || *q == 'Z') && strchr(s, '-') != NULL)
			continue;
		return false;
	}
	return true;
}

/* Characters a YAML reader would not give back as they are when written
 * raw: C0 controls but tab and LF (CR folds into a line break), DEL, C1
 * controls (U+0085 is a line break in YAML 1.1), the line and paragraph
 * separators U+2028/U+2029, a byte order mark U+FEFF and the non-characters
 * U+FFFE/U+FFFF.  Returns the code point at s (len > 0 bytes left), or 0
 * when it is safe raw; *n is its length in bytes. */
static uint32_t
unsafe_raw(const char *s, size_t len, size_t *n)
{
	unsigned char c = (unsigned char)s[0];
	*n = 1;
	if (c < 0x80)
		return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ? c : 0;
	uint32_t cp = tg_utf8_decode(s, len, n);
	if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	    cp == 0xFFFE || cp == 0xFFFF)
		return cp;
	return 0;
}

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
		size_t len;
		if (c == '\t' || c == '\n' || unsafe_raw(s + i, n - i, &len) != 0)
			return false;
		if (c == ':' && (s[i + 1] == ' ' || s[i + 1] == '\0'))
			return false;
		if (c == '#' && i > 0 && s[i - 1] == ' ')
			return false;
	}
	/* Number-like text (YAML 1.1 ints, floats, sexagesimals, timestamps)
	 * would come back as something else from other YAML readers. */
	if (looks_numeric(s))
		return false;
	return true;
}

void
tg_yamlw_quoted(tg_buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	tg_buf_putc(out, '"');
	for (const char *p = s; *p;) {
		size_t n;
		uint32_t cp = unsafe_raw(p, strlen(p), &n);
		switch (*p) {
		case '"': tg_buf_puts(out, "\\\""); break;
		case '\\': tg_buf_puts(out, "\\\\"); break;
		case '\n': tg_buf_puts(out, "\\n"); break;
		case '\t': tg_buf_puts(out, "\\t"); break;
		case '\r': tg_buf_puts(out, "\\r"); break;
		default:
			if (cp == 0) {
				tg_buf_put(out, p, n);
			} else if (cp <= 0xFF) {
				/* \xNN is the code point U+00NN (C0, DEL, C1). */
				tg_buf_puts(out, "\\x");
				tg_buf_putc(out, hex[cp >> 4]);
				tg_buf_putc(out, hex[cp & 15]);
			} else {
				tg_buf_puts(out, "\\u");
				for (int sh = 12; sh >= 0; sh -= 4)
					tg_buf_putc(out, hex[(cp >> sh) & 15]);
			}
		}
		p += n;
	}
	tg_buf_putc(out, '"');
}

void
tg_yamlw_comment(tg_buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n;
		if (unsafe_raw(s + i, len - i, &n) != 0 || s[i] == '\n' || s[i] == '\0')
			tg_buf_putc(out, ' ');
		else
			tg_buf_put(out, s + i, n);
		i += n;
	}
}

void
tg_yamlw_scalar(tg_buf *out, const char *s)
{
	if (tg_yamlw_plain_ok(s))
		tg_buf_puts(out, s);
	else
		tg_yamlw_quoted(out, s);
}

static bool
block_ok(const char *s)
{
	/* A literal block keeps the text exactly when it has no carriage
	 * returns, no tabs or spaces before line ends, and no leading space or
	 * tab on its first line (a space would set the indentation; libyaml
	 * refuses a tab there, found by fuzzing). */
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n')
		return false;
	for (const char *p = s; *p;) {
		if (*p == '\r' || ((*p == ' ' || *p == '\t') && (p[1] == '\n' || p[1] == '\0')))
			return false;
		size_t n;
		if (unsafe_raw(p, strlen(p), &n) != 0)
			return false;
		p += n;
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
