#!/usr/bin/env python3
"""
Reference values of ncx2's cdf or sf far in its tails at large df, for
test/unit/unitcheck.c (test_ncx2_large_df): the Poisson(nc / 2) mixture
F = sum_j pois(j; nc/2) P(df/2 + j, z/2) (JKB2 ch. 29) with every term's
regularized incomplete gamma from mpmath's gammainc at 30 digits, no
recurrence between terms (test/tools/ncx2_mp.py recurs from one term, which
at 80 digits is exact within about 9 standard deviations but loses the far
lower tail to cancellation).  The terms are summed from the largest (found
on a coarse scan of j in [0, 3 nc / 2 + 200]) outward until they fall below
1e-25 of it.  Independent of the C code.
Usage: python3 test/tools/ncx2_direct_mp.py mu,x,k ...  (mu = df / 2,
x = nc / 2, z = mean + k sd with sd = sqrt(2 (df + 2 nc)); the lower tail
for k < 0, the upper for k > 0); prints C initializers {df, nc, z, tail}.
"""
import math
import sys

import mpmath as mp

mp.mp.dps = 30


def tail(df, nc, z, lower):
    mu, x, y = mp.mpf(df) / 2, mp.mpf(nc) / 2, mp.mpf(z) / 2

    def term(j):
        g = (mp.gammainc(mu + j, 0, y, regularized=True) if lower
             else mp.gammainc(mu + j, y, mp.inf, regularized=True))
        return mp.exp(-x + j * mp.log(x) - mp.loggamma(j + 1)) * g

    hi = int(3 * float(x) + 200)
    step = max(1, hi // 60)
    jm = max((term(j), j) for j in range(0, hi, step))[1]
    top = term(jm)
    s = top
    for d in (1, -1):
        j = jm + d
        while j >= 0:
            t = term(j)
            s += t
            if t < top * mp.mpf(10) ** -25:
                break
            j += d
    return s


def main():
    for a in sys.argv[1:]:
        mu, x, k = map(float, a.split(','))
        df, nc = 2 * mu, 2 * x
        z = df + nc + k * math.sqrt(2 * (df + 2 * nc))
        print('\t\t{%r, %r, %r, %s},' % (df, nc, z, mp.nstr(tail(df, nc, z, k < 0), 17)))


if __name__ == '__main__':
    main()
