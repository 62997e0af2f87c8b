"""Reference parameter sets of src/catalogue/continuous/test_statistics.c: distributions of test statistics: ksone
(Smirnov's one-sided D_n^+), kstwo (the two-sided Kolmogorov-Smirnov
D_n), kstwobign (its limit sqrt(n) D_n, the Kolmogorov distribution) and
studentized_range (Tukey's range of k normals over an independent chi
estimate of the sd)."""
from fractions import Fraction
import math
import warnings

from scipy import LowLevelCallable, integrate, special
from scipy.stats import _stats
from scipy.stats import rv_continuous
import ctypes
import numpy as np
import scipy.integrate as integrate
import scipy.optimize as optimize
import scipy.special as sc
import scipy.stats as st

from refcommon import Entry, LOCSCALE

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("ksone", ("n",),
          [((1,), 1.0, 2.0), ((5,), -3.0, 5.0), ((20,), 10.0, 0.5), ((100,), 0.0, 3.0),
           ((1000,), 2.0, 4.0)],
          ((10,), 0.0, 1.0)),
    Entry("kstwo", ("n",),
          [((1,), 1.0, 2.0), ((3,), -3.0, 5.0), ((10,), 10.0, 0.5), ((50,), 0.0, 3.0),
           ((200,), 2.0, 4.0)],
          ((10,), 0.0, 1.0)),
    Entry("kstwobign", (), LOCSCALE, ((), 1.0, 2.0)),
    Entry("studentized_range", ("k", "df"),
          [((3.0, 10.0), 1.0, 2.0), ((5.0, 30.0), -3.0, 5.0), ((10.0, 4.0), 10.0, 0.5)],
          ((4.0, 20.0), 1.0, 2.0)),
]


# scipy 1.10's kstwobign.pdf is off by up to 2e-8 relative below x = 1 (it
# differentiates a series truncated too early).  Reference: the derivative of
# Kolmogorov's theta-function form K(x) = sqrt(2 pi)/x sum_k exp(-a_k/x^2),
# a_k = (2k-1)^2 pi^2 / 8, below x = 1, and of 1 - 2 sum (-1)^(k-1)
# exp(-2 k^2 x^2) above (both converge to double precision in < 20 terms).
def _kstwobign_pdf(x):
    if x <= 0:
        return 0.0
    if x < 1.0:
        tot = 0.0
        for k in range(1, 40):
            a = (2 * k - 1) ** 2 * math.pi ** 2 / 8.0
            tot += math.exp(-a / (x * x)) * (2.0 * a / x ** 4 - 1.0 / (x * x))
        return math.sqrt(2.0 * math.pi) * tot
    tot = 0.0
    for k in range(1, 60):
        tot += (-1) ** (k - 1) * k * k * math.exp(-2.0 * k * k * x * x)
    return 8.0 * x * tot


def _nquad(q, k, df, what):
    if q <= 0:
        return 0.0
    sym = {"cdf": "_studentized_range_cdf", "pdf": "_studentized_range_pdf"}[what]
    lc = getattr(_stats, sym + "_logconst")(k, df)
    ud = np.array([q, k, df, lc], float).ctypes.data_as(ctypes.c_void_p)
    llc = LowLevelCallable.from_cython(_stats, sym, ud)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return integrate.nquad(llc, ranges=[(-np.inf, np.inf), (0, np.inf)],
                               opts=dict(epsabs=0, epsrel=1e-13, limit=200))[0]


def _Q(x):
    return special.ndtr(-x)


def _inner(k, w, what):
    n = k - 1.0
    if what == "cdf":
        def f(z):
            b = special.ndtr(z + w) - special.ndtr(z) if z + w <= 0 else (
                _Q(z) - _Q(z + w) if z >= 0 else 1.0 - _Q(z + w) - special.ndtr(z))
            return 0.0 if b <= 0 else math.exp(-0.5 * z * z + n * math.log(b)) / math.sqrt(2 * math.pi)
    elif what == "sf":
        def f(z):
            a, c = _Q(z), _Q(z + w)
            if a <= 0:
                return 0.0
            if c >= a:
                return math.exp(-0.5 * z * z + n * math.log(a)) / math.sqrt(2 * math.pi)
            return -math.exp(-0.5 * z * z + n * math.log(a)) * math.expm1(n * math.log1p(-c / a)) \
                / math.sqrt(2 * math.pi)
    else:
        def f(z):
            b = special.ndtr(z + w) - special.ndtr(z) if z + w <= 0 else (
                _Q(z) - _Q(z + w) if z >= 0 else 1.0 - _Q(z + w) - special.ndtr(z))
            if b <= 0:
                return 0.0
            return math.exp(-0.5 * z * z - 0.5 * (z + w) ** 2 + (k - 2) * math.log(b)) / (2 * math.pi)
    pts = sorted(set([-w / 2.0, 0.0]))
    r = integrate.quad(f, -w - 10.0, 10.0, points=pts, epsabs=0, epsrel=1e-13, limit=200)[0]
    return (k * (k - 1) if what == "pdf" else k) * r


def _outer(q, k, df, what):
    """Independent quadrature of the defining integrals (outer t = log s)."""
    if q <= 0:
        return {"cdf": 0.0, "sf": 1.0, "pdf": math.nan}[what]
    logc = 0.5 * df * math.log(df) - special.gammaln(0.5 * df) - (0.5 * df - 1) * math.log(2.0)

    def g(t):
        s = math.exp(t)
        lg = logc + df * t - 0.5 * df * s * s + (t if what == "pdf" else 0.0)
        if lg < -745:
            return 0.0
        return math.exp(lg) * _inner(k, q * s, what)
    sig = 1.0 / math.sqrt(2.0 * df)
    lo = min(0.0, -math.log(q)) - 70.0 / df - 4.0
    hi = 0.5 * math.log(1.0 + 2.0 * (900.0 / df + 4.0 + 2.0 * abs(math.log(q)))) + 1.0
    pts = [p for p in (-math.log(q), -5 * sig, -sig, 0.0, sig, 5 * sig) if lo < p < hi]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return integrate.quad(g, lo, hi, points=sorted(set(pts)), epsabs=0, epsrel=1e-13, limit=400)[0]


def _sr_ppf(p, k, df):
    import scipy.stats as st
    z = float(st.studentized_range.ppf(p, k, df))
    for _ in range(10):
        f = _nquad(z, k, df, "pdf")
        r = _nquad(z, k, df, "cdf") - p if p <= 0.99 else (1.0 - p) - _outer(z, k, df, "sf")
        dz = r / f
        z -= dz
        if abs(dz) <= 1e-14 * z:
            break
    return z


ACCURATE = {
    ("kstwobign", "pdf"): _kstwobign_pdf,
    ("studentized_range", "pdf"): lambda z, k, df: _nquad(z, k, df, "pdf"),
    ("studentized_range", "cdf"): lambda z, k, df: _nquad(z, k, df, "cdf"),
    ("studentized_range", "ppf"): _sr_ppf,
}


ACCURACY_BOUNDS = {
    ("kstwo", "pdf"): 2e-3,
}
