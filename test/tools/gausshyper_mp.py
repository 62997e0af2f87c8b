#!/usr/bin/python3
"""Reference cdf and sf of gausshyper (src/catalogue/continuous/beta.c) for
the unit test test_gausshyper_large_a (test/unit/unitcheck.c), by mpmath at
40 digits: f(t) = C t^(a-1) (1-t)^(b-1) (1+zt)^(-c) on [0, 1],
1/C = B(a, b) 2F1(c, a; a+b; -z) (mpmath's beta and hyp2f1), each tail
integrated by tanh-sinh quadrature (mp.quad) on its own:
  cdf(x) = int_0^x f: in t where a >= 1 (break points a decade apart
      towards 0, 128 equal steps and, where a > 1 and b > 1, one every
      width within 40 widths of the mode), else in v = t^a (dt t^(a-1) = dv / a,
      256 equal steps), which takes the algebraic end away;
  sf(x) = int_x^1 f: likewise in s = 1 - t where b >= 1, else in
      u = (1 - t)^b.
The last column is cdf + sf - 1: a check of the two quadratures together
(where it is not small, one of them is off; the test takes only tails
whose sum checks, or the tail computed in t).  Needs mpmath (a development
tool, not run by the tests).  Input lines "a b c z x", output
"a b c z x cdf sf cdf+sf-1":
    echo "38.46 0.172 54.5 12.1 0.15" | python3 test/tools/gausshyper_mp.py
"""
import sys
import mpmath as mp

mp.mp.dps = 40


def steps(length):
    """break points on [0, length]: decades towards 0 and 128 equal steps"""
    decades = [length * mp.mpf(10) ** (-k) for k in (30, 20, 15, 12, 10, 8, 6, 5, 4, 3, 2)]
    equal = [length * mp.mpf(i) / 128 for i in range(1, 128)]
    return [mp.mpf(0)] + sorted(set(decades + equal)) + [length]


def grid(length, n=256):
    return [length * mp.mpf(i) / n for i in range(n + 1)]


def peak(a, b, c, z):
    """the density's mode t and width w = 1/sqrt(-(log f)'') where a > 1 and
    b > 1 (the root in (0, 1) of z (c-a-b+2) t^2 + ((a-1)(z-1) - (b-1) - cz) t
    + (a-1)), else None"""
    if not (a > 1 and b > 1):
        return None
    roots = mp.polyroots([z * (c - a - b + 2), (a - 1) * (z - 1) - (b - 1) - c * z, a - 1]) \
        if z * (c - a - b + 2) != 0 else [-(a - 1) / ((a - 1) * (z - 1) - (b - 1) - c * z)]
    t = [mp.re(r) for r in roots if abs(mp.im(r)) < 1e-30 and 0 < mp.re(r) < 1][0]
    d2 = -(a - 1) / t ** 2 - (b - 1) / (1 - t) ** 2 + c * z * z / (1 + z * t) ** 2
    return t, 1 / mp.sqrt(-d2)


def around(pts, lo, hi, pk):
    """pts within [lo, hi] with break points every width within 40 widths of the peak"""
    if pk is None:
        return pts
    t, w = pk
    near = [t + w * j for j in range(-40, 41) if lo < t + w * j < hi]
    return sorted(set(pts + near))


def lower(a, b, c, z, x):
    """int_0^x t^(a-1) (1-t)^(b-1) (1+zt)^(-c) dt"""
    if a >= 1:
        return mp.quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1) * (1 + z * t) ** (-c),
                       around(steps(x), 0, x, peak(a, b, c, z)))
    r = 1 / a
    return r * mp.quad(lambda v: (1 - v ** r) ** (b - 1) * (1 + z * v ** r) ** (-c), grid(x ** a))


def upper(a, b, c, z, x):
    """int_x^1 t^(a-1) (1-t)^(b-1) (1+zt)^(-c) dt"""
    if b >= 1:
        pk = peak(a, b, c, z)
        return mp.quad(lambda s: s ** (b - 1) * (1 - s) ** (a - 1) * (1 + z * (1 - s)) ** (-c),
                       around(steps(1 - x), 0, 1 - x, None if pk is None else (1 - pk[0], pk[1])))
    r = 1 / b
    return r * mp.quad(lambda u: (1 - u ** r) ** (a - 1) * (1 + z * (1 - u ** r)) ** (-c),
                       grid((1 - x) ** b))


for line in sys.stdin:
    if not line.strip():
        continue
    a, b, c, z, x = (mp.mpf(float(t)) for t in line.split())
    norm = 1 / (mp.beta(a, b) * mp.hyp2f1(c, a, a + b, -z))
    lo = norm * lower(a, b, c, z, x)
    up = norm * upper(a, b, c, z, x)
    print(' '.join(line.split()), mp.nstr(lo, 20), mp.nstr(up, 20), mp.nstr(lo + up - 1, 3))
