-- bestfit 0.4.0 -> 0.5.0
-- (issue 9) fit_report, a quality report of a sketch;
-- (issue 11) hardening of the aggregates (declared state sizes).
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.5.0'" to load this file. \quit
