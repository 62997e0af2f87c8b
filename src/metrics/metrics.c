/*
 * metrics.c — goodness-of-fit metrics of a fitted candidate on a sketch:
 * Kolmogorov-Smirnov, Anderson-Darling, Cramer-von Mises, Pearson's
 * chi-squared and the histogram SSE.
 *
 * On exact sketches KS and AD are the textbook statistics on the raw values.
 * On binned sketches the positions of values inside a bin are unknown:
 *   KS  is evaluated at every bin edge, so it is a lower bound of the raw
 *       statistic, off by at most the largest single-bin probability;
 *   AD  uses A^2 = n * integral (F_n - F)^2 / (F (1 - F)) dF with F_n taken
 *       to rise linearly in F across each bin;
 *   CvM uses W^2 = n * integral (F_n - F)^2 dF the same way.
 * Values recorded to a resolution q are binned data (cells [x - q/2, x + q/2]).
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "metrics/metrics.h"
#include "catalogue/model.h"
#include "numerics/gauss_legendre.h"

#define Max(x, y)		((x) > (y) ? (x) : (y))
#define Min(x, y)		((x) < (y) ? (x) : (y))

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
 * A probability u = F(x) kept with its complement s = 1 - u computed from
 * the survival function, so that upper-tail terms keep their precision.
 * Where s comes from the sf (u > 1/2), u is 1 - s, not the cdf's own
 * value: the two agree only to their rounding (or to a numerical
 * integral's error), and the Anderson-Darling terms of a bin with a tiny
 * mass difference them against each other (gausshyper's cdf 5e-15 off the
 * sf's complement at the last edge, with a mass of 1.3e-11 there, moved
 * its AD on a 1,000,000-row sketch from 21.1 to 89.2 until 2026-12-06).
 */
typedef struct BfProb
{
	double		u;
	double		s;
} BfProb;

/* the fit's probabilities at a standardized point z */
static BfProb
bf_prob_at_z(const BfDist *d, const double *params, double z)
{
	BfProb		p;

	p.u = bf_entry_cdf(d, z, params);
	if (p.u > 0.5)
	{
		p.s = bf_entry_sf(d, z, params);
		p.u = 1.0 - p.s;
	}
	else
		p.s = 1.0 - p.u;
	return p;
}

/* the same at a value x */
static BfProb
bf_prob_at(const BfDist *d, const double *params, double x)
{
	return bf_prob_at_z(d, params, bf_model_z(d, params, x));
}

/*
 * bf_prob_at for points visited in rising order: once a point had u > 0.5
 * (*upper), every later one has too, so only the sf is evaluated and u =
 * 1 - s, exact to an ulp of 1 (a third of the calls, each a numerical
 * integral for levy_stable and the quadrature entries).
 */
static BfProb
bf_prob_at_rising(const BfDist *d, const double *params, double x, bool *upper)
{
	BfProb		p;

	if (*upper)
	{
		p.s = bf_entry_sf(d, bf_model_z(d, params, x), params);
		p.u = 1.0 - p.s;
		return p;
	}
	p = bf_prob_at(d, params, x);
	*upper = p.u > 0.5;
	return p;
}

/* b - a, from whichever representation is accurate */
static double
bf_prob_diff(BfProb a, BfProb b)
{
	return a.u > 0.5 ? a.s - b.s : b.u - a.u;
}

/*
 * Largest disagreement between a stretch's masses and the difference of the
 * fit's cdf (or sf) at its two ends, relative to that difference, at which
 * the masses serve the EDF probabilities inside it (below)
 */
#define BF_MASSES_TOTAL_TOL 1e-9

/*
 * The EDF probabilities at rising points x[0..last] from masses between
 * them, anchored on the fit's own cdf and sf (bf_prob_at) at a few points.
 * below[j] and above[j] are the masses' P(x_0 < X <= x_j) and
 * P(x_j < X <= x_last); bad (NULL: none) counts the gaps whose mass is
 * unknown below each point (bad[j]: among gaps 0 .. j - 1), their mass
 * counted 0 in below and above.  A stretch between two anchors i < k is
 * served by the masses when it holds no unknown gap, both anchors are
 * finite, and the masses agree with the anchors' difference within
 * BF_MASSES_TOTAL_TOL of it: inside it u_j = u_i + the masses from x_i
 * while that is at most 1/2, s_j = s_k + the masses to x_k from there on,
 * the other one its complement (bf_prob_at's convention: each tail a sum of
 * positive terms, so the far tails keep their relative accuracy).
 * Otherwise the stretch is halved at a new anchor and each half tried
 * again; two neighbours are both anchors.  The first stretch is the whole
 * range between the end points, whose difference is about 1: where the
 * masses agree overall (nearly always) this is the one check of the total,
 * within 1e-9, and two function values for all points, as before
 * 2026-12-06.  Where they did not, every point was an anchor (genhyperbolic's
 * fit to a column of values rounded to 0.1 with a spike at 0: 1,966 tail
 * integrals, 0.44 of its 0.59 s, perf); now about 2 log2(last) anchors
 * isolate a bin whose mass is off (a density spike narrower than the bin
 * that the 8-point rule misses or overweights, a pdf diverging past a
 * value), and a stretch in a tail is held to 1e-9 of its own mass, which
 * the Anderson-Darling statistic's tail weights need: an absolute 1e-9
 * there moved it by 2e-5 relative (gausshyper near the uniform on the zoo's
 * uniform sketch, test_edf_anchored_masses).  Where the cdf or sf fails
 * (NaN) or disagrees with the masses throughout, every point ends as an
 * anchor, as before.
 * seg (NULL: not wanted) gets, for each gap j, the left anchor of the
 * served stretch or anchor pair holding it, or -1 for an unknown gap
 * between two anchors.
 */
typedef struct
{
	const BfDist *d;
	const double *params;
	const double *x;
	const double *below;
	const double *above;
	const int  *bad;
	BfProb	   *p;
	bool	   *have;			/* p[j] is an anchor's */
	int			first_upper;	/* the lowest anchor with u > 1/2 */
	int		   *seg;
	int			anchors;
} BfAnchored;

unsigned long bf_edf_anchors = 0;

/* the fit's probabilities at x[j] as an anchor, computed once; false on a stop request */
static bool
bf_anchor(BfAnchored *a, int j)
{
	bool		upper = j >= a->first_upper;

	if (a->have[j])
		return true;
	if (bf_should_stop())
		return false;
	/* right of an anchor with u > 1/2, only the sf (bf_prob_at_rising) */
	a->p[j] = bf_prob_at_rising(a->d, a->params, a->x[j], &upper);
	a->have[j] = true;
	a->anchors++;
	bf_edf_anchors++;
	if (upper && j < a->first_upper)
		a->first_upper = j;
	return true;
}

static bool
bf_probs_anchored(BfAnchored *a, int i, int k)
{
	const BfProb *p = a->p;
	bool		served;

	if (k - i < 2)
		served = a->bad == NULL || a->bad[k] == a->bad[i];
	else
	{
		/*
		 * the masses' P(x_i < X <= x_k) from the side where they are
		 * accurate, and the anchors' from theirs: the cdfs while x_k's is
		 * at most 1/2, else the sfs (x_i's 1 - u when its u is at most 1/2;
		 * x_k's cdf is no more than 1 - sf rounded then, and can be further
		 * off: a numerical integral)
		 */
		double		m = p[i].u > 0.5 ? a->above[i] - a->above[k] : a->below[k] - a->below[i],
					e = p[k].u <= 0.5 ? p[k].u - p[i].u : p[i].s - p[k].s;

		served = (a->bad == NULL || a->bad[k] == a->bad[i]) &&
			isfinite(p[i].u) && isfinite(p[i].s) && isfinite(p[k].u) && isfinite(p[k].s) &&
			fabs(m - e) <= BF_MASSES_TOTAL_TOL * e;
	}
	if (served || k - i < 2)
	{
		for (int j = i + 1; served && j < k; j++)
		{
			double		u = p[i].u + (a->below[j] - a->below[i]);

			if (u <= 0.5)
			{
				a->p[j].u = u;
				a->p[j].s = 1.0 - u;
			}
			else
			{
				a->p[j].s = p[k].s + (a->above[j] - a->above[k]);
				a->p[j].u = 1.0 - a->p[j].s;
			}
		}
		if (a->seg != NULL)
			for (int j = i; j < k; j++)
				a->seg[j] = served ? i : -1;
		return true;
	}
	{
		int			mid = i + (k - i) / 2;

		return bf_anchor(a, mid) && bf_probs_anchored(a, i, mid) && bf_probs_anchored(a, mid, k);
	}
}

/*
 * p[0..last] at x[0..last] from the masses (above); false on a stop request.
 * The anchors' count goes to BESTFIT_DEBUG=2's log.
 */
static bool
bf_probs_from_masses(const BfFitResult *res, const double *x, const double *below,
					 const double *above, const int *bad, int last, BfProb *p, int *seg)
{
	BfAnchored	a = {res->dist, res->params, x, below, above, bad, p, NULL, last + 1, seg, 0};
	bool		ok;

	a.have = bf_alloc0(sizeof(bool) * (last + 1));
	ok = bf_anchor(&a, 0) && bf_anchor(&a, last) && bf_probs_anchored(&a, 0, last);
	if (ok && a.anchors > 2)
		bf_debug(2, "bestfit: %s: EDF probabilities from the masses with %d anchors of %d points",
				 res->dist->name, a.anchors, last + 1);
	bf_free(a.have);
	return ok;
}

/*
 * The EDF probabilities of a binned sketch from the likelihood's last pass
 * when it integrated the pdf over the bins (bf_loglik_edge_masses: the
 * quadrature entries, genhyperbolic, norminvgauss, geninvgauss, gausshyper,
 * vonmises, vonmises_line, whose cdf and sf are numerical integrals, tens of
 * microseconds to a millisecond each), anchored as above, so that a few
 * function values replace one per edge (norminvgauss on the zoo's lognorm
 * s = 3 sketch: 2,186 tail integrals, 2.0 of the fit's 2.1 s).  false when
 * there are no such masses (p untouched) or on a stop request.
 */
static bool
bf_edf_probs_from_masses(const BfFitData *fd, const BfFitResult *res, BfProb *p, bool *stopped)
{
	const double *below,
			   *above;
	int			last = fd->nedges - 1;

	if (last < 1 || !bf_loglik_edge_masses(fd, res->dist, res->params, &below, &above))
		return false;
	*stopped = !bf_probs_from_masses(res, fd->edges, below, above, NULL, last, p, NULL);
	return true;
}

/*
 * Largest disagreement, relative to the total, between a gap's 8-point
 * mass and the sum of its two halves' for bf_edf_probs_exact_masses
 */
#define BF_GAP_MASS_TOL 1e-11

/*
 * The same for an exact sketch of a bin_quadrature entry: the masses
 * between consecutive values by 8-point Gauss-Legendre on the pdf, each
 * checked against the sum over its two halves (within BF_GAP_MASS_TOL of
 * the total: a gap in a far tail where the density falls by orders of
 * magnitude, or a density diverging at a value, fails it, and its mass is
 * unknown to the anchoring above), then anchored as above.  24 densities
 * per value instead of a cdf (a numerical integral; `perf` of four of
 * these entries on the zoo's exact 2,000-value and wind_speed sketches put
 * 16 % of their CPU in those cdfs; the six on the exact sketch: -21 %).
 * The halves also give, into midp[0..last - 1], the probabilities at the
 * gaps' midpoints, where bf_chisq's cells meet: another cdf per value
 * saved (genhyperbolic on the exact 2,000-value sketch: 57 % of its CPU
 * was in those, perf, 2026-12-05); at an unknown gap's midpoint the cdf
 * and sf themselves.  false when the entry has no such masses (p and midp
 * untouched) or on a stop request.
 */
static bool
bf_edf_probs_exact_masses(const BfFitData *fd, const BfFitResult *res, BfProb *p, BfProb *midp,
						  bool *stopped)
{
	const BfDist *d = res->dist;
	const double *params = res->params;
	int			last = fd->nbins - 1;
	double	   *below,
			   *above,
			   *first,			/* each gap's lower half's mass */
			   *second,			/* and its upper half's */
			   *zmid;
	int		   *bad,
			   *seg;
	double		zprev;

	if (!BF_HINT(d, bin_quadrature) || last < 1)
		return false;
	*stopped = true;
	below = bf_alloc(sizeof(double) * (last + 1));
	above = bf_alloc(sizeof(double) * (last + 1));
	first = bf_alloc(sizeof(double) * last);
	second = bf_alloc(sizeof(double) * last);
	zmid = bf_alloc(sizeof(double) * last);
	bad = bf_alloc(sizeof(int) * (last + 1));
	seg = bf_alloc(sizeof(int) * last);
	below[0] = 0;
	bad[0] = 0;
	zprev = bf_model_z(d, params, fd->x[0]);
	for (int j = 0; j < last; j++)
	{
		double		z = bf_model_z(d, params, fd->x[j + 1]),
					whole,
					halves;
		bool		known;

		if ((j & 15) == 0 && bf_should_stop())
			goto done;
		zmid[j] = 0.5 * (zprev + z);
		whole = bf_pdf_mass_gl8(d, params, zprev, z);
		first[j] = bf_pdf_mass_gl8(d, params, zprev, zmid[j]);
		second[j] = bf_pdf_mass_gl8(d, params, zmid[j], z);
		halves = first[j] + second[j];
		known = whole >= 0 && halves >= 0 && fabs(whole - halves) <= BF_GAP_MASS_TOL;
		if (!known)
			halves = 0;
		bad[j + 1] = bad[j] + !known;
		below[j + 1] = below[j] + halves;
		above[j] = halves;		/* the gap's mass, summed from the top below */
		zprev = z;
	}
	above[last] = 0;
	for (int j = last - 1; j >= 0; j--)
		above[j] += above[j + 1];
	if (!bf_probs_from_masses(res, fd->x, below, above, bad, last, p, seg))
		goto done;
	/*
	 * the gaps' midpoints, where the chi-squared cells meet (bf_chisq); k:
	 * the right anchor of the served stretch [i, k] holding gap j (a
	 * stretch's gaps share its left anchor i, and no other stretch's gaps
	 * do)
	 */
	for (int j = 0, k = 0; j < last; j++)
	{
		int			i = seg[j];
		double		u;

		if (i < 0)
		{
			if ((j & 15) == 0 && bf_should_stop())
				goto done;
			midp[j] = bf_prob_at_z(d, params, zmid[j]);
			continue;
		}
		if (k <= j)
			for (k = j + 1; k < last && seg[k] == i; k++)
				;
		u = p[i].u + (below[j] - below[i]) + first[j];
		if (u <= 0.5)
		{
			midp[j].u = u;
			midp[j].s = 1.0 - u;
		}
		else
		{
			midp[j].s = p[k].s + second[j] + (above[j + 1] - above[k]);
			midp[j].u = 1.0 - midp[j].s;
		}
	}
	*stopped = false;
done:
	bf_free(below);
	bf_free(above);
	bf_free(first);
	bf_free(second);
	bf_free(zmid);
	bf_free(bad);
	bf_free(seg);
	return true;
}

/*
 * The fit's cdf and sf at the points the EDF statistics need, computed once
 * for KS, AD and CvM: at each value of an exact sketch (nbins), at each
 * distinct edge of binned data (nedges, indexed by ilo and ihi).  *midp:
 * those at the midpoints between an exact sketch's consecutive values
 * (nbins - 1) when the masses gave them (bf_edf_probs_exact_masses), else
 * NULL.  NULL when
 * the host asks to stop (the caller unwinds).  Memory from bf_alloc.
 */
static BfProb *
bf_edf_probs(const BfFitData *fd, const BfFitResult *res, BfProb **midp)
{
	int			np = fd->exact ? fd->nbins : fd->nedges;
	BfProb	   *p = bf_alloc(sizeof(BfProb) * Max(np, 1)),
			   *mid = fd->exact && BF_HINT(res->dist, bin_quadrature) ?
		bf_alloc(sizeof(BfProb) * Max(np, 1)) : NULL;
	bool		upper = false;	/* an earlier point had u > 0.5 */
	const double *F,
			   *S;
	int			lupper = np;	/* the likelihood's switch to the sf (bf_loglik_edge_probs) */
	bool		stopped = false;	/* the host asked to stop (the masses' anchoring) */

	/*
	 * On a binned sketch the likelihood's last evaluation at the fit's
	 * parameters has usually left the cdf and sf at every edge
	 * (bf_loglik_edge_probs): the same values, bit for bit, wherever
	 * bf_prob_at_rising would compute the same function at the same point,
	 * that is below the edge where u first exceeds 0.5 (u = F, s = 1 - F)
	 * and from the likelihood's switch to the sf on (s = S, u = 1 - S); in
	 * between (F in (0.5, 0.99]), where the likelihood has the cdf and this
	 * needs the sf, the sf is computed.  Saves the second pass of cdf values
	 * at every fit's end but that band.
	 */
	*midp = NULL;
	if (mid != NULL ? bf_edf_probs_exact_masses(fd, res, p, mid, &stopped) :
		!fd->exact && bf_edf_probs_from_masses(fd, res, p, &stopped))
	{
		if (stopped)
		{
			bf_free(p);
			if (mid != NULL)
				bf_free(mid);
			return NULL;
		}
		*midp = mid;
		return p;
	}
	if (mid != NULL)
		bf_free(mid);
	if (fd->exact || !bf_loglik_edge_probs(fd, res->dist, res->params, &F, &S, &lupper))
		F = S = NULL;
	for (int j = 0; j < np; j++)
	{
		if ((j & 15) == 0 && bf_should_stop())
			return NULL;
		if (F != NULL && (!upper ? F[j] <= 0.5 || j == lupper : j >= lupper))
		{
			/* below u = 0.5: u = F, s = 1 - u; from the likelihood's switch: its sf */
			if (!upper && F[j] <= 0.5)
			{
				p[j].u = F[j];
				p[j].s = 1.0 - F[j];
			}
			else
			{
				p[j].s = S[j];
				p[j].u = 1.0 - S[j];
				upper = true;
			}
			continue;
		}
		/* values and edges are sorted */
		p[j] = bf_prob_at_rising(res->dist, res->params, fd->exact ? fd->x[j] : fd->edges[j], &upper);
	}
	return p;
}

/*
 * integral over u in [a, b] of (c - u)^2 / (u (1 - u)) du for constant c =
 * 1 - r in [0, 1]: c^2 log(b/a) + r^2 log((1-a)/(1-b)) - (b - a).
 */
static double
bf_ad_const(double c, double r, BfProb a, BfProb b)
{
	double		w = bf_prob_diff(a, b);
	double		v = -w;

	if (!(w > 0))
		return 0;
	if (c != 0)
		v += c * c * (log(b.u) - log(a.u));
	if (r != 0)
		v += r * r * (log(a.s) - log(b.s));
	return v;
}

/*
 * 16-point Gauss-Legendre (numerics/gauss_legendre.h) of
 * (g - u)^2 / (u (1 - u)) over the part of the segment at fractions
 * [t0, t1] of its width w (g linear in t from c0 to c1, r = 1 - c).
 * INFINITY where data sit where the fit has no mass.
 */
static double
bf_ad_gauss(double c0, double r0, double c1, double r1, BfProb a, double w,
			double t0, double t1)
{
	double		sum = 0;

	for (int k = 0; k < 16; k++)
	{
		double		t,
					wk,
					u,
					s,
					h;

		if (!bf_gl_point(16, t0, t1, k, &t, &wk))
			return NAN;
		u = a.u > 0.5 ? 1 - (a.s - t * w) : a.u + t * w;
		s = a.u > 0.5 ? a.s - t * w : 1 - u;
		/* g - u, from the side where both are small */
		h = u < 0.5 ? c0 + (c1 - c0) * t - u : s - (r0 - (r0 - r1) * t);
		if (!(u > 0 && s > 0))
			return INFINITY;
		sum += wk * h * h / (u * s);
	}
	return w * sum;
}

/*
 * integral over u in [a, b] of (g(u) - u)^2 / (u (1 - u)) du where the
 * empirical g rises linearly from c0 = 1 - r0 at a to c1 = 1 - r1 at b.
 * Writing g(u) - u = p + q u, the integrand is -q^2 + p^2 / u +
 * (p + q)^2 / (1 - u), integrated in closed form.  Narrow segments and
 * segments touching u = 0 or 1 (where g meets u and the integrand stays
 * finite, but the separate terms do not) use Gauss-Legendre; so does any
 * segment where the closed form's terms cancel, on pieces spaced
 * geometrically towards the nearer end of [0, 1].
 */
static double
bf_ad_linear(double c0, double r0, double c1, double r1, BfProb a, BfProb b)
{
	double		w = bf_prob_diff(a, b);
	double		slope,
				q,
				p,
				pq,
				t1,
				t2,
				t3,
				v;
	int			m;
	double		sum = 0;
	bool		lower;
	double		ratio;

	if (!(w > 0))
		return 0;
	if (a.u <= 0 || b.s <= 0 || w < 0.5 * Min(a.u, b.s))
		return bf_ad_gauss(c0, r0, c1, r1, a, w, 0, 1);

	slope = (c1 - c0) / w;
	q = slope - 1;
	p = c0 - slope * a.u;
	pq = slope * a.s - r0;		/* p + q = g(1) - 1 */
	t1 = p * p * (log(b.u) - log(a.u));
	t2 = pq * pq * (log(a.s) - log(b.s));
	t3 = q * q * w;
	v = t1 + t2 - t3;
	if (isfinite(v) && v >= 1e-8 * Max(Max(t1, t2), t3))
		return v;

	/* the terms cancel: composite quadrature, pieces geometric in u or 1-u */
	lower = b.u <= 0.5 || (a.u < 0.5 && a.u < b.s);
	ratio = lower ? b.u / a.u : a.s / b.s;
	m = Min(200, Max(1, (int) ceil(log(ratio) / 0.5)));
	for (int k = 0; k < m; k++)
	{
		double		f0 = pow(ratio, (double) k / m);
		double		f1 = pow(ratio, (double) (k + 1) / m);
		double		s0,
					s1;

		/* fractions of w where the pieces start and end */
		if (lower)
		{
			s0 = a.u * (f0 - 1) / w;
			s1 = k == m - 1 ? 1 : a.u * (f1 - 1) / w;
		}
		else
		{
			s0 = (a.s - b.s * ratio / f0) / w;
			s1 = k == m - 1 ? 1 : (a.s - b.s * ratio / f1) / w;
		}
		sum += bf_ad_gauss(c0, r0, c1, r1, a, w, Max(0.0, s0), Min(1.0, s1));
	}
	return sum;
}

/* KS and AD on an exact sketch: F_n is a step function. */
static void
bf_ks_ad_exact(const BfFitData *fd, const BfProb *probs, BfFitResult *res)
{
	double		n = fd->n;
	double		cum = 0;
	double		D = 0;
	double		A = 0;
	BfProb		prev = {0.0, 1.0};
	BfProb		one = {1.0, 0.0};

	for (int i = 0; i < fd->nbins; i++)
	{
		BfProb		p = probs[i];
		double		before = cum / n;
		double		after = (cum + fd->w[i]) / n;

		D = Max(D, Max(fabs(after - p.u), fabs(p.u - before)));
		A += bf_ad_const(before, (n - cum) / n, prev, p);
		prev = p;
		cum += fd->w[i];
	}
	A += bf_ad_const(1.0, 0.0, prev, one);
	res->ks = D;
	res->ad = n * A;
}

/* KS (at bin edges) and AD (linear within bins) on a binned sketch. */
static void
bf_ks_ad_binned(const BfFitData *fd, const BfProb *probs, BfFitResult *res)
{
	double		n = fd->n;
	double		cum = 0;
	double		D = 0;
	double		A = 0;
	BfProb		prev = {0.0, 1.0};
	BfProb		one = {1.0, 0.0};

	for (int i = 0; i < fd->nbins; i++)
	{
		double		before = cum / n;
		double		after = (cum + fd->w[i]) / n;
		double		rbefore = (n - cum) / n;
		double		rafter = (n - cum - fd->w[i]) / n;
		BfProb		lo = probs[fd->ilo[i]],
					hi = probs[fd->ihi[i]];

		D = Max(D, Max(fabs(before - lo.u), fabs(after - hi.u)));
		A += bf_ad_const(before, rbefore, prev, lo);
		A += bf_ad_linear(before, rbefore, after, rafter, lo, hi);
		prev = hi;
		cum += fd->w[i];
	}
	A += bf_ad_const(1.0, 0.0, prev, one);
	res->ks = D;
	res->ad = n * A;
}

/*
 * integral over a segment of width w (in u = F) of d(u)^2 du, where
 * d = F_n - F goes linearly in u from da to db: w (da^2 + da db + db^2) / 3.
 * Exact both where F_n is constant (d has slope -1 in u) and where F_n rises
 * linearly in F (binned data); the sum of squares form has no cancellation.
 */
static double
bf_cvm_segment(double w, double da, double db)
{
	if (!(w > 0))
		return 0;
	return w * (da * da + da * db + db * db) / 3.0;
}

/*
 * F_n - F at a point where F_n = c = 1 - r and F = p: from the side where
 * both are small, so that upper-tail differences keep their precision.
 */
static double
bf_edf_diff(double c, double r, BfProb p)
{
	return p.u <= 0.5 ? c - p.u : p.s - r;
}

/*
 * Cramer-von Mises statistic W^2 = n * integral (F_n - F)^2 dF over
 * u = F(x) in [0, 1] (Anderson 1962, "On the distribution of the
 * two-sample Cramer-von Mises criterion", Ann. Math. Statist. 33; D'Agostino
 * & Stephens 1986, "Goodness-of-Fit Techniques", ch. 4, eq. 4.2), computed
 * exactly, segment by segment, with bf_cvm_segment:
 *   exact values (ties allowed): F_n is constant between consecutive
 *       distinct values (0 below the first, 1 above the last).  Without ties
 *       this is the textbook 1/(12n) + sum_i (F(x_(i)) - (2i - 1)/(2n))^2
 *       (D'Agostino & Stephens, eq. 4.2);
 *   bins and cells of rounded values: F_n constant between bins and rising
 *       linearly in F across each bin, as the binned AD.
 * Fills res->cvm from the fit's probabilities at the values or edges.
 */
static void
bf_cvm(const BfFitData *fd, const BfProb *probs, BfFitResult *res)
{
	double		n = fd->n;
	double		cum = 0;
	double		W = 0;
	BfProb		prev = {0.0, 1.0};
	BfProb		one = {1.0, 0.0};

	for (int i = 0; i < fd->nbins; i++)
	{
		double		before = cum / n;
		double		rbefore = (n - cum) / n;
		double		after = (cum + fd->w[i]) / n;
		double		rafter = (n - cum - fd->w[i]) / n;

		if (fd->exact)
		{
			BfProb		p = probs[i];

			W += bf_cvm_segment(bf_prob_diff(prev, p), bf_edf_diff(before, rbefore, prev),
								bf_edf_diff(before, rbefore, p));
			prev = p;
		}
		else
		{
			BfProb		lo = probs[fd->ilo[i]];
			BfProb		hi = probs[fd->ihi[i]];

			/* the gap before the bin (empty when bins touch), then the bin */
			W += bf_cvm_segment(bf_prob_diff(prev, lo), bf_edf_diff(before, rbefore, prev),
								bf_edf_diff(before, rbefore, lo));
			W += bf_cvm_segment(bf_prob_diff(lo, hi), bf_edf_diff(before, rbefore, lo),
								bf_edf_diff(after, rafter, hi));
			prev = hi;
		}
		cum += fd->w[i];
	}
	W += bf_cvm_segment(bf_prob_diff(prev, one), bf_edf_diff(1.0, 0.0, prev),
						bf_edf_diff(1.0, 0.0, one));
	res->cvm = n * W;
}

/* Smallest expected count of a pooled chi-squared cell. */
#define BF_CHISQ_MIN_EXPECTED 5.0

/*
 * Pearson's chi-squared statistic X^2 = sum (O_j - E_j)^2 / E_j (Pearson
 * 1900; D'Agostino & Stephens 1986, ch. 3) and its p-value.
 *
 * Cells: the sketch's values (exact sketches), bins (binned sketches) or
 * cells [x - q/2, x + q/2] (rounded values), in order.  Consecutive cells
 * meet halfway between them (at the shared edge when bins touch; halfway
 * between two exact values), the first reaches down to -infinity and the
 * last up to +infinity, so the expected counts E = n * P(cell) sum to n.
 * Adjacent cells are pooled left to right until each pooled cell expects at
 * least 5 values; a remainder expecting fewer is merged into the last pooled
 * cell.  Degrees of freedom: pooled cells - 1 - res->nfree; the p-value is
 * gsl_cdf_chisq_Q, NaN when df < 1.
 *
 * The p-value is approximate: with the parameters estimated from the
 * ungrouped data (maximum likelihood on the values, not on the pooled
 * cells), the statistic's null distribution lies between chi^2(k - 1 - p)
 * and chi^2(k - 1) (Chernoff & Lehmann 1954, Ann. Math. Statist. 25), so the
 * p-value is too small by up to that difference.  On exact sketches of
 * continuous values the cells are set by the data themselves (each holds
 * about the same number of values and only the expected counts vary), so
 * the chi^2 reference is only a rough guide there; gof_test's bootstrap
 * (gof.c) does not use it.
 * probs: bf_edf_probs's values at the sketch's edges (binned) or values
 * (exact), reused where two bins meet at an edge; mid: its values at the
 * midpoints between an exact sketch's values, or NULL (then computed here).
 * Fills res->chisq and res->chisq_pvalue (left NaN when the host asks to
 * stop).
 */
static void
bf_chisq(const BfFitData *fd, const BfProb *probs, const BfProb *mid, BfFitResult *res)
{
	double		n = fd->n;
	BfProb		prev = {0.0, 1.0};
	bool		upper = false;	/* an earlier boundary had u > 0.5 */
	double		O = 0,
				E = 0,
				lastO = 0,
				lastE = 0,
				stat = 0;
	bool		have_last = false;
	int			k = 0;
	double		df;

	for (int i = 0; i < fd->nbins; i++)
	{
		BfProb		b;

		if ((i & 15) == 0 && bf_should_stop())
			return;				/* cancelled: the caller unwinds */
		if (i == fd->nbins - 1)
		{
			b.u = 1.0;
			b.s = 0.0;
		}
		else
		{
			double		hi = fd->exact ? fd->x[i] : fd->edges[fd->ihi[i]];
			double		lo = fd->exact ? fd->x[i + 1] : fd->edges[fd->ilo[i + 1]];
			double		x = hi == lo ? hi : 0.5 * hi + 0.5 * lo;

			/*
			 * touching bins meet at an edge whose probabilities the EDF
			 * statistics computed (bf_edf_probs); the boundaries rise
			 */
			if (!fd->exact && hi == lo)
			{
				b = probs[fd->ihi[i]];
				upper = upper || b.u > 0.5;
			}
			else if (fd->exact && mid != NULL)
			{
				/* from the EDF probabilities' masses (bf_edf_probs_exact_masses) */
				b = mid[i];
				upper = upper || b.u > 0.5;
			}
			else
				b = bf_prob_at_rising(res->dist, res->params, x, &upper);
		}
		if (isnan(b.u) || isnan(b.s))
		{
			/* a cdf or sf that failed at a cell boundary: no statistic (bf_metrics) */
			res->chisq = res->chisq_pvalue = NAN;
			return;
		}
		O += fd->w[i];
		E += n * Max(0.0, bf_prob_diff(prev, b));
		prev = b;
		if (E >= BF_CHISQ_MIN_EXPECTED)
		{
			if (have_last)
				stat += (lastO - lastE) * (lastO - lastE) / lastE;
			lastO = O;
			lastE = E;
			have_last = true;
			k++;
			O = E = 0;
		}
	}
	if (O > 0 || E > 0)
	{
		/* a remainder expecting fewer than 5 joins the last pooled cell */
		lastO += O;
		lastE += E;
		if (!have_last)
			k = 1;
		have_last = true;
	}
	if (have_last)
		stat += lastE > 0 ? (lastO - lastE) * (lastO - lastE) / lastE :
			(lastO > 0 ? INFINITY : 0.0);
	res->chisq = stat;
	df = k - 1 - res->nfree;
	res->chisq_pvalue = df >= 1 && !isnan(stat) ? gsl_cdf_chisq_Q(stat, df) : NAN;
}

/*
 * Index of the SSE bin of offset v from min, clamped to the bins; NaN (a
 * zero or infinite width: one distinct value, or max - min beyond the
 * double range) counts in the first bin rather than in an undefined cast
 * (found by test/fuzz).
 */
static int
bf_sse_bin(double v, double width)
{
	double		t = v / width;

	if (!(t > 0))
		return 0;
	if (t >= BF_SSE_BINS - 1)
		return BF_SSE_BINS - 1;
	return (int) t;
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
	double		sse = 0;

	for (int i = 0; i < fd->nbins; i++)
	{
		if (fd->exact)
		{
			counts[bf_sse_bin(fd->x[i] - fd->min, width)] += fd->w[i];
		}
		else
		{
			double		lo = fd->edges[fd->ilo[i]],
						hi = fd->edges[fd->ihi[i]];
			int			k0 = bf_sse_bin(lo - fd->min, width);
			int			k1 = bf_sse_bin(hi - fd->min, width);

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
		double		pdf = bf_model_pdf(d, res->params, centre);

		sse += (dens - pdf) * (dens - pdf);
	}
	res->sse = sse;
}

/* Every metric NaN, standard errors NaN, no warnings. */
void
bf_result_clear_metrics(BfFitResult *res)
{
	res->loglik = res->aic = res->aicc = res->delta_aic = res->bic = NAN;
	res->ks = res->ks_pvalue = res->ad = res->cvm = res->chisq = res->chisq_pvalue = res->sse = NAN;
	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->se[i] = NAN;
	res->warnings[0] = '\0';
	res->degenerate = false;
}

/*
 * AIC = 2k - 2 loglik (Akaike 1974), AICc = AIC + 2k(k + 1)/(n - k - 1)
 * (Hurvich & Tsai 1989; Burnham & Anderson 2002, eq. 2.14; NaN when
 * n <= k + 1) and BIC = k ln n - 2 loglik (Schwarz 1978) from res's loglik
 * and nfree, for n values.
 */
void
bf_information_criteria(BfFitResult *res, double n)
{
	double		k = res->nfree;

	res->aic = 2.0 * k - 2.0 * res->loglik;
	res->aicc = n - k - 1 > 0 ? res->aic + 2.0 * k * (k + 1) / (n - k - 1) : NAN;
	res->bic = k * log(n) - 2.0 * res->loglik;
}

/* how many of p[0..n-1] have a NaN probability (a cdf or sf that failed) */
static int
bf_probs_nan(const BfProb *p, int n)
{
	int			k = 0;

	for (int j = 0; j < n; j++)
		k += isnan(p[j].u) || isnan(p[j].s);
	return k;
}

/*
 * Fill the KS, AD, CvM, chi-squared and SSE fields of a successful fit.
 * Where the fit's cdf or sf is NaN at a point the statistics need (a
 * numerical integral that failed), KS, AD, CvM and the chi-squared are NaN
 * with their p-values, not statistics of the other points: before
 * 2026-12-06 a NaN restarted KS's running maximum and dropped terms from
 * AD and CvM (KS 1.6e-13 for gausshyper on 1,000,000 lognormal draws,
 * where the sf at the last edge failed).  The SSE, from the density,
 * stands.
 */
void
bf_metrics(const BfFitData *fd, BfFitResult *res)
{
	res->ks = res->ad = res->ks_pvalue = res->sse = NAN;
	res->cvm = res->chisq = res->chisq_pvalue = NAN;
	{
		BfProb	   *mid,
				   *probs = bf_edf_probs(fd, res, &mid);
		int			np = fd->exact ? fd->nbins : fd->nedges,
					nan;

		if (probs == NULL)
			return;				/* cancelled: the caller unwinds */
		nan = bf_probs_nan(probs, np) + (mid != NULL ? bf_probs_nan(mid, np - 1) : 0);
		if (nan > 0)
			bf_debug(2, "bestfit: %s: the cdf or sf is NaN at %d of the EDF statistics' %d points: "
					 "no KS, AD, CvM, chi-squared", res->dist->name, nan, np);
		else
		{
			if (fd->exact)
				bf_ks_ad_exact(fd, probs, res);
			else
				bf_ks_ad_binned(fd, probs, res);
			bf_cvm(fd, probs, res);
			res->ks_pvalue = bf_kolmogorov_sf(res->ks, fd->n);
			bf_chisq(fd, probs, mid, res);
		}
		bf_free(probs);
		if (mid != NULL)
			bf_free(mid);
	}
	bf_sse(fd, res);
}

/* ------------------------------------------------------------------
 * The registry
 * ------------------------------------------------------------------
 */

const BfMetric bf_metric_registry[] = {
	{"loglik", offsetof(BfFitResult, loglik), true, true,
	 "log-likelihood of the fit (binned sketches: on the density scale, comparable with scipy's on the raw data)"},
	{"aic", offsetof(BfFitResult, aic), true, false,
	 "Akaike information criterion 2k - 2 loglik, k the fitted parameters (Akaike 1974)"},
	{"aicc", offsetof(BfFitResult, aicc), true, false,
	 "AIC with the small-sample correction 2k(k + 1)/(n - k - 1) (Hurvich & Tsai 1989); NULL when n <= k + 1"},
	{"delta_aic", offsetof(BfFitResult, delta_aic), false, false,
	 "AIC minus the smallest AIC among the candidates fitted together (Burnham & Anderson 2002, section 2.6)"},
	{"bic", offsetof(BfFitResult, bic), true, false,
	 "Bayesian information criterion k ln n - 2 loglik (Schwarz 1978)"},
	{"ks_statistic", offsetof(BfFitResult, ks), true, false,
	 "Kolmogorov-Smirnov statistic (binned sketches: at bin edges, a lower bound)"},
	{"ks_pvalue", offsetof(BfFitResult, ks_pvalue), false, false,
	 "Kolmogorov's asymptotic p-value with Stephens' correction; ignores that the parameters were fitted"},
	{"ad_statistic", offsetof(BfFitResult, ad), true, false,
	 "Anderson-Darling statistic (Anderson & Darling 1954; binned sketches: linear within bins)"},
	{"cvm_statistic", offsetof(BfFitResult, cvm), true, false,
	 "Cramer-von Mises statistic W^2 = n integral (F_n - F)^2 dF (Anderson 1962; D'Agostino & Stephens 1986, ch. 4; ties integrated exactly; binned sketches: linear within bins)"},
	{"chisq_statistic", offsetof(BfFitResult, chisq), true, false,
	 "Pearson's chi-squared statistic (Pearson 1900) over the sketch's values, bins or cells pooled left to right to expected counts >= 5"},
	{"chisq_pvalue", offsetof(BfFitResult, chisq_pvalue), false, false,
	 "chi-squared p-value with cells - 1 - fitted parameters degrees of freedom; approximate: with parameters fitted to the ungrouped data the null distribution lies between chi2(k-1-p) and chi2(k-1) (Chernoff & Lehmann 1954)"},
	{"sse", offsetof(BfFitResult, sse), true, false,
	 "sum of squared differences between the 50-bin histogram density and the pdf (spark-bestfit's SSE)"},
};
const int	bf_metric_count = sizeof(bf_metric_registry) / sizeof(bf_metric_registry[0]);

const BfMetric *
bf_metric_find(const char *name)
{
	for (int i = 0; i < bf_metric_count; i++)
		if (strcmp(bf_metric_registry[i].name, name) == 0)
			return &bf_metric_registry[i];
	return NULL;
}

double
bf_metric_value(const BfMetric *m, const BfFitResult *r)
{
	return *(const double *) ((const char *) r + m->offset);
}

const char *
bf_metric_rankable_names(void)
{
	static char buf[256];

	if (buf[0] == '\0')
	{
		/* the order of the documentation: the default first, loglik last */
		static const char *const order[] = {"aic", "aicc", "bic", "ks_statistic", "ad_statistic",
		"cvm_statistic", "chisq_statistic", "sse", "loglik"};

		for (int i = 0; i < (int) (sizeof(order) / sizeof(order[0])); i++)
		{
			const BfMetric *m = bf_metric_find(order[i]);

			if (m != NULL && m->rankable)
			{
				if (buf[0] != '\0')
					strncat(buf, ", ", sizeof(buf) - strlen(buf) - 1);
				strncat(buf, m->name, sizeof(buf) - strlen(buf) - 1);
			}
		}
	}
	return buf;
}

static const BfMetric *bf_sort_by;

/*
 * Two fits of one law under two parametrisations (catalogue/entry.h,
 * same_law; src/fit/twins.c: one is the other's fit mapped, with its
 * log-likelihood, so AIC, AICc and BIC too) with equal values va, vb of a
 * criterion: the ranking and best_fit then put the mapped one first
 * (gamma before chi2, betaprime before f, chi before nakagami, mielke
 * before burr), where other ties go by name, so that they agree.
 */
static bool
same_law_tie(const BfFitResult *a, const BfFitResult *b, double va, double vb)
{
	const char *la = BF_HINT(a->dist, same_law),
			   *lb = BF_HINT(b->dist, same_law);

	return va == vb && ((la != NULL && strcmp(la, b->dist->name) == 0) ||
						 (lb != NULL && strcmp(lb, a->dist->name) == 0));
}

/* The ranking key: smaller is better, NaN last. */
static double
bf_rank_key(const BfFitResult *r)
{
	double		v = bf_metric_value(bf_sort_by, r);

	if (bf_sort_by->higher_is_better)
		v = -v;
	return isnan(v) ? INFINITY : v;
}

static int
bf_result_cmp(const void *a, const void *b)
{
	const BfFitResult *ra = (const BfFitResult *) a;
	const BfFitResult *rb = (const BfFitResult *) b;

	if (ra->ok != rb->ok)
		return ra->ok ? -1 : 1;
	/* fits at a limit or a spike (diagnostics.c) after the models */
	if (ra->ok && ra->degenerate != rb->degenerate)
		return ra->degenerate ? 1 : -1;
	if (ra->ok)
	{
		double		va = bf_rank_key(ra);
		double		vb = bf_rank_key(rb);

		if (same_law_tie(ra, rb, va, vb))
			return BF_HINT(ra->dist, same_law) != NULL ? -1 : 1;
		if (va < vb)
			return -1;
		if (va > vb)
			return 1;
	}
	return strcmp(ra->dist->name, rb->dist->name);
}

void
bf_rank_results(BfFitResult *results, int n, const BfMetric *by)
{
	bf_sort_by = by;
	qsort(results, n, sizeof(BfFitResult), bf_result_cmp);
}

void
bf_set_delta_aic(BfFitResult *results, int n)
{
	double		best = INFINITY;

	for (int i = 0; i < n; i++)
		if (results[i].ok && results[i].aic < best)
			best = results[i].aic;
	for (int i = 0; i < n; i++)
		results[i].delta_aic = results[i].ok ? results[i].aic - best : NAN;
}

/*
 * best_fit's choice (the rule in metrics.h).  Candidates at a limit are
 * left out unless every fit is; among the rest, the smallest AIC
 * defines the set within BF_PARSIMONY_AIC of it, and the fewest fitted
 * parameters wins, ties by AIC, then by name; of two fits of one law under
 * two parametrisations (same_law_tie), the mapped one (gamma over chi2,
 * betaprime over f, chi over nakagami, mielke over burr: src/fit/twins.c).
 */
int
bf_choose_best(const BfFitResult *results, int n)
{
	bool		any_clean = false;
	double		best_aic = INFINITY;
	int			best = -1;

	for (int i = 0; i < n; i++)
		if (results[i].ok && isfinite(results[i].aic) && !results[i].degenerate)
			any_clean = true;
	for (int i = 0; i < n; i++)
		if (results[i].ok && isfinite(results[i].aic) &&
			(!any_clean || !results[i].degenerate) && results[i].aic < best_aic)
			best_aic = results[i].aic;
	for (int i = 0; i < n; i++)
	{
		const BfFitResult *r = &results[i];

		if (!r->ok || !isfinite(r->aic) || (any_clean && r->degenerate) ||
			r->aic > best_aic + BF_PARSIMONY_AIC)
			continue;
		if (best < 0 || r->nfree < results[best].nfree ||
			(r->nfree == results[best].nfree &&
			 (same_law_tie(r, &results[best], r->aic, results[best].aic) ?
			  BF_HINT(r->dist, same_law) != NULL :
			  (r->aic < results[best].aic ||
			   (r->aic == results[best].aic && strcmp(r->dist->name, results[best].dist->name) < 0)))))
			best = i;
	}
	return best;
}

double
bf_race_bar(const BfFitResult *results, int n)
{
	double		best_aic = INFINITY;

	for (int i = 0; i < n; i++)
		if (results[i].ok && isfinite(results[i].aic) && !results[i].degenerate &&
			results[i].aic < best_aic)
			best_aic = results[i].aic;
	return best_aic + BF_PARSIMONY_AIC;
}
