/*
 * fuzz_dist.c — libFuzzer harness of distribution values as the SQL layer
 * hands them to the core.  The input is the binary form that
 * distribution_recv reads (the name as a NUL-terminated string, an int16
 * parameter count, then that many float8 in network byte order) followed
 * by evaluation points (float8 x, float8 p).  Each value goes through the
 * core's part of both input paths: the catalogue lookup of an arbitrary
 * name (bf_find_dist), the parameter count, and the checks that
 * distribution_recv and distribution_in run (bf_dist_check_params,
 * src/catalogue/dist_text.c: shapes inside their domains and integer where
 * they must be, loc finite, scale positive and finite, the entry's own
 * constraints); what they accept is evaluated as pdf, cdf, sf and quantile
 * are (src/catalogue/model.h).  The text grammar is fuzz_dist_text.c's.
 *
 * With FUZZ_DIST_RANGES=1, pdf >= 0 and cdf, sf in [0, 1] are checked
 * too (off by default: a wrong value is not a memory or UB error, and the
 * catalogue's values at the extremes are another part of issue 11).
 *
 * Entries with integer shapes are looked up and checked but not
 * evaluated: their unbounded loops and casts of shapes above INT_MAX are
 * another part of issue 11 (helper H1); set FUZZ_DIST_INTEGER=1 to
 * evaluate them too.
 */
#include "fuzz.h"
#include "catalogue/dist_text.h"
#include "catalogue/entry.h"
#include "catalogue/model.h"

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static int
get_double(Reader *r, double *x)
{
	uint64_t	v = 0;

	if (r->left < 8)
		return 0;
	for (int i = 0; i < 8; i++)
		v = (v << 8) | r->p[i];
	r->p += 8;
	r->left -= 8;
	memcpy(x, &v, sizeof(*x));
	return 1;
}

static int	evaluate_integer = -1;
static int	check_ranges = 0;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	Reader		r;
	const BfDist *d;
	double		params[BF_MAX_PARAMS];
	BfDistError err;
	int			np;

	if (evaluate_integer < 0)
	{
		evaluate_integer = getenv("FUZZ_DIST_INTEGER") != NULL;
		check_ranges = getenv("FUZZ_DIST_RANGES") != NULL;
	}
	if (nul == NULL)
		return 0;				/* pq_getmsgstring: invalid string in message */
	d = bf_find_dist((const char *) data);
	if (d == NULL)
		return 0;
	FUZZ_CHECK(strlen(d->name) < 64, "an entry name does not fit a value");
	r.p = nul + 1;
	r.left = size - (size_t) (nul + 1 - data);
	if (r.left < 2)
		return 0;
	np = (r.p[0] << 8) | r.p[1];
	r.p += 2;
	r.left -= 2;
	if (np != bf_nparams(d))
		return 0;
	FUZZ_CHECK(np <= BF_MAX_PARAMS, "%s has %d parameters", d->name, np);
	for (int i = 0; i < np; i++)
		if (!get_double(&r, &params[i]))
			return 0;
	/* the checks of distribution_recv (bf_check_params) */
	if (bf_dist_check_params(d, params, &err) != BF_OK)
	{
		fuzz_check_msg(err.message, sizeof(err.message));
		return 0;
	}
	if (bf_has_integer_shapes(d) && !evaluate_integer)
		return 0;
	/* at most four evaluation points, as pdf(), cdf() and quantile() take them */
	for (int k = 0; k < 4; k++)
	{
		double		x,
					p;

		if (!get_double(&r, &x))
			break;
		if (!isnan(x))
		{
			double		pdf = bf_model_pdf(d, params, x);
			double		cdf = bf_model_cdf(d, params, x);
			double		sf = bf_model_sf(d, params, x);

			/* values outside their ranges: opt-in (wrong values, not memory errors) */
			FUZZ_CHECK(!check_ranges ||
					   (!(pdf < 0) && !(cdf < 0) && !(cdf > 1) && !(sf < 0) && !(sf > 1)),
					   "%s at %g: pdf %g cdf %g sf %g", d->name, x, pdf, cdf, sf);
		}
		if (!get_double(&r, &p))
			break;
		if (p >= 0 && p <= 1)
			(void) bf_model_ppf(d, params, p);
	}
	bf_arena_reset();
	return 0;
}
