/*
 * fuzz_dist.c — libFuzzer harness of distribution values as the SQL layer
 * hands them to the core.  The input is the binary form that
 * distribution_recv reads (the name as a NUL-terminated string, an int16
 * parameter count, then that many float8 in network byte order) followed
 * by one evaluation: an op byte (op & 3: pdf, cdf, sf, quantile; op >> 2:
 * the poll budget, see below) and a float8 point (x, or p for quantile).  Each value goes through the
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
 * One evaluation per input keeps the harness fast (the expensive entries,
 * levy_stable's integrals above all, dominated when every input ran pdf,
 * cdf, sf and quantile at four points: 340 executions per second).
 * Entries with integer shapes are evaluated too, under the poll budget.
 */
#include "fuzz.h"
#include "catalogue/dist_text.h"
#include "catalogue/entry.h"
#include "catalogue/model.h"
#include "harness.h"

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

static int	check_ranges = -1;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	Reader		r;
	const BfDist *d;
	double		params[BF_MAX_PARAMS];
	BfDistError err;
	int			np;
	int			op;
	double		x,
				v;

	if (check_ranges < 0)
		check_ranges = getenv("FUZZ_DIST_RANGES") != NULL;
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
	/*
	 * One evaluation per input, as one call of pdf(), cdf(), sf() or
	 * quantile() makes it, with a deterministic budget of host polls
	 * (stops after (op >> 2) * 4 polls, 0 to 252): every loop of the
	 * catalogue that can run long must poll (or the input times out), and
	 * the stop path runs too.  The work between two polls can be large
	 * under the sanitizers (irwinhall with n = 8,744: 16 levels of a
	 * 4,000-term recursion, about 2 ms): 4,032 polls timed out.
	 */
	if (r.left < 9)
		return 0;
	op = r.p[0];
	r.p++;
	r.left--;
	(void) get_double(&r, &x);
	bf_harness_request_stop((long) (op >> 2) * 4);
	switch (op & 3)
	{
		case 0:
			v = bf_model_pdf(d, params, x);
			FUZZ_CHECK(!check_ranges || !(v < 0), "%s: pdf(%g) = %g", d->name, x, v);
			break;
		case 1:
			v = bf_model_cdf(d, params, x);
			FUZZ_CHECK(!check_ranges || (!(v < 0) && !(v > 1)), "%s: cdf(%g) = %g", d->name, x, v);
			break;
		case 2:
			v = bf_model_sf(d, params, x);
			FUZZ_CHECK(!check_ranges || (!(v < 0) && !(v > 1)), "%s: sf(%g) = %g", d->name, x, v);
			break;
		case 3:
			if (x >= 0 && x <= 1)
				(void) bf_model_ppf(d, params, x);
			break;
	}
	bf_harness_request_stop(-1);
	bf_host_reset_stop();
	bf_arena_reset();
	return 0;
}
