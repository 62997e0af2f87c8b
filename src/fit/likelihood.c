/*
 * likelihood.c — the log-likelihood of an entry's parameters on prepared
 * data (see fit.h for the formulas), and whether a support covers the data.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"
#include "numerics/chebyshev.h"
#include "numerics/gauss_legendre.h"

/* ------------------------------------------------------------------
 * Likelihood
 * ------------------------------------------------------------------
 */

/* Does loc + scale * support contain [min, max]? */
bool
bf_support_covers(const BfDist *d, const double *params, double min, double max)
{
	double		zlo,
				zhi;
	double		loc = bf_model_loc(d, params);
	double		scale = bf_model_scale(d, params);

	if (!(scale > 0) || !isfinite(scale) || !isfinite(loc))
		return false;
	bf_entry_support(d, params, &zlo, &zhi);
	return (min - loc) / scale >= zlo && (max - loc) / scale <= zhi;
}

/*
 * log P(lo < X < hi) for a bin so far in a tail that the cdf difference
 * underflows: Simpson's rule on the density, in log space, over the part of
 * the bin inside the support.  The density there is smooth on the bin's
 * scale, and this only replaces what would otherwise be -infinity.  A bin
 * that meets the support only at an end has no mass: Simpson's rule over
 * the whole bin would weigh the density at that end (a spike: bradford with
 * c = 1.8e308 or halfgennorm with scale 2e-11 at the inner edge of the
 * lowest cell of rounded data) by the bin's width, a "probability" far
 * above 1 (weather.csv's precip > 0: log-likelihood +316,087 on 1,749
 * values in cells of 0.01, where the best model has +3,325).
 */
static double
bf_log_bin_prob_tail(const BfDist *d, const double *params, double lo, double hi)
{
	double		zlo,
				zhi,
				zl = bf_model_z(d, params, lo),
				zh = bf_model_z(d, params, hi),
				a,
				b,
				w,
				l0,
				l1,
				l2,
				m;

	bf_entry_support(d, params, &zlo, &zhi);
	if (zh <= zlo || zl >= zhi)
		return -INFINITY;
	a = Max(zl, zlo);
	b = Min(zh, zhi);
	/* a bin narrower than z's rounding (the zero bin [0, 5.6e-309]) keeps its width */
	w = b > a ? b - a : (hi - lo) / bf_model_scale(d, params);
	l0 = bf_entry_logpdf(d, a, params);
	l1 = bf_entry_logpdf(d, 0.5 * (a + b), params) + log(4.0);
	l2 = bf_entry_logpdf(d, b, params);
	m = Max(l0, Max(l1, l2));
	if (!isfinite(m))
		return -INFINITY;
	return m + log(exp(l0 - m) + exp(l1 - m) + exp(l2 - m)) + log(w / 6);
}

/*
 * Masses accumulated over the edges z_j of a binned sketch for an entry
 * with bin_quadrature (or bin_quadrature_from at these shapes:
 * bf_bin_quadrature below): every edge-to-edge mass as the integral of the pdf
 * over [z_j, z_j+1] clipped to the support, by 8-point Gauss-Legendre
 * (GSL's fixed table; 4-point where the density is about log-linear across
 * the bin: bf_pdf_mass_4or8), accumulated from the first edge for F and from the
 * last one for S.  F[j] and S[j] are thus P(z_0 < Z <= z_j) and
 * P(z_j < Z <= z_last), not the cdf and sf: the mass below the first edge
 * and above the last one would cancel in every bin's mass F[b] - F[a] =
 * S[a] - S[b], which is all the likelihood reads, so it is not computed
 * (two tail integrals of the density, as costly as the 8 points of all the
 * bins for genhyperbolic and norminvgauss).  The rule is exact for
 * polynomials of degree 15; the sketch's bins are narrow on the scale of
 * any density that fits the data, so the masses agree with cdf differences
 * to many digits at 1/nedges of the cost for these entries (a density far
 * narrower than the bins, a spike, is missed or hit by the 8 points).
 * A spike hit can make the masses add up to more than 1: bf_loglik_law
 * then takes the fit's value from cdf differences; a spike missed gives
 * less mass than the law has there, a lower log-likelihood, never a
 * better one.  For entries with interpolate_logpdf (genhyperbolic, whose
 * density is a Bessel K of non-integer order, 65 % of its fitting time in
 * GSL's continued fraction) the nodes' log densities come from
 * bf_logpdf_interpolated (below: within 1e-10 relative on the density,
 * 1e-7 in the search), tried under the same count of declines as an exact
 * sketch's values; the end bins still take the cdf or sf.
 */

/* every edge's value NaN: the evaluation stops (a stop request, no GL table) */
static void
bf_edge_probs_fail(const BfFitData *fd)
{
	for (int k = 0; k < fd->nedges; k++)
		fd->cdfs[k] = fd->sfs[k] = NAN;
}

static bool bf_interp_wanted(const BfFitData *fd, const BfDist *d);
static void bf_interp_outcome(bool interpolated);
static bool bf_logpdf_interpolated_u(const BfDist *d, const double *params, const double *u, int n,
									 double m, double w, const double *z, double *out);
static bool bf_interp_masses(const BfFitData *fd, const BfDist *d, const double *params,
									int j0, int j1, double m, double w, double scale, double *mass);

/*
 * The interval [z_j, z_j+1] of edges j, j + 1 clipped to the support
 * [zlo, zhi], as [*a, *b]: BF_QBIN_EMPTY outside the support, BF_QBIN_END
 * when it holds a finite end of the support, where the pdf may diverge
 * (beta-like ends: the cdf or sf at its inner edge gives its mass), else
 * BF_QBIN_INNER (the 8-point rule).
 */
enum
{
	BF_QBIN_EMPTY,
	BF_QBIN_END,
	BF_QBIN_INNER
};

static int
bf_quad_bin(const BfFitData *fd, const BfDist *d, const double *params, int j,
			double zlo, double zhi, double *a, double *b)
{
	*a = Max(zlo, bf_model_z(d, params, fd->edges[j]));
	*b = Min(zhi, bf_model_z(d, params, fd->edges[j + 1]));
	if (!(*b > *a))
		return BF_QBIN_EMPTY;
	if ((*a == zlo && isfinite(zlo)) || (*b == zhi && isfinite(zhi)))
		return BF_QBIN_END;
	return BF_QBIN_INNER;
}

/*
 * A bin's mass for the search (BF_ACCURACY_SEARCH: coarse copies and
 * search-accuracy problems): 4-point Gauss-Legendre where the log density
 * at its 4 nodes spans at most BF_GL4_LOG_RANGE, else the 8-point rule
 * (12 densities then instead of 8).  Where log f is about linear across the
 * bin, f = e^(s u) on u in [-1, 1] with |s| <= 0.58 (the nodes at +-0.86
 * span 0.86 of the range), the 4-point rule's error, 2^9 (4!)^4 / (9 (8!)^3)
 * f^(8) (A&S 25.4.30), is below 1e-8 of the mass: far inside the search's
 * own accuracy (1e-7 relative, BF_INTERP_TOL_SEARCH).  The test is
 * evidence, not a bound: a feature between the nodes is missed, as the
 * 8-point rule's own nodes would miss a narrower one.  Before 2026-12-04
 * every bin took 8 densities: on the coarsest copy, where the search does
 * most of its evaluations, that was 60 % of genhyperbolic's CPU
 * (test/bench/fitprof-ab.sh on 36 sketch files: norminvgauss -24 %,
 * genhyperbolic -13 %, gausshyper -11 %; README).
 */
#define BF_GL4_LOG_RANGE 1.0

static double bf_pdf_mass_gl(const BfDist *d, const double *params, double za, double zb, int n,
							 double *lspan);

/*
 * A bin's mass at full accuracy (BF_ACCURACY_FULL: the polish, the final
 * log-likelihood, the metrics): the same two rules with BF_GL4_LOG_RANGE_FULL,
 * a tenth of the search's range.  Where log f is about linear across the
 * bin with its 4 nodes spanning at most 0.1, |s| <= 0.058 above and the
 * 4-point rule's error is at most 2^9 (4!)^4 / (9 (8!)^3) s^8 e^|s| (A&S
 * 25.4.30), 4e-17 of the mass: the 8-point rule's value within rounding.
 * A sketch's bins are that narrow on the scale of a density that fits it
 * (the zoo's 1,000,000-row normal: 1,928 bins, their log densities
 * changing by at most 0.03 across one within 5 sd of the mean), so most
 * bins take 4 densities instead of 8.  Measured (2026-12-05, a throwaway
 * counter; fitprof -N on the zoo's normal, lognormal s = 0.5 and mixture
 * sketches): 35-41 % fewer densities evaluated by the rules, no
 * log-likelihood moved by more than 0.01; gausshyper's fit to the normal
 * sketch 93 -> 56 ms, rice's 67 -> 37, beta's 60 -> 34 (fitprof -r 3, the
 * fastest of three rounds alternating).  Before 2026-12-05 every bin took 8.
 */
#define BF_GL4_LOG_RANGE_FULL 0.1

/* the log range up to which 4 nodes do at the current accuracy (above) */
static inline double
bf_gl4_log_range(void)
{
	return bf_accuracy == BF_ACCURACY_SEARCH ? BF_GL4_LOG_RANGE : BF_GL4_LOG_RANGE_FULL;
}

/* a bin's mass by 4 nodes where their log densities span at most range, else 8 */
static double
bf_pdf_mass_4or8(const BfDist *d, const double *params, double za, double zb, double range)
{
	double		lspan,
				m = bf_pdf_mass_gl(d, params, za, zb, 4, &lspan);

	if (lspan <= range)
		return m;
	return bf_pdf_mass_gl8(d, params, za, zb);
}

static void
bf_edge_probs_quadrature(const BfFitData *fd, const BfDist *d, const double *params)
{
	double	   *F = fd->cdfs;
	double	   *S = fd->sfs;
	int			last = fd->nedges - 1;
	double		zlo,
				zhi;
	bool		interpolated = false,
				qmasses = false;	/* fd->qlp holds the inner bins' masses */
	double		qscale = 0;

	bf_entry_support(d, params, &zlo, &zhi);
	/*
	 * A costly density (entry.h, interpolate_logpdf) at every node of
	 * every inner bin from one interpolant, on the sketch's nodes (fd->qn,
	 * data.c: computed at the first such evaluation).  The inner bins are
	 * one run j0..j1 (a support is an interval); z = (x - loc) / scale maps
	 * their x nodes to the z nodes, and u, fixed in x, is asinh((z - m) /
	 * w) with m and w the images of the nodes' centre and width in x
	 * (qn->xm, qn->wx); only the masses' weights change, by 1 / scale.  The
	 * masses themselves go into fd->qlp (bf_interp_masses: 4 nodes where
	 * they do, in the search and, with a tenth of its range, at full
	 * accuracy), or, where the sketch has no 4-point nodes (qn->gl4), the
	 * log densities, 8 per bin in the run's order.  Where the sketch's
	 * nodes do not ascend (rounding, data.c), every bin takes its densities
	 * themselves.
	 */
	if (fd->qn != NULL && fd->qn->state >= 0 && bf_interp_wanted(fd, d) &&
		(fd->qn->state > 0 || (bf_fitdata_quad_nodes(fd), fd->qn->state > 0)))
	{
		int			j0 = -1,
					j1 = -1;
		bool		run = true;

		for (int j = 0; j < last && run; j++)
		{
			double		a,
						b;

			if (bf_quad_bin(fd, d, params, j, zlo, zhi, &a, &b) != BF_QBIN_INNER)
				continue;
			if (j0 < 0)
				j0 = j;
			else if (j != j1 + 1)
				run = false;
			j1 = j;
		}
		if (run && j0 >= 0)
		{
			double		loc = bf_model_loc(d, params),
						scale = bf_model_scale(d, params);

			qmasses = fd->qn->gl4;
			interpolated = qmasses ?
				bf_interp_masses(fd, d, params, j0, j1, (fd->qn->xm - loc) / scale,
										fd->qn->wx / scale, scale, fd->qlp) :
				bf_logpdf_interpolated_u(d, params, fd->qn->u + 8 * j0, 8 * (j1 - j0 + 1),
										 (fd->qn->xm - loc) / scale, fd->qn->wx / scale,
										 NULL, fd->qlp);
			bf_interp_outcome(interpolated);
			qscale = scale;
		}
	}
	F[0] = 0;
	S[last] = 0;
	for (int j = 0, iq = 0; j < last; j++)
	{
		double		a,
					b,
					m = 0;
		int			kind = bf_quad_bin(fd, d, params, j, zlo, zhi, &a, &b);

		if ((j & 15) == 0 && bf_should_stop())
		{
			bf_edge_probs_fail(fd);
			return;
		}

		if (kind == BF_QBIN_END)
			m = (a == zlo) ? bf_entry_cdf(d, b, params) : bf_entry_sf(d, a, params);
		else if (kind == BF_QBIN_INNER && interpolated && qmasses)
			m = fd->qlp[iq++];	/* the search's masses, in the run's order (above) */
		else if (kind == BF_QBIN_INNER && interpolated)
		{
			/* the sketch's weights of the run's nodes (above) */
			const double *w = fd->qn->w + 8 * j;

			for (int q = 0; q < 8; q++)
				m += w[q] * exp(fd->qlp[iq + q]);
			m /= qscale;
			iq += 8;
		}
		else if (kind == BF_QBIN_INNER)
			m = bf_pdf_mass_4or8(d, params, a, b, bf_gl4_log_range());
		S[j] = m;				/* the mass of [z_j, z_j+1], for now */
	}
	for (int j = 0; j < last; j++)
		F[j + 1] = F[j] + S[j];
	for (int j = last - 1; j >= 0; j--)
		S[j] += S[j + 1];
}

/*
 * Are a binned sketch's masses integrals of the pdf at these parameters
 * (catalogue/entry.h: bin_quadrature, bin_quadrature_from)?  For the
 * latter only up to BF_QUAD_SHAPE_MAX: beyond, the log density is a
 * difference of terms of size shape * |log z| that loses its digits as the
 * incomplete beta's prefactor does (special.c: bf_beta_inc_pq, which
 * returns NaN once the loss exceeds 1e-6 and so fences the search off such
 * shapes; the quadrature would not, and betaprime's search on the zoo's
 * normal sketch then ran to b = 1.8e308, 65 log-likelihood units below
 * the fit it found with the cdf).
 */
#define BF_QUAD_SHAPE_MAX 1e6

static bool
bf_bin_quadrature(const BfDist *d, const double *params)
{
	double		from = BF_HINT(d, bin_quadrature_from);

	if (BF_HINT(d, bin_quadrature))
		return true;
	if (!(from > 0))
		return false;
	for (int i = 0; i < d->nshapes; i++)
		if (!(params[i] >= from && params[i] <= BF_QUAD_SHAPE_MAX))
			return false;
	return true;
}

/*
 * Does z = (x - loc) / scale still tell the data apart?  Along a ridge
 * towards a limiting family the search can run loc and scale off together
 * (pareto tending to expon: loc = -1.4e17, scale = 1.4e17, b = 1.8e308 on
 * data of range 15): z of every value then rounds to the same few doubles
 * (1 + 1e-16 is 1), the density is evaluated at the support's end for all
 * of them, and the "log-likelihood" is a rounding artefact (+670,273 on
 * 1,000 exponential values, where expon's is -1,672.7).  Such points are
 * rejected: the data's spread in z must exceed 1e-9 of z's magnitude, so
 * that positions keep at least about seven significant digits.  Legitimate
 * fits are far from it (a gamma with a = 1e6 on its own data: 1e-3).
 */
static bool
bf_resolves_data(const BfFitData *fd, const BfDist *d, const double *params)
{
	double		zmin = bf_model_z(d, params, fd->min),
				zmax = bf_model_z(d, params, fd->max);

	return zmax - zmin > 1e-9 * Max(fabs(zmin), fabs(zmax));
}

/*
 * An exact sketch's log densities from one interpolant per law, for entries
 * with interpolate_logpdf (entry.h), whose density is a numerical integral
 * or a long series (levy_stable 15-100 us, studentized_range 4 ms, nct and
 * ncf 7-8 us at their fits' shapes) or a root (tukeylambda's quantile
 * function inverted, 0.6 us): log f of the n standardized values
 * z[0] <= ... <= z[n - 1] into out, as a function of u = asinh((z - m) /
 * w), m the values' median and w half the spread of their central fifth
 * (log f is then about linear in u in power-law tails and smooth in the
 * body), by
 * pieces of at most BF_INTERP_WIDTH in u (numerics/chebyshev.h: degree 16,
 * each piece's last two coefficients and a check value within
 * BF_INTERP_TOL of log f, so f within that relative error; 1e-7 at the
 * search's accuracy, where levy_stable's integrals move by that much).  The
 * values interpolated are the entry's own logpdf at the accuracy asked.
 * Values in tails too sparse to pay for a piece (fewer than
 * BF_INTERP_DENSE within a piece's width) get logpdf itself.  Returns false
 * (the caller then calls logpdf at every value) below BF_INTERP_MIN_N
 * values, or when the interpolant would need more than half as many values
 * of logpdf as the values it covers, or cannot be built (log f not finite:
 * a density vanishing or diverging at a support's end among the data).
 * The tests are evidence, not a bound (chebyshev.h).
 */
#define BF_INTERP_MIN_N 64
#define BF_INTERP_WIDTH 2.0
#define BF_INTERP_DENSE (2 * (BF_CHEB_ORDER + 2))
#define BF_INTERP_TOL 1e-10
#define BF_INTERP_TOL_SEARCH 1e-7

typedef struct
{
	const BfDist *d;
	const double *params;
	double		m,
				w;
} BfInterpArg;

static double
bf_interp_logpdf_u(double u, void *arg)
{
	const BfInterpArg *a = (const BfInterpArg *) arg;

	return bf_entry_logpdf(a->d, a->m + a->w * sinh(u), a->params);
}

/* one law's interpolant at a time (17 KB, not on the stack) */
static BfChebFit bf_interp_fit;

/*
 * Consecutive declines of one entry on one prepared sketch: after
 * BF_INTERP_MAX_DECLINES the likelihood stops asking (a density diverging
 * at a support end just below the data, as ncx2's with df < 2 on uniform
 * draws, fails every time after some 150 values of logpdf: 1.7 times the
 * direct cost).  Cleared at the start of every fit (bf_interp_reset, from
 * stages.c), so that a fit's values depend on its own evaluations only,
 * not on which fits ran before it in the same process.
 */
#define BF_INTERP_MAX_DECLINES 2

static struct
{
	unsigned long serial;
	const BfDist *d;
	int			declines;
}			bf_interp_memo;

void
bf_interp_reset(void)
{
	bf_interp_memo.serial = 0;
	bf_interp_memo.d = NULL;
	bf_interp_memo.declines = 0;
}

/* should this evaluation try the interpolant (fewer than BF_INTERP_MAX_DECLINES in a row)? */
static bool
bf_interp_wanted(const BfFitData *fd, const BfDist *d)
{
	if (!BF_HINT(d, interpolate_logpdf))
		return false;
	if (bf_interp_memo.serial != fd->serial || bf_interp_memo.d != d)
	{
		bf_interp_memo.serial = fd->serial;
		bf_interp_memo.d = d;
		bf_interp_memo.declines = 0;
	}
	return bf_interp_memo.declines < BF_INTERP_MAX_DECLINES;
}

unsigned long bf_interp_accepted = 0;

/* what the try gave: a decline counts, a success clears the count */
static void
bf_interp_outcome(bool interpolated)
{
	if (interpolated)
	{
		bf_interp_memo.declines = 0;
		bf_interp_accepted++;
	}
	else
		bf_interp_memo.declines++;
}

/*
 * The interpolant of log f over the dense core of u[0..n-1] = asinh((z -
 * m) / w), ascending: from the first value to the last with enough
 * neighbours within a width, *lo..*hi (indices).  false when the core is
 * too small or the fit fails.
 */
static bool
bf_interp_build(const BfDist *d, const double *params, const double *u, int n,
				double m, double w, BfInterpArg *a, int *plo, int *phi)
{
	int			lo,
				hi,
				j;

	a->d = d;
	a->params = params;
	a->m = m;
	a->w = w;
	for (lo = 0, j = 0; lo < n; lo++)
	{
		while (j < n && u[j] <= u[lo] + BF_INTERP_WIDTH)
			j++;
		if (j - lo >= BF_INTERP_DENSE)
			break;
	}
	for (hi = n - 1, j = n - 1; hi > lo; hi--)
	{
		while (j >= 0 && u[j] >= u[hi] - BF_INTERP_WIDTH)
			j--;
		if (hi - j >= BF_INTERP_DENSE)
			break;
	}
	if (hi - lo + 1 < BF_INTERP_MIN_N || !(u[lo] < u[hi]))
		return false;
	*plo = lo;
	*phi = hi;
	return bf_cheb_fit(&bf_interp_fit, bf_interp_logpdf_u, a, u[lo], u[hi], BF_INTERP_WIDTH,
					   bf_accuracy == BF_ACCURACY_SEARCH ? BF_INTERP_TOL_SEARCH : BF_INTERP_TOL,
					   (hi - lo + 1) / 2);
}

/*
 * The interpolant's work on u[0..n-1] = asinh((z - m) / w), ascending (u
 * may be out itself): log f into out, z = m + w sinh(u) where logpdf is
 * called directly (the sparse tails), or z[i] itself when z is not NULL.
 */
static bool
bf_logpdf_interpolated_u(const BfDist *d, const double *params, const double *u, int n,
						 double m, double w, const double *z, double *out)
{
	BfInterpArg a;
	int			piece = 0,
				lo,
				hi;

	if (!bf_interp_build(d, params, u, n, m, w, &a, &lo, &hi))
		return false;
	for (int i = 0; i < n; i++)
		out[i] = (i >= lo && i <= hi) ? bf_cheb_eval(&bf_interp_fit, &piece, u[i]) :
			bf_entry_logpdf(d, z != NULL ? z[i] : m + w * sinh(u[i]), params);
	return true;
}

/*
 * The bin masses from the interpolant (bf_edge_probs_quadrature): for each
 * interval of the run j0..j1 of inner bins, its 4-point Gauss-Legendre
 * mass where the log density at the 4 nodes spans at most BF_GL4_LOG_RANGE
 * (in the search; BF_GL4_LOG_RANGE_FULL at full accuracy, since
 * 2026-12-05: before, the 8 nodes of every bin), else the 8-point one, as
 * bf_pdf_mass_4or8 does with the density itself; into
 * mass[0..j1 - j0].  The interpolant is built on
 * the 8-point nodes' u (fd->qn), as for the full accuracy; nodes outside
 * its core take logpdf itself.
 */
static bool
bf_interp_masses(const BfFitData *fd, const BfDist *d, const double *params,
						int j0, int j1, double m, double w, double scale, double *mass)
{
	BfInterpArg a;
	int			lo,
				hi,
				c4 = 0,
				c8 = 0;
	const double *u8 = fd->qn->u + 8 * j0;
	double		ulo,
				uhi;

	if (!bf_interp_build(d, params, u8, 8 * (j1 - j0 + 1), m, w, &a, &lo, &hi))
		return false;
	ulo = u8[lo];
	uhi = u8[hi];
	for (int j = j0; j <= j1; j++)
	{
		double		l[8],
					lmin = INFINITY,
					lmax = -INFINITY,
					s = 0;
		const double *u = fd->qn->u4 + 4 * j,
				   *wq = fd->qn->w4 + 4 * j;

		for (int q = 0; q < 4; q++)
		{
			l[q] = (u[q] >= ulo && u[q] <= uhi) ? bf_cheb_eval(&bf_interp_fit, &c4, u[q]) :
				bf_entry_logpdf(d, m + w * sinh(u[q]), params);
			lmin = Min(lmin, l[q]);
			lmax = Max(lmax, l[q]);
			s += wq[q] * exp(l[q]);
		}
		if (!(lmax - lmin <= bf_gl4_log_range()))
		{
			u = fd->qn->u + 8 * j;
			wq = fd->qn->w + 8 * j;
			s = 0;
			for (int q = 0; q < 8; q++)
			{
				l[q] = (u[q] >= ulo && u[q] <= uhi) ? bf_cheb_eval(&bf_interp_fit, &c8, u[q]) :
					bf_entry_logpdf(d, m + w * sinh(u[q]), params);
				s += wq[q] * exp(l[q]);
			}
		}
		mass[j - j0] = s / scale;
	}
	return true;
}

bool
bf_logpdf_interpolated(const BfDist *d, const double *params, const double *z, int n, double *out)
{
	double		m,
				w;

	if (n < BF_INTERP_MIN_N || !isfinite(z[0]) || !isfinite(z[n - 1]))
		return false;
	m = z[n / 2];
	w = 0.5 * (z[(3 * n) / 5] - z[(2 * n) / 5]);
	if (!(w > 1e-9 * (z[n - 1] - z[0])))
		w = 1e-9 * (z[n - 1] - z[0]);
	if (!(w > 0) || !isfinite(w))
		return false;
	for (int i = 0; i < n; i++)
		out[i] = asinh((z[i] - m) / w);
	return bf_logpdf_interpolated_u(d, params, out, n, m, w, z, out);
}

/* above this cdf value the binned likelihood asks the sf (bf_loglik_eval, bf_loglik_edge_probs) */
#define BF_SF_FROM 0.99

/*
 * Did the last binned evaluation take its masses from bin_quadrature (true)
 * or from the cdf and sf (false: not a bin_quadrature entry at these
 * parameters, or bf_loglik_law asked for the cdf)?  For bf_loglik_at's memo
 * of the edge values.
 */
static bool bf_eval_masses;

/* set by bf_loglik_law: the cdf and sf even for bin_quadrature entries */
static bool bf_quadrature_off;

/*
 * Log-likelihood of params on the prepared data (see the file header);
 * -INFINITY when the shapes break the entry's joint constraints (argcheck:
 * the transforms keep each shape in its own domain only), the support
 * misses data, the standardisation cannot resolve the data (below), or a
 * term is not finite.
 */
static double
bf_loglik_eval(const BfFitData *fd, const BfDist *d, const double *params)
{
	double		scale = bf_model_scale(d, params);
	double		ll = 0;

	if (d->kind == BF_DISCRETE)
		return bf_discrete_loglik(fd, d, params);
	if (bf_entry_argcheck(d, params) != NULL)
		return -INFINITY;
	if (!bf_support_covers(d, params, fd->min, fd->max))
		return -INFINITY;
	if (!bf_resolves_data(fd, d, params))
		return -INFINITY;
	bf_bins_evaluated += fd->nbins;
	/*
	 * Values are standardised by division, exactly as pdf() does, so that a
	 * fit accepted here has the same density at every value for the user.
	 */
	if (fd->exact)
	{
		const double *lps = NULL;

		/* a costly density interpolated (entry.h, interpolate_logpdf) */
		if (fd->nbins > 0 && bf_interp_wanted(fd, d))
		{
			bool		interpolated;

			for (int i = 0; i < fd->nbins; i++)
				fd->cdfs[i] = bf_model_z(d, params, fd->x[i]);
			interpolated = bf_logpdf_interpolated(d, params, fd->cdfs, fd->nbins, fd->sfs);
			bf_interp_outcome(interpolated);
			if (interpolated)
				lps = fd->sfs;
		}
		for (int i = 0; i < fd->nbins; i++)
		{
			double		lp;

			/* every 16 values: a costly density (3-6 ms) stops within 0.1 s */
			if ((i & 15) == 0 && bf_should_stop())
				return -INFINITY;
			lp = lps != NULL ? lps[i] : bf_entry_logpdf(d, bf_model_z(d, params, fd->x[i]), params);

			if (!isfinite(lp))
				return -INFINITY;
			ll += fd->w[i] * lp;
		}
		ll -= fd->n * log(scale);
	}
	else
	{
		double	   *F = fd->cdfs;
		double	   *S = fd->sfs;
		double		lbin[2] = {0, 0};

		bf_eval_masses = !bf_quadrature_off && bf_bin_quadrature(d, params);
		if (bf_eval_masses)
			bf_edge_probs_quadrature(fd, d, params);
		else
		{
			bool		upper = false;	/* an earlier edge had F > 0.99 */

			for (int j = 0; j < fd->nedges; j++)
			{
				double		z = bf_model_z(d, params, fd->edges[j]);

				if ((j & 15) == 0 && bf_should_stop())
					return -INFINITY;

				/*
				 * 1 - F keeps 14 digits of S while S > 0.01; beyond, ask sf.
				 * The edges rise, so once F > 0.99 it stays so: from the next
				 * edge on only sf is evaluated, and 1 - S is F to within an
				 * ulp of 1 (half the calls in a long upper tail: levy_stable
				 * on Pareto data, 45 % of its integrals).
				 */
				if (upper)
				{
					S[j] = bf_entry_sf(d, z, params);
					F[j] = 1.0 - S[j];
					continue;
				}
				F[j] = bf_entry_cdf(d, z, params);
				upper = F[j] > BF_SF_FROM;
				S[j] = upper ? bf_entry_sf(d, z, params) : 1.0 - F[j];
			}
		}
		for (int i = 0; i < fd->nbins; i++)
		{
			int			a = fd->ilo[i],
						b = fd->ihi[i];
			double		p,
						lp;

			/*
			 * the difference of the tail sums on the bin's own side keeps the
			 * digits of a small mass (with quadrature, F and S sum from the
			 * outer edges, F[a] + S[a] <= 1, so F[a] > 0.5 still means the
			 * smaller S side)
			 */
			p = F[a] > 0.5 ? S[a] - S[b] : F[b] - F[a];
			if (p > 1e-280)
				lp = log(p);
			else
				lp = bf_log_bin_prob_tail(d, params, fd->edges[a], fd->edges[b]);
			if (fd->wl[i] > 0)
				ll += fd->wl[i] * lp;
			/* the extreme bins' average log densities, for the cap below */
			if (i == 0)
				lbin[0] = lp - log(fd->edges[b] - fd->edges[a]);
			if (i == fd->nbins - 1)
				lbin[1] = lp - log(fd->edges[b] - fd->edges[a]);
		}
		ll -= fd->sum_wlogwidth;
		if (fd->resolution == 0)
		{
			/*
			 * min and max are known exactly and enter by their densities, so
			 * that a density that vanishes at them is as impossible as on the
			 * raw data; each is capped at its bin's average density, so that
			 * a density that diverges there gains nothing over its bin.
			 */
			double		lmin = bf_entry_logpdf(d, bf_model_z(d, params, fd->min), params) - log(scale),
						lmax = bf_entry_logpdf(d, bf_model_z(d, params, fd->max), params) - log(scale);

			/* an infinite density at an observed value is a spike: infeasible */
			if (!(lmin < INFINITY) || !(lmax < INFINITY))
				return -INFINITY;
			ll += Min(lmin, lbin[0]) + Min(lmax, lbin[1]);
		}
		/*
		 * No model's grouped log-likelihood exceeds the saturated model's
		 * (fd->ll_max, data.c): above it the bins' masses are not
		 * probabilities (a spike that the quadrature of bin_quadrature
		 * entries hits, genhyperbolic with scale 2.6e-6 in cells of 0.01 on
		 * weather.csv's precip > 0: +4,403 where the saturated model has
		 * +3,375), and the point is rejected.
		 */
		if (ll > fd->ll_max + 1e-9 * fabs(fd->ll_max) + 1e-6)
			return -INFINITY;
	}
	return isfinite(ll) ? ll : -INFINITY;
}

/*
 * bf_loglik: the value of the last call is remembered, so that asking again
 * at the same point of the same prepared data and entry (the end of a stage,
 * a support-end snap's starting value, the final value) costs nothing; about
 * 3 % of a whole-set fit's likelihood time, and 5-7 % of levy_stable's (a
 * full-sketch evaluation of it costs 75-140 ms).  The data are identified by
 * their serial (bf_fitdata_init), not their address, which a later sketch
 * may reuse; a value computed while a stop was requested is not kept; the
 * accuracy it was computed at is part of the key.  The result is the same
 * with or without the memo.
 */
static struct
{
	unsigned long serial;		/* 0: none */
	const BfDist *d;
	BfAccuracy	accuracy;
	double		params[BF_MAX_PARAMS];
	double		ll;
}			bf_loglik_memo;

/*
 * Bins (or exact values) of the likelihoods evaluated so far, memo hits
 * and points rejected before any density is computed (outside the joint
 * constraints or the support) not counted: a deterministic measure of a
 * fit's work for benchmarks (test/bench/fitprof -b), where CPU time drifts
 * with the machine.  Discrete entries are not counted.
 */
unsigned long bf_bins_evaluated = 0;

/*
 * Whose cdf and sf values (or bin_quadrature's partial sums of masses)
 * fd->cdfs and fd->sfs hold: those of the last evaluation on a binned
 * sketch that ran to its end at full accuracy, for bf_loglik_edge_probs
 * (and bf_loglik_edge_masses).  Any other evaluation on a binned sketch, which may
 * overwrite the arrays, clears it first.
 */
static struct
{
	unsigned long serial;		/* 0: none */
	const BfDist *d;
	double		params[BF_MAX_PARAMS];
	bool		masses;			/* bin_quadrature's partial sums, not cdf and sf */
}			bf_edges_memo;

static double
bf_loglik_at(const BfFitData *fd, const BfDist *d, const double *params, BfAccuracy accuracy)
{
	size_t		size = sizeof(double) * bf_nparams(d);
	double		ll;

	if (fd->serial != 0 && fd->serial == bf_loglik_memo.serial && d == bf_loglik_memo.d &&
		accuracy == bf_loglik_memo.accuracy &&
		memcmp(params, bf_loglik_memo.params, size) == 0)
		return bf_loglik_memo.ll;
	if (!fd->exact)
		bf_edges_memo.serial = 0;
	bf_accuracy = accuracy;
	ll = bf_loglik_eval(fd, d, params);
	bf_accuracy = BF_ACCURACY_FULL;
	if (fd->serial != 0 && !isnan(ll) && !bf_should_stop())
	{
		bf_loglik_memo.serial = fd->serial;
		bf_loglik_memo.d = d;
		bf_loglik_memo.accuracy = accuracy;
		memcpy(bf_loglik_memo.params, params, size);
		bf_loglik_memo.ll = ll;
		if (!fd->exact && d->kind == BF_CONTINUOUS && isfinite(ll) &&
			accuracy == BF_ACCURACY_FULL)
		{
			bf_edges_memo.serial = fd->serial;
			bf_edges_memo.d = d;
			memcpy(bf_edges_memo.params, params, size);
			bf_edges_memo.masses = bf_eval_masses;
		}
	}
	return ll;
}

/* Did the last evaluation on fd, at full accuracy, run to its end at d and params? */
static bool
bf_edges_memo_holds(const BfFitData *fd, const BfDist *d, const double *params)
{
	return !fd->exact && fd->serial != 0 && fd->serial == bf_edges_memo.serial &&
		d == bf_edges_memo.d &&
		memcmp(params, bf_edges_memo.params, sizeof(double) * bf_nparams(d)) == 0;
}

bool
bf_loglik_edge_probs(const BfFitData *fd, const BfDist *d, const double *params,
					 const double **F, const double **S, int *sf_from)
{
	if (!bf_edges_memo_holds(fd, d, params) || bf_edges_memo.masses)
		return false;
	*F = fd->cdfs;
	*S = fd->sfs;
	/* the edge where bf_loglik_eval switched to the sf */
	*sf_from = fd->nedges;
	for (int j = 0; j < fd->nedges; j++)
		if (fd->cdfs[j] > BF_SF_FROM)
		{
			*sf_from = j;
			break;
		}
	return true;
}

bool
bf_loglik_edge_masses(const BfFitData *fd, const BfDist *d, const double *params,
					  const double **below, const double **above)
{
	if (!bf_edges_memo_holds(fd, d, params) || !bf_edges_memo.masses)
		return false;
	*below = fd->cdfs;
	*above = fd->sfs;
	return true;
}

double
bf_loglik(const BfFitData *fd, const BfDist *d, const double *params)
{
	return bf_loglik_at(fd, d, params, BF_ACCURACY_FULL);
}

/*
 * The n-point Gauss-Legendre mass of d's pdf over [za, zb] (GSL's fixed
 * table), and in *lspan the span of the log densities at its nodes; NaN
 * when GSL cannot allocate the table (no density scores).
 */
static double
bf_pdf_mass_gl(const BfDist *d, const double *params, double za, double zb, int n,
			   double *lspan)
{
	double		m = 0,
				lmin = INFINITY,
				lmax = -INFINITY;

	*lspan = NAN;
	for (int q = 0; q < n; q++)
	{
		double		zq,
					wq,
					lp;

		if (!bf_gl_point(n, za, zb, q, &zq, &wq))
			return NAN;
		lp = bf_entry_logpdf(d, zq, params);
		m += wq * exp(lp);
		lmin = Min(lmin, lp);
		lmax = Max(lmax, lp);
	}
	*lspan = lmax - lmin;
	return m;
}

double
bf_pdf_mass_gl8(const BfDist *d, const double *params, double za, double zb)
{
	double		lspan;

	return bf_pdf_mass_gl(d, params, za, zb, 8, &lspan);
}

/*
 * The largest sum of a sketch's bin_quadrature masses between its first
 * and last edge that bf_loglik_law accepts as the law's.  Above 1 the
 * 8-point rule has overweighted a spike narrower than a bin (weather.csv's
 * visib, 84 % of its values at 10 in cells of 0.01: norminvgauss's and
 * genhyperbolic's masses added up to 4.3 and 3.5, and their
 * log-likelihoods sat at the saturated model's, 98,102, the best of the
 * catalogue; precip's, 1.05 to 1.24, likewise at 109,167).  1e-4: where
 * the rule resolves the density its error is far below (5e-13 on the
 * zoo's fits); gausshyper's end bins, which take its cdf, were up to 1e-5
 * over on hflights' Distance.
 */
#define BF_QUAD_MASS_MAX (1.0 + 1e-4)

double
bf_loglik_law(const BfFitData *fd, const BfDist *d, const double *params)
{
	double		ll = bf_loglik(fd, d, params);

	if (isfinite(ll) && bf_edges_memo_holds(fd, d, params) && bf_edges_memo.masses &&
		fd->cdfs[fd->nedges - 1] > BF_QUAD_MASS_MAX)
	{
		bf_debug(1, "bestfit: %s: bin masses add up to %.6g: the value from the cdf",
				 d->name, fd->cdfs[fd->nedges - 1]);
		bf_quadrature_off = true;
		bf_loglik_memo.serial = 0;
		ll = bf_loglik(fd, d, params);
		bf_quadrature_off = false;
	}
	return ll;
}

/*
 * The search's log-likelihood: on a coarse copy of the sketch, with the
 * entries' functions at BF_ACCURACY_SEARCH (catalogue/entry.h); elsewhere
 * bf_loglik itself.
 */
double
bf_loglik_search(const BfFitData *fd, const BfDist *d, const double *params)
{
	return bf_loglik_at(fd, d, params, fd->coarse ? BF_ACCURACY_SEARCH : BF_ACCURACY_FULL);
}

double
bf_loglik_problem(const BfProblem *pb, const double *params)
{
	if (pb->full_accuracy)
		return bf_loglik(pb->fd, pb->d, params);
	return bf_loglik_at(pb->fd, pb->d, params,
						pb->fd->coarse || pb->search_accuracy ? BF_ACCURACY_SEARCH : BF_ACCURACY_FULL);
}
