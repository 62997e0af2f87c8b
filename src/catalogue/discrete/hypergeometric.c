/*
 * hypergeometric.c — draws without replacement (scipy.stats hypergeom,
 * nhypergeom, nchypergeom_fisher, nchypergeom_wallenius).
 *
 * An urn holds M objects, n of type I and m2 = M - n of type II.
 * hypergeom(M, n, N): type I objects among N drawn (Johnson, Kemp & Kotz
 *   2005, ch. 6):  pmf(x) = C(n, x) C(m2, N - x) / C(M, N),
 *   x = max(0, N - m2), ..., min(n, N).  Computed as R's dhyper does
 *   (Loader 2000): with p = N / M,
 *   pmf(x) = b(x; n, p) b(N - x; m2, p) / b(N; M, p),  b the binomial pmf
 *   by bf_log_dbinom (saddle-point, no lgamma cancellation).
 * nhypergeom(M, n, r): type I objects drawn before the r-th type II one
 *   (JKK 2005, 6.9.2; scipy):  pmf(k) = C(k + r - 1, k) C(M - r - k, n - k)
 *   / C(M, n), k = 0 .. n;  = r / (k + r) hypergeom(k; M, n, k + r), and
 *   cdf(k) = hypergeom cdf(k; M, n, N = k + r) (K <= k iff the first k + r
 *   draws hold at least r objects of type II), sf likewise.
 * nchypergeom_fisher(M, n, N, odds) (Fog 2008, "Sampling methods for
 *   Wallenius' and Fisher's noncentral hypergeometric distributions";
 *   JKK 2005, 6.11): pmf(x) = C(n, x) C(m2, N - x) odds^x / P0.  The
 *   weights are Loader's binomial pmfs b(x; n, p1) b(N - x; m2, p2) with
 *   odds(p1) / odds(p2) = odds, p1 at the mode (Fog's closed form), so that
 *   no lgamma differences cancel; P0 sums the weights outwards from the mode
 *   by their ratio w(x + 1) / w(x) = (n - x)(N - x) odds / ((x + 1)(m2 -
 *   N + x + 1)) until they fall below 1e-17 of the sum, cached with BfMemo.
 * nchypergeom_wallenius(M, n, N, odds) (Wallenius 1963; Fog 2008,
 *   "Calculation methods for Wallenius' noncentral hypergeometric
 *   distribution"): pmf(x) = C(n, x) C(m2, N - x) int_0^1 (1 - t^(odds/D))^x
 *   (1 - t^(1/D))^(N - x) dt, D = odds (n - x) + m2 - N + x.  With t =
 *   e^(-D s) the integral is D int_0^inf exp(g(s)) ds, g(s) = -D s +
 *   x log(1 - e^(-odds s)) + (N - x) log(1 - e^(-s)), concave in s; at its
 *   peak s0 (safeguarded Newton), exp(g(s0)) with p1 = 1 - e^(-odds s0),
 *   p2 = 1 - e^(-s0) is exactly p1^x q1^(n-x) p2^(N-x) q2^(m2-N+x), so
 *   pmf(x) = b(x; n, p1) b(N - x; m2, p2) D int exp(g(s) - g(s0)) ds, the
 *   binomial pmfs by Loader's algorithm and the integral of a function
 *   peaking at 1 by GSL adaptive quadrature (bf_integrate: QAG on [0, s0],
 *   QAGIU on [s0, inf), 1e-13 relative).  This is Fog's formulation (his
 *   peak-centred integration) with GSL's quadrature instead of his
 *   Gauss-Legendre intervals.  scipy uses Fog's BiasedUrn library.
 * cdf and sf (all four): the pmf at x times the sum of the weight ratios
 * over the tail, summed from x away from the mode until the terms fall
 * below 1e-17 of the sum (R's phyper does this for hypergeom); the tail
 * that does not contain the mode is summed, the other is 1 minus it only
 * when that is above 1/2.  Wallenius' pmf has no ratio recursion: its tails
 * add pmf values (one integral each, ~20 us; the values of the last shapes
 * are cached for repeated tails).  Work is capped: sums longer than
 * HG_MAX_TERMS terms (2^20, a few ms; standard deviations beyond ~1e5:
 * the tails of all four, and Fisher's normaliser, hence its pmf) and
 * Wallenius tails longer than WAL_MAX_TERMS (2000) pmf integrals give NaN,
 * and so does the quantile then; a Wallenius tail polls the host every 16
 * integrals (NaN on a stop).  The hypergeometric and Wallenius pmfs
 * need no sum and stay finite at any shapes (M up to 1e15).
 * Quantiles: bf_discrete_ppf from the normal approximation (hypergeom,
 * nhypergeom) or the mode (noncentral).  Starts: hypergeom and the
 * noncentral ones M, n, N matched to the data's mean and variance with
 * N = max - loc (odds 1); nhypergeom: n = max - loc, r = 1 + the mean, M
 * from the mean r n / (M - n + 1).  Their start grids (every combination
 * valid: n + N, n + r <= 40 < M) also place the unit tests' and cateval's
 * "middle" shapes inside the joint constraints.
 */
#include <math.h>

#include "catalogue/discrete/discrete.h"
#include "host.h"

#define HG_MAX_TERMS 1048576
#define WAL_MAX_TERMS 2000

/* An urn: M objects, n of type I, N drawn, odds (1: central) */
typedef struct Urn
{
	double		M,
				n,
				N,
				odds,
				m2,
				xmin,
				xmax,
				mode;
} Urn;

/* Mode of Fisher's law (Fog 2008, eq. 5; the central mode for odds 1), clamped to the support */
static double
fisher_mode(const Urn *u)
{
	double		A = u->odds - 1,
				B = u->n + u->N - u->M - (u->n + u->N + 2) * u->odds,
				C = (u->n + 1) * (u->N + 1) * u->odds,
				x;

	if (A == 0)
		x = -C / B;
	else
		x = -2 * C / (B - sqrt(B * B - 4 * A * C));
	x = floor(x);
	if (!(x >= u->xmin))
		x = u->xmin;
	if (x > u->xmax)
		x = u->xmax;
	return x;
}

/* Fill u; false when the shapes are invalid (NaN, negative, n > M, N > M, odds <= 0) */
static bool
urn_init(Urn *u, double M, double n, double N, double odds)
{
	if (isnan(M) || isnan(n) || isnan(N) || isnan(odds) || !(n >= 0) || !(N >= 0) ||
		!(n <= M) || !(N <= M) || !(odds > 0) || !isfinite(M) || !isfinite(odds))
		return false;
	u->M = M;
	u->n = n;
	u->N = N;
	u->odds = odds;
	u->m2 = M - n;
	u->xmin = fmax(0.0, N - u->m2);
	u->xmax = fmin(n, N);
	u->mode = fisher_mode(u);
	return true;
}

/* min(v, 1), NaN kept (fmin would drop it) */
static inline double
clamp1(double v)
{
	return v > 1 ? 1.0 : v;
}

/* w(j - 1) / w(j) for Fisher's weights (odds 1: the hypergeometric ones) */
static inline double
ratio_down(const Urn *u, double j)
{
	return j * (u->m2 - u->N + j) / ((u->n - j + 1) * (u->N - j + 1) * u->odds);
}

/* w(j + 1) / w(j) */
static inline double
ratio_up(const Urn *u, double j)
{
	return (u->n - j) * (u->N - j) * u->odds / ((j + 1) * (u->m2 - u->N + j + 1));
}

/* sum_{j <= x} w(j) / w(x), x in the support; NaN past HG_MAX_TERMS terms */
static double
sum_lower(const Urn *u, double x)
{
	double		s = 1,
				t = 1;
	long		i = 0;

	for (double j = x; j > u->xmin; j--)
	{
		t *= ratio_down(u, j);
		s += t;
		if (t < 1e-17 * s && j <= u->mode + 1)
			break;
		if (++i > HG_MAX_TERMS)
			return NAN;
	}
	return s;
}

/* sum_{j >= x} w(j) / w(x) */
static double
sum_upper(const Urn *u, double x)
{
	double		s = 1,
				t = 1;
	long		i = 0;

	for (double j = x; j < u->xmax; j++)
	{
		t *= ratio_up(u, j);
		s += t;
		if (t < 1e-17 * s && j >= u->mode - 1)
			break;
		if (++i > HG_MAX_TERMS)
			return NAN;
	}
	return s;
}

/*
 * cdf (upper = false) or sf (upper = true) at x from the pmf (logpmf of the
 * entry at the urn's shapes, passed as a function of x) and the weight
 * ratios.
 */
static double
urn_tail(const Urn *u, double x, bool upper, double (*lpmf) (const Urn *, double))
{
	double		lo,
				hi;

	if (isnan(x))
		return NAN;
	x = floor(x);
	if (x < u->xmin)
		return upper ? 1.0 : 0.0;
	if (x >= u->xmax)
		return upper ? 0.0 : 1.0;
	if (x < u->mode)
	{
		lo = clamp1(exp(lpmf(u, x)) * sum_lower(u, x));
		if (!upper || isnan(lo))
			return lo;
		if (lo <= 0.5)
			return 1.0 - lo;
		return clamp1(exp(lpmf(u, x + 1)) * sum_upper(u, x + 1));
	}
	hi = clamp1(exp(lpmf(u, x + 1)) * sum_upper(u, x + 1));
	if (upper || isnan(hi))
		return hi;
	if (hi <= 0.5)
		return 1.0 - hi;
	return clamp1(exp(lpmf(u, x)) * sum_lower(u, x));
}

/* ------------------------------------------------------------------ */
/* hypergeom                                                          */
/* ------------------------------------------------------------------ */

/* log b(N; M, p), p = N / M: the hypergeometric normaliser, cached */
static double
hyper_lognorm(double M, double N, double p, double q)
{
	static BfMemo memo;
	double		key[2] = {M, N},
				v;

	if (!bf_memo_get(&memo, key, 2, &v))
	{
		v = bf_log_dbinom(N, M, p, q);
		bf_memo_put(&memo, key, 2, v);
	}
	return v;
}

static double
hyper_lpmf(const Urn *u, double x)
{
	double		p,
				q;

	if (!bf_is_int(x) || x < u->xmin || x > u->xmax)
		return -INFINITY;
	if (u->N == 0 || u->N == u->M)
		return 0.0;				/* one point: x = 0 or x = n */
	p = u->N / u->M;
	q = (u->M - u->N) / u->M;
	return bf_log_dbinom(x, u->n, p, q) + bf_log_dbinom(u->N - x, u->m2, p, q) -
		hyper_lognorm(u->M, u->N, p, q);
}

static void
hypergeom_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	Urn			u;

	if (!urn_init(&u, sh[0], sh[1], sh[2], 1.0))
	{
		*klo = *khi = NAN;
		return;
	}
	*klo = u.xmin;
	*khi = u.xmax;
}

static const char *
hypergeom_argcheck(const BfDist *self, const double *sh)
{
	return sh[1] <= sh[0] && sh[2] <= sh[0] ? NULL : "n <= M and N <= M";
}

static double
hypergeom_logpdf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (isnan(k) || !urn_init(&u, sh[0], sh[1], sh[2], 1.0))
		return NAN;
	return hyper_lpmf(&u, k);
}

static double
hypergeom_cdf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (!urn_init(&u, sh[0], sh[1], sh[2], 1.0))
		return NAN;
	return urn_tail(&u, k, false, hyper_lpmf);
}

static double
hypergeom_sf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (!urn_init(&u, sh[0], sh[1], sh[2], 1.0))
		return NAN;
	return urn_tail(&u, k, true, hyper_lpmf);
}

static double
hypergeom_ppf(const BfDist *self, double p, const double *sh)
{
	double		M = sh[0],
				n = sh[1],
				N = sh[2],
				mean,
				var;
	Urn			u;

	if (!urn_init(&u, M, n, N, 1.0))
		return NAN;
	mean = N * n / M;
	var = M > 1 ? mean * (1 - n / M) * (M - N) / (M - 1) : 0;
	/* the tail sums refuse (NaN) beyond HG_MAX_TERMS: then so does the search */
	if (p > 0 && p < 1 && isnan(bf_entry_cdf(self, round(mean), sh)))
		return NAN;
	return bf_discrete_ppf(self, p, sh, mean + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(var));
}

/*
 * Start for the urn laws: N = max - loc (covers the data), and M, n from
 * the mean m and variance v of k = x - loc: with f = n / M, m = N f and
 * v = N f (1 - f) (M - N) / (M - 1), so (M - N) / (M - 1) = v / (m (1 - f)).
 */
static void
urn_start(const BfDataSummary *s, double loc, double *M, double *n, double *N)
{
	double		m = s->mean - loc,
				v = s->sd * s->sd,
				f,
				c;

	*N = fmax(1.0, ceil(s->max - loc));
	if (!isfinite(*N))
		*N = 1;
	f = bf_clampd(m / *N, 1e-3, 1 - 1e-3);
	c = v / (m * (1 - f));		/* (M - N) / (M - 1) in (0, 1) */
	if (!(c > 0 && c < 1))
		c = 0.5;
	*M = ceil((*N - c) / (1 - c));
	*M = fmax(*M, *N + 1);
	*n = bf_clampd(round(f * *M), 1, *M);
	/*
	 * the support max(0, N - M + n) .. min(n, N) must cover the data:
	 * n >= max, and M large enough that the lower end is <= min
	 */
	{
		double		kmax = ceil(s->max - loc),
					kmin = floor(s->min - loc);

		if (isfinite(kmax) && kmax > *n)
			*n = kmax;
		*M = fmax(*M, fmax(*n, *N));
		if (isfinite(kmin) && kmin >= 0)
			*M = fmax(*M, *N + *n - kmin);
	}
}

static void
hypergeom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 3) ? 0.0 : fx[3];

	urn_start(s, loc, &out[0], &out[1], &out[2]);
	out[3] = loc;
	bf_discrete_finish_start(self, s, fx, out);
	/* fixed values may break n <= M, N <= M: grow M */
	if (bf_is_free(fx, 0))
		out[0] = fmax(out[0], fmax(out[1], out[2]));
}

/* ------------------------------------------------------------------ */
/* nhypergeom                                                         */
/* ------------------------------------------------------------------ */

static bool
nhyper_ok(const double *sh)
{
	return !isnan(sh[0]) && !isnan(sh[1]) && !isnan(sh[2]) && sh[1] >= 0 && sh[2] >= 0 &&
		sh[1] <= sh[0] && sh[2] <= sh[0] - sh[1] && isfinite(sh[0]);
}

static void
nhypergeom_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	if (!nhyper_ok(sh))
	{
		*klo = *khi = NAN;
		return;
	}
	*klo = 0;
	*khi = sh[1];
}

static const char *
nhypergeom_argcheck(const BfDist *self, const double *sh)
{
	return sh[1] <= sh[0] && sh[2] <= sh[0] - sh[1] ? NULL : "n <= M and r <= M - n";
}

static double
nhypergeom_logpdf(const BfDist *self, double k, const double *sh)
{
	double		r = sh[2];
	Urn			u;

	if (isnan(k) || !nhyper_ok(sh))
		return NAN;
	if (!bf_is_int(k) || k < 0 || k > sh[1])
		return -INFINITY;
	if (r == 0)
		return k == 0 ? 0.0 : -INFINITY;
	if (!urn_init(&u, sh[0], sh[1], k + r, 1.0))
		return NAN;
	return log(r / (k + r)) + hyper_lpmf(&u, k);
}

static double
nhyper_tail(double k, const double *sh, bool upper)
{
	Urn			u;

	if (isnan(k) || !nhyper_ok(sh))
		return NAN;
	k = floor(k);
	if (k < 0)
		return upper ? 1.0 : 0.0;
	if (k >= sh[1] || sh[2] == 0)
		return upper ? 0.0 : 1.0;
	if (!urn_init(&u, sh[0], sh[1], k + sh[2], 1.0))
		return NAN;
	return urn_tail(&u, k, upper, hyper_lpmf);
}

static double
nhypergeom_cdf(const BfDist *self, double k, const double *sh)
{
	return nhyper_tail(k, sh, false);
}

static double
nhypergeom_sf(const BfDist *self, double k, const double *sh)
{
	return nhyper_tail(k, sh, true);
}

static double
nhypergeom_ppf(const BfDist *self, double p, const double *sh)
{
	double		M = sh[0],
				n = sh[1],
				r = sh[2],
				mean,
				var;

	if (!nhyper_ok(sh))
		return NAN;
	/* scipy's nhypergeom._stats */
	mean = r * n / (M - n + 1);
	var = r * (M + 1) * n / ((M - n + 1) * (M - n + 2)) * (1 - r / (M - n + 1));
	if (p > 0 && p < 1 && isnan(bf_entry_cdf(self, round(mean), sh)))
		return NAN;
	return bf_discrete_ppf(self, p, sh, mean + (p > 0 && p < 1 ? bf_ndtri(p) : 0) * sqrt(fmax(var, 0)));
}

static void
nhypergeom_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 3) ? 0.0 : fx[3];
	double		m = fmax(s->mean - loc, 0.1),
				n = fmax(1.0, ceil(s->max - loc)),
				r;

	if (!isfinite(n))
		n = 1;
	/* mean = r n / (M - n + 1): take r = 1 + round(m), M from the mean */
	r = 1 + round(m);
	out[0] = n - 1 + ceil(r * n / m);
	out[0] = fmax(out[0], n + r);
	out[1] = n;
	out[2] = r;
	out[3] = loc;
	bf_discrete_finish_start(self, s, fx, out);
	if (bf_is_free(fx, 0))
		out[0] = fmax(out[0], out[1] + out[2]);
}

/* ------------------------------------------------------------------ */
/* nchypergeom_fisher                                                 */
/* ------------------------------------------------------------------ */

/* Loader-accurate log weight of x (up to a constant fixed by the urn) */
typedef struct FisherW
{
	double		p1,
				q1,
				p2,
				q2,
				corr;			/* log odds - (logit p1 - logit p2): ~0 */
} FisherW;

static void
fisher_weights(const Urn *u, FisherW *w)
{
	static double key[4] = {NAN, NAN, NAN, NAN};
	static FisherW last;
	double		l1,
				l2;

	/* the weights' parameters depend on the shapes only: keep the last */
	if (key[0] == u->M && key[1] == u->n && key[2] == u->N && key[3] == u->odds)
	{
		*w = last;
		return;
	}

	w->p1 = (u->mode + 0.5) / (u->n + 1);
	w->q1 = (u->n - u->mode + 0.5) / (u->n + 1);
	l1 = log(w->p1 / w->q1);
	l2 = l1 - log(u->odds);
	/* p2 = expit(l2), q2 = expit(-l2) */
	w->p2 = l2 < 0 ? exp(l2) / (1 + exp(l2)) : 1 / (1 + exp(-l2));
	w->q2 = l2 > 0 ? exp(-l2) / (1 + exp(-l2)) : 1 / (1 + exp(l2));
	w->corr = log(u->odds) - (l1 - log(w->p2 / w->q2));
	if (!isfinite(w->corr))
		w->corr = 0;
	key[0] = u->M;
	key[1] = u->n;
	key[2] = u->N;
	key[3] = u->odds;
	last = *w;
}

static double
fisher_logw(const Urn *u, const FisherW *w, double x)
{
	return bf_log_dbinom(x, u->n, w->p1, w->q1) + bf_log_dbinom(u->N - x, u->m2, w->p2, w->q2) +
		x * w->corr;
}

/* log of the normaliser: sum of the weights (cached) */
static double
fisher_lognorm(const Urn *u, const FisherW *w)
{
	static BfMemo memo;
	double		key[4] = {u->M, u->n, u->N, u->odds},
				v;

	if (!bf_memo_get(&memo, key, 4, &v))
	{
		double		lo = u->mode > u->xmin ? sum_lower(u, u->mode - 1) : 0,
					hi = sum_upper(u, u->mode),
					lw1 = u->mode > u->xmin ? fisher_logw(u, w, u->mode - 1) : -INFINITY,
					lw0 = fisher_logw(u, w, u->mode);

		/* sum = w(mode) * hi + w(mode - 1) * lo */
		v = lw0 + log(hi + (lo > 0 ? exp(lw1 - lw0) * lo : 0));
		bf_memo_put(&memo, key, 4, v);
	}
	return v;
}

static double
fisher_lpmf(const Urn *u, double x)
{
	FisherW		w;

	if (!bf_is_int(x) || x < u->xmin || x > u->xmax)
		return -INFINITY;
	if (u->xmin == u->xmax)
		return 0.0;
	fisher_weights(u, &w);
	return fisher_logw(u, &w, x) - fisher_lognorm(u, &w);
}

static bool
nc_init(Urn *u, const double *sh)
{
	return urn_init(u, sh[0], sh[1], sh[2], sh[3]);
}

static void
nc_support(const BfDist *self, const double *sh, double *klo, double *khi)
{
	Urn			u;

	if (!nc_init(&u, sh))
	{
		*klo = *khi = NAN;
		return;
	}
	*klo = u.xmin;
	*khi = u.xmax;
}

static double
nchypergeom_fisher_logpdf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (isnan(k) || !nc_init(&u, sh))
		return NAN;
	return fisher_lpmf(&u, k);
}

static double
nchypergeom_fisher_cdf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (!nc_init(&u, sh))
		return NAN;
	return urn_tail(&u, k, false, fisher_lpmf);
}

static double
nchypergeom_fisher_sf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (!nc_init(&u, sh))
		return NAN;
	return urn_tail(&u, k, true, fisher_lpmf);
}

static double
nc_ppf(const BfDist *self, double p, const double *sh)
{
	Urn			u;

	if (!nc_init(&u, sh))
		return NAN;
	if (p > 0 && p < 1 && isnan(bf_entry_cdf(self, u.mode, sh)))
		return NAN;
	return bf_discrete_ppf(self, p, sh, u.mode);
}

#define nchypergeom_fisher_ppf nc_ppf

static void
nc_start(const BfDist *self, const BfDataSummary *s, const double *fx, double *out)
{
	double		loc = bf_is_free(fx, 4) ? 0.0 : fx[4];

	urn_start(s, loc, &out[0], &out[1], &out[2]);
	out[3] = 1.0;
	out[4] = loc;
	bf_discrete_finish_start(self, s, fx, out);
	if (bf_is_free(fx, 0))
		out[0] = fmax(out[0], fmax(out[1], out[2]));
}

/* ------------------------------------------------------------------ */
/* nchypergeom_wallenius                                              */
/* ------------------------------------------------------------------ */

typedef struct WalInt
{
	double		x,
				Nx,				/* N - x */
				odds,
				D,
				s0,
				g0;
} WalInt;

/* g(s) = -D s + x log(1 - e^(-odds s)) + (N - x) log(1 - e^(-s)) */
static double
wal_g(const WalInt *w, double s)
{
	double		g = -w->D * s;

	if (w->x > 0)
		g += w->x * log(-expm1(-w->odds * s));
	if (w->Nx > 0)
		g += w->Nx * log(-expm1(-s));
	return g;
}

static double
wal_integrand(double s, void *par)
{
	const WalInt *w = par;

	return exp(wal_g(w, s) - w->g0);
}

/* g'(s) = -D + x odds / (e^(odds s) - 1) + (N - x) / (e^s - 1), decreasing */
static double
wal_dg(const WalInt *w, double s)
{
	return -w->D + (w->x > 0 ? w->x * w->odds / expm1(w->odds * s) : 0) +
		(w->Nx > 0 ? w->Nx / expm1(s) : 0);
}

static double
wal_lpmf(const Urn *u, double x)
{
	WalInt		w;
	double		lo = 0,
				hi = 1,
				p1,
				q1,
				p2,
				q2,
				J;

	if (!bf_is_int(x) || x < u->xmin || x > u->xmax)
		return -INFINITY;
	if (u->xmin == u->xmax)
		return 0.0;
	w.x = x;
	w.Nx = u->N - x;
	w.odds = u->odds;
	w.D = u->odds * (u->n - x) + (u->m2 - u->N + x);
	if (!(w.D > 0))
		return NAN;
	/* the peak: g' > 0 on (0, s0), < 0 after; bracket, then bisection (geometric while wide) */
	while (wal_dg(&w, hi) > 0 && hi < 1e300)
		hi *= 2;
	lo = hi / 2;
	while (wal_dg(&w, lo) < 0 && lo > 1e-300)
		lo /= 2;
	for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
	{
		double		mid = hi > 4 * lo ? sqrt(lo * hi) : 0.5 * (lo + hi);

		if (wal_dg(&w, mid) > 0)
			lo = mid;
		else
			hi = mid;
	}
	w.s0 = 0.5 * (lo + hi);
	w.g0 = wal_g(&w, w.s0);
	q1 = exp(-u->odds * w.s0);
	p1 = -expm1(-u->odds * w.s0);
	q2 = exp(-w.s0);
	p2 = -expm1(-w.s0);
	J = bf_integrate(wal_integrand, &w, 0.0, w.s0) + bf_integrate(wal_integrand, &w, w.s0, INFINITY);
	return bf_log_dbinom(x, u->n, p1, q1) + bf_log_dbinom(u->N - x, u->m2, p2, q2) + log(w.D) + log(J);
}

static double
nchypergeom_wallenius_logpdf(const BfDist *self, double k, const double *sh)
{
	Urn			u;

	if (isnan(k) || !nc_init(&u, sh))
		return NAN;
	return wal_lpmf(&u, k);
}

/*
 * Wallenius' pmf values of the last shapes, for the tail sums (a quantile
 * search sums the same tail terms again and again): WAL_CACHE values
 * around the mode, NaN until computed.
 */
#define WAL_CACHE 4096
static double wal_key[4] = {NAN, NAN, NAN, NAN};
static double wal_base;
static double wal_pmf[WAL_CACHE];

static double
wal_pmf_cached(const Urn *u, double x)
{
	double		i;

	if (!(wal_key[0] == u->M && wal_key[1] == u->n && wal_key[2] == u->N && wal_key[3] == u->odds))
	{
		wal_key[0] = u->M;
		wal_key[1] = u->n;
		wal_key[2] = u->N;
		wal_key[3] = u->odds;
		wal_base = u->mode - WAL_CACHE / 2;
		for (int j = 0; j < WAL_CACHE; j++)
			wal_pmf[j] = NAN;
	}
	i = x - wal_base;
	if (i >= 0 && i < WAL_CACHE)
	{
		if (isnan(wal_pmf[(int) i]))
			wal_pmf[(int) i] = exp(wal_lpmf(u, x));
		return wal_pmf[(int) i];
	}
	return exp(wal_lpmf(u, x));
}

/* cdf or sf by adding pmf values over the tail away from the mode */
static double
wal_tail(const double *sh, double x, bool upper)
{
	Urn			u;
	double		s = 0,
				t;
	long		i = 0;
	bool		lower_sum;

	if (!nc_init(&u, sh) || isnan(x))
		return NAN;
	x = floor(x);
	if (x < u.xmin)
		return upper ? 1.0 : 0.0;
	if (x >= u.xmax)
		return upper ? 0.0 : 1.0;
	/* sum the side without the mode: P(K <= x) for x < mode, else P(K > x) */
	lower_sum = x < u.mode;
	for (double j = lower_sum ? x : x + 1; lower_sum ? j >= u.xmin : j <= u.xmax; j += lower_sum ? -1 : 1)
	{
		/* a term is an integral (~20-100 us): poll the host every 16 */
		if ((i & 15) == 15 && bf_should_stop())
			return NAN;
		t = wal_pmf_cached(&u, j);
		if (isnan(t) || ++i > WAL_MAX_TERMS)
			return NAN;
		s += t;
		if (t < 1e-17 * s)
			break;
	}
	s = clamp1(s);
	return lower_sum == !upper ? s : 1.0 - s;
}

/*
 * log P(lo <= K <= hi) as the sum of the run's pmf values (log-sum-exp of
 * wal_lpmf), when the run has at most WAL_RUN_MAX (and maxterms) integers;
 * NaN otherwise (the engine then differences the cdf).  A cdf is a tail sum
 * of up to WAL_MAX_TERMS integrals, so a binned likelihood by cdf
 * differences cost two such sums per cell, where the run costs one
 * integral per integer of the cell.  Polls like the tails.
 */
#define WAL_RUN_MAX 256

static double
nchypergeom_wallenius_log_mass(const BfDist *self, double lo, double hi, const double *sh, int maxterms)
{
	Urn			u;
	double		m = -INFINITY,
				sum = 0;
	int			n;

	if (isnan(lo) || isnan(hi) || !nc_init(&u, sh))
		return NAN;
	lo = fmax(ceil(lo), u.xmin);
	hi = fmin(floor(hi), u.xmax);
	if (lo > hi)
		return -INFINITY;
	if (hi - lo + 1 > fmin(WAL_RUN_MAX, maxterms))
		return NAN;
	n = (int) (hi - lo + 1);
	{
		double		l[WAL_RUN_MAX];

		for (int i = 0; i < n; i++)
		{
			if ((i & 15) == 15 && bf_should_stop())
				return NAN;
			l[i] = wal_lpmf(&u, lo + i);
			if (isnan(l[i]))
				return NAN;
			m = fmax(m, l[i]);
		}
		if (!(m > -INFINITY))
			return -INFINITY;
		for (int i = 0; i < n; i++)
			sum += exp(l[i] - m);
	}
	return m + log(sum);
}

static double
nchypergeom_wallenius_cdf(const BfDist *self, double k, const double *sh)
{
	return wal_tail(sh, k, false);
}

static double
nchypergeom_wallenius_sf(const BfDist *self, double k, const double *sh)
{
	return wal_tail(sh, k, true);
}

#define nchypergeom_wallenius_ppf nc_ppf

static const char *
nc_argcheck(const BfDist *self, const double *sh)
{
	return sh[1] <= sh[0] && sh[2] <= sh[0] ? NULL : "n <= M and N <= M";
}

const BfDist bf_family_hypergeometric[] = {
	/* not default: n and N are interchangeable (the pmf is symmetric in them) */
	{.name = "hypergeom", .kind = BF_DISCRETE, .nshapes = 3,
		.shapes = {{"M", DOM_INT0, true, .limit_hi = "binom (n / M fixed)"}, {"n", DOM_INT0, true},
	{"N", DOM_INT0, true}},
		.description = "hypergeometric: type I objects among N drawn from M holding n (Johnson, Kemp & Kotz 2005, ch. 6)",
		.support_text = "x = loc + max(0, N - M + n), ..., loc + min(n, N)",
		.not_default = true,
		.support = hypergeom_support, .argcheck = hypergeom_argcheck, BF_FNS(hypergeom),
	.fit = {.start = hypergeom_start, .ngrid = {3, 2, 2}, .grid = {{60, 100, 200}, {10, 20}, {10, 20}}}},
	/* not default: three integer parameters weakly identified from one sample */
	{.name = "nhypergeom", .kind = BF_DISCRETE, .nshapes = 3,
		.shapes = {{"M", DOM_INT0, true, .limit_hi = "nbinom (n / M fixed)"}, {"n", DOM_INT0, true},
	{"r", DOM_INT0, true}},
		.description = "negative hypergeometric: type I objects drawn before the r-th of type II (Johnson, Kemp & Kotz 2005, 6.9.2)",
		.support_text = "x = loc, ..., loc + n",
		.not_default = true,
		.support = nhypergeom_support, .argcheck = nhypergeom_argcheck, BF_FNS(nhypergeom),
	.fit = {.start = nhypergeom_start, .ngrid = {3, 2, 2}, .grid = {{60, 100, 200}, {10, 20}, {5, 10}}}},
	/* not default: too many integer parameters weakly identified from one sample */
	{.name = "nchypergeom_fisher", .kind = BF_DISCRETE, .nshapes = 4,
		.shapes = {{"M", DOM_INT0, true}, {"n", DOM_INT0, true}, {"N", DOM_INT0, true}, {"odds", DOM_POS}},
		.description = "Fisher's noncentral hypergeometric (Fog 2008; Johnson, Kemp & Kotz 2005, 6.11)",
		.support_text = "x = loc + max(0, N - M + n), ..., loc + min(n, N)",
		.not_default = true,
		.support = nc_support, .argcheck = nc_argcheck, BF_FNS(nchypergeom_fisher),
	.fit = {.start = nc_start, .ngrid = {3, 2, 2, 2},
	.grid = {{60, 100, 200}, {10, 20}, {10, 20}, {0.5, 2.0}}}},
	/* not default: too many integer parameters weakly identified from one sample */
	{.name = "nchypergeom_wallenius", .kind = BF_DISCRETE, .nshapes = 4,
		.shapes = {{"M", DOM_INT0, true}, {"n", DOM_INT0, true}, {"N", DOM_INT0, true}, {"odds", DOM_POS}},
		.description = "Wallenius' noncentral hypergeometric (Wallenius 1963; Fog 2008)",
		.support_text = "x = loc + max(0, N - M + n), ..., loc + min(n, N)",
		.not_default = true,
		.support = nc_support, .argcheck = nc_argcheck, BF_FNS(nchypergeom_wallenius),
		.log_mass = nchypergeom_wallenius_log_mass,
	.fit = {.start = nc_start, .expensive = true, .ngrid = {3, 2, 2, 2},
	.grid = {{60, 100, 200}, {10, 20}, {10, 20}, {0.5, 2.0}}}},
};
const int	bf_family_hypergeometric_size = sizeof(bf_family_hypergeometric) / sizeof(bf_family_hypergeometric[0]);
