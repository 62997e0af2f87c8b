/*
 * discrete_metrics.c — goodness-of-fit metrics of a discrete fit (entries
 * of kind BF_DISCRETE) on a sketch of integers.
 *
 * Cells.  Cell i of the sketch holds the integers a_i..b_i (exact sketch:
 * the value itself; binned: the integers of a bin, src/fit/discrete.c).
 *
 * Pearson's chi-squared (Pearson 1900), with the table and degrees of
 * freedom of fitdistrplus's gofstat for discrete fits (Delignette-Muller &
 * Dutang 2015, J. Stat. Softw. 64(4); R's compute.gofstat.Chi2): classes
 * (-inf, b_1], (b_1, b_2], ..., (b_m-1, b_m] and the upper tail (b_m, inf),
 * observed counts against n times the model's probabilities of the classes
 * (so the expected counts sum to n); classes pooled left to right until the
 * expected count reaches 5 (fitdistrplus pools by observed counts instead;
 * expected >= 5 is Cochran's 1954 rule, the one our continuous metrics use),
 * a short remainder merged into the last pooled class.  Degrees of freedom:
 * classes - 1 - fitted parameters; the p-value is NULL when they are not
 * positive.  Approximate: the parameters were fitted to the ungrouped
 * counts (Chernoff & Lehmann 1954).
 *
 * Kolmogorov-Smirnov: D = sup |F_n(x) - F(x)| over the real line, attained
 * at the cells' ends for step functions: |F_n(b_i) - F(b_i)| and
 * |F_n(b_i-1) - F(a_i - 1)| (binned sketches: a lower bound, the values
 * inside a bin being unknown).  Its p-value is Kolmogorov's asymptotic one
 * (with Stephens' correction), which is conservative for discrete models:
 * the true p-value is smaller (Noether 1963; Conover 1972, JASA 67).
 *
 * SSE (spark-bestfit's for discrete fits): the sum over cells of
 * (w_i / n - P(cell i))^2 / (b_i - a_i + 1), the squared difference of the
 * empirical and fitted pmfs summed over the observed integers (exact
 * sketches; binned: each cell's pmfs taken as constant within it).
 * Integers never observed inside [min, max] do not enter.
 *
 * Anderson-Darling and Cramer-von Mises are not computed (NULL): their
 * continuous formulas and tables do not apply to discrete models.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "fit/fit.h"
#include "catalogue/model.h"

#define BF_CHISQ_MIN_EXPECTED 5.0

/* P(X <= k) and P(X > k) of the fit, k in data units. */
static void
bf_dcdf(const BfFitResult *res, double k, double *F, double *S)
{
	*F = bf_model_cdf(res->dist, res->params, k);
	*S = bf_model_sf(res->dist, res->params, k);
}

/*
 * For entries with a log_mass (betabinom, betanbinom, logser: a cdf that is
 * itself a long sum), the cdf and sf at every cell's ends a_i - 1 and b_i
 * (F[2i], S[2i] and F[2i + 1], S[2i + 1]) in two passes: F from the cdf at
 * the first end plus the masses between consecutive ends, S from the sf at
 * the last end plus the same masses from the right (sums of positive terms:
 * F is exact where it is small, S where it is; the metrics read each where
 * it is the smaller).  One walk over the data's range instead of four tail
 * sums per cell.  False (nothing usable) when the entry has no log_mass or a
 * mass is NaN: the caller then asks the cdf and sf at each end.
 */
static bool
bf_dcdf_ends(const BfFitData *fd, const BfFitResult *res, double *F, double *S)
{
	const BfDist *d = res->dist;
	double		loc = res->params[bf_loc_index(d)];
	int			m = 2 * fd->nbins;
	double	   *q,
			   *mass;

	if (d->log_mass == NULL || m == 0)
		return false;
	q = bf_alloc(sizeof(double) * m);
	mass = bf_alloc(sizeof(double) * m);
	for (int i = 0; i < fd->nbins; i++)
	{
		bf_discrete_cell(fd, i, &q[2 * i], &q[2 * i + 1]);
		q[2 * i] -= 1;
	}
	/* mass[j]: P(q[j - 1] < X <= q[j]) */
	mass[0] = 0;
	for (int j = 1; j < m; j++)
	{
		/* the engine's budget per cell (BF_DISCRETE_RUN_TERMS, src/fit/discrete.c) */
		mass[j] = q[j] > q[j - 1] ?
			exp(bf_entry_log_mass(d, q[j - 1] + 1 - loc, q[j] - loc, res->params, 131072)) : 0.0;
		if (isnan(mass[j]) || ((j & 63) == 0 && bf_should_stop()))
		{
			bf_free(q);
			bf_free(mass);
			return false;
		}
	}
	F[0] = bf_model_cdf(d, res->params, q[0]);
	for (int j = 1; j < m; j++)
		F[j] = fmin(1.0, F[j - 1] + mass[j]);
	S[m - 1] = bf_model_sf(d, res->params, q[m - 1]);
	for (int j = m - 1; j > 0; j--)
		S[j - 1] = fmin(1.0, S[j] + mass[j]);
	bf_free(q);
	bf_free(mass);
	return !isnan(F[0]) && !isnan(S[m - 1]);
}

void
bf_discrete_metrics(const BfFitData *fd, BfFitResult *res)
{
	double	   *F,
			   *S;
	bool		ends;
	double		n = fd->n,
				cum = 0,
				D = 0,
				sse = 0,
				chisq = 0,
				prevF = 0,
				prevS = 1;
	double	   *cobs,
			   *cexp;
	int			classes = 0;

	res->ks = res->ks_pvalue = res->ad = res->cvm = NAN;
	res->chisq = res->chisq_pvalue = res->sse = NAN;
	if (!res->ok || fd->nbins == 0 || !(n > 0))
		return;
	cobs = bf_alloc(sizeof(double) * (fd->nbins + 1));
	cexp = bf_alloc(sizeof(double) * (fd->nbins + 1));
	cobs[0] = cexp[0] = 0;
	F = bf_alloc(sizeof(double) * 2 * fd->nbins);
	S = bf_alloc(sizeof(double) * 2 * fd->nbins);
	ends = bf_dcdf_ends(fd, res, F, S);
	for (int i = 0; i < fd->nbins; i++)
	{
		double		a,
					b,
					Fa,
					Sa,
					Fb,
					Sb,
					p;

		if ((i & 255) == 0 && bf_should_stop())
			return;
		bf_discrete_cell(fd, i, &a, &b);
		if (ends)
		{
			Fa = F[2 * i];
			Sa = S[2 * i];
			Fb = F[2 * i + 1];
			Sb = S[2 * i + 1];
		}
		else
		{
			bf_dcdf(res, a - 1, &Fa, &Sa);
			bf_dcdf(res, b, &Fb, &Sb);
		}
		/* KS at the cell's two ends */
		D = fmax(D, fabs(cum / n - Fa));
		cum += fd->w[i];
		D = fmax(D, fabs(cum / n - Fb));
		/* the cell's probability, from the sf in the upper tail */
		p = Fa > 0.5 ? Sa - Sb : Fb - Fa;
		sse += (fd->w[i] / n - p) * (fd->w[i] / n - p) / (b - a + 1);
		/* chi-squared class (b_i-1, b_i]: this cell and the gap before it */
		cobs[classes] += fd->w[i];
		cexp[classes] += n * (prevF > 0.5 ? prevS - Sb : Fb - prevF);
		prevF = Fb;
		prevS = Sb;
		if (cexp[classes] >= BF_CHISQ_MIN_EXPECTED)
		{
			classes++;
			cobs[classes] = cexp[classes] = 0;
		}
	}
	/* the upper tail (b_m, inf); a short remainder joins the last class */
	cexp[classes] += n * prevS;
	if (cexp[classes] >= BF_CHISQ_MIN_EXPECTED || classes == 0)
		classes++;
	else
	{
		cobs[classes - 1] += cobs[classes];
		cexp[classes - 1] += cexp[classes];
	}
	for (int c = 0; c < classes; c++)
		if (cexp[c] > 0)
			chisq += (cobs[c] - cexp[c]) * (cobs[c] - cexp[c]) / cexp[c];
	bf_free(cobs);
	bf_free(cexp);
	bf_free(F);
	bf_free(S);
	res->ks = D;
	res->ks_pvalue = bf_kolmogorov_sf(D, n);
	res->sse = sse;
	res->chisq = chisq;
	{
		int			df = classes - 1 - res->nfree;

		res->chisq_pvalue = df > 0 ? gsl_cdf_chisq_Q(chisq, df) : NAN;
	}
}
