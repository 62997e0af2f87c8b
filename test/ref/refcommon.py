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
from collections import namedtuple

Entry = namedtuple("Entry", "name shapes grid sample")

# loc/scale sets used for entries without shapes
LOCSCALE = [((), 3.7, 2.2), ((), -150.0, 0.05), ((), 1.0e4, 350.0)]
