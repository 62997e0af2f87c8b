/*
 * normal.c — the normal distribution and the families built directly on
 * Phi and phi: norm, halfnorm (|Z|), foldnorm (|Z + c|), truncnorm (Z
 * restricted to [a, b]), skewnorm (Azzalini: 2 phi(z) Phi(a z)), exponnorm
 * (Z + an exponential), powernorm and powerlognorm (the minimum of c
 * normals / lognormals: F = 1 - Phi(-z)^c), crystalball (normal core with
 * a power-law tail), alpha (1 / Z for Z normal truncated to z > 0) and
 * argus (cdf through Phi and phi of chi sqrt(1 - z^2)).
 * References: JKB1 ch. 13 (normal, half- and folded normal, truncation);
 * Leone, Nelson & Nottingham (1961, Technometrics 3) for foldnorm;
 * Azzalini (1985, Scand. J. Statist. 12) and Owen (1956, Ann. Math. Statist.
 * 27) for skewnorm's Owen's T; Grushka (1972, Anal. Chem. 44) for exponnorm;
 * Gupta & Gupta (2008, TEST 17) for powernorm; Skwarek (1986, Crystal Ball
 * Collaboration) for crystalball; Salvia (1985, IEEE Trans. Reliability
 * R-34) for alpha; Albrecht et al. (1990, ARGUS, Phys. Lett. B 241) for argus.
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
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"


/* ------------------------------------------------------------------------
 * norm: f(z) = exp(-z^2/2) / sqrt(2 pi); F = Phi, sf = Phi(-z),
 * ppf = Phi^-1 (GSL, Wichura's AS 241).  scipy.stats.norm; JKB1 ch. 13.
 * ------------------------------------------------------------------------
 */

static double
norm_logpdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return -0.5 * z * z - LN_SQRT_2PI;
}

static double
norm_cdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return gsl_cdf_ugaussian_P(z);
}

static double
norm_sf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return gsl_cdf_ugaussian_Q(z);
}

static double
norm_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ndtri(p);
}


/* norm: loc = mean, scale = sd (the MLE up to n/(n-1)). */
static void
norm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	bf_locscale_moments(s, fx, 0, 0.0, 1.0, out);
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * halfnorm: f(z) = sqrt(2/pi) exp(-z^2/2), z >= 0; F = erf(z/sqrt 2),
 * sf = 2 Phi(-z); ppf = Phi^-1((1 + p)/2), evaluated as -Phi^-1((1-p)/2)
 * and polished by Newton on erf so that small p keeps relative accuracy.
 * scipy.stats.halfnorm; JKB1 ch. 13 (sec. 10).
 * ------------------------------------------------------------------------
 */

static double
halfnorm_logpdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z < 0)
		return -INFINITY;
	return 0.5 * log(2.0 / M_PI) - 0.5 * z * z;
}

static double
halfnorm_cdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	if (z > 8.0)				/* erf is 1 - 2 Phi(-z) < 1e-15 from 1 */
		return 1.0 - 2.0 * gsl_cdf_ugaussian_Q(z);
	return gsl_sf_erf(z * M_SQRT1_2);
}

static double
halfnorm_sf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	return 2.0 * gsl_cdf_ugaussian_Q(z);
}


static double
halfnorm_ppf(const BfDist *self, double p, const double *shape)
{
	double		guess;

	PPF_EDGES(self, p, shape);
	guess = -gsl_cdf_ugaussian_Pinv(0.5 * (1.0 - p));
	if (p >= 0.5)
		return guess;			/* (1 - p) / 2 is exact here */
	return bf_ppf_solve(self, shape, p, guess);
}

/*
 * halfnorm: loc just below min when free (the MLE is min), scale =
 * sqrt(E[(x - loc)^2]) (the MLE given loc).
 */
static void
halfnorm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * Shared helpers
 * ------------------------------------------------------------------------
 */

/* 20-point Gauss-Legendre rule on [-1, 1]: positive nodes and weights. */
static const double gl20_x[10] = {
	0.07652652113349734, 0.2277858511416451, 0.37370608871541955,
	0.5108670019508271, 0.636053680726515, 0.7463319064601508,
	0.8391169718222188, 0.9122344282513258, 0.9639719272779138,
	0.9931285991850949
};
static const double gl20_w[10] = {
	0.15275338713072578, 0.14917298647260366, 0.14209610931838187,
	0.13168863844917653, 0.11819453196151825, 0.10193011981724026,
	0.08327674157670467, 0.06267204833410944, 0.04060142980038622,
	0.017614007139153273
};

/*
 * Phi(m + h) - Phi(m - h) for 0 <= h <= 2 and |m| h <= 5 by the 20-point
 * rule above, from the midpoint and half-width themselves (so that a
 * half-width below m's ulp is not lost: foldnorm's cdf at z = 1e-20 is the
 * interval c -+ z, which c - z and c + z round to [c, c])
 */
static double
norm_interval_mh(double m, double h)
{
	double		s = 0.0;

	if (h == 0.0)
		return 0.0;
	for (int i = 0; i < 10; i++)
	{
		double		d = h * gl20_x[i];

		s += gl20_w[i] * (exp(-d * (2.0 * m + d) * 0.5) + exp(d * (2.0 * m - d) * 0.5));
	}
	return s * h * exp(-0.5 * m * m) / SQRT_2PI;
}

/* Phi(hi) - Phi(lo) for finite lo <= hi, full relative accuracy (as above). */
static double
norm_interval(double lo, double hi)
{
	double		m = 0.5 * (lo + hi),
				h = 0.5 * (hi - lo);

	if (!(lo <= hi))
		return NAN;
	if (h <= 2.0 && fabs(m) * h <= 5.0)
		return norm_interval_mh(m, h);
	if (lo >= 0.0)
		return bf_Phic(lo) - bf_Phic(hi);
	if (hi <= 0.0)
		return bf_Phi(hi) - bf_Phi(lo);
	return 1.0 - bf_Phi(lo) - bf_Phic(hi);
}


/* ------------------------------------------------------------------------
 * foldnorm(c), c >= 0: |N(c, 1)|.
 * f(z) = phi(z - c) + phi(z + c) = phi(z - c) (1 + exp(-2 c z)), z >= 0;
 * F = Phi(z + c) - Phi(c - z) (the normal mass of [c - z, c + z], by
 * norm_interval: no cancellation for small z), sf = Q(z - c) + Q(z + c);
 * ppf by Newton (bf_ppf_solve).  scipy.stats.foldnorm; Leone, Nelson &
 * Nottingham (1961), Technometrics 3, 543-550.  Accuracy ~1e-15
 * (scipy's own cdf, Phi(z - c) + Phi(z + c) - 1, loses near z = 0).
 * ------------------------------------------------------------------------
 */

static double
foldnorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				u = z - c;

	if (z < 0 || isinf(z))
		return -INFINITY;
	return -LN_SQRT_2PI - 0.5 * u * u + log1p(exp(-2.0 * c * z));
}

static double
foldnorm_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	if (z <= 2.0 && c * z <= 5.0)
		return norm_interval_mh(c, z);	/* not c -+ z: see norm_interval_mh */
	return norm_interval(c - z, c + z);
}

static double
foldnorm_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z <= 0)
		return 1.0;
	return bf_Phic(z - c) + bf_Phic(z + c);
}


static double
foldnorm_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				g;

	PPF_EDGES(self, p, shape);
	if (c > 3.0)
		g = c + bf_ndtri(p);
	else
		g = bf_ndtri(0.5 + 0.5 * p);
	return bf_ppf_solve(self, shape, p, g > 0 ? g : NAN);
}


/*
 * log of  sum_i w_i exp(-(h x_i)(2 m + h x_i)/2) h, the 20-point
 * Gauss-Legendre integral of phi(t)/phi(m) over [m - h, m + h].
 */
static double
norm_gl_log(double m, double h)
{
	double		s = 0.0;

	for (int i = 0; i < 10; i++)
	{
		double		d = h * gl20_x[i];

		s += gl20_w[i] * (exp(-d * (2.0 * m + d) * 0.5) + exp(d * (2.0 * m - d) * 0.5));
	}
	return log(s * h);
}

/*
 * log(Phi(hi) - Phi(lo)), lo < hi (either may be infinite), with full
 * relative accuracy: a narrow interval (half-width h <= 2 and |m| h <= 5,
 * m its midpoint) by 20-point Gauss-Legendre quadrature of phi (the
 * integrand is exp(-m h u - h^2 u^2/2) times a constant, integrated to
 * ~1e-16); otherwise as a difference of two tail probabilities on the same
 * side of 0, whose ratio is then below e^-10 (the normal hazard exceeds t),
 * in log space (bf_log_ndtr), or, straddling 0, as 1 - Phi(lo) - Q(hi).
 */
static double
log_norm_interval(double lo, double hi)
{
	double		m,
				h;

	if (!(lo < hi))
		return (lo == hi) ? -INFINITY : NAN;
	if (isinf(lo) && isinf(hi))
		return 0.0;
	if (isinf(lo))
		return bf_log_ndtr(hi);
	if (isinf(hi))
		return bf_log_ndtr(-lo);
	m = 0.5 * (lo + hi);
	h = 0.5 * (hi - lo);
	if (h <= 2.0 && fabs(m) * h <= 5.0)
		return -LN_SQRT_2PI - 0.5 * m * m + norm_gl_log(m, h);
	if (lo >= 0.0)
	{
		double		a = bf_log_ndtr(-lo),
					b = bf_log_ndtr(-hi);

		return a + log1p(-exp(b - a));
	}
	if (hi <= 0.0)
	{
		double		a = bf_log_ndtr(hi),
					b = bf_log_ndtr(lo);

		return a + log1p(-exp(b - a));
	}
	return log1p(-(bf_Phi(lo) + bf_Phic(hi)));
}

/*
 * Inverse of log Phi: x with log Phi(x) = y (y <= 0).  Exact through
 * Phi^-1 while exp(y) is a normal double; below, the asymptotic
 * log Phi(x) ~ -x^2/2 - log(-x) - log sqrt(2 pi) by fixed-point steps
 * (a starting value for the Newton solver only).
 */
static double
ndtri_exp(double y)
{
	double		x;

	if (isnan(y) || y > 0)
		return NAN;
	if (y == 0)
		return INFINITY;
	if (y > -0.6931471805599453)
		return -bf_ndtri(-expm1(y));
	if (y > -700.0)
		return bf_ndtri(exp(y));
	x = -sqrt(-2.0 * y);
	for (int i = 0; i < 4; i++)
		x = -sqrt(-2.0 * (y + log(-x) + LN_SQRT_2PI));
	return x;
}


/* ------------------------------------------------------------------------
 * truncnorm(a, b): the standard normal restricted to [a, b] (a < b, either
 * may be infinite): f(z) = phi(z) / M(a, b), M(l, u) = Phi(u) - Phi(l);
 * F = M(a, z) / M(a, b), sf = M(z, b) / M(a, b), the masses in log space
 * (log_norm_interval: relative accuracy also far in a tail, e.g. [10, 20]
 * or [40, 50], where Phi underflows); above 0.9 the complement of the
 * other tail is used, as scipy does.  ppf by Newton on log F / log sf from
 * scipy's closed form Phi^-1(Phi(a) + p M) (in log space).
 * scipy.stats.truncnorm; JKB1 ch. 13, sec. 10.  Accuracy ~1e-14.
 * ------------------------------------------------------------------------
 */

static void
truncnorm_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = shape[0];
	*zhi = shape[1];
}

/* scipy 1.15 truncnorm._argcheck: a < b */
static const char *
truncnorm_argcheck(const BfDist *self, const double *shape)
{
	return shape[0] < shape[1] ? NULL : "a < b";
}

/*
 * log(Phi(b) - Phi(a)), truncnorm's normalisation: the same at every value
 * of a likelihood, so kept for the last (a, b) (the value is
 * log_norm_interval's, whatever came before)
 */
static double
truncnorm_lm(double a, double b)
{
	static BfMemo memo;
	double		key[2] = {a, b},
				v;

	if (!bf_memo_get(&memo, key, 2, &v))
		bf_memo_put(&memo, key, 2, v = log_norm_interval(a, b));
	return v;
}

static double
truncnorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1];

	if (!(a < b))
		return NAN;
	if (z < a || z > b || isinf(z))
		return -INFINITY;
	return -0.5 * z * z - LN_SQRT_2PI - truncnorm_lm(a, b);
}

/*
 * Phi(a) and Q(b) = 1 - Phi(b), the tails outside [a, b], and
 * lm = log M(a, b) (truncnorm_lm) with m = M(a, b): the same at every
 * value of a likelihood, so kept for the last (a, b).
 */
typedef struct TruncnormTails
{
	double		a,
				b,
				pa,
				qb,
				lm,
				m;
	bool		valid;
} TruncnormTails;

static const TruncnormTails *
truncnorm_tails(double a, double b)
{
	static TruncnormTails t;

	if (!(t.valid && t.a == a && t.b == b))
	{
		t.a = a;
		t.b = b;
		t.pa = bf_Phi(a);
		t.qb = bf_Phic(b);
		t.lm = truncnorm_lm(a, b);
		t.m = exp(t.lm);
		t.valid = true;
	}
	return &t;
}

/*
 * M(a, z) = Phi(z) - Phi(a) for a < z, by a direct difference where that
 * loses at most about two bits: z <= 0 with Phi(z) >= 2 Phi(a) (Phi(z)
 * has full relative accuracy there, and the difference is at least half of
 * it), or z > 0 with a <= -1, as (1/2 - Phi(a)) + (1/2 - Q(z)), two
 * non-negative terms of which the first is at least 0.34 (absolute error
 * about 2^-53, relative at most about 3 2^-53).  NaN where neither holds:
 * the caller then takes log_norm_interval; likewise when Phi(z) or M(a, b)
 * is below TRUNCNORM_DIRECT_MIN (1e-280: far from the subnormal doubles,
 * which would lose relative accuracy).  One Phi instead of the two
 * log Phi and the exp and log1p of log space (truncnorm on the 10,000,000
 * normal draws of the zoo: most of its time went there).
 */
#define TRUNCNORM_DIRECT_MIN 1e-280

static double
truncnorm_lower(const TruncnormTails *t, double z)
{
	if (!(t->m >= TRUNCNORM_DIRECT_MIN))
		return NAN;
	if (z <= 0.0)
	{
		double		pz = bf_Phi(z);

		return pz >= 2.0 * t->pa && pz >= TRUNCNORM_DIRECT_MIN ? pz - t->pa : NAN;
	}
	if (t->a <= -1.0)
		return (0.5 - t->pa) + (0.5 - bf_Phic(z));
	return NAN;
}

/* M(z, b) = Q(z) - Q(b) for z < b, the mirror of truncnorm_lower */
static double
truncnorm_upper(const TruncnormTails *t, double z)
{
	if (!(t->m >= TRUNCNORM_DIRECT_MIN))
		return NAN;
	if (z >= 0.0)
	{
		double		qz = bf_Phic(z);

		return qz >= 2.0 * t->qb && qz >= TRUNCNORM_DIRECT_MIN ? qz - t->qb : NAN;
	}
	if (t->b >= 1.0)
		return (0.5 - t->qb) + (0.5 - bf_Phi(z));
	return NAN;
}

/*
 * F = M(a, z)/M(a, b), or above 0.9 one minus M(z, b)/M(a, b); each mass
 * directly where that keeps its digits (truncnorm_lower), otherwise in log
 * space (log_norm_interval).
 */
static double
truncnorm_cdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				lm,
				v;
	const TruncnormTails *t;

	if (!(a < b) || isnan(z))
		return NAN;
	if (z <= a)
		return 0.0;
	if (z >= b)
		return 1.0;
	t = truncnorm_tails(a, b);
	lm = t->lm;
	v = truncnorm_lower(t, z);
	v = isnan(v) ? exp(log_norm_interval(a, z) - lm) : v / t->m;
	if (v > 0.9)
	{
		v = truncnorm_upper(t, z);
		v = isnan(v) ? -expm1(log_norm_interval(z, b) - lm) : 1.0 - v / t->m;
	}
	return v;
}

static double
truncnorm_sf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				lm,
				v;
	const TruncnormTails *t;

	if (!(a < b) || isnan(z))
		return NAN;
	if (z <= a)
		return 1.0;
	if (z >= b)
		return 0.0;
	t = truncnorm_tails(a, b);
	lm = t->lm;
	v = truncnorm_upper(t, z);
	v = isnan(v) ? exp(log_norm_interval(z, b) - lm) : v / t->m;
	if (v > 0.9)
	{
		v = truncnorm_lower(t, z);
		v = isnan(v) ? -expm1(log_norm_interval(a, z) - lm) : 1.0 - v / t->m;
	}
	return v;
}


static double
truncnorm_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				lm,
				g,
				u,
				v;

	if (!(a < b))
		return NAN;
	PPF_EDGES(self, p, shape);
	lm = log_norm_interval(a, b);
	if (a < 0)
	{
		/* log Phi(x) = logaddexp(log Phi(a), log p + lm) */
		u = bf_log_ndtr(a);
		v = log(p) + lm;
		g = ndtri_exp(fmax(u, v) + log1p(exp(-fabs(u - v))));
	}
	else
	{
		u = bf_log_ndtr(-b);
		v = log1p(-p) + lm;
		g = -ndtri_exp(fmax(u, v) + log1p(exp(-fabs(u - v))));
	}
	if (!(g > a && g < b))
		g = NAN;
	return bf_ppf_solve(self, shape, p, g);
}

/*
 * truncnorm: loc and scale the sample mean and sd, a and b just outside
 * the standardized extremes.
 */
static void
truncnorm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		loc = isnan(fx[2]) ? bf_data_center(s) : fx[2],
				scale = isnan(fx[3]) ? bf_data_scale(s) : fx[3],
				m = bf_data_margin(s);

	out[2] = loc;
	out[3] = scale;
	out[0] = isnan(fx[0]) ? (s->min - m - loc) / scale : fx[0];
	out[1] = isnan(fx[1]) ? (s->max + m - loc) / scale : fx[1];
	if (!(out[0] < out[1]))
	{
		out[0] = -3.0;
		out[1] = 3.0;
	}
	bf_finish_start(self, s, fx, out);
}

/* 32-point Gauss-Laguerre rule (weight e^-w on [0, inf)). */
static const double lag32_x[32] = {
	0.04448936583326739, 0.23452610951961825, 0.5768846293018863,
	1.072448753817818, 1.7224087764446456, 2.5283367064257942,
	3.492213273021994, 4.616456769749767, 5.903958504174244,
	7.358126733186241, 8.982940924212597, 10.78301863253997,
	12.763697986742725, 14.931139755522558, 17.292454336715316,
	19.855860940336054, 22.630889013196775, 25.628636022459247,
	28.862101816323474, 32.346629153964734, 36.10049480575197,
	40.14571977153944, 44.50920799575494, 49.22439498730864,
	54.33372133339691, 59.89250916213402, 65.97537728793505,
	72.68762809066271, 80.18744697791352, 88.7353404178924,
	98.82954286828398, 111.7513980979377
};
static const double lag32_w[32] = {
	0.10921834195242515, 0.2104431079387924, 0.23521322966984298,
	0.19590333597287354, 0.1299837862860684, 0.07057862386571556,
	0.03176091250917397, 0.011918214834838204, 0.003738816294611417,
	0.0009808033066149246, 0.0002148649188013578, 3.920341967987801e-05,
	5.934541612868448e-06, 7.41640457866734e-07, 7.604567879120552e-08,
	6.350602226625618e-09, 4.281382971040738e-10, 2.305899491891237e-11,
	9.799379288726772e-13, 3.2378016577291567e-14, 8.171823443420549e-16,
	1.542133833393811e-17, 2.119792290163547e-19, 2.0544296737880036e-21,
	1.3469825866373617e-23, 5.661294130397462e-26, 1.4185605454629684e-28,
	1.9133754944539943e-31, 1.1922487600982012e-34, 2.6715112192396625e-38,
	1.3386169421064243e-42, 4.5105361938987784e-48
};


/* ------------------------------------------------------------------------
 * skewnorm(a): f(z) = 2 phi(z) Phi(a z), all real z;
 * F = Phi(z) - 2 T(z, a), T Owen's T function (Owen (1956), Ann. Math.
 * Statist. 27, 1075-1090):
 *     T(h, a) = (1/2pi) int_0^a exp(-h^2 (1 + x^2)/2) / (1 + x^2) dx.
 * T is computed from this integral with relative accuracy everywhere
 * (s = a^2 h^2 / 2):
 *   s <= 3, a <= 1: 8-, 10- or 14-point Gauss-Legendre on [0, a] of
 *       exp(-h^2 x^2/2)/(1 + x^2) (analytic, poles at +-i; the rule for
 *       each (a, s) region keeps the relative error below 4e-16: owent_gl),
 *       times exp(-h^2/2)/(2 pi);
 *   s <= 3, a > 1: Owen's identity T(h, a) = Phi(h)/2 + Phi(ah)/2
 *       - Phi(h) Phi(ah) - T(ah, 1/a) (T(h, a) >= 1e-3 here);
 *   s > 3: T(h, a) = Q(|h|)/2 - D(h, a), where
 *       D(h, a) = (1/2pi) int_a^inf exp(-h^2(1 + x^2)/2)/(1 + x^2) dx
 *       = exp(-h^2(1 + a^2)/2)/(2 pi) int_0^inf e^-w / (h^2 x (1 + x^2)) dw,
 *       x = sqrt(a^2 + 2w/h^2), by 32-point Gauss-Laguerre (relative error
 *       < 3e-14 for s > 3, checked against adaptive quadrature: the
 *       integrand's branch point at w = -s limits it), and D < 0.06 T(h, inf).
 * The tails that cancel in Phi(z) - 2T(z, a) (z < 0 with a > 0, and the
 * sf for z > 0 with a < 0) are 2 D(|z|, |a|) directly, which is the mass
 * of that tail (T(h, inf) - T(h, a) = D); sf(z, a) = F(-z, -a).
 * ppf by Newton from a normal guess with the same mean and variance.
 * scipy.stats.skewnorm; Azzalini (1985), Scand. J. Statist. 12, 171-178.
 * Accuracy ~1e-11 relative (worst in the lower tail where s is just below 3:
 * Q(h) - 2T(h, a) amplifies T's rounding by up to ~1e3).
 * ------------------------------------------------------------------------
 */

/* where Gauss-Laguerre takes over (s = a^2 h^2/2) */
#define OWENT_S0 3.0

/*
 * Gauss-Legendre rules on [-1, 1] with 8, 10 and 14 points (nodes > 0 and
 * their weights; Abramowitz & Stegun, Table 25.4), for owent_gl, which
 * takes the fewest that keep the integral's relative error below 4e-16 in
 * its (a, s = a^2 h^2/2) region, measured against mpmath's quadrature:
 * 8 points for a <= 0.3 and s <= 0.5 (2.6e-16 at 303 points there),
 * 10 for a <= 0.5 and s <= 1 (3.0e-16), 14 elsewhere in a <= 1, s <= 3
 * (below 4e-16 at 120 points; 12 points: up to 2e-15).  Until 2026-12-06
 * one 20-point rule: 20 exponentials a value where near-symmetric data
 * (a small) now need 8.
 */
static const double ow8_x[4] = {
	0.1834346424956498, 0.52553240991632899, 0.79666647741362674,
	0.96028985649753623
};
static const double ow8_w[4] = {
	0.36268378337836198, 0.31370664587788729, 0.22238103445337447,
	0.10122853629037626
};
/* 10-point Gauss-Legendre rule on [-1, 1] (Abramowitz & Stegun, table 25.4); also norm_diff's. */
static const double gl10_x[5] = {
	0.14887433898163121088, 0.43339539412924719080, 0.67940956829902440623,
	0.86506336668898451073, 0.97390652851717172008
};
static const double gl10_w[5] = {
	0.29552422471475287017, 0.26926671930999635509, 0.21908636251598204400,
	0.14945134915058059315, 0.06667134430868813759
};
static const double ow14_x[7] = {
	0.10805494870734366, 0.31911236892788976, 0.51524863635815409,
	0.68729290481168547, 0.82720131506976499, 0.92843488366357352,
	0.98628380869681234
};
static const double ow14_w[7] = {
	0.21526385346315779, 0.2051984637212956, 0.18553839747793781,
	0.15720316715819353, 0.12151857068790318, 0.08015808715976021,
	0.035119460331751863
};

/* int_0^a exp(-h^2 x^2/2)/(1 + x^2) dx by Gauss-Legendre, 0 < a <= 1 */
static double
owent_gl(double h, double a)
{
	double		half = 0.5 * a,
				s = 0.0,
				h2 = 0.5 * h * h,
				sa = h2 * a * a;
	const double *x,
			   *w;
	int			m;

	if (a <= 0.3 && sa <= 0.5)
		x = ow8_x, w = ow8_w, m = 4;
	else if (a <= 0.5 && sa <= 1.0)
		x = gl10_x, w = gl10_w, m = 5;
	else
		x = ow14_x, w = ow14_w, m = 7;
	for (int i = 0; i < m; i++)
	{
		double		x1 = half * (1.0 - x[i]),
					x2 = half * (1.0 + x[i]);

		s += w[i] * (exp(-h2 * x1 * x1) / (1.0 + x1 * x1) +
					 exp(-h2 * x2 * x2) / (1.0 + x2 * x2));
	}
	return s * half;
}

/* D(h, a) = T(h, inf) - T(h, a) by Gauss-Laguerre, h > 0, a > 0, s > 3 */
static double
owent_tail_lag(double h, double a)
{
	double		h2 = h * h,
				s = 0.0;

	for (int i = 0; i < 32; i++)
	{
		double		x = sqrt(a * a + 2.0 * lag32_x[i] / h2);

		s += lag32_w[i] / (x * (1.0 + x * x));
	}
	return exp(-0.5 * h2 * (1.0 + a * a)) * s / (h2 * 2.0 * M_PI);
}

/* Owen's T(h, a) for h >= 0, a > 0 */
static double
owent(double h, double a)
{
	double		s = 0.5 * a * a * h * h;

	if (s > OWENT_S0)
		return 0.5 * bf_Phic(h) - owent_tail_lag(h, a);
	if (a <= 1.0)
		return exp(-0.5 * h * h) * owent_gl(h, a) / (2.0 * M_PI);
	{
		double		ph = bf_Phi(h),
					pah = bf_Phi(a * h),
					t2 = exp(-0.5 * a * a * h * h) * owent_gl(a * h, 1.0 / a) / (2.0 * M_PI);

		return 0.5 * ph + 0.5 * pah - ph * pah - t2;
	}
}

/* D(h, a) = T(h, inf) - T(h, a) for h > 0, a > 0 */
static double
owent_tail(double h, double a)
{
	if (0.5 * a * a * h * h > OWENT_S0)
		return owent_tail_lag(h, a);
	return 0.5 * bf_Phic(h) - owent(h, a);
}

static double
skewnorm_F(double z, double a)
{
	if (isinf(z))
		return z > 0 ? 1.0 : 0.0;
	if (a == 0.0)
		return bf_Phi(z);
	if (a > 0.0)
	{
		if (z < 0.0)
			return 2.0 * owent_tail(-z, a);
		return bf_Phi(z) - 2.0 * owent(z, a);
	}
	/* a < 0: T(z, a) = -T(|z|, |a|), a sum of positive terms */
	return bf_Phi(z) + 2.0 * owent(fabs(z), -a);
}

static double
skewnorm_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isinf(z))
		return -INFINITY;
	return M_LN2 - 0.5 * z * z - LN_SQRT_2PI + bf_log_ndtr(shape[0] * z);
}

static double
skewnorm_cdf(const BfDist *self, double z, const double *shape)
{
	double		v = skewnorm_F(z, shape[0]);

	return bf_clampd(v, 0.0, 1.0);
}

static double
skewnorm_sf(const BfDist *self, double z, const double *shape)
{
	double		v = skewnorm_F(-z, -shape[0]);

	return bf_clampd(v, 0.0, 1.0);
}


static double
skewnorm_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0],
				d = a / sqrt(1.0 + a * a),
				m = d * M_SQRT2 / M_SQRTPI,
				sd = sqrt(1.0 - m * m);

	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, m + sd * bf_ndtri(p));
}

/*
 * skewnorm: moments as scipy's fit (Azzalini 1985): with
 * u = delta sqrt(2/pi), skew = (4 - pi)/2 u^3/(1 - u^2)^1.5, so
 * u^2 = r/(1 + r), r = (2 |skew|/(4 - pi))^(2/3); skewness clamped inside
 * the attainable range (|skew| < 0.995); scale = sd/sqrt(1 - u^2),
 * loc = mean - scale u.
 */
static void
skewnorm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		a = fx[0],
				g = isfinite(s->skew) ? bf_clampd(s->skew, -0.99, 0.99) : 0.0,
				d,
				u,
				scale;

	if (isnan(a))
	{
		double		r = pow(2.0 * fabs(g) / (4.0 - M_PI), 2.0 / 3.0);

		d = copysign(sqrt(r / (1.0 + r) * M_PI / 2.0), g);
		d = bf_clampd(d, -0.995, 0.995);
		a = d / sqrt(1.0 - d * d);
	}
	d = a / sqrt(1.0 + a * a);
	u = d * M_SQRT2 / M_SQRTPI;
	scale = isnan(fx[2]) ? bf_data_scale(s) / sqrt(1.0 - u * u) : fx[2];
	out[0] = a;
	out[2] = scale;
	out[1] = isnan(fx[1]) ? bf_data_center(s) - scale * u : fx[1];
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * exponnorm(K): N(0, 1) + Exp(mean K).  With t = 1/K - z,
 * f(z) = exp(1/(2K^2) - z/K) Phi(z - 1/K) / K = phi(z) / (K m(t)),
 * m = phi/Q the normal hazard (inverse Mills ratio, bf_normal_hazard), so
 * that the product exp(..) * Phi(..) never overflows (for t < -2, where
 * Q(t) ~ 1, the direct form in logs is used);
 * F = Phi(z) - E, sf = Q(z) + E, E = phi(z)/m(t) = K f(z).
 * ppf by Newton.  scipy.stats.exponnorm; Grushka (1972), Anal. Chem. 44,
 * 1733-1738.  Accuracy: ~1e-15; in the lower tail F loses about
 * log10(K |z|) digits to the difference (as scipy's formula does).
 * ------------------------------------------------------------------------
 */

/* log E = log(exp(1/(2K^2) - z/K) Phi(z - 1/K)) */
static double
exponnorm_logE(double z, double K)
{
	double		iK = 1.0 / K,
				t = iK - z;

	if (t >= -2.0)
	{
		double		m = bf_normal_hazard(t);

		return -0.5 * z * z - LN_SQRT_2PI - log(m);
	}
	return iK * (0.5 * iK - z) + bf_log_ndtr(-t);
}

static double
exponnorm_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isinf(z))
		return -INFINITY;
	return exponnorm_logE(z, shape[0]) - log(shape[0]);
}

static double
exponnorm_cdf(const BfDist *self, double z, const double *shape)
{
	double		v;

	if (isinf(z))
		return z > 0 ? 1.0 : 0.0;
	v = bf_Phi(z) - exp(exponnorm_logE(z, shape[0]));
	return v < 0 ? 0.0 : v;
}

static double
exponnorm_sf(const BfDist *self, double z, const double *shape)
{
	if (isinf(z))
		return z > 0 ? 0.0 : 1.0;
	return bf_Phic(z) + exp(exponnorm_logE(z, shape[0]));
}


static double
exponnorm_ppf(const BfDist *self, double p, const double *shape)
{
	double		K = shape[0],
				g;

	PPF_EDGES(self, p, shape);
	if (K > 2.0 && p > 0.5)
		g = -K * log1p(-p);
	else
		g = K + sqrt(1.0 + K * K) * bf_ndtri(p);
	return bf_ppf_solve(self, shape, p, g);
}

/*
 * exponnorm: mean K scale + loc, variance (1 + K^2) scale^2, skewness
 * 2 K^3 / (1 + K^2)^1.5, so r = K^2/(1 + K^2) = (skew/2)^(2/3).
 */
static void
exponnorm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		K = fx[0],
				g = isfinite(s->skew) ? bf_clampd(s->skew, 0.05, 1.9) : 0.5,
				sd = bf_data_scale(s),
				scale,
				r;

	if (isnan(K))
	{
		r = pow(0.5 * g, 2.0 / 3.0);
		K = sqrt(r / (1.0 - r));
	}
	scale = isnan(fx[2]) ? sd / sqrt(1.0 + K * K) : fx[2];
	out[0] = K;
	out[2] = scale;
	out[1] = isnan(fx[1]) ? bf_data_center(s) - K * scale : fx[1];
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * powernorm(c): F = 1 - Phi(-z)^c, all real z;
 * f(z) = c phi(z) Phi(-z)^(c-1).  F = -expm1(c log Phi(-z)),
 * sf = exp(c log Phi(-z)) (bf_log_ndtr); ppf: Phi(-z) = (1 - p)^(1/c)
 * = exp(L), L = log1p(-p)/c, z = -Phi^-1(exp(L)) or Phi^-1(-expm1(L)),
 * whichever argument is below 1/2.  scipy.stats.powernorm; Gupta & Gupta
 * (2008), TEST 17, 185-195.  Accuracy ~1e-15 (scipy's cdf and ppf lose in
 * the lower tail).
 * ------------------------------------------------------------------------
 */

static double
powernorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isinf(z))
		return -INFINITY;
	if (z > 1e150)
		/*
		 * z^2 overflows (-inf + inf below): log Phi(-z) = -z^2/2 - log z -
		 * log sqrt(2 pi) + O(z^-2) (Mills' ratio, A&S 26.2.12), joined
		 * with -z^2/2 into -c z^2 / 2
		 */
		return log(c) - (0.5 * c * z) * z - c * LN_SQRT_2PI - (c - 1.0) * log(z);
	return log(c) - 0.5 * z * z - LN_SQRT_2PI + (c - 1.0) * bf_log_ndtr(-z);
}

static double
powernorm_cdf(const BfDist *self, double z, const double *shape)
{
	return -expm1(shape[0] * bf_log_ndtr(-z));
}

static double
powernorm_sf(const BfDist *self, double z, const double *shape)
{
	return exp(shape[0] * bf_log_ndtr(-z));
}


/*
 * the standardized quantile, for powerlognorm too (p strictly inside (0,1));
 * the far lower tail solves powernorm's own cdf (bf_powernorm_entry)
 */
static double
powernorm_z(double p, const double *shape)
{
	double		L = log1p(-p) / shape[0];

	if (L < -0.6931471805599453)
	{
		double		e = exp(L);

		if (e < 1e-300)
			return bf_ppf_solve(bf_powernorm_entry, shape, p, -ndtri_exp(L));
		return -bf_ndtri(e);
	}
	return bf_ndtri(-expm1(L));
}

static double
powernorm_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return powernorm_z(p, shape);
}


/* ------------------------------------------------------------------------
 * powerlognorm(c, s): t = log(z)/s is powernorm(c): z > 0,
 * f(z) = c/(z s) phi(t) Phi(-t)^(c-1), F = -expm1(c log Phi(-t)),
 * sf = exp(c log Phi(-t)), ppf = exp(s powernorm.ppf(p, c)).
 * scipy.stats.powerlognorm; Gupta & Gupta (2008), TEST 17, 185-195.
 * Accuracy ~1e-15 (scipy's cdf and ppf lose in the lower tail).
 * ------------------------------------------------------------------------
 */

static double
powerlognorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				s = shape[1],
				t;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	t = log(z) / s;
	return log(c) - log(z) - log(s) - 0.5 * t * t - LN_SQRT_2PI + (c - 1.0) * bf_log_ndtr(-t);
}

static double
powerlognorm_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return -expm1(shape[0] * bf_log_ndtr(-log(z) / shape[1]));
}

static double
powerlognorm_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return exp(shape[0] * bf_log_ndtr(-log(z) / shape[1]));
}

static double
powerlognorm_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(shape[1] * powernorm_z(p, shape));
}


/* ------------------------------------------------------------------------
 * crystalball(beta, m): a normal core with a power-law lower tail:
 * f(z) = N exp(-z^2/2) for z > -beta,
 * f(z) = N A (B - z)^-m for z <= -beta, A = (m/beta)^m exp(-beta^2/2),
 * B = m/beta - beta, 1/N = C + sqrt(2 pi) Phi(beta),
 * C = (m/beta) exp(-beta^2/2)/(m - 1) (the tail's mass over N).
 * With y = log1p((-beta - z) beta/m) (= log((B - z) beta/m)):
 * tail: f = N exp(-beta^2/2 - m y), F = N C exp((1 - m) y),
 * sf = N (C (-expm1((1 - m) y)) + sqrt(2 pi) Phi(beta));
 * core: F = N (C + sqrt(2 pi) (Phi(z) - Phi(-beta))) (norm_interval),
 * sf = N sqrt(2 pi) Q(z).  ppf closed form (scipy's, written with
 * log1p/expm1 and through Q above p = 1/2).  scipy.stats.crystalball;
 * Skwarnicki (1986), DESY F31-86-02, appendix E; Oreglia (1980), SLAC-236.
 * Accuracy ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
crystalball_C(double beta, double m)
{
	return (m / beta) * exp(-0.5 * beta * beta) / (m - 1.0);
}

static double
crystalball_N(double beta, double m)
{
	return 1.0 / (crystalball_C(beta, m) + SQRT_2PI * bf_Phi(beta));
}

/*
 * C, N, log N and Phi(beta) of the last (beta, m): the same at every value
 * of a likelihood (each computed by the expression the functions below
 * used, so their values are the same to the bit)
 */
static struct
{
	double		beta,
				m,
				C,
				N,
				lN,
				Phib;
}			cb_last = {NAN, NAN};

static void
cb_prepare(double beta, double m)
{
	if (beta == cb_last.beta && m == cb_last.m)
		return;
	cb_last.C = crystalball_C(beta, m);
	cb_last.Phib = bf_Phi(beta);
	cb_last.N = 1.0 / (cb_last.C + SQRT_2PI * cb_last.Phib);
	cb_last.lN = log(crystalball_N(beta, m));
	cb_last.beta = beta;
	cb_last.m = m;
}

static double
crystalball_logpdf(const BfDist *self, double z, const double *shape)
{
	double		beta = shape[0],
				m = shape[1],
				lN;

	cb_prepare(beta, m);
	lN = cb_last.lN;

	if (isnan(z))
		return z;
	if (isinf(z))
		return -INFINITY;
	if (z > -beta)
		return lN - 0.5 * z * z;
	return lN - 0.5 * beta * beta - m * log1p((-beta - z) * beta / m);
}

static double
crystalball_cdf(const BfDist *self, double z, const double *shape)
{
	double		beta = shape[0],
				m = shape[1],
				C,
				N;

	cb_prepare(beta, m);
	C = cb_last.C;
	N = cb_last.N;

	if (isnan(z))
		return z;
	if (isinf(z))
		return z > 0 ? 1.0 : 0.0;
	if (z > -beta)
		return fmin(1.0, N * (C + SQRT_2PI * norm_interval(-beta, z)));
	return N * C * exp((1.0 - m) * log1p((-beta - z) * beta / m));
}

static double
crystalball_sf(const BfDist *self, double z, const double *shape)
{
	double		beta = shape[0],
				m = shape[1],
				C,
				N;

	cb_prepare(beta, m);
	C = cb_last.C;
	N = cb_last.N;

	if (isnan(z))
		return z;				/* fmin(1, NaN) below would be 1 */
	if (isinf(z))
		return z > 0 ? 0.0 : 1.0;
	if (z > -beta)
		return N * SQRT_2PI * bf_Phic(z);
	return fmin(1.0, N * (C * -expm1((1.0 - m) * log1p((-beta - z) * beta / m)) +
						  SQRT_2PI * cb_last.Phib));
}

static double
crystalball_ppf(const BfDist *self, double p, const double *shape)
{
	double		beta = shape[0],
				m = shape[1],
				C = crystalball_C(beta, m),
				N = 1.0 / (C + SQRT_2PI * bf_Phi(beta)),
				pb = N * C;

	PPF_EDGES(self, p, shape);
	if (p < pb)
		return -beta - (m / beta) * expm1(log(p / pb) / (1.0 - m));
	if (p <= 0.5)
		return bf_ndtri(bf_Phi(-beta) + (p / N - C) / SQRT_2PI);
	return -bf_ndtri((1.0 - p) / (N * SQRT_2PI));
}


/* ------------------------------------------------------------------------
 * Local helpers
 * ------------------------------------------------------------------------
 */

/* Standard normal density. */
static double
npdf(double t)
{
	return exp(-0.5 * t * t - LN_SQRT_2PI);
}

/* Phi(a) - Phi(b) for b < a, a or b clamped to +-40 (far apart). */
static double
norm_diff_far(double a, double b)
{
	if (b < 0.0 && a > 0.0)
		return 0.5 * (gsl_sf_erf(a * M_SQRT1_2) + gsl_sf_erf(-b * M_SQRT1_2));
	if (b >= 0.0)
		return gsl_cdf_ugaussian_Q(b) - gsl_cdf_ugaussian_Q(a);
	return gsl_cdf_ugaussian_P(a) - gsl_cdf_ugaussian_P(b);
}

/*
 * Phi(a) - Phi(a - d) for d > 0 without cancellation: across 0 as the sum
 * of two positive erf terms; on one side of 0 as the difference of the
 * smaller tails (Q(b) - Q(a) above 0, Phi(a) - Phi(b) below, b = a - d)
 * when the smaller is at most half the larger (at most one bit lost),
 * otherwise (a and b close) by the 10-point Gauss-Legendre integral of the
 * density over [a - d, a], nodes placed from d itself (not from the rounded
 * b): there the log-density changes by less than about log 2 + 1/2 over
 * the interval, and the rule is exact to rounding.
 */
static double
norm_diff(double a, double d)
{
	double		b = a - d,
				hi,
				lo,
				h,
				m,
				sum = 0.0;
	int			i;

	if (!(d > 0))
		return 0.0;
	/* beyond +-40 the normal tails are below the double range */
	if (a > 40.0 || b < -40.0)
		return norm_diff_far(fmin(a, 40.0), fmax(b, -40.0));
	if (b < 0.0 && a > 0.0)
		return 0.5 * (gsl_sf_erf(a * M_SQRT1_2) + gsl_sf_erf(-b * M_SQRT1_2));
	if (b >= 0.0)
	{
		hi = gsl_cdf_ugaussian_Q(b);
		lo = gsl_cdf_ugaussian_Q(a);
	}
	else
	{
		hi = gsl_cdf_ugaussian_P(a);
		lo = gsl_cdf_ugaussian_P(b);
	}
	if (lo <= 0.5 * hi)
		return hi - lo;
	h = 0.5 * d;
	m = a - h;
	for (i = 0; i < 5; i++)
		sum += gl10_w[i] * (npdf(m - h * gl10_x[i]) + npdf(m + h * gl10_x[i]));
	return h * sum;
}


/* ------------------------------------------------------------------------
 * alpha(a), a > 0, z > 0:
 *   f(z) = phi(a - 1/z) / (z^2 Phi(a)),  F(z) = Phi(a - 1/z) / Phi(a),
 *   sf(z) = (Phi(a) - Phi(a - 1/z)) / Phi(a),
 *   ppf(p) = 1 / (a - Phi^-1(p Phi(a))).
 * Source: scipy.stats.alpha (_continuous_distns.py); JKB1 p. 173; Salvia
 * (1985).  Numerics: a - 1/z as fma(a, z, -1) / z (one rounding; the
 * difference cancels for large a); sf as 1 - F while F <= 1/2, else by
 * norm_diff above (no cancellation as z -> inf);
 * ppf closed form for p <= 1/2 (a - Phi^-1(.) > 0.67 there), bf_ppf_solve
 * on the closed-form sf above (a - Phi^-1(p Phi(a)) cancels as p -> 1).
 * Accuracy: ~1e-14 relative for pdf/cdf/sf/ppf against 50-digit values
 * (scipy's ppf loses up to 1.6e-10 near p = 1 on the grid).
 * ------------------------------------------------------------------------
 */

static void
alpha_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = INFINITY;
}

/* a - 1/z in one rounding; a - 1/z itself where a z overflows (1/z is then tiny) */
static double
alpha_t(double a, double z)
{
	return isinf(a * z) ? a - 1.0 / z : fma(a, z, -1.0) / z;
}

static double
alpha_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				t;

	if (isnan(z))
		return z;
	if (!(z > 0) || isinf(z))
		return -INFINITY;
	t = alpha_t(a, z);
	return -2.0 * log(z) - 0.5 * t * t - LN_SQRT_2PI - log(gsl_cdf_ugaussian_P(a));
}

static double
alpha_cdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0];

	if (isnan(z))
		return z;
	if (!(z > 0))
		return 0.0;
	if (isinf(z))
		return 1.0;
	return gsl_cdf_ugaussian_P(alpha_t(a, z)) / gsl_cdf_ugaussian_P(a);
}

static double
alpha_sf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				F;

	if (isnan(z))
		return z;
	if (!(z > 0))
		return 1.0;
	if (isinf(z))
		return 0.0;
	/* 1 - cdf loses at most one bit while cdf <= 1/2 */
	F = alpha_cdf(self, z, shape);
	if (F <= 0.5)
		return 1.0 - F;
	return norm_diff(a, 1.0 / z) / gsl_cdf_ugaussian_P(a);
}


static double
alpha_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0],
				guess;

	PPF_EDGES(self, p, shape);
	guess = 1.0 / (a - bf_ndtri(p * gsl_cdf_ugaussian_P(a)));
	if (p <= 0.5)
		return guess;
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * argus(chi): 0 < z < 1, with c2 = chi^2/2 and Psi(chi) = P(3/2, c2)/2
 * (P, Q the regularized incomplete gamma functions, GSL):
 * f(z) = chi^3/(sqrt(2 pi) Psi(chi)) z sqrt(1 - z^2) exp(-c2 (1 - z^2));
 * sf = P(3/2, Y)/P(3/2, X), X = c2, Y = c2 (1 - z)(1 + z);
 * F = (P(3/2, X) - P(3/2, Y))/P(3/2, X), the Gamma(3/2) mass of [Y, X]:
 * when X - Y = c2 z^2 >= 2 as Q(3/2, Y) - Q(3/2, X) (ratio below
 * Q(3/2, 2) = 0.26: the Gamma(3/2) hazard increases), else directly as
 * (4/sqrt(pi)) int s^2 exp(-s^2) ds over [sqrt Y, sqrt X] by 20-point
 * Gauss-Legendre (an entire integrand on a short interval: ~1e-16); scipy's
 * cdf (1 - sf) loses all accuracy for small z.  ppf by Newton.
 * scipy.stats.argus; Albrecht et al. (ARGUS Collaboration) (1990),
 * Phys. Lett. B 241, 278-282.  Accuracy ~1e-14.
 * ------------------------------------------------------------------------
 */

static double
gamma_P15(double x)
{
	return bf_gamma_p(1.5, x);
}

/* bf_gamma_q: GSL's continued fraction is slow at x = 1-5 (special.c) */
static double
gamma_Q15(double x)
{
	return bf_gamma_q(1.5, x);
}

/*
 * P(3/2, X) and Q(3/2, X) at X = chi^2 / 2, the normalisation of argus'
 * pdf, cdf and sf: the same at every value of a likelihood, so kept for
 * the last X (the values are gamma_P15's and gamma_Q15's, whatever came
 * before)
 */
static double
argus_norm(double X, bool upper)
{
	static BfMemo memo[2];		/* P, Q */
	double		v;

	if (!bf_memo_get(&memo[upper], &X, 1, &v))
		bf_memo_put(&memo[upper], &X, 1, v = upper ? gamma_Q15(X) : gamma_P15(X));
	return v;
}

static double
argus_logpdf(const BfDist *self, double z, const double *shape)
{
	double		chi = shape[0],
				c2 = 0.5 * chi * chi;

	if (z <= 0 || z >= 1)
		return -INFINITY;
	return 3.0 * log(chi) - LN_SQRT_2PI - log(0.5 * argus_norm(c2, false)) + log(z) +
		0.5 * log1p(-z * z) - c2 * (1.0 - z) * (1.0 + z);
}

static double
argus_cdf(const BfDist *self, double z, const double *shape)
{
	double		chi = shape[0],
				X = 0.5 * chi * chi,
				Y,
				D;

	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	Y = X * (1.0 - z) * (1.0 + z);
	D = X * z * z;
	if (D >= 2.0)
		return (gamma_Q15(Y) - argus_norm(X, true)) / argus_norm(X, false);
	else
	{
		double		sl = sqrt(Y),
					sh = sqrt(X),
					m = 0.5 * (sl + sh),
					h = 0.5 * D / (sh + sl),	/* (sh - sl) / 2 without cancellation: sh^2 - sl^2 = D */
					s = 0.0;

		/* s^2 exp(-s^2) = exp(-m^2) s^2 exp(-(s - m)(s + m)) */
		for (int i = 0; i < 10; i++)
		{
			double		d = h * gl20_x[i],
						s1 = m - d,
						s2 = m + d;

			s += gl20_w[i] * (s1 * s1 * exp(d * (2.0 * m - d)) +
							  s2 * s2 * exp(-d * (2.0 * m + d)));
		}
		return exp(-m * m + log(s * h * 4.0 / M_SQRTPI) - log(argus_norm(X, false)));
	}
}

static double
argus_sf(const BfDist *self, double z, const double *shape)
{
	double		chi = shape[0],
				X = 0.5 * chi * chi;

	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return gamma_P15(X * (1.0 - z) * (1.0 + z)) / argus_norm(X, false);
}


static double
argus_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_normal[] = {
	ENTRY0("norm", "all real x",
		   "Normal distribution; scipy.stats.norm; Johnson, Kotz & Balakrishnan (1994) ch. 13",
		   bf_support_real, norm),
	ENTRY0("halfnorm", "x >= loc",
		   "Half-normal distribution; scipy.stats.halfnorm; Johnson, Kotz & Balakrishnan (1994) ch. 13",
		   bf_support_pos, halfnorm),
	{
		.name = "foldnorm", .nshapes = 1, .shapes = {{"c", DOM_NONNEG, .limit_lo = "halfnorm", .limit_hi = "norm"}},
		.description = "Folded normal distribution |N(c, 1)|; scipy.stats.foldnorm; Leone, Nelson & Nottingham (1961), Technometrics 3, 543-550",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(foldnorm),
		.fit = {.ngrid = {5}, .grid = {{0.2, 0.7, 1.5, 3.0, 6.0}}}
	},
	{
		.name = "truncnorm", .nshapes = 2,
		.shapes = {
			{"a", {-INFINITY, INFINITY, true, false}},
			{"b", {-INFINITY, INFINITY, false, true}}
		},
		.description = "Truncated normal distribution on [a, b] (standardized); scipy.stats.truncnorm; Johnson, Kotz & Balakrishnan (1994) ch. 13",
		.support_text = "loc + a*scale <= x <= loc + b*scale",
		.support = truncnorm_support, BF_FNS(truncnorm),
		.argcheck = truncnorm_argcheck,
		.fit = {.start = truncnorm_start}
	},
	{
		.name = "skewnorm", .nshapes = 1, .shapes = {{"a", DOM_REAL, .limit_lo = "a reflected halfnorm", .limit_hi = "halfnorm"}},
		.description = "Skew-normal distribution; scipy.stats.skewnorm; Azzalini (1985), Scand. J. Statist. 12, 171-178; Owen (1956), Ann. Math. Statist. 27, 1075-1090",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(skewnorm),
		.fit = {.nest = {{"norm", 1, {0}, {0.0}}}, .ngrid = {5}, .grid = {{-5.0, -1.5, 0.0, 1.5, 5.0}}, .start = skewnorm_start}
	},
	{
		.name = "exponnorm", .nshapes = 1, .shapes = {{"K", DOM_POS, .limit_lo = "norm", .limit_hi = "expon"}},
		.description = "Exponentially modified normal distribution; scipy.stats.exponnorm; Grushka (1972), Anal. Chem. 44, 1733-1738",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(exponnorm),
		.fit = {.ngrid = {4}, .grid = {{0.3, 1.0, 3.0, 10.0}}, .start = exponnorm_start}
	},
	{
		.name = "powernorm", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_hi = "gumbel_l"}},
		.description = "Power normal distribution; scipy.stats.powernorm; Gupta & Gupta (2008), TEST 17, 185-195",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(powernorm),
		.fit = {.nest = {{"norm", 1, {0}, {1.0}}}, .ngrid = {6}, .grid = {{0.1, 0.3, 1.0, 3.0, 10.0, 50.0}}}
	},
	{
		.name = "powerlognorm", .nshapes = 2, .shapes = {{"c", DOM_POS, .limit_hi = "weibull_min"}, {"s", DOM_POS}},
		.description = "Power log-normal distribution; scipy.stats.powerlognorm; Gupta & Gupta (2008), TEST 17, 185-195",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(powerlognorm),
		.fit = {.nest = {{"lognorm", 1, {0}, {1.0}}}, .ngrid = {5, 4}, .grid = {{0.2, 0.7, 2.0, 6.0, 20.0}, {0.25, 0.5, 1.0, 2.0}}}
	},
	{
		.name = "crystalball", .nshapes = 2, .shapes = {{"beta", DOM_POS, .limit_hi = "norm"}, {"m", DOM_MGT1}},
		.description = "Crystal Ball distribution (normal core, power-law lower tail); scipy.stats.crystalball; Skwarnicki (1986), DESY F31-86-02",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(crystalball),
		.fit = {.ngrid = {4, 3}, .grid = {{0.5, 1.0, 2.0, 3.0}, {1.5, 3.0, 10.0}}}
	},
	{
		.name = "alpha", .nshapes = 1, .shapes = {{"a", DOM_POS, .limit_hi = "norm"}},
		.description = "Alpha distribution (reciprocal of a truncated normal); scipy.stats.alpha; "
		"Johnson, Kotz & Balakrishnan (1994) p. 173; Salvia (1985), IEEE Trans. Reliability R-34",
		.support_text = "x > loc",
		.support = alpha_support, BF_FNS(alpha),
		.fit = {.ngrid = {6}, .grid = {{0.5, 1.0, 2.0, 3.5, 6.0, 10.0}}}
	},
	{
		.name = "argus", .nshapes = 1, .shapes = {{"chi", DOM_POS}},
		.description = "ARGUS distribution; scipy.stats.argus; Albrecht et al. (ARGUS Collaboration) (1990), Phys. Lett. B 241, 278-282",
		.support_text = "loc < x < loc + scale",
		.support = bf_support_unit, BF_FNS(argus),
		.fit = {.ngrid = {5}, .grid = {{0.3, 1.0, 2.0, 4.0, 8.0}}}
	},
};

const int	bf_family_normal_size = sizeof(bf_family_normal) / sizeof(bf_family_normal[0]);

/* The entries other entries' functions call (common.h; checked by unitcheck). */
const BfDist *const bf_powernorm_entry = &bf_family_normal[6];
