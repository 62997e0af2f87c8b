-- issue 11, item 5: every SQL function holds its contract at n = 1, at one
-- distinct value, at 3000 and 3001 distinct values (the last exact sketch and
-- the first binned one), with all values NaN or infinite, at +-DBL_MAX and
-- with subnormals.  References: SQL over the raw rows (counts, min, max;
-- mean and standard deviation in numeric, which does not overflow) and the
-- closed-form maximum-likelihood fits of norm (mean, population sd) and
-- uniform (min, max - min).  A subnormal result can only be a multiple of
-- 2^-1074 (4.9e-324): tolerances add 2 of those.
SET client_min_messages = warning;
CREATE TABLE contract_rows (name text, i int, x float8);
INSERT INTO contract_rows SELECT 'n = 1', 1, 3.5;
INSERT INTO contract_rows SELECT 'one distinct', i, 2.0 FROM generate_series(1, 100) i;
INSERT INTO contract_rows SELECT 'distinct 3000', i, i FROM generate_series(1, 3000) i;
INSERT INTO contract_rows SELECT 'distinct 3001', i, i FROM generate_series(1, 3001) i;
INSERT INTO contract_rows SELECT 'all NaN', i, 'NaN' FROM generate_series(1, 10) i;
INSERT INTO contract_rows SELECT 'all infinite or NaN', i, (ARRAY['Infinity', '-Infinity', 'NaN'])[1 + i % 3]::float8
  FROM generate_series(1, 9) i;
INSERT INTO contract_rows SELECT '+-DBL_MAX and small', i,
  (ARRAY[-1.7976931348623157e308, -1, 0, 1, 1.7976931348623157e308])[1 + i % 5] FROM generate_series(1, 50) i;
INSERT INTO contract_rows SELECT '+-DBL_MAX only', i,
  (ARRAY[-1.7976931348623157e308, 1.7976931348623157e308])[1 + i % 2] FROM generate_series(1, 50) i;
INSERT INTO contract_rows SELECT 'near DBL_MAX', i, 1.7976931348623157e308 * (1 - i * 1e-3) FROM generate_series(1, 50) i;
INSERT INTO contract_rows SELECT 'subnormal', i, i * 4.9406564584124654e-324 FROM generate_series(1, 100) i;
INSERT INTO contract_rows SELECT 'subnormal, both signs', i, (i - 50) * 3 * 4.9406564584124654e-324
  FROM generate_series(1, 100) i;

CREATE TABLE contract_sketches AS
SELECT name, fit_histogram(x) AS h,
       fit_histogram(x) FILTER (WHERE i % 3 = 0) AS h0, fit_histogram(x) FILTER (WHERE i % 3 <> 0) AS h1,
       count(*) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS n,   -- SQL sorts NaN above Infinity
       count(DISTINCT x) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS distinct_finite,
       min(x) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS min,
       max(x) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS max,
       avg(x::numeric) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS mean,
       stddev_pop(x::numeric) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS sd_pop,
       stddev_samp(x::numeric) FILTER (WHERE x < 'Infinity' AND x > '-Infinity') AS sd
  FROM contract_rows GROUP BY name;

-- fit_histogram and fit_histogram_summary: counts, extremes and moments
SELECT name, s->>'n' AS n, s->>'bins' AS bins, s->>'level' AS level, s->>'exact' AS exact,
       (s->>'n')::bigint = c.n AS n_ok,
       (s->>'nan')::bigint = (SELECT count(*) FROM contract_rows r WHERE r.name = c.name AND r.x = 'NaN')
         AND (s->>'posinf')::bigint = (SELECT count(*) FROM contract_rows r WHERE r.name = c.name AND r.x = 'Infinity')
         AND (s->>'neginf')::bigint = (SELECT count(*) FROM contract_rows r WHERE r.name = c.name AND r.x = '-Infinity')
         AS special_counts_ok,
       (s->>'min')::float8 IS NOT DISTINCT FROM c.min AND (s->>'max')::float8 IS NOT DISTINCT FROM c.max AS extremes_ok,
       ((s->>'exact')::boolean = (c.distinct_finite <= 3000))
         AND (NOT (s->>'exact')::boolean OR (s->>'bins')::bigint = c.distinct_finite) AS exact_ok,
       CASE WHEN c.n = 0 THEN s->'mean' = 'null' AND s->'stddev' = 'null'
            ELSE abs((s->>'mean')::numeric - c.mean) <= 1e-9 * coalesce(c.sd, 0) + 1e-323 * 2
                 + CASE WHEN (s->>'exact')::boolean THEN 0 ELSE 1e-3 * c.sd END END AS mean_ok,
       CASE WHEN c.n = 0 THEN true
            WHEN c.sd > 1.7976931348623157e308 THEN s->'stddev' = 'null'   -- overflows a double
            ELSE abs((s->>'stddev')::numeric - coalesce(c.sd, 0)) <= 1e-9 * coalesce(c.sd, 0) + 1e-323 * 2
                 + CASE WHEN (s->>'exact')::boolean THEN 0 ELSE 1e-3 * c.sd END END AS sd_ok
  FROM contract_sketches c, fit_histogram_summary(h) s ORDER BY name;

-- rollups of two parts equal the sketch of all rows; text and binary forms
-- read back to the same value
SELECT name,
       (SELECT fit_histogram(p) FROM (VALUES (h0), (h1)) v(p))::text = h::text AS rollup_ok,
       h::text::fit_histogram::text = h::text AS text_roundtrip
  FROM contract_sketches ORDER BY name;

-- fit_distributions: a fit is 'ok' with finite log-likelihood and
-- parameters, or 'not fitted: ...' without a fit; norm and uniform, where
-- fitted, are their closed-form estimates
SELECT c.name,
       string_agg(f.distribution, ',' ORDER BY f.distribution) FILTER (WHERE f.status = 'ok') AS fitted,
       bool_and(CASE WHEN f.status = 'ok'
                     THEN f.fit IS NOT NULL AND f.loglik > '-Infinity' AND f.loglik < 'Infinity'
                          AND NOT EXISTS (SELECT FROM jsonb_each(f.params) p
                                           WHERE jsonb_typeof(p.value) <> 'number')
                     ELSE f.fit IS NULL AND f.status LIKE 'not fitted: %' END) AS statuses_ok,
       bool_and(CASE WHEN f.status <> 'ok' THEN true
                     WHEN f.distribution = 'norm'   -- binned: within the bins' relative width
                     THEN abs((f.params->>'loc')::numeric - c.mean) <= 1e-6 * c.sd_pop + 1e-323 * 2
                            + (fit_histogram_summary(h)->>'relative_resolution')::numeric * greatest(abs(c.min::numeric), abs(c.max::numeric))
                          AND abs((f.params->>'scale')::numeric - c.sd_pop) <= 1e-6 * c.sd_pop + 1e-323 * 2
                            + (fit_histogram_summary(h)->>'relative_resolution')::numeric * greatest(abs(c.min::numeric), abs(c.max::numeric))
                     WHEN f.distribution = 'uniform'
                     THEN (f.params->>'loc')::float8 = c.min
                          AND abs((f.params->>'scale')::numeric - (c.max::numeric - c.min::numeric))
                              <= 1e-12 * (c.max::numeric - c.min::numeric)
                     ELSE true END) AS closed_forms_ok
  FROM contract_sketches c, fit_distributions(h, ARRAY['norm', 'uniform', 'expon', 'cauchy']) f
 GROUP BY c.name ORDER BY c.name;

-- +-DBL_MAX alone: the estimates of uniform and expon (a scale of twice
-- DBL_MAX) exceed the largest double, and the status says so (it had blamed
-- fixed parameters, of which there are none); norm (scale 1.01 DBL_MAX) and
-- cauchy are not fitted either (a known limit: cauchy's estimate, scale =
-- DBL_MAX, is representable)
SELECT f.distribution, f.status
  FROM contract_sketches c, fit_distributions(h, ARRAY['norm', 'uniform', 'expon', 'cauchy']) f
 WHERE c.name = '+-DBL_MAX only' ORDER BY f.distribution;

-- best_fit (the whole default set: the small cases only): NULL without two
-- distinct finite values or when nothing can be fitted (+-DBL_MAX only: the
-- fits' scales would exceed DBL_MAX), else a distribution whose cdf at the
-- data's extremes lies in [0, 1]
SELECT name, b IS NOT NULL AS fitted,
       CASE WHEN b IS NULL THEN true
            ELSE c.distinct_finite >= 2 AND cdf(b, c.min) BETWEEN 0 AND 1 AND cdf(b, c.max) BETWEEN 0 AND 1
       END AS best_fit_ok
  FROM contract_sketches c, best_fit(h) b
 WHERE name NOT IN ('distinct 3000', 'distinct 3001', 'subnormal, both signs') ORDER BY name;

-- gof_test on small samples: a clean error without two distinct finite
-- values; else finite statistics and p-values in (0, 1]
SELECT c.name, g.ks_statistic >= 0 AND g.ad_statistic >= 0 AND g.cvm_statistic >= 0
         AND g.ks_statistic <= 1 AND g.ad_statistic < 'Infinity' AND g.cvm_statistic < 'Infinity'
         AND g.ks_pvalue > 0 AND g.ks_pvalue <= 1 AND g.ad_pvalue > 0 AND g.ad_pvalue <= 1
         AND g.cvm_pvalue > 0 AND g.cvm_pvalue <= 1 AS gof_ok
  FROM contract_sketches c, fit_distributions(h, ARRAY['norm']) f, gof_test(h, f.fit, samples => 9) g
 WHERE f.status = 'ok' AND c.name IN ('distinct 3001', 'subnormal', '+-DBL_MAX and small')
 ORDER BY c.name;
SELECT * FROM gof_test((SELECT h FROM contract_sketches WHERE name = 'n = 1'), 'norm(loc=3.5, scale=1)', samples => 9);
SELECT * FROM gof_test((SELECT h FROM contract_sketches WHERE name = 'one distinct'), 'norm(loc=2, scale=1)', samples => 9);
SELECT * FROM gof_test((SELECT h FROM contract_sketches WHERE name = 'all NaN'), 'norm(loc=0, scale=1)', samples => 9);

DROP TABLE contract_rows, contract_sketches;
