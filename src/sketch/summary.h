/*
 * summary.h — summary statistics of a sketch's finite values (summary.c).
 */
#ifndef BESTFIT_SKETCH_SUMMARY_H
#define BESTFIT_SKETCH_SUMMARY_H

#include "sketch/sketch.h"

/*
 * What start-value functions may use: statistics of the finite values of a
 * sketch (exact for exact sketches, from bin midpoints otherwise).
 */
typedef struct BfDataSummary
{
	double		n;				/* number of finite values */
	double		mean;
	double		sd;				/* sample standard deviation (n - 1) */
	double		skew;			/* sample skewness g1 */
	double		kurt;			/* sample excess kurtosis g2 */
	double		min;
	double		max;
	double		q05, q25, median, q75, q95;	/* empirical quantiles */
	double		logmean;		/* mean of log(x) when min > 0, else NaN */
	double		logsd;			/* sd of log(x) when min > 0, else NaN */
} BfDataSummary;

/*
 * Statistics of the finite values of a validated sketch: exact for exact
 * sketches; for binned ones each bin counts at its clipped midpoint.
 * Computed in a fixed order (two passes, long double), so the result
 * depends on the sketch alone.
 */
extern void bf_summarize(const BfHistogram *h, BfDataSummary *s);
/*
 * Empirical quantile p in [0, 1] of the n finite values of a validated
 * sketch: the smallest value whose cumulative count reaches p n (exact
 * sketches: a value of the data); binned sketches interpolate linearly
 * within the bin clipped to [min, max].  h->max when p n exceeds the count.
 */
extern double bf_hist_quantile(const BfHistogram *h, double n, double p);
/* Representative value of bin i: the value itself, or the clipped midpoint. */
extern double bf_bin_point(const BfHistogram *h, int i);

#endif							/* BESTFIT_SKETCH_SUMMARY_H */
