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

bool
bf_gl_point(int n, double a, double b, int i, double *x, double *w)
{
	gsl_integration_glfixed_table *t = bf_gl_table(n);

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
