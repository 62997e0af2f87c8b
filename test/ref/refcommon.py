"""Shared definitions of the reference suite's catalogue modules (test/ref/).

Entry(name, shapes, grid, sample):
  name    the scipy.stats name (and ours)
  shapes  scipy's shape parameter names, in order
  grid    parameter sets ((shape values...), loc, scale) for the accuracy
          checks of pdf, cdf and quantile (against scipy.stats, or against
          the module's REFERENCE for entries Debian's scipy lacks)
  sample  the parameter set ((shapes...), loc, scale) the entry's own fit
          samples are drawn from (1,000 rows exact, 1,000,000 rows binned)

A module may also define:
  ACCURATE   {(name, "cdf"): f(z, *shapes), (name, "ppf"): f(p, *shapes)}
             standardized formulas that replace scipy.stats where scipy
             itself is off by more than 1e-9; the suite self-tests each
             against scipy.stats for p in [0.01, 0.99] (1e-12 relative).
  REFERENCE  {name: rv_continuous instance} for entries Debian's scipy
             (1.10) lacks, written from the published formulas with
             scipy.special / scipy.integrate; used in place of scipy.stats
             for the accuracy grid and the fits, and the suite adds internal
             consistency checks of the extension itself (quantile inverts
             cdf; the pdf integrates to cdf differences).
  PUBLISHED  [(name, (shapes...), z, "pdf" | "cdf", value, source)]:
             published values of the standardized pdf/cdf, checked to 1e-9.
"""
import math
from collections import namedtuple

import numpy as np
from scipy import integrate, optimize

Entry = namedtuple("Entry", "name shapes grid sample")

# loc/scale sets used for entries without shapes
LOCSCALE = [((), 3.7, 2.2), ((), -150.0, 0.05), ((), 1.0e4, 350.0)]


# The 24 entries of bestfit 0.1 (fitted to foreign shapes too, see
# reference.py's FOREIGN_BINNED).
CORE_NAMES = ["norm", "logistic", "laplace", "cauchy", "t", "gamma", "lognorm", "weibull_min",
              "weibull_max", "expon", "invgauss", "fisk", "lomax", "pareto", "genpareto", "chi2",
              "rayleigh", "halfnorm", "beta", "uniform", "triang", "gumbel_r", "gumbel_l",
              "genextreme"]


# ---------------------------------------------------------------------------
# Numerical helpers shared by the catalogue modules (quadrature at 1e-13
# relative, accurate quantiles by root finding or Newton polishing).
# ---------------------------------------------------------------------------

def quad1000(f, a, b):
    return integrate.quad(f, a, b, epsabs=0.0, epsrel=1e-13, limit=1000)[0]


def polish_ppf(p, z, cdf, sf, pdf, lo=-np.inf, hi=np.inf):
    """Newton steps on an accurate cdf (sf above p = 1/2) from scipy's z."""
    for _ in range(30):
        f = pdf(z)
        if not f > 0:
            break
        r = (cdf(z) - p) if p <= 0.5 else ((1.0 - p) - sf(z))
        dz = r / f
        z_new = min(max(z - dz, lo), hi)
        if abs(z_new - z) <= 1e-15 * max(abs(z), 1e-300):
            z = z_new
            break
        z = z_new
    return z


def quad500(f, lo, hi):
    return integrate.quad(f, lo, hi, epsabs=0.0, epsrel=1e-13, limit=500)[0]


def accurate_ppf(cdf, sf, lo=-math.inf, hi=math.inf, z0=0.0):
    """Quantile from accurate cdf/sf: brentq on log cdf (log sf above 1/2)."""
    def ppf(p, *shapes):
        if p <= 0.5:
            g = lambda z: math.log(max(cdf(z, *shapes), 1e-320)) - math.log(p)
        else:
            g = lambda z: math.log(1.0 - p) - math.log(max(sf(z, *shapes), 1e-320))
        a = z0 if not callable(z0) else z0(p, *shapes)
        b = a
        step = 1.0
        while g(a) > 0:
            a = max(a - step, lo) if math.isfinite(lo) else a - step
            step *= 2
            if math.isfinite(lo) and a == lo:
                a = lo + 1e-300 if lo == 0 else lo
                break
        step = 1.0
        while g(b) < 0:
            b = min(b + step, hi) if math.isfinite(hi) else b + step
            step *= 2
            if math.isfinite(hi) and b == hi:
                break
        return optimize.brentq(g, a, b, xtol=1e-300, rtol=1e-15, maxiter=500)
    return ppf


QUAD = dict(epsabs=0.0, epsrel=1e-13, limit=200)


def invert(cdf, sf, p, lo, hi):
    """x with cdf(x) = p (sf(x) = 1 - p above 1/2) by brentq on [lo, hi]."""
    if p <= 0.5:
        f = lambda x: cdf(x) - p
    else:
        q = 1.0 - p
        f = lambda x: q - sf(x)
    return optimize.brentq(f, lo, hi, xtol=1e-300, rtol=8.9e-16, maxiter=500)


# ---------------------------------------------------------------------------
# Discrete entries (src/catalogue/discrete/; checked by test/reference_discrete.py).
# A discrete module defines DISCRETE = [DEntry(...)] (and no ENTRIES):
#   name    the scipy.stats name (and ours)
#   shapes  scipy's shape parameter names, in order
#   grid    parameter sets ((shape values...), loc) for the accuracy checks
#           of pmf, cdf, sf and quantile
#   sample  the parameter set ((shapes...), loc) the entry's own fit samples
#           are drawn from (1,000 rows: exact sketch; 1,000,000 rows)
#   default True when the entry is in the default discrete candidate set
# and may define
#   DISCRETE_REFERENCE  {name: rv_discrete instance} for entries Debian's
#           scipy (1.10) lacks, written from the published formulas
#   DISCRETE_BOUNDS  {(name, "pmf" | "cdf" | "sf"): relative tolerance}
#           where scipy itself is less accurate than 1e-10 (documented in
#           the module, with the independent check that shows it)
# ---------------------------------------------------------------------------
DEntry = namedtuple("DEntry", "name shapes grid sample default")


# High-precision references (Python's decimal, 40 digits) for discrete
# pmfs where scipy's double-precision formulas lose digits to cancellation
# (scipy's poisson pmf is exp(xlogy(k, mu) - mu - gammaln(k + 1)): ~1e-10
# relative at mu = 1e5).  hp_lgamma: the recurrence up to x >= 40, then
# Stirling's series with Bernoulli terms through B_20 (DLMF 5.11.1), whose
# remainder there is below 1e-40.
def hp_lgamma(x):
    from decimal import Decimal, getcontext
    getcontext().prec = 45
    x = Decimal(repr(float(x))) if not isinstance(x, Decimal) else x
    shift = Decimal(0)
    while x < 40:
        shift += x.ln()
        x += 1
    b = [Decimal(1) / 6, Decimal(-1) / 30, Decimal(1) / 42, Decimal(-1) / 30, Decimal(5) / 66,
         Decimal(-691) / 2730, Decimal(7) / 6, Decimal(-3617) / 510, Decimal(43867) / 798,
         Decimal(-174611) / 330]
    pi = Decimal("3.14159265358979323846264338327950288419716939937510")
    s = (x - Decimal("0.5")) * x.ln() - x + (2 * pi).ln() / 2
    for j, b2j in enumerate(b, start=1):
        s += b2j / (2 * j * (2 * j - 1) * x ** (2 * j - 1))
    return s - shift


def hp_float_exp(d):
    """float(exp(d)) of a Decimal."""
    return float(d.exp())


def hp_dec(v):
    from decimal import Decimal
    return Decimal(repr(float(v)))
