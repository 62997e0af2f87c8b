-- bestfit 0.3.0 -> 0.4.0: rounded data, parsimony and standard errors
-- (issue 9).  fit_distributions gains the resolution argument and the
-- columns params_se, aicc, delta_aic, cvm_statistic, chisq_statistic,
-- chisq_pvalue and warnings; best_fit(fit_histogram) gains resolution;
-- gof_test (parametric-bootstrap p-values of KS, AD and CvM) is new.
-- Result columns cannot be changed in place: the functions are dropped and
-- created anew (views over them must be recreated; stored sketches and
-- distributions are untouched).
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.4.0'" to load this file. \quit

DROP FUNCTION fit_distributions(fit_histogram, text[], text, jsonb);
DROP FUNCTION best_fit(fit_histogram);

CREATE FUNCTION fit_distributions(
    sketch fit_histogram,
    distributions text[] DEFAULT NULL,
    rank_by text DEFAULT 'aic',
    fixed jsonb DEFAULT NULL,
    resolution double precision DEFAULT NULL)
RETURNS TABLE (
    rank integer,
    distribution text,
    params jsonb,
    params_se jsonb,
    fit distribution,
    loglik double precision,
    aic double precision,
    aicc double precision,
    delta_aic double precision,
    bic double precision,
    ks_statistic double precision,
    ks_pvalue double precision,
    ad_statistic double precision,
    cvm_statistic double precision,
    chisq_statistic double precision,
    chisq_pvalue double precision,
    sse double precision,
    warnings text[],
    status text)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000 ROWS 105;
COMMENT ON FUNCTION fit_distributions(fit_histogram, text[], text, jsonb, double precision) IS
    'Fits each candidate (NULL: the default set, see bestfit_distributions()) by maximum likelihood to the sketch and returns one row per candidate ranked by rank_by (aic, aicc, bic, ks_statistic, ad_statistic, cvm_statistic, chisq_statistic, sse or loglik); fits flagged by a warning of a limit or a spike (a shape at its domain''s edge, a runaway scale, a density diverging within the data) rank after the others. fixed holds parameters to keep fixed, as scipy''s floc/fscale/f0: ''{"loc": 0}''. resolution is the recording resolution q of the values: NULL detects it (fit_histogram_summary reports it), 0 means the values are exact (the density likelihood, as scipy and R), q > 0 fits the grouped likelihood of cells [x - q/2, x + q/2]. params_se: standard errors from the observed information (null where fixed or not available); delta_aic: AIC minus the smallest; ks_pvalue and chisq_pvalue are asymptotic and ignore that the parameters were fitted (see gof_test); warnings name shapes at the edge of their domain (a limit of the family), runaway scales and missing standard errors. Candidates that cannot be fitted come last with a NULL rank and a status saying why.';

CREATE FUNCTION best_fit(sketch fit_histogram, resolution double precision DEFAULT NULL) RETURNS distribution
    AS 'MODULE_PATHNAME', 'best_fit_histogram' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000;
COMMENT ON FUNCTION best_fit(fit_histogram, double precision) IS
    'The best distribution of the default set (see bestfit_distributions()) for a stored sketch, chosen as by the best_fit aggregate; resolution as in fit_distributions (NULL: detected, 0: exact values); NULL when nothing can be fitted.';

COMMENT ON AGGREGATE best_fit(double precision) IS
    'The best distribution of the default set (see bestfit_distributions()) for a column, with the detected resolution: among the fits not at a limit (no warning of a shape at its domain''s edge or a runaway scale; all fits when every one is), those within 2 AIC units of the smallest AIC, and of them the one with fewest fitted parameters, ties by AIC (Burnham & Anderson 2002); NULL when nothing can be fitted (no rows, or fewer than two distinct finite values).';

COMMENT ON FUNCTION fit_histogram_summary(fit_histogram) IS
    'Summary of a sketch as jsonb: n (finite values), nan, posinf, neginf, min, max, mean, stddev (n-1), skewness (g1), kurtosis (excess, g2), exact, bins, level, relative_resolution (bin width relative to its binade, 0 when exact), resolution (the recording resolution q detected in an exact sketch: values on a lattice min + k q, with ties; 0 when none; the rule is in the README). Moments are exact for exact sketches and computed from bin midpoints otherwise.';

CREATE FUNCTION gof_test(
    sketch fit_histogram,
    fit distribution,
    fixed jsonb DEFAULT NULL,
    samples integer DEFAULT 500,
    seed bigint DEFAULT 0,
    resolution double precision DEFAULT NULL,
    OUT ks_statistic double precision,
    OUT ks_pvalue double precision,
    OUT ad_statistic double precision,
    OUT ad_pvalue double precision,
    OUT cvm_statistic double precision,
    OUT cvm_pvalue double precision)
    AS 'MODULE_PATHNAME', 'gof_test' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000000;
COMMENT ON FUNCTION gof_test(fit_histogram, distribution, jsonb, integer, bigint, double precision) IS
    'Parametric-bootstrap goodness-of-fit test of a fit (from fit_distributions or best_fit on this sketch, with the same fixed parameters and resolution): the KS, Anderson-Darling and Cramer-von Mises statistics of the fit on the sketch, and for each the p-value (1 + #{T* >= T}) / (B + 1) over B = samples data sets of the sketch''s size drawn from the fit, sketched the same way (same bin level; values rounded to the same lattice) and refitted with the same family and fixed parameters (Stute, Gonzalez Manteiga & Presedo Quindimil 1993; Davison & Hinkley 1997, section 4.2). Refitting each sample accounts for the estimated parameters, which the asymptotic ks_pvalue of fit_distributions ignores. It does not account for the choice of the family among several candidates (testing the winner of a ranking is optimistic), nor for a fit that is not the maximum-likelihood fit of this sketch; its p-values carry Monte Carlo error of about sqrt(p(1-p)/samples). Samples whose refit fails are left out with a WARNING. Deterministic for a seed (GSL''s MT19937), hence IMMUTABLE. Cost: one fit of the family per sample.';
