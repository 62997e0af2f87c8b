-- bestfit 0.6.0 -> 0.7.0
-- (issue 12) pictures for BI tools (fit_plot_points, fit_plot_svg) and the aggregate
-- state for shard push-down; (issues 8, 11) engine and hardening changes need no SQL change.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.7.0'" to load this file. \quit
