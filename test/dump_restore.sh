#!/usr/bin/env bash
# Dump and restore (issue 11, item 6).  Runs inside a cluster (PG* variables
# set, as test/run-tests.sh has them): creates a database holding tables of
# fit_histogram values (exact and binned sketches, NaN and infinity counts,
# a NULL) and distribution values (several families, fitted and written by
# hand), dumps it with pg_dump in plain and custom formats, restores each
# into a fresh database (psql, pg_restore), and checks that every value is
# byte-identical: the md5 of the text forms, of fit_histogram_send and
# distribution_send, and of the tables' binary COPY bytes.  Then COPY ...
# (FORMAT binary) out of the source and back into a new table, compared the
# same way.  A few seconds; the databases are dropped at the end.
set -uo pipefail
bindir=$(${PG_CONFIG:-pg_config} --bindir)
work=$(mktemp -d)
src=bestfit_dump_src; plain=bestfit_dump_plain; custom=bestfit_dump_custom
passed=0; failed=0
PSQL() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  for db in $src $plain $custom; do "$bindir/dropdb" --if-exists "$db" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
check() {   # check NAME EXPECTED ACTUAL
  if [ -n "$2" ] && [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok: $1"
  else failed=$((failed + 1)); echo "FAIL: $1: expected '$2', got '$3'"; fi
}
# md5 of each value's text and binary forms, and of the tables' binary COPY
sums() {
  PSQL -d "$1" -At <<'SQL'
SELECT 'h text ' || md5(string_agg(coalesce(h::text, 'NULL'), '|' ORDER BY id)),
       'h send ' || md5(string_agg(coalesce(fit_histogram_send(h)::text, 'NULL'), '|' ORDER BY id)),
       'h count ' || count(*) FROM sketches;
SELECT 'd text ' || md5(string_agg(d::text, '|' ORDER BY id)),
       'd send ' || md5(string_agg(distribution_send(d)::text, '|' ORDER BY id)),
       'd count ' || count(*) FROM dists;
SQL
  for t in sketches dists; do
    echo "$t copy $(PSQL -d "$1" -c "COPY (SELECT * FROM $t ORDER BY id) TO STDOUT (FORMAT binary)" | md5sum | cut -d' ' -f1)"
  done
}

cleanup; work=$(mktemp -d)
"$bindir/createdb" $src || exit 1
PSQL -d $src <<'SQL' || exit 1
SET client_min_messages = warning;
CREATE EXTENSION bestfit;
CREATE TABLE sketches (id int PRIMARY KEY, label text, h fit_histogram);
INSERT INTO sketches
SELECT 1, 'exact integers', fit_histogram(x::float8) FROM generate_series(1, 100) x
UNION ALL
SELECT 2, 'exact with NaN and infinities', fit_histogram(x) FROM
  (SELECT unnest(ARRAY[1.5, 2.25, 2.25, 'NaN', 'Infinity', '-Infinity', -0.0, 5e-324, 1.7976931348623157e308]::float8[]) x) v
UNION ALL
SELECT 3, 'binned, 20000 values', fit_histogram(exp(sin(i) * 3) * (1 + i % 7)) FROM generate_series(1, 20000) i
UNION ALL
SELECT 4, 'binned, mixed signs', fit_histogram(tan(i * 0.001)) FROM generate_series(1, 20000) i
UNION ALL
SELECT 5, 'only NaN', fit_histogram('NaN'::float8) FROM generate_series(1, 3)
UNION ALL
SELECT 6, 'NULL', NULL;
CREATE TABLE dists (id int PRIMARY KEY, d distribution);
INSERT INTO dists VALUES
  (1, 'norm(loc=1, scale=2)'), (2, 'gamma(a=2, loc=1, scale=3)'), (3, 't(df=3.5, loc=1, scale=2)'),
  (4, 'triang(c=0.25)'), (5, 'genextreme(c=-0.2, loc=10, scale=3)'), (6, 'lognorm(s=0.5, scale=3)');
INSERT INTO dists SELECT 7, f.fit FROM sketches, fit_distributions(h, ARRAY['gamma']) f WHERE id = 1;
INSERT INTO dists SELECT 8, f.fit FROM sketches, fit_distributions(h, ARRAY['norm']) f WHERE id = 1;
SQL
check "binned sketches are binned" "0" "$(PSQL -d $src -At -c "SELECT count(*) FROM sketches WHERE id IN (3, 4) AND (fit_histogram_summary(h)->>'exact')::boolean")"
check "fitted distributions are stored" "2" "$(PSQL -d $src -At -c "SELECT count(*) FROM dists WHERE id IN (7, 8) AND d IS NOT NULL")"
want=$(sums $src)

# plain format, restored by psql
"$bindir/pg_dump" -Fp -d $src -f "$work/plain.sql" && "$bindir/createdb" $plain &&
  PSQL -d $plain -f "$work/plain.sql" >/dev/null
check "pg_dump plain, psql: identical values" "$want" "$(sums $plain)"

# custom format, restored by pg_restore
"$bindir/pg_dump" -Fc -d $src -f "$work/custom.dump" && "$bindir/createdb" $custom &&
  "$bindir/pg_restore" --exit-on-error -d $custom "$work/custom.dump"
check "pg_dump custom, pg_restore: identical values" "$want" "$(sums $custom)"

# binary COPY out and back in (through the receive functions)
PSQL -d $src <<SQL
\copy (SELECT * FROM sketches ORDER BY id) TO '$work/sketches.bin' WITH (FORMAT binary)
\copy (SELECT * FROM dists ORDER BY id) TO '$work/dists.bin' WITH (FORMAT binary)
ALTER TABLE sketches RENAME TO sketches_orig;
ALTER TABLE dists RENAME TO dists_orig;
CREATE TABLE sketches (LIKE sketches_orig);
CREATE TABLE dists (LIKE dists_orig);
\copy sketches FROM '$work/sketches.bin' WITH (FORMAT binary)
\copy dists FROM '$work/dists.bin' WITH (FORMAT binary)
SQL
check "COPY (FORMAT binary) out and in: identical values" "$want" "$(sums $src)"

echo "dump_restore: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
