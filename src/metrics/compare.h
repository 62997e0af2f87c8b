/*
 * compare.h — drift between two sketches (compare.c): the two-sample
 * Kolmogorov-Smirnov distance with its p-value, the population stability
 * index and the Wasserstein-1 distance of the finite values of two
 * fit_histogram sketches (fit_histogram_compare in SQL).  Formulas, sources
 * and what the figures do not account for are in compare.c's header.
 */
#ifndef BESTFIT_COMPARE_H
#define BESTFIT_COMPARE_H

#include <stdbool.h>
#include <stdint.h>

#include "sketch/sketch.h"

/* Zero proportions of the PSI are replaced by this (compare.c). */
#define BF_PSI_EPSILON 1e-4
/* Number of quantile bins of the PSI (deciles of the first sketch). */
#define BF_PSI_BINS 10

typedef struct BfCompare
{
	int64_t		n_a;			/* finite values of a (NaN and infinities are ignored) */
	int64_t		n_b;
	bool		exact;			/* both sketches exact (level 0): ks and wasserstein are exact */
	int			level;			/* the common level max(level a, level b) of ks and psi */
	double		ks;				/* KS distance D (binned: lower bound from the common bins) */
	double		ks_upper;		/* an upper bound of D (= ks when exact) */
	double		ks_pvalue;		/* asymptotic p-value of ks (NaN when n_a n_b/(n_a+n_b) rounds to 0) */
	double		psi;			/* population stability index, a the reference */
	int			psi_bins;		/* bins the psi was summed over (<= BF_PSI_BINS) */
	double		wasserstein;	/* W1 (binned: within-bin linear cdfs) */
	double		wasserstein_error;	/* |W1 true - wasserstein| <= this (0 when exact) */
} BfCompare;

/*
 * Compare the finite values of two validated sketches a and b (the counts
 * of NaN and infinities are ignored).  Every statistic is NaN (psi_bins 0)
 * when either sketch has no finite value.  Deterministic (a function of the
 * two sketches); O((bins of a + bins of b) log) time, no loop that can run
 * long (at most 2 * BF_MAX_BINS bins), so no interrupt polling of its own.
 * The p-value calls the catalogue's kstwo, whose exact sum can take 0.5 s
 * at en = 10^6 and polls bf_should_stop(): when asked to stop, ks_pvalue is
 * NaN and the caller must re-raise the interrupt (src/pg/compare.c).
 */
extern void bf_hist_compare(const BfHistogram *a, const BfHistogram *b, BfCompare *out);

#endif							/* BESTFIT_COMPARE_H */
