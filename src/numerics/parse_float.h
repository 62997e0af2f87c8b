/*
 * parse_float.h — the core's one parser of numbers in text (parse_float.c):
 * PostgreSQL's float8in rules without PostgreSQL, shared by the sketch's
 * text form (src/sketch/sketch.c) and the distribution's
 * (src/pg/distribution.c), so that both accept and reject the same
 * literals and can be fuzzed without a server.
 */
#ifndef BESTFIT_NUMERICS_PARSE_FLOAT_H
#define BESTFIT_NUMERICS_PARSE_FLOAT_H

#include <stddef.h>

#include "host.h"

/* Longest prefix of bad input quoted in an error message, in bytes. */
#define BF_QUOTE_MAX 64

/*
 * Read one double at *p (after white space) with the rules of
 * PostgreSQL 15's float8in_internal (src/backend/utils/adt/float.c):
 * a decimal literal as strtod reads it, or NaN, Infinity, inf with an
 * optional sign, case-insensitive; a nonzero literal that underflows to 0
 * or overflows to +-Infinity is rejected ("... is out of range for type
 * double precision"), a subnormal result is accepted.  Stricter than
 * float8in on glibc: hexadecimal literals ("0x10", "0x1p3"), which glibc's
 * strtod reads and float8in lets through, are rejected, as are strtod's
 * other spellings ("nan(...)", "infinity" prefixes beyond the words above).
 * On success stores the value, advances *p past the literal and returns
 * BF_OK; otherwise returns BF_SYNTAX with a message in msg (at most msglen
 * bytes, quoting at most BF_QUOTE_MAX bytes of the input) and leaves *p.
 */
extern BfStatus bf_parse_float8(const char **p, double *v, char *msg, size_t msglen);

/*
 * The first bytes of s for an error message: s itself when it has at most
 * max bytes, else its first max bytes (cut before a UTF-8 sequence that
 * would not fit) followed by "..."; written to buf (buflen >= max + 4) and
 * returned.  Never NULL.
 */
extern const char *bf_text_prefix(const char *s, size_t max, char *buf, size_t buflen);

#endif							/* BESTFIT_NUMERICS_PARSE_FLOAT_H */
