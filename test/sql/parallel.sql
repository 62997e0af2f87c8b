-- Parallel aggregation: the plan uses partial aggregates and the sketch is
-- byte-identical to the serial one.
CREATE TABLE par AS
  SELECT exp(3 * sin(i * 0.61) + cos(i * 1.7)) AS x FROM generate_series(1, 300000) i;
ANALYZE par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT fit_histogram(x) FROM par;
EXPLAIN (COSTS OFF) SELECT best_fit(x) FROM par;
CREATE TEMP TABLE par_sketch AS SELECT fit_histogram(x) AS h FROM par;
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT h FROM par_sketch)::text = (SELECT fit_histogram(x) FROM par)::text AS parallel_equals_serial;
SELECT fit_histogram_send((SELECT h FROM par_sketch)) = fit_histogram_send((SELECT fit_histogram(x) FROM par)) AS bytes_equal;
RESET ALL;
