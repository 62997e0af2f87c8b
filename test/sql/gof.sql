-- gof_test: parametric-bootstrap p-values of KS, AD and CvM (src/metrics/gof.c,
-- src/pg/gof.c), and the cvm/chisq columns of fit_distributions.
-- Only booleans of checks are printed: the numbers they compare against were
-- computed with scipy on the very same samples (random_sample is MT19937
-- inverse-transform sampling, reproduced by the unit harness).

-- 20 normal samples of 500 values and 20 lognormal(s = 0.5) samples
CREATE TABLE gof_norm AS
  SELECT s AS seed, fit_histogram(x) AS h
  FROM generate_series(1, 20) s, LATERAL random_sample('norm(loc=3, scale=2)', 500, s) x
  GROUP BY s;
CREATE TABLE gof_lognorm AS
  SELECT s AS seed, fit_histogram(x) AS h
  FROM generate_series(1, 20) s, LATERAL random_sample('lognorm(s=0.5)', 500, 100 + s) x
  GROUP BY s;

-- The observed statistics at a given distribution are the textbook ones:
-- scipy on sample 1 against norm(3, 2) gives kstest 0.037141478297128216,
-- cramervonmises 0.1329586235081597 and A^2 = -n - sum (2i - 1)/n
-- (log F(x_i) + log S(x_(n+1-i))) = 0.9313998530420236 (relative 1e-9).
SELECT abs(g.ks_statistic / 0.037141478297128216 - 1) < 1e-9 AS ks_matches_scipy,
       abs(g.ad_statistic / 0.9313998530420236 - 1) < 1e-9 AS ad_matches_scipy,
       abs(g.cvm_statistic / 0.1329586235081597 - 1) < 1e-9 AS cvm_matches_scipy
FROM gof_norm n, LATERAL gof_test(n.h, 'norm(loc=3, scale=2)', samples => 1) g
WHERE n.seed = 1;

-- fit_distributions' new columns on the same sample (norm(3, 2) is fixed
-- entirely, so the statistics are at those parameters): scipy's
-- cramervonmises as above; Pearson's chi-squared over the distinct values
-- (cells meeting halfway between them, the ends open) pooled left to right
-- to expected counts >= 5 is 107.66801631228162 over 88 pooled cells,
-- p-value chi2.sf(107.66801631228162, 87) = 0.06588161972135706 (no
-- parameter fitted).
SELECT abs(cvm_statistic / 0.1329586235081597 - 1) < 1e-9 AS cvm_column_matches_scipy,
       abs(chisq_statistic / 107.66801631228162 - 1) < 1e-9 AS chisq_matches_scipy,
       abs(chisq_pvalue / 0.06588161972135706 - 1) < 1e-9 AS chisq_pvalue_matches_scipy
FROM gof_norm n, LATERAL fit_distributions(n.h, ARRAY['norm'], fixed => '{"loc": 3, "scale": 2}') f
WHERE n.seed = 1;

-- The issue's acceptance: p-values of norm fitted to normal samples look
-- uniform, those of norm fitted to lognormal samples are below 0.01.
-- 200 bootstrap samples each (500 would take 2.5 times as long; 200 resolve
-- p-values to 0.005, enough for both checks).
CREATE TABLE gof_norm_p AS
  SELECT n.seed, g.*
  FROM gof_norm n,
       LATERAL (SELECT fit FROM fit_distributions(n.h, ARRAY['norm'])) f,
       LATERAL gof_test(n.h, f.fit, samples => 200, seed => n.seed) g;
SELECT avg(ks_pvalue) BETWEEN 0.3 AND 0.7 AS ks_mean_ok,
       avg(ad_pvalue) BETWEEN 0.3 AND 0.7 AS ad_mean_ok,
       avg(cvm_pvalue) BETWEEN 0.3 AND 0.7 AS cvm_mean_ok,
       count(*) FILTER (WHERE ks_pvalue < 0.1) <= 5 AS ks_few_small,
       count(*) FILTER (WHERE ad_pvalue < 0.1) <= 5 AS ad_few_small,
       count(*) FILTER (WHERE cvm_pvalue < 0.1) <= 5 AS cvm_few_small,
       count(*) = 20 AS all_tested
FROM gof_norm_p;

SELECT bool_and(ks_pvalue < 0.01) AS ks_rejects,
       bool_and(ad_pvalue < 0.01) AS ad_rejects,
       bool_and(cvm_pvalue < 0.01) AS cvm_rejects,
       count(*) = 20 AS all_tested
FROM gof_lognorm n,
     LATERAL (SELECT fit FROM fit_distributions(n.h, ARRAY['norm'])) f,
     LATERAL gof_test(n.h, f.fit, samples => 200, seed => n.seed) g;

-- The statistics are fit_distributions' own; a seed gives the same row every
-- time; another seed other p-values.
SELECT g.ks_statistic = f.ks_statistic AND g.ad_statistic = f.ad_statistic
         AND g.cvm_statistic = f.cvm_statistic AS same_statistics,
       g = gof_test(n.h, f.fit, samples => 50, seed => 42) AS same_seed_same_row,
       g IS DISTINCT FROM gof_test(n.h, f.fit, samples => 50, seed => 43) AS other_seed_differs
FROM gof_norm n,
     LATERAL (SELECT * FROM fit_distributions(n.h, ARRAY['norm'])) f,
     LATERAL gof_test(n.h, f.fit, samples => 50, seed => 42) g
WHERE n.seed = 3;

-- Fixed parameters: the refits keep loc where the fit has it.
SELECT g.ks_pvalue > 0 AND g.ks_pvalue <= 1 AS fixed_loc_runs
FROM gof_norm n,
     LATERAL (SELECT fit FROM fit_distributions(n.h, ARRAY['norm'], fixed => '{"loc": 3}')) f,
     LATERAL gof_test(n.h, f.fit, fixed => '{"loc": 3}', samples => 50) g
WHERE n.seed = 4;

-- Rounded data: values to 0.1 (the lattice path: multinomial counts over
-- the cells min + k q); the statistics are those of the cells.
CREATE TABLE gof_rounded AS
  SELECT fit_histogram(round(x::numeric, 1)::float8) AS h
  FROM random_sample('norm(loc=3, scale=0.5)', 500, 7) x;
SELECT (fit_histogram_summary(h)->>'resolution')::float8 BETWEEN 0.0999999 AND 0.1000001 AS detected,
       g.cvm_statistic = f.cvm_statistic AS cell_statistics,
       g.cvm_statistic <> e.cvm_statistic AS not_the_exact_values_statistics,
       g.ks_pvalue > 0 AND g.ad_pvalue > 0 AND g.cvm_pvalue > 0 AS pvalues_ok
FROM gof_rounded r,
     LATERAL (SELECT * FROM fit_distributions(r.h, ARRAY['norm'])) f,
     LATERAL gof_test(r.h, f.fit, samples => 100) g,
     LATERAL gof_test(r.h, f.fit, samples => 1, resolution => 0) e;

-- A binned sketch (20,000 rows, more than 3000 distinct values): the
-- multinomial path over its bins at its level.
CREATE TABLE gof_binned AS
  SELECT fit_histogram(x) AS h FROM random_sample('norm(loc=5, scale=2)', 20000, 11) x;
SELECT (fit_histogram_summary(h)->>'exact')::boolean AS exact,
       g.ks_statistic = f.ks_statistic AND g.cvm_statistic = f.cvm_statistic AS same_statistics,
       g.ks_pvalue > 0 AND g.ad_pvalue > 0 AND g.cvm_pvalue > 0 AS pvalues_ok
FROM gof_binned b,
     LATERAL (SELECT * FROM fit_distributions(b.h, ARRAY['norm'])) f,
     LATERAL gof_test(b.h, f.fit, samples => 50, seed => 5) g;

-- A refit that fails is left out with a warning: six integers fitted with
-- resolution 1; with seed 15 the one bootstrap sample cannot be refitted.
SELECT g.ks_statistic IS NOT NULL AS statistic_reported,
       g.ks_pvalue IS NULL AND g.ad_pvalue IS NULL AND g.cvm_pvalue IS NULL AS no_pvalues
FROM (SELECT fit_histogram(x) AS h FROM unnest(ARRAY[0, 1, 1, 2, 2, 3]::float8[]) x) s,
     LATERAL (SELECT fit FROM fit_distributions(s.h, ARRAY['norm'], resolution => 1)) f,
     LATERAL gof_test(s.h, f.fit, samples => 1, seed => 15, resolution => 1) g;

-- An infinite statistic has no p-value.  foldnorm fitted to 500 normal
-- draws puts its loc (the support's end) at the smallest value, where F = 0:
-- Anderson-Darling is infinite there and in every refit, so its p-value would
-- be 1 whatever the data (it was before this rule); KS and CvM stay finite.
CREATE TABLE gof_edge AS SELECT x FROM random_sample('norm(loc=10, scale=2)', 500, 5) x;
SELECT (f.params->>'loc')::float8 = (SELECT min(x) FROM gof_edge) AS loc_at_minimum,
       cdf(f.fit, (SELECT min(x) FROM gof_edge)) = 0 AS no_mass_below,
       g.ad_statistic = 'Infinity' AS ad_infinite,
       g.ad_pvalue IS NULL AS ad_no_pvalue,
       g.ks_pvalue > 0 AND g.cvm_pvalue > 0 AS others_tested
FROM (SELECT fit_histogram(x) AS h FROM gof_edge) s,
     LATERAL (SELECT * FROM fit_distributions(s.h, ARRAY['foldnorm'])) f,
     LATERAL gof_test(s.h, f.fit, samples => 19, seed => 1) g;

-- Arguments
SELECT gof_test(h, 'norm(loc=3, scale=2)', samples => 0) FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', samples => 100001) FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', samples => NULL) FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', fixed => '{"s": 1}') FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', fixed => '{"loc": 0}') FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', fixed => '[1]') FROM gof_norm WHERE seed = 1;
SELECT gof_test(h, 'norm(loc=3, scale=2)', resolution => -1) FROM gof_norm WHERE seed = 1;
SELECT gof_test(fit_histogram(x), 'norm(loc=3, scale=2)') FROM unnest(ARRAY[1, 1, 1]::float8[]) x;
SELECT gof_test(NULL, 'norm(loc=3, scale=2)') IS NULL AS null_sketch;

DROP TABLE gof_norm, gof_lognorm, gof_norm_p, gof_rounded, gof_binned, gof_edge;
