/*
 * fit.c — maximum-likelihood fitting of one catalogue entry to a sketch.
 *
 * Likelihood:
 *   exact sketch   sum_i w_i * log f(x_i)                    (the ordinary MLE)
 *   binned sketch  sum_i w_i * log((F(b_i) - F(a_i)) / (b_i - a_i))
 *                  the multinomial likelihood of the bin counts, from cdf
 *                  differences (sf differences in the upper tail), divided by
 *                  the bin widths so that it is on the same scale as the
 *                  density log-likelihood it approximates; the widths do not
 *                  depend on the parameters, so the maximiser is the binned MLE.
 * Bins are clipped to [min, max], which the sketch knows exactly; min and
 * max themselves enter as exact observations (log f(min) + log f(max), their
 * bins' counts less one), so a fit whose density vanishes or explodes at
 * the extremes is as impossible as on the raw data.  A bin so far in a tail
 * that its cdf difference underflows uses Simpson's rule on the density in
 * log space.
 *
 * Optimiser: GSL's Nelder-Mead simplex (gsl_multimin_fminimizer_nmsimplex2)
 * over unconstrained parameters: loc = loc0 + t * s, scale = scale0 * exp(t),
 * shapes mapped from their domains (exp for half-lines, logistic for
 * intervals).  A point whose support does not contain [min, max] or whose
 * likelihood is not finite is infeasible and gets a large penalty, so the
 * best vertex, which the simplex never makes worse, stays feasible.  It runs
 * first on coarsened copies of the sketch (cheap, global moves; coarsening
 * keeps the binned likelihood consistent, it only loses a little
 * efficiency), then polishes on the full sketch: to tight convergence on
 * exact sketches, which get the exact MLE, and to a tolerance of 1e-6 in the
 * transformed parameters on binned ones.
 */
#include "postgres.h"

#include <math.h>

#include <gsl/gsl_integration.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "miscadmin.h"

#include "fit.h"

#define BF_PENALTY 1e100
#define BF_STALL_WINDOW 50
#define BF_MIN_LOG_GAP (-27.6)		/* log(1e-12): the search's gap floor */
#define BF_MAX_STARTS 4			/* grid starts fitted in the first stage */
#define BF_ALT_EVALS 300		/* budget of each runner-up start */

/* ------------------------------------------------------------------
 * Data preparation
 * ------------------------------------------------------------------
 */

/* Representative value of bin i: the value itself, or the clipped midpoint. */
static double
bf_bin_point(const BfHistogram *h, int i)
{
	double		lo,
				hi;

	bf_bin_edges(h, i, &lo, &hi);
	if (h->level == 0)
		return lo;
	lo = Max(lo, h->min);
	hi = Min(hi, h->max);
	return 0.5 * (lo + hi);
}

/* Empirical quantile p of the sketch (linear within bins). */
static double
bf_hist_quantile(const BfHistogram *h, double n, double p)
{
	const int64 *counts = BF_HIST_COUNTS(h);
	double		target = p * n;
	double		cum = 0;

	for (int i = 0; i < h->nbins; i++)
	{
		double		next = cum + (double) counts[i];

		if (next >= target)
		{
			double		lo,
						hi;

			if (h->level == 0)
				return bf_bin_point(h, i);
			bf_bin_edges(h, i, &lo, &hi);
			lo = Max(lo, h->min);
			hi = Min(hi, h->max);
			return lo + (hi - lo) * (target - cum) / (double) counts[i];
		}
		cum = next;
	}
	return h->max;
}

/*
 * Summary statistics of the finite values of a sketch, for start values and
 * fit_histogram_summary().  Exact for exact sketches; for binned sketches
 * each bin counts at its clipped midpoint.  Computed in a fixed order (two
 * passes, long double), so the result depends on the sketch alone.
 */
void
bf_summarize(const BfHistogram *h, BfDataSummary *s)
{
	const int64 *counts = BF_HIST_COUNTS(h);
	long double n = 0,
				sum = 0,
				m2 = 0,
				m3 = 0,
				m4 = 0,
				lsum = 0,
				lm2 = 0;
	long double mean,
				lmean = 0;
	bool		pos = h->nbins > 0 && h->min > 0;

	for (int i = 0; i < h->nbins; i++)
	{
		n += counts[i];
		sum += (long double) counts[i] * bf_bin_point(h, i);
		if (pos)
			lsum += (long double) counts[i] * log(bf_bin_point(h, i));
	}
	s->n = (double) n;
	if (n == 0)
	{
		s->mean = s->sd = s->skew = s->kurt = NAN;
		s->min = s->max = NAN;
		s->q05 = s->q25 = s->median = s->q75 = s->q95 = NAN;
		s->logmean = s->logsd = NAN;
		return;
	}
	mean = sum / n;
	if (pos)
		lmean = lsum / n;
	for (int i = 0; i < h->nbins; i++)
	{
		long double d = bf_bin_point(h, i) - mean;
		long double d2 = d * d;

		m2 += counts[i] * d2;
		m3 += counts[i] * d2 * d;
		m4 += counts[i] * d2 * d2;
		if (pos)
		{
			long double ld = log(bf_bin_point(h, i)) - lmean;

			lm2 += counts[i] * ld * ld;
		}
	}
	s->mean = (double) mean;
	s->min = h->min;
	s->max = h->max;
	s->sd = n > 1 ? (double) sqrtl(m2 / (n - 1)) : 0.0;
	if (m2 > 0)
	{
		long double v = m2 / n;

		s->skew = (double) ((m3 / n) / powl(v, 1.5L));
		s->kurt = (double) ((m4 / n) / (v * v) - 3.0L);
	}
	else
		s->skew = s->kurt = NAN;
	s->logmean = pos ? (double) lmean : NAN;
	s->logsd = pos ? (n > 1 ? (double) sqrtl(lm2 / (n - 1)) : 0.0) : NAN;
	s->q05 = bf_hist_quantile(h, (double) n, 0.05);
	s->q25 = bf_hist_quantile(h, (double) n, 0.25);
	s->median = bf_hist_quantile(h, (double) n, 0.5);
	s->q75 = bf_hist_quantile(h, (double) n, 0.75);
	s->q95 = bf_hist_quantile(h, (double) n, 0.95);
}

/*
 * Prepare a (validated) sketch for fitting; arrays are palloc'd in the
 * current memory context.
 */
void
bf_fitdata_init(BfFitData *fd, const BfHistogram *h)
{
	const int64 *counts = BF_HIST_COUNTS(h);
	int			nb = h->nbins;

	memset(fd, 0, sizeof(*fd));
	fd->exact = h->level == 0;
	fd->nbins = nb;
	fd->min = h->min;
	fd->max = h->max;
	fd->w = palloc(sizeof(double) * Max(nb, 1));
	for (int i = 0; i < nb; i++)
	{
		fd->w[i] = (double) counts[i];
		fd->n += fd->w[i];
	}
	if (fd->exact)
	{
		fd->x = palloc(sizeof(double) * Max(nb, 1));
		for (int i = 0; i < nb; i++)
			fd->x[i] = bf_bin_point(h, i);
	}
	else
	{
		fd->edges = palloc(sizeof(double) * (2 * nb + 1));
		fd->ilo = palloc(sizeof(int) * nb);
		fd->ihi = palloc(sizeof(int) * nb);
		for (int i = 0; i < nb; i++)
		{
			double		lo,
						hi,
						clo,
						chi;

			bf_bin_edges(h, i, &lo, &hi);
			clo = Max(lo, h->min);
			chi = Min(hi, h->max);
			/* a bin holding only its lower edge keeps its own width */
			if (chi > clo)
			{
				lo = clo;
				hi = chi;
			}
			if (fd->nedges == 0 || fd->edges[fd->nedges - 1] != lo)
				fd->edges[fd->nedges++] = lo;
			fd->ilo[i] = fd->nedges - 1;
			fd->edges[fd->nedges++] = hi;
			fd->ihi[i] = fd->nedges - 1;
		}
		/* min and max are known exactly: they enter as exact observations */
		fd->wl = palloc(sizeof(double) * nb);
		memcpy(fd->wl, fd->w, sizeof(double) * nb);
		fd->wl[0] -= 1;
		fd->wl[nb - 1] -= 1;
		for (int i = 0; i < nb; i++)
			if (fd->wl[i] > 0)
				fd->sum_wlogwidth += fd->wl[i] * log(fd->edges[fd->ihi[i]] - fd->edges[fd->ilo[i]]);
		fd->cdfs = palloc(sizeof(double) * fd->nedges);
		fd->sfs = palloc(sizeof(double) * fd->nedges);
	}
	bf_summarize(h, &fd->summary);
}

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
	double		loc = params[d->nshapes];
	double		scale = params[d->nshapes + 1];

	if (!(scale > 0) || !isfinite(scale) || !isfinite(loc))
		return false;
	d->support(params, &zlo, &zhi);
	return (min - loc) / scale >= zlo && (max - loc) / scale <= zhi;
}

/*
 * log P(lo < X < hi) for a bin so far in a tail that the cdf difference
 * underflows: Simpson's rule on the density, in log space.  The density
 * there is smooth on the bin's scale, and this only replaces what would
 * otherwise be -infinity.
 */
static double
bf_log_bin_prob_tail(const BfDist *d, const double *params, double lo, double hi)
{
	double		loc = params[d->nshapes];
	double		scale = params[d->nshapes + 1];
	double		l0 = d->logpdf((lo - loc) / scale, params);
	double		l1 = d->logpdf((0.5 * (lo + hi) - loc) / scale, params) + log(4.0);
	double		l2 = d->logpdf((hi - loc) / scale, params);
	double		m = Max(l0, Max(l1, l2));

	if (!isfinite(m))
		return -INFINITY;
	return m + log(exp(l0 - m) + exp(l1 - m) + exp(l2 - m)) + log((hi - lo) / (6 * scale));
}

/*
 * cdfs and sfs at the standardised edges z_j of a binned sketch for an
 * entry with bin_quadrature: the two outer tails from the cdf and sf, every
 * edge-to-edge mass as the integral of the pdf over [z_j, z_j+1] clipped to
 * the support, by 8-point Gauss-Legendre (GSL's fixed table), accumulated
 * from the left for F and from the right for S.  The rule is exact for
 * polynomials of degree 15; the sketch's bins are narrow on the scale of
 * any density that fits the data, so the masses agree with cdf differences
 * to many digits at 1/nedges of the cost for these entries.
 */
static void
bf_edge_probs_quadrature(const BfFitData *fd, const BfDist *d, const double *params)
{
	static gsl_integration_glfixed_table *gl = NULL;
	double		loc = params[d->nshapes];
	double		scale = params[d->nshapes + 1];
	double	   *F = fd->cdfs;
	double	   *S = fd->sfs;
	int			last = fd->nedges - 1;
	double		zlo,
				zhi;

	if (gl == NULL)
	{
		gl = gsl_integration_glfixed_table_alloc(8);
		if (gl == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("GSL could not allocate a Gauss-Legendre table.")));
	}
	d->support(params, &zlo, &zhi);
	F[0] = d->cdf((fd->edges[0] - loc) / scale, params);
	S[last] = d->sf((fd->edges[last] - loc) / scale, params);
	for (int j = 0; j < last; j++)
	{
		double		a = Max(zlo, (fd->edges[j] - loc) / scale),
					b = Min(zhi, (fd->edges[j + 1] - loc) / scale),
					m = 0;

		/*
		 * a bin that holds an end of the support, where the pdf may diverge
		 * (beta-like ends), takes the cdf or sf at its inner edge instead
		 */
		bool		end_bin = b > a && ((a == zlo && isfinite(zlo)) ||
										(b == zhi && isfinite(zhi)));

		if (end_bin)
			m = (a == zlo) ? d->cdf(b, params) : d->sf(a, params);
		for (int q = 0; q < 8 && b > a && !end_bin; q++)
		{
			double		xq,
						wq;

			gsl_integration_glfixed_point(a, b, q, &xq, &wq, gl);
			m += wq * exp(d->logpdf(xq, params));
		}
		S[j] = m;				/* the mass of [z_j, z_j+1], for now */
	}
	for (int j = 0; j < last; j++)
		F[j + 1] = F[j] + S[j];
	for (int j = last - 1; j >= 0; j--)
		S[j] += S[j + 1];
}

/*
 * Log-likelihood of params on the prepared data (see the file header);
 * -INFINITY when the support misses data or a term is not finite.
 */
double
bf_loglik(const BfFitData *fd, const BfDist *d, const double *params)
{
	double		loc = params[d->nshapes];
	double		scale = params[d->nshapes + 1];
	double		inv = 1.0 / scale;
	double		ll = 0;

	if (!bf_support_covers(d, params, fd->min, fd->max))
		return -INFINITY;
	/*
	 * Values are standardised by division, exactly as pdf() does, so that a
	 * fit accepted here has the same density at every value for the user.
	 */
	if (fd->exact)
	{
		for (int i = 0; i < fd->nbins; i++)
		{
			double		lp = d->logpdf((fd->x[i] - loc) / scale, params);

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

		if (d->bin_quadrature)
			bf_edge_probs_quadrature(fd, d, params);
		else
			for (int j = 0; j < fd->nedges; j++)
			{
				double		z = (fd->edges[j] - loc) * inv;

				F[j] = d->cdf(z, params);
				/* 1 - F keeps 14 digits of S while S > 0.01; beyond, ask sf */
				S[j] = F[j] > 0.99 ? d->sf(z, params) : 1.0 - F[j];
			}
		for (int i = 0; i < fd->nbins; i++)
		{
			int			a = fd->ilo[i],
						b = fd->ihi[i];
			double		p;

			if (fd->wl[i] <= 0)
				continue;
			p = F[a] > 0.5 ? S[a] - S[b] : F[b] - F[a];
			if (p > 1e-280)
				ll += fd->wl[i] * log(p);
			else
				ll += fd->wl[i] * bf_log_bin_prob_tail(d, params, fd->edges[a], fd->edges[b]);
		}
		ll += d->logpdf((fd->min - loc) / scale, params) +
			d->logpdf((fd->max - loc) / scale, params) - 2 * log(scale);
		ll -= fd->sum_wlogwidth;
	}
	return isfinite(ll) ? ll : -INFINITY;
}

/* ------------------------------------------------------------------
 * Parameter transforms
 * ------------------------------------------------------------------
 */

/*
 * How free loc and scale are parametrised.  For families whose support has
 * a finite lower end (whatever the shapes), loc = min - zlo * scale - gap
 * with gap = locunit * exp(t): the optimum often lies just below the
 * smallest value, and along ridges towards a limiting family (pareto to
 * expon as b grows) loc moves with the scale, which this keeps a straight
 * line.  The mirror image serves finite upper ends.  For two-sided supports
 * both ends are parametrised by their log gaps to [min, max] (beta tending
 * to a gamma as one end runs off).  Everything else moves loc linearly and
 * scale by its log.
 */
typedef enum BfLocMode
{
	BF_LOC_LINEAR,
	BF_LOC_BELOW_MIN,
	BF_LOC_ABOVE_MAX,
	BF_LOC_BETWEEN
} BfLocMode;

typedef enum BfTie
{
	BF_TIE_NONE,
	BF_TIE_LOWER,				/* support's lower end held at min */
	BF_TIE_UPPER				/* support's upper end held at max */
} BfTie;

typedef struct BfProblem
{
	const BfFitData *fd;
	const BfDist *d;
	double		base[BF_MAX_PARAMS];	/* fixed values and start values */
	bool		fixed[BF_MAX_PARAMS];
	int			freeidx[BF_MAX_PARAMS];
	int			nfree;
	BfLocMode	locmode;
	BfTie		tie;			/* loc (marked fixed) follows the scale */
	double		locunit;		/* loc step (linear) or gap unit */
	/*
	 * log of the smallest gap (in locunits) between a support's end and the
	 * data: BF_MIN_LOG_GAP during the search, then 4 ulps of the data's
	 * magnitude (min_log_gap_fine) in bf_refine_gaps.
	 */
	double		min_log_gap;
	double		min_log_gap_fine;
	int			evaluations;
	/*
	 * bf_minimize's later rounds run only when the first gained at least
	 * this much log-likelihood (0: stall decides): the later stages travel
	 * on when the coarser copy left them far from their optimum.
	 */
	double		round_gain;
} BfProblem;

/* Transform of one shape parameter from its domain to the real line. */
static double
bf_shape_from_theta(const BfDomain *dom, double v)
{
	if (isfinite(dom->lo) && isfinite(dom->hi))
		return dom->lo + (dom->hi - dom->lo) / (1.0 + exp(-v));
	if (isfinite(dom->lo))
		return dom->lo + exp(v);
	if (isfinite(dom->hi))
		return dom->hi - exp(v);
	return v;
}

static double
bf_shape_to_theta(const BfDomain *dom, double p)
{
	if (isfinite(dom->lo) && isfinite(dom->hi))
	{
		double		u = (p - dom->lo) / (dom->hi - dom->lo);

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
 * A gap from its transformed value.  Below min_log_gap (1e-12 locunits
 * while searching) the gap is held at that floor: flat, so the simplex
 * settles instead of running off to minus infinity (bf_snap_to_data tries
 * the gap 0 itself, bf_refine_gaps smaller ones).
 */
static double
bf_gap_from_theta(const BfProblem *pb, double v)
{
	return pb->locunit * exp(Max(v, pb->min_log_gap));
}

static double
bf_gap_to_theta(const BfProblem *pb, double gap)
{
	return log(Max(gap, exp(pb->min_log_gap) * pb->locunit) / pb->locunit);
}

static bool bf_place_end(const BfProblem *pb, double *params, double zend, double x);

static void
bf_theta_to_params(const BfProblem *pb, const gsl_vector *t, double *params)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes,
				is = d->nshapes + 1;
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
		else
			params[i] = bf_shape_from_theta(&d->shape_domain[i], v);
	}
	d->support(params, &zlo, &zhi);
	if (pb->locmode == BF_LOC_BETWEEN && pb->tie == BF_TIE_NONE &&
		!pb->fixed[il] && !pb->fixed[is])
	{
		double		lower = pb->fd->min - bf_gap_from_theta(pb, tloc);
		double		upper = pb->fd->max + bf_gap_from_theta(pb, tscale);

		params[is] = (upper - lower) / (zhi - zlo);
		params[il] = lower - zlo * params[is];
		return;
	}
	if (!pb->fixed[is])
		params[is] = pb->base[is] * exp(tscale);
	if (pb->tie == BF_TIE_LOWER)
		bf_place_end(pb, params, zlo, pb->fd->min);
	else if (pb->tie == BF_TIE_UPPER)
		bf_place_end(pb, params, zhi, pb->fd->max);
	else if (pb->fixed[il])
		return;
	else if (pb->locmode == BF_LOC_LINEAR)
		params[il] = pb->base[il] + tloc * pb->locunit;
	else if (pb->locmode == BF_LOC_BELOW_MIN)
		params[il] = pb->fd->min - zlo * params[is] - bf_gap_from_theta(pb, tloc);
	else
		params[il] = pb->fd->max - zhi * params[is] + bf_gap_from_theta(pb, tloc);
}

/* Inverse transform of params into t (params inside their domains). */
static void
bf_params_to_theta(const BfProblem *pb, const double *params, gsl_vector *t)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes,
				is = d->nshapes + 1;
	double		zlo,
				zhi;
	bool		between = pb->locmode == BF_LOC_BETWEEN && pb->tie == BF_TIE_NONE &&
		!pb->fixed[il] && !pb->fixed[is];

	d->support(params, &zlo, &zhi);
	for (int k = 0; k < pb->nfree; k++)
	{
		int			i = pb->freeidx[k];
		double		v;

		if (i == il && between)
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
		else
			v = bf_shape_to_theta(&d->shape_domain[i], params[i]);
		gsl_vector_set(t, k, v);
	}
}

/*
 * Choose how to move loc: a gap mode when the family's support has a finite
 * lower (upper) end and an infinite upper (lower) one at every probed shape,
 * the two-gap mode when both ends are always finite and scale is free.
 */
static BfLocMode
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
				const BfDomain *dom = &d->shape_domain[i];

				shape[i] = probes[k];
				if (shape[i] < dom->lo || shape[i] > dom->hi ||
					(!dom->lo_closed && shape[i] == dom->lo) ||
					(!dom->hi_closed && shape[i] == dom->hi))
					ok = false;
			}
			if (!ok)
				continue;
		}
		d->support(shape, &zlo, &zhi);
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

static double
bf_objective(const gsl_vector *t, void *arg)
{
	BfProblem  *pb = (BfProblem *) arg;
	double		params[BF_MAX_PARAMS];
	double		ll;

	pb->evaluations++;
	bf_theta_to_params(pb, t, params);
	ll = bf_loglik(pb->fd, pb->d, params);
	if (!isfinite(ll))
		return BF_PENALTY;
	return -ll / pb->fd->n;
}

/* gsl_vector_free that accepts NULL (an allocation that failed). */
static void
bf_vector_free(gsl_vector *v)
{
	if (v)
		gsl_vector_free(v);
}

static void
bf_simplex_free(gsl_multimin_fminimizer *s, gsl_vector *x, gsl_vector *ss)
{
	if (s)
		gsl_multimin_fminimizer_free(s);
	bf_vector_free(x);
	bf_vector_free(ss);
}

/*
 * Nelder-Mead from params (updated in place to the best point found).
 * Stops after maxiter iterations, when the simplex is smaller than tol, or
 * when BF_STALL_WINDOW iterations gained less than stall in log-likelihood.
 * Returns the best objective value.  Checks for interrupts every iteration;
 * the GSL workspace is freed on error too.
 */
static double
bf_simplex(BfProblem *pb, double *params, double step, int maxiter, double tol,
		   double stall)
{
	const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
	gsl_multimin_fminimizer *volatile s = NULL;
	gsl_vector *volatile x = NULL;
	gsl_vector *volatile ss = NULL;
	gsl_multimin_function f;
	volatile double best = BF_PENALTY;

	f.n = pb->nfree;
	f.f = bf_objective;
	f.params = pb;

	PG_TRY();
	{
		x = gsl_vector_alloc(pb->nfree);
		ss = gsl_vector_alloc(pb->nfree);
		s = gsl_multimin_fminimizer_alloc(T, pb->nfree);
		if (x == NULL || ss == NULL || s == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory in the GSL minimiser")));
		bf_params_to_theta(pb, params, x);
		gsl_vector_set_all(ss, step);
		if (gsl_multimin_fminimizer_set(s, &f, x, ss) == GSL_SUCCESS)
		{
			/* s->fval is only set by an iteration: nothing to read before */
			double		checkpoint = INFINITY;
			bool		iterated = false;

			for (int iter = 1; iter <= maxiter; iter++)
			{
				CHECK_FOR_INTERRUPTS();
				if (gsl_multimin_fminimizer_iterate(s) != GSL_SUCCESS)
					break;
				iterated = true;
				if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tol) == GSL_SUCCESS)
					break;
				/* stalled: a ridge towards a limiting family, nothing to gain */
				if (iter % BF_STALL_WINDOW == 0)
				{
					if ((checkpoint - s->fval) * pb->fd->n < stall)
						break;
					checkpoint = s->fval;
				}
			}
			if (iterated && s->fval < BF_PENALTY)
			{
				best = s->fval;
				bf_theta_to_params(pb, s->x, params);
			}
		}
	}
	PG_CATCH();
	{
		bf_simplex_free(s, x, ss);
		PG_RE_THROW();
	}
	PG_END_TRY();
	bf_simplex_free(s, x, ss);
	return best;
}

/*
 * Pattern move (Hooke and Jeeves, 1961): from the point a round started at
 * to the one it ended at is a direction of progress; try doubling strides
 * along it while the objective improves.  Updates params and *f and returns
 * true when a stride improved.  Along ridges towards a limiting family
 * (gamma tending to normal) this covers in a few evaluations what the
 * simplex crawls through in hundreds.
 */
static bool
bf_pattern_move(BfProblem *pb, const double *from, double *params, double *f)
{
	gsl_vector *t0 = gsl_vector_alloc(pb->nfree);
	gsl_vector *t1 = gsl_vector_alloc(pb->nfree);
	gsl_vector *t = gsl_vector_alloc(pb->nfree);
	double		best = *f;
	double		bestk = 0;

	if (t0 == NULL || t1 == NULL || t == NULL)
	{
		bf_vector_free(t0);
		bf_vector_free(t1);
		bf_vector_free(t);
		return false;
	}
	bf_params_to_theta(pb, from, t0);
	bf_params_to_theta(pb, params, t1);
	for (double k = 1; k <= 64; k *= 2)
	{
		double		v;

		for (int i = 0; i < pb->nfree; i++)
			gsl_vector_set(t, i, gsl_vector_get(t1, i) +
						   k * (gsl_vector_get(t1, i) - gsl_vector_get(t0, i)));
		v = bf_objective(t, pb);
		if (!(v < best))
			break;
		best = v;
		bestk = k;
	}
	if (bestk > 0)
	{
		for (int i = 0; i < pb->nfree; i++)
			gsl_vector_set(t, i, gsl_vector_get(t1, i) +
						   bestk * (gsl_vector_get(t1, i) - gsl_vector_get(t0, i)));
		bf_theta_to_params(pb, t, params);
		*f = best;
	}
	gsl_vector_free(t0);
	gsl_vector_free(t1);
	gsl_vector_free(t);
	return bestk > 0;
}

/*
 * Nelder-Mead with restarts: each round starts a fresh simplex at the best
 * point so far, a quarter the size of the previous round's (a collapsed simplex crawls along ridges; a
 * fresh one strides).  Stops when a round gains less than stall in
 * log-likelihood, after max_rounds rounds or after max_evals evaluations.
 */
static void
bf_minimize(BfProblem *pb, double *params, double step, double tol,
			double stall, int max_evals, int max_rounds)
{
	int			start = pb->evaluations;
	double		prev = BF_PENALTY;
	double		first_gain = stall;
	double		before[BF_MAX_PARAMS];

	if (pb->round_gain > 0)
	{
		double		ll = bf_loglik(pb->fd, pb->d, params);

		if (isfinite(ll))
		{
			prev = -ll / pb->fd->n;
			first_gain = pb->round_gain;
		}
	}

	for (int round = 0; round < max_rounds && pb->evaluations - start < max_evals; round++)
	{
		int			left = max_evals - (pb->evaluations - start);
		double		f;

		memcpy(before, params, sizeof(before));
		f = bf_simplex(pb, params, step, Max(left / 2, 10), tol, stall);
		elog(DEBUG3, "bestfit: round: %d evaluations, gain %g, step %g",
			 pb->evaluations - start, (prev - f) * pb->fd->n, step);
		if ((prev - f) * pb->fd->n < (round == 0 ? first_gain : stall))
			break;
		/* on a ridge, stride along the direction the last round moved */
		if (round > 0 && bf_pattern_move(pb, before, params, &f))
			prev = f;
		else
		{
			prev = f;
			/* later rounds check the neighbourhood of the optimum found */
			step = Max(0.25 * step, 10 * tol);
		}
	}
}

/*
 * The broad first stage: minimise from the start params, then from the nalt
 * runner-up grid starts in alt (fixed values imposed here) with a short
 * budget each; a runner-up that ends higher than the main search takes
 * over and is finished with the full budget.  A likelihood with several
 * modes (mielke and burr: a soft lower end against a far loc with a huge
 * shape) traps a single start.  Entries with a coarse budget (a costly
 * density) search from their best start only; on a coarse copy (coarse
 * true) with that budget, a looser tolerance and two rounds.
 */
static void
bf_minimize_starts(BfProblem *pb, double *params, double (*alt)[BF_MAX_PARAMS],
				   int nalt, bool coarse, double tol, int max_evals, int max_rounds)
{
	int			np = bf_nparams(pb->d);
	double		best;
	int			from = -1;

	if (pb->d->coarse_evals > 0)
	{
		if (coarse)
			bf_minimize(pb, params, 0.5, 1e-4, 1e-2, pb->d->coarse_evals, 2);
		else
			bf_minimize(pb, params, 0.5, tol, 1e-2, max_evals, max_rounds);
		return;
	}
	bf_minimize(pb, params, 0.5, tol, 1e-2, max_evals, max_rounds);
	best = bf_loglik(pb->fd, pb->d, params);
	for (int a = 0; a < nalt; a++)
	{
		double		trial[BF_MAX_PARAMS];
		double		ll;

		CHECK_FOR_INTERRUPTS();
		memcpy(trial, alt[a], sizeof(trial));
		for (int i = 0; i < np; i++)
			if (pb->fixed[i])
				trial[i] = pb->base[i];
		if (!isfinite(bf_loglik(pb->fd, pb->d, trial)))
			continue;
		bf_minimize(pb, trial, 0.5, Max(tol, 1e-4), 1e-2, BF_ALT_EVALS, 2);
		ll = bf_loglik(pb->fd, pb->d, trial);
		if (ll > best || !isfinite(best))
		{
			best = ll;
			from = a;
			memcpy(params, trial, sizeof(trial));
		}
	}
	if (from >= 0)
		bf_minimize(pb, params, 0.1, tol, 1e-2, max_evals, max_rounds);
}

/* ------------------------------------------------------------------
 * Fitting one candidate
 * ------------------------------------------------------------------
 */

static bool
bf_shape_in_domain(const BfDomain *dom, double v)
{
	if (!isfinite(v))
		return false;
	if (dom->lo_closed ? v < dom->lo : v <= dom->lo)
		return false;
	if (dom->hi_closed ? v > dom->hi : v >= dom->hi)
		return false;
	return true;
}

/*
 * Move a free loc (and scale) so that the support covers [min, max] with a
 * margin, keeping the shapes.  Used when the start values are infeasible.
 */
static void
bf_repair_start(const BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	const BfFitData *fd = pb->fd;
	int			il = d->nshapes,
				is = d->nshapes + 1;
	double		zlo,
				zhi;
	double		range = fd->max - fd->min;
	double		margin = 1e-3 * range + 1e-9 * Max(fabs(fd->min), fabs(fd->max)) + 1e-300;

	d->support(params, &zlo, &zhi);
	if (!pb->fixed[is] && isfinite(zlo) && isfinite(zhi) && !pb->fixed[il])
		params[is] = (range + 2 * margin) / (zhi - zlo);
	if (!pb->fixed[il])
	{
		if (isfinite(zlo))
			params[il] = fd->min - margin - zlo * params[is];
		else if (isfinite(zhi))
			params[il] = fd->max + margin - zhi * params[is];
	}
	else if (!pb->fixed[is])
	{
		/* loc fixed: stretch the scale if that helps */
		double		loc = params[il];

		if (isfinite(zhi) && zhi > 0 && fd->max > loc)
			params[is] = Max(params[is], (fd->max - loc) / zhi * (1 + 1e-6));
		if (isfinite(zlo) && zlo < 0 && fd->min < loc)
			params[is] = Max(params[is], (fd->min - loc) / zlo * (1 + 1e-6));
	}
}

/* Set loc so that support end zend (finite) sits exactly at x. */
static bool
bf_place_end(const BfProblem *pb, double *params, double zend, double x)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes;

	params[il] = x - zend * params[il + 1];
	/* rounding may leave x a hair outside: step loc towards inside */
	for (int k = 0; k < 4 && !bf_support_covers(d, params, pb->fd->min, pb->fd->max); k++)
		params[il] = nextafter(params[il], zend <= 0 ? -INFINITY : INFINITY);
	return bf_support_covers(d, params, pb->fd->min, pb->fd->max);
}

/*
 * Many maximum-likelihood estimates sit on the boundary where a support end
 * meets the smallest or largest value (expon, uniform, pareto: loc = min);
 * the simplex only creeps towards such a boundary.  Try placing each finite
 * support end exactly at the data's end (both ends for two-sided supports),
 * optimise the remaining free parameters there, and keep the result if its
 * likelihood is higher.
 */
static void
bf_snap_to_data(BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes,
				is = d->nshapes + 1;
	double		zlo,
				zhi;
	double		best = bf_loglik(pb->fd, d, params);

	if (pb->fixed[il])
		return;
	d->support(params, &zlo, &zhi);
	for (int variant = 0; variant < 3; variant++)
	{
		double		trial[BF_MAX_PARAMS];
		BfProblem	sub = *pb;
		double		ll;

		memcpy(trial, params, sizeof(trial));
		if (variant == 0 && isfinite(zlo))
		{
			if (!bf_place_end(pb, trial, zlo, pb->fd->min))
				continue;
		}
		else if (variant == 1 && isfinite(zhi))
		{
			if (!bf_place_end(pb, trial, zhi, pb->fd->max))
				continue;
		}
		else if (variant == 2 && isfinite(zlo) && isfinite(zhi) && !pb->fixed[is])
		{
			trial[is] = (pb->fd->max - pb->fd->min) / (zhi - zlo);
			if (!bf_place_end(pb, trial, zlo, pb->fd->min))
				continue;
			sub.fixed[is] = true;
		}
		else
			continue;
		/*
		 * Only worth optimising when the placed point starts close: the
		 * simplex already brought loc near a boundary optimum.
		 */
		if (!(bf_loglik(pb->fd, d, trial) > best - 1.0))
			continue;
		/*
		 * Optimise the others with the placed parameters held; in a gap mode
		 * the anchored end stays at the data while the scale moves.
		 */
		sub.fixed[il] = true;
		if (variant == 0 && pb->locmode != BF_LOC_LINEAR)
			sub.tie = BF_TIE_LOWER;
		else if (variant == 1 && pb->locmode != BF_LOC_LINEAR)
			sub.tie = BF_TIE_UPPER;
		sub.nfree = 0;
		for (int i = 0; i < bf_nparams(d); i++)
			if (!sub.fixed[i])
				sub.freeidx[sub.nfree++] = i;
		memcpy(sub.base, trial, sizeof(sub.base));
		if (sub.nfree > 0)
			bf_minimize(&sub, trial, 0.02, pb->fd->exact ? 1e-9 : 1e-5, pb->fd->exact ? 1e-7 : 1e-3,
						pb->fd->exact ? 400 : 60, pb->fd->exact ? 3 : 1);
		pb->evaluations = sub.evaluations;
		ll = bf_loglik(pb->fd, d, trial);
		if (ll > best)
		{
			best = ll;
			memcpy(params, trial, sizeof(double) * bf_nparams(d));
		}
	}
}

/*
 * Last step for support ends held by a gap to the data (loc modes other
 * than linear).  The search stops gaps at 1e-12 locunits, but a density
 * that diverges at an end (arcsine, beta with a < 1) has an unbounded
 * likelihood there, and scipy's fit brings such an end within a few ulps
 * of the data: move each gap down by factors of 10, to 4 ulps of the
 * data's magnitude, while the likelihood grows.  Ends where the density
 * vanishes or is finite (triang with c near 1) stop at once.  Measured on
 * 1,000,000 arcsine values: 4.5 log-likelihood units.
 */
static void
bf_refine_gaps(BfProblem *pb, double *params)
{
	const BfDist *d = pb->d;
	int			il = d->nshapes,
				is = d->nshapes + 1;
	gsl_vector *t;
	double		best;

	if (pb->locmode == BF_LOC_LINEAR || pb->tie != BF_TIE_NONE ||
		pb->fixed[il] || pb->nfree == 0 || !(pb->min_log_gap_fine < pb->min_log_gap))
		return;
	t = gsl_vector_alloc(pb->nfree);
	if (t == NULL)
		return;
	pb->min_log_gap = pb->min_log_gap_fine;
	bf_params_to_theta(pb, params, t);
	best = bf_loglik(pb->fd, d, params);
	for (int k = 0; k < pb->nfree && isfinite(best); k++)
	{
		int			i = pb->freeidx[k];

		if (!(i == il || (i == is && pb->locmode == BF_LOC_BETWEEN)))
			continue;
		for (;;)
		{
			double		v = gsl_vector_get(t, k),
						nv = Max(v - M_LN10, pb->min_log_gap),
						trial[BF_MAX_PARAMS],
						ll;

			if (!(nv < v))
				break;
			gsl_vector_set(t, k, nv);
			bf_theta_to_params(pb, t, trial);
			pb->evaluations++;
			ll = bf_loglik(pb->fd, d, trial);
			if (!(ll > best))
			{
				gsl_vector_set(t, k, v);
				break;
			}
			best = ll;
			memcpy(params, trial, sizeof(double) * bf_nparams(d));
		}
	}
	pb->min_log_gap = BF_MIN_LOG_GAP;
	gsl_vector_free(t);
}

/* One point of an entry's start grid, with its coarse log-likelihood. */
typedef struct BfGridStart
{
	double		params[BF_MAX_PARAMS];
	int			idx[BF_MAX_SHAPES];	/* grid index per shape (0 if not gridded) */
	double		ll;
} BfGridStart;

/* qsort comparator: higher log-likelihood first, then grid order. */
static int
bf_grid_start_cmp(const void *a, const void *b)
{
	const BfGridStart *ga = a,
			   *gb = b;

	if (ga->ll > gb->ll)
		return -1;
	if (ga->ll < gb->ll)
		return 1;
	for (int i = 0; i < BF_MAX_SHAPES; i++)
		if (ga->idx[i] != gb->idx[i])
			return ga->idx[i] - gb->idx[i];
	return 0;
}

/*
 * Start values of entry d: its start function's (when it has one), else
 * the middle of each shape's domain with loc and scale matched to the
 * data's quantiles; then, when the entry has a start grid, every
 * combination of grid values (free shapes only, loc and scale matched to
 * the quantiles for each) is scored by the log-likelihood on the coarsest
 * copy of the sketch, and the best start wins.
 */
static void
bf_start_values(const BfFitData *coarse, const BfFitData *full, const BfDist *d,
				const double *fixed, double *params,
				double (*alt)[BF_MAX_PARAMS], int *nalt)
{
	int			ns = d->nshapes;
	int			idx[BF_MAX_SHAPES] = {0};
	double		best;
	BfGridStart *trials;
	int			ntrials = 1;
	bool		any_grid = false;

	if (d->start)
		d->start(&full->summary, fixed, params);
	else
	{
		for (int i = 0; i < ns; i++)
		{
			const BfDomain *dom = &d->shape_domain[i];

			if (!isnan(fixed[i]))
				params[i] = fixed[i];
			else if (d->ngrid[i] > 0)
				params[i] = d->grid[i][(d->ngrid[i] - 1) / 2];
			else if (isfinite(dom->lo) && isfinite(dom->hi))
				params[i] = 0.5 * (dom->lo + dom->hi);
			else if (isfinite(dom->lo))
				params[i] = dom->lo + 1.0;
			else if (isfinite(dom->hi))
				params[i] = dom->hi - 1.0;
			else
				params[i] = 0.0;
		}
		bf_start_locscale(d, &full->summary, fixed, params);
	}
	if (nalt)
		*nalt = 0;
	for (int i = 0; i < ns; i++)
		any_grid |= (d->ngrid[i] > 0 && isnan(fixed[i]));
	if (!any_grid)
		return;
	best = bf_loglik(coarse, d, params);
	if (isnan(best))
		best = -INFINITY;
	for (int i = 0; i < ns; i++)
		if (d->ngrid[i] > 0 && isnan(fixed[i]))
			ntrials *= d->ngrid[i];
	trials = palloc(sizeof(BfGridStart) * ntrials);
	for (int t = 0; t < ntrials; t++)
	{
		BfGridStart *g = &trials[t];
		int			i;

		CHECK_FOR_INTERRUPTS();
		memcpy(g->params, params, sizeof(g->params));
		memcpy(g->idx, idx, sizeof(g->idx));
		for (i = 0; i < ns; i++)
			if (d->ngrid[i] > 0 && isnan(fixed[i]))
				g->params[i] = d->grid[i][idx[i]];
		bf_start_locscale(d, &full->summary, fixed, g->params);
		g->ll = bf_loglik(coarse, d, g->params);
		if (isnan(g->ll))
			g->ll = -INFINITY;
		/* next combination (odometer over the free gridded shapes) */
		for (i = 0; i < ns; i++)
		{
			if (!(d->ngrid[i] > 0 && isnan(fixed[i])))
				continue;
			if (++idx[i] < d->ngrid[i])
				break;
			idx[i] = 0;
		}
	}
	qsort(trials, ntrials, sizeof(BfGridStart), bf_grid_start_cmp);
	if (trials[0].ll > best)
		memcpy(params, trials[0].params, sizeof(trials[0].params));

	/*
	 * Runner-ups for the first stage: the best grid points that are not
	 * grid neighbours of one already taken (neighbours lead to the same
	 * optimum), while they have a finite likelihood.
	 */
	if (nalt)
	{
		int			taken[BF_MAX_STARTS];
		int			ntaken = 0;

		*nalt = 0;
		if (trials[0].ll > best)
			taken[ntaken++] = 0;
		for (int t = 0; t < ntrials && *nalt < BF_MAX_STARTS - 1; t++)
		{
			bool		near = false;

			if (!isfinite(trials[t].ll))
				break;
			for (int k = 0; k < ntaken && !near; k++)
			{
				near = true;
				for (int i = 0; i < ns; i++)
					if (abs(trials[t].idx[i] - trials[taken[k]].idx[i]) > 1)
						near = false;
			}
			if (near)
				continue;
			memcpy(alt[(*nalt)++], trials[t].params, sizeof(trials[t].params));
			taken[ntaken++] = t;
		}
	}
	pfree(trials);
}

/*
 * Fit entry d to the data.  fixed[i] is NaN for free parameters.  ladder
 * holds nladder prepared copies of the sketch from coarsest to the full one
 * (last); the coarser ones only guide the search.  Fills res: parameters,
 * status and, when ok, every metric.  polish false skips the last stage on
 * the full sketch when there is a coarser copy (the integer search's
 * trials: only the winner is polished).
 */
static void
bf_fit_continuous(const BfFitData *const *ladder, int nladder, const BfDist *d,
				  const double *fixed, bool polish, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];
	int			np = bf_nparams(d);
	BfProblem	pb;
	double		params[BF_MAX_PARAMS] = {0};
	double		ll;
	double		alt[BF_MAX_STARTS - 1][BF_MAX_PARAMS];
	int			nalt = 0;
	int			ncoarse = 0;

	memset(res, 0, sizeof(*res));
	res->dist = d;
	res->ok = false;
	res->loglik = res->aic = res->bic = NAN;
	res->ks = res->ks_pvalue = res->ad = res->sse = NAN;
	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->params[i] = NAN;

	memset(&pb, 0, sizeof(pb));
	pb.d = d;
	for (int i = 0; i < np; i++)
	{
		pb.fixed[i] = !isnan(fixed[i]);
		if (!pb.fixed[i])
			pb.freeidx[pb.nfree++] = i;
	}
	res->nfree = pb.nfree;

	if (full->n < 2 || full->min == full->max)
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: needs at least two distinct finite values");
		return;
	}
	for (int i = 0; i < d->nshapes; i++)
		if (pb.fixed[i] && !bf_shape_in_domain(&d->shape_domain[i], fixed[i]))
		{
			snprintf(res->status, sizeof(res->status),
					 "not fitted: fixed %s is outside its domain", d->shape_names[i]);
			return;
		}
	if (pb.fixed[np - 1] && !(fixed[np - 1] > 0 && isfinite(fixed[np - 1])))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: fixed scale must be positive");
		return;
	}
	if (pb.fixed[np - 2] && !isfinite(fixed[np - 2]))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: fixed loc must be finite");
		return;
	}

	/* start values, with the fixed ones imposed */
	bf_start_values(ladder[0], full, d, fixed, params, alt, &nalt);
	for (int i = 0; i < np; i++)
		if (pb.fixed[i])
			params[i] = fixed[i];
	for (int i = 0; i < d->nshapes; i++)
		if (!bf_shape_in_domain(&d->shape_domain[i], params[i]))
		{
			const BfDomain *dom = &d->shape_domain[i];

			params[i] = isfinite(dom->lo) && isfinite(dom->hi) ? 0.5 * (dom->lo + dom->hi) :
				isfinite(dom->lo) ? dom->lo + 1 : isfinite(dom->hi) ? dom->hi - 1 : 0;
		}
	if (!(params[np - 1] > 0 && isfinite(params[np - 1])))
		params[np - 1] = full->summary.sd > 0 ? full->summary.sd : 1.0;
	if (!isfinite(params[np - 2]))
		params[np - 2] = full->summary.mean;

	/* a redundant first shape is held where the start put it (catalogue.h) */
	if (d->hold_first_shape && !pb.fixed[np - 1])
	{
		bool		shapes_free = true;

		for (int i = 0; i < d->nshapes; i++)
			shapes_free &= !pb.fixed[i];
		if (shapes_free)
		{
			pb.fixed[0] = true;
			pb.nfree = 0;
			for (int i = 0; i < np; i++)
				if (!pb.fixed[i])
					pb.freeidx[pb.nfree++] = i;
		}
	}

	pb.fd = full;
	if (!isfinite(bf_loglik(full, d, params)))
	{
		bf_repair_start(&pb, params);
		/* tails can still overflow: widen a free scale */
		for (int k = 0; k < 12 && !pb.fixed[np - 1] &&
			 !isfinite(bf_loglik(full, d, params)); k++)
		{
			params[np - 1] *= 2;
			bf_repair_start(&pb, params);
		}
		/*
		 * a density that vanishes at loc (dgamma, dweibull with shape > 1)
		 * is zero at a start loc that equals a tied value: nudge a free loc
		 */
		for (int k = 1; k <= 4 && !pb.fixed[np - 2] &&
			 !isfinite(bf_loglik(full, d, params)); k++)
			params[np - 2] += (k % 2 ? k : -k) * 1e-3 * params[np - 1];
		if (!isfinite(bf_loglik(full, d, params)))
		{
			if (!bf_support_covers(d, params, full->min, full->max))
				snprintf(res->status, sizeof(res->status),
						 "not fitted: the data lie outside the support allowed by the fixed parameters");
			else
				snprintf(res->status, sizeof(res->status),
						 "not fitted: zero density at some observed values (such as exact zeros at the support's end)");
			memcpy(res->params, params, sizeof(double) * np);
			return;
		}
	}

	if (pb.nfree > 0)
	{
		/*
		 * Simplex size at which the log-likelihood is within about 1e-3 of
		 * its maximum: curvature n per unit of transformed parameter.
		 */
		double		tol_fine = Min(1e-4, Max(1e-9, sqrt(2e-3 / full->n)));

		memcpy(pb.base, params, sizeof(pb.base));
		pb.locunit = full->summary.sd > 0 ? full->summary.sd : full->max - full->min;
		pb.min_log_gap = BF_MIN_LOG_GAP;
		pb.min_log_gap_fine = log(Max(4 * DBL_EPSILON * Max(fabs(full->min), fabs(full->max)),
									  1e-300) / pb.locunit);
		pb.locmode = pb.fixed[np - 2] ? BF_LOC_LINEAR :
			bf_choose_locmode(d, params, !pb.fixed[np - 1]);
		/*
		 * Coarse to fine: broad moves on the coarsest copy, then each finer
		 * copy starts from the previous optimum with smaller steps.
		 */
		for (int k = 0; k < nladder - 1; k++)
		{
			pb.fd = ladder[k];
			if (!isfinite(bf_loglik(ladder[k], d, params)))
				continue;
			if (k == 0)
				bf_minimize_starts(&pb, params, alt, nalt, true, 1e-5, 1500, 8);
			else
			{
				pb.round_gain = 1.0;
				bf_minimize(&pb, params, 0.005, tol_fine, 1e-3,
							d->coarse_evals > 0 ? 50 : 600, d->coarse_evals > 0 ? 1 : 4);
				pb.round_gain = 0;
			}
			elog(DEBUG2, "bestfit: %s: %d evaluations after stage %d (%d bins)",
				 d->name, pb.evaluations, k, ladder[k]->nbins);
		}
		ncoarse = pb.evaluations;
		if (nladder == 1)
		{
			pb.fd = full;
			bf_minimize_starts(&pb, params, alt, nalt, false, 1e-6, 1500, 8);
		}
		if (!polish && nladder > 1)
		{
			/* an integer-search trial: compared at the last copy's optimum */
		}
		else if (full->exact)
		{
			/*
			 * exact sketches get the exact MLE: converge tightly (expensive
			 * entries: a shorter polish, the coarse stages did the travel)
			 */
			pb.fd = full;
			if (d->expensive && nladder > 1)
				bf_minimize(&pb, params, 0.01, 1e-7, 1e-4,
							d->coarse_evals > 0 ? 20 : 60, 1);
			else
				bf_minimize(&pb, params, 0.01, 1e-9, 1e-5, 400, 3);
		}
		else if (d->expensive && nladder > 1)
		{
			/*
			 * Expensive entries (cdf by numerical integration) are polished
			 * on the finest coarsened copy only: the binned MLE there is
			 * within a small fraction of a standard error of the full
			 * sketch's (see the comment below), at a fraction of the cost.
			 */
			pb.fd = ladder[nladder - 2];
			bf_minimize(&pb, params, 0.002, tol_fine, 1e-3, 40, 1);
		}
		else
		{
			pb.fd = full;
			bf_minimize(&pb, params, nladder == 1 ? 0.02 : 0.002, tol_fine, 1e-3,
						nladder == 1 ? 300 : 40, nladder == 1 ? 3 : 1);
		}

		/*
		 * A binned sketch with a finer copy than the last one fitted is not
		 * polished further: the copy's bins are far narrower than the data's
		 * scale, and the binned MLE
		 * on it differs from the full sketch's by a small fraction of its
		 * standard error (measured in test/reference.py), at a tenth of the
		 * cost.
		 */
		pb.fd = full;
		bf_snap_to_data(&pb, params);
		bf_refine_gaps(&pb, params);
		elog(DEBUG1, "bestfit: %s: %d coarse and %d full evaluations",
			 d->name, ncoarse, pb.evaluations - ncoarse);
	}
	res->evaluations = pb.evaluations;
	memcpy(res->params, params, sizeof(double) * np);
	ll = bf_loglik(full, d, params);
	if (!isfinite(ll))
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: the likelihood is not finite at the optimum");
		return;
	}
	for (int i = 0; i < np; i++)
		if (!isfinite(params[i]))
		{
			snprintf(res->status, sizeof(res->status), "not fitted: a parameter is not finite");
			return;
		}
	res->ok = true;
	res->loglik = ll;
	res->aic = 2.0 * res->nfree - 2.0 * ll;
	res->bic = res->nfree * log(full->n) - 2.0 * ll;
	snprintf(res->status, sizeof(res->status), "ok");
	bf_metrics(full, res);
}

/* Is v an integer (the value an integer-valued shape must take)? */
static bool
bf_is_integer(double v)
{
	return isfinite(v) && v == floor(v);
}

/*
 * Fit entry d to the data.  fixed[i] is NaN for free parameters.  ladder
 * holds nladder prepared copies of the sketch from coarsest to the full one
 * (last); the coarser ones only guide the search.  Fills res: parameters,
 * status and, when ok, every metric.
 *
 * An integer-valued shape (erlang's a, ksone's n, ...) that is free is
 * found by a search over the integers: each trial value is fixed and the
 * other parameters fitted; from the rounded start value, steps of a quarter
 * of the value (at least 1) are tried up and down, moving while the
 * log-likelihood improves and halving the step otherwise, down to 1.  The
 * profile log-likelihood in such a shape is unimodal for the catalogue's
 * integer families (erlang: the gamma's profile in a; n of the test
 * statistics), so this finds the integer optimum in O(log n) fits.  An
 * entry's integer_fit_max caps the search (irwinhall: see its entry).
 * AIC/BIC count the integer shape as a fitted parameter.
 */
void
bf_fit_one(const BfFitData *const *ladder, int nladder, const BfDist *d,
		   const double *fixed, BfFitResult *res)
{
	const BfFitData *full = ladder[nladder - 1];
	int			k = -1;
	double		fx[BF_MAX_PARAMS];
	double		start[BF_MAX_PARAMS];
	double		cur,
				step,
				lo;
	BfFitResult trial;
	double		tried[64];
	int			ntried = 0;

	for (int i = 0; i < d->nshapes; i++)
		if (d->integer_shapes & (1u << i))
		{
			if (!isnan(fixed[i]) && !bf_is_integer(fixed[i]))
			{
				memset(res, 0, sizeof(*res));
				res->dist = d;
				res->loglik = res->aic = res->bic = NAN;
				res->ks = res->ks_pvalue = res->ad = res->sse = NAN;
				for (int j = 0; j < BF_MAX_PARAMS; j++)
					res->params[j] = NAN;
				snprintf(res->status, sizeof(res->status),
						 "not fitted: fixed %s must be an integer", d->shape_names[i]);
				return;
			}
			if (isnan(fixed[i]) && k < 0)
				k = i;
		}
	if (k < 0 || full->n < 2 || full->min == full->max)
	{
		bf_fit_continuous(ladder, nladder, d, fixed, true, res);
		return;
	}

	/* the integer search */
	memcpy(fx, fixed, sizeof(fx));
	bf_start_values(ladder[0], full, d, fixed, start, NULL, NULL);
	lo = ceil(d->shape_domain[k].lo);
	if (!d->shape_domain[k].lo_closed && lo == d->shape_domain[k].lo)
		lo += 1;
	cur = Max(lo, rint(start[k]));
	if (!isfinite(cur))
		cur = Max(lo, 1);
	if (d->integer_fit_max > 0 && cur > d->integer_fit_max)
		cur = d->integer_fit_max;
	fx[k] = cur;
	bf_fit_continuous(ladder, nladder, d, fx, false, res);
	tried[ntried++] = cur;
	step = Max(1.0, floor(0.25 * cur));
	while (step >= 1 && ntried < (int) lengthof(tried) - 2)
	{
		bool		moved = false;

		for (int dir = 1; dir >= -1 && !moved; dir -= 2)
		{
			double		v = cur + dir * step;
			bool		seen = false;

			if (v < lo || v > d->shape_domain[k].hi || v > 1e9 ||
				(d->integer_fit_max > 0 && v > d->integer_fit_max))
				continue;
			for (int j = 0; j < ntried; j++)
				seen |= tried[j] == v;
			if (seen)
				continue;
			tried[ntried++] = v;
			fx[k] = v;
			bf_fit_continuous(ladder, nladder, d, fx, false, &trial);
			if (trial.ok && (!res->ok || trial.loglik > res->loglik))
			{
				int			evals = res->evaluations;

				*res = trial;
				res->evaluations += evals;
				cur = v;
				moved = true;
			}
			else
				res->evaluations += trial.evaluations;
		}
		/* pattern search: stride on while it gains, halve when it does not */
		if (moved)
			step *= 2;
		else
			step = floor(step / 2);
	}
	/* polish the winner on the full sketch */
	if (res->ok && nladder > 1)
	{
		int			evals = res->evaluations;

		fx[k] = res->params[k];
		bf_fit_continuous(ladder, nladder, d, fx, true, &trial);
		if (trial.ok && trial.loglik >= res->loglik)
			*res = trial;
		res->evaluations = evals + trial.evaluations;
	}
	/* the integer shape was estimated: count it in AIC and BIC */
	if (res->ok)
	{
		res->nfree += 1;
		res->aic = 2.0 * res->nfree - 2.0 * res->loglik;
		res->bic = res->nfree * log(full->n) - 2.0 * res->loglik;
	}
	else
		res->nfree += 1;
}
