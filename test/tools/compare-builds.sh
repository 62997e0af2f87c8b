#!/usr/bin/env bash
# Before/after comparison of two builds of bestfit over the whole catalogue.
#
#   test/tools/compare-builds.sh [options] OLD_REV [NEW_REV]
#
# NEW_REV defaults to the working tree of the repository this script is in
# (tracked and untracked, not ignored, files).  Each revision is exported
# (git archive; the working tree by git ls-files) into its own directory,
# built with its top-level Makefile and installed into its own private
# cluster (test/tools/private-cluster.sh: ports 5493 for OLD and 5494 for NEW);
# test/tools/fit_dump.py then fits every catalogue entry on the reference
# samples (phases a-d, see fit_dump.py) and dumps status, params, loglik, aic,
# bic, ks, ad, ... at full precision, the sketch of each sample (compared
# byte for byte) and each fit's time.  Last, the two dumps are compared: one
# line per differing (sample, entry), a table of per-entry fit times old ->
# new, and the summary line "compare: N identical, M different (...)".
# Exit status 0 when everything is identical, 1 otherwise, 2 on a usage or
# build error.  The differences are for a human to explain.
#
# Dumps are cached in CACHE/dumps/KEY (CACHE: --cache, default
# /tmp/bestfit-compare): KEY is the commit hash of a revision, or
# wt-HEAD-DIGEST for a working tree with changes (DIGEST: of the changes).
# A complete cached dump is reused without building its revision; an
# incomplete one (an interrupted run) is completed.  When NEW resolves to the
# same KEY as OLD, NEW is dumped afresh into KEY.recheck (a self-check: it
# must report all identical).
#
# Options:
#   --phases=LETTERS  phases to dump and compare (default abcd):
#                     a own samples 1,000 rows, b foreign 1,000 rows x every entry,
#                     c own samples 1,000,000 rows, d foreign 1,000,000 rows x default set,
#                     e (only when asked) ksone and kstwo on the foreign 1,000-row shapes
#                     (minutes per fit: kstwo ran over 11 minutes on exponential(2))
#   --cache=DIR       cache directory (default /tmp/bestfit-compare)
#   --refresh-old     discard OLD's cached dump and dump it again
#   --refresh-new     discard NEW's cached dump (including a .recheck) and dump it again
#   --top=N           entries shown per phase in the time table (default 15)
#
# Cost (2026-11-30, 2 cores shared with other work, load ~7): one build's
# dump of phases abcd takes about 17 minutes (phase b 8, c 6, d 4; erlang's
# fits on the foreign shapes are most of the fitting time), the build 30-40 s;
# a run with OLD cached is one dump, a run with neither cached two.  Fit
# times of two identical builds differed by up to 2-3x per entry at that load:
# read the time table as a coarse signal.
#
# Needs root (private-cluster.sh runs the servers as postgres), PostgreSQL 15's
# server and dev packages, GSL, and /usr/bin/python3 with numpy and scipy.
# The builds' source layout may differ: only `make` and `make install` at
# the top level are used.
set -euo pipefail

usage() { sed -n '2,/^set -e/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2; }

phases=abcd cache=/tmp/bestfit-compare refresh_old=0 refresh_new=0 top=15
args=()
for a in "$@"; do
  case "$a" in
    --phases=*) phases=${a#*=} ;;
    --cache=*) cache=${a#*=} ;;
    --refresh-old) refresh_old=1 ;;
    --refresh-new) refresh_new=1 ;;
    --top=*) top=${a#*=} ;;
    -h|--help) usage ;;
    -*) echo "compare-builds: unknown option $a" >&2; usage ;;
    *) args+=("$a") ;;
  esac
done
[ ${#args[@]} -ge 1 ] && [ ${#args[@]} -le 2 ] || usage
[[ $phases =~ ^[a-e]+$ ]] || { echo "compare-builds: --phases takes letters from abcde" >&2; exit 2; }

tools=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$tools" rev-parse --show-toplevel)
helper="/usr/bin/python3 $tools/fit_dump.py"
cluster_sh=$tools/private-cluster.sh
mkdir -p "$cache/dumps"
cache=$(cd "$cache" && pwd)
chmod 755 "$cache"

# one run at a time per cache (the ports and cluster directories are shared)
exec 9>"$cache/lock"
flock -n 9 || { echo "compare-builds: another run holds $cache/lock" >&2; exit 2; }

started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started ))s"; }

# resolve REV into "KEY DESCRIPTION"; the working tree when REV is empty
resolve() {
  local rev=$1 commit
  if [ -n "$rev" ]; then
    commit=$(git -C "$repo" rev-parse --verify --quiet "$rev^{commit}") ||
      { echo "compare-builds: unknown revision $rev" >&2; exit 2; }
    echo "$commit $rev"
    return
  fi
  commit=$(git -C "$repo" rev-parse HEAD)
  # the changes: tracked diffs against HEAD and the untracked, not ignored, files
  local digest
  digest=$( { git -C "$repo" diff HEAD --binary;
              git -C "$repo" ls-files -z --others --exclude-standard |
                (cd "$repo" && xargs -0 -r sha256sum); } | sha256sum | cut -c1-16)
  if [ -z "$(git -C "$repo" status --porcelain --untracked-files=normal)" ]; then
    echo "$commit working-tree(clean,$commit)"
  else
    echo "wt-$commit-$digest working-tree(with-changes)"
  fi
}

# export the source of KEY (a commit, or the working tree) into DIR
export_source() {
  local key=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  if [[ $key == wt-* ]]; then
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard |
       tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$dir"
  else
    git -C "$repo" archive "$key" | tar -xf - -C "$dir"
  fi
}

clusters=()
cleanup() {
  for c in "${clusters[@]}"; do "$cluster_sh" stop "$c" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# dump ROLE KEY PORT: make sure CACHE/dumps/KEY is complete (build, install, fit)
dump() {
  local role=$1 key=$2 port=$3 what=$4
  local dir=$cache/dumps/$key
  mkdir -p "$dir"
  local left
  left=$($helper missing "$dir" --phases="$phases") && {
    echo "== $role ($what): cached dump $dir is complete, reused"; return 0; }
  echo "== $role ($what): $left samples to dump into $dir [$(elapsed)]"
  local src=$cache/src/$role clu=$cache/cluster/$role
  local build_key=$key
  [[ $key == *.recheck ]] && build_key=${key%.recheck}
  export_source "$build_key" "$src"
  "$cluster_sh" stop "$clu" >/dev/null 2>&1 || true
  rm -rf "$clu"
  local t0; t0=$(date +%s)
  "$cluster_sh" start "$clu" "$port" >/dev/null
  clusters+=("$clu")
  "$cluster_sh" install "$clu" "$src" 2>"$cache/build-$role.log" || {
    echo "compare-builds: the build of $role ($what) failed, see $cache/build-$role.log" >&2; exit 2; }
  echo "$role: built and installed in $(( $(date +%s) - t0 ))s (log $cache/build-$role.log)"
  local env=(PGHOST="$clu/sock" PGPORT="$port" PGUSER=postgres PGDATABASE=postgres)
  env "${env[@]}" psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION bestfit' >/dev/null
  {
    echo "role=$role key=$key what=$what"
    echo "source=$(git -C "$repo" rev-parse HEAD 2>/dev/null) repo=$repo"
    echo "dumped=$(date -u +%FT%TZ) host=$(hostname) phases=$phases"
  } >>"$dir/meta.txt"
  local t1 rc=0; t1=$(date +%s)
  env "${env[@]}" $helper dump "$dir" --phases="$phases" | tee -a "$dir/dump.log" || rc=$?
  echo "$role: dump took $(( $(date +%s) - t1 ))s [$(elapsed)]" | tee -a "$dir/dump.log"
  "$cluster_sh" stop "$clu"
  [ $rc -eq 0 ] || { echo "compare-builds: the dump of $role failed (exit $rc)" >&2; exit 2; }
}

old=$(resolve "${args[0]}") || exit 2
new=$(resolve "${args[1]:-}") || exit 2
read -r old_key old_what <<<"$old"
read -r new_key new_what <<<"$new"
[ "$new_key" = "$old_key" ] && new_key=$old_key.recheck
echo "compare-builds: OLD $old_what = $old_key, NEW $new_what = $new_key, phases $phases, cache $cache"

[ $refresh_old -eq 1 ] && rm -rf "$cache/dumps/$old_key"
[ $refresh_new -eq 1 ] && rm -rf "$cache/dumps/$new_key"
dump old "$old_key" 5493 "$old_what"
dump new "$new_key" 5494 "$new_what"

echo "== comparison [$(elapsed)]"
rc=0
$helper compare "$cache/dumps/$old_key" "$cache/dumps/$new_key" --phases="$phases" --top="$top" || rc=$?
echo "compare-builds: OLD dump $cache/dumps/$old_key, NEW dump $cache/dumps/$new_key; runtime $(elapsed)"
exit $rc
