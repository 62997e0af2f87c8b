/*
 * plot.c — the points of a chart of a fit against its sketch (plot.h):
 * fit_plot_points' rows and what fit_plot_svg draws.
 *
 * The sketch's cells are those the fit engine sees (bf_fitdata_init with no
 * resolution): an exact sketch's values (point masses), a binned sketch's
 * bins clipped to [min, max] (their counts spread uniformly inside, as
 * bf_hist_quantile interpolates), or for a discrete fit the integers a..b
 * of each cell (bf_discrete_cell; a binned cell's count spread equally over
 * its integers, as the discrete SSE does).
 *
 * x range (density, the fitted cdf's grid, the SVG's axes): [min, max],
 * unless max - min exceeds BF_PLOT_TAIL_RATIO times the range between the
 * sketch's 0.5% and 99.5% quantiles: then that range (rounded outwards to
 * integers for a discrete fit), so that a few far values do not squeeze the
 * picture; the values outside are counted (n_outside).
 *
 * density, continuous fit: equal-width bins over the range; their number
 * from the Freedman-Diaconis rule, width 2 IQR n^(-1/3) (Freedman &
 * Diaconis 1981, Z. Wahrscheinlichkeitstheorie verw. Gebiete 57), or
 * Sturges' ceil(log2 n) + 1 bins when the IQR is 0, capped at
 * BF_PLOT_MAX_BINS; values recorded to a lattice min + k q (an exact
 * sketch with ties: bf_detect_resolution, e.g. integers, whole knots) get
 * bars of a whole number of steps centred on the lattice points, so that
 * no bar holds one step more than its neighbour.  y = count / (n width) (n: all finite
 * values, so that the bars are on the pdf's scale).  The fit: its pdf at
 * BF_PLOT_GRID equally spaced points of the range.
 * density, discrete fit: one bar per integer of the range (the empirical
 * pmf) when it holds at most BF_PLOT_MAX_CELLS integers, else bars of g =
 * ceil(integers / BF_PLOT_MAX_CELLS) consecutive integers with their mean
 * pmf; the fit: its pmf at each integer (g = 1), else its mean pmf over the
 * bar's integers, (F(b) - F(a - 1)) / g (sf differences in the upper tail).
 * cdf: the fraction of values up to each cell's upper end (an exact
 * sketch's value; a binned cell's upper edge, the values below it; a
 * discrete cell's last integer); a sketch with more than
 * BF_PLOT_MAX_POINTS cells keeps every k-th cell and the last, k =
 * ceil(cells / BF_PLOT_MAX_POINTS) (exact values at the points kept).  The
 * fit: a continuous fit's cdf at BF_PLOT_GRID equally spaced points of
 * the x range, a discrete fit's at the data's points.
 * qq and pp: the plotting positions of R's ppoints (Becker, Chambers &
 * Wilks 1988, The New S Language): p_r = (r - a) / (n + 1 - 2a) for the
 * r-th smallest of n values, a = 3/8 for n <= 10 (Blom 1958), else 1/2
 * (Hazen 1914).  All n order statistics when n <= BF_PLOT_MAX_POINTS, else
 * the m = BF_PLOT_MAX_POINTS evenly spaced ranks r_j = 1 + floor((j - 1)
 * (n - 1) / (m - 1)), j = 1..m (the smallest and largest included): a
 * subset of the points of R's qqplot(qdist(ppoints(n)), x).  The r-th
 * value is exact for an exact sketch; inside a binned cell of c values
 * from rank s + 1 on, r is placed at the middle of the (r - s)-th of c
 * equal parts of the clipped bin (of its integers for a discrete fit), the
 * extremes at min and max.  qq: x = the fit's quantile at p_r, y = the
 * r-th value; pp: x = the fitted cdf at the r-th value, y = p_r; both with
 * the reference line y = x (two points).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "metrics/plot.h"
#include "fit/fit.h"
#include "catalogue/model.h"
#include "sketch/resolution.h"
#include "sketch/summary.h"

static const char *const bf_plot_kind_names[] = {"density", "cdf", "qq", "pp"};
static const char *const bf_plot_series_names[] = {"data", "fit", "reference"};

const char *
bf_plot_kind_name(BfPlotKind kind)
{
	return bf_plot_kind_names[kind];
}

const char *
bf_plot_series_name(BfPlotSeries series)
{
	return bf_plot_series_names[series];
}

bool
bf_plot_kind_parse(const char *name, BfPlotKind *kind)
{
	for (int k = 0; k < (int) (sizeof(bf_plot_kind_names) / sizeof(bf_plot_kind_names[0])); k++)
		if (strcmp(name, bf_plot_kind_names[k]) == 0)
		{
			*kind = (BfPlotKind) k;
			return true;
		}
	return false;
}

/* Append a point (room was allocated for every series' maximum). */
static void
bf_plot_add(BfPlot *p, BfPlotSeries s, double x, double y, double x_lo, double x_hi)
{
	BfPlotPoint *pt = &p->points[p->npoints++];

	pt->series = s;
	pt->x = x;
	pt->y = y;
	pt->x_lo = x_lo;
	pt->x_hi = x_hi;
}

/* The extent of cell i: [lo, hi] (equal for an exact value; integers for a discrete fit). */
static void
bf_plot_cell(const BfFitData *fd, bool discrete, int i, double *lo, double *hi)
{
	if (discrete)
		bf_discrete_cell(fd, i, lo, hi);
	else if (fd->exact)
		*lo = *hi = fd->x[i];
	else
	{
		*lo = fd->edges[fd->ilo[i]];
		*hi = fd->edges[fd->ihi[i]];
	}
}

/*
 * Count of cell i inside [a, b]: a point mass whole or not at all, a
 * binned cell by the length of the overlap, a discrete cell by its
 * integers inside.
 */
static double
bf_plot_mass_in(const BfFitData *fd, bool discrete, int i, double a, double b)
{
	double		lo,
				hi;

	bf_plot_cell(fd, discrete, i, &lo, &hi);
	if (discrete)
	{
		double		k0 = fmax(lo, ceil(a)),
					k1 = fmin(hi, floor(b));

		return k1 >= k0 ? fd->w[i] * (k1 - k0 + 1) / (hi - lo + 1) : 0.0;
	}
	if (lo == hi)
		return lo >= a && lo <= b ? fd->w[i] : 0.0;
	return fd->w[i] * fmax(0.0, fmin(hi, b) - fmax(lo, a)) / (hi - lo);
}

/* The x range rule (header): sets p->xlo, xhi, clipped, n_outside. */
static void
bf_plot_range(BfPlot *p, const BfHistogram *h, const BfFitData *fd)
{
	double		qlo = bf_hist_quantile(h, fd->n, BF_PLOT_TAIL_P),
				qhi = bf_hist_quantile(h, fd->n, 1.0 - BF_PLOT_TAIL_P),
				inside = 0;

	p->xlo = fd->min;
	p->xhi = fd->max;
	p->clipped = qhi > qlo && fd->max - fd->min > BF_PLOT_TAIL_RATIO * (qhi - qlo);
	if (p->clipped)
	{
		p->xlo = p->discrete ? floor(qlo) : qlo;
		p->xhi = p->discrete ? ceil(qhi) : qhi;
	}
	for (int i = 0; i < fd->nbins; i++)
		inside += bf_plot_mass_in(fd, p->discrete, i, p->xlo, p->xhi);
	p->n_outside = fmax(0.0, fd->n - inside);
	if (!p->clipped)
		p->n_outside = 0;
}

/* density of a continuous fit (header) */
static BfStatus
bf_plot_density(BfPlot *p, const BfHistogram *h, const BfFitData *fd, const BfDist *d,
				const double *params)
{
	double		iqr = bf_hist_quantile(h, fd->n, 0.75) - bf_hist_quantile(h, fd->n, 0.25),
				width = 2.0 * iqr * pow(fd->n, -1.0 / 3.0),
				lo = p->xlo,
				hi = p->xhi,
				span = hi - lo;
	double		q = bf_detect_resolution(h);
	double	   *mass;
	int			nb;

	if (width > 0 && isfinite(span / width))
		nb = (int) fmin(ceil(span / width), BF_PLOT_MAX_BINS);
	else
		nb = (int) fmin(ceil(log2(fd->n)) + 1, BF_PLOT_MAX_BINS);
	nb = nb < 1 ? 1 : nb;
	width = span / nb;
	if (q > 0)
	{
		/* values on a lattice lo + k q: whole steps per bar, centred on them */
		width = fmax(1.0, round(width / q));
		if ((span / q + 1) / width > BF_PLOT_MAX_BINS)
			width = ceil((span / q + 1) / BF_PLOT_MAX_BINS);
		nb = (int) ceil((span / q + 1) / width - 1e-9);
		width *= q;
		lo -= 0.5 * q;
		hi = lo + nb * width;
	}
	mass = bf_alloc0(sizeof(double) * nb);
	for (int i = 0; i < fd->nbins; i++)
	{
		double		clo,
					chi;
		int			j0,
					j1;

		if ((i & 255) == 0 && bf_should_stop())
			return BF_CANCELLED;
		bf_plot_cell(fd, false, i, &clo, &chi);
		if (chi < lo || clo > hi)
			continue;
		j0 = clo <= lo ? 0 : (int) fmin(floor((clo - lo) / width), nb - 1);
		j1 = chi >= hi ? nb - 1 : (int) fmin(floor((chi - lo) / width), nb - 1);
		if (clo == chi)
			mass[j0] += fd->w[i];
		else
			for (int j = j0; j <= j1; j++)
			{
				double		a = lo + j * width,
							b = j == nb - 1 ? hi : lo + (j + 1) * width;

				mass[j] += bf_plot_mass_in(fd, false, i, a, b);
			}
	}
	for (int j = 0; j < nb; j++)
	{
		double		a = lo + j * width,
					b = j == nb - 1 ? hi : lo + (j + 1) * width;

		bf_plot_add(p, BF_SERIES_DATA, 0.5 * (a + b), mass[j] / (fd->n * (b - a)), a, b);
	}
	for (int k = 0; k < BF_PLOT_GRID; k++)
	{
		double		x = k == BF_PLOT_GRID - 1 ? hi : lo + (hi - lo) * k / (BF_PLOT_GRID - 1);

		if (bf_should_stop())
			return BF_CANCELLED;
		bf_plot_add(p, BF_SERIES_FIT, x, bf_model_pdf(d, params, x), NAN, NAN);
	}
	p->bins = nb;
	p->bin_width = width;
	p->xlo = lo;
	p->xhi = hi;
	return BF_OK;
}

/* P(a <= X <= b) of a discrete fit for integers a <= b (sf differences in the upper tail) */
static double
bf_plot_prob(const BfDist *d, const double *params, double a, double b)
{
	double		Fa = bf_model_cdf(d, params, a - 1);

	if (Fa > 0.5)
		return bf_model_sf(d, params, a - 1) - bf_model_sf(d, params, b);
	return bf_model_cdf(d, params, b) - Fa;
}

/* density of a discrete fit: the empirical and fitted pmfs (header) */
static BfStatus
bf_plot_pmf(BfPlot *p, const BfFitData *fd, const BfDist *d, const double *params)
{
	double		klo = p->xlo,
				khi = p->xhi,
				g = ceil((khi - klo + 1) / BF_PLOT_MAX_CELLS);
	int			nb = (int) ceil((khi - klo + 1) / g);
	double	   *mass = bf_alloc0(sizeof(double) * nb);

	for (int i = 0; i < fd->nbins; i++)
	{
		double		a,
					b;
		int			j0,
					j1;

		if ((i & 255) == 0 && bf_should_stop())
			return BF_CANCELLED;
		bf_discrete_cell(fd, i, &a, &b);
		if (b < klo || a > khi)
			continue;
		j0 = (int) floor((fmax(a, klo) - klo) / g);
		j1 = (int) floor((fmin(b, khi) - klo) / g);
		for (int j = j0; j <= j1; j++)
		{
			double		ka = klo + j * g,
						kb = fmin(ka + g - 1, khi);

			mass[j] += bf_plot_mass_in(fd, true, i, ka, kb);
		}
	}
	for (int j = 0; j < nb; j++)
	{
		double		ka = klo + j * g,
					kb = fmin(ka + g - 1, khi);

		bf_plot_add(p, BF_SERIES_DATA, 0.5 * (ka + kb), mass[j] / (fd->n * (kb - ka + 1)),
					ka - 0.5, kb + 0.5);
	}
	for (int j = 0; j < nb; j++)
	{
		double		ka = klo + j * g,
					kb = fmin(ka + g - 1, khi),
					y;

		if (bf_should_stop())
			return BF_CANCELLED;
		if (g == 1)
			y = exp(bf_model_logpdf(d, params, ka));
		else
			y = bf_plot_prob(d, params, ka, kb) / (kb - ka + 1);
		bf_plot_add(p, BF_SERIES_FIT, 0.5 * (ka + kb), y, NAN, NAN);
	}
	p->bins = nb;
	p->bin_width = g;
	p->xlo = klo - 0.5;
	p->xhi = nb * g + klo - 0.5;
	return BF_OK;
}

/* cdf: the empirical cdf at the cells' upper ends, thinned, and the fit's cdf (header) */
static BfStatus
bf_plot_cdf(BfPlot *p, const BfFitData *fd, const BfDist *d, const double *params)
{
	int			m = fd->nbins,
				step = (m + BF_PLOT_MAX_POINTS - 1) / BF_PLOT_MAX_POINTS,
				nd;
	double		cum = 0;

	for (int i = 0; i < m; i++)
	{
		double		lo,
					hi;

		cum += fd->w[i];
		if ((i + 1) % step != 0 && i != m - 1)
			continue;
		bf_plot_cell(fd, p->discrete, i, &lo, &hi);
		bf_plot_add(p, BF_SERIES_DATA, hi, cum / fd->n, NAN, NAN);
	}
	nd = p->npoints;
	for (int k = 0; k < (p->discrete ? nd : BF_PLOT_GRID); k++)
	{
		double		x;

		if (bf_should_stop())
			return BF_CANCELLED;
		if (p->discrete)
			x = p->points[k].x;
		else
			x = k == BF_PLOT_GRID - 1 ? p->xhi
				: p->xlo + (p->xhi - p->xlo) * k / (BF_PLOT_GRID - 1);
		bf_plot_add(p, BF_SERIES_FIT, x, bf_model_cdf(d, params, x), NAN, NAN);
	}
	return BF_OK;
}

/* qq and pp (header) */
static BfStatus
bf_plot_probability(BfPlot *p, const BfFitData *fd, const BfDist *d, const double *params)
{
	double		n = fd->n,
				m = fmin(n, BF_PLOT_MAX_POINTS),
				a = n <= 10 ? 3.0 / 8.0 : 0.5,
				cum = 0,
				rmin = INFINITY,
				rmax = -INFINITY;
	int			i = 0;

	for (int j = 1; j <= (int) m; j++)
	{
		double		r = 1 + floor((j - 1) * (n - 1) / (m - 1)),
					pr = (r - a) / (n + 1 - 2 * a),
					lo,
					hi,
					v,
					x,
					y;

		if (bf_should_stop())
			return BF_CANCELLED;
		/* the cell holding rank r: cum < r <= cum + w[i] */
		while (i < fd->nbins - 1 && cum + fd->w[i] < r)
			cum += fd->w[i++];
		bf_plot_cell(fd, p->discrete, i, &lo, &hi);
		if (r == 1)
			v = fd->min;
		else if (r == n)
			v = fd->max;
		else if (p->discrete)
			v = fmin(hi, lo + floor((hi - lo + 1) * (r - cum - 0.5) / fd->w[i]));
		else
			v = lo + (hi - lo) * ((r - cum - 0.5) / fd->w[i]);
		if (p->kind == BF_PLOT_QQ)
		{
			x = bf_model_ppf(d, params, pr);
			y = v;
		}
		else
		{
			x = bf_model_cdf(d, params, v);
			y = pr;
		}
		bf_plot_add(p, BF_SERIES_DATA, x, y, NAN, NAN);
		if (isfinite(x))
		{
			rmin = fmin(rmin, fmin(x, y));
			rmax = fmax(rmax, fmax(x, y));
		}
	}
	if (p->kind == BF_PLOT_PP)
	{
		rmin = 0;
		rmax = 1;
	}
	bf_plot_add(p, BF_SERIES_REFERENCE, rmin, rmin, NAN, NAN);
	bf_plot_add(p, BF_SERIES_REFERENCE, rmax, rmax, NAN, NAN);
	return BF_OK;
}

BfStatus
bf_plot_points(const BfHistogram *h, const BfDist *d, const double *params,
			   BfPlotKind kind, BfPlot *out, char *msg, size_t msglen)
{
	BfFitData	fd;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->discrete = d->kind == BF_DISCRETE;
	out->exact = h->level == 0;
	bf_fitdata_init(&fd, h, 0);
	out->n = fd.n;
	if (fd.n < 2)
	{
		snprintf(msg, msglen, "a plot needs at least two finite values; the sketch has %.0f", fd.n);
		return BF_INVALID;
	}
	if (fd.min == fd.max)
	{
		snprintf(msg, msglen, "all %.0f finite values of the sketch equal %.17g; a plot needs two distinct values",
				 fd.n, fd.min);
		return BF_INVALID;
	}
	if (!isfinite(fd.max - fd.min))
	{
		snprintf(msg, msglen, "the range of the sketch's values, %.17g to %.17g, overflows a double",
				 fd.min, fd.max);
		return BF_INVALID;
	}
	if (out->discrete)
	{
		char		why[200];

		if (!bf_discrete_check(&fd, why, sizeof(why)))
		{
			snprintf(msg, msglen, "a discrete fit is plotted against a sketch of integers: %s", why);
			return BF_INVALID;
		}
	}
	out->points = bf_alloc(sizeof(BfPlotPoint) * (2 * BF_PLOT_MAX_POINTS + 2));
	bf_plot_range(out, h, &fd);
	switch (kind)
	{
		case BF_PLOT_DENSITY:
			return out->discrete ? bf_plot_pmf(out, &fd, d, params)
				: bf_plot_density(out, h, &fd, d, params);
		case BF_PLOT_CDF:
			return bf_plot_cdf(out, &fd, d, params);
		case BF_PLOT_QQ:
		case BF_PLOT_PP:
			return bf_plot_probability(out, &fd, d, params);
	}
	return BF_OK;
}
