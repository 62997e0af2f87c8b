/*
 * internal.h — what the files of src/fit/ share: the optimisation problem
 * (BfProblem), the engine's named constants, and the functions one stage
 * of the engine calls in another.  Not for use outside src/fit/.
 */
#ifndef BESTFIT_FIT_INTERNAL_H
#define BESTFIT_FIT_INTERNAL_H

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>

#include "fit/fit.h"
#include "catalogue/model.h"
#include "fit/plan.h"

#define Max(x, y)		((x) > (y) ? (x) : (y))
#define Min(x, y)		((x) < (y) ? (x) : (y))
#define lengthof(a)		(sizeof(a) / sizeof((a)[0]))

#define BF_PENALTY 1e100
#define BF_STALL_WINDOW 50
#define BF_MIN_LOG_GAP (-27.6)		/* log(1e-12): the search's gap floor */
#define BF_MAX_STARTS 4			/* grid starts fitted in the first stage */


/*
 * How free loc and scale are parametrised.  For families whose support has
 * a finite lower end (whatever the shapes), loc = min - zlo * scale - gap
 * with gap = locunit * exp(t): the optimum often lies just below the
 * smallest value, and along ridges towards a limiting family (pareto to
 * expon as b grows) loc moves with the scale, which this keeps a straight
 * line.  The mirror image serves finite upper ends.  For two-sided supports
 * both ends are parametrised by their log gaps to [min, max] (beta tending
 * to a gamma as one end runs off).  Everything else moves loc linearly and
 * scale by its log.
 */
typedef enum BfLocMode
{
	BF_LOC_LINEAR,
	BF_LOC_BELOW_MIN,
	BF_LOC_ABOVE_MAX,
	BF_LOC_BETWEEN,
	/*
	 * loc and scale through the model's mean m and sd s (the entry's
	 * ridge_moments mu, sd at the shapes): scale = s / sd, loc = m - scale
	 * mu, theta = ((m - mom_mean) / locunit, log(s / locunit)); only while
	 * both are free (stages.c, bf_minimize_moments_first)
	 */
	BF_LOC_MOMENTS
} BfLocMode;

typedef enum BfTie
{
	BF_TIE_NONE,
	BF_TIE_LOWER,				/* support's lower end held at tie_ends[0] */
	BF_TIE_UPPER,				/* support's upper end held at tie_ends[1] */
	BF_TIE_BOTH					/* both ends held at tie_ends: loc and scale follow the shapes */
} BfTie;

typedef struct BfProblem
{
	const BfFitData *fd;
	const BfDist *d;
	double		base[BF_MAX_PARAMS];	/* fixed values and start values */
	bool		fixed[BF_MAX_PARAMS];
	int			freeidx[BF_MAX_PARAMS];
	int			nfree;
	BfLocMode	locmode;
	BfTie		tie;			/* loc (marked fixed) follows the scale */
	double		tie_ends[2];	/* the held ends: [0] for BF_TIE_LOWER, [1] for BF_TIE_UPPER, both for BF_TIE_BOTH */
	double		locunit;		/* loc step (linear) or gap unit */
	/*
	 * log of the smallest gap (in locunits) between a support's end and the
	 * data: BF_MIN_LOG_GAP during the search, then 4 ulps of the magnitude
	 * of the data's end in bf_refine_gaps (min_log_gap_fine[0] below the
	 * minimum, [1] above the maximum).
	 */
	double		min_log_gap;
	double		min_log_gap_fine[2];
	int			evaluations;
	/*
	 * bf_minimize's later rounds run only when the first gained at least
	 * this much log-likelihood (0: stall decides): the later stages travel
	 * on when the coarser copy left them far from their optimum.
	 */
	double		round_gain;
	bool		out_of_memory;	/* a GSL workspace could not be allocated */
	double		tol_fine;		/* BF_TOL_FINE for this sketch (plan.h) */
	/*
	 * bf_objective at BF_ACCURACY_FULL on a coarse copy too (the Newton
	 * polish's Hessian, from differences far below the search accuracy)
	 */
	bool		full_accuracy;
	/*
	 * the search on a sketch without coarse copies (stages.c, the single
	 * stage): BF_ACCURACY_SEARCH on the sketch itself, whose polish follows
	 */
	bool		search_accuracy;
	double		mom_mean;		/* BF_LOC_MOMENTS: the data's mean, m's origin */
	/*
	 * the last bf_minimize (of a stage's main search: not a runner-up
	 * start's probe) ran out of evaluations with rounds still to run, rather
	 * than ending on a round that gained too little or on its last round:
	 * best_fit's race drops no fit whose coarse search ended so (race.c)
	 */
	bool		budget_spent;
} BfProblem;

/* likelihood.c: the search's log-likelihood (BF_ACCURACY_SEARCH on coarse copies) */
extern double bf_loglik_search(const BfFitData *fd, const BfDist *d, const double *params);
/*
 * likelihood.c: the optimiser's log-likelihood of pb at params: BF_ACCURACY_FULL
 * when pb->full_accuracy, else BF_ACCURACY_SEARCH on a coarse copy or when
 * pb->search_accuracy, else BF_ACCURACY_FULL
 */
extern double bf_loglik_problem(const BfProblem *pb, const double *params);

/* Transform of one shape parameter from its domain to the real line. */

extern double bf_shape_from_theta(const BfDomain *dom, double v);
extern double bf_shape_to_theta(const BfDomain *dom, double p);
extern double bf_bounded_from_theta(double a, double v);
extern double bf_bounded_to_theta(double a, double b);
extern double bf_gap_from_theta(const BfProblem *pb, double v);
extern double bf_gap_to_theta(const BfProblem *pb, double gap);
extern void bf_theta_to_params(const BfProblem *pb, const gsl_vector *t, double *params);
extern void bf_params_to_theta(const BfProblem *pb, const double *params, gsl_vector *t);
extern BfLocMode bf_choose_locmode(const BfDist *d, const double *params, bool scale_free);
extern double bf_objective(const gsl_vector *t, void *arg);
extern double bf_simplex(BfProblem *pb, double *params, double step, int maxiter, double tol, double stall);
extern bool bf_pattern_move(BfProblem *pb, const double *from, double *params, double *f);
extern void bf_minimize(BfProblem *pb, double *params, double step, double tol, double stall, int max_evals, int max_rounds);
extern void bf_minimize_starts(BfProblem *pb, double *params, double (*alt)[BF_MAX_PARAMS], int nalt, bool coarse, const BfStage *stage);
/*
 * the first stage of an entry with moment_search (optimiser.c); pb->locmode
 * is BF_LOC_MOMENTS afterwards when it kept the moment coordinates
 */
extern void bf_minimize_moments_first(BfProblem *pb, double *params, double (*alt)[BF_MAX_PARAMS],
									  int nalt, const BfStage *stage);
/* quasi-Newton polish (optimiser.c): true when the gradient test passed */
extern bool bf_bfgs_polish(BfProblem *pb, double *params, int max_evals, double gtol);
/*
 * Newton polish on the full sketch with a coarse copy's Hessian
 * (optimiser.c); reached (or NULL): where it got to when it gave up
 */
extern bool bf_newton_polish(BfProblem *pb, const BfFitData *hfd, double *params,
							 int max_iter, double gain_tol, double *reached);
/* bf_minimize with a stage of the plan (plan.h) */
extern void bf_run_stage(BfProblem *pb, double *params, const BfStage *stage);
extern bool bf_shape_in_domain(const BfDomain *dom, double v);
extern void bf_repair_start(const BfProblem *pb, double *params);
extern bool bf_place_end(const BfProblem *pb, double *params, double zend, double x);
/* a support end a rounding away from the data moved out until the likelihood is finite */
extern bool bf_back_off_ends(const BfProblem *pb, double *params);
extern void bf_snap_to_data(BfProblem *pb, double *params, const BfFitData *hfd);
/* the exact polish (stages.c): BFGS and its check, else the simplex stage fallback */
extern void bf_polish_exact_with(BfProblem *pb, double *params, const BfStage *fallback);
/*
 * support_ends.c: the last step for support ends held by a gap; 0: none
 * moved, 1: a gap of rounded values grew, 2: a gap shrank below the
 * search's floor and gained (pb->min_log_gap then stays at the fine floor
 * for the caller's polish, bf_plan.gap_polish)
 */
extern int	bf_refine_gaps(BfProblem *pb, double *params);
/* log pdf of one law at n ascending standardized values, interpolated (likelihood.c); false: declined */
extern bool bf_logpdf_interpolated(const BfDist *d, const double *params, const double *z, int n, double *out);
/* a binned sketch's quadrature nodes, at their first use (data.c) */
extern void bf_fitdata_quad_nodes(const BfFitData *fd);
/* forget bf_logpdf_interpolated's declines (likelihood.c): at the start of every fit */
extern void bf_interp_reset(void);
/*
 * evaluations whose log densities came from bf_logpdf_interpolated, exact
 * values or bin_quadrature nodes (likelihood.c), since the process began:
 * for BESTFIT_DEBUG and the unit tests, never a result
 */
extern unsigned long bf_interp_accepted;
extern void bf_start_values(const BfFitData *coarse, const BfFitData *full, const BfDist *d, const double *fixed, double *params, double (*alt)[BF_MAX_PARAMS], int *nalt);
extern void bf_fit_continuous(const BfFitData *const *ladder, int nladder, const BfDist *d, const double *fixed, bool polish, BfFitResult *res);
/* the same from a warm start (another fit's parameters) instead of start values */
/* integer_search.c: the metrics, warnings and standard errors of a continuous fit */
extern void bf_fit_outputs(const BfFitData *const *ladder, int nladder, const BfDist *d,
						   const double *fixed, int out, BfFitResult *res);
extern void bf_fit_continuous_from(const BfFitData *const *ladder, int nladder, const BfDist *d,
								   const double *fixed, const double *warm, bool near,
								   bool polish, const BfRace *race, BfFitResult *res);
/*
 * integer_search.c: best_fit's look ahead along an entry's ridge (its
 * ridge_shape k free): the ridge walk's steps from params (a coarse search's
 * end) on the finest coarse copy (nladder >= 2).  Returns k, with the walk's
 * best point in end, when the walk found a ridge (two steps or more) whose
 * best point is above params there; else -1.  *evals: the evaluations spent.
 */
extern int	bf_ridge_probe(const BfFitData *const *ladder, int nladder, const BfDist *d,
						   const double *fixed, const double *params, double *end, int *evals);
/*
 * diagnostics.c: is shape i's value v at an edge of its domain, the test of
 * the fit's warnings (beyond BF_EDGE_BIG towards an infinite end, within
 * BF_EDGE_NEAR relative of a finite one) with BF_EDGE_BIG multiplied and
 * BF_EDGE_NEAR divided by margin (1: the warnings' own; race.c: 10)?
 * 1: the upper edge, -1: the lower one, 0: neither.
 */
extern int	bf_shape_edge(const BfDist *d, int i, double v, double margin);
/*
 * diagnostics.c: how far shape i's value v lies beyond that test, as the
 * largest margin at which bf_shape_edge still says it is at an edge (v /
 * BF_EDGE_BIG towards an infinite upper end, BF_EDGE_NEAR max(1, |hi|) /
 * (hi - v) towards a finite one, likewise at the lower end; the larger of
 * the two): 0 up to infinity (v on a finite end).
 */
extern double bf_shape_edge_factor(const BfDist *d, int i, double v);

/* are all of d's parameters free in fixed (NULL: none fixed; NaN: free)? (nesting.c, twins.c) */
static inline bool
bf_all_free(const BfDist *d, const double *fixed)
{
	if (fixed == NULL)
		return true;
	for (int i = 0; i < bf_nparams(d); i++)
		if (!isnan(fixed[i]))
			return false;
	return true;
}

#endif							/* BESTFIT_FIT_INTERNAL_H */
