/*
 * resolution.c — detection of the recording resolution of a sketch (the
 * rules are in resolution.h): a lattice among an exact sketch's values, or
 * among a binned sketch's non-empty bins.
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
		/*
		 * single precision's rounding where it is below 1% of the step;
		 * beyond (integers above 83,886 with q = 1), only values exact in
		 * double precision pass: before 2026-12-06 such sketches were not
		 * detected at all
		 */
		double		single = ldexp(scale, -23),
					tol = single <= 0.01 * step ? fmax(1e-4 * step, single) : 1e-4 * step;

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

/*
 * K = (max - min) / q when it is within its margin of an integer (the
 * header of bf_binned_lattice), else -1.
 */
static double
bf_lattice_steps(const BfHistogram *h, double q)
{
	double		r = (h->max - h->min) / q,
				k = nearbyint(r),
				single = ldexp(fmax(fabs(h->min), fabs(h->max)), -23) / q,
				tol = (single <= 0.01 ? fmax(1e-6, single) : 1e-6) +
		4 * DBL_EPSILON * (fabs(r) + fabs(h->min) / q);

	if (!(q > 0) || !isfinite(r) || !(fabs(r - k) <= tol) ||
		!(k >= 0) || k > BF_RES_MAX_INDEX)
		return -1;
	return k;
}

/*
 * The margin of index position u = (e - min) / q (resolution.h): 1e-9 and
 * the rounding of e - min and of the division, 4 DBL_EPSILON (|u| + |min| /
 * q); a function of e alone, so that neighbouring bins share their cut.
 */
static inline double
bf_lattice_margin(double u, double min, double q)
{
	return 1e-9 + 4 * DBL_EPSILON * (fabs(u) + fabs(min) / q);
}

/* the first lattice index at or above edge e, clamped to [0, K + 1] (resolution.h) */
static double
bf_lattice_cut(double u, double min, double q, double K)
{
	double		c = ceil(u - bf_lattice_margin(u, min, q));

	if (!(c >= 0))				/* NaN cannot happen: u is a bin edge's, min finite */
		return 0;
	return c > K + 1 ? K + 1 : c;
}

bool
bf_binned_lattice(const BfHistogram *h, double q, double *klo, double *khi)
{
	double		K,
				prev = -1;

	if (h->level == 0 || h->nbins < 1 || !isfinite(h->min) || !isfinite(h->max))
		return false;
	K = bf_lattice_steps(h, q);
	if (K < 0)
		return false;
	for (int i = 0; i < h->nbins; i++)
	{
		double		lo,
					hi,
					ulo,
					uhi,
					a,
					b,
					k;

		bf_bin_edges(h, i, &lo, &hi);
		ulo = (lo - h->min) / q;
		uhi = (hi - h->min) / q;
		a = bf_lattice_cut(ulo, h->min, q, K);
		b = bf_lattice_cut(uhi, h->min, q, K) - 1;
		/*
		 * A bin narrower than the index's rounding (near 0, where bins are
		 * 1e-310 wide: [0, 1.7e-310) holding the value 0) has both cuts
		 * equal: it holds the lattice point its lower edge is on, if any.
		 */
		k = nearbyint(ulo);
		if (b < a && uhi - ulo <= bf_lattice_margin(uhi, h->min, q) &&
			fabs(ulo - k) <= bf_lattice_margin(ulo, h->min, q) && k >= 0 && k <= K)
			a = b = k;
		if (i == 0)
			a = 0;
		if (i == h->nbins - 1)
			b = K;
		a = fmax(a, prev + 1);
		if (!(a <= b))
			return false;
		if (klo != NULL)
		{
			klo[i] = a;
			khi[i] = b;
		}
		prev = b;
	}
	return true;
}

double *
bf_binned_lattice_points(const BfHistogram *h, double q)
{
	double	   *k;

	if (!(q > 0) || h->level == 0 || h->nbins < 1)
		return NULL;
	k = bf_alloc(sizeof(double) * 2 * h->nbins);
	if (!bf_binned_lattice(h, q, k, k + h->nbins))
	{
		bf_free(k);
		return NULL;
	}
	return k;
}

/*
 * A binned sketch's resolution (resolution.h): the largest step m 10^e
 * whose lattice holds every bin with enough evidence, else 0.
 */
static double
bf_detect_binned(const BfHistogram *h)
{
	static const double mant[] = {5.0, 2.5, 2.0, 1.0};
	const int64_t *counts = BF_HIST_COUNTS(h);
	double		range = h->max - h->min,
				wmin = INFINITY,
				found = 0,
			   *klo,
			   *khi;
	int			ehi,
				elo;

	if (h->nbins < 3 || !(range > 0) || !isfinite(range))
		return 0;
	for (int i = 1; i < h->nbins - 1; i++)
	{
		double		lo,
					hi;

		bf_bin_edges(h, i, &lo, &hi);
		if (hi - lo < wmin)
			wmin = hi - lo;
	}
	if (!(wmin > 0) || !isfinite(wmin))
		return 0;
	ehi = (int) floor(log10(range));
	elo = (int) floor(log10(wmin));
	if (elo < -300)
		elo = -300;
	klo = bf_alloc(sizeof(double) * h->nbins);
	khi = bf_alloc(sizeof(double) * h->nbins);
	for (int e = ehi; e >= elo && found == 0; e--)
		for (int j = 0; j < (int) (sizeof(mant) / sizeof(mant[0])) && found == 0; j++)
		{
			/* m 10^e, correctly rounded for |e| <= 22 (10^|e| exact) */
			double		q = e >= 0 ? mant[j] * pow(10.0, e) : mant[j] / pow(10.0, -e),
						evidence = 0;
			bool		tie = false;

			if (!(q < range) || !(q > wmin) || bf_lattice_steps(h, q) < 2 ||
				!bf_binned_lattice(h, q, klo, khi))
				continue;
			for (int i = 0; i < h->nbins; i++)
			{
				double		lo,
							hi;

				/* a tie: a bin of one lattice point holding two or more rows */
				tie = tie || (klo[i] == khi[i] && counts[i] >= 2);
				bf_bin_edges(h, i, &lo, &hi);
				if (i > 0 && i < h->nbins - 1 && hi - lo < q)
					evidence += log(q / (hi - lo));
			}
			if (tie && evidence >= BF_RES_BINNED_EVIDENCE)
				found = q;
		}
	bf_free(klo);
	bf_free(khi);
	return found;
}

double
bf_detect_resolution(const BfHistogram *h)
{
	double		g;

	if (h->level != 0)
		return bf_detect_binned(h);
	if (h->nbins < 3 || bf_hist_count(h) <= h->nbins)
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
