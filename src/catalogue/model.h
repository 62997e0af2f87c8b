/*
 * model.h — a catalogue entry with its parameters: the model wrapper that
 * applies loc and scale, as scipy's rv_continuous does.
 *
 * With z = (x - loc) / scale (division, never multiplication by 1/scale, so
 * that fitting, the metrics and the SQL functions see the same density at
 * every value):
 *   logpdf(x) = entry logpdf(z) - log(scale)
 *   cdf(x) = entry cdf(z),  sf(x) = entry sf(z)
 *   ppf(p) = loc + scale * entry ppf(p)
 *   support = loc + scale * [zlo, zhi]
 * A discrete entry has no scale (bf_scale_index -1): scale is 1 there.
 * params holds the shapes, then loc, then scale (bf_nparams values).
 * Nothing here raises an error: invalid parameters give NaN.
 */
#ifndef BESTFIT_CATALOGUE_MODEL_H
#define BESTFIT_CATALOGUE_MODEL_H

#include <math.h>

#include "catalogue/entry.h"

static inline double
bf_model_loc(const BfDist *d, const double *params)
{
	return params[bf_loc_index(d)];
}

static inline double
bf_model_scale(const BfDist *d, const double *params)
{
	int			is = bf_scale_index(d);

	return is < 0 ? 1.0 : params[is];
}

/* The standardized variable z = (x - loc) / scale. */
static inline double
bf_model_z(const BfDist *d, const double *params, double x)
{
	return (x - bf_model_loc(d, params)) / bf_model_scale(d, params);
}

static inline double
bf_model_logpdf(const BfDist *d, const double *params, double x)
{
	return bf_entry_logpdf(d, bf_model_z(d, params, x), params) - log(bf_model_scale(d, params));
}

/* pdf(x) = exp(logpdf(z)) / scale (as distribution.c has always computed it) */
static inline double
bf_model_pdf(const BfDist *d, const double *params, double x)
{
	return exp(bf_entry_logpdf(d, bf_model_z(d, params, x), params)) / bf_model_scale(d, params);
}

static inline double
bf_model_cdf(const BfDist *d, const double *params, double x)
{
	return bf_entry_cdf(d, bf_model_z(d, params, x), params);
}

static inline double
bf_model_sf(const BfDist *d, const double *params, double x)
{
	return bf_entry_sf(d, bf_model_z(d, params, x), params);
}

static inline double
bf_model_ppf(const BfDist *d, const double *params, double p)
{
	return bf_model_loc(d, params) + bf_model_scale(d, params) * bf_entry_ppf(d, p, params);
}

/* Support of x: loc + scale * [zlo, zhi] (ends may be infinite). */
static inline void
bf_model_support(const BfDist *d, const double *params, double *lo, double *hi)
{
	double		zlo,
				zhi,
				loc = bf_model_loc(d, params),
				scale = bf_model_scale(d, params);

	bf_entry_support(d, params, &zlo, &zhi);
	*lo = loc + scale * zlo;
	*hi = loc + scale * zhi;
}

#endif							/* BESTFIT_CATALOGUE_MODEL_H */
