"""Reference parameter sets of src/catalogue/discrete/hypergeometric.c:
hypergeom, nhypergeom, nchypergeom_fisher, nchypergeom_wallenius.

DISCRETE_ACCURATE gives exact or 40-digit references where scipy (1.10)
loses digits:
  hypergeom pmf, cdf, sf   scipy's (Boost) pmf is off by 1.5e-10 relative at
                  M = 1e6, n = 1e5, N = 2000, k = 192 (the exact fraction
                  C(n, k) C(M - n, N - k) / C(M, N) = 0.025299234313371676;
                  ours 0.025299234313371669, scipy 0.0252992343171).
                  Reference: the pmf from 40-digit log-gammas (hp_lgamma),
                  the tails by the ratio recurrence in decimal.
  nhypergeom pmf, cdf, sf   scipy's pmf is exp of a sum of betaln terms
                  (loses digits as M grows), its cdf sums those and its sf
                  is 1 - cdf.  Reference: exact integers (math.comb) and
                  fractions.
  nchypergeom_fisher pmf, cdf, sf   scipy uses BiasedUrn at accuracy 1e-12
                  and its sf is 1 - cdf.  Reference: the exact fractions
                  C(n, x) C(M - n, N - x) odds^x / sum (odds is a binary
                  fraction, exact as Fraction(odds)).
  nchypergeom_wallenius pmf, cdf, sf   as above (BiasedUrn).  Reference:
                  the draw-by-draw recursion (Fog 2008, "Calculation methods
                  for Wallenius' noncentral hypergeometric distribution",
                  eq. 8) in 40-digit decimal: all its terms are positive, so
                  it loses nothing; independent of our integral.
"""
import math
from decimal import Decimal, getcontext
from fractions import Fraction

from refcommon import DEntry

DISCRETE = [
    DEntry("hypergeom", ("M", "n", "N"),
           [((20, 7, 12), 0), ((500, 60, 200), 0), ((10**6, 10**5, 2000), 5), ((40, 3, 35), -2)],
           ((100, 30, 20), 0), False),
    DEntry("nhypergeom", ("M", "n", "r"),
           [((20, 7, 12), 0), ((500, 60, 200), 0), ((20000, 800, 300), 0), ((40, 30, 3), 2)],
           ((100, 30, 20), 0), False),
    DEntry("nchypergeom_fisher", ("M", "n", "N", "odds"),
           [((20, 7, 12, 2.5), 0), ((200, 60, 80, 0.3), 0), ((2000, 500, 700, 7.0), 3),
            ((50, 10, 45, 1.0), 0)],
           ((100, 30, 20, 2.0), 0), False),
    DEntry("nchypergeom_wallenius", ("M", "n", "N", "odds"),
           [((20, 7, 12, 2.5), 0), ((200, 60, 80, 0.3), 0), ((1000, 300, 400, 4.0), -1),
            ((50, 10, 45, 1.0), 0)],
           ((100, 30, 20, 2.0), 0), False),
]


def _fl(fr):
    return float(fr)


# ---- hypergeom: 40-digit decimal ----------------------------------------
def _hg_logpmf(k, M, n, N):
    from refcommon import hp_lgamma
    getcontext().prec = 45
    D = lambda v: Decimal(int(v))
    lc = lambda a, b: hp_lgamma(D(a) + 1) - hp_lgamma(D(b) + 1) - hp_lgamma(D(a - b) + 1)
    return lc(n, k) + lc(M - n, N - k) - lc(M, N)


def _hg_support(M, n, N):
    return max(0, int(N) - (int(M) - int(n))), min(int(n), int(N))


def _hg_pmf(k, M, n, N):
    lo, hi = _hg_support(M, n, N)
    if k != int(k) or k < lo or k > hi:
        return 0.0
    return float(_hg_logpmf(int(k), M, n, N).exp())


def _hg_sum(a, b, M, n, N):
    """sum of the pmf over a..b (inside the support) by the ratio recurrence"""
    if a > b:
        return Decimal(0)
    M, n, N = int(M), int(n), int(N)
    t = _hg_logpmf(a, M, n, N).exp()
    s = t
    for j in range(a, b):
        t = t * (n - j) * (N - j) / ((j + 1) * (M - n - N + j + 1))
        s += t
    return s


def _hg_cdf(k, M, n, N):
    lo, hi = _hg_support(M, n, N)
    k = math.floor(k)
    if k < lo:
        return 0.0
    if k >= hi:
        return 1.0
    return float(_hg_sum(lo, k, M, n, N))


def _hg_sf(k, M, n, N):
    lo, hi = _hg_support(M, n, N)
    k = math.floor(k)
    if k < lo:
        return 1.0
    if k >= hi:
        return 0.0
    return float(_hg_sum(k + 1, hi, M, n, N))


# ---- nhypergeom: exact --------------------------------------------------
def _nh_w(k, M, n, r):
    return math.comb(k + r - 1, k) * math.comb(M - r - k, n - k)


def _nh_pmf(k, M, n, r):
    M, n, r = int(M), int(n), int(r)
    if k != int(k) or k < 0 or k > n:
        return 0.0
    k = int(k)
    if r == 0:
        return 1.0 if k == 0 else 0.0
    return _fl(Fraction(_nh_w(k, M, n, r), math.comb(M, n)))


def _nh_cdf(k, M, n, r):
    M, n, r = int(M), int(n), int(r)
    k = math.floor(k)
    if k < 0:
        return 0.0
    if k >= n or r == 0:
        return 1.0
    return _fl(Fraction(sum(_nh_w(j, M, n, r) for j in range(0, k + 1)), math.comb(M, n)))


def _nh_sf(k, M, n, r):
    M, n, r = int(M), int(n), int(r)
    k = math.floor(k)
    if k < 0:
        return 1.0
    if k >= n or r == 0:
        return 0.0
    return _fl(Fraction(sum(_nh_w(j, M, n, r) for j in range(k + 1, n + 1)), math.comb(M, n)))


# ---- Fisher: exact fractions --------------------------------------------
_FCACHE = {}


def _fisher_table(M, n, N, odds):
    key = (M, n, N, odds)
    if key not in _FCACHE:
        M, n, N = int(M), int(n), int(N)
        w = Fraction(odds)
        lo, hi = max(0, N - (M - n)), min(n, N)
        ws = {x: math.comb(n, x) * math.comb(M - n, N - x) * w ** x for x in range(lo, hi + 1)}
        _FCACHE[key] = (lo, hi, ws, sum(ws.values()))
    return _FCACHE[key]


def _f_pmf(k, M, n, N, odds):
    lo, hi, ws, tot = _fisher_table(M, n, N, odds)
    if k != int(k) or k < lo or k > hi:
        return 0.0
    return _fl(ws[int(k)] / tot)


def _f_cdf(k, M, n, N, odds):
    lo, hi, ws, tot = _fisher_table(M, n, N, odds)
    k = math.floor(k)
    return _fl(sum(ws[x] for x in range(lo, min(k, hi) + 1)) / tot) if k >= lo else 0.0


def _f_sf(k, M, n, N, odds):
    lo, hi, ws, tot = _fisher_table(M, n, N, odds)
    k = math.floor(k)
    return _fl(sum(ws[x] for x in range(max(k + 1, lo), hi + 1)) / tot) if k < hi else 0.0


# ---- Wallenius: Fog's recursion over the draws, 40-digit decimal ---------
_WCACHE = {}


def _wal_table(M, n, N, odds):
    """P(x) after N draws: after each draw the count x of type I grows by
    one with probability odds (n - x) / (odds (n - x) + (m2 - (d - x)))."""
    key = (M, n, N, odds)
    if key not in _WCACHE:
        getcontext().prec = 45
        M, n, N = int(M), int(n), int(N)
        m2 = M - n
        w = Decimal(repr(float(odds)))
        P = {0: Decimal(1)}
        for d in range(N):          # d objects drawn so far
            Q = {}
            for x, pr in P.items():
                a = w * (n - x)
                b = Decimal(m2 - (d - x))
                tot = a + b
                if a > 0:
                    Q[x + 1] = Q.get(x + 1, Decimal(0)) + pr * a / tot
                if b > 0:
                    Q[x] = Q.get(x, Decimal(0)) + pr * b / tot
            P = Q
        lo, hi = max(0, N - m2), min(n, N)
        _WCACHE[key] = (lo, hi, P)
    return _WCACHE[key]


def _w_pmf(k, M, n, N, odds):
    lo, hi, P = _wal_table(M, n, N, odds)
    if k != int(k) or k < lo or k > hi:
        return 0.0
    return float(P.get(int(k), Decimal(0)))


def _w_cdf(k, M, n, N, odds):
    lo, hi, P = _wal_table(M, n, N, odds)
    k = math.floor(k)
    return float(sum((P[x] for x in range(lo, min(k, hi) + 1)), Decimal(0))) if k >= lo else 0.0


def _w_sf(k, M, n, N, odds):
    lo, hi, P = _wal_table(M, n, N, odds)
    k = math.floor(k)
    return float(sum((P[x] for x in range(max(k + 1, lo), hi + 1)), Decimal(0))) if k < hi else 0.0


DISCRETE_ACCURATE = {
    ("hypergeom", "pmf"): _hg_pmf,
    ("hypergeom", "cdf"): _hg_cdf,
    ("hypergeom", "sf"): _hg_sf,
    ("nhypergeom", "pmf"): _nh_pmf,
    ("nhypergeom", "cdf"): _nh_cdf,
    ("nhypergeom", "sf"): _nh_sf,
    ("nchypergeom_fisher", "pmf"): _f_pmf,
    ("nchypergeom_fisher", "cdf"): _f_cdf,
    ("nchypergeom_fisher", "sf"): _f_sf,
    ("nchypergeom_wallenius", "pmf"): _w_pmf,
    ("nchypergeom_wallenius", "cdf"): _w_cdf,
    ("nchypergeom_wallenius", "sf"): _w_sf,
}
