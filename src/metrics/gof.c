/*
 * gof.c — the parametric bootstrap of the EDF statistics (KS, AD, CvM) of a
 * fit, behind gof_test (src/pg/gof.c).
 *
 * The observed statistics T are those of the fit on the sketch.  Each
 * bootstrap sample draws a data set of the sketch's size n from the fit,
 * sketches it as the observed data were (the same level for binned
 * sketches; values rounded to the same lattice min + k q for rounded data),
 * refits the same family with the same fixed parameters, and computes T* on
 * the refit; the p-value is (1 + #{T* >= T}) / (B + 1) (Davison & Hinkley
 * 1997, "Bootstrap Methods and their Application", section 4.2).  Refitting
 * every sample is what makes the test valid when the parameters were
 * estimated from the data (Stute, Gonzalez Manteiga & Presedo Quindimil
 * 1993, "Bootstrap based goodness-of-fit tests", Metrika 40: the parametric
 * bootstrap of EDF statistics with estimated parameters is consistent).
 *
 * Drawing a sample (the plan's path):
 *   BF_GOF_INVERSION  exact sketches of continuous values (q = 0), and
 *                     rounded data whose lattice would need more than
 *                     BF_GOF_MAX_CELLS cells: n values F^-1(U), rounded to
 *                     min + k q when q > 0;
 *   BF_GOF_LATTICE    rounded data: multinomial counts (gsl_ran_multinomial)
 *                     over the lattice cells [min + (k - 1/2) q,
 *                     min + (k + 1/2) q] between the cells holding the
 *                     quantiles 0.01/n and 1 - 0.01/n, plus the two tails,
 *                     whose few values are drawn one by one by inversion
 *                     inside the tail and rounded: exact in distribution,
 *                     at the cost of K cdf values once and K binomials per
 *                     sample instead of n quantiles;
 *   BF_GOF_BINS       binned sketches: multinomial counts over the sketch's
 *                     bins at its level, the gaps between them and the two
 *                     tails (values in gaps and tails drawn one by one and
 *                     added at the same level).  With q > 0 and the bins on
 *                     the lattice (bf_binned_lattice), each bin is the
 *                     cells of its lattice points, as the fit takes it, and
 *                     the values drawn one by one and the extremes are
 *                     rounded to the lattice.  The sketch's exact min and
 *                     max are drawn inside the extreme non-empty bins from
 *                     the distribution of the minimum (maximum) of its c
 *                     values: F^-1(F(lo) + (F(hi) - F(lo)) (1 - (1 - U)^(1/c)))
 *                     (and U^(1/c) for the maximum; the maximum of the other
 *                     c - 1 above the minimum when both are in one bin).
 * Random numbers come from the caller's GSL generator only (MT19937 in
 * gof_test), in a fixed order, so a seed gives the same samples everywhere.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "metrics/gof.h"
#include "sketch/resolution.h"
#include "numerics/random.h"
#include "catalogue/model.h"

#define Max(x, y)		((x) > (y) ? (x) : (y))
#define Min(x, y)		((x) < (y) ? (x) : (y))

/* Tail probability outside the lattice path's cells, times n. */
#define BF_GOF_TAIL 0.01

/* cdf and sf of the plan's fit at x (sf from the entry when cdf > 1/2). */
static void
bf_gof_prob(const BfGofPlan *plan, double x, double *u, double *s)
{
	double		z;

	if (x == -INFINITY)
	{
		*u = 0;
		*s = 1;
		return;
	}
	if (x == INFINITY)
	{
		*u = 1;
		*s = 0;
		return;
	}
	z = bf_model_z(plan->dist, plan->params, x);
	*u = bf_entry_cdf(plan->dist, z, plan->params);
	*s = *u > 0.5 ? bf_entry_sf(plan->dist, z, plan->params) : 1.0 - *u;
}

/*
 * F^-1 at fraction t in (0, 1) of the probability between (au, as) and
 * (bu, bs), the cdf/sf at the ends lo < hi of an interval, kept inside
 * [lo, hi] (when F^-1 fails, or in a tail where the cdf has rounded to 0
 * or 1, the nearer finite end: an event of probability below 1e-16).
 */
static double
bf_gof_draw_between(const BfGofPlan *plan, double au, double as, double bu, double bs,
					double lo, double hi, double t)
{
	double		u,
				x;

	if (au > 0.5)
		u = 1.0 - (as - t * (as - bs));
	else
		u = au + t * (bu - au);
	x = bf_model_ppf(plan->dist, plan->params, u);
	if (!(x >= lo))
		x = lo;
	if (!(x <= hi))
		x = hi;
	if (!isfinite(x))
		x = isfinite(lo) ? lo : hi;
	return x;
}

/* The value of cell j at fraction t of its probability. */
static double
bf_gof_draw_in(const BfGofPlan *plan, int j, double t)
{
	return bf_gof_draw_between(plan, plan->fu[j], plan->fs[j], plan->fu[j + 1], plan->fs[j + 1],
							   plan->e[j], plan->e[j + 1], t);
}

/* x rounded to the plan's lattice min + k q (ties to even). */
static double
bf_gof_round(const BfGofPlan *plan, double x)
{
	return plan->base + nearbyint((x - plan->base) / plan->q) * plan->q;
}

/* Grow the cell arrays of the plan being built. */
static void
bf_gof_alloc_cells(BfGofPlan *plan, int maxcells)
{
	plan->e = bf_alloc(sizeof(double) * (maxcells + 1));
	plan->fu = bf_alloc(sizeof(double) * (maxcells + 1));
	plan->fs = bf_alloc(sizeof(double) * (maxcells + 1));
	plan->p = bf_alloc(sizeof(double) * Max(maxcells, 1));
	plan->key = bf_alloc(sizeof(int64_t) * Max(maxcells, 1));
	plan->individual = bf_alloc(sizeof(bool) * Max(maxcells, 1));
	plan->ncells = 0;
	plan->e[0] = -INFINITY;
}

/* Append the cell [e[ncells], hi). */
static void
bf_gof_push_cell(BfGofPlan *plan, double hi, bool individual, int64_t key)
{
	int			j = plan->ncells++;

	plan->e[j + 1] = hi;
	plan->individual[j] = individual;
	plan->key[j] = key;
}

/* The lattice path's cells, or false when the lattice needs too many. */
static bool
bf_gof_lattice_cells(BfGofPlan *plan)
{
	double		eps = BF_GOF_TAIL / plan->n;
	double		xlo = bf_model_ppf(plan->dist, plan->params, eps);
	double		xhi = bf_model_ppf(plan->dist, plan->params, 1 - eps);
	double		klo,
				khi;
	int			ncells;

	if (!isfinite(xlo) || !isfinite(xhi))
		return false;
	klo = nearbyint((xlo - plan->base) / plan->q);
	khi = nearbyint((xhi - plan->base) / plan->q);
	if (!(khi >= klo) || !(khi - klo + 1 <= BF_GOF_MAX_CELLS) ||
		fabs(klo) > 1e15 || fabs(khi) > 1e15)
		return false;
	ncells = (int) (khi - klo) + 1;
	plan->klo = klo;
	bf_gof_alloc_cells(plan, ncells + 2);
	bf_gof_push_cell(plan, plan->base + (klo - 0.5) * plan->q, true, 0);
	for (int k = 0; k < ncells; k++)
		bf_gof_push_cell(plan, plan->base + (klo + k + 0.5) * plan->q, false, k);
	bf_gof_push_cell(plan, INFINITY, true, 0);
	return true;
}

/*
 * The bins path's cells: the sketch's bins, the gaps between, the tails.
 * With q > 0 and every bin on the lattice min + k q (bf_binned_lattice),
 * each bin is the cells of its lattice points, as the fit's likelihood
 * takes it (src/fit/data.c), and plan->lattice_bins is set.
 */
static void
bf_gof_bin_cells(BfGofPlan *plan, const BfHistogram *h)
{
	const int64_t *keys = BF_HIST_KEYS(h);
	double	   *k = bf_binned_lattice_points(h, plan->q);

	plan->lattice_bins = k != NULL;
	bf_gof_alloc_cells(plan, 2 * h->nbins + 1);
	for (int i = 0; i < h->nbins; i++)
	{
		double		lo,
					hi;

		if (plan->lattice_bins)
		{
			lo = plan->base + (k[i] - 0.5) * plan->q;
			hi = plan->base + (k[h->nbins + i] + 0.5) * plan->q;
		}
		else
			bf_bin_edges(h, i, &lo, &hi);
		/* the lower tail before the first bin, a gap before the others */
		if (i == 0 || lo > plan->e[plan->ncells])
			bf_gof_push_cell(plan, lo, true, 0);
		bf_gof_push_cell(plan, hi, false, keys[i]);
	}
	bf_gof_push_cell(plan, INFINITY, true, 0);
	if (k != NULL)
		bf_free(k);
}

/*
 * x, drawn in cell j of lattice bins (plan->lattice_bins), rounded to the
 * lattice point of the cell nearest it: the cell is [min + (k1 - 1/2) q,
 * min + (k2 + 1/2) q), so that the rounding stays between k1 and k2 even
 * for a draw on an edge.
 */
static double
bf_gof_round_in(const BfGofPlan *plan, int j, double x)
{
	double		r = bf_gof_round(plan, x);

	if (r < plan->e[j])
		r += plan->q;
	if (r > plan->e[j + 1])
		r -= plan->q;
	return r;
}

/*
 * Prepare the bootstrap (gof.h).  Path: bins for binned sketches, lattice
 * for rounded values (inversion when the lattice is too fine), inversion
 * for exact values.
 */
BfStatus
bf_gof_plan_init(BfGofPlan *plan, const BfHistogram *h, double q, const BfDist *d,
				 const double *params, const double *fixed, char *msg, size_t msglen)
{
	int64_t		n = bf_hist_count(h);
	double		total = 0;

	memset(plan, 0, sizeof(*plan));
	if (n < 1 || n > (int64_t) UINT_MAX)
	{
		snprintf(msg, msglen, "the sketch has %lld finite values; the bootstrap takes 1 to %u",
				 (long long) n, UINT_MAX);
		return BF_INVALID;
	}
	plan->dist = d;
	for (int i = 0; i < BF_MAX_PARAMS; i++)
	{
		plan->params[i] = i < bf_nparams(d) ? params[i] : NAN;
		plan->fixed[i] = i < bf_nparams(d) ? fixed[i] : NAN;
	}
	plan->q = q > 0 ? q : 0;
	plan->fit_q = plan->q;
	/*
	 * A discrete fit draws integers: the lattice of step 1 from the
	 * sketch's min, whose cells [k - 1/2, k + 1/2] hold one integer each
	 * (their masses are the pmf); the refits take the values as they are.
	 */
	if (d->kind == BF_DISCRETE)
	{
		plan->q = 1.0;
		plan->fit_q = 0;
	}
	plan->base = h->min;
	plan->n = (unsigned int) n;
	plan->level = h->level;
	if (h->level > 0)
	{
		plan->path = BF_GOF_BINS;
		bf_gof_bin_cells(plan, h);
	}
	else if (plan->q > 0 && bf_gof_lattice_cells(plan))
		plan->path = BF_GOF_LATTICE;
	else
	{
		plan->path = BF_GOF_INVERSION;
		bf_debug(1, "bestfit: gof_test draws %u values per sample by inversion%s",
				 plan->n, plan->q > 0 ? ", rounded to the lattice" : "");
		return BF_OK;
	}
	bf_debug(1, "bestfit: gof_test draws multinomial counts of %u values over %d %s cells",
			 plan->n, plan->ncells, plan->path == BF_GOF_BINS ? "bin, gap and tail" : "lattice and tail");

	for (int j = 0; j <= plan->ncells; j++)
	{
		if ((j & 255) == 0 && bf_should_stop())
			return BF_CANCELLED;
		bf_gof_prob(plan, plan->e[j], &plan->fu[j], &plan->fs[j]);
	}
	for (int j = 0; j < plan->ncells; j++)
	{
		double		pj = plan->fu[j] > 0.5 ? plan->fs[j] - plan->fs[j + 1] :
			plan->fu[j + 1] - plan->fu[j];

		plan->p[j] = pj > 0 ? pj : 0;	/* NaN and rounding below 0: none */
		total += plan->p[j];
	}
	if (!(total > 0))
	{
		snprintf(msg, msglen, "the fit puts no probability on the sketch's range");
		return BF_INVALID;
	}
	return BF_OK;
}

/* n values by inversion (rounded to the lattice when q > 0) into st. */
static BfStatus
bf_gof_sample_inversion(const BfGofPlan *plan, gsl_rng *rng, BfState *st)
{
	for (unsigned int i = 0; i < plan->n; i++)
	{
		double		x;

		if ((i & 255) == 0 && bf_should_stop())
			return BF_CANCELLED;
		x = bf_model_ppf(plan->dist, plan->params, bf_uniform53(rng));
		if (!isfinite(x))
			continue;			/* F^-1(u) of u in (0, 1) is finite: cannot happen */
		bf_state_add(st, plan->q > 0 ? bf_gof_round(plan, x) : x);
	}
	return BF_OK;
}

/*
 * The binned path's bins with their counts as a sketch at the plan's level,
 * min and max drawn inside the extreme non-empty bins, merged into st.
 */
static void
bf_gof_merge_bins(const BfGofPlan *plan, gsl_rng *rng, const unsigned int *counts, BfState *st)
{
	int			nb = 0,
				first = -1,
				last = -1;
	BfHistogram *fake;
	int64_t    *keys,
			   *cnts;
	double		min,
				max;

	for (int j = 0; j < plan->ncells; j++)
		if (!plan->individual[j] && counts[j] > 0)
		{
			if (first < 0)
				first = j;
			last = j;
			nb++;
		}
	if (nb == 0)
		return;
	/* minimum of counts[first] values in bin first (1 - (1 - U)^(1/c)) */
	min = bf_gof_draw_in(plan, first,
						 -expm1(log1p(-bf_uniform53(rng)) / counts[first]));
	if (last != first)
		max = bf_gof_draw_in(plan, last, exp(log(bf_uniform53(rng)) / counts[last]));
	else if (counts[first] == 1)
		max = min;
	else
	{
		/* the maximum of the other c - 1 values, each above the minimum */
		double		mu,
					ms;

		bf_gof_prob(plan, min, &mu, &ms);
		max = bf_gof_draw_between(plan, mu, ms, plan->fu[first + 1], plan->fs[first + 1],
								  min, plan->e[first + 1],
								  exp(log(bf_uniform53(rng)) / (counts[first] - 1)));
	}
	/* lattice bins: the extremes are lattice points of their cells */
	if (plan->lattice_bins)
	{
		min = bf_gof_round_in(plan, first, min);
		max = Max(min, bf_gof_round_in(plan, last, max));
	}
	/* bins are [lo, hi): keep the extremes in their bins' keys */
	if (max >= plan->e[last + 1])
		max = nextafter(plan->e[last + 1], -INFINITY);
	if (min >= plan->e[first + 1])
		min = nextafter(plan->e[first + 1], -INFINITY);
	if (max < min)
		max = min;

	fake = bf_alloc0(BF_HIST_SIZE(nb));
	bf_set_value_size(fake, BF_HIST_SIZE(nb));
	fake->version = BF_SKETCH_VERSION;
	fake->level = plan->level;
	fake->nbins = nb;
	fake->min = min;
	fake->max = max;
	keys = BF_HIST_KEYS(fake);
	cnts = BF_HIST_COUNTS(fake);
	nb = 0;
	for (int j = 0; j < plan->ncells; j++)
		if (!plan->individual[j] && counts[j] > 0)
		{
			keys[nb] = plan->key[j];
			cnts[nb] = counts[j];
			nb++;
		}
	/* the counts sum to at most UINT_MAX: no overflow */
	(void) bf_state_merge_hist(st, fake);
}

/*
 * One bootstrap sketch of plan->n values (the header of this file gives the
 * three ways): the multinomial counts first (gsl_ran_multinomial over
 * plan->p), then the extremes of binned sketches, then the values of gap and
 * tail cells one by one, in cell order.  *out from bf_alloc; BF_OK, or
 * BF_CANCELLED (then *out is NULL) when the host asks to stop.
 */
BfStatus
bf_gof_sample(const BfGofPlan *plan, gsl_rng *rng, BfHistogram **out)
{
	BfState    *st = bf_state_create();
	unsigned int *counts;

	*out = NULL;
	if (plan->path == BF_GOF_INVERSION)
	{
		if (bf_gof_sample_inversion(plan, rng, st) != BF_OK)
			return BF_CANCELLED;
		*out = bf_state_to_hist(st);
		return BF_OK;
	}

	counts = bf_alloc(sizeof(unsigned int) * plan->ncells);
	gsl_ran_multinomial(rng, plan->ncells, plan->n, plan->p, counts);
	if (plan->path == BF_GOF_BINS)
		bf_gof_merge_bins(plan, rng, counts, st);
	else
		for (int j = 0; j < plan->ncells; j++)
			if (!plan->individual[j] && counts[j] > 0)
				bf_state_add_n(st, plan->base + (plan->klo + plan->key[j]) * plan->q, counts[j]);
	/* gaps and tails: their values one by one */
	for (int j = 0; j < plan->ncells; j++)
	{
		if (!plan->individual[j])
			continue;
		for (unsigned int c = 0; c < counts[j]; c++)
		{
			double		x;

			if ((c & 255) == 255 && bf_should_stop())
				return BF_CANCELLED;
			x = bf_gof_draw_in(plan, j, bf_uniform53(rng));
			bf_state_add(st, plan->path == BF_GOF_LATTICE || plan->lattice_bins ?
						 bf_gof_round(plan, x) : x);
		}
	}
	if (bf_should_stop())
		return BF_CANCELLED;
	*out = bf_state_to_hist(st);
	return BF_OK;
}

/*
 * One replicate: a bootstrap sketch, refitted at the plan's resolution with
 * its fixed vector (bf_ladder_init + bf_fit_one_raced, as fit_distributions
 * fits one candidate, without the standard errors, which a replicate does
 * not use), so that res holds the refit and, when res->ok, its ks, ad and
 * cvm.  A sample with fewer than two distinct values is not fitted (res->ok
 * false, status says why).  BF_OK or BF_CANCELLED.
 */
BfStatus
bf_gof_replicate(const BfGofPlan *plan, gsl_rng *rng, BfFitResult *res)
{
	BfHistogram *hs;
	BfLadder	ladder;

	memset(res, 0, sizeof(*res));
	bf_result_clear_metrics(res);
	res->dist = plan->dist;
	if (bf_gof_sample(plan, rng, &hs) != BF_OK)
		return BF_CANCELLED;
	if (hs->nbins < 2)
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: the bootstrap sample has fewer than two distinct values");
		return BF_OK;
	}
	/*
	 * Lattice bins: a sample whose bins the lattice cannot take (a tail
	 * draw more than 2^52 steps from its min, BF_RES_MAX_INDEX) would be
	 * refitted on its bins instead of cells, with other statistics: left
	 * out, like a sample that cannot be fitted.
	 */
	if (plan->lattice_bins && hs->level > 0 && !bf_binned_lattice(hs, plan->q, NULL, NULL))
	{
		snprintf(res->status, sizeof(res->status),
				 "not fitted: the bootstrap sample's bins do not all hold a lattice point");
		return BF_OK;
	}
	bf_ladder_init(&ladder, hs, plan->fit_q);
	bf_fit_one_raced(ladder.rungs, ladder.n, plan->dist, plan->fixed, NULL, BF_OUT_METRICS, res);
	return bf_should_stop() ? BF_CANCELLED : BF_OK;
}

/*
 * The observed statistics: every metric of (d, params) on h prepared at
 * resolution q (bf_fitdata_init), exactly as a fit's metrics are computed,
 * with nfree fitted parameters for the chi-squared degrees of freedom.
 * Metrics stay NaN when the host asks to stop.
 */
void
bf_gof_observed(const BfHistogram *h, double q, const BfDist *d, const double *params,
				int nfree, BfFitResult *res)
{
	BfFitData	fd;

	memset(res, 0, sizeof(*res));
	bf_result_clear_metrics(res);
	res->dist = d;
	memcpy(res->params, params, sizeof(double) * bf_nparams(d));
	res->nfree = nfree;
	res->ok = true;
	if (d->kind == BF_DISCRETE)
	{
		bf_fitdata_init(&fd, h, 0);
		bf_discrete_metrics(&fd, res);
		return;
	}
	bf_fitdata_init(&fd, h, q);
	bf_metrics(&fd, res);
}
