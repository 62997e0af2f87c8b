/*
 * logistic_laplace.c — the logistic and Laplace families: logistic,
 * genlogistic (type I generalized logistic), halflogistic, genhalflogistic,
 * hypsecant (hyperbolic secant, the logistic's sibling with density
 * 1 / (pi cosh z)), tukeylambda (defined by its quantile function; lambda =
 * 0 is the logistic), laplace (double exponential), laplace_asymmetric and
 * loglaplace (exp of a Laplace variable).
 * References: JKB2 ch. 23 (logistic and its generalisations, hypsecant),
 * ch. 24 (Laplace); Tukey (1962), Joiner & Rosenblatt (1971, J. Amer.
 * Statist. Assoc. 66) for tukeylambda; Kozubowski & Podgorski (2000, Math.
 * Sci. 25) for laplace_asymmetric; Kozubowski & Podgorski (2003) for
 * loglaplace.
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
 * logistic: f(z) = exp(-z) / (1 + exp(-z))^2, F = 1 / (1 + exp(-z)),
 * sf = 1 / (1 + exp(z)), ppf = log(p / (1 - p)).
 * scipy.stats.logistic; JKB2 ch. 23.
 * ------------------------------------------------------------------------
 */

static double
logistic_logpdf(const BfDist *self, double z, const double *shape)
{
	double		a = fabs(z);

	(void) shape;
	return -a - 2.0 * log1p(exp(-a));
}

static double
logistic_cdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return bf_expit(z);
}

static double
logistic_sf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return bf_expit(-z);
}

static double
logistic_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_logit(p);
}

/* logistic: loc = mean, scale = sd sqrt(3) / pi. */
static void
logistic_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	bf_locscale_moments(s, fx, 0, 0.0, M_PI / sqrt(3.0), out);
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * genlogistic(c), c > 0, all real z (type I generalized logistic):
 *   f(z) = c exp(-z) / (1 + exp(-z))^(c+1),  F(z) = (1 + exp(-z))^-c,
 *   sf(z) = -expm1(-c log1p(exp(-z))),  ppf(p) = -log(expm1(-log(p) / c)).
 * Source: scipy.stats.genlogistic; JKB2 ch. 23.  Numerics: log(1 +
 * exp(-z)) by bf_log1pexp (no overflow), expm1 in sf and ppf (scipy's
 * p^(-1/c) - 1 cancels as p -> 1).  Accuracy: ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
genlogistic_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isinf(z))
		return -INFINITY;
	if (z < 0)
		return log(c) + c * z - (c + 1.0) * log1p(exp(z));
	return log(c) - z - (c + 1.0) * log1p(exp(-z));
}

static double
genlogistic_cdf(const BfDist *self, double z, const double *shape)
{
	return exp(-shape[0] * bf_log1pexp(-z));
}

static double
genlogistic_sf(const BfDist *self, double z, const double *shape)
{
	return -expm1(-shape[0] * bf_log1pexp(-z));
}

static double
genlogistic_ppf(const BfDist *self, double p, const double *shape)
{
	double		lp,
				e;

	PPF_EDGES(self, p, shape);
	lp = (p > 0.5) ? log1p(-(1.0 - p)) : log(p);
	e = expm1(-lp / shape[0]);
	/* e overflows for tiny c (2.4e-10 on weather.csv's visib): the quantile is finite */
	if (isinf(e))
		return -bf_log_expm1(-lp / shape[0]);
	return -log(e);
}


/* ------------------------------------------------------------------------
 * halflogistic, z >= 0:
 *   f(z) = 2 exp(-z) / (1 + exp(-z))^2,  F(z) = tanh(z/2)
 *   = -expm1(-z) / (1 + exp(-z)),  sf(z) = 2 / (1 + exp(z)),
 *   ppf(p) = 2 atanh(p) = log1p(2p / (1 - p)).
 * Source: scipy.stats.halflogistic; Balakrishnan (1985), J. Statist.
 * Comput. Simul. 20; JKB2 ch. 23.  Numerics: both tails direct.
 * Accuracy: ~1e-16.
 * ------------------------------------------------------------------------
 */

static double
halflogistic_logpdf(const BfDist *self, double z, const double *shape)
{
	if (z < 0 || isinf(z))
		return -INFINITY;
	return M_LN2 - z - 2.0 * log1p(exp(-z));
}

static double
halflogistic_cdf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 0.0;
	return -expm1(-z) / (1.0 + exp(-z));
}

static double
halflogistic_sf(const BfDist *self, double z, const double *shape)
{
	if (z <= 0)
		return 1.0;
	return 2.0 * exp(-z) / (1.0 + exp(-z));
}

static double
halflogistic_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return log1p(2.0 * p / (1.0 - p));
}

static void
halflogistic_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	bf_half_start(self, log(3.0), s, fixed, out);
}


/* ------------------------------------------------------------------------
 * genhalflogistic(c), c > 0, 0 <= z <= 1/c:
 *   with t = 1 - c z and u = t^(1/c) = exp(log1p(-c z) / c):
 *   f(z) = 2 t^(1/c - 1) / (1 + u)^2,  F(z) = (1 - u) / (1 + u),
 *   sf(z) = 2u / (1 + u),  ppf(p) = (1 - ((1 - p) / (1 + p))^c) / c.
 * Source: scipy.stats.genhalflogistic; NIST Dataplot reference manual
 * (generalized half-logistic).  Numerics: 1 - u = -expm1(log1p(-c z) / c),
 * ppf = -expm1(c log((1 - p) / (1 + p))) / c with log1p(-2p / (1 + p))
 * for p <= 1/2.  Accuracy: ~1e-15.
 * ------------------------------------------------------------------------
 */

static void
genhalflogistic_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = 1.0 / shape[0];
}

static double
genhalflogistic_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				lt;

	if (isnan(z))
		return z;				/* NaN in, NaN out (the test below would say -Infinity) */
	if (!(z >= 0 && z <= 1.0 / c))
		return -INFINITY;
	if (c * z >= 1.0)			/* t = 0: f = 2 t^(1/c - 1) */
		return M_LN2 + bf_xlogy(1.0 / c - 1.0, 0.0);
	lt = log1p(-c * z);
	return M_LN2 + (1.0 / c - 1.0) * lt - 2.0 * log1p(exp(lt / c));
}

static double
genhalflogistic_cdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				e;

	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (c * z >= 1.0)
		return 1.0;
	e = log1p(-c * z) / c;
	return -expm1(e) / (1.0 + exp(e));
}

static double
genhalflogistic_sf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0],
				u;

	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (c * z >= 1.0)
		return 0.0;
	u = exp(log1p(-c * z) / c);
	return 2.0 * u / (1.0 + u);
}

static double
genhalflogistic_ppf(const BfDist *self, double p, const double *shape)
{
	double		c = shape[0],
				l;

	PPF_EDGES(self, p, shape);
	l = (p > 0.5) ? log((1.0 - p) / (1.0 + p)) : log1p(-2.0 * p / (1.0 + p));
	return -expm1(c * l) / c;
}


/* ------------------------------------------------------------------------
 * hypsecant, all real z:
 *   f(z) = 1 / (pi cosh z),  F(z) = (2/pi) atan(exp(z)),  sf(z) = F(-z),
 *   ppf(p) = log(tan(pi p / 2)).
 * Source: scipy.stats.hypsecant; Talacko (1956), Trabajos de Estadistica
 * 7; JKB2 ch. 23.  Numerics: log cosh z = |z| + log1p(exp(-2|z|)) - log 2;
 * ppf in the body as the inverse Gudermannian asinh(tan(pi (p - 1/2)))
 * (exact at p = 1/2), -log(tan(pi (1 - p) / 2)) in the upper tail.
 * Accuracy: ~1e-16.
 * ------------------------------------------------------------------------
 */

static double
hypsecant_logpdf(const BfDist *self, double z, const double *shape)
{
	double		az = fabs(z);

	if (isinf(z))
		return -INFINITY;
	return -LN_PI - az - log1p(exp(-2.0 * az)) + M_LN2;
}

static double
hypsecant_cdf(const BfDist *self, double z, const double *shape)
{
	if (z > 0)
		return 1.0 - M_2_PI * atan(exp(-z));
	return M_2_PI * atan(exp(z));
}

static double
hypsecant_sf(const BfDist *self, double z, const double *shape)
{
	return hypsecant_cdf(self, -z, shape);
}

static double
hypsecant_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (p < 0.25)
		return log(tan(M_PI_2 * p));
	if (p > 0.75)
		return -log(tan(M_PI_2 * (1.0 - p)));
	return asinh(tan(M_PI * (p - 0.5)));
}


/* ------------------------------------------------------------------------
 * tukeylambda(lam): Tukey's lambda, scipy.stats.tukeylambda (Joiner &
 * Rosenblatt (1971), JASA 66, 394; JKB2 ch. 23): defined by its quantile
 * function Q(p) = (p^lam - (1 - p)^lam) / lam (log(p / (1 - p)) at
 * lam = 0), here bf_expm1_div(lam, log p) - bf_expm1_div(lam, log1p(-p)).
 * Support [-1/lam, 1/lam] for lam > 0, the real line otherwise; the
 * distribution is symmetric.  cdf: for z <= 0 the lower-tail probability
 * p = exp(u) solves Q(exp(u)) = z, by Newton's method on u = log p with
 * bisection safeguard (dQ/du = p^lam + p (1-p)^(lam-1)), to |du| < 4e-16
 * (relative error of p ~1e-15, both tails by symmetry; lam = 0 is the
 * logistic in closed form; since 2026-12-04 the Newton steps are taken on
 * psi(Q), tukeylambda_logp); f(z) = 1 / Q'(F(z)) = 1 / (p^(lam-1) +
 * (1-p)^(lam-1)).  scipy's cdf (cephes tklmbda) is a bisection to
 * absolute 1e-14, inaccurate below p ~ 1e-6: see test/ref's REFERENCE.
 * ------------------------------------------------------------------------
 */

static void
tukeylambda_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	double		lam = shape[0];

	*zlo = (lam > 0) ? -1.0 / lam : -INFINITY;
	*zhi = (lam > 0) ? 1.0 / lam : INFINITY;
}

/*
 * Q(exp(u)) for u <= log(1/2); for lam > 1e-3 shifted by the support end,
 * Q + 1/lam = (p^lam - expm1(lam log1p(-p))) / lam, which keeps its relative
 * accuracy near the lower end -1/lam (the caller shifts z likewise).  Not
 * below: the shift's absolute error is about 1e-16 / lam (O(1) at lam =
 * 1e-16, where the search then chased rounding noise), while without it the
 * end -1/lam <= -1000 is beyond every p >= exp(-800) that the search
 * reaches (p^lam >= exp(-0.8) there: no cancellation).
 */
#define TUKEYLAMBDA_SHIFTED(lam) ((lam) > 1e-3)

/*
 * That Q (shifted or not), with its derivative in u, dQ/du = p^lam + p (1 -
 * p)^(lam-1), p = exp(u), from the same four libm calls (exp(u), log1p(-p)
 * and the two powers): (1 - p)^(lam - 1) = (1 - p)^lam / (1 - p), p <= 1/2.
 * Q is the expression it was before 2026-12-06, bit for bit; the
 * derivative, which only steers Newton's steps, within a few ulps of the
 * direct form (nine libm calls a step before).
 */
static double
tukeylambda_Qu_d(double u, double lam, double *dq)
{
	double		p = exp(u),
				l1 = log1p(-p),
				pl,
				ql,
				q;

	if (TUKEYLAMBDA_SHIFTED(lam))
	{
		double		m = expm1(lam * l1);

		pl = exp(lam * u);
		ql = 1.0 + m;
		q = (pl - m) / lam;
	}
	else
	{
		double		eu = bf_expm1_div(lam, u),
					e1 = bf_expm1_div(lam, l1);

		pl = 1.0 + lam * eu;
		ql = 1.0 + lam * e1;
		q = eu - e1;
	}
	*dq = pl + p * ql / (1.0 - p);
	return q;
}

/*
 * The tail's leading-order u for a value q of Q (of Q + 1/lam when
 * shifted): log p = psi(Q(p)) + o(1) as p -> 0, from Q ~ (p^lam - 1)/lam
 * (unshifted) or Q + 1/lam ~ p^lam/lam (shifted, lam < 1; log q for lam
 * >= 1, a monotone stand-in).  Newton's method on psi(Q(exp(u))) = psi(z)
 * instead of Q(exp(u)) = z: in the tails psi(Q(exp(u))) is nearly u, where
 * Q itself grows like exp(lam u) and Newton's steps on it crawled (1/|lam|
 * a step: 65 steps a value on average at lam = -3.05).
 */
static double
tukeylambda_psi(double q, double lam)
{
	if (!TUKEYLAMBDA_SHIFTED(lam))
		return log1p(lam * q) / lam;
	return lam < 1.0 ? log(lam * q) / lam : log(q);
}

#define TUKEYLAMBDA_LO (-40.0)

/*
 * The lower end lo of the root's bracket for tukeylambda_logp, Q(exp(lo))
 * < z (z shifted as there), from -40 doubling to -800, with *hi lowered to
 * each point that is not; false when even -800 is not (p = exp(u)
 * underflows below -745: the cdf is 0).
 */
static bool
tukeylambda_bracket(double z, double lam, double *lo, double *hi)
{
	double		dq;				/* not used: the bracket needs Q alone */

	*lo = TUKEYLAMBDA_LO;
	while (tukeylambda_Qu_d(*lo, lam, &dq) >= z)
	{
		*hi = fmin(*hi, *lo);
		if (*lo <= -800.0)
			return false;
		*lo = fmax(2.0 * *lo, -800.0);
	}
	return true;
}

/*
 * The start in the body, where s |z| < TUKEYLAMBDA_BODY (s = 2^lam): the
 * logistic law with Q's slope at the centre, log p = -log(1 + exp(-s z)),
 * exact at lam = 0; psi(z) beyond, where the tail's leading order wins.
 */
#define TUKEYLAMBDA_BODY 3.0

/*
 * log of the lower-tail probability p(z) = P(Z <= z) for z <= 0, i.e. the
 * u <= log(1/2) with Q(exp(u)) = z; -INFINITY below the support.  Newton's
 * method on psi(Q(exp(u))) = psi(z) (above), from the logistic start in
 * the body and from u = psi(z) in the tails (TUKEYLAMBDA_BODY), or from the
 * centre's linear term p = 1/2 + z / Q'(1/2), Q'(1/2) = 2^(2 - lam), when
 * the start lies outside the bracket; bisection where a step leaves the
 * bracket, whose lower end is found (tukeylambda_bracket) only then or for
 * a start below -40; done when a step is below 1e-10 max(1, |u|), its end
 * kept in the bracket (so that p <= 1/2 and the cdf stays monotone at 0)
 * (Newton converges quadratically: the error is then of order the step
 * squared) or below 4e-16 max(1, |u|).  2026-12-04 (scratch program, z
 * from -1e-18 to -1e4, lam from -3.05 to 5): 1.2-7.6 steps a value on
 * average for lam up to 1.5 (13.7 at lam = 5), against 16-65 for Newton on
 * Q itself, whose last steps also chased the sign of Q's rounding inside a
 * bracket of a few ulps; the values agree within 1 ulp of u (4.3e-14
 * relative in p at lam = -0.09 and z = -8,375, where mpmath at 50 digits
 * puts this one within 1.3e-16 and the former within 4.3e-14).
 * 2026-12-06: the logistic start, the bracket found only when needed (it
 * cost a value of Q at -40 every time) and Q with its derivative from four
 * libm calls instead of nine (tukeylambda_Qu_d): on the zoo's two-normal
 * mixture (lam = 0.354) 5 steps a value became 4, and tukeylambda's fits
 * on 68 sketch files took 15 % less CPU (the zoo's mixture, normal and
 * lognormal s = 3 21-24 %), every log-likelihood the same within 0.001.
 * On a grid of 15,989 points (lam from -3.05 to 5, |z| from 1e-18 to 5e4)
 * the cdf moved by at most 1.7e-13 relative, at lam = 0.0011 where the
 * shifted form's cancellation leaves both within 2.2e-13 of the root that
 * 60-digit arithmetic gives (the residual of Q at the returned p).
 */
static double
tukeylambda_logp(double z, double lam)
{
	double		lo = -INFINITY,
				hi = -M_LN2,
				zo = z,
				u,
				pz;
	int			i;

	if (z >= 0.0)
		return -M_LN2;
	if (lam > 0 && z <= -1.0 / lam)
		return -INFINITY;
	if (lam == 0.0)
		return -bf_log1pexp(-z);
	if (TUKEYLAMBDA_SHIFTED(lam))
		z += 1.0 / lam;
	pz = tukeylambda_psi(z, lam);
	{
		/* the logistic law with Q's slope at the centre, 2^(2 - lam) */
		double		sz = -zo * exp2(lam);

		u = (sz < TUKEYLAMBDA_BODY) ? -bf_log1pexp(sz) : pz;
	}
	if (!(u > TUKEYLAMBDA_LO && u < hi))
	{
		if (!tukeylambda_bracket(z, lam, &lo, &hi))
			return -INFINITY;
		if (!(u > lo && u < hi))
		{
			double		pc = 0.5 + zo / exp2(2.0 - lam);

			u = (pc > 0) ? log(pc) : NAN;
			if (!(u > lo && u < hi))
				u = 0.5 * (lo + hi);
		}
	}
	for (i = 0; i < 200; i++)
	{
		double		d,
					q = tukeylambda_Qu_d(u, lam, &d),
					g = q - z,
					dpsi,
					un;

		if (g == 0.0)
			return u;
		if (g > 0)
			hi = u;
		else
			lo = u;
		dpsi = !TUKEYLAMBDA_SHIFTED(lam) ? d / (1.0 + lam * q) : (lam < 1.0 ? d / (lam * q) : d / q);
		un = u - (tukeylambda_psi(q, lam) - pz) / dpsi;
		if (fabs(un - u) <= 1e-10 * fmax(1.0, fabs(u)))
			return fmin(fmax(un, lo), hi);	/* in the bracket: p <= 1/2 */
		if (!(un > lo && un < hi) || (isinf(lo) && !(un > TUKEYLAMBDA_LO)))
		{
			if (isinf(lo) && !tukeylambda_bracket(z, lam, &lo, &hi))
				return -INFINITY;
			if (!(un > lo && un < hi))
				un = 0.5 * (lo + hi);
		}
		if (fabs(un - u) <= 4e-16 * fmax(1.0, fabs(u)) || hi - lo <= 4e-16 * fmax(1.0, fabs(u)))
			return un;
		u = un;
	}
	return u;
}

static double
tukeylambda_logpdf(const BfDist *self, double z, const double *shape)
{
	double		lam = shape[0],
				u,
				l1;

	if (isnan(z))
		return z;
	if ((lam > 0 && fabs(z) > 1.0 / lam) || isinf(z))
		return -INFINITY;
	u = tukeylambda_logp(-fabs(z), lam);
	if (u == -INFINITY)
	{
		/* at the support end: f = 1 / (p^(lam-1) + 1) with p -> 0 */
		return (lam > 1) ? 0.0 : (lam == 1.0) ? -M_LN2 : -INFINITY;
	}
	l1 = log1p(-exp(u));
	/* -log(exp((lam-1) u) + exp((lam-1) l1)) */
	{
		double		A = (lam - 1.0) * u,
					B = (lam - 1.0) * l1,
					m = fmax(A, B);

		return -(m + log1p(exp(-fabs(A - B))));
	}
}

static double
tukeylambda_cdf(const BfDist *self, double z, const double *shape)
{
	double		lam = shape[0];

	if (isnan(z))
		return z;
	if (z <= 0)
		return exp(tukeylambda_logp(z, lam));
	return -expm1(tukeylambda_logp(-z, lam));
}

static double
tukeylambda_sf(const BfDist *self, double z, const double *shape)
{
	double		lam = shape[0];

	if (isnan(z))
		return z;
	if (z >= 0)
		return exp(tukeylambda_logp(-z, lam));
	return -expm1(tukeylambda_logp(z, lam));
}

static double
tukeylambda_ppf(const BfDist *self, double p, const double *shape)
{
	double		lam = shape[0],
				zlo,
				zhi;

	PPF_EDGES(self, p, shape);
	tukeylambda_support(self, shape, &zlo, &zhi);
	if (p == 0.5)
		return 0.0;
	if (p < 0.5)
		return bf_clampd(bf_expm1_div(lam, log(p)) - bf_expm1_div(lam, log1p(-p)), zlo, zhi);
	return bf_clampd(bf_expm1_div(lam, log1p(-(1.0 - p))) - bf_expm1_div(lam, log(1.0 - p)), zlo, zhi);
}


/* ------------------------------------------------------------------------
 * laplace: f(z) = exp(-|z|) / 2, F = exp(z) / 2 for z < 0,
 * 1 - exp(-z) / 2 above; ppf = log(2p) for p <= 1/2, -log(2(1 - p)) above.
 * scipy.stats.laplace; JKB2 ch. 24.
 * ------------------------------------------------------------------------
 */

static double
laplace_logpdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	return -M_LN2 - fabs(z);
}

static double
laplace_cdf(const BfDist *self, double z, const double *shape)
{
	(void) shape;
	if (z <= 0)
		return 0.5 * exp(z);
	return 1.0 - 0.5 * exp(-z);
}

static double
laplace_sf(const BfDist *self, double z, const double *shape)
{
	return laplace_cdf(self, -z, shape);
}

static double
laplace_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (p <= 0.5)
		return log(2.0 * p);
	return -log(2.0 * (1.0 - p));
}

/* laplace: loc = median (the MLE), scale from the interquartile range. */
static void
laplace_start(const BfDist *self, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	bf_locscale_quantiles(self, s, fx, NULL, out);
	bf_finish_start(self, s, fx, out);
}


/* ------------------------------------------------------------------------
 * laplace_asymmetric(kappa), kappa > 0, k2 = kappa^2:
 * f(z) = exp(-kappa z) / (kappa + 1/kappa) for z >= 0,
 *        exp(z / kappa) / (kappa + 1/kappa) for z < 0;
 * z < 0:  F = k2 exp(z/kappa) / (1 + k2), sf = (1 - k2 expm1(z/kappa)) / (1 + k2);
 * z >= 0: F = (k2 - expm1(-kappa z)) / (1 + k2), sf = exp(-kappa z) / (1 + k2);
 * ppf = kappa log(p (1 + k2) / k2) below F(0) = k2 / (1 + k2),
 *       -log((1 - p)(1 + k2)) / kappa above.
 * scipy.stats.laplace_asymmetric; Kozubowski & Podgorski (2000).
 * Every cdf/sf term non-negative; relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
laplace_asymmetric_logpdf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0];

	if (isnan(z))
		return z;
	if (isinf(z))
		return -INFINITY;
	return ((z >= 0) ? -k * z : z / k) - log(k + 1.0 / k);
}

static double
laplace_asymmetric_cdf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0],
				k2 = k * k;

	if (isnan(z))
		return z;
	if (z < 0)
		return k2 * exp(z / k) / (1.0 + k2);
	return (k2 - expm1(-k * z)) / (1.0 + k2);
}

static double
laplace_asymmetric_sf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0],
				k2 = k * k;

	if (isnan(z))
		return z;
	if (z < 0)
		return (1.0 - k2 * expm1(z / k)) / (1.0 + k2);
	return exp(-k * z) / (1.0 + k2);
}

static double
laplace_asymmetric_ppf(const BfDist *self, double p, const double *shape)
{
	double		k = shape[0],
				k2 = k * k;

	PPF_EDGES(self, p, shape);
	if (p < k2 / (1.0 + k2))
		return k * log(p * (1.0 + k2) / k2);
	return -log((1.0 - p) * (1.0 + k2)) / k;
}


/* ------------------------------------------------------------------------
 * loglaplace(c), c > 0: for z >= 0
 * f(z) = c/2 z^(c-1) for z < 1, c/2 z^(-c-1) for z >= 1;
 * F = z^c / 2 below 1, 1 - z^(-c) / 2 above (sf = z^(-c) / 2 there);
 * ppf = (2p)^(1/c) for p < 1/2, (2(1-p))^(-1/c) above.
 * scipy.stats.loglaplace; Kozubowski & Podgorski (2003).
 * Relative error ~1e-15.
 * ------------------------------------------------------------------------
 */

static double
loglaplace_logpdf(const BfDist *self, double z, const double *shape)
{
	double		c = shape[0];

	if (isnan(z))
		return z;
	if (z < 0 || isinf(z))
		return -INFINITY;
	if (z < 1)
		return log(0.5 * c) + bf_xlogy(c - 1.0, z);
	return log(0.5 * c) - (c + 1.0) * log(z);
}

static double
loglaplace_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 0.0;
	if (z < 1)
		return 0.5 * exp(shape[0] * log(z));
	return 1.0 - 0.5 * exp(-shape[0] * log(z));
}

static double
loglaplace_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0)
		return 1.0;
	if (z < 1)
		return 1.0 - 0.5 * exp(shape[0] * log(z));
	return 0.5 * exp(-shape[0] * log(z));
}

static double
loglaplace_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	if (p < 0.5)
		return exp(log(2.0 * p) / shape[0]);
	return exp(-log(2.0 * (1.0 - p)) / shape[0]);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_logistic_laplace[] = {
	ENTRY0("logistic", "all real x",
		   "Logistic distribution; scipy.stats.logistic; Johnson, Kotz & Balakrishnan (1995) ch. 23",
		   bf_support_real, logistic),
	{
		.name = "genlogistic", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_hi = "gumbel_r"}},
		.description = "Generalized logistic (type I) distribution; scipy.stats.genlogistic; "
		"Johnson, Kotz & Balakrishnan (1995) ch. 23",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(genlogistic),
		.fit = {.nest = {{"logistic", 1, {0}, {1.0}}}, .ngrid = {6}, .grid = {{0.1, 0.3, 1.0, 3.0, 10.0, 50.0}}}
	},
	{
		.name = "halflogistic", .nshapes = 0,
		.description = "Half-logistic distribution; scipy.stats.halflogistic; "
		"Balakrishnan (1985), J. Statist. Comput. Simul. 20",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(halflogistic),
		.fit = {.start = halflogistic_start}
	},
	{
		.name = "genhalflogistic", .nshapes = 1, .shapes = {{"c", DOM_POS, .limit_lo = "halflogistic"}},
		.description = "Generalized half-logistic distribution; scipy.stats.genhalflogistic; "
		"NIST Dataplot reference manual (generalized half-logistic)",
		.support_text = "loc <= x <= loc + scale/c",
		.support = genhalflogistic_support, BF_FNS(genhalflogistic),
		.fit = {.ngrid = {6}, .grid = {{0.05, 0.2, 0.5, 1.0, 2.0, 4.0}}}
	},
	{
		.name = "hypsecant", .nshapes = 0,
		.description = "Hyperbolic secant distribution; scipy.stats.hypsecant; "
		"Talacko (1956), Trabajos de Estadistica 7; Johnson, Kotz & Balakrishnan (1995) ch. 23",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(hypsecant)
	},
	{
		.name = "tukeylambda", .nshapes = 1, .shapes = {{"lam", DOM_REAL}},
		.description = "Tukey lambda distribution; scipy.stats.tukeylambda; Joiner & Rosenblatt (1971), JASA 66, 394",
		.support_text = "loc - scale/lam <= x <= loc + scale/lam when lam > 0; all real x when lam <= 0",
		.support = tukeylambda_support, BF_FNS(tukeylambda),
		.fit = {.nest = {{"logistic", 1, {0}, {0.0}}}, .cost_class = 1, .ngrid = {6}, .grid = {{-0.5, -0.1, 0.0, 0.14, 0.5, 1.5}},
				.interpolate_logpdf = true}
	},
	ENTRY0("laplace", "all real x",
		   "Laplace (double exponential) distribution; scipy.stats.laplace; Johnson, Kotz & Balakrishnan (1995) ch. 24",
		   bf_support_real, laplace),
	{
		.name = "laplace_asymmetric", .nshapes = 1, .shapes = {{"kappa", DOM_POS, .limit_lo = "expon", .limit_hi = "a reflected expon"}},
		.description = "Asymmetric Laplace distribution; scipy.stats.laplace_asymmetric; Kozubowski & Podgorski (2000), Comput. Stat. 15",
		.support_text = "all real x",
		.support = bf_support_real, BF_FNS(laplace_asymmetric),
		.fit = {.nest = {{"laplace", 1, {0}, {1.0}}}, .ngrid = {6}, .grid = {{0.25, 0.5, 0.8, 1.25, 2.0, 4.0}}}
	},
	{
		.name = "loglaplace", .nshapes = 1, .shapes = {{"c", DOM_POS}},
		.description = "Log-Laplace distribution; scipy.stats.loglaplace; Kozubowski & Podgorski (2003), Math. Scientist 28",
		.support_text = "x >= loc",
		.support = bf_support_pos, BF_FNS(loglaplace),
		.fit = {.ngrid = {6}, .grid = {{0.7, 1.5, 3.0, 6.0, 12.0, 25.0}}}
	},
};

const int	bf_family_logistic_laplace_size = sizeof(bf_family_logistic_laplace) / sizeof(bf_family_logistic_laplace[0]);
