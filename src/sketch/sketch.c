/*
 * sketch.c — the fit_histogram sketch: the transition state, its canonical
 * varlena form, validation, text and binary I/O, and the aggregate support
 * functions (transition, combine, serialize, deserialize, final).
 *
 * See sketch.h for the design.  Determinism argument: let D(S, L) be the
 * number of distinct keys of multiset S at level L; it does not increase with
 * L, and for a subset T of S, D(T, L) <= D(S, L).  The state only raises its
 * level when the values seen so far need it, so its level never exceeds
 * L*(S) = min{L : D(S, L) <= BF_MAX_BINS}, and after the last value it equals
 * L*(S).  Merges take the larger level and raise it the same way.  The
 * counts at L*(S) depend on S alone, and the canonical form sorts the bins.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sketch/sketch.h"

#ifndef unlikely
#define unlikely(x) __builtin_expect((x) != 0, 0)
#endif

#define BF_EMPTY_KEY INT64_MIN
#define BF_INITIAL_LOGCAP 6
/* table grows when more than half full: BF_MAX_BINS fits in 2^13 slots */

static inline uint32_t
bf_slot_of(int64_t key, int logcap)
{
	return (uint32_t) (((uint64_t) key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - logcap));
}

static void
bf_table_alloc(BfState *st, int logcap)
{
	int			cap = 1 << logcap;

	st->logcap = logcap;
	st->capacity = cap;
	st->keys = bf_alloc(sizeof(int64_t) * cap);
	st->counts = bf_alloc(sizeof(int64_t) * cap);
	for (int i = 0; i < cap; i++)
		st->keys[i] = BF_EMPTY_KEY;
	st->nused = 0;
	st->limit = cap / 2 < BF_MAX_BINS ? cap / 2 : BF_MAX_BINS;
	st->last_key = BF_EMPTY_KEY;
	st->last_slot = 0;
}

/* Add count to key, which must already be at the state's level. */
static inline void
bf_table_add(BfState *st, int64_t key, int64_t count)
{
	uint32_t	mask = st->capacity - 1;
	uint32_t	i = bf_slot_of(key, st->logcap);

	for (;;)
	{
		if (st->keys[i] == key)
		{
			st->counts[i] += count;
			break;
		}
		if (st->keys[i] == BF_EMPTY_KEY)
		{
			st->keys[i] = key;
			st->counts[i] = count;
			st->nused++;
			break;
		}
		i = (i + 1) & mask;
	}
	st->last_key = key;
	st->last_slot = i;
}

/*
 * Rebuild the table at level newlevel (>= current) with room for the keys,
 * then raise the level until at most BF_MAX_BINS keys remain.
 */
static void
bf_rebuild(BfState *st, int newlevel, int logcap)
{
	int64_t	   *oldkeys = st->keys;
	int64_t	   *oldcounts = st->counts;
	int			oldcap = st->capacity;
	int			shift = newlevel - st->level;

	for (;;)
	{
		bf_table_alloc(st, logcap);
		st->level = newlevel;
		for (int i = 0; i < oldcap; i++)
			if (oldkeys[i] != BF_EMPTY_KEY)
				bf_table_add(st, oldkeys[i] >> shift, oldcounts[i]);
		if (st->nused <= BF_MAX_BINS || newlevel >= BF_MAX_LEVEL)
			break;
		/* still too many: go one level up from the original table */
		bf_free(st->keys);
		bf_free(st->counts);
		newlevel++;
		shift++;
	}
	bf_free(oldkeys);
	bf_free(oldcounts);
}

/*
 * Called when nused passed limit: raise the level when there are more than
 * BF_MAX_BINS keys, else double the table (load factor stays <= 1/2).
 */
static void
bf_grow_if_needed(BfState *st)
{
	if (st->nused > BF_MAX_BINS)
		bf_rebuild(st, st->level + 1, st->logcap);
	else if (st->nused * 2 > st->capacity)
		bf_rebuild(st, st->level, st->logcap + 1);
}

/* A new, empty state (in the host's current memory). */
BfState *
bf_state_create(void)
{
	BfState    *st = bf_alloc0(sizeof(BfState));

	st->min = INFINITY;
	st->max = -INFINITY;
	bf_table_alloc(st, BF_INITIAL_LOGCAP);
	return st;
}

/*
 * Add one value: the per-row hot path.  NaN and infinities are only counted.
 */
void
bf_state_add(BfState *st, double x)
{
	int64_t		key;

	if (unlikely(!isfinite(x)))
	{
		if (isnan(x))
			st->n_nan++;
		else if (x > 0)
			st->n_posinf++;
		else
			st->n_neginf++;
		return;
	}
	st->total++;
	if (x < st->min)
		st->min = x;
	if (x > st->max)
		st->max = x;
	key = bf_ordered(x) >> st->level;
	if (key == st->last_key)
	{
		st->counts[st->last_slot]++;
		return;
	}
	bf_table_add(st, key, 1);
	if (unlikely(st->nused > st->limit))
		bf_grow_if_needed(st);
}

/*
 * Add count (>= 0) copies of x: the same state as count calls of
 * bf_state_add (gof_test's bootstrap sketches, src/metrics/gof.c, add lattice
 * values with multinomial counts).  The caller keeps the total below
 * INT64_MAX.
 */
void
bf_state_add_n(BfState *st, double x, int64_t count)
{
	if (count <= 0)
		return;
	if (!isfinite(x))
	{
		if (isnan(x))
			st->n_nan += count;
		else if (x > 0)
			st->n_posinf += count;
		else
			st->n_neginf += count;
		return;
	}
	st->total += count;
	if (x < st->min)
		st->min = x;
	if (x > st->max)
		st->max = x;
	bf_table_add(st, bf_ordered(x) >> st->level, count);
	if (unlikely(st->nused > st->limit))
		bf_grow_if_needed(st);
}

/* Merge a bin list at level lvl (lvl may be below or above the state's). */
static void
bf_state_merge_bins(BfState *st, int lvl, int n, const int64_t *keys, const int64_t *counts)
{
	if (lvl > st->level)
		bf_rebuild(st, lvl, st->logcap);
	for (int i = 0; i < n; i++)
	{
		int64_t		key = keys[i] >> (st->level - lvl);

		bf_table_add(st, key, counts[i]);
		if (st->nused > st->limit)
			bf_grow_if_needed(st);
	}
}

/*
 * Can the state take t more finite values and the given special counts
 * without any count overflowing?  Every count of the merged state is at most
 * the merged grand total (finite, NaN and infinite values: the total that
 * bf_hist_validate requires to fit in an int64), so checking it is enough.
 */
static bool
bf_state_room(const BfState *st, int64_t t, int64_t nan, int64_t pinf, int64_t ninf)
{
	int64_t		x;

	return !(__builtin_add_overflow(st->total, t, &x) ||
			 __builtin_add_overflow(x, st->n_nan, &x) ||
			 __builtin_add_overflow(x, nan, &x) ||
			 __builtin_add_overflow(x, st->n_posinf, &x) ||
			 __builtin_add_overflow(x, pinf, &x) ||
			 __builtin_add_overflow(x, st->n_neginf, &x) ||
			 __builtin_add_overflow(x, ninf, &x));
}

static void
bf_state_merge_scalars(BfState *st, int64_t nan, int64_t pinf, int64_t ninf, double min, double max)
{
	st->n_nan += nan;
	st->n_posinf += pinf;
	st->n_neginf += ninf;
	if (min < st->min)
		st->min = min;
	if (max > st->max)
		st->max = max;
}

/* Merge a stored (validated) sketch into the state. */
BfStatus
bf_state_merge_hist(BfState *st, const BfHistogram *h)
{
	int64_t		t = bf_hist_count(h);

	if (!bf_state_room(st, t, h->n_nan, h->n_posinf, h->n_neginf))
		return BF_OVERFLOW;
	bf_state_merge_scalars(st, h->n_nan, h->n_posinf, h->n_neginf,
						   h->nbins > 0 ? h->min : INFINITY,
						   h->nbins > 0 ? h->max : -INFINITY);
	bf_state_merge_bins(st, h->level, h->nbins, BF_HIST_KEYS(h), BF_HIST_COUNTS(h));
	st->total += t;
	return BF_OK;
}

/* Merge another state into st (the combine step of parallel aggregation). */
BfStatus
bf_state_merge_state(BfState *st, const BfState *other)
{
	if (!bf_state_room(st, other->total, other->n_nan, other->n_posinf, other->n_neginf))
		return BF_OVERFLOW;
	bf_state_merge_scalars(st, other->n_nan, other->n_posinf, other->n_neginf,
						   other->min, other->max);
	if (other->level > st->level)
		bf_rebuild(st, other->level, st->logcap);
	for (int i = 0; i < other->capacity; i++)
	{
		if (other->keys[i] == BF_EMPTY_KEY)
			continue;
		bf_table_add(st, other->keys[i] >> (st->level - other->level), other->counts[i]);
		if (st->nused > st->limit)
			bf_grow_if_needed(st);
	}
	st->total += other->total;
	return BF_OK;
}

typedef struct
{
	int64_t		key;
	int64_t		count;
} BfBin;

static int
bf_bin_cmp(const void *a, const void *b)
{
	int64_t		ka = ((const BfBin *) a)->key;
	int64_t		kb = ((const BfBin *) b)->key;

	return ka < kb ? -1 : (ka > kb ? 1 : 0);
}

/* Build a histogram value from sorted bins. */
static BfHistogram *
bf_hist_build(int level, int nbins, const BfBin *bins, int64_t nan, int64_t pinf,
			  int64_t ninf, double min, double max)
{
	size_t		size = BF_HIST_SIZE(nbins);
	BfHistogram *h = bf_alloc0(size);
	int64_t	   *keys;
	int64_t	   *counts;

	bf_set_value_size(h, size);
	h->version = BF_SKETCH_VERSION;
	h->level = level;
	h->nbins = nbins;
	h->n_nan = nan;
	h->n_posinf = pinf;
	h->n_neginf = ninf;
	h->min = nbins > 0 ? min : 0.0;
	h->max = nbins > 0 ? max : 0.0;
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	for (int i = 0; i < nbins; i++)
	{
		keys[i] = bins[i].key;
		counts[i] = bins[i].count;
	}
	return h;
}

/* The canonical value of a state: bins sorted by key. */
BfHistogram *
bf_state_to_hist(const BfState *st)
{
	BfBin	   *bins = bf_alloc(sizeof(BfBin) * (st->nused > 0 ? st->nused : 1));
	int			n = 0;
	BfHistogram *h;

	for (int i = 0; i < st->capacity; i++)
		if (st->keys[i] != BF_EMPTY_KEY)
		{
			bins[n].key = st->keys[i];
			bins[n].count = st->counts[i];
			n++;
		}
	qsort(bins, n, sizeof(BfBin), bf_bin_cmp);
	h = bf_hist_build(st->level, n, bins, st->n_nan, st->n_posinf,
					  st->n_neginf, st->min, st->max);
	bf_free(bins);
	return h;
}

/* Number of finite values in a (validated) histogram. */
int64_t
bf_hist_count(const BfHistogram *h)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	int64_t		n = 0;

	for (int i = 0; i < h->nbins; i++)
		n += counts[i];
	return n;
}

/* First ordered value of key at level (clamped to the finite range). */
static double
bf_key_start(int64_t key, int level)
{
	__int128	o = (__int128) key * ((__int128) 1 << level);

	if (o > (__int128) INT64_C(0x7FF0000000000000))
		return INFINITY;
	if (o < -(__int128) INT64_C(0x7FF0000000000000))
		return -INFINITY;
	return bf_from_ordered((int64_t) o);
}

/*
 * Edges of bin i: [lo, hi).  For an exact sketch (level 0) lo is the value
 * itself.  Edges are not clipped to [min, max] here.
 */
void
bf_bin_edges(const BfHistogram *h, int i, double *lo, double *hi)
{
	int64_t		key = BF_HIST_KEYS(h)[i];

	*lo = bf_key_start(key, h->level);
	*hi = bf_key_start(key + 1, h->level);
}

/* Write the reason into msg and return status (validation and parsing). */
static BfStatus bf_fail(BfStatus status, char *msg, size_t msglen, const char *fmt,...) __attribute__((format(printf, 4, 5)));

static BfStatus
bf_fail(BfStatus status, char *msg, size_t msglen, const char *fmt,...)
{
	va_list		ap;

	if (msg != NULL && msglen > 0)
	{
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return status;
}

#define BF_CORRUPT(...) return bf_fail(BF_INVALID, msg, msglen, __VA_ARGS__)

/*
 * Check every field of a histogram value; size is the whole value's size.
 * Returns BF_INVALID naming the first problem found.
 */
BfStatus
bf_hist_validate(const BfHistogram *h, size_t size, char *msg, size_t msglen)
{
	const int64_t *keys;
	const int64_t *counts;
	int64_t		total = 0;
	int64_t		kmin;
	int64_t		kmax;

	if (size < sizeof(BfHistogram))
		BF_CORRUPT("The value is %zu bytes, shorter than its %zu-byte header.",
				   size, sizeof(BfHistogram));
	if (h->version != BF_SKETCH_VERSION)
		BF_CORRUPT("Version %d is not supported; this build reads version %d.",
				   h->version, BF_SKETCH_VERSION);
	if (h->flags != 0)
		BF_CORRUPT("Reserved flags are %d, expected 0.", h->flags);
	if (h->level > BF_MAX_LEVEL)
		BF_CORRUPT("Level %d is out of range [0, %d].", h->level, BF_MAX_LEVEL);
	if (h->nbins < 0 || h->nbins > BF_MAX_BINS)
		BF_CORRUPT("Bin count %d is out of range [0, %d].", h->nbins, BF_MAX_BINS);
	if (size != BF_HIST_SIZE(h->nbins))
		BF_CORRUPT("The value is %zu bytes, but %d bins need %zu.",
				   size, h->nbins, BF_HIST_SIZE(h->nbins));
	if (h->n_nan < 0 || h->n_posinf < 0 || h->n_neginf < 0)
		BF_CORRUPT("NaN and infinity counts must not be negative.");
	if (h->nbins == 0)
	{
		/* the grand total must fit in an int64 here too (found by test/fuzz) */
		if (__builtin_add_overflow(h->n_nan, h->n_posinf, &total) ||
			__builtin_add_overflow(total, h->n_neginf, &total))
			BF_CORRUPT("The total count overflows.");
		if (h->min != 0.0 || h->max != 0.0)
			BF_CORRUPT("A sketch without finite values must have min and max 0.");
		if (h->level != 0)
			BF_CORRUPT("A sketch without finite values must have level 0, not %d.", h->level);
		return BF_OK;
	}
	if (!isfinite(h->min) || !isfinite(h->max) || h->min > h->max)
		BF_CORRUPT("Min and max must be finite with min <= max.");
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	kmin = -BF_MAX_ORDERED >> h->level;
	kmax = BF_MAX_ORDERED >> h->level;
	for (int i = 0; i < h->nbins; i++)
	{
		if (keys[i] < kmin || keys[i] > kmax)
			BF_CORRUPT("Bin key %lld is outside the finite range at level %d.",
					   (long long) keys[i], h->level);
		if (i > 0 && keys[i] <= keys[i - 1])
			BF_CORRUPT("Bin keys must be strictly increasing (bin %d).", i);
		if (counts[i] <= 0)
			BF_CORRUPT("Bin %d has count %lld; counts must be positive.",
					   i, (long long) counts[i]);
		if (__builtin_add_overflow(total, counts[i], &total))
			BF_CORRUPT("The total count overflows.");
	}
	if ((bf_ordered(h->min) >> h->level) != keys[0])
		BF_CORRUPT("Min %g is not in the first bin.", h->min);
	if ((bf_ordered(h->max) >> h->level) != keys[h->nbins - 1])
		BF_CORRUPT("Max %g is not in the last bin.", h->max);
	if (h->level == 0 && (h->min != bf_from_ordered(keys[0]) ||
						  h->max != bf_from_ordered(keys[h->nbins - 1])))
		BF_CORRUPT("In an exact sketch min and max must be the first and last values.");
	if (__builtin_add_overflow(total, h->n_nan, &total) ||
		__builtin_add_overflow(total, h->n_posinf, &total) ||
		__builtin_add_overflow(total, h->n_neginf, &total))
		BF_CORRUPT("The total count overflows.");
	return BF_OK;
}

/*
 * A copy of h with its level raised until it has at most maxbins bins
 * (the same value the aggregate would build at that coarser resolution).
 */
BfHistogram *
bf_hist_coarsen(const BfHistogram *h, int maxbins)
{
	const int64_t *keys = BF_HIST_KEYS(h);
	const int64_t *counts = BF_HIST_COUNTS(h);
	BfBin	   *bins = bf_alloc(sizeof(BfBin) * (h->nbins > 0 ? h->nbins : 1));
	int			level = h->level;
	int			n = h->nbins;
	BfHistogram *out;

	for (int i = 0; i < n; i++)
	{
		bins[i].key = keys[i];
		bins[i].count = counts[i];
	}
	while (n > maxbins && level < BF_MAX_LEVEL)
	{
		int			m = 0;

		/* keys stay sorted under >> 1, so merge neighbours in place */
		for (int i = 0; i < n; i++)
		{
			int64_t		k = bins[i].key >> 1;

			if (m > 0 && bins[m - 1].key == k)
				bins[m - 1].count += bins[i].count;
			else
			{
				bins[m].key = k;
				bins[m].count = bins[i].count;
				m++;
			}
		}
		n = m;
		level++;
	}
	out = bf_hist_build(level, n, bins, h->n_nan, h->n_posinf, h->n_neginf,
						h->min, h->max);
	bf_free(bins);
	return out;
}


/* ---------------------------------------------------------------------
 * Text form (parsed here so that it can be tested and fuzzed without a
 * server; printed by src/pg/histogram.c, which owns the shortest
 * round-trip formatting of doubles)
 * ---------------------------------------------------------------------
 */

#define BF_SYNTAX_FAIL(...) return bf_fail(BF_SYNTAX, msg, msglen, __VA_ARGS__)

/* Expect the literal word at *p and skip it. */
static BfStatus
bf_expect(const char **p, const char *word, char *msg, size_t msglen)
{
	size_t		len = strlen(word);

	if (strncmp(*p, word, len) != 0)
		BF_SYNTAX_FAIL("Expected \"%s\" at \"%.20s\".", word, *p);
	*p += len;
	return BF_OK;
}

static BfStatus
bf_parse_int64(const char **p, int64_t *v, char *msg, size_t msglen)
{
	char	   *end;
	long long	x;

	errno = 0;
	x = strtoll(*p, &end, 10);
	if (end == *p || errno != 0)
		BF_SYNTAX_FAIL("Expected an integer at \"%.20s\".", *p);
	*p = end;
	*v = (int64_t) x;
	return BF_OK;
}

static BfStatus
bf_parse_double(const char **p, double *v, char *msg, size_t msglen)
{
	char	   *end;
	double		x;

	errno = 0;
	x = strtod(*p, &end);
	if (end == *p || (errno != 0 && fabs(x) > 1.0))
		BF_SYNTAX_FAIL("Expected a number at \"%.20s\".", *p);
	*p = end;
	*v = x;
	return BF_OK;
}

#define BF_TRY(call) do { BfStatus st_ = (call); if (st_ != BF_OK) return st_; } while (0)

/*
 * Text form: v1;level=L;nan=N;posinf=N;neginf=N;min=X;max=X;bins=K:C,K:C,...
 * (keys are o(x) >> level, see sketch.h).  The value is validated in full.
 */
BfStatus
bf_hist_parse(const char *text, BfHistogram **out, char *msg, size_t msglen)
{
	const char *p = text;
	int64_t		version,
				level,
				nan,
				pinf,
				ninf;
	double		min,
				max;
	BfBin	   *bins = bf_alloc(sizeof(BfBin) * BF_MAX_BINS);
	int			n = 0;
	BfHistogram *h;

	*out = NULL;
	BF_TRY(bf_expect(&p, "v", msg, msglen));
	BF_TRY(bf_parse_int64(&p, &version, msg, msglen));
	BF_TRY(bf_expect(&p, ";level=", msg, msglen));
	BF_TRY(bf_parse_int64(&p, &level, msg, msglen));
	BF_TRY(bf_expect(&p, ";nan=", msg, msglen));
	BF_TRY(bf_parse_int64(&p, &nan, msg, msglen));
	BF_TRY(bf_expect(&p, ";posinf=", msg, msglen));
	BF_TRY(bf_parse_int64(&p, &pinf, msg, msglen));
	BF_TRY(bf_expect(&p, ";neginf=", msg, msglen));
	BF_TRY(bf_parse_int64(&p, &ninf, msg, msglen));
	BF_TRY(bf_expect(&p, ";min=", msg, msglen));
	BF_TRY(bf_parse_double(&p, &min, msg, msglen));
	BF_TRY(bf_expect(&p, ";max=", msg, msglen));
	BF_TRY(bf_parse_double(&p, &max, msg, msglen));
	BF_TRY(bf_expect(&p, ";bins=", msg, msglen));
	while (*p != '\0')
	{
		if (n >= BF_MAX_BINS)
			BF_SYNTAX_FAIL("More than %d bins.", BF_MAX_BINS);
		if (n > 0)
			BF_TRY(bf_expect(&p, ",", msg, msglen));
		BF_TRY(bf_parse_int64(&p, &bins[n].key, msg, msglen));
		BF_TRY(bf_expect(&p, ":", msg, msglen));
		BF_TRY(bf_parse_int64(&p, &bins[n].count, msg, msglen));
		n++;
	}
	if (version != BF_SKETCH_VERSION)
		BF_SYNTAX_FAIL("Version %lld is not supported; this build reads version %d.",
					   (long long) version, BF_SKETCH_VERSION);
	if (level < 0 || level > BF_MAX_LEVEL)
		BF_SYNTAX_FAIL("Level %lld is out of range [0, %d].", (long long) level, BF_MAX_LEVEL);
	/* bf_hist_build zeroes min/max of an empty sketch: check the input */
	if (n == 0 && (min != 0.0 || max != 0.0))
		return bf_fail(BF_INVALID, msg, msglen,
					   "A sketch without finite values must have min and max 0.");
	h = bf_hist_build((int) level, n, bins, nan, pinf, ninf, min, max);
	bf_free(bins);
	BF_TRY(bf_hist_validate(h, BF_HIST_SIZE(h->nbins), msg, msglen));
	*out = h;
	return BF_OK;
}
