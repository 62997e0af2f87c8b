/*
 * fuzz_hist_binary.c — libFuzzer harness of the fit_histogram binary
 * forms.  The first input byte picks the path, the rest is the value:
 *   even: fit_histogram_recv — the wire format (network byte order: version
 *         byte, flags byte, int16 level, int32 nbins, int64 nan, posinf,
 *         neginf, float8 min, max, then nbins (int64 key, int64 count)
 *         pairs), decoded into a value exactly as src/pg/histogram.c does
 *         (a message too short for its fields is an error there, and is
 *         skipped here), then bf_hist_validate;
 *   odd:  fit_histogram_deserialize — the bytes are the value itself (the
 *         serialized aggregate state), copied to a buffer of exactly their
 *         size (so that AddressSanitizer sees any read past them), then
 *         bf_hist_validate, then the state rebuilt by bf_state_merge_hist.
 * What validation accepts must summarise, roll up and read back from its
 * text form (fuzz.h).
 */
#include "fuzz.h"

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
	int			ok;
} Reader;

static uint64_t
get_be(Reader *r, int nbytes)
{
	uint64_t	v = 0;

	if (r->left < (size_t) nbytes)
	{
		r->ok = 0;
		return 0;
	}
	for (int i = 0; i < nbytes; i++)
		v = (v << 8) | r->p[i];
	r->p += nbytes;
	r->left -= nbytes;
	return v;
}

static void
check_accepted(const BfHistogram *h)
{
	fuzz_check_summary(h);
	fuzz_check_rollup(h);
	fuzz_check_text_roundtrip(h);
}

/* fit_histogram_recv's decoding, then validation */
static void
run_recv(const uint8_t *data, size_t size)
{
	Reader		r = {data, size, 1};
	int			version = (int) get_be(&r, 1);
	int			flags = (int) get_be(&r, 1);
	int			level = (int) (uint16_t) get_be(&r, 2);	/* pq_getmsgint(msg, 2) is unsigned */
	int			nbins = (int) (int32_t) (uint32_t) get_be(&r, 4);
	BfHistogram *h;
	int64_t    *keys;
	int64_t    *counts;
	char		msg[256];
	uint64_t	bits;

	if (!r.ok || nbins < 0 || nbins > BF_MAX_BINS)
		return;					/* errors raised before the value is built */
	h = bf_alloc0(BF_HIST_SIZE(nbins));
	bf_set_value_size(h, BF_HIST_SIZE(nbins));
	h->version = version;
	h->flags = flags;
	h->level = level;
	h->nbins = nbins;
	h->n_nan = (int64_t) get_be(&r, 8);
	h->n_posinf = (int64_t) get_be(&r, 8);
	h->n_neginf = (int64_t) get_be(&r, 8);
	bits = get_be(&r, 8);
	memcpy(&h->min, &bits, 8);
	bits = get_be(&r, 8);
	memcpy(&h->max, &bits, 8);
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	for (int i = 0; i < nbins && r.ok; i++)
	{
		keys[i] = (int64_t) get_be(&r, 8);
		counts[i] = (int64_t) get_be(&r, 8);
	}
	if (!r.ok)
		return;					/* pq_getmsg*: insufficient data left in message */
	if (bf_hist_validate(h, BF_HIST_SIZE(nbins), msg, sizeof(msg)) != BF_OK)
	{
		fuzz_check_msg(msg, sizeof(msg));
		return;
	}
	check_accepted(h);
}

/* fit_histogram_deserialize: the bytes are the value */
static void
run_deserialize(const uint8_t *data, size_t size)
{
	BfHistogram *h;
	char		msg[256];
	BfState    *st;
	BfHistogram *out;

	if (size < sizeof(BfHistogram))
		return;					/* "shorter than its header" */
	h = malloc(size);			/* malloc is maximally aligned, as palloc */
	memcpy(h, data, size);
	if (bf_hist_validate(h, size, msg, sizeof(msg)) != BF_OK)
		fuzz_check_msg(msg, sizeof(msg));
	else
	{
		st = bf_state_create();
		FUZZ_CHECK(bf_state_merge_hist(st, h) == BF_OK, "deserialize: merge failed");
		/* the final function validates what it returns */
		out = bf_state_to_hist(st);
		FUZZ_CHECK(bf_hist_validate(out, BF_HIST_SIZE(out->nbins), msg, sizeof(msg)) == BF_OK,
				   "deserialize: final value invalid: %s", msg);
		check_accepted(h);
	}
	free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] % 2 == 0)
		run_recv(data + 1, size - 1);
	else
		run_deserialize(data + 1, size - 1);
	bf_arena_reset();
	return 0;
}
