/*
 * optimiser.c — GSL's Nelder-Mead simplex (nmsimplex2) with restarts and
 * Hooke-Jeeves pattern moves, over the transformed parameters of a
 * BfProblem; the objective is minus the mean log-likelihood.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"

double
bf_objective(const gsl_vector *t, void *arg)
{
	BfProblem  *pb = (BfProblem *) arg;
	double		params[BF_MAX_PARAMS];
	double		ll;

	pb->evaluations++;
	bf_theta_to_params(pb, t, params);
	/* shapes beyond the entry's search cap (catalogue/entry.h, fit_max) */
	for (int i = 0; i < pb->d->nshapes; i++)
		if (BF_HINT(pb->d, fit_max[i]) > 0 && params[i] > BF_HINT(pb->d, fit_max[i]))
			return BF_PENALTY;
	ll = bf_loglik_problem(pb, params);
	if (!isfinite(ll))
		return BF_PENALTY;
	return -ll / pb->fd->n;
}

/* gsl_vector_free that accepts NULL (an allocation that failed). */
static void
bf_vector_free(gsl_vector *v)
{
	if (v)
		gsl_vector_free(v);
}

static void
bf_simplex_free(gsl_multimin_fminimizer *s, gsl_vector *x, gsl_vector *ss)
{
	if (s)
		gsl_multimin_fminimizer_free(s);
	bf_vector_free(x);
	bf_vector_free(ss);
}

/*
 * The simplex's objective: bf_objective, watching for a two-point cycle.
 * GSL's nmsimplex2 accepts a reflected point whose value equals the
 * second-worst vertex's (Lagarias, Reeds, Wright and Wright (1998, SIAM J.
 * Optim. 9, 112, sec. 2) reject it); with two or more vertices at the penalty
 * of an infeasible point, the worst is reflected through the others' centroid
 * onto another infeasible point, accepted, and reflected back at the next
 * iteration: the simplex's state repeats every two iterations and its best
 * vertex cannot change, until the stall window (BF_STALL_WINDOW iterations)
 * ends it - about 100 evaluations for nothing (gausshyper on lognorm s = 3: 7
 * rounds in a row, 670 of its 3,181 evaluations; kappa4's first round at
 * every start on Pareto data).  The cycle is recognised when ten infeasible
 * trial points in a row alternate between two: each no farther from the one
 * two evaluations before than 1e-10 of its distance from the last (largest
 * difference of the transformed coordinates), which a sequence converging on
 * a point, as contractions make, never is (an absolute tolerance took a
 * contraction onto the centroid for a cycle and stopped norm on +-1.8e308
 * data 1 % short of its closed form: the contracts regression test).
 * bf_simplex then stops, at the point the stall window would have stopped at:
 * on 37 sketches, with the cycle let run on, the best point never moved after
 * it was recognised.  Only the evaluations saved differ, and with them the
 * budgets left to later rounds: 3,698 of 3,780 fits on 36 of those sketches
 * spent the same evaluations as before, all with the same log-likelihood
 * except kappa4's, whose search ends on a ridge against its support's end
 * (-2,706, -102, +3,017 on three sketches).  Ranking the new point below the
 * old ones instead (Lagarias et al.'s rule) ends the cycle by contraction,
 * but changed the searches' paths wherever a simplex meets the penalty: tried
 * the same day, kappa4 lost up to 289,000 and pearson3 gained up to 28,700.
 */
typedef struct
{
	BfProblem  *pb;
	double		trial[3][BF_MAX_PARAMS];	/* the last three trial points */
	int			ntrial;			/* infeasible trial points in a row */
	int			alternating;	/* of them, back at the one two before */
} BfSimplexArg;

static double
bf_simplex_objective(const gsl_vector *t, void *arg)
{
	BfSimplexArg *sa = (BfSimplexArg *) arg;
	double		v = bf_objective(t, sa->pb);
	double	   *cur = sa->trial[sa->ntrial % 3];

	if (v != BF_PENALTY)
	{
		sa->ntrial = sa->alternating = 0;
		return v;
	}
	for (int i = 0; i < sa->pb->nfree; i++)
		cur[i] = gsl_vector_get(t, i);
	if (sa->ntrial >= 2)
	{
		const double *one = sa->trial[(sa->ntrial - 1) % 3],
				   *two = sa->trial[(sa->ntrial - 2) % 3];
		double		d1 = 0.0,
					d2 = 0.0;

		for (int i = 0; i < sa->pb->nfree; i++)
		{
			d1 = Max(d1, fabs(cur[i] - one[i]));
			d2 = Max(d2, fabs(cur[i] - two[i]));
		}
		sa->alternating = d2 <= 1e-10 * d1 ? sa->alternating + 1 : 0;
	}
	sa->ntrial++;
	return v;
}

/*
 * Nelder-Mead from params (updated in place to the best point found).
 * Stops after maxiter iterations, when the simplex is smaller than tol,
 * when BF_STALL_WINDOW iterations gained less than stall in log-likelihood,
 * or when its trial points cycle among infeasible ones (above).
 * Returns the best objective value.  Stops at once when the host asks to
 * (bf_should_stop, every iteration); a GSL allocation failure sets
 * pb->out_of_memory.
 */
double
bf_simplex(BfProblem *pb, double *params, double step, int maxiter, double tol,
		   double stall)
{
	const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
	gsl_multimin_fminimizer *s;
	gsl_vector *x;
	gsl_vector *ss;
	gsl_multimin_function f;
	BfSimplexArg sa = {.pb = pb};
	double		best = BF_PENALTY;

	f.n = pb->nfree;
	f.f = bf_simplex_objective;
	f.params = &sa;

	x = gsl_vector_alloc(pb->nfree);
	ss = gsl_vector_alloc(pb->nfree);
	s = gsl_multimin_fminimizer_alloc(T, pb->nfree);
	if (x == NULL || ss == NULL || s == NULL)
	{
		pb->out_of_memory = true;
		bf_simplex_free(s, x, ss);
		return best;
	}
	bf_params_to_theta(pb, params, x);
	gsl_vector_set_all(ss, step);
	if (gsl_multimin_fminimizer_set(s, &f, x, ss) == GSL_SUCCESS)
	{
		/* s->fval is only set by an iteration: nothing to read before */
		double		checkpoint = INFINITY;
		bool		iterated = false;

		for (int iter = 1; iter <= maxiter; iter++)
		{
			if (bf_should_stop())
				break;
			if (gsl_multimin_fminimizer_iterate(s) != GSL_SUCCESS)
				break;
			iterated = true;
			/* a two-point cycle among infeasible points (above) */
			if (sa.alternating >= 10)
				break;
			if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tol) == GSL_SUCCESS)
				break;
			/* stalled: a ridge towards a limiting family, nothing to gain */
			if (iter % BF_STALL_WINDOW == 0)
			{
				if ((checkpoint - s->fval) * pb->fd->n < stall)
					break;
				checkpoint = s->fval;
			}
		}
		if (iterated && s->fval < BF_PENALTY)
		{
			best = s->fval;
			bf_theta_to_params(pb, s->x, params);
		}
	}
	bf_simplex_free(s, x, ss);
	return best;
}

/*
 * Pattern move (Hooke and Jeeves, 1961): from the point a round started at
 * to the one it ended at is a direction of progress; try doubling strides
 * along it while the objective improves.  Updates params and *f and returns
 * true when a stride improved.  Along ridges towards a limiting family
 * (gamma tending to normal) this covers in a few evaluations what the
 * simplex crawls through in hundreds.
 */
bool
bf_pattern_move(BfProblem *pb, const double *from, double *params, double *f)
{
	gsl_vector *t0 = gsl_vector_alloc(pb->nfree);
	gsl_vector *t1 = gsl_vector_alloc(pb->nfree);
	gsl_vector *t = gsl_vector_alloc(pb->nfree);
	double		best = *f;
	double		bestk = 0;

	if (t0 == NULL || t1 == NULL || t == NULL)
	{
		bf_vector_free(t0);
		bf_vector_free(t1);
		bf_vector_free(t);
		return false;
	}
	bf_params_to_theta(pb, from, t0);
	bf_params_to_theta(pb, params, t1);
	for (double k = 1; k <= 64; k *= 2)
	{
		double		v;

		for (int i = 0; i < pb->nfree; i++)
			gsl_vector_set(t, i, gsl_vector_get(t1, i) +
						   k * (gsl_vector_get(t1, i) - gsl_vector_get(t0, i)));
		v = bf_objective(t, pb);
		if (!(v < best))
			break;
		best = v;
		bestk = k;
	}
	if (bestk > 0)
	{
		for (int i = 0; i < pb->nfree; i++)
			gsl_vector_set(t, i, gsl_vector_get(t1, i) +
						   bestk * (gsl_vector_get(t1, i) - gsl_vector_get(t0, i)));
		bf_theta_to_params(pb, t, params);
		*f = best;
	}
	gsl_vector_free(t0);
	gsl_vector_free(t1);
	gsl_vector_free(t);
	return bestk > 0;
}

/*
 * Nelder-Mead with restarts: each round starts a fresh simplex at the best
 * point so far, a quarter the size of the previous round's (a collapsed simplex crawls along ridges; a
 * fresh one strides).  Stops when a round gains less than stall in
 * log-likelihood, after max_rounds rounds or after max_evals evaluations;
 * pb->budget_spent says whether it stopped on the evaluations' budget with
 * rounds still to run, rather than on a round that gained less than stall
 * or after its last round.
 */
void
bf_minimize(BfProblem *pb, double *params, double step, double tol,
			double stall, int max_evals, int max_rounds)
{
	int			start = pb->evaluations;
	double		prev = BF_PENALTY;
	double		first_gain = stall;
	double		before[BF_MAX_PARAMS];

	if (pb->round_gain > 0)
	{
		double		ll = bf_loglik_problem(pb, params);

		if (isfinite(ll))
		{
			prev = -ll / pb->fd->n;
			first_gain = pb->round_gain;
		}
	}

	pb->budget_spent = false;
	for (int round = 0; round < max_rounds; round++)
	{
		int			left = max_evals - (pb->evaluations - start);
		double		f;

		if (left <= 0)
		{
			pb->budget_spent = true;
			break;
		}
		memcpy(before, params, sizeof(before));
		f = bf_simplex(pb, params, step, Max(left / 2, 10), tol, stall);
		bf_debug(3, "bestfit: round: %d evaluations, gain %g, step %g",
			 pb->evaluations - start, (prev - f) * pb->fd->n, step);
		if ((prev - f) * pb->fd->n < (round == 0 ? first_gain : stall))
			break;
		/* on a ridge, stride along the direction the last round moved */
		if (round > 0 && bf_pattern_move(pb, before, params, &f))
			prev = f;
		else
		{
			prev = f;
			/* later rounds check the neighbourhood of the optimum found */
			step = Max(0.25 * step, 10 * tol);
		}
	}
}

/*
 * The broad first stage: minimise from the start params, then from the nalt
 * runner-up grid starts in alt (fixed values imposed here) with a short
 * budget each; a runner-up that ends higher than the main search takes
 * over and is finished with the full budget.  A likelihood with several
 * modes (mielke and burr: a soft lower end against a far loc with a huge
 * shape) traps a single start.  Entries with a coarse budget (a costly
 * density) search from their best start only; on a coarse copy (coarse
 * true) with that budget, a looser tolerance and two rounds.
 */
void
bf_minimize_starts(BfProblem *pb, double *params, double (*alt)[BF_MAX_PARAMS],
				   int nalt, bool coarse, const BfStage *stage)
{
	int			np = bf_nparams(pb->d);
	double		best;
	int			from = -1;
	double		tol = stage->tol;
	bool		spent;

	if (BF_HINT(pb->d, coarse_evals) > 0)
	{
		if (coarse)
		{
			BfStage		own = bf_plan.coarse_only;

			own.max_evals = BF_HINT(pb->d, coarse_evals);
			bf_run_stage(pb, params, &own);
		}
		else
			bf_run_stage(pb, params, stage);
		return;
	}
	bf_run_stage(pb, params, stage);
	best = bf_loglik_problem(pb, params);
	spent = pb->budget_spent;	/* the main search's, not the probes' */
	for (int a = 0; a < nalt; a++)
	{
		double		trial[BF_MAX_PARAMS];
		double		ll;

		if (bf_should_stop())
			break;
		memcpy(trial, alt[a], sizeof(trial));
		for (int i = 0; i < np; i++)
			if (pb->fixed[i])
				trial[i] = pb->base[i];
		if (!isfinite(bf_loglik_problem(pb, trial)))
			continue;
		bf_minimize(pb, trial, bf_plan.alt_start.step, Max(tol, bf_plan.alt_start.tol),
					bf_plan.alt_start.stall, bf_plan.alt_start.max_evals, bf_plan.alt_start.max_rounds);
		ll = bf_loglik_problem(pb, trial);
		if (ll > best || !isfinite(best))
		{
			best = ll;
			from = a;
			memcpy(params, trial, sizeof(trial));
		}
	}
	pb->budget_spent = spent;
	if (from >= 0)
		bf_debug(1, "bestfit: %s: runner-up start %d of %d wins", pb->d->name, from + 1, nalt);
	if (from >= 0)
		bf_minimize(pb, params, bf_plan.alt_resume.step, tol, bf_plan.alt_resume.stall,
					stage->max_evals, stage->max_rounds);
}

/*
 * The first stage of an entry with moment_search (catalogue/entry.h): the
 * stage's search from the start params with loc and scale moved as the
 * model's mean and sd (BF_LOC_MOMENTS, internal.h), so that they are
 * roughly orthogonal to the shapes near a normal limit (Cox & Reid 1987,
 * "Parameter orthogonality and approximate conditional inference", JRSS B
 * 49, 1-39: there the mean and sd hardly move as a shape does).  In the
 * usual gap coordinates a one-sided law near its normal limit is a ridge
 * on which loc and the shapes run off together (ncx2 on the zoo's normal
 * sketch: nc -> 11,734, loc -> -54 sd after 3,000 evaluations, 64
 * log-likelihood units below the limit, 0.85 s); in moment coordinates the
 * same climb is along the shapes alone.  Kept when it ends with the
 * support's end more than BF_MOMENTS_FAR data sd beyond the data: a law
 * near its normal limit (ncx2: nc or df beyond about 36), where the data
 * do not pin the end.  Otherwise the support's end is near the data, where
 * only the gap coordinates can approach it (moment coordinates walk into
 * infeasible points there: ncx2 on the zoo's Pareto sketch ended 1.2e6
 * units lower), and the usual first stage (bf_minimize_starts) runs as if
 * this had not: the same fit, after this stage's evaluations.  pb->locmode
 * says which: BF_LOC_MOMENTS when the moment coordinates were kept.
 * With moment_hold the entry's redundant shape is held at its start value
 * during this search and, when it is kept, for the rest of the fit (ncf's
 * nc, which the likelihood does not pin as dfn, dfd -> infinity: free, it
 * drifted up to 1e5, and a fit to 1,000 normal draws took 9 s instead of
 * 0.3).  With moment_probe a
 * search that ends far from the data is kept only when BF_MOMENTS_PROBE
 * evaluations of the usual search from the same start end lower: a law
 * whose limit is normal can still fit better with its end at the data
 * (ncf on the zoo's uniform sketch without nc held: the moment search
 * ended at the normal limit, 13,035 units below the usual fit, whose probe
 * was 6,600 units higher after 267 evaluations).  With moment_search_from
 * the moment search runs only when the start's own end lies that many data
 * sd beyond the data (rice: a start near the normal limit); elsewhere its
 * evaluations would go to a result that the end's test drops (rice on the
 * zoo's non-normal sketches: +30 to +60 % CPU without it).
 */
#define BF_MOMENTS_FAR 3.0
#define BF_MOMENTS_PROBE 300

/*
 * How far the support's end of params lies beyond the data (data units:
 * positive outside the data's range); with two finite ends the nearer one's
 * (beta: both ends far beyond the data near its normal limit); -INFINITY
 * for a support with no finite end.
 */
static double
bf_end_beyond(const BfProblem *pb, const double *params)
{
	double		zlo,
				zhi,
				loc = bf_model_loc(pb->d, params),
				scale = bf_model_scale(pb->d, params);

	bf_entry_support(pb->d, params, &zlo, &zhi);
	if (isfinite(zlo) && !isfinite(zhi))
		return pb->fd->min - (loc + zlo * scale);
	if (isfinite(zhi) && !isfinite(zlo))
		return (loc + zhi * scale) - pb->fd->max;
	if (isfinite(zlo) && isfinite(zhi))
		return fmin(pb->fd->min - (loc + zlo * scale), (loc + zhi * scale) - pb->fd->max);
	return -INFINITY;
}

/* hold shape i at v (on), or free it again (off) */
static void
moments_hold(BfProblem *pb, int i, double v, bool on)
{
	int			np = bf_nparams(pb->d);

	pb->fixed[i] = on;
	if (on)
		pb->base[i] = v;
	pb->nfree = 0;
	for (int k = 0; k < np; k++)
		if (!pb->fixed[k])
			pb->freeidx[pb->nfree++] = k;
}

void
bf_minimize_moments_first(BfProblem *pb, double *params, double (*alt)[BF_MAX_PARAMS],
						  int nalt, const BfStage *stage)
{
	BfLocMode	usual = pb->locmode;
	int			hold = BF_HINT(pb->d, moment_hold) - 1;
	double		pm[BF_MAX_PARAMS],
				llm = -INFINITY,
				beyond = -INFINITY;
	int			e0 = pb->evaluations;

	/* a start whose end is near the data: the usual search only (moment_search_from) */
	if (BF_HINT(pb->d, moment_search_from) > 0 &&
		!(bf_end_beyond(pb, params) > BF_HINT(pb->d, moment_search_from) * pb->locunit))
	{
		bf_debug(1, "bestfit: %s: moment coordinates not tried: the start's support end is %.3g sd beyond the data",
				 pb->d->name, bf_end_beyond(pb, params) / pb->locunit);
		bf_minimize_starts(pb, params, alt, nalt, true, stage);
		return;
	}
	memcpy(pm, params, sizeof(pm));
	if (hold >= 0)
		moments_hold(pb, hold, params[hold], true);
	pb->locmode = BF_LOC_MOMENTS;
	if (isfinite(bf_loglik_problem(pb, pm)))
	{
		bf_run_stage(pb, pm, stage);
		llm = bf_loglik_problem(pb, pm);
		beyond = bf_end_beyond(pb, pm);
	}
	bf_debug(1, "bestfit: %s: moment coordinates: log-likelihood %.4f, support end %.3g sd beyond the data, %d evaluations",
			 pb->d->name, llm, beyond / pb->locunit, pb->evaluations - e0);
	pb->locmode = usual;
	if (hold >= 0)
		moments_hold(pb, hold, params[hold], false);
	/*
	 * no support end (moment_search_normal: near-normal data): kept unless
	 * the probe below ends higher
	 */
	if (isfinite(llm) &&
		(beyond > BF_MOMENTS_FAR * pb->locunit ||
		 (beyond == -INFINITY && BF_HINT(pb->d, moment_search_normal) > 0)))
	{
		double		pp[BF_MAX_PARAMS],
					llp = -INFINITY;

		if (BF_HINT(pb->d, moment_probe))
		{
			int			e1 = pb->evaluations;
			bool		spent = pb->budget_spent;	/* the moment search's */

			memcpy(pp, params, sizeof(pp));
			if (isfinite(bf_loglik_problem(pb, pp)))
			{
				bf_minimize(pb, pp, stage->step, stage->tol, stage->stall, BF_MOMENTS_PROBE, 1);
				llp = bf_loglik_problem(pb, pp);
			}
			pb->budget_spent = spent;
			bf_debug(1, "bestfit: %s: the usual coordinates' probe: log-likelihood %.4f, %d evaluations",
					 pb->d->name, llp, pb->evaluations - e1);
		}
		if (!(llp > llm))
		{
			pb->locmode = BF_LOC_MOMENTS;
			if (hold >= 0)
				moments_hold(pb, hold, pm[hold], true);
			memcpy(params, pm, sizeof(pm));
			return;
		}
	}
	bf_minimize_starts(pb, params, alt, nalt, true, stage);
}

void
bf_run_stage(BfProblem *pb, double *params, const BfStage *stage)
{
	bf_minimize(pb, params, stage->step, stage->tol == BF_TOL_FINE ? pb->tol_fine : stage->tol,
				stage->stall, stage->max_evals, stage->max_rounds);
}


/*
 * Quasi-Newton polish: GSL's BFGS (gsl_multimin_fdfminimizer_vector_bfgs2,
 * Fletcher's line search; Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * ch. 6) on the transformed parameters, with central finite-difference
 * gradients (step BF_FD_STEP, 2 * nfree evaluations per gradient).  From a
 * point near the optimum (the finest coarse copy's) it converges in a few
 * iterations where the simplex needs hundreds of evaluations.  Stops when
 * the gradient's norm is below gtol (in units of the mean log-likelihood),
 * after max_evals evaluations, when an iteration makes no progress, or
 * when the host asks.  Once converged, it goes on for at most
 * BF_BFGS_EXTRA iterations while the gradient's norm is above BF_BFGS_TIGHT
 * gtol: near the optimum BFGS converges superlinearly, so one or two more
 * iterations (2 nfree + 1 or 2 evaluations each) take the parameters from
 * about 1e-3 of a standard error to rounding (norm on 2,500 exact values:
 * loc within 6e-10 of the mean instead of 4e-5), and a gradient that
 * cannot get that small (rounding, a kink) costs no more than those
 * iterations; the fit stays converged whatever they do (the best point is
 * kept).  Points with an infeasible neighbour (a support end
 * within a difference step of the data) make the gradient meaningless: the
 * polish then stops, and the simplex that follows takes over.  params is
 * updated only when the polish improved it.  Returns true when it converged.
 */
#define BF_FD_STEP 1e-5
#define BF_BFGS_EXTRA 2
#define BF_BFGS_TIGHT 1e-2

static void
bf_fd_gradient(const gsl_vector *t, void *arg, gsl_vector *g)
{
	BfProblem  *pb = (BfProblem *) arg;
	gsl_vector *u = gsl_vector_alloc(t->size);

	if (u == NULL)
	{
		pb->out_of_memory = true;
		gsl_vector_set_all(g, 0.0);
		return;
	}
	gsl_vector_memcpy(u, t);
	for (size_t i = 0; i < t->size; i++)
	{
		double		ti = gsl_vector_get(t, i),
					fp,
					fm;

		gsl_vector_set(u, i, ti + BF_FD_STEP);
		fp = bf_objective(u, pb);
		gsl_vector_set(u, i, ti - BF_FD_STEP);
		fm = bf_objective(u, pb);
		gsl_vector_set(u, i, ti);
		/* an infeasible neighbour: no gradient (the caller stops) */
		gsl_vector_set(g, i, (fp >= BF_PENALTY || fm >= BF_PENALTY) ? NAN :
					   (fp - fm) / (2 * BF_FD_STEP));
	}
	gsl_vector_free(u);
}

static void
bf_objective_fdf(const gsl_vector *t, void *arg, double *f, gsl_vector *g)
{
	*f = bf_objective(t, arg);
	bf_fd_gradient(t, arg, g);
}

bool
bf_bfgs_polish(BfProblem *pb, double *params, int max_evals, double gtol)
{
	const gsl_multimin_fdfminimizer_type *T = gsl_multimin_fdfminimizer_vector_bfgs2;
	gsl_multimin_fdfminimizer *s;
	gsl_multimin_function_fdf f;
	gsl_vector *x;
	int			start = pb->evaluations;
	double		f0;
	bool		converged = false;
	int			extra = 0;
	const char *why = "infeasible start";

	if (pb->nfree == 0)
		return true;
	f.n = pb->nfree;
	f.f = bf_objective;
	f.df = bf_fd_gradient;
	f.fdf = bf_objective_fdf;
	f.params = pb;
	x = gsl_vector_alloc(pb->nfree);
	s = gsl_multimin_fdfminimizer_alloc(T, pb->nfree);
	if (x == NULL || s == NULL)
	{
		pb->out_of_memory = true;
		bf_vector_free(x);
		if (s)
			gsl_multimin_fdfminimizer_free(s);
		return false;
	}
	bf_params_to_theta(pb, params, x);
	f0 = bf_objective(x, pb);
	/* first step 0.01 in transformed units, line search tolerance 0.1 */
	if (f0 < BF_PENALTY &&
		gsl_multimin_fdfminimizer_set(s, &f, x, 0.01, 0.1) == GSL_SUCCESS)
	{
		why = "evaluations";
		while (pb->evaluations - start < max_evals && !bf_should_stop())
		{
			bool		finite = true;
			int			rc;

			for (size_t i = 0; i < s->gradient->size; i++)
				finite &= isfinite(gsl_vector_get(s->gradient, i));
			why = "gradient not finite (an infeasible neighbour)";
			if (!finite)
				break;
			if (!converged && gsl_multimin_test_gradient(s->gradient, gtol) == GSL_SUCCESS)
				converged = true;
			/* converged: a few more iterations towards BF_BFGS_TIGHT gtol (above) */
			if (converged &&
				(extra++ == BF_BFGS_EXTRA ||
				 gsl_multimin_test_gradient(s->gradient, BF_BFGS_TIGHT * gtol) == GSL_SUCCESS))
				break;
			rc = gsl_multimin_fdfminimizer_iterate(s);
			why = rc == GSL_ENOPROG ? "no progress" : "line search failed";
			if (rc != GSL_SUCCESS)
				break;
			why = "evaluations";
		}
		if (s->f < f0 && isfinite(s->f))
			bf_theta_to_params(pb, s->x, params);
	}
	bf_debug(2, "bestfit: %s: bfgs polish %s%s after %d evaluations", pb->d->name,
			 converged ? "converged" : "gave up: ", converged ? "" : why, pb->evaluations - start);
	gsl_multimin_fdfminimizer_free(s);
	gsl_vector_free(x);
	return converged;
}


/*
 * Newton polish of a binned fit on the full sketch (pb->fd) from near its
 * optimum (the finest coarse copy's), with the Hessian borrowed from that
 * copy (hfd).  Each iteration steps
 *     theta <- theta - H^-1 g
 * in the transformed parameters, g the gradient of the objective (minus the
 * mean log-likelihood) on the full sketch by central differences (step
 * BF_FD_STEP: 2 m evaluations for m coordinates), H its Hessian on hfd by
 * central differences (once, step BF_NEWTON_HSTEP, 1 + 2 m^2 evaluations
 * of a copy of a few hundred bins instead of the sketch's thousands).  The
 * objective is a mean, and a copy whose bins are far narrower than the
 * model's scale has nearly the same curvature per observation, so this is
 * Newton's method with an inexact Hessian: it converges linearly at the
 * rate ||I - H^-1 H_full|| (Nocedal & Wright, Numerical Optimization, 2nd
 * ed., 2006, sect. 3.3; Dennis & Schnabel, Numerical Methods for
 * Unconstrained Optimization, 1983, ch. 5).
 * A coordinate along which the copy's objective does not change at all
 * (a support end's gap held at its floor, BF_MIN_LOG_GAP, far inside a
 * bin: |H_aa| within rounding) is held; the others are stepped.
 * Stops, converged, when the gain the quadratic model predicts for the next
 * step, g' H^-1 g / 2 in mean log-likelihood, is below gain_tol / n, or
 * when a step predicted to gain less than 10 gain_tol improved at all (the
 * gain left is then of that order whatever the step gained, and no gradient
 * is needed to confirm it; before 2026-12-01 such a step ended the polish
 * unconverged when it gained less than BF_NEWTON_MIN_RATIO of the
 * prediction or was the last iteration, unless it was a full step within
 * 20 % of the prediction, and the simplex started again from the coarse
 * optimum: rice on lognorm s = 3 ended 282 units lower), or when a step
 * predicted to gain less than BF_NEWTON_NEAR_GAINS gain_tol (0.01 units),
 * taken whole (neither shortened nor halved), gained what the model
 * predicted within BF_NEWTON_NEAR_RATIO (half of it
 * to one and a half times it): the quadratic model holds there, and with
 * the linear rate of an inexact Hessian what is left is a fraction of that
 * step's gain, so the confirming gradient (2 m full-sketch evaluations) is
 * skipped.  A step that gained more than predicted goes on: that is a
 * ridge, where the predicted gains grow from step to step (genexpon on
 * hflights' ArrDelay: 0.35, 0.87, 2.1, 5.2; stopping after its first step
 * within 0.01 lost 2.45 units).  Measured (2026-12-05, fitprof -b on the
 * 27 binned sketch files): 1.3 % fewer bins evaluated (lognorm s = 0.5
 * -4.8 %, the mixture -2.2 %), 15 log-likelihoods moved by more than
 * 0.01, none by more than 0.05; a step
 * longer than BF_NEWTON_MAX_STEP (transformed units, in any coordinate) is
 * shortened to it; a step that does not improve is halved up to
 * BF_NEWTON_HALVINGS times.  Gives up (returns false, params as they
 * came: the simplex polish from a point the steps reached ends elsewhere,
 * not always higher, on strongly misspecified fits) when H is not
 * positive definite (a ridge towards a limiting family, a saddle), when a
 * difference point is infeasible (a support end within a step of the data:
 * the gradient is meaningless there) but for the held coordinates below,
 * when a step cannot improve or gains less than
 * BF_NEWTON_MIN_RATIO of what the model predicted for the full step (the
 * quadratic model does not hold: a kink, a ridge), after max_iter
 * iterations, or when the host asks to stop; the caller then runs the
 * simplex polish from params.  Costs 2 m + 2 full-sketch evaluations when
 * one step converges as predicted, 4 m + 2 when a second gradient confirms
 * it.  reached (NULL: not wanted): when it gives up after steps that
 * improved, the point they reached (else NaN in reached[0]), which the
 * caller may weigh against the simplex's (stages.c).
 * A coordinate whose difference point on the copy is infeasible on one side
 * only, the other side no better than the centre there, lies against a
 * support end (a bounded family whose other end the placed one drags onto
 * the data, support_ends.c; a shape-dependent end): it is held where it is,
 * and the steps run in the others, when on the full sketch, too, one step
 * (BF_FD_STEP) to its feasible side does not improve: the condition for a
 * maximum on that bound in that coordinate (the sign condition of the
 * Karush-Kuhn-Tucker conditions for a bound constraint: Nocedal & Wright,
 * 2006, sect. 12.3 and 16.7).  It does not see a joint move along the end
 * with other coordinates; so when every coordinate is held or flat, only a
 * single one is accepted (uniform's scale with its lower end placed), and
 * with more the polish gives up as before.  Before 2026-12-05 every such
 * polish gave up, and the simplex polish (snap_binned, binned_polish: 40 to
 * 64 full-sketch evaluations) ran instead: measured (fitprof -N -b on the
 * 38 sketch files of test/bench/PERFORMANCE.md) 2.1 % fewer bins evaluated in
 * all (uniform -40 %, bradford -29 %, wrapcauchy -26 %, powerlaw -23 %,
 * truncpareto -15 %), 14 log-likelihoods moved by more than 0.01: three
 * up by 38 to 74 (the Newton steps' end beat the simplex's), one down by
 * 4.19 (truncpareto on t(3) draws, a degenerate fit with c - 1 = 1e-9),
 * the others by at most 0.5.
 */
#define BF_NEWTON_HSTEP 1e-4
#define BF_NEWTON_NEAR_GAINS 100.0
#define BF_NEWTON_NEAR_RATIO 0.5
#define BF_NEWTON_MAX_STEP 0.5
#define BF_NEWTON_HALVINGS 3
#define BF_NEWTON_MIN_RATIO 0.25

/* objective at t0 moved by da along coordinate a and db along b (b < 0: none) */
static double
bf_objective_at(BfProblem *pb, const gsl_vector *t0, gsl_vector *t,
				int a, double da, int b, double db)
{
	gsl_vector_memcpy(t, t0);
	gsl_vector_set(t, a, gsl_vector_get(t0, a) + da);
	if (b >= 0)
		gsl_vector_set(t, b, gsl_vector_get(t0, b) + db);
	return bf_objective(t, pb);
}

/*
 * The held coordinates (bf_newton_polish): true when none of them gains on
 * the full sketch one step (BF_FD_STEP) to its feasible side from t0,
 * where the objective is f0.
 */
static bool
bf_newton_held(BfProblem *pb, const gsl_vector *t0, gsl_vector *t,
			   const int *held, const double *side, int nheld, double f0)
{
	for (int j = 0; j < nheld; j++)
		if (bf_objective_at(pb, t0, t, held[j], side[j] * BF_FD_STEP, -1, 0) < f0 ||
			bf_should_stop())
			return false;
	return true;
}

bool
bf_newton_polish(BfProblem *pb, const BfFitData *hfd, double *params,
				 int max_iter, double gain_tol, double *reached)
{
	const BfFitData *full = pb->fd;
	const double h = BF_NEWTON_HSTEP;
	int			k = pb->nfree,
				m = 0,
				nheld = 0,
				use[BF_MAX_PARAMS],
				held[BF_MAX_PARAMS];
	double		side[BF_MAX_PARAMS];
	double		diag[BF_MAX_PARAMS];
	gsl_vector *t0,
			   *t;
	gsl_matrix *H = NULL;
	gsl_vector *g = NULL,
			   *s = NULL;
	double		f0 = BF_PENALTY,
				fc,
				f_start = BF_PENALTY;
	bool		whole = false;	/* the last step taken in full */
	bool		ok = true,
				converged = false;
	int			start = pb->evaluations;
	const char *why = "out of memory";

	if (reached != NULL)
		reached[0] = NAN;

	if (k == 0)
		return true;
	t0 = gsl_vector_alloc(k);
	t = gsl_vector_alloc(k);
	if (t0 == NULL || t == NULL)
	{
		pb->out_of_memory = true;
		ok = false;
		goto done;
	}
	bf_params_to_theta(pb, params, t0);

	/* the Hessian on the coarse copy: its diagonal, then the coordinates that move */
	pb->fd = hfd;
	pb->full_accuracy = true;
	why = "hessian infeasible";
	fc = bf_objective(t0, pb);
	ok = fc < BF_PENALTY;
	for (int a = 0; a < k && ok; a++)
	{
		double		fp = bf_objective_at(pb, t0, t, a, h, -1, 0),
					fm = bf_objective_at(pb, t0, t, a, -h, -1, 0);

		/*
		 * against a support end: one side infeasible, the other no better
		 * here; held when the full sketch agrees (below)
		 */
		if ((fp < BF_PENALTY) != (fm < BF_PENALTY) && !((fp < BF_PENALTY ? fp : fm) < fc) &&
			!bf_should_stop())
		{
			held[nheld] = a;
			side[nheld++] = fp < BF_PENALTY ? 1.0 : -1.0;
			continue;
		}
		ok = fp < BF_PENALTY && fm < BF_PENALTY && !bf_should_stop();
		diag[a] = (fp - 2 * fc + fm) / (h * h);
		ok &= isfinite(diag[a]);
		/* flat: a change within the rounding of the objective's sum */
		if (fabs(fp - fc) + fabs(fm - fc) > 64 * DBL_EPSILON * Max(fabs(fc), 1.0))
			use[m++] = a;
	}
	/*
	 * no coordinate to step: converged, unless some are held, where one
	 * coordinate alone must pass the full sketch's test (with more, a joint
	 * move along the support's end may gain: given up)
	 */
	if (ok && m == 0 && nheld > 0)
	{
		pb->fd = full;
		pb->full_accuracy = false;
		why = k == 1 ? "a held coordinate gains inwards" : "every coordinate held or flat";
		f0 = k == 1 ? bf_objective(t0, pb) : BF_PENALTY;
		ok = f0 < BF_PENALTY && bf_newton_held(pb, t0, t, held, side, nheld, f0);
		converged = ok;
		goto done;
	}
	if (ok && m == 0)
	{
		converged = true;
		goto done;
	}
	if (ok)
	{
		H = gsl_matrix_alloc(m, m);
		g = gsl_vector_alloc(m);
		s = gsl_vector_alloc(m);
		if (H == NULL || g == NULL || s == NULL)
		{
			pb->out_of_memory = true;
			why = "out of memory";
			ok = false;
		}
	}
	for (int a = 0; a < m && ok; a++)
	{
		gsl_matrix_set(H, a, a, diag[use[a]]);
		for (int b = a + 1; b < m && ok; b++)
		{
			double		f[4],
						v;

			for (int q = 0; q < 4; q++)
			{
				f[q] = bf_objective_at(pb, t0, t, use[a], (q & 1) ? -h : h,
									   use[b], (q & 2) ? -h : h);
				ok &= f[q] < BF_PENALTY;
			}
			v = (f[0] - f[1] - f[2] + f[3]) / (4 * h * h);
			ok &= isfinite(v) && !bf_should_stop();
			gsl_matrix_set(H, a, b, v);
			gsl_matrix_set(H, b, a, v);
		}
	}
	pb->fd = full;
	pb->full_accuracy = false;
	if (!ok)
		goto done;
	why = "hessian not positive definite";
	if (gsl_linalg_cholesky_decomp1(H) != GSL_SUCCESS)
	{
		ok = false;
		goto done;
	}

	why = "a held coordinate gains inwards";
	f0 = f_start = bf_objective(t0, pb);
	ok = f0 < BF_PENALTY && bf_newton_held(pb, t0, t, held, side, nheld, f0);
	if (ok)
		why = "";
	for (int iter = 0; iter < max_iter && ok; iter++)
	{
		double		gs = 0,
					big = 0,
					f1 = BF_PENALTY,
					pred,
					ratio;

		/* the gradient on the full sketch */
		why = "gradient infeasible";
		for (int a = 0; a < m && ok; a++)
		{
			double		fp = bf_objective_at(pb, t0, t, use[a], BF_FD_STEP, -1, 0),
						fm = bf_objective_at(pb, t0, t, use[a], -BF_FD_STEP, -1, 0);

			ok = fp < BF_PENALTY && fm < BF_PENALTY && !bf_should_stop();
			gsl_vector_set(g, a, (fp - fm) / (2 * BF_FD_STEP));
		}
		if (!ok)
			break;
		/* s = -H^-1 g, and the gain the model predicts for it */
		ok = gsl_linalg_cholesky_solve(H, g, s) == GSL_SUCCESS;
		for (int a = 0; a < m && ok; a++)
		{
			double		sa = -gsl_vector_get(s, a);

			gsl_vector_set(s, a, sa);
			gs += gsl_vector_get(g, a) * sa;
			big = Max(big, fabs(sa));
		}
		if (!ok || !isfinite(gs))
		{
			ok = false;
			break;
		}
		pred = -0.5 * gs * full->n;
		bf_debug(3, "bestfit: newton iteration %d: predicted gain %g, longest step %g",
				 iter, pred, big);
		if (pred < gain_tol)
		{
			converged = true;
			break;
		}
		if (big > BF_NEWTON_MAX_STEP)
			gsl_vector_scale(s, BF_NEWTON_MAX_STEP / big);
		why = "no improvement";
		whole = !(big > BF_NEWTON_MAX_STEP);
		for (int q = 0; q <= BF_NEWTON_HALVINGS && !(f1 < f0); q++)
		{
			whole &= q == 0;
			gsl_vector_memcpy(t, t0);
			for (int a = 0; a < m; a++)
				gsl_vector_set(t, use[a], gsl_vector_get(t0, use[a]) +
							   ldexp(gsl_vector_get(s, a), -q));
			f1 = bf_objective(t, pb);
		}
		if (!(f1 < f0))
		{
			ok = false;
			break;
		}
		bf_debug(3, "bestfit: newton step gains %g", (f0 - f1) * full->n);
		gsl_vector_memcpy(t0, t);
		/* a quarter of the model's prediction: the model does not hold here */
		ratio = (f0 - f1) * full->n / pred;
		/*
		 * a step that improved, from a point whose predicted gain was under
		 * 10 gain_tol: what is left is of that order whatever the ratio
		 * (and however many iterations are left); converged.  Likewise
		 * under BF_NEWTON_NEAR_GAINS gain_tol when the whole step (neither
		 * shortened nor halved) gained what the model predicted, within
		 * BF_NEWTON_NEAR_RATIO (the header)
		 */
		if (pred < 10 * gain_tol ||
			(pred < BF_NEWTON_NEAR_GAINS * gain_tol && whole &&
			 fabs(ratio - 1.0) <= BF_NEWTON_NEAR_RATIO))
		{
			converged = true;
			break;
		}
		ok = ratio >= BF_NEWTON_MIN_RATIO;
		why = ok ? "iterations" : "the model's gain not reached";
		f0 = f1;
	}
	if (ok && converged)
		bf_theta_to_params(pb, t0, params);
	else if (reached != NULL && f0 < f_start)
		bf_theta_to_params(pb, t0, reached);	/* t0: the last point that improved */

done:
	bf_debug(2, "bestfit: %s: newton polish %s%s after %d evaluations (%d of %d coordinates)",
			 pb->d->name, ok && converged ? "converged" : "gave up: ",
			 ok && converged ? "" : why, pb->evaluations - start, m, k);
	pb->fd = full;
	pb->full_accuracy = false;
	bf_vector_free(t0);
	bf_vector_free(t);
	bf_vector_free(g);
	bf_vector_free(s);
	if (H)
		gsl_matrix_free(H);
	return ok && converged;
}
