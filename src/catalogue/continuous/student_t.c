/*
 * student_t.c — Student's t and its skewed generalisation: t (the
 * cdf through the incomplete beta function's continued fraction) and
 * jf_skew_t (Jones & Faddy's skew t, whose cdf is an incomplete beta of
 * (1 + z / sqrt(a + b + z^2)) / 2; a = b is t with 2a degrees of freedom).
 * References: JKB2 ch. 28; Jones & Faddy (2003, J. R. Statist. Soc. B
 * 65); Abramowitz & Stegun 26.5.8, 26.7.1.
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
t_logpdf(const BfDist *self, double z, const double *shape)
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
		return 0.5 * exp(lpre - log(a)) * bf_beta_cf(a, 0.5, x, 20000);
	/* 1 - I_y(1/2, a) */
	return 0.5 * (1.0 - exp(lpre - log(0.5)) * bf_beta_cf(0.5, a, y, 20000));
}

static double
t_cdf(const BfDist *self, double z, const double *shape)
{
	double		tail = t_tail(z, shape[0]);

	return (z <= 0) ? tail : 1.0 - tail;
}

static double
t_sf(const BfDist *self, double z, const double *shape)
{
	return t_cdf(self, -z, shape);
}


static double
t_ppf(const BfDist *self, double p, const double *shape)
{
	double		guess;

	PPF_EDGES(self, p, shape);
	if (p == 0.5)
		return 0.0;
	guess = (p < 0.5) ? gsl_cdf_tdist_Pinv(p, shape[0])
		: -gsl_cdf_tdist_Pinv(1.0 - p, shape[0]);
	return bf_ppf_solve(self, shape, p, guess);
}

/* (t95 - t05) / (t75 - t25) of a t distribution: decreasing in df. */
static double
t_tail_ratio(const BfDist *self, double df)
{
	return t_ppf(self, 0.95, &df) / t_ppf(self, 0.75, &df);
}

/*
 * t: df matched to the tail ratio (q95 - q05) / (q75 - q25) of the data by
 * bisection on log df in [0.3, 100] (the kurtosis, 4 + 6 / kurt, when the
 * quantiles are degenerate); loc, scale by quantile matching.
 */
static void
t_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		df = fx[0];

	if (isnan(df))
	{
		double		r = (s->q95 - s->q05) / (s->q75 - s->q25);
		double		lo = log(0.3),
					hi = log(100.0);
		int			i;

		if (isfinite(r) && r > 0)
		{
			if (r <= t_tail_ratio(self, 100.0))
				df = 100.0;
			else if (r >= t_tail_ratio(self, 0.3))
				df = 0.3;
			else
			{
				for (i = 0; i < 40; i++)
				{
					double		mid = 0.5 * (lo + hi);

					if (t_tail_ratio(self, exp(mid)) > r)
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
	bf_locscale_quantiles(self, s, fx, out, out);
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * jf_skew_t(a, b): Jones & Faddy (2003) skew t, scipy.stats.jf_skew_t
 * (scipy >= 1.12).  With S = sqrt(a + b + z^2), t = (1 + z/S)/2:
 *   f(z) = (1 + z/S)^(a+1/2) (1 - z/S)^(b+1/2) / (2^(a+b-1) B(a,b) sqrt(a+b)),
 *   F(z) = I_t(a, b), sf = I_{1-t}(b, a),
 * with 1 - z/S = (a+b)/(S (S + z)) for z > 0 and 1 + z/S = (a+b)/(S (S - z))
 * for z < 0 (no cancellation in either tail); the incomplete beta through
 * bf_beta_inc_pq (GSL).  ppf by bf_ppf_solve from bf_beta_inv_guess (GSL's beta inverse where it returns),
 * z = (2t - 1) sqrt(a + b) / (2 sqrt(t (1 - t))).  Accuracy ~1e-13.
 * ------------------------------------------------------------------------
 */

/* u = (1 + z/S) / 2 and v = (1 - z/S) / 2 without cancellation */
static void
jf_uv(double z, double a, double b, double *u, double *v)
{
	double		c = a + b,
				S = sqrt(c + z * z),
				rc;

	if (isinf(z))
	{
		*u = (z > 0) ? 1.0 : 0.0;
		*v = 1.0 - *u;
		return;
	}
	if (isfinite(S) && fabs(z) < 0x1p-54 * S)
	{
		/*
		 * 1 +- z/S rounds to 1: u = v = 1/2 exactly, so that F(-1e-300),
		 * F(0) and F(1e-300) agree (the forms below round S^2 differently
		 * from a + b: GSL's I_x then differs by 5e-16 on either side)
		 */
		*u = *v = 0.5;
		return;
	}
	if (isfinite(S) && isfinite(S * (S + fabs(z))))
	{
		if (z >= 0)
		{
			*v = 0.5 * (a + b) / (S * (S + z));
			*u = 0.5 * (1.0 + z / S);
		}
		else
		{
			*u = 0.5 * (a + b) / (S * (S - z));
			*v = 0.5 * (1.0 - z / S);
		}
		return;
	}

	/*
	 * z^2, a + b or S (S + |z|) overflows (|z| beyond 1e154, or huge
	 * shapes: jf_skew_t(a = 7e134, b = 5e228) has its median near -3e161;
	 * found by test/fuzz): the same quantities scaled by sqrt(a + b).
	 * (Until 2026-12-04 an infinite S passed the test for z/S rounding to 0
	 * above, and every |z| beyond 1.3e154 got the values at 0: the cdf of
	 * jf_skew_t(1000, 0.05) at 1e160 was 1.3e-305 for 1 - 1.9e-16, and its
	 * 0.95 quantile, whose solver stepped there, came out as 0.)
	 */
	rc = isfinite(c) ? sqrt(c) : sqrt(a) * sqrt(1.0 + b / a);
	S = hypot(rc, z);
	if (z >= 0)
	{
		*v = 0.5 * (rc / S) * (rc / (S + z));
		*u = 0.5 * (1.0 + z / S);
	}
	else
	{
		*u = 0.5 * (rc / S) * (rc / (S - z));
		*v = 0.5 * (1.0 - z / S);
	}
}

static double jf_last_a = NAN,
			jf_last_b = NAN,
			jf_last_c = NAN;

/*
 * Mean and sd of the standard jf_skew_t (entry.h, ridge_moments: the
 * search's moment coordinates on near-normal data; Jones & Faddy 2003,
 * sec. 2): E T = (a - b) sqrt(a + b) Gamma(a - 1/2) Gamma(b - 1/2) /
 * (2 Gamma(a) Gamma(b)), E T^2 = (a + b) ((a - b)^2 + a + b - 2) /
 * (4 (a - 1) (b - 1)) (checked against numerical integrals of the density
 * at three shapes).  They exist for a, b > 1 only: NaN below, where the
 * search's point is then infeasible (the moment search runs on near-normal
 * data, whose fit has a and b far above 1).
 */
static void
jf_skew_t_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	double		a = shape[0],
				b = shape[1],
				m,
				v;

	if (!(a > 1 && b > 1))
	{
		*mean = *sd = NAN;
		return;
	}
	m = 0.5 * (a - b) * sqrt(a + b) *
		exp(bf_lngamma(a - 0.5) - bf_lngamma(a) + bf_lngamma(b - 0.5) - bf_lngamma(b));
	v = (a + b) * ((a - b) * (a - b) + a + b - 2.0) / (4.0 * (a - 1.0) * (b - 1.0)) - m * m;
	*mean = m;
	*sd = v > 0 ? sqrt(v) : NAN;
}

static double
jf_skew_t_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				u,
				v;

	if (isnan(z))
		return z;
	if (isinf(z))
		return -INFINITY;
	jf_uv(z, a, b, &u, &v);
	/* the constant, kept for the last (a, b): a likelihood asks for it per bin or value */
	if (!(a == jf_last_a && b == jf_last_b))
	{
		jf_last_c = (a + b - 1.0) * M_LN2 + 0.5 * log(a + b)
			+ (bf_lngamma(a) + bf_lngamma(b) - bf_lngamma(a + b));
		jf_last_a = a;
		jf_last_b = b;
	}
	return (a + 0.5) * log(2.0 * u) + (b + 0.5) * log(2.0 * v) - jf_last_c;
}

static double
jf_skew_t_cdf(const BfDist *self, double z, const double *shape)
{
	double		u,
				v,
				P,
				Q;

	if (isnan(z))
		return z;
	jf_uv(z, shape[0], shape[1], &u, &v);
	bf_beta_inc_pq(shape[0], shape[1], u, v, &P, &Q);
	return P;
}

static double
jf_skew_t_sf(const BfDist *self, double z, const double *shape)
{
	double		u,
				v,
				P,
				Q;

	if (isnan(z))
		return z;
	jf_uv(z, shape[0], shape[1], &u, &v);
	bf_beta_inc_pq(shape[0], shape[1], u, v, &P, &Q);
	return Q;
}


static double
jf_skew_t_ppf(const BfDist *self, double p, const double *shape)
{
	double		a = shape[0],
				b = shape[1],
				t,
				guess = NAN;

	PPF_EDGES(self, p, shape);
	/* the start value from B's quantile (bf_beta_inv_guess: never loops) */
	t = bf_beta_inv_guess(p, a, b);
	if (t > 0 && t < 1)
		guess = (2.0 * t - 1.0) * sqrt(a + b) / (2.0 * sqrt(t * (1.0 - t)));
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_student_t[] = {
	ENTRY1("t", "all real x", "df", DOM_POS,
		   "Student's t distribution; scipy.stats.t; Johnson, Kotz & Balakrishnan (1995) ch. 28",
		   bf_support_real, t, .limit_hi = "norm"),
	{
		.name = "jf_skew_t", .nshapes = 2, .shapes = {{"a", DOM_POS}, {"b", DOM_POS}},
		.description = "Jones and Faddy skew-t distribution; scipy.stats.jf_skew_t; Jones & Faddy (2003), J. R. Stat. Soc. B 65, 159-174",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(jf_skew_t),
		.fit = {.ngrid = {5, 5}, .grid = {{0.7, 1.5, 3, 8, 25}, {0.7, 1.5, 3, 8, 25}}, .bin_quadrature_from = 10,
			.ridge_moments = jf_skew_t_moments, .moment_search = true, .moment_probe = true,
			.moment_search_normal = 0.2}
	},
};

const int	bf_family_student_t_size = sizeof(bf_family_student_t) / sizeof(bf_family_student_t[0]);
