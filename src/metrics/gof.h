/*
 * gof.h — the parametric bootstrap behind gof_test (gof.c): draw a data set
 * of the sketch's size from a fitted distribution, sketch it as the
 * observed data were sketched, refit the same family with the same fixed
 * parameters, and compute the EDF statistics of the refit.
 *
 * The SQL layer (src/pg/gof.c) builds a plan once, then calls
 * bf_gof_replicate once per bootstrap sample in a memory context it resets
 * after each sample; the plan's arrays live in the caller's outer memory.
 * Sources and the sampling scheme are in gof.c.
 */
#ifndef BESTFIT_GOF_H
#define BESTFIT_GOF_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "fit/fit.h"

/* How a bootstrap sample is drawn (gof.c explains each). */
typedef enum BfGofPath
{
	BF_GOF_INVERSION,			/* n values by inversion (rounded to the lattice when q > 0) */
	BF_GOF_LATTICE,				/* multinomial counts over the lattice cells min + k q */
	BF_GOF_BINS					/* multinomial counts over the sketch's bins and the gaps */
} BfGofPath;

/* Most lattice cells of the multinomial path (more: inversion). */
#define BF_GOF_MAX_CELLS (1 << 20)

typedef struct BfGofPlan
{
	const BfDist *dist;
	double		params[BF_MAX_PARAMS];	/* the fit the samples are drawn from */
	double		fixed[BF_MAX_PARAMS];	/* of the refits: NaN = free */
	double		q;				/* lattice step of the draws (0: exact values) */
	double		fit_q;			/* resolution of the refits: q, or 0 for a discrete fit */
	double		base;			/* lattice origin: the sketch's min */
	unsigned int n;				/* values per sample: the sketch's finite count */
	BfGofPath	path;
	int			level;			/* BF_GOF_BINS: the sketch's level */
	bool		lattice_bins;	/* BF_GOF_BINS with q > 0: cells of the bins' lattice points */
	double		klo;			/* BF_GOF_LATTICE: lattice index of cell 1 */
	/*
	 * The multinomial's cells partition the real line: cell j is
	 * [e[j], e[j + 1]), probability p[j]; fu/fs are the cdf and sf at e[j]
	 * (ncells + 1 of each).  key[j] is the sketch key of a bin (BF_GOF_BINS)
	 * or the lattice cell's index from klo (BF_GOF_LATTICE); individual[j]
	 * marks a gap or tail cell instead, whose values are drawn one by one.
	 */
	int			ncells;
	double	   *e;
	double	   *fu;
	double	   *fs;
	double	   *p;
	int64_t    *key;
	bool	   *individual;
} BfGofPlan;

/*
 * Prepare the bootstrap of fit (d, params) on the validated sketch h whose
 * values are recorded to resolution q (0: exact), refits with fixed
 * (bf_nparams(d) values, NaN = free).  Arrays from bf_alloc.  Returns BF_OK;
 * BF_INVALID with a reason in msg (more than UINT_MAX values, or the fit
 * puts no probability on the line); BF_CANCELLED when the host asks to stop.
 */
extern BfStatus bf_gof_plan_init(BfGofPlan *plan, const BfHistogram *h, double q,
								 const BfDist *d, const double *params, const double *fixed,
								 char *msg, size_t msglen);

/*
 * One bootstrap sample's sketch into *out (from bf_alloc): BF_OK or
 * BF_CANCELLED.  Consumes random numbers from rng only.
 */
extern BfStatus bf_gof_sample(const BfGofPlan *plan, gsl_rng *rng, BfHistogram **out);

/*
 * One bootstrap replicate: bf_gof_sample, then the refit (bf_ladder_init +
 * bf_fit_one with the plan's fixed vector), whose ks, ad and cvm are the
 * replicate's statistics when res->ok.  BF_OK (res filled, ok or not) or
 * BF_CANCELLED.
 */
extern BfStatus bf_gof_replicate(const BfGofPlan *plan, gsl_rng *rng, BfFitResult *res);

/*
 * The statistics of fit (d, params) on the sketch h at resolution q, as
 * fit_distributions computes them: every metric of res (nfree fitted
 * parameters, for the chi-squared degrees of freedom).
 */
extern void bf_gof_observed(const BfHistogram *h, double q, const BfDist *d,
							const double *params, int nfree, BfFitResult *res);

#endif							/* BESTFIT_GOF_H */
