-- bestfit 0.6.0 -> 0.7.0
-- (issue 12) pictures for BI tools (fit_plot_points, fit_plot_svg) and the aggregate
-- state for shard push-down; (issues 8, 11) engine and hardening changes need no SQL change.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.7.0'" to load this file. \quit

-- issue 12, item 2 (branch citus-state): fit_histogram_distributed, the sketch
-- aggregates with state type fit_histogram, which Citus can push down.  New
-- objects only: fit_histogram(x) keeps its internal state, so nothing is
-- dropped and users' views of it are untouched.
CREATE FUNCTION fit_histogram_state_accum(fit_histogram, double precision) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION fit_histogram_state_combine(fit_histogram, fit_histogram) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION fit_histogram_state_final(fit_histogram) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fit_histogram_state_accum(fit_histogram, double precision) IS 'Transition function of fit_histogram_distributed(double precision): adds one value to the state (an expanded fit_histogram updated in place); NULLs are skipped.';
COMMENT ON FUNCTION fit_histogram_state_combine(fit_histogram, fit_histogram) IS 'Combine function of the fit_histogram_distributed aggregates and transition function of fit_histogram_distributed(fit_histogram): merges the second sketch into the first.';
COMMENT ON FUNCTION fit_histogram_state_final(fit_histogram) IS 'Final function of the fit_histogram_distributed aggregates: the canonical sketch, byte-identical to fit_histogram''s on the same rows.';

CREATE AGGREGATE fit_histogram_distributed(double precision) (
    SFUNC = fit_histogram_state_accum,
    STYPE = fit_histogram,
    SSPACE = 83000,
    COMBINEFUNC = fit_histogram_state_combine,
    FINALFUNC = fit_histogram_state_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram_distributed(double precision) IS
    'fit_histogram(x) with a state of type fit_histogram (an expanded object updated in place) instead of internal, so that Citus pushes its partial aggregation down to the workers (Citus 13 does not for internal states): the same value, byte for byte. Elsewhere fit_histogram(x) is slightly faster (a few percent less CPU per row).';

CREATE AGGREGATE fit_histogram_distributed(fit_histogram) (
    SFUNC = fit_histogram_state_combine,
    STYPE = fit_histogram,
    SSPACE = 83000,
    COMBINEFUNC = fit_histogram_state_combine,
    FINALFUNC = fit_histogram_state_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram_distributed(fit_histogram) IS
    'The rollup fit_histogram(sketch) with a state of type fit_histogram instead of internal (for Citus, as fit_histogram_distributed(x)): the same value, byte for byte.';
