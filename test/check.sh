#!/usr/bin/env bash
# The README's second command: set up, build, install, then run the whole
# test suite (pg_regress, then the scipy reference suite) in a throwaway
# PostgreSQL 15 cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
test/setup.sh
exec pg_virtualenv -v 15 test/run-tests.sh
