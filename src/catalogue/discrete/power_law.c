/*
 * power_law.c — discrete laws with power-law or logarithmic-series tails
 * (scipy.stats zipf, zipfian, logser, yulesimon).
 *
 * zipf(a), a > 1 (Johnson, Kemp & Kotz 2005, 11.2.20):
 *   pmf(k) = k^-a / zeta(a),  k = 1, 2, ...
 *   sf(k)  = zeta(a, k + 1) / zeta(a)   (Hurwitz zeta: GSL gsl_sf_hzeta_e,
 *            as scipy >= 1.11 does with special.zeta(a, k + 1); from
 *            k + 1 = 1e6 on, power_sum below: GSL's overflows near 1e307)
 *   cdf(k) = H(k, a) / zeta(a)          (H the generalized harmonic number)
 * zipfian(a, n), a >= 0, n >= 1 integer (scipy's zipfian; JKK 2005, 11.2.20):
 *   pmf(k) = k^-a / H(n, a),  k = 1, ..., n
 *   cdf(k) = H(k, a) / H(n, a),  sf(k) = (sum_{j=k+1}^{n} j^-a) / H(n, a)
 * where sums of j^-a over m..n (power_sum below) add the first terms
 * directly and the rest by the Euler-Maclaurin formula (DLMF 2.10.1,
 * 24.17.1) with eight Bernoulli terms, from j >= max(16, 2a) on, where its
 * remainder is below 1e-15 of the sum; H(n, a) (zipfian's normaliser) is
 * cached with BfMemo.  scipy sums H(n, a) term by term for a <= 1 and uses
 * zeta(a, 1) - zeta(a, n + 1) for a > 1 (which cancels for large n); its sf
 * is (k^a (H(n, a) - H(k, a)) + 1) / (k^a H(n, a)), which cancels in the
 * upper tail: we sum the tail itself.
 * logser(p), 0 < p < 1 (JKK 2005, ch. 7):
 *   pmf(k) = -p^k / (k log(1 - p)),  k = 1, 2, ...
 *   sf(k)  = T(k) / (-log(1 - p)),  T(k) = sum_{j > k} p^j / j
 *          = p^(k+1) / (k + 1) 2F1(1, k + 1; k + 2; p)
 *          = int_0^U (1 - e^-u)^k du,  U = -log(1 - p)
 *   (the last by t = 1 - e^-u in T(k) = int_0^p t^k / (1 - t) dt).  For
 *   p <= 0.99, Gauss's continued fraction of the 2F1 (DLMF 15.7.5; at most
 *   ~200 terms there); above, the integral by GSL adaptive quadrature
 *   (bf_integrate, 1e-13 relative), whose integrand is smooth and bounded.
 *   The fit's cell masses (log_mass): the pmf summed over the cell with
 *   the ratio p k / (k + 1), cheaper than two quadratures near p = 1.
 *   cdf(k) = 1 - sf(k): cdf >= cdf(1) = p / -log(1 - p) >= 0.027 for every
 *   double p < 1, so the difference loses at most ~40 ulps.  scipy has no
 *   cdf or sf for logser: it sums the pmf (its sf is 1 - cdf, which loses
 *   the upper tail).
 * yulesimon(alpha), alpha > 0 (Simon 1955; JKK 2005, 6.10.3; scipy):
 *   pmf(k) = alpha B(k, alpha + 1),  k = 1, 2, ...
 *   sf(k)  = k B(k, alpha + 1),  cdf(k) = 1 - sf(k) = -expm1(log sf(k))
 *   (log pmf by GSL gsl_sf_lnbeta_e, as scipy's betaln; for alpha < 1/2,
 *   where scipy's 1 - k B(k, alpha + 1) cancels, log sf = -sum_{j<=k}
 *   log1p(alpha / j), the tail of the sum by Stirling's series with
 *   Loader's remainders bf_stirlerr).
 * Quantiles: bf_discrete_ppf from the continuous tail approximations
 * (zipf: sf(k) ~ k^(1-a) / ((a - 1) zeta(a)); yulesimon:
 * sf(k) ~ Gamma(alpha + 1) k^-alpha; logser: sf(k) ~ p^(k+1) / ((1 - p) U)).
 * Starts: logser's p matches the mean (its MLE: a power-series law);
 * zipf's a, zipfian's a and yulesimon's alpha match the sf at the data's
 * 95% quantile (bisection); zipfian's n = max - loc.
 */
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_zeta.h>

#include "catalogue/discrete/discrete.h"

/* ------------------------------------------------------------------ */
/* Sums of j^-a                                                       */
/* ------------------------------------------------------------------ */

/* B_2k / (2k)!, k = 1 .. 8 (DLMF 24.2.1, table 24.2.1) */
static const double em_coef[8] = {
	1.0 / 12.0,
	-1.0 / 720.0,
	1.0 / 30240.0,
	-1.0 / 1209600.0,
	1.0 / 47900160.0,
	-691.0 / 1307674368000.0,
	1.0 / 74724249600.0,
	-3617.0 / 10670622842880000.0,
};

/*
 * sum_{j=m}^{n} j^-a for integers 1 <= m, a >= 0; n may be +INFINITY when
 * a > 1 (then the Hurwitz zeta function zeta(a, m)).  Terms below
 * max(16, 2a) are added directly (stopping when the rest, bounded by
 * j^(1-a) / (a - 1), is below 1e-17 of the sum), the rest by
 * Euler-Maclaurin.  At most ~100 terms: bounded time.
 */
static double
power_sum(double m, double n, double a)
{
	double		s = 0,
				j = m,
				m0 = fmax(16.0, 2.0 * a),
				integral,
				dj,
				dn,
				lr;

	if (isnan(m) || isnan(n) || isnan(a) || a < 0 || m < 1)
		return NAN;
	if (n == INFINITY && !(a > 1))
		return INFINITY;
	if (m > n)
		return 0.0;
	for (; j <= n && j < m0; j++)
	{
		double		t = pow(j, -a);

		s += t;
		if (a > 1 && t * j / (a - 1) <= 1e-17 * s)
			return s;
	}
	if (j > n)
		return s;
	/* Euler-Maclaurin over j .. n, j >= 16 and >= 2a */
	if (n == INFINITY)
		integral = pow(j, 1 - a) / (a - 1);
	else
	{
		lr = log(n / j);
		integral = a == 1 ? lr : pow(j, 1 - a) * expm1((1 - a) * lr) / (1 - a);
	}
	s += integral + 0.5 * (pow(j, -a) + (n == INFINITY ? 0 : pow(n, -a)));
	/* f^(2k-1)(x) = -(a)_{2k-1} x^(-a-2k+1); dj, dn carry (a)_{2k-1} x^(-a-2k+1) */
	dj = a * pow(j, -a - 1);
	dn = n == INFINITY ? 0 : a * pow(n, -a - 1);
	for (int k = 0; k < 8; k++)
	{
		double		r1 = (a + 2 * k + 1) * (a + 2 * k + 2);

		s += em_coef[k] * (dj - dn);
		dj *= r1 / (j * j);
		dn = n == INFINITY ? 0 : dn * r1 / (n * n);
	}
	return s;
}

/* Solve sf(k; shape[i] = v) = target for v in [lo, hi], sf decreasing in v: geometric bisection. */
static double
solve_shape_sf(const BfDist *self, double *sh, int i, double k, double target, double lo, double hi)
{
	for (int it = 0; it < 60; it++)
	{
		double		mid = sqrt(lo * hi);

		sh[i] = mid;
		if (bf_entry_sf(self, k, sh) > target)
			lo = mid;
		else
			hi = mid;
	}
	return sqrt(lo * hi);
}

/* k at which the data's 95% quantile sits (>= 1 for laws on 1, 2, ...) */
static double
k95(const BfDataSummary *s, double loc)
{
	double		k = floor(s->q95 - loc);

	return isfinite(k) && k >= 1 ? k : 1.0;
}

/* ------------------------------------------------------------------ */
/* zipf                                                               */
/* ------------------------------------------------------------------ */

static double
zeta_of(double a)
{
	static BfMemo memo;
	double		v;
	gsl_sf_result r;

	if (!bf_memo_get(&memo, &a, 1, &v))
	{
		v = bf_gsl_value(gsl_sf_zeta_e(a, &r), &r);
		bf_memo_put(&memo, &a, 1, v);
	}
	return v;
}

static double
zipf_logpdf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0];

	if (isnan(k) || isnan(a) || !(a > 1))
		return NAN;
	if (!bf_is_int(k) || k < 1)
		return -INFINITY;
	return -a * log(k) - log(zeta_of(a));
}

static double
zipf_sf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0];
	gsl_sf_result r;
	double		z;

	if (isnan(k) || isnan(a) || !(a > 1))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 1.0;
	if (k == INFINITY)
		return 0.0;
	/* zeta(a, k + 1) < (k + 1)^(1 - a) (1 / (a - 1) + 1): 0 when that underflows */
	if ((1 - a) * log(k + 1) - log(a - 1) < -800)
		return 0.0;
	/* GSL's hzeta overflows near q = 1e307: Euler-Maclaurin there (exact to rounding) */
	if (k + 1 < 1e6)
		z = bf_gsl_value(gsl_sf_hzeta_e(a, k + 1, &r), &r);
	else
		z = power_sum(k + 1, INFINITY, a);
	return fmin(1.0, z / zeta_of(a));
}

static double
zipf_cdf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0],
				S;

	if (isnan(k) || isnan(a) || !(a > 1))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 0.0;
	if (k == INFINITY)
		return 1.0;
	S = zipf_sf(self, k, sh);
	if (S < 0.5)
		return 1.0 - S;
	return power_sum(1, k, a) / zeta_of(a);
}

static double
zipf_ppf(const BfDist *self, double p, const double *sh)
{
	double		a = sh[0],
				g = 1;

	if (isnan(a) || !(a > 1))
		return NAN;
	if (p > 0 && p < 1)
	{
		double		lk = -(log1p(-p) + log(a - 1) + log(zeta_of(a))) / (a - 1);

		g = lk > 600 ? 1e260 : fmax(1.0, exp(lk) - 0.5);
	}
	return bf_discrete_ppf(self, p, sh, g);
}

static void
zipf_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];
	double		sh[1];

	out[1] = loc;
	if (bf_is_free(fx, 0))
		out[0] = solve_shape_sf(self, sh, 0, k95(s, loc), 0.05, 1.01, 30.0);
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------------ */
/* zipfian                                                            */
/* ------------------------------------------------------------------ */

/* H(n, a), cached (zipfian's normaliser) */
static double
harmonic_n(double n, double a)
{
	static BfMemo memo;
	double		key[2] = {n, a},
				v;

	if (!bf_memo_get(&memo, key, 2, &v))
	{
		v = power_sum(1, n, a);
		bf_memo_put(&memo, key, 2, v);
	}
	return v;
}

static void
zipfian_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	*klo = 1;
	*khi = sh[1];
}

static bool
zipfian_bad(const double *sh)
{
	return isnan(sh[0]) || isnan(sh[1]) || !(sh[0] >= 0) || !(sh[1] >= 1) || !bf_is_int(sh[1]);
}

static double
zipfian_logpdf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || zipfian_bad(sh))
		return NAN;
	if (!bf_is_int(k) || k < 1 || k > sh[1])
		return -INFINITY;
	return -sh[0] * log(k) - log(harmonic_n(sh[1], sh[0]));
}

static double
zipfian_cdf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || zipfian_bad(sh))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 0.0;
	if (k >= sh[1])
		return 1.0;
	return power_sum(1, k, sh[0]) / harmonic_n(sh[1], sh[0]);
}

static double
zipfian_sf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || zipfian_bad(sh))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 1.0;
	if (k >= sh[1])
		return 0.0;
	return power_sum(k + 1, sh[1], sh[0]) / harmonic_n(sh[1], sh[0]);
}

static double
zipfian_ppf(const BfDist *self, double p, const double *sh)
{
	if (zipfian_bad(sh))
		return NAN;
	return bf_discrete_ppf(self, p, sh, NAN);
}

static void
zipfian_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];
	double		sh[2];

	out[1] = bf_is_free(fx, 1) ? fmax(1.0, ceil(s->max - loc)) : fx[1];
	if (!isfinite(out[1]))
		out[1] = 1;
	out[0] = 1.0;
	if (bf_is_free(fx, 0) && out[1] > 1)
	{
		double		k = fmin(k95(s, loc), out[1] - 1);

		sh[1] = out[1];
		out[0] = solve_shape_sf(self, sh, 0, k, 0.05, 1e-3, 30.0);
	}
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------------ */
/* logser                                                             */
/* ------------------------------------------------------------------ */

/* -log(1 - p) */
static double
logser_norm(double p)
{
	return -log1p(-p);
}

static double
logser_logpdf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || isnan(p) || !(p > 0 && p < 1))
		return NAN;
	if (!bf_is_int(k) || k < 1)
		return -INFINITY;
	return k * log(p) - log(k) - log(logser_norm(p));
}

static double
logser_integrand(double u, void *par)
{
	double		k = *(const double *) par;

	return exp(k * log1p(-exp(-u)));
}

/* T(k) = sum_{j > k} p^j / j, k >= 0 an integer */
static double
logser_tail(double k, double p)
{
	double		lp = log(p);

	/* T(k) < p^(k+1) / ((k + 1)(1 - p)): 0 when that underflows */
	if ((k + 1) * lp - log(k + 1) - log1p(-p) < -760)
		return 0.0;
	if (p <= 0.99)
	{
		/*
		 * 2F1(1, k+1; k+2; p) = 1 / (1 - c1 p / (1 - c2 p / (1 - ...))),
		 * c_{2m+1} = (k+1+m)^2 / ((k+1+2m)(k+2+2m)), c_{2m} = m^2 /
		 * ((k+2m)(k+2m+1)): modified Lentz
		 */
		const double tiny = 1e-300;
		double		f = 1,
					C = 1,
					D = 0;

		for (int i = 1; i < 2000; i++)
		{
			double		c,
						delta;

			if (i % 2 == 1)
			{
				double		m = (i - 1) / 2;

				c = (k + 1 + m) * ((k + 1 + m) / ((k + 1 + 2 * m) * (k + 2 + 2 * m)));
			}
			else
			{
				double		m = i / 2;

				c = m * m / ((k + 2 * m) * (k + 2 * m + 1));
			}
			D = 1 - c * p * D;
			if (D == 0)
				D = tiny;
			C = 1 - c * p / C;
			if (C == 0)
				C = tiny;
			D = 1 / D;
			delta = C * D;
			f *= delta;
			if (fabs(delta - 1) < 1e-16)
				break;
		}
		return exp((k + 1) * lp - log(k + 1)) / f;
	}
	return bf_integrate(logser_integrand, &k, 0.0, logser_norm(p));
}

/* pmf(k + 1) / pmf(k) of logser, k >= 1 */
static double
logser_ratio(double k, const double *sh)
{
	return sh[0] * (k / (k + 1));
}

/*
 * log P(lo <= K <= hi) by one walk over the run (entry.h,
 * bf_discrete_log_run): for p near 1 the sf is a numerical integral
 */
static double
logser_log_mass(const BfDist *self, double lo, double hi, const double *sh, int maxterms)
{
	double		p = sh[0];

	if (isnan(lo) || isnan(hi) || isnan(p) || !(p > 0 && p < 1))
		return NAN;
	lo = fmax(ceil(lo), 1.0);
	hi = floor(hi);
	if (lo > hi)
		return -INFINITY;
	return bf_discrete_log_run(self, lo, hi, sh, logser_ratio, maxterms);
}

static double
logser_sf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || isnan(p) || !(p > 0 && p < 1))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 1.0;
	if (k == INFINITY)
		return 0.0;
	return fmin(1.0, logser_tail(k, p) / logser_norm(p));
}

static double
logser_cdf(const BfDist *self, double k, const double *sh)
{
	double		S = logser_sf(self, k, sh);

	return isnan(S) ? NAN : 1.0 - S;
}

static double
logser_ppf(const BfDist *self, double p, const double *sh)
{
	double		q = sh[0],
				g = 1;

	if (isnan(q) || !(q > 0 && q < 1))
		return NAN;
	if (p > 0 && p < 1)
	{
		/* sf(k) ~ q^(k+1) / ((k + 1)(1 - q) U) = 1 - p: a few fixed-point steps */
		double		L = log1p(-p) + log1p(-q) + log(logser_norm(q));

		for (int i = 0; i < 4; i++)
			g = fmax(1.0, (L + log(g + 1)) / log(q) - 1);
	}
	return bf_discrete_ppf(self, p, sh, fmin(g, 1e300));
}

static void
logser_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];
	double		mean = s->mean - loc,
				lo = -40,
				hi = 40;

	/* mean = p / ((1 - p) (-log(1 - p))), increasing in p: bisection on logit p */
	for (int it = 0; it < 80 && isfinite(mean); it++)
	{
		double		t = 0.5 * (lo + hi),
					p = 1 / (1 + exp(-t)),
					m = p / ((1 - p) * logser_norm(p));

		if (m < mean)
			lo = t;
		else
			hi = t;
	}
	out[0] = 1 / (1 + exp(-0.5 * (lo + hi)));
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------------ */
/* yulesimon                                                          */
/* ------------------------------------------------------------------ */

static double
lnbeta(double a, double b)
{
	gsl_sf_result r;

	return bf_gsl_value(gsl_sf_lnbeta_e(a, b, &r), &r);
}

static double
yulesimon_logpdf(const BfDist *self, double k, const double *sh)
{
	double		al = sh[0];

	if (isnan(k) || isnan(al) || !(al > 0))
		return NAN;
	if (!bf_is_int(k) || k < 1)
		return -INFINITY;
	if (k == INFINITY || al == INFINITY)
		return k == 1 ? 0.0 : -INFINITY;
	return log(al) + lnbeta(k, al + 1);
}

/* lgamma(m + 1 + alpha) - lgamma(m + 1), m >= 15, by Loader's Stirling remainders */
static double
lgamma_shift(double m, double al)
{
	return bf_stirlerr(m + al) - bf_stirlerr(m) + (m + 0.5) * log1p(al / m) + al * log(m + al) - al;
}

/*
 * log sf(k) = log k + log B(k, alpha + 1), k >= 1 an integer.  For
 * alpha < 1/2, where cdf = -expm1(log sf) is small and the log-gamma
 * difference cancels (1e-10 relative at alpha = 1e-6), the product
 * sf(k) = prod_{j <= k} j / (j + alpha) instead: -sum log1p(alpha / j) for
 * j <= 64, then lgamma_shift (no lgamma(alpha + 1): GSL's loses digits at
 * alpha = 1e-6).
 */
static double
yulesimon_logsf(double k, double al)
{
	double		L = 0;

	if (al >= 0.5)
		return log(k) + lnbeta(k, al + 1);
	for (double j = 1; j <= k && j <= 64; j++)
		L -= log1p(al / j);
	if (k > 64)
		L -= lgamma_shift(k, al) - lgamma_shift(64, al);
	return L;
}

static double
yulesimon_sf(const BfDist *self, double k, const double *sh)
{
	double		al = sh[0];

	if (isnan(k) || isnan(al) || !(al > 0))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 1.0;
	if (k == INFINITY || al == INFINITY)
		return 0.0;
	return exp(yulesimon_logsf(k, al));
}

static double
yulesimon_cdf(const BfDist *self, double k, const double *sh)
{
	double		al = sh[0];

	if (isnan(k) || isnan(al) || !(al > 0))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 0.0;
	if (k == INFINITY || al == INFINITY)
		return 1.0;
	return -expm1(yulesimon_logsf(k, al));
}

static double
yulesimon_ppf(const BfDist *self, double p, const double *sh)
{
	double		al = sh[0],
				g = 1;

	if (isnan(al) || !(al > 0))
		return NAN;
	if (p > 0 && p < 1)
	{
		double		lk = (bf_lngamma(al + 1) - log1p(-p)) / al;

		g = lk > 600 ? 1e260 : fmax(1.0, exp(lk));
	}
	return bf_discrete_ppf(self, p, sh, g);
}

static void
yulesimon_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];
	double		sh[1];

	out[0] = solve_shape_sf(self, sh, 0, k95(s, loc), 0.05, 1e-2, 1e3);
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_power_law[] = {
	{.name = "logser", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"p", DOM_OPEN_UNIT}},
		.description = "logarithmic series: pmf -p^k / (k log(1 - p)) (Johnson, Kemp & Kotz 2005, ch. 7)",
		.support_text = "x = loc + 1, loc + 2, ...",
		.support = bf_support_count1, BF_FNS(logser), .log_mass = logser_log_mass,
		.fit = {.start = logser_start}},
	{.name = "yulesimon", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"alpha", DOM_POS}},
		.description = "Yule-Simon: pmf alpha B(k, alpha + 1) (Simon 1955; Johnson, Kemp & Kotz 2005, 6.10.3)",
		.support_text = "x = loc + 1, loc + 2, ...",
		.support = bf_support_count1, BF_FNS(yulesimon), .fit = {.start = yulesimon_start}},
	{.name = "zipf", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"a", DOM_MGT1}},
		.description = "Zipf (zeta): power-law counts, pmf k^-a / zeta(a) (Johnson, Kemp & Kotz 2005, 11.2.20)",
		.support_text = "x = loc + 1, loc + 2, ...",
		.support = bf_support_count1, BF_FNS(zipf), .fit = {.start = zipf_start}},
	{.name = "zipfian", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"a", DOM_NONNEG}, {"n", DOM_INT1, true, .limit_hi = "zipf (a > 1)"}},
		.description = "Zipfian: Zipf's law truncated to 1..n, pmf k^-a / H(n, a) (Johnson, Kemp & Kotz 2005, 11.2.20)",
		.support_text = "x = loc + 1, ..., loc + n",
		.support = zipfian_support, BF_FNS(zipfian), .fit = {.start = zipfian_start}},
};
const int	bf_family_power_law_size = sizeof(bf_family_power_law) / sizeof(bf_family_power_law[0]);
