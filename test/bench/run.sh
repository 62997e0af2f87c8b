#!/usr/bin/env bash
# Benchmark: bestfit against avg(x) and against scipy in PL/Python.
#   test/bench/run.sh [rows] [scipy_rows]     (defaults 10000000 and 1000000)
# Builds and installs first (test/setup.sh), runs in a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000000}
scipy_rows=${2:-1000000}
test/setup.sh
pg_virtualenv -v 15 -o shared_buffers=1GB -o max_worker_processes=8 \
  sh -c "psql -X -q -v rows=$rows -f test/bench/bench.sql && psql -X -q -v rows=$scipy_rows -f test/bench/scipy.sql"
