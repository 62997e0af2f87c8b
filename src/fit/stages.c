/*
 * stages.c — fitting one entry with continuous parameters: the stage plan
 * (coarse copies of the sketch, then the full one), boundary snaps, the
 * last refinement, and the result's log-likelihood (the metrics: integer_search.c).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"


/*
 * Fit entry d to the data.  fixed[i] is NaN for free parameters.  ladder
 * holds nladder prepared copies of the sketch from coarsest to the full one
 * (last); the coarser ones only guide the search.  Fills res: parameters,
 * status and, when ok, the log-likelihood and information criteria (the
 * other metrics are the caller's: bf_fit_one_raced computes them once, for
 * the fit it keeps, not for each trial of an integer search or ridge walk).
 * polish false skips the last stage on
 * the full sketch when there is a coarser copy (the integer search's
 * trials: only the winner is polished).
 */
/*
 * The exact MLE's polish on an exact sketch (pb->fd): quasi-Newton; when
 * BFGS does not converge (a kink, a support end), the simplex stage
 * fallback does the whole polish from where the earlier stages left params
 * (plan.h: exact_polish for a fit, snap_exact for bf_snap_to_data's refit
 * at the data's end).  A converged BFGS (with its extra iterations,
 * bf_bfgs_polish) is taken as it is: until 2026-12-05 a short simplex (60
 * evaluations) checked it; on nine exact sketches (960 fits) the change
 * moved one log-likelihood by more than 0.01 (beta on 1,000 t(3) draws,
 * -0.07) for 16.5 % fewer bins evaluated, and takes norm's loc on 2,500
 * values to within 6e-10 of the mean (5.8e-7 with the check).
 */
void
bf_polish_exact_with(BfProblem *pb, double *params, const BfStage *fallback)
{
	double		before[BF_MAX_PARAMS];

	memcpy(before, params, sizeof(before));
	if (!bf_bfgs_polish(pb, params, bf_plan.exact_bfgs_evals,
						sqrt(2 * bf_plan.exact_bfgs_gain / pb->fd->n)))
	{
		memcpy(params, before, sizeof(before));
		bf_run_stage(pb, params, fallback);
	}
}

static void
bf_polish_exact(BfProblem *pb, double *params)
{
	bf_polish_exact_with(pb, params, &bf_plan.exact_polish);
}

/*
 * A density that vanishes at loc inside its support (dgamma with a > 1,
 * dweibull with c > 1: f(z) ~ |z|^(a-1) at 0) makes the log-likelihood
 * rugged in loc: on an exact sketch it falls to minus infinity at every
 * observed value, on a fine binned one it dips at every bin, so there is a
 * local maximum between each pair of neighbouring values and the polish
 * keeps whichever the coarse stages left loc in.  For 1 < a < 2 the
 * likelihood is non-regular in loc (infinite Fisher information: Smith
 * (1985), "Maximum likelihood estimation in a class of nonregular cases",
 * Biometrika 72(1), 67-90), and the best gap is worth several
 * log-likelihood units: measured on normal samples of 500 to 10,000 values
 * at loc 1000, scale 7, dgamma and dweibull ended 1 to 17 units below
 * scipy's fit, which only had landed in a better gap.  So: score loc at
 * the midpoint of every gap between neighbouring values (exact) or bin
 * edges, and at the edges (binned), within the distance at which the
 * smooth part of the likelihood has fallen by about BF_SCAN_DROP units
 * (curvature n per squared locunit), shapes and scale held, skipping
 * points closer than 1/BF_SCAN_POINTS of that distance to the last one
 * scored (the fine bins of a sketch near zero; narrow gaps are the worst
 * places anyway); polish the BF_SCAN_KEEP best that score within
 * BF_SCAN_MARGIN of the first, and keep the best result.
 */
#define BF_SCAN_DROP 20.0
#define BF_SCAN_POINTS 64
#define BF_SCAN_KEEP 3
#define BF_SCAN_MARGIN 3.0

static bool
bf_zero_at_loc(const BfProblem *pb, const double *params)
{
	const BfDist *d = pb->d;
	double		zlo,
				zhi;

	if (pb->fixed[bf_loc_index(d)] || pb->nfree < 2)
		return false;
	bf_entry_support(d, params, &zlo, &zhi);
	return zlo < 0 && zhi > 0 && bf_entry_logpdf(d, 0.0, params) == -INFINITY;
}

static void
bf_scan_zero_loc(BfProblem *pb, double *params)
{
	const BfFitData *fd = pb->fd;
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d);
	int			np = bf_nparams(d);
	const double *pts = fd->exact ? fd->x : fd->edges;
	int			npts = fd->exact ? fd->nbins : fd->nedges;
	double		radius = pb->locunit * Min(0.5, sqrt(2 * BF_SCAN_DROP / fd->n));
	double		loc0 = params[il];
	double		last = -INFINITY;
	double		keep[BF_SCAN_KEEP];
	double		keepll[BF_SCAN_KEEP];
	double		best = bf_loglik(fd, d, params);
	double		result[BF_MAX_PARAMS];

	if (!bf_zero_at_loc(pb, params) || !isfinite(best))
		return;
	for (int k = 0; k < BF_SCAN_KEEP; k++)
		keepll[k] = -INFINITY;
	for (int i = 0; i < npts; i++)
	{
		/* on binned sketches the edge itself, then the gap's midpoint */
		for (int v = fd->exact ? 1 : 0; v < 2; v++)
		{
			double		trial[BF_MAX_PARAMS];
			double		ll;
			int			k;

			if (v == 1 && i + 1 >= npts)
				continue;
			memcpy(trial, params, sizeof(trial));
			trial[il] = v == 1 ? 0.5 * (pts[i] + pts[i + 1]) : pts[i];
			if (fabs(trial[il] - loc0) > radius ||
				trial[il] - last < radius / BF_SCAN_POINTS)
				continue;
			last = trial[il];
			pb->evaluations++;
			ll = bf_loglik(fd, d, trial);
			if (!(ll > keepll[BF_SCAN_KEEP - 1]))
				continue;
			for (k = BF_SCAN_KEEP - 1; k > 0 && ll > keepll[k - 1]; k--)
			{
				keepll[k] = keepll[k - 1];
				keep[k] = keep[k - 1];
			}
			keepll[k] = ll;
			keep[k] = trial[il];
		}
		if (bf_should_stop())
			return;
	}
	memcpy(result, params, sizeof(result));
	for (int k = 0; k < (fd->exact ? BF_SCAN_KEEP : 1) && keepll[k] > keepll[0] - BF_SCAN_MARGIN; k++)
	{
		double		trial[BF_MAX_PARAMS];
		double		ll;

		memcpy(trial, params, sizeof(trial));
		trial[il] = keep[k];
		if (fd->exact)
			bf_polish_exact(pb, trial);
		else
			bf_run_stage(pb, trial, &bf_plan.binned_polish);
		ll = bf_loglik(fd, d, trial);
		if (ll > best)
		{
			best = ll;
			memcpy(result, trial, sizeof(result));
		}
	}
	bf_debug(1, "bestfit: %s: loc scan %g -> %g", d->name, loc0, result[il]);
	memcpy(params, result, sizeof(double) * np);
}

/*
 * best_fit's race (race.c, race->limits): stop a fit whose search ended
 * with a shape at a family's limit (bf_race_at_limit: margin times beyond
 * the warnings' edge tests, fit.h), res saying so
 * (passed_over, ok false, the search's parameters); false when it goes on.
 * Searches from a warm start (integer trials, ridge walks) are never
 * stopped.
 */
static bool
bf_pass_over_at_limit(const BfRace *race, const BfDist *d, const double *fixed,
					  const double *warm, const double *params, const BfProblem *pb,
					  double margin, BfFitResult *res)
{
	int			k;

	if (race == NULL || !race->limits || warm != NULL)
		return false;
	k = bf_race_at_limit(d, fixed, params, margin);
	if (k < 0)
		return false;
	bf_debug(1, "bestfit: %s: passed over at %s = %g", d->name, bf_param_name(d, k), params[k]);
	res->evaluations = pb->evaluations;
	res->passed_over = true;
	memcpy(res->params, params, sizeof(double) * bf_nparams(d));
	snprintf(res->status, sizeof(res->status),
			 "not fitted: passed over by best_fit's race (its search reached %s = %.6g, a limit of the family)",
			 bf_param_name(d, k), params[k]);
	return true;
}

/* the stage of the travel on each finer coarse copy (plan.h) */
static const BfStage *
bf_travel_stage(const BfDist *d)
{
	return BF_HINT(d, coarse_evals) > 0 ? &bf_plan.travel_slow : &bf_plan.travel;
}

/*
 * best_fit's race (race.c, race->limits), after the coarsest copy: a search
 * that ended with a free shape BF_RACE_LIMIT_MARGIN_PROBE times beyond the
 * warnings' edge tests (fit.h) is probed on the next copy, next: from a copy
 * of params, BF_RACE_PROBE_EVALS evaluations of the travel that would follow
 * (bf_travel_stage).  When the probe does not bring that shape back (its edge factor,
 * bf_shape_edge_factor, stays at BF_RACE_PROBE_BACK of the start's or
 * more), the fit stops, passed over (as bf_pass_over_at_limit, with the
 * probe's end); otherwise params are left as they came, so that the fit goes
 * on exactly as without the probe, which has only spent its evaluations
 * (counted in pb).  Searches from a warm start are never stopped.
 */
static bool
bf_pass_over_after_probe(const BfRace *race, const BfDist *d, const double *fixed,
						 const double *warm, const BfFitData *next,
						 const double *params, BfProblem *pb, BfFitResult *res)
{
	BfProblem	probe;
	BfStage		short_stage = *bf_travel_stage(d);
	double		end[BF_MAX_PARAMS];
	double		f0,
				f1;
	int			k,
				e0 = pb->evaluations;

	if (race == NULL || !race->limits || warm != NULL)
		return false;
	k = bf_race_at_limit(d, fixed, params, BF_RACE_LIMIT_MARGIN_PROBE);
	if (k < 0)
		return false;
	f0 = bf_shape_edge_factor(d, k, params[k]);
	probe = *pb;
	probe.fd = next;
	probe.round_gain = bf_plan.travel_round_gain;
	memcpy(end, params, sizeof(end));
	short_stage.max_evals = Min(short_stage.max_evals, BF_RACE_PROBE_EVALS);
	short_stage.max_rounds = 1;
	if (isfinite(bf_loglik_search(next, d, end)))
		bf_run_stage(&probe, end, &short_stage);
	pb->evaluations = probe.evaluations;
	pb->out_of_memory |= probe.out_of_memory;
	f1 = bf_shape_edge_factor(d, k, end[k]);
	bf_debug(1, "bestfit: %s: limit probe: %s %g -> %g (edge factor %g -> %g) in %d evaluations",
			 d->name, bf_param_name(d, k), params[k], end[k], f0, f1,
			 pb->evaluations - e0);
	if (!(f1 >= BF_RACE_PROBE_BACK * f0))
		return false;
	return bf_pass_over_at_limit(race, d, fixed, warm, end, pb, 1.0, res);
}

/*
 * After the coarsest copy's search (the first stage) ended with a free shape
 * at a family's limit (beyond the warnings' edge tests, fit.h): the copy may
 * have misled it.  The start and the runner-up grid starts (start, alt: the
 * first stage's own, with the fixed values imposed here) are scored on the
 * next copy, next, one evaluation each; when one of them that is not itself
 * at a limit scores above the search's end there, it goes into from (true),
 * and the next copy's travel runs from both points, the better kept (and
 * best_fit's race does not pass the fit over at the limit after the
 * coarsest copy).  halfgennorm on the zoo's two-normal mixture: on the
 * 43-bin copy the uniform limit (beta = 6.7e14) beats beta = 30 by 34,730
 * units, on the 151-bin copy it is 74,611 below, and on the full sketch
 * 88,263 below; from the limit, where the likelihood is flat in beta,
 * neither the travel nor the polish came back.  The travel from both: a
 * start that scores above a limit's point need not travel as far (invgauss
 * on the zoo's uniform: 15.6 units lower from the start alone).  Not for
 * entries with a ridge walk of their own (ridge_shape, catalogue/entry.h;
 * integer_search.c): their walk from the better point on the next copy can
 * end lower (gamma and chi2 on the zoo's uniform: 12.5 units).
 */
static bool
bf_restart_off_limit(BfProblem *pb, const BfFitData *next, const double *fixed,
					 const double *params, const double *start,
					 double (*alt)[BF_MAX_PARAMS], int nalt, double *from)
{
	const BfDist *d = pb->d;
	int			np = bf_nparams(d);
	int			k = bf_race_at_limit(d, fixed, params, 1.0);
	double		ll0,
				best;
	bool		found = false;

	if (k < 0)
		return false;
	ll0 = best = bf_loglik_search(next, d, params);
	pb->evaluations++;
	for (int j = -1; j < nalt; j++)
	{
		double		p[BF_MAX_PARAMS];
		double		ll;

		memcpy(p, j < 0 ? start : alt[j], sizeof(p));
		for (int i = 0; i < np; i++)
			if (pb->fixed[i])
				p[i] = params[i];
		if (bf_race_at_limit(d, fixed, p, 1.0) >= 0)
			continue;
		ll = bf_loglik_search(next, d, p);
		pb->evaluations++;
		if (ll > best)
		{
			best = ll;
			memcpy(from, p, sizeof(double) * BF_MAX_PARAMS);
			found = true;
		}
	}
	if (found)
		bf_debug(1, "bestfit: %s: the first stage ended at %s = %g; a start scores %g above it on the next copy",
				 d->name, bf_param_name(d, k), params[k], best - ll0);
	return found;
}

/*
 * best_fit's race (race.c): res says the fit was dropped, its bound behind
 * the bar, with the search's parameters and evaluations so far.
 */
static void
bf_race_drop(const BfProblem *pb, const double *params, BfFitResult *res)
{
	bf_debug(1, "bestfit: %s: dropped by the race after %d evaluations", pb->d->name, pb->evaluations);
	res->evaluations = pb->evaluations;
	memcpy(res->params, params, sizeof(double) * bf_nparams(pb->d));
	snprintf(res->status, sizeof(res->status),
			 "not fitted: dropped by best_fit's race (its AIC could not come within %g of the best)",
			 BF_PARSIMONY_AIC);
}

/*
 * What follows the polish on the full sketch (pb->fd): loc as a plain
 * coordinate after a search in moment coordinates (bf_minimize_moments_first,
 * its support's end far from the data: no end to snap); the scan of a loc
 * where the density vanishes (scan_loc); the snap of a support end to the
 * data's end (support_ends.c, with hess the finest coarse copy for its
 * Newton refit, NULL on exact sketches); and a support end that the coarse
 * copies left in a sliver of an extreme cell of rounded values, moved out
 * of it (bf_grow_gap), the other parameters then following on the full
 * sketch (polish).
 */
static void
bf_finish_full(BfProblem *pb, double *params, const BfFitData *hess, bool scan_loc, bool polish)
{
	int			refined;

	if (pb->locmode == BF_LOC_MOMENTS)
		pb->locmode = BF_LOC_LINEAR;
	if (scan_loc)
		bf_scan_zero_loc(pb, params);
	bf_snap_to_data(pb, params, hess);
	refined = bf_refine_gaps(pb, params);
	if (refined != 0 && polish)
		bf_run_stage(pb, params, refined == 2 ? &bf_plan.gap_polish : &bf_plan.binned_polish);
	pb->min_log_gap = BF_MIN_LOG_GAP;
}

/*
 * How far Newton's end must lie above the simplex's for a ridge-walk entry
 * to fit and walk from it too (bf_fit_continuous_from's binned polish,
 * bf_fit_search).  Of 22 such ends on 16 sketch files, the 6 less than 3
 * units above (chi2, nakagami, loggamma on near-normal and uniform
 * sketches, walking to the normal limit from both) gained at most 0.05
 * units in the end, each for a fit and a walk more (the zoo's sum of three
 * uniforms: +6 % of its bins); of the 16 more than 10 units above, 10
 * gained 34 to 3,191 and loggamma's 6 at most 0.2 (2026-12-06).
 */
#define BF_ALT_MIN_GAIN 5.0

void
bf_fit_continuous(const BfFitData *const *ladder, int nladder, const BfDist *d,
				  const double *fixed, bool polish, BfFitResult *res)
{
	bf_fit_continuous_from(ladder, nladder, d, fixed, NULL, false, polish, NULL, res);
}

/*
 * How many times in all an infeasible start's free scale is doubled
 * (bf_repair_start placing loc after each) before the fit gives up as "not
 * fitted: zero density at some observed values": 12, then the nudges of
 * loc off a tied value, then on to BF_START_WIDEN.  A density whose log
 * overflows far from its mode (loggamma's -e^z, gompertz's) at values many
 * decades from the start's scale needs the scale within some hundreds of
 * the data's range: on exp(5 n) (up to 3.4e10) 12 doublings, the limit
 * until 2026-12-06, were not enough for loggamma and gompertz, which ended
 * not fitted there, on the outliers column and (loggamma) on the zoo's
 * Pareto sketch.  Only where the first 12 and the nudges left the start
 * infeasible: every other start is as before (widening first and nudging
 * after lost dgamma's fit to a column 99.9 % at one value).
 */
#define BF_START_WIDEN 200

/*
 * Doublings from to to of an infeasible start's free scale (pb->fd: the
 * full sketch), loc placed by bf_repair_start after each, until the
 * log-likelihood is finite or a cancel
 */
static void
bf_widen_start(BfProblem *pb, double *params, int from, int to)
{
	int			np = bf_nparams(pb->d);

	for (int k = from; k < to && !pb->fixed[np - 1] && !bf_should_stop() &&
		 !isfinite(bf_loglik(pb->fd, pb->d, params)); k++)
	{
		params[np - 1] *= 2;
		bf_repair_start(pb, params);
	}
}

/*
 * The same, from warm (np values, a neighbouring fit's parameters) when not
 * NULL: the start values and grid are skipped, and the coarsest copy gets
 * the travel stage instead of the broad first one.  near (with warm): the
 * warm start is close to the full sketch's optimum (the same fit with an
 * integer shape moved to a neighbouring integer), so only the final polish
 * runs, on the full sketch: on a misspecified family the coarse copies'
 * binned optimum can lie far from the full sketch's (a near-normal erlang
 * on uniform data: 1,000 log-likelihood units apart on the 37-bin copy).
 */
void
bf_fit_continuous_from(const BfFitData *const *ladder, int nladder, const BfDist *d,
					   const double *fixed, const double *warm, bool near, bool polish,
					   const BfRace *race, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];
	int			np = bf_nparams(d);
	BfProblem	pb;
	double		params[BF_MAX_PARAMS] = {0};
	double		ll;
	double		alt[BF_MAX_STARTS - 1][BF_MAX_PARAMS];
	double		start[BF_MAX_PARAMS];	/* the first stage's start */
	double		restart_from[BF_MAX_PARAMS];	/* bf_restart_off_limit */
	bool		restart = false;
	int			nalt = 0;
	int			ncoarse = 0;
	double		newton_end[BF_MAX_PARAMS];	/* see the binned polish below */
	bool		has_newton_end = false,
				scan_loc;
	const BfFitData *hess;
	unsigned long interp0 = bf_interp_accepted;

	bf_interp_reset();
	memset(res, 0, sizeof(*res));
	res->dist = d;
	res->ok = false;
	bf_result_clear_metrics(res);
	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->params[i] = NAN;

	memset(&pb, 0, sizeof(pb));
	pb.d = d;
	for (int i = 0; i < np; i++)
	{
		pb.fixed[i] = !isnan(fixed[i]);
		if (!pb.fixed[i])
			pb.freeidx[pb.nfree++] = i;
	}
	res->nfree = pb.nfree;

	if (full->n < 2 || !(full->min < full->max))
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: needs at least two distinct finite values (rounded: two cells apart)");
		return;
	}
	for (int i = 0; i < d->nshapes; i++)
		if (pb.fixed[i] && !bf_shape_in_domain(bf_shape_domain(d, i), fixed[i]))
		{
			snprintf(res->status, sizeof(res->status),
					 "not fitted: fixed %s is outside its domain", bf_param_name(d, i));
			return;
		}
	if (pb.fixed[np - 1] && !(fixed[np - 1] > 0 && isfinite(fixed[np - 1])))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: fixed scale must be positive");
		return;
	}
	if (pb.fixed[np - 2] && !isfinite(fixed[np - 2]))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: fixed loc must be finite");
		return;
	}

	/* start values, with the fixed ones imposed */
	if (warm != NULL)
		memcpy(params, warm, sizeof(double) * np);
	else
		bf_start_values(ladder[0], full, d, fixed, params, alt, &nalt);
	for (int i = 0; i < np; i++)
		if (pb.fixed[i])
			params[i] = fixed[i];
	for (int i = 0; i < d->nshapes; i++)
		if (!bf_shape_in_domain(bf_shape_domain(d, i), params[i]))
		{
			const BfDomain *dom = bf_shape_domain(d, i);

			params[i] = isfinite(dom->lo) && isfinite(dom->hi) ? 0.5 * (dom->lo + dom->hi) :
				isfinite(dom->lo) ? dom->lo + 1 : isfinite(dom->hi) ? dom->hi - 1 : 0;
		}
	if (!(params[np - 1] > 0 && isfinite(params[np - 1])))
		params[np - 1] = full->summary.sd > 0 ? full->summary.sd : 1.0;
	if (!isfinite(params[np - 2]))
		params[np - 2] = full->summary.mean;

	/* a redundant first shape is held where the start put it (catalogue.h) */
	if (BF_HINT(d, hold_first_shape) && !pb.fixed[np - 1])
	{
		bool		shapes_free = true;

		for (int i = 0; i < d->nshapes; i++)
			shapes_free &= !pb.fixed[i];
		if (shapes_free)
		{
			pb.fixed[0] = true;
			pb.nfree = 0;
			for (int i = 0; i < np; i++)
				if (!pb.fixed[i])
					pb.freeidx[pb.nfree++] = i;
		}
	}

	pb.fd = full;
	if (!isfinite(bf_loglik(full, d, params)))
	{
		bf_repair_start(&pb, params);
		/* tails can still overflow: widen a free scale */
		bf_widen_start(&pb, params, 0, 12);
		/*
		 * a density that vanishes at loc (dgamma, dweibull with shape > 1)
		 * is zero at a start loc that equals a tied value: nudge a free loc
		 */
		for (int k = 1; k <= 4 && !pb.fixed[np - 2] &&
			 !isfinite(bf_loglik(full, d, params)); k++)
			params[np - 2] += (k % 2 ? k : -k) * 1e-3 * params[np - 1];
		/* a log density that overflows far out: widen on (BF_START_WIDEN) */
		bf_widen_start(&pb, params, 12, BF_START_WIDEN);
		if (!isfinite(bf_loglik(full, d, params)))
		{
			bool		overflow = false;

			for (int i = 0; i < np; i++)
				overflow |= !isfinite(params[i]);
			if (overflow)		/* e.g. a scale beyond DBL_MAX for data at +-DBL_MAX */
				snprintf(res->status, sizeof(res->status),
						 "not fitted: the parameters would exceed the largest double (the data's range is too wide)");
			else if (!bf_support_covers(d, params, full->min, full->max))
				snprintf(res->status, sizeof(res->status),
						 "not fitted: the data lie outside the support allowed by the fixed parameters");
			else
				snprintf(res->status, sizeof(res->status),
						 "not fitted: zero density at some observed values (such as exact zeros at the support's end)");
			memcpy(res->params, params, sizeof(double) * np);
			return;
		}
	}

	if (pb.nfree > 0)
	{
		/*
		 * Simplex size at which the log-likelihood is within about 1e-3 of
		 * its maximum: curvature n per unit of transformed parameter.
		 */
		pb.tol_fine = Min(1e-4, Max(1e-9, sqrt(2e-3 / full->n)));
		memcpy(pb.base, params, sizeof(pb.base));
		pb.locunit = full->summary.sd > 0 ? full->summary.sd : full->max - full->min;
		pb.min_log_gap = BF_MIN_LOG_GAP;
		pb.min_log_gap_fine[0] = log(Max(4 * DBL_EPSILON * fabs(full->min), 1e-300) / pb.locunit);
		pb.min_log_gap_fine[1] = log(Max(4 * DBL_EPSILON * fabs(full->max), 1e-300) / pb.locunit);
		pb.locmode = pb.fixed[np - 2] ? BF_LOC_LINEAR :
			bf_choose_locmode(d, params, !pb.fixed[np - 1]);
		pb.mom_mean = full->summary.mean;
		/*
		 * Coarse to fine: broad moves on the coarsest copy, then each finer
		 * copy starts from the previous optimum with smaller steps.
		 */
		memcpy(start, params, sizeof(start));
		for (int k = 0; k < nladder - 1 && !(warm != NULL && near); k++)
		{
			pb.fd = ladder[k];
			if (!isfinite(bf_loglik_search(ladder[k], d, params)))
				continue;
			if (k == 0 && warm == NULL && BF_HINT(d, moment_search) && BF_HINT(d, ridge_moments) &&
				!pb.fixed[np - 1] && !pb.fixed[np - 2] &&
				(pb.locmode == BF_LOC_BELOW_MIN || pb.locmode == BF_LOC_ABOVE_MAX ||
				 pb.locmode == BF_LOC_BETWEEN ||
				 (BF_HINT(d, moment_search_normal) > 0 &&
				  fabs(full->summary.skew) <= BF_HINT(d, moment_search_normal) &&
				  fabs(full->summary.kurt) <= BF_HINT(d, moment_search_normal))))
				bf_minimize_moments_first(&pb, params, alt, nalt, &bf_plan.first);
			else if (k == 0 && warm == NULL)
				bf_minimize_starts(&pb, params, alt, nalt, true, &bf_plan.first);
			else
			{
				pb.round_gain = bf_plan.travel_round_gain;
				bf_run_stage(&pb, params, bf_travel_stage(d));
				if (k == 1 && restart)
				{
					/* also from the start that scored above the first stage's end (above) */
					bool		spent = pb.budget_spent;

					bf_run_stage(&pb, restart_from, bf_travel_stage(d));
					if (bf_loglik_search(ladder[1], d, restart_from) >
						bf_loglik_search(ladder[1], d, params))
						memcpy(params, restart_from, sizeof(double) * np);
					else
						pb.budget_spent = spent;	/* the kept travel's */
					pb.evaluations += 2;
				}
				pb.round_gain = 0;
			}
			bf_debug(2, "bestfit: %s: %d evaluations after stage %d (%d bins)",
				 d->name, pb.evaluations, k, ladder[k]->nbins);
			if (k == 0 && warm == NULL && nladder > 2 && BF_HINT(d, ridge_shape) == 0)
				restart = bf_restart_off_limit(&pb, ladder[1], fixed, params, start, alt, nalt,
											   restart_from);
			/*
			 * best_fit's race (race.c), on the coarsest copy when finer
			 * ones follow: a search already far beyond a family's limit is
			 * passed over there, and an entrant already hopelessly behind
			 * is dropped there, before the finer copies' travel
			 */
			if (k == 0 && nladder > 2)
			{
				if (!restart &&
					(bf_pass_over_at_limit(race, d, fixed, warm, params, &pb,
										   BF_RACE_LIMIT_MARGIN_FIRST, res) ||
					 bf_pass_over_after_probe(race, d, fixed, warm, ladder[1], params, &pb, res)))
					return;
				if (bf_race_checks_first(race) && bf_race_entrant(d) && warm == NULL &&
					!pb.budget_spent &&
					bf_race_drops_first(race, res->nfree, bf_loglik(ladder[0], d, params)))
				{
					bf_race_drop(&pb, params, res);
					return;
				}
			}
		}
		ncoarse = pb.evaluations;
		/* a support end the coarse copies left a rounding away from the data (support_ends.c) */
		if (nladder > 1)
		{
			const BfFitData *copy = pb.fd;

			pb.fd = full;
			bf_back_off_ends(&pb, params);
			pb.fd = copy;
		}
		/*
		 * best_fit's race (race.c): a search on the coarse copies that
		 * ended at a family's limit is passed over (its fit would carry the
		 * limit's warning, and best_fit passes such fits over)
		 */
		if (nladder > 1 && bf_pass_over_at_limit(race, d, fixed, warm, params, &pb, BF_RACE_LIMIT_MARGIN_COARSE, res))
			return;
		/*
		 * the same for an entry whose fit a ridge walk continues (bf_fit_search
		 * after this fit, polish and all): when the walk from here already
		 * climbs past the limit's test on the finest coarse copy, the fit
		 * passed over at the walk's end (race.c)
		 */
		if (nladder > 1 && polish && race != NULL && race->limits && warm == NULL &&
			BF_HINT(d, ridge_shape) > 0 && !bf_has_integer_shapes(d))
		{
			double		end[BF_MAX_PARAMS];
			int			walk_evals;
			bool		ridge;

			ridge = bf_ridge_probe(ladder, nladder, d, fixed, params, end, &walk_evals) >= 0;
			pb.evaluations += walk_evals;
			if (ridge && bf_pass_over_at_limit(race, d, fixed, warm, end, &pb, BF_RACE_LIMIT_MARGIN, res))
				return;
		}
		/*
		 * best_fit's race (race.c): after the coarse copies' search, can
		 * this fit still win?  Only the polish is left, a local one; and
		 * only when that search converged (not stopped on its budget).
		 */
		if (race != NULL && bf_race_entrant(d) && isfinite(race->slack) && warm == NULL &&
			nladder > 1)
		{
			double		cll = bf_loglik(ladder[nladder - 2], d, params);

			bf_debug(1, "bestfit: %s: race bound %.6f (coarse %.6f, slack %.6f)%s",
					 d->name, cll + race->slack, cll, race->slack,
					 pb.budget_spent ? ", not used: the search stopped on its budget" : "");
			if (!pb.budget_spent && bf_race_drops(race, res->nfree, cll))
			{
				bf_race_drop(&pb, params, res);
				return;
			}
		}
		if (warm != NULL && near)
		{
			/* only the polish below */
		}
		else if (nladder == 1 && warm != NULL)
		{
			pb.fd = full;
			bf_run_stage(&pb, params, &bf_plan.travel);
		}
		else if (nladder == 1)
		{
			/*
			 * the search at the entries' search accuracy (catalogue/entry.h:
			 * levy_stable's integrals to 1e-7), as on coarse copies; the
			 * polish below is at full accuracy
			 */
			pb.fd = full;
			pb.search_accuracy = true;
			bf_minimize_starts(&pb, params, alt, nalt, false, &bf_plan.single);
			pb.search_accuracy = false;
			/* best_fit's race, as after the coarse copies above */
			if (bf_pass_over_at_limit(race, d, fixed, warm, params, &pb, BF_RACE_LIMIT_MARGIN, res))
				return;
		}
		if (warm != NULL && near)
		{
			pb.fd = full;
			if (full->exact)
				bf_polish_exact(&pb, params);
			else
				bf_run_stage(&pb, params, &bf_plan.binned_polish_near);
		}
		else if (!polish && nladder > 1)
		{
			/* an integer-search trial: compared at the last copy's optimum */
		}
		else if (full->exact)
		{
			/*
			 * exact sketches get the exact MLE: converge tightly (expensive
			 * entries: a shorter polish, the coarse stages did the travel;
			 * the slowest, with a coarse budget, also on a sketch without
			 * coarse copies, where the single stage converged to 1e-6)
			 */
			pb.fd = full;
			if (BF_HINT(d, expensive) && (nladder > 1 || BF_HINT(d, coarse_evals) > 0))
				bf_run_stage(&pb, params, BF_HINT(d, coarse_evals) > 0 ?
							 &bf_plan.exact_polish_slow : &bf_plan.exact_polish_expensive);
			else
				bf_polish_exact(&pb, params);
		}
		else if (BF_HINT(d, expensive) && nladder > 1)
		{
			/*
			 * Expensive entries (cdf by numerical integration) are polished
			 * on the finest coarsened copy only: the binned MLE there is
			 * within a small fraction of a standard error of the full
			 * sketch's (see the comment below), at a fraction of the cost.
			 */
			pb.fd = ladder[nladder - 2];
			bf_run_stage(&pb, params, &bf_plan.binned_polish_expensive);
		}
		else if (nladder == 1)
		{
			/*
			 * Entries with a coarse budget (a costly density): first Newton
			 * steps with the Hessian of the sketch itself at full accuracy
			 * (bf_newton_polish with hfd = full: about 2 m^2 + 2 m
			 * evaluations, m free coordinates); their single stage
			 * converged at the search accuracy, and the simplex polish
			 * spent 110-180 evaluations at full accuracy to move it by
			 * at most 0.006 units.  Measured (2026-12-05, fitprof -r 3 on
			 * the five sketch files without coarse copies of README's
			 * Performance): levy_stable -25 to -30 % of CPU on four
			 * (wind_speed 140 -> 100 ms), nct -1 to -25 % (on three of
			 * the five its Hessian is not positive definite: 33
			 * evaluations lost), no log-likelihood moved by more than
			 * 0.001.  Not for the other
			 * entries: there the simplex explores, and Newton's nearer
			 * optimum was up to 44.6 units lower (loglaplace on weather's
			 * visib), for 0.2 % of the bins.
			 */
			pb.fd = full;
			if (BF_HINT(d, coarse_evals) == 0 || bf_zero_at_loc(&pb, params) ||
				!bf_newton_polish(&pb, full, params,
								  bf_plan.binned_newton_iters, bf_plan.binned_newton_gain, NULL))
				bf_run_stage(&pb, params, BF_HINT(d, coarse_evals) > 0 ?
							 &bf_plan.binned_polish_single_slow : &bf_plan.binned_polish_single);
		}
		else
		{
			/*
			 * Newton steps on the full sketch with the finest copy's
			 * Hessian; where they cannot converge (a support end among the
			 * data, a kink, a ridge), the simplex polish from the coarse
			 * optimum.  A density that vanishes at loc makes the likelihood
			 * rugged in loc (bf_scan_zero_loc): the simplex at once.
			 */
			double		reached[BF_MAX_PARAMS],
						above;	/* Newton's end's log-likelihood above the simplex's (below) */

			pb.fd = full;
			reached[0] = NAN;
			if (bf_zero_at_loc(&pb, params) ||
				!bf_newton_polish(&pb, ladder[nladder - 2], params,
								  bf_plan.binned_newton_iters, bf_plan.binned_newton_gain, reached))
			{
				bf_run_stage(&pb, params, &bf_plan.binned_polish);
				/*
				 * Newton's steps gained, then gave up: when the point they
				 * reached is above the simplex's, it is finished too, and
				 * the better of the two kept (bf_finish_full below).  Not
				 * for entries whose fit an integer search continues from
				 * here, nor for those a ridge walk continues
				 * (bf_fit_search): their walk from a higher point can end
				 * lower (loggamma on the zoo's lognormal s = 3: 6,218
				 * units).  For the latter, when the point is more than
				 * BF_ALT_MIN_GAIN above, it goes back in res->alt_params,
				 * and bf_fit_search fits and walks from it too, keeping the
				 * better end (since 2026-12-06: gamma on 200,000 gamma(0.5)
				 * draws rounded to integers, an exact sketch whose coarse
				 * copies steered the search, ended 3,191 units higher;
				 * test/bench/PERFORMANCE.md)
				 */
				above = !isnan(reached[0]) && !bf_has_integer_shapes(d) ?
					bf_loglik(full, d, reached) - bf_loglik(full, d, params) : NAN;
				if (above > 0 && BF_HINT(d, ridge_shape) == 0)
				{
					memcpy(newton_end, reached, sizeof(newton_end));
					has_newton_end = true;
				}
				else if (above > BF_ALT_MIN_GAIN && BF_HINT(d, ridge_shape) > 0)
				{
					memcpy(res->alt_params, reached, sizeof(res->alt_params));
					res->has_alt = true;
				}
			}
		}

		/*
		 * A binned sketch with a finer copy than the last one fitted is not
		 * polished further: the copy's bins are far narrower than the data's
		 * scale, and the binned MLE
		 * on it differs from the full sketch's by a small fraction of its
		 * standard error (measured in test/reference.py), at a tenth of the
		 * cost.
		 */
		pb.fd = full;
		/* the finish's Newton refits borrow the finest copy's Hessian (binned sketches) */
		hess = nladder > 1 && !full->exact ? ladder[nladder - 2] : NULL;
		scan_loc = polish || nladder == 1;
		if (has_newton_end)
		{
			/*
			 * Both ends of the polish finished, the simplex's (the path
			 * without Newton's point) first; the better log-likelihood
			 * after the snaps is kept, so no fit ends lower than that path
			 * alone would (what follows the polish can move a fit by
			 * thousands of units, either way: test/bench/PERFORMANCE.md, twentieth session)
			 */
			BfProblem	pb2 = pb;
			double		la,
						lb;

			bf_finish_full(&pb, params, hess, scan_loc, polish);
			pb2.evaluations = pb.evaluations;
			bf_finish_full(&pb2, newton_end, hess, scan_loc, polish);
			pb.evaluations = pb2.evaluations;
			la = bf_loglik_law(full, d, params);
			lb = bf_loglik_law(full, d, newton_end);
			/* (a log-likelihood not finite at the simplex's end loses to a finite one) */
			if (!isfinite(la) && isfinite(lb))
				la = -INFINITY;
			bf_debug(1, "bestfit: %s: the Newton steps' end, finished, %s the simplex's by %g",
					 d->name, lb > la ? "beats" : "does not beat", lb - la);
			if (lb > la)
				memcpy(params, newton_end, sizeof(double) * np);
		}
		else
			bf_finish_full(&pb, params, hess, scan_loc, polish);
		bf_debug(1, "bestfit: %s: %d coarse and %d full evaluations (%lu with interpolated densities)",
			 d->name, ncoarse, pb.evaluations - ncoarse, bf_interp_accepted - interp0);
	}
	res->evaluations = pb.evaluations;
	memcpy(res->params, params, sizeof(double) * np);
	ll = bf_loglik_law(full, d, params);
	if (!isfinite(ll))
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: the likelihood is not finite at the optimum");
		return;
	}
	for (int i = 0; i < np; i++)
		if (!isfinite(params[i]))
		{
			snprintf(res->status, sizeof(res->status), "not fitted: a parameter is not finite");
			return;
		}
	res->ok = true;
	res->loglik = ll;
	bf_information_criteria(res, full->n);
	snprintf(res->status, sizeof(res->status), "ok");
}

