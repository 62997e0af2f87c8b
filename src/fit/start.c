/*
 * start.c — start values of a fit: the entry's own start function and its
 * start grid, each point scored on the coarse copy; the best and up to
 * BF_MAX_STARTS - 1 non-neighbouring runner-ups are returned.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"

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
void
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

	if (!bf_entry_start(d, &full->summary, fixed, params))
		bf_start_default(d, &full->summary, fixed, params);
	if (nalt)
		*nalt = 0;
	for (int i = 0; i < ns; i++)
		any_grid |= (BF_HINT(d, ngrid)[i] > 0 && isnan(fixed[i]));
	if (!any_grid)
		return;
	best = bf_loglik_search(coarse, d, params);
	if (isnan(best))
		best = -INFINITY;
	for (int i = 0; i < ns; i++)
		if (BF_HINT(d, ngrid)[i] > 0 && isnan(fixed[i]))
			ntrials *= BF_HINT(d, ngrid)[i];
	/*
	 * zeroed: a cancel leaves the unscored trials' grid indices to the sort's
	 * tie-break (memcheck saw them uninitialised in parallel.sql's cancel)
	 */
	trials = bf_alloc(sizeof(BfGridStart) * ntrials);
	memset(trials, 0, sizeof(BfGridStart) * ntrials);
	for (int t = 0; t < ntrials; t++)
	{
		BfGridStart *g = &trials[t];
		int			i;

		if (bf_should_stop())
		{
			/* cancelled: the caller unwinds; leave the rest unscored */
			for (; t < ntrials; t++)
				trials[t].ll = -INFINITY;
			break;
		}
		memcpy(g->params, params, sizeof(g->params));
		memcpy(g->idx, idx, sizeof(g->idx));
		for (i = 0; i < ns; i++)
			if (BF_HINT(d, ngrid)[i] > 0 && isnan(fixed[i]))
				g->params[i] = BF_HINT(d, grid)[i][idx[i]];
		bf_start_locscale(d, &full->summary, fixed, g->params);
		g->ll = bf_loglik_search(coarse, d, g->params);
		if (isnan(g->ll))
			g->ll = -INFINITY;
		/* next combination (odometer over the free gridded shapes) */
		for (i = 0; i < ns; i++)
		{
			if (!(BF_HINT(d, ngrid)[i] > 0 && isnan(fixed[i])))
				continue;
			if (++idx[i] < BF_HINT(d, ngrid)[i])
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
	bf_free(trials);
}
