-- Findings of the libFuzzer harnesses (test/fuzz/), one reproducer each
-- (also kept in the harnesses' corpora).

-- An empty sketch whose NaN and infinity counts overflow int64 in total is
-- invalid, as a sketch with bins is (test/fuzz/corpus/fuzz_hist_binary/
-- regress-empty-total-overflow): before, it was accepted.
SELECT 'v1;level=0;nan=5000000000000000000;posinf=5000000000000000000;neginf=0;min=0;max=0;bins='::fit_histogram;

-- A rollup whose grand total (finite, NaN and infinite values) would
-- overflow is a count out of range (22003), raised by the merge, rather
-- than a merged value that fails validation (test/fuzz/corpus/
-- fuzz_hist_text/regress-rollup-total-overflow).
SELECT fit_histogram(h)
FROM (VALUES ('v1;level=0;nan=4500000000000000000;posinf=0;neginf=0;min=1;max=1;bins=4607182418800017408:1000000000000000000'::fit_histogram),
             ('v1;level=0;nan=4500000000000000000;posinf=0;neginf=0;min=1;max=1;bins=4607182418800017408:1000000000000000000'::fit_histogram)) t(h);

-- beta's quantile with a huge shape (test/fuzz/corpus/fuzz_dist/
-- regress-beta-huge-b-hang): GSL's inverse never returned (not even to a
-- cancel) for b = 1e190, and gave NaN from b ~ 1e14, after which the solver
-- returned 0.5.  b * X -> Gamma(2) as b -> infinity, whose 0.6 quantile
-- solves 1 - exp(-x) (1 + x) = 0.6: x = 2.0223132453246566 (bisection in
-- Python, 200 halvings).
SET statement_timeout = '10s';
SELECT abs(quantile('beta(a=2, b=1e190)', 0.6) * 1e190 / 2.0223132453246566 - 1) < 1e-9 AS b190,
       abs(quantile('beta(a=2, b=1e50)', 0.6) * 1e50 / 2.0223132453246566 - 1) < 1e-9 AS b50,
       abs(cdf('beta(a=2, b=1e190)', quantile('beta(a=2, b=1e190)', 0.3)) - 0.3) < 1e-12 AS roundtrip;
-- Two subnormal shapes (test/fuzz/corpus/fuzz_dist/
-- regress-beta-subnormal-shapes-hang): GSL's inverse never returned.  Only
-- that it returns is checked: beta's values at such shapes are NaN (cdf too).
SELECT quantile('beta(a=1e-310, b=1e-310)', 0.3) IS NOT NULL AS returns;
-- jf_skew_t's quantile took its start value from GSL's beta inverse, which
-- never returned (not even to a cancel) for huge shapes (test/fuzz/corpus/
-- fuzz_dist/regress-jf-skew-t-huge-shapes-hang): the solver now starts
-- without it there, and for two subnormal shapes (where it loops for beta).
-- That the calls return is checked, and a round trip through the cdf at
-- b = 1e12 (past the cut at 1e10).
SELECT quantile('jf_skew_t(a=7.26838724295625e134, b=4.8233773380730685e228)', 1.2096856433294944e-253) IS NOT NULL AS huge_returns,
       quantile('jf_skew_t(a=1e-310, b=1e-310)', 0.3) IS NOT NULL AS subnormal_returns,
       abs(cdf('jf_skew_t(a=2, b=1e12)', quantile('jf_skew_t(a=2, b=1e12)', 0.3)) - 0.3) < 1e-9 AS roundtrip;
RESET statement_timeout;
-- GSL's beta inverse never returns, not even to a cancel, for a = b = 1e6
-- (and up to 1e10 at least: checked while looking at the jf_skew_t case
-- above), which every quantile that took its start value from it inherited:
-- beta, betaprime, f, rdist and jf_skew_t.  They now take it from
-- bf_beta_inv_guess (GSL only where both shapes are at most 1e5).
-- References: scipy 1.10.1 (beta.ppf(0.3, 1e6, 1e6) = 0.49981459640390097,
-- betaprime.ppf(0.3, 1e6, 1e6) = 0.9992586605108074,
-- f.ppf(0.3, 2e6, 2e6) = 0.9992586605107736,
-- rdist.ppf(0.3, 2e6) = -0.0003708071921980638, beta.ppf(0.7, 3e5, 1e6) =
-- 0.23096291054224746) and, for jf_skew_t(a, a), Student's t with 2a
-- degrees of freedom (its density reduces to t's): t.ppf(0.3, 2e6) =
-- -0.5244005962841143.  The tolerance is 1e-8 relative: GSL's incomplete
-- beta, which all of these cdfs use, is good to about 1e-9 at such shapes.
SET statement_timeout = '10s';
SELECT abs(quantile('beta(a=1e6, b=1e6)', 0.3) / 0.49981459640390097 - 1) < 1e-8 AS beta,
       abs(quantile('beta(a=3e5, b=1e6)', 0.7) / 0.23096291054224746 - 1) < 1e-8 AS beta_skew,
       abs(quantile('betaprime(a=1e6, b=1e6)', 0.3) / 0.9992586605108074 - 1) < 1e-8 AS betaprime,
       abs(quantile('f(dfn=2e6, dfd=2e6)', 0.3) / 0.9992586605107736 - 1) < 1e-8 AS f,
       abs(quantile('rdist(c=2e6)', 0.3) / -0.0003708071921980638 - 1) < 1e-8 AS rdist,
       abs(quantile('jf_skew_t(a=1e6, b=1e6)', 0.3) / -0.5244005962841143 - 1) < 1e-8 AS jf_skew_t;
SELECT quantile('beta(a=1e9, b=1e9)', p) IS NOT NULL AS returns
FROM (VALUES (0.1), (0.5), (0.9)) v(p);
-- and with one subnormal shape (test/fuzz/corpus/fuzz_dist/
-- regress-beta-subnormal-b-hang; GSL's inverse loops for any p there).
SELECT quantile('beta(a=251.57580566407705, b=3.1e-322)', p) IS NOT NULL AS subnormal_b
FROM (VALUES (1e-10), (0.3), (0.9)) v(p);
-- Where GSL's incomplete beta can no longer be trusted to 1e-6 (its
-- prefactor's logarithms exceed 4.5e9 in size: bf_beta_inc_pq), the cdf and
-- the quantile are NaN: jf_skew_t(a = 7.3e134, b = 4.8e228) gave cdf 0 at
-- its median (about -2.8e161) and the quantile -Infinity.
SELECT cdf('jf_skew_t(a=7.26838724295625e134, b=4.8233773380730685e228)', -2.8e161) AS cdf_median,
       quantile('jf_skew_t(a=7.26838724295625e134, b=4.8233773380730685e228)', 0.5) AS median;
RESET statement_timeout;
-- A binned sketch reaching +-1.7e308: the midpoints of its outer bins
-- overflowed (lo + hi), so the summary's mean and sd were NULL (NaN) (test/
-- fuzz/corpus/fuzz_sketch_struct/regress-summary-mean-overflow).  The
-- values are 1.7e308 g / 3000, g = -3000 .. 3000: mean 0 and sample sd
-- 9.817408280796507e307 (numpy, float64); the sketch's bins are 0.4% wide.
SELECT abs((s->>'mean')::float8) < 1e300 AS mean,
       abs((s->>'stddev')::float8 / 9.817408280796507e307 - 1) < 1e-4 AS sd,
       abs((s->>'skewness')::float8) < 1e-6 AS skewness
FROM (SELECT fit_histogram_summary(fit_histogram(x)) s
      FROM (SELECT 1.7e308 * g / 3000 AS x FROM generate_series(-3000, 3000) g) t) u;
