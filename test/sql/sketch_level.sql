-- issue 11, "a valid-looking sketch breaks the rollup promise": a sketch's
-- level must be the smallest at which its values fit in 3000 keys, as the
-- aggregate builds it; a higher level is rejected on every input path
-- (text, binary receive; the aggregate's deserialisation and final function
-- run the same validation, src/sketch/sketch.c, tested in make unitcheck).
SET client_min_messages = warning;

-- text input: one value at level 62 (the issue's value), and at level 1
SELECT 'v1;level=62;nan=0;posinf=0;neginf=0;min=1;max=1;bins=0:1'::fit_histogram;
SELECT 'v1;level=1;nan=0;posinf=0;neginf=0;min=1;max=1;bins=2303591209400008704:1'::fit_histogram;

-- the same value at level 0 is valid, and a rollup with a 3000-value exact
-- sketch stays exact and equals the sketch of the rows (the rollup promise)
CREATE TABLE level_parts (h fit_histogram);
INSERT INTO level_parts SELECT fit_histogram(x::float8) FROM generate_series(1, 3000) x;
INSERT INTO level_parts VALUES ('v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=1;bins=4607182418800017408:1');
SELECT s->>'level' AS level, s->>'bins' AS bins, s->>'n' AS n
  FROM (SELECT fit_histogram_summary(fit_histogram(h)) s FROM level_parts) q;
SELECT fit_histogram(h)::text = (SELECT fit_histogram(x) FROM
         (SELECT generate_series(1, 3000)::float8 x UNION ALL SELECT 1) v)::text AS rollup_is_sketch_of_rows
  FROM level_parts;

-- binary receive (binary COPY of the issue's value, built from its fields:
-- version 1, flags 0, level 62, 1 bin, no NaN or infinities, min = max = 1,
-- key 0, count 1)
CREATE TABLE level_bytes (b bytea);
INSERT INTO level_bytes VALUES (decode('01' || '00' || '003e' || '00000001' || repeat('00', 24)
  || '3ff0000000000000' || '3ff0000000000000' || '0000000000000000' || '0000000000000001', 'hex'));
COPY level_bytes TO '/tmp/bestfit_regress_level.bin' WITH (FORMAT binary);
CREATE TABLE level_recv (h fit_histogram);
COPY level_recv FROM '/tmp/bestfit_regress_level.bin' WITH (FORMAT binary);
-- the same bytes at level 0 (key = the bits of 1.0) are read
UPDATE level_bytes SET b = decode('01' || '00' || '0000' || '00000001' || repeat('00', 24)
  || '3ff0000000000000' || '3ff0000000000000' || '3ff0000000000000' || '0000000000000001', 'hex');
COPY level_bytes TO '/tmp/bestfit_regress_level.bin' WITH (FORMAT binary);
COPY level_recv FROM '/tmp/bestfit_regress_level.bin' WITH (FORMAT binary);
SELECT h::text FROM level_recv;

-- the limit is sharp.  The 3001 consecutive doubles 1 + i 2^-52 (i = 0..3000,
-- ordered keys 4607182418800017408 + i) need level 1: 1501 bins (keys
-- 2303591209400008704 + j), 1500 of count 2 and the last of count 1.
CREATE TABLE level_edge AS
SELECT 'v1;level=1;nan=0;posinf=0;neginf=0;min=1;max=' || (1 + 3000 * 2::float8 ^ -52)::text || ';bins='
       || string_agg((2303591209400008704 + j)::text || ':' || CASE WHEN j = 1500 THEN 1 ELSE 2 END, ',' ORDER BY j)
       AS t
  FROM generate_series(0, 1500) j;
SELECT t::fit_histogram::text = t AS canonical_roundtrip,
       t::fit_histogram::text = (SELECT fit_histogram(1 + i * 2::float8 ^ -52) FROM generate_series(0, 3000) i)::text
         AS equals_sketch_of_rows
  FROM level_edge;
-- one count 2 lowered to 1: the bins could hold only 3000 distinct values,
-- which level 0 keeps exactly, so no column has this sketch
SELECT replace(t, (2303591209400008704 + 700)::text || ':2', (2303591209400008704 + 700)::text || ':1')::fit_histogram
  FROM level_edge;
-- the last bin at count 2 keeps max in its lower half (one key there): valid
SELECT (regexp_replace(t, ':1$', ':2')::fit_histogram IS NOT NULL) AS last_bin_count_2_valid FROM level_edge;
-- min in the upper half of the first bin (one key there) and the last bin
-- at count 1: 3000 possible keys, invalid
SELECT replace(t, 'min=1;', 'min=' || (1 + 2::float8 ^ -52)::text || ';')::fit_histogram FROM level_edge;

DROP TABLE level_parts, level_bytes, level_recv, level_edge;
