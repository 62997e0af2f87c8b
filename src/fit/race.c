/*
 * race.c — best_fit's race: which candidates it may drop after their first
 * stage, the bound that proves a dropped candidate could not have won, and
 * the fits it passes over at a family's limit.
 *
 * best_fit returns one winner (bf_choose_best, metrics.h: the fewest
 * parameters among the clean fits within BF_PARSIMONY_AIC of the smallest
 * AIC).  It fits the cheap candidates first (those bf_race_entrant says no
 * to), and takes their smallest clean AIC plus BF_PARSIMONY_AIC as the bar.
 * Each entrant then runs its search on the coarse copies of the sketch
 * (stages.c) and stops there, dropped, before the polish, the snaps, the
 * metrics and the standard errors, when even the largest log-likelihood its
 * fit on the full sketch could reach gives an AIC above the bar plus
 * BF_RACE_MARGIN: such a fit is neither the smallest AIC nor within
 * BF_PARSIMONY_AIC of it, so bf_choose_best would pass it over.
 *
 * Entrants (bf_race_entrant): continuous entries marked expensive, with a
 * coarse budget or with quadrature bin masses, and no integer search or
 * ridge walk (the zoo's 8: gausshyper, geninvgauss, genhyperbolic,
 * levy_stable, nct, norminvgauss, vonmises, vonmises_line).
 *
 * The bound.  On a binned sketch the log-likelihood is the multinomial one
 * of the bin masses P_i(theta) divided by the widths (fit.h).  When every
 * bin i of the full sketch lies inside one bin j(i) of its finest coarse
 * copy (the ladder's last but one rung, data.c), for every theta
 *   LL_full(theta) - LL_coarse(theta)
 *     = sum_i wl_i log(P_i / P_j(i)) - sum_i wl_i log width_i + sum_j WL_j log width_j
 *       (+ the two extreme observations' capped densities, below)
 *     <= sum_i wl_i log(wl_i / WL_j(i)) - sum_i wl_i log width_i + sum_j WL_j log width_j
 * by the information (Gibbs') inequality applied inside each coarse bin
 * (Cover & Thomas, Elements of Information Theory, 2nd ed., Theorem 2.6.3),
 * since the P_i of one coarse bin sum to at most P_j.  The min and max of a
 * sketch of exact values enter with their densities capped at their bins'
 * mean density (fit.h); each adds at most log(width_j / width_i) of its
 * coarse and full bins.  This slack S is a function of the sketch alone
 * (bf_race_slack), and LL_full(theta) <= LL_coarse(theta) + S everywhere, so
 *   AIC(final fit) >= 2k - 2 (max_theta LL_coarse(theta) + S).
 * What it does not account for: the coarse search's optimum is a local one
 * and max_theta LL_coarse is taken to be the value it reached (only the
 * polish, a local one, and the snaps of a support end to the data's end
 * follow; entries with a ridge walk, which can climb on, never enter the
 * race; a first version that raced after the first stage on the coarsest
 * copy saw genhyperbolic gain 8,010 units beyond its bound there, on
 * lognorm s = 3; a search that ran out of evaluations with rounds still to
 * run is never dropped: BfProblem.budget_spent); and an entry whose
 * binned likelihood integrates the pdf by quadrature (bin_quadrature) has
 * P_i accurate to its rule only.  BF_RACE_MARGIN covers both; on the 12
 * sketches with a finite slack (the zoo's ten binned ones, the 10,000,000-row
 * normal, the baby names) the bound exceeded the log-likelihood every
 * entrant's full fit reached, its refit from a special case included, by
 * 730 units or more, 1,083 comparisons (test/bench/PERFORMANCE.md).  Exact
 * sketches, values
 * recorded to a resolution, and sketches whose bins are not nested in their
 * coarse copy's get S = infinity: nothing is dropped.  (Later, on 38
 * sketches and 2,004 comparisons, one fit went beyond the bound, and it
 * cannot win: ncx2's refit from chi2 on Cauchy draws, by 30,409 units; it
 * ends at chi2's log-likelihood with one parameter more.  Every other
 * bound lay 735 units or more above the fit.)
 *
 * After the coarsest copy (since the thirty-sixth session).  The same
 * inequality holds between the coarsest copy and the full sketch, with
 * that copy's slack S0 (BfLadder.race_slack_first, BfRace.slack_first;
 * ladders of three rungs).  S0 is far larger than S (563,099 against
 * 43,034 on the 10,000,000-row normal), but for a fit that models the data
 * well LL_full - LL_coarse comes within about a thousand units of either
 * slack (the Gibbs bound is nearly attained when the model's shape inside
 * each coarse bin is the data's), so a candidate millions of units behind
 * is as hopeless after the coarsest copy as after the finer one.  An
 * entrant whose search on the coarsest copy converged is dropped there,
 * before the finer copies' travel, when 2k - 2 (LL_0 + 2 S0) > bar +
 * BF_RACE_MARGIN (bf_race_drops_first: the slack taken twice,
 * BF_RACE_FIRST_FACTOR).  The second S0 is room for what the proof does
 * not cover there: the travel can move a fit far from the first copy's
 * optimum (the first version's 8,010 units above, on a bound with S0
 * once).  Measured without the race on 38 sketches (the zoo's, the
 * 10,000,000-row normal, 13 fresh synthetic shapes, 12 real columns:
 * test/bench/PERFORMANCE.md): no entrant's own fit ended above LL_0 + S0 by more
 * than 846 units (f on the 10,000,000-row normal, flagged; 0.15 % of its
 * S0), and no clean one came within 776 units of it; every fit the race
 * dropped, at either copy, ended at least 1,164 units below the winner
 * when fitted in full.
 *
 * Fits at a family's limit (race->limits).  A fit that ends with a free
 * shape at an edge of its domain (beyond 1e3 towards an infinite end, within
 * 1e-3 relative of a finite one: diagnostics.c) carries a warning ("a = 3e6
 * is at the upper edge of its domain: the fit is numerically norm"), and
 * bf_choose_best passes it over whenever some fit carries none.  With
 * limits set, every continuous fit without an integer search (entrant or
 * not; erlang's real relaxation of its integer a counts as one,
 * integer_search.c, bf_fit_relaxed) whose search on the coarse copies
 * ends with a free shape three times beyond those tests (3e3; 3.3e-4:
 * bf_race_at_limit, BF_RACE_LIMIT_MARGIN_COARSE; ten times until the
 * forty-first session), or whose search on a sketch too small for coarse
 * copies (the single stage) ends ten times beyond them (1e4; 1e-4:
 * BF_RACE_LIMIT_MARGIN), stops there, passed_over, before
 * the polish, the support-end snaps and a ridge walk (stages.c,
 * bf_pass_over_at_limit); so does one whose ridge walk's steps from there
 * (bf_ridge_probe, on the finest coarse copy) climb above its end to a
 * shape ten times past those tests (BF_RACE_LIMIT_MARGIN; loggamma's c from 916 to 6e7 on the zoo's
 * lognorm s = 0.5 sketch), at the walk's end;
 * one whose search on the coarsest copy alone ends a hundred times beyond
 * them (1e5; 1e-5: BF_RACE_LIMIT_MARGIN_FIRST, a thousand until the
 * thirty-sixth session) stops after that copy, before the finer copies'
 * travel.  What follows
 * the coarse search is local (the polish) or moves a shape further out (a
 * ridge walk); the factor 3 is room for the polish (on 57 sketches, the
 * 38 below and 19 fresh ones, no fit that ended clean had after the coarse
 * copies a shape beyond 1.24 times the tests: truncweibull_min on
 * weather.csv's pressure; none of the 136 between 1.5 and 10 ended clean;
 * test/bench/PERFORMANCE.md), the factor 100 room for the travel too: of 2,599 fits of
 * the whole default set on 38 sketches without the race, the 1,886 whose
 * own fit ended clean had after the coarsest copy no free shape beyond
 * 1.98 times the warnings' tests but one (exponweib on the baby names'
 * counts: a = 15,094 there, below 1,000 at the end), and the 453 beyond
 * 100 times all ended flagged or not fitted (test/bench/PERFORMANCE.md).
 * Between five and a hundred times beyond them after the coarsest copy
 * (BF_RACE_LIMIT_MARGIN_PROBE, since the forty-first session), a fit is
 * probed: BF_RACE_PROBE_EVALS evaluations of the next copy's travel from
 * a copy of its point (stages.c, bf_pass_over_after_probe).  When they
 * bring that shape back by less than 1 % of its edge factor
 * (bf_shape_edge_factor, BF_RACE_PROBE_BACK), the fit is passed over there;
 * otherwise it goes on from where it was, as without the probe.  The factor
 * 5 stands 2.5 times above the largest a clean fit reached there (1.98,
 * above), and the probe is there for the one clean fit beyond it (exponweib
 * on the baby names' counts, whose a fell from 15,094 to 10,572 within the
 * probe's evaluations); of the fits the probe passed over on those 38
 * sketches (95) and on 19 fresh ones (44: test/bench/PERFORMANCE.md), none ended
 * clean when fitted in full without the race.  Should no fit be clean at the
 * end, the caller fits the passed-over ones in full (bf_race_refit_needed),
 * so that best_fit's
 * answer is the one it would give without the rule whenever every fit so
 * stopped would have ended with its warning or not fitted.  That is an
 * observation, not a theorem: on the zoo's twelve sketches and five
 * weather.csv columns every fit whose coarse search ended even at the
 * warnings' own thresholds (377 of 1,785) ended flagged or not fitted, and
 * of the 415 fits the rule passed over on those and six more real and large
 * sketches, and the 384 it passed over after the single stage on five real
 * and fourteen synthetic small sketches, none would have ended clean
 * (test/bench/PERFORMANCE.md).
 *
 * The idea of dropping candidates whose bound cannot beat the leader is the
 * racing of Maron & Moore (1994), "Hoeffding races: accelerating model
 * selection search", NIPS 6; the bound here is deterministic (an
 * inequality), not a confidence bound, so best_fit's answer is the same as
 * without the race whenever the margin holds.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/internal.h"

/* full bin i's edges */
static inline double
bin_lo(const BfFitData *fd, int i)
{
	return fd->edges[fd->ilo[i]];
}

static inline double
bin_hi(const BfFitData *fd, int i)
{
	return fd->edges[fd->ihi[i]];
}

double
bf_race_slack(const BfFitData *coarse, const BfFitData *full)
{
	double	   *WL;
	int		   *map;
	int			j = 0;
	double		s = 0;
	bool		nested = true;

	if (coarse == full || coarse->exact || full->exact || coarse->resolution > 0 ||
		full->resolution > 0 || coarse->nbins < 1 || full->nbins < 1 || coarse->n != full->n)
		return INFINITY;
	WL = bf_alloc(sizeof(double) * coarse->nbins);
	map = bf_alloc(sizeof(int) * full->nbins);
	for (int k = 0; k < coarse->nbins; k++)
		WL[k] = 0;
	for (int i = 0; i < full->nbins && nested; i++)
	{
		while (j < coarse->nbins && bin_hi(coarse, j) < bin_hi(full, i))
			j++;
		if (j == coarse->nbins || bin_lo(coarse, j) > bin_lo(full, i))
			nested = false;
		else
		{
			map[i] = j;
			WL[j] += full->wl[i];
		}
	}
	/* the extreme bins must be each other's, and the weights the same */
	nested = nested && map[0] == 0 && map[full->nbins - 1] == coarse->nbins - 1;
	for (int k = 0; k < coarse->nbins && nested; k++)
		nested = WL[k] == coarse->wl[k];
	if (nested)
	{
		for (int i = 0; i < full->nbins; i++)
			if (full->wl[i] > 0)
				s += full->wl[i] * log(full->wl[i] / WL[map[i]]);
		s += coarse->sum_wlogwidth - full->sum_wlogwidth;
		/* the min and max, by their capped densities (resolution 0 here) */
		s += log((bin_hi(coarse, 0) - bin_lo(coarse, 0)) /
				 (bin_hi(full, 0) - bin_lo(full, 0)));
		s += log((bin_hi(coarse, coarse->nbins - 1) - bin_lo(coarse, coarse->nbins - 1)) /
				 (bin_hi(full, full->nbins - 1) - bin_lo(full, full->nbins - 1)));
	}
	bf_free(WL);
	bf_free(map);
	return nested && isfinite(s) ? s : INFINITY;
}

/*
 * The race's pace-setters: fitted in full before the entrants, so that the
 * bar is the best of them (the header).  One common family per broad shape
 * of data: symmetric (norm), heavy-tailed (t), skewed with a lower end
 * (lognorm, gamma, weibull_min, expon), bounded (uniform).  Which families
 * set the pace changes only how many entrants are dropped, never the
 * answer (test/bench/PERFORMANCE.md: a set of 17 common families and one of 25
 * dropped fewer).  An entry whose fit is another's law mapped
 * (catalogue/entry.h, same_law: gamma's is chi2's) sets the pace through
 * that other entry, which is then a pace-setter too.
 */
static const char *const bf_race_pacers[] = {
	"norm", "t", "lognorm", "gamma", "weibull_min", "expon", "uniform"
};

bool
bf_race_entrant(const BfDist *d)
{
	if (d->kind != BF_CONTINUOUS || bf_has_integer_shapes(d) || BF_HINT(d, ridge_shape) > 0)
		return false;
	for (int i = 0; i < (int) lengthof(bf_race_pacers); i++)
	{
		const BfDist *p = bf_find_dist(bf_race_pacers[i]);

		if (strcmp(d->name, bf_race_pacers[i]) == 0 ||
			(p != NULL && BF_HINT(p, same_law) != NULL && strcmp(d->name, BF_HINT(p, same_law)) == 0))
			return false;
	}
	return true;
}

/* the AIC bound 2k - 2 (ll + slack) against the bar (waited for when not known yet) */
static bool
bf_race_drops_with(const BfRace *race, int nfree, double ll, double slack)
{
	double		aic_bound;
	double		bar;

	if (race == NULL || !isfinite(race->slack) || !isfinite(slack) || !isfinite(ll))
		return false;
	bar = race->wait_bar != NULL ? race->wait_bar(race->wait_arg) : race->bar;
	if (!isfinite(bar))
		return false;
	aic_bound = 2.0 * nfree - 2.0 * (ll + slack);
	return aic_bound > bar + BF_RACE_MARGIN;
}

bool
bf_race_drops(const BfRace *race, int nfree, double coarse_ll)
{
	return race != NULL && bf_race_drops_with(race, nfree, coarse_ll, race->slack);
}

bool
bf_race_checks_first(const BfRace *race)
{
	return race != NULL && race->slack_first > 0 && isfinite(race->slack_first);
}

bool
bf_race_drops_first(const BfRace *race, int nfree, double first_ll)
{
	return bf_race_checks_first(race) &&
		bf_race_drops_with(race, nfree, first_ll, BF_RACE_FIRST_FACTOR * race->slack_first);
}

/*
 * A shape whose search the entry caps (fit_max, catalogue/entry.h) below
 * margin times the warnings' test of an infinite upper end, the cap itself
 * beyond that test (BF_EDGE_BIG: a fit there is flagged), counts as at the
 * limit once it is within BF_RACE_CAP_NEAR of the cap (bf_shape_edge_factor
 * of the cap between 1 and margin): the search cannot
 * take it further, so the margin's own test could never pass.  ncf's nc,
 * capped at 2e3 against the coarse copies' 3e3 (since 2026-12-06; its
 * three-normal mixture's fit was fitted in full, 0.8 s, where it had been
 * passed over at nc = 7,944 under the former cap of 1e4).  The evidence
 * for the margins (race.c's header: no fit that ended clean had a shape
 * beyond 1.24 times the tests after the coarse copies) covers 1.8 times.
 * Not after the coarsest copy alone (BF_RACE_LIMIT_MARGIN_FIRST), whose
 * margin leaves room for the travel of the finer copies.
 */
#define BF_RACE_CAP_NEAR 0.9

static bool
bf_race_at_cap(const BfDist *d, int i, double v, double margin)
{
	double		cap = BF_HINT(d, fit_max[i]),
				f;

	if (!(cap > 0) || margin >= BF_RACE_LIMIT_MARGIN_FIRST || !isinf(bf_shape_domain(d, i)->hi))
		return false;
	f = bf_shape_edge_factor(d, i, cap);
	return f > 1.0 && f < margin && v >= BF_RACE_CAP_NEAR * cap;
}

int
bf_race_at_limit(const BfDist *d, const double *fixed, const double *params, double margin)
{
	/* integer shapes: only those fitted as reals first (bf_fit_relaxed), while free */
	if (d->kind != BF_CONTINUOUS || (bf_has_integer_shapes(d) && !BF_HINT(d, integer_relaxable)))
		return -1;
	for (int i = 0; i < d->nshapes; i++)
		if (isnan(fixed[i]) &&
			(bf_shape_edge(d, i, params[i], margin) != 0 || bf_race_at_cap(d, i, params[i], margin)))
			return i;
	return -1;
}

bool
bf_race_refit_needed(const BfFitResult *results, int n)
{
	bool		passed = false;

	for (int i = 0; i < n; i++)
	{
		if (results[i].ok && !results[i].degenerate)
			return false;
		passed |= results[i].passed_over;
	}
	return passed;
}
