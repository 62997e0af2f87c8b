/*
 * catalogue_util.h — numerical helpers shared by the catalogue's entries
 * (catalogue.c and src/families/ files).  Internal to the catalogue: nothing
 * here uses the PostgreSQL API, so the catalogue also builds with plain gcc
 * (test/cateval.c, the stand-alone evaluator used by test/reference.py).
 *
 * Conventions: none of these raise errors; failures come back as NaN.
 */
#ifndef BESTFIT_CATALOGUE_UTIL_H
#define BESTFIT_CATALOGUE_UTIL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_sf_result.h>

#include "catalogue.h"

#define LN_SQRT_2PI		0.91893853320467274178	/* log(sqrt(2 pi)) */
#define EULER_GAMMA		0.57721566490153286061
#define GUMBEL_SKEW		1.13954709940464866	/* 12 sqrt(6) zeta(3) / pi^3 */

/* Domains of shape parameters. */
#define DOM_NONE	{0.0, 0.0, false, false}
#define DOM_POS		{0.0, INFINITY, false, false}
#define DOM_REAL	{-INFINITY, INFINITY, false, false}
#define DOM_UNIT	{0.0, 1.0, true, true}

/* The functions of an entry that the quantile solver needs. */
typedef struct BfFns
{
	void		(*support) (const double *shape, double *zlo, double *zhi);
	double		(*logpdf) (double z, const double *shape);
	double		(*cdf) (double z, const double *shape);
	double		(*sf) (double z, const double *shape);
} BfFns;

/* Value of a GSL special-function result; NaN on failure, 0 on underflow. */
extern double bf_gsl_value(int status, const gsl_sf_result *r);
/* log Gamma(a) (GSL), NaN on failure. */
extern double bf_lngamma(double a);
/* x log(y) and x log1p(y), 0 when x == 0 (scipy.special.xlogy, xlog1py). */
extern double bf_xlogy(double x, double y);
extern double bf_xlog1py(double x, double y);
/* log1p(c z) / c and expm1(c y) / c, continuous at c = 0. */
extern double bf_log1p_div(double c, double z);
extern double bf_expm1_div(double c, double y);
/* log(1 + exp(t)), 1 / (1 + exp(-t)), log(p / (1 - p)), accurate in tails. */
extern double bf_log1pexp(double t);
extern double bf_expit(double t);
extern double bf_logit(double p);
/* log Phi(x) accurate in both tails; Phi^-1(p) exact in either tail. */
extern double bf_log_ndtr(double x);
extern double bf_ndtri(double p);
/*
 * Regularized incomplete beta I_x(a, b) and 1 - I_x(a, b) with x and
 * y = 1 - x given separately (no cancellation), through GSL.
 */
extern void bf_beta_inc_pq(double a, double b, double x, double y, double *P, double *Q);

/*
 * Common edge cases of a ppf: NaN outside [0, 1], the support ends at 0 and
 * 1.  Returns true when *res holds the answer.  PPF_EDGES returns it.
 */
extern bool bf_ppf_edge(double p, const double *shape,
						void (*support) (const double *, double *, double *), double *res);

#define PPF_EDGES(p, shape, support) \
	do { \
		double		edge_; \
		if (bf_ppf_edge((p), (shape), (support), &edge_)) \
			return edge_; \
	} while (0)

/*
 * Quantile by safeguarded Newton iteration on log cdf (log sf above 1/2),
 * full relative accuracy in both tails (~1e-14), for any entry with an
 * accurate cdf, sf and logpdf.  guess may be NaN.  See catalogue.c.
 */
extern double bf_ppf_solve(const BfFns *f, const double *shape, double p, double guess);

/* Supports shared by many entries: R, [0, inf), (-inf, 0], [0, 1]. */
extern void bf_support_real(const double *shape, double *zlo, double *zhi);
extern void bf_support_pos(const double *shape, double *zlo, double *zhi);
extern void bf_support_neg(const double *shape, double *zlo, double *zhi);
extern void bf_support_unit(const double *shape, double *zlo, double *zhi);

/* Start-value helpers (fx[i] is NaN when parameter i is free). */
extern double bf_clampd(double v, double lo, double hi);
extern bool bf_is_free(const double *fx, int i);
extern double bf_data_scale(const BfDataSummary *s);	/* sd, or a range-based spread */
extern double bf_data_center(const BfDataSummary *s);	/* mean, or median */
extern double bf_data_var(const BfDataSummary *s);
extern double bf_data_margin(const BfDataSummary *s);	/* gap to leave at a finite support end */
extern double bf_scale_for_bound(double scale, double zb, double D, bool upper);
/*
 * loc and scale by matching the median and interquartile range for the
 * shapes in shape (ns of them), with the entry's ppf; writes out[ns],
 * out[ns + 1].
 */
extern void bf_locscale_quantiles(const BfDataSummary *s, const double *fx, int ns,
								  const double *shape, double (*ppf) (double, const double *),
								  double *out);
/*
 * Final step of every start function: fixed values imposed, non-finite
 * values replaced, shapes inside their domains, loc/scale moved so that the
 * data lie inside the support.  name is the entry's scipy name.
 */
extern void bf_finish_start(const char *name, const BfDataSummary *s, const double *fx,
							double *out);

/*
 * Entry initialisers.  ENTRY0/1 are used by catalogue.c; any other field
 * (aliases, grid, expensive, ...) may be set with designated initialisers.
 */
#define BF_FNS(pfx) \
	.logpdf = pfx##_logpdf, .cdf = pfx##_cdf, .sf = pfx##_sf, .ppf = pfx##_ppf

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

#endif							/* BESTFIT_CATALOGUE_UTIL_H */
