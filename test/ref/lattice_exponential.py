"""Reference parameter sets of src/catalogue/discrete/lattice_exponential.c:
planck, boltzmann, dlaplace.

The references are the closed forms in 40-digit decimals (_hp below) rather
than scipy, whose double formulas lose digits here: boltzmann's cdf
(1 - exp(-l (k + 1))) / (1 - exp(-l N)) cancels at small lambda_ (the grid's
lambda_ = 1e-4), and boltzmann's and dlaplace's sf are rv_discrete's
1 - cdf (relative error ~1e-16 / sf in the upper tail: 1e-6 at sf = 1e-10);
measured on this grid: scipy's boltzmann pmf and cdf are 1e-12 off at
lambda_ = 1e-4, its sf 9e-6 off at (1.4, 19), k = 17; dlaplace's sf 6e-9 off
at a = 5, k = 6.  Elsewhere each _hp form agrees with scipy to 1e-14, and
planck's (scipy's expm1 forms) to 2e-15 everywhere (checked by hand)."""
import math

from refcommon import DEntry

DISCRETE = [
    DEntry("planck", ("lambda_",),
           [((0.5,), 0), ((1e-3,), 0), ((5.0,), 2), ((0.05,), -10)],
           ((0.4,), 0), True),
    DEntry("boltzmann", ("lambda_", "N"),
           [((0.5, 10), 0), ((1.4, 19), 0), ((1e-4, 50), 0), ((0.01, 1000), -5), ((3.0, 1), 0),
            ((0.2, 100000), 4)],
           ((0.3, 20), 0), True),
    DEntry("dlaplace", ("a",),
           [((0.8,), 0), ((0.01,), 0), ((5.0,), 3), ((0.3,), -40)],
           ((0.6,), 0), True),
]


def _D(v):
    from decimal import Decimal, getcontext
    getcontext().prec = 45
    return Decimal(repr(float(v)))


def _exp(d):
    return d.exp()


def _planck(f, k, l):
    if f == "pmf" and k != math.floor(k):
        return 0.0
    k = math.floor(k)
    L = _D(l)
    if f == "pmf":
        return float((1 - _exp(-L)) * _exp(-L * k)) if k >= 0 else 0.0
    if k < 0:
        return 0.0 if f == "cdf" else 1.0
    t = _exp(-L * (k + 1))
    return float(1 - t if f == "cdf" else t)


def _boltzmann(f, k, l, n):
    if f == "pmf" and k != math.floor(k):
        return 0.0
    k = math.floor(k)
    L, N = _D(l), _D(n)
    Z = 1 - _exp(-L * N)
    if f == "pmf":
        return float((1 - _exp(-L)) * _exp(-L * k) / Z) if 0 <= k <= n - 1 else 0.0
    if k < 0:
        c = 0
    elif k >= n - 1:
        c = 1
    else:
        c = (1 - _exp(-L * (k + 1))) / Z
    if f == "cdf":
        return float(c)
    if k < 0:
        return 1.0
    if k >= n - 1:
        return 0.0
    return float((_exp(-L * (k + 1)) - _exp(-L * N)) / Z)


def _dlaplace_cdf(k, A):
    if k >= 0:
        return 1 - _exp(-A * (k + 1)) / (1 + _exp(-A))
    return _exp(A * k) / (1 + _exp(-A))


def _dlaplace(f, k, a):
    A = _D(a)
    if f == "pmf":
        if k != math.floor(k):
            return 0.0
        return float((1 - _exp(-A)) / (1 + _exp(-A)) * _exp(-A * abs(int(k))))
    k = math.floor(k)
    return float(_dlaplace_cdf(k, A) if f == "cdf" else _dlaplace_cdf(-k - 1, A))


DISCRETE_ACCURATE = {}
for _f in ("pmf", "cdf", "sf"):
    DISCRETE_ACCURATE[("planck", _f)] = (lambda f: lambda k, l: _planck(f, k, l))(_f)
    DISCRETE_ACCURATE[("boltzmann", _f)] = (lambda f: lambda k, l, n: _boltzmann(f, k, l, n))(_f)
    DISCRETE_ACCURATE[("dlaplace", _f)] = (lambda f: lambda k, a: _dlaplace(f, k, a))(_f)
