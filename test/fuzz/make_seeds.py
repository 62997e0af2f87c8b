#!/usr/bin/python3
"""Writes the seed corpora of test/fuzz/corpus/ (run from the repository root).

fuzz_hist_text: the sketch texts of the regression tests (test/sql/*.sql).
fuzz_hist_binary: each of them in the receive wire format (first byte 0)
and as the in-memory value the deserialise path reads (first byte 1).
fuzz_dist: distribution texts.  fuzz_sketch_struct: inputs that build an
exact and a binned sketch and fit them (see fuzz_sketch_struct.c).
"""
import glob
import hashlib
import os
import re
import struct


def save(corpus, data):
    d = os.path.join("test/fuzz/corpus", corpus)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def parse(text):
    f = dict(kv.split("=", 1) for kv in text.split(";")[1:])
    bins = [tuple(int(v) for v in b.split(":")) for b in f["bins"].split(",") if b]
    return (int(text.split(";")[0][1:]), int(f["level"]), int(f["nan"]), int(f["posinf"]),
            int(f["neginf"]), float(f["min"]), float(f["max"]), bins)


texts = set()
for path in sorted(glob.glob("test/sql/*.sql")):
    texts.update(re.findall(r"'(v1;[^']*)'", open(path).read()))
for text in sorted(texts):
    save("fuzz_hist_text", text.encode())
    try:
        version, level, nan, pinf, ninf, lo, hi, bins = parse(text)
    except (ValueError, KeyError):
        continue
    if level > 0xFFFF or len(bins) > 3000:
        continue
    wire = struct.pack(">BBHiqqqdd", version, 0, level, len(bins), nan, pinf, ninf, lo, hi)
    wire += b"".join(struct.pack(">qq", k, c) for k, c in bins)
    save("fuzz_hist_binary", b"\0" + wire)
    size = 56 + 16 * len(bins)
    mem = struct.pack("<iBBHiiqqqdd", size, version, 0, level, len(bins), 0, nan, pinf, ninf, lo, hi)
    mem += b"".join(struct.pack("<q", k) for k, _ in bins)
    mem += b"".join(struct.pack("<q", c) for _, c in bins)
    save("fuzz_hist_binary", b"\1" + mem)

# fuzz_dist: distribution_recv's form (name, int16 count, float8s), then an op byte
# (pdf, cdf, sf, quantile; budget 63 * 4 polls) and a point
evaluations = [(0xFC, 0.5), (0xFD, 1e-300), (0xFE, -1e308), (0xFF, 0.5), (0xFF, 5e-324)]
for name, params in [("norm", [0, 1]), ("norm", [1, 2]), ("gamma", [2.5, 0, 3]),
                     ("beta", [0.5, 0.5, 0, 1]), ("t", [3, -1, 1]), ("truncnorm", [-1, 2, 0, 1]),
                     ("genextreme", [-0.3, 0, 1]), ("lognorm", [1e-300, 0, 1]),
                     ("pareto", [1e308, 0, 1]), ("levy_stable", [1.5, 0.5, 0, 1]),
                     ("poisson", [3, 0]), ("binom", [10, 0.3, 0]), ("irwinhall", [5, 0, 1])]:
    for op, x in evaluations:
        save("fuzz_dist", name.encode() + b"\0" + struct.pack(">h", len(params))
             + struct.pack(">%dd" % len(params), *params) + struct.pack(">Bd", op, x))

# fuzz_sketch_struct: a mode byte, then value tokens (or a binned structure), edits, fit
# flags and budget (see fuzz_sketch_struct.c)
exact = bytes([0, 4, 1, 5, 1, 7, 2, 0x01, 0x2c, 3, 10]) + bytes([0]) + bytes([3, 0x01, 0x00])
transition = bytes([0x80, 1, 4, 0, 0, 10, 0, 64]) + bytes([0]) + bytes([7, 0x00, 0x40])
level_up = bytes([0x80, 1, 4, 0, 0, 10, 0, 64]) + bytes([1, 12, 0] + [0] * 8) + bytes([3, 0x01, 0x00])
raw = bytes([0, 2, 0]) + struct.pack(">d", 1e308) + bytes([0]) + struct.pack(">d", -5e-324) + bytes([0, 1, 0, 0])
# binned from structure: level, bins (2 bytes), first key (8), 4 gaps, 4 counts, min and max
# offsets, NaN/+inf/-inf counts
binned = (bytes([3, 40]) + struct.pack(">H", 100) + struct.pack(">Q", 1 << 62) + bytes([0, 1, 2, 3])
          + bytes([0, 5, 0, 250]) + bytes([10, 200]) + bytes([0, 0, 0]) + bytes([0]) + bytes([0x27, 0x00, 0x80]))
binned_edits = (bytes([3, 12]) + struct.pack(">H", 1498) + struct.pack(">Q", 12345) + bytes([3, 3, 3, 3])
                + bytes([0, 0, 0, 0]) + bytes([0, 255]) + bytes([1, 2, 3])
                + bytes([2, 3, 0] + [0] * 8 + [0, 0] + [0] * 7 + [0xff])
                + bytes([0x0b, 0x00, 0x20]))
for data in (exact, transition, level_up, raw, binned, binned_edits):
    save("fuzz_sketch_struct", data)

# fuzz_dist_text: the distribution texts of the regression tests (test/sql/*.sql)
dist_texts = set()
for path in sorted(glob.glob("test/sql/*.sql")):
    dist_texts.update(re.findall(r"'([a-z_0-9]+ *\([^']*\))'", open(path).read()))
for text in sorted(dist_texts):
    save("fuzz_dist_text", text.encode())
