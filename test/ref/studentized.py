"""Reference parameter sets of the studentized range entry (src/families/studentized.c)."""
from refcommon import Entry

ENTRIES = [
    Entry("studentized_range", ("k", "df"),
          [((3.0, 10.0), 1.0, 2.0), ((5.0, 30.0), -3.0, 5.0), ((10.0, 4.0), 10.0, 0.5)],
          ((4.0, 20.0), 1.0, 2.0)),
]


# scipy 1.10 evaluates pdf and cdf by nquad at epsabs=1e-11, epsrel=1e-12, so
# values below ~1e-2 lose relative accuracy (lower tail: cdf 2.0e-14 at k=10,
# df=4, z=0.05 is off by 3e-4; upper tail: pdf 3.1e-8 at k=5, df=30, z=12 is
# off by 7e-7), and its ppf near p = 1 comes from 1 - cdf.  ACCURATE pdf and
# cdf: the same defining double integrals (scipy's compiled integrands) by
# nquad at epsabs=0, epsrel=1e-13; they agree to 1e-14 with the independent
# pure-Python quadrature _outer below (checked at tail points k=10, df=4,
# z=0.05, 0.3; k=5, df=30, z=12; k=3, df=10, z=12, 30).  ACCURATE ppf: Newton
# steps from scipy's ppf on that cdf (p <= 0.99) or on the upper tail in the
# complement form 1 - W(w) = k int phi(z) (Q(z)^(k-1) - (Q(z) - Q(z+w))^(k-1)) dz
# (_outer(..., "sf"), no cancellation; p > 0.99).
# Limitation of both references (not on this grid): their integrands form
# Phi(z + qs) - Phi(z) by subtraction, which loses ~eps / (q s) relative, so
# for k <= 2 at q < 1e-8 they are off by up to ~1e-7 (the C code integrates
# phi over [z, z + w] there; k = 2, df = 5, q = 1.86e-10: C 9.99999927953e-11,
# = q E[s] / sqrt(pi) to 1e-15; reference 9.99999968e-11).
import ctypes
import math
import warnings

import numpy as np
from scipy import LowLevelCallable, integrate, special
from scipy.stats import _stats


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
    ("studentized_range", "pdf"): lambda z, k, df: _nquad(z, k, df, "pdf"),
    ("studentized_range", "cdf"): lambda z, k, df: _nquad(z, k, df, "cdf"),
    ("studentized_range", "ppf"): _sr_ppf,
}
