#!/usr/bin/python3
"""Writes test/unit/fits.tsv: scipy's own maximum-likelihood fits of the
engine unit test's samples (make unitcheck).

Each case names an entry, its generating parameters (scipy's order:
shapes, loc, scale), a seed and a row count.  The sample is drawn by the
harness itself (`test/unit/unitcheck sample ...`: inverse transform of
MT19937 uniforms through the entry's quantile), so scipy fits exactly the
values the unit test fits; its checksum is stored so that a changed
quantile function is caught.  scipy's fit starts from its own default
start values (as test/reference.py's exact phase does); the stored value is
scipy's log-likelihood of its fitted parameters on the sample.  The unit
test passes when our parameters' log-likelihood on the same raw sample is
at least this minus 1.  (erlang: scipy does not hold erlang's a to the
integers, so its reference is a continuous-a fit the integer search can
only approach; 0.86 below it on this sample.)

A case may fit its sample with another entry (written "fitted@generator"):
norminvgauss on a lognormal(s = 3) sample, whose maximum lies where
|b| < a becomes tight (b / a -> 1, a -> infinity, scale -> 0: the
inverse-Gaussian-like limit).  scipy's fit from its default start stops
far from it (its Nelder-Mead meets |b| < a as a wall: -119,846 on this
sample), so the reference for a bounded pair of shapes (BOUNDED) is the
better of that and scipy.optimize's Nelder-Mead on scipy's logpdf in the
coordinates (log a, atanh(b / a), loc, log scale) from the starts in
BOUNDED_STARTS (about 2 minutes each): -53,474.

Run after changing a case or an entry's quantile:
    make test/unit/unitcheck && /usr/bin/python3 test/unit/make_fits.py
"""
import os
import subprocess
import sys
import warnings

import numpy as np
import scipy
import scipy.optimize as so
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
UNITCHECK = os.path.join(HERE, "unitcheck")

# (entry, generating parameters, seed, rows): 1,000 rows give exact sketches,
# 20,000 rows binned ones (more than 3,000 distinct values)
CASES = [
    ("norm", (10.0, 2.0), 1, 1000),
    ("logistic", (10.0, 2.0), 2, 1000),
    ("gamma", (2.5, 1.0, 3.0), 3, 1000),
    ("lognorm", (0.6, 0.5, 4.0), 4, 1000),
    ("weibull_min", (1.8, 0.5, 3.0), 5, 1000),
    ("expon", (2.0, 3.0), 6, 1000),
    ("pareto", (3.0, -1.0, 2.0), 7, 1000),
    ("beta", (2.0, 5.0, 1.0, 3.0), 8, 1000),
    ("t", (5.0, 3.0, 2.0), 9, 1000),
    ("genextreme", (-0.2, 5.0, 2.0), 10, 1000),
    ("invgauss", (0.5, 1.0, 4.0), 11, 1000),
    ("triang", (0.3, 1.0, 4.0), 12, 1000),
    ("uniform", (2.0, 5.0), 13, 1000),
    ("erlang", (3.0, 0.0, 2.0), 14, 1000),
    ("skewnorm", (4.0, 1.0, 2.0), 15, 1000),
    ("burr12", (2.0, 3.0, 0.0, 5.0), 16, 1000),
    ("johnsonsu", (1.0, 2.0, 0.5, 1.5), 17, 1000),
    ("norm", (1000.0, 5.0), 21, 20000),
    ("gamma", (2.0, 5.0, 3.0), 22, 20000),
    ("lognorm", (1.0, 0.0, 1.0), 23, 20000),
    ("weibull_min", (1.5, 0.0, 2.0), 24, 20000),
    ("beta", (0.8, 2.5, 0.0, 1.0), 25, 20000),
    ("norminvgauss@lognorm", (3.0, 0.0, 1.0), 31, 20000),
]

# entries with a joint constraint |shape i| < shape j: (i, j), as the
# engine's BfFitHints.bound_by; starts (a, b / a) for the reference fit
BOUNDED = {"norminvgauss": (1, 0)}
BOUNDED_STARTS = [(1.0, 0.99), (0.5, 0.999)]


def bounded_fit(dist, x, i, j, first):
    """Nelder-Mead (scipy.optimize) on scipy's logpdf with shape i moved as
    atanh(shape_i / shape_j), from scipy's fit and BOUNDED_STARTS (loc and
    scale from the median and the interquartile range); the best point."""
    def params(t):
        p = list(t)
        p[j] = np.exp(t[j])
        p[i] = p[j] * np.tanh(t[i])
        p[-1] = np.exp(t[-1])
        return p

    def nll(t):
        v = -np.sum(dist.logpdf(x, *params(t)))
        return v if np.isfinite(v) else 1e300

    med = float(np.median(x))
    iqr = float(np.subtract(*np.percentile(x, [75, 25])))
    starts = []
    if abs(first[i]) < first[j]:
        starts.append([np.log(first[j]) if k == j else np.arctanh(first[i] / first[j]) if k == i else
                       np.log(first[k]) if k == len(first) - 1 else first[k] for k in range(len(first))])
    for a0, r0 in BOUNDED_STARTS:
        t = [0.0] * len(first)
        t[j], t[i], t[-2], t[-1] = np.log(a0), np.arctanh(r0), med, np.log(iqr)
        starts.append(t)
    best = None
    for t in starts:
        for _ in range(2):
            r = so.minimize(nll, t, method="Nelder-Mead",
                            options=dict(maxiter=20000, maxfev=20000, xatol=1e-10, fatol=1e-8))
            t = r.x
        if best is None or r.fun < best.fun:
            best = r
    return tuple(params(best.x)), -best.fun


def sample(name, params, seed, n):
    out = subprocess.run([UNITCHECK, "sample", name, str(seed), str(n)] + ["%r" % float(p) for p in params],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    checksum = out[0].split()[-1]
    return checksum, np.array([float(v) for v in out[1:]])


def main():
    warnings.simplefilter("ignore")
    lines = ["# scipy %s, numpy %s: scipy's own fit of each unit-test sample (make_fits.py)" %
             (scipy.__version__, np.__version__),
             "# name seed rows nparams generating-parameters... sample-checksum scipy-loglik scipy-parameters..."]
    for name, params, seed, n in CASES:
        fitted_name, _, generator = name.partition("@")
        checksum, x = sample(generator or fitted_name, params, seed, n)
        dist = getattr(st, fitted_name)
        fitted = dist.fit(x)
        ll = float(np.sum(dist.logpdf(x, *fitted)))
        if fitted_name in BOUNDED:
            other, other_ll = bounded_fit(dist, x, *BOUNDED[fitted_name], fitted)
            if other_ll > ll:
                fitted, ll = other, other_ll
        lines.append("%s %d %d %d %s %s %.10f %s" % (
            name, seed, n, len(params), " ".join("%r" % float(p) for p in params), checksum, ll,
            " ".join("%.10g" % v for v in fitted)))
        print(lines[-1], file=sys.stderr)
    with open(os.path.join(HERE, "fits.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
