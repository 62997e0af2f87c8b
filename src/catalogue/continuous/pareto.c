/*
 * pareto.c — Pareto, Burr and log-logistic laws (power-law tails):
 * pareto (type I), lomax (type II, pareto shifted to 0), genpareto
 * (generalized Pareto, the peaks-over-threshold law), truncpareto (pareto
 * on a bounded interval), burr (type III, Dagum) and burr12 (type XII,
 * Singh-Maddala), fisk (log-logistic: burr with d = 1), mielke (Mielke's
 * beta-kappa, a Dagum / Burr III generalisation) and kappa3 (Mielke &
 * Johnson's three-parameter kappa).
 * References: JKB1 ch. 20 (Pareto, Lomax, generalized Pareto); Burr (1942,
 * Ann. Math. Statist. 13); Kleiber & Kotz (2003); Mielke (1973, J. Appl.
 * Meteor. 12) for mielke; Mielke & Johnson (1973, Mon. Weather Rev. 101)
 * for kappa3.
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
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"


/* ------------------------------------------------------------------------
 * pareto(b): f(z) = b / z^(b+1), z >= 1; sf = z^-b, F = 1 - z^-b,
 * ppf = (1 - p)^(-1/b).  scipy.stats.pareto; JKB1 ch. 20.
 * ------------------------------------------------------------------------
 */

static void
pareto_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = 1.0;
	*zhi = INFINITY;
}

static double
pareto_logpdf(const BfDist *self, double z, const double *shape)
{
	double		b = shape[0];

	if (z < 1)
		return -INFINITY;
	return log(b) - (b + 1.0) * log(z);
}

static double
pareto_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 1)
		return 0.0;
	return -expm1(-shape[0] * log(z));
}

static double
pareto_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 1)
		return 1.0;
	return exp(-shape[0] * log(z));
}

static double
pareto_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(-log1p(-p) / shape[0]);
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

/*
 * pareto: x = loc + scale Z with Z >= 1.  With loc fixed, scale just below
 * min - loc and b = 1 / (mean log(x) - log scale) (the MLE, for floc = 0) or
 * b = log 2 / log((med - loc) / scale); with loc free, the lomax estimates
 * shifted by one scale (pareto(b, loc, scale) = lomax(b, loc + scale, scale)).
 */
static void
pareto_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * lomax(c) (Pareto type II): f(z) = c / (1 + z)^(c+1), z >= 0;
 * sf = (1 + z)^-c, F = 1 - sf, ppf = (1 - p)^(-1/c) - 1.
 * scipy.stats.lomax; JKB1 ch. 20.
 * ------------------------------------------------------------------------
 */

static double
lomax_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0)
		return -INFINITY;
	return log(c) - (c + 1.0) * log1p(z);
}

static double
lomax_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return -expm1(-shape[0] * log1p(z));
}

static double
lomax_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return exp(-shape[0] * log1p(z));
}

static double
lomax_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return expm1(-log1p(-p) / shape[0]);
}

static void
lomax_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	lomax_estimate(s, fx, out);
	bf_finish_start(self, s, fx, out);
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
genpareto_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = (shape[0] < 0) ? -1.0 / shape[0] : INFINITY;
}

static double
genpareto_logpdf(const BfDist *self, double z, const double *shape)
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
genpareto_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 0.0;
	if (c < 0 && c * z <= -1.0)
		return 1.0;
	return -expm1(-bf_log1p_div(c, z));
}

static double
genpareto_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 1.0;
	if (c < 0 && c * z <= -1.0)
		return 0.0;
	return exp(-bf_log1p_div(c, z));
}

static double
genpareto_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_expm1_div(shape[0], -log1p(-p));
}

/*
 * genpareto: loc just below min when free; for y = x - loc the quartile
 * ratio r = y75 / y50 = 2^c + 1 gives c = log2(r - 1), clamped to
 * [-0.45, 1.5], and scale = y50 c / (2^c - 1).  For c < 0 the upper end
 * loc + scale / |c| is moved above max by raising c when needed.
 */
static void
genpareto_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * truncpareto(b, c): upper-truncated Pareto, scipy.stats.truncpareto
 * (Burroughs & Tebbens (2001), Pure Appl. Geophys. 158, 741):
 * f(z) = b z^-(b+1) / D, 1 <= z <= c, D = 1 - c^-b = -expm1(-b log c);
 * F = -expm1(-b log z) / D; sf = z^-b (-expm1(-b log(c / z))) / D;
 * ppf = (1 - D p)^(-1/b) = exp(-log1p(-D p) / b), and for p > 1/2 from
 * q = 1 - p: (c^-b + D q)^(-1/b).  Closed forms, ~1e-15 relative.
 * ------------------------------------------------------------------------
 */

static void
truncpareto_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 1.0;
	*zhi = shape[1];
}

/*
 * log(1 - c^-b), the normalisation, with log b and log c: the same at
 * every value of a likelihood, so kept for the last (b, c) (the same
 * expressions: the same values, whatever came before)
 */
static struct
{
	double		b,
				c,
				logD,
				logb,
				logc;
}			tp_last = {NAN, NAN};

static void
tp_prepare(const double *shape)
{
	if (shape[0] == tp_last.b && shape[1] == tp_last.c)
		return;
	tp_last.logD = log(-expm1(-shape[0] * log(shape[1])));
	tp_last.logb = log(shape[0]);
	tp_last.logc = log(shape[1]);
	tp_last.b = shape[0];
	tp_last.c = shape[1];
}

static double
truncpareto_logD(const double *shape)
{
	tp_prepare(shape);
	return tp_last.logD;
}

static double
truncpareto_logpdf(const BfDist *self, double z, const double *shape)
{
	double		b = shape[0],
				c = shape[1];

	if (isnan(z))
		return z;
	if (!(z >= 1.0 && z <= c))
		return -INFINITY;
	tp_prepare(shape);
	return tp_last.logb - tp_last.logD - (b + 1.0) * log(z);
}

static double
truncpareto_cdf(const BfDist *self, double z, const double *shape)
{
	double		b = shape[0],
				c = shape[1];

	if (isnan(z))
		return z;
	if (z <= 1.0)
		return 0.0;
	if (z >= c)
		return 1.0;
	return exp(log(-expm1(-b * log(z))) - truncpareto_logD(shape));
}

static double
truncpareto_sf(const BfDist *self, double z, const double *shape)
{
	double		b = shape[0],
				c = shape[1];

	if (isnan(z))
		return z;
	if (z <= 1.0)
		return 1.0;
	if (z >= c)
		return 0.0;
	tp_prepare(shape);
	return exp(-b * log(z) + log(-expm1(-b * (tp_last.logc - log(z)))) - tp_last.logD);
}

static double
truncpareto_ppf(const BfDist *self, double p, const double *shape)
{
	double		b = shape[0],
				c = shape[1],
				D;

	PPF_EDGES(self, p, shape);
	D = -expm1(-b * log(c));
	if (p <= 0.5)
		return fmin(exp(-log1p(-D * p) / b), c);
	return fmin(exp(-log(exp(-b * log(c)) + D * (1.0 - p)) / b), c);
}


/* ------------------------------------------------------------------------
 * burr(c, d), c, d > 0, z >= 0 (Burr type III, Dagum):
 *   f(z) = c d z^(-c-1) / (1 + z^-c)^(d+1),  F(z) = (1 + z^-c)^-d,
 *   sf(z) = -expm1(-d log1p(z^-c)),  ppf(p) = expm1(-log(p) / d)^(-1/c).
 * Source: scipy.stats.burr; Burr (1942), Ann. Math. Statist. 13,
 * eq. (11); Kleiber (2008).  Numerics: log1p(z^-c) as -c log z +
 * log1p(z^c) below z = 1 (no overflow), ppf with expm1 (scipy's
 * p^(-1/d) - 1 cancels as p -> 1 or d -> inf).  Accuracy: ~1e-15.
 * ------------------------------------------------------------------------
 */

/* log1p(z^-c) for z > 0 */
static double
burr_l(double z, double c)
{
	double		lz = log(z);

	if (lz < 0)
		return -c * lz + log1p(exp(c * lz));
	return log1p(exp(-c * lz));
}

static double
burr_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				d = shape[1];

	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z < 1)
		return log(c) + log(d) + bf_xlogy(c * d - 1.0, z) - (d + 1.0) * log1p(pow(z, c));
	return log(c) + log(d) - (c + 1.0) * log(z) - (d + 1.0) * log1p(pow(z, -c));
}

static double
burr_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return exp(-shape[1] * burr_l(z, shape[0]));
}

static double
burr_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	return -expm1(-shape[1] * burr_l(z, shape[0]));
}

static double
burr_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				lp,
				e;

	PPF_EDGES(self, p, shape);
	lp = (p > 0.5) ? log1p(-(1.0 - p)) : log(p);
	e = expm1(-lp / d);
	/* e overflows for small d in the lower tail (d = 0.0148, p = 1e-6 on weather.csv's dewp) */
	if (isinf(e))
		return exp(-bf_log_expm1(-lp / d) / c);
	return pow(e, -1.0 / c);
}


/* ------------------------------------------------------------------------
 * burr12(c, d), c, d > 0, z >= 0 (Burr type XII, Singh-Maddala):
 *   f(z) = c d z^(c-1) / (1 + z^c)^(d+1),  sf(z) = (1 + z^c)^-d,
 *   F(z) = -expm1(-d log1p(z^c)),  ppf(p) = expm1(-log1p(-p) / d)^(1/c).
 * Source: scipy.stats.burr12; Burr (1942), eq. (20); NIST Dataplot.
 * Numerics: log1p(z^c) as c log z + log1p(z^-c) above z = 1 (no
 * overflow).  Accuracy: ~1e-15.
 * ------------------------------------------------------------------------
 */

/* log1p(z^c) for z > 0 */
static double
burr12_l(double z, double c)
{
	double		lz = log(z);

	if (lz > 0)
		return c * lz + log1p(exp(-c * lz));
	return log1p(exp(c * lz));
}

static double
burr12_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				d = shape[1];

	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z == 0)
		return log(c) + log(d) + bf_xlogy(c - 1.0, z);
	return log(c) + log(d) + (c - 1.0) * log(z) - (d + 1.0) * burr12_l(z, c);
}

static double
burr12_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return -expm1(-shape[1] * burr12_l(z, shape[0]));
}

static double
burr12_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	return exp(-shape[1] * burr12_l(z, shape[0]));
}

static double
burr12_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				e;

	PPF_EDGES(self, p, shape);
	e = expm1(-log1p(-p) / d);
	/* e overflows for small d in the upper tail; the quantile may still be finite */
	if (isinf(e))
		return exp(bf_log_expm1(-log1p(-p) / d) / c);
	return pow(e, 1.0 / c);
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
fisk_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z == 0)
		return log(c) + bf_xlogy(c - 1.0, z);
	return log(c) + (c - 1.0) * log(z) - 2.0 * bf_log1pexp(c * log(z));
}

static double
fisk_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return bf_expit(shape[0] * log(z));
}

static double
fisk_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return bf_expit(-shape[0] * log(z));
}

static double
fisk_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(bf_logit(p) / shape[0]);
}

/*
 * fisk: quartiles of a log-logistic are loc + scale 3^(-1/c), loc + scale,
 * loc + scale 3^(1/c).  With loc free, u = (q75 - med) / (med - q25) = 3^(1/c)
 * gives c = log 3 / log u, scale = (q75 - med) / (u - 1), loc = med - scale;
 * with loc fixed, scale = med - loc and c = 2 log 3 / log((q75-loc)/(q25-loc)).
 */
static void
fisk_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * mielke(k, s), k, s > 0 (Burr type III / Dagum form): for z >= 0
 * f(z) = k z^(k-1) / (1 + z^s)^(1 + k/s), F = z^k / (1 + z^s)^(k/s).
 * With L = log(1 + z^-s) = log1pexp(-s log z):  log F = -(k/s) L,
 * sf = -expm1(-(k/s) L); log f = log k + (k-1) log z
 * - (1 + k/s) log1p(z^s) below 1, log k - (1 + s) log z
 * - (1 + k/s) log1p(z^-s) above (no cancellation for huge k);
 * ppf: L = -(s/k) log p,
 * z = exp(-log(expm1(L)) / s).
 * scipy.stats.mielke; Mielke (1973), J. Appl. Meteor. 12.
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
mielke_logpdf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0],
				s = shape[1];

	if (isnan(z))
		return z;
	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z == 0)
		return log(k) + bf_xlogy(k - 1.0, z);
	/*
	 * z >= 1: the terms (k - 1) log z and (1 + k/s) s log z cancel for large
	 * k, so use log f = log k - (1 + s) log z - (1 + k/s) log1p(z^-s).
	 */
	if (z >= 1)
		return log(k) - (1.0 + s) * log(z) - (1.0 + k / s) * log1p(pow(z, -s));
	return log(k) + (k - 1.0) * log(z) - (1.0 + k / s) * log1p(pow(z, s));
}

static double
mielke_cdf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0],
				s = shape[1];

	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	return exp(-(k / s) * bf_log1pexp(-s * log(z)));
}

static double
mielke_sf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0],
				s = shape[1];

	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	return -expm1(-(k / s) * bf_log1pexp(-s * log(z)));
}

static double
mielke_ppf(const BfDist *self, double p, const double *shape)
{
	double		k = shape[0],
				s = shape[1];

	PPF_EDGES(self, p, shape);
	return exp(-bf_log_expm1(-(s / k) * bf_log_prob(p)) / s);
}


/* ------------------------------------------------------------------------
 * kappa3(a), a > 0: for z >= 0
 * f(z) = a (a + z^a)^(-1/a - 1), F = z (a + z^a)^(-1/a)
 *      = (1 + a z^-a)^(-1/a).
 * With t = a log z: log(a + z^a) = log a + log1pexp(t - log a) and
 * log F = -log1pexp(log a - t) / a, sf = -expm1(log F) (no 1 - F);
 * ppf: t = log a - log(expm1(-a log p)), z = exp(t / a).
 * scipy.stats.kappa3; Mielke & Johnson (1973), Kumphon (2012).
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
kappa3_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				la = log(a);

	if (isnan(z))
		return z;
	if (z < 0 || isinf(z))
		return -INFINITY;
	return la - (1.0 / a + 1.0) * (la + bf_log1pexp(a * log(z) - la));
}

static double
kappa3_logcdf(double z, double a)
{
	return -bf_log1pexp(log(a) - a * log(z)) / a;
}

static double
kappa3_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	return exp(kappa3_logcdf(z, shape[0]));
}

static double
kappa3_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	return -expm1(kappa3_logcdf(z, shape[0]));
}

static double
kappa3_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0];

	PPF_EDGES(self, p, shape);
	return exp((log(a) - bf_log_expm1(-a * bf_log_prob(p))) / a);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

/*
 * mielke from burr (entry.h, same_law; fit/twins.c): scipy's burr density
 * c d x^(-c-1) (1 + x^-c)^(-d-1) equals c d x^(c d - 1) (1 + x^c)^(-d-1)
 * (multiply by x^(c (d+1)) above and below), scipy's mielke density
 * k x^(k-1) (1 + x^s)^(-1 - k/s) at k = c d, s = c, with the same loc and
 * scale.
 */
static void
mielke_from_burr(const double *b, double *out)
{
	out[0] = b[0] * b[1];
	out[1] = b[0];
	out[2] = b[2];
	out[3] = b[3];
}

const BfDist bf_family_pareto[] = {
	ENTRY1("pareto", "x >= loc + scale", "b", DOM_POS,
		   "Pareto distribution; scipy.stats.pareto; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   pareto_support, pareto, .limit_hi = "expon"),
	ENTRY1("lomax", "x >= loc", "c", DOM_POS,
		   "Lomax (Pareto type II) distribution; scipy.stats.lomax; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   bf_support_pos, lomax, .limit_hi = "expon"),
	ENTRY1("genpareto", "x >= loc when c >= 0; loc <= x <= loc - scale/c when c < 0", "c", DOM_REAL,
		   "Generalized Pareto distribution; scipy.stats.genpareto; Johnson, Kotz & Balakrishnan (1994) ch. 20",
		   genpareto_support, genpareto),
	{
		.name = "truncpareto", .nshapes = 2,
		.shapes = {{"b", DOM_POS}, {"c", {1.0, INFINITY, false, false}}},
		.description = "Upper-truncated Pareto distribution; scipy.stats.truncpareto; Burroughs & Tebbens (2001), Pure Appl. Geophys. 158, 741",
		.support_text = "loc + scale <= x <= loc + c*scale",
		.support = truncpareto_support, BF_FNS(truncpareto),
		.fit = {.ngrid = {4, 4}, .grid = {{0.3, 1.0, 2.0, 4.0}, {2.0, 5.0, 20.0, 100.0}}}
	},
	{
		.name = "burr", .nshapes = 2, .shapes = {{"c", DOM_POS}, {"d", DOM_POS, .limit_hi = "invweibull"}},
		.description = "Burr type III (Dagum) distribution; scipy.stats.burr; "
		"Burr (1942), Ann. Math. Statist. 13, eq. (11); Kleiber (2008)",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(burr),
		.fit = {.nest = {{"fisk", 1, {1}, {1.0}}}, .ngrid = {5, 5}, .grid = {{0.8, 1.5, 3.0, 6.0, 12.0}, {0.2, 0.5, 1.0, 2.0, 5.0}}}
	},
	{
		.name = "burr12", .nshapes = 2, .shapes = {{"c", DOM_POS}, {"d", DOM_POS, .limit_hi = "weibull_min"}},
		.description = "Burr type XII (Singh-Maddala) distribution; scipy.stats.burr12; "
		"Burr (1942), Ann. Math. Statist. 13, eq. (20)",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(burr12),
		.fit = {.nest = {{"fisk", 1, {1}, {1.0}}}, .ngrid = {5, 5}, .grid = {{0.8, 1.5, 3.0, 6.0, 12.0}, {0.2, 0.5, 1.0, 2.0, 5.0}}}
	},
	ENTRY1("fisk", "x >= loc", "c", DOM_POS,
		   "Fisk (log-logistic) distribution; scipy.stats.fisk; Johnson, Kotz & Balakrishnan (1995) ch. 23",
		   bf_support_pos, fisk),
	{
		.name = "mielke", .nshapes = 2, .shapes = {{"k", DOM_POS}, {"s", DOM_POS}},
		.description = "Mielke beta-kappa (Dagum) distribution; scipy.stats.mielke; Mielke (1973), J. Appl. Meteor. 12",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(mielke),
		.fit = {.ngrid = {5, 5}, .grid = {{0.5, 1.0, 2.0, 5.0, 12.0}, {0.5, 1.0, 2.5, 6.0, 15.0}},
				.same_law = "burr", .same_law_map = mielke_from_burr}
	},
	{
		.name = "kappa3", .nshapes = 1, .shapes = {{"a", DOM_POS}},
		.description = "Three-parameter kappa distribution; scipy.stats.kappa3; Mielke & Johnson (1973), Mon. Weather Rev. 101",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(kappa3),
		.fit = {.ngrid = {6}, .grid = {{0.3, 0.7, 1.5, 3.0, 6.0, 12.0}}}
	},
};

const int	bf_family_pareto_size = sizeof(bf_family_pareto) / sizeof(bf_family_pareto[0]);
