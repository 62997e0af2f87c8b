-- The fit_histogram sketch: construction, exactness, determinism, merging,
-- I/O round trips, bounds and corrupt-value rejection.
SET extra_float_digits = 0;

-- NULLs are ignored: no non-NULL rows gives NULL, like every aggregate
SELECT fit_histogram(x) IS NULL AS all_null FROM (VALUES (NULL::float8), (NULL)) t(x);
SELECT fit_histogram(x) IS NULL AS no_rows FROM (SELECT 1.0::float8 WHERE false) t(x);

-- a small exact sketch: keys are the IEEE-754 bit patterns of the values
-- (1.0 = 0x3FF0000000000000 = 4607182418800017408, 2.0 = 4611686018427387904,
-- 3.5 = 0x400C000000000000 = 4615063718147915776, -2.0 = -(0x4000000000000000))
SELECT fit_histogram(x) FROM (VALUES (1.0::float8), (2.0), (2.0), (3.5), (NULL), (-2.0)) t(x);

-- NaN and infinities are counted, not binned; -0.0 and 0.0 are one value
SELECT fit_histogram(x)
  FROM (VALUES ('NaN'::float8), ('Infinity'), ('-Infinity'), ('Infinity'), (0.0), ('-0.0'), (5)) t(x);
SELECT fit_histogram(x) FROM (VALUES ('NaN'::float8)) t(x);
SELECT fit_histogram_summary(fit_histogram(x))
  FROM (VALUES ('NaN'::float8), ('Infinity'), (1.0), (2.0), (3.0), (4.0)) t(x);

-- summary moments of an exact sketch match PostgreSQL's own aggregates
CREATE TABLE small AS
  SELECT (i * 0.37 + sin(i) * 3)::float8 AS x FROM generate_series(1, 2000) i;
SELECT abs((s->>'mean')::float8 - avg(x)) < 1e-12 * abs(avg(x)) AS mean_ok,
       abs((s->>'stddev')::float8 - stddev_samp(x)) < 1e-12 * stddev_samp(x) AS sd_ok,
       (s->>'n')::int = count(*) AS n_ok,
       (s->>'min')::float8 = min(x) AND (s->>'max')::float8 = max(x) AS range_ok,
       (s->>'exact')::boolean AS exact, (s->>'bins')::int AS bins
  FROM small, (SELECT fit_histogram_summary(fit_histogram(x)) AS s FROM small) q
 GROUP BY s;

-- skewness and excess kurtosis of 1..10 (closed forms: 0 and -1.2242424...)
SELECT abs((s->>'skewness')::float8) < 1e-12 AS skew_ok,
       abs((s->>'kurtosis')::float8 - (-1.2242424242424242)) < 1e-12 AS kurt_ok
  FROM (SELECT fit_histogram_summary(fit_histogram(i::float8)) AS s FROM generate_series(1, 10) i) q;

-- beyond 3000 distinct values the sketch is binned, bounded, and adapts:
-- data far from zero, tiny scales, 12 decades, mixed signs, integers
CREATE TABLE shapes AS
SELECT i,
       1e6 + sin(i * 1.3) * 3 AS offset_x,            -- mean 1e6, spread ~1
       1e-9 * cos(i * 0.7) AS tiny_x,                  -- scale 1e-9
       exp(12 * sin(i * 0.37)) AS decades_x,           -- ~1e-5 .. 1e5
       sin(i * 2.1) * 100 AS signed_x,                 -- mixed signs
       (i * 7919) % 100003 AS int_x                    -- integers
  FROM generate_series(1, 100000) i;
SELECT name, (s->>'exact')::boolean AS exact, (s->>'bins')::int <= 3000 AS bounded,
       (s->>'bins')::int >= 1500 AS resolved,
       pg_column_size(h) < 65536 AS under_64k,
       (s->>'relative_resolution')::float8 <= 2^(-6) AS fine
  FROM (SELECT 'offset' AS name, fit_histogram(offset_x) AS h FROM shapes
        UNION ALL SELECT 'tiny', fit_histogram(tiny_x) FROM shapes
        UNION ALL SELECT 'decades', fit_histogram(decades_x) FROM shapes
        UNION ALL SELECT 'signed', fit_histogram(signed_x) FROM shapes
        UNION ALL SELECT 'integers', fit_histogram(int_x::float8) FROM shapes) q,
       LATERAL fit_histogram_summary(h) s
 ORDER BY name;

-- bins of data far from zero are narrow in absolute terms: 1e6 lies in the binade [2^19, 2^20),
-- where a bin is 2^19 * relative_resolution wide: under 1e-3 of the spread of 6
SELECT (s->>'relative_resolution')::float8 * 2^19 < 1e-3 * 6 AS offset_bins_narrow
  FROM (SELECT fit_histogram_summary(fit_histogram(offset_x)) s FROM shapes) q;

-- deterministic: any insertion order gives the same bytes
SELECT count(DISTINCT h::text) AS distinct_sketches FROM (
  SELECT fit_histogram(decades_x ORDER BY i) AS h FROM shapes
  UNION ALL SELECT fit_histogram(decades_x ORDER BY i DESC) FROM shapes
  UNION ALL SELECT fit_histogram(decades_x ORDER BY md5(i::text)) FROM shapes) q;

-- exactly mergeable: the rollup of sketches of any partition equals the whole
CREATE TABLE parts AS
  SELECT i % 7 AS part, fit_histogram(decades_x) AS h FROM shapes GROUP BY i % 7;
CREATE TABLE parts2 AS
  SELECT i / 30000 AS part, fit_histogram(signed_x) AS h FROM shapes GROUP BY i / 30000;
SELECT (SELECT fit_histogram(h) FROM parts)::text = (SELECT fit_histogram(decades_x) FROM shapes)::text AS merge_equal,
       (SELECT fit_histogram(h ORDER BY part DESC) FROM parts2)::text = (SELECT fit_histogram(signed_x) FROM shapes)::text AS merge_equal2;
-- merging exact sketches whose union exceeds the exact limit gives the binned sketch of the union
SELECT (SELECT fit_histogram(h) FROM (SELECT i / 2000 AS g, fit_histogram(int_x::float8) AS h FROM shapes GROUP BY 1) q)::text
     = (SELECT fit_histogram(int_x::float8) FROM shapes)::text AS exact_parts_merge;

-- text round trip, binary round trip (COPY BINARY), storage
CREATE TABLE stored AS SELECT 'decades' AS name, fit_histogram(decades_x) AS h FROM shapes
  UNION ALL SELECT 'small', fit_histogram(x) FROM small;
SELECT name, h::text::fit_histogram::text = h::text AS text_roundtrip FROM stored ORDER BY name;
COPY stored TO '/tmp/bestfit_regress_stored.bin' WITH (FORMAT binary);
CREATE TABLE restored (LIKE stored);
COPY restored FROM '/tmp/bestfit_regress_stored.bin' WITH (FORMAT binary);
SELECT s.name, s.h::text = r.h::text AS binary_roundtrip
  FROM stored s JOIN restored r USING (name) ORDER BY s.name;

-- corrupt or hand-made values are rejected with a clear error
SELECT 'v2;level=0;nan=0;posinf=0;neginf=0;min=0;max=0;bins='::fit_histogram;
SELECT 'v1;level=64;nan=0;posinf=0;neginf=0;min=0;max=0;bins='::fit_histogram;
SELECT 'v1;level=0;nan=-1;posinf=0;neginf=0;min=0;max=0;bins='::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=2;max=1;bins=4611686018427387904:1,4607182418800017408:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=2;bins=4607182418800017408:0,4611686018427387904:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=3;bins=4607182418800017408:1,4611686018427387904:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=2;bins=4607182418800017408:1,9218868437227405312:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=1;bins=4607182418800017408:9223372036854775807,4607182418800017409:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=5;max=5;bins='::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=2;bins=4607182418800017408:1;junk'::fit_histogram;
SELECT 'hello'::fit_histogram;
SELECT ''::fit_histogram;
