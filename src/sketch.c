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
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "common/int.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "bestfit.h"
#include "sketch.h"

#define BF_EMPTY_KEY PG_INT64_MIN
#define BF_INITIAL_LOGCAP 6
/* table grows when more than half full: BF_MAX_BINS fits in 2^13 slots */
#define BF_MAX_LEVEL 63

static inline uint32
bf_slot_of(int64 key, int logcap)
{
	return (uint32) (((uint64) key * UINT64CONST(0x9E3779B97F4A7C15)) >> (64 - logcap));
}

static void
bf_table_alloc(BfState *st, int logcap)
{
	int			cap = 1 << logcap;

	st->logcap = logcap;
	st->capacity = cap;
	st->keys = MemoryContextAlloc(st->mcxt, sizeof(int64) * cap);
	st->counts = MemoryContextAlloc(st->mcxt, sizeof(int64) * cap);
	for (int i = 0; i < cap; i++)
		st->keys[i] = BF_EMPTY_KEY;
	st->nused = 0;
	st->limit = Min(BF_MAX_BINS, cap / 2);
	st->last_key = BF_EMPTY_KEY;
	st->last_slot = 0;
}

/* Add count to key, which must already be at the state's level. */
static inline void
bf_table_add(BfState *st, int64 key, int64 count)
{
	uint32		mask = st->capacity - 1;
	uint32		i = bf_slot_of(key, st->logcap);

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
	int64	   *oldkeys = st->keys;
	int64	   *oldcounts = st->counts;
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
		pfree(st->keys);
		pfree(st->counts);
		newlevel++;
		shift++;
	}
	pfree(oldkeys);
	pfree(oldcounts);
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

/* A new, empty state allocated in mcxt. */
BfState *
bf_state_create(MemoryContext mcxt)
{
	BfState    *st = MemoryContextAllocZero(mcxt, sizeof(BfState));

	st->mcxt = mcxt;
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
	int64		key;

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

/* Merge a bin list at level lvl (lvl may be below or above the state's). */
static void
bf_state_merge_bins(BfState *st, int lvl, int n, const int64 *keys, const int64 *counts)
{
	if (lvl > st->level)
		bf_rebuild(st, lvl, st->logcap);
	for (int i = 0; i < n; i++)
	{
		int64		key = keys[i] >> (st->level - lvl);

		bf_table_add(st, key, counts[i]);
		if (st->nused > st->limit)
			bf_grow_if_needed(st);
	}
}

static void
bf_state_merge_scalars(BfState *st, int64 nan, int64 pinf, int64 ninf, double min, double max)
{
	st->n_nan += nan;
	st->n_posinf += pinf;
	st->n_neginf += ninf;
	if (min < st->min)
		st->min = min;
	if (max > st->max)
		st->max = max;
}

/* Merge a stored sketch into the state. */
void
bf_state_merge_hist(BfState *st, const BfHistogram *h)
{
	bf_state_merge_scalars(st, h->n_nan, h->n_posinf, h->n_neginf,
						   h->nbins > 0 ? h->min : INFINITY,
						   h->nbins > 0 ? h->max : -INFINITY);
	bf_state_merge_bins(st, h->level, h->nbins, BF_HIST_KEYS(h), BF_HIST_COUNTS(h));
}

/* Merge another state into st (the combine step of parallel aggregation). */
void
bf_state_merge_state(BfState *st, const BfState *other)
{
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
}

typedef struct
{
	int64		key;
	int64		count;
} BfBin;

static int
bf_bin_cmp(const void *a, const void *b)
{
	int64		ka = ((const BfBin *) a)->key;
	int64		kb = ((const BfBin *) b)->key;

	return ka < kb ? -1 : (ka > kb ? 1 : 0);
}

/* Build a histogram value from sorted bins. */
static BfHistogram *
bf_hist_build(int level, int nbins, const BfBin *bins, int64 nan, int64 pinf,
			  int64 ninf, double min, double max)
{
	Size		size = BF_HIST_SIZE(nbins);
	BfHistogram *h = palloc0(size);
	int64	   *keys;
	int64	   *counts;

	SET_VARSIZE(h, size);
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
	BfBin	   *bins = palloc(sizeof(BfBin) * Max(st->nused, 1));
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
	pfree(bins);
	return h;
}

/* Number of finite values in a (validated) histogram. */
int64
bf_hist_count(const BfHistogram *h)
{
	const int64 *counts = BF_HIST_COUNTS(h);
	int64		n = 0;

	for (int i = 0; i < h->nbins; i++)
		n += counts[i];
	return n;
}

/* First ordered value of key at level (clamped to the finite range). */
static double
bf_key_start(int64 key, int level)
{
	int128		o = (int128) key * ((int128) 1 << level);

	if (o > (int128) INT64CONST(0x7FF0000000000000))
		return INFINITY;
	if (o < -(int128) INT64CONST(0x7FF0000000000000))
		return -INFINITY;
	return bf_from_ordered((int64) o);
}

/*
 * Edges of bin i: [lo, hi).  For an exact sketch (level 0) lo is the value
 * itself.  Edges are not clipped to [min, max] here.
 */
void
bf_bin_edges(const BfHistogram *h, int i, double *lo, double *hi)
{
	int64		key = BF_HIST_KEYS(h)[i];

	*lo = bf_key_start(key, h->level);
	*hi = bf_key_start(key + 1, h->level);
}

#define BF_CORRUPT(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION), \
			 errmsg("invalid fit_histogram value"), \
			 errdetail(__VA_ARGS__)))

/*
 * Check every field of a histogram value; size is the varlena size.  Raises
 * an ERROR naming the first problem found.
 */
void
bf_hist_validate(const BfHistogram *h, Size size)
{
	const int64 *keys;
	const int64 *counts;
	int64		total = 0;
	int64		kmin;
	int64		kmax;

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
		if (h->min != 0.0 || h->max != 0.0)
			BF_CORRUPT("A sketch without finite values must have min and max 0.");
		return;
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
		if (pg_add_s64_overflow(total, counts[i], &total))
			BF_CORRUPT("The total count overflows.");
	}
	if ((bf_ordered(h->min) >> h->level) != keys[0])
		BF_CORRUPT("Min %g is not in the first bin.", h->min);
	if ((bf_ordered(h->max) >> h->level) != keys[h->nbins - 1])
		BF_CORRUPT("Max %g is not in the last bin.", h->max);
	if (h->level == 0 && (h->min != bf_from_ordered(keys[0]) ||
						  h->max != bf_from_ordered(keys[h->nbins - 1])))
		BF_CORRUPT("In an exact sketch min and max must be the first and last values.");
}

/*
 * A copy of h with its level raised until it has at most maxbins bins
 * (the same value the aggregate would build at that coarser resolution).
 */
BfHistogram *
bf_hist_coarsen(const BfHistogram *h, int maxbins)
{
	const int64 *keys = BF_HIST_KEYS(h);
	const int64 *counts = BF_HIST_COUNTS(h);
	BfBin	   *bins = palloc(sizeof(BfBin) * Max(h->nbins, 1));
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
			int64		k = bins[i].key >> 1;

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
	pfree(bins);
	return out;
}

/* ---------------------------------------------------------------------
 * Text and binary I/O
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(fit_histogram_in);
PG_FUNCTION_INFO_V1(fit_histogram_out);
PG_FUNCTION_INFO_V1(fit_histogram_recv);
PG_FUNCTION_INFO_V1(fit_histogram_send);

#define BF_SYNTAX(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
			 errmsg("invalid input syntax for type fit_histogram"), \
			 errdetail(__VA_ARGS__)))

/* Expect the literal word at *p and skip it. */
static void
bf_expect(const char **p, const char *word)
{
	size_t		len = strlen(word);

	if (strncmp(*p, word, len) != 0)
		BF_SYNTAX("Expected \"%s\" at \"%.20s\".", word, *p);
	*p += len;
}

static int64
bf_parse_int64(const char **p)
{
	char	   *end;
	long long	v;

	errno = 0;
	v = strtoll(*p, &end, 10);
	if (end == *p || errno != 0)
		BF_SYNTAX("Expected an integer at \"%.20s\".", *p);
	*p = end;
	return (int64) v;
}

static double
bf_parse_double(const char **p)
{
	char	   *end;
	double		v;

	errno = 0;
	v = strtod(*p, &end);
	if (end == *p || (errno != 0 && fabs(v) > 1.0))
		BF_SYNTAX("Expected a number at \"%.20s\".", *p);
	*p = end;
	return v;
}

/*
 * Text form: v1;level=L;nan=N;posinf=N;neginf=N;min=X;max=X;bins=K:C,K:C,...
 * (keys are o(x) >> level, see sketch.h).  Input is validated in full.
 */
Datum
fit_histogram_in(PG_FUNCTION_ARGS)
{
	const char *p = PG_GETARG_CSTRING(0);
	int64		version,
				level,
				nan,
				pinf,
				ninf;
	double		min,
				max;
	BfBin	   *bins = palloc(sizeof(BfBin) * BF_MAX_BINS);
	int			n = 0;
	BfHistogram *h;

	bf_expect(&p, "v");
	version = bf_parse_int64(&p);
	bf_expect(&p, ";level=");
	level = bf_parse_int64(&p);
	bf_expect(&p, ";nan=");
	nan = bf_parse_int64(&p);
	bf_expect(&p, ";posinf=");
	pinf = bf_parse_int64(&p);
	bf_expect(&p, ";neginf=");
	ninf = bf_parse_int64(&p);
	bf_expect(&p, ";min=");
	min = bf_parse_double(&p);
	bf_expect(&p, ";max=");
	max = bf_parse_double(&p);
	bf_expect(&p, ";bins=");
	while (*p != '\0')
	{
		if (n >= BF_MAX_BINS)
			BF_SYNTAX("More than %d bins.", BF_MAX_BINS);
		if (n > 0)
			bf_expect(&p, ",");
		bins[n].key = bf_parse_int64(&p);
		bf_expect(&p, ":");
		bins[n].count = bf_parse_int64(&p);
		n++;
	}
	if (version != BF_SKETCH_VERSION)
		BF_SYNTAX("Version %lld is not supported; this build reads version %d.",
				  (long long) version, BF_SKETCH_VERSION);
	if (level < 0 || level > BF_MAX_LEVEL)
		BF_SYNTAX("Level %lld is out of range [0, %d].", (long long) level, BF_MAX_LEVEL);
	h = bf_hist_build((int) level, n, bins, nan, pinf, ninf, min, max);
	/* bf_hist_build zeroes min/max of an empty sketch: check the input */
	if (n == 0 && (min != 0.0 || max != 0.0))
		BF_CORRUPT("A sketch without finite values must have min and max 0.");
	bf_hist_validate(h, VARSIZE(h));
	PG_RETURN_POINTER(h);
}

/* Text output of a sketch in the form fit_histogram_in reads. */
Datum
fit_histogram_out(PG_FUNCTION_ARGS)
{
	BfHistogram *h = PG_GETARG_BF_HIST(0);
	const int64 *keys = BF_HIST_KEYS(h);
	const int64 *counts = BF_HIST_COUNTS(h);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d;level=%d;nan=%lld;posinf=%lld;neginf=%lld;min=",
					 h->version, h->level, (long long) h->n_nan,
					 (long long) h->n_posinf, (long long) h->n_neginf);
	bf_append_double_text(&buf, h->min);
	appendStringInfoString(&buf, ";max=");
	bf_append_double_text(&buf, h->max);
	appendStringInfoString(&buf, ";bins=");
	for (int i = 0; i < h->nbins; i++)
		appendStringInfo(&buf, "%s%lld:%lld", i > 0 ? "," : "",
						 (long long) keys[i], (long long) counts[i]);
	PG_RETURN_CSTRING(buf.data);
}

/* Binary form: the fields in order, network byte order. */
Datum
fit_histogram_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(msg);
	int			flags = pq_getmsgbyte(msg);
	int			level = pq_getmsgint(msg, 2);
	int			nbins = pq_getmsgint(msg, 4);
	BfHistogram *h;
	int64	   *keys;
	int64	   *counts;

	if (nbins < 0 || nbins > BF_MAX_BINS)
		BF_CORRUPT("Bin count %d is out of range [0, %d].", nbins, BF_MAX_BINS);
	h = palloc0(BF_HIST_SIZE(nbins));
	SET_VARSIZE(h, BF_HIST_SIZE(nbins));
	h->version = version;
	h->flags = flags;
	h->level = level;
	h->nbins = nbins;
	h->n_nan = pq_getmsgint64(msg);
	h->n_posinf = pq_getmsgint64(msg);
	h->n_neginf = pq_getmsgint64(msg);
	h->min = pq_getmsgfloat8(msg);
	h->max = pq_getmsgfloat8(msg);
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	for (int i = 0; i < nbins; i++)
	{
		keys[i] = pq_getmsgint64(msg);
		counts[i] = pq_getmsgint64(msg);
	}
	bf_hist_validate(h, VARSIZE(h));
	PG_RETURN_POINTER(h);
}

/* Binary output: the fields of the header, then (key, count) pairs. */
Datum
fit_histogram_send(PG_FUNCTION_ARGS)
{
	BfHistogram *h = PG_GETARG_BF_HIST(0);
	const int64 *keys = BF_HIST_KEYS(h);
	const int64 *counts = BF_HIST_COUNTS(h);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, h->version);
	pq_sendbyte(&buf, h->flags);
	pq_sendint16(&buf, h->level);
	pq_sendint32(&buf, h->nbins);
	pq_sendint64(&buf, h->n_nan);
	pq_sendint64(&buf, h->n_posinf);
	pq_sendint64(&buf, h->n_neginf);
	pq_sendfloat8(&buf, h->min);
	pq_sendfloat8(&buf, h->max);
	for (int i = 0; i < h->nbins; i++)
	{
		pq_sendint64(&buf, keys[i]);
		pq_sendint64(&buf, counts[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Aggregate support
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(fit_histogram_accum);
PG_FUNCTION_INFO_V1(fit_histogram_merge_accum);
PG_FUNCTION_INFO_V1(fit_histogram_combine);
PG_FUNCTION_INFO_V1(fit_histogram_serialize);
PG_FUNCTION_INFO_V1(fit_histogram_deserialize);
PG_FUNCTION_INFO_V1(fit_histogram_final);

static MemoryContext
bf_aggcontext(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("fit_histogram aggregate support function called in non-aggregate context")));
	return aggcxt;
}

/*
 * The transition state of an aggregate call with a non-NULL value: the
 * current one, or a new one in the aggregate context.  NULL for a NULL value
 * (NULLs are skipped, and an aggregate over no non-NULL rows stays NULL).
 */
static BfState *
bf_transition_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt = bf_aggcontext(fcinfo);
	BfState    *st = PG_ARGISNULL(0) ? NULL : (BfState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
		return NULL;
	return st != NULL ? st : bf_state_create(aggcxt);
}

/* Transition: fit_histogram(double precision). */
Datum
fit_histogram_accum(PG_FUNCTION_ARGS)
{
	BfState    *st = bf_transition_state(fcinfo);

	if (st == NULL)
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	bf_state_add(st, PG_GETARG_FLOAT8(1));
	PG_RETURN_POINTER(st);
}

/* Transition: fit_histogram(fit_histogram), the rollup of stored sketches. */
Datum
fit_histogram_merge_accum(PG_FUNCTION_ARGS)
{
	BfState    *st = bf_transition_state(fcinfo);

	if (st == NULL)
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	bf_state_merge_hist(st, PG_GETARG_BF_HIST(1));
	PG_RETURN_POINTER(st);
}

/*
 * Combine function: merges the second state into the first (allocated in
 * the aggregate context when the first is NULL).  Exact: the result is the
 * state of the union of the rows.
 */
Datum
fit_histogram_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = bf_aggcontext(fcinfo);
	BfState    *a = PG_ARGISNULL(0) ? NULL : (BfState *) PG_GETARG_POINTER(0);
	BfState    *b = PG_ARGISNULL(1) ? NULL : (BfState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = bf_state_create(aggcxt);
	bf_state_merge_state(a, b);
	PG_RETURN_POINTER(a);
}

/* The serialized state is the canonical fit_histogram value itself. */
Datum
fit_histogram_serialize(PG_FUNCTION_ARGS)
{
	BfState    *st = (BfState *) PG_GETARG_POINTER(0);

	PG_RETURN_BYTEA_P((bytea *) bf_state_to_hist(st));
}

/* Deserial function: validates the bytes, then rebuilds a state. */
Datum
fit_histogram_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_P(0);
	BfHistogram *h = (BfHistogram *) b;
	BfState    *st;

	bf_hist_validate(h, VARSIZE(b));
	st = bf_state_create(CurrentMemoryContext);
	bf_state_merge_hist(st, h);
	PG_RETURN_POINTER(st);
}

/* Final function of fit_histogram(): the canonical sketch, or NULL. */
Datum
fit_histogram_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(bf_state_to_hist((BfState *) PG_GETARG_POINTER(0)));
}
