-- bestfit catalogue benchmark: the whole default catalogue fitted on one
-- stored sketch, and every entry of the default set alone (slowest first).  Run through
-- test/bench/catalogue.sh (throwaway cluster).  Not a test: it prints
-- figures, it does not judge them.  One backend, no parallel workers: the
-- fit runs on one core.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
CREATE EXTENSION IF NOT EXISTS bestfit;

-- median wall time in ms of :runs executions of a query
CREATE OR REPLACE FUNCTION pg_temp.bench(q text, runs int DEFAULT 3) RETURNS numeric
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

\echo sketches: :rows rows of gamma(a=2, loc=5, scale=3) (binned) and of lognorm(s=0.5) (binned), 2,000 rows (exact)
CREATE TEMP TABLE sketches AS
  SELECT 'gamma, binned' AS sketch, fit_histogram(x) AS h
    FROM random_sample('gamma(a=2, loc=5, scale=3)', :rows, 1) x
  UNION ALL
  SELECT 'lognorm, binned', fit_histogram(x)
    FROM random_sample('lognorm(s=0.5, loc=0, scale=10)', :rows, 2) x
  UNION ALL
  SELECT 'gamma, exact', fit_histogram(x)
    FROM random_sample('gamma(a=2, loc=5, scale=3)', 2000, 3) x;

\echo
\echo '== The whole default catalogue on one sketch (median of 3 runs, one core) =='
SELECT sketch, (fit_histogram_summary(h)->>'bins')::int AS bins,
       (SELECT count(*) FROM bestfit_distributions() WHERE in_default_set) AS candidates,
       round(pg_temp.bench(format('SELECT count(*) FROM fit_distributions(%L::fit_histogram)', h::text))) AS ms_whole_catalogue
  FROM sketches;

CREATE TEMP TABLE per_candidate AS
  SELECT sketch, d.name AS distribution,
         round(pg_temp.bench(format('SELECT count(*) FROM fit_distributions(%L::fit_histogram, ARRAY[%L])', h::text, d.name)), 1) AS ms
    FROM sketches, bestfit_distributions() d
   WHERE d.in_default_set;   -- the test statistics take seconds to minutes (README)

\echo
\echo '== Slowest ten candidates per sketch (median of 3 runs, ms) =='
SELECT sketch, distribution, ms
  FROM (SELECT *, row_number() OVER (PARTITION BY sketch ORDER BY ms DESC) AS r FROM per_candidate) q
 WHERE r <= 10 ORDER BY sketch, ms DESC;

\echo
\echo '== Per sketch: sum of the single-candidate times, and candidates above 200 ms =='
SELECT sketch, round(sum(ms) FILTER (WHERE d.in_default_set)) AS default_set_total_ms,
       round(sum(ms)) AS all_entries_total_ms,
       count(*) FILTER (WHERE ms > 200) AS above_200ms,
       string_agg(distribution || ' ' || ms, ', ') FILTER (WHERE ms > 200) AS which
  FROM per_candidate JOIN bestfit_distributions() d ON d.name = distribution
 GROUP BY sketch ORDER BY sketch;
