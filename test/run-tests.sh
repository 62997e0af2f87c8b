#!/usr/bin/env bash
# Runs inside a cluster (PG* variables set, e.g. by pg_virtualenv): the
# core's unit tests (no server needed), a short run of the fuzzers (no
# server), the pg_regress suite, dump and restore, the rendered pictures,
# then the reference suites against scipy's stored values (continuous) and
# scipy itself (discrete).
set -uo pipefail
cd "$(dirname "$0")/.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
failed=0
passed=0
run() {
  local name=$1; shift
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "suite $name: passed in $((SECONDS - t0)) s"
  else
    failed=$((failed + 1)); echo "suite $name: FAILED in $((SECONDS - t0)) s"
    [ "$name" = pg_regress ] && head -200 regression.diffs 2>/dev/null
  fi
}
run unitcheck make -s unitcheck PG_CONFIG="$PG_CONFIG"
# the libFuzzer harnesses (ASan+UBSan), 12 s each on their corpora (README: Fuzzing)
run fuzz bash -c 'make -s fuzz PG_CONFIG="$PG_CONFIG" >/dev/null && FUZZ_SEED=1 test/fuzz/run.sh 12'
run pg_regress make -s installcheck PG_CONFIG="$PG_CONFIG"
run dump_restore test/dump_restore.sh
# fit_plot_svg's pictures of the demo data: well-formed, rendered by rsvg-convert, not blank
run plot_render test/plot_render.sh
run reference /usr/bin/python3 test/reference.py
# the discrete catalogue: pmf/cdf/quantile through the server, sf too through the
# stand-alone evaluator, and the fits (README: Discrete distributions)
run reference_discrete bash -c 'make -s test/cateval PG_CONFIG="$PG_CONFIG" &&
  /usr/bin/python3 test/reference_discrete.py --harness=test/cateval accuracy &&
  /usr/bin/python3 test/reference_discrete.py'
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
