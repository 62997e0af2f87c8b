/*
 * metrics.h — goodness-of-fit metrics of a fitted entry (metrics.c): KS,
 * Anderson-Darling, Cramer-von Mises, Pearson's chi-squared, the KS and
 * chi-squared p-values and spark-bestfit's SSE.  Sources in metrics.c.
 */
#ifndef BESTFIT_METRICS_H
#define BESTFIT_METRICS_H

#include "fit/fit.h"

/* Every metric and standard error of res NaN, its warnings empty. */
extern void bf_result_clear_metrics(BfFitResult *res);
/* res's aic, aicc, bic from its loglik and nfree, n values (sources in metrics.c). */
extern void bf_information_criteria(BfFitResult *res, double n);
/*
 * Fill res's ks, ks_pvalue, ad, cvm, chisq, chisq_pvalue (which uses
 * res->nfree) and sse for its parameters on fd.
 */
extern void bf_metrics(const BfFitData *fd, BfFitResult *res);
/*
 * discrete_metrics.c: the same fields for a fit of a discrete entry (KS,
 * chi-squared with fitdistrplus's classes, SSE of the pmfs; AD and CvM
 * NaN); sources in discrete_metrics.c.
 */
extern void bf_discrete_metrics(const BfFitData *fd, BfFitResult *res);
/*
 * The fit's cdf and sf evaluations (numerical integrals for the quadrature
 * entries) that bf_metrics took as anchors for the likelihood's bin masses,
 * summed over calls: a measure of that work for tests and benchmarks
 * (metrics.c, bf_probs_from_masses).
 */
extern unsigned long bf_edf_anchors;
/* Kolmogorov's limiting distribution's sf at d for n values (Stephens' correction). */
extern double bf_kolmogorov_sf(double d, double n);

/*
 * The registry of a fit's metrics: one row per numeric result column of
 * fit_distributions, in the columns' order (loglik, aic, bic, ks_statistic,
 * ks_pvalue, ad_statistic, sse).  It drives rank_by (the names it accepts
 * and the error text listing them), the ranking, and the result columns
 * (src/pg/fit_functions.c checks the SQL definition against it).
 */
typedef struct BfMetric
{
	const char *name;			/* column name and rank_by value */
	size_t		offset;			/* of the double in BfFitResult */
	bool		rankable;		/* may be used as rank_by */
	bool		higher_is_better;	/* loglik: rank by -value */
	const char *description;	/* what it is, with its source */
} BfMetric;

extern const BfMetric bf_metric_registry[];
extern const int bf_metric_count;

/* The metric named name, or NULL. */
extern const BfMetric *bf_metric_find(const char *name);
/* The metric's value in a result. */
extern double bf_metric_value(const BfMetric *m, const BfFitResult *r);
/* "aic, bic, ks_statistic, ad_statistic, sse, loglik": the rankable names. */
extern const char *bf_metric_rankable_names(void);
/*
 * Sort results: successful fits first, those flagged degenerate (a shape at
 * its domain's edge, a runaway scale, a density diverging within the data:
 * src/fit/diagnostics.c) after the others, each group by the metric
 * (smaller is better, or larger for higher_is_better; NaN last), then by
 * name, so that the order is a function of the results alone.
 */
extern void bf_rank_results(BfFitResult *results, int n, const BfMetric *by);

/* Set delta_aic of each successful fit: its AIC minus the smallest AIC. */
extern void bf_set_delta_aic(BfFitResult *results, int n);

/*
 * best_fit's rule: among the successful fits not at a limit (degenerate: a
 * shape at its domain's edge or a runaway scale, see src/fit/diagnostics.c;
 * all successful fits when every one is), those whose AIC is within
 * BF_PARSIMONY_AIC of the smallest; of them, the one with fewest fitted
 * parameters, ties by AIC.  Burnham & Anderson (2002), Model Selection and
 * Multimodel Inference, 2nd ed., section 2.6: models within 2 AIC units
 * have substantial support, and the simplest of them is preferred.  It does
 * not account for the families' different flexibility at equal parameter
 * counts.  Returns the index into results, or -1 when no fit succeeded.
 */
#define BF_PARSIMONY_AIC 2.0
extern int	bf_choose_best(const BfFitResult *results, int n);

/*
 * best_fit's race (src/fit/race.c): the bar of fits done so far, the
 * smallest AIC of the clean ones (not degenerate, as bf_choose_best counts
 * them) plus BF_PARSIMONY_AIC; INFINITY when none is clean, so that nothing
 * is dropped (a clean fit among the rest could change which fits count).
 */
extern double bf_race_bar(const BfFitResult *results, int n);

#endif							/* BESTFIT_METRICS_H */
