#!/usr/bin/env bash
# Runs inside a cluster (PG* variables set, e.g. by pg_virtualenv): the
# pg_regress suite, then the reference suite against scipy.
set -uo pipefail
cd "$(dirname "$0")/.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
failed=0
passed=0
if make -s installcheck PG_CONFIG="$PG_CONFIG"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  cat regression.diffs 2>/dev/null | head -200
fi
if /usr/bin/python3 test/reference.py; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
