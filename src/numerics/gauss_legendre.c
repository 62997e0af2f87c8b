/*
 * gauss_legendre.c — one cache of GSL's Gauss-Legendre tables for the core.
 * See gauss_legendre.h.
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "numerics/gauss_legendre.h"

#define BF_GL_MAX_ORDER 64

/* tables by order; the backend is single-threaded, tables are never freed */
static gsl_integration_glfixed_table *bf_gl_tables[BF_GL_MAX_ORDER + 1];

static gsl_integration_glfixed_table *
bf_gl_table(int n)
{
	if (n < 1 || n > BF_GL_MAX_ORDER)
		return NULL;
	if (bf_gl_tables[n] == NULL)
		bf_gl_tables[n] = gsl_integration_glfixed_table_alloc(n);
	return bf_gl_tables[n];
}

/*
 * The rules up to BF_GL_UNIT_MAX points on [-1, 1], unpacked from GSL's
 * table once (gsl_integration_glfixed_point with a = -1, b = 1 gives the
 * table's node and weight exactly): a node on [a, b] is then B + A t, its
 * weight A w, A = (b - a) / 2 and B = (b + a) / 2, the same operations
 * GSL's gsl_integration_glfixed_point does after looking the entry up
 * (bit for bit: test/unit checks it on random intervals).  The quadrature
 * entries' bin masses ask for every node of every bin and evaluation:
 * GSL's look-up was 3 % of all instructions of the whole default set on
 * the zoo's lognormal s = 0.5 sketch (callgrind, 2026-12-05), and the call
 * to this file 2.2 % after that; the unpacked rules' path is now inline
 * (bf_gl_point, gauss_legendre.h).
 */
double		bf_gl_unit_t[BF_GL_UNIT_MAX + 1][BF_GL_UNIT_MAX],
			bf_gl_unit_w[BF_GL_UNIT_MAX + 1][BF_GL_UNIT_MAX];
bool		bf_gl_unit_ready[BF_GL_UNIT_MAX + 1];

static bool
bf_gl_unit(int n)
{
	gsl_integration_glfixed_table *t;

	if (bf_gl_unit_ready[n])
		return true;
	t = bf_gl_table(n);
	if (t == NULL)
		return false;
	for (int i = 0; i < n; i++)
		if (gsl_integration_glfixed_point(-1.0, 1.0, i, &bf_gl_unit_t[n][i], &bf_gl_unit_w[n][i],
										  t) != GSL_SUCCESS)
			return false;
	bf_gl_unit_ready[n] = true;
	return true;
}

/* bf_gl_point's other path (gauss_legendre.h): unpacks a rule on its first use */
bool
bf_gl_point_table(int n, double a, double b, int i, double *x, double *w)
{
	gsl_integration_glfixed_table *t;

	/* unpacked now: the inline path's values */
	if (n >= 1 && n <= BF_GL_UNIT_MAX && i >= 0 && i < n && bf_gl_unit(n))
		return bf_gl_point(n, a, b, i, x, w);
	t = bf_gl_table(n);
	if (t == NULL || gsl_integration_glfixed_point(a, b, i, x, w, t) != GSL_SUCCESS)
	{
		*x = *w = NAN;
		return false;
	}
	return true;
}

double
bf_gl_integrate(int n, double (*f) (double, void *), void *arg, double a, double b)
{
	gsl_integration_glfixed_table *t = bf_gl_table(n);
	gsl_function F;

	if (t == NULL)
		return NAN;
	F.function = f;
	F.params = arg;
	return gsl_integration_glfixed(&F, a, b, t);
}
