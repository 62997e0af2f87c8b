-- The distribution type: I/O, evaluation against closed forms, sampling.
SET extra_float_digits = 0;

SELECT 'gamma(a=4.0083, loc=0, scale=18.373)'::distribution;
SELECT 'norm()'::distribution, 'norm(scale=2)'::distribution, ' expon ( loc = -1.5 ) '::distribution;
SELECT 'beta(b=3, a=2, scale=10)'::distribution;
-- exact round trip of awkward doubles
SELECT d::text::distribution::text = d::text AS roundtrip
  FROM (SELECT format('lognorm(s=%s, loc=%s, scale=%s)', 1/3.0::float8, -1e-300::float8, 1e300::float8)::distribution AS d) q;
SELECT distribution_name('weibull_min(c=1.5, scale=3)'), distribution_params('weibull_min(c=1.5, scale=3)');

-- closed forms (tolerance checks):
-- norm pdf(0) = 1/sqrt(2 pi); cdf(1.96) = 0.9750021048517795; quantile(0.975) = 1.959963984540054
SELECT abs(pdf('norm()', 0) - 1/sqrt(2*pi())) < 1e-15 AS norm_pdf,
       abs(cdf('norm()', 1.96) - 0.9750021048517795) < 1e-15 AS norm_cdf,
       abs(quantile('norm()', 0.975) - 1.959963984540054) < 1e-13 AS norm_quantile;
-- expon(loc=1, scale=2): pdf(3) = exp(-1)/2, cdf(3) = 1 - exp(-1), quantile(0.5) = 1 + 2 ln 2
SELECT abs(pdf('expon(loc=1, scale=2)', 3) - exp(-1)/2) < 1e-15 AS expon_pdf,
       abs(cdf('expon(loc=1, scale=2)', 3) - (1 - exp(-1))) < 1e-15 AS expon_cdf,
       abs(quantile('expon(loc=1, scale=2)', 0.5) - (1 + 2*ln(2))) < 1e-14 AS expon_quantile;
-- uniform(loc=2, scale=4): pdf 0.25 inside, 0 outside; cdf(3) = 0.25
SELECT pdf('uniform(loc=2, scale=4)', 3) AS inside, pdf('uniform(loc=2, scale=4)', 7) AS outside,
       cdf('uniform(loc=2, scale=4)', 3) AS cdf3, quantile('uniform(loc=2, scale=4)', 1) AS q1;
-- gamma(a=2, scale=3): cdf(x) = 1 - exp(-x/3)(1 + x/3); at x = 6: 1 - 3 exp(-2)
SELECT abs(cdf('gamma(a=2, scale=3)', 6) - (1 - 3*exp(-2))) < 1e-15 AS gamma_cdf,
       abs(pdf('gamma(a=2, scale=3)', 6) - 6*exp(-2)/9) < 1e-15 AS gamma_pdf,
       abs(cdf('gamma(a=2, scale=3)', quantile('gamma(a=2, scale=3)', 0.3)) - 0.3) < 1e-14 AS gamma_inverse;
-- weibull_min(c=2, scale=3): cdf(x) = 1 - exp(-(x/3)^2)
SELECT abs(cdf('weibull_min(c=2, scale=3)', 4) - (1 - exp(-((4/3.0)^2)))) < 1e-15 AS weibull_cdf;
-- cauchy: quantile(0.75) = loc + scale
SELECT abs(quantile('cauchy(loc=5, scale=2)', 0.75) - 7) < 1e-14 AS cauchy_quantile;
-- quantile at 0 and 1 gives the support's ends
SELECT quantile('expon()', 0) AS expon_q0, quantile('expon()', 1) AS expon_q1, quantile('norm()', 0) AS norm_q0;
-- NaN in, NaN out
SELECT pdf('norm()', 'NaN') AS pdf_nan, cdf('norm()', 'NaN') AS cdf_nan, quantile('norm()', 'NaN') AS q_nan;
-- infinities
SELECT pdf('norm()', 'Infinity') AS pdf_inf, cdf('norm()', '-Infinity') AS cdf_minf, cdf('norm()', 'Infinity') AS cdf_inf;

-- random_sample: reproducible by seed, right moments, right count
SELECT count(*) AS n, abs(avg(x) - 10) < 4 * 2 / sqrt(100000) AS mean_ok,
       abs(stddev(x) - 2) < 0.02 AS sd_ok
  FROM random_sample('norm(loc=10, scale=2)', 100000, 42) x;
SELECT (SELECT array_agg(x) FROM random_sample('gamma(a=2)', 5, 7) x)
     = (SELECT array_agg(x) FROM random_sample('gamma(a=2)', 5, 7) x) AS same_seed_same_sample,
       (SELECT array_agg(x) FROM random_sample('gamma(a=2)', 5, 7) x)
     <> (SELECT array_agg(x) FROM random_sample('gamma(a=2)', 5, 8) x) AS other_seed_other_sample;
SELECT count(*) FROM random_sample('norm()', 0, 1);
-- a sample's empirical cdf agrees with cdf() (KS distance, 1% critical value 1.63/sqrt(n))
SELECT max(greatest(abs(r::float8 / n - cdf('lognorm(s=0.5, scale=3)', x)),
                    abs((r - 1)::float8 / n - cdf('lognorm(s=0.5, scale=3)', x)))) < 1.63 / sqrt(20000) AS ks_ok
  FROM (SELECT x, row_number() OVER (ORDER BY x) AS r, count(*) OVER () AS n
          FROM random_sample('lognorm(s=0.5, scale=3)', 20000, 3) x) q;

-- storage and binary round trip
CREATE TABLE dists (d distribution);
INSERT INTO dists VALUES ('t(df=3.5, loc=1, scale=2)'), ('triang(c=0.25)'), ('genextreme(c=-0.2, loc=10, scale=3)');
COPY dists TO '/tmp/bestfit_regress_dists.bin' WITH (FORMAT binary);
CREATE TABLE dists2 (d distribution);
COPY dists2 FROM '/tmp/bestfit_regress_dists.bin' WITH (FORMAT binary);
SELECT d FROM dists2;

-- tukeylambda at a tiny lam is the logistic (its lam -> 0 limit): the shift
-- by the support end -1/lam (1e16 here) once cost all precision, and fits of
-- temperatures ended at lam = 1.4e-16 chasing the noise
SELECT bool_and(abs(pdf('tukeylambda(lam=1.4e-16)', x) - pdf('logistic()', x)) < 1e-13 * pdf('logistic()', x)
                AND abs(cdf('tukeylambda(lam=1.4e-16)', x) - cdf('logistic()', x)) < 1e-13 * cdf('logistic()', x))
         AS tiny_lam_is_logistic
  FROM unnest(ARRAY[-30, -3, -0.2, 0.5, 2, 10]::float8[]) x;
