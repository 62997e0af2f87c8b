/*
 * cateval.c — stand-alone evaluator of the catalogue, for test/reference.py
 * --harness (accuracy checks without a server, e.g. while writing a new
 * entry).  Built by `make test/cateval`; links the core (src/catalogue/,
 * src/numerics/, ...; no PostgreSQL API) with test/unit/host.c.
 *
 * Input, one request per line:  name v1 ... vk x p
 *   name   scipy name (or alias); v1..vk its shapes, loc and scale
 *   x, p   the point for pdf and cdf, the probability for the quantile;
 *          "nan" for none
 * Output, one line per request: pdf, cdf, quantile, sf separated by \x1f,
 * each %.17g, empty where the input was nan (for a discrete entry the pdf
 * column is its pmf); "ERROR ..." for an unknown name or
 * a wrong number of values.  Evaluated by the model wrapper
 * (src/catalogue/model.h), as the SQL functions do.  Also: "list" prints
 * every entry's name,
 * parameter names and support text; "cost" prints every entry's mean time
 * per logpdf and per cdf call in microseconds (at the middle of its start
 * grid, shapes 1 otherwise, over its 1% .. 99% quantiles), which tells
 * which entries the engine should treat as expensive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "catalogue/model.h"
#include "harness.h"

static void
put(double v, int last)
{
	if (isnan(v))
		printf("NaN");
	else if (isinf(v))
		printf(v > 0 ? "Infinity" : "-Infinity");
	else
		printf("%.17g", v);
	putchar(last ? '\n' : '\x1f');
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* "cost": mean microseconds per logpdf and cdf call of every entry */
static void
cost(void)
{
	for (int i = 0; i < bf_catalogue_count(); i++)
	{
		const BfDist *e = bf_catalogue_entry(i);
		double		sh[BF_MAX_PARAMS];
		double		z[99];
		double		t0,
					t1,
					t2,
					sink = 0;
		int			reps = 0;

		for (int k = 0; k < e->nshapes; k++)
		{
			const BfDomain *dom = bf_shape_domain(e, k);

			sh[k] = BF_HINT(e, ngrid)[k] > 0 ? BF_HINT(e, grid)[k][BF_HINT(e, ngrid)[k] / 2] : 1.0;
			if (!(sh[k] > dom->lo && sh[k] < dom->hi) &&
				!(sh[k] == dom->lo && dom->lo_closed) && !(sh[k] == dom->hi && dom->hi_closed))
				sh[k] = isfinite(dom->hi) ? 0.5 * (dom->lo + dom->hi) : dom->lo + 1;
		}
		/* shapes that break a joint constraint (randint's 1 < 1): shift them apart */
		for (int k = 0; k < e->nshapes && bf_entry_argcheck(e, sh) != NULL; k++)
			sh[k] += k;
		for (int j = 0; j < 99; j++)
			z[j] = bf_entry_ppf(e, (j + 1) / 100.0, sh);
		t0 = now_us();
		do
		{
			for (int j = 0; j < 99; j++)
				sink += bf_entry_logpdf(e, z[j], sh);
			reps++;
		} while (now_us() - t0 < 2e4);
		t1 = now_us();
		for (int r = 0; r < reps; r++)
			for (int j = 0; j < 99; j++)
				sink += bf_entry_cdf(e, z[j], sh);
		t2 = now_us();
		printf("%s\t%.3g\t%.3g%s\n", e->name, (t1 - t0) / (99.0 * reps),
			   (t2 - t1) / (99.0 * reps), isnan(sink) ? "\t(NaN seen)" : "");
		fflush(stdout);
	}
}

int
main(void)
{
	char		line[4096];

	gsl_set_error_handler_off();
	while (fgets(line, sizeof(line), stdin))
	{
		char	   *tok = strtok(line, " \t\n");
		double		v[BF_MAX_PARAMS + 2];
		int			n = 0;
		const BfDist *d;

		if (tok == NULL)
			continue;
		if (strcmp(tok, "cost") == 0)
		{
			cost();
			continue;
		}
		if (strcmp(tok, "list") == 0)
		{
			for (int i = 0; i < bf_catalogue_count(); i++)
			{
				const BfDist *e = bf_catalogue_entry(i);

				printf("%s", e->name);
				for (int k = 0; k < e->nshapes; k++)
					printf("%c%s", k ? ',' : '\t', bf_param_name(e, k));
				printf("%s\t%s\t%s\n", e->nshapes ? "" : "\t", e->support_text ? e->support_text : "?",
					   e->aliases ? e->aliases : "");
			}
			fflush(stdout);
			continue;
		}
		d = bf_find_dist(tok);
		while ((tok = strtok(NULL, " \t\n")) != NULL && n < BF_MAX_PARAMS + 2)
			v[n++] = strtod(tok, NULL);
		if (d == NULL)
		{
			printf("ERROR unknown distribution\n");
			fflush(stdout);
			continue;
		}
		if (n != bf_nparams(d) + 2)
		{
			printf("ERROR expected %d values\n", bf_nparams(d) + 2);
			fflush(stdout);
			continue;
		}
		{
			double		x = v[n - 2],
						p = v[n - 1];

			if (isnan(x))
				printf("\x1f\x1f");
			else
			{
				put(bf_model_pdf(d, v, x), 0);
				put(bf_model_cdf(d, v, x), 0);
			}
			if (isnan(p))
				printf("\x1f");
			else
				put(bf_model_ppf(d, v, p), 0);
			if (isnan(x))
				printf("\n");
			else
				put(bf_model_sf(d, v, x), 1);
		}
		fflush(stdout);
		bf_arena_reset();
	}
	return 0;
}
