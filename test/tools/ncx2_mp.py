#!/usr/bin/env python3
"""
Reference values of ncx2's cdf and sf at large noncentrality, for
test/unit/unitcheck.c (test_ncx2_large_nc): the Poisson(nc / 2) mixture of
regularized incomplete gammas, F = sum_j pois(j; nc/2) P(df/2 + j, z/2),
summed by mpmath at 80 digits over j within 25 standard deviations of the
Poisson mean (JKB2 ch. 29): P and Q from mpmath's gammainc at one j, the
others by their exact recurrence (see mixture()).  Independent of the C
code (no double-precision step).  Prints C initializers
{df, nc, z, cdf, sf}; z runs over mean + k sd with sd = sqrt(2 (df + 2 nc)).
Usage: python3 test/tools/ncx2_mp.py > rows.h  (about a minute).
With --pdf: the density's rows {df, nc, z, pdf} instead, from its closed
form f(z) = 1/2 exp(-(z + nc)/2) (z/nc)^((df - 2)/4) I_((df-2)/2)(sqrt(nc z))
(scipy's documentation; mpmath's besseli at 80 digits).
"""
import math
import sys

import mpmath as mp

mp.mp.dps = 80


def mixture(df, nc, z):
    mu, x, y = mp.mpf(df) / 2, mp.mpf(nc) / 2, mp.mpf(z) / 2
    sd = math.sqrt(float(x)) + 1
    lo = max(0, int(float(x) - 25 * sd))
    hi = int(float(x) + 25 * sd)
    # P(mu + k, y) and Q(mu + k, y) directly (mpmath's gammainc) at one k
    # where a = mu + k >= y (its series converges there; for a far below y
    # at y ~ 1e5 it does not), then by the exact recurrences
    # P(a + 1) = P(a) - h(a), Q(a + 1) = Q(a) + h(a), h(a) = y^a e^-y /
    # Gamma(a + 1) (A&S 6.5.21), each h computed directly, at 80 digits:
    # the recurrences' absolute error (~1e-78) is far below every sum here.
    ks = min(max(lo, int(math.ceil(float(y - mu)))), hi)

    def h(a):
        return mp.exp(a * mp.log(y) - y - mp.loggamma(a + 1))

    def w(k):
        return mp.exp(-x + k * mp.log(x) - mp.loggamma(k + 1))

    P0 = mp.gammainc(mu + ks, 0, y, regularized=True)
    Q0 = mp.gammainc(mu + ks, y, mp.inf, regularized=True)
    SP, SQ = w(ks) * P0, w(ks) * Q0
    P, Q = P0, Q0
    for k in range(ks + 1, hi + 1):      # upward
        hk = h(mu + k - 1)
        P, Q = P - hk, Q + hk
        SP += w(k) * P
        SQ += w(k) * Q
    P, Q = P0, Q0
    for k in range(ks - 1, lo - 1, -1):  # downward
        hk = h(mu + k)
        P, Q = P + hk, Q - hk
        SP += w(k) * P
        SQ += w(k) * Q
    return SP, SQ


def pdf_rows():
    for df, nc, k in [(0.002, 2000.0, -8), (0.002, 2000.0, 0.3), (1.0, 1200.0, 6), (2.0, 5000.0, -3),
                      (15.0, 1000.0, 1), (80.0, 3000.0, -9), (3.0, 1e5, 2), (0.5, 4e5, -5),
                      (3000.0, 1500.0, 0.5)]:
        sd = math.sqrt(2 * (df + 2 * nc))
        z = float(df + nc + k * sd)
        d, n, x = mp.mpf(df), mp.mpf(nc), mp.mpf(z)
        f = mp.exp(-(x + n) / 2) * (x / n) ** ((d - 2) / 4) * mp.besseli((d - 2) / 2, mp.sqrt(n * x)) / 2
        print("\t\t{%r, %r, %r, %s}," % (df, nc, z, mp.nstr(f, 17)))


def main():
    grid = [
        (0.002, 2000.0), (1.0, 1200.0), (2.0, 5000.0), (15.0, 1000.0), (80.0, 3000.0),
        (0.002, 2e5), (3.0, 1e5), (2.0, 2e4), (0.5, 4e5),
        (3000.0, 1500.0),       # df^2 >> nc: the expansion gives way to the mixture
    ]
    ks = [-9, -5, -2, -0.6, -0.05, 0, 0.04, 0.7, 2, 5, 9]
    for df, nc in grid:
        sd = math.sqrt(2 * (df + 2 * nc))
        for k in (ks if nc <= 2e4 and df < 1000 else [-4, 0.5, 6] if df >= 1000 else [-6, -1, 0.3, 4, 8]):
            z = float(df + nc + k * sd)
            P, Q = mixture(df, nc, z)
            print("\t\t{%r, %r, %r, %s, %s}," % (df, nc, z, mp.nstr(P, 17), mp.nstr(Q, 17)))
            sys.stdout.flush()


if __name__ == "__main__":
    if "--pdf" in sys.argv[1:]:
        pdf_rows()
    else:
        main()
