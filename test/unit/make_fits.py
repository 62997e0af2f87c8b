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

Run after changing a case or an entry's quantile:
    make test/unit/unitcheck && /usr/bin/python3 test/unit/make_fits.py
"""
import os
import subprocess
import sys
import warnings

import numpy as np
import scipy
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
]


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
        checksum, x = sample(name, params, seed, n)
        dist = getattr(st, name)
        fitted = dist.fit(x)
        ll = float(np.sum(dist.logpdf(x, *fitted)))
        lines.append("%s %d %d %d %s %s %.10f %s" % (
            name, seed, n, len(params), " ".join("%r" % float(p) for p in params), checksum, ll,
            " ".join("%.10g" % v for v in fitted)))
        print(lines[-1], file=sys.stderr)
    with open(os.path.join(HERE, "fits.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
