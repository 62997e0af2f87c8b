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
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_result.h>

#include "numerics/gamma_temme.h"
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

/*
 * log Gamma(a), remembered for the last BF_LNGAMMA_SLOTS arguments: the
 * densities and tails of a likelihood ask for the same shape's at every
 * bin (bf_gamma_q's continued fraction, loggamma's density); the value is
 * GSL's whatever came before.
 */
#define BF_LNGAMMA_SLOTS 2

double
bf_lngamma(double a)
{
	static double last_a[BF_LNGAMMA_SLOTS] = {NAN, NAN},
				last_v[BF_LNGAMMA_SLOTS];
	static int	next;
	gsl_sf_result r;
	double		v;

	for (int i = 0; i < BF_LNGAMMA_SLOTS; i++)
		if (last_a[i] == a)
			return last_v[i];
	v = bf_gsl_value(gsl_sf_lngamma_e(a, &r), &r);
	last_a[next] = a;
	last_v[next] = v;
	next = (next + 1) % BF_LNGAMMA_SLOTS;
	return v;
}

/*
 * P(a, x) as GSL 2.7's gsl_sf_gamma_inc_P_e computes it, the same
 * operations in the same order (bit for bit: test/unit compares the two on
 * random arguments), with one difference: where GSL sums its series with
 * a < 10 (x < 20 there; gamma_inc.c, gamma_inc_P_series and gamma_inc_D:
 * x^a e^-x / Gamma(a + 1) times 1 + sum_n x^n / ((a + 1) ... (a + n)),
 * A&S 6.5.29), ln Gamma(a + 1) is GSL's value remembered for the last a
 * instead of computed at every call: the gamma family's
 * cdf asks for one a at every edge of a likelihood, and the logarithm of
 * the gamma function was 37 % of GSL's P there (callgrind, the zoo's
 * Pareto sketch, 2026-12-05).  Elsewhere GSL's own function.  NaN on
 * failure, 0 on underflow (bf_gsl_value).
 */
#define BF_GAMMA_P_NMAX 10000

double
bf_gamma_p(double a, double x)
{
	static double last_a = NAN,
				last_lg = NAN;
	gsl_sf_result r;

	if (a > 0.0 && a < 10.0 && x > 0.0 && x < 20.0)
	{
		double		lnr,
					D,
					sum = 1.0,
					term = 1.0;
		int			n,
					nlow;

		if (a != last_a)
		{
			if (gsl_sf_lngamma_e(a + 1.0, &r) != GSL_SUCCESS)
				return bf_gsl_value(gsl_sf_gamma_inc_P_e(a, x, &r), &r);
			last_lg = r.val;
			last_a = a;
		}
		lnr = a * log(x) - x - last_lg;
		D = exp(lnr);
		nlow = (x > a) ? (x - a) : 0;
		for (n = 1; n < nlow; n++)
		{
			term *= x / (a + n);
			sum += term;
		}
		for (; n < BF_GAMMA_P_NMAX; n++)
		{
			term *= x / (a + n);
			sum += term;
			if (fabs(term / sum) < GSL_DBL_EPSILON)
				break;
		}
		if (n < BF_GAMMA_P_NMAX)
			return D * sum;
	}
	return bf_gsl_value(gsl_sf_gamma_inc_P_e(a, x, &r), &r);
}

/*
 * log B(a, b), remembered for the last BF_LNBETA_SLOTS pairs: one cache per
 * process (PostgreSQL's backends and parallel workers are processes); the
 * value is GSL's whether it came from the cache or not.  A density or tail
 * evaluated at every bin or value of a likelihood asks for the same a and
 * b each time; the Poisson mixtures of noncentral.c ask for one pair per
 * edge, first for their terms' prefactor and then, through
 * bf_beta_inc_pq, for the incomplete beta at the same pair (with one slot
 * the second call missed: 1.3 % of the instructions of the whole default
 * set on the zoo's lognormal s = 0.5 sketch, callgrind, 2026-12-05).
 */
#define BF_LNBETA_SLOTS 4

double
bf_lnbeta(double a, double b)
{
	static double last_a[BF_LNBETA_SLOTS] = {NAN, NAN, NAN, NAN},
				last_b[BF_LNBETA_SLOTS],
				last_v[BF_LNBETA_SLOTS];
	static int	next;
	gsl_sf_result r;
	double		v;

	for (int i = 0; i < BF_LNBETA_SLOTS; i++)
		if (last_a[i] == a && last_b[i] == b)
			return last_v[i];
	v = bf_gsl_value(gsl_sf_lnbeta_e(a, b, &r), &r);
	last_a[next] = a;
	last_b[next] = b;
	last_v[next] = v;
	next = (next + 1) % BF_LNBETA_SLOTS;
	return v;
}

/* the largest bound on bf_hyperg_2f1_near_one's rounding, relative, that it accepts */
#define BF_HYPERG_TOL 1e-11

/*
 * The hypergeometric series sum_k (a)_k (b)_k / ((c)_k k!) y^k (A&S 15.1.1)
 * for 0 <= y <= 0.25, in *sum, with in *err a bound on its rounding:
 * DBL_EPSILON times sum_k ((4 k + 4) |t_k| + |s_k|), t_k the k-th term (a
 * product of k ratios of four rounded operations each) and s_k the partial
 * sum it is added to (Higham 2002, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., sec. 4.2: recursive summation), which covers the
 * cancellation of terms of both signs.  It stops at a term below 1e-17 of
 * the sum once every factor (a + k), (b + k), (c + k) is positive (k + 1 >
 * -a, -b, -c) and the terms' ratio is below 1.  False when c + k vanishes
 * (c within 1e-12 of a non-positive integer) or 1,000 terms do not do.
 */
static bool
hyperg_series_small(double a, double b, double c, double y, double *sum, double *err)
{
	double		t = 1.0,
				s = 1.0,
				e = 0.0,
				settle = fmax(fmax(-a, -b), fmax(-c, 0.0));
	int			k;

	if (c <= 0 && fabs(c - nearbyint(c)) < 1e-12)
		return false;
	for (k = 0; k < 1000; k++)
	{
		double		ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * y;

		t *= ratio;
		s += t;
		e += (4.0 * k + 8.0) * fabs(t) + fabs(s);
		if (t == 0.0 || (k + 1.0 > settle && fabs(ratio) < 1.0 && fabs(t) <= 1e-17 * fabs(s)))
			break;
	}
	if (k == 1000 || !isfinite(s))
		return false;
	*sum = s;
	*err = DBL_EPSILON * e;
	return true;
}

/*
 * log |Gamma(v)| and its sign, with GSL's error bound; false at a pole or
 * on GSL's failure.
 */
static bool
lngamma_sgn(double v, double *lg, double *sgn, double *err)
{
	gsl_sf_result r;

	if (gsl_sf_lngamma_sgn_e(v, &r, sgn) != GSL_SUCCESS || !isfinite(r.val) || *sgn == 0)
		return false;
	*lg = r.val;
	*err = r.err;
	return true;
}

/*
 * 2F1(a, b; c; x) = G(c) G(d) / (G(c - a) G(c - b)) 2F1(a, b; 1 - d; y)
 *   + y^d G(c) G(-d) / (G(a) G(b)) 2F1(c - a, c - b; 1 + d; y),
 * d = c - a - b, y = 1 - x (A&S 15.3.6, non-integer d); both series in y
 * <= 0.25 by hyperg_series_small.  Each term's relative error is bounded by
 * the sum of its Gamma functions' (GSL's bounds), 4 DBL_EPSILON times the
 * logarithm's size for the exponential (y^d included) and its series' own;
 * the result is returned only when those bounds, over both terms, stay
 * within BF_HYPERG_TOL of it (the terms grow like 1 / sin(pi d) as d nears
 * an integer and then cancel).  Only for x >= 0.9: GSL 2.7's
 * gsl_sf_hyperg_2F1_e sums the series in x itself for a, b, c >= 0 and
 * x < 0.995 (specfunc/hyperg_2F1.c), some 36 / y terms, 5-180 us against
 * 0.1-1 us here, and elsewhere near 1 forms 1 - x in floating point (up
 * to 3.8e-7 off; gausshyper's normalising constant, beta.c); below 0.9 its
 * series is short and exact.
 */
bool
bf_hyperg_2f1_near_one(double a, double b, double c, double x, double y, double *out)
{
	double		d = c - a - b,
				lg[7],
				sg[7],
				er[7],
				ln1,
				ln2,
				f1,
				f2,
				e1,
				e2,
				t1,
				t2,
				ldy,
				bound;
	const double args[7] = {c, d, c - a, c - b, -d, a, b};

	if (!(a >= 0 && b >= 0 && c >= 0 && x >= 0.9 && x < 1.0 && y > 0) ||
		fabs(d - nearbyint(d)) < 1e-6)
		return false;
	for (int i = 0; i < 7; i++)
		if (!lngamma_sgn(args[i], &lg[i], &sg[i], &er[i]))
			return false;
	ln1 = lg[0] + lg[1] - lg[2] - lg[3];
	ldy = d * log(y);
	ln2 = lg[0] + lg[4] - lg[5] - lg[6] + ldy;
	if (!(ln1 < 700 && ln2 < 700))
		return false;
	if (!hyperg_series_small(a, b, 1.0 - d, y, &f1, &e1) ||
		!hyperg_series_small(c - a, c - b, 1.0 + d, y, &f2, &e2))
		return false;
	t1 = sg[0] * sg[1] * sg[2] * sg[3] * exp(ln1);
	t2 = sg[0] * sg[4] * sg[5] * sg[6] * exp(ln2);
	*out = t1 * f1 + t2 * f2;
	bound = fabs(t1) * (e1 + fabs(f1) * (er[0] + er[1] + er[2] + er[3] + 4 * DBL_EPSILON * fabs(ln1))) +
		fabs(t2) * (e2 + fabs(f2) * (er[0] + er[4] + er[5] + er[6] + 4 * DBL_EPSILON * (fabs(ln2) + fabs(ldy))));
	return isfinite(*out) && isfinite(bound) && bound <= BF_HYPERG_TOL * fabs(*out);
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
	if (cz == INFINITY && isfinite(z))
		/* c z overflows: log1p(c z) = log|c| + log|z| + log1p(1/(c z)), the last below 1e-308 */
		return (log(fabs(c)) + log(fabs(z))) / c;
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
 * For a quadrature of exp(lg(u)) outward from u0 (dir = +1 or -1): the
 * first point u0 + dir w, w = w0, 2 w0, 4 w0, ..., where lg has fallen more
 * than drop below lg(u0), or the end lo / hi of the domain when reached
 * first (or after 200 doublings).  w0 > 0 is the integrand's own width.
 */
double
bf_decay_end(double (*lg) (double, const void *), const void *par, double u0, int dir,
			 double w0, double drop, double lo, double hi)
{
	double		g0 = lg(u0, par),
				w = w0;

	for (int i = 0; i < 200; i++, w *= 2.0)
	{
		double		u = u0 + dir * w;

		if (u <= lo)
			return lo;
		if (u >= hi)
			return hi;
		if (lg(u, par) < g0 - drop)
			return u;
	}
	return dir > 0 ? hi : lo;
}

/* the integrand exp(lg(u) - shift) of bf_integrate_exp */
typedef struct
{
	double		(*lg) (double, const void *);
	const void *par;
	double		shift;
} ExpShifted;

static double
exp_shifted(double u, void *par)
{
	const ExpShifted *e = par;

	return exp(e->lg(u, e->par) - e->shift);
}

/*
 * The integral of exp(lg(u) - shift) over [lo, hi] by bf_integrate: a tail
 * or a whole density given by its logarithm, scaled by exp(-shift) so that
 * it neither underflows nor overflows.
 */
double
bf_integrate_exp(double (*lg) (double, const void *), const void *par, double shift, double lo, double hi)
{
	ExpShifted	e = {lg, par, shift};

	return bf_integrate(exp_shifted, &e, lo, hi);
}

/*
 * e^x x^-a Gamma(a, x) for real a and x > 0: Legendre's continued fraction
 * for the upper incomplete gamma function (DLMF 8.9.2; A&S 6.5.31) by the
 * modified Lentz method (Numerical Recipes 3rd ed., sec. 5.2 and 6.2),
 * until a factor is within DBL_EPSILON of 1; NaN after maxit steps.  It
 * converges fast for x > a + 0.5 (10 to 60 steps at x >= 1 for a between
 * -30 and 1; from x = a + 1 for a up to 10).  Used by bf_gamma_q below and by ncx2's Marcum Q expansion
 * (noncentral.c, at a = 1/2 - n).
 */
double
bf_gamma_cf(double a, double x, int maxit)
{
	const double tiny = 1e-300;
	double		b = x + 1.0 - a,
				c = 1.0 / tiny,
				d = 1.0 / b,
				h = d;

	for (int i = 1; i <= maxit; i++)
	{
		double		an = -i * (i - a),
					del;

		b += 2.0;
		d = an * d + b;
		if (fabs(d) < tiny)
			d = tiny;
		c = b + an / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) <= DBL_EPSILON)
			return h;
	}
	return NAN;
}

/*
 * Q(a, x) = 1 - P(a, x).  GSL's gsl_sf_gamma_inc_Q loses digits for a < 1:
 * up to 1.3e-10 relative at a = 0.08-0.2 and x = 0.05-0.4 (Q from 0.1 to
 * 0.3), and up to 1e-11 at x = 1.5-6 for a up to 1, while its P keeps
 * 2e-15 (grids of a in [1e-6, 12] and x in [1e-5, 700] against
 * scipy.special.gammaincc and mpmath's gammainc at 30 digits, 2026-12-03).
 * And it is slow where it takes its continued fraction at small x (x
 * above about a - sqrt(a), GSL's gamma_inc_Q_CF): 1.0-2.7 us a value at
 * a = 0.3-0.7 and x = 0.5-1, and at a = 1.7 and x = 1-2, against 50-70 ns
 * for its P series there (2026-12-04: 12 % of the CPU of the default set
 * on four sketches went to that fraction; dgamma took 400 ms on
 * weather.csv's humidity).  So for 0.05 <= a < 10 (a = 1, which GSL
 * gives as e^-x, apart), as Numerical Recipes (3rd ed., sec. 6.2) and
 * Cephes' igamc split the plane: below x = a + 1 (x = 1.5 for a < 0.5),
 * 1 - P, where Q is at least 0.083 for a >= 0.5 (Q(a, a + 1) grows with a
 * from Q(0.5, 1.5) = erfc(sqrt(1.5))), and at least about 0.1 a for a < 0.5; from there on
 * Legendre's continued fraction for Gamma(a, x) (DLMF 8.9.2, by the
 * modified Lentz method: bf_gamma_cf), which converges fast there, times
 * x^a e^-x / Gamma(a).  Against mpmath's gammainc at 40 digits on 5,366
 * random points (a in [0.05, 10], x from 1e-3 to 630, around a and far
 * from it; scratch program, 2026-12-04): within 1.1e-13 relative, as the
 * former mix of GSL's Q and the a < 1 repairs was (350 points beyond
 * 1e-14, 322 before: the prefactor's exponential, as in GSL's own D(a, x)
 * for a < 10); 133 ns a value on average, 354 before.  For a < 0.05 the
 * fraction from x = 1.5 on, as before; GSL's Q elsewhere: for a < 0.05
 * and x < 1.5 the complement would lose up to 2e-9 at a = 1e-5
 * (GSL's Q is within 1.4e-12 there); from a = 10 its series and fraction
 * are fast outside the band where bf_gamma_inc_temme serves the gamma
 * family (gamma_temme.c), and accurate.
 */
double
bf_gamma_q(double a, double x)
{
	gsl_sf_result r;
	bool		use_cf = false;

	if (x == INFINITY && a > 0)
		return 0.0;
	if (a >= 0.05 && a < 10.0 && a != 1.0 && x >= 0.0)
	{
		if (x < (a < 0.5 ? 1.5 : a + 1.0))
			return 1.0 - bf_gamma_p(a, x);
		use_cf = true;
	}
	else if (a < 0.05 && x >= 1.5)
		use_cf = true;
	if (use_cf)
	{
		double		h = bf_gamma_cf(a, x, 300);

		if (!isnan(h))
			return exp(-x + a * log(x) - bf_lngamma(a)) * h;
	}
	return bf_gsl_value(gsl_sf_gamma_inc_Q_e(a, x, &r), &r);
}

/*
 * log(e^-x I_0(x)) for x >= 0: from x = 50 by the asymptotic expansion
 * (DLMF 10.40.1, A&S 9.7.1)
 *   e^-x I_0(x) ~ (2 pi x)^(-1/2) sum_k c_k / x^k,
 *   c_k = ((2k - 1)!!)^2 / (k! 8^k),
 * to k = 12 (the first neglected term, c_13 / x^13, is below 2e-18 from
 * x = 50; the expansion's exponentially small part, of order e^-2x,
 * below 1e-43), in logs (the sum's logarithm as a series in 1/x, below),
 * so that any finite x is taken; below 50 GSL's
 * gsl_sf_bessel_I0_scaled_e.  NaN on failure.  Against mpmath (besseli,
 * 40 digits): see the unit test.  One log and twelve multiply-adds
 * instead of GSL's Chebyshev series with its error estimate (rice's
 * density on near-normal data, where z b is 1e3 to 1e7, spent half its
 * time in GSL's call).
 */
/*
 * The expansion's logarithm as a power series in u = 1/x:
 * log(sum_k c_k u^k) = sum_{k>=1} d_k u^k, d_k from k d_k = k c_k -
 * sum_{j<k} j d_j c_(k-j) (exact rationals: 1/8, 1/16, 25/384, 13/128,
 * 1073/5120, 103/192, ..., 72763141/24576), to k = 12: against mpmath
 * (50 digits) its error is 1.7e-18 at x = 50, 1.5e-19 at 60, 2e-22 at 100.
 */
static const double bf_i0_asym_d[12] = {
	0.125, 0.0625, 0.06510416666666667, 0.1015625, 0.2095703125,
	0.5364583333333334, 1.6380658830915178, 5.809814453125,
	23.475127749972874, 106.467822265625, 535.640519510616,
	2960.739786783854
};

double
bf_ln_bessel_i0_scaled(double x)
{
	gsl_sf_result r;

	if (!(x >= BF_I0_ASYM_MIN))
	{
		double		v = bf_gsl_value(gsl_sf_bessel_I0_scaled_e(x, &r), &r);

		return v > 0 ? log(v) : NAN;
	}
	if (isinf(x))
		return -INFINITY;
	return bf_ln_bessel_i0_scaled_series(x) - 0.5 * (log(2.0 * M_PI) + log(x));
}

/*
 * log(sum_k c_k / x^k), the series of bf_ln_bessel_i0_scaled, for x >= 50:
 * log(e^-x I_0(x) sqrt(2 pi x)).  For callers that join the
 * -log(2 pi x)/2 with logs of their own (rice's density).
 */
double
bf_ln_bessel_i0_scaled_series(double x)
{
	double		u = 1.0 / x,
				t = bf_i0_asym_d[11];

	for (int k = 10; k >= 0; k--)
		t = bf_i0_asym_d[k] + u * t;
	return u * t;
}

/*
 * e^x K_nu(x) for real nu and x >= 20 + 4 nu^2 by Hankel's asymptotic
 * expansion (DLMF 10.40.2 with 10.40.1):
 *   e^x K_nu(x) ~ sqrt(pi / (2 x)) sum_k a_k(nu) / x^k,
 *   a_k(nu) = prod_{j=1..k} (4 nu^2 - (2j - 1)^2) / (k! 8^k).
 * For real nu and x > 0 the remainder after l terms is bounded in absolute
 * value by the first neglected term (and has its sign) provided l >=
 * |nu| - 1/2 (DLMF sec. 10.40(ii)); the sum stops at the first term below
 * DBL_EPSILON / 2 of it with that condition met.  false (out untouched)
 * when x is below that bound or the terms start growing first: the caller
 * then asks GSL.  Against mpmath's besselk at 40 digits on 4,000 random
 * points (|nu| <= 6, x from 10 to 1e7; scratch program, 2026-12-04): within
 * 6.7e-16 relative on the 3,652 it took (GSL's Knu_scaled: 7.8e-16); 27 ns
 * a value on that mix against GSL's 46 ns (60-130 ns at x = 32 to 1e4 and
 * non-integer nu, where genhyperbolic's fits ask for most of theirs).
 */
bool
bf_bessel_k_scaled_hankel(double nu, double x, double *out)
{
	double		mu = 4.0 * nu * nu,
				anu = fabs(nu),
				term = 1.0,
				sum = 1.0,
				prev = INFINITY;

	if (!(x >= 20.0 + mu) || isinf(x))
		return false;
	for (int k = 1; k <= 40; k++)
	{
		double		o = 2.0 * k - 1.0;

		term *= (mu - o * o) / (8.0 * k * x);
		if (fabs(term) <= 0.5 * DBL_EPSILON * fabs(sum) && k >= anu - 0.5)
		{
			*out = sqrt(M_PI / (2.0 * x)) * sum;
			return true;
		}
		if (fabs(term) > prev && k >= anu)
			return false;
		prev = fabs(term);
		sum += term;
	}
	return false;
}

/*
 * The continued fraction of the incomplete beta function (DLMF 8.17.22;
 * Numerical Recipes 3rd ed., sec. 6.4, by the modified Lentz method), for
 * x < (a + 1) / (a + b + 2), where it converges fast: I_x(a, b) =
 * x^a (1 - x)^b / (a B(a, b)) times this value.  Stops when a factor is
 * within DBL_EPSILON of 1; NaN after maxit steps.  The algorithm of GSL's
 * gsl_sf_beta_inc (its beta_cont_frac), which bf_beta_inc_pq and t's tail
 * (student_t.c) call with their own prefactor.
 */
double
bf_beta_cf(double a, double b, double x, int maxit)
{
	const double tiny = 1e-300;
	double		c = 1.0,
				d = 1.0 - (a + b) * x / (a + 1.0),
				h;

	d = 1.0 / (fabs(d) < tiny ? tiny : d);
	h = d;
	for (int m = 1; m <= maxit; m++)
	{
		int			m2 = 2 * m;
		double		aa,
					del;

		aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
		d = 1.0 + aa * d;
		d = 1.0 / (fabs(d) < tiny ? tiny : d);
		c = 1.0 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
		d = 1.0 + aa * d;
		d = 1.0 / (fabs(d) < tiny ? tiny : d);
		c = 1.0 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) <= DBL_EPSILON)
			return h;
	}
	return NAN;
}

#define BF_BETA_GAMMA_RATIO 1e6

/*
 * I_x(a, b) for large a and b near the centre of the law: the asymptotic
 * expansion of Temme (SIAM J. Math. Anal. 13 (1982) 239; Special Functions,
 * Wiley, 1996, sec. 11.3.3) in the form of DiDonato & Morris, ACM TOMS 18
 * (1992) 360, algorithm 708, function BASYM (their sec. 4):
 *   I_x(a, b) = (2 / sqrt(pi)) e^(-f) e^(-c(a, b)) sum_n d_n w0^n J_n,
 * for lam = a - (a + b) x = (a + b) y - b >= 0 (x at or below the mean
 * a / (a + b): the lower tail, the smaller one up to the expansion's first
 * term), with f = a phi(-lam / a) + b phi(lam / b), phi(t) = t - log(1 + t)
 * (GSL's log_1plusx_mx, so f keeps its relative accuracy near the centre),
 * z0 = sqrt(f), c(a, b) = del(a) + del(b) - del(a + b) the Stirling
 * corrections of ln B(a, b) (exp(del) is GSL's gammastar), h the smaller
 * shape over the larger, w0 = 1 / sqrt(min(a, b) (1 + h)),
 * J_0 = (sqrt(pi) / 4) e^f erfc(z0), J_1 = 2^(-3/2) and DiDonato & Morris's
 * upward recurrence for the others; the leading term is erfc(z0) / 2, the
 * normal tail.  The d_n are the coefficients of the expansion's change of
 * variable (DiDonato & Morris's arrays A0, B0, C, D): they depend on (a, b)
 * alone, not on x, and cost O(n^3) to form, most of a value's cost
 * (1.1-2.2 us at a = b = 100 against 0.12-0.25 us once formed), so they are
 * kept for the last two (a, b) pairs (basym_slots: a likelihood evaluation
 * asks for one pair, or its mirror, at every edge) and extended two at a
 * time as a value needs them.  The slots only save work: a value is the
 * same to the bit whichever pairs came before (the same operations in the
 * same order), so a fit does not depend on what was fitted before it in the
 * process.  Stops when two consecutive terms add less than 1e-15 of the sum;
 * NaN when BASYM_NUM + 1 terms do not (DiDonato & Morris's NUM = 20), or
 * beyond f = 700 (a tail below e^-700: the caller's other method).
 */
#define BASYM_NUM 20
typedef struct BasymCoef
{
	double		a,
				b;				/* the pair these are for (NaN: none) */
	int			n;				/* d_1 .. d_n formed */
	double		h,
				r0,
				r1,
				w0,
				corr;			/* e^(-c(a, b)) */
	double		hn,
				s;				/* h^(n-1) and 1 + h^2 + ... + h^(n-1) */
	double		A[BASYM_NUM + 2],
				C[BASYM_NUM + 2],
				D[BASYM_NUM + 2];
} BasymCoef;

static BasymCoef basym_slots[2] = {{.a = NAN}, {.a = NAN}};
static int	basym_next;			/* the slot a new pair replaces */

static BasymCoef *
basym_coef(double a, double b)
{
	BasymCoef  *k;
	gsl_sf_result r;
	double		ga,
				gb,
				gab;

	for (int i = 0; i < 2; i++)
		if (basym_slots[i].a == a && basym_slots[i].b == b)
			return &basym_slots[i];
	k = &basym_slots[basym_next];
	basym_next ^= 1;
	k->a = k->b = NAN;
	if (gsl_sf_gammastar_e(a, &r) != GSL_SUCCESS)
		return NULL;
	ga = r.val;
	if (gsl_sf_gammastar_e(b, &r) != GSL_SUCCESS)
		return NULL;
	gb = r.val;
	if (gsl_sf_gammastar_e(a + b, &r) != GSL_SUCCESS)
		return NULL;
	gab = r.val;
	if (a < b)
	{
		k->h = a / b;
		k->r1 = (b - a) / b;
		k->w0 = 1.0 / sqrt(a * (1.0 + k->h));
	}
	else
	{
		k->h = b / a;
		k->r1 = (b - a) / a;
		k->w0 = 1.0 / sqrt(b * (1.0 + k->h));
	}
	k->r0 = 1.0 / (1.0 + k->h);
	k->corr = gab / (ga * gb);
	k->A[1] = k->r1 * (2.0 / 3.0);
	k->C[1] = -0.5 * k->A[1];
	k->D[1] = -k->C[1];
	k->n = 1;
	k->hn = 1.0;
	k->s = 1.0;
	k->a = a;
	k->b = b;
	return k;
}

/* d_n and d_(n+1) for the next even n (DiDonato & Morris's inner loops) */
static void
basym_coef_extend(BasymCoef *k)
{
	int			n = k->n + 1;
	double		B[BASYM_NUM + 2];

	k->hn *= k->h * k->h;
	k->A[n] = 2.0 * k->r0 * (1.0 + k->h * k->hn) / (n + 2.0);
	k->s += k->hn;
	k->A[n + 1] = 2.0 * k->r1 * k->s / (n + 3.0);
	for (int i = n; i <= n + 1; i++)
	{
		double		rr = -0.5 * (i + 1.0),
					dsum = 0.0;

		B[1] = rr * k->A[1];
		for (int m = 2; m <= i; m++)
		{
			double		bsum = 0.0;

			for (int j = 1; j < m; j++)
				bsum += (j * rr - (m - j)) * k->A[j] * B[m - j];
			B[m] = rr * k->A[m] + bsum / m;
		}
		k->C[i] = B[i] / (i + 1.0);
		for (int j = 1; j < i; j++)
			dsum += k->D[i - j] * k->C[j];
		k->D[i] = -(dsum + k->C[i]);
	}
	k->n = n + 1;
}

static double
beta_inc_basym(double a, double b, double lam)
{
	const double e1 = 0.35355339059327376;	/* 2^(-3/2) */
	BasymCoef  *k = basym_coef(a, b);
	gsl_sf_result r;
	double		f,
				z0,
				z2,
				j0,
				j1,
				sum,
				w,
				znm1,
				zn;
	int			n;

	if (k == NULL)
		return NAN;
	if (gsl_sf_log_1plusx_mx_e(-lam / a, &r) != GSL_SUCCESS)
		return NAN;
	f = -a * r.val;
	if (gsl_sf_log_1plusx_mx_e(lam / b, &r) != GSL_SUCCESS)
		return NAN;
	f -= b * r.val;
	if (!(f >= 0.0 && f <= 700.0))
		return NAN;
	z0 = sqrt(f);
	z2 = 2.0 * f;
	if (gsl_sf_erfc_e(z0, &r) != GSL_SUCCESS)
		return NAN;
	j0 = 0.25 * M_SQRTPI * exp(f) * r.val;
	j1 = e1;
	sum = j0 + k->D[1] * k->w0 * j1;
	w = k->w0;
	znm1 = M_SQRT2 * z0;
	zn = z2;
	for (n = 2; n <= BASYM_NUM; n += 2)
	{
		double		t0,
					t1;

		if (k->n < n + 1)
			basym_coef_extend(k);
		j0 = e1 * znm1 + (n - 1.0) * j0;
		j1 = e1 * zn + n * j1;
		znm1 *= z2;
		zn *= z2;
		w *= k->w0;
		t0 = k->D[n] * w * j0;
		w *= k->w0;
		t1 = k->D[n + 1] * w * j1;
		sum += t0 + t1;
		if (fabs(t0) + fabs(t1) <= 1e-15 * sum)
			break;
	}
	if (n > BASYM_NUM || !(sum > 0))
		return NAN;
	return M_2_SQRTPI * exp(-f) * k->corr * sum;
}

/*
 * Where beta_inc_basym is used (bf_beta_inc_pq): both shapes at least
 * BF_BASYM_MIN_SHAPE and |lam| at most BF_BASYM_MAX_LAM min(a, b).  Against
 * an mpmath quadrature of the density at 30 digits (1,881 points: min(a, b)
 * from 15 to 1e6, b / a from 1e-5 to 1e5, lam / min(a, b) from -0.3 to 0.3;
 * test/tools/beta_basym_mp.py): every point with min(a, b) >= 30 converged,
 * worst relative error of the smaller tail 2.5e-12 (at a, b ~ 1e6, 28
 * standard deviations out, where x's own rounding moves lam by 1e-10),
 * 1e-14 within a few standard deviations; GSL's continued fraction on the
 * same points: up to 1.3e-7 (its prefactor's L eps, below).  DiDonato &
 * Morris's BRATIO calls it only within 0.03 min(a, b) of the centre; with
 * the coefficients kept per pair, a value costs 0.12-0.25 us against GSL's
 * 0.4-3.4 us (a = b = 1e5 at the centre), so it is used as far out as it
 * was measured to converge and stay accurate.
 */
#define BF_BASYM_MIN_SHAPE 100.0
#define BF_BASYM_MAX_LAM 0.3

/*
 * I_x(a, b) and its complement by quadrature of the density, for a, b > 1
 * where GSL's continued fraction fails (it stops after 512 iterations, and
 * needs about sqrt(min(a, b)) of them: f(3.1e6, 2.5e9) at its median on
 * weather.csv's wind_dir, beta(5.8e6, 1.3e6) on pressure, fitted at their
 * normal limit, had cdf and quantile NaN).  In u = (t - m) / s about the
 * mode m = (a - 1) / (a + b - 2), s the standard deviation, the density
 * relative to its mode is exp g(u), g = (a - 1) log1p(s u / m) + (b - 1)
 * log1p(-s u / (1 - m)), which needs no B(a, b); the tail beyond x, scaled
 * by exp g(u_x), and the whole integral (both by bf_integrate, 1e-13
 * relative) give the smaller of P and Q with its relative accuracy.  The
 * ends are where g has fallen by 60 (tail) or 745 (whole), found by doubling.
 * Also where GSL's prefactor would lose more than 1e-6 (below).  Against
 * mpmath's quadrature at 40 digits (f(3.1e6, 2.5e9), beta(5.8e6, 1.3e6),
 * u = -9 .. 9 standard deviations): 1.4e-14 relative; GSL where it
 * returns there: 4e-9.  About 20 us a value.  false where it cannot.
 */
typedef struct BetaQuad
{
	double		am1,
				bm1,
				sm,
				s1m;
} BetaQuad;

static double
beta_quad_g(double u, const void *par)
{
	const BetaQuad *q = par;

	return q->am1 * log1p(q->sm * u) + q->bm1 * log1p(-q->s1m * u);
}

static bool
beta_inc_quad(double a, double b, double x, double y, double *P, double *Q)
{
	BetaQuad	q;
	double		m = (a - 1.0) / (a + b - 2.0),
				m1 = (b - 1.0) / (a + b - 2.0),
				s = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0))),
				ulo = -m / s,
				uhi = m1 / s,
				ux = ((x < 0.5) ? x - m : m1 - y) / s,
				gx,
				tail,
				total;
	int			dir = (ux < 0) ? -1 : 1;

	if (!(a > 1.0 && b > 1.0))
		return false;
	q.am1 = a - 1.0;
	q.bm1 = b - 1.0;
	q.sm = s / m;
	q.s1m = s / m1;
	/*
	 * g's two terms, about (a - 1) s / m |u| each, are rounded to
	 * DBL_EPSILON relative and nearly cancel; u_x carries x's rounding
	 * over s: beyond 1e-6 relative (a = b ~ 1e18) NaN
	 */
	if (((q.am1 * q.sm + q.bm1 * q.s1m) * 10.0 + fmax(1.0, fabs(ux)) / s) * DBL_EPSILON > 1e-6)
		return false;
	total = bf_integrate_exp(beta_quad_g, &q, 0.0, bf_decay_end(beta_quad_g, &q, 0.0, -1, 1.0, 745.0, ulo, uhi),
							 bf_decay_end(beta_quad_g, &q, 0.0, 1, 1.0, 745.0, ulo, uhi));
	gx = beta_quad_g(ux, &q);
	tail = (dir < 0) ? bf_integrate_exp(beta_quad_g, &q, gx, bf_decay_end(beta_quad_g, &q, ux, -1, 1.0, 60.0, ulo, uhi), ux)
		: bf_integrate_exp(beta_quad_g, &q, gx, ux, bf_decay_end(beta_quad_g, &q, ux, 1, 1.0, 60.0, ulo, uhi));
	if (!(total > 0) || !isfinite(total) || !(tail >= 0) || !isfinite(tail) || !isfinite(gx))
		return false;
	tail = exp(gx + log(tail) - log(total));
	if (tail > 1.0)
		tail = 1.0;
	*P = (dir < 0) ? tail : 1.0 - tail;
	*Q = (dir < 0) ? 1.0 - tail : tail;
	return true;
}

/*
 * Regularized incomplete beta I_x(a, b) and its complement 1 - I_x(a, b),
 * given x and y = 1 - x separately (so that neither is rounded by a
 * subtraction).  GSL's gsl_sf_beta_inc switches to 1 - I_{1-x}(b, a) itself
 * and would form 1 - x internally; we choose the branch here and pass the
 * exact complement instead.  Four methods: Temme's gamma limit when one
 * shape exceeds BF_BETA_GAMMA_RATIO times the other plus one (its P and Q
 * by Temme's incomplete gamma, numerics/gamma_temme.c, where that applies:
 * constant cost), Temme's expansion for both shapes at least BF_BASYM_MIN_SHAPE within
 * BF_BASYM_MAX_LAM min(a, b) of the centre (beta_inc_basym), GSL's
 * continued fraction elsewhere, and beta_inc_quad where GSL gives up or its
 * prefactor would lose more than 1e-6 (both shapes large).  NaN where none
 * is accurate to 1e-6 (shapes of order 1e18 and beyond).
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
	/*
	 * One shape far larger than the other (b > BF_BETA_GAMMA_RATIO (a + 1)
	 * or the reverse): the gamma limit in Temme's form,
	 *   I_x(a, b) = P(a, (b + (a - 1) / 2) log(1 / y)),  log(1 / y) = log1p(x / y),
	 * whose relative error is of order (a / b)^2 (2.3e-13 to 7.2e-12 at
	 * four points with b / a = 1.1e6 to 3.3e6 and a = 50 to 30,000, against
	 * mpmath's quadrature: test_beta_basym) (N. M. Temme, Special
	 * Functions (Wiley, 1996) sec. 11.3.3, the large-b expansion of which
	 * it is the leading term; DiDonato & Morris, ACM TOMS 18 (1992) 360,
	 * algorithm BGRAT, is the series of corrections; exact for a = 1).
	 * GSL's continued fraction is accurate there only while x is not
	 * tiny: past x >= (a + 1) / (a + b + 2) it is evaluated at the
	 * reflected point and re-forms x = 1 - y, whose rounding (1.1e-16
	 * absolute) is a relative error of order b * 1e-16 in the prefactor.
	 * Measured against mpmath 1.3.0 (50 digits) at the gamma limit's
	 * 1e-12, 1 %, 50 %, 99 % and 1 - 1e-10 quantiles, a = 0.17 .. 1e3:
	 * GSL's P or Q was off by up to 1.3e-9 relative at b / a = 1e6 and by
	 * 18 % at b / a = 1e16 (the sweep of 2026-12-02 found betaprime's cdf
	 * 0.6986 for 0.6377); this form is within 2e-13 from b / a = 1e7 up
	 * (1.2e-12 at a = 0.17: GSL's gamma_inc itself).  The sf comes from
	 * the upper gamma function, so it keeps its relative accuracy.
	 * Symmetrically for a > BF_BETA_GAMMA_RATIO
	 * (b + 1) with the roles of (a, x) and (b, y) exchanged.
	 */
	if (b > BF_BETA_GAMMA_RATIO * (a + 1.0) || a > BF_BETA_GAMMA_RATIO * (b + 1.0))
	{
		int			small_a = (b > a);
		double		s = small_a ? a : b;
		double		t = small_a ? (b + 0.5 * (a - 1.0)) * log1p(x / y)
			: (a + 0.5 * (b - 1.0)) * log1p(y / x);
		double		lo,
					hi;

		/*
		 * t carries a relative rounding error of a few DBL_EPSILON (and x /
		 * y its caller's); P and Q change by g(t) dt, relative to them about
		 * (|t - s| + t / sqrt(max(s, 1))) dt / t: beyond 1e-6 (s above
		 * 2e19 near the centre: jf_skew_t(7e134, 5e228) of test/fuzz) NaN,
		 * as below.
		 */
		if ((fabs(t - s) + t / sqrt(fmax(s, 1.0))) * DBL_EPSILON > 1e-6)
		{
			*P = *Q = NAN;
			return;
		}
		if (bf_gamma_use_temme(s, t))
		{
			/* Temme's expansion: constant cost where GSL needs O(sqrt(s)) terms */
			lo = bf_gamma_inc_temme(s, t, false);
			hi = bf_gamma_inc_temme(s, t, true);
		}
		else
		{
			lo = bf_gamma_p(s, t);
			hi = bf_gamma_q(s, t);
		}
		*P = small_a ? lo : hi;
		*Q = small_a ? hi : lo;
		return;
	}
	/* both shapes large, near the centre: Temme's expansion (above) */
	if (a >= BF_BASYM_MIN_SHAPE && b >= BF_BASYM_MIN_SHAPE)
	{
		/* lam from the smaller of x and y, both exact: its error is eps min(a, b), not eps (a + b) */
		double		lam = (x <= y) ? a - (a + b) * x : (a + b) * y - b;

		if (fabs(lam) <= BF_BASYM_MAX_LAM * fmin(a, b))
		{
			if (lam >= 0)
			{
				v = beta_inc_basym(a, b, lam);
				*P = v;
				*Q = 1.0 - v;
			}
			else
			{
				v = beta_inc_basym(b, a, -lam);
				*Q = v;
				*P = 1.0 - v;
			}
			if (!isnan(v))
				return;
		}
	}
	/*
	 * GSL forms the prefactor x^a y^b / B(a, b) from logarithms of size
	 * L = a |log x| + b |log y|, each rounded to a relative 1.1e-16: the
	 * result's relative error grows like L * DBL_EPSILON (about 1e-9 at
	 * a = b = 1e6 against scipy, whose Boost ibeta keeps the prefactor's
	 * terms relative to the mean).  Beyond an error of 1e-6 (a = b > 3e9
	 * near the mean; jf_skew_t(7e134, 5e228), where it returned 0 at the
	 * median and its quantile -Infinity: test/fuzz) NaN, not a wrong value.
	 */
	if ((a * fabs(log(x)) + b * fabs(log(y))) * DBL_EPSILON > 1e-6)
	{
		if (!beta_inc_quad(a, b, x, y, P, Q))
			*P = *Q = NAN;
		return;
	}
	/*
	 * GSL's algorithm (gsl_sf_beta_inc: the continued fraction at x or at
	 * the reflected point, whichever is below its mean-side bound), with
	 * the prefactor from log y (given: no cancellation) and log B(a, b)
	 * remembered across the calls of a likelihood pass (bf_lnbeta):
	 * 1.5-4 times cheaper than GSL's call, which forms log B(a, b) each
	 * time (shapes 0.5 to 1,000 at three points each; scratch program,
	 * 2026-12-04: its call took 60-72 % of beta's, betaprime's and f's CPU).
	 * GSL itself where the fraction does not converge in 512 steps (its
	 * own limit), then the quadrature.
	 */
	{
		double		lpre = a * log(x) + b * log(y) - bf_lnbeta(a, b);

		if (x < (a + 1.0) / (a + b + 2.0))
		{
			v = exp(lpre) * bf_beta_cf(a, b, x, 512) / a;
			if (isnan(v))
				v = bf_gsl_value(gsl_sf_beta_inc_e(a, b, x, &r), &r);
			*P = v;
			*Q = 1.0 - v;
		}
		else
		{
			v = exp(lpre) * bf_beta_cf(b, a, y, 512) / b;
			if (isnan(v))
				v = bf_gsl_value(gsl_sf_beta_inc_e(b, a, y, &r), &r);
			*Q = v;
			*P = 1.0 - v;
		}
	}
	if (isnan(v) && !beta_inc_quad(a, b, x, y, P, Q))
		*P = *Q = NAN;
}


/*
 * A start value for the quantile of Beta(a, b) at p, 0 < p < 1, for the
 * generic solver (bf_ppf_solve), which polishes it; NaN when none.
 *
 * GSL's gsl_cdf_beta_Pinv and _Qinv are used only where they return: they
 * never return, and cannot be cancelled, for a = b = 1e6 at any p (checked
 * from 1e6 to 1e10; found while checking jf_skew_t's quantile, whose start
 * value comes from here), for b ~ 1e190 (gsl_cdf_beta_Qinv(0.4, 2, 1e190);
 * found by test/fuzz) and for a subnormal shape (beta(a = 251.6,
 * b = 3.1e-322), any p: test/fuzz), and they return NaN
 * for many shapes above 1e4 (checked on a grid of a, b in 0.5 .. 3e5 and p
 * in 1e-3 .. 0.999: all return).  Beyond max(a, b) = 1e5 the guess comes
 * from the limits (Johnson, Kotz & Balakrishnan (1995) ch. 25): b X ->
 * Gamma(a) as b -> infinity with a fixed, a (1 - X) -> Gamma(b) as
 * a -> infinity, and the normal law with X's mean and variance when both
 * shapes are large.  Clamped into (0, 1); never loops.
 */
double
bf_beta_inv_guess(double p, double a, double b)
{
	double		g;

	if (!(p > 0.0 && p < 1.0) || !(a > 0.0) || !(b > 0.0))
		return NAN;
	if (a < DBL_MIN || b < DBL_MIN)
		return NAN;				/* GSL's inverse loops on a subnormal shape */
	if (a <= 1e5 && b <= 1e5)
		g = (p <= 0.5) ? gsl_cdf_beta_Pinv(p, a, b) : gsl_cdf_beta_Qinv(1.0 - p, a, b);
	else if (a <= 1e-3 * b)
		g = (p <= 0.5) ? gsl_cdf_gamma_Pinv(p, a, 1.0 / b)
			: gsl_cdf_gamma_Qinv(1.0 - p, a, 1.0 / b);
	else if (b <= 1e-3 * a)
		g = 1.0 - ((p <= 0.5) ? gsl_cdf_gamma_Qinv(p, b, 1.0 / a)
				   : gsl_cdf_gamma_Pinv(1.0 - p, b, 1.0 / a));
	else
	{
		/* a / (a + b) and its complement without overflow of a + b */
		double		m = 1.0 / (1.0 + b / a),
					mc = 1.0 / (1.0 + a / b);

		g = m + sqrt(m * mc) * sqrt(1.0 / (a + b + 1.0)) * bf_ndtri(p);
	}
	if (!(g > 0.0 && g < 1.0))
		return NAN;
	return g;
}

/*
 * Helpers moved here from the catalogue's family files when the entries
 * were regrouped (they are used by entries of several files).
 */

/* log p for p <= 1/2, log1p(-(1 - p)) above (1 - p is exact there). */
double
bf_log_prob(double p)
{
	return (p <= 0.5) ? log(p) : log1p(-(1.0 - p));
}

/* log(expm1(y)) for y > 0, without overflow. */
double
bf_log_expm1(double y)
{
	if (y > 30.0)
		return y + log1p(-exp(-y));
	return log(expm1(y));
}

/*
 * erfc(x) and erf(x) through GSL, for x >= 0 (or NaN); NaN on failure,
 * 0 on underflow.  Beyond x = 27 erfc is below the smallest double and erf
 * rounds to 1 (GSL fails for huge or infinite x).
 */
double
bf_erfc_gsl(double x)
{
	gsl_sf_result r;

	if (x > 27.0)
		return 0.0;
	if (x == 0.0)
		return 1.0;				/* exactly (GSL's Chebyshev fit gives 1 - 1.1e-16) */
	return bf_gsl_value(gsl_sf_erfc_e(x, &r), &r);
}

double
bf_erf_gsl(double x)
{
	gsl_sf_result r;

	if (x > 27.0)
		return 1.0;
	if (x == 0.0)
		return 0.0;				/* exactly, as erfc(0) = 1 above */
	return bf_gsl_value(gsl_sf_erf_e(x, &r), &r);
}

/*
 * The standard normal hazard phi(x) / Q(x) (the inverse of Mills' ratio),
 * for x < 25 as that quotient with Q by Cody's algorithm (W. J. Cody
 * (1969), "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23, 631-637, as GSL's gsl_cdf_ugaussian_Q implements it:
 * full relative accuracy in the upper tail), from 25
 * GSL's gsl_sf_hazard_e (its asymptotic series); NaN on failure.  Below 25
 * GSL takes exp(log sqrt(2/pi) - x^2/2 - log erfc(x/sqrt 2)): about 74 ns a
 * value against about 22 here (2026-12-06), with the same dependence on
 * the rounding of x^2 / 2 (about 3e2 2^-53 relative at x = 25).
 */
double
bf_normal_hazard(double x)
{
	gsl_sf_result r;

	if (isnan(x))
		return NAN;
	if (x < 25.0)
	{
		double		q = gsl_cdf_ugaussian_Q(x);

		return q > 0 ? exp(-0.5 * x * x - LN_SQRT_2PI) / q : NAN;
	}
	return gsl_sf_hazard_e(x, &r) == GSL_SUCCESS ? r.val : NAN;
}

double
bf_Phi(double x)
{
	return gsl_cdf_ugaussian_P(x);
}

double
bf_Phic(double x)
{
	return gsl_cdf_ugaussian_Q(x);
}

/*
 * Adaptive quadrature of f over [lo, hi] (either end may be infinite),
 * relative tolerance 1e-13 (bf_integrate_rel: epsrel); NaN when GSL reports
 * a failure it could not recover from (a roundoff warning with an error
 * estimate within 1e-9 relative is kept).
 */
double
bf_integrate(double (*fn) (double, void *), void *par, double lo, double hi)
{
	return bf_integrate_rel(fn, par, lo, hi, 1e-13);
}

double
bf_integrate_rel(double (*fn) (double, void *), void *par, double lo, double hi, double epsrel)
{
	gsl_integration_workspace *w;
	gsl_function F;
	double		res = NAN,
				err = 0.0;
	int			st;
	const size_t limit = 200;

	if (lo == hi)
		return 0.0;
	F.function = fn;
	F.params = par;
	w = gsl_integration_workspace_alloc(limit);
	if (w == NULL)
		return NAN;
	if (isinf(lo) && isinf(hi))
		st = gsl_integration_qagi(&F, 0.0, epsrel, limit, w, &res, &err);
	else if (isinf(lo))
		st = gsl_integration_qagil(&F, hi, 0.0, epsrel, limit, w, &res, &err);
	else if (isinf(hi))
		st = gsl_integration_qagiu(&F, lo, 0.0, epsrel, limit, w, &res, &err);
	else
		st = gsl_integration_qag(&F, lo, hi, 0.0, epsrel, limit, GSL_INTEG_GAUSS21, w, &res, &err);
	gsl_integration_workspace_free(w);
	if (st != GSL_SUCCESS && !(fabs(err) <= 1e-9 * fabs(res)))
		return NAN;
	return res;
}

#define BF_TRAP_MAX_STEPS 400
#define BF_TRAP_MAX_EVALS 2048

double
bf_integrate_line_trapezoid(double (*fn) (double, void *), void *par, double c,
							double h0, double epsrel)
{
	double		f0 = fn(c, par),
				sum = f0,
				prev[2] = {f0, f0},
				h = h0,
				T;
	int			kend[2] = {0, 0},
				evals = 1;
	bool		open[2] = {true, true};

	if (!isfinite(f0) || f0 < 0 || !(h0 > 0))
		return NAN;
	/*
	 * the range: both sides at once, each closed at its first node below
	 * 1e-17 of the sum and not above the one before (a side with no mass
	 * closes as soon as the other has found some)
	 */
	for (int k = 1; open[0] || open[1]; k++)
	{
		if (k > BF_TRAP_MAX_STEPS)
			return NAN;
		for (int s = 0; s < 2; s++)
		{
			double		v;

			if (!open[s])
				continue;
			v = fn(c + (s ? k : -k) * h, par);
			evals++;
			if (!isfinite(v) || v < 0)
				return NAN;
			sum += v;
			if (sum > 0 && v <= 1e-17 * sum && v <= prev[s])
			{
				open[s] = false;
				kend[s] = s ? k : -k;
			}
			prev[s] = v;
		}
	}
	T = h * sum;
	for (int level = 1;; level++)
	{
		double		lo = c + kend[0] * h0,
					add = 0,
					Tn;
		long		n = (long) (kend[1] - kend[0]) << (level - 1);

		h *= 0.5;
		if (evals + n > BF_TRAP_MAX_EVALS)
			return NAN;
		for (long i = 0; i < n; i++)
		{
			double		v = fn(lo + (2 * i + 1) * h, par);

			if (!isfinite(v) || v < 0)
				return NAN;
			add += v;
		}
		evals += n;
		Tn = 0.5 * T + h * add;
		if (fabs(Tn - T) <= epsrel * fabs(Tn))
			return Tn;
		T = Tn;
	}
}

/* Phi(z), accurate relative in the lower tail */
double
bf_ncdf(double z)
{
	return 0.5 * erfc(-z * M_SQRT1_2);
}
