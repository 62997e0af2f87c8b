-- bestfit 0.1.0 -> 0.2.0: the whole scipy.stats continuous catalogue.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.2.0'" to load this file. \quit

-------------------------------------------------------------------------------
-- The catalogue
-------------------------------------------------------------------------------
CREATE FUNCTION bestfit_distributions()
RETURNS TABLE (
    name text,
    parameters text[],
    integer_parameters text[],
    support text,
    in_default_set boolean,
    aliases text[],
    description text)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 110;
COMMENT ON FUNCTION bestfit_distributions() IS
    'The catalogue: one row per distribution with its scipy.stats name, parameter names in scipy''s order (shapes, loc, scale), the parameters that take integer values only, the support in words as a function of the parameters, whether it is a candidate when fit_distributions/best_fit get no list (every entry except the test-statistic distributions ksone, kstwo, kstwobign, studentized_range), other names it answers to, and a one-line description with its reference.';

COMMENT ON FUNCTION fit_distributions(fit_histogram, text[], text, jsonb) IS
    'Fits each candidate (NULL: the default set, see bestfit_distributions()) by maximum likelihood to the sketch and returns one row per candidate ranked by rank_by (aic, bic, ks_statistic, ad_statistic, sse or loglik). fixed holds parameters to keep fixed, as scipy''s floc/fscale/f0: ''{"loc": 0}''. Candidates that cannot be fitted come last with a NULL rank and a status saying why.';
COMMENT ON AGGREGATE best_fit(double precision) IS
    'The best distribution of the default set (see bestfit_distributions()) by AIC for a column; NULL when nothing can be fitted (no rows, or fewer than two distinct finite values).';
COMMENT ON FUNCTION best_fit(fit_histogram) IS
    'The best distribution of the default set (see bestfit_distributions()) by AIC for a stored sketch; NULL when nothing can be fitted.';
