/*
 * compare.c — drift between two sketches a and b of the same quantity in
 * two periods (fit_histogram_compare).  Only finite values are compared:
 * the counts of NaN, +inf and -inf are ignored.  n_a and n_b are the
 * finite counts, F_a and F_b the empirical cdfs.
 *
 * Common bins.  Keys of a sketch at level l are o(x) >> l (sketch.h), so
 * bins of the same level are aligned across sketches and a bin of level L
 * is the union of the bins of level l <= L it contains.  Both sketches are
 * raised to the common level L = max(level a, level b) (keys shifted right,
 * as bf_hist_coarsen does) and merged into one sorted list of common bins
 * j = 1..J with the cumulative fractions A_j = #{a <= bin j} / n_a and
 * B_j likewise (A_0 = B_0 = 0).  When both sketches are exact, L = 0 and
 * each common bin is one distinct value of the pooled data.
 *
 * Kolmogorov-Smirnov distance D = sup_x |F_a(x) - F_b(x)| (Smirnov 1939).
 *   exact sketches: D = max_j |A_j - B_j| over the pooled distinct values,
 *     ties included (both cdfs are right-continuous steps that change only
 *     there): what scipy.stats.ks_2samp computes;
 *   binned: ks = max_j |A_j - B_j| over the common bins is a lower bound
 *     (the cdfs are known exactly just below every common bin's upper edge;
 *     it is the exact D of the data rounded to the common bins), and
 *     ks_upper = max_j max(A_j - B_{j-1}, B_j - A_{j-1}) an upper bound:
 *     inside bin j, F_a lies in [A_{j-1}, A_j] and F_b in [B_{j-1}, B_j].
 *     Both bounds are sharp for what the common bins say (moving the
 *     values inside their bins reaches them).
 * p-value: P(D_en >= ks) from the distribution of the one-sample statistic
 *   at the effective size en = rint(n_a n_b / (n_a + n_b)) (catalogue entry
 *   kstwo: Simard & L'Ecuyer 2011), exactly what scipy.stats.ks_2samp(...,
 *   method='asymp') does for the two-sided test (Smirnov 1939's limit; Hodges
 *   1958, "The significance probability of the Smirnov two-sample test",
 *   Ark. Mat. 3, shows its accuracy).  NaN when en rounds to 0
 *   (n_a = n_b = 1; scipy gives nan too).  What it does not account for:
 *   the limit assumes continuous data; with ties (rounded values) the test
 *   is conservative (the p-value is too large); for binned sketches it is
 *   the p-value of the lower bound ks, hence not below the p-value of the
 *   true D; and it is asymptotic (small samples: scipy's method='exact').
 *   Periods of one series are rarely independent samples (seasonality,
 *   autocorrelation): the p-value is then only a scale for D.
 *
 * Population stability index (the credit-scoring definition: Siddiqi 2006,
 *   "Credit Risk Scorecards", ch. 8; Yurdakul 2018, "Statistical properties
 *   of population stability index", PhD thesis, Western Michigan Univ.):
 *   PSI = sum_k (q_k - p_k) ln(q_k / p_k) over BF_PSI_BINS = 10 bins given
 *   by the deciles of the reference a (the first argument, the "expected"
 *   distribution): bin k holds the values in (t_{k-1}, t_k], t_k the
 *   smallest common bin whose A_j >= k/10 (at level 0: the value of a that
 *   is its inverted-cdf k/10-quantile), bin 1 everything up to t_1, bin 10
 *   everything above t_9; p_k and q_k the fractions of a and of b in bin k.
 *   Ties (equal deciles) merge bins: bins empty for both are dropped
 *   (psi_bins counts the rest).  A zero fraction is replaced by
 *   BF_PSI_EPSILON = 1e-4 (without renormalising), the usual convention.
 *   Not symmetric: psi(a, b) != psi(b, a) in general.  Rules of thumb:
 *   < 0.1 stable, 0.1-0.25 some shift, > 0.25 a major shift.  Under no
 *   drift, PSI is about (B - 1)(1/n_a + 1/n_b) (Yurdakul 2018), which the
 *   rules of thumb ignore for small samples.
 *
 * Wasserstein-1 distance W = integral |F_a(x) - F_b(x)| dx (Vallender 1973),
 *   from each sketch's own bins (not the common ones: a finer sketch keeps
 *   its resolution).  Exact sketches: F is a step function and W is the
 *   exact sum over the pooled distinct values, as
 *   scipy.stats.wasserstein_distance.  Binned: F is taken as linear inside
 *   each bin clipped to the sketch's [min, max] (the values spread evenly
 *   over the bin); between two consecutive breakpoints of either cdf the
 *   difference is linear and integrated exactly.  Since the true F stays
 *   within c_i/n of the linear one inside bin i (width w_i, count c_i) and
 *   equals it outside, |W_true - W| <= sum_i w_i c_i / n_a +
 *   sum_i w_i c_i / n_b = wasserstein_error (triangle inequality in L1).
 *   W is in the unit of the data; +infinity when the data span more than
 *   the double range.
 */
#include <math.h>
#include <stdlib.h>

#include "catalogue/entry.h"
#include "metrics/compare.h"

/* One common bin: cumulative counts of a and b through it. */
typedef struct CmpBin
{
	int64_t		cum_a;
	int64_t		cum_b;
} CmpBin;

/*
 * Merge the keys of a and b raised to level L into common bins; returns
 * their number, cumulative counts in bins[] (room for a->nbins + b->nbins).
 */
static int
common_bins(const BfHistogram *a, const BfHistogram *b, int L, CmpBin *bins)
{
	const int64_t *ka = BF_HIST_KEYS(a),
			   *ca = BF_HIST_COUNTS(a),
			   *kb = BF_HIST_KEYS(b),
			   *cb = BF_HIST_COUNTS(b);
	int			sa = L - a->level,
				sb = L - b->level;
	int			i = 0,
				j = 0,
				m = 0;
	int64_t		cum_a = 0,
				cum_b = 0;

	while (i < a->nbins || j < b->nbins)
	{
		int64_t		key;

		if (j >= b->nbins || (i < a->nbins && (ka[i] >> sa) <= (kb[j] >> sb)))
			key = ka[i] >> sa;
		else
			key = kb[j] >> sb;
		/* every bin of either sketch that falls into the common bin key */
		while (i < a->nbins && (ka[i] >> sa) == key)
			cum_a += ca[i++];
		while (j < b->nbins && (kb[j] >> sb) == key)
			cum_b += cb[j++];
		bins[m].cum_a = cum_a;
		bins[m].cum_b = cum_b;
		m++;
	}
	return m;
}

/* A sketch's cdf as segments: bin i's values lie in [s_i, e_i] (s = e: a point). */
typedef struct CmpCdf
{
	int			n;
	double	   *s;
	double	   *e;
	double	   *cum;			/* fraction of the values in bins 0..i */
	double		total;
} CmpCdf;

static void
cdf_build(const BfHistogram *h, CmpCdf *f)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	int64_t		cum = 0;

	f->n = h->nbins;
	f->s = bf_alloc(sizeof(double) * h->nbins);
	f->e = bf_alloc(sizeof(double) * h->nbins);
	f->cum = bf_alloc(sizeof(double) * h->nbins);
	f->total = (double) bf_hist_count(h);
	for (int i = 0; i < h->nbins; i++)
	{
		double		lo,
					hi;

		bf_bin_edges(h, i, &lo, &hi);
		if (h->level == 0)
			hi = lo;
		else
		{
			lo = fmax(lo, h->min);
			hi = fmin(hi, h->max);
		}
		f->s[i] = lo;
		f->e[i] = hi;
		cum += counts[i];
		f->cum[i] = (double) cum / f->total;
	}
}

/*
 * F(x-) (right = false) or F(x+) (right = true) of the linear-in-bins cdf:
 * the last bin i with s_i < x (resp. <= x) is found by bisection.
 */
static double
cdf_at(const CmpCdf *f, double x, bool right)
{
	int			lo = 0,
				hi = f->n;		/* first bin beyond x is in [lo, hi] */
	int			i;
	double		before;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (right ? f->s[mid] <= x : f->s[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lo - 1;
	if (i < 0)
		return 0.0;
	if (f->e[i] <= x)
		return f->cum[i];
	before = i > 0 ? f->cum[i - 1] : 0.0;
	return before + (f->cum[i] - before) * ((x - f->s[i]) / (f->e[i] - f->s[i]));
}

static int
cmp_double(const void *p, const void *q)
{
	double		x = *(const double *) p,
				y = *(const double *) q;

	return x < y ? -1 : x > y;
}

/* W1 of the two cdfs and its error bound (see the header). */
static void
wasserstein(const BfHistogram *a, const BfHistogram *b, double *w, double *err)
{
	CmpCdf		fa,
				fb;
	int			nx = 2 * (a->nbins + b->nbins),
				m = 0;
	double	   *x = bf_alloc(sizeof(double) * nx);
	long double sum = 0,
				bound = 0;

	cdf_build(a, &fa);
	cdf_build(b, &fb);
	for (int i = 0; i < fa.n; i++)
	{
		x[m++] = fa.s[i];
		x[m++] = fa.e[i];
		bound += (long double) (fa.e[i] - fa.s[i]) * (fa.cum[i] - (i > 0 ? fa.cum[i - 1] : 0.0));
	}
	for (int i = 0; i < fb.n; i++)
	{
		x[m++] = fb.s[i];
		x[m++] = fb.e[i];
		bound += (long double) (fb.e[i] - fb.s[i]) * (fb.cum[i] - (i > 0 ? fb.cum[i - 1] : 0.0));
	}
	qsort(x, m, sizeof(double), cmp_double);
	for (int k = 0; k + 1 < m; k++)
	{
		double		width = x[k + 1] - x[k],
					g0,
					g1;

		if (!(width > 0))
			continue;			/* equal breakpoints */
		g0 = cdf_at(&fa, x[k], true) - cdf_at(&fb, x[k], true);
		g1 = cdf_at(&fa, x[k + 1], false) - cdf_at(&fb, x[k + 1], false);
		if (g0 == 0 && g1 == 0)
			continue;			/* equal cdfs (also across an infinite gap: no 0 * inf) */
		if ((g0 >= 0) == (g1 >= 0) || g0 == 0 || g1 == 0)
			sum += (long double) width * (fabs(g0) + fabs(g1)) / 2;
		else
			/* the difference crosses zero inside: two triangles */
			sum += (long double) width * (g0 * g0 + g1 * g1) / (2 * (fabs(g0) + fabs(g1)));
	}
	*w = (double) sum;
	*err = (double) bound;
}

void
bf_hist_compare(const BfHistogram *a, const BfHistogram *b, BfCompare *out)
{
	CmpBin	   *bins;
	int			nb;
	double		na,
				nbv,
				prev_a = 0,
				prev_b = 0;
	double		ks = 0,
				ks_up = 0,
				en;
	int			last = -1;

	out->n_a = bf_hist_count(a);
	out->n_b = bf_hist_count(b);
	out->exact = a->level == 0 && b->level == 0;
	out->level = a->level > b->level ? a->level : b->level;
	out->ks = out->ks_upper = out->ks_pvalue = NAN;
	out->psi = out->wasserstein = out->wasserstein_error = NAN;
	out->psi_bins = 0;
	if (out->n_a == 0 || out->n_b == 0)
		return;

	na = (double) out->n_a;
	nbv = (double) out->n_b;
	bins = bf_alloc(sizeof(CmpBin) * (a->nbins + b->nbins));
	nb = common_bins(a, b, out->level, bins);

	/* Kolmogorov-Smirnov: edges (lower bound; exact at level 0), within bins (upper) */
	for (int j = 0; j < nb; j++)
	{
		double		fa = (double) bins[j].cum_a / na,
					fb = (double) bins[j].cum_b / nbv;

		ks = fmax(ks, fabs(fa - fb));
		ks_up = fmax(ks_up, fmax(fa - prev_b, fb - prev_a));
		prev_a = fa;
		prev_b = fb;
	}
	out->ks = ks;
	out->ks_upper = out->level == 0 ? ks : ks_up;
	en = rint(na * nbv / (na + nbv));
	if (en >= 1)
	{
		const BfDist *kstwo = bf_find_dist("kstwo");
		double		shape[BF_MAX_PARAMS] = {en};

		double		sf = kstwo->sf(kstwo, ks, shape);

		/* NaN (the host asked to stop inside kstwo) stays NaN: fmax would make it 0 */
		out->ks_pvalue = isnan(sf) ? sf : fmin(1.0, fmax(0.0, sf));
	}

	/* PSI over the deciles of a (bins (t_{k-1}, t_k] of common bins) */
	out->psi = 0;
	for (int k = 1; k <= BF_PSI_BINS; k++)
	{
		int			j = nb - 1;
		int64_t		ca0 = last >= 0 ? bins[last].cum_a : 0,
					cb0 = last >= 0 ? bins[last].cum_b : 0;
		double		p,
					q;

		if (k < BF_PSI_BINS)
		{
			/* the first common bin where a's count reaches k n_a / 10 */
			j = last < 0 ? 0 : last;
			while ((__int128) bins[j].cum_a * BF_PSI_BINS < (__int128) k * out->n_a)
				j++;
		}
		p = (double) (bins[j].cum_a - ca0) / na;
		q = (double) (bins[j].cum_b - cb0) / nbv;
		last = j;
		if (p == 0 && q == 0)
			continue;
		p = p > 0 ? p : BF_PSI_EPSILON;
		q = q > 0 ? q : BF_PSI_EPSILON;
		out->psi += (q - p) * log(q / p);
		out->psi_bins++;
	}

	/* exact sketches: every segment is a point, the error bound is 0 */
	wasserstein(a, b, &out->wasserstein, &out->wasserstein_error);
	bf_free(bins);
}
