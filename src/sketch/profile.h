/*
 * profile.h — what a sketch says about its data before any fit: ties and
 * recording resolution, atoms, heavy tails and extreme outliers
 * (profile.c).  Read by fit_report (src/pg/report.c), which adds the fits
 * and turns the profile into advice.  Every rule and threshold is in the
 * README ("fit_report").
 */
#ifndef BESTFIT_SKETCH_PROFILE_H
#define BESTFIT_SKETCH_PROFILE_H

#include <stdbool.h>

#include "sketch/sketch.h"

#define BF_PROFILE_MAX_ATOMS 10
#define BF_PROFILE_MAX_ISOLATED 5

/* A value (exact sketches) or bin (binned ones) holding a point mass. */
typedef struct BfAtom
{
	double		lo;				/* the value, or the bin's clipped edges */
	double		hi;
	int64_t		count;
	double		share;			/* count / finite rows */
	bool		at_edge;		/* the smallest or largest value of the data */
	int			bin;			/* its bin's index in the sketch */
	double		smooth;			/* rows a smooth density would put in its bin: in a binned
								 * sketch off a lattice its neighbours' mean density times its
								 * width, else 0 (point_mass.h) */
} BfAtom;

typedef struct BfProfile
{
	int64_t		n;				/* finite values */
	bool		exact;			/* level 0: every distinct value kept */
	int			distinct;		/* distinct values (exact) or bins */
	double		resolution;		/* detected recording resolution, 0 if none */
	double		tied_share;		/* rows sharing their value with another row (exact), else NaN */
	double		p01,
				q1,
				median,
				q3,
				p99;
	double		kurt;			/* sample excess kurtosis g2 (NaN without spread) */
	double		max_over_p99;	/* NaN when p99 <= 0 */
	bool		heavy_tail;
	/* Tukey's far-out fences q1 - 3 IQR, q3 + 3 IQR (NaN when IQR = 0) */
	double		fence_lo,
				fence_hi;
	int64_t		far_out;		/* rows beyond a fence */
	/* rows beyond a fence and also beyond a gap of more than 3 IQR */
	int64_t		isolated;
	int			nisolated_values;	/* the most extreme of them, listed */
	double		isolated_values[BF_PROFILE_MAX_ISOLATED];
	int			natoms;			/* largest first */
	BfAtom		atoms[BF_PROFILE_MAX_ATOMS];
} BfProfile;

/*
 * Profile of the finite values of a validated sketch h (nbins >= 1; with
 * nbins = 0 only n, exact and distinct are set, the rest NaN / 0).
 *
 * Atoms: a value holding more than 1% of the rows that a smooth density
 * would not give it.  Exact sketches without a detected resolution: any
 * such value (ties of continuous values are atoms).  Exact sketches on a
 * lattice of step q (src/sketch/resolution.h): the value's count exceeds
 * twice the mean count of the 6 lattice cells around it (3 on each side,
 * cells outside [min, max] left out, empty cells counting 0) — calm hours
 * at 0 next to unrecorded speeds, servings heaped at round numbers.
 * Binned sketches on a lattice (bf_binned_lattice, since 2026-12-06): the
 * same, with a bin's count spread evenly over its lattice points (an atom
 * is then a bin's lattice points, lo and hi the first and last).  Other
 * binned sketches: the same with densities (count / width) over the 3
 * neighbouring bin keys on each side, and 4 times (bin widths double
 * between binades); a bin of zero width (only zeros) is an atom when it
 * holds 1%.  The 1% and the factors are this project's thresholds.
 *
 * Heavy tail: excess kurtosis > 6 or max / p99 > 3 (spark-bestfit's
 * detect_heavy_tail thresholds; max / p99 is not location-invariant and is
 * left out when p99 <= 0).
 *
 * Extreme outliers: beyond Tukey's far-out fences Q1 - 3 IQR and
 * Q3 + 3 IQR (Tukey 1977, Exploratory Data Analysis, ch. 2); "isolated"
 * ones are beyond a fence and separated from every value nearer the centre
 * by an empty gap wider than 3 IQR (this project's rule: a recording
 * error such as a 1048 mph wind, rather than a long tail).
 *
 * Quantiles are bf_hist_quantile's (exact on exact sketches; within a bin
 * of relative width 2^-(52 - level) otherwise), the kurtosis
 * bf_summarize's.  Deterministic: a function of the sketch alone.
 */
extern void bf_profile(const BfHistogram *h, BfProfile *p);

#endif							/* BESTFIT_SKETCH_PROFILE_H */
