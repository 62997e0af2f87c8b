/*
 * point_mass.h — the point masses a continuous fit leaves out
 * (point_mass.c).
 *
 * A column whose rows heap at one value (exact zeros beside positive
 * amounts, a default written into 20 % of the rows, a sensor stuck at one
 * reading) has a point mass there, which no continuous density has.  Fitted
 * as they are, such values make the likelihood unbounded: a density may put
 * a spike of any height on them, and a spike earns more than any model of
 * the other rows can (on 1,000,000 rows, half of them exact zeros and half
 * lognormal, best_fit answered genpareto with scale 8e-307 at 0 and
 * log-likelihood +3.5e8, status ok; on a column 99.9 % of whose rows were
 * one value, cauchy with a tiny scale, after 12 s of fitting).
 *
 * The model such data call for is a mixture of the point masses and a
 * continuous law F: P(X = a_j) = p_j and, with probability 1 - sum p_j, X ~
 * F (Aitchison 1955, "On the distribution of a positive random variable
 * having a discrete probability mass at the origin", JASA 50, 901-908: the
 * delta distribution; a hurdle model in the terms of Mullahy 1986, Journal
 * of Econometrics 33, 341-365).  Its likelihood is the product of the
 * masses' multinomial term and F's likelihood of the other rows, so F's
 * maximum likelihood estimate is the fit of F to the other rows alone, and
 * the masses' is their share of the rows.  That is what the continuous fits
 * do (fit_distributions, best_fit, fit_report, gof_test): they fit the
 * sketch without its point masses, and each fit's warnings name them.  The
 * fits' log-likelihoods, information criteria and tests are then those of
 * F on the other rows; the masses' share is in the warning and in
 * fit_report's atoms.  What this does not do: model the masses (a fitted
 * distribution's pdf, cdf and quantile are F's), or a mass that sits
 * where F's support does not reach, which F's fit cannot know about.
 *
 * Which values are point masses: fit_report's atoms (profile.h: on values
 * taken as exact, any tie holding more than 1 % of the rows; in a binned
 * sketch, a bin holding more than 1 % of them at more than 4 times the
 * density of its neighbouring bin keys), a bin only at BF_POINT_MASS_BIN_RATIO
 * times the rows its neighbours' density gives it or more (a density
 * diverging as |x - e|^(a - 1) at an end e away from 0, where bins keep
 * their width, gives its end bin 3 / (4^a - 1) times the density of the
 * next three: 5.8 and 7.7 on beta(0.3, 0.3)'s quantiles, 3 on beta(0.5,
 * 0.5)'s, below 32 for every a > 0.065; exact zeros beside lognormal
 * amounts, infinitely many times, a default value in a fifth of normal
 * rows 162 times), and only where the likelihood rewards a spike:
 *   - the fit takes the values as exact or its bins as they are (resolution
 *     q = 0) and no recording resolution was detected (rounded values'
 *     cells bound the likelihood; their heaping is fit_report's advice,
 *     README "Rounded data");
 *   - fewer than BF_PROFILE_MAX_ATOMS atoms (more: the column holds few
 *     values, each heaped, a discrete column rather than a continuous one
 *     with a few masses; fitted as before, where the warnings flag spikes);
 *   - at least BF_POINT_MASS_MIN_REST distinct values or bins remain.
 * The thresholds are this project's (profile.h's 1 % and 4 times).
 * Discrete fits take every value as it is.
 */
#ifndef BESTFIT_SKETCH_POINT_MASS_H
#define BESTFIT_SKETCH_POINT_MASS_H

#include <stddef.h>

#include "sketch/profile.h"
#include "sketch/sketch.h"

/* distinct values or bins the rows other than the point masses must keep */
#define BF_POINT_MASS_MIN_REST 5
/* a bin's rows over those its neighbours' density gives it, for a point mass */
#define BF_POINT_MASS_BIN_RATIO 32.0

typedef struct BfPointMasses
{
	int			n;				/* point masses left out, largest first; 0: none */
	BfAtom		atoms[BF_PROFILE_MAX_ATOMS];
	int64_t		rows;			/* rows they hold */
	int64_t		total;			/* finite rows of the sketch */
	double		range;			/* max - min of the sketch */
} BfPointMasses;

/*
 * The sketch a continuous fit at resolution q (>= 0) uses: h itself, with
 * pm->n = 0, or h without its point masses (the rules above), a new value
 * from bf_alloc with the same level: an exact value's rows all gone, a
 * mass's bin left with the rows its neighbours' density gives it (none:
 * the bin gone), the other bins unchanged, and min and max those of the
 * bins kept (a binned sketch's new extreme bin is taken whole: its first
 * or last row is somewhere in it).  h must be validated;
 * the result passes bf_hist_validate_fields (its level may no longer be the
 * smallest its bins need).  Deterministic: a function of h and q.
 */
extern const BfHistogram *bf_without_point_masses(const BfHistogram *h, double q,
												  BfPointMasses *pm);

/*
 * The warning a fit without point masses carries, into buf (len bytes,
 * truncated there): "fitted without the point mass at x = 0 (500000 of
 * 1000000 rows, 50%): ...".  Nothing (an empty string) when pm->n = 0.
 */
extern void bf_point_masses_warning(const BfPointMasses *pm, char *buf, size_t len);

#endif							/* BESTFIT_SKETCH_POINT_MASS_H */
