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
#include "catalogue/common.h"

/* Is v an integer (the value an integer-valued shape must take)? */
static bool
bf_is_integer(double v)
{
	return isfinite(v) && v == floor(v);
}

/* Bounds of integer shape k's search: its domain's integers, the entry's cap. */
static void
bf_integer_bounds(const BfDist *d, int k, double *lo, double *hi)
{
	const BfDomain *dom = bf_shape_domain(d, k);

	*lo = ceil(dom->lo);
	if (!dom->lo_closed && *lo == dom->lo)
		*lo += 1;
	*hi = Min(dom->hi, 1e9);
	if (BF_HINT(d, integer_fit_max) > 0)
		*hi = Min(*hi, BF_HINT(d, integer_fit_max));
}

/*
 * Integer points fitted per search: a new round of steps starts only while
 * fewer than BF_TRIAL_BUDGET were fitted; the table has room for a round's
 * 2 * BF_MAX_SHAPES more.
 */
#define BF_TRIAL_BUDGET 62
#define BF_MAX_TRIALS (BF_TRIAL_BUDGET + 2 * BF_MAX_SHAPES)

/*
 * One trial of the lattice search: the other parameters fitted with the
 * integer shapes held at fx's values.  When no other shape is free, the
 * trial starts from the entry's start values for those integers (loc and
 * scale matched to the data) and skips the broad first stage and its grid,
 * which only a shape search needs: irwinhall's trials cost a fifth as much.
 */
static void
bf_fit_trial(const BfFitData *const *ladder, int nladder, const BfDist *d,
			 const double *fx, BfFitResult *trial)
{
	double		warm[BF_MAX_PARAMS];
	bool		shapes_fixed = true;

	for (int i = 0; i < d->nshapes; i++)
		shapes_fixed &= !isnan(fx[i]);
	if (!shapes_fixed)
	{
		bf_fit_continuous(ladder, nladder, d, fx, false, trial);
		return;
	}
	bf_start_values(ladder[0], ladder[nladder - 1], d, fx, warm, NULL, NULL);
	for (int i = 0; i < bf_nparams(d); i++)
		if (!isnan(fx[i]))
			warm[i] = fx[i];
	bf_fit_continuous_from(ladder, nladder, d, fx, warm, false, false, NULL, trial);
}

/*
 * Walk a ridge towards a limiting family (the entry's ridge_shape k, by its
 * ridge_factor, or by 2 for a relaxed integer shape): from the fit's value
 * of shape k, multiply it by the factor (staying inside [lo, hi]) while the
 * log-likelihood with the other parameters at the entry's start values for
 * that shape (moment or quantile matching: gamma's loc and scale given a)
 * keeps growing, one evaluation per step on the finest coarse copy; then
 * refit from the best point and keep that fit when it is better.  Along
 * gamma's ridge (a growing as the data look normal, loc and scale
 * following as sqrt(a)) the simplex crawls while start matching follows the
 * ridge exactly.  At most 40 steps, and none after one that gained less
 * than BF_RIDGE_MIN_GAIN.  Returns the evaluations spent.
 */
#define BF_RIDGE_MIN_GAIN 0.05

/*
 * The walk's steps from shape k = v on the finest coarse copy: into best
 * its best point, into *best_ll that point's log-likelihood there, into
 * *evals the evaluations; the steps taken (fewer than 2: no ridge).
 */
static int
bf_ridge_steps(const BfFitData *const *ladder, int nladder, const BfDist *d,
			   const double *fixed, int k, double v, double factor, double lo, double hi,
			   double *best, double *best_ll, int *evals)
{
	const BfFitData *fd = ladder[nladder > 1 ? nladder - 2 : 0];
	double		fx[BF_MAX_PARAMS];
	double		p[BF_MAX_PARAMS];
	int			np = bf_nparams(d);
	int			steps = 0;
	double		gain;

	*best_ll = -INFINITY;
	*evals = 0;
	memcpy(fx, fixed, sizeof(fx));
	for (; v >= lo && v <= hi && steps < 40 && !bf_should_stop(); v *= factor, steps++)
	{
		double		ll;

		fx[k] = v;
		bf_start_values(ladder[0], ladder[nladder - 1], d, fx, p, NULL, NULL);
		for (int i = 0; i < np; i++)
			if (!isnan(fx[i]))
				p[i] = fx[i];
		if (BF_HINT(d, ridge_moments) != NULL)
		{
			double		zm,
						zs;

			BF_HINT(d, ridge_moments) (d, p, &zm, &zs);
			if (isfinite(zm) && zs > 0 && isfinite(zs))
				bf_locscale_moments(&ladder[nladder - 1]->summary, fx, d->nshapes, zm, zs, p);
		}
		ll = bf_loglik(fd, d, p);
		(*evals)++;
		if (!(ll > *best_ll))
			break;
		gain = ll - *best_ll;
		*best_ll = ll;
		memcpy(best, p, sizeof(double) * BF_MAX_PARAMS);
		/*
		 * the gains along the ridge shrink geometrically; stop when a step
		 * gains less than BF_RIDGE_MIN_GAIN (the limit is then within a few
		 * times that), which also keeps the shape where other software
		 * evaluates the fitted law accurately (scipy's gamma at a = 1e11
		 * is not)
		 */
		if (steps > 0 && gain < BF_RIDGE_MIN_GAIN)
		{
			steps++;
			break;
		}
	}
	return steps;
}

static int
bf_ridge_walk(const BfFitData *const *ladder, int nladder, const BfDist *d,
			  const double *fixed, int k, double factor, double lo, double hi,
			  bool polish, BfFitResult *fit)
{
	double		best[BF_MAX_PARAMS];
	double		best_ll;
	int			evals;
	BfFitResult walked;

	if (bf_ridge_steps(ladder, nladder, d, fixed, k, fit->params[k], factor, lo, hi,
					   best, &best_ll, &evals) < 2)
		return evals;			/* the first step did not gain: no ridge */
	bf_fit_continuous_from(ladder, nladder, d, fixed, best, false, polish, NULL, &walked);
	evals += walked.evaluations;
	if (walked.ok && walked.loglik > fit->loglik)
	{
		bf_debug(1, "bestfit: %s: ridge walk from %s = %g to %g gains %g",
				 d->name, bf_param_name(d, k), fit->params[k], walked.params[k],
				 walked.loglik - fit->loglik);
		walked.evaluations = fit->evaluations;
		*fit = walked;
	}
	return evals;
}

/* an entry's ridge walk: its factor and the range of its ridge shape k */
static void
bf_ridge_range(const BfDist *d, int k, double *factor, double *lo, double *hi)
{
	const BfDomain *dom = bf_shape_domain(d, k);

	*factor = BF_HINT(d, ridge_factor) > 0 ? BF_HINT(d, ridge_factor) : 2.0;
	/* up to the entry's search cap (catalogue/entry.h, fit_max), as the search */
	*hi = Min(dom->hi, BF_HINT(d, fit_max[k]) > 0 ? BF_HINT(d, fit_max[k]) : 1e300);
	*lo = Max(dom->lo, 1e-300);
}

int
bf_ridge_probe(const BfFitData *const *ladder, int nladder, const BfDist *d,
			   const double *fixed, const double *params, double *end, int *evals)
{
	int			k = BF_HINT(d, ridge_shape) - 1;
	double		factor,
				lo,
				hi,
				best_ll;

	*evals = 0;
	if (k < 0 || !isnan(fixed[k]) || nladder < 2)
		return -1;
	bf_ridge_range(d, k, &factor, &lo, &hi);
	if (bf_ridge_steps(ladder, nladder, d, fixed, k, params[k], factor, lo, hi,
					   end, &best_ll, evals) < 2)
		return -1;
	(*evals)++;					/* the search's end on the same copy */
	return best_ll > bf_loglik(ladder[nladder - 2], d, params) ? k : -1;
}

/*
 * An integer shape k whose entry accepts real values (integer_relaxable):
 * fit it as a real parameter, then fit the other parameters at the integers
 * on either side of the real optimum, warm-started from it, and keep the
 * better.  The profile log-likelihood of the catalogue's relaxable shapes is
 * unimodal (erlang: the gamma's profile in a), so the integer optimum is one
 * of those two.  Three or four fits in all, whatever the data: on a ridge
 * towards a limiting family (erlang's a growing without bound as the data
 * look normal) the ridge walk (bf_ridge_walk, one more fit) carries the real
 * fit to where the log-likelihood stops growing, and the integers next to
 * it are reported.  Returns false (res
 * untouched) when the real fit fails, for the lattice search to try.
 * With best_fit's race (race.c, race->limits), a real fit whose search on
 * the coarse copies ends at a family's limit is passed over there, as any
 * continuous fit is (res: that result, true): the ridge walk only carries
 * the shape further out and the integers are next to it, so the fit would
 * end at the limit with its warning (erlang on the 10,000,000-row normal:
 * a = 24,691 after the coarse copies, 8.1e8 after the walk; the walk and
 * the two integer fits were 60 % of its bins).
 */
static bool
bf_fit_relaxed(const BfFitData *const *ladder, int nladder, const BfDist *d,
			   const double *fixed, int k, const BfRace *race, BfFitResult *res)
{
	BfFitResult relaxed;
	BfFitResult trial;
	double		fx[BF_MAX_PARAMS];
	double		lo,
				hi,
				v[2];
	int			evals;
	bool		found = false;

	bf_fit_continuous_from(ladder, nladder, d, fixed, NULL, false, false, race, &relaxed);
	if (relaxed.passed_over)
	{
		*res = relaxed;
		return true;
	}
	if (!relaxed.ok || bf_should_stop())
		return false;
	evals = relaxed.evaluations;
	bf_integer_bounds(d, k, &lo, &hi);
	evals += bf_ridge_walk(ladder, nladder, d, fixed, k, 2.0, lo, hi, false, &relaxed);
	v[0] = Min(Max(floor(relaxed.params[k]), lo), hi);
	v[1] = Min(Max(ceil(relaxed.params[k]), lo), hi);
	memcpy(fx, fixed, sizeof(fx));
	for (int i = 0; i < 2 && !bf_should_stop(); i++)
	{
		double		warm[BF_MAX_PARAMS];

		if (i == 1 && v[1] == v[0])
			break;
		memcpy(warm, relaxed.params, sizeof(warm));
		warm[k] = fx[k] = v[i];
		/*
		 * when rounding moves the shape by less than 0.1%, the real fit's
		 * other parameters are next to the optimum: polished on the full
		 * sketch only ("near", stages.c); else refitted from the coarse copies
		 */
		bf_fit_continuous_from(ladder, nladder, d, fx, warm,
							   fabs(v[i] - relaxed.params[k]) <= 1e-3 * fabs(relaxed.params[k]),
							   true, NULL, &trial);
		evals += trial.evaluations;
		if (trial.ok && (!found || trial.loglik > res->loglik))
		{
			*res = trial;
			found = true;
		}
	}
	if (!found)
		return false;
	res->evaluations = evals;
	/* the integer shape was estimated: count it in AIC and BIC */
	res->nfree += 1;
	bf_information_criteria(res, ladder[nladder - 1]->n);
	return true;
}

/*
 * Fit entry d to the data.  fixed[i] is NaN for free parameters.  ladder
 * holds nladder prepared copies of the sketch from coarsest to the full one
 * (last); the coarser ones only guide the search.  Fills res: parameters,
 * status and, when ok, the log-likelihood and information criteria.
 *
 * Integer-valued shapes (erlang's a, ksone's n, ...; binom's n and
 * hypergeom's M, n, N later) that are free are found by a pattern search
 * over the integer lattice (Hooke & Jeeves 1961, on integers): each trial
 * point fixes them and fits the other parameters.  From the rounded start
 * values, each integer shape in turn tries a step of a quarter of its value
 * (at least 1) up, then down; a move that improves the log-likelihood is
 * taken and that shape's step doubles, otherwise it halves, until every
 * step is below 1 or BF_TRIAL_BUDGET points were fitted.  The profile
 * log-likelihood is unimodal in the catalogue's integer shapes (erlang: the
 * gamma's profile in a; n of the test statistics), so this finds the
 * integer optimum in O(log n) fits per shape.  An entry's integer_fit_max
 * caps the search (irwinhall: see its entry).  A shape with a limiting
 * family at infinity (limit_hi: kstwo -> kstwobign, ksone -> rayleigh) stops
 * where a step up beyond the fit warnings' BF_EDGE_BIG (1e3) gains less than
 * BF_RIDGE_MIN_GAIN: the profile still rises towards the limit, by less
 * and less, while each trial costs more (kstwo's Durbin matrix grows as
 * n^(1/3), its cube times log n per value: on the zoo's exact 2,000-value
 * sketch its doublings from n = 125 gained 0.12, 0.10, 0.07, 0.045, 0.026,
 * 0.014, ... and took 0.2, 0.3, 0.5, 0.8, 1.3, 2.5, 4.6, 9.3, 17, 34 s, the
 * whole search more than 16 minutes; now it stops at n = 1,675, 0.03 below
 * n = 51,275, and the fit carries the limit's warning).  AIC/BIC count every
 * searched integer shape as a fitted parameter.
 */
static void
bf_fit_search(const BfFitData *const *ladder, int nladder, const BfDist *d,
			  const double *fixed, const BfRace *race, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];
	int			ks[BF_MAX_SHAPES];
	int			m = 0;
	double		fx[BF_MAX_PARAMS];
	double		start[BF_MAX_PARAMS];
	double		cur[BF_MAX_SHAPES],
				step[BF_MAX_SHAPES],
				lo[BF_MAX_SHAPES],
				hi[BF_MAX_SHAPES];
	BfFitResult trial;
	double		tried[BF_MAX_TRIALS][BF_MAX_SHAPES];
	int			ntried = 0;
	bool		searching;

	for (int i = 0; i < d->nshapes; i++)
		if (bf_shape_is_integer(d, i))
		{
			if (!isnan(fixed[i]) && !bf_is_integer(fixed[i]))
			{
				memset(res, 0, sizeof(*res));
				res->dist = d;
				bf_result_clear_metrics(res);
				for (int j = 0; j < BF_MAX_PARAMS; j++)
					res->params[j] = NAN;
				snprintf(res->status, sizeof(res->status),
						 "not fitted: fixed %s must be an integer", bf_param_name(d, i));
				return;
			}
			if (isnan(fixed[i]))
				ks[m++] = i;
		}
	if (m == 0 || full->n < 2 || !(full->min < full->max))
	{
		int			k = BF_HINT(d, ridge_shape) - 1;

		bf_fit_continuous_from(ladder, nladder, d, fixed, NULL, false, true, race, res);
		if (k >= 0 && res->ok && isnan(fixed[k]) && !bf_should_stop())
		{
			double		factor,
						lo,
						hi,
						alt[BF_MAX_PARAMS];
			bool		has_alt = res->has_alt;

			memcpy(alt, res->alt_params, sizeof(alt));
			bf_ridge_range(d, k, &factor, &lo, &hi);
			res->evaluations += bf_ridge_walk(ladder, nladder, d, fixed, k, factor, lo, hi, true, res);
			/*
			 * Newton's end above the simplex's (stages.c, res->alt_params):
			 * the fit from there, on the full sketch only (near), and its
			 * own walk; the better end is kept
			 */
			if (has_alt && !bf_should_stop())
			{
				BfFitResult other;

				bf_fit_continuous_from(ladder, nladder, d, fixed, alt, true, true, NULL, &other);
				res->evaluations += other.evaluations;
				if (other.ok && !bf_should_stop())
					res->evaluations += bf_ridge_walk(ladder, nladder, d, fixed, k, factor, lo, hi,
													  true, &other);
				bf_debug(1, "bestfit: %s: the fit from Newton's end, walked, %s the simplex's by %g",
						 d->name, other.ok && other.loglik > res->loglik ? "beats" : "does not beat",
						 other.ok ? other.loglik - res->loglik : NAN);
				if (other.ok && other.loglik > res->loglik)
				{
					other.evaluations = res->evaluations;
					*res = other;
				}
			}
		}
		return;
	}

	if (m == 1 && BF_HINT(d, integer_relaxable) &&
		bf_fit_relaxed(ladder, nladder, d, fixed, ks[0], race, res))
		return;

	/* the integer search, from the rounded start values */
	memcpy(fx, fixed, sizeof(fx));
	bf_start_values(ladder[0], full, d, fixed, start, NULL, NULL);
	for (int j = 0; j < m; j++)
	{
		bf_integer_bounds(d, ks[j], &lo[j], &hi[j]);
		cur[j] = Max(lo[j], rint(start[ks[j]]));
		if (!isfinite(cur[j]))
			cur[j] = Max(lo[j], 1);
		if (BF_HINT(d, integer_fit_max) > 0 && cur[j] > BF_HINT(d, integer_fit_max))
			cur[j] = BF_HINT(d, integer_fit_max);
		fx[ks[j]] = cur[j];
		step[j] = Max(1.0, floor(0.25 * cur[j]));
	}
	bf_fit_continuous(ladder, nladder, d, fx, false, res);
	memcpy(tried[ntried++], cur, sizeof(cur));
	do
	{
		searching = false;
		for (int j = 0; j < m; j++)
		{
			bool		moved = false;

			if (step[j] < 1)
				continue;
			searching = true;
			for (int dir = 1; dir >= -1 && !moved && ntried < BF_MAX_TRIALS; dir -= 2)
			{
				double		pt[BF_MAX_SHAPES];
				bool		seen = false;

				memcpy(pt, cur, sizeof(pt));
				pt[j] = cur[j] + dir * step[j];
				if (pt[j] < lo[j] || pt[j] > hi[j])
					continue;
				for (int t = 0; t < ntried && !seen; t++)
					seen = memcmp(tried[t], pt, sizeof(double) * m) == 0;
				if (seen)
					continue;
				memcpy(tried[ntried++], pt, sizeof(pt));
				for (int i = 0; i < m; i++)
					fx[ks[i]] = pt[i];
				bf_fit_trial(ladder, nladder, d, fx, &trial);
				if (trial.ok && (!res->ok || trial.loglik > res->loglik))
				{
					int			evals = res->evaluations;
					bool		ridge = res->ok && dir > 0 &&
						trial.loglik - res->loglik < BF_RIDGE_MIN_GAIN &&
						bf_shape_edge(d, ks[j], pt[j], 1.0) > 0 &&
						d->shapes[ks[j]].limit_hi != NULL;

					*res = trial;
					res->evaluations += evals;
					cur[j] = pt[j];
					moved = true;
					/* a ridge towards the limiting family: the shape as found (0 doubles to 0) */
					if (ridge)
						step[j] = 0;
				}
				else
					res->evaluations += trial.evaluations;
			}
			/* stride on while it gains, halve when it does not */
			if (moved)
				step[j] *= 2;
			else
				step[j] = floor(step[j] / 2);
		}
	} while (searching && ntried < BF_TRIAL_BUDGET && !bf_should_stop());

	/* polish the winner on the full sketch */
	if (res->ok && nladder > 1)
	{
		int			evals = res->evaluations;

		for (int j = 0; j < m; j++)
			fx[ks[j]] = res->params[ks[j]];
		bf_fit_continuous(ladder, nladder, d, fx, true, &trial);
		if (trial.ok && trial.loglik >= res->loglik)
			*res = trial;
		res->evaluations = evals + trial.evaluations;
	}
	/* the integer shapes were estimated: count them in AIC and BIC */
	res->nfree += m;
	if (res->ok)
	{
		bf_information_criteria(res, full->n);
	}
}

/*
 * The engine's entry point: the fit (bf_fit_search above), then what out
 * asks for (fit.h): the goodness-of-fit metrics (metrics.c), computed once
 * for the fit kept, and the standard errors (diagnostics.c): the Hessian of
 * a binned sketch on its finest coarse copy (the binned fit converges there
 * too, see stages.c; a Hessian costs 2k^2 + 1 evaluations, which on the
 * full sketch doubled the whole catalogue's time on 1,000,000-row
 * sketches).  The warnings and the degenerate flag are always computed:
 * best_fit's choice needs them.
 */
void
bf_fit_one(const BfFitData *const *ladder, int nladder, const BfDist *d,
		   const double *fixed, BfFitResult *res)
{
	bf_fit_one_raced(ladder, nladder, d, fixed, NULL, BF_OUT_ALL, res);
}

void
bf_fit_one_raced(const BfFitData *const *ladder, int nladder, const BfDist *d,
				 const double *fixed, const BfRace *race, int out, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];

	if (d->kind == BF_DISCRETE)
	{
		double		fx[BF_MAX_PARAMS];

		bf_fit_discrete(ladder, nladder, d, fixed, res);
		if (res->ok && (out & BF_OUT_METRICS) && !bf_should_stop())
			bf_discrete_metrics(full, res);
		/* standard errors of the real shapes: integers and loc held */
		memcpy(fx, fixed, sizeof(fx));
		for (int i = 0; i < bf_nparams(d); i++)
			if (i == bf_loc_index(d) || (i < d->nshapes && bf_shape_is_integer(d, i)))
				fx[i] = res->params[i];
		/* the Hessian on the finest coarse copy of a binned sketch, as below */
		if (res->ok && !bf_should_stop())
			bf_fit_diagnostics(full, full->exact || nladder == 1 ? full : ladder[nladder - 2],
							   d, fx, (out & BF_OUT_SE) != 0, res);
		return;
	}
	bf_fit_search(ladder, nladder, d, fixed, race, res);
	bf_fit_outputs(ladder, nladder, d, fixed, out, res);
}

/*
 * What follows a continuous fit res of d: the metrics (when out asks) and
 * the warnings and standard errors (bf_fit_one_raced above; nesting.c's
 * refits).
 */
void
bf_fit_outputs(const BfFitData *const *ladder, int nladder, const BfDist *d,
			   const double *fixed, int out, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];

	if (res->ok && (out & BF_OUT_METRICS) && !bf_should_stop())
		bf_metrics(full, res);
	/*
	 * The Hessian on the finest coarse copy of a binned sketch, and of an
	 * exact one for the slowest entries (a coarse budget: levy_stable, nct,
	 * the test statistics), whose density likelihood at the 1 + 2k^2 points
	 * of the Hessian (k free parameters) costs more than the search (levy_stable on
	 * 2,000 exact values: 2.2 of 4.3 s of CPU; its standard errors from the
	 * 256-bin copy agree with the exact likelihood's to 0.2 %, nct's to 6 %).
	 */
	if (res->ok && !bf_should_stop())
	{
		bool		coarse = nladder > 1 && (!full->exact || BF_HINT(d, coarse_evals) > 0);

		bf_fit_diagnostics(full, coarse ? ladder[nladder - 2] : full, d, fixed,
						   (out & BF_OUT_SE) != 0, res);
	}
}
