"""Reference parameter sets of src/catalogue/continuous/student_t.c: Student's t and its skewed generalisation: t (the
cdf through the incomplete beta function's continued fraction) and
jf_skew_t (Jones & Faddy's skew t, whose cdf is an incomplete beta of
(1 + z / sqrt(a + b + z^2)) / 2; a = b is t with 2a degrees of freedom)."""
from fractions import Fraction
import math

from scipy.stats import rv_continuous
import numpy as np
import scipy.integrate as integrate
import scipy.optimize as optimize
import scipy.special as sc
import scipy.stats as st

from refcommon import Entry, invert

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("t", ("df",),
          [((0.7,), 0.5, 1.3), ((1.5,), 2.0, 0.7), ((4.0,), -3.0, 2.5), ((25.0,), 100.0, 10.0)],
          ((5.0,), 3.0, 2.0)),
    Entry("jf_skew_t", ("a", "b"),
          [((2.5, 6.0), 1.0, 2.0), ((2.0, 2.0), -3.0, 5.0), ((5.0, 1.5), 10.0, 0.5),
           ((20.0, 40.0), 0.0, 3.0)],
          ((3.0, 6.0), 1.0, 2.0)),
]


# ---------------------------------------------------------------------------
# jf_skew_t(a, b): Jones & Faddy (2003), eq. (1) and (2):
#   f(x) = (1 + x/S)^(a+1/2) (1 - x/S)^(b+1/2) / (2^(a+b-1) B(a,b) sqrt(a+b)),
#   S = sqrt(a + b + x^2);  F(x) = I_t(a, b), t = (1 + x/S)/2.
# X = sqrt(a+b) (2T - 1) / (2 sqrt(T (1 - T))) with T ~ beta(a, b).
# ---------------------------------------------------------------------------
def _jf_tu(x, a, b):
    S = np.sqrt(a + b + x * x)
    pos = x >= 0
    with np.errstate(all="ignore"):
        tail = 0.5 * (a + b) / (S * (S + np.abs(x)))     # the small one of t, 1 - t
        other = 0.5 * (1.0 + np.abs(x) / S)
    t = np.where(pos, other, tail)
    u = np.where(pos, tail, other)
    return t, u


class jf_skew_t_ref(rv_continuous):
    def _argcheck(self, a, b):
        return (a > 0) & (b > 0)

    def _logpdf(self, x, a, b):
        t, u = _jf_tu(x, a, b)
        return ((a + 0.5) * np.log(2 * t) + (b + 0.5) * np.log(2 * u) - (a + b - 1) * np.log(2.0)
                - sc.betaln(a, b) - 0.5 * np.log(a + b))

    def _pdf(self, x, a, b):
        return np.exp(self._logpdf(x, a, b))

    def _cdf(self, x, a, b):
        t, u = _jf_tu(x, a, b)
        return np.where(t < 0.5, sc.betainc(a, b, t), sc.betaincc(a, b, t) if hasattr(sc, "betaincc")
                        else 1.0 - sc.betainc(b, a, u))

    def _sf(self, x, a, b):
        t, u = _jf_tu(x, a, b)
        return np.where(u < 0.5, sc.betainc(b, a, u), 1.0 - sc.betainc(a, b, t))

    def _ppf(self, p, a, b):
        return np.vectorize(self._ppf1, otypes=[float])(p, a, b)

    def _ppf1(self, p, a, b):
        cdf = lambda x: float(self._cdf(np.float64(x), a, b))
        sf = lambda x: float(self._sf(np.float64(x), a, b))
        t = sc.betaincinv(a, b, p)
        x0 = math.sqrt(a + b) * (2 * t - 1) / (2 * math.sqrt(t * (1 - t))) if 0 < t < 1 else 0.0
        lo, hi = x0 - 1.0, x0 + 1.0
        while cdf(lo) > p:
            lo = 2 * lo - 1.0
        while cdf(hi) < p:
            hi = 2 * hi + 1.0
        return invert(cdf, sf, p, lo, hi)

    def _rvs(self, a, b, size=None, random_state=None):
        t = random_state.beta(a, b, size=size)
        return np.sqrt(a + b) * (2 * t - 1) / (2 * np.sqrt(t * (1 - t)))


REFERENCE = {
    "jf_skew_t": jf_skew_t_ref(name="jf_skew_t", shapes="a, b"),
}
