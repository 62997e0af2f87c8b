#!/usr/bin/env python3
"""
Reference values of rice's density, cdf and sf at large b, for
test/unit/unitcheck.c (test_rice_large_b): the density
f(z) = z exp(-(z^2 + b^2)/2) I_0(z b) (scipy's documentation), written as
z exp(-(z - b)^2 / 2) e^-zb I_0(z b) so that nothing overflows, and the cdf
and sf as its integrals by mpmath's quadrature at 50 digits over
[b - 60, z] and [z, b + 60] (break points every 4 units about b: the
density is within 1e-700 of 0 beyond 60 units from b for b >= 40).
Independent of the C code.  Prints "b z pdf cdf sf" per line, z = b + k.
Usage: /usr/bin/python3 test/tools/rice_mp.py  (about 40 s).
"""
import mpmath as mp

mp.mp.dps = 50


def pdf(x, b):
    x, b = mp.mpf(x), mp.mpf(b)
    return x * mp.exp(-(x - b) ** 2 / 2) * mp.besseli(0, x * b) * mp.exp(-x * b)


def cdf_sf(z, b):
    z, b = mp.mpf(z), mp.mpf(b)
    lo, hi = max(mp.mpf(0), b - 60), b + 60
    pts = sorted(set([lo, hi] + [b + k for k in range(-40, 41, 4) if lo < b + k < hi]))
    F = mp.quad(lambda x: pdf(x, b), [p for p in pts if p < z] + [z]) if z > lo else mp.mpf(0)
    S = mp.quad(lambda x: pdf(x, b), [z] + [p for p in pts if p > z]) if z < hi else mp.mpf(0)
    return F, S


for b in (40.0, 1000.0, 1e5, 3e7):
    for k in (-8, -3, -1, -0.25, 0, 0.5, 1, 3, 8):
        z = b + k
        F, S = cdf_sf(z, b)
        print("%r %r %s %s %s" % (b, z, mp.nstr(pdf(z, b), 20), mp.nstr(F, 20), mp.nstr(S, 20)))
