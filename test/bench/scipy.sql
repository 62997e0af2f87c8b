-- What users run today: the same candidates through scipy.stats in PL/Python
-- on :rows rows, against bestfit on the same table in the same session.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bestfit;
CREATE EXTENSION IF NOT EXISTS plpython3u;
DROP TABLE IF EXISTS scipy_x;
CREATE TABLE scipy_x AS SELECT x FROM random_sample('gamma(a=2, loc=5, scale=3)', :rows, 2) x;
VACUUM ANALYZE scipy_x;

CREATE OR REPLACE FUNCTION pg_temp.scipy_fit_all(names text[])
RETURNS TABLE (distribution text, seconds float8, loglik float8)
LANGUAGE plpython3u AS $$
import time
import numpy as np
import scipy.stats as st
t0 = time.time()
x = np.fromiter((r['x'] for r in plpy.execute('SELECT x FROM scipy_x')), dtype=float)
yield ('(read the column)', time.time() - t0, None)
for name in names:
    t = time.time()
    dist = getattr(st, name)
    try:
        params = dist.fit(x)
        ll = float(np.sum(dist.logpdf(x, *params)))
    except Exception:
        ll = None
    yield (name, time.time() - t, ll)
$$;

CREATE TEMP TABLE ours AS
  SELECT distribution, loglik FROM fit_distributions((SELECT fit_histogram(x) FROM scipy_x));
CREATE TEMP TABLE t_bestfit AS
  SELECT extract(epoch FROM clock_timestamp()) AS t0;
SELECT count(*) FROM fit_distributions((SELECT fit_histogram(x) FROM scipy_x)) \gset
CREATE TEMP TABLE bestfit_time AS
  SELECT extract(epoch FROM clock_timestamp()) - t0 AS seconds FROM t_bestfit;

\echo '== scipy.stats fit on the same rows, in PL/Python (this takes minutes) =='
CREATE TEMP TABLE theirs AS SELECT * FROM pg_temp.scipy_fit_all(ARRAY(SELECT distribution FROM ours));
SELECT t.distribution, round(t.seconds::numeric, 2) AS scipy_seconds,
       round(t.loglik::numeric, 1) AS scipy_loglik, round(o.loglik::numeric, 1) AS bestfit_loglik_binned,
       round((o.loglik - t.loglik)::numeric, 1) AS bestfit_minus_scipy
  FROM theirs t LEFT JOIN ours o USING (distribution) ORDER BY t.seconds DESC;
SELECT round((SELECT sum(seconds) FROM theirs)::numeric, 1) AS scipy_total_s,
       round((SELECT seconds FROM bestfit_time)::numeric, 3) AS bestfit_total_s,
       round(((SELECT sum(seconds) FROM theirs) / (SELECT seconds FROM bestfit_time))::numeric) AS speedup;
