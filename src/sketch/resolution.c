/*
 * resolution.c — detection of the recording resolution of an exact sketch
 * (the rule is in resolution.h).
 *
 * Why it matters: a value x recorded to resolution q says that the true
 * value lies in [x - q/2, x + q/2].  The likelihood of such data is the
 * grouped (interval-censored) one, sum_k n_k log(F(x_k + q/2) - F(x_k - q/2))
 * (Heitjan 1989, "Inference from grouped continuous data: a review",
 * Statistical Science 4(2)); the density likelihood treats ties as exact
 * and rewards densities that spike at a tied value.
 */
#include <float.h>
#include <math.h>

#include "sketch/resolution.h"
#include "sketch/summary.h"

double
bf_smallest_gap(const BfHistogram *h)
{
	double		gap = INFINITY;

	if (h->level != 0)
		return NAN;
	for (int i = 1; i < h->nbins; i++)
	{
		double		g = bf_bin_point(h, i) - bf_bin_point(h, i - 1);

		if (g < gap)
			gap = g;
	}
	return gap;
}

/*
 * Do the values lie on min + k * q?  On success *q is refined by least
 * squares (k fixed) and true is returned.
 */
static bool
bf_on_lattice(const BfHistogram *h, double *q)
{
	double		x0 = h->min;
	double		scale = fmax(fabs(h->min), fabs(h->max));
	double		step = *q;

	if ((h->max - h->min) / step > BF_RES_MAX_CELLS)
		return false;
	/* two rounds: k from the step, then the step from all k */
	for (int round = 0; round < 2; round++)
	{
		long double skx = 0,
					skk = 0;

		for (int i = 1; i < h->nbins; i++)
		{
			double		d = bf_bin_point(h, i) - x0;
			double		k = nearbyint(d / step);

			skx += (long double) k * d;
			skk += (long double) k * k;
		}
		if (!(skk > 0))
			return false;
		step = (double) (skx / skk);
	}
	{
		double		tol = fmax(1e-4 * step, ldexp(scale, -23));

		if (!(tol <= 0.01 * step))
			return false;
		for (int i = 1; i < h->nbins; i++)
		{
			double		d = bf_bin_point(h, i) - x0;
			double		k = nearbyint(d / step);

			if (k < 1 || fabs(d - k * step) > tol)
				return false;
		}
	}
	*q = step;
	return true;
}

double
bf_detect_resolution(const BfHistogram *h)
{
	double		g;

	if (h->level != 0 || h->nbins < 3 || bf_hist_count(h) <= h->nbins)
		return 0;
	g = bf_smallest_gap(h);
	if (!(g > 0) || !isfinite(g))
		return 0;
	for (int k = 1; k <= BF_RES_MAX_DIVISOR; k++)
	{
		double		q = g / k;

		if (bf_on_lattice(h, &q))
			return q;
	}
	return 0;
}
