"""Reference parameter sets of src/catalogue/discrete/power_law.c: logser,
yulesimon, zipf, zipfian.

Where Debian's scipy (1.10) loses digits, DISCRETE_ACCURATE gives 40-digit
references (Python's decimal):
  zipf cdf, sf    scipy 1.10 has no zipf cdf: it sums the pmf, and its sf is
                  1 - cdf (~1e-10 relative at sf = 1e-6).  Reference:
                  sf(k) = zeta(a, k + 1) / zeta(a), the Hurwitz zeta function
                  by Euler-Maclaurin in 45-digit decimal (_hz below).
  zipfian sf      scipy's (k^a (H(n, a) - H(k, a)) + 1) / (k^a H(n, a))
                  cancels in the upper tail.  Reference: the sum of j^-a over
                  k < j <= n in decimal (_power_sum), over H(n, a); cdf too.
  logser sf       scipy has no logser sf: 1 - cdf.  Reference: the tail
                  sum_{j > k} p^j / j in decimal, over -log(1 - p).
  yulesimon cdf, sf  scipy's _cdf and _sf do not floor k (1 - x B(x, alpha + 1)
                  at x = 3.5 is not P(K <= 3)).  Reference: k B(k, alpha + 1)
                  at k = floor(x) with 40-digit log-gammas (hp_lgamma).
  yulesimon pmf   scipy's alpha * special.beta(k, alpha + 1) loses 1.7e-10
                  relative at k = 108413, alpha = 1.2 (betaln-based log pmf
                  and the 40-digit value agree to 1e-15).  Reference: the
                  same formula with hp_lgamma.
"""
from decimal import Decimal, getcontext
from fractions import Fraction

from refcommon import DEntry, hp_dec, hp_lgamma

PREC = 45


def _bernoulli(nmax):
    """B_0 .. B_nmax as Fractions (B_1 = -1/2), by the usual recurrence."""
    b = [Fraction(1)]
    from math import comb
    for m in range(1, nmax + 1):
        b.append(-sum(comb(m + 1, j) * b[j] for j in range(m)) / Fraction(m + 1))
    return b


_B = _bernoulli(44)
# B_2k / (2k)! as Decimals, k = 1 .. 22
_EM = []


def _em():
    if not _EM:
        from math import factorial
        getcontext().prec = PREC
        for k in range(1, 23):
            f = _B[2 * k] / factorial(2 * k)
            _EM.append(Decimal(f.numerator) / Decimal(f.denominator))
    return _EM


def _power_sum(m, n, s):
    """sum_{j=m}^{n} j^-s in decimal (n None: infinity, s > 1): 60 terms
    directly, the rest by Euler-Maclaurin with 22 Bernoulli terms from
    x = m + 60 on (remainder far below 1e-40 for the shapes used here)."""
    getcontext().prec = PREC
    s = hp_dec(s)
    tot = Decimal(0)
    j = m
    while (n is None or j <= n) and j < m + 60:
        tot += Decimal(j) ** (-s)
        j += 1
    if n is not None and j > n:
        return tot
    x = Decimal(j)
    if n is None:
        tot += x ** (1 - s) / (s - 1) + x ** (-s) / 2
    else:
        N = Decimal(n)
        if s == 1:
            tot += (N / x).ln()
        else:
            tot += (N ** (1 - s) - x ** (1 - s)) / (1 - s)
        tot += (x ** (-s) + N ** (-s)) / 2
    # f^(2k-1)(x) = -(s)_{2k-1} x^(-s-2k+1)
    poch = s
    for k, c in enumerate(_em(), start=1):
        e = -s - 2 * k + 1
        dx = poch * x ** e
        dn = 0 if n is None else poch * Decimal(n) ** e
        tot += c * (dx - dn)
        poch *= (s + 2 * k - 1) * (s + 2 * k)
    return tot


def _zeta(a):
    return _power_sum(1, None, a)


def _zipf_sf(k, a):
    if k < 1:
        return 1.0
    k = int(k)
    return float(_power_sum(k + 1, None, a) / _zeta(a))


def _zipf_cdf(k, a):
    if k < 1:
        return 0.0
    k = int(k)
    return float(_power_sum(1, k, a) / _zeta(a))


def _zipfian_sf(k, a, n):
    if k < 1:
        return 1.0
    if k >= n:
        return 0.0
    k = int(k)
    return float(_power_sum(k + 1, int(n), a) / _power_sum(1, int(n), a))


def _zipfian_cdf(k, a, n):
    if k < 1:
        return 0.0
    if k >= n:
        return 1.0
    return float(_power_sum(1, int(k), a) / _power_sum(1, int(n), a))


def _logser_sf(k, p):
    if k < 1:
        return 1.0
    getcontext().prec = PREC
    P = hp_dec(p)
    j = int(k) + 1
    t = P ** j
    s = Decimal(0)
    eps = Decimal("1e-42")
    while True:
        term = t / j
        s += term
        if term < eps * s:
            break
        j += 1
        t *= P
    return float(s / -(1 - P).ln())


def _yulesimon_sf(k, alpha):
    """k B(k, alpha + 1) with 40-digit log-gammas (refcommon.hp_lgamma)."""
    if k < 1:
        return 1.0
    K, A = hp_dec(int(k)), hp_dec(alpha)
    return float((K.ln() + hp_lgamma(K) + hp_lgamma(A + 1) - hp_lgamma(K + A + 1)).exp())


def _yulesimon_pmf(k, alpha):
    """alpha B(k, alpha + 1) with 40-digit log-gammas."""
    if k < 1 or k != int(k):
        return 0.0
    K, A = hp_dec(int(k)), hp_dec(alpha)
    return float(A * (hp_lgamma(K) + hp_lgamma(A + 1) - hp_lgamma(K + A + 1)).exp())


def _yulesimon_cdf(k, alpha):
    if k < 1:
        return 0.0
    K, A = hp_dec(int(k)), hp_dec(alpha)
    return float(1 - (K.ln() + hp_lgamma(K) + hp_lgamma(A + 1) - hp_lgamma(K + A + 1)).exp())


DISCRETE = [
    DEntry("logser", ("p",),
           [((0.5,), 0), ((0.1,), 0), ((0.9,), 2), ((0.99,), 0), ((0.999,), -1)],
           ((0.8,), 0), True),
    DEntry("yulesimon", ("alpha",),
           [((1.5,), 0), ((1.2,), 0), ((5.0,), 3), ((30.0,), 0), ((2.5,), -2)],
           ((2.0,), 0), True),
    DEntry("zipf", ("a",),
           [((2.5,), 0), ((6.0,), 0), ((4.0,), 5), ((8.5,), -2), ((3.0,), 0)],
           ((2.2,), 0), True),
    DEntry("zipfian", ("a", "n"),
           [((1.2, 100), 0), ((0.5, 50), 3), ((2.5, 5000), 0), ((0.0, 10), 0),
            ((1.0, 1000), -1)],
           ((1.1, 200), 0), True),
]

DISCRETE_ACCURATE = {
    ("zipf", "sf"): _zipf_sf,
    ("zipf", "cdf"): _zipf_cdf,
    ("zipfian", "sf"): _zipfian_sf,
    ("zipfian", "cdf"): _zipfian_cdf,
    ("logser", "sf"): _logser_sf,
    ("yulesimon", "pmf"): _yulesimon_pmf,
    ("yulesimon", "sf"): _yulesimon_sf,
    ("yulesimon", "cdf"): _yulesimon_cdf,
}
