#!/usr/bin/env python3
"""Coefficients d[k][n] of Temme's uniform expansion of the incomplete gamma
function (Temme 1979, SIAM J. Math. Anal. 10, 757-766; DLMF 8.12.8-8.12.10):

  Q(a, x) = erfc(eta sqrt(a/2)) / 2 + exp(-a eta^2/2) / sqrt(2 pi a) sum_k c_k(eta) a^-k,
  c_k(eta) = sum_n d[k][n] eta^n,

with lambda = x/a, mu = lambda - 1, eta^2/2 = mu - log(1 + mu) (eta of mu's sign),
c_0 = 1/mu - 1/eta, c_k = c_{k-1}'(eta)/eta + (-1)^k g_k/mu (g_k the coefficients
of Stirling's series Gamma*(a) = sum_k g_k a^-k).

Computed here with mpmath at 120 digits: mu(eta) by Lagrange inversion of
eta = mu sqrt(2 (mu - log(1 + mu)) / mu^2), then the recursion on Taylor
series.  Usage: temme_coef.py K N  (prints a C table for src/catalogue/continuous/gamma.c).
"""
import sys
import mpmath as mp

mp.mp.dps = 120


def mul(a, b, n):
    return [mp.fsum(a[i] * b[k - i] for i in range(k + 1)) for k in range(n)]


def inv(a, n):
    r = [mp.mpf(0)] * n
    r[0] = 1 / a[0]
    for k in range(1, n):
        r[k] = -mp.fsum(a[i] * r[k - i] for i in range(1, k + 1)) / a[0]
    return r


def sqrt_series(a, n):
    # a[0] = 1
    r = [mp.mpf(0)] * n
    r[0] = mp.mpf(1)
    for k in range(1, n):
        r[k] = (a[k] - mp.fsum(r[i] * r[k - i] for i in range(1, k))) / 2
    return r


def stirling_g(kmax):
    # log Gamma*(a) = sum_m B_2m / (2m (2m - 1)) a^(1 - 2m); exponentiate in t = 1/a
    n = kmax + 1
    lg = [mp.mpf(0)] * n
    for m in range(1, n):
        if 2 * m - 1 < n:
            lg[2 * m - 1] = mp.bernoulli(2 * m) / (2 * m * (2 * m - 1))
    # exp of a series with lg[0] = 0: g' = lg' g
    g = [mp.mpf(0)] * n
    g[0] = mp.mpf(1)
    for k in range(1, n):
        g[k] = mp.fsum(j * lg[j] * g[k - j] for j in range(1, k + 1)) / k
    return g


def coefficients(K, N):
    M = N + 2 * K + 4                    # Taylor terms needed of c_0
    L = M + 3
    s = [2 * mp.mpf(-1) ** i / (i + 2) for i in range(L)]   # 2 (mu - log(1+mu)) / mu^2
    r = sqrt_series(s, L)                # eta = mu r(mu)
    phi = inv(r, L)                      # mu = eta phi(mu)
    # Lagrange: [eta^j] mu = (1/j) [mu^(j-1)] phi^j
    m = [mp.mpf(0)] * (L + 1)
    p = [mp.mpf(1)] + [mp.mpf(0)] * (L - 1)
    for j in range(1, L + 1):
        p = mul(p, phi, L)
        m[j] = p[j - 1] / j
    # mu = eta (1 + m2 eta + m3 eta^2 ...); 1/mu = (1/eta) q(eta)
    q = inv(m[1:L + 1], L)
    c = [q[i + 1] for i in range(L - 1)]  # c_0 = 1/mu - 1/eta
    g = stirling_g(K)
    rows = [c[:N]]
    for k in range(1, K):
        sign = (-1) ** k
        resid = c[1] + sign * g[k] * q[0]
        assert abs(resid) < mp.mpf(10) ** -90 * max(1, abs(c[1])), (k, resid)
        c = [(j + 2) * c[j + 2] + sign * g[k] * q[j + 1] for j in range(len(c) - 2)]
        rows.append(c[:N])
    return rows


if __name__ == "__main__":
    K = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    N = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    rows = coefficients(K, N)
    print("static const double temme_d[TEMME_K][TEMME_N] = {")
    for row in rows:
        vals = [repr(float(v)) for v in row]     # mpmath's float() rounds to nearest
        print("\t{")
        for i in range(0, len(vals), 3):
            print("\t\t" + ", ".join(vals[i:i + 3]) + ("," if i + 3 < len(vals) else ""))
        print("\t},")
    print("};")
