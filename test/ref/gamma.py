"""Reference parameter sets of src/catalogue/continuous/gamma.c: the gamma family and the laws whose cdf is the regularized
incomplete gamma function P(a, x) of a power or a transform of z: gamma,
erlang (integer shape), chi2 (gamma(df/2) of z/2), expon (gamma(1)) and
truncexpon (expon restricted to [0, b]); chi (sqrt of chi2), rayleigh
(chi with 2 df), maxwell (chi with 3 df), nakagami (chi-type, P(nu, nu
z^2)); gengamma (Stacy: P(a, z^c)), invgamma (Q(a, 1/z)), loggamma
(log of a gamma variable), pearson3 (gamma with skew as shape), dgamma
(symmetric double gamma), gennorm and halfgennorm (P(1/beta, |z|^beta):
halfgennorm is gengamma(1/beta, beta), gennorm its symmetric version).
P and Q are those of the gamma entry (GSL, or Temme's uniform expansion
from a = 10 for x in [0.3 a, 2.5 a] and from a = 2000 everywhere), reached by the other entries through the
registry (gamma_entry below)."""
import math

import scipy.special as sc

from refcommon import Entry, LOCSCALE

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("gamma", ("a",),
          [((0.5,), 1.5, 2.0), ((2.5,), -4.0, 3.0), ((12.0,), 50.0, 0.25),
           ((25.0,), 0.0, 1.0), ((150.0,), -2.0, 0.5), ((700.0,), 3.0, 2.0)],
          ((2.5,), 1.0, 3.0)),
    Entry("erlang", ("a",),
          [((1,), 1.0, 2.0), ((3,), -3.0, 5.0), ((20,), 10.0, 0.5)],
          ((3,), 1.0, 2.0)),
    Entry("chi2", ("df",),
          [((1.0,), 1.0, 2.0), ((4.5,), -3.0, 5.0), ((30.0,), 10.0, 0.5)],
          ((4.0,), 1.0, 2.0)),
    Entry("chi", ("df",),
          [((0.7,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((30.0,), 10.0, 0.5)],
          ((4.0,), 1.0, 2.0)),
    Entry("rayleigh", (),
          [((), 1.5, 2.0), ((), -40.0, 0.1), ((), 1.0e3, 50.0)],
          ((), 1.0, 2.0)),
    Entry("maxwell", (), LOCSCALE, ((), 1.0, 2.0)),
    Entry("nakagami", ("nu",),
          [((0.3,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((2.0,), 1.0, 2.0)),
    Entry("gengamma", ("a", "c"),
          [((0.5, 2.0), 1.0, 2.0), ((3.0, -1.5), -3.0, 5.0), ((1.5, 0.6), 10.0, 0.5),
           ((8.0, 3.0), 0.0, 1.0)],
          ((2.0, 1.5), 1.0, 2.0)),
    Entry("invgamma", ("a",),
          [((0.7,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((20.0,), 10.0, 0.5), ((400.0,), 0.0, 1.0)],
          ((4.0,), 1.0, 2.0)),
    Entry("loggamma", ("c",),
          [((0.3,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((30.0,), 10.0, 0.5)],
          ((2.5,), 5.0, 2.0)),
    Entry("pearson3", ("skew",),
          [((-1.5,), 1.0, 2.0), ((0.5,), -3.0, 5.0), ((2.5,), 10.0, 0.5), ((-0.2,), 0.0, 1.0),
           ((-0.02,), 2.0, 3.0)],
          ((0.8,), 5.0, 2.0)),
    Entry("dgamma", ("a",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((2.0,), 5.0, 2.0)),
    Entry("gennorm", ("beta",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 0.0, 1.0)],
          ((1.5,), 5.0, 2.0)),
    Entry("halfgennorm", ("beta",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 0.0, 1.0)],
          ((1.5,), 1.0, 2.0)),
    Entry("expon", (),
          [((), 1.5, 2.0), ((), -40.0, 0.1), ((), 1.0e3, 50.0)],
          ((), 2.0, 3.0)),
    Entry("truncexpon", ("b",),
          [((0.3,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((15.0,), 10.0, 0.5), ((800.0,), -1.0, 3.0)],
          ((1.0,), 0.0, 2.0)),
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


ACCURATE = {
    ("dgamma", "cdf"): _dgamma_cdf,
    ("dgamma", "ppf"): _dgamma_ppf,
}
