/*
 * lognormal.c — monotone transformations of a normal variable:
 * lognorm (exp(s Z)), gibrat (lognorm with s = 1), johnsonsb and johnsonsu
 * (Johnson's bounded and unbounded systems: a + b g(z) is standard normal
 * for g = logit, asinh), fatiguelife (Birnbaum-Saunders: (sqrt(z) -
 * 1/sqrt(z)) / c is standard normal) and dpareto_lognorm (Reed & Jorgensen's
 * double Pareto-lognormal: a lognormal times a double Pareto factor).
 * References: JKB1 ch. 14 (lognormal, gibrat), ch. 12 sec. 4.3 (Johnson's
 * system; Johnson 1949, Biometrika 36); Birnbaum & Saunders (1969, J. Appl.
 * Probab. 6); Reed & Jorgensen (2004, Commun. Statist. Theory Methods 33).
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
 * lognorm(s): f(z) = exp(-(log z)^2 / (2 s^2)) / (s z sqrt(2 pi)), z > 0;
 * F = Phi(log(z) / s), ppf = exp(s Phi^-1(p)).
 * scipy.stats.lognorm; JKB1 ch. 14.
 * ------------------------------------------------------------------------
 */

static double
lognorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		s = shape[0],
				u;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	u = log(z) / s;
	return -0.5 * u * u - log(s) - log(z) - LN_SQRT_2PI;
}

static double
lognorm_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return gsl_cdf_ugaussian_P(log(z) / shape[0]);
}

static double
lognorm_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return gsl_cdf_ugaussian_Q(log(z) / shape[0]);
}

static double
lognorm_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(shape[0] * bf_ndtri(p));
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
lognorm_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
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
			bf_finish_start(self, s, fx, out);
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
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * gibrat = lognorm(s = 1): for z > 0
 * f(z) = exp(-log(z)^2 / 2) / (z sqrt(2 pi)), F = Phi(log z),
 * sf = Phi(-log z), ppf = exp(Phi^-1(p)) (GSL's Phi, Phi^-1; both tails
 * direct).  scipy.stats.gibrat (alias gilbrat); Johnson, Kotz &
 * Balakrishnan (1994) ch. 14.  Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
gibrat_logpdf(const BfDist *self, double z, const double *shape)
{
	double		lz;

	if (isnan(z))
		return z;
	if (z <= 0 || isinf(z))
		return -INFINITY;
	lz = log(z);
	return -0.5 * lz * lz - lz - LN_SQRT_2PI;
}

static double
gibrat_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	return gsl_cdf_ugaussian_P(log(z));
}

static double
gibrat_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	return gsl_cdf_ugaussian_Q(log(z));
}

static double
gibrat_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return exp(bf_ndtri(p));
}


/* ------------------------------------------------------------------------
 * johnsonsb(a, b): t = a + b log(z/(1 - z)) is standard normal, 0 < z < 1:
 * f(z) = b/(z (1 - z)) phi(t), F = Phi(t), sf = Q(t),
 * ppf = 1/(1 + exp(-(Phi^-1(p) - a)/b)).  log(z/(1-z)) = log z - log1p(-z).
 * scipy.stats.johnsonsb; Johnson (1949), Biometrika 36, 149-176.
 * Accuracy ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
johnsonsb_t(double z, const double *shape)
{
	return shape[0] + shape[1] * (log(z) - log1p(-z));
}

static double
johnsonsb_logpdf(const BfDist *self, double z, const double *shape)
{
	double		t;

	if (z <= 0 || z >= 1)
		return -INFINITY;
	t = johnsonsb_t(z, shape);
	return log(shape[1]) - log(z) - log1p(-z) - 0.5 * t * t - LN_SQRT_2PI;
}

static double
johnsonsb_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	if (z >= 1)
		return 1.0;
	return bf_Phi(johnsonsb_t(z, shape));
}

static double
johnsonsb_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	if (z >= 1)
		return 0.0;
	return bf_Phic(johnsonsb_t(z, shape));
}

static double
johnsonsb_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_expit((bf_ndtri(p) - shape[0]) / shape[1]);
}


/* ------------------------------------------------------------------------
 * johnsonsu(a, b): t = a + b asinh(z) is standard normal, all real z:
 * f(z) = b/sqrt(z^2 + 1) phi(t), F = Phi(t), sf = Q(t),
 * ppf = sinh((Phi^-1(p) - a)/b).  asinh (C99) instead of scipy's
 * log(z + sqrt(z^2 + 1)), which cancels for large negative z.
 * scipy.stats.johnsonsu; Johnson (1949), Biometrika 36, 149-176.
 * Accuracy ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
johnsonsu_logpdf(const BfDist *self, double z, const double *shape)
{
	double		t;

	if (isinf(z))
		return -INFINITY;
	t = shape[0] + shape[1] * asinh(z);
	return log(shape[1]) - log(hypot(1.0, z)) - 0.5 * t * t - LN_SQRT_2PI;
}

static double
johnsonsu_cdf(const BfDist *self, double z, const double *shape)
{
	return bf_Phi(shape[0] + shape[1] * asinh(z));
}

static double
johnsonsu_sf(const BfDist *self, double z, const double *shape)
{
	return bf_Phic(shape[0] + shape[1] * asinh(z));
}

static double
johnsonsu_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return sinh((bf_ndtri(p) - shape[0]) / shape[1]);
}


/* ------------------------------------------------------------------------
 * fatiguelife(c) (Birnbaum-Saunders): with t = (z - 1)/(c sqrt z),
 * F = Phi(t), sf = Phi(-t), z > 0;
 * f(z) = (z + 1)/(2 c sqrt(2 pi z^3)) exp(-(z - 1)^2/(2 z c^2));
 * ppf = (w + sqrt(w^2 + 4))^2 / 4, w = c Phi^-1(p), written as
 * 4 / (sqrt(w^2 + 4) - w)^2 for w < 0 (no cancellation in the lower tail).
 * scipy.stats.fatiguelife; Birnbaum & Saunders (1969), J. Appl. Probab. 6,
 * 319-327; JKB2 ch. 33.  Accuracy ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
fatiguelife_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				u = z - 1.0;

	if (z <= 0 || isinf(z))
		return -INFINITY;
	/* u^2 / (2 z c^2) as (u^2 / z) / (2 c^2): 2 z overflows near DBL_MAX */
	return log1p(z) - bf_sq_div(u, z) / (2.0 * c * c) - log(2.0 * c) - LN_SQRT_2PI - 1.5 * log(z);
}

static double
fatiguelife_t(double z, double c)
{
	return (z - 1.0) / (c * sqrt(z));
}

static double
fatiguelife_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return bf_Phi(fatiguelife_t(z, shape[0]));
}

static double
fatiguelife_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	return bf_Phic(fatiguelife_t(z, shape[0]));
}

static double
fatiguelife_ppf(const BfDist *self, double p, const double *shape)
{
	double		w,
				r;

	PPF_EDGES(self, p, shape);
	w = shape[0] * bf_ndtri(p);
	r = hypot(w, 2.0);
	if (w < 0)
	{
		double		d = 2.0 / (r - w);

		return d * d;
	}
	return 0.25 * (w + r) * (w + r);
}


/* ------------------------------------------------------------------------
 * dpareto_lognorm(u, s, a, b): double Pareto-lognormal, Reed & Jorgensen
 * (2004); scipy.stats.dpareto_lognorm (scipy 1.15).  log Z = N(u, s^2) +
 * E1/a - E2/b (E1, E2 standard exponential), z > 0.  With
 * w = (log z - u)/s, R(t) = Q(t)/phi(t) (Mills' ratio), y1 = a s - w,
 * y2 = b s + w:
 *   f(z) = a b / ((a + b) z) phi(w) (R(y1) + R(y2)),
 *   F(z) = Phi(w) - phi(w) (b R(y1) - a R(y2)) / (a + b).
 * Written as the mixture of its two components (N + E1/a with weight
 * b/(a+b), N - E2/b with weight a/(a+b)) so that the dominant (power-law)
 * part of each tail is a sum of positive terms:
 *   F  = b/(a+b) [Phi(w) - g(w, y1)] + a/(a+b) [Phi(w) + g(w, y2)],
 *   sf = b/(a+b) [Q(w) + g(w, y1)]   + a/(a+b) [Q(w) - g(w, y2)],
 * g(w, y) = phi(w) R(y) = exp((y^2 - w^2)/2) Q(y) for y <= 0 (the
 * exponent factored: y1^2 - w^2 = a s (a s - 2 w), y2^2 - w^2 =
 * b s (b s + 2 w)), phi(w) / hazard(y) for y > 0 (bf_normal_hazard).
 * Accuracy ~1e-14 except where a/(a+b) or b/(a+b) is tiny.
 * ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

/* phi(w) R(y), d = y^2 - w^2 given in factored form */
static double
dpl_g(double w, double y, double d)
{
	double		m;

	if (y <= 0)
		return exp(0.5 * d) * 0.5 * erfc(y / M_SQRT2);
	m = bf_normal_hazard(y);
	if (!(m > 0))
		return NAN;
	return exp(-0.5 * w * w - LN_SQRT_2PI) / m;
}

static void
dpl_terms(double z, const double *shape, double *w, double *g1, double *g2)
{
	double		u = shape[0],
				s = shape[1],
				a = shape[2],
				b = shape[3];

	*w = (log(z) - u) / s;
	*g1 = dpl_g(*w, a * s - *w, a * s * (a * s - 2.0 * *w));
	*g2 = dpl_g(*w, b * s + *w, b * s * (b * s + 2.0 * *w));
}

static double
dpareto_lognorm_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[2],
				b = shape[3],
				w,
				g1,
				g2;

	if (isnan(z))
		return z;
	if (z <= 0 || isinf(z))
		return -INFINITY;
	dpl_terms(z, shape, &w, &g1, &g2);
	return log(a * b / (a + b)) - log(z) + log(g1 + g2);
}

static double
dpareto_lognorm_cdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[2],
				b = shape[3],
				w,
				g1,
				g2,
				Phi;

	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	dpl_terms(z, shape, &w, &g1, &g2);
	Phi = 0.5 * erfc(-w / M_SQRT2);
	return (b * fmax(Phi - g1, 0.0) + a * (Phi + g2)) / (a + b);
}

static double
dpareto_lognorm_sf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[2],
				b = shape[3],
				w,
				g1,
				g2,
				Q;

	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	dpl_terms(z, shape, &w, &g1, &g2);
	Q = 0.5 * erfc(w / M_SQRT2);
	return (b * (Q + g1) + a * fmax(Q - g2, 0.0)) / (a + b);
}


static double
dpareto_lognorm_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p,
						exp(shape[0] + shape[1] * bf_ndtri(p)));
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

/*
 * Mean and sd of the standardized lognormal (JKB1 ch. 14, eq. 14.8a-b), for
 * the fit's ridge walk towards the normal limit (s -> 0).
 */
static void
lognorm_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	double		s2 = shape[0] * shape[0];

	*mean = exp(0.5 * s2);
	*sd = sqrt(expm1(s2)) * *mean;
}

const BfDist bf_family_lognormal[] = {
	{
		.name = "lognorm", .nshapes = 1, .shapes = {{"s", DOM_POS, .limit_lo = "norm"}},
		.description = "Lognormal distribution; scipy.stats.lognorm; Johnson, Kotz & Balakrishnan (1994) ch. 14",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(lognorm),
		.fit = {.start = lognorm_start, .ridge_shape = 1, .ridge_factor = 0.5,
				.ridge_moments = lognorm_moments}
	},
	{
		.name = "gibrat", .nshapes = 0,
		.description = "Gibrat distribution (lognormal with s = 1); scipy.stats.gibrat; Johnson, Kotz & Balakrishnan (1994) ch. 14",
		.support_text = "x > loc",
		.aliases = "gilbrat",
		.support = bf_support_pos, BF_FNS(gibrat)
	},
	{
		.name = "johnsonsb", .nshapes = 2, .shapes = {{"a", DOM_REAL}, {"b", DOM_POS, .limit_hi = "norm"}},
		.description = "Johnson SB distribution; scipy.stats.johnsonsb; Johnson (1949), Biometrika 36, 149-176",
		.support_text = "loc < x < loc + scale",
		.support = bf_support_unit, BF_FNS(johnsonsb),
		.fit = {.ngrid = {5, 4}, .grid = {{-2.0, -0.7, 0.0, 0.7, 2.0}, {0.5, 1.0, 2.0, 4.0}}}
	},
	{
		.name = "johnsonsu", .nshapes = 2, .shapes = {{"a", DOM_REAL}, {"b", DOM_POS, .limit_hi = "norm"}},
		.description = "Johnson SU distribution; scipy.stats.johnsonsu; Johnson (1949), Biometrika 36, 149-176",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(johnsonsu),
		.fit = {.ngrid = {5, 4}, .grid = {{-3.0, -1.0, 0.0, 1.0, 3.0}, {0.7, 1.5, 3.0, 6.0}}}
	},
	{
		.name = "fatiguelife", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_lo = "norm"}},
		.description = "Fatigue-life (Birnbaum-Saunders) distribution; scipy.stats.fatiguelife; Birnbaum & Saunders (1969), J. Appl. Probab. 6, 319-327",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(fatiguelife),
		.fit = {.ngrid = {6}, .grid = {{0.1, 0.3, 0.6, 1.0, 2.0, 4.0}}}
	},
	{
		.name = "dpareto_lognorm", .nshapes = 4,
		.shapes = {{"u", DOM_REAL}, {"s", DOM_POS}, {"a", DOM_POS}, {"b", DOM_POS}},
		.description = "Double Pareto-lognormal distribution; scipy.stats.dpareto_lognorm; Reed & Jorgensen (2004), Commun. Stat. Theory Methods 33, 1733-1753",
		.support_text = "x > loc",
		.support = bf_support_pos, BF_FNS(dpareto_lognorm),
		.fit = {.ngrid = {1, 2, 3, 3}, .grid = {{0}, {0.3, 1.0}, {1.5, 4, 12}, {1.5, 4, 12}}}
	},
};

const int	bf_family_lognormal_size = sizeof(bf_family_lognormal) / sizeof(bf_family_lognormal[0]);
