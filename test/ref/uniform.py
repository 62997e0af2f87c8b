"""Reference parameter sets of src/catalogue/continuous/uniform.c: the uniform distribution and shapes on a bounded
interval with elementary closed forms: uniform, triang and trapezoid
(piecewise-linear densities), bradford (density proportional to
1 / (1 + c z)), loguniform (uniform in log z), anglit (cos(2z) on
[-pi/4, pi/4]), cosine (raised cosine on [-pi, pi]) and irwinhall (the
sum of n independent uniforms)."""
from fractions import Fraction
import math

from scipy.stats import rv_continuous
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
    Entry("uniform", (),
          [((), 2.0, 5.0), ((), -1.0, 0.5), ((), 1.0e3, 10.0)],
          ((), 2.0, 5.0)),
    Entry("triang", ("c",),
          [((0.15,), 1.0, 2.0), ((0.5,), -3.0, 5.0), ((0.9,), 10.0, 0.5)],
          ((0.3,), 1.0, 4.0)),
    # scipy 1.10's trapezoid.fit stops at c = d = 1 for every sample tried
    # (log-likelihood ~370 below the truth at 1,000 rows): ours has to beat it.
    Entry("trapezoid", ("c", "d"),
          [((0.2, 0.8), 1.0, 2.0), ((0.0, 0.5), -3.0, 5.0), ((0.5, 1.0), 10.0, 0.5),
           ((0.3, 0.3), -1.0, 3.0), ((0.0, 1.0), 2.0, 1.5)],
          ((0.2, 0.7), 1.0, 3.0)),
    Entry("bradford", ("c",),
          [((0.3,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((15.0,), 10.0, 0.5), ((200.0,), -0.5, 7.0)],
          ((1.0,), 1.0, 4.0)),
    Entry("loguniform", ("a", "b"),
          [((0.5, 4.0), 1.0, 2.0), ((1.0, 1000.0), -3.0, 5.0), ((3.0, 3.5), 10.0, 0.5),
           ((2e-3, 50.0), -1.0, 1.5)],
          ((1.0, 50.0), 0.0, 1.0)),
    Entry("anglit", (), LOCSCALE, ((), 10.0, 2.0)),
    Entry("cosine", (), LOCSCALE, ((), 10.0, 2.0)),
    Entry("irwinhall", ("n",),
          [((1,), 1.0, 2.0), ((2,), -3.0, 5.0), ((5,), 10.0, 0.5), ((20,), 0.0, 3.0),
           ((60,), -100.0, 4.0)],
          ((4,), 2.0, 3.0)),
]


# Where scipy.stats itself is off by more than 1e-9 (standardized z or p):
#   anglit cdf  scipy: sin(z + pi/4)**2 with z + pi/4 rounded in double; at
#               the lower end (p = 1e-10 with scale 0.05: z + pi/4 = 3e-14)
#               the rounding of pi/4 costs ~2e-3 relative.  Here pi/4 is
#               split into a double and its remainder, so z + pi/4 is exact
#               to ~1e-32 (agrees with 50-digit mpmath to 1e-16).
_PI4_HI = 0.78539816339744827900      # float(pi/4)
_PI4_LO = 3.06161699786838294307e-17  # pi/4 - float(pi/4)


def _anglit_cdf(z):
    import math
    if z <= -_PI4_HI:
        return 0.0
    if z >= _PI4_HI:
        return 1.0
    if z > 0:
        return 1.0 - math.sin((_PI4_HI - z) + _PI4_LO) ** 2
    return math.sin((z + _PI4_HI) + _PI4_LO) ** 2


def _loguniform_cdf(z, a, b):
    # scipy: (log z - log a) / log(b/a) cancels near z = a (when a != 1)
    if z <= a:
        return 0.0
    if z >= b:
        return 1.0
    return math.log1p((z - a) / a) / math.log(b / a)


# ---------------------------------------------------------------------------
# irwinhall(n): sum of n uniform(0, 1) (Irwin 1927, Hall 1927):
#   F(x) = sum_{k=0}^{floor(x)} (-1)^k C(n, k) (x - k)^n / n!
#   f(x) = sum_{k=0}^{floor(x)} (-1)^k C(n, k) (x - k)^(n-1) / (n-1)!
# evaluated EXACTLY in rational arithmetic (fractions; the float x is an
# exact rational), so the cancellation of the alternating sum costs nothing;
# sf(x) = F(n - x) by symmetry.
# ---------------------------------------------------------------------------
def _ih_sum(n, x, power):
    x = Fraction(x)
    s = Fraction(0)
    for k in range(0, min(int(math.floor(x)), n) + 1):
        s += (-1) ** k * math.comb(n, k) * (x - k) ** power
    return s / math.factorial(power)


def _ih_cdf(x, n):
    n = int(n)
    if x <= 0:
        return 0.0
    if x >= n:
        return 1.0
    if x > n / 2:
        return float(1 - _ih_sum(n, n - Fraction(x), n))
    return float(_ih_sum(n, x, n))


def _ih_sf(x, n):
    n = int(n)
    return _ih_cdf(n - Fraction(x), n) if 0 < x < n else (1.0 if x <= 0 else 0.0)


def _ih_pdf(x, n):
    n = int(n)
    if x < 0 or x > n:
        return 0.0
    if n == 1:
        return 1.0
    if x > n / 2:
        x = n - Fraction(x)
    return float(_ih_sum(n, x, n - 1))


def _ih_ppf(p, n):
    n = int(n)
    if p <= 0:
        return 0.0
    if p >= 1:
        return float(n)
    if p > 0.5:
        return n - _ih_ppf(1.0 - p, n)      # 1 - p exact here
    lo = 0.0
    hi = n / 2.0
    # F(x) = x^n / n! below 1: start from the exact inverse there
    x1 = math.exp((math.log(p) + math.lgamma(n + 1)) / n)
    if x1 <= 1.0:
        return x1
    return optimize.brentq(lambda x: _ih_cdf(x, n) - p, max(lo, 1.0), hi, xtol=1e-300, rtol=8.9e-16)


class irwinhall_ref(rv_continuous):
    def _argcheck(self, n):
        return (n >= 1) & (n == np.round(n))

    def _get_support(self, n):
        return 0.0, n

    def _pdf(self, x, n):
        return np.vectorize(_ih_pdf, otypes=[float])(x, n)

    def _cdf(self, x, n):
        return np.vectorize(_ih_cdf, otypes=[float])(x, n)

    def _sf(self, x, n):
        return np.vectorize(_ih_sf, otypes=[float])(x, n)

    def _ppf(self, p, n):
        return np.vectorize(_ih_ppf, otypes=[float])(p, n)

    def _rvs(self, n, size=None, random_state=None):
        n = int(np.asarray(n).flat[0])
        u = random_state.uniform(size=(n,) + tuple(np.atleast_1d(size) if size is not None else ()))
        return u.sum(axis=0)


ACCURATE = {
    ("anglit", "cdf"): _anglit_cdf,
    ("loguniform", "cdf"): _loguniform_cdf,
}


REFERENCE = {
    "irwinhall": irwinhall_ref(name="irwinhall", shapes="n"),
}
