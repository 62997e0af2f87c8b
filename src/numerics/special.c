/*
 * special.c — special functions and numerically careful elementary forms
 * shared by the catalogue's entries: GSL's special functions with their
 * status checked, scipy.special's xlogy / xlog1py / log_ndtr / ndtri
 * counterparts, and the regularized incomplete beta in both tails.
 * Nothing here raises an error or aborts: failures come back as NaN.
 * Declarations and sources: special.h.
 */
#include <math.h>
#include <string.h>
#include <float.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "numerics/special.h"

/* ------------------------------------------------------------------------
 * Shared numerical helpers
 * ------------------------------------------------------------------------
 */

/* Value of a GSL special-function result; NaN on failure, 0 on underflow. */
double
bf_gsl_value(int status, const gsl_sf_result *r)
{
	if (status == GSL_SUCCESS)
		return r->val;
	if (status == GSL_EUNDRFLW)
		return 0.0;
	return NAN;
}

double
bf_lngamma(double a)
{
	gsl_sf_result r;

	return bf_gsl_value(gsl_sf_lngamma_e(a, &r), &r);
}

/* xlogy as in scipy.special: 0 when x == 0, whatever y. */
double
bf_xlogy(double x, double y)
{
	if (x == 0 && !isnan(y))
		return 0.0;
	return x * log(y);
}

/* x * log1p(y), 0 when x == 0 (scipy.special.xlog1py). */
double
bf_xlog1py(double x, double y)
{
	if (x == 0 && !isnan(y))
		return 0.0;
	return x * log1p(y);
}

/* log1p(c z) / c, continuous at c = 0 where it is z. */
double
bf_log1p_div(double c, double z)
{
	double		cz = c * z;

	if (c == 0)
		return z;
	if (fabs(cz) < 1e-5)
		return z * (1.0 - cz * (0.5 - cz * (1.0 / 3.0 - cz * 0.25)));
	return log1p(cz) / c;
}

/* expm1(c y) / c, continuous at c = 0 where it is y. */
double
bf_expm1_div(double c, double y)
{
	double		cy = c * y;

	if (c == 0)
		return y;
	if (fabs(cy) < 1e-5)
		return y * (1.0 + cy * (0.5 + cy * (1.0 / 6.0 + cy / 24.0)));
	return expm1(cy) / c;
}

/* log(1 + exp(t)) without overflow. */
double
bf_log1pexp(double t)
{
	if (t > 0)
		return t + log1p(exp(-t));
	return log1p(exp(t));
}

/* Logistic sigmoid 1 / (1 + exp(-t)), accurate in both tails. */
double
bf_expit(double t)
{
	double		e;

	if (t >= 0)
		return 1.0 / (1.0 + exp(-t));
	e = exp(t);
	return e / (1.0 + e);
}

/* log(p / (1 - p)), accurate near p = 1/2 and in both tails. */
double
bf_logit(double p)
{
	if (p > 0.3 && p < 0.7)
		return log1p((2.0 * p - 1.0) / (1.0 - p));
	return log(p / (1.0 - p));
}

/* log Phi(x), the log of the standard normal cdf, accurate in both tails. */
double
bf_log_ndtr(double x)
{
	gsl_sf_result r;

	if (x < -1e4)				/* asymptotic series, relative error < 1e-16 */
		return -0.5 * x * x - log(-x) - LN_SQRT_2PI - 1.0 / (x * x);
	if (x < -1.0)
		return -M_LN2 + bf_gsl_value(gsl_sf_log_erfc_e(-x * M_SQRT1_2, &r), &r);
	return log1p(-gsl_cdf_ugaussian_Q(x));
}

/* Standard normal quantile, exact in either tail. */
double
bf_ndtri(double p)
{
	if (p > 0.5)
		return -gsl_cdf_ugaussian_Pinv(1.0 - p);
	return gsl_cdf_ugaussian_Pinv(p);
}

/*
 * Regularized incomplete beta I_x(a, b) and its complement 1 - I_x(a, b),
 * given x and y = 1 - x separately (so that neither is rounded by a
 * subtraction).  GSL's gsl_sf_beta_inc switches to 1 - I_{1-x}(b, a) itself
 * and would form 1 - x internally; we choose the branch here and pass the
 * exact complement instead.
 */
void
bf_beta_inc_pq(double a, double b, double x, double y, double *P, double *Q)
{
	gsl_sf_result r;
	double		v;

	if (isnan(x) || isnan(y))
	{
		*P = *Q = NAN;
		return;
	}
	if (x <= 0)
	{
		*P = 0.0;
		*Q = 1.0;
		return;
	}
	if (y <= 0)
	{
		*P = 1.0;
		*Q = 0.0;
		return;
	}
	if (x < (a + 1.0) / (a + b + 2.0))
	{
		v = bf_gsl_value(gsl_sf_beta_inc_e(a, b, x, &r), &r);
		*P = v;
		*Q = 1.0 - v;
	}
	else
	{
		v = bf_gsl_value(gsl_sf_beta_inc_e(b, a, y, &r), &r);
		*Q = v;
		*P = 1.0 - v;
	}
}
