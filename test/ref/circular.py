"""Reference parameter sets of src/catalogue/continuous/circular.c: laws of an angle: vonmises and vonmises_line (the
von Mises density exp(kappa cos z) / (2 pi I_0(kappa)) on [-pi, pi]; the
catalogue's vonmises is that density with loc the mean angle, identical
to vonmises_line, where scipy's is periodic on the real line) and
wrapcauchy (the Cauchy law wrapped onto [0, 2 pi]).  Both von Mises
tails are quadratures of the density (scipy uses Hill's series, Hill
1977, ACM TOMS 3, accurate only in absolute terms)."""
import math

import numpy as np
import scipy.integrate as integrate
import scipy.special as sc
import scipy.stats as st

from refcommon import Entry, polish_ppf, quad1000

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("vonmises", ("kappa",),
          [((0.5,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((20.0,), 10.0, 0.5)],
          ((2.0,), 0.0, 1.0)),
    Entry("vonmises_line", ("kappa",),
          [((0.5,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((2.0,), 0.0, 1.0)),
    Entry("wrapcauchy", ("c",),
          [((0.05,), 1.0, 2.0), ((0.5,), -3.0, 5.0), ((0.95,), 10.0, 0.5)],
          ((0.5,), 0.0, 1.0)),
]


# vonmises_line: scipy's cdf (Hill's series, 1977) is accurate only in
# absolute terms near -pi (4e-7 relative at p = 1e-10 for kappa = 0.5), and
# so is its ppf.  Reference: the tails as quad integrals of the density.
def _vm_pdf(z, kappa):
    return math.exp(kappa * sc.cosm1(z)) / (2.0 * math.pi * sc.i0e(kappa))


def _vm_lower(z, kappa):
    if z <= -math.pi:
        return 0.0
    return quad1000(lambda t: _vm_pdf(t, kappa), -math.pi, min(z, math.pi))


def _vm_upper(z, kappa):
    if z >= math.pi:
        return 0.0
    return quad1000(lambda t: _vm_pdf(t, kappa), max(z, -math.pi), math.pi)


def _vm_cdf(z, kappa):
    return _vm_lower(z, kappa) if z <= 0 else 1.0 - _vm_upper(z, kappa)


def _vm_ppf(p, kappa):
    if p == 0.5:
        return 0.0
    z0 = float(st.vonmises_line.ppf(p, kappa))
    return polish_ppf(p, z0, lambda z: _vm_lower(z, kappa), lambda z: _vm_upper(z, kappa),
                       lambda z: _vm_pdf(z, kappa), -math.pi, math.pi)


# vonmises: scipy's vonmises is circular: support the whole real line, pdf
# periodic (pdf(7) = pdf(7 - 2 pi)), cdf(x + 2 pi) = cdf(x) + 1, rvs wrapped
# into [-pi, pi] whatever loc and scale; its likelihood is unbounded as
# scale -> 0 and its fit degenerates (scale ~ 1e-29).  The catalogue's
# vonmises is the same density on [-pi, pi] (loc the mean angle, as scipy
# documents), i.e. vonmises_line's; this reference is that distribution with
# the accurate tails above (and numpy's von Mises generator for rvs).
class _vonmises_ref_gen(st.rv_continuous):
    def _argcheck(self, kappa):
        return kappa >= 0

    def _pdf(self, x, kappa):
        return np.exp(kappa * sc.cosm1(x)) / (2.0 * np.pi * sc.i0e(kappa))

    def _logpdf(self, x, kappa):
        return kappa * sc.cosm1(x) - np.log(2.0 * np.pi * sc.i0e(kappa))

    def _cdf(self, x, kappa):
        return np.vectorize(_vm_cdf, otypes=[float])(x, kappa)

    def _sf(self, x, kappa):
        return np.vectorize(lambda z, k: _vm_upper(z, k) if z >= 0 else 1.0 - _vm_lower(z, k),
                            otypes=[float])(x, kappa)

    def _ppf(self, q, kappa):
        return np.vectorize(lambda p, k: -math.pi if p == 0 else math.pi if p == 1 else _vm_ppf(p, k),
                            otypes=[float])(q, kappa)

    def _rvs(self, kappa, size=None, random_state=None):
        return random_state.vonmises(0.0, kappa, size=size)


ACCURATE = {
    ("vonmises_line", "cdf"): _vm_cdf,
    ("vonmises_line", "ppf"): _vm_ppf,
}


REFERENCE = {
    "vonmises": _vonmises_ref_gen(a=-np.pi, b=np.pi, name="vonmises", shapes="kappa"),
}
