/*
 * discrete.c — helpers shared by the discrete entries (discrete.h): their
 * supports, the quantile search over the integers and the end of every
 * start function.  No family table here (families.h does not list it).
 */
#include <math.h>

#include "catalogue/discrete/discrete.h"

void
bf_support_count(const BfDist *self, const double *shape, double *klo, double *khi)
{
	*klo = 0;
	*khi = INFINITY;
}

void
bf_support_count1(const BfDist *self, const double *shape, double *klo, double *khi)
{
	*klo = 1;
	*khi = INFINITY;
}

void
bf_support_integers(const BfDist *self, const double *shape, double *klo, double *khi)
{
	*klo = -INFINITY;
	*khi = INFINITY;
}

/*
 * Does k reach p: cdf(k) >= p, tested on the sf above p = 1/2?  1 or 0;
 * -1 when the cdf (sf) is NaN there, which makes the quantile NaN rather
 * than a search steered by NaN comparisons.
 */
static int
bf_reaches(const BfDist *self, double k, double p, const double *shape)
{
	double		v;

	if (p <= 0.5)
	{
		v = bf_entry_cdf(self, k, shape);
		return isnan(v) ? -1 : v >= p;
	}
	v = bf_entry_sf(self, k, shape);
	return isnan(v) ? -1 : v <= 1.0 - p;
}

double
bf_discrete_ppf(const BfDist *self, double p, const double *shape, double guess)
{
	double		klo,
				khi,
				lo,
				hi,
				step;
	int			r;

	if (isnan(p) || p < 0 || p > 1)
		return NAN;
	bf_entry_support(self, shape, &klo, &khi);
	if (isnan(klo) || isnan(khi))
		return NAN;
	if (p == 0)
		return klo - 1;
	if (p == 1)
		return khi;
	if (!isfinite(guess))
		guess = isfinite(klo) ? klo : (isfinite(khi) ? khi : 0.0);
	guess = round(guess);
	if (guess < klo)
		guess = klo;
	if (guess > khi)
		guess = khi;
	/*
	 * Bracket: lo does not reach p (or is klo - 1), hi reaches it.  Steps
	 * double, so 2^1024 covers every double within ~1100 evaluations at
	 * most, and ~64 in practice.
	 */
	if ((r = bf_reaches(self, guess, p, shape)) < 0)
		return NAN;
	if (r)
	{
		hi = guess;
		lo = guess - 1;
		for (step = 1; lo >= klo; step *= 2)
		{
			if ((r = bf_reaches(self, lo, p, shape)) < 0)
				return NAN;
			if (!r)
				break;
			hi = lo;
			lo = hi - step;
			if (lo < klo)
				lo = klo - 1;
			if (!isfinite(lo))
				return NAN;
		}
	}
	else
	{
		lo = guess;
		hi = guess + 1;
		for (step = 1;; step *= 2)
		{
			if ((r = bf_reaches(self, hi, p, shape)) < 0)
				return NAN;
			if (r)
				break;
			lo = hi;
			if (hi >= khi)
				return khi;
			hi = lo + step;
			if (hi > khi)
				hi = khi;
			if (!isfinite(hi))
				return INFINITY;
		}
	}
	/* bisection over the integers: lo fails, hi reaches */
	while (hi - lo > 1)
	{
		double		mid = floor(lo + 0.5 * (hi - lo));

		if (mid <= lo || mid >= hi)
			break;
		if ((r = bf_reaches(self, mid, p, shape)) < 0)
			return NAN;
		if (r)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

void
bf_discrete_finish_start(const BfDist *self, const BfDataSummary *s, const double *fx,
						 double *out)
{
	int			ns = self->nshapes;

	for (int i = 0; i < ns; i++)
	{
		const BfDomain *dom = &self->shapes[i].domain;
		double		v = out[i];

		if (!bf_is_free(fx, i))
		{
			out[i] = fx[i];
			continue;
		}
		if (!isfinite(v))
		{
			if (isfinite(dom->lo) && isfinite(dom->hi))
				v = 0.5 * (dom->lo + dom->hi);
			else if (isfinite(dom->lo))
				v = dom->lo + 1.0;
			else
				v = 0.0;
		}
		if (self->shapes[i].integer)
		{
			double		lo = ceil(dom->lo),
						hi = floor(fmin(dom->hi, 1e15));

			if (!dom->lo_closed && lo == dom->lo)
				lo += 1;
			if (!dom->hi_closed && hi == dom->hi)
				hi -= 1;
			v = bf_clampd(round(v), lo, hi);
		}
		else if (isfinite(dom->lo) && isfinite(dom->hi))
		{
			double		w = 1e-3 * (dom->hi - dom->lo);

			v = bf_clampd(v, dom->lo + (dom->lo_closed ? 0 : w), dom->hi - (dom->hi_closed ? 0 : w));
		}
		else if (isfinite(dom->lo))
			v = bf_clampd(v, dom->lo + (dom->lo_closed ? 0 : 1e-3), 1e15);
		else
			v = bf_clampd(v, -1e15, 1e15);
		out[i] = v;
	}
	if (!bf_is_free(fx, ns))
		out[ns] = fx[ns];
	else
		out[ns] = isfinite(out[ns]) ? round(out[ns]) : 0.0;
}

double
bf_log_diff_exp(double a, double b)
{
	if (!(a >= b))
		return NAN;
	if (b == -INFINITY)
		return a;
	return a + log1p(-exp(b - a));
}

double
bf_discrete_log_run(const BfDist *self, double a, double b, const double *shape,
					double (*ratio) (double j, const double *shape), int maxterms)
{
	double		la,
				lb,
				l0,
				tend,
				t = 1.0,
				sum = 0,
				scale = 0;
	double		j,
				step,
				left;

	if (isnan(a) || isnan(b) || !(a <= b))
		return NAN;
	la = bf_entry_logpdf(self, a, shape);
	lb = bf_entry_logpdf(self, b, shape);
	if (isnan(la) || isnan(lb))
		return NAN;
	if (la == -INFINITY && lb == -INFINITY)
		return NAN;				/* no term known to be positive: not for a run */
	/* from the larger end towards the other, in units of the first term */
	step = lb > la ? -1.0 : 1.0;
	j = step > 0 ? a : b;
	l0 = fmax(la, lb);
	tend = exp(fmin(la, lb) - l0);
	for (left = b - a; ; left--)
	{
		double		r;

		sum += t;
		if (left <= 0)
			break;
		/* the rest is at most left terms of max(t, tend) (discrete.h) */
		if (left * (t > tend ? t : tend) < 1e-17 * sum)
			break;
		if (--maxterms <= 0)
			return NAN;
		r = step > 0 ? ratio(j, shape) : 1.0 / ratio(j - 1, shape);
		if (!(r >= 0) || !isfinite(r))
			return NAN;
		t *= r;
		j += step;
		if (t > 1e200)
		{
			t *= 1e-200;
			sum *= 1e-200;
			tend *= 1e-200;
			scale += 200 * M_LN10;
		}
	}
	return l0 + scale + log(sum);
}

/*
 * Loader's saddle-point terms (C. Loader, "Fast and accurate computation of
 * binomial probabilities", 2000; R's nmath stirlerr.c and bd0.c).
 */
double
bf_stirlerr(double n)
{
	const double S0 = 1.0 / 12,
				S1 = 1.0 / 360,
				S2 = 1.0 / 1260,
				S3 = 1.0 / 1680,
				S4 = 1.0 / 1188;
	double		nn;

	if (isnan(n) || n < 0)
		return NAN;
	if (n <= 15)
		/* small n: the definition; its terms are small, so no cancellation harms */
		return bf_lngamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * M_PI);
	nn = n * n;
	if (n > 500)
		return (S0 - S1 / nn) / n;
	if (n > 80)
		return (S0 - (S1 - S2 / nn) / nn) / n;
	if (n > 35)
		return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
	return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

double
bf_bd0(double x, double np)
{
	if (!isfinite(x) || !isfinite(np) || np == 0)
		return NAN;
	if (fabs(x - np) < 0.1 * (x + np))
	{
		double		v = (x - np) / (x + np),
					s = (x - np) * v,
					ej = 2 * x * v;

		v = v * v;
		for (int j = 1; j < 1000; j++)
		{
			double		s1;

			ej *= v;
			s1 = s + ej / (2 * j + 1);
			if (s1 == s)
				return s1;
			s = s1;
		}
		return s;
	}
	return x * log(x / np) + np - x;
}

double
bf_log_dpois(double k, double mu)
{
	if (isnan(k) || isnan(mu) || mu < 0)
		return NAN;
	if (!bf_is_int(k) || k < 0)
		return -INFINITY;
	if (mu == 0)
		return k == 0 ? 0.0 : -INFINITY;
	if (k == 0)
		return -mu;
	if (!isfinite(mu))
		return -INFINITY;
	return -bf_stirlerr(k) - bf_bd0(k, mu) - 0.5 * log(2 * M_PI * k);
}

double
bf_log_dbinom(double x, double n, double p, double q)
{
	double		lc,
				lf;

	if (isnan(x) || isnan(n) || isnan(p) || isnan(q))
		return NAN;
	if (!bf_is_int(x) || x < 0 || x > n)
		return -INFINITY;
	if (p == 0)
		return x == 0 ? 0.0 : -INFINITY;
	if (q == 0)
		return x == n ? 0.0 : -INFINITY;
	if (x == 0)
	{
		if (n == 0)
			return 0.0;
		return p < 0.1 ? -bf_bd0(n, n * q) - n * p : n * log(q);
	}
	if (x == n)
		return q < 0.1 ? -bf_bd0(n, n * p) - n * q : n * log(p);
	lc = bf_stirlerr(n) - bf_stirlerr(x) - bf_stirlerr(n - x) - bf_bd0(x, n * p) - bf_bd0(n - x, n * q);
	lf = log(2 * M_PI) + log(x) + log1p(-x / n);
	return lc - 0.5 * lf;
}
