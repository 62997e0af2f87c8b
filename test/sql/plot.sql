-- fit_plot_points and fit_plot_svg (issue 12 item 5): the points of a chart of
-- a fit against its sketch, and their SVG.  Values are checked against the
-- raw rows (histogram counts), closed forms (uniform and Poisson) and the
-- distribution functions pdf/pmf/cdf/quantile; SVG well-formedness through
-- PostgreSQL's own XML parser (test/plot_render.sh also renders them).
CREATE TEMP TABLE plot_raw AS
  SELECT 'ten'::text AS name, i::float8 AS x FROM generate_series(1, 10) i
  UNION ALL
  -- an exact sketch of 3000 distinct values 0.01 .. 30.00 (more than 400 points)
  SELECT 'many', (i * 7919 % 3001) / 100.0 FROM generate_series(1, 3000) i
  UNION ALL
  -- a binned sketch: 20,000 normal draws (level > 0)
  SELECT 'normal', x FROM random_sample('norm(loc=10, scale=2)'::distribution, 20000, 42) x
  UNION ALL
  -- heavy tails: 20,000 Cauchy draws
  SELECT 'cauchy', x FROM random_sample('cauchy(loc=0, scale=1)'::distribution, 20000, 7) x
  UNION ALL
  -- integers for a discrete fit: 0 twice, 1 three times, 2 five times, 4 once
  SELECT 'counts', k FROM unnest(array[0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 4]) k;
CREATE TEMP TABLE plot_sk AS
  SELECT name, fit_histogram(x) AS h, count(*) AS n FROM plot_raw GROUP BY name;
SELECT name, n, (fit_histogram_summary(h) ->> 'exact')::boolean AS exact FROM plot_sk ORDER BY name;

-- series sizes: at most 400 points a series, 100 histogram bars
SELECT s.name, k.kind, p.series, count(*)
  FROM plot_sk s
  JOIN (VALUES ('ten', 'uniform(loc=0, scale=11)'), ('many', 'uniform(loc=0, scale=30.01)'),
               ('normal', 'norm(loc=10, scale=2)'), ('cauchy', 'cauchy(loc=0, scale=1)'),
               ('counts', 'poisson(mu=1.5)')) f(name, fit) USING (name)
 CROSS JOIN unnest(array['density', 'cdf', 'qq', 'pp']) k(kind)
 CROSS JOIN fit_plot_points(s.h, f.fit::distribution, k.kind) p
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- density, exact sketch: each bar's y * n * width is the number of raw values in
-- [x_lo, x_hi) ([x_lo, x_hi] for the last); equal widths; the fit's y is pdf(fit, x)
WITH p AS (SELECT p.*, row_number() OVER () AS i
             FROM plot_sk s, fit_plot_points(s.h, 'uniform(loc=0, scale=30.01)', 'density') p
            WHERE s.name = 'many')
SELECT count(*) AS bars,
       bool_and(abs(y * 3000 * (x_hi - x_lo)
                    - (SELECT count(*) FROM plot_raw r WHERE r.name = 'many' AND r.x >= p.x_lo
                        AND (r.x < p.x_hi OR (r.x = p.x_hi AND p.i = (SELECT max(i) FROM p WHERE series = 'data'))))) < 1e-6)
         AS counts_match,
       max(x_hi - x_lo) - min(x_hi - x_lo) < 1e-9 AS equal_widths,
       abs(min(x_lo) - 0.01) < 1e-12 AND abs(max(x_hi) - 30) < 1e-9 AS spans_min_max
  FROM p WHERE series = 'data';
SELECT count(*) AS grid, bool_and(abs(y - pdf('uniform(loc=0, scale=30.01)', x)) < 1e-15) AS is_pdf,
       min(x) = 0.01 AND max(x) = 30 AS spans
  FROM plot_sk s, fit_plot_points(s.h, 'uniform(loc=0, scale=30.01)', 'density') p
 WHERE s.name = 'many' AND series = 'fit';

-- density, binned sketch: the bars hold all the values (sum of y * width = 1)
-- and the normal fit's pdf is the closed form exp(-z^2/2) / (2 sqrt(2 pi))
SELECT abs(sum(y * (x_hi - x_lo)) FILTER (WHERE series = 'data') - 1) < 1e-9 AS mass_one,
       bool_and(abs(y / (exp(-(((x - 10) / 2) ^ 2) / 2) / (2 * sqrt(2 * pi()))) - 1) < 1e-13)
         FILTER (WHERE series = 'fit') AS pdf_closed_form
  FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=10, scale=2)', 'density') p WHERE s.name = 'normal';

-- heavy tails: the range is the sketch's 0.5%-99.5% quantile range, so the bars
-- hold 99% of the values (binned sketch: to within its interpolation)
SELECT abs(sum(y * (x_hi - x_lo)) - 0.99) < 0.002 AS mass_99pct,
       min(x_lo) > -100 AND max(x_hi) < 100 AS clipped
  FROM plot_sk s, fit_plot_points(s.h, 'cauchy(loc=0, scale=1)', 'density') p
 WHERE s.name = 'cauchy' AND series = 'data';

-- density, discrete fit: the empirical pmf per integer 0..4 (2/11, 3/11, 5/11, 0, 1/11)
-- and the Poisson pmf exp(-1.5) 1.5^k / k!, bars [k - 1/2, k + 1/2]
SELECT series, x, x_lo, x_hi,
       abs(y - CASE series WHEN 'data' THEN (array[2, 3, 5, 0, 1])[x::int + 1] / 11.0
                 ELSE exp(-1.5) * 1.5 ^ x / factorial(x::int) END) < 1e-15 AS y_ok
  FROM plot_sk s, fit_plot_points(s.h, 'poisson(mu=1.5)', 'density') p WHERE s.name = 'counts';

-- cdf: the fraction of values up to each value (exact: k / 10 at k), nondecreasing,
-- ending at 1; the fit's is cdf(fit, x)
SELECT bool_and(abs(y - x / 10) < 1e-15) FILTER (WHERE series = 'data') AS ecdf_ok,
       bool_and(abs(y - cdf('uniform(loc=0, scale=11)', x)) < 1e-15) FILTER (WHERE series = 'fit') AS fit_is_cdf
  FROM plot_sk s, fit_plot_points(s.h, 'uniform(loc=0, scale=11)', 'cdf') p WHERE s.name = 'ten';
WITH p AS (SELECT s.name, p.*, row_number() OVER (PARTITION BY s.name ORDER BY NULL) AS i
             FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=10, scale=2)', 'cdf') p
            WHERE s.name IN ('many', 'normal', 'cauchy') AND series = 'data')
SELECT name, count(*) AS points,
       bool_and(x > lx AND y >= ly) FILTER (WHERE lx IS NOT NULL) AS increasing,
       max(y) = 1 AS ends_at_one
  FROM (SELECT *, lag(x) OVER w AS lx, lag(y) OVER w AS ly FROM p WINDOW w AS (PARTITION BY name ORDER BY i)) q
 GROUP BY name ORDER BY name;
-- thinning of the exact sketch of 3000 values: every 8th value, exact there
SELECT bool_and(abs(y - (SELECT count(*) FROM plot_raw r WHERE r.name = 'many' AND r.x <= p.x) / 3000.0) < 1e-15) AS exact_ecdf
  FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=10, scale=2)', 'cdf') p WHERE s.name = 'many' AND series = 'data';

-- qq and pp, n = 10: R's ppoints, p_r = (r - 3/8) / (10 + 1 - 3/4); the r-th value is r;
-- uniform(0, 11): quantile 11 p, cdf x / 11 (closed forms)
-- (the reference line spans the points' smallest and largest coordinate: 11 (1 - 3/8) / 10.25
-- = 0.67073170731707317 and 11 (10 - 3/8) / 10.25 = 10.329268292682927)
SELECT row_number() OVER () AS r, series,
       abs(x - CASE series WHEN 'data' THEN 11 * (row_number() OVER () - 0.375) / 10.25
                 ELSE (array[0.67073170731707317, 10.329268292682927])[row_number() OVER () - 10] END) < 1e-12 AS x_ok,
       y, CASE series WHEN 'reference' THEN abs(x - y) < 1e-12 END AS on_line
  FROM plot_sk s, fit_plot_points(s.h, 'uniform(loc=0, scale=11)', 'qq') p WHERE s.name = 'ten';
SELECT series, x * 11 AS x_times_11, abs(y - CASE series WHEN 'data' THEN (x * 11 - 0.375) / 10.25 ELSE x END) < 1e-12 AS y_ok
  FROM plot_sk s, fit_plot_points(s.h, 'uniform(loc=0, scale=11)', 'pp') p WHERE s.name = 'ten';
-- more than 400 values: 400 evenly spaced ranks r = 1 + floor((j - 1)(n - 1) / 399),
-- Hazen's positions (r - 1/2) / n; the fit's quantile there
WITH p AS (SELECT p.*, row_number() OVER () AS j
             FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=10, scale=2)', 'qq') p
            WHERE s.name = 'many' AND series = 'data')
SELECT count(*) AS points,
       bool_and(abs(x - quantile('norm(loc=10, scale=2)', (1 + floor((j - 1) * 2999 / 399.0) - 0.5) / 3000)) < 1e-12) AS x_ok,
       bool_and(y = (SELECT x FROM plot_raw r WHERE r.name = 'many' ORDER BY x
                      OFFSET floor((j - 1) * 2999 / 399.0) LIMIT 1)) AS y_is_order_statistic
  FROM p;
-- a sketch against its own fit: the QQ points lie near the line (the binned
-- normal sample against the fit fit_distributions finds)
WITH f AS (SELECT d.fit FROM plot_sk s, fit_distributions(s.h, array['norm']) d WHERE s.name = 'normal')
SELECT corr(x, y) > 0.999 AS straight,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(y - x)) < 0.05 AS median_gap_small,
       max(abs(y - x)) FILTER (WHERE x BETWEEN 5 AND 15) < 0.2 AS central_gap_small
  FROM plot_sk s, f, fit_plot_points(s.h, f.fit, 'qq') p WHERE s.name = 'normal' AND series = 'data';
-- pp of the same: both coordinates in [0, 1], the reference line from (0, 0) to (1, 1)
WITH f AS (SELECT d.fit FROM plot_sk s, fit_distributions(s.h, array['norm']) d WHERE s.name = 'normal')
SELECT series, count(*), min(x) >= 0 AND max(x) <= 1 AND min(y) >= 0 AND max(y) <= 1 AS unit_square,
       max(abs(x - y)) < 0.02 AS near_line
  FROM plot_sk s, f, fit_plot_points(s.h, f.fit, 'pp') p WHERE s.name = 'normal' GROUP BY series ORDER BY series;

-- SVG: a well-formed XML document naming the fit, deterministic
SELECT s.name, k.kind, xml_is_well_formed_document(svg) AS well_formed,
       svg LIKE '%</svg>' || E'\n' AS complete, strpos(svg, 'fit: ' || distribution_name(fit)) > 0 AS names_fit,
       md5(svg) = md5(fit_plot_svg(s.h, f.fit, k.kind)) AS deterministic
  FROM plot_sk s
  JOIN (VALUES ('ten', 'uniform(loc=0, scale=11)'::distribution), ('normal', 'norm(loc=10, scale=2)'),
               ('cauchy', 'cauchy(loc=0, scale=1)'), ('counts', 'poisson(mu=1.5)')) f(name, fit) USING (name)
 CROSS JOIN unnest(array['density', 'cdf', 'qq', 'pp']) k(kind)
 CROSS JOIN fit_plot_svg(s.h, f.fit, k.kind) svg
 ORDER BY 1, 2;
-- the default kind is density; the heavy-tailed sample's picture says it is clipped
SELECT strpos(fit_plot_svg(h, 'cauchy(loc=0, scale=1)'), 'Histogram and fitted pdf') > 0 AS density,
       substring(fit_plot_svg(h, 'cauchy(loc=0, scale=1)') from 'x clipped to [^<]*') AS note
  FROM plot_sk WHERE name = 'cauchy';

-- errors: unknown kind, nothing to plot, a discrete fit on non-integers, a range that
-- overflows a double; NULL in, NULL out
\set VERBOSITY default
SELECT * FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=0, scale=1)', 'histogram') WHERE name = 'ten';
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array['NaN', 'Infinity']::float8[]) x), 'norm(loc=0, scale=1)');
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array[3.5, 'NaN']::float8[]) x), 'norm(loc=0, scale=1)');
SELECT * FROM fit_plot_points((SELECT fit_histogram(x) FROM unnest(array[2, 2, 2]::float8[]) x), 'norm(loc=0, scale=1)', 'qq');
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array[0, 1.5, 3]::float8[]) x), 'poisson(mu=1.5)', 'cdf');
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array[-1e308, 1e308]::float8[]) x), 'norm(loc=0, scale=1)');
SELECT fit_plot_svg(NULL, 'norm(loc=0, scale=1)') IS NULL AS null_sketch,
       (SELECT count(*) FROM fit_plot_points(h, 'norm(loc=0, scale=1)', NULL)) AS null_kind_rows
  FROM plot_sk WHERE name = 'ten';
-- the SQLSTATEs: 22023 (invalid_parameter_value) for each
\set VERBOSITY sqlstate
SELECT * FROM plot_sk s, fit_plot_points(s.h, 'norm(loc=0, scale=1)', 'histogram') WHERE name = 'ten';
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array[3.5, 'NaN']::float8[]) x), 'norm(loc=0, scale=1)');
SELECT fit_plot_svg((SELECT fit_histogram(x) FROM unnest(array[0, 1.5, 3]::float8[]) x), 'poisson(mu=1.5)', 'cdf');
\set VERBOSITY terse

-- cancel: 400 quantiles of studentized_range take seconds; a 200 ms statement_timeout
-- stops the QQ plot (the core polls between points and inside each quantile)
SET statement_timeout = '200ms';
SELECT count(*) FROM plot_sk s, fit_plot_points(s.h, 'studentized_range(k=3, df=10)', 'qq') WHERE name = 'many';
RESET statement_timeout;
