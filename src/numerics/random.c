/*
 * random.c — uniform random numbers (random.h).
 */
#include "numerics/random.h"

double
bf_uniform53(gsl_rng *rng)
{
	for (;;)
	{
		unsigned long a = gsl_rng_get(rng) >> 5;
		unsigned long b = gsl_rng_get(rng) >> 6;
		double		u = (a * 67108864.0 + b) / 9007199254740992.0;

		if (u > 0)
			return u;
	}
}
