-- fit_histogram_distributed(x) (state type fit_histogram, an expanded object)
-- against fit_histogram(x) (state internal) and avg(x) (issue 12, item 2).
-- Not a test: it prints figures.  Against any database with bestfit, as a
-- superuser (it reads the backend's CPU time from /proc/self/stat):
--   psql -X -v rounds=5 -f test/bench/aggregate_state.sql
-- Keeps its table bench_x (10,000,000 rows of gamma(a=2, loc=5, scale=3),
-- the table of test/bench/bench.sql) when it exists; a few minutes.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bestfit;
SELECT to_regclass('bench_x') IS NULL AS need_table \gset
\if :need_table
CREATE TABLE bench_x AS SELECT x FROM random_sample('gamma(a=2, loc=5, scale=3)', 10000000, 1) x;
VACUUM ANALYZE bench_x;
\endif

-- CPU (user + system, 10 ms ticks) and wall time of the backend, ms
CREATE OR REPLACE FUNCTION pg_temp.cpu() RETURNS numeric LANGUAGE sql AS $$
  SELECT (f[14]::numeric + f[15]::numeric) * 10
    FROM (SELECT ARRAY['', '']::text[]
                 || string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') AS f) s $$;
CREATE OR REPLACE FUNCTION pg_temp.run(q text, times int, OUT wall numeric, OUT cpu numeric) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c0 numeric;
BEGIN
  c0 := pg_temp.cpu(); t0 := clock_timestamp();
  FOR i IN 1..times LOOP EXECUTE q; END LOOP;
  wall := extract(epoch FROM clock_timestamp() - t0)::numeric * 1000; cpu := pg_temp.cpu() - c0;
END $$;
SELECT count(*) FROM bench_x \g /dev/null
SET bench.rounds = :rounds;
SET max_parallel_workers = 8;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
CREATE TEMP TABLE t (workers int, what text, wall numeric, cpu numeric);
-- serial: CPU of 3 executions, interleaved, :rounds times
SET max_parallel_workers_per_gather = 0;
DO $$
BEGIN
  FOR i IN 1..current_setting('bench.rounds')::int LOOP
    INSERT INTO t SELECT 0, 'avg(x)', * FROM pg_temp.run('SELECT avg(x) FROM bench_x', 3);
    INSERT INTO t SELECT 0, 'fit_histogram(x)', * FROM pg_temp.run('SELECT fit_histogram(x) FROM bench_x', 3);
    INSERT INTO t SELECT 0, 'fit_histogram_distributed(x)', * FROM pg_temp.run('SELECT fit_histogram_distributed(x) FROM bench_x', 3);
  END LOOP;
END $$;
\echo '== serial, 3 executions: CPU of the backend (ms), best and mean of the rounds'
SELECT what, round(min(cpu)) AS best_cpu_ms, round(avg(cpu)) AS mean_cpu_ms, round(min(wall)) AS best_wall_ms
  FROM t WHERE workers = 0 GROUP BY what ORDER BY what;
-- 2 workers: wall time of one execution, best of 3
SET max_parallel_workers_per_gather = 2;
DO $$
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO t SELECT 2, 'avg(x)', * FROM pg_temp.run('SELECT avg(x) FROM bench_x', 1);
    INSERT INTO t SELECT 2, 'fit_histogram(x)', * FROM pg_temp.run('SELECT fit_histogram(x) FROM bench_x', 1);
    INSERT INTO t SELECT 2, 'fit_histogram_distributed(x)', * FROM pg_temp.run('SELECT fit_histogram_distributed(x) FROM bench_x', 1);
  END LOOP;
END $$;
\echo '== 2 parallel workers: wall time (ms), best of 3'
SELECT what, round(min(wall)) AS best_wall_ms,
       round(min(wall) / (SELECT min(wall) FROM t a WHERE a.workers = 2 AND a.what = 'avg(x)'), 2) AS ratio_to_avg
  FROM t WHERE workers = 2 GROUP BY what ORDER BY what;

-- hashed GROUP BY: CPU of 3 executions (best of 3 rounds, interleaved), and
-- the peak memory and batches of hash aggregation from EXPLAIN ANALYZE
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;
SET work_mem = '1GB';
SET hash_mem_multiplier = 8;
CREATE TEMP TABLE g (groups int, per_group int, what text, cpu numeric, memory_kb numeric, batches int);
DO $$
DECLARE cfg int[]; plan json; a text; q text;
BEGIN
  FOREACH cfg SLICE 1 IN ARRAY ARRAY[[12500, 20], [50000, 20], [5000, 200], [200, 4000]] LOOP
    DROP TABLE IF EXISTS pg_temp.grp;
    EXECUTE format('CREATE TEMP TABLE grp AS SELECT i %% %s AS g, random() AS x FROM generate_series(0, %s - 1) i',
                   cfg[1], cfg[1] * cfg[2]);
    ANALYZE pg_temp.grp;
    FOR r IN 1..3 LOOP
      FOREACH a IN ARRAY ARRAY['fit_histogram', 'fit_histogram_distributed'] LOOP
        q := format('SELECT g, %s(x) FROM pg_temp.grp GROUP BY g', a);
        EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO plan;
        INSERT INTO g SELECT cfg[1], cfg[2], a || '(x)', run.cpu,
                             (plan -> 0 -> 'Plan' ->> 'Peak Memory Usage')::numeric,
                             (plan -> 0 -> 'Plan' ->> 'HashAgg Batches')::int
          FROM pg_temp.run(format('SELECT count(*) FROM (%s) q', q), 3) run;
      END LOOP;
    END LOOP;
  END LOOP;
END $$;
\echo '== hashed GROUP BY (work_mem 1GB, hash_mem_multiplier 8): CPU of 3 executions (ms), best of 3; memory'
SELECT groups, per_group, what, round(min(cpu)) AS best_cpu_ms, max(memory_kb) AS memory_kb,
       round(max(memory_kb) * 1024 / groups) AS bytes_per_group, max(batches) AS batches
  FROM g GROUP BY groups, per_group, what ORDER BY per_group, groups, what;
