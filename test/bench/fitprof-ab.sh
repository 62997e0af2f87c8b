#!/bin/bash
# test/bench/fitprof-ab.sh: CPU of two builds of test/bench/fitprof on the same sketches,
# interleaved so that a machine whose speed drifts (15 % between whole runs on the 2-core
# development machine, 2026-12-01) does not bias the comparison: per sketch, on one core,
# A, B, B, A; the sketches split over the cores; per fit the least of A's two and of B's
# two.  Prints the totals, the entries that changed most, the per-sketch ratios and any fit
# whose log-likelihood moved by more than 0.01.  Not a test.
#   test/bench/fitprof-ab.sh A-binary B-binary [entry,entry,...] sketch.txt ...
#   e.g. (builds of two commits, each `make test/bench/fitprof` in its own tree)
#   test/bench/fitprof-ab.sh /tmp/fitprof-old /tmp/fitprof-new levy_stable,ncf /tmp/zs/*.txt
# FITPROF_FLAGS passes more flags to both builds (FITPROF_FLAGS=-R: fitted as best_fit
# races them).
set -e
A=$1; B=$2; shift 2
E=
case "$1" in *.txt) ;; *) E="-e $1"; shift ;; esac
W=$(mktemp -d)
NC=$(nproc); [ "$NC" -gt 2 ] && NC=2
i=0
for s in "$@"; do echo "$s" >> "$W/core$((i % NC))"; i=$((i + 1)); done
for c in $(seq 0 $((NC - 1))); do
	(
		while read -r s; do
			for x in A0 B0 B1 A1; do
				bin=$A; [ "${x:0:1}" = B ] && bin=$B
				taskset -c "$c" "$bin" ${FITPROF_FLAGS:-} $E "$s" >> "$W/$x.$c" 2>/dev/null
			done
		done < "$W/core$c"
	) &
done
wait
for x in A0 A1 B0 B1; do cat "$W"/$x.* > "$W/$x.tsv"; done
python3 - "$W" <<'PY'
import collections, statistics, sys
w = sys.argv[1]
def load(f):
    d = {}
    for l in open(f):
        c = l.rstrip('\n').split('\t')
        if len(c) >= 6:
            d[(c[0], c[1])] = (float(c[2]), int(c[3]), float(c[4]), c[5])
    return d
A = [load(f'{w}/A0.tsv'), load(f'{w}/A1.tsv')]
B = [load(f'{w}/B0.tsv'), load(f'{w}/B1.tsv')]
keys = sorted(set(A[0]) & set(B[0]))
ma = {k: min(A[0][k][0], A[1][k][0]) for k in keys}
mb = {k: min(B[0][k][0], B[1][k][0]) for k in keys}
ta, tb = sum(ma.values()) / 1000, sum(mb.values()) / 1000
print(f"fits: {len(keys)}; CPU s, least of two: A {ta:.2f}, B {tb:.2f} ({100 * (tb / ta - 1):+.1f} %)")
print(f"median fit ms: A {statistics.median(ma.values()):.1f}, B {statistics.median(mb.values()):.1f}; "
      f"fits > 150 ms: A {sum(v > 150 for v in ma.values())}, B {sum(v > 150 for v in mb.values())}")
def pct(v):
    # a twin's copied fit (src/fit/twins.c) takes 0 ms in both builds
    return f"{100 * (v[1] / v[0] - 1):+.0f} %" if v[0] > 0 else "-"
ent = collections.defaultdict(lambda: [0.0, 0.0])
sk = collections.defaultdict(lambda: [0.0, 0.0])
for k in keys:
    ent[k[1]][0] += ma[k]; ent[k[1]][1] += mb[k]
    sk[k[0]][0] += ma[k]; sk[k[0]][1] += mb[k]
print("entries that changed most (s):")
order = sorted(ent.items(), key=lambda kv: kv[1][1] - kv[1][0])
for e, v in order[:12] + order[max(12, len(order) - 3):]:
    print(f"  {e:18s} {v[0] / 1000:7.2f} -> {v[1] / 1000:7.2f} ({pct(v):s})")
print("per sketch (s):")
for s, v in sorted(sk.items()):
    print(f"  {s:18s} {v[0] / 1000:7.2f} -> {v[1] / 1000:7.2f} ({pct(v):s})")
moved = [(B[0][k][2] - A[0][k][2], k) for k in keys if abs(B[0][k][2] - A[0][k][2]) > 0.01]
status = [k for k in keys if A[0][k][3] != B[0][k][3] or (A[0][k][2] != A[0][k][2]) != (B[0][k][2] != B[0][k][2])]
print(f"log-likelihoods moved by more than 0.01: {len(moved)}; status or NaN changed: {len(status)}; "
      f"evaluation counts equal: {sum(1 for k in keys if A[0][k][1] == B[0][k][1])} of {len(keys)}")
for d, k in sorted(moved):
    print(f"  {k[0]:18s} {k[1]:18s} {d:+.4f}")
for k in status:
    print(f"  {k[0]:18s} {k[1]:18s} {A[0][k][2]} ({A[0][k][3]}) -> {B[0][k][2]} ({B[0][k][3]})")
PY
rm -rf "$W"
