/*
 * gof.c — gof_test(sketch, fit, fixed, samples, seed, resolution): the
 * parametric-bootstrap p-values of the KS, Anderson-Darling and
 * Cramer-von Mises statistics of a fit (the sampling and the sources are in
 * src/metrics/gof.c).
 */
#include "postgres.h"

#include <limits.h>
#include <math.h>

#include <gsl/gsl_rng.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "pg/bestfit.h"
#include "fit/fit.h"
#include "metrics/gof.h"

/* Most bootstrap samples one call may ask for. */
#define BF_GOF_MAX_SAMPLES 100000

/* The statistics the bootstrap calibrates, in the result's column order. */
#define BF_GOF_NSTATS 3

static double
bf_gof_stat(const BfFitResult *r, int k)
{
	return k == 0 ? r->ks : (k == 1 ? r->ad : r->cvm);
}

/*
 * The fixed vector of the refits: fixed's parameters (keyed by scipy's
 * names, as fit_distributions' fixed), each of which must be a parameter of
 * d and equal to the fit's value (the samples are drawn from the fit, so a
 * different value would test another hypothesis).  Returns the number of
 * free parameters.
 */
static int
bf_gof_fixed(const BfDist *d, const double *params, Jsonb *jb, double *fixed)
{
	BfFixed		fx[16];
	int			nfx = bf_parse_fixed(jb, fx, lengthof(fx));
	int			nfree = 0;

	bf_fixed_vector(d, fx, nfx, fixed);
	for (int k = 0; k < nfx; k++)
		if (!fx[k].used)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fixed parameter \"%s\" is not a parameter of %s", bf_pg_quote(fx[k].name), d->name),
					 errdetail("Parameter names follow scipy.stats, e.g. loc, scale, a, c, s, df.")));
	for (int i = 0; i < bf_nparams(d); i++)
	{
		if (isnan(fixed[i]))
		{
			nfree++;
			continue;
		}
		if (fabs(fixed[i] - params[i]) > 1e-12 * fabs(params[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fixed parameter \"%s\" is %g but the fit has %g",
							bf_param_name(d, i), fixed[i], params[i]),
					 errdetail("gof_test draws its samples from the fit: pass the fixed parameters the fit was made with.")));
	}
	return nfree;
}

/*
 * Run the bootstrap: samples replicates (bf_gof_replicate), each in a memory
 * context reset after it, counting in exceed[k] the refits whose statistic k
 * is at least the observed one.  Returns how many were refitted.  Cancel:
 * CHECK_FOR_INTERRUPTS between samples, the core's polls inside them.
 */
static int
bf_gof_run(const BfGofPlan *plan, gsl_rng *rng, const BfFitResult *observed, int samples,
		   int *exceed)
{
	MemoryContext samplecxt = AllocSetContextCreate(CurrentMemoryContext,
													"bestfit gof_test sample",
													ALLOCSET_DEFAULT_SIZES);
	int			used = 0;

	for (int b = 0; b < samples; b++)
	{
		BfFitResult res;
		MemoryContext old;
		BfStatus	status;
		bool		ok;

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(samplecxt);
		status = bf_gof_replicate(plan, rng, &res);
		MemoryContextSwitchTo(old);
		MemoryContextReset(samplecxt);
		bf_pg_rethrow_stop();
		if (status != BF_OK)
			elog(ERROR, "gof_test: a bootstrap sample stopped without a pending interrupt");
		ok = res.ok;
		/* the statistics the observed fit has (a discrete fit: KS only) */
		for (int k = 0; k < BF_GOF_NSTATS; k++)
			ok = ok && (isnan(bf_gof_stat(observed, k)) || !isnan(bf_gof_stat(&res, k)));
		if (!ok)
			continue;
		used++;
		for (int k = 0; k < BF_GOF_NSTATS; k++)
			if (bf_gof_stat(&res, k) >= bf_gof_stat(observed, k))
				exceed[k]++;
	}
	MemoryContextDelete(samplecxt);
	return used;
}

/*
 * The bootstrap of gof_test and fit_report (declared in bestfit.h): the fit's
 * statistics on h at resolution q, then samples replicates drawn from the
 * fit and refitted with fixed, seeded by seed.  stats[k] and pvalues[k] for
 * KS, AD, CvM: p = (1 + #{T* >= T}) / (B + 1) over the B refitted samples
 * (NaN when B = 0 or the statistic is NaN or infinite).  Returns B; when samples cannot
 * be drawn from the family (bf_gof_plan_init), an error if strict, else -1.
 */
int
bf_gof_bootstrap(const BfHistogram *h, double q, const BfDist *d, const double *params,
				 const double *fixed, int samples, int64 seed, bool strict,
				 double *stats, double *pvalues)
{
	BfFitResult observed;
	BfGofPlan	plan;
	char		msg[256];
	BfStatus	status;
	gsl_rng    *volatile rng = NULL;
	int			exceed[BF_GOF_NSTATS] = {0};
	volatile int used = 0;
	int			nfree = 0;
	double		fx[BF_MAX_PARAMS];

	/*
	 * A discrete fit's loc was fixed by the default rule (src/fit/discrete.c)
	 * unless the caller freed it: the refits keep the fit's.
	 */
	memcpy(fx, fixed, sizeof(double) * bf_nparams(d));
	if (d->kind == BF_DISCRETE && isnan(fx[bf_loc_index(d)]))
		fx[bf_loc_index(d)] = params[bf_loc_index(d)];
	fixed = fx;
	for (int i = 0; i < bf_nparams(d); i++)
		nfree += isnan(fixed[i]) || fixed[i] == BF_FIT_LOC;
	bf_host_reset_stop();
	bf_gof_observed(h, q, d, params, nfree, &observed);
	bf_pg_rethrow_stop();
	status = bf_gof_plan_init(&plan, h, q, d, params, fixed, msg, sizeof(msg));
	bf_pg_rethrow_stop();
	if (status != BF_OK && !strict)
		return -1;
	if (status != BF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("gof_test cannot draw samples from %s", d->name),
				 errdetail("%s.", msg)));

	PG_TRY();
	{
		rng = bf_pg_rng_create(seed);
		used = bf_gof_run(&plan, rng, &observed, samples, exceed);
	}
	PG_FINALLY();
	{
		if (rng)
			gsl_rng_free(rng);
	}
	PG_END_TRY();

	for (int k = 0; k < BF_GOF_NSTATS; k++)
	{
		stats[k] = bf_gof_stat(&observed, k);
		/*
		 * An infinite statistic (AD when the fit puts a data point at an end
		 * of its support, where F is 0 or 1: a loc fitted at the data's
		 * minimum) is matched by every refit that does the same: its
		 * p-value would be 1 whatever the data, so it is NULL.
		 */
		pvalues[k] = (!isfinite(stats[k]) || used == 0) ? NAN : (1.0 + exceed[k]) / (used + 1.0);
	}
	return used;
}

PG_FUNCTION_INFO_V1(gof_test);

/*
 * gof_test(sketch fit_histogram, fit distribution, fixed jsonb, samples
 * integer, seed bigint, resolution double precision) returns one row
 * (ks_statistic, ks_pvalue, ad_statistic, ad_pvalue, cvm_statistic,
 * cvm_pvalue).  The statistics are the fit's on the sketch (as
 * fit_distributions computes them, at the resolution: NULL detected, 0
 * exact, q > 0 given); each p-value is (1 + #{T* >= T}) / (B + 1) over the
 * B bootstrap samples that could be refitted (Davison & Hinkley 1997,
 * section 4.2).  Samples whose refit fails are left out with a WARNING
 * saying how many; the p-values are NULL when none could be refitted, and
 * a statistic's p-value is NULL when the statistic is infinite (AD of a
 * fit with a data point at an end of its support).
 * Errors (SQLSTATE 22023): samples outside [1, 100000], a fixed parameter
 * that is not the fit's, a sketch with fewer than two distinct finite
 * values, an invalid resolution.  NULL sketch or fit: NULL.
 */
Datum
gof_test(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	BfDistValue *fit;
	const BfDist *d;
	BfHistogram *h;
	const BfHistogram *hf;
	BfPointMasses pm;
	int32		samples;
	int64		seed;
	double		fixed[BF_MAX_PARAMS];
	double		q;
	double		stats[BF_GOF_NSTATS],
				pvalues[BF_GOF_NSTATS];
	int			used;
	Datum		values[2 * BF_GOF_NSTATS];
	bool		nulls[2 * BF_GOF_NSTATS] = {0};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "gof_test: the result type must be a row type");
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("samples and seed of gof_test must not be NULL")));

	/* every argument is checked before any work */
	samples = PG_GETARG_INT32(3);
	seed = PG_GETARG_INT64(4);
	if (samples < 1 || samples > BF_GOF_MAX_SAMPLES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("samples must be between 1 and %d, got %d", BF_GOF_MAX_SAMPLES, samples)));
	fit = PG_GETARG_BF_DIST(1);
	d = bf_dist_lookup(fit);
	bf_check_params(d, fit->params, ERRCODE_INVALID_PARAMETER_VALUE);
	bf_gof_fixed(d, fit->params, PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2), fixed);
	h = PG_GETARG_BF_HIST(0);
	if (h->nbins < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("gof_test needs a sketch with at least two distinct finite values"),
				 errdetail_plural("The sketch has %d distinct finite value.",
								  "The sketch has %d distinct finite values.",
								  h->nbins, h->nbins)));
	q = bf_fit_resolution_kind(h, d->kind, PG_ARGISNULL(5), PG_ARGISNULL(5) ? 0 : PG_GETARG_FLOAT8(5));
	if (d->kind == BF_DISCRETE)
	{
		BfFitData	fd;
		char		msg[160];

		bf_fitdata_init(&fd, h, 0);
		if (!bf_discrete_check(&fd, msg, sizeof(msg)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("discrete distributions need integer values: %s", msg)));
	}

	/* a continuous fit's test is of the rows its fit used: without point masses */
	hf = bf_fit_sketch(h, d->kind, q, &pm);
	bf_notice_point_masses("gof_test", &pm, "The statistics and p-values are of the fit against the other rows.");
	used = bf_gof_bootstrap(hf, q, d, fit->params, fixed, samples, seed, true, stats, pvalues);
	if (used < samples)
		ereport(WARNING,
				(errmsg("%d of %d bootstrap samples of gof_test could not be refitted and were left out",
						samples - used, samples),
				 used > 0 ? errdetail("The p-values are computed from the other %d.", used) :
				 errdetail("No sample could be refitted: the p-values are NULL.")));

	for (int k = 0; k < BF_GOF_NSTATS; k++)
	{
		values[2 * k] = Float8GetDatum(stats[k]);
		nulls[2 * k] = isnan(stats[k]);
		values[2 * k + 1] = Float8GetDatum(pvalues[k]);
		nulls[2 * k + 1] = isnan(pvalues[k]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
