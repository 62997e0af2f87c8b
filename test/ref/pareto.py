"""Reference parameter sets of src/catalogue/continuous/pareto.c: Pareto, Burr and log-logistic laws (power-law tails):
pareto (type I), lomax (type II, pareto shifted to 0), genpareto
(generalized Pareto, the peaks-over-threshold law), truncpareto (pareto
on a bounded interval), burr (type III, Dagum) and burr12 (type XII,
Singh-Maddala), fisk (log-logistic: burr with d = 1), mielke (Mielke's
beta-kappa, a Dagum / Burr III generalisation) and kappa3 (Mielke &
Johnson's three-parameter kappa)."""
import math

import numpy as np
import scipy.integrate as _si
import scipy.optimize as _so
import scipy.special as _sc
import scipy.special as sc
import scipy.stats as _st

from refcommon import Entry

# name: the scipy.stats name (and ours); shapes: scipy's shape names in order;
# grid: parameter sets (shapes, loc, scale) for the accuracy checks; sample:
# the parameter set (shapes, loc, scale) the entry's own samples are drawn from.
ENTRIES = [
    Entry("pareto", ("b",),
          [((0.8,), 1.0, 2.0), ((2.5,), -3.0, 5.0), ((6.0,), 10.0, 0.5)],
          ((3.0,), -1.0, 2.0)),
    Entry("lomax", ("c",),
          [((0.8,), 1.0, 2.0), ((2.5,), -3.0, 5.0), ((10.0,), 10.0, 0.5)],
          ((3.0,), 0.0, 2.0)),
    Entry("genpareto", ("c",),
          [((-0.4,), 1.0, 2.0), ((1e-6,), -3.0, 5.0), ((0.2,), -3.0, 5.0), ((0.8,), 10.0, 0.5)],
          ((0.2,), 1.0, 2.0)),
    Entry("truncpareto", ("b", "c"),
          [((0.3, 50.0), 1.0, 2.0), ((2.0, 5.0), -3.0, 5.0), ((6.0, 1.5), 10.0, 0.5),
           ((1.0, 1000.0), -1.0, 1.0)],
          ((1.5, 20.0), 0.0, 1.0)),
    Entry("burr", ("c", "d"),
          [((0.8, 0.5), 1.0, 2.0), ((3.0, 1.5), -3.0, 5.0), ((10.0, 0.2), 10.0, 0.5),
           ((2.0, 8.0), 100.0, 20.0)],
          ((3.0, 2.0), 1.0, 2.0)),
    Entry("burr12", ("c", "d"),
          [((0.7, 0.5), 1.0, 2.0), ((3.0, 1.5), -3.0, 5.0), ((10.0, 0.3), 10.0, 0.5),
           ((1.5, 6.0), 100.0, 20.0)],
          ((3.0, 2.0), 1.0, 2.0)),
    Entry("fisk", ("c",),
          [((1.5,), 1.0, 2.0), ((3.0,), -3.0, 5.0), ((8.0,), 10.0, 0.5)],
          ((3.5,), 0.5, 2.0)),
    Entry("mielke", ("k", "s"),
          [((0.5, 0.8), 1.0, 2.0), ((2.0, 3.0), -3.0, 5.0), ((10.0, 1.5), 10.0, 0.5),
           ((1.0, 12.0), -1.0, 3.0)],
          ((2.0, 4.0), 1.0, 2.0)),
    Entry("kappa3", ("a",),
          [((0.5,), 1.0, 2.0), ((1.5,), -3.0, 5.0), ((4.0,), 10.0, 0.5)],
          ((2.0,), 1.0, 2.0)),
]


def _mielke_ppf(p, k, s):
    # scipy: q^(s/k) / (1 - q^(s/k)) cancels near p = 1 (and its sf, used
    # to polish, is 1 - cdf): 3e-9 relative at p = 1 - 1e-6 for k/s = 6.7
    lp = math.log(p) if p <= 0.5 else math.log1p(-(1.0 - p))
    return math.expm1(-(s / k) * lp) ** (-1.0 / s)


def _kappa3_ppf(p, a):
    # scipy: (a / (p^-a - 1))^(1/a), p^-a - 1 cancels near p = 1
    lp = math.log(p) if p <= 0.5 else math.log1p(-(1.0 - p))
    return (a / math.expm1(-a * lp)) ** (1.0 / a)


ACCURATE = {
    ("mielke", "ppf"): _mielke_ppf,
    ("kappa3", "ppf"): _kappa3_ppf,
}
