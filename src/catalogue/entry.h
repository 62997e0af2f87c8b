/*
 * catalogue/entry.h — the interface of a catalogue entry (BfDist).
 *
 * Every entry follows scipy.stats exactly: the same name, the same shape
 * parameter names in the same order, then loc and scale.  All functions of an
 * entry work on the standardized variable z = (x - loc) / scale, as scipy's
 * rv_continuous does; the engine (src/fit/) and the SQL functions
 * (src/pg/distribution.c) apply loc and scale.  The entries live in the
 * family files of src/catalogue/continuous/, one per group of related
 * families named by their mathematics (normal.c, gamma.c, beta.c, ...),
 * each exporting an array of entries that the registry (registry.c) lists
 * in the order of families.h.  Adding a distribution means adding one
 * BfDist entry to a family file and its parameter sets to the test/ref/
 * module of the same name.
 *
 * Conventions for an entry's functions.  Every function receives the entry
 * itself first (self: its own BfDist, through which it reaches its other
 * functions, e.g. bf_ppf_solve(self, ...) solving its own cdf, or
 * bf_finish_start(self, ...)); shape is the array of its nshapes values,
 * always inside each shapes[i].domain when called (the SQL functions and the
 * fit's likelihood also check argcheck first; other callers may not, so the
 * functions return NaN, never fail, on shapes that break it):
 *   support(self, shape, &zlo, &zhi)  closed support of z, +-INFINITY when
 *                               unbounded
 *   logpdf(self, z, shape)      log density; -INFINITY outside the support
 *   cdf(self, z, shape),        P(Z <= z), P(Z > z); sf accurate in the upper
 *   sf(self, z, shape)          tail (not computed as 1 - cdf where avoidable)
 *   ppf(self, p, shape)         quantile for p in [0, 1]; ppf(0) = zlo,
 *                               ppf(1) = zhi
 *   argcheck(self, shape)       (may be NULL) constraints beyond each shape's
 *                               own domain (scipy's _argcheck: a < b, c != 0):
 *                               NULL when met, else the constraint in words,
 *                               e.g. "a < b"
 *   fit.start(self, summary, fixed, out)  (may be NULL) start values for the
 *                               optimiser: writes nshapes + 2 values (shapes,
 *                               loc, scale) into out; fixed[i] is NaN for a
 *                               free parameter, otherwise the value the caller
 *                               fixed (the engine overwrites fixed entries
 *                               afterwards, but a good start uses them, e.g.
 *                               floc = 0).
 * A function that calls another entry's function passes that entry as self
 * (chi2's ppf calls gamma's ppf with the gamma entry: a ppf solved by
 * bf_ppf_solve uses self's cdf), never looking it up by name.  The
 * mathematics (support, logpdf, cdf, sf, ppf, argcheck) is at the top level
 * of BfDist; how the engine fits the entry (start function, start grid,
 * cost hints) is in its BfFitHints fit.
 * None of these may raise an error or abort: return NaN or +-INFINITY.
 */
#ifndef BESTFIT_CATALOGUE_ENTRY_H
#define BESTFIT_CATALOGUE_ENTRY_H

#include <math.h>
#include <stdbool.h>

#include "sketch/summary.h"

#define BF_MAX_SHAPES 4
#define BF_MAX_PARAMS (BF_MAX_SHAPES + 2)
#define BF_MAX_ENTRIES 512		/* registry capacity */

/* Domain of one shape parameter: lo < value < hi, or <= when closed. */
typedef struct BfDomain
{
	double		lo;
	double		hi;
	bool		lo_closed;
	bool		hi_closed;
} BfDomain;

#define BF_MAX_GRID 7

/* Continuous entries have loc and scale; discrete ones (scipy's rv_discrete) loc only. */
typedef enum BfKind
{
	BF_CONTINUOUS = 0,
	BF_DISCRETE = 1
} BfKind;

typedef struct BfDist BfDist;

/* One shape parameter: its scipy name, its domain, integer values only or not. */
typedef struct BfShape
{
	const char *name;
	BfDomain	domain;
	bool		integer;		/* integer values only (erlang's a, irwinhall's n) */
	/*
	 * (may be NULL) the family the entry tends to as the shape runs to the
	 * lower or upper end of its domain, in words ("a -> infinity: norm"):
	 * named in a fit's warnings (src/fit/diagnostics.c)
	 */
	const char *limit_lo;
	const char *limit_hi;
	/*
	 * the infinite upper end of the domain is no limit of the family: a
	 * value of any size is an ordinary member, which the fit's warnings and
	 * best_fit's race (src/fit/diagnostics.c, bf_shape_edge) do not flag
	 * for its size (loguniform's b, the ratio of the support's ends: data
	 * spanning ten decades have b = 1e10, and b -> infinity has no limit
	 * law, the density 1 / (x log b) vanishing everywhere)
	 */
	bool		hi_not_limit;
} BfShape;

/*
 * How the engine (src/fit/) fits an entry: hints that change the search,
 * never the mathematics (read through BF_HINT(d, field) and bf_entry_start).
 * All zero / NULL by default.
 */
typedef struct BfFitHints
{
	double		integer_fit_max;	/* the fit's integer search stays <= this (0: no cap) */
	/*
	 * The search keeps shape i <= fit_max[i] (0: no cap; the functions
	 * themselves accept any value of the domain): for shapes along which an
	 * entry's cost grows without bound (ncf's nc: about 18 sqrt(nc / 2)
	 * series terms per cdf value) and the likelihood runs up a ridge
	 * towards a limiting family.  A fit at the cap is far beyond
	 * BF_EDGE_BIG, so its warning says it is numerically a limit.
	 */
	double		fit_max[BF_MAX_SHAPES];
	/*
	 * (discrete entries) integer shapes with a named limit_hi stay <= this
	 * times the data's span (0: no cap), where the entry's pmf is
	 * numerically its limit (betabinom's n: nbinom) and its rounding would
	 * otherwise pass for gains; the fit stops there with the limit's warning.
	 */
	double		limit_span;
	/*
	 * The entry's functions accept real values of its integer shape (erlang:
	 * the gamma of any real a >= 1), so the fit treats it as real first and
	 * then fits the two integers around the real optimum (integer_search.c).
	 */
	bool		integer_relaxable;
	/*
	 * 1 + the index of a shape along which the likelihood can rise towards
	 * a limiting family (gamma's a -> infinity: the normal; lognorm's
	 * s -> 0): after the simplex, the fit walks that shape by ridge_factor
	 * (2 when 0: growing) with loc and scale from the start values, while
	 * the log-likelihood grows (integer_search.c, bf_ridge_walk).
	 */
	int			ridge_shape;
	double		ridge_factor;
	/*
	 * (may be NULL) mean and standard deviation of the standardized
	 * distribution (z) at these shapes: the ridge walk then matches loc and
	 * scale to the data's mean and sd (the normal limit's MLE) instead of
	 * using the start values; with moment_search, the search's coordinates.
	 * Finite and positive at every shape of the domain.
	 */
	void		(*ridge_moments) (const BfDist *self, const double *shape,
								  double *mean, double *sd);
	/*
	 * The first stage first searches in moment coordinates (fit/optimiser.c,
	 * bf_minimize_moments_first: the model's mean and log sd from
	 * ridge_moments in place of loc and scale), and keeps that search when
	 * it ends with the support's end more than 3 sd beyond the data (a law
	 * near its normal limit, whose ridge then runs along the shapes alone);
	 * otherwise the usual search follows as if it had not run.  For an
	 * entry with a one-sided support whose likelihood on near-normal data
	 * climbs a ridge where loc runs away with a shape: ncx2 (nc -> infinity
	 * with loc -> -infinity; in moment coordinates it takes df -> infinity,
	 * where each value costs a few series terms instead of O(sqrt(nc))).
	 */
	bool		moment_search;
	/*
	 * With moment_search: before keeping the moment coordinates' search, a
	 * probe of BF_MOMENTS_PROBE evaluations in the usual coordinates from
	 * the same start (fit/optimiser.c); when the probe ends higher, the
	 * moment search is dropped as when the support's end stays near the
	 * data.  For an entry whose likelihood can beat its normal limit with
	 * the end far from the data too (ncf on uniform data).
	 */
	bool		moment_probe;
	/*
	 * With moment_search: 1 + the index of a shape held at its start value
	 * during the moment search and, when that search is kept, for the rest
	 * of the fit: a shape the likelihood does not pin on the ridge the
	 * moment coordinates follow (ncf's nc as dfn, dfd -> infinity, where it
	 * drifted to 1e5 and each value summed some 18 sqrt(nc / 2) terms).
	 */
	int			moment_hold;
	/*
	 * With moment_search (0: always): the moment search runs only when the
	 * start's support end lies more than this many data sd beyond the data
	 * (a start near the normal limit); otherwise the usual search alone,
	 * saving the moment search's evaluations where its result would be
	 * dropped (rice: its starts on near-normal data lie 2.5-3.6 sd beyond,
	 * elsewhere mostly within 1).
	 */
	double		moment_search_from;
	/*
	 * With moment_search, for an entry whose support has no finite end
	 * (norminvgauss): the moment search runs only when the data's sample
	 * skewness and excess kurtosis are both within this of 0 (near-normal
	 * data, where the family's likelihood climbs towards its normal limit
	 * along a ridge on which loc and scale run with the shapes), and is
	 * then kept (no support end can walk into the data).  0: never.
	 */
	double		moment_search_normal;
	/*
	 * The entry nests others (up to two; nest[i].inner, a catalogue name):
	 * at the shapes nest[i].at[0..n-1] set to nest[i].value[...], the inner entry's shapes
	 * filling the others in order, with the same loc and the scale times
	 * nest[i].scale (0: the same scale; gennorm(2) is a normal of scale
	 * sqrt 2 times gennorm's), the two
	 * densities are the same (scipy: genhyperbolic(-1/2, a, b) is
	 * norminvgauss(a, b)).  When both are fitted to one sketch and the inner
	 * fit's log-likelihood is the higher, the outer one is fitted again from
	 * the inner one's optimum (fit/nesting.c), so that a family never
	 * reports a worse fit than its own special case.
	 */
	struct
	{
		const char *inner;
		int			n;
		int			at[2];
		double		value[2];
		double		scale;		/* outer scale = inner scale x this (0: 1) */
	}			nest[2];
	/*
	 * Another entry (a catalogue name) whose law is this one's under other
	 * parameters, and the map from that entry's parameters (shapes, loc,
	 * scale) to this one's: scipy's chi2(df, loc, s) is gamma(df / 2, loc,
	 * 2 s).  When both are fitted to one sketch with no parameter fixed,
	 * this entry's fit is the other's optimum mapped (fit/twins.c,
	 * bf_fit_same_law): the likelihood is a function of the law, so the
	 * maximum likelihood estimate is invariant under a one-to-one change of
	 * parameters (Casella & Berger, Statistical Inference, 2nd ed., Theorem
	 * 7.2.10).  The other entry must not have a same_law of its own.
	 */
	const char *same_law;
	void		(*same_law_map) (const double *from, double *to);
	bool		expensive;		/* pdf or cdf costs more than ~5 us: fitted on coarser copies */
	/*
	 * An exact sketch's likelihood may interpolate log pdf (fit/likelihood.c,
	 * bf_logpdf_interpolated: piecewise Chebyshev within 1e-10, from a few
	 * hundred densities instead of one per value), and so may a binned
	 * sketch's bin_quadrature (below) at its nodes, eight per bin.  For
	 * entries whose density costs microseconds to milliseconds (a numerical
	 * integral, a long series, a Bessel K of non-integer order) and is
	 * analytic in z inside the support: levy_stable, nct, ncf, ncx2,
	 * studentized_range, genhyperbolic, tukeylambda (a root of its
	 * quantile function per value, 0.6 us; not norminvgauss: its K1 costs
	 * about 0.1 us, and the interpolant made its fits 10 % slower).
	 */
	bool		interpolate_logpdf;
	/*
	 * The binned likelihood integrates the pdf over each bin (8-point
	 * Gauss-Legendre, clipped to the support) instead of differencing the
	 * cdf: for entries whose cdf is a numerical integral many times dearer
	 * than the pdf, and whose pdf is smooth inside its support.
	 */
	bool		bin_quadrature;
	/*
	 * The same, only where every shape is at least this value (0: never):
	 * for entries whose cdf is an incomplete beta function, whose continued
	 * fraction needs O(sqrt(min(a, b))) terms, while their pdf costs the
	 * same at any shape and is smooth, vanishing at both ends of the
	 * support, once the shapes are large.
	 */
	double		bin_quadrature_from;
	/*
	 * Evaluation budget of the search on the coarsest copy of the sketch,
	 * in two rounds (0: the default, 1500 in up to eight rounds).  Entries
	 * whose pdf and cdf both cost tens of microseconds set a smaller one;
	 * the later stages then get 50 and (exact sketches) 20 evaluations.
	 */
	int			coarse_evals;
	/*
	 * How long a fit of the entry can take, for the order only in which
	 * parallel workers take the candidates (src/pg/parallel.c, slowest
	 * first, so that no core idles while the last long fit runs); never a
	 * result.  0 (the default) to 3: the entry's slowest fit on the zoo's
	 * twelve sketches (test/bench/zoo.sh, 2026-12-02, 2 cores) took at
	 * least 150 ms (1), 300 ms (2), 1 s (3).
	 */
	int			cost_class;
	/*
	 * The first shape is redundant while every shape and the scale are free
	 * (loguniform: only a * scale and b * scale matter).  The engine then
	 * holds it at its start value, which removes an exactly flat direction
	 * from the search and leaves the scale free, so that a two-sided
	 * support is searched by its ends' gaps to the data.  The parameter
	 * still counts as free in AIC and BIC, as in scipy.
	 */
	bool		hold_first_shape;
	/*
	 * A joint constraint |shape i| < shape j (norminvgauss and
	 * genhyperbolic: |b| < a) as bound_by[i] = 1 + j (0: none).  The search
	 * then moves b = shape i as v = a atanh(b / a), a = shape j
	 * (src/fit/transform.c, bf_bounded_from_theta: b itself while |b| is
	 * well below a), so that the constraint is a direction it can approach
	 * (a fit with b / a -> 1, a heavy one-sided tail) instead of a wall of
	 * infeasible points along which the simplex stalls (norminvgauss on the
	 * lognormal s = 3 sketch ended 17,000 log-likelihood units apart from
	 * one rounding of its path to another).  Applies while shape i is free;
	 * with shape i fixed argcheck alone keeps the constraint.
	 */
	int			bound_by[BF_MAX_SHAPES];
	/*
	 * Start grid: when ngrid[i] > 0, the engine also tries every combination
	 * of grid[i][0 .. ngrid[i] - 1] (with loc and scale matched to the data's
	 * quantiles) and starts from the best of those and start()'s values.
	 */
	int			ngrid[BF_MAX_SHAPES];
	double		grid[BF_MAX_SHAPES][BF_MAX_GRID];
	/* NULL: loc and scale from the data's quantiles, shapes from the grid */
	void		(*start) (const BfDist *self, const BfDataSummary *s, const double *fixed,
						  double *out);
} BfFitHints;

struct BfDist
{
	const char *name;			/* scipy.stats name */
	BfKind		kind;			/* zero (continuous) unless set */
	int			nshapes;
	BfShape		shapes[BF_MAX_SHAPES];	/* in scipy's order */
	const char *description;	/* one line with its reference */
	const char *support_text;	/* the support in words, e.g. "loc <= x <= loc + scale" */
	const char *aliases;		/* other scipy names, comma-separated, or NULL */
	bool		not_default;	/* left out of the default candidate set */
	/* the mathematics: see the conventions at the top of this file */
	void		(*support) (const BfDist *self, const double *shape, double *zlo, double *zhi);
	/*
	 * Constraints that the shapes' own domains cannot say, from scipy's
	 * _argcheck: joining several shapes (truncnorm: a < b) or excluding a
	 * point (gengamma: c != 0).  NULL when the shapes are valid, else the
	 * constraint in words ("a < b").  NULL function: no such constraint.
	 */
	const char *(*argcheck) (const BfDist *self, const double *shape);
	double		(*logpdf) (const BfDist *self, double z, const double *shape);
	double		(*cdf) (const BfDist *self, double z, const double *shape);
	double		(*sf) (const BfDist *self, double z, const double *shape);
	double		(*ppf) (const BfDist *self, double p, const double *shape);
	/*
	 * (discrete entries; may be NULL) log P(a <= K <= b) for integers
	 * a <= b, by summing the pmf over the run with at most maxterms terms
	 * (fewer where the rest is negligible); NaN when that is not enough
	 * (the engine then differences the cdf).  For entries whose cdf is
	 * itself a long sum or a quadrature (betabinom, betanbinom, logser):
	 * one pass over a cell instead of two tail sums.
	 */
	double		(*log_mass) (const BfDist *self, double a, double b, const double *shape,
							 int maxterms);
	BfFitHints	fit;			/* how the engine fits it */
};

/*
 * The accuracy asked of the entries' functions.  BF_ACCURACY_FULL, the
 * default, is every function's stated accuracy.  The fit engine sets
 * BF_ACCURACY_SEARCH while its optimiser evaluates a likelihood on a coarse
 * copy of a sketch, or searches a sketch too small for coarse copies
 * (src/fit/likelihood.c, bf_loglik_search, bf_loglik_problem); an entry whose
 * values are costly integrals or series may then compute them to a looser
 * tolerance (levy_stable: 1e-7 relative instead of 1e-12; nct's mixture
 * integral in its cancelling tail 1e-9 instead of 1e-13; the Poisson
 * series of ncx2, ncf, nct and rice did so too and were reverted: a
 * truncated series is biased, and the search found where it was wrong, see
 * mix_sum in noncentral.c), since the search only needs to find where the
 * maximum is.  Never for a value a user sees: the final log-likelihood,
 * the metrics, the standard errors, the Newton polish's Hessian and the
 * SQL functions are computed at BF_ACCURACY_FULL; the engine restores it
 * after every evaluation and the SQL layer at every entry into the core
 * (src/pg/host.c).  Only these write it (one fit at a time per process).
 */
typedef enum BfAccuracy
{
	BF_ACCURACY_FULL = 0,
	BF_ACCURACY_SEARCH = 1
} BfAccuracy;

extern BfAccuracy bf_accuracy;

/* Number of entries, and entry i (0 <= i < count), in a fixed order. */
extern int	bf_catalogue_count(void);
extern const BfDist *bf_catalogue_entry(int i);

/* Look up an entry by scipy name or alias; NULL when unknown. */
extern const BfDist *bf_find_dist(const char *name);

/*
 * Start values for an entry whose shapes are already in out[0 .. nshapes-1]:
 * loc and scale matched to the data's median and interquartile range, then
 * fixed values imposed and the data moved inside the support (as every
 * entry's own start function finishes).
 */
extern void bf_start_locscale(const BfDist *d, const BfDataSummary *s,
							  const double *fixed, double *out);

/*
 * The start of an entry without a start function: free shapes at the
 * middle of their start grid (else of their domain), then
 * bf_start_locscale (common.c).
 */
extern void bf_start_default(const BfDist *d, const BfDataSummary *s,
							 const double *fixed, double *out);

/*
 * Parameter positions: shapes first, then loc, then scale (continuous
 * entries only; a discrete entry has no scale, as in scipy.stats).
 */
static inline int
bf_nparams(const BfDist *d)
{
	return d->nshapes + (d->kind == BF_CONTINUOUS ? 2 : 1);
}

static inline int
bf_loc_index(const BfDist *d)
{
	return d->nshapes;
}

/* -1 for a discrete entry */
static inline int
bf_scale_index(const BfDist *d)
{
	return d->kind == BF_CONTINUOUS ? d->nshapes + 1 : -1;
}

/* Name of parameter i: a shape's scipy name, "loc" or "scale". */
static inline const char *
bf_param_name(const BfDist *d, int i)
{
	if (i < d->nshapes)
		return d->shapes[i].name;
	return i == bf_loc_index(d) ? "loc" : "scale";
}

/*
 * The entry's parts as the engine, the metrics and the SQL layer read them:
 * these accessors are the only code outside src/catalogue/ that knows the
 * layout of BfDist and the signatures of its functions.
 */
static inline const BfDomain *
bf_shape_domain(const BfDist *d, int i)
{
	return &d->shapes[i].domain;
}

static inline bool
bf_shape_is_integer(const BfDist *d, int i)
{
	return d->shapes[i].integer;
}

static inline bool
bf_has_integer_shapes(const BfDist *d)
{
	for (int i = 0; i < d->nshapes; i++)
		if (d->shapes[i].integer)
			return true;
	return false;
}

/* Fitting hints (BF_HINT(d, expensive), ...): see BfFitHints above. */
#define BF_HINT(d, field) ((d)->fit.field)

static inline void
bf_entry_support(const BfDist *d, const double *shape, double *zlo, double *zhi)
{
	d->support(d, shape, zlo, zhi);
}

static inline double
bf_entry_logpdf(const BfDist *d, double z, const double *shape)
{
	return d->logpdf(d, z, shape);
}

static inline double
bf_entry_cdf(const BfDist *d, double z, const double *shape)
{
	return d->cdf(d, z, shape);
}

static inline double
bf_entry_sf(const BfDist *d, double z, const double *shape)
{
	return d->sf(d, z, shape);
}

static inline double
bf_entry_ppf(const BfDist *d, double p, const double *shape)
{
	return d->ppf(d, p, shape);
}

/* log P(a <= K <= b) summed over the run (see BfDist), NaN when the entry has none. */
static inline double
bf_entry_log_mass(const BfDist *d, double a, double b, const double *shape, int maxterms)
{
	return d->log_mass ? d->log_mass(d, a, b, shape, maxterms) : NAN;
}

/* NULL when the shapes meet the entry's joint constraints, else the constraint. */
static inline const char *
bf_entry_argcheck(const BfDist *d, const double *shape)
{
	return d->argcheck ? d->argcheck(d, shape) : NULL;
}

/* The entry's start values, or false when it has no start function. */
static inline bool
bf_entry_start(const BfDist *d, const BfDataSummary *s, const double *fixed, double *out)
{
	if (d->fit.start == NULL)
		return false;
	d->fit.start(d, s, fixed, out);
	return true;
}

#endif							/* BESTFIT_CATALOGUE_ENTRY_H */
