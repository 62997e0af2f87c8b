"""Reference parameter sets of src/catalogue/discrete/negative_binomial.c:
nbinom, geom, betanbinom.

Where scipy is not the reference:
- nbinom: scipy's pmf, cdf and sf (Boost's) are off by 1.2e-10 relative at
  n = 1e6, p = 0.3 (pmf at k = 2315629: scipy 2.341404788940297e-13, R's
  dnbinom 2.3414047886658728e-13, the 40-digit formula below
  2.3414047886654523e-13; cdf there: scipy 9.996246943841416e-11, R's
  pnbinom 9.9962469426680433e-11).  The references are the 40-digit pmf
  Gamma(n + k) / (Gamma(n) k!) p^n q^k (refcommon.hp_lgamma) and the
  40-digit sums of _nbinom_tail_hp.
- betanbinom: Debian's scipy 1.10 lacks it (added in 1.12):
  DISCRETE_REFERENCE below is scipy 1.15's formulas (its _logpmf, verbatim),
  with cdf and sf from scipy's betabinom through P(K <= k) =
  P(X >= n), X ~ betabinom(n + k, a, b); the pmf, cdf and sf references are
  40-digit (_betanbinom_hp: lgamma, and the finite sums of betabinom terms),
  since the generic sf would be 1 - cdf in a heavy (k^-a) upper tail.
- geom: scipy's pmf is (1 - p)^(k - 1) p with 1 - p rounded (1.5e-12
  relative at p = 1e-4, k = 138150); the reference is the same product in
  40-digit decimals.  geom(p = 1) is left out of the grid: scipy's ppf
  returns 0 there, below the support {1, 2, ...} (cdf(0) = 0 < q).
"""
from refcommon import DEntry

DISCRETE = [
    DEntry("nbinom", ("n", "p"),
           [((5, 0.5), 0), ((0.5, 0.1), 0), ((2.5, 0.02), 3), ((1e4, 0.99), 0),
            ((1e6, 0.3), -5), ((0.01, 0.5), -4)],
           ((3, 0.4), 0), True),
    DEntry("geom", ("p",),
           [((0.3,), 0), ((1e-4,), 0), ((0.999,), 2), ((0.5,), -3)],
           ((0.25,), 0), True),
    DEntry("betanbinom", ("n", "a", "b"),
           [((5, 3.0, 2.0), 0), ((1, 1.5, 1.0), 0), ((20, 10.0, 5.0), -2), ((50, 4.0, 0.3), 0),
            ((100, 50.0, 20.0), 3)],
           ((5, 8.0, 4.0), 0), True),
]


def _nbinom_pmf(k, n, p):
    from refcommon import hp_lgamma, hp_dec, hp_float_exp
    if k != int(k) or k < 0:
        return 0.0
    if p == 1:
        return 1.0 if k == 0 else 0.0
    K, N, P = hp_dec(k), hp_dec(n), hp_dec(p)
    return hp_float_exp(hp_lgamma(N + K) - hp_lgamma(K + 1) - hp_lgamma(N) + N * P.ln()
                        + K * (1 - P).ln())


def _nbinom_tail_hp(k, n, p, upper):
    """40-digit cdf (upper False) or sf of nbinom(n, p) at k: the pmf summed
    with the term ratio (n + j) q / (j + 1) from k down (or from k + 1 up),
    whichever side of the mean k is on, the other tail as 1 minus it."""
    from decimal import Decimal, getcontext
    from refcommon import hp_lgamma, hp_dec
    import math
    k = math.floor(k)
    if k < 0:
        return 1.0 if upper else 0.0
    getcontext().prec = 45
    N, P = hp_dec(n), hp_dec(p)
    Q = 1 - P
    below = k < float(n) * (1 - p) / p     # sum the lower tail directly
    j = hp_dec(k if below else k + 1)
    t = (hp_lgamma(N + j) - hp_lgamma(j + 1) - hp_lgamma(N) + N * P.ln() + j * Q.ln()).exp()
    s = Decimal(0)
    while t > s * Decimal("1e-45") and j >= 0:
        s += t
        if below:
            t = t * j / ((N + j - 1) * Q)
            j -= 1
        else:
            t = t * (N + j) * Q / (j + 1)
            j += 1
    if below == upper:
        s = 1 - s
    return float(s)


def _geom_pmf(k, p):
    from refcommon import hp_dec
    from decimal import getcontext
    if k != int(k) or k < 1:
        return 0.0
    getcontext().prec = 45
    P = hp_dec(p)
    return float((1 - P) ** (int(k) - 1) * P)


DISCRETE_ACCURATE = {
    ("nbinom", "pmf"): _nbinom_pmf,
    ("nbinom", "cdf"): lambda k, n, p: _nbinom_tail_hp(k, n, p, False),
    ("nbinom", "sf"): lambda k, n, p: _nbinom_tail_hp(k, n, p, True),
    ("geom", "pmf"): _geom_pmf,
}


def _betanbinom_reference():
    import numpy as np
    from scipy import stats
    from scipy.special import betaln

    class betanbinom_gen(stats.rv_discrete):
        """scipy 1.15's betanbinom (its _argcheck and _logpmf)."""

        def _argcheck(self, n, a, b):
            return (n >= 0) & (n == np.floor(n)) & (a > 0) & (b > 0)

        def _logpmf(self, x, n, a, b):
            k = np.floor(x)
            combiln = -np.log(n + k) - betaln(n, k + 1)
            return combiln + betaln(a + n, b + k) - betaln(a, b)

        def _pmf(self, x, n, a, b):
            return np.exp(self._logpmf(x, n, a, b))

        def _cdf(self, x, n, a, b):
            k = np.floor(x)
            return stats.betabinom.sf(n - 1, n + k, a, b)

        def _sf(self, x, n, a, b):
            k = np.floor(x)
            return stats.betabinom.cdf(n - 1, n + k, a, b)

    return betanbinom_gen(a=0, name="betanbinom")


DISCRETE_REFERENCE = {"betanbinom": _betanbinom_reference()}


def _betanbinom_hp(f, k, n, a, b):
    """40-digit pmf (lgamma) or cdf / sf (1 - sf, and sf = the sum of the
    betabinom(n + k, a, b) pmf over 0 .. n - 1 by its term ratio)."""
    import math
    from decimal import getcontext
    from refcommon import hp_lgamma, hp_dec
    getcontext().prec = 45
    if f == "pmf" and k != math.floor(k):
        return 0.0
    k = math.floor(k)
    if k < 0:
        return {"pmf": 0.0, "cdf": 0.0, "sf": 1.0}[f]
    K, N, A, B = hp_dec(k), hp_dec(n), hp_dec(a), hp_dec(b)
    if f == "pmf":
        return float((hp_lgamma(N + K) - hp_lgamma(K + 1) - hp_lgamma(N) + hp_lgamma(A + N)
                      + hp_lgamma(B + K) - hp_lgamma(A + N + B + K) - hp_lgamma(A) - hp_lgamma(B)
                      + hp_lgamma(A + B)).exp())
    M = N + K
    t = (hp_lgamma(M + B) + hp_lgamma(A + B) - hp_lgamma(M + A + B) - hp_lgamma(B)).exp()
    s = 0
    for j in range(int(n)):
        s += t
        t = t * (M - j) * (j + A) / ((j + 1) * (M - j - 1 + B))
    return float(s if f == "sf" else 1 - s)


DISCRETE_ACCURATE.update({
    ("betanbinom", f): (lambda f: lambda k, n, a, b: _betanbinom_hp(f, k, n, a, b))(f)
    for f in ("pmf", "cdf", "sf")})
