/*
 * common.c — helpers shared by the catalogue's entries: supports used by
 * many entries, and the start-value helpers every start function finishes
 * with (fixed values imposed, the data moved inside the support).
 * Declarations: common.h.
 */
#include <math.h>
#include <string.h>
#include <float.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"

/* The fixed[] of a call without fixed values: every parameter free. */
const double bf_no_fixed[BF_MAX_PARAMS] = {NAN, NAN, NAN, NAN, NAN, NAN};


/* ------------------------------------------------------------------------
 * Supports shared by several entries
 * ------------------------------------------------------------------------
 */

void
bf_support_real(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = -INFINITY;
	*zhi = INFINITY;
}

void
bf_support_pos(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = 0.0;
	*zhi = INFINITY;
}

void
bf_support_neg(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = -INFINITY;
	*zhi = 0.0;
}

void
bf_support_unit(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	(void) shape;
	*zlo = 0.0;
	*zhi = 1.0;
}


/* ------------------------------------------------------------------------
 * Start values
 *
 * Each start function writes raw estimates (closed forms, method of
 * moments or quantile matching; see each function) and then calls
 * bf_finish_start, which puts fixed values in place, replaces anything
 * non-finite by a default, moves shapes strictly inside their domain, and
 * moves loc / scale so that [min, max] lies inside the support with a small
 * margin whenever the free parameters allow it.
 * ------------------------------------------------------------------------
 */

double
bf_clampd(double v, double lo, double hi)
{
	return (v < lo) ? lo : (v > hi) ? hi : v;
}

bool
bf_is_free(const double *fx, int i)
{
	return isnan(fx[i]);
}

/* A positive spread of the data, 1 when there is none. */
double
bf_data_scale(const BfDataSummary *s)
{
	if (isfinite(s->sd) && s->sd > 0)
		return s->sd;
	if (isfinite(s->max - s->min) && s->max > s->min)
		return 0.25 * (s->max - s->min);
	return 1.0;
}

double
bf_data_center(const BfDataSummary *s)
{
	if (isfinite(s->mean))
		return s->mean;
	if (isfinite(s->median))
		return s->median;
	return 0.0;
}

double
bf_data_var(const BfDataSummary *s)
{
	double		sd = bf_data_scale(s);

	return sd * sd;
}

/*
 * The gap left between the data and a finite end of the support:
 * 1e-3 of the spread, the range but at most 4 interquartile ranges (a
 * heavy tail would otherwise push the bound far from the bulk).
 */
double
bf_data_margin(const BfDataSummary *s)
{
	double		spread = s->max - s->min,
				iqr = s->q75 - s->q25,
				m;

	if (iqr > 0 && 4.0 * iqr < spread)
		spread = 4.0 * iqr;
	m = 1e-3 * (spread + (fabs(s->max) + fabs(s->min)) * 1e-9 + 1e-300);

	return (isfinite(m) && m > 0) ? m : 1e-3;
}

/*
 * loc and scale by quantile matching (median and interquartile range) for
 * given shapes, using the ppf of the entry self; a fixed loc is matched to the
 * median instead.
 */
void
bf_locscale_quantiles(const BfDist *self, const BfDataSummary *s, const double *fx,
					  const double *shape, double *out)
{
	int			ns = self->nshapes;
	double		z25 = self->ppf(self, 0.25, shape),
				z50 = self->ppf(self, 0.5, shape),
				z75 = self->ppf(self, 0.75, shape);
	double		loc = fx[ns],
				scale = fx[ns + 1];

	if (isnan(scale))
	{
		if (!isnan(loc) && fabs(z50) > 0.1 * (z75 - z25) &&
			(s->median - loc) / z50 > 0)
			scale = (s->median - loc) / z50;
		else
			scale = (s->q75 - s->q25) / (z75 - z25);
		if (!(isfinite(scale) && scale > 0))
			scale = 1.349 * bf_data_scale(s) / (z75 - z25);
	}
	if (isnan(loc))
		loc = (isfinite(s->median) ? s->median : bf_data_center(s)) - scale * z50;
	out[ns] = loc;
	out[ns + 1] = scale;
}

/*
 * loc and scale by the method of moments, given the mean zm and standard
 * deviation zs of the standardized distribution; with a fixed loc the scale
 * matches the mean when zm > 0.
 */
void
bf_locscale_moments(const BfDataSummary *s, const double *fx, int ns,
				 double zm, double zs, double *out)
{
	double		loc = fx[ns],
				scale = fx[ns + 1];

	if (isnan(scale))
	{
		if (!isnan(loc) && zm > 0 && s->mean > loc)
			scale = (s->mean - loc) / zm;
		else
			scale = bf_data_scale(s) / zs;
	}
	if (isnan(loc))
		loc = bf_data_center(s) - zm * scale;
	out[ns] = loc;
	out[ns + 1] = scale;
}

/*
 * Make scale * zb reach the bound D from the right side: when upper is
 * false, scale * zb <= D is required, else scale * zb >= D.  Only scale is
 * changed, and only to a positive value.
 */
double
bf_scale_for_bound(double scale, double zb, double D, bool upper)
{
	double		need;

	if (zb == 0)
		return scale;
	need = D / zb;
	if (!(isfinite(need) && need > 0))
		return scale;
	/* dividing by a negative zb flips the inequality */
	if (upper == (zb > 0))
		return fmax(scale, need);
	return fmin(scale, need);
}

void
bf_finish_start(const BfDist *self, const BfDataSummary *s, const double *fx,
				double *out)
{
	int			ns = self->nshapes,
				i;
	bool		loc_free = bf_is_free(fx, ns),
				scale_free = bf_is_free(fx, ns + 1);
	double		loc,
				scale,
				zlo,
				zhi,
				m,
				xmin = s->min,
				xmax = s->max;

	/* shapes: fixed value, else finite and strictly inside the domain */
	for (i = 0; i < ns; i++)
	{
		const BfDomain *dom = &self->shapes[i].domain;
		double		v = out[i];

		if (!bf_is_free(fx, i))
		{
			out[i] = fx[i];
			continue;
		}
		if (isnan(v))
		{
			if (isfinite(dom->lo) && isfinite(dom->hi))
				v = 0.5 * (dom->lo + dom->hi);
			else if (isfinite(dom->lo))
				v = dom->lo + 1.0;
			else
				v = 0.0;
		}
		if (isfinite(dom->lo) && isfinite(dom->hi))
		{
			double		w = 1e-3 * (dom->hi - dom->lo);

			v = bf_clampd(v, dom->lo + w, dom->hi - w);
		}
		else if (isfinite(dom->lo))
			v = bf_clampd(v, dom->lo + 1e-3, dom->lo + 1e6);
		else
			v = bf_clampd(v, -1e6, 1e6);
		out[i] = v;
	}

	/* loc and scale: fixed, else finite and positive */
	loc = loc_free ? out[ns] : fx[ns];
	scale = scale_free ? out[ns + 1] : fx[ns + 1];
	if (loc_free && !isfinite(loc))
		loc = bf_data_center(s);
	if (scale_free && !(isfinite(scale) && scale > 0))
		scale = bf_data_scale(s);

	/* the data inside the support, when the free parameters allow it */
	if (isfinite(xmin) && isfinite(xmax) && isfinite(loc) &&
		isfinite(scale) && scale > 0)
	{
		self->support(self, out, &zlo, &zhi);
		m = bf_data_margin(s);
		if (isfinite(zlo) && isfinite(zhi))
		{
			bool		ok = loc + scale * zlo <= xmin - m &&
			loc + scale * zhi >= xmax + m;

			if (!ok && loc_free && scale_free)
			{
				double		lo = fmin(loc + scale * zlo, xmin - m),
							hi = fmax(loc + scale * zhi, xmax + m);

				scale = (hi - lo) / (zhi - zlo);
				loc = lo - scale * zlo;
			}
			else if (!ok && loc_free)
			{
				double		llo = xmax + m - scale * zhi,
							lhi = xmin - m - scale * zlo;

				if (llo <= lhi)
					loc = bf_clampd(loc, llo, lhi);
				else
					loc = 0.5 * (xmin + xmax) - 0.5 * scale * (zlo + zhi);
			}
			else if (!ok && scale_free)
			{
				scale = bf_scale_for_bound(scale, zhi, xmax + m - loc, true);
				scale = bf_scale_for_bound(scale, zlo, xmin - m - loc, false);
			}
		}
		else if (isfinite(zlo) && loc + scale * zlo > xmin - m)
		{
			if (loc_free)
				loc = xmin - m - scale * zlo;
			else if (scale_free)
				scale = bf_scale_for_bound(scale, zlo, xmin - m - loc, false);
		}
		else if (isfinite(zhi) && loc + scale * zhi < xmax + m)
		{
			if (loc_free)
				loc = xmax + m - scale * zhi;
			else if (scale_free)
				scale = bf_scale_for_bound(scale, zhi, xmax + m - loc, true);
		}
	}
	if (!isfinite(loc))
		loc = 0.0;
	if (!(isfinite(scale) && scale > 0))
		scale = 1.0;
	out[ns] = loc;
	out[ns + 1] = scale;
}

/* loc and scale from the data's quantiles for the shapes in out, then finished. */
void
bf_start_locscale(const BfDist *d, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	bf_locscale_quantiles(d, s, fx, out, out);
	bf_finish_start(d, s, fx, out);
}

/*
 * The start of an entry without a start function (and the fallback of
 * start functions that only cover some data, gausshyper's): each free
 * shape at the middle value of its start grid, else the middle of its
 * domain (one past a finite end of a half-infinite one, 0 on the real
 * line), fixed shapes at their values; then loc and scale from the
 * data's quantiles (bf_start_locscale).
 */
void
bf_start_default(const BfDist *d, const BfDataSummary *s, const double *fixed, double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;

	for (int i = 0; i < d->nshapes; i++)
	{
		const BfDomain *dom = bf_shape_domain(d, i);

		if (!isnan(fx[i]))
			out[i] = fx[i];
		else if (BF_HINT(d, ngrid)[i] > 0)
			out[i] = BF_HINT(d, grid)[i][(BF_HINT(d, ngrid)[i] - 1) / 2];
		else if (isfinite(dom->lo) && isfinite(dom->hi))
			out[i] = 0.5 * (dom->lo + dom->hi);
		else if (isfinite(dom->lo))
			out[i] = dom->lo + 1.0;
		else if (isfinite(dom->hi))
			out[i] = dom->hi - 1.0;
		else
			out[i] = 0.0;
	}
	bf_start_locscale(d, s, fixed, out);
}


/*
 * Start-value helpers moved here from the family files when the entries
 * were regrouped (used by entries of several files).
 */


/*
 * halfcauchy, halflogistic: loc just below the minimum when free (the
 * support starts at loc), scale from the median of x - loc (the median of
 * z is 1 for halfcauchy, log 3 for halflogistic); with loc fixed the same,
 * with scale fixed loc is matched to the median.
 */
void
bf_half_start(const BfDist *self, double zmed, const BfDataSummary *s, const double *fixed,
			  double *out)
{
	const double *fx = fixed ? fixed : bf_no_fixed;
	double		loc = fx[0],
				scale = fx[1];

	if (isnan(loc) && isnan(scale))
		loc = s->min - bf_data_margin(s);
	else if (isnan(loc))
		loc = fmin(s->min - bf_data_margin(s), s->median - scale * zmed);
	if (isnan(scale))
		scale = (s->median - loc) / zmed;
	out[0] = loc;
	out[1] = scale;
	bf_finish_start(self, s, fx, out);
}

/*
 * Solve f(c) = target for c in [lo, hi], f decreasing; the nearer end when
 * target is outside [f(hi), f(lo)] (bisection, 60 steps).
 */
double
bf_solve_decreasing_geom(double (*f) (double), double target, double lo, double hi)
{
	int			i;

	if (!isfinite(target))
		return NAN;
	if (target >= f(lo))
		return lo;
	if (target <= f(hi))
		return hi;
	for (i = 0; i < 60; i++)
	{
		double		mid = sqrt(lo * hi);	/* geometric: c spans decades */

		if (f(mid) > target)
			lo = mid;
		else
			hi = mid;
	}
	return sqrt(lo * hi);
}


double
bf_sq_div(double u, double d)
{
	double		u2 = u * u;

	if (isinf(u2) && isfinite(u))
		return (u / d) * u;
	return u2 / d;
}
