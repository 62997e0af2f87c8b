/*
 * gamma_temme.h — the incomplete gamma functions for large shapes by
 * Temme's uniform asymptotic expansion (gamma_temme.c; Temme 1979, SIAM J.
 * Math. Anal. 10, 757-766; DLMF 8.12).  Plain C, no PostgreSQL API.
 */
#ifndef BESTFIT_NUMERICS_GAMMA_TEMME_H
#define BESTFIT_NUMERICS_GAMMA_TEMME_H

#include <stdbool.h>

/* (log1p(t) - t) / t^2 for t > -1, continuous at t = 0 (value -1/2). */
extern double bf_log1pmx_ratio(double t);

/*
 * Where the expansion is used for P(a, x) and Q(a, x): a >= 2000, or
 * a >= 10 with 0.3 a <= x <= 2.5 a (within 2.5e-14 relative of mpmath up
 * to a = 100, 5e-13 up to a = 2000; gamma_temme.c).
 */
extern bool bf_gamma_use_temme(double a, double x);

/*
 * P(a, x) (upper false) or Q(a, x) (upper true) by the expansion, for the
 * shapes and arguments bf_gamma_use_temme accepts; constant cost in a, x.
 */
extern double bf_gamma_inc_temme(double a, double x, bool upper);

/*
 * The expansion in a standardized variable: z = (x - a) / sqrt(a),
 * u = (x - a) / a, r = 1 / sqrt(a) (pearson3 passes its own z, u = s z / 2
 * and r = s / 2, which never form x - a); the lower tail (upper false) or
 * the upper one.
 */
extern double bf_gamma_temme_tail(double z, double u, double r, bool upper);

#endif
