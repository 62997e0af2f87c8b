/*
 * twins.c — entries whose fits are the same computation, fitted once.
 *
 * scipy has pairs of names for one law on one support: vonmises and
 * vonmises_line have the same density on [-pi, pi] (scipy.stats: vonmises
 * is the circular distribution, vonmises_line "on the line segment"; their
 * pdf, cdf on the segment and fit are the same), and the catalogue lists
 * both, with the same functions and the same fit hints, so that results
 * compare one to one with scipy's names.  A fit is a function of the
 * sketch, the entry's functions and hints and the fixed parameters
 * (fit.h), so two such entries fitted with the same fixed parameters get
 * the same result bit for bit: the second one's is a copy of the first's
 * (the callers: src/pg/parallel.c, test/bench/fitprof.c), which saves the
 * whole fit (vonmises: 1.6 % of the zoo's CPU).
 *
 * Twins are recognised from the entries themselves (bf_same_fit): the same
 * kind, shapes (domains, integer flags, limits named in warnings), support,
 * density, cdf, sf and bin-mass functions and the same fit hints, byte for
 * byte.  Anything else that differs (the name, the description, the
 * quantile function, aliases) does not enter a fit.  Functions that read
 * their entry through self would break this; none does (unitcheck's
 * test_twins fits both entries of every pair in full and compares).
 */
#include <math.h>
#include <string.h>

#include "fit/internal.h"

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool
bf_same_fit(const BfDist *a, const BfDist *b)
{
	if (a == b)
		return true;
	if (a->kind != b->kind || a->nshapes != b->nshapes || a->support != b->support ||
		a->logpdf != b->logpdf || a->cdf != b->cdf || a->sf != b->sf ||
		a->log_mass != b->log_mass || memcmp(&a->fit, &b->fit, sizeof(BfFitHints)) != 0)
		return false;
	for (int i = 0; i < a->nshapes; i++)
		if (memcmp(&a->shapes[i].domain, &b->shapes[i].domain, sizeof(BfDomain)) != 0 ||
			a->shapes[i].integer != b->shapes[i].integer ||
			!same_text(a->shapes[i].name, b->shapes[i].name) ||
			!same_text(a->shapes[i].limit_lo, b->shapes[i].limit_lo) ||
			!same_text(a->shapes[i].limit_hi, b->shapes[i].limit_hi))
			return false;
	return true;
}

/* the same fixed vectors (NULL: none fixed; NaN: free), bit for bit where fixed */
static bool
same_fixed(const BfDist *d, const double *a, const double *b)
{
	for (int i = 0; i < bf_nparams(d); i++)
	{
		double		x = a ? a[i] : NAN,
					y = b ? b[i] : NAN;

		if (isnan(x) != isnan(y) || (!isnan(x) && memcmp(&x, &y, sizeof(double)) != 0))
			return false;
	}
	return true;
}

int
bf_fit_twin(const BfDist *const *dists, const double *const *fixed, int c)
{
	for (int t = 0; t < c; t++)
		if (dists[t] != NULL && dists[c] != NULL &&
			bf_same_fit(dists[t], dists[c]) && same_fixed(dists[c], fixed[t], fixed[c]))
			return t;
	return -1;
}
