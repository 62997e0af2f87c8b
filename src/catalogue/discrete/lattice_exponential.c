/*
 * lattice_exponential.c — exponential laws on the integers: planck,
 * boltzmann, dlaplace (scipy.stats' names, shapes and order; scipy's
 * _discrete_distns.py for the forms; Johnson, Kemp & Kotz, "Univariate
 * Discrete Distributions", 3rd ed. 2005, ch. 5 (the geometric law);
 * S. Inusah & T. J. Kozubowski, "A discrete analogue of the Laplace
 * distribution", J. Statist. Plann. Inference 136, 2006 (dlaplace, the
 * reference of scipy's dlaplace)).
 *
 * planck(lambda_), k = 0, 1, ..., lambda_ > 0 (a geometric law on
 * {0, 1, ...} with p = 1 - exp(-lambda_)):
 *   pmf(k) = (1 - e^-l) e^(-l k),  cdf(k) = -expm1(-l (k + 1)),
 *   sf(k) = exp(-l (k + 1))
 * Start: the MLE l = log1p(1 / mean) (mean = 1 / expm1(l)).
 *
 * boltzmann(lambda_, N), k = 0, ..., N - 1, lambda_ > 0, N >= 1 an integer
 * (planck truncated to N values):
 *   pmf(k) = (1 - e^-l) e^(-l k) / (1 - e^(-l N))
 *   cdf(k) = expm1(-l (k + 1)) / expm1(-l N)
 *   sf(k) = e^(-l (k + 1)) expm1(-l (N - k - 1)) / expm1(-l N)
 * (scipy's cdf is (1 - exp(-l (k + 1))) / (1 - exp(-l N)), which loses digits
 * at small l, and its sf is 1 - cdf.)  Start: N = the data's maximum + 1 (the
 * MLE of N given l: the likelihood falls as N grows past it) and planck's l.
 *
 * dlaplace(a), all integers k, a > 0:
 *   pmf(k) = tanh(a / 2) e^(-a |k|),  log tanh(a / 2) = log(-expm1(-a)) -
 *   log1p(e^-a);  cdf(k) = 1 - e^(-a (k + 1)) / (1 + e^-a) for k >= 0 and
 *   e^(a k) / (1 + e^-a) for k < 0 (scipy's, with e^a / (e^a + 1) divided
 *   out so that it does not overflow);  sf(k) = cdf(-k - 1) (symmetry).
 * Start: a from the second moment about loc, v = 2 e^-a / (1 - e^-a)^2:
 *   e^-a = (v + 1 - sqrt(2 v + 1)) / v.
 *
 * Quantiles: bf_discrete_ppf from the closed-form inverses of the cdfs.
 */
#include <math.h>

#include "catalogue/discrete/discrete.h"

/* --------------------------------------------------------------- planck */

static double
planck_logpdf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0];

	if (isnan(k) || isnan(l) || !(l > 0))
		return NAN;
	if (!bf_is_int(k) || k < 0)
		return -INFINITY;
	return log(-expm1(-l)) - l * k;
}

static double
planck_cdf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0];

	if (isnan(k) || isnan(l) || !(l > 0))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 0.0;
	return -expm1(-l * (k + 1));
}

static double
planck_sf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0];

	if (isnan(k) || isnan(l) || !(l > 0))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 1.0;
	return exp(-l * (k + 1));
}

static double
planck_ppf(const BfDist *self, double p, const double *sh)
{
	double		l = sh[0];

	if (isnan(l) || !(l > 0))
		return NAN;
	return bf_discrete_ppf(self, p, sh, -log1p(-p) / l - 1);
}

/* the MLE of lambda_ for mean m of k: mean = 1 / expm1(l) */
static double
planck_lambda(double m)
{
	return m > 0 ? log1p(1.0 / m) : 10.0;
}

static void
planck_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];

	out[0] = planck_lambda(s->mean - loc);
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------ boltzmann */

static bool
boltzmann_bad(double l, double N)
{
	return isnan(l) || isnan(N) || !(l > 0) || !(N > 0) || !isfinite(N);
}

static double
boltzmann_logpdf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0],
				N = sh[1];

	if (isnan(k) || boltzmann_bad(l, N))
		return NAN;
	if (!bf_is_int(k) || k < 0 || k > N - 1)
		return -INFINITY;
	return log(-expm1(-l)) - l * k - log(-expm1(-l * N));
}

static double
boltzmann_cdf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0],
				N = sh[1];

	if (isnan(k) || boltzmann_bad(l, N))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 0.0;
	if (k >= N - 1)
		return 1.0;
	return expm1(-l * (k + 1)) / expm1(-l * N);
}

static double
boltzmann_sf(const BfDist *self, double k, const double *sh)
{
	double		l = sh[0],
				N = sh[1];

	if (isnan(k) || boltzmann_bad(l, N))
		return NAN;
	k = floor(k);
	if (k < 0)
		return 1.0;
	if (k >= N - 1)
		return 0.0;
	return exp(-l * (k + 1)) * (expm1(-l * (N - k - 1)) / expm1(-l * N));
}

static double
boltzmann_ppf(const BfDist *self, double p, const double *sh)
{
	double		l = sh[0],
				N = sh[1];

	if (boltzmann_bad(l, N))
		return NAN;
	return bf_discrete_ppf(self, p, sh, -log1p(p * expm1(-l * N)) / l - 1);
}

static void
boltzmann_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	*klo = 0;
	*khi = sh[1] - 1;
}

static void
boltzmann_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 2) ? 0.0 : fx[2];

	out[0] = planck_lambda(s->mean - loc);
	out[1] = fmax(ceil(s->max - loc) + 1, 1.0);
	out[2] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

/* ------------------------------------------------------------- dlaplace */

static double
dlaplace_logpdf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0];

	if (isnan(k) || isnan(a) || !(a > 0))
		return NAN;
	if (!bf_is_int(k))
		return -INFINITY;
	return log(-expm1(-a)) - log1p(exp(-a)) - a * fabs(k);
}

/* P(K <= k) at integer k */
static double
dlaplace_cdf_int(double k, double a)
{
	if (k >= 0)
		return 1 - exp(-a * (k + 1)) / (1 + exp(-a));
	return exp(a * k) / (1 + exp(-a));
}

static double
dlaplace_cdf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0];

	if (isnan(k) || isnan(a) || !(a > 0))
		return NAN;
	return dlaplace_cdf_int(floor(k), a);
}

static double
dlaplace_sf(const BfDist *self, double k, const double *sh)
{
	double		a = sh[0];

	if (isnan(k) || isnan(a) || !(a > 0))
		return NAN;
	return dlaplace_cdf_int(-floor(k) - 1, a);
}

static double
dlaplace_ppf(const BfDist *self, double p, const double *sh)
{
	double		a = sh[0],
				c = 1 + exp(-a),
				g;

	if (isnan(a) || !(a > 0))
		return NAN;
	/* invert the two branches of the cdf (the larger at p = 1/2 is >= 0) */
	g = p <= 0.5 ? log(p * c) / a : -log((1 - p) * c) / a - 1;
	return bf_discrete_ppf(self, p, sh, g);
}

static void
dlaplace_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 1) ? 0.0 : fx[1];
	double		d = s->mean - loc,
				v = s->sd * s->sd + d * d;

	out[0] = v > 0 ? -log((v + 1 - sqrt(2 * v + 1)) / v) : 5.0;
	out[1] = loc;
	bf_discrete_finish_start(self, s, fx, out);
}

const BfDist bf_family_lattice_exponential[] = {
	{.name = "planck", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"lambda_", DOM_POS}},
		.description = "Planck: a discrete exponential, geom(1 - exp(-lambda_)) shifted to 0 (Johnson, Kemp & Kotz 2005, ch. 5)",
		.support_text = "x = loc, loc + 1, ...",
		.support = bf_support_count, BF_FNS(planck), .fit = {.start = planck_start}},
	{.name = "boltzmann", .kind = BF_DISCRETE, .nshapes = 2,
		.shapes = {{"lambda_", DOM_POS, .limit_lo = "randint"},
			{"N", {0.0, INFINITY, false, false}, true, .limit_hi = "planck"}},
		.description = "Boltzmann: a truncated discrete exponential on N values (scipy.stats.boltzmann)",
		.support_text = "x = loc, loc + 1, ..., loc + N - 1",
		.support = boltzmann_support, BF_FNS(boltzmann), .fit = {.start = boltzmann_start}},
	{.name = "dlaplace", .kind = BF_DISCRETE, .nshapes = 1,
		.shapes = {{"a", DOM_POS}},
		.description = "discrete Laplace: a two-sided geometric law on the integers (Inusah & Kozubowski 2006)",
		.support_text = "x = ..., loc - 1, loc, loc + 1, ...",
		.support = bf_support_integers, BF_FNS(dlaplace), .fit = {.start = dlaplace_start}},
};
const int	bf_family_lattice_exponential_size =
sizeof(bf_family_lattice_exponential) / sizeof(bf_family_lattice_exponential[0]);
