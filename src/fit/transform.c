/*
 * transform.c — the map between an entry's parameters and the optimiser's
 * unconstrained coordinates (theta), and the choice of how loc and scale
 * move (BfLocMode).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"

/*
 * A shape from its transformed value.  Near a finite end the sum rounds to
 * the end itself (gausshyper's z = -1 + exp(v) is -1.0 once exp(v) < 1e-16):
 * an open end is then replaced by its neighbour inside, so that a fit never
 * returns a shape outside the domain (scipy's argcheck rejects z = -1 and
 * its logpdf is NaN there; measured on normal samples of 10,000 values).
 */
double
bf_shape_from_theta(const BfDomain *dom, double v)
{
	double		p;

	if (isfinite(dom->lo) && isfinite(dom->hi))
		p = dom->lo + (dom->hi - dom->lo) / (1.0 + exp(-v));
	else if (isfinite(dom->lo))
		p = dom->lo + exp(v);
	else if (isfinite(dom->hi))
		p = dom->hi - exp(v);
	else
		return v;
	if (!dom->lo_closed && p <= dom->lo)
		p = nextafter(dom->lo, INFINITY);
	if (!dom->hi_closed && p >= dom->hi)
		p = nextafter(dom->hi, -INFINITY);
	return p;
}

double
bf_shape_to_theta(const BfDomain *dom, double p)
{
	if (isfinite(dom->lo) && isfinite(dom->hi))
	{
		double		u = (p - dom->lo) / (dom->hi - dom->lo),
					s = (dom->hi - p) / (dom->hi - dom->lo);

		/*
		 * Within 1e-12 of an end (relative to the width) but inside, as
		 * bf_shape_from_theta puts a shape when v < -27.6 or v > 27.6: the
		 * logit from both sides' own differences, so that the round trip
		 * keeps the point (before 2026-12-02 it was clamped to 1e-12 there,
		 * so that a polish started from it evaluated another point first:
		 * trapezoid's c = 1.5e-13 went to 1e-12, 3.8 log-likelihood units
		 * lower on the zoo's Pareto sketch, and its simplex polish ended
		 * 1.47 units below its own start).  At an end itself (or outside)
		 * the clamp stays: a start there moves off it in the search's steps.
		 */
		if ((u > 0 && u < 1e-12) || (s > 0 && s < 1e-12))
			return log(u) - log(s);
		u = Min(Max(u, 1e-12), 1 - 1e-12);
		return log(u / (1 - u));
	}
	if (isfinite(dom->lo))
		return log(Max(p - dom->lo, 1e-300));
	if (isfinite(dom->hi))
		return log(Max(dom->hi - p, 1e-300));
	return p;
}

/*
 * A shape bounded by another one, |b| < a (BfFitHints.bound_by), from its
 * transformed value v = a atanh(b / a): b = a tanh(v / a).  For |b| well
 * below a this is b itself (the search's coordinate as before, so that a
 * ridge to a limit where a grows with b fixed, norminvgauss -> norm, is
 * as straight as it was); towards |b| = a it stretches the way atanh
 * does, so that the constraint is approached, never hit.  b is pulled
 * inside when tanh rounds to +-1 (b = +-a breaks the constraint).
 */
double
bf_bounded_from_theta(double a, double v)
{
	double		b;

	if (!(a > 0))
		return v;				/* argcheck rejects it */
	b = a * tanh(v / a);
	if (fabs(b) >= a)
		b = copysign(nextafter(a, 0), v);
	return b;
}

/* The inverse of bf_bounded_from_theta for |b| < a, the ratio kept off +-1. */
double
bf_bounded_to_theta(double a, double b)
{
	double		r;

	if (!(a > 0))
		return b;
	r = Min(Max(b / a, -1 + 1e-15), 1 - 1e-15);
	return a * atanh(r);
}

/*
 * A gap from its transformed value.  Below min_log_gap (1e-12 locunits
 * while searching) the gap is held at that floor: flat, so the simplex
 * settles instead of running off to minus infinity (bf_snap_to_data tries
 * the gap 0 itself, bf_refine_gaps smaller ones).
 */
double
bf_gap_from_theta(const BfProblem *pb, double v)
{
	return pb->locunit * exp(Max(v, pb->min_log_gap));
}

double
bf_gap_to_theta(const BfProblem *pb, double gap)
{
	return log(Max(gap, exp(pb->min_log_gap) * pb->locunit) / pb->locunit);
}


/*
 * Are loc and scale moved as the model's mean and sd (BF_LOC_MOMENTS)?
 * Only with both free and no end tied to the data: otherwise (a
 * sub-problem of bf_snap_to_data) as BF_LOC_LINEAR.
 */
static bool
bf_moment_coords(const BfProblem *pb)
{
	const BfDist *d = pb->d;

	return pb->locmode == BF_LOC_MOMENTS && pb->tie == BF_TIE_NONE &&
		BF_HINT(d, ridge_moments) != NULL &&
		!pb->fixed[bf_loc_index(d)] && !pb->fixed[bf_scale_index(d)];
}

void
bf_theta_to_params(const BfProblem *pb, const gsl_vector *t, double *params)
{
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	double		tloc = 0,
				tscale = 0,
				zlo,
				zhi;

	memcpy(params, pb->base, sizeof(double) * BF_MAX_PARAMS);
	for (int k = 0; k < pb->nfree; k++)
	{
		int			i = pb->freeidx[k];
		double		v = gsl_vector_get(t, k);

		if (i == il)
			tloc = v;
		else if (i == is)
			tscale = v;
		else if (i < d->nshapes && BF_HINT(d, bound_by[i]) > 0)
			params[i] = v;		/* mapped below, once its bound is known */
		else
			params[i] = bf_shape_from_theta(bf_shape_domain(d, i), v);
	}
	for (int k = 0; k < pb->nfree; k++)
	{
		int			i = pb->freeidx[k];

		if (i < d->nshapes && BF_HINT(d, bound_by[i]) > 0)
			params[i] = bf_bounded_from_theta(params[BF_HINT(d, bound_by[i]) - 1], params[i]);
	}
	bf_entry_support(d, params, &zlo, &zhi);
	if (pb->tie == BF_TIE_BOTH)
	{
		/*
		 * loc and scale that put the support's ends at tie_ends at these
		 * shapes (bf_snap_to_data); shapes whose support has an infinite
		 * end cannot: NaN, which the likelihood rejects
		 */
		if (isfinite(zlo) && isfinite(zhi) && zhi > zlo)
		{
			params[is] = (pb->tie_ends[1] - pb->tie_ends[0]) / (zhi - zlo);
			params[il] = pb->tie_ends[0] - zlo * params[is];
		}
		else
			params[il] = params[is] = NAN;
		return;
	}
	if (pb->locmode == BF_LOC_BETWEEN && pb->tie == BF_TIE_NONE &&
		!pb->fixed[il] && !pb->fixed[is])
	{
		double		lower = pb->fd->min - bf_gap_from_theta(pb, tloc);
		double		upper = pb->fd->max + bf_gap_from_theta(pb, tscale);

		params[is] = (upper - lower) / (zhi - zlo);
		params[il] = lower - zlo * params[is];
		return;
	}
	if (bf_moment_coords(pb))
	{
		double		mu,
					sd;

		/* the model's mean and sd (internal.h, BF_LOC_MOMENTS) */
		BF_HINT(d, ridge_moments) (d, params, &mu, &sd);
		params[is] = pb->locunit * exp(tscale) / sd;
		params[il] = pb->mom_mean + tloc * pb->locunit - params[is] * mu;
		return;
	}
	if (!pb->fixed[is])
		params[is] = pb->base[is] * exp(tscale);
	if (pb->tie == BF_TIE_LOWER || pb->tie == BF_TIE_UPPER)
	{
		/*
		 * loc that puts the lower (upper) end at tie_ends[0] ([1]) at these
		 * shapes and scale; NaN, which the likelihood rejects, where that
		 * end is infinite
		 */
		double		z = pb->tie == BF_TIE_LOWER ? zlo : zhi;

		if (isfinite(z))
			bf_place_end(pb, params, z, pb->tie_ends[pb->tie == BF_TIE_LOWER ? 0 : 1]);
		else
			params[il] = NAN;
	}
	else if (pb->fixed[il])
		return;
	else if (pb->locmode == BF_LOC_LINEAR || pb->locmode == BF_LOC_MOMENTS)
		params[il] = pb->base[il] + tloc * pb->locunit;
	else if (pb->locmode == BF_LOC_BELOW_MIN)
		params[il] = pb->fd->min - zlo * params[is] - bf_gap_from_theta(pb, tloc);
	else
		params[il] = pb->fd->max - zhi * params[is] + bf_gap_from_theta(pb, tloc);
}

/* Inverse transform of params into t (params inside their domains). */
void
bf_params_to_theta(const BfProblem *pb, const double *params, gsl_vector *t)
{
	const BfDist *d = pb->d;
	int			il = bf_loc_index(d),
				is = bf_scale_index(d);
	double		zlo,
				zhi;
	bool		between = pb->locmode == BF_LOC_BETWEEN && pb->tie == BF_TIE_NONE &&
		!pb->fixed[il] && !pb->fixed[is];

	bf_entry_support(d, params, &zlo, &zhi);
	for (int k = 0; k < pb->nfree; k++)
	{
		int			i = pb->freeidx[k];
		double		v;

		if (bf_moment_coords(pb) && (i == il || i == is))
		{
			double		mu,
						sd;

			BF_HINT(d, ridge_moments) (d, params, &mu, &sd);
			v = (i == is) ? log(params[is] * sd / pb->locunit)
				: (params[il] + params[is] * mu - pb->mom_mean) / pb->locunit;
		}
		else if (i == il && between)
			v = bf_gap_to_theta(pb, pb->fd->min - (params[il] + zlo * params[is]));
		else if (i == is && between)
			v = bf_gap_to_theta(pb, params[il] + zhi * params[is] - pb->fd->max);
		else if (i == il && pb->locmode == BF_LOC_BELOW_MIN)
			v = bf_gap_to_theta(pb, pb->fd->min - zlo * params[is] - params[il]);
		else if (i == il && pb->locmode == BF_LOC_ABOVE_MAX)
			v = bf_gap_to_theta(pb, params[il] - (pb->fd->max - zhi * params[is]));
		else if (i == il)
			v = (params[i] - pb->base[i]) / pb->locunit;
		else if (i == is)
			v = log(params[i] / pb->base[i]);
		else if (i < d->nshapes && BF_HINT(d, bound_by[i]) > 0)
			v = bf_bounded_to_theta(params[BF_HINT(d, bound_by[i]) - 1], params[i]);
		else
			v = bf_shape_to_theta(bf_shape_domain(d, i), params[i]);
		gsl_vector_set(t, k, v);
	}
}

/*
 * Choose how to move loc: a gap mode when the family's support has a finite
 * lower (upper) end and an infinite upper (lower) one at every probed shape,
 * the two-gap mode when both ends are always finite and scale is free.
 */
BfLocMode
bf_choose_locmode(const BfDist *d, const double *params, bool scale_free)
{
	static const double probes[] = {-2, -0.5, 0.05, 0.5, 1, 2, 10};
	double		shape[BF_MAX_PARAMS];
	bool		lo_always = true,
				hi_always = true,
				lo_never = true,
				hi_never = true;

	for (int k = -1; k < (int) lengthof(probes); k++)
	{
		double		zlo,
					zhi;

		memcpy(shape, params, sizeof(shape));
		if (k >= 0)
		{
			bool		ok = true;

			for (int i = 0; i < d->nshapes; i++)
			{
				const BfDomain *dom = bf_shape_domain(d, i);

				shape[i] = probes[k];
				if (shape[i] < dom->lo || shape[i] > dom->hi ||
					(!dom->lo_closed && shape[i] == dom->lo) ||
					(!dom->hi_closed && shape[i] == dom->hi))
					ok = false;
			}
			if (!ok)
				continue;
		}
		bf_entry_support(d, shape, &zlo, &zhi);
		/* shapes valid one by one but not together (loguniform's a = b) */
		if (k >= 0 && (isnan(zlo) || isnan(zhi)))
			continue;
		lo_always &= isfinite(zlo);
		lo_never &= !isfinite(zlo);
		hi_always &= isfinite(zhi);
		hi_never &= !isfinite(zhi);
	}
	if (lo_always && hi_never)
		return BF_LOC_BELOW_MIN;
	if (hi_always && lo_never)
		return BF_LOC_ABOVE_MAX;
	if (lo_always && hi_always && scale_free)
		return BF_LOC_BETWEEN;
	return BF_LOC_LINEAR;
}

