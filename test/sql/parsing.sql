-- Loose parsing (issue 11): the distribution and sketch texts read numbers
-- with float8in's rules (hexadecimal, underflow of a nonzero literal and
-- overflow rejected, as "... is out of range for type double precision"),
-- no trailing comma or empty value, and every error quotes at most 64
-- characters of bad input followed by "..."
\set VERBOSITY default
-- trailing comma, empty values, doubled comma
SELECT 'norm(loc=1,)'::distribution;
SELECT 'norm(loc=1, )'::distribution;
SELECT 'norm(loc=)'::distribution;
SELECT 'norm(,)'::distribution;
SELECT 'norm(loc=1,,scale=2)'::distribution;
-- hexadecimal (glibc's strtod read 0x10 as 16), underflow, overflow
SELECT 'norm(loc=0x10)'::distribution;
SELECT 'norm(loc=0x1p4)'::distribution;
SELECT 'norm(loc=1e-400)'::distribution;
SELECT 'norm(scale=1e400)'::distribution;
-- what float8in accepts still reads: a subnormal, signs, spaces, exponents
SELECT 'norm(loc=4e-320)'::distribution::text = 'norm(loc=4e-320, scale=1)' AS subnormal;
SELECT 'norm( loc = -1.5e0 , scale = +.5 )'::distribution::text AS spaced;
SELECT 'norm()'::distribution::text AS defaults;
-- the sketch's min and max: the same parser
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=0x1p0;max=1;bins=0:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1e-400;max=1;bins=0:1'::fit_histogram;
SELECT 'v1;level=0;nan=0;posinf=0;neginf=0;min=1;max=1e999;bins=0:1'::fit_histogram;
-- bounded quoting: 1,000- and 5,000-character inputs
SELECT (repeat('a', 1000) || '()')::distribution;
SELECT ('norm(loc=1' || repeat('0', 5000) || 'x)')::distribution;
SELECT fit_distributions(fit_histogram(x::float8), ARRAY[repeat('b', 1000)])
FROM generate_series(1, 10) x;
SELECT fit_distributions(fit_histogram(x::float8), rank_by => repeat('c', 1000))
FROM generate_series(1, 10) x;
SELECT fit_distributions(fit_histogram(x::float8), ARRAY['norm'],
                         fixed => jsonb_build_object(repeat('d', 1000), 1))
FROM generate_series(1, 10) x;
-- distribution_recv: a binary value named by 5,000 characters (a bytea
-- column's binary COPY is the raw bytes, read back as a distribution)
CREATE TEMP TABLE raw_dist (b bytea);
INSERT INTO raw_dist
SELECT decode(repeat('61', 5000) || '00' || '0002', 'hex')
       || float8send(0) || float8send(1);
COPY raw_dist TO '/tmp/bestfit_regress_rawdist.bin' WITH (FORMAT binary);
CREATE TEMP TABLE recv_dist (d distribution);
COPY recv_dist FROM '/tmp/bestfit_regress_rawdist.bin' WITH (FORMAT binary);
-- the same bytes with the name norm read back
TRUNCATE raw_dist;
INSERT INTO raw_dist
SELECT decode('6e6f726d' || '00' || '0002', 'hex') || float8send(0) || float8send(1);
COPY raw_dist TO '/tmp/bestfit_regress_rawdist.bin' WITH (FORMAT binary);
COPY recv_dist FROM '/tmp/bestfit_regress_rawdist.bin' WITH (FORMAT binary);
SELECT d::text FROM recv_dist;
