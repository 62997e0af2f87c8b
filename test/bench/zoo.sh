#!/usr/bin/env bash
# Zoo benchmark (issue 8): the whole default set and every candidate alone
# on twelve sketches of different shapes, best_fit(x) against avg(x) over a
# big table, and every candidate's log-likelihood compared with a baseline.
# Not a test: it prints figures, ratios and the targets next to them.  What
# it measures: the header of test/bench/zoo.sql.
#
#   test/bench/zoo.sh [options]
#     -d DIR             private cluster directory     (default /tmp/bestfit-zoo)
#     -p PORT            its port                      (default 5497)
#     --no-install       use the server already running at PGHOST/PGPORT (as
#                        PGUSER, a superuser, in PGDATABASE), with bestfit
#                        installed; also ZOO_NO_INSTALL=1.  The server must run
#                        on this machine (CPU figures come from /proc).
#     --rows N           rows of each generated sketch  (default 1000000)
#     --big-rows N       rows of the table big          (default 10000000)
#     --timeout S        per-candidate statement_timeout, s      (default 60)
#     --set-timeout S    timeout of a whole-set or best_fit call, s (default 300)
#     --whole-runs N     rounds of the whole-set timings over the sketches, each
#                        figure their median                (default 3)
#     --candidates LIST  comma-separated subset of the default set (quick runs;
#                        the log-likelihood file is then partial)
#     --tsv FILE         log-likelihoods written to      (default DIR/zoo-loglik.tsv)
#     --baseline FILE    compared with, or "none"  (default test/bench/zoo-baseline.tsv)
#     --baseline-params FILE  the baseline engine's fitted parameters, or "none"
#                        (default test/bench/zoo-baseline-params.tsv): each fit
#                        more than 0.5 below the baseline is then evaluated at
#                        the baseline's own point (see zoo.sql, part 5)
#     --engine LABEL     engine label in the TSV  (default: the commits of this tree)
#
# By default it starts a private cluster in DIR (test/tools/private-cluster.sh:
# a copy of the PostgreSQL 15 installation, so the system's is untouched; runs
# as root), builds and installs the source tree it lives in, sets
# shared_buffers=1GB, max_worker_processes=8, max_parallel_workers=8,
# restarts, runs zoo.sql and stops the cluster at the end.  The machine's CPU
# figures need an otherwise idle machine; the cluster's do not.  About 40
# minutes with the engine of 2026-11-30 on 2 cores, a few minutes once fast.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

dir=/tmp/bestfit-zoo; port=5497; install=1
[ "${ZOO_NO_INSTALL:-0}" = 1 ] && install=0
rows=1000000; big_rows=10000000; timeout=60; set_timeout=300; whole_runs=3; candidates=
tsv=; baseline=test/bench/zoo-baseline.tsv; baseline_params=test/bench/zoo-baseline-params.tsv; engine=
while [ $# -gt 0 ]; do
  case "$1" in
    -d) dir=$2; shift ;;
    -p) port=$2; shift ;;
    --no-install) install=0 ;;
    --rows) rows=$2; shift ;;
    --big-rows) big_rows=$2; shift ;;
    --timeout) timeout=$2; shift ;;
    --set-timeout) set_timeout=$2; shift ;;
    --whole-runs) whole_runs=$2; shift ;;
    --candidates) candidates=$2; shift ;;
    --tsv) tsv=$2; shift ;;
    --baseline) baseline=$2; shift ;;
    --baseline-params) baseline_params=$2; shift ;;
    --engine) engine=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "zoo.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
dir=$(realpath -m "$dir")
mkdir -p "$dir"
tsv=${tsv:-$dir/zoo-loglik.tsv}
[ "$baseline" = none ] && baseline=
if [ -n "$baseline" ] && [ ! -r "$baseline" ]; then
  echo "zoo.sh: baseline $baseline not found (--baseline none to skip)" >&2; exit 2
fi
[ -n "$baseline" ] && baseline=$(realpath "$baseline")
[ "$baseline_params" = none ] || [ -z "$baseline" ] && baseline_params=
if [ -n "$baseline_params" ] && [ ! -r "$baseline_params" ]; then
  echo "zoo.sh: baseline parameters $baseline_params not found (--baseline-params none to skip)" >&2; exit 2
fi
[ -n "$baseline_params" ] && baseline_params=$(realpath "$baseline_params")

if [ $install = 1 ]; then
  if [ -z "$engine" ]; then
    head=$(git rev-parse HEAD)
    src=$(git log -1 --format=%H -- src sql Makefile bestfit.control)
    git diff --quiet HEAD -- src sql Makefile bestfit.control || src="$src+uncommitted"
    engine="$src (last commit touching src/ sql/ Makefile; tree $head)"
  fi
  pc=test/tools/private-cluster.sh
  [ -d "$dir/data" ] && $pc stop "$dir" 2>/dev/null   # a cluster left running
  $pc start "$dir" "$port" >/dev/null
  trap '$pc stop "$dir"' EXIT
  echo "building and installing $root into $dir ..."
  $pc install "$dir" "$root"
  export PGHOST=$dir/sock PGPORT=$port PGUSER=postgres PGDATABASE=postgres
  psql -X -q -c "ALTER SYSTEM SET shared_buffers = '1GB'" \
       -c "ALTER SYSTEM SET max_worker_processes = 8" \
       -c "ALTER SYSTEM SET max_parallel_workers = 8"
  $pc stop "$dir"
  $pc start "$dir" "$port" >/dev/null
else
  engine=${engine:-running server ${PGHOST:-local}:${PGPORT:-5432}}
fi

psql -X -q -v rows="$rows" -v big_rows="$big_rows" -v timeout_s="$timeout" \
  -v set_timeout_s="$set_timeout" -v whole_runs="$whole_runs" -v candidates="$candidates" -v tsv="$tsv" \
  -v baseline="$baseline" -v baseline_params="$baseline_params" -v weather="$root/test/data/weather.csv" \
  -v clk_tck="$(getconf CLK_TCK)" -v engine="$engine" -f test/bench/zoo.sql
