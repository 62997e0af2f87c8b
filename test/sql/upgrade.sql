-- Upgrade from 0.1.0: ALTER EXTENSION bestfit UPDATE adds the catalogue
-- listing; stored sketches and distributions survive.
SET client_min_messages = warning;
DROP EXTENSION bestfit CASCADE;
CREATE EXTENSION bestfit VERSION '0.1.0';
CREATE TABLE kept (h fit_histogram, d distribution);
INSERT INTO kept SELECT fit_histogram(x), 'gamma(a=2, loc=1, scale=3)' FROM generate_series(1, 100) x;
SELECT count(*) AS has_listing FROM pg_proc WHERE proname = 'bestfit_distributions';
ALTER EXTENSION bestfit UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'bestfit';
SELECT count(*) AS has_listing FROM pg_proc WHERE proname = 'bestfit_distributions';
SELECT obj_description('bestfit_distributions()'::regprocedure) IS NOT NULL AS commented;
SELECT (fit_histogram_summary(h)->>'n')::int AS n, d FROM kept;
DROP TABLE kept;
