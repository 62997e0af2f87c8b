/*
 * uniform.c — the uniform distribution and shapes on a bounded
 * interval with elementary closed forms: uniform, triang and trapezoid
 * (piecewise-linear densities), bradford (density proportional to
 * 1 / (1 + c z)), loguniform (uniform in log z), anglit (cos(2z) on
 * [-pi/4, pi/4]), cosine (raised cosine on [-pi, pi]) and irwinhall (the
 * sum of n independent uniforms).
 * References: JKB2 ch. 26 (uniform, triangular, trapezoidal; sec. 9 for
 * Irwin-Hall, Irwin 1927 and Hall 1927, Biometrika 19); Bradford (1934,
 * Engineering 137); NIST Dataplot reference manual (anglit, cosine).
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
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"
#include "host.h"


/* ------------------------------------------------------------------------
 * uniform: f(z) = 1 on [0, 1]; F = z, sf = 1 - z, ppf = p.
 * scipy.stats.uniform; JKB2 ch. 26.
 * ------------------------------------------------------------------------
 */

static double
uniform_logpdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (isnan(z))
		return z;
	if (z < 0 || z > 1)
		return -INFINITY;
	return 0.0;
}

static double
uniform_cdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	return z;
}

static double
uniform_sf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return 1.0 - z;
}

static double
uniform_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return p;
}

/* uniform: loc = min, scale = max - min (the MLE), widened by 1e-6. */
static void
uniform_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		m = 1e-3 * bf_data_margin(s);

	out[0] = s->min - m;
	out[1] = s->max - s->min + 2.0 * m;
	if (!isnan(fx[0]) && isnan(fx[1]))
		out[1] = s->max - fx[0] + m;
	else if (isnan(fx[0]) && !isnan(fx[1]))
		out[0] = fmin(s->min - m, 0.5 * (s->min + s->max) - 0.5 * fx[1]);
	bf_finish_start(self, s, fx, out);
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
triang_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (z < 0 || z > 1)
		return -INFINITY;
	if (z < c || c == 1.0)
		return log(2.0 * z / c);
	return log(2.0 * (1.0 - z) / (1.0 - c));
}

static double
triang_cdf(const BfDist *self, double z, const double *shape)
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
triang_sf(const BfDist *self, double z, const double *shape)
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
triang_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0];

	PPF_EDGES(self, p, shape);
	if (p < c)
		return sqrt(c * p);
	/* 1 - sqrt((1-c)(1-p)), without cancellation for small p */
	return (c + p * (1.0 - c)) / (1.0 + sqrt((1.0 - c) * (1.0 - p)));
}

/*
 * triang: loc = min - margin, scale = range + 2 margin; the mode is
 * 3 mean - lo - hi (the mean is (lo + mode + hi) / 3), so
 * c = (mode - lo) / (hi - lo), clipped to [0.05, 0.95].
 */
static void
triang_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * trapezoid(c, d), 0 <= c <= d <= 1: on [0, 1], with h = 1 + d - c,
 * f(z) = 2z/(c h) for z < c, 2/h for c <= z <= d, 2(1-z)/((1-d) h) above;
 * F = z^2/(c h), (2z - c)/h, 1 - (1-z)^2/((1-d) h) on the three pieces.
 * The complements are written as sums of non-negative terms:
 * sf = ((c-z)(c+z) + c(1+d-2c))/(c h), (2(d-z) + 1-d)/h, (1-z)^2/((1-d) h),
 * and F above d = ((z-d)(2-z-d) + (2d-c)(1-d))/((1-d) h).
 * ppf = sqrt(p c h), (p h + c)/2, 1 - sqrt(w) with w = (1-p)(1-d) h (scipy's),
 * the last as (1 - w) / (1 + sqrt w), 1 - w = d^2 + c(1-d) + p(1-d) h.
 * c > d is outside the family: NaN.
 * scipy.stats.trapezoid; Kacker & Lawrence (2007), Metrologia 44, 117-127.
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

/* scipy 1.15 trapezoid._argcheck: 0 <= c <= 1, 0 <= d <= 1 and d >= c */
static const char *
trapezoid_argcheck(const BfDist *self, const double *shape)
{
	return shape[0] <= shape[1] ? NULL : "c <= d";
}

static double
trapezoid_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				h = 1.0 + d - c;

	if (isnan(z) || !(c <= d))
		return NAN;
	if (z < 0 || z > 1)
		return -INFINITY;
	if (z < c)
		return log(2.0 * z / (c * h));
	if (z <= d)
		return log(2.0 / h);
	return log(2.0 * (1.0 - z) / ((1.0 - d) * h));
}

static double
trapezoid_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				h = 1.0 + d - c;

	if (isnan(z) || !(c <= d))
		return NAN;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	if (z < c)
		return z * z / (c * h);
	if (z <= d)
		return (2.0 * z - c) / h;
	return ((z - d) * (2.0 - z - d) + (2.0 * d - c) * (1.0 - d)) / ((1.0 - d) * h);
}

static double
trapezoid_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				h = 1.0 + d - c;

	if (isnan(z) || !(c <= d))
		return NAN;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	if (z < c)					/* <= 1 (rounds to 1 + 2e-16 for tiny z and c) */
		return fmin(1.0, ((c - z) * (c + z) + c * (1.0 + d - 2.0 * c)) / (c * h));
	if (z <= d)
		return (2.0 * (d - z) + (1.0 - d)) / h;
	return (1.0 - z) * (1.0 - z) / ((1.0 - d) * h);
}

static double
trapezoid_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				d = shape[1],
				h = 1.0 + d - c;

	if (!(c <= d))
		return NAN;
	PPF_EDGES(self, p, shape);
	if (p < c / h)
		return sqrt(p * c * h);
	if (p <= (2.0 * d - c) / h)
		return 0.5 * (p * h + c);
	return (d * d + c * (1.0 - d) + p * (1.0 - d) * h) /
		(1.0 + sqrt((1.0 - p) * (1.0 - d) * h));
}


/* ------------------------------------------------------------------------
 * bradford(c), c > 0, 0 <= z <= 1, L = log1p(c):
 *   f(z) = c / (L (1 + c z)),  F(z) = log1p(c z) / L,
 *   sf(z) = log1p(c (1 - z) / (1 + c z)) / L,  ppf(p) = expm1(p L) / c.
 * Source: scipy.stats.bradford; Bradford (1934), Engineering 137.
 * Numerics: sf as log((1 + c) / (1 + c z)) written with log1p.
 * Accuracy: ~1e-15 relative.
 * ------------------------------------------------------------------------
 */

static double
bradford_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isnan(z))
		return z;				/* NaN in, NaN out (the test below would say -Infinity) */
	if (!(z >= 0 && z <= 1))
		return -INFINITY;
	return log(c) - log1p(c * z) - log(log1p(c));
}

static double
bradford_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	return log1p(c * z) / log1p(c);
}

static double
bradford_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return log1p(c * (1.0 - z) / (1.0 + c * z)) / log1p(c);
}

static double
bradford_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				e;

	PPF_EDGES(self, p, shape);
	if (p > 0.5)
	{
		/* from sf: c (1 - z) / (1 + c z) = e = expm1((1 - p) L) */
		e = expm1((1.0 - p) * log1p(c));
		return (c - e) / (c * (1.0 + e));
	}
	return expm1(p * log1p(c)) / c;
}

/* Mean of bradford(c) on [0, 1]: (c - k) / (c k), k = log1p(c); from 1/2 down to 0. */
static double
bradford_mean(double c)
{
	double		k = log1p(c);

	return (c - k) / (c * k);
}

/*
 * bradford: loc = min - margin, scale = range + 2 margin (or the fixed
 * values), c from the mean of (x - loc) / scale (decreasing in c), solved
 * in [1e-3, 1e4].
 */
static void
bradford_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		m = bf_data_margin(s),
				c = fx[0],
				loc = fx[1],
				scale = fx[2];

	if (isnan(loc) && isnan(scale))
	{
		loc = s->min - m;
		scale = s->max - s->min + 2.0 * m;
	}
	else if (isnan(loc))
		loc = fmin(s->min - m, s->max + m - scale);
	else if (isnan(scale))
		scale = s->max - loc + m;
	if (isnan(c))
		c = bf_solve_decreasing_geom(bradford_mean, (bf_data_center(s) - loc) / scale, 1e-3, 1e4);
	out[0] = c;
	out[1] = loc;
	out[2] = scale;
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * loguniform(a, b) = reciprocal(a, b), 0 < a < b: for a <= z <= b
 * f(z) = 1 / (z log(b/a)), F = log(z/a) / log(b/a), sf = log(b/z) / log(b/a),
 * ppf = a (b/a)^p (b (b/a)^-(1-p) above 1/2).  Each log of a ratio u/v is
 * log1p((u - v)/v) when u < 2v (u - v exact), so that F keeps full relative
 * accuracy near a (scipy's log z - log a does not) and sf near b.
 * scipy.stats.loguniform (reciprocal); Hamming (1970), "On the distribution
 * of numbers", Bell Syst. Tech. J. 49.  Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
log_ratio(double u, double v)
{
	double		r = u / v;

	if (u < 2.0 * v && u > 0.5 * v)
		return log1p((u - v) / v);
	if (isfinite(r) && r > DBL_MIN)
		return log(r);
	return log(u) - log(v);		/* u / v beyond the double range */
}

static bool
loguniform_ok(const double *shape)
{
	return shape[0] > 0 && shape[1] > shape[0] && isfinite(shape[1]);
}

/* scipy 1.15 reciprocal._argcheck (loguniform): (a > 0) & (b > a) */
static const char *
loguniform_argcheck(const BfDist *self, const double *shape)
{
	return shape[0] < shape[1] ? NULL : "a < b";
}

static void
loguniform_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	if (!loguniform_ok(shape))
	{
		*zlo = *zhi = NAN;
		return;
	}
	*zlo = shape[0];
	*zhi = shape[1];
}

static double
loguniform_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z) || !loguniform_ok(shape))
		return NAN;
	if (z < shape[0] || z > shape[1])
		return -INFINITY;
	return -log(z) - log(log_ratio(shape[1], shape[0]));
}

static double
loguniform_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z) || !loguniform_ok(shape))
		return NAN;
	if (z <= shape[0])
		return 0.0;
	if (z >= shape[1])
		return 1.0;
	return log_ratio(z, shape[0]) / log_ratio(shape[1], shape[0]);
}

static double
loguniform_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z) || !loguniform_ok(shape))
		return NAN;
	if (z <= shape[0])
		return 1.0;
	if (z >= shape[1])
		return 0.0;
	return log_ratio(shape[1], z) / log_ratio(shape[1], shape[0]);
}

static double
loguniform_ppf(const BfDist *self, double p, const double *shape)
{
	double		L,
				z;

	if (!loguniform_ok(shape))
		return NAN;
	PPF_EDGES(self, p, shape);
	L = log_ratio(shape[1], shape[0]);
	z = (p <= 0.5) ? shape[0] * exp(p * L) : shape[1] * exp(-(1.0 - p) * L);
	if (!(isfinite(z) && z > 0))	/* (b/a)^p beyond the double range */
		z = exp((p <= 0.5) ? log(shape[0]) + p * L : log(shape[1]) - (1.0 - p) * L);
	return fmin(fmax(z, shape[0]), shape[1]);
}

/*
 * loguniform start: the density of x is proportional to 1/(x - L) on
 * [min, max] (L = loc - ... with scale absorbed), and its median is
 * sqrt((min - L)(max - L)) + L; solving for L with the data's median gives
 * L = (min max - med^2) / (min + max - 2 med).  Then scale = min - L,
 * a = 1, b = (max - L) / scale (loc = L, so that [a, b] spans the data;
 * bf_finish_start adds the margin).  When the data are not right-skewed
 * (med >= midrange) the shape is close to uniform: L is put 100 ranges
 * below min.  With loc fixed, L = loc; with scale fixed, a = (min - L) / scale.
 */
static void
loguniform_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		mn = s->min,
				mx = s->max,
				med = s->median,
				range = mx - mn,
				L = fx[2],
				scale = fx[3],
				den,
				m;

	if (!(isfinite(range) && range > 0))
		range = bf_data_scale(s);
	m = bf_data_margin(s);
	if (isnan(L))
	{
		den = mn + mx - 2.0 * med;
		L = (den > 1e-3 * range) ? (mn * mx - med * med) / den : NAN;
		if (!(isfinite(L) && L < mn - 1e-3 * range))
			L = mn - 100.0 * range;
		if (!bf_is_free(fx, 0) && isnan(scale) && fx[0] > 0)
			L = fmin(L, mn - m);
	}
	if (isnan(scale))
	{
		if (!bf_is_free(fx, 0) && fx[0] > 0 && mn - m - L > 0)
			scale = (mn - m - L) / fx[0];
		else
			scale = mn - m - L;
		if (!(isfinite(scale) && scale > 0))
			scale = bf_data_scale(s);
	}
	out[0] = (mn - m - L) / scale;
	out[1] = (mx + m - L) / scale;
	if (!(out[0] > 0))
		out[0] = NAN;
	if (!(out[1] > out[0]))
		out[1] = NAN;
	out[2] = L;
	out[3] = scale;
	bf_finish_start(self, s, fx, out);
}
#define PI4_HI		0.78539816339744827900
#define PI4_LO		3.06161699786838294307e-17


/* ------------------------------------------------------------------------
 * anglit, -pi/4 <= z <= pi/4:
 *   f(z) = cos(2z),  F(z) = sin^2(z + pi/4),  sf(z) = sin^2(pi/4 - z),
 *   ppf(p) = asin(sqrt(p)) - pi/4  (pi/4 - asin(sqrt(1 - p)) above 1/2).
 * Source: scipy.stats.anglit (_continuous_distns.py).  Numerics: the
 * density near the ends as sin(2 (pi/4 -+ z)) (no cos near pi/2), each
 * tail from its own end.  Accuracy: rounding of z + pi/4 only (~1e-15).
 * ------------------------------------------------------------------------
 */

static void
anglit_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = -M_PI_4;
	*zhi = M_PI_4;
}

static double
anglit_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;				/* NaN in, NaN out (the test below would say -Infinity) */
	if (!(z >= -M_PI_4 && z <= M_PI_4))
		return -INFINITY;
	if (z < -M_PI_4 / 2)
		return log(sin(2.0 * ((z + PI4_HI) + PI4_LO)));
	if (z > M_PI_4 / 2)
		return log(sin(2.0 * ((PI4_HI - z) + PI4_LO)));
	return log(cos(2.0 * z));
}

static double
anglit_cdf(const BfDist *self, double z, const double *shape)
{
	double		s;

	if (isnan(z))
		return z;
	if (z <= -M_PI_4)
		return 0.0;
	if (z >= M_PI_4)
		return 1.0;
	if (z > 0)
	{
		s = sin((PI4_HI - z) + PI4_LO);
		return 1.0 - s * s;
	}
	s = sin((z + PI4_HI) + PI4_LO);
	return s * s;
}

static double
anglit_sf(const BfDist *self, double z, const double *shape)
{
	return anglit_cdf(self, -z, shape);
}

static double
anglit_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (p > 0.5)
		return (PI4_HI - asin(sqrt(1.0 - p))) + PI4_LO;
	return (asin(sqrt(p)) - PI4_HI) - PI4_LO;
}


/*
 * pi and pi/4 as double + remainder: z + pi computed as (z + PI_HI) + PI_LO
 * keeps the distance to the end of a support [-pi, pi] (or [-pi/4, pi/4])
 * exact for the double z, as scipy's sin/cos of z do implicitly.
 */
#define PI_HI		3.14159265358979311600
#define PI_LO		1.22464679914735317723e-16


/* ------------------------------------------------------------------------
 * cosine, -pi <= z <= pi:
 *   f(z) = (1 + cos z) / (2 pi),  F(z) = (pi + z + sin z) / (2 pi),
 *   sf(z) = F(-z).
 * Source: scipy.stats.cosine (_continuous_distns.py; scipy's own
 * _cosine_cdf / _cosine_invcdf).  Numerics: with y = pi + z (z <= 0),
 * F = (y - sin y) / (2 pi), y - sin y by its Taylor series for y < 1
 * (no cancellation, 9 terms), directly above; log f = log(1 + cos z) -
 * log(2 pi) with 1 + cos z = 2 cos^2(z/2), as 2 sin^2((pi - |z|)/2) near
 * the ends (no cancellation).
 * The quantile solves Kepler's equation y - sin y = 2 pi p (eccentricity
 * 1) by Newton's method from y0 = (6 M)^(1/3) (1 + (6 M)^(2/3) / 60),
 * which converges quadratically (y - sin y is convex increasing on
 * [0, pi]); the upper half by symmetry.  Accuracy: ~1e-15.
 * ------------------------------------------------------------------------
 */

static void
cosine_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = -M_PI;
	*zhi = M_PI;
}

/* y - sin y, accurate for small y */
static double
y_minus_sin(double y)
{
	if (y < 1.0)
	{
		double		y2 = y * y;

		return y * y2 / 6.0 *
			(1.0 - y2 / 20.0 *
			 (1.0 - y2 / 42.0 *
			  (1.0 - y2 / 72.0 *
			   (1.0 - y2 / 110.0 *
				(1.0 - y2 / 156.0 *
				 (1.0 - y2 / 210.0 *
				  (1.0 - y2 / 272.0 *
				   (1.0 - y2 / 342.0))))))));
	}
	return y - sin(y);
}

static double
cosine_logpdf(const BfDist *self, double z, const double *shape)
{
	double		s;

	if (isnan(z))
		return z;				/* NaN in, NaN out (the test below would say -Infinity) */
	if (!(z > -M_PI && z < M_PI))
		return -INFINITY;
	/* 1 + cos z = 2 cos^2(z/2) */
	s = cos(0.5 * z);
	if (fabs(z) > 2.0)
		s = sin(0.5 * ((PI_HI - fabs(z)) + PI_LO));
	return log(2.0 * s * s) - M_LN2 - LN_PI;
}

static double
cosine_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= -M_PI)
		return 0.0;
	if (z >= M_PI)
		return 1.0;
	if (z > 0)
		return 1.0 - y_minus_sin((PI_HI - z) + PI_LO) / (2.0 * M_PI);
	return y_minus_sin((z + PI_HI) + PI_LO) / (2.0 * M_PI);
}

static double
cosine_sf(const BfDist *self, double z, const double *shape)
{
	return cosine_cdf(self, -z, shape);
}

/* y in [0, pi] with y - sin y = m, 0 <= m <= pi */
static double
cosine_kepler(double m)
{
	double		t = cbrt(6.0 * m),
				y = t * (1.0 + t * t / 60.0);
	int			i;

	if (m <= 0)
		return 0.0;
	if (y > M_PI)
		y = M_PI;
	for (i = 0; i < 60; i++)
	{
		double		s = sin(0.5 * y),
					dy = (y_minus_sin(y) - m) / (2.0 * s * s);

		if (!isfinite(dy))
			break;
		y -= dy;
		if (y > M_PI)
			y = M_PI;
		if (y <= 0)
			y = 0.5 * (y + dy);
		if (fabs(dy) <= 1e-15 * y)
			break;
	}
	return y;
}

static double
cosine_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (p == 0.5)
		return 0.0;
	if (p > 0.5)
		return (PI_HI - cosine_kepler(2.0 * M_PI * (1.0 - p))) + PI_LO;
	return (cosine_kepler(2.0 * M_PI * p) - PI_HI) - PI_LO;
}


/* ------------------------------------------------------------------------
 * irwinhall(n): the sum of n independent uniform(0, 1) variables, support
 * [0, n].  Irwin (1927), Hall (1927); scipy.stats.irwinhall (scipy 1.15).
 * The closed form F(z) = sum_k (-1)^k C(n,k) (z-k)^n / n! cancels badly,
 * so both are computed by the de Boor-Cox recursions (B-splines):
 *   F_m(y) = (y F_{m-1}(y) + (m - y) F_{m-1}(y - 1)) / m,
 *   f_m(y) = (y f_{m-1}(y) + (m - y) f_{m-1}(y - 1)) / (m - 1),
 * F_m = 0 below 0 and 1 above m, f_1 = 1 on [0, 1); inside the support
 * every step is a positive combination, so the result keeps full relative
 * accuracy (~1e-14 for n <= 200; the cost is O(n min(z, n - z)) flops).
 * sf(z) = F(n - z) by symmetry.
 * For n <= IRWINHALL_TABLE_MAX the same recursions are run once per n on
 * the pieces' Bernstein coefficients instead (irwinhall_tables: on each
 * unit interval [k, k + 1] F and f are polynomials of degree n and n - 1 in
 * t = z - k; a product (a (1 - t) + b t) p(t) with a, b >= 0 raises the
 * degree by the Bernstein form's degree elevation, Farin, "Curves and
 * Surfaces for CAGD", 5th ed., 2002, ch. 6, with nonnegative weights), so
 * every coefficient is a positive combination as before, and a value is
 * then a positive sum of d + 1 terms (irwinhall_bern): O(n) per value
 * instead of O(n min(z, n - z)), with the same full relative accuracy
 * (within 1.2e-13 of the recursion over n = 1 .. 130 and 7,800 points,
 * both within 6e-14 of mpmath's alternating sum at 50 digits at the worst
 * of them; 2026-12-03).  The tables serve once one n has been asked for
 * repeatedly (irwinhall_value): a fit's values at n = 48 cost 6 to 10
 * times less (test/bench/fitprof -e irwinhall over the zoo: 3.3-3.6 s to
 * 0.48-0.53 s).
 * ppf: (p n!)^(1/n) where that is <= 1 (F
 * is z^n / n! on [0, 1]), else bf_ppf_solve_ulp from the larger of that
 * and the normal approximation (irwinhall_ppf).
 * n is at most IRWINHALL_MAX_N (its domain): the exact recursion then costs
 * at most n^2 / 2 = 5e7 steps (~0.1 s) and n + 1 doubles, and polls the
 * host's stop request every 4,096 steps or so (NaN when asked to stop).  Larger n
 * are rejected rather than approximated: the law is then within 1.2e-4 of
 * the normal in excess kurtosis (-6/(5n)), and no approximation with a
 * relative error bound in both tails is used here.
 * ------------------------------------------------------------------------
 */

#define IRWINHALL_MAX_N 10000

static void
irwinhall_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = shape[0];
}

/*
 * F_n(z) (pdf false) or f_n(z) (pdf true) for 0 < z < n by the recursion,
 * over the shifts y = z - j, j = 0 .. J (J = floor(z)): work[j] holds
 * F_m(z - j) at level m.  n is an integer in [1, IRWINHALL_MAX_N] (NaN
 * otherwise, and when the host asks to stop).
 */
static double
irwinhall_rec(double n, double z, bool pdf)
{
	int			J,
				nn,
				m0 = pdf ? 1 : 0;
	double		stackbuf[256];
	double	   *w = stackbuf;
	double		res;
	long		work = 0;

	if (!(n >= 1.0 && n <= IRWINHALL_MAX_N) || !(z >= 0.0 && z <= n))
		return NAN;
	nn = (int) n;
	J = (int) floor(z);
	if (J < 0 || J > nn)
		return NAN;
	if (J + 2 > 256)
		w = bf_alloc(sizeof(double) * (J + 2));
	/* level m0: F_0(y) = [y >= 0]; f_1(y) = [0 <= y < 1]; w[J + 1] = 0 below 0 */
	for (int j = 0; j <= J; j++)
	{
		double		y = z - j;

		w[j] = pdf ? ((y >= 0 && y < 1) ? 1.0 : 0.0) : ((y >= 0) ? 1.0 : 0.0);
	}
	w[J + 1] = 0.0;
	for (int m = m0 + 1; m <= nn; m++)
	{
		/*
		 * w[j] <- level m at y = z - j from w[j] and w[j + 1] of level m - 1:
		 * y >= m (j <= z - m) is F = 1, f = 0; 0 < y < m the recursion; y = 0
		 * (j = J when z is an integer) F = 0, f = [m = 1]
		 */
		double		rden = 1.0 / (pdf ? (m - 1) : m);
		int			jlo = (z - m >= 0) ? (int) floor(z - m) + 1 : 0,
					jhi = (z == J) ? J - 1 : J;

		/* a poll every 4,096 steps or so (every level once J >= 4,095) */
		work += J + 1;
		if (work >= 4096 && (work = 0, bf_should_stop()))
		{
			if (w != stackbuf)
				bf_free(w);
			return NAN;
		}
		for (int j = 0; j < jlo && j <= J; j++)
			w[j] = pdf ? 0.0 : 1.0;
		for (int j = jlo; j <= jhi; j++)
		{
			double		y = z - j;

			w[j] = (y * w[j] + (m - y) * w[j + 1]) * rden;
		}
		if (z == J)
			w[J] = (pdf && m == 1) ? 1.0 : 0.0;
	}
	res = w[0];
	if (w != stackbuf)
		bf_free(w);
	return res;
}

/*
 * The pieces of F_n and f_n in Bernstein form, for the last n asked
 * (n <= IRWINHALL_TABLE_MAX; a fit asks for one n thousands of times):
 * cdf[k (n + 1) + i] = c_i C(n, i), F_n(k + t) = sum_i cdf[k (n + 1) + i]
 * t^i (1 - t)^(n - i) for 0 <= t <= 1, k = 0 .. n - 1; pdf likewise with
 * degree n - 1.  Built by the recursions of the header from F_1(y) = y
 * and f_1 = 1 on [0, 1): level m's piece k is
 *   ((k + t) P_k + (m - k - t) P_(k-1)) / m   (F; / (m - 1) for f)
 * with P_j level m - 1's piece j (F: 0 for j < 0, 1 for j >= m - 1; f: 0
 * outside), and (a (1 - t) + b t) p(t) for p of degree d has the
 * coefficients e_i = (a (d + 1 - i) p_i + b i p_(i-1)) / (d + 1).  Costs
 * about n^3 / 3 multiply-adds (37,000 at n = 48) and 2 (n^2 + n) doubles
 * per table, allocated once (malloc, kept for the life of the process,
 * like numerics/gauss_legendre.c's tables); false when the allocation
 * fails (then the direct recursion serves).
 */
#define IRWINHALL_TABLE_MAX 128

static struct
{
	int			n;				/* the tables' n, 0: none */
	double	   *cdf,
			   *pdf,
			   *scratch;		/* 4 buffers of IRWINHALL_TABLE_MAX (IRWINHALL_TABLE_MAX + 1) */
} ih_tab;

/* level m's pieces of F (pdf false) or f from level m - 1's (prev), coefficients without binomials */
static void
irwinhall_level(const double *prev, double *next, int m, bool pdf)
{
	int			dp = pdf ? m - 2 : m - 1;	/* level m - 1's degree */
	double		inv = 1.0 / (dp + 1),
				rm = 1.0 / (pdf ? m - 1 : m);

	for (int k = 0; k < m; k++)
	{
		const double *hi = (k <= m - 2) ? prev + (size_t) k * (dp + 1) : NULL,	/* P_k */
				   *lo = (k >= 1) ? prev + (size_t) (k - 1) * (dp + 1) : NULL;	/* P_(k-1) */
		double	   *e = next + (size_t) k * (dp + 2);

		for (int i = 0; i <= dp + 1; i++)
		{
			/* P_k: level m - 1's piece, or 1 above its support (F), 0 (f) */
			double		hc = (i <= dp) ? (hi ? hi[i] : (pdf ? 0.0 : 1.0)) : 0.0,
						hm = (i >= 1) ? (hi ? hi[i - 1] : (pdf ? 0.0 : 1.0)) : 0.0,
						lc = (i <= dp && lo) ? lo[i] : 0.0,
						lm = (i >= 1 && lo) ? lo[i - 1] : 0.0;
			double		v = (k * (dp + 1 - i) * hc + (k + 1) * i * hm) +
				((m - k) * (dp + 1 - i) * lc + (m - k - 1) * i * lm);

			e[i] = v * inv * rm;
		}
	}
}

static bool
irwinhall_tables(int n)
{
	const size_t cap = (size_t) IRWINHALL_TABLE_MAX * (IRWINHALL_TABLE_MAX + 1);

	if (ih_tab.n == n)
		return true;
	if (n < 1 || n > IRWINHALL_TABLE_MAX)
		return false;
	if (ih_tab.scratch == NULL)
	{
		ih_tab.scratch = malloc(4 * cap * sizeof(double));
		if (ih_tab.scratch == NULL)
			return false;
		ih_tab.cdf = ih_tab.scratch + 2 * cap;
		ih_tab.pdf = ih_tab.scratch + 3 * cap;
	}
	ih_tab.n = 0;
	for (int pdf = 0; pdf <= 1; pdf++)
	{
		double	   *a = ih_tab.scratch,
				   *b = ih_tab.scratch + cap,
				   *out = pdf ? ih_tab.pdf : ih_tab.cdf;
		int			d;

		/* level 1: F_1 = t (coefficients 0, 1), f_1 = 1 */
		if (pdf)
			a[0] = 1.0;
		else
		{
			a[0] = 0.0;
			a[1] = 1.0;
		}
		for (int m = 2; m <= n; m++)
		{
			double	   *t;

			irwinhall_level(a, b, m, pdf);
			t = a;
			a = b;
			b = t;
		}
		/* the binomials folded in */
		d = pdf ? n - 1 : n;
		for (int k = 0; k < n; k++)
		{
			double		c = 1.0;

			for (int i = 0; i <= d; i++)
			{
				out[(size_t) k * (d + 1) + i] = a[(size_t) k * (d + 1) + i] * c;
				c = c * (d - i) / (i + 1);
			}
		}
	}
	ih_tab.n = n;
	return true;
}

/*
 * sum_{i=0..d} c_i r^i, c_i = b[i] (b[d - i] when reversed), 0 <= r <= 1,
 * by four interleaved Horner recurrences in r^4 (Estrin-like: Knuth, TAOCP
 * vol. 2, sec. 4.6.4), so that the processor runs them side by side
 * rather than one chain of d multiply-adds each waiting for the last (at
 * n = 48 on 10,000,000 normal draws a value took about 60 ns, three
 * quarters of irwinhall's fit).  The coefficients are the Bernstein
 * coefficients with the binomials folded in, all >= 0, and r <= 1, so
 * every order of summation keeps the relative error below about
 * (d + 2) 2^-53.
 */
static inline double
irwinhall_poly(const double *b, int d, double r, bool reversed)
{
	double		r2 = r * r,
				r4 = r2 * r2,
				a[4] = {0, 0, 0, 0};
	int			top = d / 4;
	const double *c0 = reversed ? b + d : b;
	ptrdiff_t	step = reversed ? -1 : 1;

#define IH_C(i) c0[(ptrdiff_t) (i) * step]
	/* the highest group, partly beyond d */
	for (int j = 0; j < 4; j++)
		if (4 * top + j <= d)
			a[j] = IH_C(4 * top + j);
	for (int q = top - 1; q >= 0; q--)
	{
		a[0] = a[0] * r4 + IH_C(4 * q);
		a[1] = a[1] * r4 + IH_C(4 * q + 1);
		a[2] = a[2] * r4 + IH_C(4 * q + 2);
		a[3] = a[3] * r4 + IH_C(4 * q + 3);
	}
#undef IH_C
	return a[0] + r * (a[1] + r * (a[2] + r * a[3]));
}

/* F_n(z) (pdf false) or f_n(z) from the tables, 0 <= z <= n (ih_tab.n == n) */
static double
irwinhall_bern(int n, double z, bool pdf)
{
	int			k = (int) floor(z),
				d = pdf ? n - 1 : n;
	const double *b;
	double		t,
				acc;

	if (k >= n)
		k = n - 1;
	t = z - k;					/* exact */
	b = (pdf ? ih_tab.pdf : ih_tab.cdf) + (size_t) k * (d + 1);
	if (d == 0)
		return b[0];
	if (t <= 0.5)
	{
		acc = irwinhall_poly(b, d, t / (1.0 - t), false);
		return acc * pow(1.0 - t, d);
	}
	acc = irwinhall_poly(b, d, (1.0 - t) / t, true);
	return acc * pow(t, d);
}

/*
 * irwinhall_rec's value, from the tables once the same n has been asked for
 * IRWINHALL_TABLE_AFTER times in a row (a table costs about as much as
 * n / 2 values by the recursion: a query whose rows alternate n never
 * builds one; a fit, thousands of values at one n, does at once)
 */
#define IRWINHALL_TABLE_AFTER 16

static double
irwinhall_value(double n, double z, bool pdf)
{
	static double last_n = 0.0;
	static int	repeats = 0;

	if (n >= 1.0 && n <= IRWINHALL_TABLE_MAX && z >= 0.0 && z <= n && n == floor(n))
	{
		if (ih_tab.n == (int) n)
			return irwinhall_bern((int) n, z, pdf);
		repeats = (n == last_n) ? repeats + 1 : 0;
		last_n = n;
		if (repeats >= IRWINHALL_TABLE_AFTER && irwinhall_tables((int) n))
			return irwinhall_bern((int) n, z, pdf);
	}
	return irwinhall_rec(n, z, pdf);
}

static double
irwinhall_cdf(const BfDist *self, double z, const double *shape)
{
	double		n = shape[0];

	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 0.0;
	if (z >= n)
		return 1.0;
	if (z > 0.5 * n)
		return 1.0 - irwinhall_value(n, n - z, false);
	return irwinhall_value(n, z, false);
}

static double
irwinhall_sf(const BfDist *self, double z, const double *shape)
{
	double		n = shape[0];

	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 1.0;
	if (z >= n)
		return 0.0;
	if (z < 0.5 * n)
		return 1.0 - irwinhall_value(n, z, false);
	return irwinhall_value(n, n - z, false);
}

static double
irwinhall_logpdf(const BfDist *self, double z, const double *shape)
{
	double		n = shape[0];

	if (isnan(z))
		return z;
	if (z < 0.0 || z > n)
		return -INFINITY;
	if (n == 1.0)
		return 0.0;
	if (z == 0.0 || z == n)
		return -INFINITY;
	/* the density is symmetric about n/2 */
	{
		double		w = (z > 0.5 * n) ? n - z : z,
					f = irwinhall_value(n, w, true);

		/*
		 * Within 1 of an end the density is w^(n-1) / (n-1)! exactly (the
		 * closed form's first term; JKB2 ch. 26), which underflows long
		 * before its log does: at n = 41, w = 1.3e-12 the log density is
		 * -1,205.1, and -inf here until 2026-12-06 left a fit's value not
		 * finite (irwinhall's search on hflights' delays lost 65,000 units
		 * there).  Only where the value underflows: the same values
		 * elsewhere.
		 */
		if (f < DBL_MIN && w <= 1.0)
			return (n - 1.0) * log(w) - bf_lngamma(n);
		return log(f);
	}
}


static double
irwinhall_ppf(const BfDist *self, double p, const double *shape)
{
	double		n = shape[0],
				guess;

	PPF_EDGES(self, p, shape);
	if (n == 1.0)
		return p;
	/*
	 * In the tail of p (the lower one for p <= 1/2, the upper by symmetry:
	 * q = 1 - p is exact for p >= 1/2), F(z) = z^n / n! exactly on [0, 1]
	 * (the first term of the closed form), so z1 = (t n!)^(1/n) is the
	 * quantile itself when z1 <= 1.  Beyond 1 the other terms only
	 * subtract, F(z) <= z^n / n!, so z1 is a lower bound, as is the normal
	 * approximation n/2 + sqrt(n/12) ndtri(t) in the tail (its tails are
	 * heavier than the Irwin-Hall's, which are bounded): the larger of the
	 * two starts the solver (within 0.3% of q(1e-300) at n = 8,744, where
	 * z1 alone was 12% off and the solver bisected some 40 cdf evaluations
	 * of 3e7 steps each).
	 */
	{
		bool		upper = (p > 0.5);
		double		t = upper ? 1.0 - p : p,
					tf = (n <= 170.0) ? t * tgamma(n + 1.0) : 0.0,
					z1 = (tf >= DBL_MIN) ? pow(tf, 1.0 / n) : exp((log(t) + lgamma(n + 1.0)) / n),
					zn = 0.5 * n + sqrt(n / 12.0) * bf_ndtri(t);

		if (z1 <= 1.0)
			return upper ? n - z1 : z1;
		guess = fmax(z1, zn);
		if (upper)
			guess = n - guess;
	}
	guess = bf_clampd(guess, 1e-300, n * (1.0 - 1e-15));
	return bf_ppf_solve_ulp(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_uniform[] = {
	ENTRY0("uniform", "loc <= x <= loc + scale",
		   "Uniform distribution; scipy.stats.uniform; Johnson, Kotz & Balakrishnan (1995) ch. 26",
		   bf_support_unit, uniform),
	ENTRY1("triang", "loc <= x <= loc + scale", "c", DOM_UNIT,
		   "Triangular distribution; scipy.stats.triang; Johnson, Kotz & Balakrishnan (1995) ch. 26",
		   bf_support_unit, triang),
	{
		.name = "trapezoid", .nshapes = 2, .shapes = {{"c", DOM_UNIT}, {"d", DOM_UNIT}},
		.description = "Trapezoidal distribution, 0 <= c <= d <= 1; scipy.stats.trapezoid; Kacker & Lawrence (2007), Metrologia 44",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, BF_FNS(trapezoid),
		.argcheck = trapezoid_argcheck,
		.fit = {.ngrid = {4, 4}, .grid = {{0.05, 0.2, 0.35, 0.5}, {0.5, 0.65, 0.8, 0.95}}}
	},
	{
		.name = "bradford", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_lo = "uniform"}},
		.description = "Bradford distribution; scipy.stats.bradford; "
		"Bradford (1934), Engineering 137",
		.support_text = "loc <= x <= loc + scale",
		.support = bf_support_unit, BF_FNS(bradford),
		.fit = {.ngrid = {6}, .grid = {{0.1, 0.5, 1.5, 5.0, 20.0, 100.0}}, .start = bradford_start}
	},
	{
		.name = "loguniform", .nshapes = 2, .shapes = {{"a", DOM_POS}, {"b", DOM_POS, .hi_not_limit = true}},
		.description = "Log-uniform (reciprocal) distribution, 0 < a < b; scipy.stats.loguniform; Hamming (1970), Bell Syst. Tech. J. 49",
		.support_text = "loc + a*scale <= x <= loc + b*scale",
		.aliases = "reciprocal",
		.support = loguniform_support, BF_FNS(loguniform),
		.argcheck = loguniform_argcheck,
		.fit = {.start = loguniform_start, .hold_first_shape = true}
	},
	{
		.name = "anglit", .nshapes = 0,
		.description = "Anglit distribution, density cos(2x) on [-pi/4, pi/4]; scipy.stats.anglit; "
		"NIST Dataplot reference manual (ANGPDF)",
		.support_text = "loc - scale*pi/4 <= x <= loc + scale*pi/4",
		.support = anglit_support, BF_FNS(anglit)
	},
	{
		.name = "cosine", .nshapes = 0,
		.description = "Raised cosine distribution, density (1 + cos x) / (2 pi) on [-pi, pi]; "
		"scipy.stats.cosine; NIST Dataplot reference manual (COSPDF)",
		.support_text = "loc - pi*scale <= x <= loc + pi*scale",
		.support = cosine_support, BF_FNS(cosine)
	},
	{
		.name = "irwinhall", .nshapes = 1, .shapes = {{"n", {1.0, IRWINHALL_MAX_N, true, true}, true, .limit_hi = "norm"}},
		.description = "Irwin-Hall distribution (sum of n uniforms); scipy.stats.irwinhall; Johnson, Kotz & Balakrishnan (1995) ch. 26",
		.support_text = "loc <= x <= loc + n scale",
		.support = irwinhall_support, BF_FNS(irwinhall),
		.fit = {
			/*
			 * Fits search n <= 48 only: the cost grows as n^2 and beyond that
			 * the shape is within sampling noise of the normal for any
			 * realistic sample (excess kurtosis -1.2/n = -0.025, skewness 0).
			 */
			.integer_fit_max = 48,
			.cost_class = 2,
			.ngrid = {6}, .grid = {{1, 2, 3, 5, 10, 30}}
		}
	},
};

const int	bf_family_uniform_size = sizeof(bf_family_uniform) / sizeof(bf_family_uniform[0]);
