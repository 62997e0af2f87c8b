/*
 * fuzz_hist_binary.c — libFuzzer harness of the fit_histogram binary
 * forms.  The first input byte picks the path, the rest is the value:
 *   even: fit_histogram_recv — the wire format (src/sketch/wire.h),
 *         decoded and validated by the core's bf_hist_from_wire, the
 *         function fit_histogram_recv calls; what it accepts must encode
 *         back (bf_hist_to_wire, fit_histogram_send's) to the same bytes;
 *   odd:  fit_histogram_deserialize — the bytes are the value itself (the
 *         serialized aggregate state), copied to a buffer of exactly their
 *         size (so that AddressSanitizer sees any read past them), then
 *         bf_hist_validate, then the state rebuilt by bf_state_merge_hist.
 * What validation accepts must summarise, roll up and read back from its
 * text form (fuzz.h).
 */
#include "fuzz.h"
#include "sketch/wire.h"

static void
check_accepted(const BfHistogram *h)
{
	fuzz_check_summary(h);
	fuzz_check_rollup(h);
	fuzz_check_text_roundtrip(h);
}

/*
 * fit_histogram_recv: the core's decoder (bf_hist_from_wire, which
 * validates), reading from a buffer of exactly the input's size; what it
 * accepts must encode back to the bytes it read (fit_histogram_send).
 */
static void
run_recv(const uint8_t *data, size_t size)
{
	uint8_t    *buf = malloc(size > 0 ? size : 1);
	BfHistogram *h = NULL;
	size_t		used = 0;
	char		msg[256];
	BfStatus	st;

	memcpy(buf, data, size);
	st = bf_hist_from_wire(buf, size, &used, &h, msg, sizeof(msg));
	if (st != BF_OK)
	{
		FUZZ_CHECK(st == BF_SYNTAX || st == BF_INVALID, "status %d", (int) st);
		FUZZ_CHECK(h == NULL, "a rejected value was returned");
		fuzz_check_msg(msg, sizeof(msg));
	}
	else
	{
		uint8_t    *back = malloc(BF_HIST_WIRE_SIZE(h->nbins));
		size_t		n = bf_hist_to_wire(h, back);

		FUZZ_CHECK(used <= size && n == used && n == BF_HIST_WIRE_SIZE(h->nbins),
				   "decoded %zu bytes, encoded %zu", used, n);
		FUZZ_CHECK(memcmp(back, buf, n) == 0, "send(recv(bytes)) differs from the bytes");
		free(back);
		check_accepted(h);
	}
	free(buf);
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
