#!/usr/bin/env bash
# test/bench/memory.sh — memory and per-row cost of the sketch aggregates
# (issue 11, item 5).  Not part of the test command: it needs about 1.5 GB of
# disk for its tables (kept in schema bestfit_bench of the target database,
# created once) and several minutes.
#
#   PGHOST=... PGPORT=... PGUSER=... test/bench/memory.sh [memory] [speed]
#
# memory: GROUP BY g over G groups x R rows (4000 x 4000, 20000 x 200,
#   200000 x 20; rows interleaved, g = i % G, x = random(), so every group
#   has R distinct values and all groups exist before any is full: the worst
#   case for hash aggregation) at work_mem = 64MB, serial; for each, the plan
#   (HashAggregate with its memory and batches, or a sort) and the peak
#   resident memory of the backend (VmHWM of /proc/PID/status, read by psql
#   on the same machine; a new session for each query, so it holds nothing
#   else).
# speed: SELECT fit_histogram(x) against SELECT avg(x) over 10,000,000
#   random() values, serial and with 2 parallel workers, best of 3 runs each.
set -euo pipefail
what=${*:-memory speed}
PSQL="psql -X -q -v ON_ERROR_STOP=1"

$PSQL <<'SQL'
CREATE SCHEMA IF NOT EXISTS bestfit_bench;
SET client_min_messages = warning;
DO $$
DECLARE cfg int[]; g int; r int; t text;
BEGIN
  FOREACH cfg SLICE 1 IN ARRAY ARRAY[[4000, 4000], [20000, 200], [200000, 20]] LOOP
    g := cfg[1]; r := cfg[2]; t := format('bestfit_bench.groups_%s_%s', g, r);
    IF to_regclass(t) IS NULL THEN
      EXECUTE format('CREATE UNLOGGED TABLE %s AS SELECT (i %% %s)::int AS g, random() AS x
                        FROM generate_series(0, %s::bigint * %s - 1) i', t, g, g, r);
      EXECUTE format('ANALYZE %s', t);
    END IF;
  END LOOP;
  IF to_regclass('bestfit_bench.rows_10m') IS NULL THEN
    CREATE UNLOGGED TABLE bestfit_bench.rows_10m AS SELECT random() AS x FROM generate_series(1, 10000000);
    ANALYZE bestfit_bench.rows_10m;
  END IF;
END $$;
SQL

if [[ " $what " == *" memory "* ]]; then
  for cfg in 4000_4000 20000_200 200000_20; do
    echo "== GROUP BY over ${cfg/_/ groups x } rows, work_mem = 64MB"
    $PSQL <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv BPID :pid
SET work_mem = '64MB';
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT g, fit_histogram(x) FROM bestfit_bench.groups_$cfg GROUP BY g;
\! grep -E '^(VmHWM|RssShmem)' /proc/\$BPID/status | tr -s ' \t' ' ' | paste -sd ' '
SQL
  done
fi

if [[ " $what " == *" speed "* ]]; then
  for workers in 0 2; do
    for agg in 'avg(x)' 'fit_histogram(x)'; do
      best=
      for run in 1 2 3; do
        ms=$($PSQL -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
SET max_parallel_workers_per_gather = $workers;
\o /dev/null
\timing on
SELECT $agg FROM bestfit_bench.rows_10m;
SQL
)
        if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
      done
      echo "workers=$workers $agg: best of 3 ${best} ms"
    done
  done
fi
