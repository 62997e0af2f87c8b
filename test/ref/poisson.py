"""Reference parameter sets of src/catalogue/discrete/poisson.c: the Poisson
distribution."""
from refcommon import DEntry

DISCRETE = [
    DEntry("poisson", ("mu",),
           [((3.5,), 0), ((0.01,), 0), ((250.0,), -3), ((1e5,), 0), ((0.7,), 10)],
           ((4.2,), 0), True),
    DEntry("skellam", ("mu1", "mu2"),
           [((3.0, 2.0), 0), ((0.1, 0.3), 0), ((40.0, 5.0), -7), ((200.0, 250.0), 0),
            ((1e-3, 4.0), 2)],
           ((6.0, 3.5), 0), True),
]


# scipy's poisson pmf loses ~1e-10 relative at mu = 1e5 (exp of a difference
# of terms ~1e6); the reference there is the 40-digit formula
# exp(k log mu - mu - lgamma(k + 1)) (refcommon.hp_lgamma), which agrees with
# R's dpois (Loader's algorithm) to 1e-15 at mu = 1e5, k = 97994.
def _poisson_pmf(k, mu):
    from refcommon import hp_lgamma, hp_dec, hp_float_exp
    if k != int(k) or k < 0:
        return 0.0
    if mu == 0:
        return 1.0 if k == 0 else 0.0
    K, M = hp_dec(k), hp_dec(mu)
    return hp_float_exp(K * M.ln() - M - hp_lgamma(K + 1))


DISCRETE_ACCURATE = {("poisson", "pmf"): _poisson_pmf}


# skellam: scipy's sf is rv_discrete's 1 - cdf (1e-5 relative off at
# sf = 3e-12: skellam(0.001, 4) at k = 2), and its cdf (cdflib's chndtr for
# k < 0) is 1e-10 relative off at skellam(40, 5), k = 5 (8.064679933861285e-07
# against 8.064679933032168e-07 here and from the sums below).  The
# references are 40-digit sums over Y ~ Poisson(mu2) of the Poisson(mu1)
# pmf, cdf and sf at k + Y (both Poisson laws tabulated in decimals up to
# mu + 40 sqrt(mu) + 60, beyond which the terms are below 1e-100).
_SKELLAM_TABLES = {}


def _poisson_table(mu):
    from decimal import Decimal, getcontext
    import math
    getcontext().prec = 45
    M = Decimal(repr(float(mu)))
    jmax = int(mu + 40 * math.sqrt(mu) + 60)
    p = [(-M).exp()]
    for j in range(1, jmax + 1):
        p.append(p[-1] * M / j)
    low = []                     # P(X <= j)
    s = Decimal(0)
    for t in p:
        s += t
        low.append(s)
    up = [Decimal(0)] * (jmax + 1)  # P(X > j)
    s = Decimal(0)
    for j in range(jmax, -1, -1):
        up[j] = s
        s += p[j]
    return p, low, up


def _skellam_hp(f, k, mu1, mu2):
    import math
    from decimal import Decimal
    if f == "pmf" and k != math.floor(k):
        return 0.0
    k = int(math.floor(k))
    key = (mu1, mu2)
    if key not in _SKELLAM_TABLES:
        _SKELLAM_TABLES[key] = (_poisson_table(mu1), _poisson_table(mu2))
    (px, lx, ux), (py, _, _) = _SKELLAM_TABLES[key]
    jx = len(px) - 1
    s = Decimal(0)
    for y, w in enumerate(py):
        m = k + y
        if f == "pmf":
            v = px[m] if 0 <= m <= jx else 0
        elif f == "cdf":
            v = 0 if m < 0 else (lx[m] if m <= jx else lx[jx])
        else:
            v = 1 if m < 0 else (ux[m] if m <= jx else 0)
        s += w * v
    return float(s)


DISCRETE_ACCURATE.update({
    ("skellam", "pmf"): lambda k, a, b: _skellam_hp("pmf", k, a, b),
    ("skellam", "cdf"): lambda k, a, b: _skellam_hp("cdf", k, a, b),
    ("skellam", "sf"): lambda k, a, b: _skellam_hp("sf", k, a, b),
})
