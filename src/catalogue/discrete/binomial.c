/*
 * binomial.c — the binomial family: bernoulli, binom, betabinom
 * (scipy.stats' names, shapes and order; Johnson, Kemp & Kotz, "Univariate
 * Discrete Distributions", 3rd ed. 2005, ch. 3 and 6.2.2).
 *
 * binom(n, p), k = 0, ..., n, n >= 0 an integer, 0 <= p <= 1:
 *   pmf(k) = C(n, k) p^k q^(n - k),  q = 1 - p
 *   cdf(k) = I_q(n - k, k + 1),  sf(k) = I_p(k + 1, n - k)
 * (JKK ch. 3; Abramowitz & Stegun 26.5.24), I the regularized
 * incomplete beta function: bf_beta_tails below (A&S 26.5.8's continued
 * fraction times a saddle-point prefactor: GSL's gsl_sf_beta_inc loses
 * ~1e-9 relative at n = 1e6 and gives up at n = 1e9; scipy uses Boost's
 * ibeta, which itself loses 7e-9 relative at n = 1e8 against R's pbinom,
 * which this matches to 2e-12; NaN near the median from n ~ 1e10, where
 * the fraction needs more than 5000 terms).  The log pmf is Loader's
 * saddle-point form (bf_log_dbinom, R's dbinom): scipy's binom pmf (Boost)
 * is 3e-11 relative off at n = 1e6.
 * Quantile: bf_checked_ppf (binomial.h) from the normal approximation
 * n p + z sqrt(npq).
 * Start: the moment estimates p = 1 - var / mean, n = mean / p with n at
 * least the data's maximum (JKK ch. 3).
 *
 * bernoulli(p) = binom(1, p): pmf(0) = 1 - p, pmf(1) = p (JKK ch. 3); support
 * {0, 1} for every p, as scipy's (its b = 1).  Start: p = the mean (the MLE).
 *
 * betabinom(n, a, b), k = 0, ..., n, n >= 0 an integer, a, b > 0:
 *   pmf(k) = C(n, k) B(k + a, n - k + b) / B(a, b)          (JKK ch. 6)
 * scipy's log pmf is the same betaln difference, -log(n + 1) -
 * betaln(n - k + 1, k + 1) + betaln(k + a, n - k + b) - betaln(a, b),
 * which loses ~1e-11 relative at n = 1e4; here each log B is split into its
 * O(log) saddle-point part and its x log(x / (x + y)) terms, whose large
 * parts pair into two bd0 terms (betabinom_logpdf; still ~1e-13 relative at
 * a = b = 1000, where log B(a, b) itself is large).  cdf and sf: the smaller
 * tail summed with the pmf's term ratio (no closed form: a 3F2), as scipy's
 * generic rv_discrete sums, whose sf is 1 - cdf (1e-5 relative off at
 * sf = 1e-6, n = 1e4); bounded at 100000 terms (NaN beyond: n of ~1e6 and
 * more near the middle, about 1 ms).  The fit's cell masses (log_mass):
 * the pmf summed over the cell with the same term ratio from its larger
 * end (bf_discrete_log_run), one walk instead of two tail sums.  The fit
 * caps n at 2^20 times the data's span (limit_span): n -> infinity with b
 * growing alike is nbinom(a, .), whose fits on heavy tails it otherwise
 * chases to n ~ 1e12, where the pmf's rounding (~1e-16 n) passes for gains.
 * Quantile: bf_checked_ppf from the
 * normal approximation (mean n a / (a + b), variance
 * n a b (a + b + n) / ((a + b)^2 (a + b + 1))).  Start: n = the data's
 * maximum, p = mean / n, a + b from the overdispersion
 * var / (n p q) = (a + b + n) / (a + b + 1) (its moments, JKK ch. 6).
 */
#include <float.h>
#include <math.h>

#include "catalogue/discrete/discrete.h"
#include "catalogue/discrete/binomial.h"

double
bf_log_beta_kernel(double a, double b, double x, double y)
{
	double		n = a + b;

	return 0.5 * (log(a) + log(b) - log(2 * M_PI * n)) + bf_stirlerr(n) - bf_stirlerr(a) - bf_stirlerr(b) -
		bf_bd0(a, n * x) - bf_bd0(b, n * y);
}

/*
 * The continued fraction of A&S 26.5.8 (modified Lentz; Press et al.,
 * Numerical Recipes, 3rd ed., 6.4 betacf): I_x(a, b) = kernel / a times
 * its value; NaN when 5000 terms do not converge.  The coefficients are
 * formed as products of ratios, which do not overflow at a or b ~ 1e308.
 */
static double
beta_cont_frac(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		c = 1.0,
				d = 1.0 - (a + b) * x / (a + 1.0),
				h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (int m = 1; m <= 5000; m++)
	{
		double		m2 = 2.0 * m,
					aa = m / (a - 1.0 + m2) * ((b - m) / (a + m2)) * x,
					del;

		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -((a + m) / (a + m2)) * ((a + b + m) / (a + 1.0 + m2)) * x;
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < 2 * DBL_EPSILON)
			return h;
	}
	return NAN;
}

void
bf_beta_tails(double a, double b, double x, double y, double *P, double *Q)
{
	double		t;

	if (isnan(a) || isnan(b) || isnan(x) || isnan(y) || !(a > 0) || !(b > 0) ||
		x < 0 || y < 0 || !isfinite(a) || !isfinite(b))
	{
		*P = *Q = NAN;
		return;
	}
	if (x == 0)
	{
		*P = 0.0;
		*Q = 1.0;
		return;
	}
	if (y == 0)
	{
		*P = 1.0;
		*Q = 0.0;
		return;
	}
	if (x * (a + b + 2.0) < a + 1.0)
	{
		t = exp(bf_log_beta_kernel(a, b, x, y)) / a * beta_cont_frac(a, b, x);
		*P = t;
		*Q = 1.0 - t;
	}
	else
	{
		t = exp(bf_log_beta_kernel(b, a, y, x)) / b * beta_cont_frac(b, a, y);
		*Q = t;
		*P = 1.0 - t;
	}
	if (isnan(t))
		*P = *Q = NAN;
}

/* ---------------------------------------------------------------- binom */

static bool
binom_bad(double n, double p)
{
	return isnan(n) || isnan(p) || !(n >= 0) || !(p >= 0 && p <= 1);
}

static double
binom_logpdf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || binom_bad(sh[0], sh[1]))
		return NAN;
	return bf_log_dbinom(k, sh[0], sh[1], 1.0 - sh[1]);
}

/* cdf (upper = false) or sf (upper = true) of binom(n, p) at k */
static double
binom_tail(double k, double n, double p, bool upper)
{
	double		P,
				Q;

	if (isnan(k) || binom_bad(n, p))
		return NAN;
	k = floor(k);
	if (k < 0)
		return upper ? 1.0 : 0.0;
	if (k >= n)
		return upper ? 0.0 : 1.0;
	bf_beta_tails(n - k, k + 1, 1.0 - p, p, &P, &Q);
	return upper ? Q : P;
}

static double
binom_cdf(const BfDist *self, double k, const double *sh)
{
	return binom_tail(k, sh[0], sh[1], false);
}

static double
binom_sf(const BfDist *self, double k, const double *sh)
{
	return binom_tail(k, sh[0], sh[1], true);
}

static double
binom_ppf(const BfDist *self, double p, const double *sh)
{
	double		n = sh[0],
				pr = sh[1];

	if (binom_bad(n, pr))
		return NAN;
	return bf_checked_ppf(self, p, sh,
						  n * pr + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(n * pr * (1 - pr)));
}

static void
binom_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	*klo = 0;
	*khi = sh[0];
}

static void
binom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];
	double		m = s->mean - loc,
				v = s->sd * s->sd,
				top = fmax(ceil(s->max - loc), 1.0),
				n,
				p;

	if (!bf_is_free(fx, 0))
		n = fx[0];
	else
	{
		p = (m > 0 && v < m) ? 1.0 - v / m : 0.0;
		n = p > 0 ? fmax(ceil(m / p), top) : top;
		n = fmin(n, 1e15);
	}
	p = bf_is_free(fx, 1) ? (n > 0 ? m / n : 0.5) : fx[1];
	out[0] = n;
	out[1] = bf_clampd(p, 1e-6, 1 - 1e-6);
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------ bernoulli */

static double
bernoulli_logpdf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || isnan(p) || !(p >= 0 && p <= 1))
		return NAN;
	if (k == 0)
		return log1p(-p);
	if (k == 1)
		return log(p);
	return -INFINITY;
}

static double
bernoulli_cdf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || isnan(p) || !(p >= 0 && p <= 1))
		return NAN;
	if (k < 0)
		return 0.0;
	return k < 1 ? 1.0 - p : 1.0;
}

static double
bernoulli_sf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || isnan(p) || !(p >= 0 && p <= 1))
		return NAN;
	if (k < 0)
		return 1.0;
	return k < 1 ? p : 0.0;
}

static double
bernoulli_ppf(const BfDist *self, double p, const double *sh)
{
	if (isnan(sh[0]) || !(sh[0] >= 0 && sh[0] <= 1))
		return NAN;
	return bf_discrete_ppf(self, p, sh, 0.0);
}

static void
bernoulli_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	*klo = 0;
	*khi = 1;
}

static void
bernoulli_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];

	out[0] = bf_clampd(s->mean - loc, 1e-6, 1 - 1e-6);
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------ betabinom */

static bool
betabinom_bad(double n, double a, double b)
{
	return isnan(n) || isnan(a) || isnan(b) || !(n >= 0) || !(a > 0) || !(b > 0) ||
		!isfinite(n) || !isfinite(a) || !isfinite(b);
}

/* (binomial.h) */
double
bf_lbeta_rest(double x, double y)
{
	return -0.5 * (log(x) + log(y) - LN_2PI - log(x + y)) - bf_stirlerr(x + y) +
		bf_stirlerr(x) + bf_stirlerr(y);
}

/* log B(a, b), memoised: the shape-only part of betabinom's and betanbinom's log pmfs (binomial.h) */
double
bf_lbeta_memo(BfMemo *memo, double a, double b)
{
	double		key[2] = {a, b},
				v;

	if (!bf_memo_get(memo, key, 2, &v))
	{
		v = bf_lbeta_rest(a, b) + bf_xlogy(a, a / (a + b)) + bf_xlogy(b, b / (a + b));
		bf_memo_put(memo, key, 2, v);
	}
	return v;
}

static double
betabinom_lbeta_ab(double a, double b)
{
	static BfMemo memo;

	return bf_lbeta_memo(&memo, a, b);
}

static double
betabinom_logpdf(const BfDist *self, double k, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2],
				N = n + a + b;

	if (isnan(k) || betabinom_bad(n, a, b))
		return NAN;
	if (!bf_is_int(k) || k < 0 || k > n)
		return -INFINITY;
	if (n == 0)
		return 0.0;

	/*
	 * log pmf = log B(k + a, n - k + b) - log B(k + 1, n - k + 1) -
	 * log(n + 1) - log B(a, b); with log B(x, y) = bf_lbeta_rest(x, y) +
	 * x log(x / (x + y)) + y log(y / (x + y)), the large terms of the first
	 * two pair into bd0(k + a, N (k + 1) / (n + 2)) + bd0(n - k + b,
	 * N (n - k + 1) / (n + 2)) + (a - 1) log((k + 1) / (n + 2)) +
	 * (b - 1) log((n - k + 1) / (n + 2)), N = n + a + b, without the
	 * cancellation of lgamma differences at large n.
	 */
	return bf_lbeta_rest(k + a, n - k + b) - bf_lbeta_rest(k + 1, n - k + 1) - log1p(n) -
		betabinom_lbeta_ab(a, b) +
		bf_bd0_big(k + a, N * ((k + 1) / (n + 2))) +
		bf_bd0_big(n - k + b, N * ((n - k + 1) / (n + 2))) +
		(a - 1) * log((k + 1) / (n + 2)) + (b - 1) * log((n - k + 1) / (n + 2));
}

#define BETABINOM_MAX_TERMS 100000

/* (binomial.h) */
double
bf_betabinom_tail(double k, double n, double a, double b, bool upper)
{
	double		sh[3] = {n, a, b},
				mean,
				j,
				t,
				sum = 0;
	bool		lower;
	int			terms = 0;

	if (isnan(k) || betabinom_bad(n, a, b))
		return NAN;
	k = floor(k);
	if (k < 0)
		return upper ? 1.0 : 0.0;
	if (k >= n)
		return upper ? 0.0 : 1.0;
	mean = n * a / (a + b);
	lower = k < mean;
	j = lower ? k : k + 1;
	t = exp(betabinom_logpdf(NULL, j, sh));
	if (isnan(t))
		return NAN;
	if (lower)
	{
		bool		falls = a >= 1;

		for (; j >= 0; j--)
		{
			sum += t;
			if ((falls && t < 1e-17 * sum) || j == 0)
				break;
			if (++terms > BETABINOM_MAX_TERMS)
				return NAN;
			t *= j / (n - j + 1) * ((n - j + b) / (j - 1 + a));
		}
	}
	else
	{
		bool		falls = b >= 1;

		for (; j <= n; j++)
		{
			sum += t;
			if ((falls && t < 1e-17 * sum) || j == n)
				break;
			if (++terms > BETABINOM_MAX_TERMS)
				return NAN;
			t *= (n - j) / (j + 1) * ((j + a) / (n - j - 1 + b));
		}
	}
	sum = fmin(sum, 1.0);
	return lower == upper ? 1.0 - sum : sum;
}

/* pmf(j + 1) / pmf(j) of betabinom (JKK ch. 6), 0 <= j < n */
static double
betabinom_ratio(double j, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2];

	return (n - j) / (j + 1) * ((j + a) / (n - j - 1 + b));
}

/* log P(a <= K <= b) by one walk over the run (entry.h, bf_discrete_log_run) */
static double
betabinom_log_mass(const BfDist *self, double lo, double hi, const double *sh, int maxterms)
{
	if (isnan(lo) || isnan(hi) || betabinom_bad(sh[0], sh[1], sh[2]))
		return NAN;
	lo = fmax(ceil(lo), 0.0);
	hi = fmin(floor(hi), sh[0]);
	if (lo > hi)
		return -INFINITY;
	return bf_discrete_log_run(self, lo, hi, sh, betabinom_ratio, maxterms);
}

static double
betabinom_cdf(const BfDist *self, double k, const double *sh)
{
	return bf_betabinom_tail(k, sh[0], sh[1], sh[2], false);
}

static double
betabinom_sf(const BfDist *self, double k, const double *sh)
{
	return bf_betabinom_tail(k, sh[0], sh[1], sh[2], true);
}

static double
betabinom_ppf(const BfDist *self, double p, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2],
				s = a + b,
				m = n * a / s,
				v = n * a * b * (s + n) / (s * s * (s + 1));

	if (betabinom_bad(n, a, b))
		return NAN;
	return bf_checked_ppf(self, p, sh, m + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(v));
}

static void
betabinom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 3) ? 0.0 : fx[3];
	double		n = bf_is_free(fx, 0) ? fmax(ceil(s->max - loc), 1.0) : fx[0],
				m = s->mean - loc,
				p = n > 0 ? bf_clampd(m / n, 1e-3, 1 - 1e-3) : 0.5,
				phi = s->sd * s->sd / (n * p * (1 - p)),
				ab;

	/* var = n p q (a + b + n) / (a + b + 1): a + b from the overdispersion */
	ab = phi > 1 + 1e-6 ? (n - phi) / (phi - 1) : 1e3 * fmax(n, 1.0);
	ab = bf_clampd(ab, 1e-2, 1e6);
	out[0] = n;
	out[1] = p * ab;
	out[2] = (1 - p) * ab;
	out[3] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_binomial[] = {
	{.name = "bernoulli", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"p", DOM_UNIT}},
		.description = "Bernoulli: one trial with success probability p (Johnson, Kemp & Kotz 2005, ch. 3)",
		.support_text = "x = loc, loc + 1",
		.support = bernoulli_support, BF_FNS(bernoulli), .fit = {.start = bernoulli_start}},
	{.name = "binom", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"n", DOM_INT0, true, .limit_hi = "poisson"},
			{"p", DOM_UNIT}},
		.description = "binomial: successes in n trials of probability p (Johnson, Kemp & Kotz 2005, ch. 3)",
		.support_text = "x = loc, loc + 1, ..., loc + n",
		.support = binom_support, BF_FNS(binom), .fit = {.start = binom_start}},
	{.name = "betabinom", .kind = BF_DISCRETE, .nshapes = 3,
		.shapes = {{"n", DOM_INT0, true, .limit_hi = "nbinom"}, {"a", DOM_POS, .limit_hi = "binom"}, {"b", DOM_POS, .limit_hi = "binom"}},
		.description = "beta-binomial: binomial with a beta(a, b) success probability (Johnson, Kemp & Kotz 2005, ch. 6)",
		.support_text = "x = loc, loc + 1, ..., loc + n",
		.support = binom_support, BF_FNS(betabinom), .log_mass = betabinom_log_mass,
		.fit = {.start = betabinom_start, .limit_span = 1048576}},
};
const int	bf_family_binomial_size = sizeof(bf_family_binomial) / sizeof(bf_family_binomial[0]);
