/*
 * dist_text.h — the distribution value's text grammar and parameter checks
 * in the PostgreSQL-free core (dist_text.c): src/pg/distribution.c turns
 * the returned status into errors, and the fuzzing harnesses
 * (test/fuzz/fuzz_dist_text.c, fuzz_dist.c) call the same functions
 * without a server.
 */
#ifndef BESTFIT_CATALOGUE_DIST_TEXT_H
#define BESTFIT_CATALOGUE_DIST_TEXT_H

#include <stddef.h>

#include "host.h"
#include "catalogue/entry.h"

/* Longest entry or parameter name the grammar reads, in bytes. */
#define BF_DIST_NAME_MAX 63

/*
 * What bf_dist_parse and bf_dist_check_params report besides their status:
 * for a bad value, a primary message and a detail (both terminated, in
 * English, lowercase message as PostgreSQL's style wants; bad input quoted
 * by at most BF_QUOTE_MAX bytes).
 */
typedef struct BfDistError
{
	char		message[160];
	char		detail[320];
} BfDistError;

/*
 * Check that params (bf_nparams(d) values: shapes, loc, then scale for a
 * continuous entry) are valid for d: every shape finite and inside its
 * domain, integral where the shape is an integer, loc finite, scale
 * positive and finite, and the entry's joint constraints
 * (bf_entry_argcheck).  Returns BF_OK, or BF_INVALID with the first
 * violation in *err (err may be NULL).  Numbers in messages print as
 * PostgreSQL's %g does (NaN, Infinity, -Infinity).
 */
extern BfStatus bf_dist_check_params(const BfDist *d, const double *params, BfDistError *err);

/*
 * Parse the text form name(p1=v1, ..., loc=v, scale=v): leading and
 * trailing white space allowed, parameters in any order, each at most
 * once, shapes required, loc and scale defaulting to 0 and 1 (a discrete
 * entry has no scale), values read by bf_parse_float8 (float8in's rules,
 * hexadecimal rejected), no trailing comma, nothing after ")".
 * Names are read up to BF_DIST_NAME_MAX bytes; the name read is copied to
 * name (at least BF_DIST_NAME_MAX + 1 bytes).  Returns:
 *   BF_OK       *d and params (BF_MAX_PARAMS doubles) set, params checked
 *               by bf_dist_check_params;
 *   BF_SYNTAX   malformed text: err->detail says why (err->message empty:
 *               the caller quotes the input);
 *   BF_INVALID  with *d == NULL: no entry has the name read (name);
 *               with *d set: the parameters failed bf_dist_check_params
 *               (err->message and err->detail).
 * The checks run in this order: name length, name lookup, the grammar,
 * missing shapes, parameter values.  No allocation; str must be
 * NUL-terminated.
 */
extern BfStatus bf_dist_parse(const char *str, const BfDist **d, double *params,
							  char *name, BfDistError *err);

/*
 * x formatted as PostgreSQL's snprintf formats "%g" (NaN, Infinity and
 * -Infinity spelled as PostgreSQL spells them, else C's %g) into buf
 * (at least 32 bytes); returns buf.
 */
extern const char *bf_format_g(double x, char *buf, size_t buflen);

#endif							/* BESTFIT_CATALOGUE_DIST_TEXT_H */
