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
 * bf_discrete_ppf for entries whose cdf may be NaN at huge shapes (the
 * continued fraction or the bounded sums of binomial.c not converging):
 * NaN at once when the cdf at the guess is NaN, and NaN unless the cdf is
 * defined at the answer k and at k - 1 (then k is right: cdf(k) >= p >
 * cdf(k - 1)), rather than a quantile searched through NaN values.
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
	return q;
}

#endif							/* BESTFIT_CATALOGUE_DISCRETE_BINOMIAL_H */
