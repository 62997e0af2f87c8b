/*
 * plot_svg.c — a plot (plot.h) drawn as a self-contained SVG 1.1 document:
 * fit_plot_svg's text.
 *
 * 640 x 440 user units: a title naming the fit, a subtitle with the sample
 * size and the sketch's kind, the plot area with grid lines, axes with tick
 * labels at "nice" numbers (1, 2 or 5 times a power of ten, about eight per
 * axis: Heckbert 1990, "Nice numbers for graph labels", Graphics Gems I),
 * axis titles, a legend, and a note when the x range was clipped.  The
 * marks are the plot's own points: histogram bars (density), the data as
 * dots (cdf, qq, pp; a discrete fit's pmf too), the fit as a line, the
 * reference line y = x of QQ and PP plots.  Heavy tails (the plot's
 * clipped range, plot.c): the cdf's x axis and both QQ axes span the
 * sketch's 0.5%-99.5% quantiles, and a note counts what lies outside.
 * Everything is clipped to the plot area (clipPath), so a density that diverges at a support's end runs
 * out of the top instead of flattening the histogram: the density axis
 * reaches at most twice the highest bar.  Non-finite points are left out.
 * All text is ASCII and XML-escaped, so the document is valid in every
 * server encoding.  No wall clock, no locale: the same plot gives the same
 * bytes (PostgreSQL's backends run with LC_NUMERIC=C, as the harness does).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "metrics/plot.h"

#define W 640.0
#define H 440.0
#define PX0 86.0				/* plot area */
#define PX1 620.0
#define PY0 58.0
#define PY1 372.0

/* A growing text buffer from bf_alloc. */
typedef struct SvgBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} SvgBuf;

static void svg_printf(SvgBuf *b, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
svg_printf(SvgBuf *b, const char *fmt,...)
{
	va_list		ap;
	int			need;

	va_start(ap, fmt);
	need = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (need < 0)
		return;
	if ((size_t) need >= b->cap - b->len)
	{
		size_t		cap = 2 * b->cap + need + 1;
		char	   *data = bf_alloc(cap);

		memcpy(data, b->data, b->len);
		bf_free(b->data);
		b->data = data;
		b->cap = cap;
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += need;
}

/* Text s XML-escaped (&, <, >, ", '), control characters left out. */
static void
svg_text(SvgBuf *b, const char *s)
{
	for (; *s; s++)
	{
		switch (*s)
		{
			case '&':
				svg_printf(b, "&amp;");
				break;
			case '<':
				svg_printf(b, "&lt;");
				break;
			case '>':
				svg_printf(b, "&gt;");
				break;
			case '"':
				svg_printf(b, "&quot;");
				break;
			case '\'':
				svg_printf(b, "&apos;");
				break;
			default:
				if ((unsigned char) *s >= 0x20 && (unsigned char) *s < 0x7F)
					svg_printf(b, "%c", *s);
		}
	}
}

/* Heckbert's nice number: 1, 2, 5 or 10 times a power of ten, near x (round) or >= x. */
static double
svg_nice(double x, bool round_it)
{
	double		e = floor(log10(x)),
				f = x / pow(10, e),
				nf;

	if (round_it)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * pow(10, e);
}

/* An axis: its range widened to nice numbers and its tick step. */
typedef struct SvgAxis
{
	double		lo;
	double		hi;
	double		step;
} SvgAxis;

static void
svg_axis(SvgAxis *ax, double lo, double hi)
{
	double		range;

	/* about eight ticks (Heckbert's loose labels with the range's step rounded) */
	if (!isfinite(lo) || !isfinite(hi) || !isfinite(hi - lo))
	{
		/* nothing finite to show (every point of the series was not finite) */
		lo = 0;
		hi = 1;
	}
	if (!(hi > lo))
	{
		double		pad = lo != 0 ? fabs(lo) * 0.1 : 1.0;

		lo -= pad;
		hi += pad;
	}
	range = hi - lo;
	ax->step = svg_nice(range / 8, true);
	ax->lo = floor(lo / ax->step) * ax->step;
	ax->hi = ceil(hi / ax->step) * ax->step;
}

/* A tick label: fixed decimals as the step needs, %.3g for very large or small numbers. */
static void
svg_tick_label(char *buf, size_t len, double v, double step)
{
	int			dec = (int) fmax(0, -floor(log10(step) + 1e-9));

	if (fabs(v) < step * 1e-9)
		v = 0;
	if (fabs(v) >= 1e6 || step < 1e-5)
		snprintf(buf, len, "%.3g", v);
	else
		snprintf(buf, len, "%.*f", dec, v);
}

typedef struct SvgFrame
{
	SvgAxis		x;
	SvgAxis		y;
} SvgFrame;

static double
sx(const SvgFrame *f, double x)
{
	return PX0 + (PX1 - PX0) * (x - f->x.lo) / (f->x.hi - f->x.lo);
}

static double
sy(const SvgFrame *f, double y)
{
	return PY1 - (PY1 - PY0) * (y - f->y.lo) / (f->y.hi - f->y.lo);
}

/* Grid lines, tick marks and labels of both axes, the frame, the axis titles. */
static void
svg_axes(SvgBuf *b, const SvgFrame *f, const char *xtitle, const char *ytitle)
{
	char		label[64];
	/* (at most 50 ticks, whatever rounding did to a range of a few ulps) */
	int			nx = (int) fmin(50, floor((f->x.hi - f->x.lo) / f->x.step + 0.5)),
				ny = (int) fmin(50, floor((f->y.hi - f->y.lo) / f->y.step + 0.5));

	svg_printf(b, "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
	for (int k = 0; k <= nx; k++)
	{
		double		X = sx(f, f->x.lo + k * f->x.step);

		svg_printf(b, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>\n", X, PY0, X, PY1);
	}
	for (int k = 0; k <= ny; k++)
	{
		double		Y = sy(f, f->y.lo + k * f->y.step);

		svg_printf(b, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>\n", PX0, Y, PX1, Y);
	}
	svg_printf(b, "</g>\n<g font-size=\"11\" fill=\"#333\">\n");
	for (int k = 0; k <= nx; k++)
	{
		double		v = f->x.lo + k * f->x.step,
					X = sx(f, v);

		svg_tick_label(label, sizeof(label), v, f->x.step);
		svg_printf(b, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#333\"/>\n",
				   X, PY1, X, PY1 + 5);
		svg_printf(b, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">", X, PY1 + 18);
		svg_text(b, label);
		svg_printf(b, "</text>\n");
	}
	for (int k = 0; k <= ny; k++)
	{
		double		v = f->y.lo + k * f->y.step,
					Y = sy(f, v);

		svg_tick_label(label, sizeof(label), v, f->y.step);
		svg_printf(b, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#333\"/>\n",
				   PX0 - 5, Y, PX0, Y);
		svg_printf(b, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\">", PX0 - 8, Y + 4);
		svg_text(b, label);
		svg_printf(b, "</text>\n");
	}
	svg_printf(b, "</g>\n<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"#333\"/>\n",
			   PX0, PY0, PX1 - PX0, PY1 - PY0);
	svg_printf(b, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" text-anchor=\"middle\">",
			   0.5 * (PX0 + PX1), PY1 + 40);
	svg_text(b, xtitle);
	svg_printf(b, "</text>\n<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 %.2f %.2f)\">",
			   20.0, 0.5 * (PY0 + PY1), 20.0, 0.5 * (PY0 + PY1));
	svg_text(b, ytitle);
	svg_printf(b, "</text>\n");
}

/* The fit as text: name(p1=v1, ..., loc=v, scale=v), values to 5 significant digits. */
static void
svg_fit_text(SvgBuf *b, const BfDist *d, const double *params)
{
	char		num[64];

	svg_text(b, d->name);
	svg_printf(b, "(");
	for (int i = 0; i < bf_nparams(d); i++)
	{
		snprintf(num, sizeof(num), "%.5g", params[i]);
		svg_printf(b, "%s", i ? ", " : "");
		svg_text(b, bf_param_name(d, i));
		svg_printf(b, "=");
		svg_text(b, num);
	}
	svg_printf(b, ")");
}

/* A polyline through the finite points of series s (a new one after each gap). */
static void
svg_line(SvgBuf *b, const SvgFrame *f, const BfPlot *p, BfPlotSeries s, const char *style)
{
	bool		open = false;

	for (int k = 0; k < p->npoints; k++)
	{
		const BfPlotPoint *pt = &p->points[k];

		if (pt->series != s)
			continue;
		if (!isfinite(pt->x) || !isfinite(pt->y))
		{
			if (open)
				svg_printf(b, "\"/>\n");
			open = false;
			continue;
		}
		if (!open)
			svg_printf(b, "<polyline %s points=\"", style);
		svg_printf(b, "%s%.2f,%.2f", open ? " " : "", sx(f, pt->x),
				   sy(f, fmax(fmin(pt->y, f->y.hi + 3 * (f->y.hi - f->y.lo)),
							 f->y.lo - 3 * (f->y.hi - f->y.lo))));
		open = true;
	}
	if (open)
		svg_printf(b, "\"/>\n");
}

/* Dots at the finite points of series s. */
static void
svg_dots(SvgBuf *b, const SvgFrame *f, const BfPlot *p, BfPlotSeries s, double r, const char *style)
{
	svg_printf(b, "<g %s>\n", style);
	for (int k = 0; k < p->npoints; k++)
	{
		const BfPlotPoint *pt = &p->points[k];

		if (pt->series == s && isfinite(pt->x) && isfinite(pt->y))
			svg_printf(b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"/>\n", sx(f, pt->x), sy(f, pt->y), r);
	}
	svg_printf(b, "</g>\n");
}

#define LEGEND_W 200.0
#define LEGEND_H 46.0

/*
 * The legend's top left corner (*x0, *y0): in the corner of the plot area
 * (top left, top right, bottom right, bottom left: the first of those with
 * the fewest of the plot's points under it).
 */
static void
svg_legend_place(const SvgFrame *f, const BfPlot *p, double *x0, double *y0)
{
	const double xs[4] = {PX0 + 4, PX1 - LEGEND_W - 4, PX1 - LEGEND_W - 4, PX0 + 4};
	const double ys[4] = {PY0 + 4, PY0 + 4, PY1 - LEGEND_H - 4, PY1 - LEGEND_H - 4};
	int			count[4] = {0},
				best = 0;

	for (int k = 0; k < p->npoints; k++)
	{
		double		X = sx(f, p->points[k].x),
					Y = sy(f, p->points[k].y);

		for (int c = 0; c < 4; c++)
			count[c] += X >= xs[c] - 6 && X <= xs[c] + LEGEND_W + 6 &&
				Y >= ys[c] - 6 && Y <= ys[c] + LEGEND_H + 6;
	}
	for (int c = 1; c < 4; c++)
		if (count[c] < count[best])
			best = c;
	*x0 = xs[best];
	*y0 = ys[best];
}

/* Legend entry k (0-based) of the legend at (x0, y0): a swatch and its label. */
static void
svg_legend(SvgBuf *b, double x0, double y0, int k, const char *swatch_style, bool dot,
		   const char *label)
{
	double		y = y0 + 16 + 18 * k,
				x = x0 + 8;

	if (k == 0)
		svg_printf(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n",
				   x0, y0, LEGEND_W, LEGEND_H);
	if (dot)
		svg_printf(b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" %s/>\n", x + 9, y - 4, swatch_style);
	else
		svg_printf(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"18\" height=\"%d\" %s/>\n",
				   x, y - (k == 0 ? 10 : 6), k == 0 ? 10 : 4, swatch_style);
	svg_printf(b, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\">", x + 26, y);
	svg_text(b, label);
	svg_printf(b, "</text>\n");
}

char *
bf_plot_svg(const BfPlot *p, const BfDist *d, const double *params)
{
	SvgBuf		b;
	SvgFrame	f;
	double		xmin = INFINITY,
				xmax = -INFINITY,
				dmax = 0,
				fmax_ = 0;
	const char *title,
			   *xtitle,
			   *ytitle;
	char		note[200];
	const char *data_style = "fill=\"#9ecae1\" stroke=\"#3182bd\" stroke-width=\"0.6\"";
	const char *dot_style = "fill=\"#3182bd\" fill-opacity=\"0.75\"";
	const char *fit_style = "fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" stroke-linejoin=\"round\"";
	char		fitlabel[80];
	int			qq_outside = 0;
	double		lx,
				ly;

	b.cap = 16384;
	b.len = 0;
	b.data = bf_alloc(b.cap);
	b.data[0] = '\0';

	/* the frame: ranges of what is drawn */
	for (int k = 0; k < p->npoints; k++)
	{
		const BfPlotPoint *pt = &p->points[k];

		if (!isfinite(pt->x) || !isfinite(pt->y))
			continue;
		xmin = fmin(xmin, pt->x);
		xmax = fmax(xmax, pt->x);
		if (pt->series == BF_SERIES_DATA)
			dmax = fmax(dmax, pt->y);
		else if (pt->series == BF_SERIES_FIT)
			fmax_ = fmax(fmax_, pt->y);
	}
	switch (p->kind)
	{
		case BF_PLOT_DENSITY:
			svg_axis(&f.x, p->xlo, p->xhi);
			svg_axis(&f.y, 0, fmax(dmax, fmin(fmax_, 2 * dmax)));
			title = p->discrete ? "Empirical and fitted pmf" : "Histogram and fitted pdf";
			xtitle = "value";
			if (!p->discrete)
				ytitle = "density";
			else if (p->bin_width == 1)
				ytitle = "probability";
			else
				ytitle = "probability per value (mean over each bar)";
			break;
		case BF_PLOT_CDF:
			svg_axis(&f.x, p->clipped ? p->xlo : xmin, p->clipped ? p->xhi : xmax);
			f.y.lo = 0;
			f.y.hi = 1;
			f.y.step = 0.2;
			title = "Empirical and fitted cdf";
			xtitle = "value";
			ytitle = "cumulative probability";
			break;
		case BF_PLOT_QQ:
			/* the reference line's ends span both axes' data */
			svg_axis(&f.x, xmin, xmax);
			title = "Q-Q plot";
			xtitle = "quantile of the fit";
			ytitle = "sample quantile";
			break;
		default:
			f.x.lo = f.y.lo = 0;
			f.x.hi = f.y.hi = 1;
			f.x.step = f.y.step = 0.2;
			title = "P-P plot";
			xtitle = "cdf of the fit";
			ytitle = "empirical probability";
			break;
	}
	if (p->kind == BF_PLOT_QQ)
	{
		/*
		 * both axes span the reference line (the points' x and y); heavy
		 * tails (clipped): the sample's 0.5%-99.5% quantile range
		 */
		if (p->clipped)
			svg_axis(&f.x, p->xlo, p->xhi);
		f.y = f.x;
		for (int k = 0; k < p->npoints; k++)
		{
			const BfPlotPoint *pt = &p->points[k];

			if (pt->series == BF_SERIES_DATA && isfinite(pt->x) && isfinite(pt->y) &&
				(pt->x < f.x.lo || pt->x > f.x.hi || pt->y < f.y.lo || pt->y > f.y.hi))
				qq_outside++;
		}
	}
	svg_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	svg_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n",
			   W, H, W, H);
	svg_printf(&b, "<title>%s: ", title);
	svg_fit_text(&b, d, params);
	svg_printf(&b, "</title>\n");
	svg_printf(&b, "<defs><clipPath id=\"area\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath></defs>\n",
			   PX0, PY0, PX1 - PX0, PY1 - PY0);
	svg_printf(&b, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
	svg_printf(&b, "<text x=\"%.2f\" y=\"21\" font-size=\"15\" font-weight=\"bold\" text-anchor=\"middle\">%s (n = %.0f, %s sketch)</text>\n",
			   0.5 * W, title, p->n, p->exact ? "exact" : "binned");
	svg_printf(&b, "<text x=\"%.2f\" y=\"40\" font-size=\"11\" fill=\"#333\" text-anchor=\"middle\">fit: ",
			   0.5 * W);
	svg_fit_text(&b, d, params);
	svg_printf(&b, "</text>\n");
	svg_axes(&b, &f, xtitle, ytitle);

	svg_printf(&b, "<g clip-path=\"url(#area)\">\n");
	if (p->kind == BF_PLOT_DENSITY)
	{
		svg_printf(&b, "<g %s>\n", data_style);
		for (int k = 0; k < p->npoints; k++)
		{
			const BfPlotPoint *pt = &p->points[k];
			double		x0,
						x1,
						y0;

			if (pt->series != BF_SERIES_DATA || !isfinite(pt->y))
				continue;
			x0 = sx(&f, pt->x_lo);
			x1 = sx(&f, pt->x_hi);
			y0 = sy(&f, pt->y);
			svg_printf(&b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>\n",
					   x0, y0, x1 - x0, PY1 - y0);
		}
		svg_printf(&b, "</g>\n");
		if (p->discrete)
		{
			svg_line(&b, &f, p, BF_SERIES_FIT, "fill=\"none\" stroke=\"#d62728\" stroke-width=\"1\"");
			svg_dots(&b, &f, p, BF_SERIES_FIT, p->bins <= 60 ? 3.5 : 2.0, "fill=\"#d62728\"");
		}
		else
			svg_line(&b, &f, p, BF_SERIES_FIT, fit_style);
	}
	else if (p->kind == BF_PLOT_CDF)
	{
		svg_line(&b, &f, p, BF_SERIES_FIT, fit_style);
		svg_dots(&b, &f, p, BF_SERIES_DATA, 2.2, dot_style);
	}
	else
	{
		/* y = x across the frame (both axes have the same range) */
		svg_printf(&b, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" %s/>\n",
				   sx(&f, f.x.lo), sy(&f, f.y.lo), sx(&f, f.x.hi), sy(&f, f.y.hi), fit_style);
		svg_dots(&b, &f, p, BF_SERIES_DATA, 2.2, dot_style);
	}
	svg_printf(&b, "</g>\n");

	/* legend */
	svg_legend_place(&f, p, &lx, &ly);
	snprintf(fitlabel, sizeof(fitlabel), "fit: %s", d->name);
	if (p->kind == BF_PLOT_DENSITY)
	{
		svg_legend(&b, lx, ly, 0, data_style, false,
				   p->discrete ? "data (empirical pmf)" : "data (histogram)");
		svg_legend(&b, lx, ly, 1, "fill=\"#d62728\"", p->discrete, fitlabel);
	}
	else if (p->kind == BF_PLOT_CDF)
	{
		svg_legend(&b, lx, ly, 0, dot_style, true, "data (empirical cdf)");
		svg_legend(&b, lx, ly, 1, "fill=\"#d62728\"", false, fitlabel);
	}
	else
	{
		svg_legend(&b, lx, ly, 0, dot_style, true, "data");
		svg_legend(&b, lx, ly, 1, "fill=\"#d62728\"", false, "y = x (a perfect fit)");
	}

	/* note: what the picture leaves out or how it was made */
	note[0] = '\0';
	if ((p->kind == BF_PLOT_DENSITY || p->kind == BF_PLOT_CDF) && p->clipped)
		snprintf(note, sizeof(note),
				 "x clipped to the sketch's 0.5%%-99.5%% quantiles: %.0f of %.0f values (%.2f%%) outside",
				 p->n_outside, p->n, 100 * p->n_outside / p->n);
	else if (p->kind == BF_PLOT_DENSITY && p->discrete && p->bin_width > 1)
		snprintf(note, sizeof(note), "each bar holds %.0f consecutive integers", p->bin_width);
	else if (p->kind == BF_PLOT_QQ && p->clipped)
		snprintf(note, sizeof(note),
				 "axes clipped to the sketch's 0.5%%-99.5%% quantiles: %d of the %d points outside",
				 qq_outside, p->npoints - 2);
	else if (p->kind == BF_PLOT_QQ || p->kind == BF_PLOT_PP)
	{
		int			len = snprintf(note, sizeof(note),
								   "plotting positions (r - a) / (n + 1 - 2a), a = %s (R's ppoints)",
								   p->n <= 10 ? "3/8" : "1/2");

		if (p->n > BF_PLOT_MAX_POINTS)
			snprintf(note + len, sizeof(note) - len, "; %d evenly spaced ranks r", BF_PLOT_MAX_POINTS);
	}
	if (note[0])
	{
		svg_printf(&b, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"11\" fill=\"#555\">", PX0, H - 10);
		svg_text(&b, note);
		svg_printf(&b, "</text>\n");
	}
	svg_printf(&b, "</svg>\n");
	return b.data;
}
