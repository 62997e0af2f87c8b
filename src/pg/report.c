/*
 * report.c — fit_report(sketch, resolution, samples, seed) → jsonb: what a
 * statistician checks before trusting a fitted distribution, in one value.
 *
 * The data's profile (src/sketch/profile.h: resolution and ties, atoms,
 * heavy tails, extreme outliers, with their rules and sources), the top
 * candidates of fit_distributions' default set with delta_aic and
 * warnings, best_fit's choice, the parametric-bootstrap p-values
 * (gof_test's, src/pg/gof.c) of up to BF_REPORT_TESTED models among them,
 * and one-line recommendations.  The recommendations are this project's
 * reading of those figures (README, "fit_report"), not a published
 * procedure.  Deterministic for a seed.
 */
#include "postgres.h"

#include <math.h>

#include "nodes/pg_list.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "pg/bestfit.h"
#include "fit/fit.h"
#include "metrics/metrics.h"
#include "sketch/profile.h"

#define BF_REPORT_TOP 5			/* candidates listed */
#define BF_REPORT_TESTED 2		/* best_fit's choice and the next unflagged model */
#define BF_REPORT_ALPHA 0.05	/* a model passes when its three p-values are >= this */
#define BF_REPORT_MAX_SAMPLES 10000
#define BF_REPORT_COUNT_RANGE 1000	/* integers spanning at most this: a count column */

extern Datum distribution_out(PG_FUNCTION_ARGS);

static void
bf_key(StringInfo buf, bool *first, const char *key)
{
	if (!*first)
		appendStringInfoString(buf, ", ");
	*first = false;
	escape_json(buf, key);
	appendStringInfoString(buf, ": ");
}

static void
bf_num(StringInfo buf, double v)
{
	if (isfinite(v))
		bf_append_double_text(buf, v);
	else
		appendStringInfoString(buf, "null");
}

static void
bf_knum(StringInfo buf, bool *first, const char *key, double v)
{
	bf_key(buf, first, key);
	bf_num(buf, v);
}

static void
bf_kint(StringInfo buf, bool *first, const char *key, int64 v)
{
	bf_key(buf, first, key);
	appendStringInfo(buf, INT64_FORMAT, v);
}

static void
bf_kbool(StringInfo buf, bool *first, const char *key, bool v)
{
	bf_key(buf, first, key);
	appendStringInfoString(buf, v ? "true" : "false");
}

static void
bf_kstr(StringInfo buf, bool *first, const char *key, const char *v)
{
	bf_key(buf, first, key);
	if (v)
		escape_json(buf, v);
	else
		appendStringInfoString(buf, "null");
}

/* The fit's text form, as distribution_out prints it. */
static char *
bf_fit_text(const BfFitResult *r)
{
	return DatumGetCString(DirectFunctionCall1(distribution_out,
											   PointerGetDatum(bf_make_dist(r->dist, r->params))));
}

/* A number for a sentence: 6 significant digits. */
static char *
bf_g(double v)
{
	return psprintf("%.6g", v);
}

/* The first line of a fit's warnings ("" when none). */
static char *
bf_first_warning(const BfFitResult *r)
{
	const char *nl = strchr(r->warnings, '\n');

	return nl ? pnstrdup(r->warnings, nl - r->warnings) : pstrdup(r->warnings);
}

typedef struct BfTested
{
	int			index;			/* into the ranked results */
	int			used;			/* samples refitted; -1: the family cannot be sampled */
	double		stats[3];
	double		p[3];
	bool		passes;
} BfTested;

static void
bf_profile_json(StringInfo buf, bool *first, const BfHistogram *h, const BfProfile *p, double q)
{
	bool		f;

	bf_kint(buf, first, "rows", p->n);
	bf_kint(buf, first, "nan", h->n_nan);
	bf_kint(buf, first, "posinf", h->n_posinf);
	bf_kint(buf, first, "neginf", h->n_neginf);
	bf_kbool(buf, first, "exact", p->exact);
	bf_kint(buf, first, p->exact ? "distinct" : "bins", p->distinct);
	bf_knum(buf, first, "min", h->nbins ? h->min : NAN);
	bf_knum(buf, first, "max", h->nbins ? h->max : NAN);

	bf_key(buf, first, "quantiles");
	f = true;
	appendStringInfoChar(buf, '{');
	bf_knum(buf, &f, "p01", p->p01);
	bf_knum(buf, &f, "p25", p->q1);
	bf_knum(buf, &f, "p50", p->median);
	bf_knum(buf, &f, "p75", p->q3);
	bf_knum(buf, &f, "p99", p->p99);
	appendStringInfoChar(buf, '}');

	bf_knum(buf, first, "detected_resolution", p->resolution);
	bf_knum(buf, first, "resolution", q);
	bf_knum(buf, first, "tied_share", p->tied_share);

	bf_key(buf, first, "atoms");
	appendStringInfoChar(buf, '[');
	for (int i = 0; i < p->natoms; i++)
	{
		const BfAtom *a = &p->atoms[i];

		f = true;
		appendStringInfoString(buf, i ? ", {" : "{");
		if (p->exact)
			bf_knum(buf, &f, "value", a->lo);
		else
		{
			bf_knum(buf, &f, "lower", a->lo);
			bf_knum(buf, &f, "upper", a->hi);
		}
		bf_kint(buf, &f, "rows", a->count);
		bf_knum(buf, &f, "share", a->share);
		bf_kstr(buf, &f, "kind", a->at_edge ? "point mass at an end of the data" : "heaping");
		appendStringInfoChar(buf, '}');
	}
	appendStringInfoChar(buf, ']');

	bf_key(buf, first, "heavy_tail");
	f = true;
	appendStringInfoChar(buf, '{');
	bf_kbool(buf, &f, "heavy", p->heavy_tail);
	bf_knum(buf, &f, "excess_kurtosis", p->kurt);
	bf_knum(buf, &f, "max_over_p99", p->max_over_p99);
	appendStringInfoChar(buf, '}');

	bf_key(buf, first, "outliers");
	f = true;
	appendStringInfoChar(buf, '{');
	bf_knum(buf, &f, "lower_fence", p->fence_lo);
	bf_knum(buf, &f, "upper_fence", p->fence_hi);
	bf_kint(buf, &f, "far_out", p->far_out);
	bf_kint(buf, &f, "isolated", p->isolated);
	bf_key(buf, &f, "isolated_values");
	appendStringInfoChar(buf, '[');
	for (int i = 0; i < p->nisolated_values; i++)
	{
		if (i)
			appendStringInfoString(buf, ", ");
		bf_num(buf, p->isolated_values[i]);
	}
	appendStringInfoString(buf, "]}");
}

/* The first 5 atoms as "x (share%), ..." (palloc'd). */
static char *
bf_atoms_text(const BfAtom *atoms, int n)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int i = 0; i < n && i < 5; i++)
		appendStringInfo(&s, "%s%s (%.1f%%)", i ? ", " : "", bf_g(atoms[i].lo), 100 * atoms[i].share);
	return s.data;
}

/* Recommendations about the data (before any fit). */
static void
bf_data_advice(List **out, const BfHistogram *h, const BfProfile *p, double q, const BfPointMasses *pm)
{
	if (h->n_nan + h->n_posinf + h->n_neginf > 0)
		*out = lappend(*out, psprintf("%lld NaN and %lld infinite values are left out of every fit.",
									  (long long) h->n_nan,
									  (long long) (h->n_posinf + h->n_neginf)));
	if (h->nbins < 2)
	{
		*out = lappend(*out, pstrdup("Fewer than two distinct finite values: no distribution can be fitted."));
		return;
	}
	if (q > 0 && p->exact)
		*out = lappend(*out,
					   psprintf("The values are recorded to a resolution of %s (%.0f%% of the rows share their value): "
								"the fits use the grouped likelihood of the cells [x - %s/2, x + %s/2]; "
								"resolution => 0 gives the exact-value fit that scipy and R compute.",
								bf_g(q), 100 * p->tied_share, bf_g(q), bf_g(q)));
	else if (q > 0)
		/* a binned sketch: ties are not counted, its bins become cells (Rounded data) */
		*out = lappend(*out,
					   psprintf("The values are recorded to a resolution of %s (the sketch's bins hold only points of min + k * %s): "
								"the fits use the grouped likelihood of the cells [x - %s/2, x + %s/2] that the bins hold.",
								bf_g(q), bf_g(q), bf_g(q), bf_g(q)));
	if (pm->n > 0)
	{
		/* the point masses the fits leave out (src/sketch/point_mass.h), their rows left out */
		*out = lappend(*out,
					   psprintf("The rows heap at %s: point masses, which no continuous density has (zero amounts, "
								"a default value, a detection limit). The fits below are of the other rows, the "
								"maximum likelihood fit of a mixture of the masses and a continuous law (Aitchison 1955): "
								"report the masses' shares apart (a hurdle or zero-inflated model).",
								bf_atoms_text(pm->atoms, pm->n)));
	}
	else if (p->natoms > 0)
	{
		const BfAtom *a = &p->atoms[0];

		if (a->at_edge)
			*out = lappend(*out,
						   psprintf("%s = %s holds %.1f%% of the rows, a point mass at the %s value that no continuous density models "
									"(calm hours, zero amounts, a detection limit): fit the other rows (WHERE x <> %s) "
									"and report the mass apart (a hurdle or zero-inflated model).",
									p->exact ? "x" : "The bin of x", bf_g(a->lo), 100 * a->share,
									a->lo <= h->min ? "smallest" : "largest", bf_g(a->lo)));
		else
			*out = lappend(*out,
						   psprintf("The values heap at %s: rows recorded preferentially at these values, which a smooth "
									"density cannot follow, so calibrated tests reject every candidate; "
									"report the heaping, or fit cells as wide as the heaping (resolution).",
									bf_atoms_text(p->atoms, p->natoms)));
	}
	if (p->isolated > 0)
		*out = lappend(*out,
					   psprintf("%lld value%s far out and apart from the rest (%s%s: beyond Tukey's fence Q3 + 3 IQR = %s "
								"or Q1 - 3 IQR = %s, past an empty gap of more than 3 IQR): check %s for recording errors; "
								"%s the moments and the tails of every fit.",
								(long long) p->isolated, p->isolated == 1 ? " lies" : "s lie",
								bf_g(p->isolated_values[0]), p->isolated > 1 ? ", ..." : "",
								bf_g(p->fence_hi), bf_g(p->fence_lo),
								p->isolated == 1 ? "it" : "them",
								p->isolated == 1 ? "it alone dominates" : "they alone dominate"));
	if (p->heavy_tail)
	{
		if (p->isolated > 0)
			*out = lappend(*out,
						   psprintf("The heavy-tail indicators (excess kurtosis %s, max/p99 %s) may come from the isolated "
									"values alone: look again without them.",
									bf_g(p->kurt), bf_g(p->max_over_p99)));
		else
			*out = lappend(*out,
						   psprintf("Heavy tail (%s): prefer heavy-tailed families "
									"(t, lognorm, invgamma, pareto, genpareto, burr12, fisk) and do not summarise the column "
									"by its mean and standard deviation.",
									p->kurt > 6.0 ? psprintf("excess kurtosis %s > 6", bf_g(p->kurt)) :
									psprintf("max/p99 = %s > 3", bf_g(p->max_over_p99))));
	}
	if (p->n < 50)
		*out = lappend(*out,
					   psprintf("Only %lld rows: many families fit them about equally well; prefer the simplest "
								"within 2 AIC units (best_fit does).", (long long) p->n));
}

PG_FUNCTION_INFO_V1(fit_report);

/*
 * fit_report(sketch fit_histogram, distributions text[], resolution double
 * precision, samples integer, seed bigint) → jsonb (keys in the README,
 * "fit_report").  distributions and resolution as fit_distributions' (NULL:
 * the default set; NULL: detected, 0: exact); samples:
 * bootstrap samples of each calibrated test (0: none), at most 10,000;
 * seed: gof_test's.  Errors (22023): samples out of range, an invalid
 * resolution, unknown names (as fit_distributions'); NULL sketch: NULL.
 * Cost: the candidates' fits, then up to BF_REPORT_TESTED x samples fits
 * of single families.
 */
Datum
fit_report(PG_FUNCTION_ARGS)
{
	BfHistogram *h;
	const BfHistogram *hf;
	BfPointMasses pm;
	double		q;
	int32		samples;
	int64		seed;
	BfProfile	p;
	StringInfoData buf;
	bool		first = true;
	List	   *advice = NIL;
	BfFitResult *results = NULL;
	const BfDist **cands;
	BfKind		kind;
	int			ncand = 0,
				nok = 0,
				best = -1,
				ntested = 0;
	BfTested	tested[BF_REPORT_TESTED];
	ListCell   *lc;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("samples and seed of fit_report must not be NULL")));
	samples = PG_GETARG_INT32(3);
	seed = PG_GETARG_INT64(4);
	if (samples < 0 || samples > BF_REPORT_MAX_SAMPLES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("samples must be between 0 and %d, got %d", BF_REPORT_MAX_SAMPLES, samples),
				 errdetail("0 skips the calibrated tests.")));
	cands = palloc(sizeof(BfDist *) * bf_catalogue_count());
	ncand = bf_resolve_candidates_kind(PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1), NULL,
									   cands, &kind);
	h = PG_GETARG_BF_HIST(0);
	q = bf_fit_resolution_kind(h, kind, PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_FLOAT8(2));
	hf = bf_fit_sketch(h, kind, q, &pm);
	bf_profile(h, &p);
	bf_data_advice(&advice, h, &p, q, &pm);
	/*
	 * A count column fitted with densities: non-negative integers whose
	 * range is modest (BF_REPORT_COUNT_RANGE), where probabilities of
	 * integers model the data and densities only smooth them.
	 */
	if (kind == BF_CONTINUOUS && h->nbins >= 2 && h->min >= 0 &&
		h->max - h->min <= BF_REPORT_COUNT_RANGE)
	{
		BfFitData	fd;
		char		msg[160];

		bf_fitdata_init(&fd, h, 0);
		if (bf_discrete_check(&fd, msg, sizeof(msg)))
			advice = lappend(advice,
							 psprintf("The values are non-negative integers from %s to %s: a count column. "
									  "fit_distributions(sketch, kind => 'discrete') fits count distributions "
									  "(Poisson, negative binomial, ...), whose probabilities model integers "
									  "where densities only smooth them; their AIC is not comparable with these.",
									  bf_g(h->min), bf_g(h->max)));
	}

	if (h->nbins >= 2)
	{
		results = bf_fit_all(hf, q, cands, ncand, NULL, bf_metric_find("aic"), &pm);
		while (nok < ncand && results[nok].ok)
			nok++;
		best = bf_choose_best(results, ncand);
	}

	/* the calibrated tests: best_fit's choice, then the next models by AIC */
	if (samples > 0 && best >= 0)
	{
		double		fixed[BF_MAX_PARAMS];

		for (int i = 0; i < BF_MAX_PARAMS; i++)
			fixed[i] = NAN;
		for (int k = -1; k < Min(nok, BF_REPORT_TOP) && ntested < BF_REPORT_TESTED; k++)
		{
			int			i = k < 0 ? best : k;
			BfTested   *t = &tested[ntested];

			if (k >= 0 && (i == best || results[i].degenerate))
				continue;
			t->index = i;
			t->used = bf_gof_bootstrap(hf, q, results[i].dist, results[i].params, fixed, samples,
									   seed, false, t->stats, t->p);
			/* every p-value the fit has (a discrete fit: KS only) */
			t->passes = t->used > 0 && t->p[0] >= BF_REPORT_ALPHA &&
				(isnan(t->p[1]) || t->p[1] >= BF_REPORT_ALPHA) &&
				(isnan(t->p[2]) || t->p[2] >= BF_REPORT_ALPHA);
			ntested++;
		}
	}

	/* recommendations about the choice */
	if (best >= 0)
	{
		const BfFitResult *b = &results[best];
		int			lowest = -1,
					lowest_model = -1;

		for (int i = 0; i < nok; i++)
		{
			if (lowest < 0 || results[i].aic < results[lowest].aic)
				lowest = i;
			if (!results[i].degenerate &&
				(lowest_model < 0 || results[i].aic < results[lowest_model].aic))
				lowest_model = i;
		}
		if (lowest != best && results[lowest].degenerate)
			advice = lappend(advice,
							 psprintf("The lowest AIC, %s's, belongs to a flagged fit (%s): best_fit passes it over.",
									  results[lowest].dist->name, bf_first_warning(&results[lowest])));
		if (lowest_model >= 0 && lowest_model != best)
			advice = lappend(advice,
							 psprintf("best_fit chooses %s (%d fitted parameters), the simplest model within 2 AIC units "
									  "of the best model, %s (%d parameters, AIC lower by %s).",
									  b->dist->name, b->nfree, results[lowest_model].dist->name,
									  results[lowest_model].nfree, bf_g(b->aic - results[lowest_model].aic)));
		else
			advice = lappend(advice,
							 psprintf("best_fit chooses %s (%d fitted parameters), the model of lowest AIC%s.",
									  b->dist->name, b->nfree,
									  b->degenerate ? " (every fit is flagged)" : ""));
		if (ntested > 0)
		{
			int			pass = -1;

			for (int t = 0; t < ntested && pass < 0; t++)
				if (tested[t].passes)
					pass = t;
			if (pass >= 0 && isnan(tested[pass].p[1]) &&
				results[tested[pass].index].dist->kind != BF_DISCRETE)
				advice = lappend(advice,
								 psprintf("%s passes the calibrated tests at 5%% (bootstrap p-values: KS %.3g, CvM %.3g, %d samples; "
										  "no AD p-value: the fit puts a data point at an end of its support, where AD is infinite).",
										  results[tested[pass].index].dist->name, tested[pass].p[0],
										  tested[pass].p[2], tested[pass].used));
			else if (pass >= 0 && isnan(tested[pass].p[1]))
				advice = lappend(advice,
								 psprintf("%s passes the calibrated test at 5%% (bootstrap KS p-value %.3g, %d samples; discrete fits have no AD or CvM).",
										  results[tested[pass].index].dist->name, tested[pass].p[0],
										  tested[pass].used));
			else if (pass >= 0)
				advice = lappend(advice,
								 psprintf("%s passes the calibrated tests at 5%% (bootstrap p-values: KS %.3g, AD %.3g, CvM %.3g, %d samples).",
										  results[tested[pass].index].dist->name, tested[pass].p[0],
										  tested[pass].p[1], tested[pass].p[2], tested[pass].used));
			else
				advice = lappend(advice,
								 psprintf("No tested model passes the calibrated tests at 5%%%s",
										  p.natoms > 0 && pm.n == 0 ? ": the atoms above alone make every smooth density fail." :
										  p.n > 5000 ? psprintf(": with %lld rows even small departures are significant; "
																"choose by delta_aic and look at the fit's QQ plot.",
																(long long) p.n) :
										  ": the data are not like any of these families."));
		}
	}
	else if (h->nbins >= 2)
		advice = lappend(advice, pstrdup("No candidate could be fitted."));

	/* the value */
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	bf_profile_json(&buf, &first, h, &p, q);

	bf_key(&buf, &first, "candidates");
	appendStringInfoChar(&buf, '[');
	for (int i = 0; i < Min(nok, BF_REPORT_TOP); i++)
	{
		const BfFitResult *r = &results[i];
		bool		f = true;

		appendStringInfoString(&buf, i ? ", {" : "{");
		bf_kint(&buf, &f, "rank", i + 1);
		bf_kstr(&buf, &f, "fit", bf_fit_text(r));
		bf_kint(&buf, &f, "fitted_parameters", r->nfree);
		bf_knum(&buf, &f, "aic", r->aic);
		bf_knum(&buf, &f, "delta_aic", r->delta_aic);
		bf_knum(&buf, &f, "ks_pvalue_asymptotic", r->ks_pvalue);
		bf_kbool(&buf, &f, "flagged", r->degenerate);
		bf_key(&buf, &f, "warnings");
		appendStringInfoChar(&buf, '[');
		{
			char	   *w = pstrdup(r->warnings);
			char	   *save = NULL;
			int			k = 0;

			for (char *tok = strtok_r(w, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save))
			{
				if (k++)
					appendStringInfoString(&buf, ", ");
				escape_json(&buf, tok);
			}
		}
		appendStringInfoChar(&buf, ']');
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, ']');

	bf_key(&buf, &first, "best_fit");
	if (best >= 0)
		escape_json(&buf, bf_fit_text(&results[best]));
	else
		appendStringInfoString(&buf, "null");

	bf_key(&buf, &first, "calibrated_tests");
	appendStringInfoChar(&buf, '[');
	for (int t = 0; t < ntested; t++)
	{
		bool		f = true;

		appendStringInfoString(&buf, t ? ", {" : "{");
		bf_kstr(&buf, &f, "distribution", results[tested[t].index].dist->name);
		if (tested[t].used < 0)
			bf_kstr(&buf, &f, "status", "cannot draw samples from this family");
		else
		{
			bf_kint(&buf, &f, "samples", tested[t].used);
			bf_knum(&buf, &f, "ks_pvalue", tested[t].p[0]);
			bf_knum(&buf, &f, "ad_pvalue", tested[t].p[1]);
			bf_knum(&buf, &f, "cvm_pvalue", tested[t].p[2]);
			bf_kbool(&buf, &f, "passes", tested[t].passes);
		}
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, ']');

	bf_key(&buf, &first, "recommendations");
	appendStringInfoChar(&buf, '[');
	foreach(lc, advice)
	{
		if (foreach_current_index(lc) > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, (const char *) lfirst(lc));
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
