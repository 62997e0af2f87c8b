"""Reference parameter sets of src/catalogue/discrete/binomial.c: bernoulli,
binom, betabinom.

scipy's binom cdf and sf (Boost's) agree with 40-digit sums to 7e-13 at
n = 1e6 (the grid's largest n), so scipy is their reference; beyond n ~ 1e7
they lose digits (binom(1e8, 0.3) at k = 29997708: scipy 0.3085250787403806,
R's pbinom 0.30852508103886478, ours 0.30852508103939047), so the grid stops
at 1e6.  Its pmf is replaced below."""
from refcommon import DEntry

DISCRETE = [
    DEntry("bernoulli", ("p",),
           [((0.3,), 0), ((1e-4,), 0), ((0.999,), 3), ((0.5,), -2)],
           ((0.3,), 0), True),
    DEntry("binom", ("n", "p"),
           [((10, 0.3), 0), ((1, 0.5), 0), ((200, 0.02), 0), ((1e6, 0.3), -5),
            ((50, 0.97), 7), ((1000, 1e-4), 0)],
           ((20, 0.35), 0), True),
    DEntry("betabinom", ("n", "a", "b"),
           [((10, 2.0, 3.0), 0), ((1, 0.5, 0.5), 0), ((50, 0.2, 0.3), 0), ((1000, 20.0, 5.0), -3),
            ((1e4, 1.5, 80.0), 0), ((5, 1e3, 1e3), 2)],
           ((12, 2.5, 4.0), 0), True),
]


# scipy's binom pmf (Boost's) is off by 3e-11 relative at n = 1e6, k = 297822
# (1.068462655719768e-08 against 1.068462655751549e-08 from the 40-digit
# formula below, which R's dbinom -- Loader's algorithm -- matches to
# 1e-15); the reference is C(n, k) p^k (1 - p)^(n - k) with 40-digit
# lgamma (refcommon.hp_lgamma).  scipy's cdf and sf there agree with the
# 40-digit sums of _binom_tail_hp to 1e-12 (checked by hand, not used).
def _binom_pmf(k, n, p):
    from refcommon import hp_lgamma, hp_dec, hp_float_exp
    if k != int(k) or k < 0 or k > n:
        return 0.0
    if p == 0 or p == 1:
        return 1.0 if k == (0 if p == 0 else n) else 0.0
    K, N, P = hp_dec(k), hp_dec(n), hp_dec(p)
    return hp_float_exp(hp_lgamma(N + 1) - hp_lgamma(K + 1) - hp_lgamma(N - K + 1)
                        + K * P.ln() + (N - K) * (1 - P).ln())


def _binom_tail_hp(k, n, p, upper):
    """40-digit cdf (upper False) or sf of binom(n, p) at integer k, by
    summing the pmf from k down (cdf) or from k + 1 up (sf) with the term
    ratio, until the terms fall below 1e-45 of the sum."""
    from decimal import Decimal, getcontext
    from refcommon import hp_lgamma, hp_dec
    getcontext().prec = 45
    N, P = hp_dec(n), hp_dec(p)
    Q = 1 - P
    j = hp_dec(k + 1 if upper else k)
    if j < 0 or j > N:
        return 0.0
    t = (hp_lgamma(N + 1) - hp_lgamma(j + 1) - hp_lgamma(N - j + 1) + j * P.ln()
         + (N - j) * Q.ln()).exp()
    s = Decimal(0)
    while t > s * Decimal("1e-45") and 0 <= j <= N:
        s += t
        if upper:
            t = t * (N - j) / (j + 1) * P / Q
            j += 1
        else:
            t = t * j / (N - j + 1) * Q / P
            j -= 1
    return float(s)


def _betabinom_pmf(k, n, a, b):
    """C(n, k) B(k + a, n - k + b) / B(a, b) with 40-digit lgamma."""
    from refcommon import hp_lgamma, hp_dec, hp_float_exp
    if k != int(k) or k < 0 or k > n:
        return 0.0
    K, N, A, B = hp_dec(k), hp_dec(n), hp_dec(a), hp_dec(b)
    return hp_float_exp(hp_lgamma(N + 1) - hp_lgamma(K + 1) - hp_lgamma(N - K + 1)
                        + hp_lgamma(K + A) + hp_lgamma(N - K + B) - hp_lgamma(N + A + B)
                        - hp_lgamma(A) - hp_lgamma(B) + hp_lgamma(A + B))


def _betabinom_tail_hp(k, n, a, b, upper):
    """40-digit cdf (upper False) or sf of betabinom(n, a, b) at k: every
    pmf term of the lower tail (k below the mean) or of the upper tail summed
    with the ratio (n - j)(j + a) / ((j + 1)(n - j - 1 + b)), the other tail
    as 1 minus it."""
    from decimal import Decimal, getcontext
    from refcommon import hp_dec
    import math
    k = math.floor(k)
    if k < 0:
        return 1.0 if upper else 0.0
    if k >= n:
        return 0.0 if upper else 1.0
    getcontext().prec = 45
    N, A, B = hp_dec(n), hp_dec(a), hp_dec(b)
    lower = k < n * a / (a + b)
    terms = []
    t = Decimal(1)
    for j in range(0, int(n) + 1):
        terms.append(t)
        t = t * (N - j) * (j + A) / ((j + 1) * (N - j - 1 + B))
    total = sum(terms)
    part = sum(terms[:k + 1]) if lower else sum(terms[k + 1:])
    s = part / total
    if lower == upper:
        s = 1 - s
    return float(s)


DISCRETE_ACCURATE = {
    ("binom", "pmf"): _binom_pmf,
    ("betabinom", "pmf"): _betabinom_pmf,
    ("betabinom", "cdf"): lambda k, n, a, b: _betabinom_tail_hp(k, n, a, b, False),
    ("betabinom", "sf"): lambda k, n, a, b: _betabinom_tail_hp(k, n, a, b, True),
}
