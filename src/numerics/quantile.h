/*
 * quantile.h — the generic quantile solver of the catalogue (quantile.c).
 */
#ifndef BESTFIT_NUMERICS_QUANTILE_H
#define BESTFIT_NUMERICS_QUANTILE_H

#include <math.h>
#include <stdbool.h>

/* The functions of an entry that the quantile solver needs. */
typedef struct BfFns
{
	void		(*support) (const double *shape, double *zlo, double *zhi);
	double		(*logpdf) (double z, const double *shape);
	double		(*cdf) (double z, const double *shape);
	double		(*sf) (double z, const double *shape);
} BfFns;

/*
 * Common edge cases of a ppf: NaN outside [0, 1], the support ends at 0 and
 * 1.  Returns true when *res holds the answer.  PPF_EDGES returns it.
 */
extern bool bf_ppf_edge(double p, const double *shape,
						void (*support) (const double *, double *, double *), double *res);

#define PPF_EDGES(p, shape, support) \
	do { \
		double		edge_; \
		if (bf_ppf_edge((p), (shape), (support), &edge_)) \
			return edge_; \
	} while (0)

/*
 * Quantile by safeguarded Newton iteration on log cdf (log sf above 1/2),
 * full relative accuracy in both tails (~1e-14), for any entry with an
 * accurate cdf, sf and logpdf.  guess may be NaN.  See quantile.c.
 */
extern double bf_ppf_solve(const BfFns *f, const double *shape, double p, double guess);

#endif							/* BESTFIT_NUMERICS_QUANTILE_H */
