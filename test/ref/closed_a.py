"""Reference parameter sets of the closed-form entries, group A
(src/families/closed_a.c)."""
from refcommon import Entry, LOCSCALE

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.

ENTRIES = [
    Entry("alpha", ("a",),
          [((0.3,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5), ((12.0,), 100.0, 20.0)],
          ((2.0,), 1.0, 2.0)),
    Entry("anglit", (), LOCSCALE, ((), 10.0, 2.0)),
    Entry("arcsine", (), LOCSCALE, ((), 2.0, 5.0)),
    Entry("bradford", ("c",),
          [((0.3,), 1.0, 2.0), ((2.0,), -3.0, 5.0), ((15.0,), 10.0, 0.5), ((200.0,), -0.5, 7.0)],
          ((1.0,), 1.0, 4.0)),
    Entry("burr", ("c", "d"),
          [((0.8, 0.5), 1.0, 2.0), ((3.0, 1.5), -3.0, 5.0), ((10.0, 0.2), 10.0, 0.5),
           ((2.0, 8.0), 100.0, 20.0)],
          ((3.0, 2.0), 1.0, 2.0)),
    Entry("burr12", ("c", "d"),
          [((0.7, 0.5), 1.0, 2.0), ((3.0, 1.5), -3.0, 5.0), ((10.0, 0.3), 10.0, 0.5),
           ((1.5, 6.0), 100.0, 20.0)],
          ((3.0, 2.0), 1.0, 2.0)),
    Entry("cosine", (), LOCSCALE, ((), 10.0, 2.0)),
    Entry("dweibull", ("c",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5)],
          ((2.0,), 5.0, 2.0)),
    Entry("exponpow", ("b",),
          [((0.4,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((5.0,), 10.0, 0.5)],
          ((2.0,), 1.0, 3.0)),
    Entry("exponweib", ("a", "c"),
          [((0.3, 1.5), 1.0, 2.0), ((2.5, 0.8), -3.0, 5.0), ((8.0, 3.0), 10.0, 0.5),
           ((1.0, 0.5), 100.0, 20.0)],
          ((2.0, 1.5), 1.0, 2.0)),
    Entry("genhalflogistic", ("c",),
          [((0.1,), 1.0, 2.0), ((0.8,), -3.0, 5.0), ((1.0,), 100.0, 20.0), ((3.0,), 10.0, 0.5)],
          ((0.2,), 1.0, 2.0)),
    Entry("genlogistic", ("c",),
          [((0.2,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((20.0,), 10.0, 0.5)],
          ((2.0,), 5.0, 2.0)),
    Entry("gompertz", ("c",),
          [((0.02,), 1.0, 2.0), ((0.8,), -3.0, 5.0), ((5.0,), 10.0, 0.5)],
          ((1.0,), 1.0, 2.0)),
    Entry("halfcauchy", (), LOCSCALE, ((), 1.0, 2.0)),
    Entry("halflogistic", (), LOCSCALE, ((), 1.0, 2.0)),
    Entry("hypsecant", (), LOCSCALE, ((), 10.0, 2.0)),
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


ACCURATE = {
    ("anglit", "cdf"): _anglit_cdf,
}
