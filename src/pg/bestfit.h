/*
 * pg/bestfit.h — declarations shared by the SQL-facing files (src/pg/),
 * the only files of bestfit that include PostgreSQL headers.
 */
#ifndef BESTFIT_PG_H
#define BESTFIT_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

#include <gsl/gsl_rng.h>
#include "utils/array.h"
#include "utils/jsonb.h"

#include "catalogue/entry.h"
#include "sketch/point_mass.h"
#include "sketch/sketch.h"

/* Detoasted fit_histogram argument. */
#define PG_GETARG_BF_HIST(n) ((BfHistogram *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* The distribution type: a fitted or hand-written catalogue member. */
typedef struct BfDistValue
{
	int32		vl_len_;
	int16		version;		/* 1 */
	int16		nparams;		/* shapes + loc + scale */
	char		name[32];		/* scipy name, NUL-terminated */
	double		params[FLEXIBLE_ARRAY_MEMBER];	/* shapes, loc, scale */
} BfDistValue;

#define BF_DIST_VERSION 1
#define PG_GETARG_BF_DIST(n) ((BfDistValue *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* distribution.c */
extern BfDistValue *bf_make_dist(const BfDist *d, const double *params);
extern const BfDist *bf_dist_lookup(const BfDistValue *v);
extern void bf_check_params(const BfDist *d, const double *params, int sqlstate);
extern char *bf_params_json(const BfDist *d, const double *params);
extern void bf_unknown_dist(const char *name) pg_attribute_noreturn();
extern const char *bf_pg_quote(const char *s);
extern char *bf_pg_valid_text(char *msg, size_t size);
extern void bf_append_double_text(StringInfo buf, double x);
/* MT19937 seeded with seed's 64 bits (error when out of memory); gsl_rng_free it */
extern gsl_rng *bf_pg_rng_create(int64 seed);

/* fit_functions.c: a fixed parameter from a fixed jsonb argument */
typedef struct BfFixed
{
	char	   *name;
	double		value;
	bool		used;
	bool		fitted;			/* JSON null: free (a discrete entry's loc: searched) */
} BfFixed;
extern int	bf_parse_fixed(Jsonb *jb, BfFixed *out, int maxn);
extern void bf_fixed_vector(const BfDist *d, BfFixed *fx, int nfx, double *fixed);
extern double bf_fit_resolution(const BfHistogram *h, bool isnull, double arg);
/*
 * fit_functions.c: the candidates named by arr (NULL: the default set) into
 * out (room for bf_catalogue_count()), returns how many; errors for unknown
 * names.  bf_fit_all: fit them to h and rank by rank_by (fit_distributions'
 * path, fixed as its fixed argument or NULL); ncand results, palloc'd.
 */
struct BfFitResult;
struct BfMetric;
extern int	bf_resolve_candidates(ArrayType *arr, const BfDist **out);
/*
 * The same with a kind argument (NULL, "continuous" or "discrete"; errors
 * for mixed kinds or a kind the names contradict); *kind_out gets theirs.
 */
extern int	bf_resolve_candidates_kind(ArrayType *arr, text *kindarg, const BfDist **out,
									   BfKind *kind_out);
/* bf_fit_resolution for a kind: a discrete fit takes NULL or 0 only, and gets 0 */
extern double bf_fit_resolution_kind(const BfHistogram *h, BfKind kind, bool isnull, double arg);
extern struct BfFitResult *bf_fit_all(const BfHistogram *h, double resolution, const BfDist **cands,
									  int ncand, Jsonb *fixedjb, const struct BfMetric *rank_by,
									  const BfPointMasses *pm);
/* the same as best_fit fits: with its race (src/fit/race.c), no fixed parameters */
extern struct BfFitResult *bf_fit_all_raced(const BfHistogram *h, double resolution,
											const BfDist **cands, int ncand,
											const struct BfMetric *rank_by,
											const BfPointMasses *pm);
/*
 * The sketch the fits of a kind at resolution q use: for continuous ones h
 * without its point masses when it has them (src/sketch/point_mass.h,
 * listed in *pm; a new value), else h itself (pm->n = 0).  bf_fit_all and
 * bf_fit_all_raced take that sketch and pm, and put pm's warning first in
 * every successful fit's warnings.
 */
extern const BfHistogram *bf_fit_sketch(const BfHistogram *h, BfKind kind, double q,
										BfPointMasses *pm);
/* a NOTICE "fn: <pm's warning>" with detail, when pm->n > 0 (best_fit, gof_test) */
extern void bf_notice_point_masses(const char *fn, const BfPointMasses *pm, const char *detail);

/*
 * gof.c: the parametric bootstrap of fit (d, params) on h at resolution q,
 * the parameters with NaN in fixed refitted: samples replicates from seed;
 * stats[3] and pvalues[3] (KS, AD, CvM; NaN p-values when no sample could
 * be refitted).  Returns how many samples were refitted.  A family it
 * cannot draw samples from: an error (22023) if strict, else -1.
 */
extern int	bf_gof_bootstrap(const BfHistogram *h, double q, const BfDist *d, const double *params,
							 const double *fixed, int samples, int64 seed, bool strict,
							 double *stats, double *pvalues);

/* histogram.c (fit_histogram_accum: also best_fit(x, kind)'s transition) */
extern Datum fit_histogram_accum(PG_FUNCTION_ARGS);
extern MemoryContext bf_aggcontext(FunctionCallInfo fcinfo);
extern void bf_pg_corrupt_hist(const char *detail) pg_attribute_noreturn();
extern void bf_pg_validate_hist(const BfHistogram *h, Size size);

/*
 * parallel.c: fit cands[c] with fixed[c] into results[c] on sketch h with
 * values recorded to resolution (0: exact), on parallel workers when
 * allowed.  race: best_fit's race (src/fit/race.c): the entrants are fitted
 * after the rest and may end dropped (ok false), and no fit computes the
 * goodness-of-fit metrics or standard errors (NaN), which best_fit's choice
 * does not use (fit.h, BF_OUT_ALL).
 */
struct BfFitResult;
extern void bf_fit_candidates(const BfHistogram *h, double resolution, const BfDist **cands,
							  const double (*fixed)[BF_MAX_PARAMS], int ncand, bool race,
							  struct BfFitResult *results);

/* host.c: re-raise the interrupt that stopped the core, if any */
extern void bf_pg_rethrow_stop(void);

#endif							/* BESTFIT_PG_H */
