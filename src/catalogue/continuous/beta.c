/*
 * beta.c — the beta family and its transformations on a bounded or
 * half-line support: beta, betaprime (z / (1 + z) is beta), f (a scaled
 * betaprime: Fisher's F), arcsine (beta(1/2, 1/2)), powerlaw (beta(a, 1)),
 * rdist (a symmetric beta on [-1, 1]), semicircular (Wigner's law, rdist
 * with c = 3) and gausshyper (the Gauss hypergeometric generalisation of
 * beta, Armero & Bayarri).  Each cdf is (or reduces to) the regularized
 * incomplete beta function I_x(a, b).
 * References: JKB2 ch. 25 (beta, arcsine, powerlaw), ch. 27 (F);
 * Armero & Bayarri (1994, The Statistician 43) for gausshyper.
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
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_hyperg.h>
#include <gsl/gsl_sf_lambert.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"


/* ------------------------------------------------------------------------
 * beta(a, b): f(z) = z^(a-1) (1-z)^(b-1) / B(a, b), 0 <= z <= 1;
 * F = I_z(a, b), sf = I_{1-z}(b, a) (GSL incomplete beta); ppf by Newton
 * from bf_beta_inv_guess (GSL's gsl_cdf_beta_Pinv / _Qinv where they return).  scipy.stats.beta; JKB2 ch. 25.
 * ------------------------------------------------------------------------
 */

static double
beta_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1];
	if (z < 0 || z > 1)
		return -INFINITY;
	return bf_xlogy(a - 1.0, z) + bf_xlog1py(b - 1.0, -z) - bf_lnbeta(a, b);
}

static double
beta_cdf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	bf_beta_inc_pq(shape[0], shape[1], z, 1.0 - z, &P, &Q);
	return P;
}

static double
beta_sf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	bf_beta_inc_pq(shape[0], shape[1], z, 1.0 - z, &P, &Q);
	return Q;
}


static double
beta_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	/*
	 * The start value: GSL's inverse where it returns, the limit laws beyond
	 * (bf_beta_inv_guess: GSL's loops for huge shapes, out of reach of any
	 * cancel); bf_ppf_solve polishes it.
	 */
	return bf_ppf_solve(self, shape, p, bf_beta_inv_guess(p, shape[0], shape[1]));
}

/*
 * The fit's search keeps both shapes of beta, betaprime and f <=
 * BETA_FIT_MAX_SHAPE (entry.h, fit_max).  Each shape's upper end is a
 * limiting family (beta's b -> infinity: gamma, JKB2 ch. 25), and on data
 * near that family (the normal, gamma-like data) the likelihood rises
 * along the ridge towards it without end.  Until 2026-12-02 the incomplete
 * beta was wrong there (bf_beta_inc_pq: up to 10 % at b ~ 1e16) and its
 * wrong values happened to fence the searches in; with correct values they
 * ran to b ~ 1e308 and cost up to 25 times more (f on the zoo's normal
 * sketch 53 ms -> 1.2 s).  1e10 and not less: the beta's deviation from
 * its gamma limit in the tail is about (x / theta)^2 / (2 b) at x / theta
 * gamma scales, and on the zoo's lognorm s = 3 sketch (x / theta up to
 * 5e3) the fit still gained 17 log-likelihood units from b = 1e6 to 1e8
 * and 4 more to 1e10.  A fit at the cap is far beyond BF_EDGE_BIG, so its
 * warning says it is numerically the limit.
 */
#ifndef BETA_FIT_MAX_SHAPE
#define BETA_FIT_MAX_SHAPE 1e10
#endif

/*
 * Pearson's method of moments for all four parameters of a beta (Pearson's
 * type I; JKB2 ch. 25 sec. 4, Elderton & Johnson, Systems of Frequency
 * Curves, 1969; scipy.stats.beta._fitstart solves the same two equations
 * for a, b): from the sample skewness g1 and excess kurtosis g2,
 *   nu = a + b = 3 (g2 - g1^2 + 2) / (1.5 g1^2 - g2),
 *   a, b = nu/2 (1 -/+ 1 / sqrt(1 + 16 (nu + 1) / ((nu + 2)^2 g1^2)))
 * (a the smaller when g1 > 0), and the ends lie sqrt(a (nu + 1) / b) data sd
 * below the mean and sqrt(b (nu + 1) / a) above it.  At or above Pearson's
 * type III line g2 = 1.5 g1^2 (a gamma, or the normal at g1 = 0: the limits
 * of the beta) no beta has these moments; nu is then taken as
 * BETA_PEARSON_MAX_NU, the beta nearest that limit, and so is any larger
 * nu (bf_finish_start keeps a start's shapes within 1e6 of their domain's
 * end without moving loc and scale: at nu = 1e8 the start's sd was 7 times
 * the data's, and gausshyper's grid won over it).  Returns false where the moments give no beta
 * (g2 <= g1^2 - 2, impossible for a sample; or not finite).  What it does
 * not account for: sample moments of heavy-tailed data are noisy, so this is
 * only used to tell near-normal data (both ends far beyond the data) and to
 * start from there.
 */
#define BETA_PEARSON_MAX_NU 1e6
static bool
beta_pearson(const BfDataSummary *s, double *a, double *b, double *dlo, double *dhi)
{
	double		g1 = s->skew,
				g2 = s->kurt,
				den = 1.5 * g1 * g1 - g2,
				nu = (den > 0) ? 3.0 * (g2 - g1 * g1 + 2.0) / den : 1e8,
				r;

	if (!(isfinite(g1) && isfinite(g2) && isfinite(nu) && nu > 0))
		return false;
	nu = fmin(nu, BETA_PEARSON_MAX_NU);
	r = (g1 != 0) ? 1.0 / sqrt(1.0 + 16.0 * (nu + 1.0) / ((nu + 2.0) * (nu + 2.0) * g1 * g1)) : 0.0;
	*a = 0.5 * nu * (1.0 - (g1 > 0 ? r : -r));
	*b = nu - *a;
	if (!(*a > 0 && *b > 0))
		return false;
	*dlo = sqrt(*a * (nu + 1.0) / *b);
	*dhi = sqrt(*b * (nu + 1.0) / *a);
	return isfinite(*dlo) && isfinite(*dhi);
}

/*
 * beta: loc = min - margin, scale = range + 2 margin (or the fixed values),
 * then the method of moments on y = (x - loc) / scale:
 * a = my k, b = (1 - my) k with k = my (1 - my) / vy - 1.
 * With no parameter fixed and data whose skewness and kurtosis put both
 * ends of Pearson's four-moment beta (beta_pearson) more than
 * BETA_FAR_ENDS data sd beyond the data (near-normal data), that beta
 * instead: the start of the search in moment coordinates (beta_moments),
 * which follows the ridge a, b -> infinity towards the normal limit that
 * the usual coordinates climb slowly (fit/optimiser.c,
 * bf_minimize_moments_first; the entry's moment_search_from).
 */
#define BETA_FAR_ENDS 2.0

/*
 * Pearson's four-moment beta as a start (beta_start, gausshyper_start):
 * when every parameter is free and both of its ends lie more than
 * BETA_FAR_ENDS data sd beyond the data (near-normal data), its a, b (at
 * most BETA_FIT_MAX_SHAPE), loc and scale in ab[0..3], true; else false.
 */
static bool
beta_pearson_start(const BfDataSummary *s, const double *fx, int np, double *ab)
{
	double		pa,
				pb,
				dlo,
				dhi;

	for (int i = 0; i < np; i++)
		if (!isnan(fx[i]))
			return false;
	if (!(s->sd > 0) || !beta_pearson(s, &pa, &pb, &dlo, &dhi) ||
		!(s->mean - dlo * s->sd < s->min - BETA_FAR_ENDS * s->sd) ||
		!(s->mean + dhi * s->sd > s->max + BETA_FAR_ENDS * s->sd))
		return false;
	ab[0] = fmin(pa, BETA_FIT_MAX_SHAPE);
	ab[1] = fmin(pb, BETA_FIT_MAX_SHAPE);
	ab[2] = s->mean - dlo * s->sd;
	ab[3] = (dlo + dhi) * s->sd;
	return true;
}

static void
beta_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		a = fx[0],
				b = fx[1],
				loc = fx[2],
				scale = fx[3],
				m = bf_data_margin(s),
				my,
				vy,
				k;

	if (beta_pearson_start(s, fx, 4, out))
	{
		bf_finish_start(self, s, fx, out);
		return;
	}
	if (isnan(loc) && isnan(scale))
	{
		loc = s->min - m;
		scale = s->max - s->min + 2.0 * m;
	}
	else if (isnan(loc))
		loc = fmin(s->min - m, 0.5 * (s->min + s->max) - 0.5 * scale);
	else if (isnan(scale))
		scale = s->max - loc + m;
	my = (bf_data_center(s) - loc) / scale;
	vy = bf_data_var(s) / (scale * scale);
	k = my * (1.0 - my) / vy - 1.0;
	if (!(isfinite(k) && k > 0 && my > 0 && my < 1))
	{
		my = 0.5;
		k = 1.0;
	}
	if (isnan(a) && isnan(b))
	{
		a = my * k;
		b = (1.0 - my) * k;
	}
	else if (isnan(a))
		a = b * my / (1.0 - my);
	else if (isnan(b))
		b = a * (1.0 - my) / my;
	out[0] = bf_clampd(a, 0.05, 1e4);
	out[1] = bf_clampd(b, 0.05, 1e4);
	out[2] = loc;
	out[3] = scale;
	bf_finish_start(self, s, fx, out);
}


/*
 * Mean and sd of the standard beta (entry.h, ridge_moments; the search's
 * moment coordinates): a / (a + b) and sqrt(a b / ((a + b)^2 (a + b + 1)))
 * (JKB2 ch. 25 sec. 3).
 */
static void
beta_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	double		a = shape[0],
				b = shape[1],
				nu = a + b;

	*mean = a / nu;
	*sd = sqrt(a / nu * (b / nu) / (nu + 1.0));
}


/* ------------------------------------------------------------------------
 * betaprime(a, b): f(z) = z^(a-1) (1+z)^(-a-b) / B(a, b), z > 0;
 * F = I_x(a, b) with x = z / (1+z), 1 - x = 1 / (1+z) passed exactly
 * (bf_beta_inc_pq), sf its complement.  Source: scipy.stats.betaprime
 * (_continuous_distns.py); JKB2 ch. 25 sec. 7.  ppf: bf_ppf_solve from
 * bf_beta_inv_guess (lower) / of 1 - x with the shapes swapped (upper).
 * Accuracy: ~1e-14 relative against scipy on the reference grid.
 * ------------------------------------------------------------------------
 */

static double
betaprime_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1];

	if (isnan(z))
		return z;
	if (z < 0 || isinf(z))
		return -INFINITY;
	return bf_xlogy(a - 1.0, z) - bf_xlog1py(a + b, z) - bf_lnbeta(a, b);
}

static void
betaprime_pq(double z, const double *shape, double *P, double *Q)
{
	if (isnan(z))
	{
		*P = *Q = NAN;
		return;
	}
	if (z <= 0)
	{
		*P = 0.0;
		*Q = 1.0;
		return;
	}
	if (isinf(z))
	{
		*P = 1.0;
		*Q = 0.0;
		return;
	}
	bf_beta_inc_pq(shape[0], shape[1], z / (1.0 + z), 1.0 / (1.0 + z), P, Q);
}

static double
betaprime_cdf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	betaprime_pq(z, shape, &P, &Q);
	return P;
}

static double
betaprime_sf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	betaprime_pq(z, shape, &P, &Q);
	return Q;
}


static double
betaprime_ppf(const BfDist *self, double p, const double *shape)
{
	double		guess,
				x;

	PPF_EDGES(self, p, shape);
	if (p <= 0.5)
	{
		x = bf_beta_inv_guess(p, shape[0], shape[1]);
		guess = x / (1.0 - x);
	}
	else
	{
		x = bf_beta_inv_guess(1.0 - p, shape[1], shape[0]);	/* 1 / (1+z) */
		guess = (1.0 - x) / x;
	}
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * f(dfn, dfd): f(z) = (n/m) g(n z / m) with g the betaprime(n/2, m/2)
 * density (n = dfn, m = dfd), z > 0; F = I_x(n/2, m/2) with
 * x = n z / (m + n z), 1 - x = m / (m + n z) (cephes fdtr / fdtrc).
 * Source: scipy.stats.f; JKB2 ch. 27.  ppf: bf_ppf_solve from
 * bf_beta_inv_guess (GSL's inverse incomplete beta where it returns).  Accuracy: ~1e-14 relative.
 * ------------------------------------------------------------------------
 */

static double
f_logpdf(const BfDist *self, double z, const double *shape)
{
	double		n = shape[0],
				m = shape[1],
				u;

	if (isnan(z))
		return z;
	if (z < 0 || isinf(z))
		return -INFINITY;
	u = n * z / m;
	if (isinf(u))
	{
		/*
		 * z near DBL_MAX: u overflows, but log u = log(n/m) + log z is
		 * finite and log1p(u) = log u + log1p(1/u), 1/u = exp(-log u)
		 */
		double		lu = log(n / m) + log(z);

		return log(n / m) + (0.5 * n - 1.0) * lu - 0.5 * (n + m) * (lu + log1p(exp(-lu)))
			- bf_lnbeta(0.5 * n, 0.5 * m);
	}
	return log(n / m) + bf_xlogy(0.5 * n - 1.0, u) - bf_xlog1py(0.5 * (n + m), u)
		- bf_lnbeta(0.5 * n, 0.5 * m);
}

static void
f_pq(double z, const double *shape, double *P, double *Q)
{
	double		n = shape[0],
				m = shape[1];

	if (isnan(z))
	{
		*P = *Q = NAN;
		return;
	}
	if (z <= 0)
	{
		*P = 0.0;
		*Q = 1.0;
		return;
	}
	if (isinf(z))
	{
		*P = 1.0;
		*Q = 0.0;
		return;
	}
	if (isinf(n * z))
	{
		/*
		 * z near DBL_MAX: n z overflows (inf / inf); there x = 1 and
		 * y = m / (m + n z) = (m / n) / z to double precision (m << n z)
		 */
		bf_beta_inc_pq(0.5 * n, 0.5 * m, 1.0, (m / n) / z, P, Q);
		return;
	}
	bf_beta_inc_pq(0.5 * n, 0.5 * m, n * z / (m + n * z), m / (m + n * z), P, Q);
}

static double
f_cdf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	f_pq(z, shape, &P, &Q);
	return P;
}

static double
f_sf(const BfDist *self, double z, const double *shape)
{
	double		P,
				Q;

	f_pq(z, shape, &P, &Q);
	return Q;
}


static double
f_ppf(const BfDist *self, double p, const double *shape)
{
	double		n = shape[0],
				m = shape[1],
				x,
				guess;

	PPF_EDGES(self, p, shape);
	if (p <= 0.5)
	{
		x = bf_beta_inv_guess(p, 0.5 * n, 0.5 * m);
		guess = m * x / (n * (1.0 - x));
	}
	else
	{
		x = bf_beta_inv_guess(1.0 - p, 0.5 * m, 0.5 * n);	/* m / (m + n z) */
		guess = m * (1.0 - x) / (n * x);
	}
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * arcsine, 0 <= z <= 1:
 *   f(z) = 1 / (pi sqrt(z (1 - z))),  F(z) = (2/pi) asin(sqrt(z)),
 *   sf(z) = (2/pi) asin(sqrt(1 - z)),  ppf(p) = sin^2(pi p / 2).
 * Source: scipy.stats.arcsine; JKB2 ch. 25 (beta(1/2, 1/2)).  Numerics:
 * each tail from its own end; ppf above 1/2 as 1 - sin^2(pi (1 - p) / 2).
 * Accuracy: ~1e-16 relative.
 * ------------------------------------------------------------------------
 */

static double
arcsine_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;				/* NaN in, NaN out (the test below would say -Infinity) */
	if (!(z > 0 && z < 1))
		return -INFINITY;
	return -LN_PI - 0.5 * (log(z) + log1p(-z));
}

static double
arcsine_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	if (z > 0.5)
		return 1.0 - M_2_PI * asin(sqrt(1.0 - z));
	return M_2_PI * asin(sqrt(z));
}

static double
arcsine_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	if (z < 0.5)
		return 1.0 - M_2_PI * asin(sqrt(z));
	return M_2_PI * asin(sqrt(1.0 - z));
}

static double
arcsine_ppf(const BfDist *self, double p, const double *shape)
{
	double		s;

	PPF_EDGES(self, p, shape);
	if (p > 0.5)
	{
		s = sin(M_PI_2 * (1.0 - p));
		return 1.0 - s * s;
	}
	s = sin(M_PI_2 * p);
	return s * s;
}

/*
 * arcsine: the density is infinite at both ends, so the MLE of loc and
 * scale puts the ends at the sample's extremes: loc = min - margin, scale =
 * range + 2 margin (or the fixed values).
 */
static void
arcsine_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		m = bf_data_margin(s),
				loc = fx[0],
				scale = fx[1];

	if (isnan(loc) && isnan(scale))
	{
		loc = s->min - m;
		scale = s->max - s->min + 2.0 * m;
	}
	else if (isnan(loc))
		loc = fmin(s->min - m, 0.5 * (s->min + s->max) - 0.5 * scale);
	else if (isnan(scale))
		scale = s->max - loc + m;
	out[0] = loc;
	out[1] = scale;
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * powerlaw(a), a > 0: on [0, 1], f(z) = a z^(a-1), F = z^a,
 * sf = -expm1(a log z), ppf = p^(1/a) (exp(log1p(-(1-p)) / a) above 1/2).
 * As in scipy, z = 0 is outside the support when a < 1 (density 0 there).
 * scipy.stats.powerlaw; Johnson, Kotz & Balakrishnan (1995) ch. 25.
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
powerlaw_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0];

	if (isnan(z))
		return z;
	if (z < 0 || z > 1 || (z == 0 && a < 1))
		return -INFINITY;
	return log(a) + bf_xlogy(a - 1.0, z);
}

static double
powerlaw_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	return exp(shape[0] * log(z));
}

static double
powerlaw_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return -expm1(shape[0] * log(z));
}

static double
powerlaw_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(bf_log_prob(p) / shape[0]);
}


/* ------------------------------------------------------------------------
 * rdist(c), c > 0 (R distribution): on [-1, 1]
 * f(z) = (1 - z^2)^(c/2 - 1) / B(1/2, c/2), i.e. (1 + z)/2 ~ beta(c/2, c/2);
 * F = I_x(c/2, c/2) with x = (1 + z)/2 and 1 - x = (1 - z)/2 passed
 * separately (bf_beta_inc_pq, GSL's incomplete beta), sf likewise;
 * log f uses log1p(-z) + log1p(z).  ppf: symmetric, ppf(p) = -ppf(1 - p),
 * by bf_ppf_solve from bf_beta_inv_guess.
 * scipy.stats.rdist; Johnson, Kotz & Balakrishnan (1995) ch. 25.
 * Relative error ~1e-14 (GSL's incomplete beta).
 * ------------------------------------------------------------------------
 */

/*
 * Mean and sd of the standard rdist (entry.h, ridge_moments: the search's
 * moment coordinates towards its normal limit c -> infinity): 0 and
 * 1 / sqrt(c + 1) (a symmetric beta(c/2, c/2) on [-1, 1]; JKB2 ch. 25).
 */
static void
rdist_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	*mean = 0.0;
	*sd = 1.0 / sqrt(shape[0] + 1.0);
}

static void
rdist_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = -1.0;
	*zhi = 1.0;
}

static double
rdist_logpdf(const BfDist *self, double z, const double *shape)
{
	double		h = 0.5 * shape[0];

	if (isnan(z))
		return z;
	if (z < -1 || z > 1)
		return -INFINITY;
	return bf_xlog1py(h - 1.0, -z) + bf_xlog1py(h - 1.0, z) - bf_lnbeta(0.5, h);
}

static double
rdist_cdf(const BfDist *self, double z, const double *shape)
{
	double		h = 0.5 * shape[0],
				P,
				Q;

	if (isnan(z))
		return z;
	if (z <= -1)
		return 0.0;
	if (z >= 1)
		return 1.0;
	bf_beta_inc_pq(h, h, 0.5 * (1.0 + z), 0.5 * (1.0 - z), &P, &Q);
	return P;
}

static double
rdist_sf(const BfDist *self, double z, const double *shape)
{
	return rdist_cdf(self, -z, shape);
}


static double
rdist_ppf(const BfDist *self, double p, const double *shape)
{
	double		h = 0.5 * shape[0],
				guess;

	PPF_EDGES(self, p, shape);
	if (p == 0.5)
		return 0.0;
	if (p > 0.5)
		return -rdist_ppf(self, 1.0 - p, shape);
	guess = 2.0 * bf_beta_inv_guess(p, h, h) - 1.0;
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * semicircular (Wigner semicircle): on [-1, 1], f(z) = (2/pi) sqrt(1 - z^2);
 * scipy's F = 1/2 + (z sqrt(1 - z^2) + asin z) / pi.  With phi = acos z and
 * t = 2 phi:  sf = (t - sin t) / (2 pi), by its Taylor series
 * t^3/6 - t^5/120 + ... for t < 1 (no cancellation near z = 1), and
 * F(z) = sf(-z).  ppf by bf_ppf_solve from the small-t inverse
 * t = (12 pi p)^(1/3).  scipy.stats.semicircular; Johnson, Kotz &
 * Balakrishnan (1995) ch. 25 (beta(3/2, 3/2) on [-1, 1]).
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
semicircular_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z < -1 || z > 1)
		return -INFINITY;
	return M_LN2 - LN_PI + 0.5 * (log1p(-z) + log1p(z));
}

/* (t - sin t) / (2 pi) for 0 <= t <= 2 pi */
static double
semicircular_tail(double t)
{
	double		t2 = t * t,
				term,
				sum;
	int			n;

	if (t >= 1.0)
		return (t - sin(t)) / (2.0 * M_PI);
	/* t^3/3! - t^5/5! + t^7/7! - ... */
	term = t * t2 / 6.0;
	sum = term;
	for (n = 4; n < 40; n += 2)
	{
		term *= -t2 / (n * (n + 1.0));
		sum += term;
		if (fabs(term) < 1e-17 * sum)
			break;
	}
	return sum / (2.0 * M_PI);
}

static double
semicircular_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= -1)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return semicircular_tail(2.0 * acos(z));
}

static double
semicircular_cdf(const BfDist *self, double z, const double *shape)
{
	return semicircular_sf(self, -z, shape);
}

static void
semicircular_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = -1.0;
	*zhi = 1.0;
}


static double
semicircular_ppf(const BfDist *self, double p, const double *shape)
{
	double		t;

	PPF_EDGES(self, p, shape);
	if (p == 0.5)
		return 0.0;
	if (p > 0.5)
		return -semicircular_ppf(self, 1.0 - p, shape);
	t = fmin(cbrt(12.0 * M_PI * p), M_PI);
	return bf_ppf_solve(self, shape, p, -cos(0.5 * t));
}


/* ------------------------------------------------------------------------
 * gausshyper(a, b, c, z): Gauss hypergeometric distribution,
 * scipy.stats.gausshyper (Armero & Bayarri (1994), The Statistician 43,
 * 139): f(x) = C x^(a-1) (1-x)^(b-1) (1 + z x)^(-c), 0 <= x <= 1,
 * 1/C = B(a, b) 2F1(c, a; a+b; -z).  2F1 by GSL (gsl_sf_hyperg_2F1_e),
 * for z > 1/2 via Pfaff's transformation 2F1(c, a; a+b; -z) =
 * (1+z)^-c 2F1(c, b; a+b; z/(1+z)) so that the argument lies in (-1, 1/2].
 * cdf and sf: GSL integration of the density, each tail directly.  Below
 * x = 1/2 the integral from 0 by QAWS (weight t^(a-1), the algebraic
 * singularity exact; from a = 2 only the fractional part of a - 1 in the
 * weight: gausshyper_weight_power), above 1/2 the integral to 1 by QAWS
 * (weight (1-t)^(b-1), likewise); the piece between x and 1/2 by QAGS, in the variable
 * log t when it spans more than a factor 2 (gausshyper_integral); a piece
 * at an end narrower than 1e-7 of the integrand's scale by two terms of a
 * series; cdf(x) for x <= 1/2 and sf(x) for x >= 1/2 are single
 * integrals, the other tails 1 minus those where they are at most 1/2
 * (since 2026-12-06; gausshyper_tail), else the sum of two (no
 * subtraction), relative tolerance 1e-12.  ~1e-12 relative (test/unit: against mpmath for
 * z = 2 .. 1.7e6).  Where z / (1 + z) >= 0.9 and c >= 0, 2F1 comes from its
 * transformation to 1 - x = 1 / (1 + z) (A&S 15.3.6,
 * bf_hyperg_2f1_near_one in numerics/special.c) whenever that keeps 1e-11:
 * there GSL sums the series in x itself, some 36 (1 + z) terms (5-180 us a
 * call, a third of gausshyper's CPU on the zoo's lognormal s = 3 and
 * mixture sketches), or takes 1 - x in floating point, which cost up to
 * 3.8e-7 relative on random points near x = 1 and 1.6e-6 at an earlier fit
 * to the zoo's Pareto sketch (z = 1.55e8: 1.6 log-likelihood units), and
 * failed at a = 0.51, b = 9.5, c = 0.97, z = 1e4 (every value was NaN);
 * since the fortieth session.  Where the transformation's
 * terms cancel beyond its bound (a - c, its c - a - b, near an integer; a -
 * c above 1 with b large: most calls on the zoo's mixture sketch), or where
 * c < 0, GSL's 2F1 as before, which may still fail (NaN: never a wrong
 * probability).  Where b is large against z
 * (b >= 50, z >= 9 and b log(1 + 1/z) >= 20), 1/C comes instead from
 * t = 1 - e^(-u), s = b u:
 *   B(a, b) 2F1(c, a; a+b; -z) = b^-a int_0^inf s^(a-1) e^-s g(s/b) ds,
 *   g(u) = ((1 - e^-u)/u)^(a-1) (1 + z (1 - e^-u))^-c,
 * by generalized Gauss-Laguerre quadrature (weight s^(a-1) e^-s: GSL's
 * fixed-point rules, gsl_integration_fixed_laguerre; Abramowitz & Stegun
 * 25.4.45): g is analytic, its nearest singularity at s = -b log(1 + 1/z),
 * at least 20 from the weight's bulk, so 8 and 12 points agree, and their
 * results must, to 1e-14 relative, else GSL's 2F1 as above. There GSL's 2F1
 * argument z/(1+z) is above 0.9 and within 1/(20 b) of 1, where its series
 * and reflection cost 20-110 us (gausshyper's search on the zoo's Pareto
 * sketch walks b to 1e4 and z to 200: half its CPU) and lose up to 4e-10 of
 * log C; the rules cost about 8 us together and agree with mpmath's hyp2f1
 * at 40 digits to 1e-15 at the points checked (test/unit,
 * test_gausshyper_laguerre, tolerance 1e-13).  Not below z = 9, where GSL is
 * fast: on the zoo's gamma sketch (z = -0.8, b = 300) the rules, equal to
 * GSL's value to 1e-15 there, moved the search along its flat ridge to a
 * point 7.6 log-likelihood units lower. Only where GSL's value cannot
 * overflow (|c| log(1 + z) < 600); where GSL failed there for other reasons
 * (NaN: a shape the search could not enter) the rules now give the value,
 * and on 36 stored sketches only gausshyper's fit on the Pareto sketch
 * changed (its log-likelihood the same, 9 fewer evaluations, 204 -> 112 ms).
 * The rules stop at 12 points: where c is negative enough that (1 + z t)^-c
 * cancels the weight's decay ((3.5, 2000, -40, 50)) they disagree and GSL's
 * 2F1 answers (NaN there). The normalisation could
 * come from the same integrals instead; tried on 2026-12-02, it opened
 * the search to the shapes where the 2F1 fails and moved 10 of 23 fits
 * on stored sketches by -8,588 to +4,075 units (a flat, multimodal
 * likelihood), so it waits for a search that copes.
 * ------------------------------------------------------------------------
 */

typedef struct
{
	double		a,
				b,
				c,
				z;
	double		pa,				/* the powers of t and 1 - t in the integrand: a - 1 and */
				pb;				/* b - 1 less what a QAWS weight takes (gausshyper_integral) */
	double		shift;			/* subtracted from the log integrand (gausshyper_log_peak) */
} GhParams;

static double
gausshyper_integrand(double t, void *vp)
{
	GhParams   *g = (GhParams *) vp;
	double		l = -g->c * log1p(g->z * t) - g->shift;

	/* a power 0 is left out: 0 log 0 would be NaN at an end QAWS samples */
	if (g->pa != 0.0)
		l += g->pa * log(t);
	if (g->pb != 0.0)
		l += g->pb * log1p(-t);
	return exp(l);
}

/*
 * The exponent of QAWS's algebraic weight for a power p = a - 1 or b - 1
 * of the density at an end: p itself when below 1, else its fractional
 * part, the whole part staying in the integrand as a smooth power.  With
 * the whole power in the weight, GSL's QAWS returned NaN or values far
 * off once it was large (the cdf of gausshyper(38.46, 0.172, 54.5, 12.1)
 * at 0.15: NaN, mpmath 0.148236062961; of gausshyper(75.1, 0.02, 83.7,
 * 268.5) at 0.0146: 1 where the sf gave 0.9946; at 688 of the 2,032 edges
 * of a fit to 1,000,000 exponentially modified normal draws: NaN; since
 * 2026-12-06).  Exact: for p >= 1, p - floor(p) is exact in floating point.
 */
static double
gausshyper_weight_power(double p)
{
	return p < 1.0 ? p : p - floor(p);
}

/* the integrand in u = log t: f(e^u) e^u */
typedef struct
{
	GhParams   *g;
} GhLog;

static double
gausshyper_integrand_log(double u, void *vp)
{
	double		t = exp(u);

	return gausshyper_integrand(t, ((GhLog *) vp)->g) * t;
}

/*
 * log(1/C) = log(B(a, b) 2F1(c, a; a+b; -z)) by n-point generalized
 * Gauss-Laguerre quadrature in s = -b log(1 - t) (the header); NaN when
 * GSL cannot build the rule.
 */
static double
gausshyper_log_norm_rule(double a, double b, double c, double z, int n)
{
	gsl_integration_fixed_workspace *w =
		gsl_integration_fixed_alloc(gsl_integration_fixed_laguerre, n, 0.0, 1.0, a - 1.0, 0.0);
	const double *x,
			   *wt;
	double		sum = 0.0;

	if (w == NULL)
		return NAN;
	x = gsl_integration_fixed_nodes(w);
	wt = gsl_integration_fixed_weights(w);
	for (int k = 0; k < n; k++)
	{
		double		u = x[k] / b,
					t = -expm1(-u);

		sum += wt[k] * exp((a - 1.0) * log(t / u) - c * log1p(z * t));
	}
	gsl_integration_fixed_free(w);
	return log(sum) - a * log(b);
}

/*
 * log(1/C) by the rules above where b is large against z (the header): true
 * with *v set when the 8- and 12-point rules agree to 1e-14 relative in
 * 1/C; false (GSL's 2F1 then) outside that regime or when they do not.
 */
static bool
gausshyper_log_norm_laguerre(double a, double b, double c, double z, double *v)
{
	double		l8,
				l12;

	if (!(b >= 50.0) || !(z >= 9.0) || !(b * log1p(1.0 / z) >= 20.0) ||
		!(fabs(c) * log1p(z) < 600.0))
		return false;
	l8 = gausshyper_log_norm_rule(a, b, c, z, 8);
	l12 = gausshyper_log_norm_rule(a, b, c, z, 12);
	if (!isfinite(l8) || !isfinite(l12) || !(fabs(l12 - l8) <= 1e-14))
		return false;
	*v = l12;
	return true;
}

/* log C (memoised: constant during a likelihood pass) */
static double
gausshyper_logC(const double *shape)
{
	static BfMemo memo;
	double		v;
	double		a = shape[0],
				b = shape[1],
				c = shape[2],
				z = shape[3],
				lB,
				l2;
	gsl_sf_result r;
	int			st;

	if (bf_memo_get(&memo, shape, 4, &v))
		return v;
	if (gausshyper_log_norm_laguerre(a, b, c, z, &v))
	{
		bf_memo_put(&memo, shape, 4, -v);
		return -v;
	}
	lB = bf_lngamma(a) + bf_lngamma(b) - bf_lngamma(a + b);
	if (z <= 0.5)
	{
		st = gsl_sf_hyperg_2F1_e(c, a, a + b, -z, &r);
		l2 = log(bf_gsl_value(st, &r));
	}
	else if (bf_hyperg_2f1_near_one(c, b, a + b, z / (1.0 + z), 1.0 / (1.0 + z), &v))
		l2 = -c * log1p(z) + log(v);
	else
	{
		st = gsl_sf_hyperg_2F1_e(c, b, a + b, z / (1.0 + z), &r);
		l2 = -c * log1p(z) + log(bf_gsl_value(st, &r));
	}
	bf_memo_put(&memo, shape, 4, -(lB + l2));
	return -(lB + l2);
}

/* integral of the unnormalized density times e^-shift over [lo, hi] inside [0, 1] */
static double
gausshyper_integral(const double *shape, double lo, double hi, double shift)
{
	GhParams	g = {shape[0], shape[1], shape[2], shape[3], shape[0] - 1.0, shape[1] - 1.0, shift};
	gsl_function F;
	gsl_integration_workspace *w;
	/* err stays infinite where GSL returns without setting it (no table) */
	double		res = 0.0,
				err = INFINITY;
	int			st;

	if (!(hi > lo))
		return 0.0;
	/*
	 * A piece at an end narrower than 1e-7 of the scale on which the rest of
	 * the integrand changes: the weight's integral times the first two
	 * terms of the rest's Taylor series at the end, g h^e / e -+ g' h^(e+1)
	 * / (e+1) (h the width, e = a or b, g and g' at the end), relative
	 * error O(1e-14).
	 * QAWS failed on such pieces (sf(1 - 1e-14) with a = b = 0.7, c = -1.5,
	 * z = -0.5: a GSL error, before 2026-12-02 turned into sf = 1 by fmin).
	 */
	if (lo == 0.0 || hi == 1.0)
	{
		bool		left = lo == 0.0 && hi < 1.0;
		double		h = left ? hi : 1.0 - lo,
					e = left ? g.a : g.b,
					/* g'/g at the end: t^(a-1) (1+zt)^-c at 1, (1-t)^(b-1) (1+zt)^-c at 0 */
					dlog = left ? -(g.b - 1.0) - g.c * g.z : (g.a - 1.0) - g.c * g.z / (1.0 + g.z);

		/*
		 * with a shift (a huge normalisation, gausshyper_tail) as g h^e / e
		 * (1 -+ g'/g h e / (e+1)), the first factor in logs: h^e underflows
		 * there
		 */
		if ((lo == 0.0) != (hi == 1.0) && h * (1.0 + fabs(dlog)) < 1e-7)
		{
			double		ge = left ? 1.0 : pow(1.0 + g.z, -g.c);

			if (shift != 0.0)
				return exp((left ? 0.0 : -g.c * log1p(g.z)) - shift + e * log(h)) / e *
					(1.0 + (left ? 1.0 : -1.0) * dlog * h * e / (e + 1.0));
			return ge * (pow(h, e) / e + (left ? 1.0 : -1.0) * dlog * pow(h, e + 1.0) / (e + 1.0));
		}
	}
	F.function = gausshyper_integrand;
	F.params = &g;
	w = gsl_integration_workspace_alloc(200);
	if (w == NULL)
		return NAN;
	if (lo == 0.0 || hi == 1.0)
	{
		gsl_integration_qaws_table *tab;
		double		wa = lo == 0.0 ? gausshyper_weight_power(g.a - 1.0) : 0.0,
					wb = hi == 1.0 ? gausshyper_weight_power(g.b - 1.0) : 0.0;

		g.pa -= wa;
		g.pb -= wb;
		tab = gsl_integration_qaws_table_alloc(wa, wb, 0, 0);
		if (tab == NULL)
			st = GSL_ENOMEM;
		else
		{
			st = gsl_integration_qaws(&F, lo, hi, tab, 0.0, 1e-13, 200, w, &res, &err);
			gsl_integration_qaws_table_free(tab);
		}
	}
	else if (hi > 2.0 * lo)
	{
		/*
		 * A piece spanning scales (x far below 1/2 with z large: the mass
		 * within 1/z of 0 and a power-law decay t^(a-c-1) beyond) in the
		 * variable u = log t, where those powers are exponentials that
		 * QAGS resolves: in t, QAGS returned a value twice the integral
		 * with a small error estimate for a = 0.51, b = 9.5, c = 0.97,
		 * z = 1.7e6 over [6.8e-7, 1/2] (sf 1 instead of 0.499; the zoo's
		 * lognorm s = 3 sketch).
		 */
		GhLog		gl = {&g};

		F.function = gausshyper_integrand_log;
		F.params = &gl;
		st = gsl_integration_qags(&F, log(lo), log(hi), 0.0, 1e-13, 200, w, &res, &err);
	}
	else
		st = gsl_integration_qags(&F, lo, hi, 0.0, 1e-13, 200, w, &res, &err);
	gsl_integration_workspace_free(w);
	if (st != GSL_SUCCESS && !(isfinite(res) && err <= 1e-9 * fabs(res)))
		return NAN;
	return res;
}

static double
gausshyper_logpdf(const BfDist *self, double x, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				c = shape[2],
				z = shape[3];

	if (isnan(x))
		return x;
	if (!(x >= 0.0 && x <= 1.0))
		return -INFINITY;
	return gausshyper_logC(shape) + bf_xlogy(a - 1.0, x) + bf_xlog1py(b - 1.0, -x)
		- c * log1p(z * x);
}

/*
 * The largest value of the log of the unnormalized density, (a-1) log t +
 * (b-1) log(1-t) - c log(1+zt), where a > 1 and b > 1 (it falls to -inf at
 * both ends; else 0): the root in (0, 1) of its derivative times t (1-t)
 * (1+zt), the quadratic z (c-a-b+2) t^2 + ((a-1)(z-1) - (b-1) - cz) t +
 * (a-1) = 0 (exactly one, the derivative running from +inf to -inf), by
 * the cancellation-free form of the quadratic formula.  The tails'
 * integrands are scaled by it: at the normal limit (a = 720,879, b =
 * 421,295 on 1,000,000 normal draws) the unscaled integrand underflowed to
 * 0 while C overflowed, and every cdf and sf was 0 * inf = NaN until
 * 2026-12-06.
 */
static double
gausshyper_log_peak(const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				c = shape[2],
				z = shape[3],
				A = z * (c - a - b + 2.0),
				B = (a - 1.0) * (z - 1.0) - (b - 1.0) - c * z,
				C0 = a - 1.0,
				t = NAN;

	if (!(a > 1.0 && b > 1.0))
		return 0.0;
	if (A == 0.0)
		t = -C0 / B;
	else
	{
		double		disc = B * B - 4.0 * A * C0,
					q,
					r1,
					r2;

		if (!(disc >= 0.0))
			return 0.0;
		q = -0.5 * (B + copysign(sqrt(disc), B));
		r1 = q / A;
		r2 = (q != 0.0) ? C0 / q : NAN;
		t = (r1 > 0.0 && r1 < 1.0) ? r1 : r2;
	}
	if (!(t > 0.0 && t < 1.0))
		return 0.0;
	return (a - 1.0) * log(t) + (b - 1.0) * log1p(-t) - c * log1p(z * t);
}

/* lower (upper = false) or upper tail probability at x */
static double
gausshyper_tail(double x, const double *shape, bool upper)
{
	double		I,
				lc,
				shift;

	if (isnan(x))
		return x;
	if (x <= 0.0)
		return upper ? 1.0 : 0.0;
	if (x >= 1.0)
		return upper ? 0.0 : 1.0;
	/*
	 * scaled only where C is far from 1 (its log beyond 500), so that the
	 * integrand cannot underflow while C overflows; elsewhere the values
	 * are those of before, bit for bit
	 */
	lc = gausshyper_logC(shape);
	shift = fabs(lc) > 500.0 ? gausshyper_log_peak(shape) : 0.0;
	/*
	 * The tail beyond 1/2 from x (cdf for x > 1/2, sf for x < 1/2) is two
	 * integrals, one of them up to x; near an end where the density
	 * diverges (b < 1 at 1) QAGS's piece up to x was far off: the cdf of
	 * gausshyper(2.41, 0.431, 31.1, 0.434) 5e-10 below its upper end was
	 * 1 - 1.9e-12 where the sf, one QAWS integral, gives 1e-6 (the fit to
	 * the zoo's exact sketch; the law failed the consistency check until
	 * 2026-12-06).  It is taken as the complement of the other tail, a
	 * single integral, where that is at most 1/2 (the complement then keeps
	 * its digits); as two integrals only where it is not.
	 */
	if (upper ? x < 0.5 : x > 0.5)
	{
		double		o = (upper ? gausshyper_integral(shape, 0.0, x, shift)
						 : gausshyper_integral(shape, x, 1.0, shift)) * exp(lc + shift);

		if (o <= 0.5)
			return 1.0 - o;
	}
	if (!upper)
		I = (x <= 0.5) ? gausshyper_integral(shape, 0.0, x, shift)
			: gausshyper_integral(shape, 0.0, 0.5, shift) + gausshyper_integral(shape, 0.5, x, shift);
	else
		I = (x >= 0.5) ? gausshyper_integral(shape, x, 1.0, shift)
			: gausshyper_integral(shape, x, 0.5, shift) + gausshyper_integral(shape, 0.5, 1.0, shift);
	I *= exp(lc + shift);
	/* NaN (a failed integral or normalisation) stays NaN: fmin would make it 1 */
	return isnan(I) ? I : fmin(1.0, I);
}

/*
 * The tail asked for, or, where its integral fails, the complement of the
 * other tail when that is at most 1/2 (so that the complement keeps its
 * digits): the lower tail of gausshyper(1000, 0.05, 0.3, 3) at 1 - 1e-11
 * ran QAGS over [0.5, x] into (1 - x)^-0.95 and failed (NaN) while the
 * upper tail, 0.409, was fine (a sweep of cdf(ppf(p)), 2026-12-04).
 */
static double
gausshyper_tail_either(double x, const double *shape, bool upper)
{
	double		v = gausshyper_tail(x, shape, upper);

	if (isnan(v) && !isnan(x))
	{
		double		o = gausshyper_tail(x, shape, !upper);

		if (o <= 0.5)
			return 1.0 - o;
	}
	return v;
}

static double
gausshyper_cdf(const BfDist *self, double x, const double *shape)
{
	return gausshyper_tail_either(x, shape, false);
}

static double
gausshyper_sf(const BfDist *self, double x, const double *shape)
{
	return gausshyper_tail_either(x, shape, true);
}


static double
gausshyper_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	/* guess: the beta(a, b) quantile is not available cheaply; midpoint */
	return bf_ppf_solve(self, shape, p, NAN);
}

/*
 * gausshyper's start: on near-normal data (both ends of Pearson's
 * four-moment beta more than BETA_FAR_ENDS data sd beyond the data, as in
 * beta_start) that beta, c = 0 and z = GH_START_Z (c = 0 makes the density
 * beta(a, b)'s whatever z), the start of the search in moment coordinates
 * (gausshyper_moments) towards the normal limit a, b -> infinity that the
 * usual coordinates climb slowly (4,400 evaluations on the 10,000,000-row
 * normal sketch, stopping 750 units below norm).  z is held there during
 * that search (moment_hold), and for the rest of the fit when it is kept:
 * near c = 0 the factor (1 + z x)^-c is about exp(-c z x), so only c z
 * matters and z alone would be a flat direction.  Elsewhere, or with a
 * parameter fixed, the default start (bf_start_default), as before.
 */
#define GH_START_Z 1.0
static void
gausshyper_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		ab[4];

	if (beta_pearson_start(s, fx, 6, ab))
	{
		out[0] = ab[0];
		out[1] = ab[1];
		out[2] = 0.0;
		out[3] = GH_START_Z;
		out[4] = ab[2];
		out[5] = ab[3];
		bf_finish_start(self, s, fx, out);
		return;
	}
	bf_start_default(self, s, fx, out);
}

/*
 * gausshyper's moment coordinates (entry.h, ridge_moments): beta(a, b)'s
 * mean and sd (beta_moments), the law's own at c = 0 or z = 0; elsewhere
 * the (1 + z x)^-c factor moves them by 2F1 ratios that the coordinates
 * leave out (they need only be a smooth map of loc and scale at given
 * shapes, which these are; on near-normal data c z stays small).
 */
static void
gausshyper_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	beta_moments(self, shape, mean, sd);
}

/*
 * betaprime from f (entry.h, same_law; fit/twins.c): scipy's f density
 * dfd^(dfd/2) dfn^(dfn/2) x^(dfn/2 - 1) / ((dfd + dfn x)^((dfn + dfd)/2)
 * B(dfn/2, dfd/2)) is that of (dfd / dfn) Y with Y ~ betaprime(dfn/2,
 * dfd/2), so f(dfn, dfd, loc, s) = betaprime(dfn/2, dfd/2, loc, s dfd/dfn):
 * a = dfn / 2, b = dfd / 2, scale = s dfd / dfn.  f's search is the one
 * run: on near-normal data both climb towards the normal limit and f's
 * coordinates get further (6,326 higher on a 10,000,000-row normal, 508 on
 * the zoo's 1e-9-scale normal; betaprime's at most 0.56 higher elsewhere).
 */
static void
betaprime_from_f(const double *f, double *out)
{
	out[0] = 0.5 * f[0];
	out[1] = 0.5 * f[1];
	out[2] = f[2];
	out[3] = f[3] * (f[1] / f[0]);
}

/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */


const BfDist bf_family_beta[] = {
	{
		.name = "beta", .nshapes = 2, .shapes = {{"a", DOM_POS, .limit_hi = "a reflected gamma"}, {"b", DOM_POS, .limit_hi = "gamma"}},
		.description = "Beta distribution; scipy.stats.beta; Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, .logpdf = beta_logpdf, .cdf = beta_cdf,
		.sf = beta_sf, .ppf = beta_ppf,
		.fit = {.nest = {{"uniform", 2, {0, 1}, {1.0, 1.0}}}, .start = beta_start, .bin_quadrature_from = 10,
		.fit_max = {BETA_FIT_MAX_SHAPE, BETA_FIT_MAX_SHAPE},
		.ridge_moments = beta_moments, .moment_search = true, .moment_search_from = BETA_FAR_ENDS}
	},
	{
		.name = "betaprime", .nshapes = 2, .shapes = {{"a", DOM_POS, .limit_hi = "invgamma"}, {"b", DOM_POS, .limit_hi = "gamma"}},
		.description = "Beta prime (beta of the second kind) distribution; scipy.stats.betaprime; Johnson, Kotz & Balakrishnan (1995) ch. 25 sec. 7",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(betaprime),
		.fit = {.ngrid = {5, 5}, .grid = {{0.5, 1.0, 2.0, 5.0, 20.0}, {0.8, 2.0, 4.0, 10.0, 40.0}},
		.bin_quadrature_from = 10, .cost_class = 1,
		.fit_max = {BETA_FIT_MAX_SHAPE, BETA_FIT_MAX_SHAPE},
		.same_law = "f", .same_law_map = betaprime_from_f}
	},
	{
		.name = "f", .nshapes = 2, .shapes = {{"dfn", DOM_POS, .limit_hi = "invgamma"}, {"dfd", DOM_POS, .limit_hi = "gamma"}},
		.description = "F (Fisher-Snedecor) distribution; scipy.stats.f; Johnson, Kotz & Balakrishnan (1995) ch. 27",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(f),
		.fit = {.ngrid = {5, 5}, .grid = {{1.0, 3.0, 8.0, 20.0, 60.0}, {1.5, 4.0, 10.0, 30.0, 100.0}},
		.bin_quadrature_from = 20, .cost_class = 1,
		.fit_max = {BETA_FIT_MAX_SHAPE, BETA_FIT_MAX_SHAPE}}
	},
	{
		.name = "arcsine", .nshapes = 0,
		.description = "Arcsine distribution (beta(1/2, 1/2)); scipy.stats.arcsine; "
		"Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc < x < loc + scale",
		.support = bf_support_unit, BF_FNS(arcsine),
		.fit = {.start = arcsine_start}
	},
	{
		.name = "powerlaw", .nshapes = 1, .shapes = {{"a", DOM_POS, .limit_hi = "a reflected expon"}},
		.description = "Power-function distribution; scipy.stats.powerlaw; Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, BF_FNS(powerlaw),
		.fit = {.nest = {{"uniform", 1, {0}, {1.0}}}, .ngrid = {6}, .grid = {{0.3, 0.6, 1.0, 2.0, 4.0, 8.0}}}
	},
	{
		.name = "rdist", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_hi = "norm"}},
		.description = "R distribution (symmetric beta on [-1, 1]); scipy.stats.rdist; Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc - scale <= x <= loc + scale",
		.support = rdist_support, BF_FNS(rdist),
		.fit = {.ngrid = {7}, .grid = {{0.5, 1.0, 2.0, 4.0, 10.0, 30.0, 300.0}}, .bin_quadrature_from = 20, .cost_class = 1,
			.ridge_moments = rdist_moments, .moment_search = true}
	},
	{
		.name = "semicircular", .nshapes = 0,
		.description = "Wigner semicircle distribution; scipy.stats.semicircular; Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc - scale <= x <= loc + scale",
		.support = semicircular_support, BF_FNS(semicircular)
	},
	{
		.name = "gausshyper", .nshapes = 4,
		.shapes = {
			{"a", DOM_POS},
			{"b", DOM_POS},
			{"c", DOM_REAL},
			{"z", {-1.0, INFINITY, false, false}}
		},
		.description = "Gauss hypergeometric distribution; scipy.stats.gausshyper; Armero & Bayarri (1994), The Statistician 43, 139",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, BF_FNS(gausshyper),
		.fit = {
			.nest = {{"beta", 2, {2, 3}, {0.0, 0.0}}},
			.start = gausshyper_start,
			.ridge_moments = gausshyper_moments, .moment_search = true,
			.moment_search_from = BETA_FAR_ENDS, .moment_hold = 4,	/* z */
			.fit_max = {BETA_FIT_MAX_SHAPE, BETA_FIT_MAX_SHAPE},
			.expensive = false,
			.bin_quadrature = true,
			.cost_class = 2,
			.ngrid = {3, 3, 2, 2}, .grid = {{0.7, 2.0, 5.0}, {0.7, 2.0, 5.0}, {-1.5, 1.5}, {-0.5, 1.0}}
		}
	},
};

const int	bf_family_beta_size = sizeof(bf_family_beta) / sizeof(bf_family_beta[0]);
