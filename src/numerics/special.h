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
/* log Gamma(a) (GSL), NaN on failure; the last two values are kept. */
extern double bf_lngamma(double a);
/*
 * The regularized lower incomplete gamma P(a, x), a > 0, x >= 0: GSL's
 * gsl_sf_gamma_inc_P, bit for bit, with ln Gamma(a + 1) kept for the last
 * a in its series (special.c); NaN on failure, 0 on underflow.
 */
extern double bf_gamma_p(double a, double x);
/*
 * e^x x^-a Gamma(a, x), any real a, x > 0: Legendre's continued fraction
 * (special.c), fast for x > a + 0.5; NaN when maxit steps did not converge.
 */
extern double bf_gamma_cf(double a, double x, int maxit);
/*
 * The regularized upper incomplete gamma Q(a, x), a > 0, x >= 0: GSL's,
 * or 1 - P(a, x) or Legendre's continued fraction where GSL's Q is
 * inaccurate or slow (special.c); NaN on failure.
 */
extern double bf_gamma_q(double a, double x);
/*
 * e^x K_nu(x), real nu, by Hankel's expansion when x >= 20 + 4 nu^2 and
 * it converges to DBL_EPSILON / 2 (special.c); false otherwise (then ask GSL).
 */
extern bool bf_bessel_k_scaled_hankel(double nu, double x, double *out);
/* Where bf_ln_bessel_i0_scaled's asymptotic expansion takes over from GSL. */
#define BF_I0_ASYM_MIN 50.0
/* log(e^-x I_0(x)), x >= 0 (asymptotic from BF_I0_ASYM_MIN, GSL below); NaN on failure. */
extern double bf_ln_bessel_i0_scaled(double x);
/* phi(x) / Q(x), the normal hazard (Cody's Q below 25, GSL's series above); NaN on failure. */
extern double bf_normal_hazard(double x);
/* log(e^-x I_0(x) sqrt(2 pi x)) by that expansion, x >= BF_I0_ASYM_MIN. */
extern double bf_ln_bessel_i0_scaled_series(double x);
/*
 * log B(a, b) (GSL's gsl_sf_lnbeta), NaN on failure; the last value is kept
 * (a density evaluated at every bin or value of a likelihood asks for the
 * same a and b each time).
 */
extern double bf_lnbeta(double a, double b);
/*
 * The Gauss hypergeometric function 2F1(a, b; c; x) for a, b, c >= 0 and
 * 0.9 <= x < 1, given y = 1 - x exactly: by the transformation to 1 - x
 * (A&S 15.3.6), where GSL sums the series in x itself (some 36 / y terms)
 * or computes 1 - x in floating point (special.c).  Within 1e-11 relative
 * (a bound it checks; 2.8e-12 at most against mpmath on 8,004 random
 * points).  False (then ask GSL) outside that region, when c - a - b is
 * within 1e-6 of an integer (a pole of each term), when a Gamma function
 * fails or overflows, or when the two terms cancel so that the bound on
 * the result's rounding exceeds 1e-11 of it.
 */
extern bool bf_hyperg_2f1_near_one(double a, double b, double c, double x, double y, double *out);
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
 * y = 1 - x given separately (no cancellation), by GSL's continued
 * fraction with log B(a, b) remembered (GSL's own call where it fails); the gamma
 * limit (Temme) when one shape exceeds 1e6 times the other plus one, its
 * P and Q by Temme's incomplete gamma (gamma_temme.h) where that applies;
 * Temme's expansion (DiDonato & Morris's BASYM) with both shapes >= 100
 * near the centre; a quadrature of the density where GSL fails with both
 * shapes large; NaN where no method is accurate to 1e-6.
 */
extern void bf_beta_inc_pq(double a, double b, double x, double y, double *P, double *Q);
/*
 * The continued fraction of the incomplete beta function for x < (a + 1) /
 * (a + b + 2) (special.c): I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) times it;
 * NaN when maxit steps did not converge.
 */
extern double bf_beta_cf(double a, double b, double x, int maxit);
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
/* The same to relative tolerance epsrel (the fit's search asks less: catalogue/entry.h, bf_accuracy). */
extern double bf_integrate_rel(double (*fn) (double, void *), void *par, double lo, double hi,
							   double epsrel);
/*
 * int_-inf^inf fn(w) dw for fn analytic in a strip around the real line,
 * nonnegative, unimodal and decaying at least exponentially, with its bulk
 * on a scale of about h0: the trapezoid rule (exponentially convergent for
 * such integrands: Trefethen & Weideman, SIAM Review 56(3), 2014) on the
 * nodes c + k h, its range fixed at h = h0 by walking out from c until a
 * node is below 1e-17 of the sum and falling, then h halved (the new nodes
 * only) until two successive sums agree within epsrel, from h = h0 / 2 on.
 * NaN when it has not converged within BF_TRAP_MAX_EVALS values of fn,
 * when the walk finds no mass within BF_TRAP_MAX_STEPS steps of c, or a
 * value is not finite: the caller then takes an adaptive rule
 * (bf_integrate_rel).  Agreement of two sums is evidence, not a bound.
 */
extern double bf_integrate_line_trapezoid(double (*fn) (double, void *), void *par, double c,
										  double h0, double epsrel);

/*
 * Where exp(lg) has fallen by more than drop from u0, stepping outward in
 * direction dir by doubling steps from w0, or the domain's end [lo, hi]:
 * the far end of a tail's quadrature.
 */
/* int_lo^hi exp(lg(u) - shift) du, by bf_integrate. */
extern double bf_integrate_exp(double (*lg) (double, const void *), const void *par, double shift,
							   double lo, double hi);
extern double bf_decay_end(double (*lg) (double, const void *), const void *par, double u0, int dir,
						   double w0, double drop, double lo, double hi);

/*
 * sin x, for arguments in [0, pi/2] (the polynomials hold on [-pi/4,
 * 3 pi/4]; outside that, libm's sin), for the hot loop of levy_stable's
 * integrals (catalogue/continuous/cauchy_stable.c: three sines per integrand
 * evaluation, some 17 million evaluations per fit on the zoo's normal
 * sketch; libm's sin took half of that fit's time).  Below pi/4 the odd minimax polynomial of degree 13 of fdlibm's
 * __kernel_sin; above, cos(x - pi/2) by the even one of degree 14 of its
 * __kernel_cos (Sun Microsystems' fdlibm 5.3, k_sin.c and k_cos.c, as musl
 * still uses them), with x - pi/2 in two parts (pi/2 = PIO2_1 + PIO2_1T,
 * PIO2_1 of 33 bits: x - PIO2_1 is exact) and 1 - z/2 compensated as in
 * musl's __cos.  Error measured against long double sinl on 5e7 points
 * (uniform on [0, pi/2], log-uniform towards 0 and towards pi/2): at most
 * 1.05 ulp (libm's sin 0.52 ulp), at about 4 ns a value against libm's 10
 * (test/unit/unitcheck.c, test_sin_quadrant, checks 2 ulp on 2e6 points).
 * The coefficients are fdlibm's, whose notice reads: "Copyright (C) 1993 by
 * Sun Microsystems, Inc. All rights reserved.  Developed at SunSoft, a Sun
 * Microsystems, Inc. business.  Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is
 * preserved."
 */
static inline double
bf_sin_quadrant(double x)
{
	static const double S1 = -1.66666666666666324348e-01,
				S2 = 8.33333333332248946124e-03,
				S3 = -1.98412698298579493134e-04,
				S4 = 2.75573137070700676789e-06,
				S5 = -2.50507602534068634195e-08,
				S6 = 1.58969099521155010221e-10,
				C1 = 4.16666666666666019037e-02,
				C2 = -1.38888888888741095749e-03,
				C3 = 2.48015872894767294178e-05,
				C4 = -2.75573143513906633035e-07,
				C5 = 2.08757232129817482790e-09,
				C6 = -1.13596475577881948265e-11,
				PIO2_1 = 1.57079632673412561417e+00,
				PIO2_1T = 6.07710050650619224932e-11;

	if (!(x >= -0.785398163397448279 && x <= 2.35619449019234492885))
		return sin(x);
	if (x <= 0.785398163397448279)
	{
		double		z = x * x,
					r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));

		return x + z * x * (S1 + z * r);
	}
	else
	{
		double		y = (x - PIO2_1) - PIO2_1T,
					z = y * y,
					r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6))))),
					hz = 0.5 * z,
					w = 1.0 - hz;

		return w + (((1.0 - w) - hz) + z * r);
	}
}

#endif							/* BESTFIT_NUMERICS_SPECIAL_H */
