-- The catalogue: every scipy.stats (1.15) continuous and discrete
-- distribution (but poisson_binom), its listing, aliases, the default sets
-- and integer-valued shapes.
\pset footer off

-- every name of scipy.stats 1.15's continuous distributions is an entry
-- (aliases gilbrat and reciprocal resolve to gibrat and loguniform)
CREATE TEMP TABLE scipy_names (name text);
INSERT INTO scipy_names SELECT unnest(string_to_array(
  'alpha anglit arcsine argus beta betaprime bradford burr burr12 cauchy chi chi2 cosine crystalball '
  'dgamma dpareto_lognorm dweibull erlang expon exponnorm exponpow exponweib f fatiguelife fisk '
  'foldcauchy foldnorm gamma gausshyper genexpon genextreme gengamma genhalflogistic genhyperbolic '
  'geninvgauss genlogistic gennorm genpareto gibrat gompertz gumbel_l gumbel_r halfcauchy halfgennorm '
  'halflogistic halfnorm hypsecant invgamma invgauss invweibull irwinhall jf_skew_t johnsonsb johnsonsu '
  'kappa3 kappa4 ksone kstwo kstwobign landau laplace laplace_asymmetric levy levy_l levy_stable '
  'loggamma logistic loglaplace lognorm loguniform lomax maxwell mielke moyal nakagami ncf nct ncx2 '
  'norm norminvgauss pareto pearson3 powerlaw powerlognorm powernorm rayleigh rdist recipinvgauss '
  'rel_breitwigner rice semicircular skewcauchy skewnorm studentized_range t trapezoid triang '
  'truncexpon truncnorm truncpareto truncweibull_min tukeylambda uniform vonmises vonmises_line wald '
  'weibull_max weibull_min wrapcauchy', ' '));
-- and of its discrete ones, but poisson_binom (left out: README, Discrete distributions)
INSERT INTO scipy_names SELECT unnest(string_to_array(
  'bernoulli betabinom betanbinom binom boltzmann dlaplace geom hypergeom logser nbinom '
  'nchypergeom_fisher nchypergeom_wallenius nhypergeom planck poisson randint skellam yulesimon '
  'zipf zipfian', ' '));
SELECT count(*) AS scipy_names FROM scipy_names;
SELECT name AS missing_from_catalogue FROM scipy_names
EXCEPT SELECT name FROM bestfit_distributions();
SELECT name AS not_a_scipy_name FROM bestfit_distributions()
EXCEPT SELECT name FROM scipy_names;
SELECT kind, count(*) AS entries, count(DISTINCT name) AS distinct_names,
       count(*) FILTER (WHERE in_default_set) AS default_set
  FROM bestfit_distributions() GROUP BY kind ORDER BY kind;
SELECT name, parameters FROM bestfit_distributions() WHERE NOT in_default_set ORDER BY name;
-- every entry documented: support in words, a description citing scipy
-- (continuous entries) or its reference with a year (discrete entries,
-- whose header comments cite scipy where they follow it)
SELECT name FROM bestfit_distributions()
 WHERE support = ''
    OR (kind = 'continuous' AND description NOT LIKE '%scipy.stats.' || name || '%')
    OR (kind = 'discrete' AND description !~ '\(.*([0-9]{4}|scipy\.stats\.)');
SELECT name, aliases FROM bestfit_distributions() WHERE cardinality(aliases) > 0 ORDER BY name;
SELECT name, integer_parameters FROM bestfit_distributions() WHERE cardinality(integer_parameters) > 0 ORDER BY name;
SELECT name, parameters, support FROM bestfit_distributions()
 WHERE name IN ('gamma', 'weibull_min', 'lognorm', 'genextreme', 'beta') ORDER BY name;

-- aliases: the value is stored under the main name
SELECT 'gilbrat(loc=1, scale=2)'::distribution AS gilbrat,
       'reciprocal(a=1, b=10)'::distribution AS reciprocal;
SELECT abs(cdf('reciprocal(a=1, b=10)', 5) - ln(5) / ln(10)) < 1e-14 AS reciprocal_cdf_ok;

-- the default set: fit_distributions without a list fits exactly it
CREATE TEMP TABLE cat_data AS
  SELECT x FROM random_sample('beta(a=2, b=3, loc=0.1, scale=0.8)', 200, 7) x;
CREATE TEMP TABLE cat_fits AS
  SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM cat_data));
SELECT count(*) = (SELECT count(*) FROM bestfit_distributions() WHERE in_default_set AND kind = 'continuous') AS default_set_fitted,
       count(*) FILTER (WHERE distribution IN ('ksone', 'kstwo', 'kstwobign', 'studentized_range')) AS test_statistics
  FROM cat_fits;
-- the test statistics are fitted when named (studentized_range too, but one
-- fit takes minutes: README, known limits)
INSERT INTO cat_fits
  SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM cat_data), ARRAY['ksone', 'kstwo', 'kstwobign']);

-- every entry fits through fit_distributions: the statuses that are not ok,
-- with their reasons (expected: none)
SELECT count(*) AS fitted FROM cat_fits;
SELECT distribution, status FROM cat_fits WHERE status <> 'ok' ORDER BY distribution;
-- and the fitted values are valid distributions whose support covers the data
SELECT distribution FROM cat_fits, cat_data
 WHERE status = 'ok' AND NOT (pdf(fit, x) > 0 AND pdf(fit, x) < 'Infinity')
 GROUP BY distribution ORDER BY distribution;

-- integer-valued shapes stay integers
SELECT 'erlang(a=2.5)'::distribution;
SELECT 'erlang(a=3, loc=0, scale=2)'::distribution AS erlang;
CREATE TEMP TABLE erl AS SELECT x FROM random_sample('gamma(a=4, loc=0, scale=2)', 2000, 11) x;
SELECT (params->>'a')::float8 AS a, (params->>'a')::float8 = round((params->>'a')::float8) AS a_integer,
       status
  FROM fit_distributions((SELECT fit_histogram(x) FROM erl), ARRAY['erlang'], fixed => '{"loc": 0}');
SELECT status FROM fit_distributions((SELECT fit_histogram(x) FROM erl), ARRAY['erlang'], fixed => '{"a": 2.5}');
-- erlang with its integer a is never better than gamma with a free
SELECT e.loglik <= g.loglik + 1e-6 AS erlang_not_above_gamma
  FROM fit_distributions((SELECT fit_histogram(x) FROM erl), ARRAY['erlang'], fixed => '{"loc": 0}') e,
       fit_distributions((SELECT fit_histogram(x) FROM erl), ARRAY['gamma'], fixed => '{"loc": 0}') g;
