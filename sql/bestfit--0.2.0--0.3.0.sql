-- bestfit 0.2.0 -> 0.3.0: no new objects; brings an installation updated from
-- 0.1.0 to exactly what a fresh install defines (test/sql/upgrade_identity.sql).
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.3.0'" to load this file. \quit

-- The row estimate of fit_distributions is the size of the default set (105
-- entries since 0.2.0); bestfit--0.1.0--0.2.0.sql left 0.1.0's 24.
ALTER FUNCTION fit_distributions(fit_histogram, text[], text, jsonb) ROWS 105;
