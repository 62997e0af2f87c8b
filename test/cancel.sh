#!/usr/bin/env bash
# test/cancel.sh — how fast does every long-running bestfit call stop at
# statement_timeout?  (issue 11, item 4; not part of test/check.sh: it takes
# about twelve minutes, the parallel section 1.5 of them)
#
# Against a running cluster with bestfit installed (libpq's PG* environment:
# PGHOST, PGPORT, PGUSER, PGDATABASE), in one session:
#   - fit_distributions of every catalogue entry by name (bestfit_distributions())
#     on an exact sketch of 3,000 distinct values and on a binned sketch of
#     1,000,000 rows (discrete entries: the same values rounded to integers,
#     scale 3,000, so 3,000 distinct integers and a binned sketch of about
#     20,000), then again with a 50 ms timeout (most of those fits end
#     within 200 ms);
#   - gof_test (100,000 samples) on the exact sketch and random_sample
#     (2e9 draws) of every entry's fit to a small sketch, and random_sample
#     of the costly draws of issue 11;
#   - quantile and cdf with the largest integer shapes;
#   - a parallel fit of every continuous entry (2 workers) stopped at 30
#     deadlines from 100 ms to 3 s, on each sketch, and of every discrete
#     entry on each integer sketch;
#   - the aggregates: fit_histogram and best_fit over big generate_series
#     (in the select list: in FROM, PostgreSQL first materialises the series
#     in a tuplestore, whose temporary file it deletes on cancel, which can
#     take longer than bestfit's own stop), and a rollup of many sketches;
# each with statement_timeout = TIMEOUT ms (default 200).  Each statement
# catches query_canceled in PL/pgSQL and prints the time from the deadline
# to the error, ms ("stop_ms": wall time from the statement's start minus
# the timeout), or "finished" with its time when it ended before the
# deadline.  The last lines count the statements over LIMIT ms (default 300).
#
#   PGHOST=/tmp/pg/sock PGPORT=5432 PGUSER=postgres test/cancel.sh [TIMEOUT] [LIMIT]
#
# Output: one line per statement, label|stopped-or-finished|ms, then a summary.
set -euo pipefail
timeout_ms=${1:-200}
limit_ms=${2:-300}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

psql -X -q -At -v ON_ERROR_STOP=1 -v tmo="$timeout_ms" <<'SQL' | tee "$out"
CREATE EXTENSION IF NOT EXISTS bestfit;
SET client_min_messages = warning;

-- probe(label, query): run query (results discarded); the statement_timeout
-- of the calling statement stops it.  Returns label|stopped|ms after the
-- deadline, or label|finished|ms from the start when it ended before.
CREATE FUNCTION pg_temp.probe(label text, q text, tmo int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text := 'finished';
    ms double precision;
BEGIN
    BEGIN
        EXECUTE q;
    EXCEPTION WHEN query_canceled THEN
        st := 'stopped';
    END;
    ms := extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000;
    IF st = 'stopped' THEN
        ms := ms - tmo;
    END IF;
    RETURN format('%s|%s|%s', label, st, round(ms::numeric, 1));
END $$;

-- the sketches: 3,000 distinct exact values (the lognormal's quantiles) and
-- 1,000,000 rows (a low-discrepancy sequence through the same quantiles)
CREATE TEMP TABLE cancel_sketch AS
SELECT (SELECT fit_histogram(quantile('lognorm(s=0.5, scale=10)', (i - 0.5) / 3000))
          FROM generate_series(1, 3000) i) AS exact,
       (SELECT fit_histogram(quantile('lognorm(s=0.5, scale=10)', (i * 0.6180339887498949) % 1))
          FROM generate_series(1, 1000000) i) AS binned,
       (SELECT fit_histogram(round(quantile('lognorm(s=0.5, scale=3000)', (i - 0.5) / 3000)))
          FROM generate_series(1, 3000) i) AS exact_int,
       (SELECT fit_histogram(round(quantile('lognorm(s=0.5, scale=3000)', (i * 0.6180339887498949) % 1)))
          FROM generate_series(1, 1000000) i) AS binned_int;
-- the sketch an entry is fitted to: the integer ones for discrete entries
CREATE FUNCTION pg_temp.sk(s text, kind text) RETURNS text LANGUAGE sql AS
  $$ SELECT CASE WHEN kind = 'discrete' THEN s || '_int' ELSE s END $$;

-- parameters for gof_test and random_sample: every entry's fit to a small
-- sketch (200 values), each given 10 s (an entry whose fit takes longer is
-- left out of those two sections and reported as such)
CREATE TEMP TABLE cancel_fit (name text, fit distribution);
CREATE FUNCTION pg_temp.fit_small(e text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cancel_fit
    SELECT e, f.fit
      FROM (SELECT kind FROM bestfit_distributions() WHERE name = e) d,
           LATERAL fit_distributions((SELECT fit_histogram(CASE WHEN d.kind = 'discrete' THEN round(q) ELSE q END)
                                        FROM generate_series(1, 200) i,
                                             LATERAL (SELECT quantile('lognorm(s=0.5, scale=10)', (i - 0.5) / 200) q) v),
                                     ARRAY[e]) f;
EXCEPTION WHEN query_canceled THEN
    RAISE WARNING 'no fit of % to the small sketch within 10 s: left out of gof_test and random_sample', e;
END $$;
SET statement_timeout = '10s';
SELECT format('SELECT pg_temp.fit_small(%L)', name) FROM bestfit_distributions() ORDER BY name \gexec
RESET statement_timeout;

SELECT format('SET statement_timeout = %s', :tmo) \gexec
\echo '# fit_distributions, exact 3,000-value sketch'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', 'fit exact ' || name,
              format('SELECT count(*) FROM cancel_sketch, fit_distributions(%s, ARRAY[%L])', pg_temp.sk('exact', kind), name), :tmo)
  FROM bestfit_distributions() ORDER BY name \gexec
\echo '# fit_distributions, binned 1,000,000-row sketch'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', 'fit binned ' || name,
              format('SELECT count(*) FROM cancel_sketch, fit_distributions(%s, ARRAY[%L])', pg_temp.sk('binned', kind), name), :tmo)
  FROM bestfit_distributions() ORDER BY name \gexec
\echo '# fit_distributions with a 50 ms timeout (most fits end within 200 ms on these sketches)'
-- (a timeout this short can fire before the probe's handler is set up: that
-- statement then fails and its line is missing)
\set ON_ERROR_STOP 0
SET statement_timeout = 50;
SELECT format('SELECT pg_temp.probe(%L, %L, 50)', 'fit50 exact ' || name,
              format('SELECT count(*) FROM cancel_sketch, fit_distributions(%s, ARRAY[%L])', pg_temp.sk('exact', kind), name))
  FROM bestfit_distributions() ORDER BY name \gexec
SELECT format('SELECT pg_temp.probe(%L, %L, 50)', 'fit50 binned ' || name,
              format('SELECT count(*) FROM cancel_sketch, fit_distributions(%s, ARRAY[%L])', pg_temp.sk('binned', kind), name))
  FROM bestfit_distributions() ORDER BY name \gexec
\set ON_ERROR_STOP 1
SELECT format('SET statement_timeout = %s', :tmo) \gexec
\echo '# gof_test, 100,000 samples, exact sketch'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', 'gof_test ' || name,
              format('SELECT * FROM cancel_sketch, gof_test(%s, %L::distribution, samples => 100000)', pg_temp.sk('exact', kind), fit), :tmo)
  FROM cancel_fit JOIN bestfit_distributions() USING (name) WHERE fit IS NOT NULL ORDER BY name \gexec
\echo '# random_sample, 2e9 draws'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', 'random_sample ' || name,
              format('SELECT count(*) FROM random_sample(%L::distribution, 2000000000, 1)', fit), :tmo)
  FROM cancel_fit WHERE fit IS NOT NULL ORDER BY name \gexec
\echo '# random_sample of the findings (issue 11), gof_test of the entries without a small fit, quantile and cdf at the largest integer shapes, fits with a large fixed n'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', label, q, :tmo)
  FROM (VALUES
    ('random_sample studentized_range(k=4, df=20)', $q$SELECT count(*) FROM random_sample('studentized_range(k=4, df=20)', 100000, 1)$q$),
    ('random_sample irwinhall(n=2000)', $q$SELECT count(*) FROM random_sample('irwinhall(n=2000)', 100000, 1)$q$),
    ('random_sample irwinhall(n=10000)', $q$SELECT count(*) FROM random_sample('irwinhall(n=10000)', 100000, 1)$q$),
    ('random_sample kstwo(n=100)', $q$SELECT count(*) FROM random_sample('kstwo(n=100)', 100000, 1)$q$),
    ('random_sample ksone(n=1000000)', $q$SELECT count(*) FROM random_sample('ksone(n=1000000)', 100000, 1)$q$),
    ('random_sample levy_stable(alpha=1.5, beta=0.5)', $q$SELECT count(*) FROM random_sample('levy_stable(alpha=1.5, beta=0.5)', 100000, 1)$q$),
    ('random_sample genhyperbolic(p=0.5, a=1.5, b=0.5)', $q$SELECT count(*) FROM random_sample('genhyperbolic(p=0.5, a=1.5, b=0.5)', 100000, 1)$q$),
    ('random_sample landau()', $q$SELECT count(*) FROM random_sample('landau()', 100000, 1)$q$),
    ('gof_test kstwo(n=100, scale=100)', $q$SELECT * FROM cancel_sketch, gof_test(exact, 'kstwo(n=100, scale=100)', samples => 100000)$q$),
    ('gof_test studentized_range(k=4, df=20, scale=3)', $q$SELECT * FROM cancel_sketch, gof_test(exact, 'studentized_range(k=4, df=20, scale=3)', samples => 100000)$q$),
    ('quantile irwinhall(n=10000)', $q$SELECT quantile('irwinhall(n=10000)', p) FROM generate_series(0.01, 0.99, 0.01) p$q$),
    ('cdf irwinhall(n=10000)', $q$SELECT cdf('irwinhall(n=10000)', x) FROM generate_series(4000, 6000) x$q$),
    ('pdf irwinhall(n=10000)', $q$SELECT pdf('irwinhall(n=10000)', x) FROM generate_series(4000, 6000) x$q$),
    ('quantile ksone(n=1000000)', $q$SELECT quantile('ksone(n=1000000)', p) FROM generate_series(0.01, 0.99, 0.01) p$q$),
    ('cdf ksone(n=1000000)', $q$SELECT cdf('ksone(n=1000000)', x) FROM generate_series(1e-4, 1e-2, 1e-4) x$q$),
    ('quantile kstwo(n=100000)', $q$SELECT quantile('kstwo(n=100000)', p) FROM generate_series(0.01, 0.99, 0.01) p$q$),
    ('pdf kstwo(n=100000)', $q$SELECT pdf('kstwo(n=100000)', x) FROM generate_series(1e-4, 1e-2, 1e-4) x$q$),
    ('quantile studentized_range(k=100, df=3)', $q$SELECT quantile('studentized_range(k=100, df=3)', p) FROM generate_series(0.01, 0.99, 0.01) p$q$),
    ('fit exact irwinhall fixed n=10000', $q$SELECT count(*) FROM cancel_sketch, fit_distributions(exact, ARRAY['irwinhall'], fixed => '{"n": 10000}')$q$),
    ('fit exact ksone fixed n=1000000', $q$SELECT count(*) FROM cancel_sketch, fit_distributions(exact, ARRAY['ksone'], fixed => '{"n": 1000000}')$q$),
    ('fit exact kstwo fixed n=100000', $q$SELECT count(*) FROM cancel_sketch, fit_distributions(exact, ARRAY['kstwo'], fixed => '{"n": 100000}')$q$),
    ('fit binned all continuous entries', $q$SELECT count(*) FROM cancel_sketch, fit_distributions(binned, (SELECT array_agg(name) FROM bestfit_distributions() WHERE kind = 'continuous'))$q$),
    ('fit binned_int all discrete entries', $q$SELECT count(*) FROM cancel_sketch, fit_distributions(binned_int, (SELECT array_agg(name) FROM bestfit_distributions() WHERE kind = 'discrete'))$q$),
    ('best_fit(sketch) binned', $q$SELECT best_fit(binned) FROM cancel_sketch$q$)
  ) v(label, q) \gexec
\echo '# parallel fit_distributions (all entries, 2 workers) stopped at 100, 200, ..., 3,000 ms'
-- the deadline falls at every stage of a parallel fit: the leader and the
-- workers fitting, the leader waiting for the workers; the stop includes the
-- workers' exit (the leader's abort waits for it: DestroyParallelContext)
SET max_parallel_workers_per_gather = 2;
SELECT format('SET statement_timeout = %s; SELECT pg_temp.probe(%L, %L, %s)', t, 'parallel ' || s || ' ' || t || ' ms',
              format('SELECT count(*) FROM cancel_sketch, fit_distributions(%s, (SELECT array_agg(name) FROM bestfit_distributions() WHERE kind = %L))',
                     s, CASE WHEN s LIKE '%_int' THEN 'discrete' ELSE 'continuous' END), t)
  FROM generate_series(100, 3000, 100) t, unnest(ARRAY['exact', 'binned', 'exact_int', 'binned_int']) s ORDER BY s, t \gexec
RESET max_parallel_workers_per_gather;
SELECT format('SET statement_timeout = %s', :tmo) \gexec
\echo '# aggregates'
SELECT format('SELECT pg_temp.probe(%L, %L, %s)', label, q, :tmo)
  FROM (VALUES
    ('fit_histogram(x) 1e9 rows', $q$SELECT fit_histogram(x) FROM (SELECT generate_series(1, 1000000000)::float8 x) s$q$),
    ('fit_histogram(x) 1e9 rows GROUP BY', $q$SELECT fit_histogram(x) FROM (SELECT generate_series(1, 1000000000)::float8 x) s GROUP BY x::int8 % 1000$q$),
    ('best_fit(x) 1e9 rows', $q$SELECT best_fit(x) FROM (SELECT generate_series(1, 1000000000)::float8 x) s$q$),
    ('best_fit(x) 1e5 rows', $q$SELECT best_fit(sqrt(x::float8)) FROM generate_series(1, 100000) x$q$),
    ('fit_histogram(sketch) rollup 1e8 sketches', $q$SELECT fit_histogram(binned) FROM cancel_sketch, (SELECT generate_series(1, 100000000)) g$q$),
    ('fit_histogram_summary 1e8 calls', $q$SELECT fit_histogram_summary(binned) FROM cancel_sketch, (SELECT generate_series(1, 100000000)) g$q$)
  ) v(label, q) \gexec
RESET statement_timeout;
SQL

echo "# summary (timeout ${timeout_ms} ms)"
awk -F'|' -v lim="$limit_ms" '
  $2 == "stopped" { n++; if ($3 + 0 > max) { max = $3 + 0; worst = $1 } if ($3 + 0 > lim) { over++; print "over " lim " ms: " $0 } }
  $2 == "finished" { fin++ }
  END { printf "stopped: %d, finished before the deadline: %d, slowest stop: %s ms (%s), over %s ms: %d\n", n, fin, max, worst, lim, over + 0 }' "$out"
