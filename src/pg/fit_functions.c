/*
 * fit_functions.c — the SQL surface of the fitting engine: fit_distributions(),
 * best_fit(), fit_histogram_summary(), and module initialisation.
 */
#include "postgres.h"

#include <math.h>

#include <gsl/gsl_errno.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "nodes/primnodes.h"

#include "pg/bestfit.h"
#include "fit/fit.h"
#include "sketch/resolution.h"
#include "sketch/summary.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* GSL must never abort the backend: its errors are return codes here. */
void
_PG_init(void)
{
	gsl_set_error_handler_off();
}

static Datum bf_text_array(const char **items, int n);

/* The rank_by argument: a rankable metric of the registry (src/metrics). */
static const BfMetric *
bf_parse_rank_by(const char *s)
{
	const BfMetric *m = bf_metric_find(s);

	if (m == NULL || !m->rankable)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown rank_by \"%s\"", bf_pg_quote(s)),
				 errdetail("rank_by must be one of %s.", bf_metric_rankable_names())));
	return m;
}

/*
 * The kind argument: "continuous", "discrete", or NULL (unspecified).
 */
static int
bf_parse_kind(text *t)
{
	char	   *s;

	if (t == NULL)
		return -1;
	s = text_to_cstring(t);
	if (strcmp(s, "continuous") == 0)
		return BF_CONTINUOUS;
	if (strcmp(s, "discrete") == 0)
		return BF_DISCRETE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown kind \"%s\"", bf_pg_quote(s)),
			 errdetail("kind must be continuous or discrete.")));
	return -1;					/* keep the compiler quiet */
}

/*
 * Candidates from a text[] (NULL: the default set of the kind, every entry
 * of that kind not marked not_default) into out; kind is "continuous",
 * "discrete" or NULL (the kind of the named entries; continuous when none
 * are named).  Unknown names are an error that lists the valid ones;
 * duplicates are dropped; continuous and discrete entries together are an
 * error (their likelihoods, densities and probabilities, are not
 * comparable), as is a kind that contradicts the names.  *kind_out gets the
 * kind of the candidates.
 */
int
bf_resolve_candidates_kind(ArrayType *arr, text *kindarg, const BfDist **out, BfKind *kind_out)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			n = 0;
	int			kind = bf_parse_kind(kindarg);

	if (arr == NULL)
	{
		if (kind < 0)
			kind = BF_CONTINUOUS;
		for (int i = 0; i < bf_catalogue_count(); i++)
			if (!bf_catalogue_entry(i)->not_default && (int) bf_catalogue_entry(i)->kind == kind)
				out[n++] = bf_catalogue_entry(i);
		*kind_out = (BfKind) kind;
		return n;
	}
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	for (int i = 0; i < nelems; i++)
	{
		char	   *name;
		const BfDist *d;
		bool		dup = false;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("distribution names must not be NULL")));
		name = TextDatumGetCString(elems[i]);
		d = bf_find_dist(name);
		if (d == NULL)
			bf_unknown_dist(name);
		if (n > 0 && d->kind != out[0]->kind)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("continuous and discrete distributions cannot be fitted together: \"%s\" is %s, \"%s\" is %s",
							out[0]->name, out[0]->kind == BF_DISCRETE ? "discrete" : "continuous",
							d->name, d->kind == BF_DISCRETE ? "discrete" : "continuous"),
					 errdetail("Their likelihoods (densities and probabilities) are not comparable; fit each kind in its own call.")));
		for (int j = 0; j < n; j++)
			dup |= out[j] == d;
		if (!dup)
			out[n++] = d;
	}
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no distributions to fit"),
				 errdetail("Pass NULL for the whole catalogue.")));
	if (kind >= 0 && (int) out[0]->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("kind is %s but \"%s\" is a %s distribution",
						kind == BF_DISCRETE ? "discrete" : "continuous", out[0]->name,
						out[0]->kind == BF_DISCRETE ? "discrete" : "continuous"),
				 errdetail("kind may be NULL when distributions are named: their kind is used.")));
	*kind_out = out[0]->kind;
	return n;
}

/* The same with the kind left to the names (continuous for NULL). */
int
bf_resolve_candidates(ArrayType *arr, const BfDist **out)
{
	BfKind		kind;

	return bf_resolve_candidates_kind(arr, NULL, out, &kind);
}

/*
 * The resolution for a fit of the given kind: discrete fits take the
 * values as they are (NULL or 0; anything else is an error).
 */
double
bf_fit_resolution_kind(const BfHistogram *h, BfKind kind, bool isnull, double arg)
{
	if (kind != BF_DISCRETE)
		return bf_fit_resolution(h, isnull, arg);
	if (!isnull && arg != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("resolution does not apply to discrete distributions"),
				 errdetail("Discrete distributions are fitted to the integer values themselves; pass NULL.")));
	return 0;
}

/*
 * Parse fixed => '{"loc": 0, "a": 2}': an object of numbers keyed by
 * parameter names, into out (at most maxn); returns how many.  Also used by
 * gof_test (gof.c).
 */
int
bf_parse_fixed(Jsonb *jb, BfFixed *out, int maxn)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			n = 0;

	if (jb == NULL)
		return 0;
	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fixed must be a JSON object"),
				 errdetail("For example '{\"loc\": 0}' fixes loc at 0.")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			if (n >= maxn)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("too many fixed parameters")));
			out[n].name = pnstrdup(v.val.string.val, v.val.string.len);
			out[n].used = false;
		}
		else if (tok == WJB_VALUE)
		{
			out[n].fitted = v.type == jbvNull;
			if (v.type == jbvNull)
			{
				out[n].value = NAN;
				n++;
				continue;
			}
			if (v.type != jbvNumeric)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("fixed parameter \"%s\" must be a number", bf_pg_quote(out[n].name))));
			out[n].value = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
															  NumericGetDatum(v.val.numeric)));
			n++;
		}
	}
	return n;
}

/* fixed[] vector (NaN = free) of entry d; marks the fx entries it used. */
void
bf_fixed_vector(const BfDist *d, BfFixed *fx, int nfx, double *fixed)
{
	for (int i = 0; i < bf_nparams(d); i++)
	{
		const char *pname = bf_param_name(d, i);

		fixed[i] = NAN;
		for (int k = 0; k < nfx; k++)
			if (strcmp(fx[k].name, pname) == 0)
			{
				/* null: free; a discrete entry's loc is then searched */
				if (fx[k].fitted)
					fixed[i] = d->kind == BF_DISCRETE && i == bf_loc_index(d) ? BF_FIT_LOC : NAN;
				else
					fixed[i] = fx[k].value;
				fx[k].used = true;
			}
	}
}

/*
 * The resolution to fit h with: the argument (NULL: detected, see
 * src/sketch/resolution.h; 0: exact values), checked against the data.
 * Also used by gof_test (gof.c).
 */
double
bf_fit_resolution(const BfHistogram *h, bool isnull, double arg)
{
	double		gap;

	if (isnull)
		return bf_detect_resolution(h);
	if (!(arg >= 0) || !isfinite(arg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("resolution must be a finite number >= 0"),
				 errdetail("NULL detects it, 0 means the values are exact.")));
	if (arg == 0)
		return 0;
	gap = bf_smallest_gap(h);
	/* cells [x - q/2, x + q/2] of distinct values must not overlap */
	if (!isnan(gap) && arg > gap * (1 + 1e-3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("resolution %g is larger than the smallest gap between distinct values (%g)",
						arg, gap),
				 errdetail("Values recorded to resolution q are at least q apart.")));
	return arg;
}

/*
 * Fit candidates to sketch h, with its values recorded to resolution (0:
 * exact), and sort the results by rank_by.  Returns the ncand results
 * (palloc'd).  Also used by fit_report (report.c).  race: best_fit's race
 * (src/fit/race.c), whose dropped entrants come back not ok.
 */
static BfFitResult *
bf_fit_all_race(const BfHistogram *h, double resolution, const BfDist **cands, int ncand,
				Jsonb *fixedjb, const BfMetric *rank_by, bool race, const BfPointMasses *pm)
{
	BfFixed		fx[16];
	int			nfx = bf_parse_fixed(fixedjb, fx, lengthof(fx));
	BfFitResult *results = palloc0(sizeof(BfFitResult) * ncand);
	double	  (*fixed)[BF_MAX_PARAMS] = palloc(sizeof(double[BF_MAX_PARAMS]) * ncand);

	/* every argument is checked before any fitting starts */
	for (int c = 0; c < ncand; c++)
		bf_fixed_vector(cands[c], fx, nfx, fixed[c]);
	for (int k = 0; k < nfx; k++)
		if (!fx[k].used)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fixed parameter \"%s\" is not a parameter of any candidate", bf_pg_quote(fx[k].name)),
					 errdetail("Parameter names follow scipy.stats, e.g. loc, scale, a, c, s, df.")));
	if (h->nbins == 0 && h->level != 0)
		bf_pg_corrupt_hist("A sketch without finite values must have level 0.");
	if (ncand > 0 && cands[0]->kind == BF_DISCRETE)
	{
		BfFitData	fd;
		char		msg[160];

		bf_fitdata_init(&fd, h, resolution);
		if (!bf_discrete_check(&fd, msg, sizeof(msg)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("discrete distributions need integer values: %s", msg),
					 errdetail("fit_histogram_summary(sketch)->'integer_valued' tells whether a sketch can hold integers only.")));
	}

	bf_fit_candidates(h, resolution, cands, (const double (*)[BF_MAX_PARAMS]) fixed, ncand,
					  race, results);
	if (pm != NULL && pm->n > 0)
	{
		char		line[BF_WARNINGS_LEN];

		bf_point_masses_warning(pm, line, sizeof(line));
		for (int c = 0; c < ncand; c++)
			if (results[c].ok)
				bf_warn_first(&results[c], line);
	}
	bf_set_delta_aic(results, ncand);
	bf_rank_results(results, ncand, rank_by);
	return results;
}

BfFitResult *
bf_fit_all(const BfHistogram *h, double resolution, const BfDist **cands, int ncand,
		   Jsonb *fixedjb, const BfMetric *rank_by, const BfPointMasses *pm)
{
	return bf_fit_all_race(h, resolution, cands, ncand, fixedjb, rank_by, false, pm);
}

BfFitResult *
bf_fit_all_raced(const BfHistogram *h, double resolution, const BfDist **cands, int ncand,
				 const BfMetric *rank_by, const BfPointMasses *pm)
{
	return bf_fit_all_race(h, resolution, cands, ncand, NULL, rank_by, true, pm);
}

void
bf_notice_point_masses(const char *fn, const BfPointMasses *pm, const char *detail)
{
	char		line[BF_WARNINGS_LEN];

	if (pm->n == 0)
		return;
	bf_point_masses_warning(pm, line, sizeof(line));
	ereport(NOTICE, (errmsg("%s: %s", fn, line), errdetail("%s", detail)));
}

const BfHistogram *
bf_fit_sketch(const BfHistogram *h, BfKind kind, double q, BfPointMasses *pm)
{
	if (kind == BF_DISCRETE)
	{
		memset(pm, 0, sizeof(*pm));
		return h;
	}
	return bf_without_point_masses(h, q, pm);
}

static Datum
bf_float8_or_null(double v, bool *isnull)
{
	*isnull = isnan(v);
	return Float8GetDatum(v);
}

/*
 * fit_distributions' columns: rank, distribution, params, params_se, fit,
 * then one per metric of the registry in its order, then warnings, status.
 */
#define BF_FIRST_METRIC_COLUMN 5
#define BF_RESULT_COLUMNS (BF_FIRST_METRIC_COLUMN + 12 + 2)

/* The SQL definition's columns must be the registry's (an install script bug otherwise). */
static void
bf_check_result_columns(TupleDesc desc)
{
	bool		ok = desc->natts == BF_FIRST_METRIC_COLUMN + bf_metric_count + 2 &&
		BF_FIRST_METRIC_COLUMN + bf_metric_count + 2 == BF_RESULT_COLUMNS;

	for (int m = 0; ok && m < bf_metric_count; m++)
		ok = strcmp(NameStr(TupleDescAttr(desc, BF_FIRST_METRIC_COLUMN + m)->attname),
					bf_metric_registry[m].name) == 0;
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("fit_distributions: the result columns do not match the metric registry"),
				 errhint("The installed SQL definitions are of another version than the library: "
						 "ALTER EXTENSION bestfit UPDATE brings them to the library's.")));
}

/* warnings ("\n"-separated) as a text[], empty when there are none */
static Datum
bf_warnings_array(const char *warnings)
{
	char	   *copy = pstrdup(warnings);
	const char *items[32];
	int			n = 0;
	char	   *save = NULL;

	for (char *tok = strtok_r(copy, "\n", &save); tok && n < (int) lengthof(items);
		 tok = strtok_r(NULL, "\n", &save))
		items[n++] = tok;
	return bf_text_array(items, n);
}

PG_FUNCTION_INFO_V1(fit_distributions);

/*
 * fit_distributions(sketch, distributions text[], rank_by text, fixed jsonb)
 * returns one row per candidate, ranked.
 */
Datum
fit_distributions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const BfDist **cands = palloc(sizeof(BfDist *) * bf_catalogue_count());
	int			ncand;
	const BfMetric *rank_by;
	BfFitResult *results;
	BfHistogram *h;
	const BfHistogram *hf;
	BfPointMasses pm;
	double		q;
	int			rank = 0;

	BfKind		kind;

	/* validate every argument before looking at the sketch */
	ncand = bf_resolve_candidates_kind(PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1),
									   PG_NARGS() > 5 && !PG_ARGISNULL(5) ? PG_GETARG_TEXT_PP(5) : NULL,
									   cands, &kind);
	rank_by = bf_parse_rank_by(PG_ARGISNULL(2) ? "aic" : text_to_cstring(PG_GETARG_TEXT_PP(2)));
	InitMaterializedSRF(fcinfo, 0);
	bf_check_result_columns(rsinfo->setDesc);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	h = PG_GETARG_BF_HIST(0);
	q = bf_fit_resolution_kind(h, kind, PG_ARGISNULL(4), PG_ARGISNULL(4) ? 0 : PG_GETARG_FLOAT8(4));
	hf = bf_fit_sketch(h, kind, q, &pm);
	results = bf_fit_all(hf, q, cands, ncand, PG_ARGISNULL(3) ? NULL : PG_GETARG_JSONB_P(3), rank_by, &pm);

	for (int i = 0; i < ncand; i++)
	{
		BfFitResult *r = &results[i];
		Datum		values[BF_RESULT_COLUMNS];
		bool		nulls[BF_RESULT_COLUMNS] = {0};

		values[0] = Int32GetDatum(++rank);
		nulls[0] = !r->ok;
		values[1] = CStringGetTextDatum(r->dist->name);
		if (r->ok)
		{
			values[2] = DirectFunctionCall1(jsonb_in, CStringGetDatum(bf_params_json(r->dist, r->params)));
			values[3] = DirectFunctionCall1(jsonb_in, CStringGetDatum(bf_params_json(r->dist, r->se)));
			values[4] = PointerGetDatum(bf_make_dist(r->dist, r->params));
		}
		else
			nulls[2] = nulls[3] = nulls[4] = true;
		for (int m = 0; m < bf_metric_count; m++)
			values[BF_FIRST_METRIC_COLUMN + m] =
				bf_float8_or_null(bf_metric_value(&bf_metric_registry[m], r),
								  &nulls[BF_FIRST_METRIC_COLUMN + m]);
		values[BF_FIRST_METRIC_COLUMN + bf_metric_count] = bf_warnings_array(r->warnings);
		values[BF_FIRST_METRIC_COLUMN + bf_metric_count + 1] = CStringGetTextDatum(r->status);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * The best candidate of the default set of a kind (bf_choose_best), or NULL
 * when nothing could be fitted.  resolution_null/resolution: the argument
 * (NULL: detected for continuous fits).
 */
static Datum
bf_best_fit(const BfHistogram *h, text *kindarg, bool resolution_null, double resolution,
			bool *isnull)
{
	const BfDist **cands = palloc(sizeof(BfDist *) * bf_catalogue_count());
	BfKind		kind;
	int			ncand = bf_resolve_candidates_kind(NULL, kindarg, cands, &kind);
	BfFitResult *results;
	int			best;
	BfPointMasses pm;
	const BfHistogram *hf;

	resolution = bf_fit_resolution_kind(h, kind, resolution_null, resolution);
	hf = bf_fit_sketch(h, kind, resolution, &pm);
	results = bf_fit_all_raced(hf, resolution, cands, ncand, bf_metric_find("aic"), &pm);
	best = bf_choose_best(results, ncand);
	*isnull = best < 0;
	if (*isnull)
		return (Datum) 0;
	bf_notice_point_masses("best_fit", &pm,
						   "fit_distributions(sketch) shows it in every row's warnings; fit_report(sketch) lists the point masses.");
	return PointerGetDatum(bf_make_dist(results[best].dist, results[best].params));
}

PG_FUNCTION_INFO_V1(best_fit_final);
PG_FUNCTION_INFO_V1(best_fit_kind_accum);
PG_FUNCTION_INFO_V1(best_fit_kind_final);
PG_FUNCTION_INFO_V1(best_fit_histogram);

/* Final function of the best_fit(double precision) aggregate. */
Datum
best_fit_final(PG_FUNCTION_ARGS)
{
	Datum		d;
	bool		isnull;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	{
		BfHistogram *h = bf_state_to_hist((BfState *) PG_GETARG_POINTER(0));

		d = bf_best_fit(h, NULL, true, 0, &isnull);
	}
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/*
 * Transition function of best_fit(double precision, kind text): the
 * sketch's (fit_histogram_accum); the kind is read by the final function
 * from the aggregate call itself.
 */
Datum
best_fit_kind_accum(PG_FUNCTION_ARGS)
{
	return fit_histogram_accum(fcinfo);
}

/*
 * The kind argument of a best_fit(x, kind) call: it must be a constant (a
 * literal or a parameter folded to one), the same for every row.
 */
static text *
bf_aggregate_kind(FunctionCallInfo fcinfo)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *te;

	if (aggref == NULL || list_length(aggref->args) != 2)
		elog(ERROR, "best_fit_kind_final called outside its aggregate");
	te = (TargetEntry *) lsecond(aggref->args);
	if (!IsA(te->expr, Const))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("the kind argument of best_fit must be a constant"),
				 errdetail("Use best_fit(x, 'discrete') or best_fit(x, 'continuous').")));
	if (((Const *) te->expr)->constisnull)
		return NULL;
	return DatumGetTextPP(((Const *) te->expr)->constvalue);
}

/* Final function of the best_fit(double precision, kind text) aggregate. */
Datum
best_fit_kind_final(PG_FUNCTION_ARGS)
{
	Datum		d;
	bool		isnull;
	text	   *kind = bf_aggregate_kind(fcinfo);

	if (PG_ARGISNULL(0))
	{
		/* still check the kind, so that a typo is an error on empty input too */
		BfKind		k;
		const BfDist **cands = palloc(sizeof(BfDist *) * bf_catalogue_count());

		bf_resolve_candidates_kind(NULL, kind, cands, &k);
		PG_RETURN_NULL();
	}
	{
		BfHistogram *h = bf_state_to_hist((BfState *) PG_GETARG_POINTER(0));

		d = bf_best_fit(h, kind, true, 0, &isnull);
	}
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/* best_fit(fit_histogram, resolution, kind): the same for a stored sketch. */
Datum
best_fit_histogram(PG_FUNCTION_ARGS)
{
	Datum		d;
	bool		isnull;
	BfHistogram *h;
	text	   *kind = PG_NARGS() > 2 && !PG_ARGISNULL(2) ? PG_GETARG_TEXT_PP(2) : NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	h = PG_GETARG_BF_HIST(0);
	d = bf_best_fit(h, kind, PG_ARGISNULL(1), PG_ARGISNULL(1) ? 0 : PG_GETARG_FLOAT8(1), &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

PG_FUNCTION_INFO_V1(fit_histogram_summary);

static void
bf_json_number(StringInfo buf, const char *key, double v)
{
	appendStringInfo(buf, ", \"%s\": ", key);
	if (isfinite(v))
		bf_append_double_text(buf, v);
	else
		appendStringInfoString(buf, "null");
}

/*
 * fit_histogram_summary(sketch) → jsonb: counts, min, max, moments (exact
 * for exact sketches, from bin midpoints otherwise), exactness, resolution.
 */
Datum
fit_histogram_summary(PG_FUNCTION_ARGS)
{
	BfHistogram *h = PG_GETARG_BF_HIST(0);
	BfDataSummary s;
	StringInfoData buf;

	bf_summarize(h, &s);
	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"n\": %lld, \"nan\": %lld, \"posinf\": %lld, \"neginf\": %lld",
					 (long long) bf_hist_count(h), (long long) h->n_nan,
					 (long long) h->n_posinf, (long long) h->n_neginf);
	bf_json_number(&buf, "min", h->nbins ? h->min : NAN);
	bf_json_number(&buf, "max", h->nbins ? h->max : NAN);
	bf_json_number(&buf, "mean", s.mean);
	bf_json_number(&buf, "stddev", s.sd);
	bf_json_number(&buf, "skewness", s.skew);
	bf_json_number(&buf, "kurtosis", s.kurt);
	appendStringInfo(&buf, ", \"exact\": %s, \"bins\": %d, \"level\": %d",
					 h->level == 0 ? "true" : "false", h->nbins, h->level);
	/* relative width of a bin within its binade: 2^-(52 - level) */
	bf_json_number(&buf, "relative_resolution", h->level == 0 ? 0.0 : ldexp(1.0, h->level - 52));
	/* the recording resolution the fits use by default (0: none detected) */
	bf_json_number(&buf, "resolution", bf_detect_resolution(h));
	/* every value an integer (binned sketches: no bin rules it out) */
	{
		BfFitData	fd;
		char		msg[160];

		bf_fitdata_init(&fd, h, 0);
		appendStringInfo(&buf, ", \"integer_valued\": %s",
						 h->nbins > 0 && bf_discrete_check(&fd, msg, sizeof(msg)) ? "true" : "false");
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

PG_FUNCTION_INFO_V1(bestfit_distributions);

/* A text[] from n C strings. */
static Datum
bf_text_array(const char **items, int n)
{
	Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		elems[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * bestfit_distributions() → one row per catalogue entry: name, parameter
 * names (shapes, loc, scale in scipy's order), integer-valued parameters,
 * support in words, whether it is in the default candidate set, aliases,
 * and a one-line description with its reference.
 */
Datum
bestfit_distributions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < bf_catalogue_count(); i++)
	{
		const BfDist *d = bf_catalogue_entry(i);
		Datum		values[8];
		bool		nulls[8] = {0};
		const char *names[BF_MAX_PARAMS];
		const char *ints[BF_MAX_SHAPES + 1];
		const char *aliases[8];
		int			nints = 0,
					nal = 0;

		for (int k = 0; k < bf_nparams(d); k++)
			names[k] = bf_param_name(d, k);
		for (int k = 0; k < d->nshapes; k++)
			if (bf_shape_is_integer(d, k))
				ints[nints++] = bf_param_name(d, k);
		if (d->kind == BF_DISCRETE)
			ints[nints++] = "loc";
		if (d->aliases)
		{
			char	   *copy = pstrdup(d->aliases);
			char	   *save = NULL;

			for (char *tok = strtok_r(copy, ", ", &save); tok && nal < (int) lengthof(aliases);
				 tok = strtok_r(NULL, ", ", &save))
				aliases[nal++] = tok;
		}
		values[0] = CStringGetTextDatum(d->name);
		values[1] = bf_text_array(names, bf_nparams(d));
		values[2] = bf_text_array(ints, nints);
		values[3] = CStringGetTextDatum(d->support_text ? d->support_text : "");
		values[4] = BoolGetDatum(!d->not_default);
		values[5] = bf_text_array(aliases, nal);
		values[6] = CStringGetTextDatum(d->description ? d->description : "");
		values[7] = CStringGetTextDatum(d->kind == BF_DISCRETE ? "discrete" : "continuous");
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
