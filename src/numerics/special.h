/*
 * special.h — special functions and careful elementary forms shared by the
 * catalogue (special.c).  Pure C on GSL; none of these raise errors:
 * failures come back as NaN.  Sources: scipy.special's documentation for
 * xlogy, xlog1py, log_ndtr, ndtri, expit, logit; GSL's manual for the
 * gamma and incomplete beta functions.
 */
#ifndef BESTFIT_NUMERICS_SPECIAL_H
#define BESTFIT_NUMERICS_SPECIAL_H

#include <math.h>
#include <stdbool.h>

#include <gsl/gsl_sf_result.h>

#define LN_SQRT_2PI		0.91893853320467274178	/* log(sqrt(2 pi)) */
#define EULER_GAMMA		0.57721566490153286061
#define LN_PI			1.14472988584940017414	/* log(pi) */
#define LN_2PI			1.83787706640934548356	/* log(2 pi) */
#define SQRT_2PI		2.50662827463100050242	/* sqrt(2 pi) */

/* Value of a GSL special-function result; NaN on failure, 0 on underflow. */
extern double bf_gsl_value(int status, const gsl_sf_result *r);
/* log Gamma(a) (GSL), NaN on failure. */
extern double bf_lngamma(double a);
/*
 * log B(a, b) (GSL's gsl_sf_lnbeta), NaN on failure; the last value is kept
 * (a density evaluated at every bin or value of a likelihood asks for the
 * same a and b each time).
 */
extern double bf_lnbeta(double a, double b);
/* x log(y) and x log1p(y), 0 when x == 0 (scipy.special.xlogy, xlog1py). */
extern double bf_xlogy(double x, double y);
extern double bf_xlog1py(double x, double y);
/* log1p(c z) / c and expm1(c y) / c, continuous at c = 0. */
extern double bf_log1p_div(double c, double z);
extern double bf_expm1_div(double c, double y);
/* log(1 + exp(t)), 1 / (1 + exp(-t)), log(p / (1 - p)), accurate in tails. */
extern double bf_log1pexp(double t);
extern double bf_expit(double t);
extern double bf_logit(double p);
/* log Phi(x) accurate in both tails; Phi^-1(p) exact in either tail. */
extern double bf_log_ndtr(double x);
extern double bf_ndtri(double p);
/*
 * Regularized incomplete beta I_x(a, b) and 1 - I_x(a, b) with x and
 * y = 1 - x given separately (no cancellation), through GSL.
 */
extern void bf_beta_inc_pq(double a, double b, double x, double y, double *P, double *Q);
/*
 * A start value for the Beta(a, b) quantile at p (0 < p < 1), in (0, 1), or
 * NaN: GSL's gsl_cdf_beta_Pinv / _Qinv where it returns, limit laws beyond.
 */
extern double bf_beta_inv_guess(double p, double a, double b);

/* log p for p <= 1/2, log1p(-(1 - p)) above (1 - p is exact there). */
extern double bf_log_prob(double p);
/* log(expm1(y)) for y > 0, without overflow. */
extern double bf_log_expm1(double y);
/*
 * erfc(x) and erf(x) through GSL's _e variants, for x >= 0 (or NaN); NaN on
 * failure, 0 on underflow, erfc = 0 and erf = 1 beyond x = 27.
 */
extern double bf_erfc_gsl(double x);
extern double bf_erf_gsl(double x);
/* Phi(x) and 1 - Phi(x) through GSL (gsl_cdf_ugaussian_P, _Q). */
extern double bf_Phi(double x);
extern double bf_Phic(double x);
/* Phi(z) as erfc(-z / sqrt 2) / 2 (C library), accurate relative in the lower tail. */
extern double bf_ncdf(double z);
/*
 * Adaptive quadrature (GSL QAG / QAGI / QAGIU / QAGIL) of fn over [lo, hi],
 * either end may be infinite, relative tolerance 1e-13; NaN on failure.
 */
extern double bf_integrate(double (*fn) (double, void *), void *par, double lo, double hi);

#endif							/* BESTFIT_NUMERICS_SPECIAL_H */
