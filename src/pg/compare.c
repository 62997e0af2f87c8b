/*
 * compare.c — fit_histogram_compare(a, b): drift between two sketches as
 * one row (the computation, its formulas and sources are in
 * src/metrics/compare.c).  A row of OUT parameters rather than jsonb: BI
 * tools and SQL read the columns by name and type without parsing.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"

#include "pg/bestfit.h"
#include "metrics/compare.h"
#include "sketch/sketch.h"

PG_FUNCTION_INFO_V1(fit_histogram_compare);

/*
 * fit_histogram_compare(a fit_histogram, b fit_histogram) -> (n_a, n_b,
 * exact, ks_statistic, ks_statistic_upper, ks_pvalue, psi, psi_bins,
 * wasserstein, wasserstein_error).  STRICT (NULL in, NULL out); statistics
 * that do not exist (a sketch without finite values; the p-value for
 * n_a = n_b = 1) are NULL.
 */
Datum
fit_histogram_compare(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	BfHistogram *a = PG_GETARG_BF_HIST(0);
	BfHistogram *b = PG_GETARG_BF_HIST(1);
	BfCompare	c;
	Datum		values[10];
	bool		nulls[10] = {0};
	double		stats[7];
	const int	stat_col[7] = {3, 4, 5, 6, 8, 9, -1};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "fit_histogram_compare: the result type must be a row type");

	/* the p-value's kstwo polls for interrupts: re-raise a cancel it caught */
	bf_host_reset_stop();
	bf_hist_compare(a, b, &c);
	bf_pg_rethrow_stop();

	values[0] = Int64GetDatum(c.n_a);
	values[1] = Int64GetDatum(c.n_b);
	values[2] = BoolGetDatum(c.exact);
	stats[0] = c.ks;
	stats[1] = c.ks_upper;
	stats[2] = c.ks_pvalue;
	stats[3] = c.psi;
	stats[4] = c.wasserstein;
	stats[5] = c.wasserstein_error;
	for (int k = 0; stat_col[k] >= 0; k++)
	{
		values[stat_col[k]] = Float8GetDatum(stats[k]);
		nulls[stat_col[k]] = isnan(stats[k]);
	}
	values[7] = Int32GetDatum(c.psi_bins);
	nulls[7] = c.psi_bins == 0;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
