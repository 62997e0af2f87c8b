-- Parallel fitting (src/pg/parallel.c): the candidates of one call are shared
-- out among parallel workers; the results must be byte-identical to a serial
-- fit, in the caller's order, and a cancel must stop the workers.
SET client_min_messages = warning;
CREATE TABLE par_sketch AS
  SELECT fit_histogram(x) AS h FROM random_sample('gamma(a=2, loc=5, scale=3)', 20000, 11) x;
CREATE TABLE par_exact AS
  SELECT fit_histogram(x) AS h FROM random_sample('lognorm(s=0.5, loc=0, scale=10)', 500, 12) x;

-- candidates of every kind: plain, several shapes, integer search, expensive
CREATE TABLE par_cands AS SELECT ARRAY['norm', 'gamma', 'erlang', 'beta', 'genextreme',
  'lognorm', 'weibull_min', 't', 'nct', 'invgauss', 'burr12', 'johnsonsu', 'levy_stable'] AS c;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_serial AS
  SELECT 'binned' AS sketch, f::text AS row FROM par_sketch, par_cands, fit_distributions(h, c) f
  UNION ALL
  SELECT 'exact', f::text FROM par_exact, par_cands, fit_distributions(h, c) f;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE par_two AS
  SELECT 'binned' AS sketch, f::text AS row FROM par_sketch, par_cands, fit_distributions(h, c) f
  UNION ALL
  SELECT 'exact', f::text FROM par_exact, par_cands, fit_distributions(h, c) f;
SET max_parallel_workers_per_gather = 1;
CREATE TABLE par_one AS
  SELECT 'binned' AS sketch, f::text AS row FROM par_sketch, par_cands, fit_distributions(h, c) f;

-- the same rows, byte for byte (26 and 13)
SELECT count(*) AS rows, count(*) FILTER (WHERE s.row = t.row) AS identical
  FROM (SELECT sketch, row, row_number() OVER (PARTITION BY sketch) AS i FROM par_serial) s
  JOIN (SELECT sketch, row, row_number() OVER (PARTITION BY sketch) AS i FROM par_two) t USING (sketch, i);
SELECT count(*) AS rows, count(*) FILTER (WHERE s.row = t.row) AS identical
  FROM (SELECT row, row_number() OVER () AS i FROM par_serial WHERE sketch = 'binned') s
  JOIN (SELECT row, row_number() OVER () AS i FROM par_one) t USING (i);

-- best_fit agrees with fit_distributions' rank 1, with and without workers
SELECT best_fit(h)::text = (SELECT fit::text FROM fit_distributions(h) WHERE rank = 1) AS same
  FROM par_exact;
SET max_parallel_workers_per_gather = 0;
SELECT best_fit(h)::text = (SELECT fit::text FROM fit_distributions(h) WHERE rank = 1) AS same
  FROM par_exact;
SET max_parallel_workers_per_gather = 2;
-- on the binned sketch best_fit races (src/fit/race.c: eight entrants against the
-- bar of the rest); its winner is still rank 1, with and without workers
SELECT best_fit(h)::text = (SELECT fit::text FROM fit_distributions(h) WHERE rank = 1) AS same
  FROM par_sketch;
SET max_parallel_workers_per_gather = 0;
SELECT best_fit(h)::text = (SELECT fit::text FROM fit_distributions(h) WHERE rank = 1) AS same
  FROM par_sketch;
SET max_parallel_workers_per_gather = 2;

-- a cancel (here a statement timeout) stops the leader and its workers
SET statement_timeout = '100ms';
SELECT count(*) FROM par_sketch, fit_distributions(h);
RESET statement_timeout;
-- the same inside a subtransaction that catches the cancel: its workers are
-- stopped with it, and the transaction goes on
SET statement_timeout = '300ms';
DO $$
BEGIN
  BEGIN
    PERFORM count(*) FROM par_sketch, fit_distributions(h);
  EXCEPTION WHEN query_canceled THEN RAISE WARNING 'cancel caught';
  END;
  RAISE WARNING 'after the block';
END $$;
RESET statement_timeout;
-- no worker outlives them, and the session goes on
SELECT count(*) AS workers_left FROM pg_stat_activity WHERE backend_type = 'parallel worker';
SELECT count(*) FROM par_exact, fit_distributions(h, ARRAY['norm', 'gamma']);

DROP TABLE par_sketch, par_exact, par_cands, par_serial, par_two, par_one;
