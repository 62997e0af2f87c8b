/*
 * distribution.c — the distribution type (a catalogue entry with its
 * parameters) and the functions that evaluate it: pdf, cdf, quantile,
 * random_sample, distribution_name, distribution_params.
 *
 * Text form: name(p1=v1, p2=v2, ..., loc=v, scale=v), parameter names and
 * order as in scipy.stats; loc and scale may be omitted on input (0 and 1,
 * scipy's defaults).  Numbers print in the shortest form that reads back to
 * the same double, so text round trips are exact.
 */
#include "postgres.h"

#include <math.h>

#include <gsl/gsl_rng.h>

#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/varlena.h"

#include "pg/bestfit.h"
#include "catalogue/dist_text.h"
#include "catalogue/model.h"
#include "numerics/parse_float.h"
#include "numerics/random.h"

/*
 * Bad input as error messages quote it: s itself up to BF_QUOTE_MAX (64)
 * bytes, else its first 64 bytes cut at a character boundary of the
 * database encoding, followed by "..." (a 5,000-character name is not
 * echoed whole).
 */
const char *
bf_pg_quote(const char *s)
{
	int			len = strnlen(s, BF_QUOTE_MAX + 1);

	if (len <= BF_QUOTE_MAX)
		return s;
	return psprintf("%.*s...", pg_mbcliplen(s, len, BF_QUOTE_MAX), s);
}

/*
 * A core message (size bytes) made safe to report: the core cuts quoted
 * input at UTF-8 character boundaries (numerics/parse_float.c), which can
 * split a character of another multibyte server encoding (EUC_JP's two
 * bytes), and an invalidly encoded message fails in the error report
 * itself.  Keeps the valid prefix, followed by "..." when it cuts; returns
 * msg.
 */
char *
bf_pg_valid_text(char *msg, size_t size)
{
	int			len = strnlen(msg, size - 1);
	int			valid = pg_encoding_verifymbstr(GetDatabaseEncoding(), msg, len);

	msg[len] = '\0';
	if (valid < len)
		strlcpy(msg + valid, "...", size - valid);
	return msg;
}

/* Append x in its shortest round-trip decimal form. */
void
bf_append_double_text(StringInfo buf, double x)
{
	char		tmp[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(x, tmp);
	appendStringInfoString(buf, tmp);
}

/*
 * The hint for an unknown name: the entries whose names extend it with
 * "_" (weibull: weibull_min, weibull_max; scipy's names for the two
 * tails), else the closest name within three edits; NULL when neither.
 */
static char *
bf_name_hint(const char *name)
{
	StringInfoData buf;
	const char *best = NULL;
	int			bestd = 4;		/* suggest only within 3 edits */
	int			len = strlen(name);
	int			nprefix = 0;

	/* no entry name is longer than 63 bytes: nothing within 3 edits */
	if (len > 66)
		return NULL;
	initStringInfo(&buf);
	for (int i = 0; i < bf_catalogue_count(); i++)
	{
		const BfDist *d = bf_catalogue_entry(i);

		if (len > 0 && strncmp(d->name, name, len) == 0 && d->name[len] == '_')
		{
			appendStringInfo(&buf, "%s\"%s\"", nprefix++ ? " or " : "", d->name);
			continue;
		}
		if (nprefix == 0)
		{
			int			dist = varstr_levenshtein(name, len, d->name, strlen(d->name),
												  1, 1, 1, true);

			if (dist < bestd)
			{
				bestd = dist;
				best = d->name;
			}
		}
	}
	if (nprefix == 0 && best != NULL)
		appendStringInfo(&buf, "\"%s\"", best);
	return buf.len > 0 ? psprintf("Did you mean %s?", buf.data) : NULL;
}

/*
 * Raise the error for an unknown distribution name, pointing at the
 * listing and at the closest names when there are some.
 */
void
bf_unknown_dist(const char *name)
{
	char	   *hint = bf_name_hint(name);

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown distribution \"%s\"", bf_pg_quote(name)),
			 errdetail("The catalogue has %d distributions, named as in scipy.stats; SELECT name FROM bestfit_distributions() lists them.",
					   bf_catalogue_count()),
			 hint ? errhint("%s", hint) : 0));
}

/*
 * Entry of a stored value.  Values come from disk, dumps and other code, so
 * the version, the name's terminator and the parameter count are checked
 * on every read (the parameters were validated when the value was made).
 */
const BfDist *
bf_dist_lookup(const BfDistValue *v)
{
	const BfDist *d;

	if (v->version != BF_DIST_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid distribution value"),
				 errdetail("Version %d is not supported; this build reads version %d.",
						   v->version, BF_DIST_VERSION)));
	if (memchr(v->name, '\0', sizeof(v->name)) == NULL ||
		VARSIZE(v) != offsetof(BfDistValue, params) + sizeof(double) * Max(v->nparams, 0))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid distribution value"),
				 errdetail("The name or the size of the value is malformed.")));
	d = bf_find_dist(v->name);
	if (d == NULL || bf_nparams(d) != v->nparams)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid distribution value"),
				 errdetail("\"%s\" with %d parameters is not in the catalogue.",
						   v->name, v->nparams)));
	return d;
}

/*
 * Check that params are valid for d (bf_dist_check_params of the core:
 * shapes inside their domains and integral where they must be, loc finite,
 * scale positive and finite, the entry's joint constraints).  Raises
 * sqlstate otherwise.
 */
void
bf_check_params(const BfDist *d, const double *params, int sqlstate)
{
	BfDistError err;

	if (bf_dist_check_params(d, params, &err) != BF_OK)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg_internal("%s", err.message),
				 err.detail[0] ? errdetail_internal("%s", err.detail) : 0));
}

/* Build a distribution value (params must be valid). */
BfDistValue *
bf_make_dist(const BfDist *d, const double *params)
{
	int			np = bf_nparams(d);
	Size		size = offsetof(BfDistValue, params) + sizeof(double) * np;
	BfDistValue *v = palloc0(size);

	SET_VARSIZE(v, size);
	v->version = BF_DIST_VERSION;
	v->nparams = np;
	strlcpy(v->name, d->name, sizeof(v->name));
	if (strlen(d->name) >= sizeof(v->name))	/* no entry has such a name */
		elog(ERROR, "distribution name \"%s\" is too long to store", d->name);
	memcpy(v->params, params, sizeof(double) * np);
	return v;
}

/* The parameters as a JSON object text keyed by scipy's names. */
char *
bf_params_json(const BfDist *d, const double *params)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < bf_nparams(d); i++)
	{
		appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "", bf_param_name(d, i));
		/* NaN (an unknown standard error) is JSON's null */
		if (isnan(params[i]))
			appendStringInfoString(&buf, "null");
		else
			bf_append_double_text(&buf, params[i]);
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

PG_FUNCTION_INFO_V1(distribution_in);
PG_FUNCTION_INFO_V1(distribution_out);
PG_FUNCTION_INFO_V1(distribution_recv);
PG_FUNCTION_INFO_V1(distribution_send);

/*
 * Text input: name(shape=v, ..., loc=v, scale=v) in any parameter order;
 * shapes are required, loc and scale default to 0 and 1.  Parsed and
 * checked by the core (bf_dist_parse, src/catalogue/dist_text.c): an
 * unknown name is 22023 with a hint, malformed text 22P02, out-of-domain
 * values 22023.
 */
Datum
distribution_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	char		name[BF_DIST_NAME_MAX + 1];
	const BfDist *d;
	double		params[BF_MAX_PARAMS];
	BfDistError err;
	BfStatus	status = bf_dist_parse(str, &d, params, name, &err);

	if (status == BF_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type distribution: \"%s\"", bf_pg_quote(str)),
				 errdetail_internal("%s", bf_pg_valid_text(err.detail, sizeof(err.detail)))));
	if (status != BF_OK && d == NULL)
		bf_unknown_dist(name);
	if (status != BF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg_internal("%s", err.message),
				 err.detail[0] ? errdetail_internal("%s", err.detail) : 0));
	PG_RETURN_POINTER(bf_make_dist(d, params));
}

/* Text output in scipy order, numbers in shortest round-trip form. */
Datum
distribution_out(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	const BfDist *d = bf_dist_lookup(v);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s(", d->name);
	for (int i = 0; i < v->nparams; i++)
	{
		appendStringInfo(&buf, "%s%s=", i ? ", " : "", bf_param_name(d, i));
		bf_append_double_text(&buf, v->params[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* Binary form: name as text, then the parameter count and values. */
Datum
distribution_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	const char *name = pq_getmsgstring(msg);
	int			np = pq_getmsgint(msg, 2);
	const BfDist *d = bf_find_dist(name);
	double		params[BF_MAX_PARAMS];

	if (d == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unknown distribution \"%s\"", bf_pg_quote(name))));
	if (np != bf_nparams(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s takes %d parameters, got %d", d->name, bf_nparams(d), np)));
	for (int i = 0; i < np; i++)
		params[i] = pq_getmsgfloat8(msg);
	bf_check_params(d, params, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(bf_make_dist(d, params));
}

/* Binary output: name, parameter count, parameters. */
Datum
distribution_send(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendstring(&buf, v->name);
	pq_sendint16(&buf, v->nparams);
	for (int i = 0; i < v->nparams; i++)
		pq_sendfloat8(&buf, v->params[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------------
 * Evaluation
 * ------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(distribution_pdf);
PG_FUNCTION_INFO_V1(distribution_cdf);
PG_FUNCTION_INFO_V1(distribution_quantile);
PG_FUNCTION_INFO_V1(distribution_random_sample);
PG_FUNCTION_INFO_V1(distribution_name);
PG_FUNCTION_INFO_V1(distribution_params);

/*
 * The catalogue's functions poll the host (series, quadrature, root
 * finding): each evaluation below starts with no stop pending and re-raises
 * the cancel or timeout that made the core stop (src/pg/host.c).
 */

/* pdf(distribution, x): density at x (0 outside the support). */
Datum
distribution_pdf(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	double		x = PG_GETARG_FLOAT8(1);
	const BfDist *d = bf_dist_lookup(v);
	double		res;

	if (d->kind == BF_DISCRETE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s is a discrete distribution: it has a pmf, not a pdf", d->name),
				 errhint("Use pmf(distribution, k), as scipy.stats does.")));
	if (isnan(x))
		PG_RETURN_FLOAT8(NAN);
	bf_host_reset_stop();
	res = bf_model_pdf(d, v->params, x);
	bf_pg_rethrow_stop();
	PG_RETURN_FLOAT8(res);
}

PG_FUNCTION_INFO_V1(distribution_pmf);

/*
 * pmf(distribution, k): P(X = k) of a discrete distribution (0 at
 * non-integer k and outside the support, as scipy.stats pmf); an error for
 * a continuous one, which has a pdf.
 */
Datum
distribution_pmf(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	double		x = PG_GETARG_FLOAT8(1);
	const BfDist *d = bf_dist_lookup(v);
	double		res;

	if (d->kind != BF_DISCRETE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s is a continuous distribution: it has a pdf, not a pmf", d->name),
				 errhint("Use pdf(distribution, x).")));
	if (isnan(x))
		PG_RETURN_FLOAT8(NAN);
	bf_host_reset_stop();
	res = exp(bf_model_logpdf(d, v->params, x));
	bf_pg_rethrow_stop();
	PG_RETURN_FLOAT8(res);
}

/* cdf(distribution, x): P(X <= x). */
Datum
distribution_cdf(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	double		x = PG_GETARG_FLOAT8(1);
	const BfDist *d = bf_dist_lookup(v);
	double		res;

	if (isnan(x))
		PG_RETURN_FLOAT8(NAN);
	bf_host_reset_stop();
	res = bf_model_cdf(d, v->params, x);
	bf_pg_rethrow_stop();
	PG_RETURN_FLOAT8(res);
}

/* quantile(distribution, p): the inverse cdf for p in [0, 1]. */
Datum
distribution_quantile(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	double		p = PG_GETARG_FLOAT8(1);
	const BfDist *d = bf_dist_lookup(v);
	double		res;

	if (isnan(p))
		PG_RETURN_FLOAT8(NAN);
	if (p < 0 || p > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile probability %g is outside [0, 1]", p)));
	bf_host_reset_stop();
	res = bf_model_ppf(d, v->params, p);
	bf_pg_rethrow_stop();
	PG_RETURN_FLOAT8(res);
}

/*
 * GSL's MT19937 seeded with the 64 bits of seed (GSL seeds are unsigned
 * long), for random_sample and gof_test; free it with gsl_rng_free.  Out of
 * memory is an error.
 */
gsl_rng *
bf_pg_rng_create(int64 seed)
{
	gsl_rng    *rng = gsl_rng_alloc(gsl_rng_mt19937);

	if (rng == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory allocating a random number generator")));
	gsl_rng_set(rng, (unsigned long) seed);
	return rng;
}

/*
 * random_sample(distribution, count, seed): count draws by inverse-transform
 * sampling, u from GSL's MT19937 seeded with seed, so a seed reproduces the
 * same sample.  Interrupts are checked before every draw (a draw can cost
 * milliseconds: studentized_range, kstwo) and inside it (the core's polls).
 */
Datum
distribution_random_sample(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	int32		count = PG_GETARG_INT32(1);
	int64		seed = PG_GETARG_INT64(2);
	const BfDist *d = bf_dist_lookup(v);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	gsl_rng    *volatile rng = NULL;

	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("random_sample count must not be negative")));
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	bf_host_reset_stop();
	PG_TRY();
	{
		rng = bf_pg_rng_create(seed);
		for (int32 i = 0; i < count; i++)
		{
			Datum		value;
			bool		isnull = false;
			double		u = bf_uniform53(rng);

			CHECK_FOR_INTERRUPTS();
			value = Float8GetDatum(bf_model_ppf(d, v->params, u));
			bf_pg_rethrow_stop();
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
		}
	}
	PG_FINALLY();
	{
		if (rng)
			gsl_rng_free(rng);
	}
	PG_END_TRY();
	return (Datum) 0;
}

/* distribution_name(distribution): the scipy.stats name. */
Datum
distribution_name(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);

	PG_RETURN_TEXT_P(cstring_to_text(bf_dist_lookup(v)->name));
}

/* distribution_params(distribution): jsonb keyed by scipy names. */
Datum
distribution_params(PG_FUNCTION_ARGS)
{
	BfDistValue *v = PG_GETARG_BF_DIST(0);
	const BfDist *d = bf_dist_lookup(v);

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in,
										CStringGetDatum(bf_params_json(d, v->params))));
}
