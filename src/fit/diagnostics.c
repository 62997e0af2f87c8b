/*
 * diagnostics.c — what a fit says about itself: standard errors of its
 * parameters and warnings about where it lies.
 *
 * Standard errors.  The observed information matrix I = -H, H the Hessian
 * of the log-likelihood at the optimum in the natural parameters (shapes,
 * loc, scale as the user reads them), by central differences; the
 * covariance is I^-1 and the standard errors the square roots of its
 * diagonal (Pawitan 2001, "In All Likelihood", section 8.3; the same as R's
 * fitdistrplus::fitdist, which inverts optim's numerical Hessian).  They
 * are asymptotic: they assume a regular problem with the optimum inside the
 * parameter space, which fails where a support's end sits on the data or a
 * shape runs to the edge of its domain (then a warning says so), and they
 * treat the sketch's likelihood (grouped for rounded data, bin masses for
 * binned sketches, on their finest coarse copy of 256 bins, where the
 * binned fit converges too; that copy's bin masses also for the entries
 * with a coarse budget on exact sketches, bf_fit_one_raced) as the model's.  Fixed parameters, integer shapes (not
 * differentiable) and a shape the engine holds (loguniform's redundant a)
 * get none.  Nor does a shape at the edge of its domain (the warning
 * below: rdist's c = 5.6e12 on lognormal data, levy_stable's alpha = 2):
 * the optimum is then on the parameter space's boundary, where the inverse
 * information is not the estimator's variance (Self & Liang 1987, JASA 82,
 * 605-610), and the number it gave was the curvature of a ridge towards the
 * limit (rdist's c: 4.5e11); the other parameters' errors are then those
 * with that shape held where the fit put it, conditional on it, and the
 * Hessian is smaller (levy_stable 19 evaluations instead of 33; until
 * 2026-12-05 the edge shapes were differenced too: 73 ms of rdist's 101 on
 * the zoo's lognormal s = 0.5 sketch).  Not positive definite: none, with
 * a warning.
 *
 * Warnings.  A fit is flagged when its density diverges at a point of the
 * data (bf_spike_in_data below), when a free shape runs to the edge of its
 * domain (within a factor 1e-3 of a finite end, or beyond 1e3 in magnitude
 * towards an infinite one: gamma's a in the thousands is numerically the
 * normal; lomax's c = 1e13 the exponential), naming the limit the entry
 * declares for that end when it declares one, and when the scale exceeds
 * 1e6 times the data's range (the family's shape then comes from a far
 * tail: a limit too).  These thresholds are this project's, not a
 * published rule; the README lists them.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "fit/internal.h"

#define BF_EDGE_BIG 1e3			/* a shape beyond this is at an infinite end */
#define BF_EDGE_NEAR 1e-3		/* relative distance to a finite end */
#define BF_SCALE_FAR 1e6		/* scale / data range beyond this */

int
bf_shape_edge(const BfDist *d, int i, double v, double margin)
{
	const BfDomain *dom = bf_shape_domain(d, i);

	if ((isinf(dom->hi) && v > BF_EDGE_BIG * margin && !d->shapes[i].hi_not_limit) ||
		(isfinite(dom->hi) && dom->hi - v < BF_EDGE_NEAR / margin * Max(1.0, fabs(dom->hi))))
		return 1;
	if ((isinf(dom->lo) && v < -BF_EDGE_BIG * margin) ||
		(isfinite(dom->lo) && v - dom->lo < BF_EDGE_NEAR / margin * Max(1.0, fabs(dom->lo))))
		return -1;
	return 0;
}

double
bf_shape_edge_factor(const BfDist *d, int i, double v)
{
	const BfDomain *dom = bf_shape_domain(d, i);
	double		f = 0;

	if (isinf(dom->hi))
	{
		if (!d->shapes[i].hi_not_limit)
			f = Max(f, v / BF_EDGE_BIG);
	}
	else
		f = Max(f, BF_EDGE_NEAR * Max(1.0, fabs(dom->hi)) / (dom->hi - v));
	if (isinf(dom->lo))
		f = Max(f, -v / BF_EDGE_BIG);
	else
		f = Max(f, BF_EDGE_NEAR * Max(1.0, fabs(dom->lo)) / (v - dom->lo));
	return isnan(f) ? 0 : f;
}

/* Append one warning line to res->warnings (dropped when it would not fit). */
static void
bf_warn(BfFitResult *res, const char *line)
{
	size_t		used = strlen(res->warnings);

	if (used + strlen(line) + 2 < sizeof(res->warnings))
	{
		if (used > 0)
			res->warnings[used++] = '\n';
		strcpy(res->warnings + used, line);
	}
}

void
bf_warn_first(BfFitResult *res, const char *line)
{
	char		old[BF_WARNINGS_LEN];
	size_t		used;
	char	   *save = NULL;

	strcpy(old, res->warnings);
	snprintf(res->warnings, sizeof(res->warnings), "%s", line);
	used = strlen(res->warnings);
	/* the lines that were there, whole, as many as fit after it */
	for (char *tok = strtok_r(old, "\n", &save); tok != NULL; tok = strtok_r(NULL, "\n", &save))
	{
		size_t		l = strlen(tok);

		if (used + 1 + l + 1 > sizeof(res->warnings))
			break;
		res->warnings[used++] = '\n';
		memcpy(res->warnings + used, tok, l + 1);
		used += l;
	}
}

/*
 * Does the density diverge at standardized point z0, approached from side
 * dir (+1: from above)?  log f grows by more than 1 between distances
 * 1e-4 w and 1e-8 w (a power law |z - z0|^-p with p > 0.11, whatever w; a
 * finite density would need |f'/f| > 1e4 / w to do so).  w is the data's
 * range in standardized units (range / scale), kept between 1e-7 |z0|
 * (so that z0 + 1e-8 w differs from z0) and max(1, |z0|): with w = 1, a
 * finite but steep density (lomax with c = 1e15 and scale 1e15 times the
 * range: the exponential) would pass for a divergent one.
 */
static bool
bf_diverges_at(const BfDist *d, const double *params, double z0, double dir, double w)
{
	double		l1,
				l2;

	w = Min(Max(w, 1e-7 * fabs(z0)), Max(1.0, fabs(z0)));
	l1 = bf_entry_logpdf(d, z0 + dir * 1e-4 * w, params);
	l2 = bf_entry_logpdf(d, z0 + dir * 1e-8 * w, params);

	return isfinite(l1) && (l2 == INFINITY || (isfinite(l2) && l2 > l1 + 1.0));
}

/*
 * A density that diverges at a point of the data (a support's end placed on
 * the smallest value, dgamma's or dweibull's centre on a tied value) makes
 * the density likelihood unbounded (Cheng & Amin 1983): its "fit" is a
 * spike, not a model.  The points checked are the support's finite ends
 * and z = 0 when inside the support (the centre of the two-sided
 * families); "of the data" means within [min - q/2 - t, max + q/2 + t], q
 * the resolution and t = 1e-6 of the range (an end a few ulps below the
 * smallest exact value).  Writes the point to *at.
 *
 * Except at a support's end on a binned sketch (more than 3,000 distinct
 * values) or on rounded values (cells, q > 0), whose extreme bin or cell on
 * that side does not heap rows
 * (bf_end_bin_heaps: it holds less than BF_SPIKE_END_SHARE of the rows, or
 * since 2026-12-06 its density is not far above its neighbours'): there
 * the likelihood is bounded (bin or cell
 * masses; the extreme value's density capped at its bin's mean, fit.h), and
 * a density diverging at the end models data that thin out continuously
 * towards it (gamma with a < 1, weibull_min with c < 1, beta with a < 1 on
 * their own data, whose extreme bin holds a few rows), not a point mass
 * there: calm hours at 0, a detection limit, exact zeros fill the extreme
 * bin (fit_report's atoms, the same 1 %).  Before 2026-12-02 such fits were
 * flagged, and on 1,000,000 draws of gamma(0.5) best_fit passed gamma over
 * for genhyperbolic with scale 8.7e-11, a finite spike at the smallest
 * value that mimics the same singularity 10 log-likelihood units lower.
 * Such a finite spike is not caught here (the distances are in the fit's
 * own scale): README, Known limits, on integers in a binned sketch.
 */
#define BF_SPIKE_END_SHARE 0.01
#define BF_SPIKE_END_RATIO 4.0
#define BF_SPIKE_END_NEIGHBOURS 3

/*
 * Does the extreme bin on the lower (lower true) or upper side of a binned
 * sketch heap rows at the data's end (bf_spike_in_data)?  When it holds at
 * least BF_SPIKE_END_SHARE of the rows and its density (count per unit) is
 * more than BF_SPIKE_END_RATIO times that of the next
 * BF_SPIKE_END_NEIGHBOURS non-empty bins taken together, over the whole
 * span from its inner edge to their far one, empty stretches between them
 * included (the atom rule of fit_report's profile for binned sketches,
 * src/sketch/profile.h, where empty neighbouring cells count 0).  A
 * square-root divergence spread over contiguous bins (beta(0.5, 0.5) near
 * 1, bins 1/256 wide: the extreme one about 4 % of the rows) gives about 3;
 * integers in a binned sketch, one per bin with gaps between (the baby
 * names' counts, their smallest value 5 14 % of the rows), over a hundred.
 */
static bool
bf_end_bin_heaps(const BfFitData *fd, bool lower)
{
	int			e = lower ? 0 : fd->nbins - 1,
				m = Min(BF_SPIKE_END_NEIGHBOURS, fd->nbins - 1);
	double		width = fd->edges[fd->ihi[e]] - fd->edges[fd->ilo[e]],
				span,
				sum = 0;

	if (!(fd->w[e] >= BF_SPIKE_END_SHARE * fd->n))
		return false;
	if (m < 1 || !(width > 0))
		return true;
	for (int j = 1; j <= m; j++)
		sum += fd->w[lower ? e + j : e - j];
	span = lower ? fd->edges[fd->ihi[e + m]] - fd->edges[fd->ihi[e]] :
		fd->edges[fd->ilo[e]] - fd->edges[fd->ilo[e - m]];
	return !(span > 0) || fd->w[e] / width > BF_SPIKE_END_RATIO * sum / span;
}

static bool
bf_spike_in_data(const BfFitData *fd, const BfDist *d, const double *params, double *at)
{
	double		zlo,
				zhi;
	double		loc = bf_model_loc(d, params),
				scale = bf_model_scale(d, params);
	double		range = fd->summary.max - fd->summary.min;
	double		lo = fd->summary.min - 0.5 * fd->resolution - 1e-6 * range,
				hi = fd->summary.max + 0.5 * fd->resolution + 1e-6 * range;
	double		pts[3];
	double		dirs[3];
	int			npts = 0;
	double		w = (range > 0 && scale > 0) ? range / scale : 1.0;

	bf_entry_support(d, params, &zlo, &zhi);
	if (isfinite(zlo))
	{
		pts[npts] = zlo;
		dirs[npts++] = 1;
	}
	if (isfinite(zhi))
	{
		pts[npts] = zhi;
		dirs[npts++] = -1;
	}
	if (zlo < 0 && zhi > 0)
	{
		pts[npts] = 0;
		dirs[npts++] = 0;
	}
	for (int k = 0; k < npts; k++)
	{
		double		x = loc + pts[k] * scale;

		if (!(x >= lo && x <= hi))
			continue;
		if (dirs[k] != 0 && !fd->exact && fd->nbins > 0 &&
			!bf_end_bin_heaps(fd, dirs[k] > 0))
			continue;
		if (dirs[k] != 0 ? bf_diverges_at(d, params, pts[k], dirs[k], w) :
			(bf_diverges_at(d, params, 0, 1, w) || bf_diverges_at(d, params, 0, -1, w)))
		{
			*at = x;
			return true;
		}
	}
	return false;
}

/*
 * Is free shape i of a fit at params at the edge of its domain, so that
 * the warning below flags it (a discrete entry's integer shapes never, its
 * real shapes only at an end whose limit it declares)?
 */
static bool
bf_shape_at_limit(const BfDist *d, const double *fixed, const double *params, int i)
{
	int			edge = bf_shape_edge(d, i, params[i], 1.0);
	const BfShape *sh = &d->shapes[i];

	if (!isnan(fixed[i]) || edge == 0)
		return false;
	return d->kind != BF_DISCRETE ||
		(!bf_shape_is_integer(d, i) && (edge > 0 ? sh->limit_hi : sh->limit_lo) != NULL);
}

/* Step for the central difference in parameter i. */
static double
bf_hessian_step(const BfDist *d, const double *params, int i)
{
	double		scale = bf_model_scale(d, params);

	if (i == bf_loc_index(d))
		return 1e-4 * scale;
	return 1e-4 * Max(fabs(params[i]), 1e-3 * (i == bf_scale_index(d) ? scale : 1.0));
}

/*
 * Standard errors of the free parameters (the file header).  Returns false
 * when the Hessian could not be formed (a step left the domain) or is not
 * negative definite.
 */
static bool
bf_standard_errors(const BfFitData *fd, const BfDist *d, const double *fixed, BfFitResult *res)
{
	int			np = bf_nparams(d);
	int			idx[BF_MAX_PARAMS];
	double		h[BF_MAX_PARAMS];
	int			k = 0;
	double		f0 = bf_loglik(fd, d, res->params);
	gsl_matrix *info;
	bool		ok = true;

	for (int i = 0; i < np; i++)
		if (isnan(fixed[i]) && !(i < d->nshapes && bf_shape_is_integer(d, i)) &&
			!(i == 0 && BF_HINT(d, hold_first_shape) && d->nshapes > 0 &&
			  isnan(fixed[bf_scale_index(d)])) &&
			!(i < d->nshapes && bf_shape_at_limit(d, fixed, res->params, i)))
		{
			idx[k] = i;
			h[k] = bf_hessian_step(d, res->params, i);
			k++;
		}
	if (k == 0 || !isfinite(f0))
		return k == 0;
	info = gsl_matrix_alloc(k, k);
	if (info == NULL)
		return false;
	for (int a = 0; a < k && ok; a++)
		for (int b = a; b < k && ok; b++)
		{
			double		p[BF_MAX_PARAMS];
			double		v;

			if (bf_should_stop())
			{
				ok = false;
				break;
			}
			if (a == b)
			{
				double		fp,
							fm;

				memcpy(p, res->params, sizeof(p));
				p[idx[a]] += h[a];
				fp = bf_loglik(fd, d, p);
				p[idx[a]] = res->params[idx[a]] - h[a];
				fm = bf_loglik(fd, d, p);
				v = (fp - 2 * f0 + fm) / (h[a] * h[a]);
			}
			else
			{
				double		f[4];

				for (int s = 0; s < 4; s++)
				{
					memcpy(p, res->params, sizeof(p));
					p[idx[a]] += (s & 1) ? -h[a] : h[a];
					p[idx[b]] += (s & 2) ? -h[b] : h[b];
					f[s] = bf_loglik(fd, d, p);
				}
				v = (f[0] - f[1] - f[2] + f[3]) / (4 * h[a] * h[b]);
			}
			res->evaluations += a == b ? 2 : 4;
			if (!isfinite(v))
				ok = false;
			gsl_matrix_set(info, a, b, -v);
			gsl_matrix_set(info, b, a, -v);
		}
	if (ok && gsl_linalg_cholesky_decomp1(info) == GSL_SUCCESS &&
		gsl_linalg_cholesky_invert(info) == GSL_SUCCESS)
	{
		for (int a = 0; a < k; a++)
		{
			double		var = gsl_matrix_get(info, a, a);

			if (var > 0 && isfinite(var))
				res->se[idx[a]] = sqrt(var);
		}
	}
	else
		ok = false;
	gsl_matrix_free(info);
	return ok;
}

void
bf_fit_diagnostics(const BfFitData *fd, const BfFitData *hess, const BfDist *d,
				   const double *fixed, bool se, BfFitResult *res)
{
	double		range = fd->summary.max - fd->summary.min;
	int			is = bf_scale_index(d);
	char		line[256];

	for (int i = 0; i < BF_MAX_PARAMS; i++)
		res->se[i] = NAN;
	/* a discrete fit's integer search has already said where it stopped */
	if (d->kind != BF_DISCRETE)
	{
		res->warnings[0] = '\0';
		res->degenerate = false;
	}
	for (int i = 0; i < d->nshapes; i++)
	{
		const BfDomain *dom = bf_shape_domain(d, i);
		const BfShape *sh = &d->shapes[i];
		double		v = res->params[i];
		bool		hi_edge = bf_shape_edge(d, i, v, 1.0) > 0;
		const char *limit = hi_edge ? sh->limit_hi : sh->limit_lo;

		/*
		 * a discrete entry's integer shapes are judged by the integer
		 * search (ridges); its real shapes only at an end whose limit it
		 * declares (nbinom's n -> infinity): a Poisson mean of 2000 or a
		 * geometric p of 1e-4 is an ordinary fit, not a limit
		 * (bf_shape_at_limit)
		 */
		if (!bf_shape_at_limit(d, fixed, res->params, i))
			continue;
		if (limit)
		{
			double		end = hi_edge ? dom->hi : dom->lo;
			char		endtext[32];

			if (isinf(end))
				snprintf(endtext, sizeof(endtext), "%sinfinity", end < 0 ? "-" : "");
			else
				snprintf(endtext, sizeof(endtext), "%g", end);
			snprintf(line, sizeof(line),
					 "%s = %.6g is at the %s edge of its domain: the fit is numerically %s, the family's limit as %s -> %s",
					 sh->name, v, hi_edge ? "upper" : "lower", limit, sh->name, endtext);
		}
		else
			snprintf(line, sizeof(line),
					 "%s = %.6g is at the %s edge of its domain: the fit is numerically a limit of the family",
					 sh->name, v, hi_edge ? "upper" : "lower");
		bf_warn(res, line);
		res->degenerate = true;
	}
	if (is >= 0 && isnan(fixed[is]) && range > 0 && res->params[is] > BF_SCALE_FAR * range)
	{
		snprintf(line, sizeof(line),
				 "scale = %.6g is over a million times the data's range: the fit is numerically a limit of the family",
				 res->params[is]);
		bf_warn(res, line);
		res->degenerate = true;
	}
	{
		double		at;

		if (d->kind == BF_CONTINUOUS && bf_spike_in_data(fd, d, res->params, &at))
		{
			snprintf(line, sizeof(line),
					 "the density diverges at x = %.6g, within the data: a spike at the values there, not a model of them",
					 at);
			bf_warn(res, line);
			res->degenerate = true;
		}
	}
	/*
	 * A grouped or binned log-likelihood at the saturated model's (every
	 * cell at its empirical mass; fit.h, ll_max) from a density with fewer
	 * parameters than the data have cells is a numerical artefact: a spike
	 * narrower than the cells that the bins' masses do not see (the
	 * quadrature of genhyperbolic on weather.csv's precip > 0).
	 */
	if (!fd->exact && d->kind == BF_CONTINUOUS && res->ok && res->loglik > fd->ll_max - 1e-3)
	{
		int			cells = 0;

		for (int i = 0; i < fd->nbins; i++)
			cells += fd->wl[i] > 0;
		if (cells > res->nfree + 1)
		{
			snprintf(line, sizeof(line),
					 "the log-likelihood reaches the saturated model's (every one of %d cells at its observed share): a spike narrower than the cells, not a model",
					 cells);
			bf_warn(res, line);
			res->degenerate = true;
		}
	}
	if (se && !bf_standard_errors(hess, d, fixed, res))
		bf_warn(res, "no standard errors: the observed information is not positive definite "
				"(an optimum on the parameter space's edge, such as a support's end at the data, or a flat direction)");
}
