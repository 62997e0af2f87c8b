/*
 * noncentral.c — the noncentral chi-square, F and t distributions and
 * the Rice law (the noncentral chi with 2 degrees of freedom): ncx2, ncf,
 * nct, rice.  All four are Poisson mixtures of central gamma / beta laws,
 * summed outward from the largest term by the shared mixture code below.
 * References: JKB2 ch. 29 (ncx2), ch. 30 (ncf), ch. 31 (nct); Ding (1992,
 * Appl. Statist. 41, AS 275); Lenth (1989, Appl. Statist. 38, AS 243);
 * Benton & Krishnamoorthy (2003, Comput. Statist. Data Anal. 43); Loader
 * (2000) for the Poisson weights; Rice (1945, Bell Syst. Tech. J. 24).
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

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"
#include "host.h"


/* ------------------------------------------------------------------------
 * Shared numerics
 * ------------------------------------------------------------------------
 */

/*
 * Stirling's error stirlerr(x) = log Gamma(x + 1) - (x + 1/2) log x + x
 * - log sqrt(2 pi), and the deviance term bd0(x, m) = x log(x / m) + m - x,
 * both as in Loader (2000) (series for bd0 when x is close to m).
 */
static double
stirlerr(double x)
{
	double		x2;

	if (x <= 15.0)
		return bf_lngamma(x + 1.0) - (x + 0.5) * log(x) + x - 0.5 * LN_2PI;
	x2 = x * x;
	return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - 1.0 / (1188.0 * x2)) / x2) / x2) / x2) / x;
}

static double
bd0(double x, double m)
{
	if (fabs(x - m) < 0.1 * (x + m))
	{
		double		v = (x - m) / (x + m),
					s = (x - m) * v,
					ej = 2.0 * x * v,
					v2 = v * v;
		int			j;

		for (j = 1; j < 1000; j++)
		{
			double		s1;

			ej *= v2;
			s1 = s + ej / (2 * j + 1);
			if (s1 == s)
				return s1;
			s = s1;
		}
		return s;
	}
	return x * log(x / m) + m - x;
}

/*
 * log of m^x e^-m / Gamma(x + 1) for real x >= 0 (Loader's dpois_raw in
 * logs), full relative accuracy of the exponential for large x and m.
 */
static double
log_dpois(double x, double m)
{
	if (m == 0.0)
		return (x == 0.0) ? 0.0 : -INFINITY;
	if (x == 0.0)
		return -m;
	if (x < 0.0)
		return -INFINITY;
	return -stirlerr(x) - bd0(x, m) - 0.5 * (LN_2PI + log(x));
}

/*
 * Regularized incomplete gamma P(a, x) or Q(a, x): the gamma entry's cdf
 * and sf (gamma.c: GSL below a = 2000, Temme's uniform asymptotic
 * expansion above, constant cost in a and x).  GSL's own functions, used
 * here up to a = 1e5 before, are off by up to 1.3e-10 relative at
 * a = 12,000 and 7e-8 at a = 99,999 at x about a - sqrt(a) (against
 * scipy's gammainc, Boost), and cost about 1.3 us there instead of
 * 0.12 us: the mixtures below start from and restart with these values.
 */
static double
gamma_inc(double a, double x, bool lower)
{
	return lower ? bf_gamma_entry->cdf(bf_gamma_entry, x, &a)
		: bf_gamma_entry->sf(bf_gamma_entry, x, &a);
}

/*
 * Poisson mixtures of gamma and beta distributions.
 *
 *   S = sum_{j >= 0} pois(j + s; mu) T(c + j)
 *
 * with pois(v; mu) = mu^v e^-mu / Gamma(v + 1) (s = 0: Poisson weights;
 * s = 1/2 for the odd part of the noncentral t) and T(a) one of
 *   gamma (beta == false): P(a, y) (lower) or Q(a, y) (upper), or the
 *       density y^(a-1) e^-y / Gamma(a) (dens);
 *   beta  (beta == true):  I_x(a, b) (lower) or 1 - I_x(a, b) (upper), or
 *       x^a y^b / B(a, b) (dens), x and y = 1 - x given separately with
 *       their logs lx, ly.
 * T(a) is computed directly (GSL) at one index and recurred in a
 * (A&S 6.5.21, 26.5.16): with h(a) = y^a e^-y / Gamma(a + 1) (gamma) or
 * x^a y^b / (a B(a, b)) (beta), P(a+1) = P(a) - h(a), Q(a+1) = Q(a) + h(a),
 * h(a + 1) = h(a) y / (a + 1) or h(a) x (a + b) / (a + 1).  The sum starts
 * at the Poisson mode or at the index where the terms peak (the root of a
 * quadratic from the ratio of consecutive terms), the smaller of the two
 * for a lower tail and the larger for an upper one.  Recurring P downward
 * and Q upward adds positive terms (stable); in the other direction the
 * subtraction is accepted while T keeps 3 of its digits (T >= 1e-3 of the
 * last directly computed value, so relative error < 1e-13) and T is
 * recomputed directly (GSL) once it falls below, when the digits it lost
 * can still reach the sum (mix_restart_matters).  Stops when a term is
 * below 1e-17 of the sum and decreasing, at every accuracy: a looser
 * truncation in the fit's search (1e-10 for BF_ACCURACY_SEARCH, 2be2c17,
 * 8 % faster) led ncx2's search on the Pareto sketch to df = 2e-23, where
 * the full series' log-likelihood is 3,235,962 units lower than the fit it
 * found before (-6,504,249 against -3,268,287): reverted 2026-12-01.
 * Returns the log of the sum for dens, the sum itself otherwise.
 */
#define MIX_TRUNC 1e-17
typedef enum
{
	MIX_LOWER,
	MIX_UPPER,
	MIX_DENS
} MixKind;

typedef struct
{
	bool		beta;
	double		b;				/* beta: second parameter */
	double		x,
				y,
				lx,
				ly;				/* beta: x, 1 - x, logs; gamma: y, log y */
} MixArg;

/*
 * The beta argument of the mixtures at the odds r = x / y (ncf: dfn z /
 * dfd, nct: t^2 / df): x = r / (1 + r), y = 1 / (1 + r) and their logs.
 * lr is log r computed from logs by the caller, used where r overflows
 * (z or t near DBL_MAX): then x = 1, y = exp(-lr - log1p(1/r)) (0 or
 * subnormal) with the finite logs ly = -log1p(r) = -lr - log1p(1/r) and
 * lx = -log1p(1/r), so the series see the true tail instead of inf/inf.
 */
static void
mix_beta_odds(MixArg *m, double b, double r, double lr)
{
	m->beta = true;
	m->b = b;
	if (isinf(r))
	{
		double		ir = exp(-lr);	/* 1 / r, tiny */

		m->lx = -log1p(ir);
		m->ly = -lr + m->lx;
		m->x = 1.0;
		m->y = exp(m->ly);
		return;
	}
	m->x = r / (1.0 + r);
	m->y = 1.0 / (1.0 + r);
	m->lx = (r > 1.0) ? -log1p(1.0 / r) : log(r) - log1p(r);
	m->ly = -log1p(r);
}

static double
mix_start_index(double mu, double s, double c, const MixArg *m, MixKind kind)
{
	double		B,
				C,
				disc,
				j;
	double		d = (kind == MIX_DENS) ? 1.0 : 0.0;	/* T ratio: (a+1) vs a */

	/*
	 * Terms' ratio = mu / (j + s + 1) * R(a) with R = y / (a + 1 - d) (gamma)
	 * or x (a + b) / (a + 1 - d) (beta), a = c + j; equal to 1 at the root.
	 */
	if (m->beta)
	{
		B = s + c + 2.0 - d - mu * m->x;
		C = (s + 1.0) * (c + 1.0 - d) - mu * m->x * (c + m->b);
	}
	else
	{
		B = s + c + 2.0 - d;
		C = (s + 1.0) * (c + 1.0 - d) - mu * m->y;
	}
	disc = B * B - 4.0 * C;
	if (disc < 0)
		return 0.0;
	j = 0.5 * (-B + sqrt(disc));
	if (!(j > 0))
		return 0.0;
	return floor(j + 1.0);
}

/* T(a) computed directly: P or Q (gamma), I_x or 1 - I_x (beta) */
static double
mix_direct(double a, const MixArg *m, MixKind kind)
{
	if (m->beta)
	{
		double		P,
					Q;

		bf_beta_inc_pq(a, m->b, m->x, m->y, &P, &Q);
		return (kind == MIX_LOWER) ? P : Q;
	}
	return gamma_inc(a, m->y, kind == MIX_LOWER);
}

/*
 * Whether a recurred T that fell below 1e-3 of the last direct value Tref
 * must be recomputed directly.  Its absolute error is at most
 * Tref (MIX_DIRECT_ERR + eps (|lh0| + 3 k)) after k steps: the direct
 * value's own error, h's from exp(lh0) at the start, and the steps'
 * rounding.  The terms still to come weigh at most W = w / (1 - q) (w: the
 * current weight, q < 1 the ratio of the next to it; the weights fall on
 * from there; else W = 1).  When that error, at k + MIX_RECHECK steps,
 * times W is below MIX_ACC of the sum so far, the lost digits cannot reach
 * the sum for the next MIX_RECHECK steps (W only falls and the sum only
 * grows): no restart, and the caller asks again after them (the
 * subtraction goes on; a T at or below 0 ends the loop).  The rule before
 * 2026-12-03 restarted every time: 3 of 4 of ncf's incomplete betas on
 * near-normal data were restarts, most where T had fallen far below the
 * terms already summed.
 */
#define MIX_DIRECT_ERR 1e-14
#define MIX_ACC 1e-15
#define MIX_RECHECK 64
static inline bool
mix_restart_matters(double Tref, double lh0, unsigned k, double q, double w, double sum)
{
	double		err = Tref * (MIX_DIRECT_ERR + DBL_EPSILON * (fabs(lh0) + 3.0 * (k + MIX_RECHECK))),
				W = (q < 1.0) ? fmin(w / (1.0 - q), 1.0) : 1.0;

	return !(err * W <= MIX_ACC * sum);
}


/*
 * The density's terms are w_j T_j relative to the start term, each factor
 * a running product: far in a tail, where the ratio of consecutive T (y / a
 * for the gamma mixture) is large and that of the weights (mu / j) small,
 * one factor overflows while the other underflows long before their
 * product does (ncx2(4, 3) at z = 1.03e6: T grew by 587 and w fell by
 * 1 / 585 a step, the sum became inf and logpdf returned +inf until
 * 2026-12-06; its fit to data with far outliers then stopped as "not
 * fitted").  Moving a factor 2^500 from the larger to the other is exact
 * (a power of two, both stay normal), so the product is the same, bit for
 * bit, wherever it was finite before.
 */
static inline void
mix_rebalance(double *w, double *T)
{
	if (*w > 0x1p500)
	{
		*w *= 0x1p-500;
		*T *= 0x1p500;
	}
	else if (*T > 0x1p500)
	{
		*T *= 0x1p-500;
		*w *= 0x1p500;
	}
}

#if defined(__GNUC__)
#define MIX_ALWAYS_INLINE __attribute__((always_inline))
#else
#define MIX_ALWAYS_INLINE
#endif

static inline MIX_ALWAYS_INLINE double
mix_sum_as(double mu, double s, double c, const MixArg *m, MixKind kind, bool beta)
{
	double		j0 = floor(fmax(mu - s, 0.0)),
				js = mix_start_index(mu, s, c, m, kind),
				a,
				lw,
				lh,
				T,
				w,
				h,
				sum,
				term,
				prev,
				scale_log = 0.0,
				lh0;
	unsigned	recheck = 0;	/* mix_restart_matters: when to ask again */
	double		jj;
	int			it;
	unsigned	steps = 0;		/* polls the host every 256 terms and at every restart */

	if (kind == MIX_LOWER)
		js = fmin(js, j0);
	else if (kind == MIX_UPPER)
		js = fmax(js, j0);
	if (js > 1e15)
	{
		/*
		 * Only when the argument is far beyond the bulk of every component
		 * that carries weight (mu is far smaller): the tails are 0 / 1.
		 */
		if (mu > 1e13)
			return NAN;
		return (kind == MIX_LOWER) ? 1.0 : (kind == MIX_UPPER) ? 0.0 : -INFINITY;
	}
	a = c + js;
	lw = log_dpois(js + s, mu);

	/* log h(a) at the start */
	if (beta)
	{
		/*
		 * ln B(a, b) from bf_lnbeta (special.c), which keeps the last pairs:
		 * neighbouring edges of a likelihood mostly start at the same index
		 * (nct on near-normal data: js = 0 or 1 at nearly every edge; GSL's
		 * three gammastar calls were 15 % of nct's CPU), and the direct
		 * value just below asks for the same pair again.  The value is
		 * GSL's, whatever came before.
		 */
		double		lnb = bf_lnbeta(a, m->b);

		lh = a * m->lx + m->b * m->ly - lnb - log(a);
	}
	else
		lh = log_dpois(a, m->y);
	if (isnan(lh) || isnan(lw))
		return NAN;
	lh0 = lh;

	if (kind == MIX_DENS)
	{
		/*
		 * Density terms: D(a) = a h(a) (beta) or a h(a) / y (gamma); kept
		 * relative to the start term (log scale_log) so nothing underflows.
		 */
		scale_log = lw + lh + log(a) - (beta ? 0.0 : m->ly);
		T = 1.0;
		w = 1.0;
	}
	else
	{
		T = mix_direct(a, m, kind);
		if (isnan(T))
			return NAN;
		w = exp(lw);
	}
	h = exp(lh);
	sum = w * T;

	/* downward: j = js - 1, ..., 0 */
	{
		double		wj = w,
					Tj = T,
					Tref = T,
					hj = h,
					aj = a;

		prev = sum;
		for (jj = js; jj > 0; jj--)
		{
			double		rm,
						hm;

			if ((++steps & 255) == 0 && bf_should_stop())
				return NAN;

			/* h(a - 1) / h(a) */
			if (beta)
				rm = aj / (m->x * (aj - 1.0 + m->b));
			else
				rm = aj / m->y;
			hm = hj * rm;
			wj *= (jj + s) / mu;
			if (kind == MIX_DENS)
			{
				Tj *= (aj - 1.0) / aj * rm;
				mix_rebalance(&wj, &Tj);
			}
			else if (kind == MIX_LOWER)
				Tj += hm;
			else
				Tj -= hm;
			hj = hm;
			aj -= 1.0;
			if (kind == MIX_UPPER && !(Tj >= 1e-3 * Tref) && steps >= recheck)
			{
				recheck = steps + MIX_RECHECK;
				if (mix_restart_matters(Tref, lh0, steps, (jj - 1.0 + s) / mu, wj, sum))
				{
					/* the subtraction lost digits: restart from a direct value */
					Tj = Tref = mix_direct(aj, m, kind);
					if (isnan(Tj) || bf_should_stop())
						return NAN;
					recheck = 0;
				}
			}
			if (kind == MIX_UPPER && Tj <= 0)
				break;			/* the rest below the error: mix_restart_matters */
			term = wj * Tj;
			/*
			 * 0 * inf: one relative factor underflowed as the other
			 * overflowed, far past the largest term (the loops start there
			 * and the terms are unimodal in j), where the terms are
			 * negligible: stop before a NaN enters the sum (ncx2's density
			 * with df = 2e-23, nc = 2.2 at z = 3e5: NaN before 2026-12-01)
			 */
			if (isnan(term) && !isnan(wj) && !isnan(Tj))
				break;
			sum += term;
			if ((term <= MIX_TRUNC * sum && term <= prev) || !isfinite(term))
				break;
			prev = term;
		}
	}
	/* upward: j = js + 1, ... */
	{
		double		wj = w,
					Tj = T,
					Tref = T,
					hj = h,
					aj = a;

		prev = sum;
		for (it = 0, jj = js; it < 10000000; it++, jj++)
		{
			double		rp,
						hp;

			if ((++steps & 255) == 0 && bf_should_stop())
				return NAN;

			/* h(a + 1) / h(a) */
			if (beta)
				rp = m->x * (aj + m->b) / (aj + 1.0);
			else
				rp = m->y / (aj + 1.0);
			hp = hj * rp;
			wj *= mu / (jj + s + 1.0);
			if (kind == MIX_DENS)
			{
				Tj *= (aj + 1.0) / aj * rp;
				mix_rebalance(&wj, &Tj);
			}
			else if (kind == MIX_LOWER)
				Tj -= hj;
			else
				Tj += hj;
			hj = hp;
			aj += 1.0;
			if (kind == MIX_LOWER && !(Tj >= 1e-3 * Tref) && steps >= recheck)
			{
				recheck = steps + MIX_RECHECK;
				if (mix_restart_matters(Tref, lh0, steps, mu / (jj + s + 2.0), wj, sum))
				{
					Tj = Tref = mix_direct(aj, m, kind);
					if (isnan(Tj) || bf_should_stop())
						return NAN;
					recheck = 0;
				}
			}
			if (Tj <= 0)
				break;
			term = wj * Tj;
			if (isnan(term) && !isnan(wj) && !isnan(Tj))
				break;			/* 0 * inf, as above */
			sum += term;
			if ((term <= MIX_TRUNC * sum && term <= prev && jj + 1 > j0) || !isfinite(term) || wj == 0)
				break;
			prev = term;
		}
	}
	if (kind == MIX_DENS)
		return scale_log + log(sum);
	return sum;
}

/*
 * The sum above with its kind and family (m->beta) as constants: the six
 * copies have no branches on them in the terms' loops, where nct's, ncf's
 * and ncx2's likelihoods spend most of their time.  The same operations in
 * the same order: the values are those of the one general loop, bit for bit.
 */
static double
mix_sum(double mu, double s, double c, const MixArg *m, MixKind kind)
{
	if (m->beta)
		return kind == MIX_LOWER ? mix_sum_as(mu, s, c, m, MIX_LOWER, true) :
			kind == MIX_UPPER ? mix_sum_as(mu, s, c, m, MIX_UPPER, true) :
			mix_sum_as(mu, s, c, m, MIX_DENS, true);
	return kind == MIX_LOWER ? mix_sum_as(mu, s, c, m, MIX_LOWER, false) :
		kind == MIX_UPPER ? mix_sum_as(mu, s, c, m, MIX_UPPER, false) :
		mix_sum_as(mu, s, c, m, MIX_DENS, false);
}


/* ------------------------------------------------------------------------
 * ncx2(df, nc): f(z) = 1/2 exp(-(z + nc)/2) (z/nc)^((df-2)/4)
 * I_{(df-2)/2}(sqrt(nc z)), z >= 0 (scipy docs), i.e. the Poisson(nc/2)
 * mixture of chi2(df + 2j) densities.  F = sum_j pois(j; nc/2)
 * P(df/2 + j, z/2), sf with Q (mix_sum above; Ding 1992, Benton &
 * Krishnamoorthy 2003); from nc = 1000 the cdf and sf come from the Marcum
 * Q expansion for large xi instead (ncx2_marcum_large above, Gil, Segura &
 * Temme 2014: constant cost where the mixture sums about 18 sqrt(nc / 2)
 * terms, 4,000 at nc = 1e5), and where that fails (df^2 comparable to xi)
 * from their large-mu expansion (ncx2_marcum_mu above, from df = 300;
 * since 2026-12-06).  The density from df = 102 comes from Debye's
 * expansion of the Bessel I (ncx2_logpdf_debye below, constant cost), at
 * nc >= 1000 below that from Hankel's (ncx2_logpdf_large).  ppf by
 * bf_ppf_solve.  Agrees with scipy's (Boost) to ~1e-13 where Boost is
 * accurate.
 * As nc -> infinity (df fixed) the law tends to the normal, (X - df - nc)
 * / sqrt(2 (df + 2 nc)) -> N(0, 1) (JKB2 ch. 29; its skewness
 * 2^(3/2) (df + 3 nc) / (df + 2 nc)^(3/2) ~ 3 / sqrt(nc)), as it does as
 * df -> infinity: both ends are declared (limit_hi "norm"), so that a fit
 * that ran up that ridge says so (before 2026-12-02 only df's was: fits
 * at nc = 11,734 with df = 3e-18 on the zoo's normal sketch, 28,190 on
 * weather.csv's temp, went unflagged).  The search keeps nc <=
 * NCX2_FIT_MAX_NC (entry.h, fit_max), far beyond the warning's 1e3: each
 * density value sums about 18 sqrt(nc / 2) terms (the cdf's, before the
 * Marcum Q expansion, too), and on weather.csv's visib (rounded,
 * heavy-tailed) nc ran to 1.3e7.  The first stage's search in moment
 * coordinates (entry.h, moment_search) holds nc where the start put it
 * (moment_hold, as ncf does) and is kept only when the usual coordinates'
 * probe ends lower (moment_probe): with nc free it walked the normal
 * limit's ridge with df and nc together (df 1.2e14, nc 66,617 on
 * weather.csv's dewpoint), where the mixture with df far above nc, which
 * the Marcum expansion does not cover, summed some 3,000 terms a value
 * (580 ms a fit; 19-28 ms with nc held, the log-likelihood +0.004); the
 * probe keeps the usual fit where holding nc would have kept the moment
 * search at the normal limit (the zoo's uniform sketch: 13,035 units
 * lower without it).  Measured on 38 stored sketches (2026-12-04): ncx2's
 * CPU 3.19 -> 2.16 s; 5 fits higher (to +239 on 1,000,000 Cauchy draws), 4
 * lower (weather.csv's humidity -0.66, the 10,000,000-row normal -0.44,
 * the zoo's 1e-9-scale normal -0.11, 2,000 normal draws -0.007).
 * ------------------------------------------------------------------------
 */
#ifndef NCX2_FIT_MAX_NC
#define NCX2_FIT_MAX_NC 1e5
#endif

/*
 * Mean df + nc and variance 2 (df + 2 nc) of ncx2 (JKB2 ch. 29), for the
 * search in moment coordinates (entry.h, moment_search)
 */
static void
ncx2_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	*mean = shape[0] + shape[1];
	*sd = sqrt(2.0 * (shape[0] + 2.0 * shape[1]));
}

/*
 * For ncf's search in moment coordinates (entry.h, moment_search): the mean
 * (dfn + nc) / dfn and sd sqrt(2 (dfn + 2 nc)) / dfn of its numerator,
 * chi'^2(dfn, nc) / dfn (JKB2 ch. 29), which are the law's own as dfd ->
 * infinity (its ridge towards ncx2 and the normal) and finite at every
 * shape, where the law's variance needs dfd > 4 (JKB2 ch. 30: the mean
 * dfd (dfn + nc) / (dfn (dfd - 2)) for dfd > 2).  Only coordinates: any
 * smooth positive pair gives a valid search; this one keeps loc and scale
 * nearly orthogonal to the shapes on the ridge.
 */
static void
ncf_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	*mean = (shape[0] + shape[2]) / shape[0];
	*sd = sqrt(2.0 * (shape[0] + 2.0 * shape[2])) / shape[0];
}

/*
 * Adds term k (k >= 1) of an asymptotic series to *S (the expansions
 * below).  False when the terms grow again (the series diverges there:
 * the caller falls back); *small counts the terms in a row below 1e-17 of
 * the sum, and the caller stops at two (one can be small by a
 * cancellation in its coefficient).
 */
static inline bool
asym_add(double term, int k, double *S, double *prev, int *small)
{
	if (isnan(term) || (k >= 2 && fabs(term) > *prev))
		return false;
	*S += term;
	*small = (fabs(term) <= 1e-17 * fabs(*S)) ? *small + 1 : 0;
	*prev = fabs(term);
	return true;
}

/*
 * ncx2's cdf (lower) or sf at large noncentrality, at constant cost: the
 * asymptotic expansion of the Marcum Q function for large xi = 2 sqrt(x y)
 * (Gil, Segura & Temme 2014, "Algorithm 939: Computation of the Marcum
 * Q-function", ACM TOMS 40(3), art. 20, section 4.1, eqs. (31)-(40);
 * arXiv:1311.0681), in their notation Q_mu(x, y) = sum_j pois(j; x)
 * Q(mu + j, y), here mu = df / 2, x = nc / 2, y = z / 2:
 *   Q = sum_n Psi_n (y > x),  P = -sum_n Psi_n (y < x),
 *   Psi_n = (-1)^n rho^mu / sqrt(8 pi) (A_n(mu - 1) - A_n(mu) / rho) Phi_n,
 *   rho = sqrt(y / x),  sigma = (sqrt y - sqrt x)^2 / xi,
 *   Phi_n = sigma^(n - 1/2) Gamma(1/2 - n, sigma xi),
 *   A_n(nu) = prod_{k <= n} (4 nu^2 - (2k - 1)^2) / (8 k)  (Hankel's
 *   coefficients of I_nu's large-argument expansion, A&S 9.7.1),
 * with the first term in the form that stays finite at y = x,
 *   Psi_0 = sign(y - x) rho^(mu - 1/2) erfc(|sqrt y - sqrt x|) / 2.
 * Here the common factor e^-t, t = sigma xi = (sqrt y - sqrt x)^2, is
 * taken out of every term (Phi_n = e^-t xi^(1/2 - n) g_n with
 * g_n = e^t t^(n - 1/2) Gamma(1/2 - n, t)) and folded into the powers of
 * rho, so both tails keep their relative accuracy until they underflow.
 * g_n from the recurrence g_n = (1 - t g_(n-1)) / (n - 1/2) (A&S 6.5.22),
 * which carries an error forward times t / (n - 1/2) a step and backward,
 * as g_(n-1) = (1 - (n - 1/2) g_n) / t, times the inverse: for t <= 1
 * forward from g_0 = sqrt(pi / t) erfcx(sqrt t) (about a digit lost in all
 * at t = 1); for t > 1 from one continued fraction (bf_gamma_cf,
 * numerics/special.c) at the pivot m = min(floor t, NCX2_MQ_TERMS),
 * backward below it and forward above, each direction where it is stable
 * (at most one step above the pivot multiplies an error by up to
 * t / (m + 1/2) < 1 + 1 / (2 m + 1)).  Until 2026-12-04 every g_n for t > 1
 * was a fraction of its own, 10 to 60 steps each: 75 % of ncx2's CPU on
 * near-normal data (weather.csv's humidity, 270 ms).
 * Summed until two terms in a row are below 1e-17 of the sum (asym_add);
 * the expansion is asymptotic, so false (the caller sums the Poisson
 * mixture) when the terms grow again or
 * NCX2_MQ_TERMS are not enough (mu^2 comparable to xi: large df) or xi <
 * NCX2_MQ_MIN_XI.  Arguments: mu, sx = sqrt x, sy = sqrt y and d = sqrt y
 * - sqrt x, accurate (ncx2_large_args below; rice passes b / sqrt 2,
 * z / sqrt 2 and (z - b) / sqrt 2 without forming any square); xi = 2 sx
 * sy beyond DBL_MAX leaves the first term, exact there (rice(b) with
 * b z > 1e308).  Against the mixture summed by mpmath at 80 digits
 * (test/tools/ncx2_mp.py, test_ncx2_large_nc): within 1.8e-14 relative
 * over df 0.002-80, nc 1,000-400,000 and 9 standard deviations either
 * side (the mixture itself: up to 1e-11 in far lower tails).
 */
#define NCX2_MQ_MIN_X 500.0		/* nc / 2 from which the expansion is tried */
#define NCX2_MQ_MIN_XI 200.0
#define NCX2_MQ_TERMS 24
static bool
ncx2_marcum_large(double mu, double sx, double sy, double d, bool lower, double *out)
{
	double		t = d * d,
				xi = 2.0 * sx * sy,
				lrho = log1p(d / sx),	/* log rho = log(sqrt y / sqrt x) */
				irho = exp(-lrho),
				pref = exp(mu * lrho - t) / sqrt(8.0 * M_PI),
				nu0 = mu - 1.0,
				A0 = 1.0,
				A1 = 1.0,
				xin = sqrt(xi),	/* xi^(1/2 - n) */
				g,
				u0,				/* sqrt(t) g_0 = sqrt(pi) erfcx(|d|) */
				S,
				prev = INFINITY;
	int			small = 0,
				m = 0;			/* t > 1: the pivot; gb[n] = g_n for n <= m */
	double		gb[NCX2_MQ_TERMS + 1];

	if (!(xi >= NCX2_MQ_MIN_XI))
		return false;
	if (t <= 1.0)
		u0 = sqrt(M_PI) * exp(t) * erfc(fabs(d));
	else
	{
		m = (int) fmin(floor(t), (double) NCX2_MQ_TERMS);
		gb[m] = bf_gamma_cf(0.5 - m, t, 1000);
		for (int n = m; n > 0; n--)
			gb[n - 1] = (1.0 - (n - 0.5) * gb[n]) / t;
		u0 = sqrt(t) * gb[0];
	}
	if (d == 0.0)
		S = 0.5;
	else
		S = copysign(exp((mu - 0.5) * lrho - t) * u0 / (2.0 * sqrt(M_PI)), d);
	g = u0 / sqrt(t);			/* g_0; unused at t = 0 (t g_0 below) */
	/* xi beyond DBL_MAX (rice's b z past 1e308): every term after the first is 0 */
	for (int n = 1; isfinite(xi); n++)
	{
		double		tg = (n == 1) ? sqrt(t) * u0 : t * g,
					term;

		if (n > NCX2_MQ_TERMS)
			return false;
		g = (n <= m) ? gb[n] : (1.0 - tg) / (n - 0.5);
		A0 *= (4.0 * nu0 * nu0 - (2.0 * n - 1.0) * (2.0 * n - 1.0)) / (8.0 * n);
		A1 *= (4.0 * mu * mu - (2.0 * n - 1.0) * (2.0 * n - 1.0)) / (8.0 * n);
		xin /= xi;
		term = ((n & 1) ? -pref : pref) * (A0 - A1 * irho) * xin * g;
		if (!asym_add(term, n, &S, &prev, &small))
			return false;
		if (small == 2)
			break;
	}
	if (d >= 0.0)
		*out = lower ? 1.0 - S : S;
	else
		*out = lower ? -S : 1.0 + S;
	*out += 0.0;				/* -0 (S = 0 far below the mean) is 0 */
	return isfinite(*out);
}

/*
 * log of ncx2's density at large noncentrality from the same large-argument
 * expansion: with x, y, mu, rho, t and xi as above,
 *   f(z) = 1/2 e^-(z + nc)/2 (z / nc)^((df - 2)/4) I_(mu-1)(sqrt(nc z))
 *        = 1/2 rho^(mu - 1) e^-t e^-xi I_(mu-1)(xi),
 *   e^-xi I_nu(xi) ~ (2 pi xi)^(-1/2) sum_k (-1)^k A_k(nu) / xi^k
 * (Hankel's expansion, A&S 9.7.1; the term in e^-2 xi, below 1e-170 at
 * xi >= 200, dropped).  The same stopping rule and fallback as
 * ncx2_marcum_large; false sends the caller to the Poisson mixture.
 * Against the closed form with mpmath's besseli at 40 digits: within
 * 3.4e-14 over 300 random points (the mixture: 7.9e-13); nine of them in
 * test_ncx2_large_nc.
 */
static bool
ncx2_logpdf_large(double mu, double sx, double sy, double d, double *out)
{
	double		xi = 2.0 * sx * sy,
				nu = mu - 1.0,
				A = 1.0,
				xik = 1.0,		/* xi^-k */
				S = 1.0,
				prev = INFINITY;
	int			small = 0;

	if (!(xi >= NCX2_MQ_MIN_XI))
		return false;
	/* xi beyond DBL_MAX: the series is its first term, 1 */
	for (int k = 1; isfinite(xi); k++)
	{
		double		term;

		if (k > NCX2_MQ_TERMS)
			return false;
		A *= (4.0 * nu * nu - (2.0 * k - 1.0) * (2.0 * k - 1.0)) / (8.0 * k);
		xik /= xi;
		term = ((k & 1) ? -A : A) * xik;
		if (!asym_add(term, k, &S, &prev, &small))
			return false;
		if (small == 2)
			break;
	}
	if (!(S > 0))
		return false;
	*out = -M_LN2 + nu * log1p(d / sx) - d * d - 0.5 * (log(4.0 * M_PI) + log(sx) + log(sy)) + log(S);
	return isfinite(*out);
}

/*
 * log of ncx2's density at large df, at constant cost, from Debye's uniform
 * expansion of I_nu(nu s) for large nu (DLMF 10.41.3; A&S 9.7.7):
 *   I_nu(nu s) ~ e^(nu eta) / (sqrt(2 pi nu) (1 + s^2)^(1/4))
 *                sum_k u_k(p) / nu^k,  p = 1 / sqrt(1 + s^2),
 *   eta = sqrt(1 + s^2) + log(s / (1 + sqrt(1 + s^2))),
 * uniform in s > 0, with u_0 = 1 and u_(k+1)(p) = p^2 (1 - p^2) u_k'(p) / 2
 * + int_0^p (1 - 5 t^2) u_k(t) dt / 8 (DLMF 10.41.9; u_1 to u_3 as in
 * 10.41.10; u_1 to u_8 below from the recurrence in exact rationals,
 * rounded to doubles).  In f(z) = 1/2 e^-(x + y) (y / x)^(nu / 2)
 * I_nu(2 sqrt(x y)) with nu = df / 2 - 1, x = nc / 2, y = z / 2, xi =
 * 2 sqrt(x y), R = sqrt(nu^2 + xi^2) = nu sqrt(1 + s^2) and
 * v = 2 y / (nu + R), the exponents add up (by R - nu = xi^2 / (R + nu)) to
 *   log f = -log 2 - log(2 pi R) / 2 - x w^2 - nu (v - 1 - log v)
 *           + log sum_k u_k(nu / R) / nu^k,   w = 1 - v,
 * two terms that are never positive instead of terms of size x + y that
 * cancel near the mode; w = (2 (nu - y) + xi^2 / (nu + R)) / (nu + R)
 * keeps its digits there, and nu (v - 1 - log v) = -nu log1pmx(-w) (GSL's
 * log_1plusx_mx).  At nc = 0 it is Stirling's series for the chi2 density
 * (the u_k(1)).  Summed to u_8: the first term left out, u_9 / nu^9, is at
 * most 0.38 / nu^9 on p in [0, 1], 2e-16 from nu = NCX2_DEBYE_MIN_NU.
 * Before 2026-12-06 such densities summed the Poisson mixture, about
 * 17 sqrt(nc / 2) terms a value (10 us at df = 37,537, nc = 94,753, where
 * ncx2's search on 1,000,000 Cauchy draws runs, 0.5 us now).  Against the
 * mixture on 2,902 points (df 102-1e15, nc 0-1e5, within 9 sd of the
 * mean): within 1e-12 in log f (test_ncx2_debye checks some of them).
 */
#define NCX2_DEBYE_MIN_NU 50.0
#define NCX2_DEBYE_TERMS 8
static const double ncx2_debye_u[NCX2_DEBYE_TERMS][NCX2_DEBYE_TERMS + 1] = {
	/* u_k(p) = p^k sum_j c[k-1][j] p^(2 j), j = 0 .. k */
	{0.125, -0.20833333333333334},
	{0.0703125, -0.40104166666666669, 0.3342013888888889},
	{0.0732421875, -0.89121093750000002, 1.8464626736111112, -1.0258125964506173},
	{0.112152099609375, -2.3640869140624998, 8.78912353515625, -11.207002616222994, 4.6695844234262474},
	{0.22710800170898438, -7.3687943594796321, 42.534998745388457, -91.818241543240021,
	84.636217674600729, -28.212072558200244},
	{0.57250142097473145, -26.491430486951554, 218.19051174421159, -699.57962737613252,
	1059.9904525279999, -765.25246814118168, 212.57013003921713},
	{1.7277275025844574, -108.09091978839466, 1200.9029132163525, -5305.646978613403,
	11655.393336864534, -13586.550006434138, 8061.7221817373093, -1919.4576623184071},
	{6.074042001273483, -493.915304773088, 7109.5143024893641, -41192.65496889755,
	122200.46498301746, -203400.17728041555, 192547.00123253153, -96980.598388637518,
	20204.291330966149}
};

/* Debye's series 1 + sum_(k <= n) u_k(p) / nu^k, n <= NCX2_DEBYE_TERMS */
static double
ncx2_debye_sum(double p, double nu, int n)
{
	double		p2 = p * p,
				pk = 1.0,
				ik = 1.0,
				S = 1.0;

	for (int k = 1; k <= n; k++)
	{
		const double *c = ncx2_debye_u[k - 1];
		double		u = c[k];

		for (int j = k - 1; j >= 0; j--)
			u = u * p2 + c[j];
		pk *= p;
		ik /= nu;
		S += u * pk * ik;
	}
	return S;
}

static double
ncx2_logpdf_debye(double nu, double x, double y)
{
	double		xi = 2.0 * sqrt(x) * sqrt(y),
				R = hypot(nu, xi),
				p = nu / R,
				w = (2.0 * (nu - y) + xi * (xi / (nu + R))) / (nu + R),
				sw = sqrt(x) * w,
				S = ncx2_debye_sum(p, nu, NCX2_DEBYE_TERMS);
	gsl_sf_result r;

	if (!(w < 1.0) || gsl_sf_log_1plusx_mx_e(-w, &r) != GSL_SUCCESS)
		return NAN;
	return -M_LN2 - 0.5 * log(2.0 * M_PI * R) - sw * sw + nu * r.val + log(S);
}

/*
 * ncx2's cdf (lower) or sf at large df, at constant cost: the uniform
 * expansion of the Marcum Q function for large mu (Gil, Segura & Temme
 * 2014, ACM TOMS 40(3), art. 20, section 4.2; Temme 1993, Comput. Math.
 * Appl. 25(5)), where the large-xi series above fails (mu^2 comparable to
 * xi).  In their notation Q_mu(x, y) = sum_j pois(j; x) Q(mu + j, y), here
 * mu = df / 2, x = nc / 2, y = z / 2; with a = x / mu, b = y / mu,
 * s = sqrt(1 + 4 a b) and u = 1 / sqrt(1 + 2 a),
 *   Q_mu = sqrt(mu / (2 pi)) sum_j A_j Psi_j - T      (b > 1 + a),
 *   P_mu = sqrt(mu / (2 pi)) sum_j (-1)^j A_j Psi_j + T   (b <= 1 + a),
 *   Psi_j = int_|zeta|^inf w^j e^(-mu w^2 / 2) dw:
 *     Psi_0 = sqrt(pi / (2 mu)) erfc(|zeta| sqrt(mu / 2)),
 *     Psi_1 = e^(-mu zeta^2 / 2) / mu,
 *     Psi_j = ((j - 1) Psi_(j-2) + |zeta|^(j-1) e^(-mu zeta^2 / 2)) / mu,
 *   zeta^2 / 2 = a + b - s + log((1 + s) / (2 b)),
 *   A_j = sum_k f_jk(u) / mu^k,  f_jk = u^(j + 2 k) D_jk(u^2)
 *     (marcum_mu_table.h, generated by test/tools/marcum_mu_coef.py),
 *   T = e^(-mu zeta^2 / 2) sum_k u_k(1 / s) / mu^k / sqrt(2 pi mu s)
 * (the expansion gives Q_(mu+1), whose integrand is I_mu's Debye
 * expansion; T is Q_(mu+1) - Q_mu, the same Debye polynomials u_k as
 * ncx2_logpdf_debye).  Psi_j's recurrence adds positive terms, and every
 * term carries e^(-mu zeta^2 / 2), so the smaller tail keeps its relative
 * accuracy until it underflows.  The closed form of zeta^2 / 2 cancels
 * near the centre b = 1 + a; for r < 4 it is b r^2 + log1pmx(r) instead,
 * r = -d (s + 1) / (b (s + 1 + 2 a)), d = b - 1 - a (algebra on the closed
 * form: s - 1 - 2 a = 4 a d / (s + 1 + 2 a)), GSL's log_1plusx_mx; its
 * terms' sum is at most a few times zeta^2 / 2 there, the closed form's
 * beyond (the far lower tail).  The A_j depend on (mu, x) only, the same
 * for every bin of one likelihood: kept for the last pair (a cache of one;
 * the same values as recomputed).  Summed to J = 14, K = 6 from
 * mu = NCX2_MU_MIN; false (the caller sums the mixture) where the last two
 * terms are above NCX2_MU_TOL of the sum: the series in w converges only
 * so far from the saddle (far tails at moderate mu).  In exact arithmetic
 * (mpmath) its truncation error is below 5e-17 within 8 sd at mu = 150.
 * In doubles, against the mixture summed by mpmath at 80 digits
 * (test/tools/ncx2_mp.py) on the 314 of 420 points where it is taken (df
 * 300-200,000, nc 1,000-200,000, within 9 sd): within 2.6e-14 relative
 * (the smaller tail); to 30 sd (test/tools/ncx2_direct_mp.py) within
 * 3.2e-13, the size of the value's change when z moves by its rounding.
 * The mixture it replaces was off by up to 1.5e-10 there and summed about
 * 18 sqrt(nc / 2) terms: 9.5 us a value at df = 37,536, nc = 94,753 (where
 * ncx2's search on 1,000,000 Cauchy draws runs), 0.58 us now
 * (test_ncx2_large_df).
 */
#include "marcum_mu_table.h"
#if NCX2_MU_K > NCX2_DEBYE_TERMS
#error "the large-mu expansion uses more Debye polynomials than ncx2_debye_u holds"
#endif
#ifndef NCX2_MU_MIN
#define NCX2_MU_MIN 150.0
#endif
#ifndef NCX2_MU_TOL
#define NCX2_MU_TOL 1e-15
#endif

static bool
ncx2_marcum_mu(double mu, double x, double y, bool lower, double *out)
{
	static double c_mu = NAN,
				c_x = NAN,
				c_A[NCX2_MU_J + 1];
	double		a = x / mu,
				b = y / mu,
				d = ((y - x) - mu) / mu,
				s = sqrt(1.0 + 4.0 * a * b),
				r = -d * (s + 1.0) / (b * (s + 1.0 + 2.0 * a)),
				h,
				az,
				e,
				ez,
				psi[NCX2_MU_J + 1],
				S = 0.0,
				T,
				res;
	bool		qprim = d > 0.0;

	if (!(mu >= NCX2_MU_MIN) || !(b > 0.0) || !isfinite(s))
		return false;
	if (mu != c_mu || x != c_x)
	{
		double		w = mu / (mu + 2.0 * x),
					u = sqrt(w);

		for (int j = 0; j <= NCX2_MU_J; j++)
		{
			double		uk = pow(u, j),
						A = 0.0,
						imk = 1.0;

			for (int k = 0; k <= NCX2_MU_K; k++)
			{
				const double *c = ncx2_mu_D[j][k];
				double		D = 0.0;

				for (int m = j + 2 * k; m >= 0; m--)
					D = D * w + c[m];
				A += uk * D * imk;
				uk *= w;
				imk /= mu;
			}
			c_A[j] = A;
		}
		c_mu = mu;
		c_x = x;
	}
	if (r < 4.0)
	{
		gsl_sf_result lr;

		if (gsl_sf_log_1plusx_mx_e(r, &lr) != GSL_SUCCESS)
			return false;
		h = b * r * r + lr.val;
	}
	else
		h = a + b - s + log((1.0 + s) / (2.0 * b));
	if (!(h >= 0.0))
		h = 0.0;
	az = sqrt(2.0 * h);
	e = exp(-mu * h);
	psi[0] = sqrt(M_PI / (2.0 * mu)) * erfc(az * sqrt(0.5 * mu));
	psi[1] = e / mu;
	ez = e;
	for (int j = 2; j <= NCX2_MU_J; j++)
	{
		ez *= az;				/* |zeta|^(j-1) e^(-mu zeta^2 / 2) */
		psi[j] = ((j - 1) * psi[j - 2] + ez) / mu;
	}
	for (int j = NCX2_MU_J; j >= 0; j--)
		S += ((qprim || !(j & 1)) ? c_A[j] : -c_A[j]) * psi[j];
	/* the series in w converges only so far from the saddle (the far tails at moderate mu) */
	if (fabs(c_A[NCX2_MU_J] * psi[NCX2_MU_J]) + fabs(c_A[NCX2_MU_J - 1] * psi[NCX2_MU_J - 1])
		> NCX2_MU_TOL * fabs(S))
		return false;
	S *= sqrt(mu / (2.0 * M_PI));
	/* T: Debye's series at 1 / s = 1 / sqrt(1 + xi^2), as in ncx2_logpdf_debye */
	T = e * ncx2_debye_sum(1.0 / s, mu, NCX2_MU_K) / sqrt(2.0 * M_PI * mu * s);
	res = qprim ? S - T : S + T;
	if (lower == !qprim)
		*out = res;
	else
		*out = 1.0 - res;
	return isfinite(*out) && *out >= 0.0 && *out <= 1.0;
}

/*
 * The arguments of the two expansions above for x = nc / 2, y = z / 2:
 * sqrt x, sqrt y and d = sqrt y - sqrt x = (y - x) / (sqrt y + sqrt x),
 * which keeps its relative accuracy when y is close to x
 */
static void
ncx2_large_args(double nc, double z, double *sx, double *sy, double *d)
{
	double		x = 0.5 * nc,
				y = 0.5 * z;

	*sx = sqrt(x);
	*sy = sqrt(y);
	*d = (y - x) / (*sy + *sx);
}

static double
ncx2_mix(double z, const double *shape, MixKind kind)
{
	MixArg		m = {false, 0.0, 0.0, 0.5 * z, 0.0, log(0.5 * z)};
	double		v,
				sx,
				sy,
				d;

	/* large nc: the Marcum Q expansion, constant cost (above) */
	if (kind != MIX_DENS && 0.5 * shape[1] >= NCX2_MQ_MIN_X)
	{
		ncx2_large_args(shape[1], z, &sx, &sy, &d);
		if (ncx2_marcum_large(0.5 * shape[0], sx, sy, d, kind == MIX_LOWER, &v))
			return v;
		/* large df too: the large-mu expansion, constant cost (above) */
		if (ncx2_marcum_mu(0.5 * shape[0], 0.5 * shape[1], 0.5 * z, kind == MIX_LOWER, &v))
			return v;
	}
	return mix_sum(0.5 * shape[1], 0.0, 0.5 * shape[0], &m, kind);
}

static double
ncx2_logpdf(const BfDist *self, double z, const double *shape)
{
	double		df = shape[0],
				nc = shape[1];

	if (z < 0 || isinf(z) || isnan(z))
		return isnan(z) ? NAN : -INFINITY;
	if (z == 0)
	{
		if (df < 2)
			return INFINITY;
		if (df > 2)
			return -INFINITY;
		return -M_LN2 - 0.5 * nc;
	}
	/* large df: Debye's expansion, constant cost (above) */
	if (0.5 * df - 1.0 >= NCX2_DEBYE_MIN_NU)
	{
		double		v = ncx2_logpdf_debye(0.5 * df - 1.0, 0.5 * nc, 0.5 * z);

		if (!isnan(v))
			return v;
	}
	/* large nc: the Bessel function's expansion, constant cost (above) */
	if (0.5 * nc >= NCX2_MQ_MIN_X)
	{
		double		v,
					sx,
					sy,
					d;

		ncx2_large_args(nc, z, &sx, &sy, &d);
		if (ncx2_logpdf_large(0.5 * df, sx, sy, d, &v))
			return v;
	}
	/* density of z = 2 y: sum_j w_j y^(a-1) e^-y / Gamma(a) / 2 */
	return ncx2_mix(z, shape, MIX_DENS) - M_LN2;
}

static double
ncx2_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	return ncx2_mix(z, shape, MIX_LOWER);
}

static double
ncx2_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	return ncx2_mix(z, shape, MIX_UPPER);
}


static double
ncx2_ppf(const BfDist *self, double p, const double *shape)
{
	double		df = shape[0],
				nc = shape[1],
				mean = df + nc,
				sd = sqrt(2.0 * (df + 2.0 * nc)),
				guess = mean + sd * bf_ndtri(p);

	PPF_EDGES(self, p, shape);
	if (!(guess > 0))
		guess = NAN;
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * ncf(dfn, dfd, nc): Z = (chi2_dfn(nc) / dfn) / (chi2_dfd / dfd) (scipy
 * docs); with x = dfn z / (dfn z + dfd), F = sum_j pois(j; nc/2)
 * I_x(dfn/2 + j, dfd/2), sf with 1 - I_x computed as I_{1-x}(dfd/2, .)
 * (JKB2 ch. 30; the series as for ncx2).  f(z) = (dfn/dfd) (y/x)^... from
 * the beta densities: f = dfn/dfd * y^2 / (x y) sum_j w_j x^a y^b / B(a, b)
 * / ... (see ncf_logpdf).  ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

/*
 * The fit's search keeps nc <= NCF_FIT_MAX_NC (entry.h, fit_max): on
 * heavy-tailed data ncf runs up a ridge with nc and dfn growing together
 * (the numerator becoming a constant: the limit is a scaled inverse
 * chi-squared) where each cdf value sums about 18 sqrt(nc / 2) terms: on
 * hflights' ArrDelay (463 values) nc passed 5e8 and the fit ran 52 s.
 * 1e4 since 2026-12-05 (1e5 before): the fit's nc went to 90,835 there
 * (about 3,800 terms a value, 1.0 s a fit) and to the cap on weather.csv's
 * visib (0.47 s); with 1e4, 0.51 and 0.20 s, both fits flagged as before
 * (beyond BF_EDGE_BIG), their log-likelihoods 0.09 and 270 units lower.
 * No other fit of the 38 sketch files of test/bench/PERFORMANCE.md moved (nc
 * at most 1,789 there).  2e3 since 2026-12-06: beyond BF_EDGE_BIG (1e3,
 * fit/diagnostics.c) a fit is flagged at the family's limit whatever its
 * nc, and there the likelihood hardly pins nc (a three-normal mixture:
 * nc 5,378 -> 1,940, the log-likelihood +0.001).  On 68 sketch files
 * (test/bench/fitprof -e f,ncf, the nesting refits included) ncf's CPU fell
 * 33 % (1,000,000 Cauchy draws 2.19 -> 0.10 s, a new search path; 5,000,000
 * normal draws 0.84 -> 0.46 s); one fit ended lower, on those normal draws,
 * by 1,137 units, a flagged fit 1,842 units below norm's; weather.csv's
 * visib and hflights' delays fell by 8 to 493 units before their refits
 * from f, and reached f's fit after them, as before.
 */
#ifndef NCF_FIT_MAX_NC
#define NCF_FIT_MAX_NC 2e3
#endif
/*
 * And dfn, dfd <= NCF_FIT_MAX_DF, as for f (beta.c, BETA_FIT_MAX_SHAPE):
 * with the incomplete beta corrected at huge shapes (2026-12-02) ncf's
 * dfd ran to 1e182 on hflights' Distance and 1e308 on the zoo's sum of
 * three uniforms.
 */
/*
 * On near-normal data ncf's likelihood climbs towards its normal limit
 * (dfn, dfd -> infinity) along a ridge where, in the usual coordinates,
 * loc runs away below the data with nc (the zoo's normal sketch: 3,493
 * evaluations, 0.9 s, nc 3,225, loc 28 sd below the data, 279 units short
 * of the limit).  Its first stage searches in moment coordinates first
 * (entry.h, moment_search, with ncf_moments), nc held where the start
 * put it (moment_hold: on that ridge the likelihood does not pin it), and
 * keeps that search only when a short probe in the usual coordinates ends
 * lower (moment_probe: on uniform data the limit is not the best ncf).
 */
#ifndef NCF_FIT_MAX_DF
#define NCF_FIT_MAX_DF 1e10
#endif

static void
ncf_arg(double z, const double *shape, MixArg *m)
{
	double		n1 = shape[0],
				n2 = shape[1],
				r = n1 * z / n2;	/* x / y */

	mix_beta_odds(m, 0.5 * n2, r, log(n1 / n2) + log(z));
}

static double
ncf_logpdf(const BfDist *self, double z, const double *shape)
{
	double		n1 = shape[0],
				n2 = shape[1];
	MixArg		m;

	if (z < 0 || isinf(z) || isnan(z))
		return isnan(z) ? NAN : -INFINITY;
	if (z == 0)
	{
		if (n1 < 2)
			return INFINITY;
		if (n1 > 2)
			return -INFINITY;
		return -0.5 * shape[2];
	}
	ncf_arg(z, shape, &m);

	/*
	 * Beta density of x: x^(a-1) y^(b-1) / B(a, b) = D(a) / (x y) with
	 * D(a) = x^a y^b / B(a, b) = a h(a); dx/dz = (n1/n2) y^2.
	 */
	return mix_sum(0.5 * shape[2], 0.0, 0.5 * n1, &m, MIX_DENS)
		+ log(n1 / n2) + m.ly - m.lx;
}

static double
ncf_cdf(const BfDist *self, double z, const double *shape)
{
	MixArg		m;

	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	ncf_arg(z, shape, &m);
	return mix_sum(0.5 * shape[2], 0.0, 0.5 * shape[0], &m, MIX_LOWER);
}

static double
ncf_sf(const BfDist *self, double z, const double *shape)
{
	MixArg		m;

	if (isnan(z))
		return NAN;
	if (z <= 0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	ncf_arg(z, shape, &m);
	return mix_sum(0.5 * shape[2], 0.0, 0.5 * shape[0], &m, MIX_UPPER);
}


static double
ncf_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * nct(df, nc): T = (Z + nc) / sqrt(V / df), Z ~ N(0, 1), V ~ chi2(df)
 * (scipy docs).  For t >= 0, with x = t^2 / (t^2 + df), b = df/2, mu = nc^2/2
 * (Lenth 1989, AS 243; Benton & Krishnamoorthy 2003):
 *   F(t) = Phi(-nc) + 1/2 sum_j [p_j I_x(j + 1/2, b) + q_j I_x(j + 1, b)],
 *   1 - F(t) = 1/2 sum_j [p_j (1 - I_x(j + 1/2, b)) + q_j (1 - I_x(j + 1, b))]
 * (the second since 1/2 sum (p_j + q_j) = Phi(nc)), p_j = pois(j; mu),
 * q_j = sign(nc) pois(j + 1/2; mu); the density is the derivative,
 * f(t) = (1/t) sum_j [p_j D(j + 1/2) + q_j D(j + 1)], D(a) = x^a y^b / B(a, b).
 * t < 0 by reflection: F(t; nc) = 1 - F(-t; -nc), f(t; nc) = f(-t; -nc).
 * These sums have positive terms except when q_j < 0 (the upper tail of
 * t >= 0 for nc < 0, i.e. after reflection the lower tail of t < 0 for
 * nc > 0), where they cancel; there cdf and sf are the mixture integrals,
 * and the pdf too unless the series keeps its digits (NCT_CANCEL_MAX below),
 *   P(T <= t) = E[Phi(t S - nc)],  f(t) = E[S phi(t S - nc)],
 * S = sqrt(V/df), over w = sqrt(df/2) log(V/df) by the trapezoid rule
 * (bf_integrate_line_trapezoid, numerics/special.c; GSL's QAGI where that
 * does not converge), relative tolerance 1e-13 (NCT_EPSREL_SEARCH in the
 * fit's search, catalogue/entry.h: bf_accuracy).  Far in the tail the
 * integrand's mass is a narrow peak at small S, which QAGI alone missed
 * until 2026-12-04 (test_nct_far_lower_tail).  ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

/*
 * The mixture integral's relative tolerance while the fit searches (coarse
 * copies of a sketch): 1e-9.  An adaptive rule's error, not a truncation's
 * bias: on the 35 sketches of the zoo, weather, hflights and the exact
 * draws every nct fit kept its evaluation count and log-likelihood, and
 * nct's CPU fell 9 % (25 % on the normal far from zero, whose lower tail
 * takes the integral; test/bench/fitprof-ab.sh, 2026-12-02).
 */
#define NCT_EPSREL_SEARCH 1e-9

typedef struct
{
	double		t,
				nc,
				a,				/* df / 2 */
				c0;				/* log normalising constant of the density of w */
	bool		dens;
} NctInt;

/*
 * Integrand over w = sqrt(a) log(V / df): the density of w is
 * exp(a (u - expm1(u)) + 1/2 log(1 / 2 pi) - stirlerr(a)), u = w / sqrt(a)
 * (the chi2 density in Loader's form).
 */
static double
nct_integrand(double w, void *par)
{
	const NctInt *q = (const NctInt *) par;
	double		u = w / sqrt(q->a),
				lf = q->a * (u - expm1(u)) + q->c0,
				s = exp(0.5 * u),
				arg = q->t * s - q->nc;

	if (lf < -745.0 || isinf(u))
		return 0.0;
	if (q->dens)
		return exp(lf - 0.5 * arg * arg - 0.5 * LN_2PI) * s;
	return exp(lf) * bf_ncdf(arg);
}

static double
nct_integral(double t, double df, double nc, bool dens)
{
	NctInt		q;
	double		eps,
				v;

	q.t = t;
	q.nc = nc;
	q.a = 0.5 * df;
	q.c0 = -0.5 * LN_2PI - stirlerr(q.a);
	q.dens = dens;
	eps = bf_accuracy == BF_ACCURACY_SEARCH ? NCT_EPSREL_SEARCH : 1e-13;
	v = bf_integrate_line_trapezoid(nct_integrand, &q, 0.0, 1.0, eps);
	if (isnan(v))
		v = bf_integrate_rel(nct_integrand, &q, -INFINITY, INFINITY, eps);
	return v;
}

/*
 * nct's density where the odd part of its series subtracts (t >= 0 with
 * nc < 0 after reflection): the series is used where it keeps its digits,
 * P - Q >= NCT_CANCEL_MAX (P + Q) with P, Q the even and odd sums (at most
 * a factor 5 on their ~1e-15 errors; against mpmath's quadrature at 40
 * digits on 40 random such points, df 0.5-16,000, nc 0.01-10: within 4e-15,
 * as the integral), else the integral (5-10 times the cost).  The cdf
 * keeps the integral there at full accuracy: its incomplete-beta sums carry
 * ~2e-14, the difference 9e-14 at that threshold and 4e-12 at 1e-2,
 * against the integral's 4e-15; in the fit's search it takes the series
 * where it keeps its digits (nct_upper_subtracting below).
 */
#define NCT_CANCEL_MAX 0.2

/*
 * F(t) (lower) or 1 - F(t) for t >= 0 by the series; 1 - F(t) for nc < 0,
 * where the odd part subtracts, is NaN unless it keeps its digits
 * (NCT_CANCEL_MAX; the callers' other arguments never subtract there)
 */
static double
nct_series(double t, double df, double nc, bool lower)
{
	double		t2 = t * t,
				mu = 0.5 * nc * nc,
				sg = (nc > 0) ? 1.0 : (nc < 0) ? -1.0 : 0.0,
				r,
				sp,
				sq = 0.0;
	MixArg		m;

	if (t == 0)
		return lower ? bf_ncdf(-nc) : bf_ncdf(nc);
	r = t2 / df;
	mix_beta_odds(&m, 0.5 * df, r, 2.0 * log(t) - log(df));
	sp = mix_sum(mu, 0.0, 0.5, &m, lower ? MIX_LOWER : MIX_UPPER);
	if (sg != 0)
		sq = mix_sum(mu, 0.5, 1.0, &m, lower ? MIX_LOWER : MIX_UPPER);
	if (lower)
		return bf_ncdf(-nc) + 0.5 * (sp + sg * sq);
	if (sg < 0 && !(sp - sq >= NCT_CANCEL_MAX * (sp + sq)))
		return NAN;
	return 0.5 * (sp + sg * sq);
}

/*
 * 1 - F(t) for t >= 0 and nc < 0 (the odd part subtracts), in the fit's
 * search only: the series where it keeps its digits, sp - sq >=
 * NCT_CANCEL_MAX (sp + sq), at most a factor 5 on the sums' ~2e-14, far
 * within the integral's NCT_EPSREL_SEARCH; else (and at full accuracy)
 * the mixture integral, 5-10 times the series' cost.  Tried only for |nc|
 * < NCT_SERIES_NC: at 400 random points of test_nct_search_series, the
 * series kept its digits at 99 % of them with |nc| below 0.1, 68 % from
 * 0.1 to 1, 6 % from 1 to 10 (there trying it only adds work: on
 * near-normal data nct's fit has nc about -1.3).  Since 2026-12-05: nct's
 * fit to 1,000,000 Cauchy draws (nc ~ 0, half the edges on this side)
 * takes a fifth of the time, to t(3) draws about half (test/bench/fitprof).
 */
#define NCT_SERIES_NC 1.0

static double
nct_upper_subtracting(double t, double df, double nc)
{
	if (bf_accuracy == BF_ACCURACY_SEARCH && t > 0 && fabs(nc) < NCT_SERIES_NC)
	{
		double		v = nct_series(t, df, nc, false);

		if (!isnan(v))
			return v;
	}
	return nct_integral(-t, df, -nc, false);
}

static double nct_sf(const BfDist *self, double z, const double *shape);

static double
nct_cdf(const BfDist *self, double z, const double *shape)
{
	double		df = shape[0],
				nc = shape[1];

	if (isnan(z))
		return NAN;
	if (isinf(z))
		return (z > 0) ? 1.0 : 0.0;
	/*
	 * Far upper tail (z^2 / df > 1e6): 1 - sf where sf <= 1/2 (no digits
	 * lost); the lower series Phi(-nc) + sum rounds to a few ulps below 1
	 * there (0.9999999999999997 at z = 1e200 for df = 6, nc = 1.5)
	 */
	if (z > 0 && z * z / df > 1e6)
	{
		double		S = nct_sf(self, z, shape);

		if (S <= 0.5)
			return 1.0 - S;
	}
	if (fabs(z) < 1e-150)
		z = 0.0;				/* F(z) = F(0) + f(0) z = F(0) in double precision, as logpdf does */
	if (z >= 0)
		return nct_series(z, df, nc, true);
	if (nc > 0)
		return nct_upper_subtracting(-z, df, -nc);
	return nct_series(-z, df, -nc, false);
}

static double
nct_sf(const BfDist *self, double z, const double *shape)
{
	double		df = shape[0],
				nc = shape[1];

	if (isnan(z))
		return NAN;
	if (isinf(z))
		return (z > 0) ? 0.0 : 1.0;
	/* far lower tail: 1 - cdf where cdf <= 1/2, as nct_cdf's far upper tail */
	if (z < 0 && z * z / df > 1e6)
	{
		double		F = nct_cdf(self, z, shape);

		if (F <= 0.5)
			return 1.0 - F;
	}
	if (fabs(z) < 1e-150)
		z = 0.0;				/* as in nct_cdf */
	if (z <= 0)
		return nct_series(-z, df, -nc, true);
	if (nc < 0)
		return nct_upper_subtracting(z, df, nc);
	return nct_series(z, df, nc, false);
}

static double
nct_logpdf(const BfDist *self, double z, const double *shape)
{
	double		df = shape[0],
				nc = shape[1],
				t,
				mu,
				r,
				lp,
				lq;
	MixArg		m;

	if (isnan(z))
		return NAN;
	if (isinf(z))
		return -INFINITY;
	/* reflect to t >= 0 */
	t = fabs(z);
	if (z < 0)
		nc = -nc;
	if (t < 1e-150)
	{
		/* f(0) = Gamma((df+1)/2) / (sqrt(pi df) Gamma(df/2)) exp(-nc^2/2) */
		return bf_lngamma(0.5 * (df + 1.0)) - bf_lngamma(0.5 * df) - 0.5 * log(M_PI * df) - 0.5 * nc * nc;
	}
	mu = 0.5 * nc * nc;
	r = t * t / df;
	mix_beta_odds(&m, 0.5 * df, r, 2.0 * log(t) - log(df));
	lp = mix_sum(mu, 0.0, 0.5, &m, MIX_DENS);
	if (nc == 0)
		return lp - log(t);
	lq = mix_sum(mu, 0.5, 1.0, &m, MIX_DENS);
	if (nc < 0)
	{
		/* the odd part subtracts: the series where it keeps its digits (NCT_CANCEL_MAX) */
		double		e = exp(lq - lp);

		if (1.0 - e >= NCT_CANCEL_MAX * (1.0 + e))
			return lp + log1p(-e) - log(t);
		return log(nct_integral(t, df, nc, true));
	}
	if (lp > lq)
		return lp + log1p(exp(lq - lp)) - log(t);
	return lq + log1p(exp(lp - lq)) - log(t);
}


static double
nct_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * rice(b): f(z) = z exp(-(z^2 + b^2)/2) I_0(z b), z >= 0 (scipy docs),
 * computed as z exp(-(z - b)^2/2) I0e(z b) (the scaled Bessel I_0 in logs,
 * bf_ln_bessel_i0_scaled: GSL's, or its asymptotic expansion from 50).
 * Z^2 is ncx2(2, b^2), so F(z) = 1 - Q_1(b, z) (Marcum Q) is the ncx2 series
 * at z^2 with df = 2 (lower and upper tails separately).  ppf by
 * bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

static double
rice_logpdf(const BfDist *self, double z, const double *shape)
{
	double		b = shape[0];

	if (isnan(z))
		return NAN;
	if (z <= 0 || isinf(z))
		return -INFINITY;
	/*
	 * z b beyond 1e300 (b or z beyond 1e150): e^-xi I_0(xi) =
	 * (2 pi xi)^(-1/2) (1 + 1/(8 xi) + ...) (A&S 9.7.1), its correction
	 * below 1e-300, in logs so that xi itself need not exist
	 */
	if (!(z * b <= 1e300))
		return 0.5 * (log(z) - log(b)) - 0.5 * (z - b) * (z - b) - 0.5 * log(2.0 * M_PI);
	/*
	 * where the expansion serves (z b >= BF_I0_ASYM_MIN) its
	 * -log(2 pi z b)/2 joined with log z:
	 * one log of z / b instead of two
	 */
	if (z * b >= BF_I0_ASYM_MIN)
		return 0.5 * (log(z / b) - log(2.0 * M_PI)) - 0.5 * (z - b) * (z - b) +
			bf_ln_bessel_i0_scaled_series(z * b);
	return log(z) - 0.5 * (z - b) * (z - b) + bf_ln_bessel_i0_scaled(z * b);
}

/*
 * rice's cdf (lower) or sf at z > 0.  From b^2 / 2 >= NCX2_MQ_MIN_X the
 * Marcum Q expansion takes sqrt x = b / sqrt 2, sqrt y = z / sqrt 2 and
 * d = (z - b) / sqrt 2 directly: the squares are not formed, so their
 * rounding does not enter d (through z^2 - b^2 it cost about
 * 1e-16 b / |z - b| relative: 5e-13 at b = 1e4, z = b + 1), and b and z
 * beyond 1e154, where b^2 overflows, keep their values (before
 * 2026-12-03 rice(b = 1e200) had cdf 1 and density 0 at z = b; the law
 * there is N(b, 1) to double precision, cdf 1/2).  Where the expansion
 * declines: the ncx2 series at z^2, and with b^2 overflowing, z more
 * than 40 below b (xi = z b < 200 only there), 0 and 1.
 */
static double
rice_tail(double z, double b, bool lower)
{
	double		s[2] = {2.0, b * b},
				v;

	if (0.5 * s[1] >= NCX2_MQ_MIN_X)
	{
		if (ncx2_marcum_large(1.0, b * M_SQRT1_2, z * M_SQRT1_2, (z - b) * M_SQRT1_2, lower, &v))
			return v;
		if (!isfinite(s[1]) && z < b - 40.0)
			return lower ? 0.0 : 1.0;
	}
	return lower ? ncx2_cdf(bf_ncx2_entry, z * z, s) : ncx2_sf(bf_ncx2_entry, z * z, s);
}

static double
rice_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return isnan(z) ? NAN : 0.0;
	return rice_tail(z, shape[0], true);
}

static double
rice_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return isnan(z) ? NAN : 1.0;
	return rice_tail(z, shape[0], false);
}


/*
 * Mean and sd of rice(b) (scale 1), for the search in moment coordinates
 * (entry.h, moment_search): E Z = sqrt(pi/2) L_{1/2}(-b^2/2) and E Z^2 =
 * 2 + b^2 (Rice 1945; JKB2 ch. 29 sec. 8, the noncentral chi with two
 * degrees of freedom), with the Laguerre function L_{1/2}(-x) = e^(-x/2)
 * ((1 + x) I0(x/2) + x I1(x/2)) taken from GSL's scaled Bessel functions.
 * From b = 30, where 2 + b^2 - (E Z)^2 loses three digits to cancellation,
 * Kummer's asymptotic series of L_{1/2}(-x) = M(-1/2, 1, -x) (DLMF 13.7.2)
 * in u = 1/b^2:
 *   E Z = b (1 + u/2 + u^2/8 + 3 u^3/16 + 75 u^4/128),
 *   var = 1 - u/2 - u^2/2 - 11 u^3/8,
 * whose next terms are below 1e-11 at b = 30 (the two branches meet to
 * about that; these are coordinates only, and any smooth positive pair
 * would do).
 */
static void
rice_moments(const BfDist *self, const double *shape, double *mean, double *sd)
{
	double		b = shape[0];

	if (b < 30.0)
	{
		double		x = 0.5 * b * b;
		gsl_sf_result r0,
					r1;
		double		i0e = bf_gsl_value(gsl_sf_bessel_I0_scaled_e(0.5 * x, &r0), &r0),
					i1e = bf_gsl_value(gsl_sf_bessel_I1_scaled_e(0.5 * x, &r1), &r1),
					m = sqrt(M_PI_2) * ((1.0 + x) * i0e + x * i1e);

		*mean = m;
		*sd = sqrt(2.0 + b * b - m * m);
	}
	else
	{
		double		u = 1.0 / (b * b);

		*mean = b * (1.0 + u * (0.5 + u * (0.125 + u * (0.1875 + u * 75.0 / 128.0))));
		*sd = sqrt(1.0 - u * (0.5 + u * (0.5 + u * 1.375)));
	}
}

static double
rice_ppf(const BfDist *self, double p, const double *shape)
{
	double		b = shape[0],
				guess = (b > 3.0) ? b + bf_ndtri(p) : NAN;

	PPF_EDGES(self, p, shape);
	if (!(guess > 0))
		guess = NAN;
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_noncentral[] = {
	{
		.name = "ncx2", .nshapes = 2,
		.shapes = {{"df", DOM_POS, .limit_hi = "norm"}, {"nc", {0.0, INFINITY, true, false}, .limit_lo = "chi2", .limit_hi = "norm"}},
		.description = "Noncentral chi-squared distribution; scipy.stats.ncx2; "
		"Johnson, Kotz & Balakrishnan (1995) ch. 29; Ding (1992), Appl. Statist. 41 (AS 275)",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(ncx2),
		.fit = {
			.nest = {{"chi2", 1, {1}, {0.0}}},
			.expensive = false,
			.cost_class = 3,
			.ngrid = {3, 3}, .grid = {{1.0, 4.0, 12.0}, {0.5, 3.0, 15.0}},
			.fit_max = {0, NCX2_FIT_MAX_NC},
			.ridge_moments = ncx2_moments,
			.moment_search = true,
			.moment_probe = true,
			.moment_hold = 2,
			.interpolate_logpdf = true
		}
	},
	{
		.name = "ncf", .nshapes = 3,
		.shapes = {{"dfn", DOM_POS}, {"dfd", DOM_POS, .limit_hi = "ncx2"}, {"nc", {0.0, INFINITY, true, false}, .limit_lo = "f"}},
		.description = "Noncentral F distribution; scipy.stats.ncf; "
		"Johnson, Kotz & Balakrishnan (1995) ch. 30",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(ncf),
		.fit = {
			.nest = {{"f", 1, {2}, {0.0}}},
			.expensive = false,
			.cost_class = 3,
			.ngrid = {2, 3, 2}, .grid = {{2.0, 8.0}, {5.0, 20.0, 100.0}, {1.0, 8.0}},
			.fit_max = {NCF_FIT_MAX_DF, NCF_FIT_MAX_DF, NCF_FIT_MAX_NC},
			.ridge_moments = ncf_moments,
			.moment_search = true,
			.moment_probe = true,
			.moment_hold = 3,
			.interpolate_logpdf = true
		}
	},
	{
		.name = "nct", .nshapes = 2, .shapes = {{"df", DOM_POS, .limit_hi = "norm"}, {"nc", DOM_REAL}},
		.description = "Noncentral Student t distribution; scipy.stats.nct; "
		"Johnson, Kotz & Balakrishnan (1995) ch. 31; Lenth (1989), Appl. Statist. 38 (AS 243); "
		"Benton & Krishnamoorthy (2003), Comput. Statist. Data Anal. 43",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(nct),
		.fit = {
			.nest = {{"t", 1, {1}, {0.0}}},
			.expensive = true,
			.cost_class = 2,
			.ngrid = {3, 4}, .grid = {{2.0, 5.0, 30.0}, {-2.0, 0.0, 2.0, 6.0}},
			.coarse_evals = 400,
			.interpolate_logpdf = true
		}
	},
	{
		.name = "rice", .nshapes = 1, .shapes = {{"b", {0.0, INFINITY, true, false}, .limit_lo = "rayleigh", .limit_hi = "norm"}},
		.description = "Rice distribution; scipy.stats.rice; "
		"Rice (1945), Bell Syst. Tech. J. 24; Johnson, Kotz & Balakrishnan (1995) ch. 29",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(rice),
		/*
		 * bin masses from the density from b = 3 on: below the Marcum
		 * expansion's b = 31.6 its cdf is a Poisson(b^2 / 2) mixture summed
		 * over some 18 standard deviations, 18 b / sqrt 2 terms (130 a value
		 * at b = 11, where a rice fit on near-normal data stopped on its walk
		 * towards the normal limit before its first stage searched in moment
		 * coordinates: rice_moments), its density one Bessel I0
		 */
		.fit = {.nest = {{"rayleigh", 1, {0}, {0.0}}}, .cost_class = 2, .ngrid = {5}, .grid = {{0.3, 1.0, 2.0, 4.0, 8.0}}, .bin_quadrature_from = 3,
			.ridge_moments = rice_moments, .moment_search = true, .moment_search_from = 2.0}
	},
};

const int	bf_family_noncentral_size = sizeof(bf_family_noncentral) / sizeof(bf_family_noncentral[0]);

/* The entries other entries' functions call (common.h; checked by unitcheck). */
const BfDist *const bf_ncx2_entry = &bf_family_noncentral[0];
