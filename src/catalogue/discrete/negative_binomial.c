/*
 * negative_binomial.c — the negative binomial family: nbinom, geom,
 * betanbinom (scipy.stats' names, shapes and order; Johnson, Kemp & Kotz,
 * "Univariate Discrete Distributions", 3rd ed. 2005, ch. 5 and 6.2.3).
 *
 * nbinom(n, p), failures before the n-th success, k = 0, 1, ...; n > 0,
 * 0 < p <= 1 (scipy's _argcheck; n may be real, as in scipy and R's
 * dnbinom size, so it is not an integer shape here although scipy's
 * _shape_info flags it integral):
 *   pmf(k) = Gamma(n + k) / (Gamma(n) k!) p^n q^k,  q = 1 - p
 *   cdf(k) = I_p(n, k + 1),  sf(k) = I_q(k + 1, n)       (JKK ch. 5)   
 * The log pmf is n log p at k = 0 and otherwise x^a y^b / (k B(a, b)) with
 * a = n, b = k, x = p, y = q in Loader's saddle-point form (as R's dnbinom
 * through dbinom_raw; scipy's lgamma differences lose digits at large n + k);
 * the incomplete beta is bf_beta_tails (binomial.h).  Quantile:
 * bf_checked_ppf (binomial.h) from the normal approximation mean + z sd
 * (mean n q / p, variance n q / p^2).  Start: the moment estimates p = mean / var,
 * n = mean^2 / (var - mean) (JKK ch. 5); under-dispersed data (var <= mean)
 * start near the Poisson limit (p = 1 / 1.001).
 *
 * geom(p), trials up to the first success, k = 1, 2, ...; 0 < p <= 1:
 *   pmf(k) = q^(k - 1) p,  cdf(k) = 1 - q^k = -expm1(k log1p(-p)),
 *   sf(k) = exp(k log1p(-p))                             (JKK ch. 5; scipy's)
 * Quantile: bf_discrete_ppf from log1p(-u) / log1p(-p).  Start: p = 1 / mean
 * (the MLE).
 *
 * betanbinom(n, a, b), k = 0, 1, ..., n >= 0 an integer (scipy's _argcheck),
 * a, b > 0: nbinom(n, p) with p ~ beta(a, b) (JKK ch. 6; scipy >= 1.12):
 *   pmf(k) = Gamma(n + k) / (k! Gamma(n)) B(a + n, b + k) / B(a, b)
 * scipy's log pmf -log(n + k) - betaln(n, k + 1) + betaln(a + n, b + k) -
 * betaln(a, b) is evaluated with each log B split into an O(log) part and
 * terms that pair into bd0 terms (betanbinom_logpdf; as betabinom's in
 * binomial.c).  cdf and sf: P(X >= n) and P(X <= n - 1) for
 * X ~ betabinom(n + k, a, b) (the event "at least n successes in the first
 * n + k trials"), finite sums (bf_betabinom_tail) that stay accurate in the
 * heavy upper tail (sf ~ k^-a), where summing the pmf would need ~1e17
 * terms and scipy's generic 1 - cdf loses every digit.  n = 0: all mass at
 * 0.  The fit's cell masses (log_mass): the pmf summed over the cell
 * with its term ratio (n + k)(b + k) / ((k + 1)(a + n + b + k)), unless
 * the cdf's sums (about min(n, k + 1) terms) are shorter.
 * Quantile: bf_checked_ppf from nbinom's normal approximation at
 * p = a / (a + b).  Start: nbinom's moment n, a = 12, b from the mean
 * n b / (a - 1).
 */
#include <math.h>

#include "catalogue/discrete/discrete.h"
#include "catalogue/discrete/binomial.h"

/* --------------------------------------------------------------- nbinom */

static bool
nbinom_bad(double n, double p)
{
	return isnan(n) || isnan(p) || !(n > 0) || !(p > 0 && p <= 1) || n == INFINITY;
}

static double
nbinom_logpdf(const BfDist *self, double k, const double *sh)
{
	double		n = sh[0],
				p = sh[1];

	if (isnan(k) || nbinom_bad(n, p))
		return NAN;
	if (!bf_is_int(k) || k < 0)
		return -INFINITY;
	if (k == 0)
		return n * log(p);
	if (p == 1)
		return -INFINITY;
	return bf_log_beta_kernel(n, k, p, 1.0 - p) - log(k);
}

/* cdf (upper = false) or sf (upper = true) of nbinom(n, p) at k */
static double
nbinom_tail(double k, double n, double p, bool upper)
{
	double		P,
				Q;

	if (isnan(k) || nbinom_bad(n, p))
		return NAN;
	k = floor(k);
	if (k < 0)
		return upper ? 1.0 : 0.0;
	if (k == INFINITY)
		return upper ? 0.0 : 1.0;
	bf_beta_tails(n, k + 1, p, 1.0 - p, &P, &Q);
	return upper ? Q : P;
}

static double
nbinom_cdf(const BfDist *self, double k, const double *sh)
{
	return nbinom_tail(k, sh[0], sh[1], false);
}

static double
nbinom_sf(const BfDist *self, double k, const double *sh)
{
	return nbinom_tail(k, sh[0], sh[1], true);
}

static double
nbinom_ppf(const BfDist *self, double u, const double *sh)
{
	double		n = sh[0],
				p = sh[1],
				q = 1.0 - p;

	if (nbinom_bad(n, p))
		return NAN;
	return bf_checked_ppf(self, u, sh,
						  n * q / p + (u > 0 && u < 1 ? bf_ndtri(u) : 0) * sqrt(n * q) / p);
}

static void
nbinom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];
	double		m = fmax(s->mean - loc, 1e-3),
				v = s->sd * s->sd;

	if (v > m * 1.001)
	{
		out[1] = m / v;
		out[0] = m * m / (v - m);
	}
	else
	{
		out[1] = 1.0 / 1.001;
		out[0] = m * 1000.0;
	}
	if (!bf_is_free(fx, 0) && bf_is_free(fx, 1))
		out[1] = fx[0] / (fx[0] + m);	/* mean n q / p = m */
	else if (bf_is_free(fx, 0) && !bf_is_free(fx, 1))
		out[0] = m * fx[1] / fmax(1.0 - fx[1], 1e-12);
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ----------------------------------------------------------------- geom */

static bool
geom_bad(double p)
{
	return isnan(p) || !(p > 0 && p <= 1);
}

static double
geom_logpdf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || geom_bad(p))
		return NAN;
	if (!bf_is_int(k) || k < 1)
		return -INFINITY;
	return bf_xlog1py(k - 1, -p) + log(p);
}

static double
geom_cdf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || geom_bad(p))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 0.0;
	return -expm1(k * log1p(-p));
}

static double
geom_sf(const BfDist *self, double k, const double *sh)
{
	double		p = sh[0];

	if (isnan(k) || geom_bad(p))
		return NAN;
	k = floor(k);
	if (k < 1)
		return 1.0;
	return exp(k * log1p(-p));
}

static double
geom_ppf(const BfDist *self, double u, const double *sh)
{
	double		p = sh[0];

	if (geom_bad(p))
		return NAN;
	return bf_discrete_ppf(self, u, sh, p == 1 ? 1.0 : log1p(-u) / log1p(-p));
}

static void
geom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];

	out[0] = 1.0 / fmax(s->mean - loc, 1.0);
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ----------------------------------------------------------- betanbinom */

static bool
betanbinom_bad(double n, double a, double b)
{
	return isnan(n) || isnan(a) || isnan(b) || !(n >= 0) || !(a > 0) || !(b > 0) ||
		!isfinite(n) || !isfinite(a) || !isfinite(b);
}

/* log B(a, b), memoised (the shape-only part of the log pmf) */
static double
betanbinom_lbeta_ab(double a, double b)
{
	static BfMemo memo;

	return bf_lbeta_memo(&memo, a, b);
}

static double
betanbinom_logpdf(const BfDist *self, double k, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2],
				N1,
				N2;

	if (isnan(k) || betanbinom_bad(n, a, b))
		return NAN;
	if (!bf_is_int(k) || k < 0)
		return -INFINITY;
	if (n == 0)
		return k == 0 ? 0.0 : -INFINITY;

	/*
	 * log pmf = -log(n + k) - log B(n, k + 1) + log B(a + n, b + k) -
	 * log B(a, b) (scipy's form), each log B split as in betabinom_logpdf
	 * (binomial.c): with N1 = a + n + b + k, N2 = n + k + 1 the large terms
	 * of the first two pair into bd0(a + n, N1 n / N2) +
	 * bd0(b + k, N1 (k + 1) / N2) + a log(n / N2) + (b - 1) log((k + 1) / N2).
	 */
	N1 = a + n + b + k;
	N2 = n + k + 1;
	return -log(n + k) - bf_lbeta_rest(n, k + 1) + bf_lbeta_rest(a + n, b + k) -
		betanbinom_lbeta_ab(a, b) +
		bf_bd0_big(a + n, N1 * (n / N2)) + bf_bd0_big(b + k, N1 * ((k + 1) / N2)) +
		a * log(n / N2) + (b - 1) * log((k + 1) / N2);
}

/*
 * K <= k if and only if the first n + k trials hold at least n successes,
 * for every success probability p, so with p ~ beta(a, b):
 * cdf(k) = P(X >= n) and sf(k) = P(X <= n - 1), X ~ betabinom(n + k, a, b)
 * (bf_betabinom_tail: at most about min(n, k + 1) terms).
 */
static double
betanbinom_tail(double k, const double *sh, bool upper)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2];

	if (isnan(k) || betanbinom_bad(n, a, b))
		return NAN;
	k = floor(k);
	if (k < 0)
		return upper ? 1.0 : 0.0;
	if (k == INFINITY)
		return upper ? 0.0 : 1.0;
	return bf_betabinom_tail(n - 1, n + k, a, b, !upper);
}

/* pmf(k + 1) / pmf(k) of betanbinom (its pmf's Gamma and beta ratios), k >= 0 */
static double
betanbinom_ratio(double k, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2];

	return (n + k) / (k + 1) * ((b + k) / (a + n + b + k));
}

/* log P(lo <= K <= hi) by one walk over the run (entry.h, bf_discrete_log_run) */
static double
betanbinom_log_mass(const BfDist *self, double lo, double hi, const double *sh, int maxterms)
{
	if (isnan(lo) || isnan(hi) || betanbinom_bad(sh[0], sh[1], sh[2]) || sh[0] == 0)
		return NAN;
	lo = fmax(ceil(lo), 0.0);
	hi = floor(hi);
	if (lo > hi)
		return -INFINITY;
	/* the cdf's two sums of about min(n, k + 1) terms each are then cheaper */
	if (2 * fmin(sh[0], hi + 1) < hi - lo)
		return NAN;
	return bf_discrete_log_run(self, lo, hi, sh, betanbinom_ratio, maxterms);
}

static double
betanbinom_cdf(const BfDist *self, double k, const double *sh)
{
	return betanbinom_tail(k, sh, false);
}

static double
betanbinom_sf(const BfDist *self, double k, const double *sh)
{
	return betanbinom_tail(k, sh, true);
}

static double
betanbinom_ppf(const BfDist *self, double u, const double *sh)
{
	double		n = sh[0],
				a = sh[1],
				b = sh[2],
				guess;

	if (betanbinom_bad(n, a, b))
		return NAN;
	/*
	 * guess: the nbinom quantile at p = a / (a + b) - the mean of p - with
	 * its mean n b / a, heavier-tailed in truth (mean n b / (a - 1))
	 */
	guess = n * b / a + (u > 0 && u < 1 ? bf_ndtri(u) : 0) * sqrt(n * b * (a + b)) / a;
	return bf_checked_ppf(self, u, sh, fmax(guess, 0.0));
}

static void
betanbinom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 3) ? 0.0 : fx[3];
	double		m = fmax(s->mean - loc, 1e-3),
				v = s->sd * s->sd,
				n,
				a,
				b;

	/*
	 * nbinom's moment estimates, then a beta(a, b) for p centred on its p
	 * with a = 10 + 2 (room for a finite variance: a > 2), b from the mean
	 * n b / (a - 1) = m
	 */
	if (v > m * 1.001)
		n = m * m / (v - m);
	else
		n = m * 1000.0;
	n = bf_is_free(fx, 0) ? fmax(round(n), 1.0) : fx[0];
	a = bf_is_free(fx, 1) ? 12.0 : fx[1];
	b = bf_is_free(fx, 2) ? fmax(m * (a - 1) / fmax(n, 1.0), 1e-3) : fx[2];
	out[0] = n;
	out[1] = a;
	out[2] = b;
	out[3] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_negative_binomial[] = {
	{.name = "nbinom", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"n", DOM_POS, .limit_hi = "poisson"}, {"p", {0.0, 1.0, false, true}}},
		.description = "negative binomial: failures before the n-th success of probability p (Johnson, Kemp & Kotz 2005, ch. 5)",
		.support_text = "x = loc, loc + 1, ...",
		.support = bf_support_count, BF_FNS(nbinom), .fit = {.start = nbinom_start}},
	{.name = "geom", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"p", {0.0, 1.0, false, true}}},
		.description = "geometric: trials up to the first success of probability p (Johnson, Kemp & Kotz 2005, ch. 5)",
		.support_text = "x = loc + 1, loc + 2, ...",
		.support = bf_support_count1, BF_FNS(geom), .fit = {.start = geom_start}},
	{.name = "betanbinom", .kind = BF_DISCRETE, .nshapes = 3,
		.shapes = {{"n", DOM_INT0, true}, {"a", DOM_POS, .limit_hi = "nbinom"}, {"b", DOM_POS, .limit_hi = "nbinom"}},
		.description = "beta-negative-binomial: nbinom with a beta(a, b) success probability (Johnson, Kemp & Kotz 2005, ch. 6)",
		.support_text = "x = loc, loc + 1, ...",
		.support = bf_support_count, BF_FNS(betanbinom), .log_mass = betanbinom_log_mass,
		.fit = {.start = betanbinom_start}},
};
const int	bf_family_negative_binomial_size =
sizeof(bf_family_negative_binomial) / sizeof(bf_family_negative_binomial[0]);
