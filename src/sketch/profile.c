/*
 * profile.c — what a sketch says about its data before any fit (the rules
 * and their sources are in profile.h).
 */
#include <math.h>
#include <stdint.h>

#include "sketch/profile.h"
#include "sketch/resolution.h"
#include "sketch/summary.h"

#define BF_ATOM_SHARE 0.01		/* an atom holds more than 1% of the rows */
#define BF_ATOM_WINDOW 3		/* cells or bins compared on each side */
#define BF_ATOM_FACTOR_CELLS 2.0
#define BF_ATOM_FACTOR_BINS 4.0
#define BF_FAR_OUT 3.0			/* Tukey's far-out fences: 3 IQR */
#define BF_ISOLATED_GAP 3.0		/* an isolated outlier lies beyond a gap of 3 IQR */

/* Insert atom a into p->atoms, kept sorted by count (largest first). */
static void
bf_add_atom(BfProfile *p, const BfAtom *a)
{
	int			pos = p->natoms;

	if (pos == BF_PROFILE_MAX_ATOMS)
	{
		if (a->count <= p->atoms[pos - 1].count)
			return;
		pos--;
	}
	else
		p->natoms++;
	while (pos > 0 && p->atoms[pos - 1].count < a->count)
	{
		p->atoms[pos] = p->atoms[pos - 1];
		pos--;
	}
	p->atoms[pos] = *a;
}

/* Lower and upper edges of bin i clipped to the data's range. */
static void
bf_clipped_edges(const BfHistogram *h, int i, double *lo, double *hi)
{
	bf_bin_edges(h, i, lo, hi);
	if (h->level == 0)
	{
		*hi = *lo;
		return;
	}
	*lo = fmax(*lo, h->min);
	*hi = fmin(*hi, h->max);
}

/*
 * For bin i of a binned sketch on a lattice (klo, khi: bf_binned_lattice):
 * the sum, over the lattice cells within BF_ATOM_WINDOW steps of its own
 * (inside [0, K]; *cells their number), of the count per cell of the bin
 * holding each (its count spread evenly over its lattice points; a cell in
 * no bin counts 0): profile.h's atom rule for such sketches.
 */
static double
bf_lattice_neighbours(const BfHistogram *h, const double *klo, const double *khi, int i,
					  int *cells)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	double		K = khi[h->nbins - 1],
				sum = 0;

	*cells = 0;
	for (int s = -BF_ATOM_WINDOW; s <= BF_ATOM_WINDOW; s++)
	{
		double		k = s < 0 ? klo[i] + s : khi[i] + s;

		if (s == 0 || k < 0 || k > K)
			continue;
		(*cells)++;
		/* a cell within 3 steps lies in a bin within 3 places (a bin holds a point at least) */
		for (int j = i - BF_ATOM_WINDOW; j <= i + BF_ATOM_WINDOW; j++)
			if (j >= 0 && j < h->nbins && j != i && klo[j] <= k && k <= khi[j])
				sum += (double) counts[j] / (khi[j] - klo[j] + 1);
	}
	return sum;
}

static void
bf_find_atoms(const BfHistogram *h, BfProfile *p)
{
	const int64_t *keys = BF_HIST_KEYS(h);
	const int64_t *counts = BF_HIST_COUNTS(h);
	double		n = (double) p->n;
	double		q = p->resolution;
	double		kmax = q > 0 ? round((h->max - h->min) / q) : 0;
	/* a binned sketch on its lattice: each bin's first and last lattice point */
	double	   *klo = bf_binned_lattice_points(h, q),
			   *khi = klo != NULL ? klo + h->nbins : NULL;

	for (int i = 0; i < h->nbins; i++)
	{
		BfAtom		a;
		bool		atom;
		double		smooth = 0;

		if ((double) counts[i] <= BF_ATOM_SHARE * n || h->nbins < 2)
			continue;
		if (klo != NULL)
		{
			/* a binned sketch on its lattice: counts per cell (profile.h) */
			int			cells;
			double		sum = bf_lattice_neighbours(h, klo, khi, i, &cells);

			atom = cells > 0 && (double) counts[i] / (khi[i] - klo[i] + 1) >
				BF_ATOM_FACTOR_CELLS * sum / cells;
		}
		else if (h->level == 0 && q <= 0)
			atom = counts[i] >= 2;
		else if (h->level == 0)
		{
			/* mean count of the lattice cells within 3 steps, inside [min, max] */
			double		k = round((bf_bin_point(h, i) - h->min) / q);
			double		sum = 0;
			int			cells = 0;

			for (int s = 1; s <= BF_ATOM_WINDOW; s++)
				cells += (k - s >= 0) + (k + s <= kmax);
			for (int j = i - BF_ATOM_WINDOW; j <= i + BF_ATOM_WINDOW; j++)
				if (j >= 0 && j < h->nbins && j != i &&
					fabs(round((bf_bin_point(h, j) - h->min) / q) - k) <= BF_ATOM_WINDOW)
					sum += (double) counts[j];
			atom = cells > 0 && (double) counts[i] > BF_ATOM_FACTOR_CELLS * sum / cells;
		}
		else
		{
			/* densities over the neighbouring keys, inside the sketch's key range */
			double		lo,
						hi,
						dens,
						sum = 0;
			int			cells = 0;

			bf_bin_edges(h, i, &lo, &hi);
			dens = hi > lo ? (double) counts[i] / (hi - lo) : INFINITY;
			for (int s = -BF_ATOM_WINDOW; s <= BF_ATOM_WINDOW; s++)
			{
				int64_t		key;

				/* keys[i] + s within int64 (keys are validated, not bounded) */
				if (s == 0 || (s > 0 && keys[i] > INT64_MAX - s) || (s < 0 && keys[i] < INT64_MIN - s))
					continue;
				key = keys[i] + s;
				if (key < keys[0] || key > keys[h->nbins - 1])
					continue;
				cells++;
				for (int j = i - BF_ATOM_WINDOW; j <= i + BF_ATOM_WINDOW; j++)
					if (j >= 0 && j < h->nbins && keys[j] == key)
					{
						double		jlo,
									jhi;

						bf_bin_edges(h, j, &jlo, &jhi);
						if (jhi > jlo)
							sum += (double) counts[j] / (jhi - jlo);
					}
			}
			atom = cells > 0 && dens > BF_ATOM_FACTOR_BINS * sum / cells;
			if (cells > 0 && hi > lo)
				smooth = sum / cells * (hi - lo);
		}
		if (!atom)
			continue;
		if (klo != NULL)
		{
			a.lo = h->min + klo[i] * q;
			a.hi = h->min + khi[i] * q;
		}
		else
			bf_clipped_edges(h, i, &a.lo, &a.hi);
		a.count = counts[i];
		a.share = (double) counts[i] / n;
		a.at_edge = (i == 0 || i == h->nbins - 1);
		a.bin = i;
		a.smooth = smooth;
		bf_add_atom(p, &a);
	}
	if (klo != NULL)
		bf_free(klo);
}

/*
 * Far-out and isolated rows.  A bin counts as beyond a fence when its
 * representative point is (exact for exact sketches).
 */
static void
bf_find_outliers(const BfHistogram *h, BfProfile *p)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	double		iqr = p->q3 - p->q1;
	double		gap = BF_ISOLATED_GAP * iqr;
	int			first_hi = h->nbins,	/* first index of the isolated upper run */
				last_lo = -1;

	p->fence_lo = p->fence_hi = NAN;
	if (!(iqr > 0))
		return;
	p->fence_lo = p->q1 - BF_FAR_OUT * iqr;
	p->fence_hi = p->q3 + BF_FAR_OUT * iqr;
	for (int i = 0; i < h->nbins; i++)
	{
		double		x = bf_bin_point(h, i);

		if (x < p->fence_lo || x > p->fence_hi)
			p->far_out += counts[i];
	}
	/* the innermost gap wider than 3 IQR beyond each fence */
	for (int i = 1; i < h->nbins; i++)
	{
		double		lo,
					hi,
					plo,
					phi;

		bf_clipped_edges(h, i, &lo, &hi);
		bf_clipped_edges(h, i - 1, &plo, &phi);
		if (lo > p->fence_hi && lo - phi > gap)
		{
			first_hi = i;
			break;
		}
	}
	for (int i = h->nbins - 2; i >= 0; i--)
	{
		double		lo,
					hi,
					nlo,
					nhi;

		bf_clipped_edges(h, i, &lo, &hi);
		bf_clipped_edges(h, i + 1, &nlo, &nhi);
		if (hi < p->fence_lo && nlo - hi > gap)
		{
			last_lo = i;
			break;
		}
	}
	for (int i = first_hi; i < h->nbins; i++)
		p->isolated += counts[i];
	for (int i = 0; i <= last_lo; i++)
		p->isolated += counts[i];
	/* list the most extreme: from the top down, then from the bottom up */
	for (int i = h->nbins - 1; i >= first_hi && p->nisolated_values < BF_PROFILE_MAX_ISOLATED; i--)
		p->isolated_values[p->nisolated_values++] = i == h->nbins - 1 ? h->max : bf_bin_point(h, i);
	for (int i = 0; i <= last_lo && p->nisolated_values < BF_PROFILE_MAX_ISOLATED; i++)
		p->isolated_values[p->nisolated_values++] = i == 0 ? h->min : bf_bin_point(h, i);
}

void
bf_profile(const BfHistogram *h, BfProfile *p)
{
	const int64_t *counts = BF_HIST_COUNTS(h);
	BfDataSummary s;
	double		n;

	*p = (BfProfile)
	{
		0
	};
	p->n = bf_hist_count(h);
	p->exact = h->level == 0;
	p->distinct = h->nbins;
	p->tied_share = p->p01 = p->q1 = p->median = p->q3 = p->p99 = NAN;
	p->kurt = p->max_over_p99 = p->fence_lo = p->fence_hi = NAN;
	if (h->nbins == 0)
		return;
	n = (double) p->n;
	p->resolution = bf_detect_resolution(h);
	if (p->exact)
	{
		int64_t		tied = 0;

		for (int i = 0; i < h->nbins; i++)
			if (counts[i] >= 2)
				tied += counts[i];
		p->tied_share = (double) tied / n;
	}
	bf_summarize(h, &s);
	p->kurt = s.kurt;
	p->p01 = bf_hist_quantile(h, n, 0.01);
	p->q1 = s.q25;
	p->median = s.median;
	p->q3 = s.q75;
	p->p99 = bf_hist_quantile(h, n, 0.99);
	if (p->p99 > 0)
		p->max_over_p99 = h->max / p->p99;
	p->heavy_tail = (p->kurt > 6.0) || (p->max_over_p99 > 3.0);
	bf_find_atoms(h, p);
	bf_find_outliers(h, p);
}
