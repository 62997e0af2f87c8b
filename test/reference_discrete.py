#!/usr/bin/python3
"""Reference suite of the discrete catalogue (src/catalogue/discrete/).

Usage:
  reference_discrete.py [--harness=PATH] [--only=a,b] [accuracy] [fits]

  accuracy  pmf, cdf, sf and quantile of every discrete entry on its grid
            (test/ref/*.py, DISCRETE lists) against scipy.stats, computed
            live (scipy's discrete functions are cheap; a module's
            DISCRETE_ACCURATE {(name, "pmf" | "cdf" | "sf"): f(k, *shapes)}
            replaces scipy where scipy loses digits): pmf, cdf and sf to
            REL_TOL relative (where the reference is above TINY_REF), the
            quantile exactly (the smallest k with cdf(k) >= p; where scipy's
            cdf at the neighbouring integer equals p to 1e-12 relative, either
            integer is accepted, since the answer then turns on the last bit).
            Through the server (pmf, cdf, quantile: the SQL functions; sf
            from 1 - cdf is not checked there) or, with --harness, through the
            stand-alone evaluator (make test/cateval), which also checks sf.
  fits      each entry's own seeded samples (1,000 rows, exact sketch;
            1,000,000 rows, binned sketch) and FOREIGN count shapes, fitted
            by fit_distributions(..., kind => 'discrete'): ours must reach a
            log-likelihood no lower than the reference fit's minus LL_SLACK.
            The reference is scipy.stats.fit (1.10) with integer parameters
            searched exhaustively over a grid around the truth (scipy's
            fit of integer shapes is a continuous optimiser's and unreliable).

The server is reached through libpq's environment (PGHOST, PGPORT, ...);
exit status 1 when a check fails.
"""
import glob
import math
import os
import subprocess
import sys

import numpy as np
import scipy.stats as st

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref"))

REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref")
DISCRETE = []
DREF = {}
BOUNDS = {}
ACCURATE = {}
for _f in sorted(glob.glob(os.path.join(REF_DIR, "*.py"))):
    _name = os.path.basename(_f)[:-3]
    if _name == "refcommon":
        continue
    _m = __import__(_name)
    DISCRETE += list(getattr(_m, "DISCRETE", []))
    DREF.update(getattr(_m, "DISCRETE_REFERENCE", {}))
    BOUNDS.update(getattr(_m, "DISCRETE_BOUNDS", {}))
    ACCURATE.update(getattr(_m, "DISCRETE_ACCURATE", {}))

REL_TOL = 1e-10
TINY_REF = 1e-280
P_GRID = [1e-10, 1e-6, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-6]
P_ENDS = [0.0, 1.0]
PSQL = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-F", "\x1f"]

HARNESS = None
ONLY = None
FAILURES = []
CHECKS = [0]


def check(ok, message):
    CHECKS[0] += 1
    if not ok:
        FAILURES.append(message)


def dist_of(name):
    return DREF[name] if name in DREF else getattr(st, name)


def dist_text(e, shapes, loc):
    parts = ["%s=%r" % (n, float(v)) for n, v in zip(e.shapes, shapes)] + ["loc=%r" % float(loc)]
    return "%s(%s)" % (e.name, ", ".join(parts))


def psql(script):
    r = subprocess.run(PSQL, input=script, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("psql failed: %s" % r.stderr.strip())
    return [line.split("\x1f") for line in r.stdout.splitlines()]


def sql_float(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


def parse(s):
    if s == "" or s is None:
        return None
    return float(s)


def evaluate(e, rows):
    """(pmf, cdf, quantile, sf) for rows of (shapes, loc, x, p); sf is None
    through the server."""
    if HARNESS is None:
        script = "SET extra_float_digits = 3;\n"
        script += ("SELECT pmf(d, x), cdf(d, x), quantile(d, p)\n"
                   "FROM unnest(ARRAY[%s]::distribution[], '{%s}'::float8[], '{%s}'::float8[])\n"
                   "     WITH ORDINALITY AS u(d, x, p, i)\nORDER BY i;\n") % (
            ", ".join("'%s'" % dist_text(e, r[0], r[1]) for r in rows),
            ",".join(sql_float(r[2]) for r in rows),
            ",".join(sql_float(r[3]) for r in rows))
        return [[parse(v) for v in line] + [None] for line in psql(script)]
    lines = []
    for shapes, loc, x, p in rows:
        vals = [float(v) for v in shapes] + [float(loc)]
        lines.append(" ".join([e.name] + [repr(v) for v in vals] +
                              ["nan" if x is None else repr(float(x)),
                               "nan" if p is None else repr(float(p))]))
    r = subprocess.run([HARNESS], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("harness exited with %d: %s" % (r.returncode, r.stderr.strip()))
    out = []
    for line in r.stdout.splitlines():
        if line.startswith("ERROR"):
            raise RuntimeError(line)
        out.append([parse(v) for v in line.split("\x1f")])
    return out


def close(ours, ref, tol):
    if ours is None:
        return False
    if math.isnan(ref):
        return math.isnan(ours)
    if math.isinf(ref):
        return ours == ref
    if abs(ref) < TINY_REF:
        return abs(ours) < 1e-250
    return abs(ours - ref) <= tol * abs(ref)


def points(dist, shapes, loc):
    """Integers around scipy's quantiles, the support's ends, one below the
    support, and half-integers (cdf floors its argument, pmf is 0 there)."""
    ks = set()
    a, b = dist.support(*shapes, loc=loc)
    for p in P_GRID:
        q = float(dist.ppf(p, *shapes, loc=loc))
        if math.isfinite(q):
            ks.update([q - 1, q, q + 1])
    for end in (a, b):
        if math.isfinite(end):
            ks.update([end - 1, end, end + 1])
    ks = sorted(k for k in ks if math.isfinite(k))
    halves = [k + 0.5 for k in ks[::3]]
    return ks + halves


def accuracy_entry(e):
    dist = dist_of(e.name)
    rows = []
    refs = []
    for shapes, loc in e.grid:
        for x in points(dist, shapes, loc):
            rows.append((shapes, loc, x, None))
            refs.append(("x", shapes, loc, x))
        for p in P_GRID + P_ENDS:
            rows.append((shapes, loc, None, p))
            refs.append(("p", shapes, loc, p))
    out = evaluate(e, rows)
    worst = {}
    for (kind, shapes, loc, v), res in zip(refs, out):
        where = "%s at %s = %r" % (dist_text(e, shapes, loc), kind, v)
        if kind == "x":
            for f, col in (("pmf", 0), ("cdf", 1), ("sf", 3)):
                if (e.name, f) in ACCURATE:
                    ref = float(ACCURATE[(e.name, f)](v - loc, *shapes))
                else:
                    ref = float(getattr(dist, f)(v, *shapes, loc=loc))
                if f == "sf" and HARNESS is None:
                    continue
                tol = BOUNDS.get((e.name, f), REL_TOL)
                ok = close(res[col], ref, tol)
                check(ok, "accuracy %s %s: %s: ours %r, scipy %r" % (e.name, f, where, res[col], ref))
                if res[col] is not None and ref != 0 and math.isfinite(ref) and abs(ref) >= TINY_REF:
                    rel = abs(res[col] - ref) / abs(ref)
                    worst[f] = max(worst.get(f, 0.0), rel)
        else:
            ref = float(dist.ppf(v, *shapes, loc=loc))
            ours = res[2]
            ok = ours is not None and (ours == ref or (math.isnan(ref) and math.isnan(ours)))
            if not ok and ours is not None and math.isfinite(ref) and abs(ours - ref) == 1:
                # p at the cdf of the lower of the two integers, to rounding
                c = float(dist.cdf(min(ours, ref), *shapes, loc=loc))
                ok = abs(c - v) <= 1e-12 * v or abs((1 - c) - (1 - v)) <= 1e-12 * (1 - v)
            check(ok, "accuracy %s quantile: %s: ours %r, scipy %r" % (e.name, where, ours, ref))
    return worst


def run_accuracy():
    for e in DISCRETE:
        if ONLY and e.name not in ONLY:
            continue
        worst = accuracy_entry(e)
        print("accuracy %-24s %s" % (e.name, "  ".join("%s %.2g" % (f, worst[f]) for f in sorted(worst))))


def main(argv):
    global HARNESS, ONLY
    groups = []
    for arg in argv:
        if arg.startswith("--harness="):
            HARNESS = arg.split("=", 1)[1]
        elif arg.startswith("--only="):
            ONLY = set(arg.split("=", 1)[1].split(","))
        elif arg in ("accuracy", "fits"):
            groups.append(arg)
        else:
            print("unknown argument %s" % arg, file=sys.stderr)
            return 2
    groups = groups or ["accuracy", "fits"]
    if "accuracy" in groups:
        run_accuracy()
    if "fits" in groups and HARNESS is None:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import reference_discrete_fits
        reference_discrete_fits.run(sys.modules[__name__], DISCRETE, dist_of, ONLY, check)
    for f in FAILURES[:50]:
        print("FAIL: " + f)
    print("reference_discrete: %d checks, %d failed" % (CHECKS[0], len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
