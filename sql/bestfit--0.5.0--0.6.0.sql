-- bestfit 0.5.0 -> 0.6.0
-- (issue 10) discrete distributions: pmf(), a kind argument to fit_distributions and
-- best_fit, a best_fit(x, kind) aggregate, a kind column in bestfit_distributions(),
-- integer_valued in fit_histogram_summary.
\echo Use "ALTER EXTENSION bestfit UPDATE TO '0.6.0'" to load this file. \quit

-- Functions whose signature or result columns change are dropped and created again
-- (PostgreSQL cannot add an argument or a result column in place): a view that uses
-- fit_distributions(...), best_fit(sketch, ...) or bestfit_distributions() makes this
-- script fail with an error naming it; drop such views before the update and create
-- them again after it.

CREATE FUNCTION pmf(distribution, double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'distribution_pmf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pmf(distribution, double precision) IS
    'Probability mass P(X = k) of a discrete distribution (0 at non-integer k and outside the support), as scipy.stats pmf; an error for a continuous distribution (use pdf).';
COMMENT ON FUNCTION pdf(distribution, double precision) IS
    'Probability density at x (0 outside the support), as scipy.stats pdf; an error for a discrete distribution (use pmf).';
COMMENT ON FUNCTION cdf(distribution, double precision) IS
    'Cumulative probability P(X <= x), as scipy.stats cdf (discrete distributions: P(X <= floor(x))).';
COMMENT ON FUNCTION quantile(distribution, double precision) IS
    'Quantile (inverse cdf, scipy.stats ppf) at probability p in [0, 1]; an error outside [0, 1]. Discrete distributions: the smallest integer k with cdf(k) >= p (p = 0 gives the support''s lowest value minus 1, as scipy).';
COMMENT ON FUNCTION fit_histogram_summary(fit_histogram) IS
    'Summary of a sketch as jsonb: n (finite values), nan, posinf, neginf, min, max, mean, stddev (n-1), skewness (g1), kurtosis (excess, g2), exact, bins, level, relative_resolution (bin width relative to its binade, 0 when exact), resolution (the recording resolution q detected in an exact sketch: values on a lattice min + k q, with ties; 0 when none; the rule is in the README), integer_valued (true when every value is an integer: exact sketches; binned ones when min and max are integers and every bin holds an integer, which cannot prove the values inside are). Moments are exact for exact sketches and computed from bin midpoints otherwise.';

DROP FUNCTION fit_distributions(fit_histogram, text[], text, jsonb, double precision);
CREATE FUNCTION fit_distributions(
    sketch fit_histogram,
    distributions text[] DEFAULT NULL,
    rank_by text DEFAULT 'aic',
    fixed jsonb DEFAULT NULL,
    resolution double precision DEFAULT NULL,
    kind text DEFAULT NULL)
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
COMMENT ON FUNCTION fit_distributions(fit_histogram, text[], text, jsonb, double precision, text) IS
    'Fits each candidate (NULL: the default set of kind, see bestfit_distributions()) by maximum likelihood to the sketch and returns one row per candidate ranked by rank_by (aic, aicc, bic, ks_statistic, ad_statistic, cvm_statistic, chisq_statistic, sse or loglik); fits flagged by a warning of a limit or a spike (a shape at its domain''s edge, a runaway scale, a density diverging within the data) rank after the others. fixed holds parameters to keep fixed, as scipy''s floc/fscale/f0: ''{"loc": 0}''. resolution is the recording resolution q of the values: NULL detects it (fit_histogram_summary reports it), 0 means the values are exact (the density likelihood, as scipy and R), q > 0 fits the grouped likelihood of cells [x - q/2, x + q/2]. params_se: standard errors from the observed information (null where fixed or not available); delta_aic: AIC minus the smallest; ks_pvalue and chisq_pvalue are asymptotic and ignore that the parameters were fitted (see gof_test); warnings name shapes at the edge of their domain (a limit of the family), runaway scales and missing standard errors. Candidates that cannot be fitted come last with a NULL rank and a status saying why. kind: continuous or discrete (NULL: the kind of the named distributions, continuous when none are named); continuous and discrete candidates cannot be fitted together (densities and probabilities are not comparable). Discrete fits need integer values, take resolution NULL or 0, fix loc at 0 (at -1 for supports starting at 1 on data with 0) unless fixed gives it ({"loc": null} searches it), and report KS (conservative) and chi-squared but no AD or CvM.';

DROP FUNCTION best_fit(fit_histogram, double precision);
CREATE FUNCTION best_fit_kind_accum(internal, double precision, text) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION best_fit_kind_accum(internal, double precision, text) IS 'Transition function of best_fit(double precision, text): adds one value (as fit_histogram_accum).';
CREATE FUNCTION best_fit_kind_final(internal, double precision, text) RETURNS distribution
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION best_fit_kind_final(internal, double precision, text) IS 'Final function of best_fit(double precision, text): fits the sketch with the default set of the kind given in the call and returns the best candidate.';

CREATE AGGREGATE best_fit(double precision, kind text) (
    SFUNC = best_fit_kind_accum,
    STYPE = internal,
    SSPACE = 83000,
    COMBINEFUNC = fit_histogram_combine,
    SERIALFUNC = fit_histogram_serialize,
    DESERIALFUNC = fit_histogram_deserialize,
    FINALFUNC = best_fit_kind_final,
    FINALFUNC_EXTRA,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE best_fit(double precision, text) IS
    'best_fit with a kind: best_fit(x, ''discrete'') chooses among the default discrete set (see bestfit_distributions()) by the same rule as best_fit(x), best_fit(x, ''continuous'') is best_fit(x). kind must be a constant. Discrete fits need integer values (an error names the first value that is not).';

CREATE FUNCTION best_fit(sketch fit_histogram, resolution double precision DEFAULT NULL, kind text DEFAULT NULL) RETURNS distribution
    AS 'MODULE_PATHNAME', 'best_fit_histogram' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000;
COMMENT ON FUNCTION best_fit(fit_histogram, double precision, text) IS
    'The best distribution of the default set of kind (continuous or discrete; NULL: continuous; see bestfit_distributions()) for a stored sketch, chosen as by the best_fit aggregate; resolution as in fit_distributions (NULL: detected, 0: exact values; discrete fits take NULL or 0); NULL when nothing can be fitted.';

DROP FUNCTION bestfit_distributions();
CREATE FUNCTION bestfit_distributions()
RETURNS TABLE (
    name text,
    parameters text[],
    integer_parameters text[],
    support text,
    in_default_set boolean,
    aliases text[],
    description text,
    kind text)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 130;
COMMENT ON FUNCTION bestfit_distributions() IS
    'The catalogue: one row per distribution with its scipy.stats name, parameter names in scipy''s order (shapes, loc, scale; discrete distributions have no scale), the parameters that take integer values only (a discrete distribution''s loc among them), the support in words as a function of the parameters, whether it is in the default set of its kind, the candidates when fit_distributions/best_fit get no list (continuous: every entry except the test-statistic distributions ksone, kstwo, kstwobign, studentized_range; discrete: every entry except the hypergeometric family, whose parameters one sample does not identify), other names it answers to, a one-line description with its reference, and its kind (continuous or discrete).';

-- gof_test: discrete fits
COMMENT ON FUNCTION gof_test(fit_histogram, distribution, jsonb, integer, bigint, double precision) IS
    'Parametric-bootstrap goodness-of-fit test of a fit (from fit_distributions or best_fit on this sketch, with the same fixed parameters and resolution): the KS, Anderson-Darling and Cramer-von Mises statistics of the fit on the sketch, and for each the p-value (1 + #{T* >= T}) / (B + 1) over B = samples data sets of the sketch''s size drawn from the fit, sketched the same way (same bin level; values rounded to the same lattice) and refitted with the same family and fixed parameters (Stute, Gonzalez Manteiga & Presedo Quindimil 1993; Davison & Hinkley 1997, section 4.2). Refitting each sample accounts for the estimated parameters, which the asymptotic ks_pvalue of fit_distributions ignores. It does not account for the choice of the family among several candidates (testing the winner of a ranking is optimistic), nor for a fit that is not the maximum-likelihood fit of this sketch; its p-values carry Monte Carlo error of about sqrt(p(1-p)/samples). Samples whose refit fails are left out with a WARNING. Deterministic for a seed (GSL''s MT19937), hence IMMUTABLE. Cost: one fit of the family per sample. A discrete fit is tested by KS only (AD and CvM are NULL), its samples drawn as integers and refitted with its loc.';

-- issue 12: drift between two sketches (fit_histogram_compare)
CREATE FUNCTION fit_histogram_compare(
    a fit_histogram,
    b fit_histogram,
    OUT n_a bigint,
    OUT n_b bigint,
    OUT exact boolean,
    OUT ks_statistic double precision,
    OUT ks_statistic_upper double precision,
    OUT ks_pvalue double precision,
    OUT psi double precision,
    OUT psi_bins integer,
    OUT wasserstein double precision,
    OUT wasserstein_error double precision)
    AS 'MODULE_PATHNAME', 'fit_histogram_compare' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fit_histogram_compare(fit_histogram, fit_histogram) IS
    'Drift between the finite values of two sketches (NaN and infinities ignored; n_a, n_b count the rest; statistics are NULL when either has none). exact: both sketches exact. ks_statistic: the two-sample Kolmogorov-Smirnov distance D = sup |F_a - F_b| (exact sketches: exact, ties included, as scipy.stats.ks_2samp; binned: a lower bound, D at the edges of the bins of the coarser level of the two), ks_statistic_upper: an upper bound (inside a common bin each cdf lies between its values at the edges; = ks_statistic when exact). ks_pvalue: scipy.stats.ks_2samp(method=''asymp''), i.e. the sf of the one-sample kstwo at en = round(n_a n_b / (n_a + n_b)) (Smirnov 1939; Hodges 1958), for ks_statistic; conservative with ties, NULL for n_a = n_b = 1; it assumes independent samples. psi: population stability index sum (q - p) ln(q / p) over the deciles of a (the reference; Siddiqi 2006; Yurdakul 2018), p and q the fractions of a and b per bin, zero fractions replaced by 1e-4, bins empty in both dropped (psi_bins: the bins used); not symmetric; binned sketches: deciles snapped to the common bins. wasserstein: the Wasserstein-1 distance, integral of |F_a - F_b| in the data''s unit (exact sketches: exact, as scipy.stats.wasserstein_distance; binned: with cdfs linear inside each bin clipped to [min, max]), wasserstein_error: a bound on its error from the binning (sum of bin width times bin fraction over both sketches; 0 when exact).';
