#!/usr/bin/python3
"""Reference cdf and sf of vonmises (src/catalogue/continuous/circular.c)
for the unit test test_vonmises_large_kappa (test/unit/unitcheck.c), by
mpmath at 40 digits: the tail beyond |x| of exp(kappa (cos t - 1)) /
(2 pi I0(kappa) e^-kappa) on [-pi, pi], integrated by tanh-sinh quadrature
(mp.quad) with break points 0, 1/2, 1, 2, ..., 128 times 1/sqrt(kappa)
past |x|, up to pi.  Needs mpmath (a development tool, not run by the
tests).  Input lines "kappa x", output "kappa x cdf sf":
    echo "1e9 -6.3e-5" | python3 test/tools/vonmises_mp.py
"""
import sys
import mpmath as mp

mp.mp.dps = 40
for line in sys.stdin:
    if not line.strip():
        continue
    k, x = (mp.mpf(float(t)) for t in line.split())
    norm = 2 * mp.pi * mp.besseli(0, k) * mp.exp(-k)
    w = 1 / mp.sqrt(k)
    a = abs(x)
    pts = [a + w * j for j in (0, 0.5, 1, 2, 4, 8, 16, 32, 64, 128) if a + w * j < mp.pi] + [mp.pi]
    tail = mp.quad(lambda t: mp.exp(k * (mp.cos(t) - 1)), pts) / norm
    cdf, sf = (tail, 1 - tail) if x < 0 else (1 - tail, tail)
    print(' '.join(line.split()), mp.nstr(cdf, 17), mp.nstr(sf, 17))
