-- bestfit "zoo" benchmark (issue 8).  Not a test: it prints figures, ratios
-- and the issue's targets next to them; it judges nothing and fails on
-- nothing but errors.  Run it through test/bench/zoo.sh (private cluster,
-- see there); by hand, from the repository root, as a superuser:
--   psql -X -q -v clk_tck=$(getconf CLK_TCK) -f test/bench/zoo.sql
--
-- What it measures, on a zoo of twelve stored sketches (table zoo):
--   1. the zoo: n, exact or binned, bins of each sketch;
--   2. the whole default set on each sketch, SELECT count(*) FROM
--      fit_distributions(h): wall time with max_parallel_workers_per_gather
--      0 and 2, and CPU time during the call: of the leader backend, of the
--      whole cluster (every process of the cluster, including the workers
--      that exited during the call) and of the whole machine (/proc/stat);
--      whole_runs rounds over all the sketches (3 since 2026-12-06, when two
--      single runs of one engine minutes apart differed by up to 40 %),
--      each figure the median of its runs;
--   3. every candidate of the default set alone on every sketch,
--      fit_distributions(h, ARRAY[name]): wall time (median of 3 runs; of
--      one when the first takes 1 s or more: under 50 ms until 2026-12-06,
--      when a single run of the slower fits made the count above 150 ms
--      the noisiest figure), loglik, status; a candidate running past
--      the per-candidate statement_timeout is recorded as "timeout";
--   4. avg(x) against best_fit(x) over a table of big_rows rows, with 0 and
--      2 parallel workers;
--   5. every candidate's loglik per sketch, written to a TSV file and, when
--      a baseline TSV is given, compared with it; with the baseline engine's
--      fitted parameters too (baseline_params), each fit more than 0.5
--      below the baseline is classified by today's log-likelihood at the
--      baseline's own point (fit_distributions with every parameter fixed
--      there): above today's fit by more than 0.5, a search loss (today's
--      search misses a point the old engine found); otherwise the
--      likelihood itself changed there (a definition changed since: the
--      extreme values by their capped densities, spikes the bin quadrature
--      overweights rejected, rounded data's cells; test/bench/PERFORMANCE.md)
--      or the point is no longer feasible (not fitted at it).
--
-- Variables (psql -v name=value), all optional:
--   rows           rows of each generated sketch           (1000000)
--   big_rows       rows of the table "big"                 (10000000)
--   timeout_s      per-candidate statement_timeout, s      (60)
--   set_timeout_s  timeout of a whole-set or best_fit call, s (300)
--   whole_runs     rounds of part 2 over the sketches     (3)
--   cand_workers   max_parallel_workers_per_gather for the per-candidate
--                  fits                                    (0)
--   candidates     comma-separated subset of the default set for parts 2
--                  and 3 ('' = the default set, the only complete run)  ('')
--   tsv            the loglik TSV to write                 (zoo-loglik.tsv)
--   baseline       a loglik TSV to compare with ('' = none) ('')
--   baseline_params  the baseline engine's fits as TSV: shape, distribution,
--                  params (jsonb), loglik ('' = none) ('')
--   weather        path of weather.csv                     (test/data/weather.csv)
--   clk_tck        getconf CLK_TCK of the server's machine (100)
--   engine         a label for the engine measured, written into the TSV
--
-- CPU figures are read from /proc (Linux), through pg_read_file, so the
-- server must run on this machine and the role must be a superuser.  The
-- machine's CPU (/proc/stat, user+nice+system of the "cpu" line) counts
-- every process of the machine: it means something only on an otherwise
-- idle machine.  The cluster's CPU (utime+stime of the postmaster's
-- children, plus the postmaster's own and its reaped children's) counts
-- the cluster alone.  Clock ticks are 1/clk_tck s (10 ms usually).
--
-- Tables zoo and big are (re)created in the current database and kept.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bestfit;
-- a cluster kept from an earlier run: bring its SQL definitions to the library installed now
ALTER EXTENSION bestfit UPDATE;

\if :{?rows} \else \set rows 1000000 \endif
\if :{?big_rows} \else \set big_rows 10000000 \endif
\if :{?timeout_s} \else \set timeout_s 60 \endif
\if :{?set_timeout_s} \else \set set_timeout_s 300 \endif
\if :{?whole_runs} \else \set whole_runs 3 \endif
\if :{?cand_workers} \else \set cand_workers 0 \endif
\if :{?candidates} \else \set candidates '' \endif
\if :{?tsv} \else \set tsv zoo-loglik.tsv \endif
\if :{?baseline} \else \set baseline '' \endif
\if :{?baseline_params} \else \set baseline_params '' \endif
\if :{?weather} \else \set weather test/data/weather.csv \endif
\if :{?clk_tck} \else \set clk_tck 100 \endif
\if :{?engine} \else \set engine unknown \endif

SELECT clock_timestamp() AS t_start, (:timeout_s * 1000)::int AS cand_timeout_ms,
       (:set_timeout_s * 1000)::int AS set_timeout_ms, :'baseline' <> '' AS have_baseline,
       :'baseline' <> '' AND :'baseline_params' <> '' AS have_baseline_params,
       :'candidates' <> '' AS subset \gset
\echo bestfit zoo benchmark: engine :engine, :rows rows per sketch, big table :big_rows rows
\echo per-candidate timeout :timeout_s s, whole-set and best_fit timeout :set_timeout_s s
\if :subset
\echo candidates: only :candidates (not a complete run)
\endif
SELECT extversion AS extversion, current_setting('shared_buffers') AS sb,
       current_setting('max_worker_processes') AS mwp, current_setting('max_parallel_workers') AS mpw
  FROM pg_extension WHERE extname = 'bestfit' \gset
\echo bestfit :extversion, shared_buffers :sb, max_worker_processes :mwp, max_parallel_workers :mpw

-------------------------------------------------------------------------------
-- Helpers
-------------------------------------------------------------------------------
-- utime+stime (and, with children, cutime+cstime) of a process, in clock
-- ticks; 0 when the process is gone
CREATE FUNCTION pg_temp.proc_ticks(pid int, children bool DEFAULT false) RETURNS bigint
LANGUAGE sql AS $$
  SELECT coalesce(f[12]::bigint + f[13]::bigint
                  + CASE WHEN children THEN f[14]::bigint + f[15]::bigint ELSE 0 END, 0)
    FROM (SELECT string_to_array(substring(
                   pg_read_file('/proc/' || pid || '/stat', 0, 4096, true) FROM '\) (.*)$'), ' ') AS f) q
$$;  -- after "pid (comm) ": state is f[1], ppid f[2], utime f[12], stime f[13], cutime f[14], cstime f[15]

CREATE FUNCTION pg_temp.postmaster_pid() RETURNS int LANGUAGE sql AS $$
  SELECT split_part(substring(pg_read_file('/proc/' || pg_backend_pid() || '/stat', 0, 4096) FROM '\) (.*)$'), ' ', 2)::int
$$;

-- CPU ticks of the whole cluster: the postmaster (with its reaped children,
-- e.g. parallel workers that exited) and its live children
CREATE FUNCTION pg_temp.cluster_ticks() RETURNS bigint LANGUAGE sql AS $$
  SELECT pg_temp.proc_ticks(pm, true)
         + coalesce((SELECT sum(pg_temp.proc_ticks(c::int))
                       FROM regexp_split_to_table(trim(pg_read_file(
                              format('/proc/%s/task/%s/children', pm, pm), 0, 65536)), ' ') c
                      WHERE c <> ''), 0)
    FROM pg_temp.postmaster_pid() pm
$$;

-- CPU ticks of the machine: user + nice + system of the "cpu" line of /proc/stat
CREATE FUNCTION pg_temp.machine_ticks() RETURNS bigint LANGUAGE sql AS $$
  SELECT f[2]::bigint + f[3]::bigint + f[4]::bigint
    FROM (SELECT regexp_split_to_array(substring(pg_read_file('/proc/stat', 0, 65536) FROM '^cpu +[^\n]*'), ' +') f) q
$$;

-- median of an array
CREATE FUNCTION pg_temp.median(a numeric[]) RETURNS numeric LANGUAGE sql AS $$
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest(a) v
$$;

-------------------------------------------------------------------------------
-- 1. The zoo
-------------------------------------------------------------------------------
\echo
\echo building the zoo ...
-- weather.csv's fifth column, wind_speed, read by the client
\set wind_text `cut -d, -f5 :'weather'`

DROP TABLE IF EXISTS zoo;
CREATE TABLE zoo (shape text PRIMARY KEY, h fit_histogram NOT NULL, ord int NOT NULL, source text NOT NULL);
INSERT INTO zoo
  SELECT 'norm', fit_histogram(x), 1, 'norm(loc=0, scale=1), seed 11'
    FROM random_sample('norm(loc=0, scale=1)', :rows, 11) x;
INSERT INTO zoo
  SELECT 'norm_far', fit_histogram(x), 2, 'norm(loc=1e6, scale=1), seed 12'
    FROM random_sample('norm(loc=1e6, scale=1)', :rows, 12) x;
INSERT INTO zoo   -- loc 1, not 0: the spread is 1e-9 of the values themselves
  SELECT 'norm_tiny', fit_histogram(x), 3, 'norm(loc=1, scale=1e-9), seed 13'
    FROM random_sample('norm(loc=1, scale=1e-9)', :rows, 13) x;
INSERT INTO zoo
  SELECT 'uniform', fit_histogram(x), 4, 'uniform(loc=0, scale=1), seed 14'
    FROM random_sample('uniform(loc=0, scale=1)', :rows, 14) x;
INSERT INTO zoo   -- three independent samples summed row by row
  SELECT 'sum3unif', fit_histogram(a.x + b.x + c.x), 5,
         'uniform(loc=0, scale=10) seeds 15, 16, 17, summed row by row'
    FROM random_sample('uniform(loc=0, scale=10)', :rows, 15) WITH ORDINALITY a(x, i)
    JOIN random_sample('uniform(loc=0, scale=10)', :rows, 16) WITH ORDINALITY b(x, i) ON b.i = a.i
    JOIN random_sample('uniform(loc=0, scale=10)', :rows, 17) WITH ORDINALITY c(x, i) ON c.i = a.i;
INSERT INTO zoo   -- the sketch of test/bench/catalogue.sh
  SELECT 'lognorm_s0.5', fit_histogram(x), 6, 'lognorm(s=0.5, loc=0, scale=10), seed 2'
    FROM random_sample('lognorm(s=0.5, loc=0, scale=10)', :rows, 2) x;
INSERT INTO zoo
  SELECT 'lognorm_s3', fit_histogram(x), 7, 'lognorm(s=3, loc=0, scale=1), seed 18'
    FROM random_sample('lognorm(s=3, loc=0, scale=1)', :rows, 18) x;
INSERT INTO zoo   -- infinite mean
  SELECT 'pareto_b0.8', fit_histogram(x), 8, 'pareto(b=0.8, loc=0, scale=1), seed 19'
    FROM random_sample('pareto(b=0.8, loc=0, scale=1)', :rows, 19) x;
INSERT INTO zoo   -- the sketch of test/bench/catalogue.sh
  SELECT 'gamma', fit_histogram(x), 9, 'gamma(a=2, loc=5, scale=3), seed 1'
    FROM random_sample('gamma(a=2, loc=5, scale=3)', :rows, 1) x;
INSERT INTO zoo
  SELECT 'mixture', fit_histogram(x), 10, '70% norm(loc=0, scale=1) seed 20 + 30% norm(loc=5, scale=0.5) seed 21'
    FROM (SELECT x FROM random_sample('norm(loc=0, scale=1)', round(0.7 * :rows)::int, 20) x
          UNION ALL
          SELECT x FROM random_sample('norm(loc=5, scale=0.5)', :rows - round(0.7 * :rows)::int, 21) x) q;
INSERT INTO zoo   -- real, tied (mph at a few fixed steps), with one bogus 1048 mph reading; kept as is
  SELECT 'wind_speed', fit_histogram(v::float8), 11, 'weather.csv wind_speed, every non-NA row'
    FROM regexp_split_to_table(:'wind_text', E'\n') v
   WHERE v NOT IN ('wind_speed', 'NA', '');
INSERT INTO zoo   -- the exact sketch of test/bench/catalogue.sh
  SELECT 'exact2000', fit_histogram(x), 12, '2,000 draws of gamma(a=2, loc=5, scale=3), seed 3'
    FROM random_sample('gamma(a=2, loc=5, scale=3)', 2000, 3) x;
\unset wind_text

\echo
\echo '== The zoo (distinct values = bins when exact) =='
SELECT shape, source, (s->>'n')::bigint AS n,
       CASE WHEN (s->>'exact')::bool THEN 'exact' ELSE 'binned' END AS sketch,
       (s->>'bins')::int AS bins
  FROM zoo, fit_histogram_summary(h) s ORDER BY ord;

-- the candidates of parts 2 and 3
CREATE TEMP TABLE candidates AS
  SELECT name FROM bestfit_distributions()
   WHERE in_default_set
     AND (:'candidates' = '' OR name = ANY (string_to_array(replace(:'candidates', ' ', ''), ',')));
SELECT count(*) AS n_candidates FROM candidates \gset

-------------------------------------------------------------------------------
-- 2. The whole default set per sketch
-------------------------------------------------------------------------------
CREATE TEMP TABLE whole_runs (shape text, workers int, run int, rows_out bigint, status text, wall_ms numeric,
                              leader_cpu_s numeric, cluster_cpu_s numeric, machine_cpu_s numeric);

CREATE FUNCTION pg_temp.whole_set(p_shape text, p_workers int, clk numeric, subset bool, p_run int) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz; ms numeric; n bigint; st text := 'ok';
  l0 bigint; c0 bigint; m0 bigint; l1 bigint; c1 bigint; m1 bigint;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', p_workers::text, true);
  m0 := pg_temp.machine_ticks(); c0 := pg_temp.cluster_ticks(); l0 := pg_temp.proc_ticks(pg_backend_pid());
  t0 := clock_timestamp();
  BEGIN
    IF subset THEN
      EXECUTE 'SELECT count(*) FROM fit_distributions((SELECT h FROM zoo WHERE shape = $1),
                                                      (SELECT array_agg(name) FROM candidates))'
        INTO n USING p_shape;
    ELSE
      EXECUTE 'SELECT count(*) FROM fit_distributions((SELECT h FROM zoo WHERE shape = $1))'
        INTO n USING p_shape;
    END IF;
  EXCEPTION WHEN query_canceled THEN st := 'timeout';
  END;
  ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  l1 := pg_temp.proc_ticks(pg_backend_pid()); m1 := pg_temp.machine_ticks();
  PERFORM pg_sleep(0.05);   -- let the postmaster reap exited workers
  c1 := pg_temp.cluster_ticks();
  INSERT INTO whole_runs VALUES (p_shape, p_workers, p_run, n, st, ms, (l1 - l0) / clk, (c1 - c0) / clk, (m1 - m0) / clk);
  RETURN NEXT format('  whole set, %s, %s workers, run %s: %s ms wall, %s s cluster CPU%s', p_shape, p_workers,
                     p_run, round(ms), round((c1 - c0) / clk, 2), CASE WHEN st = 'ok' THEN '' ELSE ', ' || st END);
END $$;

\echo
\echo whole set per sketch (max_parallel_workers_per_gather 0, then 2), :whole_runs round(s) ...
\pset tuples_only on
\pset format unaligned
SET statement_timeout = :set_timeout_ms;
SELECT format('SELECT * FROM pg_temp.whole_set(%L, %s, %s, %L, %s)', shape, w, :clk_tck, :'subset', r)
  FROM zoo, (VALUES (0), (2)) v(w), generate_series(1, greatest(:whole_runs, 1)) r ORDER BY r, ord, w \gexec
RESET statement_timeout;
RESET max_parallel_workers_per_gather;
\pset tuples_only off
\pset format aligned

-- each figure the median of its runs (a run that timed out counts as its time at the cancel,
-- and its status stays: the worst one of the runs)
CREATE TEMP TABLE whole AS
  SELECT shape, workers, max(rows_out) AS rows_out,
         CASE WHEN bool_and(status = 'ok') THEN 'ok' ELSE min(status) FILTER (WHERE status <> 'ok') END AS status,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY wall_ms)::numeric AS wall_ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY leader_cpu_s)::numeric AS leader_cpu_s,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY cluster_cpu_s)::numeric AS cluster_cpu_s,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY machine_cpu_s)::numeric AS machine_cpu_s,
         min(wall_ms) AS wall_min_ms, max(wall_ms) AS wall_max_ms, count(*) AS runs
    FROM whole_runs GROUP BY shape, workers;

\echo
\echo '== Whole default set per sketch: SELECT count(*) FROM fit_distributions(h) (median of' :whole_runs 'runs) =='
\echo 'targets: wall <= 1.0 s with 2 workers, cluster CPU <= 2.0 s; machine CPU counts every process of the machine'
SELECT w0.shape, w0.rows_out AS candidates,
       round(w0.wall_ms / 1000, 2) AS "wall s, 0 workers",
       round(w2.wall_ms / 1000, 2) AS "wall s, 2 workers",
       round(w2.wall_min_ms / 1000, 2) || '-' || round(w2.wall_max_ms / 1000, 2) AS "its runs, s",
       round(w2.leader_cpu_s, 2) AS "leader CPU s, 2 w",
       round(w2.cluster_cpu_s, 2) AS "cluster CPU s, 2 w",
       round(w2.machine_cpu_s, 2) AS "machine CPU s, 2 w",
       round(w0.cluster_cpu_s, 2) AS "cluster CPU s, 0 w",
       CASE WHEN w2.status <> 'ok' OR w0.status <> 'ok' THEN w0.status || ' / ' || w2.status
            WHEN w2.wall_ms <= 1000 AND w2.cluster_cpu_s <= 2.0 THEN 'met' ELSE 'missed' END AS "target"
  FROM whole w0 JOIN whole w2 ON w2.shape = w0.shape AND w2.workers = 2
  JOIN zoo z ON z.shape = w0.shape
 WHERE w0.workers = 0 ORDER BY z.ord;

-------------------------------------------------------------------------------
-- 3. Every candidate alone on every sketch
-------------------------------------------------------------------------------
CREATE TEMP TABLE cand (shape text, distribution text, ms numeric, runs int, loglik float8, status text);

CREATE FUNCTION pg_temp.one(p_shape text, p_dist text, p_last bool) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz; times numeric[] := '{}'; ll float8; st text; ll1 float8; st1 text; r int := 0;
BEGIN
  LOOP
    r := r + 1;
    t0 := clock_timestamp();
    BEGIN
      SELECT f.loglik, f.status INTO ll, st
        FROM fit_distributions((SELECT h FROM zoo WHERE shape = p_shape), ARRAY[p_dist]) f;
    EXCEPTION
      WHEN query_canceled THEN ll := NULL; st := 'timeout';
      WHEN others THEN ll := NULL; st := 'error: ' || SQLERRM;
    END;
    times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
    IF r = 1 THEN ll1 := ll; st1 := st; END IF;
    EXIT WHEN r = 3 OR times[1] >= 1000 OR st = 'timeout';
  END LOOP;
  INSERT INTO cand VALUES (p_shape, p_dist, pg_temp.median(times), r, ll1, st1);
  IF p_last THEN
    RETURN NEXT (SELECT format('  per candidate, %s: %s candidates, %s s in all, slowest %s (%s ms), %s timeout(s)',
                               p_shape, count(*), round(sum(ms) / 1000, 1),
                               (array_agg(distribution ORDER BY ms DESC))[1], round(max(ms)),
                               count(*) FILTER (WHERE status = 'timeout'))
                   FROM cand WHERE shape = p_shape);
  END IF;
END $$;

\echo
\echo every candidate alone on every sketch (max_parallel_workers_per_gather :cand_workers, timeout :timeout_s s) ...
\pset tuples_only on
\pset format unaligned
SET max_parallel_workers_per_gather = :cand_workers;
SET statement_timeout = :cand_timeout_ms;
SELECT format('SELECT * FROM pg_temp.one(%L, %L, %L)', shape, name,
              row_number() OVER (PARTITION BY shape ORDER BY name DESC) = 1)
  FROM zoo, candidates ORDER BY ord, name \gexec
RESET statement_timeout;
RESET max_parallel_workers_per_gather;
\pset tuples_only off
\pset format aligned

\echo
\echo '== Per candidate over the sketches, ms (median of 3 runs, 1 when over 1 s; timeout = time at cancel) =='
\echo 'target: every candidate <= 150 ms on every sketch'
SELECT distribution, round(min(ms), 1) AS "min ms",
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS "median ms",
       round(max(ms), 1) AS "max ms",
       (array_agg(shape ORDER BY ms DESC))[1] AS "slowest on",
       count(*) FILTER (WHERE ms > 150) AS "sketches > 150 ms",
       count(*) FILTER (WHERE status = 'timeout') AS timeouts,
       count(*) FILTER (WHERE status NOT IN ('ok', 'timeout')) AS "not ok"
  FROM cand GROUP BY distribution ORDER BY max(ms) DESC;

\echo
\echo '== The slowest ten (candidate, sketch) =='
SELECT distribution, shape, round(ms, 1) AS ms, status FROM cand ORDER BY ms DESC LIMIT 10;

\echo
\echo '== Per sketch: candidates alone (target: none above 150 ms, median <= 10 ms) =='
SELECT c.shape, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS "median ms",
       round(sum(ms) / 1000, 1) AS "sum s",
       count(*) FILTER (WHERE ms > 150) AS "above 150 ms",
       count(*) FILTER (WHERE status = 'timeout') AS timeouts,
       count(*) FILTER (WHERE status NOT IN ('ok', 'timeout')) AS "not ok"
  FROM cand c JOIN zoo z USING (shape) GROUP BY c.shape, z.ord ORDER BY z.ord;

\echo
\echo '== Candidates whose status is not ok =='
SELECT distribution, shape, status FROM cand c JOIN zoo z USING (shape)
 WHERE status <> 'ok' ORDER BY z.ord, distribution;

SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS cand_median_ms,
       count(*) FILTER (WHERE ms > 150) AS cand_above, count(*) AS cand_fits,
       round(max(ms)) AS cand_max_ms FROM cand \gset
\echo
\echo overall median candidate time: :cand_median_ms ms (target <= 10 ms); :cand_above of :cand_fits fits above 150 ms (target 0); slowest :cand_max_ms ms

-------------------------------------------------------------------------------
-- 4. best_fit(x) against avg(x) over a big table
-------------------------------------------------------------------------------
\echo
\echo building big: :big_rows rows of norm(loc=0, scale=1), seed 7 ...
DROP TABLE IF EXISTS big;
CREATE TABLE big AS SELECT x FROM random_sample('norm(loc=0, scale=1)', :big_rows, 7) x;
VACUUM ANALYZE big;
SELECT pg_size_pretty(pg_table_size('big')) AS big_size \gset
\echo big: :big_size

CREATE TEMP TABLE agg (what text, workers int, ms numeric, runs int, status text);
-- median wall time of runs executions of q (one run when the first takes over 10 s)
CREATE FUNCTION pg_temp.time_query(p_what text, q text, p_workers int, runs int) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; times numeric[] := '{}'; st text := 'ok'; r int := 0;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', p_workers::text, true);
  LOOP
    r := r + 1;
    t0 := clock_timestamp();
    BEGIN
      EXECUTE q;
    EXCEPTION WHEN query_canceled THEN st := 'timeout';
    END;
    times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
    EXIT WHEN r >= runs OR times[1] > 10000 OR st <> 'ok';
  END LOOP;
  INSERT INTO agg VALUES (p_what, p_workers, pg_temp.median(times), r, st);
  RETURN NEXT format('  %s, %s workers: %s ms (%s run(s))%s', p_what, p_workers, round(pg_temp.median(times)), r,
                     CASE WHEN st = 'ok' THEN '' ELSE ', ' || st END);
END $$;

SET max_parallel_workers = 8;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET max_parallel_workers_per_gather = 2;
\echo plans with 2 workers:
EXPLAIN (COSTS OFF) SELECT avg(x) FROM big;
EXPLAIN (COSTS OFF) SELECT best_fit(x) FROM big;
RESET max_parallel_workers_per_gather;

\pset tuples_only on
\pset format unaligned
SELECT avg(x) FROM big \g /dev/null
SET statement_timeout = :set_timeout_ms;
SELECT * FROM pg_temp.time_query('avg(x)', 'SELECT avg(x) FROM big', 0, 5);
SELECT * FROM pg_temp.time_query('best_fit(x)', 'SELECT best_fit(x) FROM big', 0, 3);
SELECT * FROM pg_temp.time_query('avg(x)', 'SELECT avg(x) FROM big', 2, 5);
SELECT * FROM pg_temp.time_query('best_fit(x)', 'SELECT best_fit(x) FROM big', 2, 3);
RESET statement_timeout;
\pset tuples_only off
\pset format aligned

\echo
\echo '== best_fit(x) against avg(x) over big (median of up to 5 and 3 runs; target <= 2.5x) =='
SELECT a.workers, round(a.ms) AS "avg(x) ms", round(b.ms) AS "best_fit(x) ms",
       CASE WHEN b.status = 'ok' THEN '' ELSE '> ' END || round(b.ms / a.ms, 2) AS "ratio", b.status,
       CASE WHEN b.status <> 'ok' THEN b.status WHEN b.ms <= 2.5 * a.ms THEN 'met' ELSE 'missed' END AS target
  FROM agg a JOIN agg b ON b.workers = a.workers AND b.what = 'best_fit(x)'
 WHERE a.what = 'avg(x)' ORDER BY a.workers;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;

-------------------------------------------------------------------------------
-- 5. Log-likelihoods: the TSV, and the comparison with a baseline
-------------------------------------------------------------------------------
\o :tsv
\qecho '#' bestfit zoo benchmark log-likelihoods: engine :engine, :rows rows per sketch, timeout :timeout_s s
COPY (SELECT c.shape, (fit_histogram_summary(z.h)->>'n')::bigint AS n, c.distribution, c.status, c.loglik
        FROM cand c JOIN zoo z USING (shape) ORDER BY z.ord, c.distribution)
  TO STDOUT WITH (HEADER);
\o
\echo
\echo log-likelihoods written to :tsv

\if :have_baseline
\set baseline_text `cat :'baseline'`
CREATE TEMP TABLE base AS
  SELECT f[1] AS shape, f[2]::bigint AS n, f[3] AS distribution, f[4] AS status,
         nullif(f[5], '\N')::float8 AS loglik
    FROM (SELECT string_to_array(l, E'\t') f
            FROM regexp_split_to_table(:'baseline_text', E'\n') l
           WHERE l !~ '^#' AND l <> '' AND l !~ '^shape\t') q;
\unset baseline_text
CREATE TEMP TABLE diff AS
  SELECT c.shape, z.ord, c.distribution, c.status, b.status AS base_status,
         c.loglik, b.loglik AS base_loglik, c.loglik - b.loglik AS d,
         (fit_histogram_summary(z.h)->>'n')::bigint = b.n AS same_n
    FROM cand c JOIN zoo z USING (shape)
    JOIN base b ON b.shape = c.shape AND b.distribution = c.distribution;

\echo
\echo '== Log-likelihood against the baseline' :baseline '=='
SELECT count(*) AS compared, count(*) FILTER (WHERE NOT same_n) AS "different n (not compared)",
       count(*) FILTER (WHERE same_n AND d < -0.5) AS "more than 0.5 below",
       count(*) FILTER (WHERE same_n AND d > 0.5) AS "more than 0.5 above",
       count(*) FILTER (WHERE same_n AND loglik IS NULL AND base_loglik IS NOT NULL) AS "lost (no loglik now)",
       count(*) FILTER (WHERE same_n AND loglik IS NOT NULL AND base_loglik IS NULL) AS "gained"
  FROM diff;

\echo
\echo '== new - baseline loglik per candidate and sketch (blank: equal within 0.005; -: no loglik now; +: none in the baseline) =='
SELECT distribution,
  max(c) FILTER (WHERE shape = 'norm') AS "norm",
  max(c) FILTER (WHERE shape = 'norm_far') AS "norm_far",
  max(c) FILTER (WHERE shape = 'norm_tiny') AS "norm_tiny",
  max(c) FILTER (WHERE shape = 'uniform') AS "uniform",
  max(c) FILTER (WHERE shape = 'sum3unif') AS "sum3unif",
  max(c) FILTER (WHERE shape = 'lognorm_s0.5') AS "lognorm_s0.5",
  max(c) FILTER (WHERE shape = 'lognorm_s3') AS "lognorm_s3",
  max(c) FILTER (WHERE shape = 'pareto_b0.8') AS "pareto_b0.8",
  max(c) FILTER (WHERE shape = 'gamma') AS "gamma",
  max(c) FILTER (WHERE shape = 'mixture') AS "mixture",
  max(c) FILTER (WHERE shape = 'wind_speed') AS "wind_speed",
  max(c) FILTER (WHERE shape = 'exact2000') AS "exact2000"
  FROM (SELECT distribution, shape,
               CASE WHEN NOT same_n THEN 'n?'
                    WHEN loglik IS NULL AND base_loglik IS NULL THEN ''
                    WHEN loglik IS NULL THEN '-'
                    WHEN base_loglik IS NULL THEN '+'
                    WHEN abs(d) < 0.005 THEN ''
                    ELSE to_char(d, 'FMS999999990.00') END AS c
          FROM diff) q
 GROUP BY distribution ORDER BY distribution;

CREATE TEMP TABLE below AS
  SELECT d.*, NULL::jsonb AS base_params, NULL::float8 AS at_base, NULL::text AS at_base_status,
         NULL::text AS verdict
    FROM diff d
   WHERE same_n AND (d < -0.5 OR (loglik IS NULL AND base_loglik IS NOT NULL));

\if :have_baseline_params
\set params_text `cat :'baseline_params'`
CREATE TEMP TABLE base_params AS
  SELECT f[1] AS shape, f[2] AS distribution, f[3]::jsonb AS params, f[4]::float8 AS loglik
    FROM (SELECT string_to_array(l, E'\t') f
            FROM regexp_split_to_table(:'params_text', E'\n') l
           WHERE l !~ '^#' AND l <> '' AND l !~ '^shape\t') q;
\unset params_text
-- today's log-likelihood at the baseline engine's own point (every parameter fixed there)
UPDATE below b SET base_params = p.params
  FROM base_params p
 WHERE p.shape = b.shape AND p.distribution = b.distribution
   AND abs(p.loglik - b.base_loglik) <= 0.01;
UPDATE below b SET at_base = e.loglik, at_base_status = e.status
  FROM (SELECT w.shape, w.distribution, f.loglik, f.status
          FROM below w JOIN zoo z USING (shape),
               LATERAL fit_distributions(z.h, ARRAY[w.distribution], fixed => w.base_params) f
         WHERE w.base_params IS NOT NULL) e
 WHERE e.shape = b.shape AND e.distribution = b.distribution;
UPDATE below SET verdict = CASE
    WHEN base_params IS NULL THEN 'no baseline point'
    WHEN at_base IS NULL THEN 'baseline point infeasible now'
    WHEN loglik IS NULL OR at_base > loglik + 0.5 THEN 'search loss'
    ELSE 'likelihood changed' END;
\echo
\echo '== Fits more than 0.5 below the baseline (or lost), by today''s log-likelihood at the baseline''s own point =='
SELECT verdict, count(*) AS fits FROM below GROUP BY verdict ORDER BY verdict;
\endif

\echo
\echo '== Every fit more than 0.5 below the baseline, or without a loglik now that had one =='
SELECT distribution, shape, round(d::numeric, 3) AS "new - baseline", loglik AS new, base_loglik AS baseline,
       round((at_base - loglik)::numeric, 3) AS "at baseline's point - new",
       verdict, status, base_status AS "baseline status"
  FROM below
 ORDER BY verdict = 'search loss' DESC, d NULLS FIRST, ord, distribution;
\endif

-------------------------------------------------------------------------------
-- The targets
-------------------------------------------------------------------------------
\echo
\echo '== Figures against the targets of issue 8 =='
SELECT measure, figure, target, verdict FROM (
  SELECT 1 AS k, 'whole set, wall with 2 workers, worst sketch' AS measure,
         CASE WHEN bool_and(status = 'ok') THEN '' ELSE '> ' END || round(max(wall_ms) / 1000, 2) || ' s (' || (array_agg(shape ORDER BY wall_ms DESC))[1] || ')' AS figure,
         '<= 1.0 s on every sketch' AS target,
         count(*) FILTER (WHERE wall_ms > 1000 OR status <> 'ok') || ' of ' || count(*) || ' sketches miss' AS verdict
    FROM whole WHERE workers = 2
  UNION ALL
  SELECT 2, 'whole set, cluster CPU with 2 workers, worst sketch',
         round(max(cluster_cpu_s), 2) || ' s (' || (array_agg(shape ORDER BY cluster_cpu_s DESC))[1] || ')',
         '<= 2.0 s on every sketch',
         count(*) FILTER (WHERE cluster_cpu_s > 2.0 OR status <> 'ok') || ' of ' || count(*) || ' sketches miss'
    FROM whole WHERE workers = 2
  UNION ALL
  SELECT 3, 'candidate alone, slowest', round(max(ms)) || ' ms (' || (array_agg(distribution || ' on ' || shape ORDER BY ms DESC))[1] || ')',
         'none above 150 ms', count(*) FILTER (WHERE ms > 150) || ' of ' || count(*) || ' fits above'
    FROM cand
  UNION ALL
  SELECT 4, 'candidate alone, median over all fits', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) || ' ms',
         '<= 10 ms', CASE WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) <= 10 THEN 'met' ELSE 'missed' END
    FROM cand
  UNION ALL
  SELECT 5 + a.workers, 'best_fit(x) / avg(x), ' || :big_rows || ' rows, ' || a.workers || ' workers',
         CASE WHEN b.status = 'ok' THEN '' ELSE '> ' END
           || round(b.ms / a.ms, 2) || 'x (' || round(b.ms) || ' ms / ' || round(a.ms) || ' ms)',
         '<= 2.5x', CASE WHEN b.status <> 'ok' THEN b.status WHEN b.ms <= 2.5 * a.ms THEN 'met' ELSE 'missed' END
    FROM agg a JOIN agg b ON b.workers = a.workers AND b.what = 'best_fit(x)' WHERE a.what = 'avg(x)'
\if :have_baseline_params
  UNION ALL
  SELECT 8, 'fits more than 0.5 below the baseline engine''s own point',
         count(*) FILTER (WHERE verdict = 'search loss') || ' of ' || (SELECT count(*) FROM diff WHERE same_n)
           || ' (' || count(*) || ' below the baseline''s figure)',
         'none', CASE WHEN count(*) FILTER (WHERE verdict IN ('search loss', 'no baseline point')) = 0
                      THEN 'met' ELSE 'missed' END
    FROM below
\endif
) t ORDER BY k;

SELECT round(extract(epoch FROM clock_timestamp() - :'t_start'::timestamptz) / 60, 1) AS minutes \gset
\echo
\echo zoo benchmark done in :minutes minutes
