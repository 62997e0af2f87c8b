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
 * could not allocate the table (then *x and *w are NaN).  Inline for the
 * rules up to BF_GL_UNIT_MAX points once unpacked (gauss_legendre.c): the
 * bin masses of the quadrature entries ask for every node of every bin of
 * every evaluation, and the call was 2.2 % of all instructions of the
 * whole default set on the zoo's sketches (callgrind, 2026-12-05);
 * bf_gl_point_table otherwise (the first call for a rule, larger rules).
 */
#define BF_GL_UNIT_MAX 16

extern double bf_gl_unit_t[BF_GL_UNIT_MAX + 1][BF_GL_UNIT_MAX],
			bf_gl_unit_w[BF_GL_UNIT_MAX + 1][BF_GL_UNIT_MAX];
extern bool bf_gl_unit_ready[BF_GL_UNIT_MAX + 1];

extern bool bf_gl_point_table(int n, double a, double b, int i, double *x, double *w);

static inline bool
bf_gl_point(int n, double a, double b, int i, double *x, double *w)
{
	if (n >= 1 && n <= BF_GL_UNIT_MAX && i >= 0 && i < n && bf_gl_unit_ready[n])
	{
		double		A = 0.5 * (b - a),
					B = 0.5 * (b + a);

		*x = B + A * bf_gl_unit_t[n][i];
		*w = A * bf_gl_unit_w[n][i];
		return true;
	}
	return bf_gl_point_table(n, a, b, i, x, w);
}

/* integral of f over [a, b] by the n-point rule; NaN when the table is missing */
extern double bf_gl_integrate(int n, double (*f) (double, void *), void *arg, double a, double b);

#endif							/* BESTFIT_NUMERICS_GAUSS_LEGENDRE_H */
