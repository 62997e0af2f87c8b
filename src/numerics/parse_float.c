/*
 * parse_float.c — numbers in text with PostgreSQL's float8in rules (see
 * parse_float.h), and bounded quoting of bad input for error messages.
 * PostgreSQL-free: the sketch's text parser and the fuzzing harnesses use
 * it without a server.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numerics/parse_float.h"

const char *
bf_text_prefix(const char *s, size_t max, char *buf, size_t buflen)
{
	size_t		len = strnlen(s, max + 1);

	if (buflen < max + 4)
		max = buflen >= 4 ? buflen - 4 : 0;
	if (len <= max)
	{
		memcpy(buf, s, len);
		buf[len] = '\0';
		return buf;
	}
	len = max;
	/* do not cut a UTF-8 sequence: back up over its continuation bytes */
	while (len > 0 && ((unsigned char) s[len] & 0xC0) == 0x80)
		len--;
	memcpy(buf, s, len);
	memcpy(buf + len, "...", 4);
	return buf;
}

static BfStatus bf_parse_fail(char *msg, size_t msglen, const char *fmt,...) __attribute__((format(printf, 3, 4)));

static BfStatus
bf_parse_fail(char *msg, size_t msglen, const char *fmt,...)
{
	va_list		ap;

	if (msg != NULL && msglen > 0)
	{
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return BF_SYNTAX;
}

/* Does s start with word (case-insensitive) followed by no letter or digit? */
static bool
bf_word_at(const char *s, const char *word)
{
	size_t		n = strlen(word);

	return strncasecmp(s, word, n) == 0 && !isalnum((unsigned char) s[n]) && s[n] != '_';
}

BfStatus
bf_parse_float8(const char **p, double *v, char *msg, size_t msglen)
{
	const char *s = *p,
			   *t;
	char	   *end;
	char		quote[BF_QUOTE_MAX + 4];
	double		sign = 1.0,
				x;

	while (isspace((unsigned char) *s))
		s++;					/* float8in skips leading white space */
	t = s;
	if (*t == '+' || *t == '-')
	{
		sign = (*t == '-') ? -1.0 : 1.0;
		t++;
	}
	/* float8in's special words (it tries them where strtod fails) */
	if (bf_word_at(t, "NaN"))
	{
		*v = NAN;				/* float8in reads "-NaN" as NaN too */
		*p = t + 3;
		return BF_OK;
	}
	if (bf_word_at(t, "Infinity") || bf_word_at(t, "inf"))
	{
		*v = sign * INFINITY;
		*p = t + (bf_word_at(t, "inf") ? 3 : 8);
		return BF_OK;
	}
	if (!(isdigit((unsigned char) *t) || (*t == '.' && isdigit((unsigned char) t[1]))))
		return bf_parse_fail(msg, msglen, "Expected a number at \"%s\".",
							 bf_text_prefix(s, BF_QUOTE_MAX, quote, sizeof(quote)));
	if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
		return bf_parse_fail(msg, msglen, "Hexadecimal number at \"%s\": only decimal numbers are accepted.",
							 bf_text_prefix(s, BF_QUOTE_MAX, quote, sizeof(quote)));
	errno = 0;
	x = strtod(s, &end);
	if (end == s)
		return bf_parse_fail(msg, msglen, "Expected a number at \"%s\".",
							 bf_text_prefix(s, BF_QUOTE_MAX, quote, sizeof(quote)));
	/* float8in: ERANGE is an error when the result is 0 or infinite */
	if (errno == ERANGE && (x == 0.0 || isinf(x)))
	{
		char		lit[BF_QUOTE_MAX + 1];
		size_t		n = (size_t) (end - s);

		if (n > BF_QUOTE_MAX)
			return bf_parse_fail(msg, msglen, "\"%s\" is out of range for type double precision.",
								 bf_text_prefix(s, BF_QUOTE_MAX, quote, sizeof(quote)));
		memcpy(lit, s, n);
		lit[n] = '\0';
		return bf_parse_fail(msg, msglen, "\"%s\" is out of range for type double precision.", lit);
	}
	*v = x;
	*p = end;
	return BF_OK;
}
