/*
 * fuzz_sketch_struct.c — structure-aware libFuzzer harness: every input is
 * decoded into a VALID sketch, then into edits of that sketch (level, bin
 * keys, counts, min/max, the NaN/infinity counts, bins dropped, duplicated
 * or swapped), so that the mutations libFuzzer makes to the bytes land on
 * values close to valid ones, where validation has to draw the line.
 * Whatever bf_hist_validate accepts then goes through what the server does
 * with a stored sketch: summary, rollup (merged alone, with itself and with
 * the unedited sketch), the text round trip, and fits of norm and expon by
 * the core's fit API (bf_ladder_init, bf_fit_one) at resolution 0 or the
 * detected one.  The fits' budget is small and deterministic: the host's
 * stop flag is raised after a number of bf_should_stop() polls taken from
 * the input (at most 4,000), which also exercises the cancel path.
 *
 * Input layout (missing bytes read as 0):
 *   byte 0            number of value tokens (0..255)
 *   tokens            1 type byte, then its payload:
 *                       type % 6 == 0: a raw 8-byte double (NaN and
 *                                       infinities are counted as such)
 *                       1: a small integer (int8)
 *                       2: int16 / 100
 *                       3: the previous value again, count = next byte
 *                       4: a run of 3,001 + byte * 4 distinct values
 *                          x0 + i * step (x0, step: int16 each), which
 *                          forces a binned sketch (level > 0); the
 *                          input's later runs have 1 + byte % 4 values
 *                          (speed: 10 runs of 4,000 values took most
 *                          of the time of slow inputs)
 *                       5: 2^e * (1 + m / 256) for bytes e (signed), m
 *   byte              number of edits (0..255, at most 16 are applied)
 *   edits             1 op byte, 1 index byte, 8 value bytes
 *   byte              fit flags: bit 0 norm, bit 1 expon, bit 2 use the
 *                     detected resolution; next 2 bytes: poll budget
 */
#include "fuzz.h"
#include "catalogue/entry.h"
#include "fit/fit.h"
#include "sketch/resolution.h"

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static uint64_t
get(Reader *r, int nbytes)
{
	uint64_t	v = 0;

	for (int i = 0; i < nbytes; i++)
	{
		v = (v << 8) | (r->left > 0 ? *r->p : 0);
		if (r->left > 0)
		{
			r->p++;
			r->left--;
		}
	}
	return v;
}

static double
get_double(Reader *r)
{
	uint64_t	bits = get(r, 8);
	double		x;

	memcpy(&x, &bits, sizeof(x));
	return x;
}

/* A valid sketch of the values the tokens describe. */
static BfHistogram *
build_sketch(Reader *r)
{
	BfState    *st = bf_state_create();
	int			ntok = (int) get(r, 1);
	int			nruns = 0;
	double		prev = 0;

	for (int t = 0; t < ntok; t++)
	{
		int			type = (int) get(r, 1) % 6;

		switch (type)
		{
			case 0:
				prev = get_double(r);
				bf_state_add(st, prev);
				break;
			case 1:
				prev = (int8_t) get(r, 1);
				bf_state_add(st, prev);
				break;
			case 2:
				prev = (int16_t) get(r, 2) / 100.0;
				bf_state_add(st, prev);
				break;
			case 3:
				bf_state_add_n(st, prev, (int64_t) get(r, 1));
				break;
			case 4:
				{
					/* one run per input: more only repeat the slowest work */
					int			n = nruns++ == 0 ? 3001 + (int) get(r, 1) * 4 : 1 + (int) get(r, 1) % 4;
					double		x0 = (int16_t) get(r, 2);
					double		step = (int16_t) get(r, 2) / 64.0;

					if (step == 0)
						step = 1;
					for (int i = 0; i < n; i++)
						bf_state_add(st, x0 + i * step);
					prev = x0;
					break;
				}
			case 5:
				{
					int			e = (int8_t) get(r, 1);
					int			m = (int) get(r, 1);

					prev = ldexp(1 + m / 256.0, e * 4);
					bf_state_add(st, prev);
					break;
				}
		}
	}
	return bf_state_to_hist(st);
}

/* a + b wrapping around (edits must not be undefined behaviour themselves) */
static int64_t
wrap_add(int64_t a, int64_t b)
{
	return (int64_t) ((uint64_t) a + (uint64_t) b);
}

/* bf_from_ordered of any int64 (its negation of INT64_MIN would overflow) */
static double
from_ordered(int64_t o)
{
	return bf_from_ordered(o == INT64_MIN ? -BF_MAX_ORDERED : o);
}

/* A copy of h with nbins bins (the first min(nbins, h->nbins) copied). */
static BfHistogram *
resize(const BfHistogram *h, int nbins)
{
	BfHistogram *c = bf_alloc0(BF_HIST_SIZE(nbins));
	int			keep = nbins < h->nbins ? nbins : h->nbins;

	memcpy(c, h, sizeof(BfHistogram));
	c->nbins = nbins;
	bf_set_value_size(c, BF_HIST_SIZE(nbins));
	memcpy(BF_HIST_KEYS(c), BF_HIST_KEYS(h), sizeof(int64_t) * keep);
	memcpy(BF_HIST_COUNTS(c), BF_HIST_COUNTS(h), sizeof(int64_t) * keep);
	for (int i = keep; i < nbins; i++)
	{
		BF_HIST_KEYS(c)[i] = keep > 0 ? wrap_add(BF_HIST_KEYS(h)[keep - 1], i - keep + 1) : i;
		BF_HIST_COUNTS(c)[i] = 1;
	}
	return c;
}

/* Apply the edits to a copy of h. */
static BfHistogram *
edit_sketch(Reader *r, const BfHistogram *orig)
{
	BfHistogram *h = resize(orig, orig->nbins);
	int			nedits = (int) get(r, 1);

	for (int e = 0; e < nedits && e < 16; e++)
	{
		int			op = (int) get(r, 1) % 16;
		int			idx = (int) get(r, 1);
		uint64_t	v = get(r, 8);
		int64_t		sv = (int64_t) v;
		int64_t    *keys = BF_HIST_KEYS(h);
		int64_t    *counts = BF_HIST_COUNTS(h);
		int			i = h->nbins > 0 ? idx % h->nbins : 0;
		/* small signed nudge from the low byte */
		int			d = (int8_t) (v & 0xff);

		switch (op)
		{
			case 0:				/* level: nudge, or any uint16 */
				h->level = (v >> 63) ? (uint16_t) v : (uint16_t) (h->level + d);
				break;
			case 1:				/* a key: nudge */
				if (h->nbins > 0)
					keys[i] = wrap_add(keys[i], d);
				break;
			case 2:				/* a key: any value */
				if (h->nbins > 0)
					keys[i] = sv;
				break;
			case 3:				/* a count: nudge */
				if (h->nbins > 0)
					counts[i] = wrap_add(counts[i], d);
				break;
			case 4:				/* a count: any value */
				if (h->nbins > 0)
					counts[i] = sv;
				break;
			case 5:				/* min: any double, or the next/previous double */
				if (v >> 63)
					memcpy(&h->min, &v, 8);
				else
					h->min = nextafter(h->min, d < 0 ? -INFINITY : INFINITY);
				break;
			case 6:
				if (v >> 63)
					memcpy(&h->max, &v, 8);
				else
					h->max = nextafter(h->max, d < 0 ? -INFINITY : INFINITY);
				break;
			case 7:
				h->n_nan = (v >> 63) ? sv : wrap_add(h->n_nan, d);
				break;
			case 8:
				h->n_posinf = (v >> 63) ? sv : wrap_add(h->n_posinf, d);
				break;
			case 9:
				h->n_neginf = (v >> 63) ? sv : wrap_add(h->n_neginf, d);
				break;
			case 10:			/* drop the last bins, or add bins after the last */
				{
					int			n = h->nbins + d;

					if (n >= 0 && n <= BF_MAX_BINS + 2)
						h = resize(h, n);
					break;
				}
			case 11:			/* swap two bins */
				if (h->nbins > 1)
				{
					int			j = (int) (v % (uint64_t) h->nbins);
					int64_t		k = keys[i],
								c = counts[i];

					keys[i] = keys[j];
					counts[i] = counts[j];
					keys[j] = k;
					counts[j] = c;
				}
				break;
			case 12:			/* level up with keys shifted: a coarser-looking sketch */
				if (h->level < 70)
				{
					h->level++;
					for (int k = 0; k < h->nbins; k++)
						keys[k] >>= 1;
				}
				break;
			case 13:			/* min and max onto the first and last keys' values */
				if (h->nbins > 0)
				{
					h->min = from_ordered((int64_t) ((uint64_t) keys[0] << (h->level & 63)));
					h->max = from_ordered((int64_t) ((uint64_t) keys[h->nbins - 1] << (h->level & 63)));
				}
				break;
			case 14:			/* version and flags */
				h->version = (uint8_t) v;
				h->flags = (uint8_t) (v >> 8);
				break;
			case 15:			/* a key onto its neighbour's */
				if (h->nbins > 1)
					keys[i] = wrap_add(keys[(i + 1) % h->nbins], d % 2);
				break;
		}
	}
	return h;
}

/* A fit of d on h at resolution q, stopped after budget polls. */
static void
fit(const BfHistogram *h, double q, const char *name, long budget)
{
	const BfDist *d = bf_find_dist(name);
	double		nofix[BF_MAX_PARAMS];
	BfLadder	ladder;
	BfFitResult res;

	for (int i = 0; i < BF_MAX_PARAMS; i++)
		nofix[i] = NAN;
	memset(&res, 0, sizeof(res));
	bf_harness_request_stop(budget);
	bf_ladder_init(&ladder, h, q);
	bf_fit_one(ladder.rungs, ladder.n, d, nofix, &res);
	bf_harness_request_stop(-1);
	bf_host_reset_stop();
	FUZZ_CHECK(memchr(res.status, '\0', sizeof(res.status)) != NULL, "status not terminated");
	FUZZ_CHECK(memchr(res.warnings, '\0', sizeof(res.warnings)) != NULL, "warnings not terminated");
	if (res.ok)
	{
		FUZZ_CHECK(isfinite(res.params[0]) && isfinite(res.params[1]) && res.params[1] > 0,
				   "%s fit ok with loc %g scale %g", name, res.params[0], res.params[1]);
		FUZZ_CHECK(!isnan(res.loglik), "%s fit ok with a NaN log-likelihood", name);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Reader		r = {data, size};
	BfHistogram *orig = build_sketch(&r);
	BfHistogram *h;
	char		msg[256];
	int			flags;
	long		budget;

	FUZZ_CHECK(bf_hist_validate(orig, BF_HIST_SIZE(orig->nbins), msg, sizeof(msg)) == BF_OK,
			   "the aggregate built an invalid sketch: %s", msg);
	h = edit_sketch(&r, orig);
	flags = (int) get(&r, 1);
	budget = (long) (get(&r, 2) % 4001);
	if (bf_hist_validate(h, BF_HIST_SIZE(h->nbins), msg, sizeof(msg)) != BF_OK)
	{
		fuzz_check_msg(msg, sizeof(msg));
		bf_arena_reset();
		return 0;
	}
	fuzz_check_summary(h);
	fuzz_check_rollup(h);
	fuzz_check_text_roundtrip(h);
	/* the rollup of the edited sketch with the one it came from */
	{
		BfState    *st = bf_state_create();

		if (bf_state_merge_hist(st, orig) == BF_OK && bf_state_merge_hist(st, h) == BF_OK)
		{
			BfHistogram *m = bf_state_to_hist(st);

			FUZZ_CHECK(bf_hist_validate(m, BF_HIST_SIZE(m->nbins), msg, sizeof(msg)) == BF_OK,
					   "the rollup with the original is invalid: %s", msg);
			FUZZ_CHECK(bf_hist_count(m) == bf_hist_count(orig) + bf_hist_count(h),
					   "the rollup with the original lost values");
		}
	}
	if (flags & 3)
	{
		double		q = (flags & 4) ? bf_detect_resolution(h) : 0;

		if (!(q >= 0) || !isfinite(q))
			q = 0;
		if (flags & 1)
			fit(h, q, "norm", budget);
		if (flags & 2)
			fit(h, q, "expon", budget);
	}
	bf_arena_reset();
	return 0;
}
