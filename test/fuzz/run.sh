#!/usr/bin/env bash
# test/fuzz/run.sh SECONDS [HARNESS...] — runs each libFuzzer harness of
# test/fuzz/ (built by `make fuzz`) for SECONDS on its seed corpus
# test/fuzz/corpus/NAME/, one after the other.  FUZZ_RUNS=N runs each for N
# executions instead (SECONDS is then an upper bound on the time);
# FUZZ_SEED=N fixes libFuzzer's random seed (the test command's short run);
# FUZZ_DIR=test/fuzz/long runs the builds of `make fuzz-long` (the long runs).  New
# inputs go to a scratch directory (the committed corpus is read, never
# written); a crash, a sanitizer report, a timeout (10 s per input) or a
# leak fails the run and leaves the input in test/fuzz/artifacts/.  Prints
# each harness's executions, time and executions per second.
set -uo pipefail
cd "$(dirname "$0")/../.."
secs=${1:?usage: test/fuzz/run.sh SECONDS [HARNESS...]}
shift
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(fuzz_hist_text fuzz_hist_binary fuzz_dist fuzz_dist_text fuzz_sketch_struct)
scratch=$(mktemp -d /tmp/bestfit-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -p test/fuzz/artifacts
failed=0
for h in "${harnesses[@]}"; do
  bin=${FUZZ_DIR:-test/fuzz}/$h
  if [ ! -x "$bin" ]; then
    echo "fuzz $h: $bin is not built (make fuzz, or make fuzz-long)"; failed=1; continue
  fi
  mkdir -p "$scratch/$h"
  limit=(-max_total_time="$secs")
  [ -n "${FUZZ_RUNS:-}" ] && limit+=(-runs="$FUZZ_RUNS")
  [ -n "${FUZZ_SEED:-}" ] && limit+=(-seed="$FUZZ_SEED")
  t0=$(date +%s.%N)
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    "$bin" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="test/fuzz/artifacts/$h-" "$scratch/$h" "test/fuzz/corpus/$h" \
      > "$scratch/$h.log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$h.log")
  if [ $rc -ne 0 ] || grep -qE "ERROR: (AddressSanitizer|libFuzzer)|runtime error:|fuzz check failed" "$scratch/$h.log"; then
    failed=1
    echo "fuzz $h: FAILED (exit $rc)"
    grep -E "ERROR|runtime error|fuzz check failed|SUMMARY|Test unit written" "$scratch/$h.log" | head -20
  else
    awk -v h="$h" -v n="${execs:-0}" -v t0="$t0" -v t1="$t1" \
      'BEGIN { printf "fuzz %s: %d executions in %.0f s (%.0f/s), 0 crashes\n", h, n, t1 - t0, n / (t1 - t0) }'
  fi
done
rmdir test/fuzz/artifacts 2>/dev/null
exit $failed
