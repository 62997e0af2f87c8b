/*
 * fuzz_hist_text.c — libFuzzer harness of the fit_histogram text form:
 * the input (as a C string, cut at its first NUL as the server's cstring
 * is) goes through bf_hist_parse, the core of fit_histogram_in.  A
 * rejected input must come with a status and a message; an accepted one
 * must pass bf_hist_validate, read back from its own text form to the same
 * bytes, summarise and roll up (fuzz.h).
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	BfHistogram *h = NULL;
	char		msg[256];
	BfStatus	st;

	memcpy(text, data, size);
	text[size] = '\0';
	st = bf_hist_parse(text, &h, msg, sizeof(msg));
	if (st == BF_OK)
	{
		size_t		hsize = BF_HIST_SIZE(h->nbins);
		int32_t		len;

		memcpy(&len, h, sizeof(len));
		FUZZ_CHECK((size_t) len == hsize, "length word %d, size %zu", len, hsize);
		FUZZ_CHECK(bf_hist_validate(h, hsize, msg, sizeof(msg)) == BF_OK,
				   "parsed but invalid: %s", msg);
		fuzz_check_text_roundtrip(h);
		fuzz_check_summary(h);
		fuzz_check_rollup(h);
	}
	else
	{
		FUZZ_CHECK(st == BF_SYNTAX || st == BF_INVALID, "status %d", (int) st);
		fuzz_check_msg(msg, sizeof(msg));
	}
	bf_arena_reset();
	free(text);
	return 0;
}
