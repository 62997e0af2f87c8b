/*
 * random.h — uniform random numbers for sampling by inversion
 * (random_sample, gof_test's bootstrap, the unit tests' samples).
 */
#ifndef BESTFIT_NUMERICS_RANDOM_H
#define BESTFIT_NUMERICS_RANDOM_H

#include <gsl/gsl_rng.h>

/*
 * A uniform double in (0, 1) with 53 random bits from two 32-bit draws of
 * rng (Matsumoto & Nishimura's genrand_res53 for MT19937; GSL's own
 * gsl_rng_uniform has only 32); zero is redrawn so that a quantile
 * function stays finite.
 */
extern double bf_uniform53(gsl_rng *rng);

#endif							/* BESTFIT_NUMERICS_RANDOM_H */
