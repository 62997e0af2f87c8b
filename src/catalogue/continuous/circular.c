/*
 * circular.c — laws of an angle: vonmises and vonmises_line (the
 * von Mises density exp(kappa cos z) / (2 pi I_0(kappa)) on [-pi, pi]; the
 * catalogue's vonmises is that density with loc the mean angle, identical
 * to vonmises_line, where scipy's is periodic on the real line) and
 * wrapcauchy (the Cauchy law wrapped onto [0, 2 pi]).  Both von Mises
 * tails are quadratures of the density (scipy uses Hill's series, Hill
 * 1977, ACM TOMS 3, accurate only in absolute terms).
 * References: Mardia & Jupp (2000, "Directional Statistics") sec. 3.5.
 *
 * Every entry reproduces scipy.stats 1.15: the same name, the same shape
 * parameters in the same order, the same standardized variable
 * z = (x - loc) / scale (see catalogue/entry.h for the conventions of an
 * entry's functions).  Each entry's header comment cites its formulas;
 * JKB1 / JKB2 are Johnson, Kotz & Balakrishnan, "Continuous Univariate
 * Distributions", vol. 1 (1994) and vol. 2 (1995).  Quantiles without a
 * closed form use bf_ppf_solve (numerics/quantile.c).  No PostgreSQL API:
 * the file also builds into test/cateval.
 */

#include <float.h>
#include <math.h>
#include <stdbool.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"


/* ------------------------------------------------------------------------
 * vonmises(kappa), vonmises_line(kappa): f(z) = exp(kappa cos z) /
 * (2 pi I_0(kappa)) on [-pi, pi] (scipy docs), as
 * exp(-2 kappa sin^2(z/2)) / (2 pi I0e(kappa)).  The tails are integrals of
 * the density: F(z) = T(-z) for z <= 0 and sf(z) = T(z) for z >= 0,
 * T(a) = int_a^pi f (GSL QAG, relative tolerance 1e-13), so both tails keep
 * full relative accuracy (scipy's series of Hill (1977) is accurate only in
 * absolute terms near -pi).  ppf by bf_ppf_solve.
 * scipy 1.10's vonmises is circular: its pdf is periodic on the real line
 * and its cdf grows by 1 per turn, so that its likelihood is unbounded as
 * scale -> 0 (scipy's own fit degenerates); as a fitted distribution it is
 * the density above on [-pi, pi], loc the mean angle, identical to
 * vonmises_line.
 * ------------------------------------------------------------------------
 */

static void
vonmises_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = -M_PI;
	*zhi = M_PI;
}

/*
 * Coordinates for the search towards vonmises' normal limit (entry.h,
 * ridge_moments; fit/optimiser.c, bf_minimize_moments_first): mean 0 and,
 * in place of the sd, 1 / sqrt(kappa + 3 / pi^2), which is the sd's limit at
 * both ends (1 / sqrt(kappa) as kappa -> infinity, Mardia & Jupp 2000 sec.
 * 3.5; pi / sqrt 3, the uniform's, at kappa = 0) and smooth and positive
 * between; its exact value (pi^2 / 3 + 4 sum_k (-1)^k I_k(kappa) /
 * (k^2 I_0(kappa))) needs some sqrt(kappa) terms that cancel.  These are
 * coordinates only: the likelihood does not use them.
 */
static void
vonmises_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	*mean = 0.0;
	*sd = 1.0 / sqrt(shape[0] + 3.0 / (M_PI * M_PI));
}

/*
 * log(2 pi I0e(kappa)), remembered for the last kappa (common.h, BfMemo):
 * a likelihood pass asks for it at every density value with one kappa, and
 * GSL's I0 and the log were most of the cost of a value
 */
static double
vonmises_lognorm(double kappa)
{
	static BfMemo memo;
	gsl_sf_result r;
	double		v;

	if (!bf_memo_get(&memo, &kappa, 1, &v))
		bf_memo_put(&memo, &kappa, 1,
					v = log(2.0 * M_PI * bf_gsl_value(gsl_sf_bessel_I0_scaled_e(kappa, &r), &r)));
	return v;
}

static double
vonmises_logpdf(const BfDist *self, double z, const double *shape)
{
	double		sn;

	if (isnan(z))
		return NAN;
	if (z < -M_PI || z > M_PI)
		return -INFINITY;
	sn = sin(0.5 * z);
	return -2.0 * shape[0] * sn * sn - vonmises_lognorm(shape[0]);
}

static double
vonmises_unnorm(double t, void *par)
{
	double		sn = sin(0.5 * t);

	return exp(-2.0 * (*(const double *) par) * sn * sn);
}

/*
 * int_a^pi f, 0 <= a <= pi.  The integral stops at a + D, D = 20 pi /
 * sqrt(kappa), where that is below pi: beyond, the integrand is below its
 * value at a times e^-(kappa (1 - cos D)) <= e^-(2 kappa D^2 / pi^2) =
 * e^-800 (cos a - cos(a + D) >= 1 - cos D while a + D <= pi).  Over [a, pi]
 * GSL's first rule missed the peak, 1 / sqrt(kappa) wide, at large kappa:
 * the cdf of vonmises(1e9) was 0 at -2 sd (mpmath 0.0231726), and fits at
 * kappa = 9.4e11 (a concentrated column) had 0 or 1 for every cdf value
 * until 2026-12-06.
 */
static double
vonmises_tail(double a, double kappa)
{
	double		k = kappa,
				I;

	if (a >= M_PI)
		return 0.0;
	I = bf_integrate(vonmises_unnorm, &k, a, fmin(M_PI, a + 20.0 * M_PI / sqrt(kappa)));
	return fmin(I * exp(-vonmises_lognorm(kappa)), 0.5);
}

static double
vonmises_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= -M_PI)
		return 0.0;
	if (z >= M_PI)
		return 1.0;
	if (z <= 0)
		return vonmises_tail(-z, shape[0]);
	return 1.0 - vonmises_tail(z, shape[0]);
}

static double
vonmises_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= -M_PI)
		return 1.0;
	if (z >= M_PI)
		return 0.0;
	if (z >= 0)
		return vonmises_tail(z, shape[0]);
	return 1.0 - vonmises_tail(-z, shape[0]);
}


static double
vonmises_ppf(const BfDist *self, double p, const double *shape)
{
	double		k = shape[0],
				guess = NAN;

	PPF_EDGES(self, p, shape);
	if (p == 0.5)
		return 0.0;
	if (k > 4.0)
	{
		guess = bf_ndtri(p) / sqrt(k);
		if (!(fabs(guess) < M_PI))
			guess = NAN;
	}
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * wrapcauchy(c), 0 < c < 1: on [0, 2 pi]
 * f(z) = (1 - c^2) / (2 pi (1 + c^2 - 2 c cos z)), the denominator as
 * (1 - c)^2 + 4 c sin^2(z/2) (no cancellation for c near 1);
 * with r = (1 + c)/(1 - c):  F = atan(r tan(z/2)) / pi for z < pi,
 * sf = atan(r tan(pi - z/2)) / pi for z >= pi (each tail direct, the other
 * side 1 - that); ppf = 2 atan(tan(pi p) / r) for p < 1/2,
 * 2 pi - 2 atan(tan(pi (1-p)) / r) above.
 * scipy.stats.wrapcauchy; Mardia & Jupp (2000), "Directional Statistics",
 * sec. 3.5.7.  Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static void
wrapcauchy_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = 2.0 * M_PI;
}

static double
wrapcauchy_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				s;

	if (isnan(z))
		return z;
	if (z < 0 || z > 2.0 * M_PI)
		return -INFINITY;
	s = sin(0.5 * z);
	return log((1.0 - c) * (1.0 + c)) - LN_2PI
		- log((1.0 - c) * (1.0 - c) + 4.0 * c * s * s);
}

static double
wrapcauchy_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				r = (1.0 + c) / (1.0 - c);

	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (z >= 2.0 * M_PI)
		return 1.0;
	if (z < M_PI)
		return atan(r * tan(0.5 * z)) / M_PI;
	return 1.0 - atan(r * tan(M_PI - 0.5 * z)) / M_PI;
}

static double
wrapcauchy_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				r = (1.0 + c) / (1.0 - c);

	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (z >= 2.0 * M_PI)
		return 0.0;
	if (z < M_PI)
		return 1.0 - atan(r * tan(0.5 * z)) / M_PI;
	return atan(r * tan(M_PI - 0.5 * z)) / M_PI;
}

static double
wrapcauchy_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				r = (1.0 + c) / (1.0 - c);

	PPF_EDGES(self, p, shape);
	if (p < 0.5)
		return 2.0 * atan(tan(M_PI * p) / r);
	return 2.0 * M_PI - 2.0 * atan(tan(M_PI * (1.0 - p)) / r);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_circular[] = {
	{
		.name = "vonmises", .nshapes = 1, .shapes = {{"kappa", {0.0, INFINITY, true, false}, .limit_lo = "uniform", .limit_hi = "norm"}},
		.description = "von Mises distribution on [-pi, pi] (loc the mean angle); scipy.stats.vonmises; "
		"Mardia & Jupp (2000) sec. 3.5; Hill (1977), ACM TOMS 3",
		.support_text = "loc - pi*scale <= x <= loc + pi*scale",
		.support = vonmises_support, BF_FNS(vonmises),
		.fit = {
			.expensive = false,
			.ngrid = {5}, .grid = {{0.3, 1.0, 2.5, 6.0, 20.0}},
			.bin_quadrature = true,
			.ridge_moments = vonmises_moments, .moment_search = true, .moment_search_from = 2.0
		}
	},
	{
		.name = "vonmises_line", .nshapes = 1, .shapes = {{"kappa", {0.0, INFINITY, true, false}, .limit_lo = "uniform", .limit_hi = "norm"}},
		.description = "von Mises distribution as a distribution on the line segment [-pi, pi]; "
		"scipy.stats.vonmises_line; Mardia & Jupp (2000) sec. 3.5",
		.support_text = "loc - pi*scale <= x <= loc + pi*scale",
		.support = vonmises_support, BF_FNS(vonmises),
		.fit = {
			.expensive = false,
			.ngrid = {5}, .grid = {{0.3, 1.0, 2.5, 6.0, 20.0}},
			.bin_quadrature = true,
			.ridge_moments = vonmises_moments, .moment_search = true, .moment_search_from = 2.0
		}
	},
	{
		.name = "wrapcauchy", .nshapes = 1, .shapes = {{"c", DOM_OPEN_UNIT, .limit_lo = "uniform"}},
		.description = "Wrapped Cauchy distribution; scipy.stats.wrapcauchy; Mardia & Jupp (2000), Directional Statistics, sec. 3.5",
		.support_text = "loc <= x <= loc + 2*pi*scale",
		.support = wrapcauchy_support, BF_FNS(wrapcauchy),
		.fit = {.ngrid = {5}, .grid = {{0.1, 0.3, 0.5, 0.7, 0.9}}}
	},
};

const int	bf_family_circular_size = sizeof(bf_family_circular) / sizeof(bf_family_circular[0]);
