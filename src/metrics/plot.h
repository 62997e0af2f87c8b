/*
 * plot.h — what a chart of a fit against its sketch shows (plot.c) and its
 * drawing as a self-contained SVG (plot_svg.c): fit_plot_points and
 * fit_plot_svg (src/pg/plot.c).
 *
 * A plot is a list of points in series: BF_SERIES_DATA (the sketch),
 * BF_SERIES_FIT (the fitted distribution) and BF_SERIES_REFERENCE (the line
 * y = x of QQ and PP plots).  Four kinds (rules and sources in plot.c):
 *   density  the data as a histogram of equal-width bins (x the bin's
 *            middle, x_lo and x_hi its edges, y the density count / (n
 *            width)); the fit's pdf on a grid of BF_PLOT_GRID points, or
 *            for a discrete fit the empirical pmf per integer with the
 *            fitted pmf at the same integers;
 *   cdf      the empirical cdf at the sketch's points and the fitted cdf
 *            (a continuous fit's on a grid of BF_PLOT_GRID points of
 *            the x range, a discrete fit's at the same x as the data);
 *   qq       sample quantiles (y) against the fit's quantiles (x) at the
 *            plotting positions of R's ppoints, with the reference line;
 *   pp       empirical probabilities (the same plotting positions, y)
 *            against the fitted cdf at the sample quantiles (x), with the
 *            reference line.
 * Every series has at most BF_PLOT_MAX_POINTS points, whatever the sketch
 * holds, and the points depend on the sketch and the fit alone.
 */
#ifndef BESTFIT_METRICS_PLOT_H
#define BESTFIT_METRICS_PLOT_H

#include "host.h"
#include "catalogue/entry.h"
#include "sketch/sketch.h"

#define BF_PLOT_MAX_POINTS 400	/* most points of a series */
#define BF_PLOT_MAX_BINS 100	/* most histogram bars (density) */
#define BF_PLOT_MAX_CELLS 200	/* most bars of a discrete fit's pmf */
#define BF_PLOT_GRID 201		/* points of a continuous fit's pdf curve */
/*
 * The density plot's x range is [min, max], unless the data's range is
 * more than BF_PLOT_TAIL_RATIO times the range between the sketch's
 * BF_PLOT_TAIL_P and 1 - BF_PLOT_TAIL_P quantiles (heavy tails): then it is
 * that quantile range, and the values outside are counted.
 */
#define BF_PLOT_TAIL_P 0.005
#define BF_PLOT_TAIL_RATIO 3.0

typedef enum BfPlotKind
{
	BF_PLOT_DENSITY = 0,
	BF_PLOT_CDF,
	BF_PLOT_QQ,
	BF_PLOT_PP
} BfPlotKind;

typedef enum BfPlotSeries
{
	BF_SERIES_DATA = 0,
	BF_SERIES_FIT,
	BF_SERIES_REFERENCE
} BfPlotSeries;

typedef struct BfPlotPoint
{
	BfPlotSeries series;
	double		x;
	double		y;				/* NaN when the fit gives none (the SQL layer: NULL) */
	double		x_lo;			/* a histogram bar's edges; NaN for other points */
	double		x_hi;
} BfPlotPoint;

typedef struct BfPlot
{
	BfPlotKind	kind;
	bool		discrete;		/* the fit is discrete (pmf, integer cells) */
	bool		exact;			/* the sketch is exact (level 0) */
	double		n;				/* finite values of the sketch */
	int			npoints;
	BfPlotPoint *points;		/* series DATA, then FIT, then REFERENCE */
	/* the x range (density's bars, the cdf's grid), what lies outside */
	double		xlo;
	double		xhi;
	int			bins;
	double		bin_width;		/* discrete: integers per bar */
	bool		clipped;		/* the range is the tail quantile range */
	double		n_outside;		/* values outside [xlo, xhi] */
} BfPlot;

/* Names of the kinds and series as the SQL functions take and return them. */
extern const char *bf_plot_kind_name(BfPlotKind kind);
extern const char *bf_plot_series_name(BfPlotSeries series);
/* The kind named name ("density", "cdf", "qq", "pp"): true, or false when unknown. */
extern bool bf_plot_kind_parse(const char *name, BfPlotKind *kind);

/*
 * The points of a plot of kind of the fit (d, params: valid parameters) on
 * the validated sketch h, into *out (arrays from bf_alloc).  BF_OK;
 * BF_INVALID with the reason in msg (msglen bytes) when the sketch has
 * fewer than two finite values, all its finite values are equal, max - min
 * overflows, or the fit is discrete and a value of the sketch is not an
 * integer;
 * BF_CANCELLED when the host asked to stop (every loop polls
 * bf_should_stop).
 */
extern BfStatus bf_plot_points(const BfHistogram *h, const BfDist *d, const double *params,
							   BfPlotKind kind, BfPlot *out, char *msg, size_t msglen);

/*
 * The plot as a self-contained SVG 1.1 document (NUL-terminated, from
 * bf_alloc): title naming the fit (d, params), axes with tick labels and
 * titles, the data (histogram bars, points or steps), the fit's curve over
 * them, the reference line of QQ and PP plots, a legend, and a note when
 * the x range was clipped (or how QQ and PP points were placed).  Every
 * text is ASCII and XML-escaped.  Draws the plot's points only (no
 * evaluation of the fit), so it needs no interrupt checks.
 */
extern char *bf_plot_svg(const BfPlot *plot, const BfDist *d, const double *params);

#endif							/* BESTFIT_METRICS_PLOT_H */
