#!/usr/bin/env bash
# test/bench/concurrency.sh — four sessions insert sketches while a fifth
# rolls them up (issue 11, item 5).  Each writer commits, in one
# transaction, a batch of raw rows and the sketch of that batch; the reader,
# in repeatable-read snapshots (every other one with a parallel plan forced),
# compares the rollup of the stored sketches with the sketch of the raw rows
# of the same snapshot, which must be byte-identical whatever was committed.
#   PGHOST=... PGPORT=... PGUSER=... test/bench/concurrency.sh [BATCHES] [READS]
# Defaults: 100 batches of 500 rows per writer (50 ms apart), reads until the
# writers are done (at most READS = 300); under a minute.
# Prints "concurrency: N passed, M failed"; exit status 0 when all matched.
set -uo pipefail
batches=${1:-100}; reads=${2:-300}
db=bestfit_concurrency
PSQL="psql -X -q -v ON_ERROR_STOP=1"
work=$(mktemp -d); trap 'rm -rf "$work"; dropdb --if-exists $db 2>/dev/null' EXIT
dropdb --if-exists $db 2>/dev/null; createdb $db || exit 1
$PSQL -d $db <<'SQL' || exit 1
SET client_min_messages = warning;
CREATE EXTENSION bestfit;
CREATE TABLE conc_raw (w int, b int, x float8);
CREATE TABLE conc_parts (w int, b int, h fit_histogram);
SQL
# the writers' values: continuous, rounded, over 9 decades, negative
exprs=("random() * 100" "round(random() * 50)" "exp(random() * 20)" "-random() * 1e-3")
for w in 1 2 3 4; do
  for b in $(seq 1 "$batches"); do
    cat <<SQL
BEGIN;
INSERT INTO conc_raw SELECT $w, $b, ${exprs[$((w - 1))]} FROM generate_series(1, 500);
INSERT INTO conc_parts SELECT $w, $b, fit_histogram(x) FROM conc_raw WHERE w = $w AND b = $b;
COMMIT;
SELECT pg_sleep(0.05);
SQL
  done > "$work/writer$w.sql"
  $PSQL -d $db -f "$work/writer$w.sql" > "$work/writer$w.out" 2>&1 &
done
r=0
while [ -n "$(jobs -r)" ] && [ $r -lt "$reads" ]; do
  r=$((r + 1))
  if [ $((r % 2)) -eq 0 ]; then par="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;"
  else par="SET max_parallel_workers_per_gather = 0;"; fi
  $PSQL -d $db -At <<SQL
$par
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT coalesce((SELECT fit_histogram(h) FROM conc_parts)::text = (SELECT fit_histogram(x) FROM conc_raw)::text, true),
       (SELECT count(*) FROM conc_parts);
COMMIT;
SQL
done > "$work/reader.out" 2>&1
wait
# and once the writers are done
$PSQL -d $db -At -c "SELECT (SELECT fit_histogram(h) FROM conc_parts)::text = (SELECT fit_histogram(x) FROM conc_raw)::text, (SELECT count(*) FROM conc_parts)" >> "$work/reader.out" 2>&1
passed=$(grep -c '^t|' "$work/reader.out"); failed=$(grep -vc '^t|' "$work/reader.out")
echo "reads: $(wc -l < "$work/reader.out"), sketches they saw: $(cut -d'|' -f2 "$work/reader.out" | paste -sd' ')"
if grep -h ERROR "$work"/writer*.out; then failed=$((failed + 1)); fi
[ "$(tail -1 "$work/reader.out" | cut -d'|' -f2)" = $((4 * batches)) ] || { echo "the last read did not see every sketch"; failed=$((failed + 1)); }
echo "concurrency: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
