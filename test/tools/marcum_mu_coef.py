#!/usr/bin/env python3
"""
Coefficients of the large-mu expansion of the Marcum Q function, for
ncx2_marcum_mu in src/catalogue/continuous/noncentral.c (issue 8).

Gil, Segura & Temme (2014), "Algorithm 939: Computation of the Marcum
Q-function", ACM TOMS 40(3), art. 20, section 4.2 (arXiv:1311.0681;
Temme 1993, "Asymptotic and numerical aspects of the noncentral chi-square
distribution", Comput. Math. Appl. 25(5)).  With x, y scaled by mu,
    Q_(mu+1)(mu x, mu y) = int_y^inf (t/x)^(mu/2) e^-mu(x+t) I_mu(2 mu sqrt(x t)) mu dt
and z = 2 sqrt(x t), Debye's expansion of I_mu(mu z) (DLMF 10.41.3) makes
the exponent -mu (phi(z) - phi(z0)),
    phi(z) = -2 log z + z^2 / (4 x) - sqrt(1 + z^2) + log(1 + sqrt(1 + z^2)),
with its saddle at z0 = 2 sqrt(x (1 + x)).  Bleistein's variable w,
phi(z) - phi(z0) = w^2 / 2 (sign of z - z0), turns the integral into
    Q_(mu+1) = sqrt(mu / (2 pi)) int_(-zeta)^inf e^(-mu w^2 / 2) sum_k f_k(w) / mu^k dw,
    f_k(w) = z / (2 x) (1 + z^2)^(-1/4) u_k((1 + z^2)^(-1/2)) dz/dw,
zeta = -w(2 sqrt(x y)), and f_k(w) = sum_j f_jk w^j.  This script computes
the f_jk from power series at 120 digits (mpmath), at sample points of
u = 1 / sqrt(1 + 2 x), and fits f_jk = u^(j + 2 k) D_jk(u^2), D_jk a
polynomial of degree j + 2 k (as the paper's eq. (90) shows for
j + k <= 3), checked on samples not used in the fit and against eq. (90)'s
rationals; the u_k are Debye's polynomials (DLMF 10.41.9), in exact
rationals (sympy).  Prints the C table of the D_jk, rounded to doubles.
Usage: python3 test/tools/marcum_mu_coef.py J K > table.h
"""
import sys

import mpmath as mp
import sympy

mp.mp.dps = 120


def debye_u(kmax):
    """Debye's u_0 .. u_kmax as coefficient lists in p (DLMF 10.41.9)."""
    p, s = sympy.symbols('p s')
    us = [sympy.Integer(1)]
    for _ in range(kmax):
        uk = us[-1]
        nxt = (p**2 * (1 - p**2) * sympy.diff(uk, p) / 2
               + sympy.integrate((1 - 5 * s**2) * uk.subs(p, s), (s, 0, p)) / 8)
        us.append(sympy.expand(nxt))
    out = []
    for uk in us:
        poly = sympy.Poly(uk, p)
        c = [mp.mpf(0)] * (poly.degree() + 1)
        for (e,), v in poly.terms():
            c[e] = mp.mpf(v.p) / v.q
        out.append(c)
    return out


class Series:
    """Truncated power series, n coefficients."""

    def __init__(self, c, n):
        self.n = n
        self.c = (list(c) + [mp.mpf(0)] * n)[:n]

    def __add__(self, o):
        if not isinstance(o, Series):
            return Series([self.c[0] + o] + self.c[1:], self.n)
        return Series([a + b for a, b in zip(self.c, o.c)], self.n)

    def __sub__(self, o):
        return self + (-1 * o if isinstance(o, Series) else -o)

    def __rmul__(self, k):
        return Series([k * a for a in self.c], self.n)

    def __mul__(self, o):
        if not isinstance(o, Series):
            return o * self
        r = [mp.mpf(0)] * self.n
        for i, a in enumerate(self.c):
            if a != 0:
                for j in range(self.n - i):
                    r[i + j] += a * o.c[j]
        return Series(r, self.n)

    def power(self, e):
        """self^e, self.c[0] > 0: (a^e)' a = e a' a^e, term by term."""
        a, n = self.c, self.n
        r = [mp.power(a[0], e)] + [mp.mpf(0)] * (n - 1)
        for m in range(1, n):
            acc = mp.mpf(0)
            for k in range(1, m + 1):
                acc += (e * k - (m - k)) * a[k] * r[m - k]
            r[m] = acc / (m * a[0])
        return Series(r, n)

    def log(self):
        """log self, self.c[0] > 0: m r_m a_0 = m a_m - sum_k k r_k a_(m-k)."""
        a, n = self.c, self.n
        r = [mp.log(a[0])] + [mp.mpf(0)] * (n - 1)
        for m in range(1, n):
            acc = m * a[m]
            for k in range(1, m):
                acc -= k * r[k] * a[m - k]
            r[m] = acc / (m * a[0])
        return Series(r, n)

    def deriv(self):
        return Series([(i + 1) * self.c[i + 1] for i in range(self.n - 1)], self.n)

    def compose(self, b):
        """self(b(v)) with b.c[0] = 0 (Horner)."""
        r = Series([0], self.n)
        for a in reversed(self.c):
            r = r * b + a
        return r

    def revert(self):
        """b with self(b(s)) = s, self.c[0] = 0, self.c[1] != 0."""
        b = Series([0, 1 / self.c[1]], self.n)
        for m in range(2, self.n):
            b.c[m] = -self.compose(b).c[m] / self.c[1]
        return b


def fjk_at(u, J, K, U):
    """f_jk (j <= J, k <= K) at u = 1 / sqrt(1 + 2 x)."""
    n = J + 2
    x = (1 - u * u) / (2 * u * u)
    z0 = 2 * mp.sqrt(x * (1 + x))
    z = Series([z0, 1], n + 2)            # z = z0 + v
    z2 = z * z
    R = (z2 + 1).power(mp.mpf(1) / 2)
    phi = -2 * z.log() + (1 / (4 * x)) * z2 - R + (R + 1).log()
    assert abs(phi.c[1]) < mp.mpf(10) ** -100, phi.c[1]
    g = Series([2 * c for c in phi.c[2:]], n)      # w^2 = v^2 g(v)
    w = Series([0] + g.power(mp.mpf(1) / 2).c[:n - 1], n)
    v = w.revert()                        # v(w)
    zw = v + z0
    q = zw * zw + 1
    t = q.power(mp.mpf(-1) / 2)
    base = (1 / (2 * x)) * zw * q.power(mp.mpf(-1) / 4) * v.deriv()
    out = {}
    for k in range(K + 1):
        uk = Series([0], n)
        for c in reversed(U[k]):
            uk = uk * t + c
        fk = base * uk
        for j in range(J + 1):
            out[(j, k)] = fk.c[j]
    return out


# eq. (90) of the paper: f_jk = u^(j + 2 k) D_jk(u^2) for j + k <= 3
EQ90 = {
    (0, 0): ([1], 1),
    (0, 1): ([3, 0, -5], 24),
    (1, 0): ([3, 1], 6),
    (0, 2): ([81, 0, -462, 0, 385], 1152),
    (1, 1): ([-9, 21, 75, -95], 144),
    (2, 0): ([-3, 0, 5], 24),
    (0, 3): ([30375, 0, -369603, 0, 765765, 0, -425425], 414720),
    (1, 2): ([-729, 1053, 9702, -11550, -12705, 14245], 6912),
    (2, 1): ([27, -144, -402, 1440, -925], 576),
    (3, 0): ([135, -117, -675, 625], 2160),
}


def main():
    J = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    K = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    U = debye_u(K)
    deg = J + 2 * K
    nsamp = deg + 8
    ws = [mp.mpf(1) / 20 + i * (mp.mpf(9) / 10) / (nsamp - 1) for i in range(nsamp)]
    samp = [(w, fjk_at(mp.sqrt(w), J, K, U)) for w in ws]
    D = {}
    worst = mp.mpf(0)
    for j in range(J + 1):
        for k in range(K + 1):
            d = j + 2 * k
            pts = samp[::max(1, (nsamp - 1) // d)] if d > 0 else samp[:1]
            pts = pts[:d + 1]
            A = mp.matrix(d + 1, d + 1)
            rhs = mp.matrix(d + 1, 1)
            for r, (w, f) in enumerate(pts):
                for c in range(d + 1):
                    A[r, c] = w ** c
                rhs[r] = f[(j, k)] / mp.sqrt(w) ** d
            sol = mp.lu_solve(A, rhs)
            D[(j, k)] = [sol[c] for c in range(d + 1)]
            for w, f in samp:              # every sample, the unused ones too
                val = mp.sqrt(w) ** d * sum(D[(j, k)][c] * w ** c for c in range(d + 1))
                worst = max(worst, abs(val - f[(j, k)]) / (abs(f[(j, k)]) + mp.mpf(10) ** -80))
    if worst > mp.mpf(10) ** -60:
        sys.exit('the polynomial model does not hold: %s' % mp.nstr(worst, 5))
    for (j, k), (num, den) in EQ90.items():
        if j <= J and k <= K:
            for a, b in zip(D[(j, k)], num):
                assert abs(a - mp.mpf(b) / den) < mp.mpf(10) ** -60, (j, k)
    print('/* generated by test/tools/marcum_mu_coef.py %d %d: f_jk = u^(j+2k) D_jk(u^2),' % (J, K))
    print('   D_jk[c] the coefficient of (u^2)^c; fit residual %s; eq. (90) matched */'
          % mp.nstr(worst, 3))
    print('#define NCX2_MU_J %d' % J)
    print('#define NCX2_MU_K %d' % K)
    print('static const double ncx2_mu_D[NCX2_MU_J + 1][NCX2_MU_K + 1][NCX2_MU_J + 2 * NCX2_MU_K + 1] = {')
    for j in range(J + 1):
        print('\t{')
        for k in range(K + 1):
            cs = ', '.join(repr(float(c)) if abs(c) > mp.mpf(10) ** -50 else '0'
                           for c in D[(j, k)])
            print('\t\t{%s},' % cs)
        print('\t},')
    print('};')


if __name__ == '__main__':
    main()
