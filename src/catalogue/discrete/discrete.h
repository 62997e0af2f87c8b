/*
 * catalogue/discrete/discrete.h — conventions and helpers shared by the
 * discrete entries (scipy.stats' rv_discrete distributions).
 *
 * A discrete entry sets .kind = BF_DISCRETE.  Its parameters are its shapes
 * (scipy's names and order) and loc, an integer; there is no scale (the
 * model wrapper, ../model.h, takes it to be 1, so the functions see
 * k = x - loc).  Its functions follow ../entry.h with these meanings:
 *   support(self, shape, &klo, &khi)  the smallest and largest k of
 *                               positive mass (+-INFINITY when unbounded),
 *                               integers
 *   logpdf(self, k, shape)      log pmf: log P(K = k) for integer k;
 *                               -INFINITY at non-integer k and outside the
 *                               support (scipy's pmf is 0 there); NaN for NaN
 *   cdf(self, k, shape)         P(K <= floor(k)) for any real k (scipy's cdf
 *                               floors its argument); 0 below the support,
 *                               1 above it and at +INFINITY
 *   sf(self, k, shape)          P(K > floor(k)), accurate in the upper tail
 *                               (from a complementary formula, not 1 - cdf)
 *   ppf(self, p, shape)         the smallest integer k with cdf(k) >= p, for
 *                               p in (0, 1]; ppf(0) = klo - 1 and
 *                               ppf(1) = khi, as scipy's rv_discrete returns
 *   fit.start(self, s, fixed, out)  nshapes + 1 values: shapes, then loc
 *                               (bf_discrete_finish_start completes them)
 * None of them raises an error: invalid shapes give NaN.
 */
#ifndef BESTFIT_CATALOGUE_DISCRETE_H
#define BESTFIT_CATALOGUE_DISCRETE_H

#include "catalogue/common.h"

/* Integer shapes: >= 0 (binom's n may be 0 in scipy), >= 1. */
#define DOM_INT0	{0.0, INFINITY, true, false}

/* Is k an integer (finite, no fractional part)? */
static inline bool
bf_is_int(double k)
{
	return isfinite(k) && k == floor(k);
}

/* Support {0, 1, 2, ...}. */
extern void bf_support_count(const BfDist *self, const double *shape, double *klo, double *khi);
/* Support {1, 2, 3, ...}. */
extern void bf_support_count1(const BfDist *self, const double *shape, double *klo, double *khi);
/* Support: all integers. */
extern void bf_support_integers(const BfDist *self, const double *shape, double *klo, double *khi);

/*
 * Quantile of a discrete entry from its own cdf and sf: the smallest
 * integer k in [klo, khi] with cdf(k) >= p (tested as sf(k) <= 1 - p for
 * p > 1/2, where the cdf rounds to 1), found by doubling steps from
 * round(guess) to a bracket and bisection over the integers (at most about
 * 2 x 64 evaluations of cdf or sf).  p = 0 gives klo - 1 and p = 1 gives
 * khi (scipy's rv_discrete); NaN for p outside [0, 1], NaN inputs, or a
 * NaN cdf (sf) met on the way.
 * guess may be NaN (the search then starts at klo, or 0 when klo is -inf).
 */
extern double bf_discrete_ppf(const BfDist *self, double p, const double *shape, double guess);

/*
 * Final step of a discrete entry's start function: fixed values imposed,
 * non-finite shapes replaced, shapes moved strictly inside their domains
 * (integer shapes rounded to integers inside them), and loc: the fixed
 * value, else out[nshapes] rounded when finite, else 0.
 */
extern void bf_discrete_finish_start(const BfDist *self, const BfDataSummary *s,
									 const double *fx, double *out);

/*
 * log P(a <= K <= b), integers a <= b in the support, for an entry whose pmf
 * is unimodal, U-shaped or monotone (at most one interior extremum, as
 * betabinom's and betanbinom's): the pmf summed over the run, in units of
 * the larger of pmf(a) and pmf(b) (exp of the entry's log pmf there),
 * walking from that end with the term ratio ratio(j) = pmf(j + 1) / pmf(j);
 * the walk stops when the terms left, each at most the larger of the
 * current term and the far end's (what such a pmf allows), cannot add
 * 1e-17 of the sum.  NaN when the walk needs more than maxterms terms,
 * or a ratio or an end is NaN: the caller then differences the cdf.  The sum of
 * positive terms loses no digits (~1e-16 relative per term of the walk's
 * rounding), unlike a difference of two tail sums.
 */
extern double bf_discrete_log_run(const BfDist *self, double a, double b, const double *shape,
								  double (*ratio) (double j, const double *shape), int maxterms);

/*
 * log(exp(a) - exp(b)) for a >= b: used by cdf differences in log space.
 */
extern double bf_log_diff_exp(double a, double b);

/*
 * Loader's saddle-point algorithm for the binomial and Poisson
 * probabilities (C. Loader, "Fast and accurate computation of binomial
 * probabilities", 2000; R's nmath dbinom.c, dpois.c, stirlerr.c, bd0.c),
 * accurate to a few ulps where exp(k log mu - mu - lgamma(k + 1)) loses
 * digits to cancellation (|log pmf| small against k log mu: mu = 1e5 loses
 * ~1e-10 relative that way):
 *   bf_stirlerr(n)  log(n!) - log(sqrt(2 pi n) (n / e)^n), n >= 0 real
 *   bf_bd0(x, np)   x log(x / np) + np - x, without cancellation near x = np
 *   bf_log_dpois(k, mu)       log P(K = k), K ~ Poisson(mu); -inf at
 *                             non-integer or negative k
 *   bf_log_dbinom(x, n, p, q) log P(X = x), X ~ Binomial(n, p), q = 1 - p
 *                             given separately; n may be real (>= x)
 */
extern double bf_stirlerr(double n);
extern double bf_bd0(double x, double np);
extern double bf_log_dpois(double k, double mu);
extern double bf_log_dbinom(double x, double n, double p, double q);

#endif							/* BESTFIT_CATALOGUE_DISCRETE_H */
