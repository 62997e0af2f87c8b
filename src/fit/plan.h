/*
 * plan.h — the fit engine's stage plan: every budget and tolerance of a
 * fit in one table, with what each is for.
 *
 * A fit runs bf_minimize (optimiser.c) in stages.  Each stage is
 *   step        initial simplex size in transformed parameters
 *   tol         stop when the simplex is smaller (BF_TOL_FINE: the size at
 *               which the log-likelihood is within about 1e-3 of its maximum,
 *               sqrt(2e-3 / n) clamped to [1e-9, 1e-4]: curvature n per unit)
 *   stall       stop a round when BF_STALL_WINDOW iterations gained less
 *               log-likelihood than this (a ridge towards a limiting family)
 *   max_evals   likelihood evaluations for the stage (all rounds)
 *   max_rounds  restarts of the simplex around the optimum found
 * Budgets count likelihood evaluations, never time, so that a fit is a
 * function of the sketch and the arguments whatever the machine.
 *
 * Which stage runs where (stages.c):
 *   first        the coarsest copy of a binned sketch, from the best start
 *                and the runner-up grid starts (start.c); entries with
 *                moment_search (catalogue/entry.h) run it first in moment
 *                coordinates (optimiser.c, bf_minimize_moments_first: with
 *                moment_hold a redundant shape held, with moment_probe a
 *                probe of BF_MOMENTS_PROBE evaluations in the usual
 *                coordinates), and from the starts as usual when that is
 *                not kept
 *   alt_start    each runner-up start on that copy
 *   alt_resume   the winning runner-up's continuation
 *   coarse_only  entries with a coarse budget (BF_HINT coarse_evals): their
 *                first stage, max_evals replaced by the entry's budget
 *   travel       each finer coarse copy; later rounds run only while a round
 *                gains more than round_gain
 *   travel_slow  the same for entries with a coarse budget
 *                (best_fit's race may first probe the next copy's travel
 *                with BF_RACE_PROBE_EVALS of its evaluations from a fit at
 *                a family's limit: fit.h, stages.c bf_pass_over_after_probe)
 *   single       a sketch without coarse copies (exact, few values): the
 *                whole search on the sketch itself
 *   exact_polish the exact sketch after its coarse copies: the exact MLE.
 *                First a quasi-Newton polish (optimiser.c, bf_bfgs_polish:
 *                at most exact_bfgs_evals evaluations, stopping when the
 *                gradient of the mean log-likelihood is below
 *                sqrt(2 exact_bfgs_gain / n), i.e. about exact_bfgs_gain
 *                from the maximum, then up to BF_BFGS_EXTRA more iterations
 *                towards 1e-4 of that; until 2026-12-05 a short simplex,
 *                exact_check, then confirmed it: stages.c); when BFGS does
 *                not converge (a kink, a support end), exact_polish itself
 *                from the coarse optimum
 *   exact_polish_expensive, exact_polish_slow   the same for expensive
 *                entries and for those with a coarse budget (the coarse
 *                stages did the travel)
 *   binned_polish           a binned sketch after its coarse copies: a
 *                short polish on the full sketch (keeps misspecified fits of
 *                heavy tails honest).  First Newton steps (optimiser.c,
 *                bf_newton_polish: at most binned_newton_iters, the Hessian
 *                from the finest coarse copy, the gradient on the full
 *                sketch), stopping when the next step would gain less than
 *                binned_newton_gain log-likelihood units (or a step
 *                predicted under 10 binned_newton_gain improved, or one
 *                predicted under 100 gained what the model predicted,
 *                within half of it: optimiser.c);
 *                binned_newton_iters was 4 until 2026-12-03: with the
 *                Hessian of a coarse copy Newton's method converges only
 *                linearly, and fits still gaining steadily after 4 steps
 *                fell back to the simplex from the coarse optimum, which
 *                stops within its 40 evaluations far short of the maximum
 *                (test/bench/fitprof -b on 37 sketches: with 20, 81
 *                log-likelihoods moved, 79 up by up to 3,539 (fisk on the
 *                baby names; 1,150 invgauss there and dgamma on hflights'
 *                ArrDelay), 2 down by 0.17 and 0.02, bins evaluated +0.1 %,
 *                best_fit's winners unchanged; with 40, three more fits on
 *                the baby names moved, two of them flagged: 20 bounds a
 *                fit's Newton polish at 20 (2 m + 2) full-sketch
 *                evaluations for m free parameters);
 *                when they cannot converge (a support end among the data, a
 *                kink, a ridge: a Hessian that is not positive definite),
 *                the simplex polish binned_polish from the coarse optimum,
 *                as if they had not run
 *   binned_polish_single    a binned sketch without coarse copies
 *   binned_polish_single_slow  the same for entries with a coarse budget,
 *                           in one round, where Newton steps with the
 *                           sketch's own Hessian (stages.c) do not
 *                           converge: their single stage converged
 *                           (to 1e-6) at the search accuracy, and the
 *                           polish at full accuracy hardly moves it; the
 *                           second and third rounds gained at most 0.006
 *                           log-likelihood units (levy_stable and nct on
 *                           seven rounded weather and flights columns,
 *                           2026-12-05: 7-15 % of their evaluations)
 *   binned_polish_expensive expensive entries, on the finest coarse copy
 *   gap_polish              the other parameters after a support end's gap
 *                           shrank decades below the search's floor
 *                           (bf_refine_gaps): lognorm on 1,000,000 lognorm(5)
 *                           draws, its loc from 5e-5 to 6e-11, s and scale
 *                           move by 3 % and 4 %, beyond binned_polish's
 *                           steps (34 units short of lognorm(5, 0, 1) after
 *                           it; 1.8 above after this stage; 300 evaluations
 *                           in 3 rounds gained 0.06 more)
 *   binned_polish_near      a warm start next to the optimum (erlang's
 *                           integers around its real optimum): the full
 *                           sketch only
 *   snap_exact, snap_binned the other parameters refitted with a support
 *                end placed at the data's end (support_ends.c: boundary MLEs)
 */
#ifndef BESTFIT_FIT_PLAN_H
#define BESTFIT_FIT_PLAN_H

#define BF_TOL_FINE (-1.0)		/* tol derived from n, see above */

typedef struct BfStage
{
	double		step;
	double		tol;
	double		stall;
	int			max_evals;
	int			max_rounds;
} BfStage;

typedef struct BfPlan
{
	BfStage		first;
	BfStage		alt_start;
	BfStage		alt_resume;
	BfStage		coarse_only;
	BfStage		travel;
	BfStage		travel_slow;
	double		travel_round_gain;
	BfStage		single;
	BfStage		exact_polish;
	int			exact_bfgs_evals;
	double		exact_bfgs_gain;
	BfStage		exact_polish_expensive;
	BfStage		exact_polish_slow;
	int			binned_newton_iters;
	double		binned_newton_gain;
	BfStage		binned_polish;
	BfStage		binned_polish_single;
	BfStage		binned_polish_single_slow;
	BfStage		binned_polish_near;
	BfStage		binned_polish_expensive;
	BfStage		gap_polish;
	BfStage		snap_exact;
	BfStage		snap_binned;
} BfPlan;

#ifndef BF_GAP_POLISH_EVALS
#define BF_GAP_POLISH_EVALS 60
#define BF_GAP_POLISH_ROUNDS 1
#endif

static const BfPlan bf_plan = {
	/* step   tol          stall  evals rounds */
	.first = {0.5, 1e-5, 1e-2, 1500, 8},
	.alt_start = {0.5, 1e-4, 1e-2, 300, 2},	/* tol: at least the stage's */
	.alt_resume = {0.1, 1e-5, 1e-2, 1500, 8},	/* the stage's tol and budget */
	.coarse_only = {0.5, 1e-4, 1e-2, 0, 2},	/* max_evals: the entry's own */
	.travel = {0.005, BF_TOL_FINE, 1e-3, 600, 4},
	.travel_slow = {0.005, BF_TOL_FINE, 1e-3, 50, 1},
	.travel_round_gain = 1.0,
	.single = {0.5, 1e-6, 1e-2, 1500, 8},
	.exact_polish = {0.01, 1e-9, 1e-5, 400, 3},
	.exact_bfgs_evals = 200,
	.exact_bfgs_gain = 1e-6,
	.exact_polish_expensive = {0.01, 1e-7, 1e-4, 60, 1},
	.exact_polish_slow = {0.01, 1e-7, 1e-4, 20, 1},
	.binned_newton_iters = 20,
	.binned_newton_gain = 1e-4,
	.binned_polish = {0.002, BF_TOL_FINE, 1e-3, 40, 1},
	.binned_polish_single = {0.02, BF_TOL_FINE, 1e-3, 300, 3},
	.binned_polish_single_slow = {0.02, BF_TOL_FINE, 1e-3, 300, 1},
	.binned_polish_near = {0.002, BF_TOL_FINE, 1e-3, 100, 2},
	.binned_polish_expensive = {0.002, BF_TOL_FINE, 1e-3, 40, 1},
	.gap_polish = {0.02, BF_TOL_FINE, 1e-3, BF_GAP_POLISH_EVALS, BF_GAP_POLISH_ROUNDS},
	.snap_exact = {0.02, 1e-9, 1e-7, 400, 3},
	.snap_binned = {0.02, 1e-5, 1e-3, 60, 1},
};

#endif							/* BESTFIT_FIT_PLAN_H */
