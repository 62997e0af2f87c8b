/*
 * dist_text.c — the distribution text grammar and the parameter checks
 * (see dist_text.h), PostgreSQL-free so that they can be fuzzed without a
 * server (test/fuzz/fuzz_dist_text.c).  src/pg/distribution.c raises the
 * errors; the messages here are the ones its ereports print.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "catalogue/dist_text.h"
#include "numerics/parse_float.h"

const char *
bf_format_g(double x, char *buf, size_t buflen)
{
	if (isnan(x))
		snprintf(buf, buflen, "NaN");
	else if (isinf(x))
		snprintf(buf, buflen, "%s", x < 0 ? "-Infinity" : "Infinity");
	else
		snprintf(buf, buflen, "%g", x);
	return buf;
}

static BfStatus bf_dist_fail(BfDistError *err, BfStatus status, const char *message,
							 const char *fmt,...) __attribute__((format(printf, 4, 5)));

/* Fill err (when not NULL) and return status. */
static BfStatus
bf_dist_fail(BfDistError *err, BfStatus status, const char *message, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return status;
	snprintf(err->message, sizeof(err->message), "%s", message);
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
	return status;
}

BfStatus
bf_dist_check_params(const BfDist *d, const double *params, BfDistError *err)
{
	int			np = bf_nparams(d);
	int			is = bf_scale_index(d);
	char		message[160];
	char		g1[32],
				g2[32],
				g3[32];
	const char *violation;

	for (int i = 0; i < d->nshapes; i++)
	{
		const BfDomain *dom = bf_shape_domain(d, i);
		double		v = params[i];

		if (!isfinite(v) ||
			(dom->lo_closed ? v < dom->lo : v <= dom->lo) ||
			(dom->hi_closed ? v > dom->hi : v >= dom->hi))
		{
			snprintf(message, sizeof(message), "parameter %s of %s is out of its domain",
					 bf_param_name(d, i), d->name);
			return bf_dist_fail(err, BF_INVALID, message, "The domain of %s is %s%s, %s%s; got %s.",
								bf_param_name(d, i), dom->lo_closed ? "[" : "(",
								bf_format_g(dom->lo, g1, sizeof(g1)),
								bf_format_g(dom->hi, g2, sizeof(g2)),
								dom->hi_closed ? "]" : ")", bf_format_g(v, g3, sizeof(g3)));
		}
		if (bf_shape_is_integer(d, i) && v != floor(v))
		{
			snprintf(message, sizeof(message), "parameter %s of %s must be an integer",
					 bf_param_name(d, i), d->name);
			return bf_dist_fail(err, BF_INVALID, message, "Got %s.", bf_format_g(v, g1, sizeof(g1)));
		}
	}
	if (!isfinite(params[bf_loc_index(d)]))
	{
		snprintf(message, sizeof(message), "parameter loc of %s must be finite", d->name);
		return bf_dist_fail(err, BF_INVALID, message, "%s", "");
	}
	if (d->kind == BF_DISCRETE && params[bf_loc_index(d)] != floor(params[bf_loc_index(d)]))
	{
		snprintf(message, sizeof(message), "parameter loc of %s must be an integer", d->name);
		return bf_dist_fail(err, BF_INVALID, message, "%s is a discrete distribution; got %s.",
							d->name, bf_format_g(params[bf_loc_index(d)], g1, sizeof(g1)));
	}
	if (is >= 0 && (!(params[np - 1] > 0) || !isfinite(params[np - 1])))
	{
		snprintf(message, sizeof(message), "parameter scale of %s must be positive and finite",
				 d->name);
		return bf_dist_fail(err, BF_INVALID, message, "Got %s.",
							bf_format_g(params[np - 1], g1, sizeof(g1)));
	}
	/* constraints that join several shapes (truncnorm: a < b, ...) */
	violation = bf_entry_argcheck(d, params);
	if (violation != NULL)
	{
		snprintf(message, sizeof(message), "parameters of %s are invalid", d->name);
		return bf_dist_fail(err, BF_INVALID, message, "%s requires %s.", d->name, violation);
	}
	return BF_OK;
}

/* A letter, digit or underscore: the characters of names. */
static inline bool
bf_name_char(char c)
{
	return isalnum((unsigned char) c) || c == '_';
}

static inline const char *
bf_skip_space(const char *p)
{
	while (isspace((unsigned char) *p))
		p++;
	return p;
}

BfStatus
bf_dist_parse(const char *str, const BfDist **dout, double *params, char *name,
			  BfDistError *err)
{
	const char *p = bf_skip_space(str);
	int			len = 0;
	const BfDist *d;
	bool		seen[BF_MAX_PARAMS] = {0};
	int			np,
				np_given = 0;

	*dout = NULL;
	while (bf_name_char(*p) && len < BF_DIST_NAME_MAX)
		name[len++] = *p++;
	name[len] = '\0';
	if (bf_name_char(*p))
		return bf_dist_fail(err, BF_SYNTAX, "", "The name is longer than %d characters.",
							BF_DIST_NAME_MAX);
	d = bf_find_dist(name);
	if (d == NULL)
		return bf_dist_fail(err, BF_INVALID, "", "%s", "");
	np = bf_nparams(d);
	params[bf_loc_index(d)] = 0.0;
	if (bf_scale_index(d) >= 0)
		params[bf_scale_index(d)] = 1.0;
	p = bf_skip_space(p);
	if (*p != '(')
		return bf_dist_fail(err, BF_SYNTAX, "", "Expected \"(\" after the name.");
	p++;
	for (;;)
	{
		char		key[BF_DIST_NAME_MAX + 1];
		char		quote[BF_QUOTE_MAX + 4];
		char		msg[256];
		int			klen = 0;
		int			idx = -1;
		const char *after;

		p = bf_skip_space(p);
		if (*p == ')' && np_given == 0)
			break;				/* name() */
		while (bf_name_char(*p) && klen < BF_DIST_NAME_MAX)
			key[klen++] = *p++;
		key[klen] = '\0';
		if (klen == 0)
			return bf_dist_fail(err, BF_SYNTAX, "", "Expected a parameter name at \"%s\".",
								bf_text_prefix(p, BF_QUOTE_MAX, quote, sizeof(quote)));
		if (bf_name_char(*p))
			return bf_dist_fail(err, BF_SYNTAX, "", "A parameter name is longer than %d characters.",
								BF_DIST_NAME_MAX);
		for (int i = 0; i < np; i++)
			if (strcmp(key, bf_param_name(d, i)) == 0)
				idx = i;
		if (idx < 0)
			return bf_dist_fail(err, BF_SYNTAX, "", "%s has no parameter \"%s\".", d->name, key);
		if (seen[idx])
			return bf_dist_fail(err, BF_SYNTAX, "", "Parameter \"%s\" is given twice.", key);
		seen[idx] = true;
		p = bf_skip_space(p);
		if (*p != '=')
			return bf_dist_fail(err, BF_SYNTAX, "", "Expected \"=\" after \"%s\".", key);
		p++;
		/* float8in's rules, hexadecimal rejected (numerics/parse_float.c) */
		after = p;
		if (bf_parse_float8(&after, &params[idx], msg, sizeof(msg)) != BF_OK)
			return bf_dist_fail(err, BF_SYNTAX, "", "Bad value of \"%s\": %s", key, msg);
		p = bf_skip_space(after);
		np_given++;
		if (*p == ',')
			p++;				/* a parameter must follow (no trailing comma) */
		else if (*p == ')')
			break;
		else
			return bf_dist_fail(err, BF_SYNTAX, "", "Expected \",\" or \")\" after the value of \"%s\".",
								key);
	}
	p = bf_skip_space(p + 1);
	if (*p != '\0')
		return bf_dist_fail(err, BF_SYNTAX, "", "Unexpected text after \")\".");
	for (int i = 0; i < d->nshapes; i++)
		if (!seen[i])
			return bf_dist_fail(err, BF_SYNTAX, "", "Shape parameter \"%s\" of %s is missing.",
								bf_param_name(d, i), d->name);
	*dout = d;
	return bf_dist_check_params(d, params, err);
}
