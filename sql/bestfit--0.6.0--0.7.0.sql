-- bestfit 0.6.0 -> 0.7.0
-- (issue 12) pictures for BI tools (fit_plot_points, fit_plot_svg) and the aggregate
-- state for shard push-down; (issues 8, 11) engine and hardening changes need no SQL change.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.7.0'" to load this file. \quit

-- gof_test: an infinite statistic (AD with a data point at a support end) has a NULL p-value
COMMENT ON FUNCTION gof_test(fit_histogram, distribution, jsonb, integer, bigint, double precision) IS
    'Parametric-bootstrap goodness-of-fit test of a fit (from fit_distributions or best_fit on this sketch, with the same fixed parameters and resolution): the KS, Anderson-Darling and Cramer-von Mises statistics of the fit on the sketch, and for each the p-value (1 + #{T* >= T}) / (B + 1) over B = samples data sets of the sketch''s size drawn from the fit, sketched the same way (same bin level; values rounded to the same lattice) and refitted with the same family and fixed parameters (Stute, Gonzalez Manteiga & Presedo Quindimil 1993; Davison & Hinkley 1997, section 4.2). Refitting each sample accounts for the estimated parameters, which the asymptotic ks_pvalue of fit_distributions ignores. It does not account for the choice of the family among several candidates (testing the winner of a ranking is optimistic), nor for a fit that is not the maximum-likelihood fit of this sketch; its p-values carry Monte Carlo error of about sqrt(p(1-p)/samples). Samples whose refit fails are left out with a WARNING. Deterministic for a seed (GSL''s MT19937), hence IMMUTABLE. Cost: one fit of the family per sample. A discrete fit is tested by KS only (AD and CvM are NULL), its samples drawn as integers and refitted with its loc. An infinite statistic has a NULL p-value: Anderson-Darling is infinite when the fit puts a data point at an end of its support (a loc fitted at the minimum), every refit does the same, and its p-value would be 1 whatever the data.';
-- issue 12 item 5: pictures for people and BI tools (fit_plot_points, fit_plot_svg)
CREATE FUNCTION fit_plot_points(sketch fit_histogram, fit distribution, kind text)
RETURNS TABLE (
    series text,
    x double precision,
    y double precision,
    x_lo double precision,
    x_hi double precision)
    AS 'MODULE_PATHNAME', 'fit_plot_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 400;
COMMENT ON FUNCTION fit_plot_points(fit_histogram, distribution, text) IS
    'The points of a chart of a fit against the sketch''s finite values, for BI tools: series ''data'', then ''fit'', then ''reference''; at most 400 points per series. kind ''density'': data = a histogram of equal-width bars (x the middle, x_lo and x_hi the edges, y = count / (n width); Freedman-Diaconis bin count, at most 100; integers get whole-integer bars), fit = the pdf at 201 points of the range; a discrete fit: data = the empirical pmf per integer (bars of several integers with their mean pmf when there are more than 200), fit = the pmf there. The range is [min, max], or the 0.5%-99.5% sample quantiles when max - min exceeds 3 times their distance. ''cdf'': data = the fraction of values up to each value (exact sketch) or bin''s upper edge (every k-th of more than 400), fit = the cdf at 201 points of the range (a discrete fit: at the data''s x). ''qq'': data x = the fit''s quantile, y = the sample quantile at the plotting positions (r - a) / (n + 1 - 2a) of R''s ppoints (a = 3/8 for n <= 10, else 1/2), all ranks r up to n = 400, else 400 evenly spaced ranks; ''pp'': x = the fit''s cdf at the sample quantile, y = the plotting position; both with the reference line y = x (2 points). y is NULL where the fit gives no number. Errors: an unknown kind, fewer than two distinct finite values, a range max - min that overflows, a discrete fit on non-integers.';
CREATE FUNCTION fit_plot_svg(sketch fit_histogram, fit distribution, kind text DEFAULT 'density')
RETURNS text
    AS 'MODULE_PATHNAME', 'fit_plot_svg' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fit_plot_svg(fit_histogram, distribution, text) IS
    'The chart of fit_plot_points(sketch, fit, kind) as a self-contained SVG document (640 x 440, ASCII text): title naming the fit, axes with tick labels and titles, the histogram bars (or empirical pmf, or cdf dots, or QQ/PP dots) with the fit''s curve and, for qq and pp, the reference line y = x; a note says when the x range was clipped to the 0.5%-99.5% quantiles and how many values lie outside. The same errors as fit_plot_points.';
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
    SSPACE = 96000,
    COMBINEFUNC = fit_histogram_state_combine,
    FINALFUNC = fit_histogram_state_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram_distributed(double precision) IS
    'fit_histogram(x) with a state of type fit_histogram (an expanded object updated in place) instead of internal, so that Citus pushes its partial aggregation down to the workers (Citus 13 does not for internal states): the same value, byte for byte. Elsewhere fit_histogram(x) is slightly faster (a few percent less CPU per row).';

CREATE AGGREGATE fit_histogram_distributed(fit_histogram) (
    SFUNC = fit_histogram_state_combine,
    STYPE = fit_histogram,
    SSPACE = 96000,
    COMBINEFUNC = fit_histogram_state_combine,
    FINALFUNC = fit_histogram_state_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram_distributed(fit_histogram) IS
    'The rollup fit_histogram(sketch) with a state of type fit_histogram instead of internal (for Citus, as fit_histogram_distributed(x)): the same value, byte for byte.';

-- issue 11, item 5: the internal state of the sketch aggregates takes up to
-- 95 KB per full group with the allocator's slack (BF_STATE_MAX_BYTES,
-- src/sketch/sketch.h), more than the 83000 declared since 0.5.0.  Set in the
-- catalogue as 0.5.0 did, so that users' views of the aggregates survive.
UPDATE pg_catalog.pg_aggregate SET aggtransspace = 96000
 WHERE aggfnoid IN ('fit_histogram(double precision)'::pg_catalog.regprocedure,
                    'fit_histogram(fit_histogram)'::pg_catalog.regprocedure,
                    'best_fit(double precision)'::pg_catalog.regprocedure,
                    'best_fit(double precision, text)'::pg_catalog.regprocedure);
