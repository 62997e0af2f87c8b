#!/usr/bin/env python3
"""
Reference values of the regularized incomplete beta I_x(a, b) and its
complement at large shapes, for test/unit/unitcheck.c (test_beta_basym) and
the accuracy sweep behind src/numerics/special.c's BF_BASYM_MAX_LAM.

The smaller tail is mpmath's quadrature (30 digits) of the density
t^(a-1) (1-t)^(b-1) / B(a, b) (ln B from mpmath's loggamma) from x towards
the far end of the law: over 100 L in 200 pieces, L = sd^2 / |x - m| the
density's local decay length at x (m the mode, sd the standard deviation;
60 sd when x is within one sd of m), clipped to [0, 1].  (mpmath's betainc
does not converge at these shapes; scipy's Boost ibeta was 1e-12 off at
a = 15, b = 15,000 and 1.5e-4 off at a = 1e11, b = 1e6 against this
quadrature, which agreed with a direct 2F1 sum at 40 digits where that
converged.)  Independent of the C code.

Points: x = (a - lam) / (a + b) for lam = s min(a, b), s in +-{0, 0.005,
0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3}; the smaller of x and
y = 1 - x is the exact double, the other its complement.  Prints
"a b x y small P Q" per line (small: which of x and y is exact).

Usage: /usr/bin/python3 test/tools/beta_basym_mp.py [--full]
  default: the rows of test_beta_basym (about 20 s);
  --full:  the sweep (min(a, b) 15 .. 1e6, b / a 1e-5 .. 1e5; 1,881 points,
           about 8 minutes).
"""
import sys

import mpmath as mp

mp.mp.dps = 30


def tail(a, b, x, lower):
    a, b = mp.mpf(a), mp.mpf(b)
    lnB = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    m = (a - 1) / (a + b - 2)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    L = min(sd, sd * sd / abs(x - m)) if x != m else sd
    W = 100 * L if L < sd else 60 * sd
    lo, hi = (max(mp.mpf(0), x - W), x) if lower else (x, min(mp.mpf(1), x + W))
    pts = [lo + (hi - lo) * k / 200 for k in range(201)]
    return mp.quad(lambda t: mp.exp((a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - lnB), pts)


def row(a, b, s):
    lam = s * min(a, b)
    xt = mp.mpf(a - lam) / (a + b)
    if xt < 0.5:
        x = float(xt)
        xm = mp.mpf(x)
        y = float(1 - xm)
        small = 'x'
    else:
        y = float(1 - xt)
        xm = 1 - mp.mpf(y)
        x = float(xm)
        small = 'y'
    lower = lam >= 0
    T = tail(a, b, xm, lower)
    P, Q = (T, 1 - T) if lower else (1 - T, T)
    return "%r %r %r %r %s %s %s" % (float(a), float(b), x, y, small, mp.nstr(P, 20), mp.nstr(Q, 20))


if __name__ == "__main__":
    if "--full" in sys.argv:
        fr = [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3]
        for m in [15, 30, 60, 100, 300, 1e3, 1e4, 1e5, 1e6]:
            for q in [1, 1.5, 4, 30, 1e3, 1e5]:
                for swap in (False, True):
                    if q == 1 and swap:
                        continue
                    a, b = (m * q, m) if swap else (m, m * q)
                    for sgn in (1, -1):
                        for t in fr:
                            if t == 0 and sgn < 0:
                                continue
                            xt = mp.mpf(a - sgn * t * m) / (a + b)
                            if 0 < xt < 1:
                                print(row(a, b, sgn * t))
    else:
        for a, b, s in [(100, 100, 0.0), (100, 100, 0.1), (100, 100, -0.3),
                        (100, 1e4, 0.15), (100, 1e4, -0.3), (1e4, 100, 0.3),
                        (1e3, 1e3, 0.03), (1e3, 1e3, -0.07),
                        (3192, 6.5e8, 0.027), (3192, 6.5e8, -0.053),
                        (1e4, 4e4, 0.02), (1e4, 4e4, -0.03), (4e4, 1e4, 0.01),
                        (1e5, 1e5, 0.003), (1e5, 1e10, -0.012), (1e6, 1.5e6, -0.0015)]:
            print(row(a, b, s))
