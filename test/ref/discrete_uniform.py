"""Reference parameter sets of src/catalogue/discrete/discrete_uniform.c:
the discrete uniform distribution (scipy.stats.randint).

scipy's randint has no _sf: its sf is 1 - cdf, which loses ~3e-11 relative
at sf = 1e-6 of randint(100, 1000001); DISCRETE_ACCURATE gives the exact
fraction (high - 1 - floor(k)) / (high - low) instead.
"""
import math
from fractions import Fraction

from refcommon import DEntry

DISCRETE = [
    DEntry("randint", ("low", "high"),
           [((0, 10), 0), ((-5, 7), 0), ((1, 2), 3), ((100, 1000001), -50), ((-3, 4), 12)],
           ((2, 17), 0), True),
]


def _randint_sf(k, low, high):
    k = math.floor(k)
    if k < low:
        return 1.0
    if k >= high - 1:
        return 0.0
    return float(Fraction(int(high) - 1 - k, int(high) - int(low)))


DISCRETE_ACCURATE = {("randint", "sf"): _randint_sf}
