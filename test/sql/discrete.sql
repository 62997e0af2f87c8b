-- Discrete distributions (issue 10): pmf/cdf/quantile, kind =>, fits of count
-- data, errors.  Every number is checked against a closed form or computed in
-- the query from the extension's own pmf (independent of the fit engine).
SET extra_float_digits = 0;

-- pmf, cdf and quantile of poisson(mu = 4.2) against the closed forms
-- e^-mu mu^k / k! and their sums
SELECT abs(pmf('poisson(mu=4.2)', 3) - exp(-4.2) * 4.2^3 / 6) < 1e-15 AS pmf_ok,
       pmf('poisson(mu=4.2)', 2.5) = 0 AS pmf_zero_off_integers,
       pmf('poisson(mu=4.2)', -1) = 0 AS pmf_zero_below,
       abs(cdf('poisson(mu=4.2)', 3.7) - exp(-4.2) * (1 + 4.2 + 4.2^2 / 2 + 4.2^3 / 6)) < 1e-15 AS cdf_floors,
       quantile('poisson(mu=4.2)', cdf('poisson(mu=4.2)', 1)) AS q_at_cdf1,
       quantile('poisson(mu=4.2)', cdf('poisson(mu=4.2)', 1) + 1e-9) AS q_above_cdf1,
       quantile('poisson(mu=4.2)', 0) AS q0, quantile('poisson(mu=4.2)', 1) AS q1,
       quantile('poisson(mu=4.2, loc=10)', 0.5) AS q_median_loc10;
SELECT bool_and(x = floor(x)) AS integer_draws, count(*) FROM random_sample('poisson(mu=4.2)', 500, 1) x;

-- errors: pdf of a discrete distribution, pmf of a continuous one, a non-integer loc
SELECT pdf('poisson(mu=4.2)', 3);
SELECT pmf('norm(loc=0, scale=1)', 0);
SELECT 'poisson(mu=1, loc=0.5)'::distribution;

-- a seeded Poisson sample
CREATE TABLE d_pois AS SELECT x FROM random_sample('poisson(mu=3.3)', 2000, 11) x;
CREATE TABLE d_pois_h AS SELECT fit_histogram(x) AS h FROM d_pois;
SELECT (fit_histogram_summary(h)->>'integer_valued')::boolean AS integer_valued FROM d_pois_h;
-- the MLE of mu is the sample mean; the log-likelihood is the sum of log pmfs
CREATE TABLE d_pois_fit AS
  SELECT * FROM fit_distributions((SELECT h FROM d_pois_h), kind => 'discrete');
SELECT distribution, rank IS NOT NULL AS ranked, status,
       abs((params->>'mu')::float8 - (SELECT avg(x) FROM d_pois)) < 1e-6 * (SELECT avg(x) FROM d_pois) AS mu_is_mean,
       (params->>'loc')::float8 AS loc,
       abs(loglik - (SELECT sum(ln(pmf(f.fit, x))) FROM d_pois)) < 1e-6 AS loglik_ok,
       abs(aic - (2 - 2 * loglik)) < 1e-9 AS aic_one_parameter,
       ad_statistic IS NULL AND cvm_statistic IS NULL AS no_ad_cvm,
       ks_statistic BETWEEN 0 AND 1 AS ks_in_range,
       chisq_pvalue BETWEEN 0 AND 1 AS chisq_p_in_range,
       abs((params_se->>'mu')::float8 - sqrt((params->>'mu')::float8 / 2000)) < 1e-4 AS se_is_sqrt_mu_over_n
  FROM d_pois_fit f WHERE distribution = 'poisson';
-- the KS statistic against one computed in SQL: max over the observed values
-- k of |F_n(k) - F(k)| and |F_n(k-) - F(k - 1)|
WITH f AS (SELECT fit FROM d_pois_fit WHERE distribution = 'poisson'),
     e AS (SELECT x, count(*) OVER (ORDER BY x RANGE UNBOUNDED PRECEDING) / 2000.0 AS fn,
                  (count(*) OVER (ORDER BY x RANGE UNBOUNDED PRECEDING) - count(*) OVER (PARTITION BY x)) / 2000.0 AS fn_before
             FROM d_pois)
SELECT abs((SELECT ks_statistic FROM d_pois_fit WHERE distribution = 'poisson') -
           max(greatest(abs(fn - cdf(f.fit, x)), abs(fn_before - cdf(f.fit, x - 1))))) < 1e-12 AS ks_ok
  FROM e, f;
-- best_fit with a kind: the aggregate and the stored sketch agree
SELECT distribution_name(best_fit(x, 'discrete')) = distribution_name(best_fit((SELECT h FROM d_pois_h), kind => 'discrete')) AS same_choice
  FROM d_pois;
SELECT best_fit(x, 'continuous')::text = best_fit(x)::text AS continuous_is_default FROM d_pois;
-- loc: fixed at 0 by default; {"loc": null} searches it (here it stays at 0:
-- the data start at 0), {"loc": 1} leaves the zeros outside the support
SELECT distribution, (params->>'loc')::float8 AS loc, status,
       abs(aic - (4 - 2 * loglik)) < 1e-9 AS loc_counted
  FROM fit_distributions((SELECT h FROM d_pois_h), ARRAY['poisson'], fixed => '{"loc": null}');
SELECT distribution, rank, status
  FROM fit_distributions((SELECT h FROM d_pois_h), ARRAY['poisson'], fixed => '{"loc": 1}');

-- argument errors
SELECT * FROM fit_distributions((SELECT h FROM d_pois_h), ARRAY['poisson', 'norm']);
SELECT * FROM fit_distributions((SELECT h FROM d_pois_h), ARRAY['poisson'], kind => 'continuous');
SELECT * FROM fit_distributions((SELECT h FROM d_pois_h), kind => 'counts');
SELECT * FROM fit_distributions((SELECT h FROM d_pois_h), kind => 'discrete', resolution => 1);
SELECT * FROM fit_distributions((SELECT fit_histogram(x + 0.25) FROM d_pois), kind => 'discrete');
SELECT best_fit(x, CASE WHEN x > 2 THEN 'discrete' ELSE 'continuous' END) FROM d_pois;
SELECT best_fit(x, 'counts') FROM d_pois WHERE false;
-- a binned sketch of integers (more than 3,000 distinct values) is accepted;
-- one of non-integers is not
SELECT (fit_histogram_summary(fit_histogram(x))->>'integer_valued')::boolean AS binned_integers,
       (fit_histogram_summary(fit_histogram(x))->>'exact')::boolean AS exact
  FROM generate_series(1, 5000) x;
SELECT (fit_histogram_summary(fit_histogram(x + 0.5))->>'integer_valued')::boolean AS half_integers
  FROM generate_series(1, 5000) x;

DROP TABLE d_pois, d_pois_h, d_pois_fit;
