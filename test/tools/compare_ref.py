"""Reference values of test/sql/compare.sql (fit_histogram_compare), computed
independently with scipy on the very same data:

    /usr/bin/python3 test/tools/compare_ref.py

The data sets are integer formulas (the same in SQL and here; every value is
an integer divided by a power of ten or multiplied once, correctly rounded in
both), so no data file is needed:
  ea  i = 1..800:   (i * 2654435761 % 1000003) % 500 / 10.0        exact, ties
  eb  i = 1..700:   (i * 40503 % 1000003) % 600 / 10.0 + 2.0       exact, ties
  ba  i = 1..20000: (i * 2654435761 % 1000003) / 1000.0            binned
  bb  i = 1..20000: (i * 40503 % 999983) / 1000.0 * 1.1 + 5.0      binned
  bc  i = 1..20000: (i * 40503 % 999983) / 20000.0 + 2.0           binned
Exact pairs: KS and its p-value from scipy.stats.ks_2samp(method='asymp'),
W1 from scipy.stats.wasserstein_distance, PSI from its definition with
numpy's inverted-cdf deciles of the first sample.  Binned pairs: the
sketch's keys are rebuilt here from the IEEE bit patterns (sketch.h) at the
common level; the KS lower bound is ks_2samp on the keys (the data rounded to
the common bins), the upper bound, PSI and the linear-in-bins W1 (dense-grid
integration) from the bins, and scipy's D and W1 on the raw data must lie in
the stated bounds.
"""
import struct

import numpy as np
from scipy import stats

MAX_BINS = 3000


def okey(x):
    b = struct.unpack("<q", struct.pack("<d", x))[0]
    return b if b >= 0 else -(b & 0x7FFFFFFFFFFFFFFF)


def from_ordered(o):
    b = o if o >= 0 else -o
    if b >= 0x7FF0000000000000:
        return float("inf") if o >= 0 else float("-inf")
    x = struct.unpack("<d", struct.pack("<q", b))[0]
    return x if o >= 0 else -x


def level_of(xs):
    keys = [okey(x) for x in xs]
    for L in range(64):
        if len(set(k >> L for k in keys)) <= MAX_BINS:
            return L


def psi(a, b):
    """PSI over the inverted-cdf deciles of a; zero fractions -> 1e-4."""
    a = np.sort(np.asarray(a))
    b = np.sort(np.asarray(b))
    t = [np.quantile(a, k / 10, method="inverted_cdf") for k in range(1, 10)]
    ca = [0] + [np.searchsorted(a, v, "right") for v in t] + [len(a)]
    cb = [0] + [np.searchsorted(b, v, "right") for v in t] + [len(b)]
    s, nbins = 0.0, 0
    for k in range(10):
        p = (ca[k + 1] - ca[k]) / len(a)
        q = (cb[k + 1] - cb[k]) / len(b)
        if p == 0 and q == 0:
            continue
        p, q = (p if p > 0 else 1e-4), (q if q > 0 else 1e-4)
        s += (q - p) * np.log(q / p)
        nbins += 1
    return s, nbins


def bins_of(xs, L):
    """Own bins of a sketch at level L: sorted keys, counts, clipped edges."""
    keys, counts = np.unique([okey(x) >> L for x in xs], return_counts=True)
    lo = np.array([from_ordered(int(k) << L) for k in keys])
    hi = np.array([from_ordered((int(k) + 1) << L) for k in keys])
    if L == 0:
        hi = lo.copy()
    else:
        lo = np.maximum(lo, min(xs))
        hi = np.minimum(hi, max(xs))
    return keys, counts, lo, hi


def ks_upper(ka, kb):
    """max over common bins of max(A_j - B_{j-1}, B_j - A_{j-1})."""
    ka, kb = np.sort(ka), np.sort(kb)
    u = np.unique(np.concatenate([ka, kb]))
    A = np.searchsorted(ka, u, "right") / len(ka)
    B = np.searchsorted(kb, u, "right") / len(kb)
    A0 = np.concatenate([[0.0], A[:-1]])
    B0 = np.concatenate([[0.0], B[:-1]])
    return max(np.max(A - B0), np.max(B - A0))


def linear_cdf(xs, L):
    """Knots (x, F) of the cdf linear inside each clipped bin."""
    keys, counts, lo, hi = bins_of(xs, L)
    cum = np.cumsum(counts) / len(xs)
    before = np.concatenate([[0.0], cum[:-1]])
    px = np.ravel(np.column_stack([lo, hi]))
    py = np.ravel(np.column_stack([before, cum]))
    err = np.sum((hi - lo) * counts / len(xs))
    return px, py, err


def w_linear(a, La, b, Lb):
    """W1 of the linear-in-bins cdfs by trapezoids on a dense grid (binned sketches)."""
    pxa, pya, ea = linear_cdf(a, La)
    pxb, pyb, eb = linear_cdf(b, Lb)
    grid = np.unique(np.concatenate([pxa, pxb,
                                     np.linspace(min(pxa[0], pxb[0]), max(pxa[-1], pxb[-1]), 2000001)]))
    g = np.abs(np.interp(grid, pxa, pya, 0, 1) - np.interp(grid, pxb, pyb, 0, 1))
    return np.trapz(g, grid), ea + eb


def data():
    ea = [(i * 2654435761 % 1000003) % 500 / 10.0 for i in range(1, 801)]
    eb = [(i * 40503 % 1000003) % 600 / 10.0 + 2.0 for i in range(1, 701)]
    ba = [(i * 2654435761 % 1000003) / 1000.0 for i in range(1, 20001)]
    bb = [(i * 40503 % 999983) / 1000.0 * 1.1 + 5.0 for i in range(1, 20001)]
    bc = [(i * 40503 % 999983) / 20000.0 + 2.0 for i in range(1, 20001)]
    return ea, eb, ba, bb, bc


def main():
    ea, eb, ba, bb, bc = data()
    print("exact ea vs eb (levels %d %d)" % (level_of(ea), level_of(eb)))
    r = stats.ks_2samp(ea, eb, method="asymp")
    print("  ks %.17g  p %.17g" % (r.statistic, r.pvalue))
    print("  W  %.17g" % stats.wasserstein_distance(ea, eb))
    print("  psi %.17g bins %d" % psi(ea, eb))
    print("  reversed: psi %.17g bins %d" % psi(eb, ea))

    La, Lb = level_of(ba), level_of(bb)
    L = max(La, Lb)
    print("binned ba vs bb (levels %d %d, common %d)" % (La, Lb, L))
    ka = [okey(x) >> L for x in ba]
    kb = [okey(x) >> L for x in bb]
    r = stats.ks_2samp(ka, kb, method="asymp")
    print("  ks lower %.17g  p %.17g  upper %.17g" % (r.statistic, r.pvalue, ks_upper(ka, kb)))
    print("  raw data: ks %.17g  W %.17g" % (stats.ks_2samp(ba, bb).statistic,
                                             stats.wasserstein_distance(ba, bb)))
    print("  psi %.17g bins %d" % psi(ka, kb))
    w, err = w_linear(ba, La, bb, Lb)
    print("  W linear-in-bins %.17g  error bound %.17g" % (w, err))

    Lc = level_of(bc)
    print("mixed ea (exact) vs bc (binned, level %d)" % Lc)
    ka = [okey(x) >> Lc for x in ea]
    kb = [okey(x) >> Lc for x in bc]
    r = stats.ks_2samp(ka, kb, method="asymp")
    print("  ks lower %.17g  p %.17g  upper %.17g" % (r.statistic, r.pvalue, ks_upper(ka, kb)))
    print("  raw data: ks %.17g  W %.17g" % (stats.ks_2samp(ea, bc).statistic,
                                             stats.wasserstein_distance(ea, bc)))
    print("  W error bound (bc's bins) %.17g" % linear_cdf(bc, Lc)[2])
    print("  psi %.17g bins %d" % psi(ka, kb))


if __name__ == "__main__":
    main()
