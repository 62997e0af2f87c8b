/*
 * fuzz.h — what the libFuzzer harnesses of test/fuzz/ share: a check that
 * aborts (so that libFuzzer reports it as a crash with the input), the
 * invariants every accepted sketch must satisfy, and the text form of a
 * sketch as fit_histogram_out writes it (with %.17g instead of the
 * shortest round-trip form: both read back to the same double).
 *
 * The harnesses link the PostgreSQL-free core with the stand-alone host
 * (test/unit/host.c): memory from an arena that bf_arena_reset() frees
 * after every input, as PostgreSQL frees a query's memory context.
 */
#ifndef BESTFIT_FUZZ_H
#define BESTFIT_FUZZ_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "host.h"
#include "harness.h"
#include "sketch/sketch.h"
#include "sketch/summary.h"

/* A broken invariant: print it and abort (libFuzzer saves the input). */
#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "fuzz check failed at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			abort(); \
		} \
	} while (0)

/*
 * As the server does (src/pg/fit_functions.c): GSL's errors come back as
 * status codes, instead of GSL's default handler's abort().
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gsl_set_error_handler_off();
	return 0;
}

/* A status message must be a non-empty, terminated string. */
static inline void
fuzz_check_msg(const char *msg, size_t msglen)
{
	FUZZ_CHECK(memchr(msg, '\0', msglen) != NULL, "message not terminated");
	FUZZ_CHECK(msg[0] != '\0', "empty message");
}

/*
 * Invariants of a sketch that bf_hist_validate accepted: its summary counts
 * its finite values, and its statistics are finite and ordered (quantiles
 * inside [min, max], sd >= 0).
 */
static inline void
fuzz_check_summary(const BfHistogram *h)
{
	BfDataSummary s;
	int64_t		n = bf_hist_count(h);

	bf_summarize(h, &s);
	FUZZ_CHECK(s.n == (double) n, "summary n %g, sketch %" PRId64, s.n, n);
	if (n == 0)
		return;
	FUZZ_CHECK(s.min == h->min && s.max == h->max, "summary min/max");
	FUZZ_CHECK(h->min <= s.q05 && s.q05 <= s.q25 && s.q25 <= s.median &&
			   s.median <= s.q75 && s.q75 <= s.q95 && s.q95 <= h->max,
			   "quantiles %g %g %g %g %g outside or unordered in [%g, %g]",
			   s.q05, s.q25, s.median, s.q75, s.q95, h->min, h->max);
	FUZZ_CHECK(!isnan(s.mean), "mean is NaN");
	FUZZ_CHECK(!(s.sd < 0), "sd %g < 0", s.sd);
}

/* The text form of a sketch, as fit_histogram_out writes it (malloc'd). */
static inline char *
fuzz_hist_text(const BfHistogram *h)
{
	size_t		cap = 256 + (size_t) h->nbins * 48;
	char	   *buf = malloc(cap);
	size_t		len;
	const int64_t *keys = BF_HIST_KEYS(h);
	const int64_t *counts = BF_HIST_COUNTS(h);

	len = snprintf(buf, cap, "v%d;level=%d;nan=%" PRId64 ";posinf=%" PRId64
				   ";neginf=%" PRId64 ";min=%.17g;max=%.17g;bins=",
				   h->version, h->level, h->n_nan, h->n_posinf, h->n_neginf,
				   h->min, h->max);
	for (int i = 0; i < h->nbins; i++)
		len += snprintf(buf + len, cap - len, "%s%" PRId64 ":%" PRId64,
						i > 0 ? "," : "", keys[i], counts[i]);
	return buf;
}

/*
 * A valid sketch's text form must read back to the same bytes (the text
 * I/O round trip of dumps).
 */
static inline void
fuzz_check_text_roundtrip(const BfHistogram *h)
{
	char	   *text = fuzz_hist_text(h);
	BfHistogram *back = NULL;
	char		msg[256];
	BfStatus	st = bf_hist_parse(text, &back, msg, sizeof(msg));

	FUZZ_CHECK(st == BF_OK, "the text form of a valid sketch is rejected: %s (%s)",
			   msg, text);
	/*
	 * field by field: the header's padding is not part of the value, and
	 * min and max compare as numbers (-0 is read back as 0)
	 */
	FUZZ_CHECK(back->version == h->version && back->flags == h->flags &&
			   back->level == h->level && back->nbins == h->nbins &&
			   back->n_nan == h->n_nan && back->n_posinf == h->n_posinf &&
			   back->n_neginf == h->n_neginf &&
			   back->min == h->min && back->max == h->max &&
			   memcmp(BF_HIST_KEYS(back), BF_HIST_KEYS(h), 2 * sizeof(int64_t) * h->nbins) == 0,
			   "text round trip changed the sketch: %s", text);
	free(text);
}

/*
 * Roll h up as the aggregate does (fit_histogram(fit_histogram)): merge it
 * into a fresh state, then into a state holding it already (the combine
 * path), and check that the result is valid and counts what went in.
 */
static inline void
fuzz_check_rollup(const BfHistogram *h)
{
	BfState    *st = bf_state_create();
	BfState    *st2 = bf_state_create();
	BfHistogram *out;
	char		msg[256];
	int64_t		n = bf_hist_count(h);

	FUZZ_CHECK(bf_state_merge_hist(st, h) == BF_OK, "merge into an empty state failed");
	out = bf_state_to_hist(st);
	FUZZ_CHECK(bf_hist_validate(out, BF_HIST_SIZE(out->nbins), msg, sizeof(msg)) == BF_OK,
			   "the rollup of a valid sketch is invalid: %s", msg);
	FUZZ_CHECK(bf_hist_count(out) == n && out->n_nan == h->n_nan &&
			   out->n_posinf == h->n_posinf && out->n_neginf == h->n_neginf,
			   "the rollup lost or invented values");
	FUZZ_CHECK(out->nbins == 0 || (out->min == h->min && out->max == h->max),
			   "the rollup changed min or max");
	/* the doubled multiset, through the combine function's path */
	FUZZ_CHECK(bf_state_merge_hist(st2, out) == BF_OK, "merge of the rollup failed");
	if (bf_state_merge_state(st2, st) == BF_OK)
	{
		out = bf_state_to_hist(st2);
		FUZZ_CHECK(bf_hist_validate(out, BF_HIST_SIZE(out->nbins), msg, sizeof(msg)) == BF_OK,
				   "the combined rollup is invalid: %s", msg);
		FUZZ_CHECK(bf_hist_count(out) == 2 * n, "the combined rollup lost values");
	}
	else
		FUZZ_CHECK(n > INT64_MAX / 2 || h->n_nan > INT64_MAX / 2 ||
				   h->n_posinf > INT64_MAX / 2 || h->n_neginf > INT64_MAX / 2 ||
				   bf_hist_count(h) + h->n_nan + h->n_posinf + h->n_neginf > INT64_MAX / 2,
				   "a merge that cannot overflow failed");
}

#endif							/* BESTFIT_FUZZ_H */
