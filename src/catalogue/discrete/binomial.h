/*
 * catalogue/discrete/binomial.h — the regularized incomplete beta function
 * with an accurate prefactor, shared by the binomial (binomial.c) and
 * negative binomial (negative_binomial.c) families.
 */
#ifndef BESTFIT_CATALOGUE_DISCRETE_BINOMIAL_H
#define BESTFIT_CATALOGUE_DISCRETE_BINOMIAL_H

#include <math.h>

#include "catalogue/discrete/discrete.h"

/*
 * log(x^a y^b / B(a, b)) for a, b > 0, 0 < x < 1, y = 1 - x given
 * separately: Loader's binomial density at real arguments (C. Loader,
 * "Fast and accurate computation of binomial probabilities", 2000),
 * C(a + b, a) x^a y^b = sqrt((a + b) / (2 pi a b)) exp(stirlerr(a + b) -
 * stirlerr(a) - stirlerr(b) - bd0(a, (a + b) x) - bd0(b, (a + b) y)),
 * times a b / (a + b) (Gamma(a + b) / (Gamma(a) Gamma(b)) against
 * Gamma(a + b + 1) / (Gamma(a + 1) Gamma(b + 1))).  No cancellation
 * between a log x and log B(a, b) at large a, b.
 */
extern double bf_log_beta_kernel(double a, double b, double x, double y);

/*
 * P = I_x(a, b) and Q = 1 - I_x(a, b) for a, b > 0 and x in [0, 1], with
 * y = 1 - x given separately (exact for the callers: the binomial cdf's
 * I_{1-p}(n - k, k + 1) passes y = p).  The smaller-index continued
 * fraction of Abramowitz & Stegun 26.5.8 (modified Lentz, as GSL's
 * beta_cont_frac and Numerical Recipes' betacf: x < (a + 1) / (a + b + 2),
 * else the one of I_y(b, a)), times the prefactor x^a y^b / B(a, b) in
 * Loader's saddle-point form (bf_stirlerr, bf_bd0: no cancellation between
 * a log x and log B(a, b)).  GSL's gsl_sf_beta_inc forms that prefactor as
 * exp(a log x + b log y - lnbeta(a, b)) and loses ~1e-9 relative at
 * a, b ~ 1e6 (binom(1e6, 0.3) near its median), and stops after 512 terms
 * (NaN at a, b ~ 1e9); this one needs ~800 terms there and gives NaN
 * (both) when 5000 terms do not converge, or for NaN or invalid arguments.
 */
extern void bf_beta_tails(double a, double b, double x, double y, double *P, double *Q);

/*
 * log B(x, y) - (x log(x / (x + y)) + y log(y / (x + y))) for x, y > 0: the
 * part of log B(x, y) that stays O(log(x + y)) (Loader's kernel at the
 * saddle point, bf_log_beta_kernel with its bd0 terms zero, negated):
 * -log(sqrt(x y / (2 pi (x + y)))) - stirlerr(x + y) + stirlerr(x) +
 * stirlerr(y).  The large remainder pairs with other beta functions' into
 * bd0 terms (betabinom, betanbinom).
 */
extern double bf_lbeta_rest(double x, double y);
/*
 * log B(a, b) for a, b > 0, as bf_lbeta_rest(a, b) plus its large
 * remainder, memoised in the caller's memo (one per entry: betabinom and
 * betanbinom each keep their last shapes).
 */
extern double bf_lbeta_memo(BfMemo *memo, double a, double b);

/*
 * cdf (upper = false) or sf (upper = true) at k of betabinom(n, a, b): the
 * smaller tail (below or above the mean n a / (a + b)) summed from k down
 * (or k + 1 up) with the pmf's term ratio (JKK ch. 6)
 *   pmf(j + 1) / pmf(j) = (n - j)(j + a) / ((j + 1)(n - j - 1 + b)),
 * stopping early once terms fall below 1e-17 of the sum where they keep
 * falling (a >= 1 going down, b >= 1 going up), the other tail as 1 minus
 * it; NaN past 100000 terms (about 1 ms) and for invalid shapes.  Also
 * betanbinom's cdf and sf (negative_binomial.c).
 */
extern double bf_betabinom_tail(double k, double n, double a, double b, bool upper);

/*
 * bf_bd0(x, M) also where x + M overflows (bf_bd0's series then forms
 * 2 x v = inf * 0 = NaN at x = M = 1e308): bd0 is homogeneous of degree 1,
 * bd0(x, M) = 4 bd0(x / 4, M / 4), exact in binary.
 */
static inline double
bf_bd0_big(double x, double M)
{
	if (x > 1e300 || M > 1e300)
		return 4 * bf_bd0(0.25 * x, 0.25 * M);
	return bf_bd0(x, M);
}

/*
 * bf_discrete_ppf for entries whose cdf may be NaN at huge shapes (the
 * continued fraction or the bounded sums of binomial.c not converging):
 * NaN at once when the cdf at the guess is NaN, and NaN unless the cdf is
 * defined at the answer k and at k - 1 (then k is right: cdf(k) >= p >
 * cdf(k - 1)), rather than a quantile searched through NaN values; k - 1
 * where cdf(k - 1) >= p and sf(k - 1) exceeds 1 - p by rounding alone.
 */
static inline double
bf_checked_ppf(const BfDist *self, double p, const double *sh, double guess)
{
	double		q;

	if (p > 0 && p < 1 && isfinite(guess) && isnan(bf_entry_cdf(self, round(guess), sh)))
		return NAN;
	q = bf_discrete_ppf(self, p, sh, guess);
	if (!(p > 0 && p < 1) || !isfinite(q))
		return q;
	if (isnan(bf_entry_cdf(self, q, sh)) || isnan(bf_entry_cdf(self, q - 1, sh)))
		return NAN;

	/*
	 * Above p = 1/2 the search tests sf(k) <= 1 - p; where that and
	 * cdf(k - 1) >= p disagree by rounding alone (a tie: betanbinom(1, 1, 1)
	 * has cdf(18) = 0.95 exactly), the smaller k, as the cdf says.
	 */
	if (p > 0.5 && bf_entry_cdf(self, q - 1, sh) >= p &&
		bf_entry_sf(self, q - 1, sh) <= (1 - p) * (1 + 1e-12))
		return q - 1;
	return q;
}

#endif							/* BESTFIT_CATALOGUE_DISCRETE_BINOMIAL_H */
