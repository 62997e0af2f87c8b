/*
 * point_mass.c — the point masses a continuous fit leaves out: the rules,
 * the source (Aitchison 1955) and what it does not do are in point_mass.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sketch/point_mass.h"
#include "sketch/summary.h"

const BfHistogram *
bf_without_point_masses(const BfHistogram *h, double q, BfPointMasses *pm)
{
	BfProfile	p;
	const int64_t *keys = BF_HIST_KEYS(h);
	const int64_t *counts = BF_HIST_COUNTS(h);
	BfHistogram *out;
	int64_t    *okeys,
			   *ocounts;
	int64_t		keep[BF_MAX_BINS];	/* each bin's rows kept */
	int			k = 0,
				nkept = 0;
	size_t		size;

	memset(pm, 0, sizeof(*pm));
	if (!(q == 0) || h->nbins < 2 || h->nbins > BF_MAX_BINS)
		return h;
	bf_profile(h, &p);
	pm->total = p.n;
	pm->range = h->max - h->min;
	if (p.resolution != 0 || p.natoms == 0 || p.natoms >= BF_PROFILE_MAX_ATOMS ||
		h->nbins - p.natoms < BF_POINT_MASS_MIN_REST)
		return h;
	memcpy(keep, counts, sizeof(int64_t) * h->nbins);
	for (int j = 0; j < p.natoms; j++)
	{
		const BfAtom *a = &p.atoms[j];
		int64_t		smooth;

		/* a bin: only far above its neighbours' density (point_mass.h) */
		if (h->level > 0 && !((double) a->count >= BF_POINT_MASS_BIN_RATIO * a->smooth))
			continue;
		/*
		 * the rows beyond what a smooth density gives the bin: all of an
		 * exact value's, a bin's excess over its neighbours' density
		 */
		smooth = (int64_t) fmin(floor(a->smooth + 0.5), (double) (a->count - 1));
		keep[a->bin] = smooth > 0 ? smooth : 0;
		pm->atoms[pm->n] = *a;
		pm->atoms[pm->n].count = a->count - keep[a->bin];
		pm->atoms[pm->n].share = (double) pm->atoms[pm->n].count / p.n;
		pm->rows += pm->atoms[pm->n].count;
		pm->n++;
	}
	if (pm->n == 0)
		return h;
	for (int i = 0; i < h->nbins; i++)
		nkept += keep[i] > 0;

	size = BF_HIST_SIZE(nkept);
	out = bf_alloc0(size);
	memcpy(out, h, sizeof(BfHistogram));
	bf_set_value_size(out, size);
	out->nbins = nkept;
	okeys = BF_HIST_KEYS(out);
	ocounts = BF_HIST_COUNTS(out);
	for (int i = 0; i < h->nbins; i++)
		if (keep[i] > 0)
		{
			okeys[k] = keys[i];
			ocounts[k] = keep[i];
			k++;
		}
	if (keep[0] == 0)
	{
		double		lo,
					hi;

		bf_bin_edges(out, 0, &lo, &hi);
		out->min = fmax(lo, h->min);
	}
	if (keep[h->nbins - 1] == 0)
	{
		double		lo,
					hi;

		bf_bin_edges(out, out->nbins - 1, &lo, &hi);
		/* the bin is [lo, hi): its largest value is below hi */
		out->max = h->level == 0 ? lo : fmin(nextafter(hi, -INFINITY), h->max);
	}
	if (h->level == 0)
	{
		out->min = bf_bin_point(out, 0);
		out->max = bf_bin_point(out, out->nbins - 1);
	}
	return out;
}

void
bf_point_masses_warning(const BfPointMasses *pm, char *buf, size_t len)
{
	size_t		used;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (pm->n == 0)
		return;
	used = snprintf(buf, len, "fitted without the point mass%s at ", pm->n > 1 ? "es" : "");
	for (int j = 0; j < pm->n && used < len; j++)
	{
		const BfAtom *a = &pm->atoms[j];

		/* a bin narrower than a millionth of the data's range is named by its value */
		if (a->hi - a->lo <= 1e-6 * pm->range)
			used += snprintf(buf + used, len - used, "%sx = %.6g", j ? ", " : "", a->lo);
		else
			used += snprintf(buf + used, len - used, "%sx in [%.6g, %.6g]", j ? ", " : "", a->lo, a->hi);
	}
	if (used < len)
		snprintf(buf + used, len - used,
				 " (%lld of %lld rows, %.3g%%): no continuous density has one, so the fit is of the other rows "
				 "(a hurdle model: report the mass apart)",
				 (long long) pm->rows, (long long) pm->total, 100.0 * pm->rows / pm->total);
}
