#!/usr/bin/env bash
# test/bench/zoo-ab.sh: wall times of two builds of bestfit.so on the zoo's cluster, taken in
# alternating rounds so that a machine whose speed drifts (20 % within an hour on the 2-core
# development machine, 2026-12-02) does not bias the comparison.  Not a test.
#
#   test/bench/zoo-ab.sh [-d DIR] [-p PORT] [-r ROUNDS] [-q SQL [-w WORKERS]] OLD.so NEW.so
#
# DIR (default /tmp/bestfit-zoo) is the private cluster test/bench/zoo.sh leaves behind, with its
# tables zoo (the twelve sketches) and big (10,000,000 rows); each round installs OLD.so, then
# NEW.so (the other way round in even rounds), as DIR's bestfit.so (restarting the cluster)
# and times, with \timing in psql: SELECT count(*) FROM fit_distributions(h) for each zoo sketch with
# max_parallel_workers_per_gather = 2, and best_fit(x) over big with 0 and 2 workers.  Both
# builds must have the same SQL version (the extension is not updated).  Prints per measure the
# least of the rounds for each build and the change, then the sum over the sketches.  DIR's
# bestfit.so is NEW.so at the end; the cluster is stopped.  With -q, each round times the one
# statement SQL instead, three times in one session per build with max_parallel_workers_per_gather
# = WORKERS (default 2), and keeps the least: for a change small against the machine's drift
# between the measures of a round.  Builds of two commits, e.g.:
#   git worktree add /tmp/old OLD && make -C /tmp/old && test/bench/zoo-ab.sh /tmp/old/bestfit.so ./bestfit.so
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=/tmp/bestfit-zoo; port=5497; rounds=3; query=; qworkers=2
usage() { echo "usage: $0 [-d DIR] [-p PORT] [-r ROUNDS] [-q SQL [-w WORKERS]] OLD.so NEW.so" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    -d) dir=$2; shift 2 ;;
    -p) port=$2; shift 2 ;;
    -r) rounds=$2; shift 2 ;;
    -q) query=$2; shift 2 ;;
    -w) qworkers=$2; shift 2 ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || usage
old=$(realpath "$1"); new=$(realpath "$2")
lib=$(find "$dir/tree" -name bestfit.so -path '*/lib/*' | head -1)
[ -n "$lib" ] || { echo "zoo-ab.sh: no bestfit.so under $dir/tree (run test/bench/zoo.sh first)" >&2; exit 2; }
cluster=$root/test/tools/private-cluster.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT
sql() { psql -h "$dir/sock" -p "$port" -U postgres -d postgres -At "$@"; }
run_sql() {  # workers, statement -> milliseconds
  sql -c "SET max_parallel_workers_per_gather = $1" -c '\timing on' -c "$2" | awk '/^Time:/ {print $2}'
}
"$cluster" start "$dir" "$port" >/dev/null 2>&1 || true
shapes=$(sql -c "SELECT shape FROM zoo ORDER BY ord")
[ -n "$shapes" ] || { echo "zoo-ab.sh: no table zoo in $dir's cluster (run test/bench/zoo.sh first)" >&2; exit 2; }
for r in $(seq "$rounds"); do
  # ABBA: the builds' order alternates between rounds
  order="old new"; [ $((r % 2)) -eq 0 ] && order="new old"
  for b in $order; do
    "$cluster" stop "$dir" >/dev/null 2>&1 || true
    if [ $b = old ]; then cp "$old" "$lib"; else cp "$new" "$lib"; fi
    "$cluster" start "$dir" "$port" >/dev/null 2>&1
    if [ -n "$query" ]; then
      t=$(sql -c "SET max_parallel_workers_per_gather = $qworkers" -c '\timing on' \
            -c "$query" -c "$query" -c "$query" | awk '/^Time:/ {print $2}' | sort -g | head -1)
      echo "$b query_w$qworkers $t" >> "$out"
      continue
    fi
    for s in $shapes; do
      echo "$b $s $(run_sql 2 "SELECT count(*) FROM zoo, fit_distributions(h) WHERE shape = '$s'")" >> "$out"
    done
    for w in 0 2; do
      echo "$b best_fit_w$w $(run_sql $w 'SELECT best_fit(x) IS NOT NULL FROM big')" >> "$out"
    done
  done
done
"$cluster" stop "$dir" >/dev/null 2>&1 || true
awk -v rounds="$rounds" -v q="$query" '
  { k = $2; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
    if (!((k, $1) in best) || $3 < best[k, $1]) best[k, $1] = $3 }
  END {
    if (q != "") printf "least of %d rounds of three runs, ms: %s\n", rounds, q
    else printf "least of %d rounds, ms (fit_distributions with 2 workers; best_fit over big)\n", rounds
    printf "%-16s %10s %10s %8s\n", "measure", "old", "new", "change"
    for (i = 1; i <= n; i++) {
      k = order[i]; o = best[k, "old"]; w = best[k, "new"]
      printf "%-16s %10.0f %10.0f %+7.1f%%\n", k, o, w, 100 * (w - o) / o
      if (k !~ /^best_fit|^query/) { so += o; sn += w }
    }
    if (q == "") printf "%-16s %10.0f %10.0f %+7.1f%%\n", "sketches, sum", so, sn, 100 * (sn - so) / so
  }' "$out"
