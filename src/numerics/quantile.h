/*
 * quantile.h — the generic quantile solver of the catalogue (quantile.c).
 */
#ifndef BESTFIT_NUMERICS_QUANTILE_H
#define BESTFIT_NUMERICS_QUANTILE_H

#include <math.h>
#include <stdbool.h>

#include "catalogue/entry.h"

/*
 * Common edge cases of the ppf of the entry self: NaN outside [0, 1], the
 * ends of self's support at 0 and 1.  Returns true when *res holds the
 * answer.  PPF_EDGES returns it.
 */
extern bool bf_ppf_edge(const BfDist *self, double p, const double *shape, double *res);

#define PPF_EDGES(self, p, shape) \
	do { \
		double		edge_; \
		if (bf_ppf_edge((self), (p), (shape), &edge_)) \
			return edge_; \
	} while (0)

/*
 * Quantile of the entry self by safeguarded Newton iteration on log cdf
 * (log sf above 1/2), full relative accuracy in both tails (~1e-14), for any
 * entry with an accurate cdf, sf and logpdf (self's, through the accessors
 * of catalogue/entry.h).  guess may be NaN.  See quantile.c.
 */
extern double bf_ppf_solve(const BfDist *self, const double *shape, double p, double guess);
/* The same, ending at a Newton step below half an ulp (quantile.c). */
extern double bf_ppf_solve_ulp(const BfDist *self, const double *shape, double p, double guess);

#endif							/* BESTFIT_NUMERICS_QUANTILE_H */
