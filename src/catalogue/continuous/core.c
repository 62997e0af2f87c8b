/*
 * core.c — the first 24 entries of the catalogue (bestfit 0.1's candidate
 * set), with their start values.
 *
 * Every entry reproduces scipy.stats 1.15 exactly: same name, same shape
 * parameters in the same order, same parameterisation of the standardized
 * variable z = (x - loc) / scale.  Formulas are taken from the scipy.stats
 * documentation and scipy/stats/_continuous_distns.py, cross-checked with
 * Johnson, Kotz & Balakrishnan, "Continuous Univariate Distributions",
 * vol. 1 (1994) and vol. 2 (1995), cited as JKB1 / JKB2 below.
 *
 * Numerics: tails are computed directly (sf never as 1 - cdf where a better
 * form exists), log1p/expm1 forms are used near 0, and quantiles without a
 * closed form are found by a safeguarded Newton iteration (bf_ppf_solve) that
 * starts from GSL's inverse when GSL has one.  Nothing here may abort: GSL
 * is called through its _e variants where a status matters, and failures
 * come back as NaN.
 */
#include <math.h>
#include <string.h>
#include <float.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"

static const double no_fixed[BF_MAX_PARAMS] = {NAN, NAN, NAN, NAN, NAN, NAN};

/* ------------------------------------------------------------------------
 * norm: f(z) = exp(-z^2/2) / sqrt(2 pi); F = Phi, sf = Phi(-z),
 * ppf = Phi^-1 (GSL, Wichura's AS 241).  scipy.stats.norm; JKB1 ch. 13.
 * ------------------------------------------------------------------------
 */

static double
norm_logpdf(double z, const double *shape)
{
	(void) shape;
	return -0.5 * z * z - LN_SQRT_2PI;
}

static double
norm_cdf(double z, const double *shape)
{
	(void) shape;
	return gsl_cdf_ugaussian_P(z);
}

static double
norm_sf(double z, const double *shape)
{
	(void) shape;
	return gsl_cdf_ugaussian_Q(z);
}

static double
norm_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	return bf_ndtri(p);
}


/* ------------------------------------------------------------------------
 * logistic: f(z) = exp(-z) / (1 + exp(-z))^2, F = 1 / (1 + exp(-z)),
 * sf = 1 / (1 + exp(z)), ppf = log(p / (1 - p)).
 * scipy.stats.logistic; JKB2 ch. 23.
 * ------------------------------------------------------------------------
 */

static double
logistic_logpdf(double z, const double *shape)
{
	double		a = fabs(z);

	(void) shape;
	return -a - 2.0 * log1p(exp(-a));
}

static double
logistic_cdf(double z, const double *shape)
{
	(void) shape;
	return bf_expit(z);
}

static double
logistic_sf(double z, const double *shape)
{
	(void) shape;
	return bf_expit(-z);
}

static double
logistic_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	return bf_logit(p);
}


/* ------------------------------------------------------------------------
 * laplace: f(z) = exp(-|z|) / 2, F = exp(z) / 2 for z < 0,
 * 1 - exp(-z) / 2 above; ppf = log(2p) for p <= 1/2, -log(2(1 - p)) above.
 * scipy.stats.laplace; JKB2 ch. 24.
 * ------------------------------------------------------------------------
 */

static double
laplace_logpdf(double z, const double *shape)
{
	(void) shape;
	return -M_LN2 - fabs(z);
}

static double
laplace_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.5 * exp(z);
	return 1.0 - 0.5 * exp(-z);
}

static double
laplace_sf(double z, const double *shape)
{
	return laplace_cdf(-z, shape);
}

static double
laplace_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	if (p <= 0.5)
		return log(2.0 * p);
	return -log(2.0 * (1.0 - p));
}


/* ------------------------------------------------------------------------
 * cauchy: f(z) = 1 / (pi (1 + z^2)), F = 1/2 + atan(z) / pi, computed as
 * atan2(1, -z) / pi for z <= 0 (no cancellation in the tail);
 * ppf = tan(pi (p - 1/2)), as -1 / tan(pi p) in the lower tail.
 * scipy.stats.cauchy; JKB1 ch. 16.
 * ------------------------------------------------------------------------
 */

static double
cauchy_logpdf(double z, const double *shape)
{
	(void) shape;
	if (fabs(z) > 1e150)
		return -log(M_PI) - 2.0 * log(fabs(z)) - log1p(1.0 / (z * z));
	return -log(M_PI) - log1p(z * z);
}

static double
cauchy_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return atan2(1.0, -z) / M_PI;
	return 1.0 - atan2(1.0, z) / M_PI;
}

static double
cauchy_sf(double z, const double *shape)
{
	return cauchy_cdf(-z, shape);
}

static double
cauchy_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	if (p < 0.25)
		return -1.0 / tan(M_PI * p);
	if (p > 0.75)
		return 1.0 / tan(M_PI * (1.0 - p));
	return tan(M_PI * (p - 0.5));
}


/* ------------------------------------------------------------------------
 * t(df): f(z) = Gamma((df+1)/2) / (sqrt(pi df) Gamma(df/2))
 *               (1 + z^2/df)^(-(df+1)/2);
 * F(z) = I_x(df/2, 1/2) / 2 for z < 0 with x = df / (df + z^2) (and the
 * complement above), via the continued fraction of the incomplete beta
 * function (Abramowitz & Stegun 26.5.8, 26.7.1); ppf by Newton from GSL's
 * gsl_cdf_tdist_Pinv.  scipy.stats.t; JKB2 ch. 28.
 * ------------------------------------------------------------------------
 */

/*
 * log(Gamma(a + 1/2) / Gamma(a)).  For a >= 30 from the difference of the
 * Stirling series, 0.5 log a + a (log1p(u) - u) + S(a + 1/2) - S(a) with
 * u = 1/(2a), which keeps full relative accuracy where the difference of
 * two lngamma values (and GSL's lnpoch) loses digits (1e-12 at a = 5000).
 */
static double
lngamma_ratio_half(double a)
{
	double		u = 0.5 / a,
				b = a + 0.5;
	double		sa,
				sb;

	if (a < 30.0)
		return bf_lngamma(a + 0.5) - bf_lngamma(a);
	sa = (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * a * a)) / (a * a)) / (a * a)) / a;
	sb = (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * b * b)) / (b * b)) / (b * b)) / b;
	return 0.5 * log(a) + a * (log1p(u) - u) + (sb - sa);
}

static double
t_logpdf(double z, const double *shape)
{
	double		df = shape[0];
	double		z2 = z * z;
	double		lp,
				l1;

	lp = lngamma_ratio_half(0.5 * df);
	if (isinf(z))
		return -INFINITY;
	if (z2 > df)
		l1 = 2.0 * log(fabs(z)) - log(df) + log1p(df / z2);
	else
		l1 = log1p(z2 / df);
	return lp - 0.5 * log(df * M_PI) - 0.5 * (df + 1.0) * l1;
}

/*
 * Continued fraction of the incomplete beta function (modified Lentz,
 * Numerical Recipes 6.4), for x < (a + 1) / (a + b + 2); NaN when it does
 * not converge.
 */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		c = 1.0,
				d = 1.0 - (a + b) * x / (a + 1.0),
				h;
	int			m;

	d = 1.0 / (fabs(d) < tiny ? tiny : d);
	h = d;
	for (m = 1; m <= 20000; m++)
	{
		int			m2 = 2 * m;
		double		aa,
					del;

		aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
		d = 1.0 + aa * d;
		d = 1.0 / (fabs(d) < tiny ? tiny : d);
		c = 1.0 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
		d = 1.0 + aa * d;
		d = 1.0 / (fabs(d) < tiny ? tiny : d);
		c = 1.0 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < 1e-16)
			return h;
	}
	return NAN;
}

/*
 * P(T <= -|z|), the lower tail of |z|: I_x(df/2, 1/2) / 2 with
 * x = df / (df + z^2).  The prefactor x^a y^b / (a B(a, b)) is formed from
 * log x and log y computed from z directly: GSL's gsl_sf_beta_inc takes x
 * itself, and a (1 ulp) rounded x raised to a = df/2 loses a * 1e-16
 * relative (4e-9 at df = 1e8).  B(df/2, 1/2) comes from the accurate
 * lngamma_ratio_half.  Used for df < 1000 (agrees with scipy to 1e-14).
 */
static double
t_tail(double z, double df)
{
	double		a = 0.5 * df,
				r,
				w,
				x,
				y,
				lx,
				ly,
				lpre,
				lnb;

	if (isnan(z))
		return NAN;
	if (isinf(z))
		return 0.0;
	if (z == 0)
		return 0.5;
	/*
	 * Large df: GSL's Cornish-Fisher expansion (used by gsl_cdf_tdist_P in
	 * exactly this region) is accurate to ~1e-14 there, where the continued
	 * fraction converges slowly and loses digits (1e-9 at df = 1e8).
	 */
	if (df >= 1000.0 && z * z < 10.0 * df)
		return gsl_cdf_tdist_P(-fabs(z), df);
	/* x = df / (df + z^2), y = z^2 / (df + z^2), without overflow */
	r = sqrt(df) / fabs(z);
	if (r < 1.0)
	{
		w = r * r;
		x = w / (1.0 + w);
		y = 1.0 / (1.0 + w);
		lx = 2.0 * log(r) - log1p(w);
		ly = -log1p(w);
	}
	else
	{
		w = 1.0 / (r * r);
		x = 1.0 / (1.0 + w);
		y = w / (1.0 + w);
		lx = -log1p(w);
		ly = log(w) - log1p(w);
	}
	lnb = 0.5 * log(M_PI) - lngamma_ratio_half(a);	/* log B(a, 1/2) */
	lpre = a * lx + 0.5 * ly - lnb;
	if (x < (a + 1.0) / (a + 2.5))
		return 0.5 * exp(lpre - log(a)) * beta_cf(a, 0.5, x);
	/* 1 - I_y(1/2, a) */
	return 0.5 * (1.0 - exp(lpre - log(0.5)) * beta_cf(0.5, a, y));
}

static double
t_cdf(double z, const double *shape)
{
	double		tail = t_tail(z, shape[0]);

	return (z <= 0) ? tail : 1.0 - tail;
}

static double
t_sf(double z, const double *shape)
{
	return t_cdf(-z, shape);
}

static const BfFns t_fns = {bf_support_real, t_logpdf, t_cdf, t_sf};

static double
t_ppf(double p, const double *shape)
{
	double		guess;

	PPF_EDGES(p, shape, bf_support_real);
	if (p == 0.5)
		return 0.0;
	guess = (p < 0.5) ? gsl_cdf_tdist_Pinv(p, shape[0])
		: -gsl_cdf_tdist_Pinv(1.0 - p, shape[0]);
	return bf_ppf_solve(&t_fns, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * gamma(a): f(z) = z^(a-1) exp(-z) / Gamma(a), z >= 0; F = P(a, z),
 * sf = Q(a, z) (regularized incomplete gamma functions: GSL below a = 1e5,
 * gamma_inc_large above); ppf by Newton from gsl_cdf_gamma_Pinv / _Qinv.  scipy.stats.gamma; JKB1 ch. 17.
 * ------------------------------------------------------------------------
 */

/* log1p(t) - t, accurate for small t. */
static double
log1pmx(double t)
{
	double		sum = 0.0,
				term = t;		/* (-1)^(k+1) t^k for k = 1 */
	int			k;

	if (fabs(t) >= 0.25)
		return log1p(t) - t;
	for (k = 2; k < 60; k++)
	{
		term *= -t;
		sum += term / k;
		if (fabs(term / k) < 1e-17 * fabs(sum))
			break;
	}
	return sum;
}

/*
 * Regularized incomplete gamma P(a, x), Q(a, x) for large a (GSL's
 * gsl_sf_gamma_inc_P/Q return NaN or lose up to 2 digits for a >= 1e6).
 * Series (x < a) or Lentz continued fraction (x >= a), Numerical Recipes
 * 6.2, with the prefactor x^a e^-x / Gamma(a) formed as
 * exp(a log1pmx((x - a) / a) + log(a / (2 pi)) / 2 - S(a)), S the Stirling
 * correction of bf_lngamma, so that it keeps full relative accuracy.
 */
static void
gamma_inc_large(double a, double x, double *P, double *Q)
{
	double		lpre,
				sa;
	int			n;

	sa = (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * a * a)) / (a * a)) / (a * a)) / a;
	lpre = a * log1pmx((x - a) / a) + 0.5 * log(a / (2.0 * M_PI)) - sa;
	if (x < a)
	{
		double		term = 1.0 / a,
					sum = term;

		for (n = 1; n < 1000000; n++)
		{
			term *= x / (a + n);
			sum += term;
			if (term < sum * 1e-17)
				break;
		}
		*P = exp(lpre) * sum;
		*Q = 1.0 - *P;
	}
	else
	{
		const double tiny = 1e-300;
		double		b = x + 1.0 - a,
					c = 1.0 / tiny,
					d = 1.0 / b,
					h = d;

		for (n = 1; n < 1000000; n++)
		{
			double		an = -n * (n - a),
						del;

			b += 2.0;
			d = an * d + b;
			d = 1.0 / (fabs(d) < tiny ? tiny : d);
			c = b + an / c;
			c = fabs(c) < tiny ? tiny : c;
			del = d * c;
			h *= del;
			if (fabs(del - 1.0) < 1e-16)
				break;
		}
		*Q = exp(lpre) * h;
		*P = 1.0 - *Q;
	}
}

static double
gamma_logpdf(double z, const double *shape)
{
	double		a = shape[0];

	if (z < 0 || isinf(z))
		return -INFINITY;
	return bf_xlogy(a - 1.0, z) - z - bf_lngamma(a);
}

static double
gamma_cdf(double z, const double *shape)
{
	gsl_sf_result r;

	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	if (shape[0] >= 1e5)
	{
		double		P,
					Q;

		gamma_inc_large(shape[0], z, &P, &Q);
		return P;
	}
	return bf_gsl_value(gsl_sf_gamma_inc_P_e(shape[0], z, &r), &r);
}

static double
gamma_sf(double z, const double *shape)
{
	gsl_sf_result r;

	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	if (shape[0] >= 1e5)
	{
		double		P,
					Q;

		gamma_inc_large(shape[0], z, &P, &Q);
		return Q;
	}
	return bf_gsl_value(gsl_sf_gamma_inc_Q_e(shape[0], z, &r), &r);
}

static const BfFns gamma_fns = {bf_support_pos, gamma_logpdf, gamma_cdf, gamma_sf};

static double
gamma_ppf(double p, const double *shape)
{
	double		guess;

	PPF_EDGES(p, shape, bf_support_pos);
	guess = (p <= 0.5) ? gsl_cdf_gamma_Pinv(p, shape[0], 1.0)
		: gsl_cdf_gamma_Qinv(1.0 - p, shape[0], 1.0);
	return bf_ppf_solve(&gamma_fns, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * lognorm(s): f(z) = exp(-(log z)^2 / (2 s^2)) / (s z sqrt(2 pi)), z > 0;
 * F = Phi(log(z) / s), ppf = exp(s Phi^-1(p)).
 * scipy.stats.lognorm; JKB1 ch. 14.
 * ------------------------------------------------------------------------
 */

static double
lognorm_logpdf(double z, const double *shape)
{
	double		s = shape[0],
				u;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	u = log(z) / s;
	return -0.5 * u * u - log(s) - log(z) - LN_SQRT_2PI;
}

static double
lognorm_cdf(double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return gsl_cdf_ugaussian_P(log(z) / shape[0]);
}

static double
lognorm_sf(double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return gsl_cdf_ugaussian_Q(log(z) / shape[0]);
}

static double
lognorm_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return exp(shape[0] * bf_ndtri(p));
}


/* ------------------------------------------------------------------------
 * weibull_min(c): f(z) = c z^(c-1) exp(-z^c), z >= 0; F = 1 - exp(-z^c),
 * sf = exp(-z^c), ppf = (-log(1 - p))^(1/c).
 * scipy.stats.weibull_min; JKB1 ch. 21.
 * ------------------------------------------------------------------------
 */

static double
weibull_min_logpdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0 || isinf(z))
		return -INFINITY;
	return log(c) + bf_xlogy(c - 1.0, z) - pow(z, c);
}

static double
weibull_min_cdf(double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return -expm1(-pow(z, shape[0]));
}

static double
weibull_min_sf(double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return exp(-pow(z, shape[0]));
}

static double
weibull_min_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return pow(-log1p(-p), 1.0 / shape[0]);
}


/* ------------------------------------------------------------------------
 * weibull_max(c): the mirror image of weibull_min, z <= 0:
 * f(z) = c (-z)^(c-1) exp(-(-z)^c); F = exp(-(-z)^c),
 * sf = 1 - exp(-(-z)^c), ppf = -(-log p)^(1/c).
 * scipy.stats.weibull_max; JKB1 ch. 21.
 * ------------------------------------------------------------------------
 */

static double
weibull_max_logpdf(double z, const double *shape)
{
	return weibull_min_logpdf(-z, shape);
}

static double
weibull_max_cdf(double z, const double *shape)
{
	return weibull_min_sf(-z, shape);
}

static double
weibull_max_sf(double z, const double *shape)
{
	return weibull_min_cdf(-z, shape);
}

static double
weibull_max_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_neg);
	return -pow(-log(p), 1.0 / shape[0]);
}


/* ------------------------------------------------------------------------
 * expon: f(z) = exp(-z), z >= 0; F = 1 - exp(-z), sf = exp(-z),
 * ppf = -log(1 - p).  scipy.stats.expon; JKB1 ch. 19.
 * ------------------------------------------------------------------------
 */

static double
expon_logpdf(double z, const double *shape)
{
	(void) shape;
	if (z < 0)
		return -INFINITY;
	return -z;
}

static double
expon_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	return -expm1(-z);
}

static double
expon_sf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	return exp(-z);
}

static double
expon_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return -log1p(-p);
}


/* ------------------------------------------------------------------------
 * invgauss(mu): f(z) = exp(-(z - mu)^2 / (2 z mu^2)) / sqrt(2 pi z^3), z > 0;
 * F = Phi((z/mu - 1)/sqrt z) + exp(2/mu) Phi(-(z/mu + 1)/sqrt z),
 * sf = Phi(-(z/mu - 1)/sqrt z) - exp(2/mu) Phi(-(z/mu + 1)/sqrt z), the
 * second term formed in log space so that small mu cannot overflow
 * (Giner & Smyth 2016, as scipy); ppf by Newton from a lognormal guess with
 * the same mean and variance.  scipy.stats.invgauss; JKB1 ch. 15.
 * ------------------------------------------------------------------------
 */

static double
invgauss_logpdf(double z, const double *shape)
{
	double		mu = shape[0],
				u;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	u = (z - mu) / mu;
	return -LN_SQRT_2PI - 1.5 * log(z) - u * u / (2.0 * z);
}

/* exp(2/mu) Phi(-(z/mu + 1)/sqrt z), the term shared by cdf and sf. */
static double
invgauss_term2(double z, double mu)
{
	return exp(2.0 / mu + bf_log_ndtr(-(z / mu + 1.0) / sqrt(z)));
}

static double
invgauss_cdf(double z, const double *shape)
{
	double		mu = shape[0];

	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return gsl_cdf_ugaussian_P((z / mu - 1.0) / sqrt(z)) + invgauss_term2(z, mu);
}

static double
invgauss_sf(double z, const double *shape)
{
	double		mu = shape[0],
				v;

	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	v = gsl_cdf_ugaussian_Q((z / mu - 1.0) / sqrt(z)) - invgauss_term2(z, mu);
	return (v < 0.0) ? 0.0 : v;	/* keeps NaN */
}

static const BfFns invgauss_fns = {bf_support_pos, invgauss_logpdf, invgauss_cdf, invgauss_sf};

static double
invgauss_ppf(double p, const double *shape)
{
	double		mu = shape[0],
				s2;

	PPF_EDGES(p, shape, bf_support_pos);
	/* lognormal with mean mu and variance mu^3 */
	s2 = log1p(mu);
	return bf_ppf_solve(&invgauss_fns, shape, p,
					 exp(log(mu) - 0.5 * s2 + sqrt(s2) * bf_ndtri(p)));
}


/* ------------------------------------------------------------------------
 * fisk(c) (log-logistic, burr with d = 1):
 * f(z) = c z^(c-1) / (1 + z^c)^2, z >= 0; F = 1 / (1 + z^-c),
 * sf = 1 / (1 + z^c), ppf = (p / (1 - p))^(1/c); all through
 * t = c log z, which is standard logistic.
 * scipy.stats.fisk; JKB2 ch. 23 (sec. 10).
 * ------------------------------------------------------------------------
 */

static double
fisk_logpdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z == 0)
		return log(c) + bf_xlogy(c - 1.0, z);
	return log(c) + (c - 1.0) * log(z) - 2.0 * bf_log1pexp(c * log(z));
}

static double
fisk_cdf(double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return bf_expit(shape[0] * log(z));
}

static double
fisk_sf(double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return bf_expit(-shape[0] * log(z));
}

static double
fisk_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return exp(bf_logit(p) / shape[0]);
}


/* ------------------------------------------------------------------------
 * lomax(c) (Pareto type II): f(z) = c / (1 + z)^(c+1), z >= 0;
 * sf = (1 + z)^-c, F = 1 - sf, ppf = (1 - p)^(-1/c) - 1.
 * scipy.stats.lomax; JKB1 ch. 20.
 * ------------------------------------------------------------------------
 */

static double
lomax_logpdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0)
		return -INFINITY;
	return log(c) - (c + 1.0) * log1p(z);
}

static double
lomax_cdf(double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return -expm1(-shape[0] * log1p(z));
}

static double
lomax_sf(double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return exp(-shape[0] * log1p(z));
}

static double
lomax_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return expm1(-log1p(-p) / shape[0]);
}


/* ------------------------------------------------------------------------
 * pareto(b): f(z) = b / z^(b+1), z >= 1; sf = z^-b, F = 1 - z^-b,
 * ppf = (1 - p)^(-1/b).  scipy.stats.pareto; JKB1 ch. 20.
 * ------------------------------------------------------------------------
 */

static void
pareto_support(const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = 1.0;
	*zhi = INFINITY;
}

static double
pareto_logpdf(double z, const double *shape)
{
	double		b = shape[0];

	if (z < 1)
		return -INFINITY;
	return log(b) - (b + 1.0) * log(z);
}

static double
pareto_cdf(double z, const double *shape)
{
	if (z <= 1)
		return 0.0;
	return -expm1(-shape[0] * log(z));
}

static double
pareto_sf(double z, const double *shape)
{
	if (z <= 1)
		return 1.0;
	return exp(-shape[0] * log(z));
}

static double
pareto_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, pareto_support);
	return exp(-log1p(-p) / shape[0]);
}


/* ------------------------------------------------------------------------
 * genpareto(c): f(z) = (1 + c z)^(-1 - 1/c), z >= 0 (and z <= -1/c when
 * c < 0); sf = (1 + c z)^(-1/c), F = 1 - sf, ppf = ((1-p)^-c - 1) / c;
 * c = 0 is expon, the limits are taken through log1p(c z)/c and
 * expm1(c y)/c, which are continuous at c = 0.
 * scipy.stats.genpareto; JKB1 ch. 20 (sec. 12); Pickands (1975).
 * ------------------------------------------------------------------------
 */

static void
genpareto_support(const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = (shape[0] < 0) ? -1.0 / shape[0] : INFINITY;
}

static double
genpareto_logpdf(double z, const double *shape)
{
	double		c = shape[0];

	if (isnan(z))
		return z;
	if (z < 0 || (c < 0 && c * z < -1.0) || isinf(z))
		return -INFINITY;
	if (c == -1.0)
		return 0.0;
	return -(c + 1.0) * bf_log1p_div(c, z);
}

static double
genpareto_cdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 0.0;
	if (c < 0 && c * z <= -1.0)
		return 1.0;
	return -expm1(-bf_log1p_div(c, z));
}

static double
genpareto_sf(double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 1.0;
	if (c < 0 && c * z <= -1.0)
		return 0.0;
	return exp(-bf_log1p_div(c, z));
}

static double
genpareto_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, genpareto_support);
	return bf_expm1_div(shape[0], -log1p(-p));
}


/* ------------------------------------------------------------------------
 * chi2(df): the gamma distribution with a = df/2 and scale 2:
 * f(z) = z^(df/2-1) exp(-z/2) / (2^(df/2) Gamma(df/2)), z >= 0.
 * scipy.stats.chi2; JKB1 ch. 18.
 * ------------------------------------------------------------------------
 */

static double
chi2_logpdf(double z, const double *shape)
{
	double		a = 0.5 * shape[0];

	return gamma_logpdf(0.5 * z, &a) - M_LN2;
}

static double
chi2_cdf(double z, const double *shape)
{
	double		a = 0.5 * shape[0];

	return gamma_cdf(0.5 * z, &a);
}

static double
chi2_sf(double z, const double *shape)
{
	double		a = 0.5 * shape[0];

	return gamma_sf(0.5 * z, &a);
}

static double
chi2_ppf(double p, const double *shape)
{
	double		a = 0.5 * shape[0];

	return 2.0 * gamma_ppf(p, &a);
}


/* ------------------------------------------------------------------------
 * rayleigh: f(z) = z exp(-z^2/2), z >= 0; sf = exp(-z^2/2),
 * F = 1 - sf, ppf = sqrt(-2 log(1 - p)).
 * scipy.stats.rayleigh; JKB1 ch. 18 (sec. 9).
 * ------------------------------------------------------------------------
 */

static double
rayleigh_logpdf(double z, const double *shape)
{
	(void) shape;
	if (z < 0 || isinf(z))
		return -INFINITY;
	return log(z) - 0.5 * z * z;
}

static double
rayleigh_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	return -expm1(-0.5 * z * z);
}

static double
rayleigh_sf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	return exp(-0.5 * z * z);
}

static double
rayleigh_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_pos);
	return sqrt(-2.0 * log1p(-p));
}


/* ------------------------------------------------------------------------
 * halfnorm: f(z) = sqrt(2/pi) exp(-z^2/2), z >= 0; F = erf(z/sqrt 2),
 * sf = 2 Phi(-z); ppf = Phi^-1((1 + p)/2), evaluated as -Phi^-1((1-p)/2)
 * and polished by Newton on erf so that small p keeps relative accuracy.
 * scipy.stats.halfnorm; JKB1 ch. 13 (sec. 10).
 * ------------------------------------------------------------------------
 */

static double
halfnorm_logpdf(double z, const double *shape)
{
	(void) shape;
	if (z < 0)
		return -INFINITY;
	return 0.5 * log(2.0 / M_PI) - 0.5 * z * z;
}

static double
halfnorm_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	if (z > 8.0)				/* erf is 1 - 2 Phi(-z) < 1e-15 from 1 */
		return 1.0 - 2.0 * gsl_cdf_ugaussian_Q(z);
	return gsl_sf_erf(z * M_SQRT1_2);
}

static double
halfnorm_sf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	return 2.0 * gsl_cdf_ugaussian_Q(z);
}

static const BfFns halfnorm_fns = {bf_support_pos, halfnorm_logpdf, halfnorm_cdf, halfnorm_sf};

static double
halfnorm_ppf(double p, const double *shape)
{
	double		guess;

	PPF_EDGES(p, shape, bf_support_pos);
	guess = -gsl_cdf_ugaussian_Pinv(0.5 * (1.0 - p));
	if (p >= 0.5)
		return guess;			/* (1 - p) / 2 is exact here */
	return bf_ppf_solve(&halfnorm_fns, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * beta(a, b): f(z) = z^(a-1) (1-z)^(b-1) / B(a, b), 0 <= z <= 1;
 * F = I_z(a, b), sf = I_{1-z}(b, a) (GSL incomplete beta); ppf by Newton
 * from gsl_cdf_beta_Pinv / _Qinv.  scipy.stats.beta; JKB2 ch. 25.
 * ------------------------------------------------------------------------
 */

static double
beta_logpdf(double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1];
	gsl_sf_result r;

	if (z < 0 || z > 1)
		return -INFINITY;
	return bf_xlogy(a - 1.0, z) + bf_xlog1py(b - 1.0, -z)
		- bf_gsl_value(gsl_sf_lnbeta_e(a, b, &r), &r);
}

static double
beta_cdf(double z, const double *shape)
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
beta_sf(double z, const double *shape)
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

static const BfFns beta_fns = {bf_support_unit, beta_logpdf, beta_cdf, beta_sf};

static double
beta_ppf(double p, const double *shape)
{
	double		guess;

	PPF_EDGES(p, shape, bf_support_unit);
	guess = (p <= 0.5) ? gsl_cdf_beta_Pinv(p, shape[0], shape[1])
		: gsl_cdf_beta_Qinv(1.0 - p, shape[0], shape[1]);
	return bf_ppf_solve(&beta_fns, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * uniform: f(z) = 1 on [0, 1]; F = z, sf = 1 - z, ppf = p.
 * scipy.stats.uniform; JKB2 ch. 26.
 * ------------------------------------------------------------------------
 */

static double
uniform_logpdf(double z, const double *shape)
{
	(void) shape;
	if (isnan(z))
		return z;
	if (z < 0 || z > 1)
		return -INFINITY;
	return 0.0;
}

static double
uniform_cdf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	return z;
}

static double
uniform_sf(double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return 1.0 - z;
}

static double
uniform_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_unit);
	return p;
}


/* ------------------------------------------------------------------------
 * triang(c), 0 <= c <= 1, on [0, 1] with mode c:
 * f(z) = 2z/c for z < c, 2(1-z)/(1-c) for z >= c;
 * F = z^2/c for z < c, 1 - (1-z)^2/(1-c) above;
 * ppf = sqrt(c p) for p < c, 1 - sqrt((1-c)(1-p)) above, computed as
 * (c + p (1-c)) / (1 + sqrt((1-c)(1-p))).
 * scipy.stats.triang; JKB2 ch. 26 (sec. 9).
 * ------------------------------------------------------------------------
 */

static double
triang_logpdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0 || z > 1)
		return -INFINITY;
	if (z < c || c == 1.0)
		return log(2.0 * z / c);
	return log(2.0 * (1.0 - z) / (1.0 - c));
}

static double
triang_cdf(double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	if (z < c)
		return z * z / c;
	/* 1 - (1-z)^2/(1-c) as a sum of non-negative terms */
	return ((z - c) + z * (1.0 - z)) / (1.0 - c);
}

static double
triang_sf(double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	if (z < c)
		return ((c - z) + z * (1.0 - z)) / c;	/* 1 - z^2/c */
	return (1.0 - z) * (1.0 - z) / (1.0 - c);
}

static double
triang_ppf(double p, const double *shape)
{
	double		c = shape[0];

	PPF_EDGES(p, shape, bf_support_unit);
	if (p < c)
		return sqrt(c * p);
	/* 1 - sqrt((1-c)(1-p)), without cancellation for small p */
	return (c + p * (1.0 - c)) / (1.0 + sqrt((1.0 - c) * (1.0 - p)));
}


/* ------------------------------------------------------------------------
 * gumbel_r: f(z) = exp(-z - exp(-z)); F = exp(-exp(-z)),
 * sf = 1 - F, ppf = -log(-log p).  scipy.stats.gumbel_r; JKB2 ch. 22.
 * gumbel_l is its mirror image: f(z) = exp(z - exp(z)),
 * F = 1 - exp(-exp(z)), sf = exp(-exp(z)), ppf = log(-log(1 - p)).
 * scipy.stats.gumbel_l; JKB2 ch. 22.
 * ------------------------------------------------------------------------
 */

static double
gumbel_r_logpdf(double z, const double *shape)
{
	(void) shape;
	if (isinf(z))
		return -INFINITY;
	return -z - exp(-z);
}

static double
gumbel_r_cdf(double z, const double *shape)
{
	(void) shape;
	return exp(-exp(-z));
}

static double
gumbel_r_sf(double z, const double *shape)
{
	(void) shape;
	return -expm1(-exp(-z));
}

static double
gumbel_r_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	return -log(-log(p));
}

static double
gumbel_l_logpdf(double z, const double *shape)
{
	return gumbel_r_logpdf(-z, shape);
}

static double
gumbel_l_cdf(double z, const double *shape)
{
	return gumbel_r_sf(-z, shape);
}

static double
gumbel_l_sf(double z, const double *shape)
{
	return gumbel_r_cdf(-z, shape);
}

static double
gumbel_l_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, bf_support_real);
	return log(-log1p(-p));
}


/* ------------------------------------------------------------------------
 * genextreme(c), scipy's sign convention (c = -xi of Hosking/JKB):
 * with L = log(1 - c z) / c (-> -z as c -> 0) and t = exp(L):
 * F = exp(-t), sf = 1 - exp(-t), f = exp(-t + (1 - c) L);
 * ppf = -expm1(c log(-log p)) / c (-> -log(-log p)).  Support z <= 1/c for
 * c > 0, z >= 1/c for c < 0, the real line for c = 0 (gumbel_r).
 * scipy.stats.genextreme; JKB2 ch. 22.
 * ------------------------------------------------------------------------
 */

static void
genextreme_support(const double *shape, double *zlo, double *zhi)
{
	double		c = shape[0];

	*zlo = (c < 0) ? 1.0 / c : -INFINITY;
	*zhi = (c > 0) ? 1.0 / c : INFINITY;
}

static double
genextreme_logpdf(double z, const double *shape)
{
	double		c = shape[0],
				L;

	if (isinf(z) || isnan(z))
		return isnan(z) ? z : -INFINITY;
	if (c != 0 && c * z >= 1.0)
		return (c * z == 1.0 && c == 1.0) ? 0.0 : -INFINITY;
	L = -bf_log1p_div(-c, z);
	return -exp(L) + (1.0 - c) * L;
}

static double
genextreme_cdf(double z, const double *shape)
{
	double		c = shape[0];

	if (c != 0 && c * z >= 1.0)
		return (c > 0) ? 1.0 : 0.0;
	return exp(-exp(-bf_log1p_div(-c, z)));
}

static double
genextreme_sf(double z, const double *shape)
{
	double		c = shape[0];

	if (c != 0 && c * z >= 1.0)
		return (c > 0) ? 0.0 : 1.0;
	return -expm1(-exp(-bf_log1p_div(-c, z)));
}

static double
genextreme_ppf(double p, const double *shape)
{
	PPF_EDGES(p, shape, genextreme_support);
	return -bf_expm1_div(shape[0], log(-log(p)));
}



/* norm: loc = mean, scale = sd (the MLE up to n/(n-1)). */
static void
norm_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_moments(s, fx, 0, 0.0, 1.0, out);
	bf_finish_start("norm", s, fx, out);
}

/* logistic: loc = mean, scale = sd sqrt(3) / pi. */
static void
logistic_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_moments(s, fx, 0, 0.0, M_PI / sqrt(3.0), out);
	bf_finish_start("logistic", s, fx, out);
}

/* laplace: loc = median (the MLE), scale from the interquartile range. */
static void
laplace_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_quantiles(s, fx, 0, NULL, laplace_ppf, out);
	bf_finish_start("laplace", s, fx, out);
}

/* cauchy: loc = median, scale = (q75 - q25) / 2. */
static void
cauchy_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_quantiles(s, fx, 0, NULL, cauchy_ppf, out);
	bf_finish_start("cauchy", s, fx, out);
}

/* (t95 - t05) / (t75 - t25) of a t distribution: decreasing in df. */
static double
t_tail_ratio(double df)
{
	return t_ppf(0.95, &df) / t_ppf(0.75, &df);
}

/*
 * t: df matched to the tail ratio (q95 - q05) / (q75 - q25) of the data by
 * bisection on log df in [0.3, 100] (the kurtosis, 4 + 6 / kurt, when the
 * quantiles are degenerate); loc, scale by quantile matching.
 */
static void
t_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		df = fx[0];

	if (isnan(df))
	{
		double		r = (s->q95 - s->q05) / (s->q75 - s->q25);
		double		lo = log(0.3),
					hi = log(100.0);
		int			i;

		if (isfinite(r) && r > 0)
		{
			if (r <= t_tail_ratio(100.0))
				df = 100.0;
			else if (r >= t_tail_ratio(0.3))
				df = 0.3;
			else
			{
				for (i = 0; i < 40; i++)
				{
					double		mid = 0.5 * (lo + hi);

					if (t_tail_ratio(exp(mid)) > r)
						lo = mid;
					else
						hi = mid;
				}
				df = exp(0.5 * (lo + hi));
			}
		}
		else
			df = (isfinite(s->kurt) && s->kurt > 0) ? 4.0 + 6.0 / s->kurt : 30.0;
	}
	out[0] = df;
	bf_locscale_quantiles(s, fx, 1, out, t_ppf, out);
	bf_finish_start("t", s, fx, out);
}

/*
 * gamma, on parameters (a, loc, scale) with fixed values fx: moments of
 * x - loc when loc is fixed (a = m^2 / var, scale = var / m); otherwise
 * a = 4 / skew^2 clamped to [0.2, 500], scale = sd / sqrt(a),
 * loc = mean - a scale, and when that loc is not below the data or a < 1
 * (J-shaped, the MLE of loc is min), loc just below min and the moments of
 * x - loc.  Shared with chi2.
 */
static void
gamma_estimate(const BfDataSummary *s, const double *fx, double *out)
{
	double		a = fx[0],
				loc = fx[1],
				scale = fx[2];
	double		var = bf_data_var(s),
				mean = bf_data_center(s),
				m;

	if (isnan(loc))
	{
		if (isnan(a))
		{
			if (!isnan(scale))
				a = var / (scale * scale);
			else if (isfinite(s->skew) && s->skew > 0)
				a = bf_clampd(4.0 / (s->skew * s->skew), 0.2, 500.0);
			else
				a = 500.0;
		}
		if (isnan(scale))
			scale = sqrt(var / a);
		loc = mean - a * scale;
		/* for a < 1 the density is infinite at loc: loc belongs at min */
		if (isfinite(s->min) && (loc > s->min - bf_data_margin(s) || a < 1.0))
			loc = s->min - bf_data_margin(s);
		else
		{
			out[0] = a;
			out[1] = loc;
			out[2] = scale;
			return;
		}
		a = fx[0];
		scale = fx[2];
	}
	/* moments of x - loc */
	m = mean - loc;
	if (isnan(a) && isnan(scale))
	{
		a = m * m / var;
		scale = var / m;
	}
	else if (isnan(a))
		a = m / scale;
	else if (isnan(scale))
		scale = m / a;
	out[0] = a;
	out[1] = loc;
	out[2] = scale;
}

static void
gamma_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	gamma_estimate(s, fx, out);
	bf_finish_start("gamma", s, fx, out);
}

/*
 * lognorm: with loc fixed, w = exp(s^2) from the moments of x - loc,
 * w - 1 = var / m^2 for m = mean - loc, scale = m / sqrt(w) (s = sd of
 * log x, scale = exp(mean of log x) for floc = 0).  With loc free, from
 * the quantiles x_p = loc + scale exp(s z_p): (q95 - med) / (med - q05) =
 * exp(s z95), scale = (med - q05) / (1 - exp(-s z95)), loc = med - scale
 * (when the quantiles are degenerate, w from the skewness,
 * (w + 2)^2 (w - 1) = skew^2, by Cardano); when that loc is not below the
 * data, loc just below min and the fixed-loc estimates.
 */
static void
lognorm_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		sh = fx[0],
				loc = fx[1],
				scale = fx[2],
				var = bf_data_var(s),
				mean = bf_data_center(s),
				w;

	if (isnan(loc))
	{
		const double z95 = 1.6448536269514722;	/* Phi^-1(0.95) */
		double		r = (s->q95 - s->median) / (s->median - s->q05);

		if (!isnan(sh))
			w = exp(sh * sh);
		else if (isfinite(r) && r > 1.0 + 1e-3)
		{
			/* (q95 - med) / (med - q05) = exp(s z95) */
			sh = bf_clampd(log(r) / z95, 0.02, 3.0);
			w = exp(sh * sh);
		}
		else if (isfinite(s->skew) && s->skew > 0)
		{
			double		g2 = s->skew * s->skew,
						rr = sqrt(g2 * (1.0 + 0.25 * g2));

			w = cbrt(1.0 + 0.5 * g2 + rr) + cbrt(1.0 + 0.5 * g2 - rr) - 1.0;
			w = bf_clampd(w, exp(0.01 * 0.01), exp(9.0));
		}
		else
			w = exp(0.05 * 0.05);
		sh = sqrt(log(w));
		if (isnan(scale))
		{
			/* med - q05 = scale (1 - exp(-s z95)), else by the moments */
			scale = (s->median - s->q05) / -expm1(-sh * z95);
			if (!(isfinite(scale) && scale > 0))
				scale = sqrt(var / (w * (w - 1.0)));
		}
		loc = (isfinite(s->median) ? s->median - scale : mean - scale * sqrt(w));
		if (isfinite(s->min) && loc > s->min - bf_data_margin(s))
		{
			loc = s->min - bf_data_margin(s);
			scale = fx[2];
		}
		else
		{
			out[0] = sqrt(log(w));
			out[1] = loc;
			out[2] = scale;
			bf_finish_start("lognorm", s, fx, out);
			return;
		}
	}
	if (loc == 0 && isnan(scale) && isnan(sh) &&
		isfinite(s->logsd) && s->logsd > 0 && isfinite(s->logmean))
	{
		sh = s->logsd;
		scale = exp(s->logmean);
	}
	else
	{
		double		m = mean - loc;

		w = isnan(sh) ? 1.0 + var / (m * m) : exp(sh * sh);
		if (isnan(sh))
			sh = sqrt(log(w));
		if (isnan(scale))
			scale = m / sqrt(w);
	}
	out[0] = sh;
	out[1] = loc;
	out[2] = scale;
	bf_finish_start("lognorm", s, fx, out);
}

/* Gamma(1 + x) */
static double
gamma1p(double x)
{
	return exp(bf_lngamma(1.0 + x));
}

/* Coefficient of variation of weibull_min(c): decreasing in c. */
static double
weibull_cv(double c)
{
	double		g1 = gamma1p(1.0 / c),
				g2 = gamma1p(2.0 / c);

	return sqrt(fmax(g2 - g1 * g1, 0.0)) / g1;
}

/* Skewness of weibull_min(c): decreasing in c, from +inf to about -1.14. */
static double
weibull_skew(double c)
{
	double		g1 = gamma1p(1.0 / c),
				g2 = gamma1p(2.0 / c),
				g3 = gamma1p(3.0 / c);

	return (g3 - 3.0 * g1 * g2 + 2.0 * g1 * g1 * g1) /
		pow(g2 - g1 * g1, 1.5);
}

/* Solve f(c) = target for decreasing f by bisection on log c in [lo, hi]. */
static double
solve_decreasing(double (*f) (double), double target, double lo, double hi)
{
	double		a = log(lo),
				b = log(hi);
	int			i;

	if (!isfinite(target))
		return NAN;
	if (target >= f(lo))
		return lo;
	if (target <= f(hi))
		return hi;
	for (i = 0; i < 60; i++)
	{
		double		mid = 0.5 * (a + b);

		if (f(exp(mid)) > target)
			a = mid;
		else
			b = mid;
	}
	return exp(0.5 * (a + b));
}

/*
 * weibull_min on (c, loc, scale): with loc fixed, c from the coefficient of
 * variation of x - loc and scale = (mean - loc) / Gamma(1 + 1/c); with loc
 * free, c from the skewness, scale = sd / sd(c), loc = mean - scale mean(c),
 * and when that loc is not below the data or c < 1 (J-shaped), loc just
 * below min and the fixed-loc estimates.  Shared with weibull_max through a mirrored summary.
 */
static void
weibull_estimate(const BfDataSummary *s, const double *fx, double *out)
{
	double		c = fx[0],
				loc = fx[1],
				scale = fx[2],
				sd = bf_data_scale(s),
				mean = bf_data_center(s);

	if (isnan(loc))
	{
		if (isnan(c))
			c = solve_decreasing(weibull_skew, s->skew, 0.3, 50.0);
		if (isnan(c))
			c = 3.6;			/* about symmetric */
		if (isnan(scale))
		{
			double		g1 = gamma1p(1.0 / c);

			scale = sd / (weibull_cv(c) * g1);
		}
		loc = mean - scale * gamma1p(1.0 / c);
		/* for c < 1 the density is infinite at loc: loc belongs at min */
		if (!(isfinite(s->min) && (loc > s->min - bf_data_margin(s) || c < 1.0)))
		{
			out[0] = c;
			out[1] = loc;
			out[2] = scale;
			return;
		}
		loc = s->min - bf_data_margin(s);
		c = fx[0];
		scale = fx[2];
	}
	if (isnan(c))
		c = solve_decreasing(weibull_cv, sd / (mean - loc), 0.1, 100.0);
	if (isnan(scale))
		scale = (mean - loc) / gamma1p(1.0 / c);
	out[0] = c;
	out[1] = loc;
	out[2] = scale;
}

static void
weibull_min_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	weibull_estimate(s, fx, out);
	bf_finish_start("weibull_min", s, fx, out);
}

/* The summary of -x. */
static BfDataSummary
mirror_summary(const BfDataSummary *s)
{
	BfDataSummary r = *s;

	r.mean = -s->mean;
	r.skew = -s->skew;
	r.min = -s->max;
	r.max = -s->min;
	r.q05 = -s->q95;
	r.q25 = -s->q75;
	r.median = -s->median;
	r.q75 = -s->q25;
	r.q95 = -s->q05;
	r.logmean = NAN;
	r.logsd = NAN;
	return r;
}

/* weibull_max: weibull_min estimates for -x, loc negated. */
static void
weibull_max_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	BfDataSummary ms = mirror_summary(s);
	double		mfx[3] = {fx[0], -fx[1], fx[2]};

	weibull_estimate(&ms, mfx, out);
	out[1] = -out[1];
	bf_finish_start("weibull_max", s, fx, out);
}

/* expon: loc just below min (the MLE is min), scale = mean - loc. */
static void
expon_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		loc = fx[0],
				scale = fx[1];

	if (isnan(loc))
	{
		loc = s->min - bf_data_margin(s);
		if (!isnan(scale))
			loc = fmin(loc, bf_data_center(s) - scale);
	}
	if (isnan(scale))
		scale = bf_data_center(s) - loc;
	out[0] = loc;
	out[1] = scale;
	bf_finish_start("expon", s, fx, out);
}

/*
 * invgauss: mean = mu scale, var = mu^3 scale^2, skew = 3 sqrt(mu).  With
 * loc fixed mu = var / m^2, scale = m / mu (m = mean - loc); with loc free
 * mu = (skew / 3)^2 clamped to [1e-3, 50], scale = sd / mu^1.5,
 * loc = mean - mu scale, and the fixed-loc estimates below min when that
 * loc is not below the data.
 */
static void
invgauss_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		mu = fx[0],
				loc = fx[1],
				scale = fx[2],
				var = bf_data_var(s),
				mean = bf_data_center(s),
				m;

	if (isnan(loc))
	{
		if (isnan(mu))
			mu = (isfinite(s->skew) && s->skew > 0)
				? bf_clampd(s->skew * s->skew / 9.0, 1e-3, 50.0) : 1e-3;
		if (isnan(scale))
			scale = sqrt(var / (mu * mu * mu));
		loc = mean - mu * scale;
		if (!(isfinite(s->min) && loc > s->min - bf_data_margin(s)))
		{
			out[0] = mu;
			out[1] = loc;
			out[2] = scale;
			bf_finish_start("invgauss", s, fx, out);
			return;
		}
		loc = s->min - bf_data_margin(s);
		mu = fx[0];
		scale = fx[2];
	}
	m = mean - loc;
	if (isnan(mu) && isnan(scale))
	{
		mu = var / (m * m);
		scale = m / mu;
	}
	else if (isnan(mu))
		mu = m / scale;
	else if (isnan(scale))
		scale = m / mu;
	out[0] = mu;
	out[1] = loc;
	out[2] = scale;
	bf_finish_start("invgauss", s, fx, out);
}

/*
 * fisk: quartiles of a log-logistic are loc + scale 3^(-1/c), loc + scale,
 * loc + scale 3^(1/c).  With loc free, u = (q75 - med) / (med - q25) = 3^(1/c)
 * gives c = log 3 / log u, scale = (q75 - med) / (u - 1), loc = med - scale;
 * with loc fixed, scale = med - loc and c = 2 log 3 / log((q75-loc)/(q25-loc)).
 */
static void
fisk_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		c = fx[0],
				loc = fx[1],
				scale = fx[2],
				med = s->median;

	if (isnan(loc))
	{
		double		u = (s->q75 - med) / (med - s->q25);

		if (isnan(c))
			c = (isfinite(u) && u > 1.0 + 1e-3) ? bf_clampd(log(3.0) / log(u), 0.2, 50.0) : 20.0;
		if (isnan(scale))
		{
			u = pow(3.0, 1.0 / c);
			scale = (s->q75 - s->q25) / (u - 1.0 / u);
		}
		loc = med - scale;
	}
	else
	{
		if (isnan(scale))
			scale = med - loc;
		if (isnan(c))
			c = 2.0 * log(3.0) / log((s->q75 - loc) / (s->q25 - loc));
	}
	out[0] = c;
	out[1] = loc;
	out[2] = scale;
	bf_finish_start("fisk", s, fx, out);
}

/*
 * lomax on (c, loc, scale): loc just below min when free; for y = x - loc
 * the quartile ratio r = y75 / y50 = 2^(1/c) + 1 gives c = log 2 / log(r - 1)
 * (c = 50, nearly exponential, when r <= 2), scale = y50 / (2^(1/c) - 1).
 * Shared with pareto.
 */
static void
lomax_estimate(const BfDataSummary *s, const double *fx, double *out)
{
	double		c = fx[0],
				loc = fx[1],
				scale = fx[2],
				y50,
				y75;

	if (isnan(loc))
		loc = s->min - bf_data_margin(s);
	y50 = s->median - loc;
	y75 = s->q75 - loc;
	if (isnan(c))
	{
		if (!isnan(scale))
			c = M_LN2 / log1p(y50 / scale);
		else
		{
			double		r = y75 / y50;

			c = (isfinite(r) && r > 2.0 + 1e-3) ? bf_clampd(M_LN2 / log(r - 1.0), 0.05, 50.0) : 50.0;
		}
	}
	if (isnan(scale))
		scale = y50 / expm1(M_LN2 / c);
	out[0] = c;
	out[1] = loc;
	out[2] = scale;
}

static void
lomax_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	lomax_estimate(s, fx, out);
	bf_finish_start("lomax", s, fx, out);
}

/*
 * pareto: x = loc + scale Z with Z >= 1.  With loc fixed, scale just below
 * min - loc and b = 1 / (mean log(x) - log scale) (the MLE, for floc = 0) or
 * b = log 2 / log((med - loc) / scale); with loc free, the lomax estimates
 * shifted by one scale (pareto(b, loc, scale) = lomax(b, loc + scale, scale)).
 */
static void
pareto_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		b = fx[0],
				loc = fx[1],
				scale = fx[2];

	if (isnan(loc))
	{
		double		lfx[3] = {b, NAN, scale};

		if (!isnan(scale))
			lfx[1] = s->min - bf_data_margin(s);
		lomax_estimate(s, lfx, out);
		out[1] -= out[2];
	}
	else
	{
		if (isnan(scale))
		{
			double		gap = s->min - loc;

			scale = gap - fmin(bf_data_margin(s), 1e-3 * gap);
		}
		if (isnan(b))
		{
			if (loc == 0 && isfinite(s->logmean) && scale > 0)
				b = 1.0 / (s->logmean - log(scale));
			else
				b = M_LN2 / log((s->median - loc) / scale);
		}
		out[0] = b;
		out[1] = loc;
		out[2] = scale;
	}
	bf_finish_start("pareto", s, fx, out);
}

/*
 * genpareto: loc just below min when free; for y = x - loc the quartile
 * ratio r = y75 / y50 = 2^c + 1 gives c = log2(r - 1), clamped to
 * [-0.45, 1.5], and scale = y50 c / (2^c - 1).  For c < 0 the upper end
 * loc + scale / |c| is moved above max by raising c when needed.
 */
static void
genpareto_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		c = fx[0],
				loc = fx[1],
				scale = fx[2],
				y50,
				top;

	if (isnan(loc))
		loc = s->min - bf_data_margin(s);
	y50 = s->median - loc;
	if (isnan(c))
	{
		double		r = (s->q75 - loc) / y50;

		c = (isfinite(r) && r > 1.0) ? bf_clampd(log2(r - 1.0), -0.45, 1.5) : 0.0;
	}
	if (isnan(scale))
		scale = y50 / bf_expm1_div(c, M_LN2);
	top = s->max - loc + bf_data_margin(s);
	if (bf_is_free(fx, 0) && c < 0 && isfinite(top) && top > 0 &&
		scale / -c < top)
		c = -scale / top;
	out[0] = c;
	out[1] = loc;
	out[2] = scale;
	bf_finish_start("genpareto", s, fx, out);
}

/* chi2: the gamma estimates with a = df / 2 and the gamma scale doubled. */
static void
chi2_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		gfx[3] = {0.5 * fx[0], fx[1], 2.0 * fx[2]};

	gamma_estimate(s, gfx, out);
	out[0] *= 2.0;
	out[2] *= 0.5;
	bf_finish_start("chi2", s, fx, out);
}

/*
 * rayleigh: mean = loc + scale sqrt(pi/2), sd = scale sqrt((4 - pi)/2);
 * with loc fixed, scale = sqrt(E[(x - loc)^2] / 2) (the MLE).
 */
static void
rayleigh_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	if (!isnan(fx[0]) && isnan(fx[1]))
	{
		double		m = bf_data_center(s) - fx[0];

		out[0] = fx[0];
		out[1] = sqrt(0.5 * (m * m + bf_data_var(s)));
	}
	else
		bf_locscale_moments(s, fx, 0, sqrt(M_PI / 2.0), sqrt((4.0 - M_PI) / 2.0), out);
	bf_finish_start("rayleigh", s, fx, out);
}

/*
 * halfnorm: loc just below min when free (the MLE is min), scale =
 * sqrt(E[(x - loc)^2]) (the MLE given loc).
 */
static void
halfnorm_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		loc = fx[0],
				scale = fx[1];

	if (isnan(loc))
		loc = s->min - bf_data_margin(s);
	if (isnan(scale))
	{
		double		m = bf_data_center(s) - loc;

		scale = sqrt(m * m + bf_data_var(s));
	}
	out[0] = loc;
	out[1] = scale;
	bf_finish_start("halfnorm", s, fx, out);
}

/*
 * beta: loc = min - margin, scale = range + 2 margin (or the fixed values),
 * then the method of moments on y = (x - loc) / scale:
 * a = my k, b = (1 - my) k with k = my (1 - my) / vy - 1.
 */
static void
beta_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		a = fx[0],
				b = fx[1],
				loc = fx[2],
				scale = fx[3],
				m = bf_data_margin(s),
				my,
				vy,
				k;

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
	bf_finish_start("beta", s, fx, out);
}

/* uniform: loc = min, scale = max - min (the MLE), widened by 1e-6. */
static void
uniform_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		m = 1e-3 * bf_data_margin(s);

	out[0] = s->min - m;
	out[1] = s->max - s->min + 2.0 * m;
	if (!isnan(fx[0]) && isnan(fx[1]))
		out[1] = s->max - fx[0] + m;
	else if (isnan(fx[0]) && !isnan(fx[1]))
		out[0] = fmin(s->min - m, 0.5 * (s->min + s->max) - 0.5 * fx[1]);
	bf_finish_start("uniform", s, fx, out);
}

/*
 * triang: loc = min - margin, scale = range + 2 margin; the mode is
 * 3 mean - lo - hi (the mean is (lo + mode + hi) / 3), so
 * c = (mode - lo) / (hi - lo), clipped to [0.05, 0.95].
 */
static void
triang_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		m = bf_data_margin(s),
				loc = fx[1],
				scale = fx[2];

	if (isnan(loc) && isnan(scale))
	{
		loc = s->min - m;
		scale = s->max - s->min + 2.0 * m;
	}
	else if (isnan(loc))
		loc = fmin(s->min - m, 0.5 * (s->min + s->max) - 0.5 * scale);
	else if (isnan(scale))
		scale = s->max - loc + m;
	out[0] = bf_clampd((3.0 * bf_data_center(s) - 3.0 * loc - scale) / scale, 0.05, 0.95);
	out[1] = loc;
	out[2] = scale;
	bf_finish_start("triang", s, fx, out);
}

/* gumbel_r: mean = loc + gamma scale, sd = scale pi / sqrt 6. */
static void
gumbel_r_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_moments(s, fx, 0, EULER_GAMMA, M_PI / sqrt(6.0), out);
	bf_finish_start("gumbel_r", s, fx, out);
}

/* gumbel_l: mean = loc - gamma scale, sd = scale pi / sqrt 6. */
static void
gumbel_l_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;

	bf_locscale_moments(s, fx, 0, -EULER_GAMMA, M_PI / sqrt(6.0), out);
	bf_finish_start("gumbel_l", s, fx, out);
}

/*
 * Skewness of genextreme(c) (JKB2 ch. 22 with xi = -c):
 * -sign(c) (g3 - 3 g1 g2 + 2 g1^3) / (g2 - g1^2)^1.5, g_k = Gamma(1 + k c);
 * decreasing in c, infinite at c = -1/3, the Gumbel value at c = 0.
 */
static double
gev_skew(double c)
{
	double		g1,
				g2,
				g3;

	if (fabs(c) < 1e-4)
		return GUMBEL_SKEW;
	g1 = gamma1p(c);
	g2 = gamma1p(2.0 * c);
	g3 = gamma1p(3.0 * c);
	return (c > 0 ? -1.0 : 1.0) * (g3 - 3.0 * g1 * g2 + 2.0 * g1 * g1 * g1) /
		pow(g2 - g1 * g1, 1.5);
}

/*
 * genextreme: c from the skewness by bisection on [-0.3, 3] (0, Gumbel,
 * when the skewness is unknown), loc and scale by quantile matching.
 */
static void
genextreme_start(const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : no_fixed;
	double		c = fx[0];

	if (isnan(c))
	{
		if (isfinite(s->skew))
		{
			double		lo = -0.3,
						hi = 3.0;
			int			i;

			if (s->skew >= gev_skew(lo))
				c = lo;
			else if (s->skew <= gev_skew(hi))
				c = hi;
			else
			{
				for (i = 0; i < 60; i++)
				{
					double		mid = 0.5 * (lo + hi);

					if (gev_skew(mid) > s->skew)
						lo = mid;
					else
						hi = mid;
				}
				c = 0.5 * (lo + hi);
			}
		}
		else
			c = 0.0;
	}
	out[0] = c;
	bf_locscale_quantiles(s, fx, 1, out, genextreme_ppf, out);
	bf_finish_start("genextreme", s, fx, out);
}


/* ------------------------------------------------------------------------
 * The catalogue
 * ------------------------------------------------------------------------
 */

#define ENTRY0(nm, suptext, desc, sup, pfx) \
	{ .name = nm, .nshapes = 0, .shape_names = {NULL}, \
	  .shape_domain = {DOM_NONE}, .description = desc, .support_text = suptext, .support = sup, \
	  .logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, \
	  .ppf = pfx##_ppf, .start = pfx##_start }

#define ENTRY1(nm, suptext, sh, dom, desc, sup, pfx) \
	{ .name = nm, .nshapes = 1, .shape_names = {sh}, \
	  .shape_domain = {dom}, .description = desc, .support_text = suptext, .support = sup, \
	  .logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, \
	  .ppf = pfx##_ppf, .start = pfx##_start }

const BfDist bf_family_core[] = {
	ENTRY0("norm", "all real x",
		   "Normal distribution; scipy.stats.norm; Johnson, Kotz & Balakrishnan (1994) ch. 13",
		   bf_support_real, norm),
	ENTRY0("logistic", "all real x",
		   "Logistic distribution; scipy.stats.logistic; Johnson, Kotz & Balakrishnan (1995) ch. 23",
		   bf_support_real, logistic),
	ENTRY0("laplace", "all real x",
		   "Laplace (double exponential) distribution; scipy.stats.laplace; Johnson, Kotz & Balakrishnan (1995) ch. 24",
		   bf_support_real, laplace),
	ENTRY0("cauchy", "all real x",
		   "Cauchy distribution; scipy.stats.cauchy; Johnson, Kotz & Balakrishnan (1994) ch. 16",
		   bf_support_real, cauchy),
	ENTRY1("t", "all real x", "df", DOM_POS,
		   "Student's t distribution; scipy.stats.t; Johnson, Kotz & Balakrishnan (1995) ch. 28",
		   bf_support_real, t),
	ENTRY1("gamma", "x >= loc", "a", DOM_POS,
		   "Gamma distribution; scipy.stats.gamma; Johnson, Kotz & Balakrishnan (1994) ch. 17",
		   bf_support_pos, gamma),
	ENTRY1("lognorm", "x > loc", "s", DOM_POS,
		   "Lognormal distribution; scipy.stats.lognorm; Johnson, Kotz & Balakrishnan (1994) ch. 14",
		   bf_support_pos, lognorm),
	ENTRY1("weibull_min", "x >= loc", "c", DOM_POS,
		   "Weibull distribution; scipy.stats.weibull_min; Johnson, Kotz & Balakrishnan (1994) ch. 21",
		   bf_support_pos, weibull_min),
	ENTRY1("weibull_max", "x <= loc", "c", DOM_POS,
		   "Reversed Weibull distribution; scipy.stats.weibull_max; Johnson, Kotz & Balakrishnan (1994) ch. 21",
		   bf_support_neg, weibull_max),
	ENTRY0("expon", "x >= loc",
		   "Exponential distribution; scipy.stats.expon; Johnson, Kotz & Balakrishnan (1994) ch. 19",
		   bf_support_pos, expon),
	ENTRY1("invgauss", "x > loc", "mu", DOM_POS,
		   "Inverse Gaussian (Wald) distribution; scipy.stats.invgauss; Johnson, Kotz & Balakrishnan (1994) ch. 15",
		   bf_support_pos, invgauss),
	ENTRY1("fisk", "x >= loc", "c", DOM_POS,
		   "Fisk (log-logistic) distribution; scipy.stats.fisk; Johnson, Kotz & Balakrishnan (1995) ch. 23",
		   bf_support_pos, fisk),
	ENTRY1("lomax", "x >= loc", "c", DOM_POS,
		   "Lomax (Pareto type II) distribution; scipy.stats.lomax; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   bf_support_pos, lomax),
	ENTRY1("pareto", "x >= loc + scale", "b", DOM_POS,
		   "Pareto distribution; scipy.stats.pareto; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   pareto_support, pareto),
	ENTRY1("genpareto", "x >= loc when c >= 0; loc <= x <= loc - scale/c when c < 0", "c", DOM_REAL,
		   "Generalized Pareto distribution; scipy.stats.genpareto; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   genpareto_support, genpareto),
	ENTRY1("chi2", "x >= loc", "df", DOM_POS,
		   "Chi-squared distribution; scipy.stats.chi2; Johnson, Kotz & Balakrishnan (1994) ch. 18",
		   bf_support_pos, chi2),
	ENTRY0("rayleigh", "x >= loc",
		   "Rayleigh distribution; scipy.stats.rayleigh; Johnson, Kotz & Balakrishnan (1994) ch. 18",
		   bf_support_pos, rayleigh),
	ENTRY0("halfnorm", "x >= loc",
		   "Half-normal distribution; scipy.stats.halfnorm; Johnson, Kotz & Balakrishnan (1994) ch. 13",
		   bf_support_pos, halfnorm),
	{
		.name = "beta", .nshapes = 2, .shape_names = {"a", "b"},
		.shape_domain = {DOM_POS, DOM_POS},
		.description = "Beta distribution; scipy.stats.beta; Johnson, Kotz & Balakrishnan (1995) ch. 25",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, .logpdf = beta_logpdf, .cdf = beta_cdf,
		.sf = beta_sf, .ppf = beta_ppf, .start = beta_start
	},
	ENTRY0("uniform", "loc <= x <= loc + scale",
		   "Uniform distribution; scipy.stats.uniform; Johnson, Kotz & Balakrishnan (1995) ch. 26",
		   bf_support_unit, uniform),
	ENTRY1("triang", "loc <= x <= loc + scale", "c", DOM_UNIT,
		   "Triangular distribution; scipy.stats.triang; Johnson, Kotz & Balakrishnan (1995) ch. 26",
		   bf_support_unit, triang),
	ENTRY0("gumbel_r", "all real x",
		   "Gumbel (right-skewed extreme value) distribution; scipy.stats.gumbel_r; Johnson, Kotz & Balakrishnan (1995) ch. 22",
		   bf_support_real, gumbel_r),
	ENTRY0("gumbel_l", "all real x",
		   "Gumbel (left-skewed extreme value) distribution; scipy.stats.gumbel_l; Johnson, Kotz & Balakrishnan (1995) ch. 22",
		   bf_support_real, gumbel_l),
	ENTRY1("genextreme", "x <= loc + scale/c when c > 0; all real x when c = 0; x >= loc + scale/c when c < 0", "c", DOM_REAL,
		   "Generalized extreme value distribution; scipy.stats.genextreme; Johnson, Kotz & Balakrishnan (1995) ch. 22",
		   genextreme_support, genextreme),
};


const int	bf_family_core_size = sizeof(bf_family_core) / sizeof(bf_family_core[0]);
