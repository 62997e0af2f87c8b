-- Point masses (src/sketch/point_mass.h): the continuous fits leave out the
-- rows heaped at one value (exact zeros beside amounts, a default value),
-- which no continuous density has; each fit is then the maximum likelihood
-- fit of the other rows (Aitchison 1955), checked here against closed forms
-- computed in SQL over those rows.
SET extra_float_digits = 0;

-- 2,000 exact zeros and the 2,500 quantiles (i - 1/2) / 2500 of lognorm(1):
-- an exact sketch, no resolution
CREATE TABLE pm_zi AS
  SELECT 0::float8 AS x FROM generate_series(1, 2000)
  UNION ALL
  SELECT quantile('lognorm(s=1, loc=0, scale=1)'::distribution, (i - 0.5) / 2500) FROM generate_series(1, 2500) i;
CREATE TABLE pm_sk AS SELECT fit_histogram(x) AS h FROM pm_zi;
SELECT (fit_histogram_summary(h)->>'exact')::boolean AS exact,
       (fit_histogram_summary(h)->>'resolution')::float8 AS resolution
  FROM pm_sk;

-- norm and lognorm (loc fixed at 0) have closed-form maximum likelihood
-- estimates: the mean and population sd of x, of ln x; and the fit's
-- log-likelihood is the density log-likelihood of the 2,500 other rows
WITH o AS (SELECT x FROM pm_zi WHERE x <> 0),
     f AS (SELECT * FROM pm_sk, fit_distributions(h, ARRAY['norm']))
SELECT abs((params->>'loc')::float8 / (SELECT avg(x) FROM o) - 1) < 1e-7 AS norm_loc_ok,
       abs((params->>'scale')::float8 / (SELECT stddev_pop(x) FROM o) - 1) < 1e-6 AS norm_scale_ok,
       abs(loglik - (SELECT sum(ln(pdf(f.fit, x))) FROM o)) < 1e-6 AS norm_loglik_ok,
       warnings[1] LIKE 'fitted without the point mass at x = 0 (2000 of 4500 rows, 44.4%): no continuous density has one%'
         AS warned
  FROM f;
WITH o AS (SELECT x FROM pm_zi WHERE x <> 0),
     f AS (SELECT * FROM pm_sk, fit_distributions(h, ARRAY['lognorm'], fixed => '{"loc": 0}'))
SELECT abs((params->>'s')::float8 / (SELECT stddev_pop(ln(x)) FROM o) - 1) < 1e-6 AS lognorm_s_ok,
       abs((params->>'scale')::float8 / (SELECT exp(avg(ln(x))) FROM o) - 1) < 1e-6 AS lognorm_scale_ok,
       abs(loglik - (SELECT sum(ln(pdf(f.fit, x))) FROM o)) < 1e-6 AS lognorm_loglik_ok
  FROM f;
-- the same fits as of the sketch of the other rows alone (WHERE x <> 0)
SELECT bool_and(a.params = b.params AND a.loglik = b.loglik AND a.ks_statistic = b.ks_statistic AND a.aic = b.aic) AS same_as_where
  FROM pm_sk,
       fit_distributions(h, ARRAY['norm', 'gamma', 'lognorm']) a
       JOIN fit_distributions((SELECT fit_histogram(x) FROM pm_zi WHERE x <> 0), ARRAY['norm', 'gamma', 'lognorm']) b
         USING (distribution);

-- best_fit says what it left out (a NOTICE) and answers the law of the other rows
SELECT distribution_name(best_fit(h)) IN ('gibrat', 'lognorm') AS best_is_lognormal FROM pm_sk;
SELECT distribution_name(best_fit(x)) IN ('gibrat', 'lognorm') AS aggregate_best_is_lognormal FROM pm_zi;

-- gof_test tests the fit against the rows its fit used (a NOTICE says so):
-- lognorm(1) on its own quantiles is not rejected
SELECT ks_pvalue > 0.05 AS ks_not_rejected
  FROM pm_sk, gof_test(h, 'lognorm(s=1, loc=0, scale=1)', fixed => '{"s": 1, "loc": 0, "scale": 1}',
                       samples => 39, seed => 7);

-- fit_report keeps the atom in its profile and says the fits leave it out
SELECT r->'atoms'->0->>'value' AS atom, r->'atoms'->0->>'rows' AS atom_rows,
       EXISTS (SELECT 1 FROM jsonb_array_elements_text(r->'recommendations') a
               WHERE a LIKE 'The rows heap at 0 (44.4%): point masses, which no continuous density has%') AS advised
  FROM (SELECT fit_report(h, '{norm, lognorm}', samples => 0) AS r FROM pm_sk) s;

-- a default value inside normal data, in a binned sketch: 20,000 rows at 5
-- beside the 80,000 quantiles of norm(5, 1); the mass's bin keeps the rows
-- its neighbours' density gives it, and norm on the rest is norm(5, 1)
CREATE TABLE pm_mid AS
  SELECT fit_histogram(x) AS h FROM (
    SELECT 5::float8 AS x FROM generate_series(1, 20000)
    UNION ALL
    SELECT quantile('norm(loc=5, scale=1)'::distribution, (i - 0.5) / 80000) FROM generate_series(1, 80000) i) d;
SELECT (fit_histogram_summary(h)->>'exact')::boolean AS exact,
       abs((params->>'loc')::float8 - 5) < 1e-3 AS loc_ok,
       abs((params->>'scale')::float8 - 1) < 2e-3 AS scale_ok,
       (regexp_match(warnings[1], '\((\d+) of 100000 rows'))[1]::int BETWEEN 20000 AND 20050 AS left_out_ok
  FROM pm_mid, fit_distributions(h, ARRAY['norm']);

-- no point mass, nothing left out: continuous values; rounded values (their
-- cells bound the likelihood); a resolution given; discrete fits
SELECT count(*) FILTER (WHERE warnings[1] LIKE 'fitted without%') AS continuous_left_out
  FROM fit_distributions((SELECT fit_histogram(quantile('norm(loc=0, scale=1)'::distribution, (i - 0.5) / 3000))
                          FROM generate_series(1, 3000) i), ARRAY['norm', 'gamma']);
SELECT count(*) FILTER (WHERE warnings[1] LIKE 'fitted without%') AS rounded_left_out
  FROM fit_distributions((SELECT fit_histogram(CASE WHEN i <= 500 THEN 0 ELSE round(i / 100.0, 1)::float8 END)
                          FROM generate_series(1, 3000) i), ARRAY['norm', 'expon']);
SELECT count(*) FILTER (WHERE warnings[1] LIKE 'fitted without%') AS resolution_left_out
  FROM pm_sk, fit_distributions(h, ARRAY['norm'], resolution => 1e-6);
SELECT count(*) FILTER (WHERE warnings[1] LIKE 'fitted without%') AS discrete_left_out
  FROM fit_distributions((SELECT fit_histogram(CASE WHEN i <= 500 THEN 0 ELSE (i % 7)::float8 END)
                          FROM generate_series(1, 3000) i), kind => 'discrete');
