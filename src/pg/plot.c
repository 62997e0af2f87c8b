/*
 * plot.c — fit_plot_points(sketch, fit, kind) and fit_plot_svg(sketch, fit,
 * kind): a chart of a fit against its sketch as rows a BI tool can draw,
 * or as a self-contained SVG.  The points and the drawing are computed by
 * the core (src/metrics/plot.c, plot_svg.c: rules and sources there); this
 * file checks the arguments and raises the core's refusals.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "pg/bestfit.h"
#include "metrics/plot.h"

PG_FUNCTION_INFO_V1(fit_plot_points);
PG_FUNCTION_INFO_V1(fit_plot_svg);

/*
 * The plot of argument kind for sketch h and fit v into *plot; errors: an
 * unknown kind (22023, with the kinds in the hint), a sketch the plot
 * cannot show (22023: fewer than two finite values, all equal, a range
 * that overflows, or a discrete fit on non-integers), a cancel or timeout
 * (re-raised).
 */
static void
bf_pg_plot(BfHistogram *h, BfDistValue *v, text *kindarg, BfPlot *plot, const BfDist **dout)
{
	char	   *kindname = text_to_cstring(kindarg);
	const BfDist *d = bf_dist_lookup(v);
	BfPlotKind	kind;
	char		msg[256];
	BfStatus	status;

	if (!bf_plot_kind_parse(kindname, &kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown plot kind \"%s\"", bf_pg_quote(kindname)),
				 errhint("The kinds are density, cdf, qq and pp.")));
	bf_host_reset_stop();
	status = bf_plot_points(h, d, v->params, kind, plot, msg, sizeof(msg));
	bf_pg_rethrow_stop();
	if (status == BF_CANCELLED)
		elog(ERROR, "plot stopped without a pending interrupt");
	if (status != BF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot plot %s against this sketch", d->name),
				 errdetail_internal("%s", bf_pg_valid_text(msg, sizeof(msg)))));
	*dout = d;
}

/*
 * fit_plot_points(sketch fit_histogram, fit distribution, kind text)
 * RETURNS TABLE (series text, x float8, y float8, x_lo float8, x_hi float8):
 * the plot's points in order (series data, then fit, then reference); y is
 * NULL where the fit gives no number, x_lo and x_hi are the edges of a
 * histogram bar (density's data) and NULL elsewhere.  STRICT.
 */
Datum
fit_plot_points(PG_FUNCTION_ARGS)
{
	BfHistogram *h = PG_GETARG_BF_HIST(0);
	BfDistValue *v = PG_GETARG_BF_DIST(1);
	text	   *kindarg = PG_GETARG_TEXT_PP(2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BfPlot		plot;
	const BfDist *d;

	InitMaterializedSRF(fcinfo, 0);
	bf_pg_plot(h, v, kindarg, &plot, &d);
	for (int k = 0; k < plot.npoints; k++)
	{
		const BfPlotPoint *pt = &plot.points[k];
		Datum		values[5];
		bool		nulls[5] = {0};
		const double num[4] = {pt->x, pt->y, pt->x_lo, pt->x_hi};

		values[0] = CStringGetTextDatum(bf_plot_series_name(pt->series));
		for (int c = 0; c < 4; c++)
		{
			values[c + 1] = Float8GetDatum(num[c]);
			nulls[c + 1] = isnan(num[c]);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * fit_plot_svg(sketch fit_histogram, fit distribution, kind text DEFAULT
 * 'density') RETURNS text: the same plot drawn as an SVG document.
 * STRICT.
 */
Datum
fit_plot_svg(PG_FUNCTION_ARGS)
{
	BfHistogram *h = PG_GETARG_BF_HIST(0);
	BfDistValue *v = PG_GETARG_BF_DIST(1);
	text	   *kindarg = PG_GETARG_TEXT_PP(2);
	BfPlot		plot;
	const BfDist *d;

	bf_pg_plot(h, v, kindarg, &plot, &d);
	PG_RETURN_TEXT_P(cstring_to_text(bf_plot_svg(&plot, d, v->params)));
}
