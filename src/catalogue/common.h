/*
 * catalogue/common.h — numerical helpers shared by the catalogue's entries
 * (the family files of src/catalogue/continuous/).  Internal to the catalogue: nothing
 * here uses the PostgreSQL API, so the catalogue also builds with plain gcc
 * (test/cateval.c, the stand-alone evaluator used by test/reference.py).
 *
 * Conventions: none of these raise errors; failures come back as NaN.
 */
#ifndef BESTFIT_CATALOGUE_COMMON_H
#define BESTFIT_CATALOGUE_COMMON_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_sf_result.h>

#include "catalogue/entry.h"
#include "numerics/special.h"
#include "numerics/quantile.h"

#define GUMBEL_SKEW		1.13954709940464866	/* 12 sqrt(6) zeta(3) / pi^3 */

/* Domains of shape parameters. */
#define DOM_NONE	{0.0, 0.0, false, false}
#define DOM_POS		{0.0, INFINITY, false, false}
#define DOM_REAL	{-INFINITY, INFINITY, false, false}
#define DOM_UNIT	{0.0, 1.0, true, true}
#define DOM_OPEN_UNIT	{0.0, 1.0, false, false}
#define DOM_OPEN_SIGNED	{-1.0, 1.0, false, false}
#define DOM_MGT1	{1.0, INFINITY, false, false}
#define DOM_NONNEG	{0.0, INFINITY, true, false}
#define DOM_INT1	{1.0, INFINITY, true, false}	/* integer shapes >= 1 */

/* Supports shared by many entries: R, [0, inf), (-inf, 0], [0, 1]. */
extern void bf_support_real(const BfDist *self, const double *shape, double *zlo, double *zhi);
extern void bf_support_pos(const BfDist *self, const double *shape, double *zlo, double *zhi);
extern void bf_support_neg(const BfDist *self, const double *shape, double *zlo, double *zhi);
extern void bf_support_unit(const BfDist *self, const double *shape, double *zlo, double *zhi);

/*
 * Entries whose functions other entries call, always with the callee's own
 * entry as self (chi2's ppf is gamma's ppf with a = df/2, and a ppf solved
 * by bf_ppf_solve uses its self's cdf): no look-up by name inside the
 * catalogue.  Each is defined after its family file's table as
 * &bf_family_NAME[i]; test/unit/unitcheck.c checks that each is the entry of
 * its name.
 */
extern const BfDist *const bf_gamma_entry;		/* gamma.c: chi2, erlang, the P and Q of chi, ... */
extern const BfDist *const bf_gumbel_r_entry;	/* extreme_value.c: gumbel_l */
extern const BfDist *const bf_weibull_min_entry;	/* extreme_value.c: weibull_max */
extern const BfDist *const bf_levy_entry;		/* cauchy_stable.c: levy_l */
extern const BfDist *const bf_ncx2_entry;		/* noncentral.c: rice */
extern const BfDist *const bf_powernorm_entry;	/* normal.c: powerlognorm's ppf */

/*
 * cauchy_stable.c: levy_stable's integrals from the table shared by the
 * values at one (alpha, beta) (stable_table_integral) when true, the
 * default; false gives GSL's QAGP alone, the method the table is checked
 * against (unitcheck's test_stable_table, the only writer).
 */
extern bool bf_stable_table;

/* Start-value helpers (fx[i] is NaN when parameter i is free). */
extern const double bf_no_fixed[BF_MAX_PARAMS];	/* all NaN: every parameter free */
extern double bf_clampd(double v, double lo, double hi);
extern bool bf_is_free(const double *fx, int i);
extern double bf_data_scale(const BfDataSummary *s);	/* sd, or a range-based spread */
extern double bf_data_center(const BfDataSummary *s);	/* mean, or median */
extern double bf_data_var(const BfDataSummary *s);
extern double bf_data_margin(const BfDataSummary *s);	/* gap to leave at a finite support end */
extern double bf_scale_for_bound(double scale, double zb, double D, bool upper);
/*
 * loc and scale by matching the median and interquartile range for the
 * shapes in shape (self->nshapes of them), with the ppf of the entry self;
 * writes out[ns], out[ns + 1] (ns = self->nshapes).
 */
extern void bf_locscale_quantiles(const BfDist *self, const BfDataSummary *s, const double *fx,
								  const double *shape, double *out);
/*
 * loc and scale by matching the mean and sd to those of the standardized
 * distribution (mean zm, sd zs), for entries whose shapes are set; writes
 * out[ns], out[ns + 1].
 */
extern void bf_locscale_moments(const BfDataSummary *s, const double *fx, int ns,
								double zm, double zs, double *out);
/*
 * Final step of every start function: fixed values imposed, non-finite
 * values replaced, shapes inside their domains, loc/scale moved so that the
 * data lie inside the support of the entry self.
 */
extern void bf_finish_start(const BfDist *self, const BfDataSummary *s, const double *fx,
							double *out);
/*
 * Start of a half-line law whose support starts at loc (halfcauchy,
 * halflogistic): loc just below the minimum, scale from the median of
 * x - loc (zmed: the median of z).
 */
extern void bf_half_start(const BfDist *self, double zmed, const BfDataSummary *s,
						  const double *fixed, double *out);
/*
 * u^2 / d for finite d > 0, as (u / d) u where u^2 overflows but the
 * quotient does not (u = z - 1 over d = z at z = 1e308 in the inverse
 * Gaussian densities: inf / inf otherwise); u * u / d, the same rounding as
 * before, everywhere else.  d must not itself have overflowed (pass z, not
 * 2 z, and scale the result).
 */
extern double bf_sq_div(double u, double d);

/*
 * Solve f(c) = target for decreasing f on [lo, hi] by bisection at the
 * geometric midpoint (60 steps); the nearer end when target is outside.
 */
extern double bf_solve_decreasing_geom(double (*f) (double), double target, double lo, double hi);

/*
 * Entry initialisers.  ENTRY0/1 (an entry with 0 or 1 shapes whose functions
 * are pfx_logpdf, _cdf, _sf, _ppf, _start) are used by the 24 entries of
 * bestfit 0.1; any other field (aliases, argcheck, the fitting hints in
 * .fit = {...}) may be set with designated initialisers, BF_FNS(pfx) setting
 * the four functions.  Shapes: .shapes = {{"a", DOM_POS}, {"n", DOM_INT1,
 * true}} (name, domain, integer values only), optionally naming the family
 * the entry tends to at an end of the shape's domain: {"a", DOM_POS,
 * .limit_hi = "norm"} (ENTRY1 takes them as trailing arguments:
 * ENTRY1(..., pfx, .limit_hi = "expon")).
 */
#define BF_FNS(pfx) \
	.logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, .ppf = pfx##_ppf

#define ENTRY0(nm, suptext, desc, sup, pfx) \
	{ .name = nm, .nshapes = 0, \
	  .description = desc, .support_text = suptext, .support = sup, \
	  .logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, \
	  .ppf = pfx##_ppf, .fit = {.start = pfx##_start} }

#define ENTRY1(nm, suptext, sh, dom, desc, sup, pfx, ...) \
	{ .name = nm, .nshapes = 1, .shapes = {{sh, dom, __VA_ARGS__}}, \
	  .description = desc, .support_text = suptext, .support = sup, \
	  .logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, \
	  .ppf = pfx##_ppf, .fit = {.start = pfx##_start} }


/*
 * One-slot memo of a function of up to four doubles, for normalising
 * constants that logpdf would otherwise recompute at every value of a
 * likelihood pass (the shapes stay fixed during a pass).  Usage:
 *   static BfMemo m;  double key[2] = {p, b};
 *   if (!bf_memo_get(&m, key, 2, &v)) bf_memo_put(&m, key, 2, v = expensive(p, b));
 * The backend is single-threaded; keys compare bitwise-equal.
 */
typedef struct BfMemo
{
	bool		valid;
	double		key[4];
	double		value;
} BfMemo;

static inline bool
bf_memo_get(const BfMemo *m, const double *key, int n, double *value)
{
	if (!m->valid)
		return false;
	for (int i = 0; i < n; i++)
		if (!(m->key[i] == key[i]))
			return false;
	*value = m->value;
	return true;
}

static inline void
bf_memo_put(BfMemo *m, const double *key, int n, double value)
{
	for (int i = 0; i < n; i++)
		m->key[i] = key[i];
	m->value = value;
	m->valid = true;
}

#endif							/* BESTFIT_CATALOGUE_COMMON_H */
