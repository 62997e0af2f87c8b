-- bestfit: fit scipy.stats distributions to a column inside PostgreSQL.
--
-- The install script of the current version (EXTVERSION in the Makefile): make
-- copies it to sql/bestfit--$(EXTVERSION).sql.  This is the one maintained
-- source of the SQL surface.  A change to it needs an upgrade script
-- sql/bestfit--OLD--NEW.sql that brings an updated installation to the same
-- objects; test/sql/upgrade_identity.sql checks that they are identical.
\echo Use "CREATE EXTENSION bestfit" to load this file. \quit

-------------------------------------------------------------------------------
-- The sketch: type fit_histogram
-------------------------------------------------------------------------------
CREATE TYPE fit_histogram;

CREATE FUNCTION fit_histogram_in(cstring) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fit_histogram_out(fit_histogram) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fit_histogram_recv(internal) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fit_histogram_send(fit_histogram) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE fit_histogram (
    INPUT = fit_histogram_in,
    OUTPUT = fit_histogram_out,
    RECEIVE = fit_histogram_recv,
    SEND = fit_histogram_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE fit_histogram IS
    'Mergeable histogram sketch of a column (at most 3000 bins, under 48 KiB): exact values and counts while the column has at most 3000 distinct finite values, relative-error bins of adaptive resolution beyond; also counts NaN and infinities. Text form v1;level=..;nan=..;posinf=..;neginf=..;min=..;max=..;bins=key:count,..., validated on input.';
COMMENT ON FUNCTION fit_histogram_in(cstring) IS 'Text input of fit_histogram; every field is validated, a corrupt value is an error.';
COMMENT ON FUNCTION fit_histogram_out(fit_histogram) IS 'Text output of fit_histogram (round-trips exactly).';
COMMENT ON FUNCTION fit_histogram_recv(internal) IS 'Binary input of fit_histogram; every field is validated.';
COMMENT ON FUNCTION fit_histogram_send(fit_histogram) IS 'Binary output of fit_histogram.';

-- aggregate support functions
CREATE FUNCTION fit_histogram_accum(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION fit_histogram_merge_accum(internal, fit_histogram) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION fit_histogram_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION fit_histogram_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fit_histogram_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fit_histogram_final(internal) RETURNS fit_histogram
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fit_histogram_accum(internal, double precision) IS 'Transition function of fit_histogram(double precision): adds one value; NULLs are skipped.';
COMMENT ON FUNCTION fit_histogram_merge_accum(internal, fit_histogram) IS 'Transition function of fit_histogram(fit_histogram): merges one stored sketch.';
COMMENT ON FUNCTION fit_histogram_combine(internal, internal) IS 'Combine function of the sketch aggregates (parallel workers).';
COMMENT ON FUNCTION fit_histogram_serialize(internal) IS 'Serial function of the sketch aggregates: the canonical fit_histogram bytes.';
COMMENT ON FUNCTION fit_histogram_deserialize(bytea, internal) IS 'Deserial function of the sketch aggregates; validates its input.';
COMMENT ON FUNCTION fit_histogram_final(internal) IS 'Final function of the sketch aggregates: the canonical, sorted sketch.';

CREATE AGGREGATE fit_histogram(double precision) (
    SFUNC = fit_histogram_accum,
    STYPE = internal,
    SSPACE = 96000,
    COMBINEFUNC = fit_histogram_combine,
    SERIALFUNC = fit_histogram_serialize,
    DESERIALFUNC = fit_histogram_deserialize,
    FINALFUNC = fit_histogram_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram(double precision) IS
    'Sketch of a column for fitting: one pass, parallel safe, deterministic (byte-identical whatever the plan or the row order). NULLs are ignored; NaN and infinities are counted and excluded from fitting. NULL when there are no non-NULL rows.';

CREATE AGGREGATE fit_histogram(fit_histogram) (
    SFUNC = fit_histogram_merge_accum,
    STYPE = internal,
    SSPACE = 96000,
    COMBINEFUNC = fit_histogram_combine,
    SERIALFUNC = fit_histogram_serialize,
    DESERIALFUNC = fit_histogram_deserialize,
    FINALFUNC = fit_histogram_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE fit_histogram(fit_histogram) IS
    'Rollup of stored sketches (per day to per month, per shard to global): equal to the sketch of all the underlying rows.';

-- issue 12, item 2: the sketch aggregates with state type fit_histogram (an
-- expanded object updated in place), which Citus can push down to its workers.
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

CREATE FUNCTION fit_histogram_summary(fit_histogram) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fit_histogram_summary(fit_histogram) IS
    'Summary of a sketch as jsonb: n (finite values), nan, posinf, neginf, min, max, mean, stddev (n-1), skewness (g1), kurtosis (excess, g2), exact, bins, level, relative_resolution (bin width relative to its binade, 0 when exact), resolution (the recording resolution q detected in an exact sketch: values on a lattice min + k q, with ties; 0 when none; the rule is in the README), integer_valued (true when every value is an integer: exact sketches; binned ones when min and max are integers and every bin holds an integer, which cannot prove the values inside are). Moments are exact for exact sketches and computed from bin midpoints otherwise.';

-------------------------------------------------------------------------------
-- The fitted model: type distribution
-------------------------------------------------------------------------------
CREATE TYPE distribution;

CREATE FUNCTION distribution_in(cstring) RETURNS distribution
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION distribution_out(distribution) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION distribution_recv(internal) RETURNS distribution
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION distribution_send(distribution) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE distribution (
    INPUT = distribution_in,
    OUTPUT = distribution_out,
    RECEIVE = distribution_recv,
    SEND = distribution_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE distribution IS
    'A catalogue distribution with its parameters, written as in scipy.stats: gamma(a=4.0083, loc=0, scale=18.373). loc and scale default to 0 and 1 on input; names and parameters are validated.';
COMMENT ON FUNCTION distribution_in(cstring) IS 'Text input of distribution: name(shape=v, ..., loc=v, scale=v).';
COMMENT ON FUNCTION distribution_out(distribution) IS 'Text output of distribution (round-trips exactly).';
COMMENT ON FUNCTION distribution_recv(internal) IS 'Binary input of distribution; validated.';
COMMENT ON FUNCTION distribution_send(distribution) IS 'Binary output of distribution.';

CREATE FUNCTION pdf(distribution, double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'distribution_pdf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pdf(distribution, double precision) IS
    'Probability density at x (0 outside the support), as scipy.stats pdf; an error for a discrete distribution (use pmf).';
CREATE FUNCTION pmf(distribution, double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'distribution_pmf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pmf(distribution, double precision) IS
    'Probability mass P(X = k) of a discrete distribution (0 at non-integer k and outside the support), as scipy.stats pmf; an error for a continuous distribution (use pdf).';
CREATE FUNCTION cdf(distribution, double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'distribution_cdf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cdf(distribution, double precision) IS
    'Cumulative probability P(X <= x), as scipy.stats cdf (discrete distributions: P(X <= floor(x))).';
CREATE FUNCTION quantile(distribution, double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'distribution_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quantile(distribution, double precision) IS
    'Quantile (inverse cdf, scipy.stats ppf) at probability p in [0, 1]; an error outside [0, 1]. Discrete distributions: the smallest integer k with cdf(k) >= p (p = 0 gives the support''s lowest value minus 1, as scipy).';
CREATE FUNCTION random_sample(distribution, count integer, seed bigint) RETURNS SETOF double precision
    AS 'MODULE_PATHNAME', 'distribution_random_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION random_sample(distribution, integer, bigint) IS
    'count random draws (inverse-transform sampling from GSL''s MT19937 generator); the same seed gives the same sample.';
CREATE FUNCTION distribution_name(distribution) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION distribution_name(distribution) IS 'The scipy.stats name of the distribution.';
CREATE FUNCTION distribution_params(distribution) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION distribution_params(distribution) IS
    'The parameters as jsonb keyed by scipy.stats names (shapes, loc, scale).';

-------------------------------------------------------------------------------
-- Fitting
-------------------------------------------------------------------------------
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

CREATE FUNCTION best_fit_final(internal) RETURNS distribution
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION best_fit_final(internal) IS 'Final function of best_fit(double precision): fits the sketch and returns the best candidate.';

CREATE AGGREGATE best_fit(double precision) (
    SFUNC = fit_histogram_accum,
    STYPE = internal,
    SSPACE = 96000,
    COMBINEFUNC = fit_histogram_combine,
    SERIALFUNC = fit_histogram_serialize,
    DESERIALFUNC = fit_histogram_deserialize,
    FINALFUNC = best_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE best_fit(double precision) IS
    'The best distribution of the default set (see bestfit_distributions()) for a column, with the detected resolution: among the fits not at a limit (no warning of a shape at its domain''s edge or a runaway scale; all fits when every one is), those within 2 AIC units of the smallest AIC, and of them the one with fewest fitted parameters, ties by AIC (Burnham & Anderson 2002); NULL when nothing can be fitted (no rows, or fewer than two distinct finite values).';

CREATE FUNCTION best_fit_kind_accum(internal, double precision, text) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION best_fit_kind_accum(internal, double precision, text) IS 'Transition function of best_fit(double precision, text): adds one value (as fit_histogram_accum).';
CREATE FUNCTION best_fit_kind_final(internal, double precision, text) RETURNS distribution
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION best_fit_kind_final(internal, double precision, text) IS 'Final function of best_fit(double precision, text): fits the sketch with the default set of the kind given in the call and returns the best candidate.';

CREATE AGGREGATE best_fit(double precision, kind text) (
    SFUNC = best_fit_kind_accum,
    STYPE = internal,
    SSPACE = 96000,
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
    'Parametric-bootstrap goodness-of-fit test of a fit (from fit_distributions or best_fit on this sketch, with the same fixed parameters and resolution): the KS, Anderson-Darling and Cramer-von Mises statistics of the fit on the sketch, and for each the p-value (1 + #{T* >= T}) / (B + 1) over B = samples data sets of the sketch''s size drawn from the fit, sketched the same way (same bin level; values rounded to the same lattice) and refitted with the same family and fixed parameters (Stute, Gonzalez Manteiga & Presedo Quindimil 1993; Davison & Hinkley 1997, section 4.2). Refitting each sample accounts for the estimated parameters, which the asymptotic ks_pvalue of fit_distributions ignores. It does not account for the choice of the family among several candidates (testing the winner of a ranking is optimistic), nor for a fit that is not the maximum-likelihood fit of this sketch; its p-values carry Monte Carlo error of about sqrt(p(1-p)/samples). Samples whose refit fails are left out with a WARNING. Deterministic for a seed (GSL''s MT19937), hence IMMUTABLE. Cost: one fit of the family per sample. A discrete fit is tested by KS only (AD and CvM are NULL), its samples drawn as integers and refitted with its loc. An infinite statistic has a NULL p-value: Anderson-Darling is infinite when the fit puts a data point at an end of its support (a loc fitted at the minimum), every refit does the same, and its p-value would be 1 whatever the data.';

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
    description text,
    kind text)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 130;
COMMENT ON FUNCTION bestfit_distributions() IS
    'The catalogue: one row per distribution with its scipy.stats name, parameter names in scipy''s order (shapes, loc, scale; discrete distributions have no scale), the parameters that take integer values only (a discrete distribution''s loc among them), the support in words as a function of the parameters, whether it is in the default set of its kind, the candidates when fit_distributions/best_fit get no list (continuous: every entry except the test-statistic distributions ksone, kstwo, kstwobign, studentized_range; discrete: every entry except the hypergeometric family, whose parameters one sample does not identify), other names it answers to, a one-line description with its reference, and its kind (continuous or discrete).';

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

-- issue 12: pictures for people and BI tools (fit_plot_points, fit_plot_svg)
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
