/*
 * sketch.h — the fit_histogram sketch.
 *
 * A sketch summarises the multiset of values of a column.  Every finite value
 * x is mapped to an order-preserving 64-bit integer o(x) (its IEEE-754 bit
 * pattern, negated for negative numbers), and the sketch keeps the count of
 * each key o(x) >> level.  At level 0 the keys are the values themselves (an
 * exact sketch); each level up halves the resolution, so bins are
 * relative-error bins of width 2^-(52-level) of their binade, which serves
 * data far from zero, tiny scales and heavy tails alike.  The level is the
 * smallest one at which the multiset has at most BF_MAX_BINS distinct keys,
 * which makes the sketch a function of the multiset alone: inserting in any
 * order and merging any partition give the same, byte-identical value.
 */
#ifndef BESTFIT_SKETCH_H
#define BESTFIT_SKETCH_H

#include "postgres.h"

/* Most bins a sketch holds; below this many distinct values it is exact. */
#define BF_MAX_BINS 3000
#define BF_SKETCH_VERSION 1
/* o(x) of the largest finite double; keys beyond it are invalid. */
#define BF_MAX_ORDERED INT64CONST(0x7FEFFFFFFFFFFFFF)

/* On-disk (and serialized aggregate state) format; keys and counts follow. */
typedef struct BfHistogram
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;			/* reserved, must be 0 */
	uint16		level;
	int32		nbins;
	int64		n_nan;
	int64		n_posinf;
	int64		n_neginf;
	float8		min;			/* of finite values; 0 when nbins = 0 */
	float8		max;
	/* int64 keys[nbins], strictly increasing; int64 counts[nbins], >= 1 */
} BfHistogram;

#define BF_HIST_KEYS(h) ((int64 *) (((char *) (h)) + sizeof(BfHistogram)))
#define BF_HIST_COUNTS(h) (BF_HIST_KEYS(h) + (h)->nbins)
#define BF_HIST_SIZE(nbins) (sizeof(BfHistogram) + 2 * sizeof(int64) * (Size) (nbins))

/* Aggregate transition state: an open-addressing hash table of bins. */
typedef struct BfState
{
	int			level;
	int			nused;			/* distinct keys in the table */
	int			capacity;		/* power of two */
	int			limit;			/* grow or coarsen when nused exceeds this */
	int			logcap;
	int64	   *keys;			/* BF_EMPTY_KEY marks a free slot */
	int64	   *counts;
	int64		n_nan;
	int64		n_posinf;
	int64		n_neginf;
	double		min;
	double		max;
	int64		last_key;		/* one-entry cache for runs of equal keys */
	int			last_slot;
	MemoryContext mcxt;
} BfState;

/* Order-preserving map from a finite double to an int64 (-0.0 maps to 0). */
static inline int64
bf_ordered(double x)
{
	int64		b;

	memcpy(&b, &x, sizeof(b));
	return b >= 0 ? b : -(b & PG_INT64_MAX);
}

/* Inverse of bf_ordered for o in [-0x7FF0..., 0x7FF0...] (beyond: +-inf). */
static inline double
bf_from_ordered(int64 o)
{
	int64		b = o >= 0 ? o : -o;
	double		x;

	if (b >= INT64CONST(0x7FF0000000000000))
		return o >= 0 ? INFINITY : -INFINITY;
	memcpy(&x, &b, sizeof(x));
	return o >= 0 ? x : -x;
}

extern BfState *bf_state_create(MemoryContext mcxt);
extern void bf_state_add(BfState *st, double x);
extern void bf_state_merge_hist(BfState *st, const BfHistogram *h);
extern void bf_state_merge_state(BfState *st, const BfState *other);
extern BfHistogram *bf_state_to_hist(const BfState *st);
extern void bf_hist_validate(const BfHistogram *h, Size size);
extern int64 bf_hist_count(const BfHistogram *h);
extern void bf_bin_edges(const BfHistogram *h, int i, double *lo, double *hi);
extern BfHistogram *bf_hist_coarsen(const BfHistogram *h, int maxbins);

#endif							/* BESTFIT_SKETCH_H */
