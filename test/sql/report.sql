-- fit_report (src/pg/report.c, src/sketch/profile.c): every figure of the
-- profile is checked against an independent computation in SQL over the
-- raw rows; the calibrated test against gof_test called directly.  Where
-- the fits are not the subject, a short list of candidates keeps it fast.
SET client_min_messages = warning;
SET extra_float_digits = 0;

-- The demo's wind speeds (whole knots shown in mph; calm hours recorded as 0;
-- one 1048 mph reading), all rows.
CREATE TABLE rep_weather (origin text, month int, temp float8, humid float8, wind_speed float8,
                          wind_gust float8, precip float8, pressure float8);
\copy rep_weather FROM 'test/data/weather.csv' WITH (FORMAT csv, HEADER, NULL 'NA')
\set few '{gamma, weibull_min, lognorm, rayleigh, norm, expon}'
CREATE TABLE rep AS
  SELECT 'wind'::text AS name, fit_report(fit_histogram(wind_speed), :'few', samples => 0) AS r FROM rep_weather;

-- counts, quantiles (the smallest value whose cumulative count reaches p n:
-- percentile_disc), resolution, share of tied rows
WITH w AS (SELECT wind_speed AS x FROM rep_weather WHERE wind_speed IS NOT NULL),
     ties AS (SELECT sum(c) AS tied FROM (SELECT count(*) AS c FROM w GROUP BY x) g WHERE c >= 2)
SELECT (r->>'rows')::bigint = (SELECT count(*) FROM w) AS rows_ok,
       (r->>'distinct')::int = (SELECT count(DISTINCT x) FROM w) AS distinct_ok,
       (r->'quantiles'->>'p01')::float8 = (SELECT percentile_disc(0.01) WITHIN GROUP (ORDER BY x) FROM w) AS p01_ok,
       (r->'quantiles'->>'p25')::float8 = (SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY x) FROM w) AS p25_ok,
       (r->'quantiles'->>'p50')::float8 = (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM w) AS p50_ok,
       (r->'quantiles'->>'p75')::float8 = (SELECT percentile_disc(0.75) WITHIN GROUP (ORDER BY x) FROM w) AS p75_ok,
       (r->'quantiles'->>'p99')::float8 = (SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY x) FROM w) AS p99_ok,
       abs((r->>'resolution')::float8 - 1.15078) < 1e-6 AS resolution_one_knot,
       abs((r->>'tied_share')::float8 - (SELECT tied FROM ties)::float8 / (SELECT count(*) FROM w)) < 1e-12 AS tied_share_ok
  FROM rep WHERE name = 'wind';

-- heavy tail: spark-bestfit's indicators, recomputed from the rows
-- (population excess kurtosis g2 = m4 / m2^2 - 3; max / p99)
WITH w AS (SELECT wind_speed AS x FROM rep_weather WHERE wind_speed IS NOT NULL),
     m AS (SELECT avg(x) AS mu FROM w),
     c AS (SELECT avg((x - mu) ^ 2) AS m2, avg((x - mu) ^ 4) AS m4 FROM w, m)
SELECT (r->'heavy_tail'->>'heavy')::boolean AS heavy,
       abs((r->'heavy_tail'->>'excess_kurtosis')::float8 - (m4 / m2 ^ 2 - 3)) < 1e-6 * (m4 / m2 ^ 2) AS kurtosis_ok,
       abs((r->'heavy_tail'->>'max_over_p99')::float8
           - (SELECT max(x) FROM w) / (SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY x) FROM w)) < 1e-12 AS ratio_ok
  FROM rep, c WHERE name = 'wind';

-- Tukey's far-out fences Q1 - 3 IQR and Q3 + 3 IQR, the rows beyond them,
-- and the one isolated value (1048 mph, past a gap of more than 3 IQR)
WITH w AS (SELECT wind_speed AS x FROM rep_weather WHERE wind_speed IS NOT NULL),
     q AS (SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY x) AS q1,
                  percentile_disc(0.75) WITHIN GROUP (ORDER BY x) AS q3 FROM w)
SELECT abs((r->'outliers'->>'upper_fence')::float8 - (q3 + 3 * (q3 - q1))) < 1e-12 AS upper_fence_ok,
       abs((r->'outliers'->>'lower_fence')::float8 - (q1 - 3 * (q3 - q1))) < 1e-12 AS lower_fence_ok,
       (r->'outliers'->>'far_out')::bigint =
         (SELECT count(*) FROM w WHERE x > q3 + 3 * (q3 - q1) OR x < q1 - 3 * (q3 - q1)) AS far_out_ok,
       (r->'outliers'->>'isolated')::int AS isolated,
       r->'outliers'->'isolated_values' AS isolated_values
  FROM rep, q WHERE name = 'wind';

-- atoms: calm hours (0) are a point mass at the smallest value; no other
-- wind speed is an atom (their counts follow their neighbours')
SELECT jsonb_array_length(r->'atoms') AS atoms, r->'atoms'->0->>'value' AS value,
       (r->'atoms'->0->>'rows')::bigint = (SELECT count(*) FROM rep_weather WHERE wind_speed = 0) AS rows_ok,
       r->'atoms'->0->>'kind' AS kind
  FROM rep WHERE name = 'wind';

-- the advice names the atom, the outlier and the resolution
SELECT count(*) FILTER (WHERE a LIKE '%WHERE x <> 0%') AS atom_advice,
       count(*) FILTER (WHERE a LIKE '%1048.36%recording errors%') AS outlier_advice,
       count(*) FILTER (WHERE a LIKE '%resolution of 1.15078%') AS resolution_advice,
       count(*) FILTER (WHERE a LIKE 'best_fit chooses%') AS choice_advice
  FROM rep, jsonb_array_elements_text(r->'recommendations') a WHERE name = 'wind';

-- the top candidates are fit_distributions' first rows, in its order
WITH h AS (SELECT fit_histogram(wind_speed) AS h FROM rep_weather),
     f AS (SELECT rank, fit::text AS fit, aic, delta_aic FROM h, fit_distributions(h, :'few') WHERE rank <= 5)
SELECT bool_and(c->>'fit' = f.fit AND (c->>'aic')::float8 = f.aic AND (c->>'delta_aic')::float8 = f.delta_aic)
         AS candidates_match,
       count(*) AS listed
  FROM rep, jsonb_array_elements(r->'candidates') c JOIN f ON f.rank = (c->>'rank')::int
 WHERE name = 'wind';

-- groundbeef (fitdistrplus; integer grams, a few half grams): heaped at
-- 80, 50, 130, 100 and 40 g; the share of tied rows
CREATE TABLE rep_gb (x float8);
\copy rep_gb FROM 'test/data/groundbeef.txt'
INSERT INTO rep SELECT 'groundbeef', fit_report(fit_histogram(x), :'few', samples => 0) FROM rep_gb;
SELECT (r->'atoms'->0->>'value')::float8 AS a1, (r->'atoms'->1->>'value')::float8 AS a2,
       (r->'atoms'->2->>'value')::float8 AS a3, (r->'atoms'->3->>'value')::float8 AS a4,
       (r->'atoms'->4->>'value')::float8 AS a5, r->'atoms'->0->>'kind' AS kind,
       (r->'atoms'->0->>'rows')::int = (SELECT count(*) FROM rep_gb WHERE x = 80) AS rows_ok,
       abs((r->>'tied_share')::float8 - (SELECT sum(c) FROM (SELECT count(*) c FROM rep_gb GROUP BY x) g WHERE c > 1)
           / 254.0) < 1e-12 AS tied_share_ok,
       (r->'outliers'->>'isolated')::int AS isolated
  FROM rep WHERE name = 'groundbeef';

-- continuous values without ties: no resolution, no atoms, no outliers;
-- then 50 zeros among them: an atom at the smallest value
CREATE TABLE rep_norm AS SELECT x FROM random_sample('norm(loc=100, scale=15)', 1000, 5) x;
SELECT (r->>'resolution')::float8 AS resolution, jsonb_array_length(r->'atoms') AS atoms,
       (r->'outliers'->>'isolated')::int AS isolated, (r->'heavy_tail'->>'heavy')::boolean AS heavy
  FROM (SELECT fit_report(fit_histogram(x), :'few', samples => 0) AS r FROM rep_norm) s;
SELECT r->'atoms' AS atoms
  FROM (SELECT fit_report(fit_histogram(x), :'few', samples => 0) AS r
          FROM (SELECT x FROM rep_norm UNION ALL SELECT 0 FROM generate_series(1, 50)) u) s;

-- a binned sketch (more than 3,000 distinct values) with 10% zeros: the
-- zeros' bin is an atom (its edges hold 0; its share is the zeros' plus the
-- few smallest values sharing the bin)
WITH x AS (SELECT x FROM random_sample('expon(loc=0, scale=3)', 20000, 9) x
           UNION ALL SELECT 0 FROM generate_series(1, 2000)),
     r AS (SELECT fit_report(fit_histogram(x), :'few', samples => 0) AS r FROM x)
SELECT (r->>'exact')::boolean AS exact, jsonb_array_length(r->'atoms') AS atoms,
       (r->'atoms'->0->>'lower')::float8 <= 0 AND (r->'atoms'->0->>'upper')::float8 >= 0 AS holds_zero,
       (r->'atoms'->0->>'share')::float8 BETWEEN 2000 / 22000.0 AND 2000 / 22000.0 + 0.005 AS share_ok,
       r->'atoms'->0->>'kind' AS kind
  FROM r;

-- the whole default set: the choice is best_fit's; the calibrated test is
-- gof_test's, same seed: identical p-values
CREATE TABLE rep_small AS SELECT fit_histogram(x) AS h FROM random_sample('norm(loc=10, scale=2)', 200, 3) x;
CREATE TABLE rep_small_r AS SELECT fit_report(h, samples => 19, seed => 7) AS r FROM rep_small;
CREATE TABLE rep_small_best AS SELECT best_fit(h) AS b FROM rep_small;
WITH g AS (SELECT (gof_test(h, b, samples => 19, seed => 7)).* FROM rep_small, rep_small_best)
SELECT r->>'best_fit' = b::text AS best_fit_match,
       r->'calibrated_tests'->0->>'distribution' = distribution_name(b) AS tests_the_choice,
       (r->'calibrated_tests'->0->>'samples')::int AS samples,
       (r->'calibrated_tests'->0->>'ks_pvalue')::float8 = g.ks_pvalue AS ks_same,
       (r->'calibrated_tests'->0->>'ad_pvalue')::float8 = g.ad_pvalue AS ad_same,
       (r->'calibrated_tests'->0->>'cvm_pvalue')::float8 = g.cvm_pvalue AS cvm_same,
       jsonb_array_length(r->'calibrated_tests') BETWEEN 1 AND 2 AS at_most_two
  FROM rep_small_r, rep_small_best, g;

-- edge cases: no finite values, one distinct value, NULL sketch, bad samples
SELECT r->'candidates' AS candidates, r->>'best_fit' AS best, r->'recommendations' AS advice
  FROM (SELECT fit_report(fit_histogram(x), samples => 0) AS r FROM (VALUES ('NaN'::float8), ('Infinity')) v(x)) s;
SELECT jsonb_array_length(r->'candidates') AS candidates, r->>'rows' AS rows
  FROM (SELECT fit_report(fit_histogram(7.0::float8), samples => 0) AS r) s;
SELECT fit_report(NULL) IS NULL AS null_in_null_out;
SELECT fit_report(h, samples => -1) FROM rep_small;
SELECT fit_report(h, samples => 10001) FROM rep_small;
SELECT fit_report(h, samples => NULL) FROM rep_small;
SELECT fit_report(h, ARRAY['nosuch']) FROM rep_small;

DROP TABLE rep, rep_weather, rep_gb, rep_norm, rep_small, rep_small_r, rep_small_best;
