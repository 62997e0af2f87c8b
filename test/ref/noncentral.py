"""Reference parameter sets of src/catalogue/continuous/noncentral.c: the noncentral chi-square, F and t distributions and
the Rice law (the noncentral chi with 2 degrees of freedom): ncx2, ncf,
nct, rice.  All four are Poisson mixtures of central gamma / beta laws,
summed outward from the largest term by the shared mixture code below."""
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
    Entry("ncx2", ("df", "nc"),
          [((1.0, 0.5), 1.0, 2.0), ((4.0, 3.0), -3.0, 5.0), ((12.0, 40.0), 10.0, 0.5),
           ((0.5, 10.0), 0.0, 1.5), ((4.0, 190000.0), 0.0, 1.0), ((0.5, 24000.0), 5.0, 2.0)],
          ((4.0, 3.0), 1.0, 2.0)),
    Entry("ncf", ("dfn", "dfd", "nc"),
          [((2.0, 5.0, 1.0), 1.0, 2.0), ((5.0, 20.0, 6.0), -3.0, 5.0), ((12.0, 60.0, 25.0), 10.0, 0.5),
           ((0.8, 3.0, 0.3), 0.0, 1.0)],
          ((5.0, 20.0, 3.0), 0.0, 2.0)),
    Entry("nct", ("df", "nc"),
          [((1.5, 1.0), 0.5, 1.3), ((5.0, -2.0), -3.0, 2.5), ((10.0, 2.5), 10.0, 0.5),
           ((30.0, 0.5), 100.0, 10.0)],
          ((6.0, 1.5), 2.0, 1.0)),
    Entry("rice", ("b",),
          [((0.5,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((6.0,), 10.0, 0.5)],
          ((2.0,), 1.0, 2.0)),
]

# ---------------------------------------------------------------------------
# Accurate references where scipy 1.10 is not accurate to 1e-9 (all checked
# against scipy.stats in the body by the suite's self-test).
# ---------------------------------------------------------------------------
# nct: scipy's cdf (Boost) loses up to ~1e-6 relative in the left tail of a
# positive nc (t < 0), e.g. nct(10, 4) at p = 1e-10, and its ppf with it.
# Reference: P(T <= t) = E[Phi(t S - nc)], S = sqrt(V/df), V ~ chi2(df),
# 1 - P(T <= t) = E[Phi(nc - t S)] (positive integrands, no cancellation),
# by quad at relative tolerance 1e-13.
def _nct_mix(t, df, nc, sign):
    f = lambda v: st.chi2.pdf(v, df) * sc.ndtr(sign * (t * math.sqrt(v / df) - nc))
    m = max(df - 2.0, 0.0)
    return quad1000(f, 0.0, m) + quad1000(f, m, np.inf)


def _nct_cdf(z, df, nc):
    lower = _nct_mix(z, df, nc, 1.0)
    return lower if lower <= 0.5 else 1.0 - _nct_mix(z, df, nc, -1.0)


def _nct_ppf(p, df, nc):
    z0 = float(st.nct.ppf(p, df, nc))
    return polish_ppf(p, z0, lambda z: _nct_mix(z, df, nc, 1.0), lambda z: _nct_mix(z, df, nc, -1.0),
                       lambda z: float(st.nct.pdf(z, df, nc)))


ACCURATE = {
    ("nct", "cdf"): _nct_cdf,
    ("nct", "ppf"): _nct_ppf,
}
