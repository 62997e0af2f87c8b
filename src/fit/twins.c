/*
 * twins.c — entries whose fits are the same computation, fitted once; and
 * entries that are one law under two parametrisations, fitted once.
 *
 * scipy has pairs of names for one law on one support: vonmises and
 * vonmises_line have the same density on [-pi, pi] (scipy.stats: vonmises
 * is the circular distribution, vonmises_line "on the line segment"; their
 * pdf, cdf on the segment and fit are the same), and the catalogue lists
 * both, with the same functions and the same fit hints, so that results
 * compare one to one with scipy's names.  A fit is a function of the
 * sketch, the entry's functions and hints and the fixed parameters
 * (fit.h), so two such entries fitted with the same fixed parameters get
 * the same result bit for bit: the second one's is a copy of the first's
 * (the callers: src/pg/parallel.c, test/bench/fitprof.c), which saves the
 * whole fit (vonmises: 1.6 % of the zoo's CPU).
 *
 * Twins are recognised from the entries themselves (bf_same_fit): the same
 * kind, shapes (domains, integer flags, limits named in warnings), support,
 * density, cdf, sf and bin-mass functions and the same fit hints, byte for
 * byte.  Anything else that differs (the name, the description, the
 * quantile function, aliases) does not enter a fit.  Functions that read
 * their entry through self would break this; none does (unitcheck's
 * test_twins fits both entries of every pair in full and compares).
 *
 * Same laws under other parameters (catalogue/entry.h, same_law): scipy
 * also lists one family under two parametrisations, chi2(df, loc, s) =
 * gamma(df / 2, loc, 2 s), f(dfn, dfd, loc, s) = betaprime(dfn / 2, dfd / 2,
 * loc, s dfd / dfn), nakagami(nu, loc, s) = chi(2 nu, loc, s / sqrt(2 nu)),
 * mielke(k, s) = burr(s, k / s) (the entries' comments derive each from
 * scipy's densities).  The likelihood depends on the law alone, so the
 * maximum likelihood estimate of one parametrisation is the other's mapped
 * (Casella & Berger, Statistical Inference, 2nd ed., Theorem 7.2.10,
 * invariance of the MLE): the entry that names the other as its same_law
 * (gamma, betaprime, chi, mielke) gets that fit's parameters mapped
 * (bf_fit_same_law) and its log-likelihood (its own there, which agrees to
 * 1e-9 relative or the entry is fitted itself), with its own metrics,
 * warnings and standard errors computed there, and is not searched.  Searched
 * separately, the two searches of a pair ended apart where a likelihood
 * climbs a ridge (measured on 36 sketches, 2026-12-04): f 6,326 above
 * betaprime on a 10,000,000-row normal, nakagami 216 above chi on hflights'
 * TaxiOut, burr 5,395 above mielke on weather's visibility, chi2 3.9 above
 * gamma on the zoo's uniform sketch; the entry searched is the one whose
 * search ended higher there (f, chi2, nakagami, burr), and the other one's
 * own search was ahead by at most 0.56 (betaprime), 0.03 (gamma), 1.4
 * (chi) and 3.2 (mielke) elsewhere: so much lower is its row now.  Both
 * rows then report one fit of one law; best_fit takes the mapped entry
 * when the two tie (metrics.c, bf_choose_best).  Only with no parameter
 * fixed (fixed values would have to be mapped too); the entry fitted
 * without its same_law in the set is searched as before.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fit/internal.h"
#include "metrics/metrics.h"

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool
bf_same_fit(const BfDist *a, const BfDist *b)
{
	if (a == b)
		return true;
	if (a->kind != b->kind || a->nshapes != b->nshapes || a->support != b->support ||
		a->logpdf != b->logpdf || a->cdf != b->cdf || a->sf != b->sf ||
		a->log_mass != b->log_mass || memcmp(&a->fit, &b->fit, sizeof(BfFitHints)) != 0)
		return false;
	for (int i = 0; i < a->nshapes; i++)
		if (memcmp(&a->shapes[i].domain, &b->shapes[i].domain, sizeof(BfDomain)) != 0 ||
			a->shapes[i].integer != b->shapes[i].integer ||
			!same_text(a->shapes[i].name, b->shapes[i].name) ||
			!same_text(a->shapes[i].limit_lo, b->shapes[i].limit_lo) ||
			!same_text(a->shapes[i].limit_hi, b->shapes[i].limit_hi))
			return false;
	return true;
}

/* the same fixed vectors (NULL: none fixed; NaN: free), bit for bit where fixed */
static bool
same_fixed(const BfDist *d, const double *a, const double *b)
{
	for (int i = 0; i < bf_nparams(d); i++)
	{
		double		x = a ? a[i] : NAN,
					y = b ? b[i] : NAN;

		if (isnan(x) != isnan(y) || (!isnan(x) && memcmp(&x, &y, sizeof(double)) != 0))
			return false;
	}
	return true;
}

int
bf_fit_twin(const BfDist *const *dists, const double *const *fixed, int c)
{
	for (int t = 0; t < c; t++)
		if (dists[t] != NULL && dists[c] != NULL &&
			bf_same_fit(dists[t], dists[c]) && same_fixed(dists[c], fixed[t], fixed[c]))
			return t;
	return -1;
}

int
bf_same_law_source(const BfDist *const *dists, const double *const *fixed, int n, int c)
{
	const BfDist *d = dists[c];

	if (d == NULL || BF_HINT(d, same_law) == NULL || BF_HINT(d, same_law_map) == NULL ||
		!bf_all_free(d, fixed[c]))
		return -1;
	for (int t = 0; t < n; t++)
		if (t != c && dists[t] != NULL && BF_HINT(dists[t], same_law) == NULL &&
			strcmp(dists[t]->name, BF_HINT(d, same_law)) == 0 && bf_all_free(dists[t], fixed[t]))
			return t;
	return -1;
}

bool
bf_fit_same_law(const BfFitData *const *ladder, int nladder, const BfDist *d,
				const BfFitResult *src, int out, BfFitResult *res)
{
	static const char dropped[] = "not fitted: dropped by best_fit's race";
	const BfFitData *full = ladder[nladder - 1];
	double		nofix[BF_MAX_PARAMS];
	double		ll;
	int			k;

	for (int i = 0; i < BF_MAX_PARAMS; i++)
		nofix[i] = NAN;
	memset(res, 0, sizeof(*res));
	res->dist = d;
	res->nfree = src->nfree;
	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->params[i] = res->se[i] = NAN;
	BF_HINT(d, same_law_map) (src->params, res->params);
	bf_result_clear_metrics(res);
	if (src->ok)
	{
		/*
		 * d's own value, which differs from src's by the rounding of the two
		 * entries' functions; src's is reported, so that the two rows'
		 * AIC and BIC tie exactly (metrics.c ranks the mapped one first
		 * then).  Farther apart (a precision limit of one entry's
		 * functions, none seen): d is fitted itself.
		 */
		ll = bf_loglik_law(full, d, res->params);
		if (!(fabs(ll - src->loglik) <= 1e-9 * fmax(1.0, fabs(src->loglik))))
			return false;
		res->ok = true;
		res->loglik = src->loglik;
		bf_information_criteria(res, full->n);
		snprintf(res->status, sizeof(res->status), "ok");
		bf_fit_outputs(ladder, nladder, d, nofix, out, res);
		return true;
	}
	if (strncmp(src->status, dropped, sizeof(dropped) - 1) == 0)
	{
		memcpy(res->status, src->status, sizeof(res->status));
		return true;
	}
	if (src->passed_over && (k = bf_race_at_limit(d, nofix, res->params, 1.0)) >= 0)
	{
		res->passed_over = true;
		snprintf(res->status, sizeof(res->status),
				 "not fitted: passed over by best_fit's race (its search reached %s = %.6g, a limit of the family)",
				 bf_param_name(d, k), res->params[k]);
		return true;
	}
	return false;
}
