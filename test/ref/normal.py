"""Reference parameter sets of src/catalogue/continuous/normal.c: the normal distribution and the families built directly on
Phi and phi: norm, halfnorm (|Z|), foldnorm (|Z + c|), truncnorm (Z
restricted to [a, b]), skewnorm (Azzalini: 2 phi(z) Phi(a z)), exponnorm
(Z + an exponential), powernorm and powerlognorm (the minimum of c
normals / lognormals: F = 1 - Phi(-z)^c), crystalball (normal core with
a power-law tail), alpha (1 / Z for Z normal truncated to z > 0) and
argus (cdf through Phi and phi of chi sqrt(1 - z^2))."""
import math

from scipy import integrate, optimize
import numpy as np
import scipy.special as sc
import scipy.stats as st

from refcommon import Entry, LOCSCALE, accurate_ppf, quad500

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("norm", (), LOCSCALE, ((), 10.0, 2.0)),
    Entry("halfnorm", (),
          [((), 1.5, 2.0), ((), -40.0, 0.1), ((), 1.0e3, 50.0)],
          ((), 1.0, 2.0)),
    Entry("foldnorm", ("c",),
          [((0.0,), 1.0, 2.0), ((0.5,), -3.0, 5.0), ((2.0,), 10.0, 0.5), ((8.0,), 0.0, 1.5)],
          ((1.2,), 1.0, 2.0)),
    Entry("truncnorm", ("a", "b"),
          [((-1.0, 2.0), 1.0, 2.0), ((10.0, 20.0), -3.0, 5.0), ((-30.0, -25.0), 10.0, 0.5),
           ((-0.2, 0.3), 0.0, 1.0), ((-2.0, 40.0), 5.0, 3.0)],
          ((-1.0, 1.5), 1.0, 2.0)),
    Entry("skewnorm", ("a",),
          [((-6.0,), 1.0, 2.0), ((-0.7,), -3.0, 5.0), ((0.0,), 0.0, 1.0), ((1.5,), 10.0, 0.5),
           ((25.0,), 2.0, 3.0)],
          ((4.0,), 1.0, 2.0)),
    Entry("exponnorm", ("K",),
          [((0.05,), 1.0, 2.0), ((0.8,), -3.0, 5.0), ((3.0,), 10.0, 0.5), ((20.0,), 0.0, 1.0)],
          ((1.5,), 2.0, 3.0)),
    Entry("powernorm", ("c",),
          [((0.2,), 1.0, 2.0), ((1.0,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((50.0,), 0.0, 3.0)],
          ((3.0,), 1.0, 2.0)),
    Entry("powerlognorm", ("c", "s"),
          [((0.5, 0.3), 1.0, 2.0), ((2.0, 1.0), -3.0, 5.0), ((10.0, 2.5), 10.0, 0.5)],
          ((2.0, 0.5), 1.0, 2.0)),
    Entry("crystalball", ("beta", "m"),
          [((0.3, 1.5), 1.0, 2.0), ((1.5, 3.0), -3.0, 5.0), ((3.0, 10.0), 10.0, 0.5)],
          ((1.5, 3.0), 1.0, 2.0)),
    Entry("alpha", ("a",),
          [((0.3,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 100.0, 20.0)],
          ((2.0,), 1.0, 2.0)),
    Entry("argus", ("chi",),
          [((0.05,), 1.0, 2.0), ((1.0,), -3.0, 5.0), ((3.0,), 10.0, 0.5), ((12.0,), 0.0, 1.0)],
          ((2.0,), 1.0, 3.0)),
]

# ---------------------------------------------------------------------------
# ACCURATE: where scipy 1.10 itself is off by more than 1e-9 (see each).
# Independent formulas: adaptive quadrature (QUADPACK, relative tolerance
# 1e-13) of integrands scaled to O(1), scipy.special's log_ndtr/ndtri_exp,
# and root finding on log cdf (log sf above p = 1/2) for the quantiles.
# ---------------------------------------------------------------------------

def _norm_mass(lo, hi):
    """Phi(hi) - Phi(lo), relative accuracy: quadrature of
    exp(-(t^2 - c^2)/2) with c the end nearest 0, times phi(c)."""
    if lo >= hi:
        return 0.0
    if lo <= 0.0 <= hi:
        return 1.0 - float(sc.ndtr(lo)) - float(sc.ndtr(-hi)) if (hi - lo) > 1.0 else \
            quad500(lambda t: math.exp(-0.5 * t * t), lo, hi) / math.sqrt(2 * math.pi)
    c = lo if lo > 0 else hi
    return math.exp(-0.5 * c * c) / math.sqrt(2 * math.pi) * \
        quad500(lambda t: math.exp(-0.5 * (t - c) * (t + c)), lo, hi)


# foldnorm: scipy's cdf Phi(z - c) + Phi(z + c) - 1 cancels near z = 0 (lower tail).
# Below z = 1 the mass of [c - z, c + z] from its midpoint and half-width,
# phi(c) Int_-z^z exp(-t^2/2 + t c) dt, without forming c -+ z (which round
# away z's digits when z is far below c: 1e-7 off at c = 0.5, z = 1.4e-10).
def _foldnorm_cdf(z, c):
    if z <= 0:
        return 0.0
    if z < 1.0:
        return math.exp(-0.5 * c * c) / math.sqrt(2 * math.pi) * \
            quad500(lambda t: math.exp(t * (c - 0.5 * t)), -z, z)
    return _norm_mass(c - z, c + z)


def _foldnorm_sf(z, c):
    return float(sc.ndtr(c - z) + sc.ndtr(-c - z)) if z > 0 else 1.0


# powernorm / powerlognorm: scipy's 1 - Phi(-z)^c and -Phi^-1((1 - p)^(1/c))
# lose in the lower tail.
def _powernorm_cdf(z, c):
    return -math.expm1(c * float(sc.log_ndtr(-z)))


def _powernorm_ppf(p, c):
    return -float(sc.ndtri_exp(math.log1p(-p) / c))


def _powerlognorm_cdf(z, c, s):
    return _powernorm_cdf(math.log(z) / s, c) if z > 0 else 0.0


def _powerlognorm_ppf(p, c, s):
    return math.exp(s * _powernorm_ppf(p, c))


# skewnorm: Boost's cdf and scipy's fallback (quad of the pdf with default
# tolerances below 1e-6) are off in the lower tail for a > 0.  Owen's
# T(h, a) = (1/2pi) int_0^atan(a) exp(-h^2/(2 cos^2 t)) dt, and the tail
# F(z) = (1/pi) int_atan(a)^(pi/2) exp(-z^2/(2 cos^2 t)) dt for z < 0 < a,
# each scaled by its largest value.
def _owent(h, a):
    if a == 0:
        return 0.0
    ta = math.atan(abs(a))
    v = math.exp(-0.5 * h * h) * quad500(lambda t: math.exp(-0.5 * h * h * math.tan(t) ** 2), 0.0, ta)
    return math.copysign(v / (2 * math.pi), a)


def _skew_F(z, a):
    if a > 0 and z < 0:
        c = 0.5 * z * z * (1 + a * a)
        v = quad500(lambda t: math.exp(-0.5 * z * z / math.cos(t) ** 2 + c), math.atan(a), math.pi / 2)
        return math.exp(-c) * v / math.pi
    if a > 0:
        return 1.0 - (float(sc.ndtr(-z)) + 2 * _owent(z, a))
    return float(sc.ndtr(z)) - 2 * _owent(z, a)


def _skewnorm_cdf(z, a):
    return _skew_F(z, a)


def _skewnorm_sf(z, a):
    return _skew_F(-z, -a)


# truncnorm: scipy's log mass of a narrow far-tail interval cancels
# (log(Q(a) - Q(x)) for x near a = 10).
def _truncnorm_cdf(z, a, b):
    if z <= a:
        return 0.0
    if z >= b:
        return 1.0
    return _norm_mass(a, z) / _norm_mass(a, b)


def _truncnorm_sf(z, a, b):
    if z <= a:
        return 1.0
    if z >= b:
        return 0.0
    return _norm_mass(z, b) / _norm_mass(a, b)


# argus: scipy's cdf is 1 - sf (no relative accuracy for small z); the
# Gamma(3/2) mass of [Y, X] (X = chi^2/2, Y = X (1 - z^2)) as
# (4/sqrt(pi)) int s^2 exp(-s^2) ds over [sqrt Y, sqrt X], over P(3/2, X).
# The interval's width sqrt X - sqrt Y = X z^2 / (sqrt X + sqrt Y) without
# cancellation (as sqrt X - sqrt Y it lost all digits below z ~ 1e-8 and
# ~1e-5 relative at z = 1e-5), integrated over u = s - sqrt Y.
def _argus_cdf(z, chi):
    if z <= 0:
        return 0.0
    if z >= 1:
        return 1.0
    X = 0.5 * chi * chi
    Y = X * (1 - z) * (1 + z)
    sl = math.sqrt(Y)
    w = X * z * z / (math.sqrt(X) + sl)
    v = quad500(lambda u: (sl + u) ** 2 * math.exp(-u * (2 * sl + u)), 0.0, w)
    return math.exp(-Y) * v * 4 / math.sqrt(math.pi) / float(sc.gammainc(1.5, X))


def _argus_sf(z, chi):
    X = 0.5 * chi * chi
    return float(sc.gammainc(1.5, X * (1 - z) * (1 + z)) / sc.gammainc(1.5, X))


ACCURATE = {
    ("foldnorm", "cdf"): _foldnorm_cdf,
    ("foldnorm", "ppf"): accurate_ppf(_foldnorm_cdf, _foldnorm_sf, lo=0.0, z0=lambda p, c: c + 1.0),
    ("powernorm", "cdf"): _powernorm_cdf,
    ("powernorm", "ppf"): _powernorm_ppf,
    ("powerlognorm", "cdf"): _powerlognorm_cdf,
    ("powerlognorm", "ppf"): _powerlognorm_ppf,
    ("skewnorm", "cdf"): _skewnorm_cdf,
    ("skewnorm", "ppf"): accurate_ppf(_skewnorm_cdf, _skewnorm_sf, z0=0.0),
    ("truncnorm", "cdf"): _truncnorm_cdf,
    ("argus", "cdf"): _argus_cdf,
    ("argus", "ppf"): accurate_ppf(_argus_cdf, _argus_sf, lo=0.0, hi=1.0, z0=0.5),
}
