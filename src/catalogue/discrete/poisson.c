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
 */
#include <math.h>

#include <gsl/gsl_errno.h>
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

const BfDist bf_family_poisson[] = {
	{.name = "poisson", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"mu", DOM_NONNEG}},
		.description = "Poisson: counts of events at rate mu (Johnson, Kemp & Kotz 2005, ch. 4)",
		.support_text = "x = loc, loc + 1, ...",
		.support = bf_support_count, BF_FNS(poisson), .fit = {.start = poisson_start}},
};
const int	bf_family_poisson_size = sizeof(bf_family_poisson) / sizeof(bf_family_poisson[0]);
