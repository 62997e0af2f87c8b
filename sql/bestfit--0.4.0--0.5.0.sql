-- bestfit 0.4.0 -> 0.5.0
-- (issue 9) fit_report, a quality report of a sketch;
-- (issue 11) hardening of the aggregates (declared state sizes).
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.5.0'" to load this file. \quit

-- issue 9: fit_report
CREATE FUNCTION fit_report(
    sketch fit_histogram,
    distributions text[] DEFAULT NULL,
    resolution double precision DEFAULT NULL,
    samples integer DEFAULT 99,
    seed bigint DEFAULT 0)
RETURNS jsonb
    AS 'MODULE_PATHNAME', 'fit_report' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000000;
COMMENT ON FUNCTION fit_report(fit_histogram, text[], double precision, integer, bigint) IS
    'A quality report of a sketch and its fits, as jsonb: counts (rows, NaN, infinities), quantiles, the recording resolution and the share of tied rows, atoms (a value or bin holding over 1% of the rows that its neighbourhood does not explain: a point mass at an end of the data, or heaping), heavy-tail indicators (excess kurtosis > 6 or max/p99 > 3, spark-bestfit''s thresholds), Tukey''s far-out fences (Q1 - 3 IQR, Q3 + 3 IQR) with the isolated values beyond them, the top 5 candidates by AIC (fit, delta_aic, warnings, flagged) among distributions (NULL: the default set), the choice by best_fit''s rule, gof_test''s parametric-bootstrap p-values for that choice and the next unflagged model by AIC (samples per test, 0 for none; deterministic for seed; each test costs samples fits of its family), and one-line recommendations. distributions and resolution as in fit_distributions. The rules and thresholds are in the README (fit_report); they are this project''s reading of the figures, not a published procedure.';

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
