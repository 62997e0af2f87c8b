-- issue 11, item 5: the sketch aggregates declare their state's size
-- (SSPACE = BF_STATE_MAX_BYTES, src/sketch/sketch.h), on a fresh install
-- and after ALTER EXTENSION UPDATE, which sets it in place so that users'
-- views of the aggregates survive the upgrade.
SET client_min_messages = warning;
SELECT aggfnoid::regprocedure AS aggregate, aggtransspace
  FROM pg_aggregate WHERE aggfnoid::regprocedure::text ~ '^(fit_histogram|best_fit)\('
 ORDER BY aggfnoid::regprocedure::text;
DROP EXTENSION bestfit CASCADE;
CREATE EXTENSION bestfit VERSION '0.1.0';
CREATE TABLE sspace_rows AS SELECT i % 3 AS g, i::float8 AS x FROM generate_series(1, 30) i;
CREATE VIEW sspace_view AS SELECT g, fit_histogram(x) AS h FROM sspace_rows GROUP BY g;
ALTER EXTENSION bestfit UPDATE;
SELECT aggfnoid::regprocedure AS aggregate, aggtransspace
  FROM pg_aggregate WHERE aggfnoid::regprocedure::text ~ '^(fit_histogram|best_fit)\('
 ORDER BY aggfnoid::regprocedure::text;
SELECT g, fit_histogram_summary(h)->>'n' AS n FROM sspace_view ORDER BY g;
DROP VIEW sspace_view;
DROP TABLE sspace_rows;
