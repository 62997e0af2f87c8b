"""Reference parameter sets of the gamma_beta family (src/families/gamma_beta.c):
distributions built on the incomplete gamma and beta functions."""
import math

import scipy.special as sc

from refcommon import Entry

ENTRIES = [
    Entry("betaprime", ("a", "b"),
          [((0.5, 0.8), 1.0, 2.0), ((2.0, 3.0), -3.0, 5.0), ((8.0, 1.5), 10.0, 0.5),
           ((30.0, 50.0), 0.0, 1.0)],
          ((3.0, 5.0), 0.0, 2.0)),
    Entry("chi", ("df",),
          [((0.7,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((30.0,), 10.0, 0.5)],
          ((4.0,), 1.0, 2.0)),
    Entry("dgamma", ("a",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((2.0,), 5.0, 2.0)),
    Entry("erlang", ("a",),
          [((1,), 1.0, 2.0), ((3,), -3.0, 5.0), ((20,), 10.0, 0.5)],
          ((3,), 1.0, 2.0)),
    Entry("f", ("dfn", "dfd"),
          [((1.0, 1.5), 1.0, 2.0), ((5.0, 10.0), -3.0, 5.0), ((30.0, 4.5), 10.0, 0.5),
           ((0.5, 60.0), 0.0, 1.0)],
          ((6.0, 15.0), 1.0, 2.0)),
    Entry("gengamma", ("a", "c"),
          [((0.5, 2.0), 1.0, 2.0), ((3.0, -1.5), -3.0, 5.0), ((1.5, 0.6), 10.0, 0.5),
           ((8.0, 3.0), 0.0, 1.0)],
          ((2.0, 1.5), 1.0, 2.0)),
    Entry("invgamma", ("a",),
          [((0.7,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((20.0,), 10.0, 0.5)],
          ((4.0,), 1.0, 2.0)),
    Entry("loggamma", ("c",),
          [((0.3,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((30.0,), 10.0, 0.5)],
          ((2.5,), 5.0, 2.0)),
    Entry("nakagami", ("nu",),
          [((0.3,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((2.0,), 1.0, 2.0)),
    Entry("pearson3", ("skew",),
          [((-1.5,), 1.0, 2.0), ((0.5,), -3.0, 5.0), ((2.5,), 10.0, 0.5), ((-0.2,), 0.0, 1.0),
           ((-0.02,), 2.0, 3.0)],
          ((0.8,), 5.0, 2.0)),
    Entry("gennorm", ("beta",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 0.0, 1.0)],
          ((1.5,), 5.0, 2.0)),
    Entry("halfgennorm", ("beta",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 0.0, 1.0)],
          ((1.5,), 1.0, 2.0)),
    Entry("genexpon", ("a", "b", "c"),
          [((0.5, 1.0, 2.0), 1.0, 2.0), ((2.0, 0.3, 0.5), -3.0, 5.0), ((0.1, 5.0, 10.0), 10.0, 0.5)],
          ((1.0, 2.0, 1.5), 1.0, 2.0)),
    Entry("foldcauchy", ("c",),
          [((0.0,), 1.0, 2.0), ((0.7,), -3.0, 5.0), ((3.0,), 10.0, 0.5)],
          ((3.0,), 1.0, 2.0)),
]


# dgamma: scipy 1.10 forms 0.5 - 0.5 * gammainc(a, |z|) in the lower tail and
# gammainccinv(a, 1 - |2q - 1|) in its ppf, both of which cancel (relative
# error ~1e-6 at p = 1e-10).  Exact forms: F(z) = Q(a, |z|) / 2 for z <= 0,
# 1 - Q(a, z) / 2 above; ppf(p) = -Qinv(a, 2p) below 1/2, Qinv(a, 2(1-p)) above.
def _dgamma_cdf(z, a):
    if z <= 0:
        return 0.5 * sc.gammaincc(a, -z)
    return 1.0 - 0.5 * sc.gammaincc(a, z)


def _dgamma_ppf(p, a):
    if p < 0.5:
        return -sc.gammainccinv(a, 2.0 * p)
    return sc.gammainccinv(a, 2.0 * (1.0 - p))


# foldcauchy: scipy 1.10 forms (atan(z - c) + atan(z + c)) / pi, which cancels
# for z << c (relative error ~1e-6 at p = 1e-10 with c = 3), and its ppf is
# the generic root finder on that cdf.  Exact forms: the two angles summed by
# the addition theorem, F = atan2(2z, 1 + c^2 - z^2) / pi, and its closed-form
# inverse tan(pi p) (1 + c^2 - z^2) = 2z (the positive root; with
# u = tan(pi (1 - p)) above p = 1/2).
def _foldcauchy_cdf(z, c):
    if z <= 0:
        return 0.0
    return math.atan2(2.0 * z, 1.0 + (c - z) * (c + z)) / math.pi


def _foldcauchy_ppf(p, c):
    c2 = 1.0 + c * c
    if p == 0.5:
        return math.sqrt(c2)
    if p < 0.5:
        t = math.tan(math.pi * p)
        return t * c2 / (1.0 + math.sqrt(1.0 + t * t * c2))
    t = math.tan(math.pi * (1.0 - p))
    return (1.0 + math.sqrt(1.0 + t * t * c2)) / t


# pearson3: the grid stays at |skew| >= 0.02 (alpha = 4/skew^2 <= 1e4), where
# scipy 1.10 is accurate; at skew = 1e-3 (alpha = 4e6) scipy's gammainc is
# off by 0.4% at p = 1e-6 and its pdf by ~1e-8 (checked against the power
# series of P(a, x) in 50-digit decimal arithmetic), so no grid point there.

ACCURATE = {
    ("dgamma", "cdf"): _dgamma_cdf,
    ("dgamma", "ppf"): _dgamma_ppf,
    ("foldcauchy", "cdf"): _foldcauchy_cdf,
    ("foldcauchy", "ppf"): _foldcauchy_ppf,
}
