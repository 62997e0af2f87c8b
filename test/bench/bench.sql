-- bestfit benchmark: ratios against baselines measured in the same session.
-- Run through test/bench/run.sh (throwaway cluster).  Not a test: it prints
-- figures, it does not judge them.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bestfit;

-- median wall time in ms of :runs executions of a query
CREATE OR REPLACE FUNCTION pg_temp.bench(q text, runs int DEFAULT 5) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; times numeric[] := '{}';
BEGIN
  FOR i IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    times := times || extract(epoch FROM clock_timestamp() - t0)::numeric * 1000;
  END LOOP;
  RETURN (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END $$;

\echo building the table: :rows rows drawn from gamma with a = 2, loc = 5, scale = 3
DROP TABLE IF EXISTS bench_x;
CREATE TABLE bench_x AS SELECT x FROM random_sample('gamma(a=2, loc=5, scale=3)', :rows, 1) x;
VACUUM ANALYZE bench_x;
SET max_parallel_workers = 8;

CREATE TEMP TABLE results (what text, workers int, ms numeric, baseline_ms numeric);
SET max_parallel_workers_per_gather = 0;
INSERT INTO results SELECT 'fit_histogram(x)', 0, pg_temp.bench('SELECT fit_histogram(x) FROM bench_x'), pg_temp.bench('SELECT avg(x) FROM bench_x');
INSERT INTO results SELECT 'best_fit(x)', 0, pg_temp.bench('SELECT best_fit(x) FROM bench_x', 3), pg_temp.bench('SELECT avg(x) FROM bench_x');
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
INSERT INTO results SELECT 'fit_histogram(x)', 2, pg_temp.bench('SELECT fit_histogram(x) FROM bench_x'), pg_temp.bench('SELECT avg(x) FROM bench_x');
INSERT INTO results SELECT 'best_fit(x)', 2, pg_temp.bench('SELECT best_fit(x) FROM bench_x', 3), pg_temp.bench('SELECT avg(x) FROM bench_x');
RESET max_parallel_workers_per_gather;

\echo
\echo '== Aggregates over the table, median of runs, against avg(x) in the same session =='
SELECT what, workers, round(ms) AS ms, round(baseline_ms) AS avg_ms, round(ms / baseline_ms, 2) AS ratio_to_avg FROM results;

-- fitting a stored sketch: cost independent of the row count
CREATE TEMP TABLE sketches AS
  SELECT 'binned, 10M rows' AS sketch, fit_histogram(x) AS h FROM bench_x
  UNION ALL SELECT 'exact, 2,000 rows', fit_histogram(x) FROM (SELECT x FROM bench_x LIMIT 2000) q;
\echo
\echo '== Fitting the whole catalogue on a stored sketch (median of 3) =='
SELECT sketch, (fit_histogram_summary(h)->>'bins')::int AS bins,
       round(pg_temp.bench(format('SELECT count(*) FROM fit_distributions(%L::fit_histogram)', h::text), 3)) AS ms_all_candidates
  FROM sketches;

\echo
\echo '== Per candidate on the 10M-row sketch (slowest first) =='
CREATE TEMP TABLE per_candidate AS
  SELECT n AS distribution,
         round(pg_temp.bench(format('SELECT count(*) FROM fit_distributions(%L::fit_histogram, ARRAY[%L])', h::text, n), 3), 1) AS ms
    FROM sketches, unnest((SELECT array_agg(distribution) FROM fit_distributions(h, rank_by => 'aic'))) n
   WHERE sketch LIKE 'binned%';
SELECT * FROM per_candidate ORDER BY ms DESC LIMIT 10;
SELECT round(sum(ms)) AS total_ms FROM per_candidate;
