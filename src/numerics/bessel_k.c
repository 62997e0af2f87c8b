/*
 * bessel_k.c — log(e^x K_nu(x)) exactly and from a table (bessel_k.h).
 *
 * genhyperbolic's density is a Bessel K of non-integer order at every node
 * of every bin: GSL's Steed continued fraction and Temme series took 57 %
 * of its fitting time on the zoo's mixture (perf, 2026-12-05), about 250 ns
 * a value for 0.3 <= x <= 11.  Its order nu = p - 1/2 changes with every
 * evaluation of the search, but moves in a small range, so the table is
 * two-dimensional and kept across evaluations: the cell holding (|nu|, x),
 * of width 1/2 in t = log x and 1/4 in |nu| (below 4; 1 up to 16 and 4
 * beyond, kt_nu_cell; the table serves |nu| <= KT_NU_MAX = 32), is the
 * tensor Chebyshev interpolant of degree 16 of f(nu, t) = log(e^x K_nu(x))
 * at the 17 x 17
 * points of the first kind (coefficients by the discrete cosine sums of
 * GSL's gsl_cheb_init, in each variable: Press et al., Numerical Recipes,
 * 3rd ed., 5.8; Mason & Handscomb, Chebyshev Polynomials, 2003, ch. 6 for
 * the tensor form).  A value then costs one sum over nu per cell and
 * evaluation (17 x 17 products, done once per cell and order) and one
 * Clenshaw sum of 17 terms in t.
 *
 * Why it converges.  For Re z > 0, K_nu(z) has no zeros (DLMF 10.42: its
 * zeros in z lie in the left half-plane), so f is analytic in t in the strip
 * |Im t| < pi/2; on an interval of half-width 1/4 that is a Bernstein
 * ellipse of parameter rho = 2 pi + sqrt(4 pi^2 + 1) = 12.6, and the
 * interpolant's error is of order rho^-16 = 3e-18 times f's size there
 * (Trefethen, Approximation Theory and Approximation Practice, 2013,
 * Theorem 8.2).  In nu, K_nu(x) is entire and even; log K_nu(x) is
 * singular where K_i mu(x) = 0 for imaginary order, first near mu =
 * pi / log(2 / x) for small x (0.52 at x = 0.1): on cells of half-width
 * 1/8 that gives rho >= 8 (degree 16: 4e-15) for x >= 0.1, the table's
 * lower end, which is the reason for that end.  For large |nu|, log K_nu
 * varies like log Gamma(nu), whose singularities (0, -1, ...) lie at least
 * eight half-widths from the wider cells' centres.  These are arguments,
 * not a proof: every cell is also tested as it is built (its last two
 * coefficients in either variable below 1e-13 relative to max(1, |f|), and
 * three points that are not nodes within that of the exact function), and
 * a cell that fails is answered by the exact function.  With cells up to
 * |nu| = 64 the values changed by 1e-14 moved genhyperbolic's search on the
 * zoo's uniform sketch (which ends at nu = 34) to a point 214 units lower:
 * hence the bound of 32.
 *
 * What the table does not account for: the exact function's own error
 * (GSL's, about 1e-15 relative), which the interpolant carries; values
 * with x within 1e-16 relative of a cell's edge may take either cell
 * (floor of log x), each within the tolerance.
 *
 * Memory: 512 slots of 2.5 KB (1.3 MB, static, touched as cells are
 * built); when three quarters are in use the table is cleared, so a long
 * run of orders rebuilds cells but never changes a value.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_bessel.h>

#include "numerics/bessel_k.h"
#include "numerics/special.h"

double
bf_ln_bessel_k(double nu, double x)
{
	gsl_sf_result r;

	return bf_gsl_value(gsl_sf_bessel_lnKnu_e(fabs(nu), x, &r), &r);
}

double
bf_ln_bessel_k_scaled(double nu, double x)
{
	double		h;

	if (bf_bessel_k_scaled_hankel(nu, x, &h))
		return log(h);
	if (x >= 1.0)
	{
		gsl_sf_result r;
		double		k = bf_gsl_value(gsl_sf_bessel_Knu_scaled_e(fabs(nu), x, &r), &r);

		if (k > 0 && isfinite(k))
			return log(k);
	}
	return bf_ln_bessel_k(nu, x) + x;
}

#define KT_N 17					/* nodes per variable: degree 16 */
#define KT_T_W 0.5
#define KT_X_MIN 0.1
#define KT_NU_MAX 32.0
#define KT_TOL 1e-13
#define KT_SLOTS 512			/* a power of 2 */
#define KT_PROBES 8

typedef struct
{
	int			state;			/* 0 empty, 1 good, -1 bad */
	int			inu,
				it;
	double		last_nu;		/* the order d was summed for (NaN: none) */
	double		d[KT_N];		/* sum over nu of c at last_nu */
	double		c[KT_N][KT_N];	/* c[j][k]: T_j in nu, T_k in t */
} KtCell;

static KtCell kt_cells[KT_SLOTS];
static int	kt_used;
static long kt_built,
			kt_bad;
static double kt_cos[KT_N][KT_N];	/* cos(pi j (a + 1/2) / N) */
static bool kt_ready;

static void
kt_init(void)
{
	for (int j = 0; j < KT_N; j++)
		for (int a = 0; a < KT_N; a++)
			kt_cos[j][a] = cos(M_PI * j * (a + 0.5) / KT_N);
	kt_ready = true;
}

/*
 * The cell of |nu| >= 0: [*lo, *lo + *w) with w = 1/4 below 4, 1 from 4 to
 * 16, 4 beyond (log K_nu varies like log Gamma(nu) there, whose
 * singularities at 0, -1, ... lie at least eight half-widths from a cell's
 * centre), and its index.
 */
static int
kt_nu_cell(double anu, double *lo, double *w)
{
	int			i;

	if (anu < 4.0)
	{
		i = (int) floor(anu / 0.25);
		*w = 0.25;
		*lo = i * 0.25;
		return i;
	}
	if (anu < 16.0)
	{
		i = (int) floor(anu - 4.0);
		*w = 1.0;
		*lo = 4.0 + i;
		return 16 + i;
	}
	i = (int) floor((anu - 16.0) / 4.0);
	*w = 4.0;
	*lo = 16.0 + 4.0 * i;
	return 28 + i;
}

/* d[k] = sum_j c[j][k] T_j(nu'), with T_0 halved (GSL's c0 / 2): the cell at one order */
static void
kt_collapse(const KtCell *c, double nu1, double *d)
{
	double		tj[KT_N];

	tj[0] = 0.5;
	tj[1] = nu1;
	for (int j = 2; j < KT_N; j++)
		tj[j] = 2.0 * nu1 * tj[j - 1] - (j == 2 ? 1.0 : tj[j - 2]);
	for (int k = 0; k < KT_N; k++)
	{
		double		s = 0;

		for (int j = 0; j < KT_N; j++)
			s += tj[j] * c->c[j][k];
		d[k] = s;
	}
}

/* sum_k d[k] T_k(t') with d[0] halved, by Clenshaw's recurrence */
static double
kt_clenshaw(const double *d, double t1)
{
	double		b1 = 0,
				b2 = 0;

	for (int k = KT_N - 1; k >= 1; k--)
	{
		double		b = 2.0 * t1 * b1 - b2 + d[k];

		b2 = b1;
		b1 = b;
	}
	return t1 * b1 - b2 + 0.5 * d[0];
}

/* build the cell (inu, it) into c; its state 1 when it passes the tests, else -1 */
static void
kt_build(KtCell *c, int inu, double nlo, double nw, int it)
{
	double		f[KT_N][KT_N],
				g[KT_N][KT_N],
				tlo = it * KT_T_W,
				scale = 1.0,
				tail = 0;
	static const double check[3][2] = {{0.3, -0.57}, {-0.71, 0.83}, {0.9, 0.1}};

	c->inu = inu;
	c->it = it;
	c->last_nu = NAN;
	c->state = -1;
	kt_built++;
	kt_bad++;
	for (int a = 0; a < KT_N; a++)
	{
		double		nu = nlo + 0.5 * nw * (1.0 + kt_cos[1][a]);

		for (int b = 0; b < KT_N; b++)
		{
			double		t = tlo + 0.5 * KT_T_W * (1.0 + kt_cos[1][b]);

			f[a][b] = bf_ln_bessel_k_scaled(nu, exp(t));
			if (!isfinite(f[a][b]))
				return;
			scale = fmax(scale, fabs(f[a][b]));
		}
	}
	/* g[a][k] = (2/N) sum_b f[a][b] cos(pi k (b + 1/2) / N), then the same over a */
	for (int a = 0; a < KT_N; a++)
		for (int k = 0; k < KT_N; k++)
		{
			double		s = 0;

			for (int b = 0; b < KT_N; b++)
				s += f[a][b] * kt_cos[k][b];
			g[a][k] = 2.0 / KT_N * s;
		}
	for (int j = 0; j < KT_N; j++)
		for (int k = 0; k < KT_N; k++)
		{
			double		s = 0;

			for (int a = 0; a < KT_N; a++)
				s += g[a][k] * kt_cos[j][a];
			c->c[j][k] = 2.0 / KT_N * s;
		}
	/* the k = 0 column's halving (GSL's c0 / 2) is done in the t sum */
	for (int j = 0; j < KT_N; j++)
		for (int k = 0; k < KT_N; k++)
			if (j >= KT_N - 2 || k >= KT_N - 2)
				tail = fmax(tail, fabs(c->c[j][k]));
	if (!(tail <= KT_TOL * scale))
		return;
	for (int q = 0; q < 3; q++)
	{
		double		nu = nlo + 0.5 * nw * (1.0 + check[q][0]),
					t = tlo + 0.5 * KT_T_W * (1.0 + check[q][1]),
					e = bf_ln_bessel_k_scaled(nu, exp(t)),
					d[KT_N];

		kt_collapse(c, check[q][0], d);
		if (!(fabs(kt_clenshaw(d, check[q][1]) - e) <= KT_TOL * fmax(1.0, fabs(e))))
			return;
	}
	c->state = 1;
	kt_bad--;
}

void
bf_ln_bessel_k_table_counts(long *built, long *bad)
{
	*built = kt_built;
	*bad = kt_bad;
}

/* the slot of cell (inu, it), built if new (the table cleared first when three quarters full) */
static KtCell *
kt_cell(int inu, double nlo, double nw, int it)
{
	unsigned int h = ((unsigned int) inu * 73856093u) ^ ((unsigned int) it * 19349663u);

	for (int p = 0; p < KT_PROBES; p++)
	{
		KtCell	   *c = &kt_cells[(h + p) & (KT_SLOTS - 1)];

		if (c->state != 0 && c->inu == inu && c->it == it)
			return c;
		if (c->state == 0)
		{
			if (kt_used >= KT_SLOTS * 3 / 4)
				break;
			kt_used++;
			kt_build(c, inu, nlo, nw, it);
			return c;
		}
	}
	/* full, or a long probe run: start again (values do not depend on it) */
	for (int s = 0; s < KT_SLOTS; s++)
		kt_cells[s].state = 0;
	kt_used = 1;
	kt_build(&kt_cells[h & (KT_SLOTS - 1)], inu, nlo, nw, it);
	return &kt_cells[h & (KT_SLOTS - 1)];
}

double
bf_ln_bessel_k_scaled_tab(double nu, double x)
{
	double		anu = fabs(nu),
				t,
				nlo,
				nw,
				nu1,
				t1;
	int			inu,
				it;
	KtCell	   *c;

	if (!(x >= KT_X_MIN && anu <= KT_NU_MAX && x < 20.0 + 4.0 * anu * anu) || isinf(x))
		return bf_ln_bessel_k_scaled(nu, x);
	if (!kt_ready)
		kt_init();
	t = log(x);
	inu = kt_nu_cell(anu, &nlo, &nw);
	it = (int) floor(t / KT_T_W);
	c = kt_cell(inu, nlo, nw, it);
	if (c->state != 1)
		return bf_ln_bessel_k_scaled(nu, x);
	nu1 = 2.0 * (anu - nlo) / nw - 1.0;
	t1 = 2.0 * (t - it * KT_T_W) / KT_T_W - 1.0;
	if (c->last_nu != anu)
	{
		kt_collapse(c, nu1, c->d);
		c->last_nu = anu;
	}
	return kt_clenshaw(c->d, t1);
}
