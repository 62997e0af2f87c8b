/*
 * summary.c — summary statistics of a sketch's finite values: moments and
 * empirical quantiles, for start values and fit_histogram_summary().
 */
#include <math.h>
#include <stdlib.h>

#include "sketch/summary.h"

#define Max(x, y)		((x) > (y) ? (x) : (y))
#define Min(x, y)		((x) < (y) ? (x) : (y))

/*
 * Representative value of bin i: the value itself, or the clipped midpoint
 * (halved before the sum where lo + hi overflows: the top bins of a sketch
 * reaching 1e308 made the summary's mean and sd NaN; test/fuzz).
 */
double
bf_bin_point(const BfHistogram *h, int i)
{
	double		lo,
				hi,
				mid;

	bf_bin_edges(h, i, &lo, &hi);
	if (h->level == 0)
		return lo;
	lo = Max(lo, h->min);
	hi = Min(hi, h->max);
	mid = 0.5 * (lo + hi);
	if (isinf(mid))
		mid = 0.5 * lo + 0.5 * hi;
	return mid;
}

/*
 * Empirical quantile p of the sketch's n finite values: the smallest value
 * whose cumulative count reaches p n (exact sketches), linear within the
 * clipped bin otherwise.
 */
double
bf_hist_quantile(const BfHistogram *h, double n, double p)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	double		target = p * n;
	double		cum = 0;

	for (int i = 0; i < h->nbins; i++)
	{
		double		next = cum + (double) counts[i];

		if (next >= target)
		{
			double		lo,
						hi,
						q;

			if (h->level == 0)
				return bf_bin_point(h, i);
			bf_bin_edges(h, i, &lo, &hi);
			lo = Max(lo, h->min);
			hi = Min(hi, h->max);
			q = lo + (hi - lo) * (target - cum) / (double) counts[i];
			/* (hi - lo) * (target - cum) can overflow: the fraction first (test/fuzz) */
			if (!isfinite(q))
				q = lo + (hi - lo) * ((target - cum) / (double) counts[i]);
			return q;
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
 *
 * Where the largest magnitude is beyond 2^200 or below 2^-200 (1.6e60,
 * 6.2e-61) the points are scaled by a power of two, 2^-e with e = ilogb of
 * it, and the moments scaled back: exact, since the scaling only moves
 * exponents (but for points that become subnormal, below 2^(e - 1022),
 * whose share of the moments is below their rounding).  On x86-64 the 80-bit long double's range would hold the sums
 * of +-1.8e308 and the squares of 1e-310 anyway, but where long double is
 * a double (valgrind's emulation of x87, and other platforms) the mean and
 * sd of such data overflowed to NaN and the sd of subnormal data underflowed
 * to 0 (test/sql/contracts.sql under test/valgrind.sh).  Other data are
 * computed unscaled, with the same bits as before.
 */
void
bf_summarize(const BfHistogram *h, BfDataSummary *s)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
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
	double		amax = fmax(fabs(h->min), fabs(h->max));
	int			e = 0;

	if (h->nbins > 0 && amax > 0 && isfinite(amax) && abs(ilogb(amax)) > 200)
		e = ilogb(amax);
	for (int i = 0; i < h->nbins; i++)
	{
		n += counts[i];
		sum += (long double) counts[i] * ldexp(bf_bin_point(h, i), -e);
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
		long double d = ldexp(bf_bin_point(h, i), -e) - mean;
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
	s->mean = ldexp((double) mean, e);
	s->min = h->min;
	s->max = h->max;
	s->sd = n > 1 ? ldexp((double) sqrtl(m2 / (n - 1)), e) : 0.0;
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
