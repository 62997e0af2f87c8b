/*
 * fuzz_dist_text.c — libFuzzer harness of the distribution text form: the
 * input (as a C string, cut at its first NUL as the server's cstring is)
 * goes through bf_dist_parse (src/catalogue/dist_text.c), the grammar and
 * checks that distribution_in calls.  A rejected input must come with a
 * status and a non-empty message (BF_SYNTAX: a detail; BF_INVALID: an
 * unknown name, or a message naming the bad parameter); an accepted one
 * must pass bf_dist_check_params and read back from its text form, as
 * distribution_out writes it (with %.17g instead of the shortest form:
 * both read back to the same double), to the same entry and the same
 * parameter bits.
 */
#include "fuzz.h"
#include "catalogue/dist_text.h"

/* d's text form with params, as distribution_out writes it (malloc'd) */
static char *
dist_text(const BfDist *d, const double *params)
{
	size_t		cap = 64 + (size_t) bf_nparams(d) * (BF_DIST_NAME_MAX + 32);
	char	   *buf = malloc(cap);
	size_t		len = snprintf(buf, cap, "%s(", d->name);

	for (int i = 0; i < bf_nparams(d); i++)
		len += snprintf(buf + len, cap - len, "%s%s=%.17g", i ? ", " : "",
						bf_param_name(d, i), params[i]);
	snprintf(buf + len, cap - len, ")");
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	char		name[BF_DIST_NAME_MAX + 1];
	double		params[BF_MAX_PARAMS];
	const BfDist *d = NULL;
	BfDistError err;
	BfStatus	st;

	memcpy(text, data, size);
	text[size] = '\0';
	st = bf_dist_parse(text, &d, params, name, &err);
	FUZZ_CHECK(memchr(name, '\0', sizeof(name)) != NULL, "name not terminated");
	if (st == BF_OK)
	{
		char	   *back_text;
		double		back[BF_MAX_PARAMS];
		const BfDist *back_d = NULL;

		FUZZ_CHECK(d != NULL, "accepted without an entry");
		FUZZ_CHECK(bf_dist_check_params(d, params, NULL) == BF_OK, "accepted invalid parameters");
		back_text = dist_text(d, params);
		FUZZ_CHECK(bf_dist_parse(back_text, &back_d, back, name, &err) == BF_OK,
				   "the text form of a valid value is rejected: %s (%s)", err.detail, back_text);
		FUZZ_CHECK(back_d == d &&
				   memcmp(back, params, sizeof(double) * bf_nparams(d)) == 0,
				   "text round trip changed the value: %s", back_text);
		free(back_text);
	}
	else if (st == BF_SYNTAX)
	{
		FUZZ_CHECK(d == NULL, "a syntax error returned an entry");
		fuzz_check_msg(err.detail, sizeof(err.detail));
	}
	else
	{
		FUZZ_CHECK(st == BF_INVALID, "status %d", (int) st);
		if (d == NULL)
			FUZZ_CHECK(bf_find_dist(name) == NULL, "known name \"%s\" reported unknown", name);
		else
			fuzz_check_msg(err.message, sizeof(err.message));
	}
	bf_arena_reset();
	free(text);
	return 0;
}
