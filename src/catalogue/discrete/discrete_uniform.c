/*
 * discrete_uniform.c — the discrete uniform distribution (scipy.stats.randint).
 *
 *   pmf(k; low, high) = 1 / (high - low),  k = low, low + 1, ..., high - 1
 *   cdf(k) = (floor(k) - low + 1) / (high - low),
 *   sf(k)  = (high - 1 - floor(k)) / (high - low)
 * with integers low < high (Johnson, Kemp & Kotz 2005, 6.10.1; scipy's
 * randint: the same formulas, its _argcheck high > low).  The counts are
 * exact in doubles for |low|, |high| <= 2^52, so sf is exact, not 1 - cdf.
 * Quantile: scipy's closed form ceil(p (high - low) + low) - 1, checked by
 * bf_discrete_ppf (the smallest k with cdf(k) >= p).
 * Start: low = min - loc, high = max - loc + 1 (the MLE of the support).
 * loc and low are redundant (only low + loc matters), as in scipy.
 */
#include <math.h>

#include "catalogue/discrete/discrete.h"

static bool
randint_bad(const double *sh)
{
	return isnan(sh[0]) || isnan(sh[1]) || !(sh[1] > sh[0]) || !isfinite(sh[0]) ||
		!isfinite(sh[1]);
}

static void
randint_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	if (randint_bad(sh))
	{
		*klo = *khi = NAN;
		return;
	}
	*klo = sh[0];
	*khi = sh[1] - 1;
}

static const char *
randint_argcheck(const BfDist *self, const double *sh)
{
	return sh[1] > sh[0] ? NULL : "high > low";
}

static double
randint_logpdf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || randint_bad(sh))
		return NAN;
	if (!bf_is_int(k) || k < sh[0] || k >= sh[1])
		return -INFINITY;
	return -log(sh[1] - sh[0]);
}

static double
randint_cdf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || randint_bad(sh))
		return NAN;
	k = floor(k);
	if (k < sh[0])
		return 0.0;
	if (k >= sh[1] - 1)
		return 1.0;
	return (k - sh[0] + 1) / (sh[1] - sh[0]);
}

static double
randint_sf(const BfDist *self, double k, const double *sh)
{
	if (isnan(k) || randint_bad(sh))
		return NAN;
	k = floor(k);
	if (k < sh[0])
		return 1.0;
	if (k >= sh[1] - 1)
		return 0.0;
	return (sh[1] - 1 - k) / (sh[1] - sh[0]);
}

static double
randint_ppf(const BfDist *self, double p, const double *sh)
{
	if (randint_bad(sh))
		return NAN;
	return bf_discrete_ppf(self, p, sh, ceil(p * (sh[1] - sh[0]) + sh[0]) - 1);
}

static void
randint_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];

	out[0] = floor(s->min - loc);
	out[1] = floor(s->max - loc) + 1;
	if (!bf_is_free(fx, 0) && bf_is_free(fx, 1))
		out[1] = fmax(out[1], fx[0] + 1);
	if (!bf_is_free(fx, 1) && bf_is_free(fx, 0))
		out[0] = fmin(out[0], fx[1] - 1);
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_discrete_uniform[] = {
	{.name = "randint", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"low", DOM_REAL, true}, {"high", DOM_REAL, true}},
		.description = "discrete uniform on low, ..., high - 1 (Johnson, Kemp & Kotz 2005, 6.10.1)",
		.support_text = "x = loc + low, ..., loc + high - 1",
		.support = randint_support, .argcheck = randint_argcheck, BF_FNS(randint),
	.fit = {.start = randint_start}},
};
const int	bf_family_discrete_uniform_size =
sizeof(bf_family_discrete_uniform) / sizeof(bf_family_discrete_uniform[0]);
