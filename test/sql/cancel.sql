-- statement_timeout stops bestfit's long computations (issue 11): each
-- statement below runs for seconds to hours; with a 200 ms timeout it must
-- raise query_canceled less than 1 s after it started (a bound generous
-- enough for a loaded machine; a hang, or a check every 8,192 draws, fails
-- it).  A statement that finishes before the deadline prints false too.
-- test/cancel.sh measures every entry of the catalogue.
CREATE FUNCTION cancel_probe(q text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN false;
EXCEPTION WHEN query_canceled THEN
    RETURN clock_timestamp() - statement_timestamp() < interval '1 s';
END $$;
CREATE TABLE cancel_sketch AS
SELECT fit_histogram(quantile('lognorm(s=0.5, scale=10)', (i * 0.6180339887498949) % 1)) AS h
  FROM generate_series(1, 100000) i;
CREATE TABLE cancel_int AS
SELECT fit_histogram(round(quantile('lognorm(s=0.5, scale=3000)', (i * 0.6180339887498949) % 1))) AS h
  FROM generate_series(1, 100000) i;
SET statement_timeout = '200ms';
-- a draw costs a double integral (studentized_range), a series (ksone) or matrix powers (kstwo)
SELECT cancel_probe($$SELECT count(*) FROM random_sample('studentized_range(k=4, df=20)', 100000, 1)$$) AS studentized_range_draws;
SELECT cancel_probe($$SELECT count(*) FROM random_sample('kstwo(n=100)', 100000, 1)$$) AS kstwo_draws;
-- quantiles (one takes seconds here): the solver's cdf calls each sum 10^5 terms
SELECT cancel_probe($$SELECT quantile('ksone(n=1000000)', p) FROM generate_series(0.1, 0.9, 0.1) p$$) AS ksone_quantile;
-- quantiles (one takes a second here): each cdf call is a recursion of 5e7 steps
SELECT cancel_probe($$SELECT quantile('irwinhall(n=10000)', p) FROM generate_series(0.1, 0.9, 0.1) p$$) AS irwinhall_quantile;
-- fits whose every likelihood evaluation is costly
SELECT cancel_probe($$SELECT count(*) FROM cancel_sketch, fit_distributions(h, ARRAY['irwinhall'], fixed => '{"n": 10000}')$$) AS irwinhall_fit;
SELECT cancel_probe($$SELECT count(*) FROM cancel_sketch, fit_distributions(h, ARRAY['studentized_range'])$$) AS studentized_range_fit;
-- a discrete fit whose every cell sums up to 2,000 pmf integrals (Wallenius'
-- tails): it polled every 64 cells and its tails never, and ran minutes past
-- the deadline on a wide integer sketch
SELECT cancel_probe($$SELECT count(*) FROM cancel_int, fit_distributions(h, ARRAY['nchypergeom_wallenius'])$$) AS wallenius_fit;
RESET statement_timeout;
-- nothing is left pending after a stop: the same functions answer normally
-- (scipy 1.10: studentized_range(4, 20).cdf(3) = 0.8195265485, kstwo(100).cdf(0.1) = 0.7473072430)
SELECT abs(cdf('studentized_range(k=4, df=20)', 3) - 0.8195265485) < 1e-9 AS sr_cdf,
       abs(cdf('kstwo(n=100)', 0.1) - 0.7473072430) < 1e-9 AS kstwo_cdf;
DROP TABLE cancel_sketch;
DROP TABLE cancel_int;
DROP FUNCTION cancel_probe(text);
