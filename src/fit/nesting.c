/*
 * nesting.c — a family never reports a worse fit than its own special case.
 *
 * Many entries nest another: at some shapes held at fixed values their
 * density is the other's, with the same loc and scale (scipy's own
 * definitions: genhyperbolic(-1/2, a, b) is norminvgauss(a, b),
 * exponweib(1, c) is weibull_min(c), ncx2(df, 0) is chi2(df); the
 * catalogue's nest hint, catalogue/entry.h).  Every parameter value of the
 * inner family is then a parameter value of the outer one, so the outer
 * family's maximum likelihood is at least the inner one's.  A search can
 * still end below it: a local optimum, a ridge walk cut short by its budget,
 * a first stage from a start far from the inner family (measured on 36
 * stored sketches, 2026-12-04: genhyperbolic 3,654 log-likelihood units
 * below norminvgauss on weather.csv's precipitation, exponweib 498,902 below
 * weibull_min on the baby names, ncf 1,056 below f on the wind directions).
 * A statistician reading the rows would rightly distrust such a table.
 *
 * So, when both entries of a pair are fitted to one sketch with no fixed
 * parameters, both fits succeeded and the inner one's log-likelihood is
 * higher by more than BF_NEST_MARGIN, the outer entry is fitted again from
 * the inner optimum embedded in its parameters (the warm path of
 * bf_fit_continuous_from: the travel stage on each copy, then the polish),
 * and the embedded point itself is the fallback should that search end
 * lower: the outer fit reported is the best of its own, the warm refit and
 * the embedded point.  When the inner fit is at one of its family's limits
 * (a free shape beyond its warning's threshold: beta's a = 16,656 on
 * normal data, "numerically norm"), the embedded point is at that limit too
 * and is taken without a search: over 36 sketches the searches from such
 * points gained 0.41 units at most (powerlognorm from lognorm on a
 * 10,000,000-row normal) and cost the near-normal zoo sketches 9-14 % of
 * their CPU (gausshyper from beta, gengamma from gamma, nct from t).  So is
 * an embedded point less than BF_NEST_SEARCH_MARGIN above the outer fit:
 * the outer search then ended next to it, and on the 36 sketches
 * (2026-12-05) the nine searched refits from such points gained 0.28
 * units at most over the point itself (burr12 from fisk on 1,000 t(3)
 * draws; five gained nothing, three ended lower: levy_stable from norm)
 * at up to 74 ms each (ncf from f on the zoo's lognormal s = 0.5).  The
 * pass runs after all the candidates, in one process (the leader), so it
 * depends only on their results: the same whatever the number of workers.
 * What it does not do: a fit of the outer
 * entry alone, or with fixed parameters, is not compared (its inner fit is
 * not there); nor are families whose nesting needs several shapes tied
 * together (jf_skew_t's a = b, a scaled t).  A nesting may change the scale
 * by a fixed factor (levy_stable(2, 0) is a normal of scale sqrt 2 times
 * its own).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fit/internal.h"
#include "metrics/metrics.h"

/* log-likelihood units by which the inner fit must beat the outer one */
#define BF_NEST_MARGIN 0.01
/* ... and beyond which a search from the embedded point may climb further */
#define BF_NEST_SEARCH_MARGIN 1.0

bool
bf_nest_embed(const BfDist *outer, const BfDist *inner, const double *ip, double *op)
{
	for (int m = 0; m < 2; m++)
	{
		int			n = BF_HINT(outer, nest[m].n),
					k = 0;

		if (BF_HINT(outer, nest[m].inner) == NULL ||
			strcmp(BF_HINT(outer, nest[m].inner), inner->name) != 0 ||
			outer->nshapes != inner->nshapes + n)
			continue;
		for (int i = 0; i < outer->nshapes; i++)
		{
			int			j = 0;

			while (j < n && BF_HINT(outer, nest[m].at[j]) != i)
				j++;
			op[i] = (j < n) ? BF_HINT(outer, nest[m].value[j]) : ip[k++];
		}
		op[outer->nshapes] = ip[inner->nshapes];
		op[outer->nshapes + 1] = ip[inner->nshapes + 1] *
			(BF_HINT(outer, nest[m].scale) > 0 ? BF_HINT(outer, nest[m].scale) : 1.0);
		return true;
	}
	return false;
}

int
bf_nest_refits(const BfFitData *const *ladder, int nladder, const BfDist *const *dists,
			   const double *const *fixed, int out, BfFitResult *results, int n)
{
	const BfFitData *full = ladder[nladder - 1];
	int			refits = 0;
	double		nofix[BF_MAX_PARAMS];

	for (int i = 0; i < BF_MAX_PARAMS; i++)
		nofix[i] = NAN;

	for (int k = 0; k < n && !bf_should_stop(); k++)
	{
		const BfDist *d = dists[k];

		if (d == NULL || d->kind != BF_CONTINUOUS || BF_HINT(d, nest[0].inner) == NULL ||
			!results[k].ok || !bf_all_free(d, fixed[k]))
			continue;
		for (int j = 0; j < n; j++)
		{
			double		warm[BF_MAX_PARAMS];
			double		lw;
			BfFitResult r;

			if (j == k || dists[j] == NULL || !results[j].ok || !bf_all_free(dists[j], fixed[j]) ||
				!(results[j].loglik > results[k].loglik + BF_NEST_MARGIN) ||
				!bf_nest_embed(d, dists[j], results[j].params, warm))
				continue;
			/*
			 * an inner fit at one of its family's limits (a free shape beyond
			 * its warning's threshold: "numerically norm"): the embedded
			 * point is at that limit too, and a search from it climbs the
			 * same ridge, so the point itself is the refit; likewise a point
			 * hardly above the outer fit (the file header)
			 */
			/*
			 * the embedded point's value first: the likelihood's last pass
			 * is then the refit's own, at its optimum, whose bin masses the
			 * metrics reuse (metrics.c, bf_edf_probs_from_masses; computed
			 * after the refit, this pass at the embedded point made
			 * genhyperbolic's metrics take a numerical cdf per edge at its
			 * refit on the zoo's lognormal s = 0.5 sketch: 105 ms, not 9)
			 */
			lw = bf_loglik_law(full, d, warm);
			if (bf_race_at_limit(dists[j], nofix, results[j].params, 1.0) >= 0 ||
				results[j].loglik <= results[k].loglik + BF_NEST_SEARCH_MARGIN)
			{
				memset(&r, 0, sizeof(r));
				r.ok = false;
			}
			else
				bf_fit_continuous_from(ladder, nladder, d, nofix, warm, !BF_HINT(d, expensive), true, NULL, &r);
			if (bf_should_stop())
				return refits;
			bf_debug(2, "bestfit: %s: the refit from %s's optimum reached %.4f, that optimum %.4f",
					 d->name, dists[j]->name, r.ok ? r.loglik : NAN, lw);
			if (!(r.ok && r.loglik >= lw) && isfinite(lw))
			{
				/* the inner optimum itself, which the search left for lower ground */
				int			evaluations = r.evaluations;

				memset(&r, 0, sizeof(r));
				r.dist = d;
				r.nfree = results[k].nfree;
				r.evaluations = evaluations;
				memcpy(r.params, warm, sizeof(double) * bf_nparams(d));
				bf_result_clear_metrics(&r);
				r.ok = true;
				r.loglik = lw;
				bf_information_criteria(&r, full->n);
				snprintf(r.status, sizeof(r.status), "ok");
			}
			bf_debug(1, "bestfit: %s: %.4f below %s's %.4f: refitted from it, %.4f",
					 d->name, results[k].loglik, dists[j]->name, results[j].loglik,
					 r.ok ? r.loglik : NAN);
			if (r.ok && r.loglik > results[k].loglik)
			{
				r.evaluations += results[k].evaluations;
				bf_fit_outputs(ladder, nladder, d, nofix, out, &r);
				results[k] = r;
				refits++;
			}
		}
	}
	return refits;
}
