/*
 * test_statistics.c — distributions of test statistics: ksone
 * (Smirnov's one-sided D_n^+), kstwo (the two-sided Kolmogorov-Smirnov
 * D_n), kstwobign (its limit sqrt(n) D_n, the Kolmogorov distribution) and
 * studentized_range (Tukey's range of k normals over an independent chi
 * estimate of the sd).
 * References: Birnbaum & Tingey (1951, Ann. Math. Statist. 22) for ksone;
 * Simard & L'Ecuyer (2011, J. Statist. Software 39) for kstwo (Durbin's
 * matrix, Pomeranz, Pelz-Good); Kolmogorov (1933); Lund & Lund (1983, Appl.
 * Statist. 32, AS 190) and scipy's studentized_range for the double
 * integral.
 *
 * Every entry reproduces scipy.stats 1.15: the same name, the same shape
 * parameters in the same order, the same standardized variable
 * z = (x - loc) / scale (see catalogue/entry.h for the conventions of an
 * entry's functions).  Each entry's header comment cites its formulas;
 * JKB1 / JKB2 are Johnson, Kotz & Balakrishnan, "Continuous Univariate
 * Distributions", vol. 1 (1994) and vol. 2 (1995).  Quantiles without a
 * closed form use bf_ppf_solve (numerics/quantile.c).  No PostgreSQL API:
 * the file also builds into test/cateval.
 */

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "catalogue/common.h"
#include "host.h"


/* ------------------------------------------------------------------------
 * ksone(n): the one-sided Kolmogorov-Smirnov statistic D_n^+ for n
 * observations.  Birnbaum & Tingey (1951):
 *   sf(z) = z sum_{j=0}^{floor(n(1-z))} C(n,j) (z + j/n)^(j-1) (1 - z - j/n)^(n-j)
 * exactly; closed forms cdf = z (1+z)^(n-1) for z <= 1/n and
 * sf = (1-z)^n for z >= 1 - 1/n; cdf = 1 - sf in between, where
 * cdf >= 1/n.  pdf = -d sf/dz term by term.  The sum is formed in long
 * double (64-bit mantissa) from logs of the terms (log of the binomial by
 * lgamma), stopping when the remaining terms are negligible: relative
 * accuracy ~1e-14 for n <= 1000 (tested n = 1 .. 1000).  For n > 10^6 the
 * approximation sf = exp(-(6 n z + 1)^2 / (18 n)) that scipy uses there
 * (scipy.special.smirnov, scipy/special/cephes/kolmogorov.c), in the
 * overflow-free form exp(-a^2), a = sqrt(2 n) z + 1 / sqrt(18 n), for any n
 * up to the largest double (n is a double throughout: no int cast).  At
 * the switch (n = 10^6 exact against n = 10^6 + 1 approximated, z = y /
 * sqrt(n), y = 0.05 .. 6) the two agree to 3e-5 relative in sf where
 * sf >= 1e-10 (2e-4 at sf = 1e-22) and 1.2e-5 in cdf; the approximation is
 * an expansion in powers of n^-1/2, so it improves as n grows (at n = 10^10
 * ksone's sf is exp(-2 y^2) to 1e-5).  The exact sum has up to
 * n(1 - z) terms and polls the host's stop request every 256 of them (NaN
 * when asked to stop).
 * scipy.stats.ksone (scipy.special.smirnov); ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

#define KSONE_MAX_N 1000000

static void
ksone_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = 1.0;
}

/* sf, cdf and pdf of ksone at 0 < z < 1 (n integer >= 1, any double) */
static void
smirnov3(double n, double z, double *sf, double *cdf, double *pdf)
{
	long double nz = (long double) n * z,
				lgn1,
				s = 0.0L,
				ds = 0.0L,
				prevt = 0.0L;
	int			J,
				nn;

	if (n == 1)
	{
		*cdf = z;
		*sf = 1.0 - z;
		*pdf = 1.0;
		return;
	}
	if (nz <= 1.0L)
	{
		*cdf = z * exp((n - 1) * log1p(z));
		*sf = 1.0 - *cdf;
		*pdf = exp((n - 2) * log1p(z)) * (1.0 + n * z);
		return;
	}
	if (nz >= n - 1)
	{
		*sf = exp(n * log1p(-z));
		*cdf = 1.0 - *sf;
		*pdf = n * exp((n - 1) * log1p(-z));
		return;
	}
	if (n > KSONE_MAX_N)
	{
		/* -(6 n z + 1)^2 / (18 n) = -a^2 */
		double		a = sqrt(2.0 * n) * z + 1.0 / sqrt(18.0 * n),
					lp = -a * a;

		if (lp < -M_LN2)
		{
			*sf = exp(lp);
			*cdf = 1.0 - *sf;
		}
		else
		{
			*cdf = -expm1(lp);
			*sf = 1.0 - *cdf;
		}
		/* -d sf / dz = 2 a sqrt(2 n) sf */
		*pdf = exp(lp + log(2.0 * a * sqrt(2.0 * n)));
		return;
	}
	nn = (int) n;				/* <= KSONE_MAX_N */
	J = (int) floorl(nn - nz);
	if ((long double) J == nn - nz)
		J--;					/* that term is zero */
	lgn1 = lgammal((long double) nn + 1.0L);
	for (int j = 0; j <= J; j++)
	{
		long double u = ((long double) j + nz) / nn,	/* z + j/n */
					v = ((long double) (nn - j) - nz) / nn, /* 1 - z - j/n */
					lt,
					t;

		if ((j & 255) == 255 && bf_should_stop())
		{
			*sf = *cdf = *pdf = NAN;
			return;
		}
		lt = lgn1 - lgammal((long double) j + 1.0L) - lgammal((long double) (nn - j) + 1.0L)
			+ (j - 1) * logl(u) + (nn - j) * logl(v);
		t = expl(lt);
		s += t;
		ds += t * ((j - 1) / u - (nn - j) / v);
		if (j > 2 && t < prevt && t < 1e-22L * s)
			break;
		prevt = t;
	}
	*sf = (double) (z * s);
	*cdf = (double) (1.0L - z * s);
	*pdf = (double) (-(s + z * ds));
	if (*pdf < 0)
		*pdf = 0.0;
}

static double
ksone_cdf(const BfDist *self, double z, const double *shape)
{
	double		sf,
				cdf,
				pdf;

	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 0.0;
	if (z >= 1.0)
		return 1.0;
	smirnov3(shape[0], z, &sf, &cdf, &pdf);
	return cdf;
}

static double
ksone_sf(const BfDist *self, double z, const double *shape)
{
	double		sf,
				cdf,
				pdf;

	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 1.0;
	if (z >= 1.0)
		return 0.0;
	smirnov3(shape[0], z, &sf, &cdf, &pdf);
	return sf;
}

static double
ksone_logpdf(const BfDist *self, double z, const double *shape)
{
	double		sf,
				cdf,
				pdf;

	if (isnan(z))
		return z;
	if (z < 0.0 || z > 1.0)
		return -INFINITY;
	if (z == 0.0)
		return 0.0;				/* pdf(0) = 1 */
	if (z == 1.0)
		return (shape[0] == 1.0) ? 0.0 : -INFINITY;
	smirnov3(shape[0], z, &sf, &cdf, &pdf);
	return log(pdf);
}


static double
ksone_ppf(const BfDist *self, double p, const double *shape)
{
	double		n = shape[0],
				guess;

	PPF_EDGES(self, p, shape);
	if (n == 1.0)
		return p;
	/* sf ~ exp(-2 n z^2) */
	guess = (p > 0.5) ? sqrt(-log1p(-p) / (2.0 * n)) : NAN;
	return bf_ppf_solve(self, shape, p, guess);
}


/* ------------------------------------------------------------------------
 * kstwo(n): the two-sided Kolmogorov-Smirnov statistic D_n, support
 * [1/(2n), 1].  Simard & L'Ecuyer (2011), as scipy.stats.kstwo
 * (scipy/stats/_ksstats.py) combines the methods:
 *   n z <= 1 (Ruben & Gambino 1982): cdf = n!/n^n (2 n z - 1)^n;
 *   n z >= n - 1: sf = 2 (1 - z)^n;  z >= 1/2: sf = 2 sf_ksone(z) (exact);
 *   n <= 140: n z^2 <= 0.754693 Durbin's matrix (Marsaglia, Tsang & Wang
 *     2003), n z^2 <= 4 Pomeranz's recursion (1974), else 2 sf_ksone;
 *   n > 140: sf = 2 sf_ksone for n z^2 >= 2.2 (0 from 370), cdf = 1 for
 *     n z^2 >= 18, else Durbin's matrix when n <= 1e5 and n z^1.5 <= 1.4,
 *     otherwise the Pelz & Good (1976) asymptotic series.
 * The pdf: closed forms in the exact end regions, 2 pdf_ksone where the
 * cdf is 1 - 2 sf_ksone (n z^2 > 4 for n <= 140; n z^2 >= 18 above, where
 * scipy's cdf is 1 and its pdf 0),
 * elsewhere, like scipy's, the 5-point central difference of the cdf with
 * step min(z/2^16, z - 1/n, 1/2 - z) (~1e-9 relative away from the knots
 * k/n; scipy differentiates numerically everywhere below z = 1/2, which
 * loses up to 1e-3 relative in the upper tail, where cdf ~ 1).  Durbin's matrix
 * costs O(k^3 log n) with k = ceil(n z): ~10-100 us per cdf call.
 * ppf by bf_ppf_solve, with the exact inverses in the two end regions.
 * n is a double throughout (any integer n >= 1 up to the largest double, no
 * int cast): the matrix and Pomeranz methods, the only ones that need an
 * int, run for n <= 10^5 and n <= 140.  For larger n the Pelz-Good series
 * (in powers of n^-1/2, to n^-3/2) and 2 sf_ksone above: at n = 10^10 the
 * cdf agrees with kstwobign's at sqrt(n) z to 1.5e-4 relative (the O(n^-1/2)
 * term), cdf(1/2) = 1.  Durbin's matrix polls the host's stop request before
 * each of its O(log n) matrix products, Pomeranz's recursion every 32 steps.
 * ------------------------------------------------------------------------
 */

/* log(n! / n^n) */
static double
log_nfact_npown(double n)
{
	return lgamma(n + 1.0) - n * log(n);
}

/*
 * Durbin matrix / Marsaglia-Tsang-Wang: P(D_n < d), n d > 1/2, d < 1.
 * Polls the host's stop request before every matrix product (NaN when asked
 * to stop).
 */
static double
kolmogn_dmtw(int n, double d)
{
	int			k,
				m,
				i,
				j,
				l,
				nn,
				expnt = 0,
				hexpnt = 0;
	double		h,
				p,
				fac;
	double	   *H,
			   *P,
			   *T,
			   *v,
			   *w;

	k = (int) ceil(n * d);
	h = k - n * d;
	m = 2 * k - 1;
	H = bf_alloc(sizeof(double) * (3 * m * m + 2 * m));
	P = H + m * m;
	T = P + m * m;
	v = T + m * m;
	w = v + m;
	fac = 1.0;
	for (j = 1; j <= m; j++)
	{
		w[j - 1] = fac;
		fac /= j;
		v[j - 1] = (1.0 - pow(h, j)) * fac;
	}
	v[m - 1] = (1.0 + pow(fmax(2.0 * h - 1.0, 0.0), m) - 2.0 * pow(h, m)) * fac;
	memset(H, 0, sizeof(double) * m * m);
	for (i = 1; i < m; i++)
		for (j = i - 1; j < m; j++)
			H[j * m + i] = w[j - i + 1];
	for (i = 0; i < m; i++)
		H[i * m] = v[i];
	for (i = 0; i < m; i++)
		H[(m - 1) * m + i] = v[m - 1 - i];
	/* P = identity */
	memset(P, 0, sizeof(double) * m * m);
	for (i = 0; i < m; i++)
		P[i * m + i] = 1.0;
	nn = n;
	while (nn > 0)
	{
		if (bf_should_stop())
		{
			bf_free(H);
			return NAN;
		}
		if (nn % 2)
		{
			for (i = 0; i < m; i++)
				for (j = 0; j < m; j++)
				{
					double		s = 0.0;

					for (l = 0; l < m; l++)
						s += P[i * m + l] * H[l * m + j];
					T[i * m + j] = s;
				}
			memcpy(P, T, sizeof(double) * m * m);
			expnt += hexpnt;
		}
		nn /= 2;
		if (nn == 0)
			break;
		for (i = 0; i < m; i++)
			for (j = 0; j < m; j++)
			{
				double		s = 0.0;

				for (l = 0; l < m; l++)
					s += H[i * m + l] * H[l * m + j];
				T[i * m + j] = s;
			}
		memcpy(H, T, sizeof(double) * m * m);
		hexpnt *= 2;
		if (fabs(H[(k - 1) * m + k - 1]) > 0x1p128)
		{
			for (i = 0; i < m * m; i++)
				H[i] = ldexp(H[i], -128);
			hexpnt += 128;
		}
		/* keep the accumulated product in range as well */
		if (fabs(P[(k - 1) * m + k - 1]) > 0x1p128)
		{
			for (i = 0; i < m * m; i++)
				P[i] = ldexp(P[i], -128);
			expnt += 128;
		}
	}
	p = P[(k - 1) * m + k - 1];
	bf_free(H);
	/* times n!/n^n */
	return exp(log(p) + expnt * M_LN2 + log_nfact_npown(n));
}

/* Pomeranz (1974): P(D_n <= z), following the layout of scipy's _ksstats */
static void
pomeranz_j1j2(int i, int n, int ll, int ceilf, int roundf, int *pj1, int *pj2)
{
	int			j1,
				j2;

	if (i == 0)
	{
		j1 = -ll - ceilf - 1;
		j2 = ll + ceilf - 1;
	}
	else
	{
		int			ip1div2 = (i + 1) / 2,
					ip1mod2 = (i + 1) % 2;

		if (ip1mod2 == 0)
		{
			if (ip1div2 == n + 1)
			{
				j1 = n - ll - ceilf - 1;
				j2 = n + ll + ceilf - 1;
			}
			else
			{
				j1 = ip1div2 - 1 - ll - roundf - 1;
				j2 = ip1div2 + ll - 1 + ceilf - 1;
			}
		}
		else
		{
			j1 = ip1div2 - 1 - ll - 1;
			j2 = ip1div2 + ll + roundf - 1;
		}
	}
	*pj1 = (j1 + 2 > 0) ? j1 + 2 : 0;
	*pj2 = (j2 < n) ? j2 : n;
}

/* (n <= 140; polls the host's stop request, NaN when asked to stop) */
static double
kolmogn_pomeranz(int n, double x)
{
	double		t = n * x,
				f,
				g,
				ans;
	int			ll,
				ceilf,
				roundf,
				npwrs,
				expnt = 0,
				j1,
				j2,
				V0s = 0,
				V1s = 0;
	double	   *buf,
			   *gp,
			   *g2p,
			   *g12p,
			   *V0,
			   *V1;

	ll = (int) floor(t);
	f = t - ll;
	g = fmin(f, 1.0 - f);
	ceilf = (f > 0) ? 1 : 0;
	roundf = (f > 0.5) ? 1 : 0;
	npwrs = 2 * (ll + 1);
	buf = bf_alloc(sizeof(double) * 5 * npwrs);
	gp = buf;
	g2p = gp + npwrs;
	g12p = g2p + npwrs;
	V0 = g12p + npwrs;
	V1 = V0 + npwrs;
	gp[0] = g2p[0] = g12p[0] = 1.0;
	for (int m = 1; m < npwrs; m++)
	{
		gp[m] = gp[m - 1] * (g / n) / m;
		g2p[m] = g2p[m - 1] * (2.0 * g / n) / m;
		g12p[m] = g12p[m - 1] * ((1.0 - 2.0 * g) / n) / m;
	}
	memset(V0, 0, sizeof(double) * npwrs);
	memset(V1, 0, sizeof(double) * npwrs);
	V1[0] = 1.0;
	pomeranz_j1j2(0, n, ll, ceilf, roundf, &j1, &j2);
	for (int i = 1; i < 2 * n + 2; i++)
	{
		int			k1 = j1,
					ln2,
					tmp;
		double	   *sw,
				   *pw;

		if ((i & 31) == 0 && bf_should_stop())
		{
			bf_free(buf);
			return NAN;
		}
		sw = V0;
		V0 = V1;
		V1 = sw;
		tmp = V0s;
		V0s = V1s;
		V1s = tmp;
		memset(V1, 0, sizeof(double) * npwrs);
		pomeranz_j1j2(i, n, ll, ceilf, roundf, &j1, &j2);
		if (i == 1 || i == 2 * n + 1)
			pw = gp;
		else
			pw = (i % 2) ? g2p : g12p;
		ln2 = j2 - k1 + 1;
		if (ln2 > 0)
		{
			int			cstart = j1 - k1,
						clen = j2 - j1 + 1;
			double		mx = 0.0;

			/* conv[c] = sum_a V0[k1 - V0s + a] pw[c - a], c = cstart .. cstart + clen - 1 */
			for (int c = 0; c < clen; c++)
			{
				int			cc = cstart + c;
				double		s = 0.0;

				for (int a = 0; a <= cc && a < ln2; a++)
				{
					int			b = cc - a;

					if (b < ln2)
						s += V0[k1 - V0s + a] * pw[b];
				}
				V1[c] = s;
				if (s > mx)
					mx = s;
			}
			if (mx > 0 && mx < 0x1p-128)
			{
				for (int c = 0; c < clen; c++)
					V1[c] = ldexp(V1[c], 128);
				expnt -= 128;
			}
			V1s = V0s + j1 - k1;
		}
	}
	ans = V1[n - V1s];
	bf_free(buf);
	if (ans <= 0)
		return 0.0;
	return exp(log(ans) + lgamma(n + 1.0) + expnt * M_LN2);
}

/* Pelz & Good (1976): asymptotic P(D_n <= x) */
static double
kolmogn_pelzgood(double n, double x, bool cdf)
{
	double		z,
				z2,
				z3,
				z4,
				z6,
				qlog,
				q,
				K[4] = {0, 0, 0, 0},
				k1a, k1b, k2a, k2b, k2c, k3a, k3b, k3c, k3d,
				k2extra = 0.0,
				k3extra = 0.0,
				sum;
	int			maxk;
	const double pi2 = M_PI * M_PI,
				pi4 = pi2 * pi2,
				pi6 = pi4 * pi2;

	z = sqrt(n) * x;
	z2 = z * z;
	z3 = z2 * z;
	z4 = z2 * z2;
	z6 = z3 * z3;
	qlog = -pi2 / 8.0 / z2;
	if (qlog < -708)
		return cdf ? 0.0 : 1.0;
	q = exp(qlog);
	k1a = -z2;
	k1b = pi2 / 4.0;
	k2a = 6.0 * z6 + 2.0 * z4;
	k2b = (2.0 * z4 - 5.0 * z2) * pi2 / 4.0;
	k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
	k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
	k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
	k3b = pi2 * (135.0 * z4 - 96.0 * z6) / 4.0;
	k3a = -30.0 * z6 - 90.0 * z4 * z4;
	maxk = (int) ceil(16.0 * z / M_PI);
	for (int k = maxk; k >= 1; k--)
	{
		double		m = 2.0 * k - 1.0,
					m2 = m * m,
					m4 = m2 * m2,
					m6 = m4 * m2,
					qp = pow(q, 8.0 * k);

		K[0] = K[0] * qp + 1.0;
		K[1] = K[1] * qp + (k1a + k1b * m2);
		K[2] = K[2] * qp + (k2a + k2b * m2 + k2c * m4);
		K[3] = K[3] * qp + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
	}
	for (int i = 0; i < 4; i++)
		K[i] *= q * SQRT_2PI;
	K[0] /= z;
	K[1] /= 6.0 * z4;
	K[2] /= 72.0 * z6 * z;
	K[3] /= 6480.0 * z6 * z4;
	q = exp(-pi2 / 2.0 / z2);
	for (int k = maxk; k >= 1; k--)
	{
		double		k2 = (double) k * k,
					qk = pow(q, k2),
					s3z = sqrt(3.0) * z,
					kpi = M_PI * k;

		k2extra += k2 * qk;
		k3extra += (s3z + kpi) * (s3z - kpi) * k2 * qk;
	}
	K[2] += k2extra * pi2 * SQRT_2PI / (-36.0 * z3);
	K[3] += k3extra * pi2 * SQRT_2PI / (216.0 * z6);
	K[1] /= sqrt(n);
	K[2] /= n;
	K[3] /= n * sqrt((double) n);
	if (!cdf)
	{
		for (int i = 0; i < 4; i++)
			K[i] = -K[i];
		K[0] += 1.0;
	}
	sum = K[0] + K[1] + K[2] + K[3];
	return sum;
}

static double
clip01(double p)
{
	return (p < 0.0) ? 0.0 : (p > 1.0) ? 1.0 : p;
}

/* P(D_n <= x) (cdf true) or P(D_n > x), scipy's _kolmogn */
static double
kolmogn(double n, double x, bool cdf)
{
	double		t,
				nx2,
				prob,
				sf,
				c,
				pdf;

	if (isnan(x))
		return x;
	if (x >= 1.0)
		return cdf ? 1.0 : 0.0;
	if (x <= 0.0)
		return cdf ? 0.0 : 1.0;
	t = n * x;
	if (t <= 1.0)
	{
		if (t <= 0.5)
			return cdf ? 0.0 : 1.0;
		prob = exp(log_nfact_npown(n) + n * log(2.0 * t - 1.0));
		return cdf ? prob : 1.0 - prob;
	}
	if (t >= n - 1)
	{
		prob = 2.0 * exp(n * log1p(-x));
		return cdf ? 1.0 - prob : prob;
	}
	if (x >= 0.5)
	{
		smirnov3(n, x, &sf, &c, &pdf);
		prob = 2.0 * sf;
		return clip01(cdf ? 1.0 - prob : prob);
	}
	nx2 = t * x;
	if (n <= 140)
	{
		if (nx2 <= 0.754693)
			prob = kolmogn_dmtw((int) n, x);
		else if (nx2 <= 4.0)
			prob = kolmogn_pomeranz((int) n, x);
		else
		{
			smirnov3(n, x, &sf, &c, &pdf);
			prob = 2.0 * sf;
			return clip01(cdf ? 1.0 - prob : prob);
		}
		return clip01(cdf ? prob : 1.0 - prob);
	}
	if (!cdf)
	{
		if (nx2 >= 370.0)
			return 0.0;
		if (nx2 >= 2.2)
		{
			smirnov3(n, x, &sf, &c, &pdf);
			return clip01(2.0 * sf);
		}
	}
	if (nx2 >= 18.0)
		prob = 1.0;
	else if (n <= 100000 && n * pow(x, 1.5) <= 1.4)
		prob = kolmogn_dmtw((int) n, x);
	else
		prob = kolmogn_pelzgood(n, x, true);
	return clip01(cdf ? prob : 1.0 - prob);
}

/* pdf of D_n, scipy's _kolmogn_p */
static double
kolmogn_pdf(double n, double x)
{
	double		t,
				delta;

	if (isnan(x))
		return x;
	if (x >= 1.0 || x <= 0.0)
		return 0.0;
	t = n * x;
	if (t <= 1.0)
	{
		if (t <= 0.5)
			return 0.0;
		return exp(M_LN2 + 2.0 * log(n) + log_nfact_npown(n) + (n - 1) * log(2.0 * t - 1.0));
	}
	if (t >= n - 1)
		return 2.0 * n * exp((n - 1) * log1p(-x));
	if (x >= 0.5)
	{
		double		sf,
					c,
					pdf;

		smirnov3(n, x, &sf, &c, &pdf);
		return 2.0 * pdf;
	}
	/* where the cdf is 1 - 2 sf_ksone (Miller): its exact derivative */
	if ((n <= 140 && t * x > 4.0) || (n > 140 && t * x >= 18.0))
	{
		double		sf,
					c,
					pdf;

		smirnov3(n, x, &sf, &c, &pdf);
		return 2.0 * pdf;
	}
	delta = x / 65536.0;
	delta = fmin(delta, x - 1.0 / n);
	delta = fmin(delta, 0.5 - x);
	return (kolmogn(n, x - 2.0 * delta, true) - 8.0 * kolmogn(n, x - delta, true)
			+ 8.0 * kolmogn(n, x + delta, true) - kolmogn(n, x + 2.0 * delta, true)) / (12.0 * delta);
}

static void
kstwo_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.5 / shape[0];
	*zhi = 1.0;
}

static double
kstwo_cdf(const BfDist *self, double z, const double *shape)
{
	return kolmogn(shape[0], z, true);
}

static double
kstwo_sf(const BfDist *self, double z, const double *shape)
{
	return kolmogn(shape[0], z, false);
}

static double
kstwo_logpdf(const BfDist *self, double z, const double *shape)
{
	double		n = shape[0];

	if (isnan(z))
		return z;
	if (z < 0.5 / n || z > 1.0)
		return -INFINITY;
	if (n == 1.0)
		return log(2.0);		/* uniform on [1/2, 1] */
	return log(kolmogn_pdf(n, z));
}


static double
kstwo_ppf(const BfDist *self, double p, const double *shape)
{
	double		n = shape[0],
				delta,
				x;

	PPF_EDGES(self, p, shape);
	/* n z <= 1: p = n!/n^n (2 n z - 1)^n */
	delta = exp((log(p) - lgamma(n + 1.0)) / n);
	if (delta <= 1.0 / n)
		return (delta + 1.0 / n) / 2.0;
	/* n z >= n - 1: 1 - p = 2 (1 - z)^n */
	x = -expm1(log((1.0 - p) / 2.0) / n);
	if (x >= 1.0 - 1.0 / n)
		return x;
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * kstwobign: Kolmogorov's limiting distribution of sqrt(n) D_n.
 * Feller (1948); scipy.stats.kstwobign (scipy.special.kolmogorov).
 *   sf(z)  = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 z^2)            (z >= 1)
 *   cdf(z) = sqrt(2 pi)/z sum_{k odd} exp(-k^2 pi^2 / (8 z^2))   (z < 1)
 * (the two Jacobi theta forms), the other function as 1 - that one where
 * it is >= 0.27 (no cancellation); pdf by differentiating the same series
 * term by term, in log form so that it stays finite in both tails.  Both
 * series converge geometrically (ratio < exp(-6) and exp(-pi^2)); relative
 * accuracy ~1e-15.  ppf by bf_ppf_solve.
 * ------------------------------------------------------------------------
 */

/* sum_{k>=1} (-1)^(k-1) k^pw exp(-2 (k^2 - 1) z^2), pw = 0 or 2 */
static double
kolm_alt_sum(double z, int pw)
{
	double		s = 0.0;

	/*
	 * z > 30: the terms k >= 2 are below exp(-6 z^2) < 1e-2300, 0 in double
	 * precision: the sum is its first term, 1 (also at z = Infinity, where
	 * 0 * z * z would be NaN)
	 */
	if (z > 30.0)
		return 1.0;
	for (int k = 1; k < 100; k++)
	{
		double		t = exp(-2.0 * ((double) k * k - 1.0) * z * z);

		if (pw)
			t *= (double) k * k;
		s += (k & 1) ? t : -t;
		if (t < 1e-18 * fabs(s))
			break;
	}
	return s;
}

/* sum_{m odd} c_m exp(-(m^2 - 1) pi^2 / (8 z^2)), c_m = 1 (pw 0) or m^2 pi^2/(4 z^4) - 1/z^2 (pw 2) */
static double
kolm_theta_sum(double z, int pw)
{
	double		s = 0.0,
				a = M_PI * M_PI / (8.0 * z * z);

	for (int m = 1; m < 1000; m += 2)
	{
		double		t = exp(-((double) m * m - 1.0) * a);

		if (pw)
			t *= (double) m * m * M_PI * M_PI / (4.0 * z * z * z * z) - 1.0 / (z * z);
		s += t;
		if (fabs(t) < 1e-18 * fabs(s))
			break;
	}
	return s;
}

static double
kstwobign_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 0.0;
	if (z < 1.0)
	{
		double		a = M_PI * M_PI / (8.0 * z * z);

		/*
		 * a > 1000 (z < 0.035): cdf <= sqrt(2 pi)/z exp(-a) = 2.26 sqrt(a)
		 * exp(-a) < 1e-400, below the smallest subnormal (and a = inf at
		 * z = 1e-300 would give 0 * inf in the series)
		 */
		if (a > 1000.0)
			return 0.0;
		return SQRT_2PI / z * exp(-a) * kolm_theta_sum(z, 0);
	}
	return 1.0 - 2.0 * exp(-2.0 * z * z) * kolm_alt_sum(z, 0);
}

static double
kstwobign_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0.0)
		return 1.0;
	if (z < 1.0)
		return 1.0 - kstwobign_cdf(self, z, shape);
	return 2.0 * exp(-2.0 * z * z) * kolm_alt_sum(z, 0);
}

static double
kstwobign_logpdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return z;
	if (z <= 0.0 || isinf(z))
		return -INFINITY;
	if (z < 1.0)
	{
		double		a = M_PI * M_PI / (8.0 * z * z);

		/*
		 * a > 1000: only the series' first term counts (the others carry
		 * exp(-8 a) = 0), pi^2/(4 z^4) - 1/z^2 = (2 a - 1) / z^2, in logs
		 * (z^4 underflows for z < 1e-77; a = inf: the density is 0)
		 */
		if (isinf(a))
			return -INFINITY;
		if (a > 1000.0)
			return -a + log(SQRT_2PI) + log(2.0 * a - 1.0) - 2.0 * log(z);
		return -a + log(SQRT_2PI * kolm_theta_sum(z, 2));
	}
	/* log(8) + log(z): 8 z overflows near DBL_MAX (inf - inf otherwise) */
	return log(8.0) + log(z) - 2.0 * z * z + log(kolm_alt_sum(z, 2));
}


static double
kstwobign_ppf(const BfDist *self, double p, const double *shape)
{
	double		guess;

	PPF_EDGES(self, p, shape);
	/* sf ~ 2 exp(-2 z^2) above, cdf ~ sqrt(2 pi)/z exp(-pi^2/(8 z^2)) below */
	if (p > 0.5)
		guess = sqrt(-0.5 * log(0.5 * (1.0 - p)));
	else
		guess = M_PI / sqrt(-8.0 * log(p) + 1.0);
	return bf_ppf_solve(self, shape, p, guess);
}

#define SR_LIMIT	200
#define SR_EPS_IN	1e-13
#define SR_EPS_OUT	1e-13
#define SR_DF_ASYM	100000.0

enum
{
	SR_CDF,
	SR_SF,
	SR_PDF
};

typedef struct SrParams
{
	double		k;
	double		nu;
	double		q;
	double		logc;			/* log of the chi density's constant */
	int			what;
	gsl_integration_workspace *wi;
	int			failed;
} SrParams;

/* Phi(x) and Q(x) = 1 - Phi(x), accurate in their tails. */
static double
sr_Phi(double x)
{
	return 0.5 * erfc(-x * M_SQRT1_2);
}

static double
sr_Q(double x)
{
	return 0.5 * erfc(x * M_SQRT1_2);
}

/* 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz & Stegun 25.4.30). */
static const double sr_gl_x[4] = {
	0.183434642495649804939, 0.525532409916328985818,
	0.796666477413626739592, 0.960289856497536231684
};
static const double sr_gl_w[4] = {
	0.362683783378361982965, 0.313706645877887287338,
	0.222381034453374470544, 0.101228536290376259153
};

/*
 * Phi(z + w) - Phi(z) for w > 0, without cancellation: for w <= 1/16 as
 * phi(z) int_0^w exp(-z u - u^2 / 2) du by 8-point Gauss-Legendre (the
 * integrand is analytic and varies by a factor of at most e^(|z| w) on the
 * interval, |z| w <= 0.7 where phi(z) is not negligible: error < 1e-16),
 * else from the tails of Phi.
 */
static double
sr_Pdiff(double z, double w)
{
	double		b = z + w;

	if (w <= 0.0625)
	{
		double		h = 0.5 * w,
					sum = 0.0;
		int			i;

		for (i = 0; i < 4; i++)
		{
			double		u1 = h * (1.0 - sr_gl_x[i]),
						u2 = h * (1.0 + sr_gl_x[i]);

			sum += sr_gl_w[i] * (exp(-z * u1 - 0.5 * u1 * u1) + exp(-z * u2 - 0.5 * u2 * u2));
		}
		return exp(-0.5 * z * z - LN_SQRT_2PI) * h * sum;
	}
	if (b <= 0.0)
		return sr_Phi(b) - sr_Phi(z);
	if (z >= 0.0)
		return sr_Q(z) - sr_Q(b);
	return 1.0 - sr_Q(b) - sr_Phi(z);
}

typedef struct SrInner
{
	double		k;
	double		w;
	int			what;
} SrInner;

static double
sr_inner_f(double z, void *vp)
{
	SrInner    *p = (SrInner *) vp;
	double		lphi = -0.5 * z * z - LN_SQRT_2PI;
	double		n = p->k - 1.0;

	if (p->what == SR_CDF)
	{
		double		b = sr_Pdiff(z, p->w);

		if (b <= 0.0)
			return 0.0;
		return exp(lphi + n * log(b));
	}
	else if (p->what == SR_SF)
	{
		double		a = sr_Q(z),
					c = sr_Q(z + p->w);

		if (a <= 0.0)
			return 0.0;
		if (c >= a)				/* w rounds to 0 */
			return exp(lphi + n * log(a));
		return -exp(lphi + n * log(a)) * expm1(n * log1p(-c / a));
	}
	else
	{
		double		u = z + p->w;
		double		lb = 0.0;

		if (p->k != 2.0)
		{
			double		b = sr_Pdiff(z, p->w);

			if (b <= 0.0)
				return 0.0;
			lb = (p->k - 2.0) * log(b);
		}
		return exp(lphi - 0.5 * u * u - LN_SQRT_2PI + lb);
	}
}

/*
 * W(w), 1 - W(w) or w(w) (what = SR_CDF, SR_SF, SR_PDF) by integration
 * over z; ws is a workspace of SR_LIMIT intervals.  NaN on failure.
 */
static double
sr_inner(double k, double w, int what, gsl_integration_workspace *ws)
{
	SrInner		par = {k, w, what};
	gsl_function F;
	double		lo,
				hi;
	double		res,
				err;
	int			status;

	if (w <= 0.0)
	{
		if (what == SR_SF)
			return 1.0;
		if (what == SR_CDF)
			return 0.0;
	}
	F.function = sr_inner_f;
	F.params = &par;

	/*
	 * Outside [lo, hi] the integrand is below e^-40 of its peak: W's mass
	 * lies in [-10.5, 9] (phi(z)) and beyond -w/2 - 9; the complement's
	 * and the density's are centred at -w/2 (phi(z) phi(z + w)).
	 */
	lo = -0.5 * w - 9.0;
	hi = 9.0;
	if (what == SR_CDF)
		lo = fmax(lo, -10.5);
	else
		hi = fmin(9.0, 9.0 - 0.5 * w);
	if (hi <= lo)
		return 0.0;
	status = gsl_integration_qag(&F, lo, hi, 0.0, SR_EPS_IN, SR_LIMIT, GSL_INTEG_GAUSS61,
								 ws, &res, &err);
	if (status && status != GSL_EROUND && status != GSL_EMAXITER && status != GSL_ESING)
		return NAN;
	if (what == SR_PDF)
		return k * (k - 1.0) * res;
	return k * res;
}

static double
sr_outer_f(double t, void *vp)
{
	SrParams   *p = (SrParams *) vp;
	double		s = exp(t);
	double		lg = p->logc + p->nu * t - 0.5 * p->nu * s * s;
	double		v;

	/* each call is an inner integral (up to 12,200 points): poll the host */
	if (p->failed || bf_should_stop())
	{
		p->failed = 1;
		return 0.0;
	}
	if (lg < -745.0)
		return 0.0;
	v = sr_inner(p->k, p->q * s, p->what, p->wi);
	if (isnan(v))
	{
		p->failed = 1;
		return 0.0;
	}
	if (p->what == SR_PDF)
		lg += t;
	return exp(lg) * v;
}

/*
 * cdf, sf or pdf of the standardized variable at q > 0; NaN on failure and
 * when the host asks to stop (polled before every inner integral).
 */
static double
sr_eval(double q, double k, double nu, int what)
{
	gsl_integration_workspace *wo,
			   *wi;
	SrParams	par;
	gsl_function F;
	double		tlo,
				thi,
				a,
				tm,
				lm,
				t0,
				l0,
				res = NAN,
				err;
	int			i,
				status;

	wi = gsl_integration_workspace_alloc(SR_LIMIT);
	if (wi == NULL)
		return NAN;
	if (nu >= SR_DF_ASYM)
	{
		res = sr_inner(k, q, what, wi);
		gsl_integration_workspace_free(wi);
		return res;
	}
	wo = gsl_integration_workspace_alloc(SR_LIMIT);
	if (wo == NULL)
	{
		gsl_integration_workspace_free(wi);
		return NAN;
	}
	par.k = k;
	par.nu = nu;
	par.q = q;
	par.logc = 0.5 * nu * log(nu) - gsl_sf_lngamma(0.5 * nu) - (0.5 * nu - 1.0) * M_LN2;
	par.what = what;
	par.wi = wi;
	par.failed = 0;
	F.function = sr_outer_f;
	F.params = &par;

	/*
	 * Range of t = log s: the integrand is exp(L(t)) times a factor
	 * between 0 and 1 (times (q s)^(k-1) at most for W in the lower tail),
	 * L(t) = a t - nu e^(2t) / 2 with a = nu (+ 1 for the pdf): thi is
	 * where L is 46 below its peak (a raised by k - 1 for the cdf, k - 2 for
	 * the pdf, for the lower tail's factor (q s)^(k-1)); tlo where L is 46
	 * below L(min(-log q, mode)) (L(mode) for the cdf), down to which the integrand still follows
	 * the chi density (the upper tail's mass lies near t = -log q).
	 */
	a = nu + (what == SR_PDF ? 1.0 + fmax(k - 2.0, 0.0) : 0.0) + (what == SR_CDF ? k - 1.0 : 0.0);
	tm = 0.5 * log(a / nu);
	lm = a * tm - 0.5 * a;
	thi = tm + 1.0;
	for (i = 0; i < 60; i++)
	{
		double		e2 = exp(2.0 * thi);
		double		f = a * thi - 0.5 * nu * e2 - (lm - 46.0);
		double		d = a - nu * e2;
		double		tn = thi - f / d;

		if (!(tn > tm))
			tn = 0.5 * (thi + tm);
		if (fabs(tn - thi) < 1e-10)
			break;
		thi = tn;
	}
	a = nu + (what == SR_PDF ? 1.0 : 0.0);
	tm = 0.5 * log(a / nu);
	t0 = (what == SR_CDF) ? tm : fmin(tm, -log(q));
	l0 = a * t0 - 0.5 * nu * exp(2.0 * t0);
	tlo = t0 - 46.0 / a - 1.0;
	for (i = 0; i < 60; i++)
	{
		double		e2 = exp(2.0 * tlo);
		double		f = a * tlo - 0.5 * nu * e2 - (l0 - 46.0);
		double		d = a - nu * e2;
		double		tn = tlo - f / d;

		if (!(tn < t0))
			tn = 0.5 * (tlo + t0);
		if (fabs(tn - tlo) < 1e-10)
			break;
		tlo = tn;
	}
	status = gsl_integration_qag(&F, tlo, thi, 0.0, SR_EPS_OUT, SR_LIMIT, GSL_INTEG_GAUSS61,
								 wo, &res, &err);
	if ((status && status != GSL_EROUND && status != GSL_EMAXITER && status != GSL_ESING) ||
		par.failed)
		res = NAN;
	gsl_integration_workspace_free(wo);
	gsl_integration_workspace_free(wi);
	return res;
}

static void
studentized_range_support(const BfDist *self, const double *shape, double *zlo, double *zhi)
{
	*zlo = 0.0;
	*zhi = INFINITY;
}

static double
studentized_range_logpdf(const BfDist *self, double z, const double *shape)
{
	double		k = shape[0];
	double		v;

	if (!(z >= 0.0) || isinf(z))
		return isnan(z) ? NAN : -INFINITY;
	if (z == 0.0)
	{
		if (k > 2.0)
			return -INFINITY;
		if (k < 2.0)
			return INFINITY;
	}
	v = sr_eval(z, k, shape[1], SR_PDF);
	if (isnan(v))
		return NAN;
	return v > 0.0 ? log(v) : -INFINITY;
}

static double
studentized_range_cdf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= 0.0)
		return 0.0;
	if (isinf(z))
		return 1.0;
	{
		/*
		 * In the upper half the complement form (sf) is the accurate one:
		 * the direct cdf integral loses the upper tail's mass near
		 * t = -log q (measured 1.2e-6 relative at k = 10, df = 4,
		 * q = 126.8).
		 */
		double		sf = sr_eval(z, shape[0], shape[1], SR_SF),
					cdf;

		if (isnan(sf))
			return NAN;			/* failed or stopped (fmin would hide it) */
		if (sf < 0.5)
			return 1.0 - sf;
		cdf = sr_eval(z, shape[0], shape[1], SR_CDF);
		return isnan(cdf) ? NAN : fmin(1.0, cdf);
	}
}

static double
studentized_range_sf(const BfDist *self, double z, const double *shape)
{
	if (isnan(z))
		return NAN;
	if (z <= 0.0)
		return 1.0;
	if (isinf(z))
		return 0.0;
	{
		double		sf = sr_eval(z, shape[0], shape[1], SR_SF);

		return isnan(sf) ? NAN : fmin(1.0, sf);
	}
}


static double
studentized_range_ppf(const BfDist *self, double p, const double *shape)
{
	PPF_EDGES(self, p, shape);
	return bf_ppf_solve(self, shape, p, NAN);
}


/* ------------------------------------------------------------------------
 * The entries
 * ------------------------------------------------------------------------
 */

const BfDist bf_family_test_statistics[] = {
	{
		.name = "ksone", .nshapes = 1, .shapes = {{"n", DOM_INT1, true, .limit_hi = "rayleigh"}},
		.description = "One-sided Kolmogorov-Smirnov statistic D_n+; scipy.stats.ksone; Birnbaum & Tingey (1951), Ann. Math. Statist. 22, 592-596",
		.support_text = "loc <= x <= loc + scale",
		.not_default = true,
		.support = ksone_support, BF_FNS(ksone),
		.fit = {.expensive = true, .ngrid = {6}, .grid = {{1, 2, 5, 10, 30, 100}}, .coarse_evals = 400}
	},
	{
		.name = "kstwo", .nshapes = 1, .shapes = {{"n", DOM_INT1, true, .limit_hi = "kstwobign"}},
		.description = "Two-sided Kolmogorov-Smirnov statistic D_n; scipy.stats.kstwo; Simard & L'Ecuyer (2011), J. Stat. Softw. 39(11)",
		.support_text = "loc + scale/(2n) <= x <= loc + scale",
		.not_default = true,
		.support = kstwo_support, BF_FNS(kstwo),
		.fit = {.expensive = true, .ngrid = {6}, .grid = {{1, 2, 5, 10, 30, 100}}, .coarse_evals = 400}
	},
	{
		.name = "kstwobign", .nshapes = 0,
		.description = "Limiting distribution of sqrt(n) D_n (Kolmogorov); scipy.stats.kstwobign; Feller (1948), Ann. Math. Statist. 19, 177-189",
		.support_text = "x >= loc",
		.not_default = true,
		.support = bf_support_pos, BF_FNS(kstwobign)
	},
	{
		.name = "studentized_range",
		.nshapes = 2,
		.shapes = {{"k", {1.0, INFINITY, false, false}}, {"df", DOM_POS}},
		.description = "Studentized range distribution (range of k normals over an independent "
		"chi/sqrt(df) scale); scipy.stats.studentized_range; Lund & Lund (1983) "
		"Algorithm AS 190, Appl. Statist. 32, 204-210",
		.support_text = "x >= loc",
		.not_default = true,
		.support = studentized_range_support,
		BF_FNS(studentized_range),
		.fit = {
			.expensive = true,
			/* 6 combinations only: each costs three quantiles (~0.5 s) */
			.ngrid = {3, 2},
			.grid = {{2.0, 4.0, 10.0}, {5.0, 30.0}},
			.coarse_evals = 400,
			.interpolate_logpdf = true
		}
	},
};

const int	bf_family_test_statistics_size = sizeof(bf_family_test_statistics) / sizeof(bf_family_test_statistics[0]);
