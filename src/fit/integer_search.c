/*
 * integer_search.c — entries with integer-valued shapes (erlang's a, ksone's
 * and kstwo's n, irwinhall's n): a search over the integers with the other
 * parameters refitted at each trial; and bf_fit_one, the engine's entry
 * point.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"

/* Is v an integer (the value an integer-valued shape must take)? */
static bool
bf_is_integer(double v)
{
	return isfinite(v) && v == floor(v);
}

/*
 * Fit entry d to the data.  fixed[i] is NaN for free parameters.  ladder
 * holds nladder prepared copies of the sketch from coarsest to the full one
 * (last); the coarser ones only guide the search.  Fills res: parameters,
 * status and, when ok, every metric.
 *
 * An integer-valued shape (erlang's a, ksone's n, ...) that is free is
 * found by a search over the integers: each trial value is fixed and the
 * other parameters fitted; from the rounded start value, steps of a quarter
 * of the value (at least 1) are tried up and down, moving while the
 * log-likelihood improves and halving the step otherwise, down to 1.  The
 * profile log-likelihood in such a shape is unimodal for the catalogue's
 * integer families (erlang: the gamma's profile in a; n of the test
 * statistics), so this finds the integer optimum in O(log n) fits.  An
 * entry's integer_fit_max caps the search (irwinhall: see its entry).
 * AIC/BIC count the integer shape as a fitted parameter.
 */
void
bf_fit_one(const BfFitData *const *ladder, int nladder, const BfDist *d,
		   const double *fixed, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];
	int			k = -1;
	double		fx[BF_MAX_PARAMS];
	double		start[BF_MAX_PARAMS];
	double		cur,
				step,
				lo;
	BfFitResult trial;
	double		tried[64];
	int			ntried = 0;

	for (int i = 0; i < d->nshapes; i++)
		if (bf_shape_is_integer(d, i))
		{
			if (!isnan(fixed[i]) && !bf_is_integer(fixed[i]))
			{
				memset(res, 0, sizeof(*res));
				res->dist = d;
				res->loglik = res->aic = res->bic = NAN;
				res->ks = res->ks_pvalue = res->ad = res->sse = NAN;
				for (int j = 0; j < BF_MAX_PARAMS; j++)
					res->params[j] = NAN;
				snprintf(res->status, sizeof(res->status),
						 "not fitted: fixed %s must be an integer", bf_param_name(d, i));
				return;
			}
			if (isnan(fixed[i]) && k < 0)
				k = i;
		}
	if (k < 0 || full->n < 2 || full->min == full->max)
	{
		bf_fit_continuous(ladder, nladder, d, fixed, true, res);
		return;
	}

	/* the integer search */
	memcpy(fx, fixed, sizeof(fx));
	bf_start_values(ladder[0], full, d, fixed, start, NULL, NULL);
	lo = ceil(bf_shape_domain(d, k)->lo);
	if (!bf_shape_domain(d, k)->lo_closed && lo == bf_shape_domain(d, k)->lo)
		lo += 1;
	cur = Max(lo, rint(start[k]));
	if (!isfinite(cur))
		cur = Max(lo, 1);
	if (BF_HINT(d, integer_fit_max) > 0 && cur > BF_HINT(d, integer_fit_max))
		cur = BF_HINT(d, integer_fit_max);
	fx[k] = cur;
	bf_fit_continuous(ladder, nladder, d, fx, false, res);
	tried[ntried++] = cur;
	step = Max(1.0, floor(0.25 * cur));
	while (step >= 1 && ntried < (int) lengthof(tried) - 2)
	{
		bool		moved = false;

		for (int dir = 1; dir >= -1 && !moved; dir -= 2)
		{
			double		v = cur + dir * step;
			bool		seen = false;

			if (v < lo || v > bf_shape_domain(d, k)->hi || v > 1e9 ||
				(BF_HINT(d, integer_fit_max) > 0 && v > BF_HINT(d, integer_fit_max)))
				continue;
			for (int j = 0; j < ntried; j++)
				seen |= tried[j] == v;
			if (seen)
				continue;
			tried[ntried++] = v;
			fx[k] = v;
			bf_fit_continuous(ladder, nladder, d, fx, false, &trial);
			if (trial.ok && (!res->ok || trial.loglik > res->loglik))
			{
				int			evals = res->evaluations;

				*res = trial;
				res->evaluations += evals;
				cur = v;
				moved = true;
			}
			else
				res->evaluations += trial.evaluations;
		}
		/* pattern search: stride on while it gains, halve when it does not */
		if (moved)
			step *= 2;
		else
			step = floor(step / 2);
	}
	/* polish the winner on the full sketch */
	if (res->ok && nladder > 1)
	{
		int			evals = res->evaluations;

		fx[k] = res->params[k];
		bf_fit_continuous(ladder, nladder, d, fx, true, &trial);
		if (trial.ok && trial.loglik >= res->loglik)
			*res = trial;
		res->evaluations = evals + trial.evaluations;
	}
	/* the integer shape was estimated: count it in AIC and BIC */
	if (res->ok)
	{
		res->nfree += 1;
		res->aic = 2.0 * res->nfree - 2.0 * res->loglik;
		res->bic = res->nfree * log(full->n) - 2.0 * res->loglik;
	}
	else
		res->nfree += 1;
}

