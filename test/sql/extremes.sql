-- Values at the extremes (issue 11): the issue's findings through SQL; the
-- sweep of every entry at 0, +-1e-300, +-1e308, +-Infinity and NaN is
-- test/unit/unitcheck.c's test_extremes (make unitcheck).  Limits: the
-- density is 0 at +-Infinity and beyond DBL_MAX's tails, cdf is exactly 1
-- at +Infinity; nct's sf at 1e200 is below 1e-1000, so its cdf rounds to 1.
SELECT cdf('nct(df=6, nc=1.5)', 1e200) = 1 AS nct_cdf_1e200;
SELECT d, pdf(d::distribution, 1e308) = 0 AS pdf_0,
       cdf(d::distribution, 1e308) = 1 AS cdf_1
FROM unnest(ARRAY['f(dfn=5, dfd=7)', 'ncf(dfn=5, dfd=7, nc=2)', 'nct(df=6, nc=1.5)',
                  'exponpow(b=2.5)', 'kstwobign()']) d;
SELECT d, cdf(d::distribution, 'infinity') = 1 AS cdf_inf
FROM unnest(ARRAY['kstwobign()', 'levy()', 'moyal()', 'levy_l()']) d;
-- levy_stable's quantile is monotone in the far lower tail and finite at
-- 1e-300: there F(x) = C |x|^-alpha (1 - beta)/2 ... with alpha = 1.5,
-- beta = 0: F(x) = |x|^-1.5 / (2 sqrt(2 pi)) (Samorodnitsky & Taqqu 1994,
-- property 1.2.15), so q(p) = -(1 / (2 sqrt(2 pi) p))^(2/3), -3.41392e199
SELECT q1 <= q2 AND q2 <= q3 AS monotone,
       abs(q2 / -power(1 / (2 * sqrt(2 * pi()) * 1e-300), 2.0 / 3) - 1) < 1e-6 AS tail_1e_300
FROM (SELECT quantile('levy_stable(alpha=1.5, beta=0)', 5e-324) q1,
             quantile('levy_stable(alpha=1.5, beta=0)', 1e-300) q2,
             quantile('levy_stable(alpha=1.5, beta=0)', 0.5) q3) s;
