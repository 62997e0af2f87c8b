-- Integer shapes (issue 11): every integer-valued shape of the catalogue
-- (erlang's a, irwinhall's n, ksone's n, kstwo's n) is right for large
-- values or rejected with an error naming its bound; none is cast to int.
-- References: scipy 1.10 (kstwo, erlang), the closed form of ksone's
-- large-n law (scipy's smirnov for n > 10^6), exact rational arithmetic
-- (irwinhall's sum, Python fractions).
SELECT integer_parameters, name FROM bestfit_distributions()
 WHERE cardinality(integer_parameters) > 0 ORDER BY name;
-- irwinhall: n <= 10000 (the exact recursion's bound), larger n rejected
SELECT 'irwinhall(n=10001)'::distribution;
SELECT cdf('irwinhall(n=2147483647)', 0.5);
SELECT quantile('irwinhall(n=1e10)', 0.5);
SELECT distribution, status FROM fit_distributions(
    (SELECT fit_histogram(x::float8) FROM generate_series(1, 100) x),
    ARRAY['irwinhall'], fixed => '{"n": 1e9}');
SELECT abs(cdf('irwinhall(n=10000)', 4900) / 0.0002658486082697989 - 1) < 1e-12 AS ih_cdf,
       abs(quantile('irwinhall(n=1001)', 0.5) - 500.5) < 1e-9 AS ih_median;
-- kstwo(n=1e10): cdf(1/2) = 1 (it was 0); scipy's cdf(1e-5) and median
SELECT cdf('kstwo(n=1e10)', 0.5) = 1 AS kstwo_cdf_half,
       abs(cdf('kstwo(n=1e10)', 1e-5) / 0.7300021148974867 - 1) < 1e-12 AS kstwo_cdf,
       abs(quantile('kstwo(n=1e10)', 0.5) / 8.275718885320658e-06 - 1) < 1e-9 AS kstwo_median,
       pdf('kstwo(n=1e10)', 1e-5) > 0 AS kstwo_pdf;
-- ksone(n=1e10): cdf(1/2) = 1, pdf(1/2) = 0 (they were Infinity and NaN);
-- sf(z) = exp(-(6 n z + 1)^2 / (18 n)), pdf = 2 (6 n z + 1) / 3 sf
-- (at n = 1e300, z = 1e-150: sf = e^-2, pdf = 4e150 e^-2)
SELECT cdf('ksone(n=1e10)', 0.5) = 1 AS ksone_cdf_half, pdf('ksone(n=1e10)', 0.5) = 0 AS ksone_pdf_half,
       abs((1 - cdf('ksone(n=1e10)', 1e-5)) / exp(-((6e5 + 1) ^ 2) / 18e10) - 1) < 1e-12 AS ksone_sf,
       abs(pdf('ksone(n=1e10)', 1e-5) / (2 * (6e5 + 1) / 3 * exp(-((6e5 + 1) ^ 2) / 18e10)) - 1) < 1e-12 AS ksone_pdf,
       abs(pdf('ksone(n=1e300)', 1e-150) / (4e150 * exp(-2.0)) - 1) < 1e-12 AS ksone_huge_n;
-- erlang(a=1e10): the gamma of any a (scipy: 0.5000013298076014)
SELECT abs(cdf('erlang(a=1e10)', 1e10) - 0.5000013298076014) < 1e-12 AS erlang_cdf;
