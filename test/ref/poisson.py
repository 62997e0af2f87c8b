"""Reference parameter sets of src/catalogue/discrete/poisson.c: the Poisson
distribution."""
from refcommon import DEntry

DISCRETE = [
    DEntry("poisson", ("mu",),
           [((3.5,), 0), ((0.01,), 0), ((250.0,), -3), ((1e5,), 0), ((0.7,), 10)],
           ((4.2,), 0), True),
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
