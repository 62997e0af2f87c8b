-- bestfit 0.4.0 -> 0.5.0
-- (issue 9) fit_report, a quality report of a sketch;
-- (issue 11) hardening of the aggregates (declared state sizes).
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.5.0'" to load this file. \quit

-- (issue 11, helper H4: memory) The sketch aggregates declare their state's
-- size, the largest a state takes (BF_STATE_MAX_BYTES, src/sketch/sketch.h),
-- so that hash aggregation plans for it and spills or sorts instead of
-- overshooting work_mem.  PostgreSQL 15's ALTER AGGREGATE cannot change
-- SSPACE, and DROP AGGREGATE plus CREATE AGGREGATE would fail on (or, with
-- CASCADE, drop) users' views and materialized views of these aggregates,
-- so the one field is set in the catalogue; the aggregates keep their OIDs.
UPDATE pg_catalog.pg_aggregate SET aggtransspace = 83000
 WHERE aggfnoid IN ('fit_histogram(double precision)'::pg_catalog.regprocedure,
                    'fit_histogram(fit_histogram)'::pg_catalog.regprocedure,
                    'best_fit(double precision)'::pg_catalog.regprocedure);
