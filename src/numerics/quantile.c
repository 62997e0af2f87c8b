/*
 * quantile.c — the catalogue's generic quantile solver (safeguarded Newton
 * iteration on log cdf / log sf) and the edge cases every ppf shares.
 * Declarations: quantile.h.
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

#include "host.h"
#include "numerics/quantile.h"
#include "numerics/special.h"


/*
 * Common edge cases of every ppf: NaN outside [0, 1], the bounds of self's
 * support at 0 and 1.  Returns true when *res holds the answer.
 */
bool
bf_ppf_edge(const BfDist *self, double p, const double *shape, double *res)
{
	double		lo,
				hi;

	if (isnan(p) || p < 0.0 || p > 1.0)
	{
		*res = NAN;
		return true;
	}
	if (p == 0.0 || p == 1.0)
	{
		bf_entry_support(self, shape, &lo, &hi);
		*res = (p == 0.0) ? lo : hi;
		return true;
	}
	return false;
}


/*
 * Quantile by safeguarded Newton iteration (Numerical Recipes' rtsafe, with
 * a bracket that may start unbounded) on the functions of the entry self
 * (its support, cdf, sf and logpdf, through catalogue/entry.h's accessors).
 * Solves cdf(z) = p for p <= 1/2 and sf(z) = 1 - p above, so that both
 * tails keep full relative accuracy.
 *
 * The Newton step is taken on log cdf (log sf), which is close to linear in
 * the tails where cdf - p is not, and in log |z| when |z| > 1 or the support
 * is [0, ...): both are exact for power-law tails and do not slow down in
 * exponential ones.  The bracket [lo, hi] is kept from the signs seen so
 * far; a step that leaves it is replaced by bisection (geometric when both
 * ends have the same sign and differ by more than a factor 4, or when one
 * end is 0 or across it and the other more than 4 times farther, so that
 * quantiles like 1e-200 or 1e200 are reached quickly) or, while one end is
 * still infinite, by an expanding step that squares |z| once it is large.
 * Stops when a Newton step changes z by less than 1e-14 relative (the step
 * after quadratic convergence) or the bracket is down to a few ulps.
 * Returns +-INFINITY or 0 when the quantile is beyond the double range.
 * Where the cdf or sf is NaN at a trial point, retreats halfway (or
 * geometrically) towards the best point so far (NaN only when none was
 * finite).
 * Polls the host's stop request before every step (each costs a cdf or sf
 * and a logpdf, which can be numerical integrals or long series): NaN when
 * asked to stop.
 */
static double bf_ppf_solve_impl(const BfDist *self, const double *shape, double p,
								double guess, bool ulp_stop);

double
bf_ppf_solve(const BfDist *self, const double *shape, double p, double guess)
{
	return bf_ppf_solve_impl(self, shape, p, guess, false);
}

/*
 * bf_ppf_solve, except that a Newton step that rounds to z itself (below
 * half an ulp of z) ends the search with z.  bf_ppf_solve takes such a step
 * as leaving the bracket (z is one of its ends by then) and bisects the
 * bracket down to a few ulps: some 40 more cdf evaluations for a result
 * that differs by an ulp or two at most.  For entries whose cdf is costly
 * (irwinhall: O(n z) steps a call); the others keep bf_ppf_solve, so that
 * their quantiles, and the samples drawn through them, keep their bits.
 */
double
bf_ppf_solve_ulp(const BfDist *self, const double *shape, double p, double guess)
{
	return bf_ppf_solve_impl(self, shape, p, guess, true);
}

static double
bf_ppf_solve_impl(const BfDist *self, const double *shape, double p, double guess,
				  bool ulp_stop)
{
	double		zlo,
				zhi,
				lo,
				hi,
				z,
				q = 1.0 - p;
	double		best = NAN,
				bestg = INFINITY;
	bool		upper = (p > 0.5);
	bool		geo;
	int			i,
				retreats = 0;

	bf_entry_support(self, shape, &zlo, &zhi);
	geo = (zlo >= 0.0);
	lo = zlo;
	hi = zhi;
	if (isfinite(guess) && guess > zlo && guess < zhi)
		z = guess;
	else if (isfinite(zlo) && isfinite(zhi))
		z = 0.5 * (zlo + zhi);
	else if (isfinite(zlo))
		z = zlo + 1.0;
	else if (isfinite(zhi))
		z = zhi - 1.0;
	else
		z = 0.0;

	for (i = 0; i < 200; i++)
	{
		double		G,
					g,
					d,
					zn = NAN;

		if (bf_should_stop())
			return NAN;
		/* G is the tail probability at z, g its signed distance to target */
		G = upper ? bf_entry_sf(self, z, shape) : bf_entry_cdf(self, z, shape);
		if (isnan(G))
		{
			/*
			 * A step (or an expansion of an open bracket) reached a point
			 * where the entry's functions fail (nct at df = 1.6e11 beyond
			 * z = 1e4, a fit at its normal limit on weather.csv's temp):
			 * retreat halfway towards the best point so far (geometrically
			 * when they differ by more than a factor 4: ncf(0.0039, 1e10,
			 * 9.5) on wind_dir stepped from z = 1 to 1.4e95), at most 60
			 * times; NaN when there is none.
			 */
			if (isnan(best) || ++retreats > 60)
				return NAN;
			if (best * z > 0 && fmax(z / best, best / z) > 4.0)
				z = copysign(sqrt(fabs(best)) * sqrt(fabs(z)), z);
			else
				z = best + 0.5 * (z - best);
			continue;
		}
		g = upper ? q - G : G - p;
		if (fabs(g) < bestg)
		{
			bestg = fabs(g);
			best = z;
		}
		if (g == 0.0)
			return z;
		if (g < 0.0)
			lo = z;
		else
			hi = z;
		if (isfinite(lo) && isfinite(hi) &&
			hi - lo <= 4.0 * DBL_EPSILON * fmax(fabs(lo), fabs(hi)))
		{
			/*
			 * The bracket is down to a few ulps.  Where the tail probability
			 * still jumps across the target within it (a law narrower than
			 * its location's ulp: rice(b = 1e200), whose cdf is 1/2 at b and
			 * 1 at the next double), no point comes near it and best is
			 * merely the first point of the jump's far side the search met
			 * (DBL_MAX, after an expansion); the quantile is then the
			 * smallest double with cdf(z) >= p, found by stepping up from
			 * the bracket's lower end (a few ulps: at most 64 values), so
			 * that every p within the jump gets the same z and the
			 * quantile stays monotone in p.
			 */
			if (bestg > 1e-6 * (upper ? q : p))
			{
				double		zs = lo;

				for (int k = 0; k < 64 && zs < hi; k++)
				{
					double		Gs;

					zs = nextafter(zs, INFINITY);
					Gs = upper ? bf_entry_sf(self, zs, shape) : bf_entry_cdf(self, zs, shape);
					if (isnan(Gs))
						break;
					if ((upper ? q - Gs : Gs - p) >= 0.0)
						return zs;
				}
				return hi;
			}
			return best;
		}

		d = exp(bf_entry_logpdf(self, z, shape));
		if (d > 0.0 && isfinite(d) && G > 0.0)
		{
			/* h = log(G / target) with the sign of g, and dh/dz = d / G */
			double		r = upper ? (q - G) / G : (G - p) / p;
			double		h = (fabs(r) < 0.5) ? log1p(r)
				: upper ? log(q) - log(G) : log(G) - log(p);
			double		step = -h * G / d;

			if (z != 0.0 && (geo || fabs(z) > 1.0))
				zn = z * exp(step / z);
			else
				zn = z + step;
			if (ulp_stop && zn == z)
				return z;
		}
		if (!(zn > lo && zn < hi))
		{
			/* Newton is unusable here: bisect, or expand an open bracket */
			if (isfinite(lo) && isfinite(hi))
			{
				if (geo && lo == 0.0)
				{
					zn = (hi < 1e-8) ? hi * hi : hi * 1e-8;
					if (zn == 0.0)
						return 0.0; /* below the smallest double */
				}
				else if (lo * hi > 0 && fmax(lo / hi, hi / lo) > 4.0)
					zn = copysign(sqrt(fabs(lo)) * sqrt(fabs(hi)), hi);
				/*
				 * a bracket from at most 0 to far above (or the mirror):
				 * geometric towards 0 too.  Halving [0, 7e303] (where a
				 * Newton step from the mode of jf_skew_t(1000, 0.05) went)
				 * needed some 950 steps for a quantile near 1.6e16: the
				 * solver gave up after its 200
				 */
				else if (lo <= 0.0 && hi > 4.0 * fmax(1.0, -lo))
					zn = sqrt(hi);
				else if (hi >= 0.0 && -lo > 4.0 * fmax(1.0, hi))
					zn = -sqrt(-lo);
				else
					zn = lo + 0.5 * (hi - lo);
			}
			else if (isfinite(lo))
			{
				if (geo && lo < 0.0625)
					zn = sqrt(lo);
				else if (lo >= 2.0)
					zn = lo * lo;
				else
					zn = lo + 2.0 * fmax(1.0, fabs(lo));
			}
			else
				zn = (hi <= -2.0) ? -hi * hi : hi - 2.0 * fmax(1.0, fabs(hi));
			if (isinf(zn))
			{
				/*
				 * The square overflowed: try the largest double first (the
				 * quantile may lie between the bracket's end and it; q(1e-300)
				 * of levy_stable(1.5, 0) is about -1e200); beyond it only
				 * when the bracket already reaches it.
				 */
				if (zn > 0 ? lo < DBL_MAX : hi > -DBL_MAX)
					zn = copysign(DBL_MAX, zn);
				else
					return zn;	/* beyond the largest double */
			}
			if (!(zn > lo && zn < hi))
				return best;
		}
		else if (fabs(zn - z) <= 1e-14 * fabs(zn))
			return zn;
		z = zn;
	}
	return best;
}


