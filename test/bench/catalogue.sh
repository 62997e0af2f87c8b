#!/usr/bin/env bash
# Catalogue benchmark: the whole default catalogue on one stored sketch, and
# every entry alone.   test/bench/catalogue.sh [rows]   (default 1000000)
# Builds and installs first (test/setup.sh), runs in a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
test/setup.sh
pg_virtualenv -v 15 psql -X -q -v rows="$rows" -f test/bench/catalogue.sql
