/*
 * discrete.c — maximum-likelihood fits of the discrete entries
 * (src/catalogue/discrete/) to a sketch of integer values.
 *
 * Data.  An exact sketch gives each distinct integer value k with its
 * count w; a binned sketch gives, for each bin [lo, hi) clipped to
 * [min, max], the integers it holds, a..b with a = ceil(lo) and
 * b = ceil(hi) - 1 (b = max for the last bin, which holds max).  Every cell
 * must hold an integer (bf_discrete_check): a value or bin without one is
 * an error naming it.  A binned sketch cannot prove that its values are
 * integers; it can only show that no bin rules it out.
 *
 * Likelihood (the multinomial likelihood of the counts):
 *   sum_i w_i log P(a_i <= X <= b_i)
 * with P = pmf(a) for a single integer, else cdf(b) - cdf(a - 1), or
 * sf(a - 1) - sf(b) in the upper tail where the cdf rounds towards 1.
 * Entries whose cdf is itself a long sum (betabinom, betanbinom, logser
 * near p = 1) give P by their log_mass instead: the pmf summed over the
 * cell in one walk (bf_discrete_log_run), at most BF_DISCRETE_RUN_TERMS
 * terms and fewer where the rest is negligible; exact also where the cdf
 * difference underflows.  On an
 * exact sketch this is the ordinary log-likelihood of the data, the one
 * scipy's and fitdistrplus's fits maximise; on a binned sketch it is the
 * grouped likelihood of the integers within each bin (no bin-width term:
 * masses of integers are probabilities, not densities).
 *
 * Parameters.  Real shapes (binom's p, nbinom's n and p, ...) are fitted by
 * GSL's Nelder-Mead simplex (gsl_multimin_fminimizer_nmsimplex2) over
 * unconstrained coordinates (transform.c's domain maps).  Integer shapes
 * (binom's n, hypergeom's M, n, N, ...) and a free loc are searched over
 * the integers by a pattern search: from the entry's start values, each
 * integer coordinate in turn moves by +-step, the real shapes refitted at
 * each trial point (warm-started from the best point so far and from the
 * entry's start values for those integers); a step that gains doubles,
 * one that does not halves; at most BF_DISCRETE_TRIALS trial points.
 * A coordinate whose strides (of at least 8 and half its value) gain less
 * than BF_DISCRETE_RIDGE_GAIN + BF_DISCRETE_RIDGE_REL |log-likelihood| is on
 * a ridge towards a limiting family (binom's n -> infinity: the Poisson; a
 * free loc running off with a Poisson mean: the normal): its search stops
 * there, and the fit reports the point it reached with a warning naming
 * the limit.  The relative term scales the threshold with the sample: on
 * 1,700,000 counts a doubling of binom's n far along the ridge still gains
 * tens of units.  These thresholds are this project's, not a published rule.
 * An entry may also cap such a coordinate (the limit_span hint: betabinom's
 * n at 2^20 times the data's span, where it is numerically nbinom and its
 * pmf's rounding, growing with n, would pass for gains): the search takes
 * the cap and stops there with the same warning.
 *
 * loc.  scipy's loc, an integer.  By default it is fixed, not fitted (as
 * fitdistrplus and spark-bestfit fit count distributions): 0, except for
 * families whose support starts at 1 (geom, logser, zipf, yulesimon,
 * zipfian) on data that contain 0, where it is -1 (the "number of
 * failures" form, R's dgeom).  That choice is a convention and is not
 * counted in AIC and BIC.  fixed => {"loc": k} fixes it at k; the SQL layer
 * passes BF_FIT_LOC for {"loc": null}, which searches it over the integers
 * like an integer shape (and counts it).
 *
 * Sources: the grouped multinomial likelihood (Kendall & Stuart, The
 * Advanced Theory of Statistics, vol. 2, 18.24); the pattern search
 * (Hooke & Jeeves 1961); the simplex (Nelder & Mead 1965, GSL's
 * implementation).  What it does not account for: a multimodal profile
 * likelihood in an integer shape (the search is local, from the start
 * values), and budgets that stop a search early (the status says so).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "fit/internal.h"
#include "catalogue/discrete/discrete.h"

#define BF_DISCRETE_TRIALS 48		/* integer points per search on the coarse copy */
#define BF_DISCRETE_FINE_TRIALS 16	/* and then steps of 1 on the finest coarse copy */
#define BF_DISCRETE_FINE_EVALS 60	/* simplex evaluations per fine trial (a warm start) */
#define BF_DISCRETE_RIDGE_GAIN 0.01	/* log-likelihood per doubling on a ridge, */
#define BF_DISCRETE_RIDGE_REL 1e-8	/* plus this times |log-likelihood| */
#define BF_DISCRETE_TRIAL_EVALS 120	/* simplex evaluations per trial point */
#define BF_DISCRETE_POLISH_EVALS 2000	/* final simplex */
#define BF_DISCRETE_FULL_EVALS 30	/* its continuation on the full sketch */
#define BF_DISCRETE_INT_CAP 1e15	/* integer parameters stay within +-this */
#define BF_DISCRETE_RUN_TERMS 131072	/* a cell's pmf summed in at most this many terms */

/* The integers a..b of cell i of fd (exact: a = b = the value); fit.h. */
void
bf_discrete_cell(const BfFitData *fd, int i, double *a, double *b)
{
	if (fd->exact)
	{
		*a = *b = fd->x[i];
		return;
	}
	*a = ceil(fd->edges[fd->ilo[i]]);
	*b = i == fd->nbins - 1 ? floor(fd->max) : ceil(fd->edges[fd->ihi[i]]) - 1;
	if (i == 0 && *a < fd->min)
		*a = ceil(fd->min);
}

bool
bf_discrete_check(const BfFitData *fd, char *msg, size_t msglen)
{
	if (fd->resolution > 0)
	{
		snprintf(msg, msglen, "a resolution does not apply to discrete distributions");
		return false;
	}
	for (int i = 0; i < fd->nbins; i++)
	{
		double		a,
					b;

		bf_discrete_cell(fd, i, &a, &b);
		if (fd->exact && !bf_is_int(a))
		{
			snprintf(msg, msglen, "the value %.17g is not an integer", a);
			return false;
		}
		if (!fd->exact && (!(a <= b) || !isfinite(a) || !isfinite(b)))
		{
			snprintf(msg, msglen, "the bin [%.17g, %.17g) holds no integer",
					 fd->edges[fd->ilo[i]], fd->edges[fd->ihi[i]]);
			return false;
		}
	}
	if (fd->nbins > 0 && (!bf_is_int(fd->min) || !bf_is_int(fd->max)))
	{
		snprintf(msg, msglen, "the value %.17g is not an integer", bf_is_int(fd->min) ? fd->max : fd->min);
		return false;
	}
	return true;
}

/*
 * log P(a <= X <= b) in log space, for a range so far in a tail that its
 * cdf (or sf) difference underflows: the sum of the pmf over the range, in
 * full up to BF_TAIL_SUM_MAX integers, else by the trapezoidal rule on the
 * log pmf at the range's ends and middle (the pmf is smooth and monotone on
 * such a range).  It only replaces what would otherwise be -infinity, as the
 * continuous engine's Simpson rule does (likelihood.c).
 */
#define BF_TAIL_SUM_MAX 32
static double
bf_log_mass_tail(const BfDist *d, const double *params, double a, double b)
{
	double		l[BF_TAIL_SUM_MAX],
				m = -INFINITY,
				sum = 0;
	int			n;

	if (b - a + 1 <= BF_TAIL_SUM_MAX)
	{
		n = (int) (b - a + 1);
		for (int i = 0; i < n; i++)
			m = fmax(m, l[i] = bf_entry_logpdf(d, a + i, params));
		if (!(m > -INFINITY))
			return -INFINITY;
		for (int i = 0; i < n; i++)
			sum += exp(l[i] - m);
		return m + log(sum);
	}
	l[0] = bf_entry_logpdf(d, a, params);
	l[1] = bf_entry_logpdf(d, floor(0.5 * (a + b)), params);
	l[2] = bf_entry_logpdf(d, b, params);
	m = fmax(l[0], fmax(l[1], l[2]));
	if (!(m > -INFINITY))
		return -INFINITY;
	return m + log(0.25 * exp(l[0] - m) + 0.5 * exp(l[1] - m) + 0.25 * exp(l[2] - m)) + log(b - a + 1);
}

/*
 * The cdf and sf at the last upper end b of a range, reused as the values
 * at a - 1 of the next range when it starts at b + 1 (the bins of a sketch
 * of integers are contiguous): halves the cost of a binned likelihood.
 */
typedef struct BfEdgeCache
{
	double		k;				/* NaN: empty */
	double		F;				/* NaN: not computed */
	double		S;
} BfEdgeCache;

static double
bf_cached_cdf(const BfDist *d, const double *params, BfEdgeCache *c, double k)
{
	if (!(c->k == k))
	{
		c->k = k;
		c->S = NAN;
		c->F = bf_entry_cdf(d, k, params);
	}
	else if (isnan(c->F))
		c->F = bf_entry_cdf(d, k, params);
	return c->F;
}

static double
bf_cached_sf(const BfDist *d, const double *params, BfEdgeCache *c, double k)
{
	if (!(c->k == k))
	{
		c->k = k;
		c->F = NAN;
		c->S = bf_entry_sf(d, k, params);
	}
	else if (isnan(c->S))
		c->S = bf_entry_sf(d, k, params);
	return c->S;
}

/*
 * log P(a <= X <= b) for integers a <= b, k = x - loc applied by the
 * caller; prev holds the values at the previous range's b, next gets those
 * at this one's.
 */
static double
bf_log_mass(const BfDist *d, const double *params, double a, double b, BfEdgeCache *prev,
			BfEdgeCache *next)
{
	double		Fa,
				Fb;

	next->k = NAN;
	if (a == b)
		return bf_entry_logpdf(d, a, params);
	if (d->log_mass)
	{
		double		lm = bf_entry_log_mass(d, a, b, params, BF_DISCRETE_RUN_TERMS);

		if (!isnan(lm))
			return lm;
	}
	Fa = bf_cached_cdf(d, params, prev, a - 1);
	if (Fa > 0.5)
	{
		double		Sa = bf_cached_sf(d, params, prev, a - 1),
					Sb = bf_cached_sf(d, params, next, b);

		if (Sa > Sb && Sa - Sb > 1e-280)
			return log(Sa - Sb);
		return bf_log_mass_tail(d, params, a, b);
	}
	Fb = bf_cached_cdf(d, params, next, b);
	if (Fb > Fa && Fb - Fa > 1e-280)
		return log(Fb - Fa);
	return bf_log_mass_tail(d, params, a, b);
}

/* Are the parameters valid (domains, integers, argcheck)? */
static bool
bf_discrete_valid(const BfDist *d, const double *params)
{
	for (int i = 0; i < d->nshapes; i++)
	{
		const BfDomain *dom = bf_shape_domain(d, i);
		double		v = params[i];

		if (!bf_shape_in_domain(dom, v))
			return false;
		if (bf_shape_is_integer(d, i) && !bf_is_int(v))
			return false;
	}
	if (!bf_is_int(params[bf_loc_index(d)]))
		return false;
	return bf_entry_argcheck(d, params) == NULL;
}

double
bf_discrete_loglik(const BfFitData *fd, const BfDist *d, const double *params)
{
	double		loc = params[bf_loc_index(d)];
	double		ll = 0;
	BfEdgeCache cache[2] = {{NAN, NAN, NAN}, {NAN, NAN, NAN}};

	if (!bf_discrete_valid(d, params))
		return -INFINITY;
	for (int i = 0; i < fd->nbins; i++)
	{
		double		a,
					b,
					lm;

		bf_discrete_cell(fd, i, &a, &b);
		lm = bf_log_mass(d, params, a - loc, b - loc, &cache[i & 1], &cache[(i + 1) & 1]);
		/*
		 * a probability is at most 1: a log mass above 0 (beyond rounding)
		 * is an entry's formula breaking down at extreme shapes (betanbinom
		 * at a = 4.6e21 gave a log-likelihood of +6e11), not a fit
		 */
		if (!(lm > -INFINITY) || lm > 1e-12)
			return -INFINITY;
		ll += fd->w[i] * lm;
		/*
		 * a cell may walk up to BF_DISCRETE_RUN_TERMS terms of its pmf, or
		 * sum up to 2000 pmf integrals (Wallenius' tails, 40-200 ms): poll
		 * every 8 cells, so that a stop ends an evaluation within
		 * milliseconds (64 cells of Wallenius' tails took seconds, and
		 * each later evaluation as long again)
		 */
		if ((i & 7) == 7 && bf_should_stop())
			return -INFINITY;
	}
	return isnan(ll) ? -INFINITY : ll;
}

/* ------------------------------------------------------------------
 * The real shapes at fixed integers: Nelder-Mead
 * ------------------------------------------------------------------
 */

typedef struct BfDProblem
{
	const BfFitData *fd;
	const BfDist *d;
	double		params[BF_MAX_PARAMS];	/* integers and fixed values in place */
	int			freeidx[BF_MAX_SHAPES];
	int			nfree;
	int			evaluations;
	double		limit_cap;		/* integer shapes with a named limit stay <= this */
} BfDProblem;

static void
bf_dtheta_to_params(const BfDProblem *pb, const gsl_vector *t, double *params)
{
	memcpy(params, pb->params, sizeof(pb->params));
	for (int j = 0; j < pb->nfree; j++)
		params[pb->freeidx[j]] = bf_shape_from_theta(bf_shape_domain(pb->d, pb->freeidx[j]),
													 gsl_vector_get(t, j));
}

static double
bf_dobjective(const gsl_vector *t, void *arg)
{
	BfDProblem *pb = arg;
	double		params[BF_MAX_PARAMS];
	double		ll;

	bf_dtheta_to_params(pb, t, params);
	pb->evaluations++;
	ll = bf_discrete_loglik(pb->fd, pb->d, params);
	return ll > -INFINITY ? -ll : BF_PENALTY;
}

/*
 * Maximise over the free real shapes from params (updated in place);
 * returns the log-likelihood (-INFINITY when no feasible point was found).
 */
static double
bf_dsimplex(BfDProblem *pb, double *params, int max_evals, double tol, double step0)
{
	const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
	gsl_multimin_fminimizer *s;
	gsl_multimin_function fn;
	gsl_vector *x,
			   *step;
	double		best;

	memcpy(pb->params, params, sizeof(pb->params));
	best = bf_discrete_loglik(pb->fd, pb->d, params);
	pb->evaluations++;
	if (pb->nfree == 0 || !(best > -INFINITY))
		return best;
	x = gsl_vector_alloc(pb->nfree);
	step = gsl_vector_alloc(pb->nfree);
	s = gsl_multimin_fminimizer_alloc(T, pb->nfree);
	if (x == NULL || step == NULL || s == NULL)
		goto done;
	for (int j = 0; j < pb->nfree; j++)
	{
		gsl_vector_set(x, j, bf_shape_to_theta(bf_shape_domain(pb->d, pb->freeidx[j]),
											   params[pb->freeidx[j]]));
		gsl_vector_set(step, j, step0);
	}
	fn.n = pb->nfree;
	fn.f = bf_dobjective;
	fn.params = pb;
	if (gsl_multimin_fminimizer_set(s, &fn, x, step) != GSL_SUCCESS)
		goto done;
	while (pb->evaluations < max_evals && !bf_should_stop())
	{
		if (gsl_multimin_fminimizer_iterate(s) != GSL_SUCCESS)
			break;
		if (gsl_multimin_fminimizer_size(s) < tol)
			break;
	}
	if (-s->fval > best)
	{
		double		p[BF_MAX_PARAMS];

		bf_dtheta_to_params(pb, s->x, p);
		if (bf_discrete_loglik(pb->fd, pb->d, p) > -INFINITY)
		{
			memcpy(params, p, sizeof(p));
			best = -s->fval;
		}
	}
done:
	if (s)
		gsl_multimin_fminimizer_free(s);
	if (x)
		gsl_vector_free(x);
	if (step)
		gsl_vector_free(step);
	return best;
}

/* ------------------------------------------------------------------
 * The fit
 * ------------------------------------------------------------------
 */

/* Default loc (the file header): 0, or -1 for a support from 1 on data with 0. */
static double
bf_default_loc(const BfDist *d, const double *params, double xmin)
{
	double		klo,
				khi;

	bf_entry_support(d, params, &klo, &khi);
	return (klo == 1 && xmin == 0) ? -1.0 : 0.0;
}

/* Start values with the integer coordinates at fx's (fixed) values. */
static void
bf_dstart(const BfFitData *fd, const BfDist *d, const double *fx, double *out)
{
	int			np = bf_nparams(d);

	for (int i = 0; i < np; i++)
		out[i] = fx[i];
	if (!bf_entry_start(d, &fd->summary, fx, out))
	{
		for (int i = 0; i < np; i++)
			out[i] = fx[i];
		bf_discrete_finish_start(d, &fd->summary, fx, out);
	}
	for (int i = 0; i < np; i++)
		if (!isnan(fx[i]))
			out[i] = fx[i];
}

/*
 * The profile log-likelihood at the integer point of params (its integer
 * coordinates set): the real shapes fitted from the better of params' own
 * values and the entry's start values for these integers.
 */
static double
bf_dprofile(BfDProblem *pb, double *params, int max_evals, double tol, double step0)
{
	double		alt[BF_MAX_PARAMS],
				fx[BF_MAX_PARAMS];
	int			np = bf_nparams(pb->d);
	double		l0,
				l1;

	/* the start function sees the integers and fixed values, the real shapes free */
	for (int i = 0; i < np; i++)
		fx[i] = params[i];
	for (int j = 0; j < pb->nfree; j++)
		fx[pb->freeidx[j]] = NAN;
	bf_dstart(pb->fd, pb->d, fx, alt);
	l0 = bf_discrete_loglik(pb->fd, pb->d, params);
	l1 = bf_discrete_loglik(pb->fd, pb->d, alt);
	pb->evaluations += 2;
	if (l1 > l0)
		memcpy(params, alt, sizeof(alt));
	return bf_dsimplex(pb, params, pb->evaluations + max_evals, tol, step0);
}

/*
 * The pattern search over the integer coordinates coords (the file header)
 * from cur (updated, with *best its log-likelihood on pb->fd), steps step[]
 * per coordinate, at most budget trial points; coordinates found on a ridge
 * get ridge[i] and stop.  Returns the trial points fitted.
 */
static int
bf_dsearch(BfDProblem *pb, const int *coords, int ncoords, double *cur, double *step,
		   bool *ridge, double *best, int budget, int trial_evals, double trial_step)
{
	const BfDist *d = pb->d;
	int			ns = d->nshapes,
				trials = 0;

	for (bool searching = ncoords > 0; searching && !bf_should_stop();)
	{
		searching = false;
		for (int j = 0; j < ncoords && trials < budget; j++)
		{
			int			i = coords[j];
			bool		moved = false;

			if (step[i] < 1 || ridge[i])
				continue;
			searching = true;
			for (int dir = 1; dir >= -1 && !moved && trials < budget; dir -= 2)
			{
				double		pt[BF_MAX_PARAMS],
							ll;
				const BfDomain *dom = i < ns ? bf_shape_domain(d, i) : NULL;
				double		v = cur[i] + dir * step[i];

				if (fabs(v) > BF_DISCRETE_INT_CAP || (dom && !bf_shape_in_domain(dom, v)))
					continue;
				if (dir > 0 && i < ns && d->shapes[i].limit_hi && v > pb->limit_cap)
				{
					/* numerically the limit there: take the cap, then stop */
					if (cur[i] >= pb->limit_cap)
					{
						ridge[i] = true;
						continue;
					}
					v = pb->limit_cap;
				}
				memcpy(pt, cur, sizeof(pt));
				pt[i] = v;
				trials++;
				ll = bf_dprofile(pb, pt, trial_evals, 1e-4, trial_step);
				if (ll > *best)
				{
					/*
					 * a ridge: strides of at least 8 and of half the value
					 * that gain almost nothing
					 */
					if (step[i] >= 8 && step[i] >= 0.5 * fabs(cur[i]) &&
						ll - *best < BF_DISCRETE_RIDGE_GAIN + BF_DISCRETE_RIDGE_REL * fabs(ll))
						ridge[i] = true;
					memcpy(cur, pt, sizeof(pt));
					*best = ll;
					moved = true;
				}
			}
			step[i] = moved ? 2 * step[i] : floor(step[i] / 2);
		}
		if (trials >= budget)
			break;
	}

	return trials;
}

void
bf_fit_discrete(const BfFitData *const *ladder, int nladder, const BfDist *d,
				const double *fixed_in, BfFitResult *res)
{
	const BfFitData *fd = ladder[nladder - 1];
	int			np = bf_nparams(d),
				ns = d->nshapes,
				iloc = bf_loc_index(d);
	double		fixed[BF_MAX_PARAMS],
				cur[BF_MAX_PARAMS],
				step[BF_MAX_PARAMS],
				best;
	bool		ridge[BF_MAX_PARAMS] = {false};
	int			coords[BF_MAX_PARAMS],
				ncoords = 0,
				trials = 0;
	bool		loc_searched = false,
				budget_hit;
	BfDProblem	pb;
	char		msg[120];

	memset(res, 0, sizeof(*res));
	res->dist = d;
	bf_result_clear_metrics(res);
	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->params[i] = NAN;
	memcpy(fixed, fixed_in, sizeof(fixed));

	if (!bf_discrete_check(fd, msg, sizeof(msg)))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: %s", msg);
		return;
	}
	if (fd->n < 1)
	{
		snprintf(res->status, sizeof(res->status), "not fitted: no finite values");
		return;
	}
	for (int i = 0; i < ns; i++)
		if (!isnan(fixed[i]))
		{
			if (!bf_shape_in_domain(bf_shape_domain(d, i), fixed[i]))
			{
				snprintf(res->status, sizeof(res->status),
						 "not fitted: fixed %s is outside its domain", bf_param_name(d, i));
				return;
			}
			if (bf_shape_is_integer(d, i) && !bf_is_int(fixed[i]))
			{
				snprintf(res->status, sizeof(res->status),
						 "not fitted: fixed %s must be an integer", bf_param_name(d, i));
				return;
			}
		}
	if (fixed[iloc] == BF_FIT_LOC)
	{
		fixed[iloc] = NAN;
		loc_searched = true;
	}
	else if (!isnan(fixed[iloc]) && !bf_is_int(fixed[iloc]))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: fixed loc must be an integer");
		return;
	}

	/* the coordinates: real shapes for the simplex, integers for the search */
	memset(&pb, 0, sizeof(pb));
	pb.fd = ladder[0];
	pb.d = d;
	for (int i = 0; i < ns; i++)
		if (isnan(fixed[i]))
		{
			if (bf_shape_is_integer(d, i))
				coords[ncoords++] = i;
			else
				pb.freeidx[pb.nfree++] = i;
		}
	if (loc_searched)
		coords[ncoords++] = iloc;

	/* start */
	bf_dstart(fd, d, fixed, cur);
	if (!loc_searched && isnan(fixed[iloc]))
		fixed[iloc] = bf_default_loc(d, cur, fd->min);
	cur[iloc] = isnan(fixed[iloc]) ? round(cur[iloc]) : fixed[iloc];
	if (!loc_searched)
		bf_dstart(fd, d, fixed, cur);
	for (int j = 0; j < ncoords; j++)
	{
		int			i = coords[j];

		cur[i] = round(cur[i]);
		step[i] = fmax(1.0, floor(0.25 * fabs(cur[i])));
	}
	pb.limit_cap = BF_HINT(d, limit_span) > 0 ?
		BF_HINT(d, limit_span) * fmax(1.0, fmax(fabs(fd->max - cur[iloc]), fabs(fd->min - cur[iloc]))) :
		INFINITY;
	best = bf_dprofile(&pb, cur, BF_DISCRETE_TRIAL_EVALS, 1e-4, 0.5);
	if (!(best > -INFINITY))
	{
		double		klo,
					khi;

		memcpy(res->params, cur, sizeof(double) * np);
		bf_entry_support(d, cur, &klo, &khi);
		if (fd->min - cur[iloc] < klo || fd->max - cur[iloc] > khi)
			snprintf(res->status, sizeof(res->status),
					 "not fitted: the data lie outside the support at the start values%s",
					 loc_searched || !isnan(fixed_in[iloc]) ? "" : " (free loc with fixed => '{\"loc\": null}')");
		else
			snprintf(res->status, sizeof(res->status),
					 "not fitted: zero probability at some observed values at the start values");
		res->evaluations = pb.evaluations;
		return;
	}

	/*
	 * The pattern search on the coarsest copy of the sketch (the ladder's
	 * first rung: at most 64 bins when the sketch has over 128), then, on
	 * the full sketch, steps of 1 from where it ended: the coarse copy's
	 * grouped likelihood has the same optimum up to the grouping, at a
	 * fraction of the cost per evaluation.
	 */
	trials = bf_dsearch(&pb, coords, ncoords, cur, step, ridge, &best, BF_DISCRETE_TRIALS,
						BF_DISCRETE_TRIAL_EVALS, 0.5);
	budget_hit = trials >= BF_DISCRETE_TRIALS;
	if (nladder > 1 && !bf_should_stop())
	{
		pb.fd = ladder[nladder > 2 ? nladder - 2 : nladder - 1];
		best = bf_dprofile(&pb, cur, BF_DISCRETE_TRIAL_EVALS, 1e-6, 0.05);
		for (int j = 0; j < ncoords; j++)
			step[coords[j]] = 1;
		trials += bf_dsearch(&pb, coords, ncoords, cur, step, ridge, &best, BF_DISCRETE_FINE_TRIALS,
							 BF_DISCRETE_FINE_EVALS, 0.05);
	}

	/*
	 * Polish the real shapes: to convergence on the finest copy searched,
	 * then, when that was a coarse copy, a short simplex on the full
	 * sketch from there (a binned sketch's full likelihood costs thousands
	 * of cdf values per evaluation; the coarse optimum is within a hair of
	 * the full one).
	 */
	best = bf_dsimplex(&pb, cur, pb.evaluations + BF_DISCRETE_POLISH_EVALS, 1e-10, 0.5);
	if (pb.fd != fd && !bf_should_stop())
	{
		pb.fd = fd;
		best = bf_dsimplex(&pb, cur, pb.evaluations + BF_DISCRETE_FULL_EVALS, 1e-10, 0.01);
	}
	res->evaluations = pb.evaluations;
	memcpy(res->params, cur, sizeof(double) * np);
	if (!(best > -INFINITY) || isnan(best))
	{
		snprintf(res->status, sizeof(res->status), "not fitted: the likelihood is not finite at the optimum");
		return;
	}
	res->ok = true;
	res->loglik = best;
	res->nfree = pb.nfree + ncoords;
	bf_information_criteria(res, fd->n);
	if (bf_should_stop())
		snprintf(res->status, sizeof(res->status), "stopped");
	else if (budget_hit)
		snprintf(res->status, sizeof(res->status),
				 "ok: the integer search stopped at its budget of %d points", BF_DISCRETE_TRIALS);
	else
		snprintf(res->status, sizeof(res->status), "ok");
	for (int j = 0; j < ncoords; j++)
		if (ridge[coords[j]])
		{
			char		line[256];
			size_t		used = strlen(res->warnings);

			if (coords[j] == iloc)
				snprintf(line, sizeof(line),
						 "loc = %.15g: the likelihood still rises as loc moves on: the fit is numerically a limit of the family",
						 cur[iloc]);
			else
			{
				const BfShape *sh = &d->shapes[coords[j]];

				snprintf(line, sizeof(line),
						 "%s = %.15g: the likelihood still rises as %s moves on (%s): the fit is numerically the family's limit",
						 sh->name, cur[coords[j]], sh->name, sh->limit_hi ? sh->limit_hi : "no named limit");
			}
			if (used + strlen(line) + 2 < sizeof(res->warnings))
			{
				if (used > 0)
					res->warnings[used++] = '\n';
				strcpy(res->warnings + used, line);
			}
			res->degenerate = true;
		}
}
