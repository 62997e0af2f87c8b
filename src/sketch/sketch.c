/*
 * sketch.c — the fit_histogram sketch: the transition state, its canonical
 * varlena form, validation, text and binary I/O, and the aggregate support
 * functions (transition, combine, serialize, deserialize, final).
 *
 * See sketch.h for the design.  Determinism argument: let D(S, L) be the
 * number of distinct keys of multiset S at level L; it does not increase with
 * L, and for a subset T of S, D(T, L) <= D(S, L).  The state only raises its
 * level when the values seen so far need it, to the smallest level at which
 * they fit, so its level never exceeds L*(S) = min{L : D(S, L) <= BF_MAX_BINS}.
 * It lets its table hold up to BF_TABLE_KEYS (> BF_MAX_BINS) keys before it
 * coarsens, so that a stream of new keys coarsens once per
 * BF_TABLE_KEYS - BF_MAX_BINS of them rather than at every one; the canonical
 * form (bf_state_to_hist) then raises the level to the smallest at which the
 * bins fit, which is L*(S).  Merges take the larger level and raise it the
 * same way.  The counts at L*(S) depend on S alone, and the canonical form
 * sorts the bins.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sketch/sketch.h"
#include "numerics/parse_float.h"

#ifndef unlikely
#define unlikely(x) __builtin_expect((x) != 0, 0)
#endif

#define BF_EMPTY_KEY INT64_MIN
/*
 * Table sizes: a new state has 2^3 slots (a group of a few values stays a
 * few hundred bytes); the table doubles when more than 3/4 full, so
 * BF_MAX_BINS keys fit in 2^12 slots (at most 73% full) and a state never
 * exceeds BF_STATE_MAX_BYTES (sketch.h).
 */
#define BF_INITIAL_LOGCAP 3
#define BF_MAX_LOGCAP 12
/* keys the full table holds before it coarsens (3/4 of its slots) */
#define BF_TABLE_KEYS ((1 << BF_MAX_LOGCAP) - (1 << BF_MAX_LOGCAP) / 4)
_Static_assert(BF_MAX_BINS < BF_TABLE_KEYS, "the full table holds BF_MAX_BINS keys");
_Static_assert(sizeof(BfSlot) * ((1 << BF_MAX_LOGCAP) + (2 << 9) - 8) + sizeof(BfState) + 512 <= BF_STATE_MAX_BYTES,
			   "BF_STATE_MAX_BYTES bounds the largest state, its smaller tables up to 8 KiB and chunk headers");

typedef struct
{
	int64_t		key;
	int64_t		count;
} BfBin;

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
	st->slots = bf_alloc(sizeof(BfSlot) * cap);
	for (int i = 0; i < cap; i++)
		st->slots[i].key = BF_EMPTY_KEY;
	st->nused = 0;
	st->limit = cap - cap / 4;
	st->last_key = BF_EMPTY_KEY;
	st->last_slot = 0;
}

/* Add count to key, which must already be at the state's level. */
static inline void
bf_table_add(BfState *st, int64_t key, int64_t count)
{
	uint32_t	mask = st->capacity - 1;
	uint32_t	i = bf_slot_of(key, st->logcap);
	BfSlot	   *slots = st->slots;

	for (;;)
	{
		if (slots[i].key == key)
		{
			slots[i].count += count;
			break;
		}
		if (slots[i].key == BF_EMPTY_KEY)
		{
			slots[i].key = key;
			slots[i].count = count;
			st->nused++;
			break;
		}
		i = (i + 1) & mask;
	}
	st->last_key = key;
	st->last_slot = i;
}

/*
 * Rebuild the table with 2^logcap slots at level newlevel (>= current); the
 * keys must then fit (at most 3/4 of the slots).
 */
static void
bf_rebuild(BfState *st, int newlevel, int logcap)
{
	BfSlot	   *old = st->slots;
	int			oldcap = st->capacity;
	int			shift = newlevel - st->level;

	bf_table_alloc(st, logcap);
	st->level = newlevel;
	for (int i = 0; i < oldcap; i++)
		if (old[i].key != BF_EMPTY_KEY)
			bf_table_add(st, old[i].key >> shift, old[i].count);
	bf_free(old);
}

/*
 * The state's bins sorted by key (bf_alloc'd, at least one entry): an LSD
 * radix sort on the keys' bytes (sign bit flipped, so that unsigned order is
 * signed order), skipping the bytes that all keys share; a coarsening sorts
 * the full table, and this is several times faster than qsort there.
 */
static BfBin *
bf_sorted_bins(const BfState *st)
{
	int			cap = st->nused > 0 ? st->nused : 1;
	BfBin	   *bins = bf_alloc(sizeof(BfBin) * cap);
	BfBin	   *tmp = bf_alloc(sizeof(BfBin) * cap);
	int			n = 0;
	uint64_t	all_or = 0,
				all_and = ~UINT64_C(0);

	for (int i = 0; i < st->capacity; i++)
		if (st->slots[i].key != BF_EMPTY_KEY)
		{
			uint64_t	u = (uint64_t) st->slots[i].key ^ (UINT64_C(1) << 63);

			bins[n].key = (int64_t) u;
			bins[n].count = st->slots[i].count;
			all_or |= u;
			all_and &= u;
			n++;
		}
	for (int shift = 0; shift < 64; shift += 8)
	{
		size_t		pos[256] = {0};
		BfBin	   *t;

		if ((((all_or ^ all_and) >> shift) & 0xFF) == 0)
			continue;			/* every key has the same byte here */
		for (int i = 0; i < n; i++)
			pos[((uint64_t) bins[i].key >> shift) & 0xFF]++;
		for (size_t b = 0, sum = 0; b < 256; b++)
		{
			size_t		c = pos[b];

			pos[b] = sum;
			sum += c;
		}
		for (int i = 0; i < n; i++)
			tmp[pos[((uint64_t) bins[i].key >> shift) & 0xFF]++] = bins[i];
		t = bins;
		bins = tmp;
		tmp = t;
	}
	for (int i = 0; i < n; i++)
		bins[i].key = (int64_t) ((uint64_t) bins[i].key ^ (UINT64_C(1) << 63));
	bf_free(tmp);
	return bins;
}

/*
 * The smallest level >= level (and <= BF_MAX_LEVEL) at which n sorted
 * distinct keys of that level number at most BF_MAX_BINS, in one pass rather
 * than level after level: two neighbours a < b share their key at shift s
 * exactly when (a XOR b) >> s = 0, i.e. when s is at least the bit length d
 * of a XOR b (an arithmetic shift keeps the sign bits, which agree whenever
 * the higher bits do); so at shift s the keys number 1 + #{d > s}.
 */
static int
bf_fit_level(const BfBin *bins, int n, int level)
{
	int			cnt[65] = {0};
	int64_t		apart = n - 1;	/* neighbours apart at shift 0 */
	int			s;

	if (n <= BF_MAX_BINS)
		return level;
	for (int i = 1; i < n; i++)
		cnt[64 - __builtin_clzll((uint64_t) (bins[i].key ^ bins[i - 1].key))]++;
	for (s = 1; level + s < BF_MAX_LEVEL; s++)
	{
		apart -= cnt[s];
		if (1 + apart <= BF_MAX_BINS)
			break;
	}
	return level + s;
}

/* Shift n sorted bins' keys right by shift, merging equal keys; the new n. */
static int
bf_bins_shift(BfBin *bins, int n, int shift)
{
	int			m = 0;

	if (shift == 0)
		return n;
	for (int i = 0; i < n; i++)
	{
		int64_t		k = bins[i].key >> shift;

		if (m > 0 && bins[m - 1].key == k)
			bins[m - 1].count += bins[i].count;
		else
		{
			bins[m].key = k;
			bins[m].count = bins[i].count;
			m++;
		}
	}
	return m;
}

/*
 * Called when nused passed limit: double the table below 2^BF_MAX_LOGCAP
 * slots; at that size (more than BF_TABLE_KEYS keys), raise the level to the
 * smallest at which the keys number at most BF_MAX_BINS.
 */
static void
bf_grow_if_needed(BfState *st)
{
	BfBin	   *bins;
	int			level;
	int			n;

	if (st->logcap < BF_MAX_LOGCAP)
	{
		bf_rebuild(st, st->level, st->logcap + 1);
		return;
	}
	bins = bf_sorted_bins(st);
	level = bf_fit_level(bins, st->nused, st->level);
	n = bf_bins_shift(bins, st->nused, level - st->level);
	bf_free(st->slots);
	bf_table_alloc(st, st->logcap);
	st->level = level;
	for (int i = 0; i < n; i++)
		bf_table_add(st, bins[i].key, bins[i].count);
	bf_free(bins);
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
		st->slots[st->last_slot].count++;
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
		if (other->slots[i].key == BF_EMPTY_KEY)
			continue;
		bf_table_add(st, other->slots[i].key >> (st->level - other->level), other->slots[i].count);
		if (st->nused > st->limit)
			bf_grow_if_needed(st);
	}
	st->total += other->total;
	return BF_OK;
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

/*
 * The canonical value of a state: bins sorted by key, at the smallest level
 * at which they number at most BF_MAX_BINS (the table may hold more).
 */
BfHistogram *
bf_state_to_hist(const BfState *st)
{
	BfBin	   *bins = bf_sorted_bins(st);
	int			level = bf_fit_level(bins, st->nused, st->level);
	int			n = bf_bins_shift(bins, st->nused, level - st->level);
	BfHistogram *h;

	h = bf_hist_build(level, n, bins, st->n_nan, st->n_posinf,
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
#define BF_TRY(call) do { BfStatus st_ = (call); if (st_ != BF_OK) return st_; } while (0)

/*
 * Check every field of a histogram value but the minimality of its level;
 * size is the whole value's size.  Returns BF_INVALID naming the first
 * problem found.
 */
BfStatus
bf_hist_validate_fields(const BfHistogram *h, size_t size, char *msg, size_t msglen)
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
 * The most distinct keys that values matching h (a value that passed
 * bf_hist_validate_fields, level >= 1) can have one level below h's: each
 * bin of level L covers the two keys 2k and 2k + 1 of level L - 1, so it
 * holds at most min(2, count) of them; the first bin holds one only when min
 * lies in its upper half (nothing is below min), the last bin one only when
 * max lies in its lower half.  Every bound is reached by some multiset (the
 * middle bins' halves lie strictly between min and max, so are finite), so
 * the level is the smallest possible for some multiset matching h exactly
 * when this exceeds BF_MAX_BINS.
 */
static int64_t
bf_max_keys_below(const BfHistogram *h)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	int			below = h->level - 1;
	int64_t		n = 0;

	for (int i = 0; i < h->nbins; i++)
		n += counts[i] >= 2 ? 2 : 1;
	if (h->nbins >= 2)
	{
		if (counts[0] >= 2 && ((bf_ordered(h->min) >> below) & 1) == 1)
			n--;
		if (counts[h->nbins - 1] >= 2 && ((bf_ordered(h->max) >> below) & 1) == 0)
			n--;
	}
	else if (counts[0] >= 2 && (bf_ordered(h->min) >> below) == (bf_ordered(h->max) >> below))
		n--;
	return n;
}

/*
 * Check every field of a histogram value (bf_hist_validate_fields), and that
 * its level is the smallest at which its values fit in BF_MAX_BINS keys, as
 * the aggregate builds it (sketch.h): a sketch with a higher level would
 * coarsen every rollup it joins beyond what the rows need.  Returns
 * BF_INVALID naming the first problem found.
 */
BfStatus
bf_hist_validate(const BfHistogram *h, size_t size, char *msg, size_t msglen)
{
	int64_t		below;

	BF_TRY(bf_hist_validate_fields(h, size, msg, msglen));
	if (h->level == 0)
		return BF_OK;
	below = bf_max_keys_below(h);
	if (below <= BF_MAX_BINS)
		BF_CORRUPT("Level %d is higher than the values need: at level %d they have at most "
				   "%lld distinct keys, which fit in %d bins.",
				   h->level, h->level - 1, (long long) below, BF_MAX_BINS);
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
		/* keys stay sorted under >> 1, so neighbours merge in place */
		n = bf_bins_shift(bins, n, 1);
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
	char		quote[BF_QUOTE_MAX + 4];

	if (strncmp(*p, word, len) != 0)
		BF_SYNTAX_FAIL("Expected \"%s\" at \"%s\".", word,
					   bf_text_prefix(*p, BF_QUOTE_MAX, quote, sizeof(quote)));
	*p += len;
	return BF_OK;
}

static BfStatus
bf_parse_int64(const char **p, int64_t *v, char *msg, size_t msglen)
{
	char	   *end;
	long long	x;
	char		quote[BF_QUOTE_MAX + 4];

	errno = 0;
	x = strtoll(*p, &end, 10);
	if (end == *p || errno != 0)
		BF_SYNTAX_FAIL("Expected an integer at \"%s\".",
					   bf_text_prefix(*p, BF_QUOTE_MAX, quote, sizeof(quote)));
	*p = end;
	*v = (int64_t) x;
	return BF_OK;
}

/* min and max: float8in's rules, hexadecimal rejected (numerics/parse_float.c) */
static BfStatus
bf_parse_double(const char **p, double *v, char *msg, size_t msglen)
{
	return bf_parse_float8(p, v, msg, msglen);
}

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
