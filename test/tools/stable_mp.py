#!/usr/bin/python3
"""Reference values of levy_stable (S1) for the unit test near beta = +-1
(test_stable_skewed in test/unit/unitcheck.c), by mpmath at 80 digits:
Nolan (1997), "Numerical calculation of stable densities and distribution
functions", Commun. Statist. Stochastic Models 13, 759, Theorem 1, in its
direct theta parameterization (theta0 = atan(beta tan(pi alpha/2))/alpha,
the integral over (-theta0, pi/2)), which at 80 digits keeps some 65 digits
where pi/2 +- theta0 cancels in double precision (beta = 1 - 1e-12).  Not
the C code's formulation (distance to the ends, complementary sines): an
independent check of it.  QUAD by mpmath's tanh-sinh with break points at
the point where g = 1 (bisection) and +-1, 4, 16, 64, 256 times its width.
Needs python3-mpmath (a development tool, not run by the tests).
"pdfcf" instead: the density by inversion of the characteristic function
(Gil-Pelaez / Fourier, f(z) = (1/pi) Int_0^inf Re exp(-i z t) phi(t) dt,
phi(t) = exp(-t^alpha (1 - i beta tan(pi alpha/2))) or, alpha = 1,
exp(-t (1 + i beta (2/pi) log t)): Samorodnitsky & Taqqu (1994), the S1
parameterization), at 30 digits: a second, unrelated method (slow; the
integrand oscillates; alpha >= 0.8 or so).
Input lines "z alpha beta pdf|cdf|sf|pdfcf", output one value per line:
    echo "-3 0.345 0.999999999999 cdf" | /usr/bin/python3 test/tools/stable_mp.py
"""
import sys, mpmath as mp
mp.mp.dps = 80
def stable(z, alpha, beta, what):
    z = mp.mpf(z); alpha = mp.mpf(alpha); beta = mp.mpf(beta)
    if z < 0:
        z, beta = -z, -beta
        what = {'cdf': 'sf', 'sf': 'cdf', 'pdf': 'pdf'}[what]
    th0 = mp.atan(beta * mp.tan(mp.pi * alpha / 2)) / alpha
    a, b = -th0, mp.pi / 2
    if b - a <= 0:
        return mp.mpf(0) if what != 'cdf' else mp.mpf(1)
    e = alpha / (alpha - 1)
    def logg(t):
        return mp.re(e * mp.log(z) + mp.log(mp.cos(alpha * th0)) / (alpha - 1)
                + e * (mp.log(mp.cos(t)) - mp.log(mp.sin(alpha * (th0 + t))))
                + mp.log(mp.cos(alpha * th0 + (alpha - 1) * t)) - mp.log(mp.cos(t)))
    # g monotone: locate log g = 0
    lo, hi = a + (b - a) * mp.mpf(10) ** -60, b - (b - a) * mp.mpf(10) ** -60
    flo, fhi = logg(lo), logg(hi)
    pts = [a, b]
    if (flo < 0) != (fhi < 0):
        for _ in range(400):
            m = (lo + hi) / 2
            if (logg(m) < 0) == (flo < 0): lo = m
            else: hi = m
        tm = (lo + hi) / 2
        h = (b - a) * mp.mpf(10) ** -6
        der = abs(logg(tm + h) - logg(tm - h)) / (2 * h) if tm - h > a and tm + h < b else None
        w = 1 / der if der else (b - a) / 100
        extra = [tm]
        for k in (1, 4, 16, 64, 256):
            for s in (-1, 1):
                x = tm + s * k * w
                if a < x < b: extra.append(x)
        pts = sorted(set([a, b] + extra))
    eps = (b - a) * mp.mpf(10) ** -60
    def ig(t, kind):
        t = min(max(t, a + eps), b - eps)
        lg = mp.re(logg(t))
        g = mp.exp(lg)
        if kind == 0: return g * mp.exp(-g)
        if kind == 1: return mp.exp(-g)
        return -mp.expm1(-g)
    if what == 'pdf':
        return mp.re(alpha / (mp.pi * abs(alpha - 1) * z) * mp.quad(lambda t: ig(t, 0), pts))
    if what == 'sf':
        return mp.re(mp.quad(lambda t: ig(t, 2 if alpha < 1 else 1), pts) / mp.pi)
    return mp.re((mp.pi / 2 - th0) / mp.pi + mp.quad(lambda t: ig(t, 1 if alpha < 1 else 2), pts) / mp.pi)
def pdf_cf(z, alpha, beta):
    with mp.workdps(30):
        x = mp.mpf(z); a = mp.mpf(alpha); b = mp.mpf(beta)
        if a == 1:
            f = lambda t: mp.re(mp.exp(-1j * x * t - t * (1 + 1j * b * 2 / mp.pi * mp.log(t))))
        else:
            T = mp.tan(mp.pi * a / 2)
            f = lambda t: mp.re(mp.exp(-1j * x * t - t ** a * (1 - 1j * b * T)))
        return mp.quad(f, mp.linspace(0, 200, 801) + [mp.inf]) / mp.pi
if __name__ == '__main__':
    for line in sys.stdin:
        z, a, b, what = line.split()
        v = pdf_cf(float(z), float(a), float(b)) if what == 'pdfcf' else stable(float(z), float(a), float(b), what)
        print(mp.nstr(v, 20))
