/*
 * poisson.c — the Poisson distribution (scipy.stats.poisson).
 *
 *   pmf(k; mu) = exp(-mu) mu^k / k!,  k = 0, 1, 2, ...,  mu >= 0
 *   cdf(k) = Q(k + 1, mu),  sf(k) = P(k + 1, mu)
 * with P and Q the regularized lower and upper incomplete gamma functions
 * (GSL gsl_sf_gamma_inc_P_e / _Q_e; Abramowitz & Stegun 6.5.2 and 26.4.21;
 * scipy's poisson uses pdtr / pdtrc, the same identities).  The log pmf is
 * Loader's saddle-point form (bf_log_dpois, discrete.h), as R's dpois:
 * scipy's xlogy(k, mu) - mu - lgamma(k + 1) loses ~1e-10 relative to
 * cancellation at mu = 1e5.
 * Quantile: bf_discrete_ppf from the normal approximation mu + z sqrt(mu).
 * Start: mu = the mean of k = x - loc (the MLE).
 *
 * skellam(mu1, mu2), all integers k, mu1, mu2 > 0: the difference of
 * independent Poisson(mu1) and Poisson(mu2) counts (Skellam 1946; scipy's skellam):
 *   pmf(k) = exp(-(mu1 + mu2)) (mu1 / mu2)^(k / 2) I_|k|(2 sqrt(mu1 mu2))
 * in logs as -(sqrt(mu1) - sqrt(mu2))^2 + (k / 2) log(mu1 / mu2) +
 * log(e^-x I_|k|(x)), x = 2 sqrt(mu1 mu2), with GSL's scaled Bessel function
 * gsl_sf_bessel_In_scaled_e for x <= 2000 (5e-13 relative there; its
 * recurrences lose 2e-12 at x = 1e4 and 1e-10 at x = 2e6, against the Debye
 * expansion and Boost), and beyond that, or where it fails, the noncentral
 * chi-square form that scipy uses for all k,
 *   pmf(k) = 2 ncx2.pdf(2 mu1; 2 (k + 1), 2 mu2)  (k >= 0),
 *            2 ncx2.pdf(2 mu2; 2 (1 - k), 2 mu1)  (k < 0),
 * through our ncx2 entry (bf_ncx2_entry, noncentral.c; 4 us at
 * mu1 = 1e4, 60 us at 1e6; where its series fails, in tails whose mass is
 * below 1e-300, the Bessel form or -inf).  cdf and sf, as
 * scipy's: cdf(k) = ncx2.cdf(2 mu2; -2 k, 2 mu1) for k < 0 and
 * ncx2.sf(2 mu1; 2 (k + 1), 2 mu2) for k >= 0, sf the complementary ncx2
 * function (the Poisson mixture of Johnson, Kotz & Balakrishnan vol. 2, ch. 29).
 * Quantile: bf_discrete_ppf from the normal approximation
 * mu1 - mu2 + z sqrt(mu1 + mu2).  Start: the moment estimates
 * mu1 = (var + mean) / 2, mu2 = (var - mean) / 2 (mean of x - loc).
 */
#include <limits.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_gamma.h>

#include "catalogue/discrete/discrete.h"

static double
poisson_logpdf(const BfDist *self, double k, const double *sh)
{
	return bf_log_dpois(k, sh[0]);
}

static double
poisson_cdf(const BfDist *self, double k, const double *sh)
{
	double		mu = sh[0];
	gsl_sf_result r;

	if (isnan(k) || isnan(mu) || !(mu >= 0))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 0.0;
	if (k == INFINITY || mu == 0)
		return 1.0;
	return bf_gsl_value(gsl_sf_gamma_inc_Q_e(k + 1, mu, &r), &r);
}

static double
poisson_sf(const BfDist *self, double k, const double *sh)
{
	double		mu = sh[0];
	gsl_sf_result r;

	if (isnan(k) || isnan(mu) || !(mu >= 0))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 1.0;
	if (k == INFINITY || mu == 0)
		return 0.0;
	return bf_gsl_value(gsl_sf_gamma_inc_P_e(k + 1, mu, &r), &r);
}

static double
poisson_ppf(const BfDist *self, double p, const double *sh)
{
	double		mu = sh[0];

	if (isnan(mu) || !(mu >= 0))
		return NAN;
	return bf_discrete_ppf(self, p, sh, mu + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(mu));
}

static void
poisson_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];

	out[0] = fmax(s->mean - loc, 1e-3);
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* -------------------------------------------------------------- skellam */

static bool
skellam_bad(double mu1, double mu2)
{
	return isnan(mu1) || isnan(mu2) || !(mu1 > 0) || !(mu2 > 0) || !isfinite(mu1) ||
		!isfinite(mu2);
}

/* e^-x I_|k|(x) into r when GSL computes it within (1e-290, 1] */
static bool
skellam_bessel(double k, double x, gsl_sf_result *r)
{
	return fabs(k) < INT_MAX &&
		gsl_sf_bessel_In_scaled_e((int) fabs(k), x, r) == GSL_SUCCESS &&
		r->val > 1e-290 && r->val <= 1;
}

static double
skellam_logpdf(const BfDist *self, double k, const double *sh)
{
	double		mu1 = sh[0],
				mu2 = sh[1],
				x,
				d,
				v;
	gsl_sf_result r;
	bool		bessel;

	if (isnan(k) || skellam_bad(mu1, mu2))
		return NAN;
	if (!bf_is_int(k))
		return -INFINITY;
	x = 2 * sqrt(mu1) * sqrt(mu2);
	d = sqrt(mu1) - sqrt(mu2);
	bessel = x <= 2000 && skellam_bessel(k, x, &r);
	if (bessel)
		return -d * d + 0.5 * k * (log(mu1) - log(mu2)) + log(r.val);
	/* the noncentral chi-square form (scipy's) */
	if (k >= 0)
		v = bf_entry_logpdf(bf_ncx2_entry, 2 * mu1, (double[]) {2 * (k + 1), 2 * mu2});
	else
		v = bf_entry_logpdf(bf_ncx2_entry, 2 * mu2, (double[]) {2 * (1 - k), 2 * mu1});
	v += M_LN2;
	if (isfinite(v) && v <= 0)
		return v;
	/* its series failed (far tails at x ~ 1e6): the Bessel form, or mass 0 */
	bessel = x > 2000 && skellam_bessel(k, x, &r);
	return bessel ? -d * d + 0.5 * k * (log(mu1) - log(mu2)) + log(r.val) : -INFINITY;
}

/* cdf (upper = false) or sf (upper = true) of skellam(mu1, mu2) at k */
static double
skellam_tail(double k, double mu1, double mu2, bool upper)
{
	if (isnan(k) || skellam_bad(mu1, mu2))
		return NAN;
	k = floor(k);
	/*
	 * Beyond 100 sd of the mean and |k| > 1e15 the tail's mass is below
	 * 1e-300; the ncx2 series would take df ~ 2 k (NaN or 0 at k ~ 1e300).
	 */
	if (fabs(k) > 1e15 && fabs(k - (mu1 - mu2)) > 100 * sqrt(mu1 + mu2))
		return (k < 0) == upper ? 1.0 : 0.0;
	if (k < 0)
	{
		const double df[2] = {-2 * k, 2 * mu1};

		return upper ? bf_entry_sf(bf_ncx2_entry, 2 * mu2, df) :
			bf_entry_cdf(bf_ncx2_entry, 2 * mu2, df);
	}
	else
	{
		const double df[2] = {2 * (k + 1), 2 * mu2};

		return upper ? bf_entry_cdf(bf_ncx2_entry, 2 * mu1, df) :
			bf_entry_sf(bf_ncx2_entry, 2 * mu1, df);
	}
}

static double
skellam_cdf(const BfDist *self, double k, const double *sh)
{
	return skellam_tail(k, sh[0], sh[1], false);
}

static double
skellam_sf(const BfDist *self, double k, const double *sh)
{
	return skellam_tail(k, sh[0], sh[1], true);
}

static double
skellam_ppf(const BfDist *self, double p, const double *sh)
{
	double		mu1 = sh[0],
				mu2 = sh[1];

	if (skellam_bad(mu1, mu2))
		return NAN;
	return bf_discrete_ppf(self, p, sh,
						   mu1 - mu2 + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(mu1 + mu2));
}

static void
skellam_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];
	double		d = s->mean - loc,
				v = s->sd * s->sd;

	out[0] = fmax(0.5 * (v + d), 1e-3);
	out[1] = fmax(0.5 * (v - d), 1e-3);
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_poisson[] = {
	{.name = "poisson", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"mu", DOM_NONNEG}},
		.description = "Poisson: counts of events at rate mu (Johnson, Kemp & Kotz 2005, ch. 4)",
		.support_text = "x = loc, loc + 1, ...",
		.support = bf_support_count, BF_FNS(poisson), .fit = {.start = poisson_start}},
	{.name = "skellam", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"mu1", DOM_POS, .limit_lo = "a reflected poisson"},
			{"mu2", DOM_POS, .limit_lo = "poisson"}},
		.description = "Skellam: the difference of two independent Poisson counts (Skellam 1946)",
		.support_text = "x = ..., loc - 1, loc, loc + 1, ...",
		.support = bf_support_integers, BF_FNS(skellam), .fit = {.start = skellam_start}},
};
const int	bf_family_poisson_size = sizeof(bf_family_poisson) / sizeof(bf_family_poisson[0]);
