/*
 * fitprof.c — where a fit's time goes, without a server: fits catalogue
 * entries to stored sketches and prints, per (sketch, entry), the CPU time
 * of the fit (this thread's, so other load on the machine hardly matters),
 * the likelihood evaluations it spent, its log-likelihood and status.  Not
 * a test; a tool for work on the engine (issue 8).  Built by
 * `make test/bench/fitprof`; links the core with test/unit/host.c.
 *
 *   test/bench/fitprof [-e entry,entry,...] [-d] [-r repeats] [-p] [-s] [-m] [-w] [-R|-V] [-N] [-F p,p,...] sketch.txt ...
 *
 * Each file holds one sketch in its text form (SELECT h::text ...).  Without
 * -e the default candidate set is fitted (-d: the default discrete set).
 * Discrete entries are fitted to the values themselves (resolution 0, as
 * the SQL layer fits them).  Output: tab-separated lines
 *   sketch  entry  cpu_ms  evaluations  loglik  status
 * with cpu_ms the median of the repeats (default 1); -p appends the fitted
 * parameters (shapes, loc, scale; %.17g, comma-separated) as a seventh column,
 * -s their standard errors (params_se; NaN where none) as the next one, -m
 * the metrics (ks_statistic, ks_pvalue, ad, cvm, chisq, chisq_pvalue, sse;
 * %.17g, comma-separated) as the next one, -w whether the fit is clean or
 * degenerate (flagged: what best_fit passes over; "-" when not fitted) as
 * the next one, -b the bins (or exact values) of all the likelihoods the
 * fit evaluated (bf_bins_evaluated: a measure of its work that does not
 * drift with the machine's speed, for comparing builds) as the last one.
 * Without -e, a last line per sketch gives best_fit's choice:
 *   #best  sketch  cpu_ms (the sum)  winner  its AIC
 * -R fits as best_fit does, with its race (src/fit/race.c) and without the
 * metrics and standard errors, which best_fit does not use: the entries that
 * do not enter it first, then the entrants against their bar (an entrant
 * dropped, or passed over at a family's limit, says so in its status; when
 * no fit is clean the passed-over ones are fitted again in full, "refitted").
 * An entry whose fit is an earlier entry's (src/fit/twins.c: vonmises_line,
 * vonmises) gets that fit, copied, with cpu_ms 0, as the SQL layer does.
 * -V gives the entrants the race with an
 * infinite bar: nothing is dropped, and BESTFIT_DEBUG=1 prints each one's
 * bound (to check it against the log-likelihood the fit reached).
 * After the fits of a sketch, an entry whose fit is below one of its own
 * special case's (src/fit/nesting.c) is refitted from it, as the SQL
 * functions do, and printed again with "(refitted from a special case)"
 * and its cpu_ms the fit's and the refit's together; -N skips that pass.
 * -F fixes parameters (with one -e entry: its shapes, loc and scale in
 * order, comma-separated, "nan" for a free one): every parameter fixed gives
 * the log-likelihood at that point.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "fit/fit.h"
#include "sketch/point_mass.h"
#include "sketch/resolution.h"
#include "harness.h"

static char *
slurp(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	long		n;
	char	   *buf;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (fread(buf, 1, n, f) != (size_t) n)
	{
		perror(path);
		exit(2);
	}
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	fclose(f);
	return buf;
}

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* Is entry d in the comma-separated list (NULL: the default set of kind)? */
static int
selected(const BfDist *d, const char *list, BfKind kind)
{
	size_t		len = strlen(d->name);

	if (list == NULL)
		return !d->not_default && d->kind == kind;
	for (const char *p = list; p && *p; p = strchr(p, ','), p = p ? p + 1 : NULL)
		if (strncmp(p, d->name, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return 1;
	return 0;
}

/* the output flags (see the header) */
static int	params = 0,
			ses = 0,
			metrics = 0,
			flags = 0,
			bins = 0;

/*
 * A fresh arena, the sketch parsed from text and its ladder at the SQL
 * default resolution (the detected one; 0 for discrete entries), and every
 * parameter free in fixed (when not NULL); false, with the reason printed
 * for path, when the text is not a sketch.
 */
static bool
prepare(const char *text, const char *path, bool discrete, BfLadder *ladder, double *fixed)
{
	BfHistogram *h;
	char		msg[256];
	double		q;

	bf_arena_reset();
	if (bf_hist_parse(text, &h, msg, sizeof(msg)) != BF_OK)
	{
		fprintf(stderr, "%s: %s\n", path, msg);
		return false;
	}
	q = discrete ? 0 : bf_detect_resolution(h);
	bf_debug(1, "bestfit: %s: level %d, resolution %.17g", path, h->level, q);
	if (!discrete)
	{
		/* the continuous fits' sketch: without its point masses, as in SQL */
		BfPointMasses pm;

		h = (BfHistogram *) bf_without_point_masses(h, q, &pm);
		if (pm.n > 0)
		{
			bf_point_masses_warning(&pm, msg, sizeof(msg));
			bf_debug(1, "bestfit: %s: %s", path, msg);
		}
	}
	bf_ladder_init(ladder, h, q);
	for (int k = 0; fixed != NULL && k < BF_MAX_PARAMS; k++)
		fixed[k] = NAN;
	return true;
}

/*
 * -F: the parameters in list (comma-separated, in the entry's order: shapes,
 * loc, scale; "nan" or an empty field for a free one) into fixed
 */
static void
parse_fixed(const char *list, double *fixed)
{
	for (int k = 0; list != NULL && *list != '\0' && k < BF_MAX_PARAMS; k++)
	{
		char	   *end;
		double		v = strtod(list, &end);

		if (end != list)
			fixed[k] = v;
		list = strchr(end, ',');
		if (list == NULL)
			break;
		list++;
	}
}

/* one output line */
static void
print_fit(const char *base, const BfDist *d, double ms, const BfFitResult *res, unsigned long work)
{
	printf("%s\t%s\t%.2f\t%d\t%.10g\t%s", base, d->name, ms,
		   res->evaluations, res->ok ? res->loglik : NAN, res->status);
	if (params)
		for (int k = 0; k < d->nshapes + 2; k++)
			printf("%c%.17g", k ? ',' : '\t', res->params[k]);
	if (ses)
		for (int k = 0; k < d->nshapes + 2; k++)
			printf("%c%.6g", k ? ',' : '\t', res->se[k]);
	if (metrics)
		printf("\t%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g", res->ks, res->ks_pvalue,
			   res->ad, res->cvm, res->chisq, res->chisq_pvalue, res->sse);
	if (flags)
		printf("\t%s", !res->ok ? "-" : res->degenerate ? "degenerate" : "clean");
	if (bins)
		printf("\t%lu", work);
	printf("\n");
	fflush(stdout);
}

/* is d's same_law entry (src/fit/twins.c) among the entries fitted too? */
static bool
same_law_selected(const BfDist *d, const char *list, BfKind kind)
{
	const BfDist *o = BF_HINT(d, same_law) ? bf_find_dist(BF_HINT(d, same_law)) : NULL;

	return o != NULL && BF_HINT(o, same_law) == NULL && selected(o, list, kind);
}

int
main(int argc, char **argv)
{
	const char *list = NULL;
	int			repeats = 1;
	int			race = 0;		/* 1: -R, 2: -V */
	int			nonest = 0;		/* -N: no refits from special cases */
	const char *fixlist = NULL; /* -F: fixed parameters */
	BfKind		kind = BF_CONTINUOUS;
	int			i = 1;

	gsl_set_error_handler_off();
	for (; i < argc && argv[i][0] == '-'; i++)
	{
		if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
			list = argv[++i];
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			repeats = atoi(argv[++i]);
		else if (strcmp(argv[i], "-p") == 0)
			params = 1;
		else if (strcmp(argv[i], "-s") == 0)
			ses = 1;
		else if (strcmp(argv[i], "-m") == 0)
			metrics = 1;
		else if (strcmp(argv[i], "-w") == 0)
			flags = 1;
		else if (strcmp(argv[i], "-b") == 0)
			bins = 1;
		else if (strcmp(argv[i], "-d") == 0)
			kind = BF_DISCRETE;
		else if (strcmp(argv[i], "-R") == 0)
			race = 1;
		else if (strcmp(argv[i], "-V") == 0)
			race = 2;
		else if (strcmp(argv[i], "-N") == 0)
			nonest = 1;
		else if (strcmp(argv[i], "-F") == 0 && i + 1 < argc)
			fixlist = argv[++i];
		else
		{
			fprintf(stderr, "usage: %s [-e entry,...] [-d] [-r repeats] [-p] [-s] [-m] [-w] [-b] [-R|-V] [-N] [-F p,p,...] sketch.txt ...\n", argv[0]);
			return 2;
		}
	}
	if (repeats < 1 || repeats > 99)
		repeats = 1;
	for (; i < argc; i++)
	{
		char	   *text = slurp(argv[i]);
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		BfFitResult *all = calloc(bf_catalogue_count(), sizeof(BfFitResult));
		double	   *own = calloc(bf_catalogue_count(), sizeof(double));	/* each fit's cpu_ms */
		int			nall = 0;
		double		total = 0;
		BfRace		rc = {INFINITY, INFINITY, race == 1};

		/* -R, -V: the entrants of the race after the others (phase 1) */
		for (int phase = race ? 0 : 1; phase < 2; phase++)
		for (int e = 0; e < bf_catalogue_count(); e++)
		{
			const BfDist *d = bf_catalogue_entry(e);
			double		times[99];
			unsigned long work = 0;
			BfFitResult res;
			int			twin;

			if (!selected(d, list, kind))
				continue;
			/* fitted from its same_law entry after the others (src/fit/twins.c), as the SQL layer does */
			if (same_law_selected(d, list, kind))
				continue;
			if (race && (phase == 1) != bf_race_entrant(d))
				continue;
			if (race == 1 && phase == 1 && isinf(rc.bar) && nall > 0)
				rc.bar = bf_race_bar(all, nall);
			/* a twin of an entry fitted already (src/fit/twins.c): its fit, copied, as the SQL layer does */
			twin = -1;
			for (int j = 0; j < nall && twin < 0; j++)
				if (all[j].dist != NULL && bf_same_fit(all[j].dist, d))
					twin = j;
			for (int r = 0; r < repeats && twin >= 0; r++)
				times[r] = 0;
			if (twin >= 0)
			{
				res = all[twin];
				res.dist = d;
			}
			for (int r = 0; r < repeats && twin < 0; r++)
			{
				BfLadder	ladder;
				double		fixed[BF_MAX_PARAMS];
				double		t0;
				unsigned long b0;

				if (!prepare(text, argv[i], d->kind == BF_DISCRETE, &ladder, fixed))
					return 2;
				parse_fixed(fixlist, fixed);
				memset(&res, 0, sizeof(res));
				rc.slack = ladder.race_slack;
				rc.slack_first = ladder.race_slack_first;
				t0 = cpu_ms();
				b0 = bf_bins_evaluated;
				bf_fit_one_raced(ladder.rungs, ladder.n, d, fixed, race ? &rc : NULL,
								 race == 1 ? 0 : BF_OUT_ALL, &res);
				times[r] = cpu_ms() - t0;
				work = bf_bins_evaluated - b0;
			}
			qsort(times, repeats, sizeof(double), cmp_double);
			print_fit(base, d, times[repeats / 2], &res, work);
			total += times[repeats / 2];
			own[nall] = times[repeats / 2];
			all[nall++] = res;
		}
		/* -R: no clean fit, so those passed over at a limit are fitted in full (as best_fit does) */
		if (race == 1 && bf_race_refit_needed(all, nall))
			for (int k = 0; k < nall; k++)
			{
				BfLadder	ladder;
				double		fixed[BF_MAX_PARAMS];
				double		t0;

				if (!all[k].passed_over)
					continue;
				if (!prepare(text, argv[i], false, &ladder, fixed))
					return 2;
				t0 = cpu_ms();
				bf_fit_one_raced(ladder.rungs, ladder.n, all[k].dist, fixed, NULL, 0, &all[k]);
				printf("%s\t%s\t%.2f\t%d\t%.10g\t%s (refitted)\n", base, all[k].dist->name,
					   cpu_ms() - t0, all[k].evaluations, all[k].ok ? all[k].loglik : NAN,
					   all[k].status);
				total += cpu_ms() - t0;
			}
		/* entries whose law is another's under other parameters: that fit, mapped */
		for (int e = 0; e < bf_catalogue_count(); e++)
		{
			const BfDist *d = bf_catalogue_entry(e);
			BfLadder	ladder;
			BfFitResult res;
			double		fixed[BF_MAX_PARAMS];
			double		t0;
			unsigned long b0;
			int			src = -1;

			if (!selected(d, list, kind) || !same_law_selected(d, list, kind))
				continue;
			for (int j = 0; j < nall && src < 0; j++)
				if (all[j].dist != NULL && strcmp(all[j].dist->name, BF_HINT(d, same_law)) == 0)
					src = j;
			if (src < 0)
				continue;
			if (!prepare(text, argv[i], false, &ladder, fixed))
				return 2;
			t0 = cpu_ms();
			b0 = bf_bins_evaluated;
			/* where it cannot be mapped: fitted in full, without the race (as src/pg/parallel.c) */
			if (!bf_fit_same_law(ladder.rungs, ladder.n, d, &all[src], race == 1 ? 0 : BF_OUT_ALL, &res))
				bf_fit_one_raced(ladder.rungs, ladder.n, d, fixed, NULL,
								 race == 1 ? 0 : BF_OUT_ALL, &res);
			own[nall] = cpu_ms() - t0;
			print_fit(base, d, own[nall], &res, bf_bins_evaluated - b0);
			total += own[nall];
			all[nall++] = res;
		}
		/*
		 * an entry below a special case of its own: refitted from it
		 * (src/fit/nesting.c), one outer entry at a time with its inner ones,
		 * in the catalogue's order as the pass goes, so that each refit's CPU
		 * is added to its own fit's in the row printed again
		 */
		if (nall > 1 && !nonest)
		{
			BfLadder	ladder;

			if (!prepare(text, argv[i], false, &ladder, NULL))
				return 2;
			for (int k = 0; k < nall; k++)
			{
				const BfDist *d = all[k].dist;
				const BfDist *dists[3] = {d};
				const double *fx[3] = {NULL};
				BfFitResult sub[3];
				int			nsub = 1,
							from[3] = {k};
				double		t0;

				if (d == NULL || d->kind != BF_CONTINUOUS || BF_HINT(d, nest[0].inner) == NULL)
					continue;
				for (int j = 0; j < nall && nsub < 3; j++)
					for (int m = 0; m < 2; m++)
						if (j != k && BF_HINT(d, nest[m].inner) != NULL && all[j].dist != NULL &&
							strcmp(BF_HINT(d, nest[m].inner), all[j].dist->name) == 0)
						{
							dists[nsub] = all[j].dist;
							from[nsub++] = j;
						}
				for (int q = 0; q < nsub; q++)
					sub[q] = all[from[q]];
				t0 = cpu_ms();
				if (bf_nest_refits(ladder.rungs, ladder.n, dists, fx, race == 1 ? 0 : BF_OUT_ALL,
								   sub, nsub) == 0)
					continue;
				own[k] += cpu_ms() - t0;
				total += cpu_ms() - t0;
				all[k] = sub[0];
				printf("%s\t%s\t%.2f\t%d\t%.10g\t%s (refitted from a special case)\n", base,
					   d->name, own[k], all[k].evaluations, all[k].ok ? all[k].loglik : NAN,
					   all[k].status);
			}
		}
		if (list == NULL)
		{
			int			b = bf_choose_best(all, nall);

			printf("#best\t%s\t%.2f\t%s\t%.10g\n", base, total, b >= 0 ? all[b].dist->name : "-",
				   b >= 0 ? all[b].aic : NAN);
		}
		free(all);
		free(own);
		free(text);
	}
	bf_arena_reset();
	return 0;
}
