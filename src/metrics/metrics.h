/*
 * metrics.h — goodness-of-fit metrics of a fitted entry (metrics.c): KS,
 * Anderson-Darling, the KS p-value and spark-bestfit's SSE.  Sources in
 * metrics.c.
 */
#ifndef BESTFIT_METRICS_H
#define BESTFIT_METRICS_H

#include "fit/fit.h"

/* Fill res's ks, ks_pvalue, ad and sse for its parameters on fd. */
extern void bf_metrics(const BfFitData *fd, BfFitResult *res);
/* Kolmogorov's limiting distribution's sf at d for n values (Stephens' correction). */
extern double bf_kolmogorov_sf(double d, double n);

#endif							/* BESTFIT_METRICS_H */
