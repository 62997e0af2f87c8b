/*
 * gauss_legendre.h — Gauss-Legendre rules for the whole core: GSL's
 * fixed-order tables (gsl_integration_glfixed_table_alloc), allocated once
 * per order and kept for the life of the process (a few hundred bytes).
 *
 * An n-point rule integrates polynomials of degree 2n - 1 exactly
 * (Abramowitz & Stegun 25.4.29; GSL manual, "Fixed point quadratures").
 */
#ifndef BESTFIT_NUMERICS_GAUSS_LEGENDRE_H
#define BESTFIT_NUMERICS_GAUSS_LEGENDRE_H

#include <stdbool.h>

/*
 * Node i (0 <= i < n) and weight of the n-point rule on [a, b], as GSL's
 * gsl_integration_glfixed_point computes them.  Returns false when GSL
 * could not allocate the table (then *x and *w are NaN).
 */
extern bool bf_gl_point(int n, double a, double b, int i, double *x, double *w);

/* integral of f over [a, b] by the n-point rule; NaN when the table is missing */
extern double bf_gl_integrate(int n, double (*f) (double, void *), void *arg, double a, double b);

#endif							/* BESTFIT_NUMERICS_GAUSS_LEGENDRE_H */
