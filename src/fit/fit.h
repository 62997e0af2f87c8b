/*
 * fit.h — the fit engine: maximum-likelihood fitting of one catalogue
 * entry to a sketch (src/fit/), and the results the metrics fill in.
 *
 * Likelihood:
 *   exact sketch   sum_i w_i * log f(x_i)                    (the ordinary MLE)
 *   binned sketch  sum_i w_i * log((F(b_i) - F(a_i)) / (b_i - a_i))
 *                  the multinomial likelihood of the bin counts, from cdf
 *                  differences (sf differences in the upper tail), divided by
 *                  the bin widths so that it is on the same scale as the
 *                  density log-likelihood it approximates; the widths do not
 *                  depend on the parameters, so the maximiser is the binned MLE.
 * Bins are clipped to [min, max], which the sketch knows exactly; min and
 * max themselves enter as exact observations (log f(min) + log f(max), their
 * bins' counts less one), so a fit whose density vanishes or explodes at
 * the extremes is as impossible as on the raw data.  A bin so far in a tail
 * that its cdf difference underflows uses Simpson's rule on the density in
 * log space.
 *
 * Optimiser: GSL's Nelder-Mead simplex (gsl_multimin_fminimizer_nmsimplex2)
 * over unconstrained parameters: loc = loc0 + t * s, scale = scale0 * exp(t),
 * shapes mapped from their domains (exp for half-lines, logistic for
 * intervals).  A point whose support does not contain [min, max] or whose
 * likelihood is not finite is infeasible and gets a large penalty, so the
 * best vertex, which the simplex never makes worse, stays feasible.  It runs
 * first on coarsened copies of the sketch (cheap, global moves; coarsening
 * keeps the binned likelihood consistent, it only loses a little
 * efficiency), then polishes on the full sketch: to tight convergence on
 * exact sketches, which get the exact MLE, and to a tolerance of 1e-6 in the
 * transformed parameters on binned ones.
 */
#ifndef BESTFIT_FIT_H
#define BESTFIT_FIT_H

#include <stdbool.h>

#include "host.h"
#include "catalogue/entry.h"
#include "sketch/sketch.h"
#include "sketch/summary.h"

/*
 * A sketch prepared for fitting.  Exact sketches keep their values; binned
 * sketches keep bins [edges[ilo[i]], edges[ihi[i]]] clipped to [min, max].
 */
typedef struct BfFitData
{
	bool		exact;
	int			nbins;
	double		n;				/* finite values */
	double		min;
	double		max;
	double	   *w;				/* count of bin or value i */
	double	   *wl;				/* binned: likelihood weights, min and max out */
	double	   *x;				/* exact: the values, ascending */
	int			nedges;			/* binned: distinct edges, ascending */
	double	   *edges;
	int		   *ilo;
	int		   *ihi;
	double		sum_wlogwidth;	/* binned: sum of w[i] * log(width of bin i) */
	BfDataSummary summary;
	/* scratch for one evaluation, nedges long */
	double	   *cdfs;
	double	   *sfs;
} BfFitData;

typedef struct BfFitResult
{
	const BfDist *dist;
	double		params[BF_MAX_PARAMS];	/* shapes, loc, scale */
	int			nfree;			/* parameters fitted (AIC's k) */
	bool		ok;
	char		status[160];
	double		loglik;
	double		aic;
	double		bic;
	double		ks;
	double		ks_pvalue;
	double		ad;
	double		sse;
	int			evaluations;	/* likelihood evaluations spent */
} BfFitResult;

/* data.c: arrays from bf_alloc (the host frees them with the operation) */
extern void bf_fitdata_init(BfFitData *fd, const BfHistogram *h);
/*
 * The copies of a sketch a fit runs on, coarse to fine: copies coarsened to
 * at most BF_LADDER_BINS[k] bins (those the sketch has more than twice as
 * many bins as), then the sketch itself, last.
 */
#define BF_LADDER_MAX 3
typedef struct BfLadder
{
	BfFitData	data[BF_LADDER_MAX];
	const BfFitData *rungs[BF_LADDER_MAX];
	int			n;
} BfLadder;

/* data.c: build the ladder of a validated sketch (arrays from bf_alloc) */
extern void bf_ladder_init(BfLadder *ladder, const BfHistogram *h);

/* integer_search.c: the engine's entry point */
extern void bf_fit_one(const BfFitData *const *ladder, int nladder,
					   const BfDist *d, const double *fixed, BfFitResult *res);
/* likelihood.c */
extern double bf_loglik(const BfFitData *fd, const BfDist *d, const double *params);
extern bool bf_support_covers(const BfDist *d, const double *params, double min, double max);


#include "metrics/metrics.h"

#endif							/* BESTFIT_FIT_H */
