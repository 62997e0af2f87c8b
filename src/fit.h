/*
 * fit.h — the fit engine: data prepared from a sketch, maximum-likelihood
 * fitting of one catalogue entry, and goodness-of-fit metrics.
 */
#ifndef BESTFIT_FIT_H
#define BESTFIT_FIT_H

#include "postgres.h"

#include "catalogue.h"
#include "sketch.h"

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

/* fit.c */
extern void bf_fitdata_init(BfFitData *fd, const BfHistogram *h);
extern void bf_fit_one(const BfFitData *const *ladder, int nladder,
					   const BfDist *d, const double *fixed, BfFitResult *res);
extern double bf_loglik(const BfFitData *fd, const BfDist *d, const double *params);
extern bool bf_support_covers(const BfDist *d, const double *params, double min, double max);
extern void bf_summarize(const BfHistogram *h, BfDataSummary *s);

/* metrics.c */
extern void bf_metrics(const BfFitData *fd, BfFitResult *res);
extern double bf_kolmogorov_sf(double d, double n);

#endif							/* BESTFIT_FIT_H */
