/*
 * inverse_gaussian.c — the inverse Gaussian and its relatives among
 * normal variance-mean mixtures: invgauss (first passage time of Brownian
 * motion with drift), wald (invgauss with mu = 1), recipinvgauss (1 / an
 * invgauss variable), geninvgauss (GIG: density z^(p-1) exp(-b (z + 1/z) /
 * 2) / (2 K_p(b))), norminvgauss (normal mixed over an inverse Gaussian
 * variance) and genhyperbolic (normal mixed over a GIG variance; NIG is its
 * case p = -1/2).  The GIG and generalized hyperbolic normalising constants
 * share the log Bessel K functions of numerics/bessel_k.h (genhyperbolic's
 * density takes its K from that file's table).
 * References: JKB1 ch. 15 (inverse Gaussian, Wald); Jorgensen (1982,
 * Lecture Notes in Statistics 9) for GIG; Barndorff-Nielsen (1977, Proc.
 * R. Soc. A 353; 1997, Scand. J. Statist. 24) for genhyperbolic and NIG.
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
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"
#include "numerics/bessel_k.h"


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
invgauss_logpdf(const BfDist *self, double z, const double *shape)
{
	double		mu = shape[0],
				u;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	u = (z - mu) / mu;
	/* u^2 / (2 z) as (u^2 / z) / 2, the same rounding (2 z overflows near DBL_MAX) */
	if (isinf(u))				/* small mu: (z - mu)^2 / z / mu^2 / 2, inf or finite, never inf / inf */
		return -LN_SQRT_2PI - 1.5 * log(z) - 0.5 * bf_sq_div(z - mu, z) / mu / mu;
	return -LN_SQRT_2PI - 1.5 * log(z) - 0.5 * bf_sq_div(u, z);
}

/* exp(2/mu) Phi(-(z/mu + 1)/sqrt z), the term shared by cdf and sf. */
static double
invgauss_term2(double z, double mu)
{
	return exp(2.0 / mu + bf_log_ndtr(-(z / mu + 1.0) / sqrt(z)));
}

static double
invgauss_cdf(const BfDist *self, double z, const double *shape)
{
	double		mu = shape[0];

	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return gsl_cdf_ugaussian_P((z / mu - 1.0) / sqrt(z)) + invgauss_term2(z, mu);
}

static double
invgauss_sf(const BfDist *self, double z, const double *shape)
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


static double
invgauss_ppf(const BfDist *self, double p, const double *shape)
{
	double		mu = shape[0],
				s2;

	PPF_EDGES(self, p, shape);
	/* lognormal with mean mu and variance mu^3 */
	s2 = log1p(mu);
	return bf_ppf_solve(self, shape, p,
					 exp(log(mu) - 0.5 * s2 + sqrt(s2) * bf_ndtri(p)));
}

/*
 * invgauss: mean = mu scale, var = mu^3 scale^2, skew = 3 sqrt(mu).  With
 * loc fixed mu = var / m^2, scale = m / mu (m = mean - loc); with loc free
 * mu = (skew / 3)^2 clamped to [1e-3, 50], scale = sd / mu^1.5,
 * loc = mean - mu scale, and the fixed-loc estimates below min when that
 * loc is not below the data.
 */
static void
invgauss_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
			bf_finish_start(self, s, fx, out);
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * wald: invgauss with mu = 1, z > 0:
 * f(z) = exp(-(z - 1)^2/(2 z)) / sqrt(2 pi z^3),
 * F = Phi((z - 1)/sqrt z) + exp(2) Phi(-(z + 1)/sqrt z),
 * sf = Q((z - 1)/sqrt z) - exp(2) Phi(-(z + 1)/sqrt z) (second term in
 * log space); ppf by Newton from a lognormal guess (mean 1, variance 1).
 * scipy.stats.wald; JKB1 ch. 15.  Accuracy ~1e-13.
 * ------------------------------------------------------------------------
 */

static double
wald_logpdf(const BfDist *self, double z, const double *shape)
{
	double		u = z - 1.0;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	return -LN_SQRT_2PI - 1.5 * log(z) - 0.5 * bf_sq_div(u, z);	/* as invgauss_logpdf */
}

static double
wald_term2(double z)
{
	return exp(2.0 + bf_log_ndtr(-(z + 1.0) / sqrt(z)));
}

static double
wald_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return bf_Phi((z - 1.0) / sqrt(z)) + wald_term2(z);
}

static double
wald_sf(const BfDist *self, double z, const double *shape)
{
	double		v;

	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	v = bf_Phic((z - 1.0) / sqrt(z)) - wald_term2(z);
	return v < 0 ? 0.0 : v;
}


static double
wald_ppf(const BfDist *self, double p, const double *shape)
{
	double		s2 = M_LN2;

	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, exp(-0.5 * s2 + sqrt(s2) * bf_ndtri(p)));
}


/* ------------------------------------------------------------------------
 * recipinvgauss(mu): 1/Y for Y ~ invgauss(mu), z > 0:
 * f(z) = exp(-(1 - mu z)^2/(2 z mu^2)) / sqrt(2 pi z);
 * F = Phi((z - 1/mu)/sqrt z) - exp(2/mu) Phi(-(1/mu + z)/sqrt z),
 * sf = Phi((1/mu - z)/sqrt z) + exp(2/mu) Phi(-(1/mu + z)/sqrt z), the
 * second term in log space (no overflow for small mu).  ppf by Newton
 * from the reciprocal of a lognormal guess for invgauss.
 * scipy.stats.recipinvgauss; JKB1 ch. 15.  Accuracy ~1e-13 (the lower tail
 * of F is a difference, as in scipy).
 * ------------------------------------------------------------------------
 */

static double
recipinvgauss_logpdf(const BfDist *self, double z, const double *shape)
{
	double		mu = shape[0],
				u = 1.0 - mu * z;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	/* u^2 / (2 z mu^2) as (u^2 / z) / (2 mu^2): 2 z overflows near DBL_MAX */
	if (isinf(u))				/* mu z overflows: (1 - mu z)^2 / mu^2 = (1/mu - z)^2 */
		return -0.5 * bf_sq_div(1.0 / mu - z, z) - 0.5 * log(2.0 * M_PI * z);
	return -bf_sq_div(u, z) / (2.0 * mu * mu) - 0.5 * log(2.0 * M_PI * z);
}

static double
recipinvgauss_term2(double z, double mu)
{
	return exp(2.0 / mu + bf_log_ndtr(-(1.0 / mu + z) / sqrt(z)));
}

static double
recipinvgauss_cdf(const BfDist *self, double z, const double *shape)
{
	double		mu = shape[0],
				v;

	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	v = bf_Phi((z - 1.0 / mu) / sqrt(z)) - recipinvgauss_term2(z, mu);
	return v < 0 ? 0.0 : v;
}

static double
recipinvgauss_sf(const BfDist *self, double z, const double *shape)
{
	double		mu = shape[0];

	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	return bf_Phic((z - 1.0 / mu) / sqrt(z)) + recipinvgauss_term2(z, mu);
}


static double
recipinvgauss_ppf(const BfDist *self, double p, const double *shape)
{
	double		mu = shape[0],
				s2 = log1p(mu);

	PPF_EDGES(self, p, shape);
	/* 1 / (lognormal with the mean and variance of invgauss(mu)) */
	return bf_ppf_solve(self, shape, p,
						exp(-(log(mu) - 0.5 * s2 + sqrt(s2) * bf_ndtri(1.0 - p))));
}


/* ------------------------------------------------------------------------
 * norminvgauss(a, b), |b| < a: the normal variance-mean mixture
 * b V + sqrt(V) N, V ~ invgauss(1/g), g = sqrt(a^2 - b^2):
 * f(z) = a/pi exp(g + b z) K1(a q)/q, q = sqrt(1 + z^2)
 * (written with the scaled K1: exp(g + b z - a q) K1e(a q); K1e by Hankel's
 * expansion from a q = 24, bf_bessel_k_scaled_hankel, GSL's below).
 * No closed form for F: the nearer tail is integrated (GSL QAGIU, the
 * tail scaled by the distribution's sd, relative tolerance 1e-12) and the
 * other side is 1 minus it; the split is at the mean b/g.  ppf by Newton
 * from a normal guess.  scipy.stats.norminvgauss; Barndorff-Nielsen (1997),
 * Scand. J. Statist. 24, 1-13.  Expensive (tens of microseconds per cdf).
 * Accuracy ~1e-12.
 * ------------------------------------------------------------------------
 */

/* scipy 1.15 norminvgauss._argcheck: (a > 0) & (|b| < a) */
static const char *
norminvgauss_argcheck(const BfDist *self, const double *shape)
{
	return fabs(shape[1]) < shape[0] ? NULL : "|b| < a";
}

/*
 * g + b z - a q, q = sqrt(1 + z^2), g = sqrt(a^2 - b^2), |b| < a: the
 * exponent of norminvgauss's and genhyperbolic's densities (with the
 * scaled Bessel function), at most 0 (0 at z* = b / g, q* = a / g).
 * Written as it reads it cancels terms of size a and a |z|: g - a q when
 * a is huge (a = 1.6e7, the normal limit: the absolute error 2e-9 made
 * GSL's quadrature of the cdf report round-off, so the cdf was NaN) and
 * b z - a q far out in the heavy tail, b near a sgn z (norminvgauss(365.17,
 * 365.17 - 1.3e-8) at z = 13,565, the fit to the zoo's lognormal s = 3
 * sketch; the pdf 3e-4 off at z = 1.3e10).  Without cancellation:
 *   on the side away from z* (b z <= 0): g - a = -b^2 / (g + a),
 *     a (q - 1) = a z^2 / (q + 1), so the exponent is
 *     -b^2 / (g + a) - |b z| - a z^2 / (q + 1), a sum of terms <= 0;
 *   on z*'s side (b z > 0): a z* - b q* = 0 and a q* - b z* = g give
 *     a q - b z - g = u (a z - b q) / (q + q*) and
 *     a z - b q = (g^2 z^2 - b^2) / (a z + b q) = g u (g z + b) / (a z + b q),
 *     u = z - z*, so the exponent is -g u^2 (g z + b) / ((q + q*) (a z + b q)),
 *     every factor of one sign.
 * Measured against mpmath at 40 digits on that fit: pdf within 1e-15 from
 * z = 73 to 1.3e10, sf within 2e-14.
 */
static inline double
gh_exponent(double a, double b, double g, double z, double q)
{
	if (b * z <= 0)
		return -b * b / (g + a) - fabs(b * z) - (a * fabs(z)) * (fabs(z) / (q + 1.0));
	{
		double		zs = b / g,
					qs = a / g,
					u = z - zs,
					r;

		if (!isfinite(qs))		/* g underflowed: as written */
			return g + b * z - a * q;
		/* grouped so that only an exponent below -DBL_MAX overflows (to -inf) */
		r = fabs(z) > 1.0 ? (g + b / z) / (a + b * (q / z)) : (g * z + b) / (a * z + b * q);
		return -(g * u) * (u / (q + qs)) * r;
	}
}

static double
norminvgauss_logpdf(const BfDist *self, double z, const double *shape)
{
	static BfMemo memo;			/* log a - log pi of the last a: the same at every value */
	double		a = shape[0],
				b = shape[1],
				g,
				q,
				k,
				c;
	gsl_sf_result r;

	if (!(fabs(b) < a))
		return NAN;
	if (isinf(z))
		return -INFINITY;
	g = sqrt((a - b) * (a + b));
	q = hypot(1.0, z);
	if (!bf_bessel_k_scaled_hankel(1.0, a * q, &k))
		k = bf_gsl_value(gsl_sf_bessel_K1_scaled_e(a * q, &r), &r);
	if (!bf_memo_get(&memo, &a, 1, &c))
		bf_memo_put(&memo, &a, 1, c = log(a) - LN_PI);
	return c + log(k) + gh_exponent(a, b, g, z, q) - log(q);
}

typedef struct NigCtx
{
	const BfDist *self;			/* the norminvgauss entry */
	const double *shape;
	double		z;
	double		step;			/* signed: integrate f(z + step w) |step| dw */
} NigCtx;

static double
nig_integrand(double w, void *p)
{
	NigCtx	   *c = (NigCtx *) p;

	return exp(norminvgauss_logpdf(c->self, c->z + c->step * w, c->shape)) * fabs(c->step);
}

/*
 * The integral of the pdf beyond z: upward (upper = true) or downward.
 * One QAGIU in units of the standard deviation, unless the law's
 * skewness 3 b / (a sqrt(g)) (Barndorff-Nielsen 1997) exceeds 10 in
 * magnitude: for b close to a the law is a spike beside a tail millions
 * of units long, and that QAGIU, downward from below the mean, missed the
 * spike and returned 0 as converged (cdf 0 instead of 0.518 at
 * a = 142.54219794, b = 142.54219716, skewness 25, the fit of a real
 * sketch; scipy's quad agrees on 0.518).  Then: pieces of doubling length
 * outward from z, the first as long as the tail's own decay length (the
 * density falls as exp(-(a - b) z) upward and exp(-(a + b) |z|) downward)
 * if shorter than the standard deviation, each by QAGS, until a piece adds
 * less than 1e-17 of the sum, and the rest by QAGIU in units of the last
 * piece's length.
 */
#define NIG_MAX_PIECES 120

static double
nig_tail(const BfDist *self, double z, const double *shape, bool upper)
{
	double		a = shape[0],
				b = shape[1],
				g = sqrt((a - b) * (a + b)),
				sd = a / (g * sqrt(g)),
				len = fmin(sd, 1.0 / (upper ? a - b : a + b)),
				from = 0,
				sum = 0,
				res,
				err;
	NigCtx		ctx = {self, shape, z, upper ? 1.0 : -1.0};
	gsl_function F = {nig_integrand, &ctx};
	gsl_integration_workspace *ws = gsl_integration_workspace_alloc(200);
	int			k;

	if (ws == NULL)
		return NAN;
	if (!(3.0 * fabs(b) / (a * sqrt(g)) > 10.0))
	{
		/* skewness at most 10: one QAGIU in units of the standard deviation */
		ctx.step = upper ? sd : -sd;
		if (gsl_integration_qagiu(&F, 0.0, 0.0, 1e-12, 200, ws, &res, &err) != GSL_SUCCESS &&
			!(err <= 1e-10 * fabs(res)))
			res = NAN;
		gsl_integration_workspace_free(ws);
		return res;
	}
	for (k = 0; k < NIG_MAX_PIECES; k++)
	{
		int			st = gsl_integration_qags(&F, from, from + len, 1e-17 * sum, 1e-12, 200, ws, &res, &err);

		/* roundoff in the density's own evaluation: accept 1e-9 of the piece or 1e-12 of the sum */
		if (st != GSL_SUCCESS && !(err <= 1e-9 * fabs(res) || err <= 1e-12 * (sum + res)))
		{
			sum = NAN;
			break;
		}
		sum += res;
		from += len;
		len *= 2.0;
		if (res <= 1e-17 * sum || bf_should_stop())
			break;
	}
	if (isfinite(sum) && !bf_should_stop())
	{
		/* the rest beyond the last piece, in units of its length */
		ctx.z = z + (upper ? from : -from);
		ctx.step = upper ? len : -len;
		if (gsl_integration_qagiu(&F, 0.0, 1e-300, 1e-12, 200, ws, &res, &err) != GSL_SUCCESS &&
			!(err <= 1e-9 * fabs(res) || err <= 1e-12 * sum))
			sum = NAN;
		else
			sum += res;
	}
	else if (bf_should_stop())
		sum = NAN;
	gsl_integration_workspace_free(ws);
	return sum;
}

static double
norminvgauss_cdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				mean;

	if (!(fabs(b) < a) || isnan(z))
		return NAN;
	if (isinf(z))
		return z > 0 ? 1.0 : 0.0;
	mean = b / sqrt((a - b) * (a + b));
	if (z <= mean)
		return nig_tail(self, z, shape, false);
	return 1.0 - nig_tail(self, z, shape, true);
}

static double
norminvgauss_sf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				mean;

	if (!(fabs(b) < a) || isnan(z))
		return NAN;
	if (isinf(z))
		return z > 0 ? 0.0 : 1.0;
	mean = b / sqrt((a - b) * (a + b));
	if (z > mean)
		return nig_tail(self, z, shape, true);
	return 1.0 - nig_tail(self, z, shape, false);
}


static double
norminvgauss_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				g;

	if (!(fabs(b) < a))
		return NAN;
	PPF_EDGES(self, p, shape);
	g = sqrt((a - b) * (a + b));
	return bf_ppf_solve(self, shape, p,
						b / g + a / (g * sqrt(g)) * bf_ndtri(p));
}

/*
 * norminvgauss: moments (Barndorff-Nielsen 1997): mean = b/g,
 * var = a^2/g^3, skew = 3 b/(a sqrt g), excess kurtosis
 * = 3 (1 + 4 b^2/a^2)/g.  With r = b/a: kurt/skew^2 = (1 + 4 r^2)/(3 r^2),
 * g = 3 (1 + 4 r^2)/kurt, a = g/sqrt(1 - r^2); r^2 clamped to [0, 0.8],
 * g to [0.05, 50]; loc and scale from the mean and variance.
 */
static void
norminvgauss_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		sk = isfinite(s->skew) ? s->skew : 0.0,
				ku = isfinite(s->kurt) ? s->kurt : 0.0,
				r2 = 0.0,
				g,
				a,
				b,
				scale;

	if (ku > 0.1)
	{
		double		den = 3.0 * ku / fmax(sk * sk, 1e-12) - 4.0;

		r2 = den > 0 ? bf_clampd(1.0 / den, 0.0, 0.8) : 0.8;
		g = bf_clampd(3.0 * (1.0 + 4.0 * r2) / ku, 0.05, 50.0);
	}
	else
		g = 10.0;
	a = g / sqrt(1.0 - r2);
	b = copysign(sqrt(r2) * a, sk);
	if (!isnan(fx[0]))
		a = fx[0];
	if (!isnan(fx[1]))
		b = fx[1];
	if (!(fabs(b) < a))
		b = 0.5 * a * (b > 0 ? 1.0 : -1.0);
	g = sqrt((a - b) * (a + b));
	scale = isnan(fx[3]) ? bf_data_scale(s) * g * sqrt(g) / a : fx[3];
	out[0] = a;
	out[1] = b;
	out[3] = scale;
	out[2] = isnan(fx[2]) ? bf_data_center(s) - scale * b / g : fx[2];
	bf_finish_start(self, s, fx, out);
}


/*
 * Mean and sd of the standard norminvgauss (entry.h, ridge_moments: the
 * search's moment coordinates on near-normal data): b / g and a / g^(3/2),
 * g = sqrt(a^2 - b^2) (Barndorff-Nielsen 1997; scipy.stats.norminvgauss).
 */
static void
norminvgauss_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	double		a = shape[0],
				b = shape[1],
				g = sqrt((a - b) * (a + b));

	*mean = b / g;
	*sd = a / (g * sqrt(g));
}

/* bf_ln_bessel_k_scaled (numerics/bessel_k.h) for a normalising constant: memoised (fixed during a likelihood pass) */
static double
lnKnu_scaled_const(double nu, double x)
{
	static BfMemo memo;
	double		key[2] = {nu, x},
				v;

	if (!bf_memo_get(&memo, key, 2, &v))
		bf_memo_put(&memo, key, 2, v = bf_ln_bessel_k_scaled(nu, x));
	return v;
}


/* ------------------------------------------------------------------------
 * geninvgauss(p, b): f(z) = z^(p-1) exp(-b (z + 1/z)/2) / (2 K_p(b)), z > 0
 * (scipy docs; Jorgensen 1982).  logpdf with the scaled Bessel function:
 * (p-1) log z - b (z - 1)^2 / (2 z) - log 2 - log K_p(b) - b.  No closed
 * form for F: with z = e^u, F(z) = int_{-inf}^{log z} exp(p u - b cosh u)
 * du / (2 K_p(b)), the sf the integral from log z up; the integrand is
 * taken relative to its value at the mode u* = asinh(p / b) and the
 * integral split there (GSL QAGIL/QAG/QAGIU, relative tolerance 1e-13).
 * ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

typedef struct
{
	double		p,
				b,
				um,
				gm;				/* mode of the integrand and its log */
} GigInt;

/* p (u - um) - b (cosh u - cosh um): the log of the integrand relative to its mode */
static double
gig_v(const GigInt *g, double u)
{
	return g->p * (u - g->um) - 2.0 * g->b * sinh(0.5 * (u + g->um)) * sinh(0.5 * (u - g->um));
}

static double
gig_v_par(double u, const void *par)
{
	return gig_v((const GigInt *) par, u);
}

static double
gig_integrand(double u, void *par)
{
	double		v;

	if (isinf(u))
		return 0.0;
	v = gig_v((const GigInt *) par, u);
	return (v < -745.0) ? 0.0 : exp(v);
}

static void
gig_setup(double p, double b, GigInt *g)
{
	g->p = p;
	g->b = b;
	g->um = asinh(p / b);
	/* p um - b (cosh um - 1): the log of the integrand at its mode plus b */
	g->gm = p * g->um - 2.0 * b * sinh(0.5 * g->um) * sinh(0.5 * g->um);
}

/*
 * A tail of the integrand, [lo, hi] on one side of the mode, with the
 * integrand taken relative to its value at the end e nearest the mode (so
 * that a tail far out, 1e-219 at b = 1e7, does not underflow) and the far
 * end cut where it has fallen by e^-60 (found by doubling from the
 * integrand's own width 1 / sqrt(b cosh e)); returns the log of the
 * integral, NaN on failure.
 */
static double
gig_log_tail(const GigInt *g, double lo, double hi)
{
	int			dir = (hi <= g->um) ? -1 : 1;	/* outward from the mode */
	double		e = (dir < 0) ? hi : lo,
				far = bf_decay_end(gig_v_par, g, e, dir, 1.0 / sqrt(g->b * cosh(e) + fabs(g->p) + 1.0),
							   60.0, lo, hi),
				shift = gig_v(g, e),
				I;

	if (isinf(far))
		return NAN;
	I = (dir < 0) ? bf_integrate_exp(gig_v_par, g, shift, far, e) : bf_integrate_exp(gig_v_par, g, shift, e, far);
	if (!(I > 0) || !isfinite(I))
		return NAN;
	return log(I) + shift;
}

/*
 * int_lo^hi exp(p u - b cosh u) du / (2 K_p(b)) for lo < hi.  Where the
 * plain quadrature gives no probability (NaN, 0 or above 1) for a piece on
 * one side of the mode, the tail form above: before 2026-12-02 the plain
 * one missed the narrow peak of geninvgauss(108, 1.5e7) (a fit at its
 * normal limit on weather.csv's wind_dir) and returned 0 two standard
 * deviations below the mean and, through fmin(NaN, 1), 1 one deviation
 * below it, so that its quantiles went to the support's end.
 */
static double
gig_mass(const GigInt *g, double lo, double hi)
{
	double		I = 0.0,
				r,
				lk = bf_ln_bessel_k_scaled(g->p, g->b);	/* gm and lk both relative to e^-b */

	if (lo < g->um && hi > g->um)
		I = bf_integrate(gig_integrand, (void *) g, lo, g->um) + bf_integrate(gig_integrand, (void *) g, g->um, hi);
	else
		I = bf_integrate(gig_integrand, (void *) g, lo, hi);
	r = I * exp(g->gm - M_LN2 - lk);
	if (!(r > 0.0 && r <= 1.0) && !(lo < g->um && hi > g->um))
	{
		double		e = (hi <= g->um) ? hi : lo;

		/* the density at the tail's inner end already below the doubles: the mass is 0 */
		if (gig_v(g, e) + g->gm - M_LN2 - lk < -800.0)
			return 0.0;
		r = exp(gig_log_tail(g, lo, hi) + g->gm - M_LN2 - lk);
	}
	return (r > 1.0) ? 1.0 : r;
}

/*
 * Mean K_{p+1}(b) / K_p(b): the cdf is computed directly below it and as
 * 1 - sf above it (and the sf the other way round), so that a value close
 * to 1 keeps its absolute accuracy.
 */
static double
gig_mean(double p, double b)
{
	return exp(bf_ln_bessel_k(p + 1.0, b) - bf_ln_bessel_k(p, b));
}

static double
geninvgauss_logpdf(const BfDist *self, double z, const double *shape)
{
	double		p = shape[0],
				b = shape[1];

	if (isnan(z))
		return NAN;
	if (z <= 0 || isinf(z))
		return -INFINITY;
	return (p - 1.0) * log(z) - 0.5 * b * (z - 1.0) * (z - 1.0) / z - M_LN2 - lnKnu_scaled_const(p, b);
}

static double
geninvgauss_cdf(const BfDist *self, double z, const double *shape)
{
	GigInt		g;

	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	gig_setup(shape[0], shape[1], &g);
	if (z > gig_mean(shape[0], shape[1]))
		return 1.0 - gig_mass(&g, log(z), INFINITY);
	return gig_mass(&g, -INFINITY, log(z));
}

static double
geninvgauss_sf(const BfDist *self, double z, const double *shape)
{
	GigInt		g;

	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	gig_setup(shape[0], shape[1], &g);
	if (z < gig_mean(shape[0], shape[1]))
		return 1.0 - gig_mass(&g, -INFINITY, log(z));
	return gig_mass(&g, log(z), INFINITY);
}


static double
geninvgauss_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * genhyperbolic(p, a, b): with R = sqrt(1 + z^2), g = sqrt(a^2 - b^2)
 * (scipy docs; Barndorff-Nielsen 1978, Eberlein & Prause 2002):
 *   f(z) = g^p / (sqrt(2 pi) a^(p - 1/2) K_p(g)) e^(b z)
 *          K_{p-1/2}(a R) / R^(1/2 - p),
 * defined for |b| < a (this catalogue also requires it for p < 0, where
 * scipy allows |b| = a).  F has no closed form: Z = b V + sqrt(V) N with
 * N ~ N(0, 1) and V = W / g, W ~ geninvgauss(p, g) (scipy's _rvs), so
 *   F(z) = E[Phi((z - b V) / sqrt(V))], sf = E[Phi((b V - z) / sqrt(V))],
 * integrals over u = log W of the geninvgauss density (positive
 * integrands, no cancellation in either tail), split at the mode of the
 * geninvgauss density (GSL QAGIL/QAGIU, relative tolerance 1e-13).  ppf by
 * bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

typedef struct
{
	GigInt		g;
	double		z,
				b,
				sign;			/* +1 for the cdf, -1 for the sf */
} GhInt;

static double
gh_integrand(double u, void *par)
{
	const GhInt *h = (const GhInt *) par;
	double		w = gig_integrand(u, (void *) &h->g),
				v,
				arg;

	if (w == 0.0)
		return 0.0;
	v = exp(u) / h->g.b;
	arg = h->sign * (h->z - h->b * v) / sqrt(v);
	return w * bf_ncdf(arg);
}

static bool
gh_valid(const double *shape)
{
	return shape[1] > 0 && fabs(shape[2]) < shape[1];
}

static double
gh_gamma(const double *shape)
{
	double		a = shape[1],
				b = shape[2];

	return sqrt((a - b) * (a + b));
}

/*
 * scipy 1.15 genhyperbolic._argcheck: |b| < a when p >= 0, |b| <= a when
 * p < 0.  The limit |b| = a (p < 0) is not evaluated here (gh_valid: NaN),
 * so it is rejected too: |b| < a throughout
 */
static const char *
genhyperbolic_argcheck(const BfDist *self, const double *shape)
{
	return fabs(shape[2]) < shape[1] ? NULL : "|b| < a";
}

static double
genhyperbolic_logpdf(const BfDist *self, double z, const double *shape)
{
	static BfMemo memo;
	double		p = shape[0],
				a = shape[1],
				b = shape[2],
				g,
				R,
				lr,
				c;

	if (isnan(z) || !gh_valid(shape))
		return NAN;
	if (isinf(z))
		return -INFINITY;
	g = gh_gamma(shape);
	R = hypot(1.0, z);
	lr = 0.5 * log1p(z * z);
	/*
	 * the leading terms, of the shapes alone, kept for the last shapes (the
	 * same at every value of a likelihood; the first terms of the sums
	 * below, evaluated left to right, so the value is the same to the bit)
	 */
	if (!bf_memo_get(&memo, shape, 3, &c))
		bf_memo_put(&memo, shape, 3,
					c = p * log(g) - 0.5 * LN_2PI - (p - 0.5) * log(a) - lnKnu_scaled_const(p, g));
	if (fabs(z) > 1e150)
	{
		/*
		 * R = |z| to double precision and K_nu(x) = sqrt(pi / (2 x)) e^-x
		 * (1 + O(1/x)) (DLMF 10.40.2): b z - a |z| joined as one product, so
		 * that a z near DBL_MAX gives -Infinity or a finite value, not
		 * bf_ln_bessel_k's NaN or inf - inf
		 */
		lr = log(fabs(z));
		return c + g
			- (a - copysign(b, z)) * fabs(z) + 0.5 * (log(M_PI_2) - log(a) - lr)
			+ (p - 0.5) * lr;
	}
	return c
		+ gh_exponent(a, b, g, z, R) + bf_ln_bessel_k_scaled_tab(p - 0.5, a * R) + (p - 0.5) * lr;
}

static double
genhyperbolic_tail(double z, const double *shape, double sign)
{
	GhInt		h;
	double		g,
				I,
				lk;

	if (!gh_valid(shape))
		return NAN;
	g = gh_gamma(shape);
	gig_setup(shape[0], g, &h.g);
	h.z = z;
	h.b = shape[2];
	h.sign = sign;
	lk = bf_ln_bessel_k_scaled(shape[0], g);	/* h.g.gm and lk both relative to e^-g */
	I = bf_integrate(gh_integrand, &h, -INFINITY, h.g.um) + bf_integrate(gh_integrand, &h, h.g.um, INFINITY);
	/*
	 * Two features that the two infinite intervals from the mode can miss:
	 * where z / b > 0 the normal factor turns from about 0 to about 1 at
	 * the mixing value v = e^u / g = z / b, over a stretch of u about w =
	 * 1 / (|b| sqrt(v)) wide: far in a heavy tail (b near a) that step is
	 * narrow and far from the mode, and QAGIU from the mode sampled no
	 * point of it (2e-22 for an sf of 6e-5: the fit to the zoo's Pareto
	 * sketch at x = 188,687; mpmath); and at a huge g (the normal limit)
	 * the mixing density's own peak is about 1 / sqrt(g cosh um) wide, too
	 * narrow for QAGIL/QAGIU's first nodes (g = 1.7e8 on the zoo's sum of
	 * uniforms: cdf 0 below the mode, 1 above).  When either is narrow
	 * (64 widths < 1 in u, 0.1 for the peak), the integral is also taken in
	 * pieces cut at the step -+ 64 w and at the peak -+ 1, 8, 64 widths, and
	 * the larger of the two sums kept: the integrand is positive, so a rule
	 * that misses a feature only loses mass (the pieces alone can miss the
	 * other feature at the end of a long finite piece: the step's cuts alone
	 * lost 1.6e-8 at x = 1,000 and gave 0.483 for a median of a near-normal
	 * fit).
	 */
	{
		double		vs = z / h.b,
					us = (vs > 0) ? log(g * vs) : NAN,
					hw = (vs > 0) ? 64.0 / (fabs(h.b) * sqrt(vs)) : INFINITY,
					pw = 1.0 / sqrt(g * cosh(h.g.um) + fabs(h.g.p) + 1.0),
					c[9];
		int			nc = 0;

		if (isfinite(us) && hw < 1.0)
		{
			c[nc++] = us - hw;
			c[nc++] = us + hw;
		}
		if (pw < 0.1)
		{
			static const double k[3] = {1.0, 8.0, 64.0};

			for (int i = 0; i < 3; i++)
			{
				c[nc++] = h.g.um - k[i] * pw;
				c[nc++] = h.g.um + k[i] * pw;
			}
		}
		if (nc > 0)
		{
			double		J = 0.0,
						lo = -INFINITY;

			c[nc++] = h.g.um;
			/* insertion sort of at most 9 cuts */
			for (int i = 1; i < nc; i++)
				for (int m = i; m > 0 && c[m - 1] > c[m]; m--)
				{
					double		t = c[m];

					c[m] = c[m - 1];
					c[m - 1] = t;
				}
			for (int i = 0; i < nc; i++)
			{
				if (isfinite(c[i]) && c[i] > lo)
				{
					J += bf_integrate(gh_integrand, &h, lo, c[i]);
					lo = c[i];
				}
			}
			J += bf_integrate(gh_integrand, &h, lo, INFINITY);
			/* also where the two infinite intervals failed (NaN) and the pieces did not */
			if (J > I || (isnan(I) && J >= 0))
				I = J;
		}
	}
	/* NaN stays NaN (fmin would make it 1) */
	return isnan(I) ? I : fmin(I * exp(h.g.gm - M_LN2 - lk), 1.0);
}

/* mean b / g K_{p+1}(g) / K_p(g): where cdf switches to 1 - sf */
static double
gh_mean(const double *shape)
{
	double		g = gh_gamma(shape);

	return shape[2] / g * exp(bf_ln_bessel_k(shape[0] + 1.0, g) - bf_ln_bessel_k(shape[0], g));
}

static double
genhyperbolic_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (isinf(z))
		return (z > 0) ? 1.0 : 0.0;
	if (!gh_valid(shape))
		return NAN;
	if (z > gh_mean(shape))
		return 1.0 - genhyperbolic_tail(z, shape, -1.0);
	return genhyperbolic_tail(z, shape, 1.0);
}

static double
genhyperbolic_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (isinf(z))
		return (z > 0) ? 0.0 : 1.0;
	if (!gh_valid(shape))
		return NAN;
	if (z < gh_mean(shape))
		return 1.0 - genhyperbolic_tail(z, shape, 1.0);
	return genhyperbolic_tail(z, shape, -1.0);
}


static double
genhyperbolic_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (!gh_valid(shape))
		return NAN;
	if (p == 0.5 && shape[2] == 0)
		return 0.0;				/* symmetric */
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_inverse_gaussian[] = {
	ENTRY1("invgauss", "x > loc", "mu", DOM_POS,
		   "Inverse Gaussian (Wald) distribution; scipy.stats.invgauss; Johnson, Kotz & Balakrishnan (1994) ch. 15",
		   bf_support_pos, invgauss, .limit_lo = "norm", .limit_hi = "levy"),
	{
		.name = "wald", .nshapes = 0,
		.description = "Wald distribution (inverse Gaussian with mu = 1); scipy.stats.wald; Johnson, Kotz & Balakrishnan (1994) ch. 15",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(wald)
	},
	{
		.name = "recipinvgauss", .nshapes = 1, .shapes = {{"mu", DOM_POS, .limit_hi = "gamma (a = 1/2)"}},
		.description = "Reciprocal inverse Gaussian distribution; scipy.stats.recipinvgauss; Johnson, Kotz & Balakrishnan (1994) ch. 15",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(recipinvgauss),
		.fit = {.ngrid = {5}, .grid = {{0.1, 0.3, 1.0, 3.0, 10.0}}}
	},
	{
		.name = "norminvgauss", .nshapes = 2, .shapes = {{"a", DOM_POS, .limit_hi = "norm"}, {"b", DOM_REAL}},
		.description = "Normal-inverse Gaussian distribution (|b| < a); scipy.stats.norminvgauss; Barndorff-Nielsen (1997), Scand. J. Statist. 24, 1-13",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(norminvgauss),
		.argcheck = norminvgauss_argcheck,
		.fit = {
			.expensive = true,
			.cost_class = 2,
			.ngrid = {3, 3}, .grid = {{0.7, 2.0, 6.0}, {-0.4, 0.0, 0.4}},
			.bin_quadrature = true,
			.bound_by = {0, 1},	/* |b| < a */
			.start = norminvgauss_start,
			.ridge_moments = norminvgauss_moments, .moment_search = true, .moment_probe = true,
			.moment_search_normal = 0.2
		}
	},
	{
		.name = "geninvgauss", .nshapes = 2, .shapes = {{"p", DOM_REAL}, {"b", DOM_POS}},
		.description = "Generalized inverse Gaussian distribution; scipy.stats.geninvgauss; "
		"Jorgensen (1982), Lecture Notes in Statistics 9",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(geninvgauss),
		.fit = {
			.expensive = true,
			.ngrid = {3, 3}, .grid = {{-1.0, 0.5, 2.0}, {0.3, 1.5, 6.0}},
			.bin_quadrature = true
		}
	},
	{
		.name = "genhyperbolic", .nshapes = 3,
		.shapes = {{"p", DOM_REAL}, {"a", {0.0, INFINITY, true, false}}, {"b", DOM_REAL}},
		.description = "Generalized hyperbolic distribution (|b| < a); scipy.stats.genhyperbolic; "
		"Barndorff-Nielsen (1978), Scand. J. Statist. 5; Eberlein & Prause (2002)",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(genhyperbolic),
		.argcheck = genhyperbolic_argcheck,
		.fit = {
			.nest = {{"norminvgauss", 1, {0}, {-0.5}}},
			.expensive = true,
			.cost_class = 2,
			.ngrid = {3, 2, 3}, .grid = {{-1.0, 0.5, 1.5}, {1.0, 3.0}, {-0.5, 0.0, 0.5}},
			.bin_quadrature = true,
			.interpolate_logpdf = true,
			.bound_by = {0, 0, 2}	/* |b| < a */
		}
	},
};

const int	bf_family_inverse_gaussian_size = sizeof(bf_family_inverse_gaussian) / sizeof(bf_family_inverse_gaussian[0]);
