-- Every error path of the SQL surface gives a clear error, never a crash.
\set VERBOSITY default
-- distribution input
SELECT 'nosuch(a=1)'::distribution;
SELECT 'weibull(c=1)'::distribution;
SELECT 'gama(a=1)'::distribution;
SELECT 'erlang(a=2.5)'::distribution;
SELECT 'gamma(loc=1)'::distribution;
SELECT 'gamma(a=-1)'::distribution;
SELECT 'gamma(a=1, scale=0)'::distribution;
SELECT 'gamma(a=1, scale=-2)'::distribution;
SELECT 'gamma(a=1, loc=Infinity)'::distribution;
SELECT 'gamma(a=NaN)'::distribution;
SELECT 'gamma(a=1, a=2)'::distribution;
SELECT 'gamma(a=1, b=2)'::distribution;
SELECT 'gamma(a=1'::distribution;
SELECT 'gamma(a=1) x'::distribution;
SELECT 'gamma a=1'::distribution;
SELECT 'triang(c=1.5)'::distribution;
-- quantile outside [0, 1], negative sample size
SELECT quantile('norm()', 1.5);
SELECT quantile('norm()', -0.1);
SELECT * FROM random_sample('norm()', -1, 1);
-- fit_distributions arguments
CREATE TABLE e AS SELECT i::float8 AS x FROM generate_series(1, 100) i;
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), ARRAY['norm', 'nosuch']);
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), ARRAY[NULL]::text[]);
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), ARRAY[]::text[]);
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), rank_by => 'r2');
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), fixed => '[1]');
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), fixed => '{"loc": "zero"}');
SELECT * FROM fit_distributions((SELECT fit_histogram(x) FROM e), ARRAY['norm'], fixed => '{"a": 1}');
-- a NULL sketch gives no rows; argument errors are raised all the same
SELECT count(*) FROM fit_distributions(NULL);
SELECT count(*) FROM fit_distributions(NULL, ARRAY['nosuch']);
