#!/usr/bin/env bash
# The README's first command: set up, build, install, start a throwaway
# PostgreSQL 15 cluster and rank distributions for real weather data.
set -euo pipefail
cd "$(dirname "$0")/.."
test/setup.sh
exec pg_virtualenv -v 15 psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql
