/*
 * data.c — a sketch prepared for fitting (BfFitData): exact values, or bins
 * clipped to [min, max] with their distinct edges and likelihood weights.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"
#include "sketch/resolution.h"
#include "numerics/gauss_legendre.h"

static void bf_fitdata_quad_alloc(BfFitData *fd);


/* fd->ll_max of a binned sketch (fit.h) from its weights and edges */
static void
bf_fitdata_bound(BfFitData *fd)
{
	double		W = 0,
				ll = 0;

	for (int i = 0; i < fd->nbins; i++)
		W += fd->wl[i];
	for (int i = 0; i < fd->nbins; i++)
		if (fd->wl[i] > 0)
			ll += fd->wl[i] * log(fd->wl[i] / W);
	ll -= fd->sum_wlogwidth;
	if (!(fd->resolution > 0) && fd->nbins > 0)
		ll -= log(fd->edges[fd->ihi[0]] - fd->edges[fd->ilo[0]]) +
			log(fd->edges[fd->ihi[fd->nbins - 1]] - fd->edges[fd->ilo[fd->nbins - 1]]);
	fd->ll_max = ll;
}

/*
 * Prepare a (validated) sketch for fitting; arrays come from bf_alloc (the
 * host frees them with the operation).  q is the recording resolution (0:
 * the values are exact).  Three forms (fit.h gives the likelihoods):
 *   exact sketch, q = 0   the values;
 *   exact sketch, q > 0   cells [x - q/2, x + q/2] around the values (the
 *                         edge between neighbouring lattice points is their
 *                         midpoint, so adjacent cells share it exactly);
 *   binned sketch, q > 0, every bin holding a point of the lattice min + k q
 *                         (bf_binned_lattice, sketch/resolution.h): each bin
 *                         becomes the cells of its lattice points, [min +
 *                         (k1 - 1/2) q, min + (k2 + 1/2) q] (neighbouring
 *                         bins share the edge exactly; a bin narrower than q
 *                         no longer rewards a density that spikes inside
 *                         it: Heitjan 1989's grouped likelihood, with the
 *                         sketch's bins grouping whole cells);
 *   binned sketch         otherwise the bins clipped to [min - q/2, max + q/2].
 * In the last two the support must reach into the extreme cells: min and
 * max become the inner edges of the extreme cells (the data's min and max
 * when q = 0), the bounds every loc parametrisation keeps the support's
 * ends beyond.
 */
static unsigned long bf_fitdata_serial;	/* this process's preparations */

/*
 * bf_fitdata_init, with snap false for a coarse copy of an exact sketch of
 * rounded values (bf_ladder_init): its bins stay clipped (the third form's
 * "otherwise") as before 2026-12-06, when the lattice cells were first
 * taken for binned sketches.  Snapping those copies too (their bins, a
 * half cell off the cells, bias the coarse search) moved 361 of 6,705 fits
 * on 63 stored sketches by more than 0.5 log-likelihood units, 292 up and
 * 69 down: best_fit's winner gained 305 to 1,314 AIC units on three hflights
 * columns but lost 12,089 on the baby names' years (gausshyper, 17,534
 * lower: another local optimum) and 400 on weather.csv's humidity (its
 * winner flagged at a domain's edge, the same fit within 0.002); and gamma
 * on 200,000 gamma(0.5, scale 100) draws rounded to integers reached
 * -955,671.6 instead of -958,863.0 (README, Known limits).  Another search
 * path on multimodal likelihoods, not yet a cure.
 */
static void
bf_fitdata_prepare(BfFitData *fd, const BfHistogram *h, double q, bool snap)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	int			nb = h->nbins;
	double		half = 0.5 * q;

	memset(fd, 0, sizeof(*fd));
	fd->serial = ++bf_fitdata_serial;
	/*
	 * A sketch without finite values has nothing to fit; it is treated as
	 * an empty exact sketch whatever its level (validation rejects a binned
	 * level without bins, and the binned branch below needs a bin).
	 */
	fd->exact = (h->level == 0 || nb == 0) && !(q > 0 && nb > 0);
	fd->resolution = q > 0 ? q : 0;
	fd->nbins = nb;
	fd->min = h->min;
	fd->max = h->max;
	fd->w = bf_alloc(sizeof(double) * Max(nb, 1));
	for (int i = 0; i < nb; i++)
	{
		fd->w[i] = (double) counts[i];
		fd->n += fd->w[i];
	}
	if (fd->exact)
	{
		fd->x = bf_alloc(sizeof(double) * Max(nb, 1));
		for (int i = 0; i < nb; i++)
			fd->x[i] = bf_bin_point(h, i);
		/* scratch for bf_logpdf_interpolated (likelihood.c): the values' z and log densities */
		fd->cdfs = bf_alloc(sizeof(double) * Max(nb, 1));
		fd->sfs = bf_alloc(sizeof(double) * Max(nb, 1));
	}
	else
	{
		/* a binned sketch of rounded values: its bins' lattice points, if on the lattice */
		double	   *k = snap ? bf_binned_lattice_points(h, q) : NULL;

		fd->edges = bf_alloc(sizeof(double) * (2 * nb + 1));
		fd->ilo = bf_alloc(sizeof(int) * nb);
		fd->ihi = bf_alloc(sizeof(int) * nb);
		for (int i = 0; i < nb; i++)
		{
			double		lo,
						hi,
						clo,
						chi;

			if (h->level == 0)
			{
				/* a cell around a recorded value */
				double		x = bf_bin_point(h, i);

				lo = x - half;
				hi = x + half;
				if (i > 0)
				{
					double		prev = bf_bin_point(h, i - 1);

					if (fabs(x - prev - q) <= 1e-3 * q)
						lo = 0.5 * (prev + x);
				}
				if (i + 1 < nb)
				{
					double		next = bf_bin_point(h, i + 1);

					if (fabs(next - x - q) <= 1e-3 * q)
						hi = 0.5 * (x + next);
				}
			}
			else if (k != NULL)
			{
				/* the cells of the bin's lattice points (the header) */
				lo = h->min + (k[i] - 0.5) * q;
				hi = h->min + (k[nb + i] + 0.5) * q;
			}
			else
			{
				bf_bin_edges(h, i, &lo, &hi);
				clo = Max(lo, h->min - half);
				chi = Min(hi, h->max + half);
				/* a bin holding only its lower edge keeps its own width */
				if (chi > clo)
				{
					lo = clo;
					hi = chi;
				}
			}
			if (fd->nedges == 0 || fd->edges[fd->nedges - 1] != lo)
				fd->edges[fd->nedges++] = lo;
			fd->ilo[i] = fd->nedges - 1;
			fd->edges[fd->nedges++] = hi;
			fd->ihi[i] = fd->nedges - 1;
		}
		if (k != NULL)
			bf_free(k);
		/*
		 * Likelihood weights: the counts, less min and max of a binned
		 * sketch of exact values, which enter by their capped densities
		 * (fit.h); rounded values enter by their cells' masses only.
		 */
		fd->wl = bf_alloc(sizeof(double) * nb);
		memcpy(fd->wl, fd->w, sizeof(double) * nb);
		if (!(q > 0))
		{
			fd->wl[0] -= 1;
			fd->wl[nb - 1] -= 1;
		}
		for (int i = 0; i < nb; i++)
			if (fd->wl[i] > 0)
				fd->sum_wlogwidth += fd->wl[i] * log(fd->edges[fd->ihi[i]] - fd->edges[fd->ilo[i]]);
		if (q > 0)
		{
			fd->min = h->min + half;
			fd->max = h->max - half;
		}
		fd->cdfs = bf_alloc(sizeof(double) * fd->nedges);
		fd->sfs = bf_alloc(sizeof(double) * fd->nedges);
		fd->qz = bf_alloc(sizeof(double) * 8 * fd->nedges);
		fd->qlp = bf_alloc(sizeof(double) * 8 * fd->nedges);
		bf_fitdata_quad_alloc(fd);
		bf_fitdata_bound(fd);
	}
	bf_summarize(h, &fd->summary);
}

void
bf_fitdata_init(BfFitData *fd, const BfHistogram *h, double q)
{
	bf_fitdata_prepare(fd, h, q, true);
}


/*
 * Room for the quadrature nodes of every edge-to-edge interval of a binned
 * sketch (bf_fitdata_quad_nodes below), allocated with the sketch: the
 * values are computed at the first evaluation that wants them, inside a
 * fit, whose allocations may not outlive it (the SQL layer frees a fit's
 * memory after each candidate).
 */
static void
bf_fitdata_quad_alloc(BfFitData *fd)
{
	int			n = 8 * Max(fd->nedges - 1, 1);

	fd->qn = bf_alloc(sizeof(BfQuadNodes));
	memset(fd->qn, 0, sizeof(BfQuadNodes));
	fd->qn->u = bf_alloc(sizeof(double) * n);
	fd->qn->w = bf_alloc(sizeof(double) * n);
	fd->qn->u4 = bf_alloc(sizeof(double) * (n / 2));
	fd->qn->w4 = bf_alloc(sizeof(double) * (n / 2));
}

/*
 * The 8-point and 4-point Gauss-Legendre nodes of every edge-to-edge
 * interval of a binned sketch, in x: their weights (GL weight times half
 * the interval's width) into qn->w and qn->w4, their interpolation variable
 * u = asinh((x - xm) / wx) into qn->u and qn->u4, xm the 8-point nodes'
 * median and wx half the spread of their central fifth (as
 * bf_logpdf_interpolated places its variable on z, likelihood.c); z =
 * (x - loc) / scale is affine in x, so an interval inside the support has
 * these nodes whatever the parameters.  Computed once per prepared sketch,
 * at its first interpolated evaluation (genhyperbolic's), instead of an
 * asinh and two GSL table look-ups per node and evaluation (12 % of
 * genhyperbolic's CPU on the zoo's lognormal s = 0.5 sketch, 2026-12-05);
 * about 6 million instructions for the three rungs of a 2,500-bin sketch,
 * which the other entries do not pay.  qn->state: 1 when usable, -1 when
 * rounding breaks the nodes' order or the spread is not positive (the
 * likelihood then computes them per evaluation); qn->gl4 whether the
 * 4-point nodes ascend too.  fd->qz serves as scratch for the x nodes.
 */
void
bf_fitdata_quad_nodes(const BfFitData *fd)
{
	BfQuadNodes *qn = fd->qn;
	int			n = 8 * (fd->nedges - 1);
	double	   *x = fd->qz;
	bool		ascending = true;

	qn->state = -1;
	qn->gl4 = false;
	if (n < 8 || x == NULL)
		return;
	for (int j = 0, k = 0; j < fd->nedges - 1 && ascending; j++)
		for (int q = 0; q < 8; q++, k++)
		{
			if (!bf_gl_point(8, fd->edges[j], fd->edges[j + 1], q, &x[k], &qn->w[k]) ||
				(k > 0 && x[k] < x[k - 1]))
				ascending = false;
		}
	if (!ascending)
		return;
	qn->xm = x[n / 2];
	qn->wx = 0.5 * (x[(3 * n) / 5] - x[(2 * n) / 5]);
	if (!(qn->wx > 1e-9 * (x[n - 1] - x[0])))
		qn->wx = 1e-9 * (x[n - 1] - x[0]);
	if (!(qn->wx > 0) || !isfinite(qn->wx))
		return;
	for (int k = 0; k < n; k++)
		qn->u[k] = asinh((x[k] - qn->xm) / qn->wx);
	qn->state = 1;
	/* the 4-point rule's nodes, on the same u */
	qn->gl4 = true;
	for (int j = 0, k = 0; j < fd->nedges - 1 && qn->gl4; j++)
		for (int q = 0; q < 4; q++, k++)
		{
			double		xq = NAN;

			if (!bf_gl_point(4, fd->edges[j], fd->edges[j + 1], q, &xq, &qn->w4[k]))
				qn->gl4 = false;
			qn->u4[k] = asinh((xq - qn->xm) / qn->wx);
			if (k > 0 && qn->u4[k] < qn->u4[k - 1])
				qn->gl4 = false;
		}
}

/*
 * A coarse copy of rounded values (q > 0) whose lowest bin holds the min
 * alone shrinks that bin to the min's cell [min - q/2, min + q/2) (the
 * highest likewise; the rest of the old bin is an empty gap).  The support
 * must reach into that cell (fd->min, fd->max), and on the full sketch a
 * support ending near its inner edge gives the cell almost no mass; the
 * wider coarse bin hid that and let the search put loc at the edge:
 * invgamma on hflights' ArrDelay (minutes from -70, one row at -70, the
 * coarse bin [-70.5, -64)) ended at loc = -69.5, scale 0.009, 2e8
 * log-likelihood units below the fit with loc = -71 (and betaprime, f,
 * geninvgauss, invgauss, wald, recipinvgauss likewise; ncf ran 52 s).
 * Bins holding more than the extreme value are left whole: splitting them
 * too changed the search path on other columns for no gain.
 */
static void
bf_fitdata_shrink_extremes(BfFitData *fd, double q)
{
	int			nb = fd->nbins;
	double	   *lo,
			   *hi;

	if (fd->exact || !(q > 0) || nb < 2)
		return;
	fd->serial = ++bf_fitdata_serial;	/* changed data: a new identity */
	lo = bf_alloc(sizeof(double) * nb);
	hi = bf_alloc(sizeof(double) * nb);
	for (int i = 0; i < nb; i++)
	{
		lo[i] = fd->edges[fd->ilo[i]];
		hi[i] = fd->edges[fd->ihi[i]];
	}
	/* fd->min and fd->max are min + q/2 and max - q/2: the cells' inner edges */
	if (fd->w[0] < 2 && lo[0] < fd->min && fd->min < hi[0])
		hi[0] = fd->min;
	if (fd->w[nb - 1] < 2 && lo[nb - 1] < fd->max && fd->max < hi[nb - 1])
		lo[nb - 1] = fd->max;
	fd->nedges = 0;
	fd->sum_wlogwidth = 0;
	for (int i = 0; i < nb; i++)
	{
		if (fd->nedges == 0 || fd->edges[fd->nedges - 1] != lo[i])
			fd->edges[fd->nedges++] = lo[i];
		fd->ilo[i] = fd->nedges - 1;
		fd->edges[fd->nedges++] = hi[i];
		fd->ihi[i] = fd->nedges - 1;
		if (fd->wl[i] > 0)
			fd->sum_wlogwidth += fd->wl[i] * log(hi[i] - lo[i]);
	}
	/* up to two more distinct edges than before: new scratch */
	fd->cdfs = bf_alloc(sizeof(double) * fd->nedges);
	fd->sfs = bf_alloc(sizeof(double) * fd->nedges);
	bf_free(fd->qz);
	bf_free(fd->qlp);
	fd->qz = bf_alloc(sizeof(double) * 8 * fd->nedges);
	fd->qlp = bf_alloc(sizeof(double) * 8 * fd->nedges);
	bf_fitdata_quad_alloc(fd);
	bf_fitdata_bound(fd);
	bf_free(lo);
	bf_free(hi);
}

/* Bin counts of the coarse copies a fit runs on before the full sketch. */
static const int bf_ladder_bins[] = {64, 256};

void
bf_ladder_init(BfLadder *ladder, const BfHistogram *h, double q)
{
	ladder->n = 0;
	for (int k = 0; k < (int) lengthof(bf_ladder_bins); k++)
		if (h->nbins > 2 * bf_ladder_bins[k])
		{
			bf_fitdata_prepare(&ladder->data[ladder->n], bf_hist_coarsen(h, bf_ladder_bins[k]), q,
							   h->level > 0);
			bf_fitdata_shrink_extremes(&ladder->data[ladder->n], q);
			ladder->data[ladder->n].coarse = true;
			ladder->n++;
		}
	bf_fitdata_init(&ladder->data[ladder->n], h, q);
	ladder->n++;
	for (int k = 0; k < ladder->n; k++)
		ladder->rungs[k] = &ladder->data[k];
	ladder->race_slack = ladder->n > 1 ?
		bf_race_slack(ladder->rungs[ladder->n - 2], ladder->rungs[ladder->n - 1]) : INFINITY;
	ladder->race_slack_first = ladder->n > 2 ?
		bf_race_slack(ladder->rungs[0], ladder->rungs[ladder->n - 1]) : INFINITY;
}
