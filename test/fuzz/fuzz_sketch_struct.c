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
 * detected one (a sketch of more than 64 bins: the summary and the rollup
 * checks the input selects).  The fits' budget is small and deterministic: the host's
 * stop flag is raised after a number of bf_should_stop() polls taken from
 * the input (at most 256), which also exercises the cancel path.
 *
 * Speed (the third session): a binned sketch is built directly from its
 * structure (level, first key, key gaps, counts, where min and max lie in
 * their bins) rather than by the aggregate from 3,001 or more values; only
 * inputs whose mode byte is 0x80 to 0x8F may still build one from a long
 * run of values (the aggregate's exact-to-binned transition, its table's
 * growth and coarsening), and a sketch built from the same bytes as one of
 * the last 16 inputs' is copied from a cache instead of rebuilt.  A sketch
 * of more than 64 bins gets only the rollup checks its input selects, and
 * the fits' budget is at most 256 polls.
 * A valid binned sketch has at least 1,501 bins (its level must be the
 * smallest one, sketch.h), so the rollup checks of such an input still read
 * and sort a few thousand bins; exact sketches of a few values are cheap.
 *
 * Input layout (missing bytes read as 0):
 *   byte 0            mode: mode & 3 == 3: a binned sketch from its
 *                     structure (below); else from value tokens, and when
 *                     mode >> 4 == 8 the first run token (type 4) builds a
 *                     long run
 *   structure         level byte (1 + b % 52, lowered until the keys fit),
 *                     2 bytes: bins 1,502 + v % 1,499; 8 bytes: where the
 *                     first key lies in the level's key range; 4 gap bytes
 *                     and 4 count bytes, cycled over the bins (gap 1 + b %
 *                     g for the largest g <= 4 that fits, count 2 + b);
 *                     2 bytes: min's and max's offsets in their bins (in
 *                     256ths of the bin); 3 bytes: NaN, +inf, -inf counts
 *   value tokens      byte: number of tokens (0..255), then each token:
 *                     1 type byte, then its payload:
 *                       type % 6 == 0: a raw 8-byte double (NaN and
 *                                       infinities are counted as such)
 *                       1: a small integer (int8)
 *                       2: int16 / 100
 *                       3: the previous value again, count = next byte
 *                       4: a run of x0 + i * step (x0, step: int16 each):
 *                          the input's first run has 3,001 + byte * 4
 *                          distinct values when mode >> 4 == 8 (it
 *                          forces a binned sketch, level > 0), every
 *                          other run 1 + byte % 4 values
 *                       5: 2^e * (1 + m / 256) for bytes e (signed), m
 *   byte              number of edits (0..255, at most 16 are applied)
 *   edits             1 op byte, 1 index byte, 8 value bytes
 *   byte              flags: bit 0 fit norm, bit 1 fit expon, bit 2 at the
 *                     detected resolution; bits 3-5: a sketch of more than
 *                     64 bins gets no rollup check (0), the rollup (1),
 *                     the text round trip (2), the rollup with the
 *                     unedited sketch (3) or all three (4-7); next 2
 *                     bytes: the fits' poll budget (v % 257)
 *
 * test/fuzz/make_seeds.py writes the seeds; reproducers of the old layout
 * (before the mode byte) were carried over with a mode byte 0x80 in front,
 * which decodes them to the same sketch, edits and fits (the budget cap
 * aside).
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

/*
 * A valid binned sketch built from its structure (the layout above): keys
 * strictly increasing inside the level's finite range, every count >= 2
 * and at least 1,502 bins, so that at one level lower the values could
 * have more than BF_MAX_BINS distinct keys (the level is minimal), min in
 * the first bin and max in the last.  Building it costs a pass over its
 * bins, where the aggregate needs 3,001 or more insertions and a
 * coarsening.
 */
static BfHistogram *
build_binned(Reader *r)
{
	int			level = 1 + (int) (get(r, 1) % 52);
	int			nbins = 1502 + (int) (get(r, 2) % 1499);
	uint64_t	where = get(r, 8);
	uint8_t		gaps[4],
				cnts[4];
	int			minoff,
				maxoff;
	int64_t		kmin,
				kmax,
				span,
				maxgap,
				key;
	BfHistogram *h;
	int64_t    *keys;
	int64_t    *counts;

	for (int i = 0; i < 4; i++)
		gaps[i] = (uint8_t) get(r, 1);
	for (int i = 0; i < 4; i++)
		cnts[i] = (uint8_t) get(r, 1);
	minoff = (int) get(r, 1);
	maxoff = (int) get(r, 1);
	/* the largest gap (<= 4) for which nbins keys fit the level's range */
	for (;;)
	{
		kmin = -BF_MAX_ORDERED >> level;
		kmax = BF_MAX_ORDERED >> level;
		maxgap = (kmax - kmin) / (nbins - 1);
		if (maxgap >= 1)
			break;
		level--;				/* level 1 holds 2^63 keys: always ends */
	}
	if (maxgap > 4)
		maxgap = 4;
	span = 0;
	for (int i = 1; i < nbins; i++)
		span += 1 + gaps[i % 4] % maxgap;
	/* the first key anywhere in [kmin, kmax - span] */
	key = kmin + (int64_t) (where % ((uint64_t) (kmax - kmin - span) + 1));

	h = bf_alloc0(BF_HIST_SIZE(nbins));
	bf_set_value_size(h, BF_HIST_SIZE(nbins));
	h->version = BF_SKETCH_VERSION;
	h->level = (uint16_t) level;
	h->nbins = nbins;
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	for (int i = 0; i < nbins; i++)
	{
		if (i > 0)
			key += 1 + gaps[i % 4] % maxgap;
		keys[i] = key;
		counts[i] = 2 + cnts[i % 4];
	}
	/* min and max: a value of o(x) inside the first and last bins */
	{
		int64_t		width = INT64_C(1) << level;
		int64_t		lo = (int64_t) ((uint64_t) keys[0] << level) + (int64_t) ((width - 1) / 256.0 * minoff);
		int64_t		hi = (int64_t) ((uint64_t) keys[nbins - 1] << level) + (int64_t) ((width - 1) / 256.0 * maxoff);

		if (lo < -BF_MAX_ORDERED)
			lo = -BF_MAX_ORDERED;
		if (hi > BF_MAX_ORDERED)
			hi = BF_MAX_ORDERED;
		h->min = bf_from_ordered(lo);
		h->max = bf_from_ordered(hi);
	}
	h->n_nan = (int64_t) get(r, 1);
	h->n_posinf = (int64_t) get(r, 1);
	h->n_neginf = (int64_t) get(r, 1);
	return h;
}

/*
 * A valid sketch of the values the tokens describe (st != NULL: added to
 * it, returned), or only the tokens read (st == NULL: returns NULL).
 */
static BfHistogram *
read_tokens(Reader *r, bool long_run, BfState *st)
{
	int			ntok = (int) get(r, 1);
	int			nruns = 0;
	double		prev = 0;

#define ADD(x) do { if (st != NULL) bf_state_add(st, (x)); } while (0)
	for (int t = 0; t < ntok; t++)
	{
		int			type = (int) get(r, 1) % 6;

		switch (type)
		{
			case 0:
				prev = get_double(r);
				ADD(prev);
				break;
			case 1:
				prev = (int8_t) get(r, 1);
				ADD(prev);
				break;
			case 2:
				prev = (int16_t) get(r, 2) / 100.0;
				ADD(prev);
				break;
			case 3:
				{
					int64_t		count = (int64_t) get(r, 1);

					if (st != NULL)
						bf_state_add_n(st, prev, count);
					break;
				}
			case 4:
				{
					/* one long run per input, and only when the mode asks */
					int			n = (long_run && nruns++ == 0) ? 3001 + (int) get(r, 1) * 4 : 1 + (int) get(r, 1) % 4;
					double		x0 = (int16_t) get(r, 2);
					double		step = (int16_t) get(r, 2) / 64.0;

					if (step == 0)
						step = 1;
					for (int i = 0; i < n && st != NULL; i++)
						bf_state_add(st, x0 + i * step);
					prev = x0;
					break;
				}
			case 5:
				{
					int			e = (int8_t) get(r, 1);
					int			m = (int) get(r, 1);

					prev = ldexp(1 + m / 256.0, e * 4);
					ADD(prev);
					break;
				}
		}
	}
#undef ADD
	return st != NULL ? bf_state_to_hist(st) : NULL;
}

/*
 * The sketches of the last inputs, by the bytes they were built from:
 * libFuzzer mutates one input many times over, mostly past its value
 * tokens, and building a sketch is a pure function of those bytes, so a
 * repeated prefix reuses the sketch built before (a copy) instead of
 * adding the same 3,001 or more values again.  What the input does after
 * its sketch is built always runs.  A sketch rejected by the checks never
 * enters the cache (the harness aborts first).
 */
#define CACHE_SIZE 16
typedef struct CacheEntry
{
	uint8_t    *prefix;			/* malloc'd, outside the arena */
	size_t		len;
	BfHistogram *hist;			/* malloc'd copy */
} CacheEntry;

static CacheEntry cache[CACHE_SIZE];
static int	cache_next;

static BfHistogram *
cache_get(const uint8_t *prefix, size_t len)
{
	for (int i = 0; i < CACHE_SIZE; i++)
		if (cache[i].hist != NULL && cache[i].len == len &&
			memcmp(cache[i].prefix, prefix, len) == 0)
		{
			size_t		sz = BF_HIST_SIZE(cache[i].hist->nbins);
			BfHistogram *h = bf_alloc(sz);

			memcpy(h, cache[i].hist, sz);
			return h;
		}
	return NULL;
}

static void
cache_put(const uint8_t *prefix, size_t len, const BfHistogram *h)
{
	CacheEntry *e = &cache[cache_next];
	size_t		sz = BF_HIST_SIZE(h->nbins);

	cache_next = (cache_next + 1) % CACHE_SIZE;
	free(e->prefix);
	free(e->hist);
	e->prefix = malloc(len > 0 ? len : 1);
	memcpy(e->prefix, prefix, len);
	e->len = len;
	e->hist = malloc(sz);
	memcpy(e->hist, h, sz);
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
	int			mode = (int) get(&r, 1);
	BfHistogram *orig;
	BfHistogram *h;
	char		msg[256];
	int			flags;
	int			checks;
	long		budget;

	if ((mode & 3) == 3)
	{
		orig = build_binned(&r);
		FUZZ_CHECK(bf_hist_validate(orig, BF_HIST_SIZE(orig->nbins), msg, sizeof(msg)) == BF_OK,
				   "the harness built an invalid binned sketch: %s", msg);
	}
	else
	{
		/* the bytes read_tokens reads: a copy of the sketch they built */
		Reader		skip = r;
		bool		long_run = (mode & 0xF0) == 0x80;

		(void) read_tokens(&skip, long_run, NULL);
		orig = cache_get(data, size - skip.left);
		if (orig == NULL)
		{
			orig = read_tokens(&r, long_run, bf_state_create());
			FUZZ_CHECK(bf_hist_validate(orig, BF_HIST_SIZE(orig->nbins), msg, sizeof(msg)) == BF_OK,
					   "the aggregate built an invalid sketch: %s", msg);
			FUZZ_CHECK(r.left == skip.left, "read_tokens read a different length");
			cache_put(data, size - r.left, orig);
		}
		r = skip;
	}
	h = edit_sketch(&r, orig);
	flags = (int) get(&r, 1);
	budget = (long) (get(&r, 2) % 257);
	if (bf_hist_validate(h, BF_HIST_SIZE(h->nbins), msg, sizeof(msg)) != BF_OK)
	{
		fuzz_check_msg(msg, sizeof(msg));
		bf_arena_reset();
		return 0;
	}
	/*
	 * A sketch of up to 64 bins gets every check; a larger one (binned
	 * sketches have at least 1,501 bins) the summary, the fits and the
	 * rollup checks that flags bits 3 to 5 select: none (0), the rollup
	 * (1), the text round trip (2), the rollup with the unedited sketch (3),
	 * all three (4 to 7).  Each reads, hashes and sorts thousands of bins
	 * under the sanitizers (the rollup about 3 ms of CPU).
	 */
	checks = (h->nbins <= 64 && orig->nbins <= 64) ? 7 : (flags >> 3) & 7;
	fuzz_check_summary(h);
	if (checks == 1 || checks >= 4)
		fuzz_check_rollup(h);
	if (checks == 2 || checks >= 4)
		fuzz_check_text_roundtrip(h);
	/* the rollup of the edited sketch with the one it came from */
	if (checks >= 3)
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
