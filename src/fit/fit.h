/*
 * fit.h — the fit engine: maximum-likelihood fitting of one catalogue
 * entry to a sketch (src/fit/), and the results the metrics fill in.
 *
 * Likelihood:
 *   exact sketch   sum_i w_i * log f(x_i)                    (the ordinary MLE)
 *   binned sketch  sum_i w_i * log((F(b_i) - F(a_i)) / (b_i - a_i))
 *                  the multinomial likelihood of the bin counts, from cdf
 *                  differences (sf differences in the upper tail), divided by
 *                  the bin widths so that it is on the same scale as the
 *                  density log-likelihood it approximates; the widths do not
 *                  depend on the parameters, so the maximiser is the binned MLE.
 *   rounded values the same with cells [x_i - q/2, x_i + q/2] as bins: the
 *                  grouped (interval-censored) likelihood of values recorded
 *                  to resolution q (Heitjan 1989), minus n log q, which puts
 *                  it on the density scale of scipy's log-likelihood.
 * Bins are clipped to [min - q/2, max + q/2] (q = 0 unless the values are
 * rounded).  A binned sketch of exact values knows min and max exactly:
 * they enter as exact observations, log f(min) + log f(max) with their
 * bins' counts less one, so that a fit whose density vanishes at the
 * extremes is as impossible as on the raw data; each term is capped at its
 * bin's average log density, log(P(bin) / width), so that a density that
 * diverges at a support's end placed on the data gains nothing over the
 * bin.  Every term is then at most -log(width): the likelihood is bounded,
 * where the density likelihood of such families is not (Cheng & Amin 1983;
 * replacing an extreme's density by an interval probability is the
 * corrected likelihood of Cheng & Iles 1987).  Rounded values enter by
 * their cells' masses only.  A bin so far in a tail that its cdf
 * difference underflows uses Simpson's rule on the density in log space.
 *
 * Optimiser: GSL's Nelder-Mead simplex (gsl_multimin_fminimizer_nmsimplex2)
 * over unconstrained parameters: loc = loc0 + t * s, scale = scale0 * exp(t),
 * shapes mapped from their domains (exp for half-lines, logistic for
 * intervals).  A point whose support does not contain [min, max] or whose
 * likelihood is not finite is infeasible and gets a large penalty, so the
 * best vertex, which the simplex never makes worse, stays feasible.  It runs
 * first on coarsened copies of the sketch (cheap, global moves; coarsening
 * keeps the binned likelihood consistent, it only loses a little
 * efficiency), then polishes on the full sketch: to tight convergence on
 * exact sketches, which get the exact MLE, and to a tolerance of 1e-6 in the
 * transformed parameters on binned ones.
 */
#ifndef BESTFIT_FIT_H
#define BESTFIT_FIT_H

#include <stdbool.h>

#include "host.h"
#include "catalogue/entry.h"
#include "sketch/sketch.h"
#include "sketch/summary.h"

/*
 * A sketch prepared for fitting.  Exact sketches keep their values; binned
 * sketches keep bins [edges[ilo[i]], edges[ihi[i]]] clipped to [min, max].
 */
/*
 * A binned sketch's Gauss-Legendre nodes for the interpolated bin
 * quadrature (likelihood.c), in x: fixed for the sketch, since z is affine
 * in x (data.c, bf_fitdata_quad_nodes).  state 0: not computed yet; 1:
 * usable; -1: not (the nodes do not ascend).
 */
typedef struct BfQuadNodes
{
	int			state;
	bool		gl4;			/* the 4-point nodes usable too */
	double		xm,
				wx;				/* u = asinh((x - xm) / wx) */
	double	   *u,
			   *w;				/* 8 per interval: u and GL weight x half-width */
	double	   *u4,
			   *w4;				/* 4 per interval */
} BfQuadNodes;

typedef struct BfFitData
{
	bool		exact;			/* values, fitted by their densities */
	double		resolution;		/* q of rounded values, 0 otherwise */
	int			nbins;
	double		n;				/* finite values */
	/*
	 * The support must contain [min, max]: the data's extremes, or the inner
	 * edges of the extreme cells of rounded values (min + q/2, max - q/2).
	 */
	double		min;
	double		max;
	double	   *w;				/* count of bin or value i */
	double	   *wl;				/* binned: likelihood weights (min and max out unless rounded) */
	double	   *x;				/* exact: the values, ascending */
	int			nedges;			/* binned: distinct edges, ascending */
	double	   *edges;
	int		   *ilo;
	int		   *ihi;
	double		sum_wlogwidth;	/* binned: sum of w[i] * log(width of bin i) */
	/*
	 * binned: the saturated model's log-likelihood, the largest any model
	 * can have: the masses wl[i] / sum(wl) (the multinomial MLE), less
	 * sum_wlogwidth, plus (exact values) the two extreme densities at most
	 * 1 / width of their bins (bf_fitdata_bound, data.c)
	 */
	double		ll_max;
	BfDataSummary summary;
	/*
	 * scratch for one evaluation, nedges long (exact sketches: nbins long,
	 * the standardized values and their log densities for
	 * bf_logpdf_interpolated)
	 */
	double	   *cdfs;
	double	   *sfs;
	/*
	 * binned: scratch for bin_quadrature with an interpolated density
	 * (likelihood.c, bf_edge_probs_quadrature), 8 nedges long: the 8
	 * Gauss-Legendre nodes' x of every edge-to-edge interval while qn is
	 * computed (data.c, bf_fitdata_quad_nodes), then per evaluation their
	 * log densities or the bins' masses
	 */
	double	   *qz;
	double	   *qlp;
	/* binned: those nodes in x, for the interpolant (computed at first use) */
	struct BfQuadNodes *qn;
	unsigned long serial;		/* distinct per preparation (bf_loglik's memo) */
	bool		coarse;			/* a coarse copy of a ladder (bf_ladder_init): searched at BF_ACCURACY_SEARCH */
} BfFitData;

/* Most characters of a fit's warnings, one per line. */
#define BF_WARNINGS_LEN 600

typedef struct BfFitResult
{
	const BfDist *dist;
	double		params[BF_MAX_PARAMS];	/* shapes, loc, scale */
	double		se[BF_MAX_PARAMS];	/* standard errors; NaN: fixed or unknown */
	int			nfree;			/* parameters fitted (AIC's k) */
	bool		ok;
	char		status[160];
	char		warnings[BF_WARNINGS_LEN];	/* "\n"-separated, "" for none */
	bool		degenerate;		/* a warning says: at a domain's edge, a family's limit, or a density spike in the data */
	bool		passed_over;	/* best_fit's race stopped it at a family's limit (race.c) */
	double		loglik;
	double		aic;
	double		aicc;
	double		delta_aic;		/* set by the caller that ranks a set of fits */
	double		bic;
	double		ks;
	double		ks_pvalue;
	double		ad;
	double		cvm;
	double		chisq;
	double		chisq_pvalue;
	double		sse;
	int			evaluations;	/* likelihood evaluations spent */
	/*
	 * stages.c: Newton's end on the full sketch, above the simplex's end
	 * kept in params, of an entry whose fit a ridge walk continues
	 * (integer_search.c fits and walks from it too, and keeps the better)
	 */
	bool		has_alt;
	double		alt_params[BF_MAX_PARAMS];
} BfFitResult;

/*
 * data.c: the data of a sketch whose values are recorded to resolution q
 * (0: exact); arrays from bf_alloc (the host frees them with the operation)
 */
extern void bf_fitdata_init(BfFitData *fd, const BfHistogram *h, double q);
/*
 * The copies of a sketch a fit runs on, coarse to fine: copies coarsened to
 * at most BF_LADDER_BINS[k] bins (those the sketch has more than twice as
 * many bins as), then the sketch itself, last.
 */
#define BF_LADDER_MAX 3
typedef struct BfLadder
{
	BfFitData	data[BF_LADDER_MAX];
	const BfFitData *rungs[BF_LADDER_MAX];
	int			n;
	/* best_fit's race: bf_race_slack(rungs[n - 2], rungs[n - 1]), infinity with one rung */
	double		race_slack;
	/* and bf_race_slack(rungs[0], rungs[n - 1]) with three rungs, else infinity */
	double		race_slack_first;
} BfLadder;

/* data.c: build the ladder of a validated sketch (arrays from bf_alloc), resolution q */
extern void bf_ladder_init(BfLadder *ladder, const BfHistogram *h, double q);

/* integer_search.c: the engine's entry point */
extern void bf_fit_one(const BfFitData *const *ladder, int nladder,
					   const BfDist *d, const double *fixed, BfFitResult *res);

/*
 * race.c: best_fit's race (the rules and the bound are in race.c's header).
 * slack: bf_race_slack of the ladder (LL_full <= LL_coarse + slack for every
 * parameter vector; infinity where that is not proven); bar: the smallest
 * clean AIC of the fits already done plus BF_PARSIMONY_AIC (bf_race_bar,
 * metrics.h; infinity: none); limits: pass over a fit whose search on the
 * coarse copies ends with a shape at its domain's edge (bf_race_at_limit).
 */
typedef struct BfRace
{
	double		slack;
	double		bar;
	bool		limits;
	/*
	 * When set, the bar is not known yet when the fit starts: bf_race_drops
	 * calls wait_bar(wait_arg) for it, which returns once it is known (the
	 * SQL layer's workers: src/pg/parallel.c), or NaN (nothing is dropped)
	 * when the host asks the fit to stop; bar is then not read.
	 */
	double		(*wait_bar) (void *wait_arg);
	void	   *wait_arg;
	/*
	 * The ladder's race_slack_first, for the check after the coarsest copy
	 * alone (race.c, bf_race_drops_first); 0 (unset) or infinity: no check
	 * there
	 */
	double		slack_first;
} BfRace;

/*
 * Log-likelihood units by which an entrant's bound must miss the bar before
 * it is dropped: room for a coarse search that stopped short of the coarse
 * copy's maximum and for quadrature in the bin masses (race.c).
 */
#define BF_RACE_MARGIN 50.0
/* S of race.c's header for a coarse copy of full, or INFINITY */
extern double bf_race_slack(const BfFitData *coarse, const BfFitData *full);
/*
 * May d be dropped by the race (race.c's header): a continuous entry with no
 * integer search or ridge walk that is not one of the race's pace-setters?
 */
extern bool bf_race_entrant(const BfDist *d);
/* does the race drop a fit with nfree parameters whose coarse search reached coarse_ll? */
extern bool bf_race_drops(const BfRace *race, int nfree, double coarse_ll);
/*
 * ... or already after the coarsest copy, whose search reached first_ll
 * there: with the slack race->slack_first taken BF_RACE_FIRST_FACTOR times
 * (race.c's header)
 */
#define BF_RACE_FIRST_FACTOR 2.0
extern bool bf_race_drops_first(const BfRace *race, int nfree, double first_ll);
/* does race check entrants after the coarsest copy at all (slack_first set and finite)? */
extern bool bf_race_checks_first(const BfRace *race);
/*
 * Is a coarse search's result params of d (fixed as passed to the fit) at a
 * family's limit: a free shape margin times beyond the warnings' edge tests
 * (diagnostics.c; BF_RACE_LIMIT_MARGIN_COARSE after the coarse copies,
 * BF_RACE_LIMIT_MARGIN_FIRST after the coarsest alone)?  Returns the
 * shape's index, or -1.
 */
#define BF_RACE_LIMIT_MARGIN 10.0
#define BF_RACE_LIMIT_MARGIN_FIRST 100.0
/*
 * after the coarse copies' whole search (a sketch with coarse copies; 10,
 * BF_RACE_LIMIT_MARGIN, until the forty-first session, which still applies
 * on a sketch without coarse copies and at a ridge walk's end)
 */
#define BF_RACE_LIMIT_MARGIN_COARSE 3.0
/*
 * After the coarsest copy, a shape between BF_RACE_LIMIT_MARGIN_PROBE and
 * BF_RACE_LIMIT_MARGIN_FIRST times beyond those tests: the fit is passed
 * over there when BF_RACE_PROBE_EVALS evaluations of the next copy's travel
 * from it do not bring that shape back by more than 1 - BF_RACE_PROBE_BACK
 * of its factor (bf_shape_edge_factor; stages.c, race.c's header)
 */
#define BF_RACE_LIMIT_MARGIN_PROBE 5.0
#define BF_RACE_PROBE_EVALS 60
#define BF_RACE_PROBE_BACK 0.99
extern int	bf_race_at_limit(const BfDist *d, const double *fixed, const double *params,
							 double margin);
/*
 * Must the fits the race passed over at a limit be fitted after all: none of
 * the n results is a clean fit (ok, not degenerate), so that best_fit's
 * choice falls back on the flagged fits, and some were passed over?
 */
extern bool bf_race_refit_needed(const BfFitResult *results, int n);
/*
 * What a fit computes besides its parameters, log-likelihood, information
 * criteria, warnings and degenerate flag (bf_fit_one_raced's out): the
 * goodness-of-fit metrics (KS, AD, CvM, chi-squared, SSE; metrics.c) and
 * the standard errors (params_se, a Hessian of 2k^2 + 1 evaluations;
 * diagnostics.c).  best_fit needs neither (its choice is by AIC among the
 * fits not flagged degenerate), a bootstrap replicate only the metrics.
 */
#define BF_OUT_METRICS 1
#define BF_OUT_SE 2
#define BF_OUT_ALL (BF_OUT_METRICS | BF_OUT_SE)
/*
 * bf_fit_one with a race (NULL: none) and out (above; bf_fit_one: BF_OUT_ALL,
 * what is not asked for stays NaN): an entrant that race drops, or a fit it
 * passes over at a family's limit (passed_over), ends after its search on
 * the coarse copies, with ok false and a status that says so.
 */
extern void bf_fit_one_raced(const BfFitData *const *ladder, int nladder,
							 const BfDist *d, const double *fixed, const BfRace *race,
							 int out, BfFitResult *res);
/*
 * nesting.c: the outer entry's parameters op at the inner entry's ip when
 * outer nests inner (catalogue/entry.h, nest), else false.
 */
extern bool bf_nest_embed(const BfDist *outer, const BfDist *inner, const double *ip, double *op);
/*
 * nesting.c: after the n fits results[] (of dists[], fixed[] as passed to
 * them: NULL or NaN where free; out as bf_fit_one_raced's) on one sketch's
 * ladder, refit every entry that nests another whose fit is higher, from
 * that fit (the rule is in nesting.c's header).  Returns the fits replaced.
 */
extern int	bf_nest_refits(const BfFitData *const *ladder, int nladder, const BfDist *const *dists,
						   const double *const *fixed, int out, BfFitResult *results, int n);
/*
 * twins.c: do entries a and b fit alike (the same functions, shapes and fit
 * hints: scipy's vonmises and vonmises_line), so that one's fit is the
 * other's bit for bit?
 */
extern bool bf_same_fit(const BfDist *a, const BfDist *b);
/*
 * twins.c: the first candidate t < c of dists[] (fixed[] as passed to the
 * fits: NULL or NaN where free) whose fit is candidate c's (bf_same_fit,
 * the same fixed values), or -1: the caller copies results[t] to
 * results[c] (with its own dist) instead of fitting c.
 */
extern int	bf_fit_twin(const BfDist *const *dists, const double *const *fixed, int c);
/*
 * twins.c: the candidate t of the n in dists[] whose entry candidate c
 * names as its same_law (catalogue/entry.h), when no parameter of either is
 * fixed (fixed[] as passed to the fits: NULL or NaN where free), or -1.
 */
extern int	bf_same_law_source(const BfDist *const *dists, const double *const *fixed, int n, int c);
/*
 * twins.c: d's fit from src, the fit of d's same_law entry on the same
 * sketch's ladder: src's parameters mapped and its log-likelihood (d's own
 * there must agree to 1e-9 relative), then bf_fit_outputs (out as
 * bf_fit_one_raced's).  A fit best_fit's race
 * dropped is dropped here too, one it passed over at a limit is passed
 * over when d's mapped shape is at d's limit too.  Returns false (res
 * unusable) where that cannot be done (src not fitted otherwise, d's
 * likelihood not finite there): the caller fits d itself.
 */
extern bool bf_fit_same_law(const BfFitData *const *ladder, int nladder, const BfDist *d,
							const BfFitResult *src, int out, BfFitResult *res);
/*
 * diagnostics.c: line (truncated to BF_WARNINGS_LEN - 1 characters) as the
 * first of res's warnings, the others after it as many whole ones as fit;
 * res->degenerate unchanged (the point masses a fit left out,
 * sketch/point_mass.h)
 */
extern void bf_warn_first(BfFitResult *res, const char *line);
/*
 * diagnostics.c: standard errors (res->se, from the Hessian on hess, the
 * full data or a coarse copy; only when se, else NaN) and warnings
 * (res->warnings, on the full data fd) of a successful fit res of d, fixed
 * as passed to the fit
 */
extern void bf_fit_diagnostics(const BfFitData *fd, const BfFitData *hess, const BfDist *d,
							   const double *fixed, bool se, BfFitResult *res);
/*
 * discrete.c: fits of discrete entries (kind BF_DISCRETE) to a sketch of
 * integers, on its ladder (the integer search on the coarsest copy, then
 * the full sketch, last; formulas in discrete.c's header).
 * fixed[loc] == BF_FIT_LOC searches loc over the integers; NaN applies the
 * default rule (0, or -1 for a support starting at 1 on data with 0).
 * bf_discrete_check: true when every value (or bin) of fd can be an
 * integer and no resolution is set, else false with the reason in msg.
 */
#define BF_FIT_LOC INFINITY
extern bool bf_discrete_check(const BfFitData *fd, char *msg, size_t msglen);
/* The integers a..b of cell i of fd: exact, the value; binned, those of the bin. */
extern void bf_discrete_cell(const BfFitData *fd, int i, double *a, double *b);
extern double bf_discrete_loglik(const BfFitData *fd, const BfDist *d, const double *params);
extern void bf_fit_discrete(const BfFitData *const *ladder, int nladder, const BfDist *d,
							const double *fixed, BfFitResult *res);

/* likelihood.c (dispatches to bf_discrete_loglik for discrete entries) */
extern double bf_loglik(const BfFitData *fd, const BfDist *d, const double *params);
/*
 * bf_loglik as a fit reports it: where a bin_quadrature entry's masses on a
 * binned sketch add up to more than 1 (a spike narrower than a bin that
 * the 8-point rule overweights: likelihood.c, BF_QUAD_MASS_MAX), the
 * value from its cdf and sf at the edges instead (one pass of them).
 */
extern double bf_loglik_law(const BfFitData *fd, const BfDist *d, const double *params);
extern bool bf_support_covers(const BfDist *d, const double *params, double min, double max);
/*
 * The cdf and sf of d at params at every edge of the binned sketch fd, as
 * the last bf_loglik evaluation there computed them: true, with F[j] and
 * S[j] for j < fd->nedges, when that evaluation was on fd at these params
 * (the same bits), ran to its end at full accuracy and took them from the
 * entry's cdf and sf, not from bin_quadrature's masses; false otherwise
 * (nothing is computed).  F[j] is the cdf itself up to *sf_from, the first
 * edge where it exceeds 0.99 (fd->nedges: none), S[j] = 1 - F[j] there;
 * from that edge on S[j] is the sf itself and F[j] = 1 - S[j] beyond it
 * (bf_loglik_eval).  Valid until the
 * next likelihood evaluation on fd.  For the metrics' EDF probabilities
 * (metrics.c), which then need no second pass of cdf values.
 */
extern bool bf_loglik_edge_probs(const BfFitData *fd, const BfDist *d, const double *params,
								 const double **F, const double **S, int *sf_from);
/*
 * The same for an entry whose binned likelihood integrates the pdf over the
 * bins (bin_quadrature, bf_edge_probs_quadrature): true when the last
 * evaluation on fd was at these params, at full accuracy, and took its bin
 * masses by that quadrature; then below[j] = P(z_0 < Z <= z_j) and above[j]
 * = P(z_j < Z <= z_last) over the edges z_j (each a sum of the 8-point
 * Gauss-Legendre masses of the bins between), without the mass below the
 * first edge or above the last one.  Valid until the next likelihood
 * evaluation on fd.
 */
extern bool bf_loglik_edge_masses(const BfFitData *fd, const BfDist *d, const double *params,
								  const double **below, const double **above);
/*
 * The mass of d's pdf over [za, zb] (standardized, za < zb) by 8-point
 * Gauss-Legendre (GSL's fixed table; exact for polynomials of degree 15):
 * the bin masses of bin_quadrature entries and the metrics' masses between
 * an exact sketch's values.  NaN when GSL cannot allocate its table.
 */
extern double bf_pdf_mass_gl8(const BfDist *d, const double *params, double za, double zb);


#include "metrics/metrics.h"

/* bins or values of every likelihood evaluated so far (likelihood.c): benchmarks' deterministic work count */
extern unsigned long bf_bins_evaluated;

#endif							/* BESTFIT_FIT_H */
