-- fit_histogram_compare (issue 12 item 4): drift between two sketches.
-- Reference values: /usr/bin/python3 test/tools/compare_ref.py (scipy 1.10:
-- scipy.stats.ks_2samp(a, b, method='asymp'), scipy.stats.wasserstein_distance,
-- the PSI over numpy's inverted-cdf deciles of a) on the same integer-formula data
-- (see the script's docstring); closed forms for the edge cases.
CREATE TEMP TABLE cmp AS SELECT
 (SELECT fit_histogram((i * 2654435761 % 1000003) % 500 / 10.0::float8) FROM generate_series(1, 800) i) AS ea,
 (SELECT fit_histogram((i * 40503 % 1000003) % 600 / 10.0::float8 + 2.0) FROM generate_series(1, 700) i) AS eb,
 (SELECT fit_histogram((i * 2654435761 % 1000003) / 1000.0::float8) FROM generate_series(1, 20000) i) AS ba,
 (SELECT fit_histogram((i * 40503 % 999983) / 1000.0::float8 * 1.1 + 5.0) FROM generate_series(1, 20000) i) AS bb,
 (SELECT fit_histogram((i * 40503 % 999983) / 20000.0::float8 + 2.0) FROM generate_series(1, 20000) i) AS bc;
-- levels as the script finds them: ea, eb exact; ba 44, bb 43, bc 43
SELECT left(ea::text, 11) AS ea, left(eb::text, 11) AS eb, left(ba::text, 12) AS ba,
       left(bb::text, 12) AS bb, left(bc::text, 12) AS bc FROM cmp;

-- exact sketches with ties: scipy's values
--   ks_2samp: statistic 0.22053571428571428, pvalue 2.0593352054155169e-16
--   wasserstein_distance 7.3921964285714292; psi 0.28644815561660009 over 10 bins
SELECT n_a, n_b, exact,
       abs(ks_statistic - 0.22053571428571428) < 1e-12 AS ks,
       ks_statistic_upper = ks_statistic AS upper_is_exact,
       abs(ks_pvalue / 2.0593352054155169e-16 - 1) < 1e-9 AS pvalue,
       abs(wasserstein - 7.3921964285714292) < 1e-12 AS w,
       wasserstein_error = 0 AS w_exact,
       abs(psi - 0.28644815561660009) < 1e-12 AS psi, psi_bins
  FROM cmp, fit_histogram_compare(ea, eb);
-- reversed: KS, p-value and W symmetric; the PSI is over eb's deciles (1.4341671658195305)
SELECT abs(ks_statistic - 0.22053571428571428) < 1e-12 AS ks,
       abs(ks_pvalue / 2.0593352054155169e-16 - 1) < 1e-9 AS pvalue,
       abs(wasserstein - 7.3921964285714292) < 1e-12 AS w,
       abs(psi - 1.4341671658195305) < 1e-12 AS psi
  FROM cmp, fit_histogram_compare(eb, ea);

-- binned sketches (common level 44): the lower bound is scipy's D of the data
-- rounded to the common bins (ks_2samp of the keys: 0.09540000000000004, pvalue
-- 1.1554791664768601e-79), the upper bound from the bins (0.097249999999999948);
-- scipy's D of the raw data (0.095500000000000029) lies between them.  W: the
-- linear-in-bins value by dense-grid integration 54.709421509778444 (script,
-- w_linear), error bound 2.0848970318493656; scipy's W of the raw data
-- 54.710441105000051 lies within.  PSI over the keys' deciles 0.063005005296543556.
SELECT n_a, n_b, exact,
       abs(ks_statistic - 0.09540000000000004) < 1e-12 AS ks_lower,
       abs(ks_statistic_upper - 0.097249999999999948) < 1e-12 AS ks_upper,
       ks_statistic <= 0.095500000000000029 AND 0.095500000000000029 <= ks_statistic_upper AS raw_d_within,
       abs(ks_pvalue / 1.1554791664768601e-79 - 1) < 1e-9 AS pvalue,
       abs(wasserstein - 54.709421509778444) < 1e-9 AS w,
       abs(wasserstein_error - 2.0848970318493656) < 1e-12 AS w_error,
       abs(wasserstein - 54.710441105000051) <= wasserstein_error AS raw_w_within,
       abs(psi - 0.063005005296543556) < 1e-12 AS psi, psi_bins
  FROM cmp, fit_histogram_compare(ba, bb);

-- exact against binned (common level 43): ks lower 0.042549999999999977, upper
-- 0.043750000000000067, pvalue 0.11999399566378199; raw D 0.043250000000000011;
-- raw W 1.9225735775000001 within the error bound of bc's bins 0.038278003125000001;
-- psi 0.030339877434554994
SELECT exact,
       abs(ks_statistic - 0.042549999999999977) < 1e-12 AS ks_lower,
       abs(ks_statistic_upper - 0.043750000000000067) < 1e-12 AS ks_upper,
       ks_statistic <= 0.043250000000000011 AND 0.043250000000000011 <= ks_statistic_upper AS raw_d_within,
       abs(ks_pvalue / 0.11999399566378199 - 1) < 1e-9 AS pvalue,
       abs(wasserstein_error - 0.038278003125000001) < 1e-12 AS w_error,
       abs(wasserstein - 1.9225735775000001) <= wasserstein_error AS raw_w_within,
       abs(psi - 0.030339877434554994) < 1e-12 AS psi
  FROM cmp, fit_histogram_compare(ea, bc);

-- identical sketches: D = 0, p = 1, W = 0, PSI = 0 (binned: the upper bound of D
-- is the largest bin fraction, W's error bound stays)
SELECT ks_statistic, ks_statistic_upper, ks_pvalue, psi, psi_bins, wasserstein, wasserstein_error
  FROM cmp, fit_histogram_compare(ea, ea);
SELECT ks_statistic, ks_statistic_upper > 0 AS upper_positive, ks_pvalue, psi, wasserstein,
       wasserstein_error > 0 AS error_positive
  FROM cmp, fit_histogram_compare(ba, ba);

-- disjoint supports: D = 1 (both bounds), p = 0 (scipy: ks_2samp(arange(1, 101),
-- arange(1, 101) + 1000, method='asymp') gives 1.0, 0.0), W = the shift 1000, and
-- every value of b above a's ninth decile: PSI = 9 (0.1 - 1e-4) ln(1000) + 0.9 ln(10)
-- = 8.28308935502748
SELECT ks_statistic, ks_statistic_upper, ks_pvalue, wasserstein,
       abs(psi - 8.28308935502748) < 1e-12 AS psi, psi_bins
  FROM fit_histogram_compare((SELECT fit_histogram(x) FROM generate_series(1, 100) x),
                             (SELECT fit_histogram(x + 1000) FROM generate_series(1, 100) x));
SELECT ks_statistic, ks_statistic_upper, ks_pvalue
  FROM cmp, fit_histogram_compare(ba, (SELECT fit_histogram((i * 2654435761 % 1000003) / 1000.0::float8 + 2000)
                                       FROM generate_series(1, 20000) i));

-- one value each: D = 1, no p-value (en = 0.5 rounds to 0; scipy gives nan)
SELECT n_a, n_b, ks_statistic, ks_pvalue IS NULL AS no_pvalue, wasserstein
  FROM fit_histogram_compare((SELECT fit_histogram(1.0::float8)), (SELECT fit_histogram(2.5::float8)));

-- NULL in, NULL out (STRICT)
SELECT fit_histogram_compare(NULL, ea) IS NULL AS null_a, fit_histogram_compare(ea, NULL) IS NULL AS null_b FROM cmp;
-- a sketch without finite values: counts, and every statistic NULL
SELECT c.* FROM cmp, fit_histogram_compare(ea, (SELECT fit_histogram(x) FROM unnest('{NaN,Infinity,-Infinity}'::float8[]) x)) c;
-- NaN and infinities are ignored: the same row as without them
SELECT (SELECT fit_histogram_compare(fit_histogram(h), eb)
          FROM (SELECT ea AS h UNION ALL SELECT fit_histogram(x) FROM unnest('{NaN,NaN,Infinity,-Infinity}'::float8[]) x) m)
       = fit_histogram_compare(ea, eb) AS same
  FROM cmp;

-- large counts, given as text (1.0 and 2.0 two million and 1.9 million times):
-- D = 1/2 - 940000/1900000, en = round(2e6 * 1.9e6 / 3.9e6) = 974359, where kstwo's
-- sf is Birnbaum and Tingey's exact sum; scipy:
-- kstwo.sf(1e6/2e6 - 940000/1.9e6, round(2e6*1.9e6/3.9e6)) = 7.172487952406837e-24
CREATE TEMP TABLE cmp_big AS SELECT
  'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=2;bins=4607182418800017408:1000000,4611686018427387904:1000000'::fit_histogram AS a,
  'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=2;bins=4607182418800017408:940000,4611686018427387904:960000'::fit_histogram AS b;
SELECT n_a, n_b, abs(ks_statistic - (0.5 - 940000 / 1.9e6::float8)) < 1e-15 AS ks,
       abs(ks_pvalue / 7.172487952406837e-24 - 1) < 1e-9 AS pvalue
  FROM cmp_big, fit_histogram_compare(a, b);
-- that sum takes ~0.25 s here and polls for interrupts: 40 calls, stopped by a
-- 200 ms statement_timeout less than 1 s after the start (true); false if they
-- finish (a cancel caught inside the sum and not re-raised gave wrong p-values and
-- let the statement run on)
CREATE FUNCTION cmp_cancel_probe(q text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN false;
EXCEPTION WHEN query_canceled THEN
    RETURN clock_timestamp() - statement_timestamp() < interval '1 s';
END $$;
SET statement_timeout = '200ms';
SELECT cmp_cancel_probe($$SELECT count(c.ks_pvalue) FROM cmp_big, generate_series(1, 40) g,
                          fit_histogram_compare(a, CASE WHEN g > 0 THEN b END) c$$) AS cancelled;
RESET statement_timeout;
DROP FUNCTION cmp_cancel_probe(text);
