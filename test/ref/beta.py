"""Reference parameter sets of src/catalogue/continuous/beta.c: the beta family and its transformations on a bounded or
half-line support: beta, betaprime (z / (1 + z) is beta), f (a scaled
betaprime: Fisher's F), arcsine (beta(1/2, 1/2)), powerlaw (beta(a, 1)),
rdist (a symmetric beta on [-1, 1]), semicircular (Wigner's law, rdist
with c = 3) and gausshyper (the Gauss hypergeometric generalisation of
beta, Armero & Bayarri).  Each cdf is (or reduces to) the regularized
incomplete beta function I_x(a, b)."""
import math

import numpy as np
import scipy.integrate as _si
import scipy.optimize as _so
import scipy.special as _sc
import scipy.special as sc
import scipy.stats as _st

from refcommon import Entry, LOCSCALE

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("beta", ("a", "b"),
          [((0.5, 0.5), 1.0, 2.0), ((2.0, 5.0), -3.0, 5.0), ((8.0, 1.5), 10.0, 0.5),
           ((0.8, 3.0), -0.5, 7.0)],
          ((2.0, 5.0), 1.0, 3.0)),
    Entry("betaprime", ("a", "b"),
          [((0.5, 0.8), 1.0, 2.0), ((2.0, 3.0), -3.0, 5.0), ((8.0, 1.5), 10.0, 0.5),
           ((30.0, 50.0), 0.0, 1.0)],
          ((3.0, 5.0), 0.0, 2.0)),
    Entry("f", ("dfn", "dfd"),
          [((1.0, 1.5), 1.0, 2.0), ((5.0, 10.0), -3.0, 5.0), ((30.0, 4.5), 10.0, 0.5),
           ((0.5, 60.0), 0.0, 1.0)],
          ((6.0, 15.0), 1.0, 2.0)),
    Entry("arcsine", (), LOCSCALE, ((), 2.0, 5.0)),
    Entry("powerlaw", ("a",),
          [((0.4,), 1.0, 2.0), ((1.0,), -3.0, 5.0), ((3.0,), 10.0, 0.5), ((10.0,), -1.0, 3.0)],
          ((2.5,), 1.0, 3.0)),
    Entry("rdist", ("c",),
          [((0.6,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((5.0,), 10.0, 0.5), ((40.0,), -1.0, 3.0)],
          ((4.0,), 1.0, 2.0)),
    Entry("semicircular", (), LOCSCALE, ((), 1.0, 2.0)),
    Entry("gausshyper", ("a", "b", "c", "z"),
          [((0.7, 2.0, 1.5, 2.0), 1.0, 2.0), ((2.0, 0.6, -1.0, 0.5), -3.0, 5.0),
           ((13.8, 3.12, 2.51, 5.18), 10.0, 0.5), ((1.5, 4.0, 2.0, -0.8), 0.0, 1.0)],
          ((2.0, 3.0, 1.0, 1.5), 1.0, 3.0)),
]


def _semicircular_cdf(z):
    # scipy: 1/2 + (z sqrt(1 - z^2) + arcsin z) / pi cancels near z = -1;
    # here (t - sin t) / (2 pi), t = 2 arccos(-z), by its series for small t
    if z <= -1.0:
        return 0.0
    if z >= 1.0:
        return 1.0
    t = 2.0 * math.acos(-z)
    if t >= 1.0:
        return (t - math.sin(t)) / (2.0 * math.pi)
    term, total, n = t ** 3 / 6.0, 0.0, 3
    while abs(term) > 1e-18 * abs(total) or total == 0.0:
        total += term
        term *= -t * t / ((n + 1) * (n + 2))
        n += 2
    return total / (2.0 * math.pi)


# gausshyper cdf and ppf: scipy has no _cdf, so rv_continuous integrates the
# pdf with quad at its default tolerance (1.5e-8) from 0, which is off by
# 7e-6 relative at p = 1e-6 for a = 1.5, b = 4, c = 2, z = -0.8; its ppf
# (brentq on that cdf) inherits the error.  Here quad with the algebraic
# weight of the endpoint singularity (t^(a-1) on [0, min(z, 1/2)],
# (1-t)^(b-1) on [max(z, 1/2), 1]) at 1e-13 relative, each tail as a sum of
# positive pieces; the ppf by brentq on the tail that is below 1/2.
def _gh_norm(a, b, c, zz):
    return _sc.beta(a, b) * _sc.hyp2f1(c, a, a + b, -zz)


def _gh_tail(x, a, b, c, zz, upper):
    tol = dict(epsabs=0.0, epsrel=1e-13, limit=200)
    def lo_piece(u):        # integral over [0, u], u <= 1/2
        return _si.quad(lambda t: (1 - t) ** (b - 1) * (1 + zz * t) ** (-c), 0.0, u,
                        weight="alg", wvar=(a - 1, 0), **tol)[0]
    def hi_piece(u):        # integral over [u, 1], u >= 1/2
        return _si.quad(lambda t: t ** (a - 1) * (1 + zz * t) ** (-c), u, 1.0,
                        weight="alg", wvar=(0, b - 1), **tol)[0]
    def mid(u, v):
        return _si.quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1) * (1 + zz * t) ** (-c), u, v, **tol)[0]
    if x <= 0:
        return 1.0 if upper else 0.0
    if x >= 1:
        return 0.0 if upper else 1.0
    if not upper:
        s = lo_piece(x) if x <= 0.5 else lo_piece(0.5) + mid(0.5, x)
    else:
        s = hi_piece(x) if x >= 0.5 else mid(x, 0.5) + hi_piece(0.5)
    return s / _gh_norm(a, b, c, zz)


def _gausshyper_cdf(x, a, b, c, zz):
    return _gh_tail(x, a, b, c, zz, False)


def _gausshyper_ppf(p, a, b, c, zz):
    if p <= 0.5:
        f = lambda x: _gh_tail(x, a, b, c, zz, False) - p
    else:
        f = lambda x: (1.0 - p) - _gh_tail(x, a, b, c, zz, True)
    return _so.brentq(f, 0.0, 1.0, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=400)


ACCURATE = {
    ("semicircular", "cdf"): _semicircular_cdf,
    ("gausshyper", "cdf"): _gausshyper_cdf,
    ("gausshyper", "ppf"): _gausshyper_ppf,
}
