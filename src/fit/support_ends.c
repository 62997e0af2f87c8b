/*
 * support_ends.c — keeping the data inside the support: start values
 * repaired, support ends placed at the data (boundary MLEs: expon, uniform,
 * pareto loc at the minimum) and gaps refined towards the data while the
 * likelihood grows.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"

/* ------------------------------------------------------------------
 * Fitting one candidate
 * ------------------------------------------------------------------
 */

bool
bf_shape_in_domain(const BfDomain *dom, double v)
{
	if (!isfinite(v))
		return false;
	if (dom->lo_closed ? v < dom->lo : v <= dom->lo)
		return false;
	if (dom->hi_closed ? v > dom->hi : v >= dom->hi)
		return false;
	return true;
}

/*
 * Move a free loc (and scale) so that the support covers [min, max] with a
 * margin, keeping the shapes.  Used when the start values are infeasible.
 */
void
bf_repair_start(const BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	const BfFitData *fd = pb->fd;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	double		zlo,
				zhi;
	double		range = fd->max - fd->min;
	double		margin = 1e-3 * range + 1e-9 * Max(fabs(fd->min), fabs(fd->max)) + 1e-300;

	bf_entry_support(d, params, &zlo, &zhi);
	if (!pb->fixed[is] && isfinite(zlo) && isfinite(zhi) && !pb->fixed[il])
		params[is] = (range + 2 * margin) / (zhi - zlo);
	if (!pb->fixed[il])
	{
		if (isfinite(zlo))
			params[il] = fd->min - margin - zlo * params[is];
		else if (isfinite(zhi))
			params[il] = fd->max + margin - zhi * params[is];
	}
	else if (!pb->fixed[is])
	{
		/* loc fixed: stretch the scale if that helps */
		double		loc = params[il];

		if (isfinite(zhi) && zhi > 0 && fd->max > loc)
			params[is] = Max(params[is], (fd->max - loc) / zhi * (1 + 1e-6));
		if (isfinite(zlo) && zlo < 0 && fd->min < loc)
			params[is] = Max(params[is], (fd->min - loc) / zlo * (1 + 1e-6));
	}
}

/*
 * The coarse copies' search can end with a support end a rounding away
 * from the data, where the full sketch has no mass: the search holds a
 * gap between the end and the data of at least 1e-12 standard deviations
 * (BF_MIN_LOG_GAP), which, for data far from zero on their own scale, is
 * below the spacing of doubles there, so loc + zlo scale rounds to the data's
 * end itself.  On rounded data that end is the inner edge of the smallest
 * value's cell (data.c: fd->min), which then gets no mass; a coarse copy's
 * lowest bin, wider, still has some, so the search sees a finite value
 * there.  Seen on 1 + 1e-9 z rounded to 1e-11: 31 of the default set's
 * fits ended "not fitted: the likelihood is not finite at the optimum",
 * expon and halfnorm among them; likewise pareto on the zoo's uniform
 * sketch, where loc = -2.6e8 and scale = 2.6e8 put the end 1.6e-8 above the
 * smallest value (loc + scale rounded).  Also where a log density
 * underflowed within rounding of its end: irwinhall's (n - z)^(n - 1) /
 * (n - 1)! at n - z = 1.3e-12 with n = 41 on hflights' DepDelay, 65,973
 * units below the fit the search reached from the moved end (its log
 * density no longer underflows there: uniform.c, irwinhall_logpdf).  When a
 * support end lies within rounding of the data's end or beyond it
 * (BF_BACK_OFF_ULPS spacings of the largest of |loc|, |zend scale| and
 * that end; elsewhere the search's gap keeps the end off, so that the
 * test costs a likelihood only there) and the full sketch's
 * log-likelihood is not finite, moves a free
 * loc outwards from each finite
 * end in turn by u, 2u, 4u, ... (u: the spacing of doubles at the largest
 * of |loc|, |zend scale| and the data's end), at most 2^60 u, and keeps the
 * first point where it is finite.  Then, where both ends are finite and
 * the scale is free, moves every end near the data out by u, 2u, 4u, ...
 * and holds the other, by loc and scale together (a move of loc alone
 * moves one end out and the other in: truncpareto at c = 1 + 2e-9 with a
 * scale of 8e9 on rounded data, whose ends sat at both extreme values;
 * since 2026-12-06, after the loc-only moves, so that every fit those
 * rescued is unchanged; test/bench/fitprof -w -b, the default set on 113
 * sketch files: truncpareto fitted on three rounded columns, flagged
 * degenerate, loguniform on weather.csv's pressure +1.44, no other fit
 * moved, bins +0.02 %).  True when it found one (params moved).
 * Runs only where the likelihood is not finite, so a fit it changes was
 * not fitted before, or ends higher where a search's trial was lost that
 * way (a start, a trial of an integer search).  Measured (test/bench/fitprof
 * -w -b, the default set on 109 sketch files, 2026-12-06, with irwinhall's
 * log density at its ends): 51 fits now fitted, 13 higher (truncnorm on
 * weibull_min(0.7) draws +1,409,215; irwinhall, by its log density, on
 * hflights' delays +64,841 and +65,973), 3 lower (irwinhall, whose search
 * now passes through points that were -inf), the same best_fit choices,
 * 0.24 % more bins (0.00-0.60 % on the zoo's sketches).  A first version
 * whose test of the distance was inverted, true for every finite end,
 * rescued one fit more (dpareto_lognorm on a rounded two-normal mixture)
 * for 1.0 % more bins.
 */
#define BF_BACK_OFF_ULPS 64.0

/*
 * Is the end loc + zend scale within rounding of the data's end x or beyond
 * it (side -1: a lower end, at or above x - tol; 1: an upper end, at or
 * below x + tol)?
 */
static bool
bf_end_near_data(double loc, double scale, double zend, double x, int side)
{
	double		end = loc + zend * scale,
				tol = BF_BACK_OFF_ULPS * DBL_EPSILON * (fabs(loc) + fabs(zend * scale) + fabs(x));

	return isfinite(zend) && side * (end - x) <= tol;
}

bool
bf_back_off_ends(const BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	double		zlo,
				zhi;

	if (pb->fixed[il])
		return false;
	bf_entry_support(d, params, &zlo, &zhi);
	/*
	 * only an end within rounding of the data's end (BF_BACK_OFF_ULPS
	 * spacings of the largest magnitude involved) or beyond it can leave a
	 * value no mass: no likelihood otherwise
	 */
	if (!(bf_end_near_data(params[il], params[is], zlo, pb->fd->min, -1) ||
		  bf_end_near_data(params[il], params[is], zhi, pb->fd->max, 1)) ||
		isfinite(bf_loglik(pb->fd, d, params)))
		return false;
	for (int end = 0; end < 2; end++)
	{
		double		zend = end == 0 ? zlo : zhi,
					x = end == 0 ? pb->fd->min : pb->fd->max,
					mag,
					u,
					trial[BF_MAX_PARAMS];

		if (!isfinite(zend))
			continue;
		mag = Max(fabs(params[il]), Max(fabs(zend * params[is]), fabs(x)));
		u = nextafter(mag, INFINITY) - mag;
		memcpy(trial, params, sizeof(double) * bf_nparams(d));
		for (int k = 0; k <= 60 && !bf_should_stop(); k++)
		{
			trial[il] = params[il] + (end == 0 ? -1 : 1) * ldexp(u, k);
			if (isfinite(bf_loglik(pb->fd, d, trial)))
			{
				memcpy(params, trial, sizeof(double) * bf_nparams(d));
				return true;
			}
		}
	}
	/*
	 * Both ends finite and near the data (truncpareto at b -> 1 with a huge
	 * scale, on rounded data): a move of loc alone moves one end out and
	 * the other in.  Move each near end out by u, 2u, 4u, ... and keep the
	 * other where it is, by loc and scale together (u as above, at the
	 * larger end's magnitude).
	 */
	if (isfinite(zlo) && isfinite(zhi) && zhi > zlo && !pb->fixed[is])
	{
		double		lo = params[il] + zlo * params[is],
					hi = params[il] + zhi * params[is],
					mag = Max(Max(fabs(params[il]), fabs(zlo * params[is])),
							  Max(fabs(zhi * params[is]), Max(fabs(pb->fd->min), fabs(pb->fd->max)))),
					u = nextafter(mag, INFINITY) - mag,
					trial[BF_MAX_PARAMS];
		bool		nlo = bf_end_near_data(params[il], params[is], zlo, pb->fd->min, -1),
					nhi = bf_end_near_data(params[il], params[is], zhi, pb->fd->max, 1);

		memcpy(trial, params, sizeof(double) * bf_nparams(d));
		for (int k = 0; k <= 60 && !bf_should_stop(); k++)
		{
			double		lo2 = nlo ? lo - ldexp(u, k) : lo,
						hi2 = nhi ? hi + ldexp(u, k) : hi;

			trial[is] = (hi2 - lo2) / (zhi - zlo);
			trial[il] = nlo ? lo2 - zlo * trial[is] : hi2 - zhi * trial[is];
			if (isfinite(bf_loglik(pb->fd, d, trial)))
			{
				memcpy(params, trial, sizeof(double) * bf_nparams(d));
				return true;
			}
		}
	}
	return false;
}

/* Set loc so that support end zend (finite) sits exactly at x. */
bool
bf_place_end(const BfProblem *pb, double *params, double zend, double x)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes;

	params[il] = x - zend * params[il + 1];
	/* rounding may leave x a hair outside: step loc towards inside */
	for (int k = 0; k < 4 && !bf_support_covers(d, params, pb->fd->min, pb->fd->max); k++)
		params[il] = nextafter(params[il], zend <= 0 ? -INFINITY : INFINITY);
	return bf_support_covers(d, params, pb->fd->min, pb->fd->max);
}

/*
 * Many maximum-likelihood estimates sit on the boundary where a support end
 * meets the smallest or largest value (expon, uniform, pareto: loc = min);
 * the simplex only creeps towards such a boundary.  Try placing each finite
 * support end exactly at the data's end (both ends for two-sided supports),
 * optimise the remaining free parameters there, and keep the result if its
 * likelihood is higher.
 * The remaining parameters are optimised as the main polish does
 * (stages.c): on a binned sketch with coarse copies (hfd, the finest; NULL
 * otherwise) by Newton steps with hfd's Hessian (optimiser.c,
 * bf_newton_polish), on an exact sketch by BFGS and its check
 * (stages.c, bf_polish_exact_with); the plan's snap_binned or snap_exact
 * simplex runs only when those do not converge, from the placed point.
 * Most placements change nothing (the search already ended at the data's
 * end: 328 of 449 on the zoo's, weather's and hflights' sketches gained
 * under 1e-3), and the simplex alone spent its full budget on each of
 * them: a third of the full-sketch evaluations on the zoo's binned
 * sketches.  Measured (test/bench/fitprof -b, 2026-12-03) on the 37
 * sketch files of README's "The snap to the data's end polished by
 * Newton and BFGS": 5.0 % fewer bins evaluated in all (genexpon, foldnorm,
 * foldcauchy, gompertz, lomax -38 to -41 %; truncnorm +22 % and
 * truncweibull_min +15 %, their Newton steps failing at a corner before
 * the simplex), no log-likelihood moved by more than 0.01.
 * On an exact sketch a placed point that is the fit itself (loc and scale
 * moved by at most BF_SNAP_SAME_PARAM of the scale, the log-likelihood by
 * at most BF_SNAP_SAME_LL: the search had ended at the data's end) is not
 * refitted: the exact polish (BFGS, or the 400-evaluation simplex where
 * BFGS cannot converge at the boundary) has already optimised the other
 * parameters there.  The placed point itself is kept when its
 * log-likelihood is higher, so that the end sits exactly at the data
 * (uniform's loc = min, foldnorm's loc at the smallest value: the closed
 * forms and the infinite Anderson-Darling statistic the tests check).  Measured (2026-12-05) on the nine exact sketches of
 * the 36 files: 287 of 320 placements are such points, and their refits
 * cost 40,873 of the snaps' 53,154 evaluations of the exact likelihood for
 * one gain above 0.01 (truncpareto on 1,000 t(3) draws, 0.039).  Binned
 * sketches keep every refit: their polish is shorter (Newton, or a
 * 40-evaluation simplex), and the refit at such points gained up to 242
 * units there (genhalflogistic on the zoo's uniform sketch).
 * A fourth placement (since 2026-12-06) for supports with two finite ends
 * and the scale free: both ends held where the fit left them, the shapes
 * moved, loc and scale following (BF_TIE_BOTH, transform.c).  A fit whose
 * two ends both sit at the data's ends lies on a ridge against two walls,
 * where the simplex, moving loc, scale and shape at once, stalls: genpareto
 * (c < 0) on the zoo's two-normal mixture stopped at c = -0.877, 487 units
 * below the point c = -0.856 on the same line that the engine of 45865a8
 * found (test/bench/zoo.sh's comparison at the baseline's own point), and
 * the placements above, each moving one end to the data, start 2.4-3.4
 * units below the fit and are not tried.  Only from a feasible fit (a
 * finite log-likelihood at its own point: an infeasible one is rescued by
 * the placements above).  Measured (test/bench/fitprof -b -w, the whole
 * default set on 49 sketch files, 2026-12-06): 99 log-likelihoods up by
 * more than 0.5 (genpareto on the mixture +519, on the uniform +2,152;
 * kappa4 on 1,000,000 Cauchy draws +1,599,253; johnsonsb on the baby
 * names' counts +110,695), 7 down (rdist, flagged, on the baby names'
 * years -99; truncexpon, truncnorm and genhalflogistic on hflights'
 * TaxiOut -13.6 to -18.8, where the rounded cells' gap growth that follows
 * ends lower from the higher point), bins +4.4 %; best_fit's race +2.1 %
 * of its bins, the same winners (test/bench/PERFORMANCE.md, "The sketch's row
 * without a branch on the sign").  This placement is refitted on exact
 * sketches too, though it starts at the fit itself: it moves along the
 * ridge, not the other parameters at an end (gausshyper on the zoo's
 * exact 2,000 values +3.3; the exact sketches among the 49 files +2.8 %
 * of their bins).
 * A fifth and a sixth placement (since 2026-12-06, forty-fourth session)
 * for fits whose loc moves as a plain coordinate (loc mode linear: the
 * families whose support's ends move with the shapes, kappa4, pearson3,
 * genextreme, genpareto, tukeylambda, and fits searched in moment
 * coordinates, stages.c bf_finish_full): the lower (upper)
 * end held where the fit left it, when that is within BF_SNAP_WALL of the
 * data's range from the data's end, the shapes and the scale moved, loc
 * following (BF_TIE_LOWER, BF_TIE_UPPER with tie_ends).  Such a fit lies
 * against a curved wall (its end among the data is infeasible), where the
 * simplex, moving loc, scale and shapes at once, stalls, and the first
 * placement, which moves loc to put the end exactly at the data, holds loc
 * and so lets the end move off the wall: kappa4 on the zoo's Pareto sketch
 * stopped at h = -0.707, 412 units below its optimum on that wall at h =
 * -0.790, and the first placement started 4 units below the fit (not
 * tried).  Measured (test/bench/fitprof -b -w, the whole default set on
 * the 49 sketch files, 2026-12-06): 52 log-likelihoods up by more than 0.5
 * (pearson3 on the zoo's lognormal s = 3 +703,136 and on its Pareto sketch
 * +592,327, kappa4 on 1,000,000 Cauchy draws +51,935, genextreme on
 * weather's visib +31,494), none down, bins +1.3 %, the same winners.
 * Without the condition on the distance, 487 placements on those files:
 * the gains all came from ends within 0.1 of the range but for two
 * (nakagami, 28 units in all), and the refits from far ends (rdist at c =
 * 5.6e12, its ends 1.6e7 from data of range 100) cost 48 % more of rdist's
 * bins and ten times its time, and two fits moved down by 21.8.
 */
#define BF_SNAP_SAME_PARAM 1e-9
#define BF_SNAP_SAME_LL 1e-6
#define BF_SNAP_WALL 0.1

void
bf_snap_to_data(BfProblem *pb, double *params, const BfFitData *hfd)
{
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	double		zlo,
				zhi;
	double		best = bf_loglik(pb->fd, d, params);
	bool		feasible = isfinite(best);	/* the fit's own point */

	if (pb->fixed[il])
		return;
	bf_entry_support(d, params, &zlo, &zhi);
	for (int variant = 0; variant < 6; variant++)
	{
		double		trial[BF_MAX_PARAMS];
		BfProblem	sub = *pb;
		double		ll,
					tlo,
					thi;

		memcpy(trial, params, sizeof(trial));
		sub.tie_ends[0] = pb->fd->min;
		sub.tie_ends[1] = pb->fd->max;
		/* the support where params are now (an earlier placement may have moved them) */
		bf_entry_support(d, trial, &tlo, &thi);
		if (variant == 0 && isfinite(zlo))
		{
			if (!bf_place_end(pb, trial, zlo, pb->fd->min))
				continue;
		}
		else if (variant == 1 && isfinite(zhi))
		{
			if (!bf_place_end(pb, trial, zhi, pb->fd->max))
				continue;
		}
		else if (variant == 2 && isfinite(zlo) && isfinite(zhi) && !pb->fixed[is])
		{
			trial[is] = (pb->fd->max - pb->fd->min) / (zhi - zlo);
			if (!bf_place_end(pb, trial, zlo, pb->fd->min))
				continue;
			sub.fixed[is] = true;
		}
		else if (variant == 3 && !pb->fixed[is] && pb->nfree > 2 && feasible)
		{
			/*
			 * both ends held where they are (params, which an earlier
			 * placement may have moved); the shapes move, loc and scale
			 * follow
			 */
			if (!(isfinite(tlo) && isfinite(thi) && thi > tlo))
				continue;
			sub.tie_ends[0] = trial[il] + tlo * trial[is];
			sub.tie_ends[1] = trial[il] + thi * trial[is];
			sub.fixed[is] = true;
		}
		else if ((variant == 4 || variant == 5) && pb->locmode == BF_LOC_LINEAR &&
				 pb->nfree > 1 && feasible && isfinite(variant == 4 ? tlo : thi))
		{
			/* one end held where it is, against the data; the others move, loc following */
			double		end = trial[il] + (variant == 4 ? tlo : thi) * trial[is];

			if (!(fabs(end - (variant == 4 ? pb->fd->min : pb->fd->max)) <=
				  BF_SNAP_WALL * (pb->fd->max - pb->fd->min)))
				continue;
			sub.tie_ends[variant - 4] = end;
		}
		else
			continue;
		/*
		 * Only worth optimising when the placed point starts close: the
		 * simplex already brought loc near a boundary optimum.
		 */
		ll = bf_loglik(pb->fd, d, trial);
		if (!(ll > best - 1.0))
			continue;
		/*
		 * Optimise the others with the placed parameters held; in a gap mode
		 * the anchored end stays at the data while the scale moves.  On an
		 * exact sketch a placed point that is the fit itself is kept or
		 * dropped as it is (above), except the fourth to sixth placements'
		 * (they start at the fit and move along the ends they hold)
		 */
		if (!(variant < 3 && pb->fd->exact && fabs(ll - best) <= BF_SNAP_SAME_LL &&
			  fabs(trial[il] - params[il]) <= BF_SNAP_SAME_PARAM * params[is] &&
			  fabs(trial[is] - params[is]) <= BF_SNAP_SAME_PARAM * params[is]))
		{
			sub.fixed[il] = true;
			if ((variant == 0 && pb->locmode != BF_LOC_LINEAR) || variant == 4)
				sub.tie = BF_TIE_LOWER;
			else if ((variant == 1 && pb->locmode != BF_LOC_LINEAR) || variant == 5)
				sub.tie = BF_TIE_UPPER;
			else if (variant == 3)
				sub.tie = BF_TIE_BOTH;
			sub.nfree = 0;
			for (int i = 0; i < bf_nparams(d); i++)
				if (!sub.fixed[i])
					sub.freeidx[sub.nfree++] = i;
			memcpy(sub.base, trial, sizeof(sub.base));
			if (sub.nfree > 0 && pb->fd->exact)
				bf_polish_exact_with(&sub, trial, &bf_plan.snap_exact);
			else if (sub.nfree > 0 &&
					 (hfd == NULL ||
					  !bf_newton_polish(&sub, hfd, trial, bf_plan.binned_newton_iters,
										bf_plan.binned_newton_gain, NULL)))
				bf_run_stage(&sub, trial, &bf_plan.snap_binned);
			pb->evaluations = sub.evaluations;
			ll = bf_loglik(pb->fd, d, trial);
		}
		if (ll > best)
		{
			best = ll;
			memcpy(params, trial, sizeof(double) * bf_nparams(d));
		}
	}
}

/*
 * Try the gap coordinate k of t at nv (theta units: log gap); keep it,
 * with params and *best, when the full sketch's log-likelihood grows.
 */
static bool
bf_try_gap(BfProblem *pb, gsl_vector *t, int k, double nv, double *best, double *params)
{
	double		v = gsl_vector_get(t, k),
				trial[BF_MAX_PARAMS],
				ll;

	gsl_vector_set(t, k, nv);
	bf_theta_to_params(pb, t, trial);
	pb->evaluations++;
	ll = bf_loglik(pb->fd, pb->d, trial);
	if (!(ll > *best))
	{
		gsl_vector_set(t, k, v);
		return false;
	}
	*best = ll;
	memcpy(params, trial, sizeof(double) * bf_nparams(pb->d));
	return true;
}

/*
 * Rounded values (q > 0): a support end held by a gap below the data's
 * minimum cell's inner edge (fd->min, data.c) may belong anywhere in that
 * cell or beyond, but the search's coarse copies merge the extreme cell
 * with its neighbours when it holds more than the extreme value
 * (bf_fitdata_shrink_extremes), so an end that left the wide coarse bin
 * most of its mass can leave the full sketch's narrow cell a sliver: gaps
 * of 1e-10 in cells of 1, the cell's few values at log-densities of -5e9
 * (geninvgauss on hflights' ActualElapsedTime: -2.1e10 in all, where the
 * fit with the end in the cell has -1,212,776), or tens to thousands of
 * units (uniform, triang, gamma on hflights' Distance and weather.csv's
 * dewp).  So first grow each gap by factors of 10 while the full
 * sketch's log-likelihood grows, then try steps in log gap of half a
 * decade, halved down to 1/256 of one, on either side (up to 16 more
 * evaluations; the gap within 1 % of the best on that line).  A coordinate
 * step with the other parameters held: it only ever raises the
 * log-likelihood, and it does not refit the shapes to the moved end
 * (uniform on hflights' Distance: 8,600 units up, to within 0.2 of its
 * grouped MLE, -1,876,697.84 by scipy's Nelder-Mead on the same cells).
 * Returns true when a gap grew (the shrinking of bf_refine_gaps is then
 * skipped for it).
 */
static bool
bf_grow_gap(BfProblem *pb, gsl_vector *t, int k, double *best, double *params)
{
	bool		grew = false;

	for (int i = 0; i < 16 && bf_try_gap(pb, t, k, gsl_vector_get(t, k) + M_LN10, best, params); i++)
		grew = true;
	if (!grew)
		return false;
	for (double h = 0.5 * M_LN10; h > 0.005; h *= 0.5)
		if (!bf_try_gap(pb, t, k, gsl_vector_get(t, k) + h, best, params))
			bf_try_gap(pb, t, k, gsl_vector_get(t, k) - h, best, params);
	return true;
}

/*
 * the shrink's gain per row beyond which the other parameters follow: on
 * the zoo's Pareto sketch the shrinks gained 25 to 2,606 units (up to
 * 0.0026 a row) and a polish after them 2 more for 10 % more bins; on
 * 1,000,000 lognorm(5) draws lognorm's gained 36,692 (0.037 a row) and the
 * polish 978 more, on beta(0.1, 2)'s quantiles 328,549 and 43,870
 */
#ifndef BF_GAP_POLISH_GAIN
#define BF_GAP_POLISH_GAIN 0.01
#endif

/*
 * Last step for support ends held by a gap to the data (loc modes other
 * than linear).  The search stops gaps at 1e-12 locunits, but a density
 * that diverges at an end (arcsine, beta with a < 1) has an unbounded
 * likelihood there, and scipy's fit brings such an end within a few ulps
 * of the data: move each gap down by factors of 10, to 4 ulps of the
 * magnitude of the data's end it is a gap to (of the larger of both ends
 * until 2026-12-06), while the likelihood grows.  Ends where the density
 * vanishes or is finite (triang with c near 1) stop at once.  Measured on
 * 1,000,000 arcsine values: 4.5 log-likelihood units.  On rounded values
 * a gap first grows when that raises the likelihood (bf_grow_gap).
 * Returns 1 when a gap grew: the caller then polishes every parameter on
 * the full sketch (the shapes fitted to the old end); 2 when a gap shrank
 * two decades or more below the search's floor and gained more than
 * BF_GAP_POLISH_GAIN units a row: the floor of 1e-12 sd lies far above the smallest
 * values of data spanning many decades (1,000,000 lognorm(5) draws from
 * 6.5e-11, sd 5e7: the floor 5e-5, lognorm 28,290 units below the law's
 * own point; weibull_min(0.3) draws from 6.4e-22: 1,308), and the other
 * parameters must follow the end (the caller's gap_polish, at the lowered
 * floor, which pb->min_log_gap keeps until the caller resets it).
 */
/* The data's end a free parameter's gap is to: 1 for ABOVE_MAX's loc and BETWEEN's scale. */
static int
bf_gap_end(const BfProblem *pb, int i)
{
	return (i == bf_loc_index(pb->d) && pb->locmode != BF_LOC_ABOVE_MAX) ? 0 : 1;
}

int
bf_refine_gaps(BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	gsl_vector *t;
	double		best;
	bool		grew = false,
				shrunk = false;
	double		floor = BF_MIN_LOG_GAP;

	if (pb->locmode == BF_LOC_LINEAR || pb->tie != BF_TIE_NONE ||
		pb->fixed[il] || pb->nfree == 0)
		return 0;
	t = gsl_vector_alloc(pb->nfree);
	if (t == NULL)
		return 0;
	/* one floor for every gap: the lowest of their ends' (the transform has one) */
	for (int k = 0; k < pb->nfree; k++)
	{
		int			i = pb->freeidx[k];

		if (i == il || (i == is && pb->locmode == BF_LOC_BETWEEN))
			floor = Min(floor, pb->min_log_gap_fine[bf_gap_end(pb, i)]);
	}
	if (!(floor < pb->min_log_gap || pb->fd->resolution > 0))
	{
		gsl_vector_free(t);
		return 0;
	}
	pb->min_log_gap = floor;
	bf_params_to_theta(pb, params, t);
	best = bf_loglik(pb->fd, d, params);
	for (int k = 0; k < pb->nfree && isfinite(best); k++)
	{
		int			i = pb->freeidx[k];
		double		v0 = gsl_vector_get(t, k),
					ll0 = best;

		if (!(i == il || (i == is && pb->locmode == BF_LOC_BETWEEN)))
			continue;
		if (pb->fd->resolution > 0 && bf_grow_gap(pb, t, k, &best, params))
		{
			grew = true;
			continue;
		}
		for (;;)
		{
			double		v = gsl_vector_get(t, k),
						nv = Max(v - M_LN10, pb->min_log_gap_fine[bf_gap_end(pb, i)]);

			if (!(nv < v) || !bf_try_gap(pb, t, k, nv, &best, params))
				break;
		}
		if (gsl_vector_get(t, k) < v0)
			bf_debug(2, "bestfit: %s: a gap shrank by %.1f decades to %g locunits, gaining %.3f",
					 d->name, (v0 - gsl_vector_get(t, k)) / M_LN10, exp(gsl_vector_get(t, k)), best - ll0);
		/*
		 * a gap that left the search's floor by decades and gained: the
		 * other parameters follow it (the caller's polish, at this floor)
		 */
		if (v0 - gsl_vector_get(t, k) > 2 * M_LN10 && gsl_vector_get(t, k) < BF_MIN_LOG_GAP &&
			best > ll0 + BF_GAP_POLISH_GAIN * pb->fd->n)
			shrunk = true;
	}
	/* the polish after a shrink keeps this floor (bf_finish_full resets it) */
	if (!shrunk)
		pb->min_log_gap = BF_MIN_LOG_GAP;
	gsl_vector_free(t);
	return shrunk ? 2 : grew ? 1 : 0;
}

/* One point of an entry's start grid, with its coarse log-likelihood. */
