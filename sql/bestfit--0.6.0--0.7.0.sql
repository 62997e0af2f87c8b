-- bestfit 0.6.0 -> 0.7.0
-- (issue 12) pictures for BI tools (fit_plot_points, fit_plot_svg) and the aggregate
-- state for shard push-down; (issues 8, 11) engine and hardening changes need no SQL change.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.7.0'" to load this file. \quit

-- issue 12 item 5: pictures for people and BI tools (fit_plot_points, fit_plot_svg)
CREATE FUNCTION fit_plot_points(sketch fit_histogram, fit distribution, kind text)
RETURNS TABLE (
    series text,
    x double precision,
    y double precision,
    x_lo double precision,
    x_hi double precision)
    AS 'MODULE_PATHNAME', 'fit_plot_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 400;
COMMENT ON FUNCTION fit_plot_points(fit_histogram, distribution, text) IS
    'The points of a chart of a fit against the sketch''s finite values, for BI tools: series ''data'', then ''fit'', then ''reference''; at most 400 points per series. kind ''density'': data = a histogram of equal-width bars (x the middle, x_lo and x_hi the edges, y = count / (n width); Freedman-Diaconis bin count, at most 100; integers get whole-integer bars), fit = the pdf at 201 points of the range; a discrete fit: data = the empirical pmf per integer (bars of several integers with their mean pmf when there are more than 200), fit = the pmf there. The range is [min, max], or the 0.5%-99.5% sample quantiles when max - min exceeds 3 times their distance. ''cdf'': data = the fraction of values up to each value (exact sketch) or bin''s upper edge (every k-th of more than 400), fit = the cdf at 201 points of the range (a discrete fit: at the data''s x). ''qq'': data x = the fit''s quantile, y = the sample quantile at the plotting positions (r - a) / (n + 1 - 2a) of R''s ppoints (a = 3/8 for n <= 10, else 1/2), all ranks r up to n = 400, else 400 evenly spaced ranks; ''pp'': x = the fit''s cdf at the sample quantile, y = the plotting position; both with the reference line y = x (2 points). y is NULL where the fit gives no number. Errors: an unknown kind, fewer than two distinct finite values, a range max - min that overflows, a discrete fit on non-integers.';
CREATE FUNCTION fit_plot_svg(sketch fit_histogram, fit distribution, kind text DEFAULT 'density')
RETURNS text
    AS 'MODULE_PATHNAME', 'fit_plot_svg' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fit_plot_svg(fit_histogram, distribution, text) IS
    'The chart of fit_plot_points(sketch, fit, kind) as a self-contained SVG document (640 x 440, ASCII text): title naming the fit, axes with tick labels and titles, the histogram bars (or empirical pmf, or cdf dots, or QQ/PP dots) with the fit''s curve and, for qq and pp, the reference line y = x; a note says when the x range was clipped to the 0.5%-99.5% quantiles and how many values lie outside. The same errors as fit_plot_points.';
