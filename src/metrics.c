/*
 * metrics.c — goodness-of-fit metrics of a fitted candidate on a sketch:
 * Kolmogorov-Smirnov, Anderson-Darling and the histogram SSE.
 *
 * On exact sketches KS and AD are the textbook statistics on the raw values.
 * On binned sketches the positions of values inside a bin are unknown:
 *   KS  is evaluated at every bin edge, so it is a lower bound of the raw
 *       statistic, off by at most the largest single-bin probability;
 *   AD  uses A^2 = n * integral (F_n - F)^2 / (F (1 - F)) dF with F_n taken
 *       to rise linearly in F across each bin.
 */
#include "postgres.h"

#include <math.h>

#include "fit.h"

#define BF_SSE_BINS 50

/*
 * Upper tail of the Kolmogorov distribution for statistic d and sample size
 * n, with Stephens' (1970) small-sample correction
 * lambda = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) * d, as in Press et al.,
 * Numerical Recipes, 3rd ed., section 14.3.3.  The parameters were fitted
 * to the same data, which this p-value does not account for: it is too
 * large (conservative in rejecting the fit).
 */
double
bf_kolmogorov_sf(double d, double n)
{
	double		sn = sqrt(n);
	double		lambda = (sn + 0.12 + 0.11 / sn) * d;
	double		sum = 0;

	if (!(lambda > 0))
		return 1.0;
	if (lambda < 1.18)
	{
		/* P(K <= lambda) = sqrt(2 pi)/lambda * sum exp(-(2k-1)^2 pi^2 / (8 lambda^2)) */
		double		y = exp(-M_PI * M_PI / (8 * lambda * lambda));

		for (int k = 1; k <= 5; k++)
			sum += pow(y, (2 * k - 1) * (2 * k - 1));
		return Max(0.0, Min(1.0, 1.0 - sqrt(2 * M_PI) / lambda * sum));
	}
	for (int k = 1; k <= 100; k++)
	{
		double		term = exp(-2.0 * k * k * lambda * lambda);

		sum += (k % 2 ? 2.0 : -2.0) * term;
		if (term < 1e-17)
			break;
	}
	return Max(0.0, Min(1.0, sum));
}

/*
 * integral over u in [a, b] of (c - u)^2 / (u (1 - u)) du, for constant c
 * in [0, 1]: c^2 log(b/a) + (1-c)^2 log((1-a)/(1-b)) - (b - a).
 */
static double
bf_ad_const(double c, double a, double b)
{
	double		r = -(b - a);

	if (!(b > a))
		return 0;
	if (c != 0)
		r += c * c * (log(b) - log(a));
	if (c != 1)
		r += (1 - c) * (1 - c) * (log1p(-a) - log1p(-b));
	return r;
}

/*
 * integral over u in [a, b] of (g(u) - u)^2 / (u (1 - u)) du where g rises
 * linearly from c0 at a to c1 at b.  Narrow segments (where the closed form
 * would cancel) use 8-point Gauss-Legendre.
 */
static double
bf_ad_linear(double c0, double c1, double a, double b)
{
	static const double gx[4] = {0.1834346424956498, 0.5255324099163290,
	0.7966664774136267, 0.9602898564975363};
	static const double gw[4] = {0.3626837833783620, 0.3137066458778873,
	0.2223810344533745, 0.1012285362903763};
	double		mid,
				half,
				r = 0;

	if (!(b > a))
		return 0;
	mid = 0.5 * (a + b);
	half = 0.5 * (b - a);
	if (a > 0 && b < 1 && b - a < 0.5 * Min(a, 1 - b))
	{
		for (int k = 0; k < 8; k++)
		{
			double		t = (k < 4 ? -gx[k] : gx[k - 4]);
			double		u = mid + half * t;
			double		g = c0 + (c1 - c0) * (u - a) / (b - a);

			r += gw[k % 4] * (g - u) * (g - u) / (u * (1 - u));
		}
		return r * half;
	}
	else
	{
		/* h(u) = g(u) - u = p + q u */
		double		q = (c1 - c0) / (b - a) - 1;
		double		p = c0 - a - q * a;

		r = -q * q * (b - a);
		if (p != 0)
			r += p * p * (log(b) - log(a));
		if (p + q != 0)
			r += (p + q) * (p + q) * (log1p(-a) - log1p(-b));
		return r;
	}
}

static double
bf_cdf_at(const BfDist *d, const double *params, double x)
{
	return d->cdf((x - params[d->nshapes]) / params[d->nshapes + 1], params);
}

/* KS and AD on an exact sketch: F_n is a step function. */
static void
bf_ks_ad_exact(const BfFitData *fd, BfFitResult *res)
{
	double		n = fd->n;
	double		cum = 0;
	double		D = 0;
	double		A = 0;
	double		uprev = 0;

	for (int i = 0; i < fd->nbins; i++)
	{
		double		u = bf_cdf_at(res->dist, res->params, fd->x[i]);
		double		before = cum / n;
		double		after = (cum + fd->w[i]) / n;

		D = Max(D, Max(fabs(after - u), fabs(u - before)));
		A += bf_ad_const(before, uprev, u);
		uprev = u;
		cum += fd->w[i];
	}
	A += bf_ad_const(1.0, uprev, 1.0);
	res->ks = D;
	res->ad = n * A;
}

/* KS (at bin edges) and AD (linear within bins) on a binned sketch. */
static void
bf_ks_ad_binned(const BfFitData *fd, BfFitResult *res)
{
	double		n = fd->n;
	double		cum = 0;
	double		D = 0;
	double		A = 0;
	double		uprev = 0;

	for (int i = 0; i < fd->nbins; i++)
	{
		double		ulo = bf_cdf_at(res->dist, res->params, fd->edges[fd->ilo[i]]);
		double		uhi = bf_cdf_at(res->dist, res->params, fd->edges[fd->ihi[i]]);
		double		before = cum / n;
		double		after = (cum + fd->w[i]) / n;

		D = Max(D, Max(fabs(before - ulo), fabs(after - uhi)));
		A += bf_ad_const(before, uprev, ulo);
		A += bf_ad_linear(before, after, ulo, uhi);
		uprev = uhi;
		cum += fd->w[i];
	}
	A += bf_ad_const(1.0, uprev, 1.0);
	res->ks = D;
	res->ad = n * A;
}

/*
 * SSE as spark-bestfit defines it: the data's histogram density on
 * BF_SSE_BINS equal-width bins over [min, max] against the fitted pdf at the
 * bin centres, squared differences summed.  Sketch bins that straddle
 * histogram bins are spread uniformly over their width.
 */
static void
bf_sse(const BfFitData *fd, BfFitResult *res)
{
	double		counts[BF_SSE_BINS] = {0};
	double		width = (fd->max - fd->min) / BF_SSE_BINS;
	const BfDist *d = res->dist;
	double		loc = res->params[d->nshapes];
	double		scale = res->params[d->nshapes + 1];
	double		sse = 0;

	for (int i = 0; i < fd->nbins; i++)
	{
		if (fd->exact)
		{
			int			k = (int) ((fd->x[i] - fd->min) / width);

			counts[Min(Max(k, 0), BF_SSE_BINS - 1)] += fd->w[i];
		}
		else
		{
			double		lo = fd->edges[fd->ilo[i]],
						hi = fd->edges[fd->ihi[i]];
			int			k0 = Min(Max((int) ((lo - fd->min) / width), 0), BF_SSE_BINS - 1);
			int			k1 = Min(Max((int) ((hi - fd->min) / width), 0), BF_SSE_BINS - 1);

			if (k0 == k1 || !(hi > lo))
				counts[k0] += fd->w[i];
			else
				for (int k = k0; k <= k1; k++)
				{
					double		a = Max(lo, fd->min + k * width);
					double		b = Min(hi, fd->min + (k + 1) * width);

					if (k == BF_SSE_BINS - 1)
						b = hi;
					if (b > a)
						counts[k] += fd->w[i] * (b - a) / (hi - lo);
				}
		}
	}
	for (int k = 0; k < BF_SSE_BINS; k++)
	{
		double		centre = fd->min + (k + 0.5) * width;
		double		dens = counts[k] / (fd->n * width);
		double		pdf = exp(d->logpdf((centre - loc) / scale, res->params)) / scale;

		sse += (dens - pdf) * (dens - pdf);
	}
	res->sse = sse;
}

/* Fill the KS, AD and SSE fields of a successful fit. */
void
bf_metrics(const BfFitData *fd, BfFitResult *res)
{
	if (fd->exact)
		bf_ks_ad_exact(fd, res);
	else
		bf_ks_ad_binned(fd, res);
	res->ks_pvalue = bf_kolmogorov_sf(res->ks, fd->n);
	bf_sse(fd, res);
}
