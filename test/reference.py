#!/usr/bin/python3
"""Reference suite of bestfit: the extension against scipy.stats.

Run inside a cluster whose connection is set in the PG* variables, e.g.

    pg_virtualenv -v 15 /usr/bin/python3 test/reference.py [--live | --refresh] [GROUPS] [--only=a,b]

(/usr/bin/python3: Debian's interpreter, which has scipy and numpy).  The
database is reached through psql subprocesses only.  Checks:

1. accuracy   pdf, cdf and quantile of every catalogue entry on a grid of
              parameter sets and points (body and both tails) against
              scipy's pdf, cdf and ppf: |ours - ref| <= 1e-300 + 1e-9 |ref|.
              Where scipy.stats itself is less accurate than that (cauchy
              and halfnorm cdf and ppf, pareto cdf, fisk ppf, t ppf), the
              reference is made accurate: see ACCURATE and reference_ppf().
2. exact fit  1,000-row samples (exact sketches), from each entry itself and
              from five other shapes fitted with every entry: scipy's
              log-likelihood of OUR parameters on the raw sample must be at
              least that of scipy's own fit minus 1 (ours only needs to be
              finite where scipy's fit fails).  Not ok on the entry's own
              sample is a failure; on a foreign shape it is allowed only when
              scipy's fit fails too.
3. binned fit the same with 1,000,000 rows (binned sketches): each entry on
              its own sample, and every entry on three of the foreign shapes
              (FOREIGN_BINNED).  scipy's fits run in a Pool(2) with a time
              budget; the database fits run one at a time before them, so at
              most two heavy processes run at once.

Every sample comes from numpy's default_rng with a fixed seed, so runs are
reproducible.  Arguments (accuracy, exact, binned) run only those groups.

Where scipy's values come from (README.md, Tests):

  (default)   stored values: scipy's accuracy references (and the
              ACCURATE self-tests) and scipy's own fits are read from
              expected/scipy/MODULE.json.gz, one file per test/ref module,
              written by --refresh.  The fits still run in the database;
              the samples are still drawn, and their sha256 must match the
              stored one ("sample changed: refresh ..." otherwise); scipy
              still computes the log-likelihood of our parameters on them.
              A rotating subset is recomputed by scipy and compared with
              the stored values: ROT_ACC_ENTRIES entries' accuracy
              references and self-tests (1e-12 relative) and one scipy fit
              per fit phase (loglik within ROT_FIT_TOL = 0.01), chosen from git
              HEAD's hash or BESTFIT_REF_ROTATION=ANY-STRING.
  --live      scipy computes everything now (scipy's fits with the time
              budgets below), as before the stored values existed.
  --refresh   no database: compute the stored values with scipy and write
              expected/scipy/ (the groups given, default all three;
              --only=a,b: only those entries' values, merged into the
              files; --missing: only values not stored yet, to resume an
              interrupted refresh; --jobs=N processes, default 2;
              --budget=SECONDS: wall clock for scipy's fits, default 3
              hours).  Only scipy and the test/ref modules compute them,
              never the extension.
  --harness=PATH  accuracy only, through the stand-alone evaluator
              (make test/cateval) instead of the server.
  --only=a,b  only these entries.
The last line is "reference: N passed, M failed", counting individual checks
(one per compared value in 1, one per fitted (sample, entry) pair in 2 and
3, and the self-tests of the accurate references); the exit status is 0 only
when M == 0.
"""

import glob
import gzip
import hashlib
import json
import math
import multiprocessing
import os
import subprocess
import sys
import time
import warnings
import zlib
from collections import namedtuple

import numpy as np
import scipy
import scipy.special
import scipy.stats as st

# ---------------------------------------------------------------------------
# The catalogue as scipy sees it
# ---------------------------------------------------------------------------

# The catalogue as the suite sees it: test/ref/*.py, one module per family
# file of src/catalogue/continuous/ (same name).  Each module
# defines ENTRIES (a list of refcommon.Entry) and may define ACCURATE
# (references more accurate than scipy.stats, keyed (name, "cdf" | "ppf"),
# standardized arguments), REFERENCE (name -> an rv_continuous written from
# the published formulas, for the entries Debian's scipy lacks) and
# PUBLISHED (published values, see refcommon).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref"))
from refcommon import Entry, LOCSCALE       # noqa: E402

ENTRIES = []
ACCURATE = {}
# (name, function) -> relative tolerance replacing REL_TOL where scipy's own
# value is noisier than that and no independent reference exists (each
# documented in its module and in README's known limits)
ACCURACY_BOUNDS = {}
REFERENCE = {}
PUBLISHED = []
# The modules: every test/ref/*.py except refcommon, in sorted order (a new
# family module needs no edit here); MODULE_OF[name] is the module an entry
# comes from, which also names its file of stored values (expected/scipy/).
REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref")
MODULES = sorted(os.path.basename(_f)[:-3] for _f in glob.glob(os.path.join(REF_DIR, "*.py"))
                 if os.path.basename(_f) != "refcommon.py")
MODULE_OF = {}
for _mod in MODULES:
    _m = __import__(_mod)
    for _e in getattr(_m, "ENTRIES", []):
        MODULE_OF[_e.name] = _mod
    ENTRIES += list(getattr(_m, "ENTRIES", []))
    ACCURATE.update(getattr(_m, "ACCURATE", {}))
    REFERENCE.update(getattr(_m, "REFERENCE", {}))
    PUBLISHED += list(getattr(_m, "PUBLISHED", []))
    ACCURACY_BOUNDS.update(getattr(_m, "ACCURACY_BOUNDS", {}))
NAMES = [e.name for e in ENTRIES]
BY_NAME = {e.name: e for e in ENTRIES}

# Probabilities for quantile() and for the points x = ppf(p) of pdf() and
# cdf(); p = 0 and 1 only where scipy's ppf is finite (bounded support).
P_GRID = [1e-10, 1e-6, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-6]
P_ENDS = [0.0, 1.0]
# Fixed points in standardized units, x = loc + scale * z (some fall outside
# bounded supports: pdf 0 is skipped, cdf 0 is skipped, cdf 1 is compared).
Z_FIXED = [-3.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.5, 7.0]

# Self-test tolerance of ACCURATE formulas whose scipy counterpart is itself
# noisier than 1e-12 in the body (see the module that defines them).
SELFTEST_TOL = {("kstwobign", "pdf"): 1e-7,
                # scipy's generic ppf stops at an absolute x tolerance of 1e-14
                ("gausshyper", "ppf"): 1e-11,
                # scipy integrates its pdf at epsabs=1e-11 (see test/ref/studentized.py)
                ("studentized_range", "pdf"): 1e-11}
PANELS = 8
# Consistency tolerance replacing 1e-8 for the pdf integral (documented in
# README's known limits): levy_stable's pdf and cdf, both Nolan's integrals,
# agree to 1.3e-8 relative only on the far left tail of alpha = 0.8,
# beta = -1 (the quadrature of the check is not the limit: 8 and 32 panels
# give the same).
CONSISTENCY_TOL = {"levy_stable": 2e-8}
REL_TOL = 1e-9          # accuracy: |ours - ref| <= ABS_TOL + REL_TOL * |ref|
ABS_TOL = 1e-300
TINY_REF = 1e-280       # reference values below this are not compared
LL_SLACK = 1.0          # fits: ours >= scipy's - LL_SLACK

# Known deviations, decided by the lead engineer and listed in README.md's
# known limits: on 1,000,000 rows of normal data, gamma and fisk run along a
# ridge towards their normal limit (a -> infinity, c -> infinity) and the
# optimiser stops short of scipy's end point, measured at -13.5 and -5.1.
# They are still checked, against this looser bound, and reported as KNOWN,
# so that a regression beyond it fails; everything else keeps LL_SLACK.
KNOWN_DEVIATIONS = {
    ("binned", "normal(1000,5)", "gamma"): 20.0,
    ("binned", "normal(1000,5)", "fisk"): 10.0,
    # Unbounded likelihoods (README, known limits), compared by the spacings
    # criterion (judge_one): our fit is a spike where scipy's is not, or
    # nearer its data end.  arcsine's density diverges at both support ends
    # whatever its parameters (ours at 2 and 6.99998, scipy's at 2 and
    # 7.00006: 4.6 below); gausshyper's engine follows b to 0.20 and a spike
    # at the largest value, where scipy stops at a smooth local maximum of
    # lower likelihood (18.7 below).
    ("exact", "arcsine", "arcsine"): 6.0,
    ("exact", "gausshyper", "gausshyper"): 20.0,
}
LL_BEAT = 10.0          # fits: report where ours > scipy's + LL_BEAT

N_EXACT = 1000
N_BINNED = 1000000
# Foreign shapes (name, generator): the core entries are fitted to each at N_EXACT.
FOREIGN = [
    ("normal(1000,5)", lambda rng, n: rng.normal(1000.0, 5.0, n)),
    ("lognormal(s=1)", lambda rng, n: rng.lognormal(0.0, 1.0, n)),
    ("exponential(2)", lambda rng, n: rng.exponential(2.0, n)),
    ("uniform[2,7]", lambda rng, n: rng.uniform(2.0, 7.0, n)),
    ("t(2.5)*3-40", lambda rng, n: -40.0 + 3.0 * rng.standard_t(2.5, n)),
]
FOREIGN_BY_NAME = dict(FOREIGN)
# Foreign shapes also fitted with every entry at N_BINNED (scipy's fits on
# 1e6 rows take about 2 minutes per shape on 2 cores; exponential(2) and the
# t are left out to keep the whole suite well under 25 minutes).
# Only the core entries (test/ref/core.py) are fitted to foreign shapes at
# this size: the whole catalogue would add hours of scipy fits.
CORE_NAMES = __import__("refcommon").CORE_NAMES
FOREIGN_BINNED = [("lognormal(s=1)", CORE_NAMES), ("normal(1000,5)", CORE_NAMES), ("uniform[2,7]", CORE_NAMES)]

# scipy's fits on N_BINNED rows: wall-clock budget of the whole phase (about
# 10 minutes on 2 idle cores).  A fit still running when it is spent is a
# failed check ("not compared"); the whole suite stays under ~22 minutes.
BINNED_SCIPY_BUDGET = 20 * 60.0
EXACT_SCIPY_BUDGET = 15 * 60.0
# scipy's fits that are not stored yet, computed live by the default run:
# at most this long in all (an own sample not finished by then is judged
# against its generating parameters, as in the live run)
UNSTORED_SCIPY_BUDGET = 10 * 60.0

# Entries whose scipy fit is not run (it takes many minutes even on 1,000
# rows: scipy's generic fit evaluates a numerically integrated pdf or ppf):
# their own samples are checked against the log-likelihood of the
# generating parameters instead, which scipy's MLE would at least reach.
SLOW_SCIPY_FIT = {"levy_stable", "landau"}

# Entries left out of the binned phase: scipy (or the test/ref reference)
# draws their samples by inverting a numerically integrated cdf row by row,
# so 1,000,000 rows take from minutes (dpareto_lognorm, ksone) to about
# half an hour (genexpon) or hours (kstwo, levy_stable, landau, gausshyper).
BINNED_SKIP = {"genexpon", "gausshyper", "levy_stable", "landau", "ksone", "kstwo", "dpareto_lognorm",
               "studentized_range"}
# Left out of both fit phases: each studentized_range cdf value is a double
# integral (5-10 ms), so one fit takes minutes and scipy's sampling and fit
# hours (README, known limits); its accuracy is checked like every entry's.
FIT_SKIP = {"studentized_range"}

PSQL = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-F", "\x1f"]


def dist_of(name):
    """scipy.stats' distribution, or the module's REFERENCE where Debian's
    scipy lacks it."""
    if name in REFERENCE:
        return REFERENCE[name]
    return getattr(st, name)


# --harness PATH: evaluate pdf/cdf/quantile with the stand-alone evaluator
# (make test/cateval) instead of the server; --only a,b: only these entries.
HARNESS = None
ONLY = None


def seed_of(label):
    """A fixed seed per sample, independent of the order of the tables."""
    return zlib.crc32(label.encode())


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

class Tally:
    """Counts of individual checks, failure lines and notes."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []      # one line per failed (group of) check(s)
        self.notes = []         # remarkable but passing results

    def mark(self):
        return self.passed, self.failed

    def since(self, mark):
        return "%d passed, %d failed" % (self.passed - mark[0], self.failed - mark[1])

    def check(self, ok, message=None, count=1):
        if ok:
            self.passed += count
        else:
            self.failed += count
            if message:
                self.failures.append(message)
        return ok


TALLY = Tally()


def psql(script):
    """Run a script through psql; returns the output rows (split on \\x1f)."""
    r = subprocess.run(PSQL, input=script, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip() or "psql exited with %d" % r.returncode)
    return [line.split("\x1f") for line in r.stdout.splitlines()]


def sql_float(v):
    return "NULL" if v is None else repr(float(v))


def parse_float(s):
    return None if s == "" else float(s)     # float() reads Infinity and NaN


def dist_text(name, shapes, params_shapes, loc, scale):
    parts = ["%s=%r" % (k, float(v)) for k, v in zip(shapes, params_shapes)]
    parts += ["loc=%r" % float(loc), "scale=%r" % float(scale)]
    return "%s(%s)" % (name, ", ".join(parts))


def quiet():
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")


# ---------------------------------------------------------------------------
# 1. Accuracy of pdf, cdf, quantile
# ---------------------------------------------------------------------------

# Where scipy.stats itself is not accurate to REL_TOL, the reference is the
# same function computed with a formula that does not cancel (standardized z
# or p; scipy.special/numpy only).  Checked against 60-digit mpmath values
# at every point of the grid; reference_selftest() checks each against
# scipy.stats where scipy is accurate.
#   cauchy cdf   scipy: 0.5 + arctan(z)/pi, loses ~1e-6 relative at p = 1e-10
#   cauchy ppf   scipy: tan(pi*(p - 0.5)), idem (p - 0.5 rounds)
#   halfnorm cdf scipy: 2*ndtr(z) - 1, loses ~1e-6 relative near loc
#   halfnorm ppf scipy: ndtri((1 + p)/2), idem
#   pareto cdf   scipy: 1 - z**-b, loses ~1e-10 relative near the lower end
#   fisk ppf     scipy: (1/p - 1)**(-1/c), loses ~1e-11 relative near p = 1
def _cauchy_ppf(p):
    if p == 0.5:
        return 0.0
    return -1.0 / math.tan(math.pi * p) if p < 0.5 else 1.0 / math.tan(math.pi * (1.0 - p))


ACCURATE.update({
    ("cauchy", "cdf"): lambda z: math.atan2(1.0, -z) / math.pi,
    ("cauchy", "ppf"): _cauchy_ppf,
    ("halfnorm", "cdf"): lambda z: float(scipy.special.erf(z / math.sqrt(2.0))) if z > 0 else 0.0,
    ("halfnorm", "ppf"): lambda p: math.sqrt(2.0) * float(scipy.special.erfinv(p)),
    ("pareto", "cdf"): lambda z, b: -math.expm1(-b * math.log1p(z - 1.0)) if z > 1 else 0.0,
    ("fisk", "ppf"): lambda p, c: (p / (1.0 - p)) ** (1.0 / c),
})


def reference_pdf(e, x, shapes, loc, scale):
    acc = ACCURATE.get((e.name, "pdf"))
    if acc is None:
        return float(dist_of(e.name).pdf(x, *shapes, loc=loc, scale=scale))
    return acc((x - loc) / scale, *shapes) / scale


def reference_cdf(e, x, shapes, loc, scale):
    acc = ACCURATE.get((e.name, "cdf"))
    if acc is None:
        return float(dist_of(e.name).cdf(x, *shapes, loc=loc, scale=scale))
    return acc((x - loc) / scale, *shapes)


def reference_ppf(e, p, shapes, loc, scale):
    """scipy's ppf(p), as loc + scale * z.  Where scipy's own cdf (sf above
    p = 0.5) says z is off by more than 1e-12 of x (t.ppf, cdflib's stdtrit,
    is only good to ~1e-8), z is polished by Newton steps on that cdf;
    returns (x, polished)."""
    dist = dist_of(e.name)
    acc = ACCURATE.get((e.name, "ppf"))
    if acc is not None and 0.0 < p < 1.0:
        return loc + scale * acc(p, *shapes), False
    z0 = float(dist.ppf(p, *shapes))
    if not math.isfinite(z0) or p in (0.0, 1.0):
        return loc + scale * z0, False

    def residual(z):        # (F(z) - p, the Newton correction)
        f = float(dist.pdf(z, *shapes))
        if p <= 0.5:
            r = float(dist.cdf(z, *shapes)) - p
        else:
            r = (1.0 - p) - float(dist.sf(z, *shapes))   # 1 - p is exact here
        return r, r / f if f > 0 else math.nan

    r, dz = residual(z0)
    z = z0
    for _ in range(6):
        if not math.isfinite(dz) or abs(scale * dz) <= 1e-12 * abs(loc + scale * z):
            break
        z_new = z - dz
        r_new, dz_new = residual(z_new)
        if not abs(r_new) < abs(r):
            break
        z, r, dz = z_new, r_new, dz_new
    return loc + scale * z, z != z0


def selftest_one(name, f):
    """Worst relative difference of ACCURATE[(name, f)] from scipy.stats for
    p in [0.01, 0.99] on the entry's grid (slow where the formula or scipy
    integrates: stored by --refresh)."""
    acc = ACCURATE[(name, f)]
    e = BY_NAME[name]
    worst = 0.0
    for shapes, _, _ in e.grid:
        dist = dist_of(name)
        for p in np.linspace(0.01, 0.99, 99):
            if f == "ppf":
                ref, ours = float(dist.ppf(p, *shapes)), acc(p, *shapes)
            elif f == "pdf":
                z = float(dist.ppf(p, *shapes))
                ref, ours = float(dist.pdf(z, *shapes)), acc(z, *shapes)
            else:
                z = float(dist.ppf(p, *shapes))
                ref, ours = float(dist.cdf(z, *shapes)), acc(z, *shapes)
            worst = max(worst, abs(ours - ref) / max(abs(ref), 1e-300))
    return worst


def selftest_keys():
    return [(name, f) for (name, f) in sorted(ACCURATE) if not (ONLY and name not in ONLY) and name not in REFERENCE]


def reference_selftest():
    """The ACCURATE formulas against scipy.stats where scipy is accurate
    (p in [0.01, 0.99]): one check each, 1e-12 relative (pdf overrides:
    SELFTEST_TOL, where scipy's own pdf is only that good in the body).
    Default run: the results stored by the refresh, recomputed now for the
    rotating entries (rotation_accuracy())."""
    live = set(e.name for e in ENTRIES) if MODE == "live" else set(rotation_accuracy())
    for name, f in selftest_keys():
        how = ""
        if name in live:
            worst = selftest_one(name, f)
        else:
            rec = ((load_store(MODULE_OF[name]) or {}).get("selftest") or {}).get("%s|%s" % (name, f))
            if rec is None:
                TALLY.check(False, "reference self-test: accurate %s %s: no stored result: refresh the stored values "
                            "with %s" % (name, f, refresh_command([name])))
                continue
            worst, how = rec["worst"], " (stored by the refresh)"
        TALLY.check(worst <= SELFTEST_TOL.get((name, f), 1e-12), "reference self-test: accurate %s %s differs from scipy.stats by %.3g "
                    "in the body%s" % (name, f, worst, how))
        print("reference self-test: accurate %s %s vs scipy.stats for p in [0.01, 0.99]: max rel diff %.2e%s"
              % (name, f, worst, how))
    if ONLY and "t" not in ONLY:
        return
    worst = 0.0
    x = np.random.default_rng(seed_of("t_loglik")).standard_t(3.0, 1000) * 2.0 + 5.0
    for df in (0.7, 1.5, 5.0, 30.0, 500.0, 1999.0, 2001.0, 1e4):
        ref = scipy_loglik(st.t, x, [df], 5.0, 2.0)
        worst = max(worst, abs(t_loglik(x, df, 5.0, 2.0) - ref) / abs(ref))
    TALLY.check(worst <= 1e-12, "reference self-test: t_loglik differs from scipy's t.logpdf by %.3g" % worst)
    print("reference self-test: stable t log-likelihood vs scipy's t.logpdf for df in [0.7, 1e4]: max rel diff %.2e"
          % worst)


def accuracy_refs(e):
    """scipy's (or ACCURATE's) values on entry e's grid: {dist text: {"x":
    the points of pdf and cdf (Z_FIXED and scipy's ppf(P_GRID + P_ENDS),
    sorted), "pdf", "cdf" (references at x), "p" (P_GRID + P_ENDS), "ppf"
    (references at p), "polished" (how many ppf values Newton polished)}}.
    The slow, deterministic part of the accuracy check: stored in
    expected/scipy/ by --refresh."""
    dist = dist_of(e.name)
    out = {}
    for shapes, loc, scale in e.grid:
        text = dist_text(e.name, e.shapes, shapes, loc, scale)
        xs = [loc + scale * z for z in Z_FIXED]
        for p in P_GRID + P_ENDS:
            x = float(dist.ppf(p, *shapes, loc=loc, scale=scale))
            if math.isfinite(x):
                xs.append(x)
        xs = sorted(set(xs))
        rec = dict(x=xs, pdf=[reference_pdf(e, x, shapes, loc, scale) for x in xs],
                   cdf=[reference_cdf(e, x, shapes, loc, scale) for x in xs], p=list(P_GRID + P_ENDS),
                   ppf=[], polished=0)
        for p in P_GRID + P_ENDS:
            q, pol = reference_ppf(e, p, shapes, loc, scale)
            rec["ppf"].append(q)
            rec["polished"] += pol
        out[text] = rec
    return out


def accuracy_entry(e, refs):
    """Compare pdf, cdf, quantile of entry e over its grid in ONE query with
    the references refs (accuracy_refs(e), live or stored).
    Returns ({function: (max rel err, compared, failed, worst description)}, polished)."""
    rows = []           # (dist text, x or None, p or None)
    checks = []         # (function, ref value, description) per row and function
    polished = 0
    for shapes, loc, scale in e.grid:
        text = dist_text(e.name, e.shapes, shapes, loc, scale)
        rec = refs[text]
        polished += rec["polished"]
        for x, rpdf, rcdf in zip(rec["x"], rec["pdf"], rec["cdf"]):
            rows.append((text, x, None))
            checks.append([("pdf", rpdf, "%s at x=%r" % (text, x)), ("cdf", rcdf, "%s at x=%r" % (text, x))])
        for p, q in zip(rec["p"], rec["ppf"]):
            rows.append((text, None, p))
            checks.append([("quantile", q, "%s at p=%r" % (text, p))])
    result = {f: [0.0, 0, 0, ""] for f in ("pdf", "cdf", "quantile")}
    try:
        out = evaluate(e, rows)
        if len(out) != len(rows):
            raise RuntimeError("expected %d rows, got %d" % (len(rows), len(out)))
    except Exception as exc:
        TALLY.check(False, "accuracy %s: query failed: %s" % (e.name, exc))
        return None, polished
    column = {"pdf": 0, "cdf": 1, "quantile": 2}
    for row_out, row_refs in zip(out, checks):
        for f, ref, where in row_refs:
            if not math.isfinite(ref) or abs(ref) < TINY_REF:
                continue
            ours = parse_float(row_out[column[f]])
            err = abs(ours - ref) if ours is not None else math.inf
            ok = err <= ABS_TOL + ACCURACY_BOUNDS.get((e.name, f), REL_TOL) * abs(ref)     # False for NaN
            rel = err / abs(ref) if err <= math.inf else math.inf     # NaN -> inf
            res = result[f]
            res[1] += 1
            if not ok:
                res[2] += 1
            if rel > res[0] or (not ok and res[3] == ""):
                res[0] = max(res[0], rel)
                res[3] = "%s: ours %s, scipy %r" % (where, row_out[column[f]] or "NULL", ref)
            TALLY.check(ok)
    for f, (mx, n, nf, worst) in result.items():
        if nf:
            TALLY.failures.append("accuracy %s %s: %d of %d points off, max rel err %.3g (worst %s)"
                                  % (e.name, f, nf, n, mx, worst))
    return result, polished


def harness_line(e, text_params, x, p):
    return " ".join([e.name] + [repr(float(v)) for v in text_params] +
                    ["nan" if x is None else repr(float(x)), "nan" if p is None else repr(float(p))])


def evaluate(e, rows):
    """pdf(d, x), cdf(d, x), quantile(d, p) for rows of (dist text, x, p):
    one SQL query, or the stand-alone evaluator with --harness."""
    if HARNESS is None:
        script = "SET extra_float_digits = 3;\n"
        script += ("SELECT pdf(d, x), cdf(d, x), quantile(d, p)\n"
                   "FROM unnest(ARRAY[%s]::distribution[], '{%s}'::float8[], '{%s}'::float8[])\n"
                   "     WITH ORDINALITY AS u(d, x, p, i)\nORDER BY i;\n") % (
            ", ".join("'%s'" % r[0] for r in rows),
            ",".join(sql_float(r[1]) for r in rows),
            ",".join(sql_float(r[2]) for r in rows))
        return psql(script)
    lines = []
    for text, x, p in rows:
        inside = text[text.index("(") + 1:-1]
        values = [float(kv.split("=", 1)[1]) for kv in inside.split(", ")]
        lines.append(harness_line(e, values, x, p))
    r = subprocess.run([HARNESS], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("harness exited with %d: %s" % (r.returncode, r.stderr.strip()))
    out = [line.split("\x1f") for line in r.stdout.splitlines()]
    for line in out:
        if line[0].startswith("ERROR"):
            raise RuntimeError(line[0])
    return out


def consistency_entry(e):
    """Internal consistency of an entry Debian's scipy lacks (its REFERENCE
    is our own transcription of the formulas, so the extension is also
    checked against itself): on every grid set, cdf(quantile(p)) = p
    (1e-9 relative, in the lower tail, and 1 - p in the upper one) and the
    pdf integrates to the cdf: cdf(x[i+1]) - cdf(x[i]) equals the integral
    of pdf over [x[i], x[i+1]] between consecutive quantiles x[i], by
    30-point Gauss-Legendre on PANELS panels (geometric in heavy tails),
    1e-8 relative to the difference.  Returns the worst
    (inversion, integration) errors."""
    ps = [1e-6, 1e-3, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1 - 1e-6]
    nodes, weights = np.polynomial.legendre.leggauss(30)

    def panels(a, b, loc, scale):
        """[a, b] cut into PANELS pieces: geometric in z = (x - loc)/scale
        when both ends have the same sign of z and differ by more than a
        factor 4 (heavy tails), equal otherwise."""
        za, zb = (a - loc) / scale, (b - loc) / scale
        if za * zb > 0 and max(za / zb, zb / za) > 4.0:
            r = np.geomspace(abs(za), abs(zb), PANELS + 1) * math.copysign(1.0, za)
        else:
            r = np.linspace(za, zb, PANELS + 1)
        r = [a] + [loc + scale * z for z in r[1:-1]] + [b]
        return list(zip(r[:-1], r[1:]))
    worst_inv = worst_int = 0.0
    for shapes, loc, scale in e.grid:
        text = dist_text(e.name, e.shapes, shapes, loc, scale)
        out = evaluate(e, [(text, None, p) for p in ps])
        qs = [parse_float(row[2]) for row in out]
        rows = [(text, q, None) for q in qs]
        for a, b in zip(qs, qs[1:]):
            for pa, pb in panels(a, b, loc, scale):
                rows += [(text, 0.5 * (pa + pb) + 0.5 * (pb - pa) * t, None) for t in nodes]
        out = evaluate(e, rows)
        cdfs = [parse_float(row[1]) for row in out[:len(qs)]]
        for p, c in zip(ps, cdfs):
            err = abs(c - p) / p if p <= 0.5 else abs((1 - c) - (1 - p)) / (1 - p)
            worst_inv = max(worst_inv, err)
            TALLY.check(err <= 1e-9, "consistency %s %s: cdf(quantile(%r)) = %r" % (e.name, text, p, c))
        k = len(qs)
        pos = k
        for i, (a, b) in enumerate(zip(qs, qs[1:])):
            integral = 0.0
            for pa, pb in panels(a, b, loc, scale):
                pdfs = [parse_float(row[0]) for row in out[pos:pos + 30]]
                pos += 30
                integral += 0.5 * (pb - pa) * sum(w * f for w, f in zip(weights, pdfs))
            diff = cdfs[i + 1] - cdfs[i]
            err = abs(integral - diff) / diff
            worst_int = max(worst_int, err)
            TALLY.check(err <= CONSISTENCY_TOL.get(e.name, 1e-8), "consistency %s %s: integral of pdf over [%r, %r] = %r, cdf difference %r"
                        % (e.name, text, a, b, integral, diff))
    return worst_inv, worst_int


def run_published():
    """Published values of standardized pdf/cdf (PUBLISHED in test/ref)."""
    for name, shapes, z, f, value, source in PUBLISHED:
        if ONLY and name not in ONLY:
            continue
        e = BY_NAME[name]
        text = dist_text(name, e.shapes, shapes, 0.0, 1.0)
        out = evaluate(e, [(text, z, None)])
        ours = parse_float(out[0][0 if f == "pdf" else 1])
        err = abs(ours - value) / abs(value)
        TALLY.check(err <= 1e-9, "published %s %s(%r) = %r (%s), ours %r" % (text, f, z, value, source, ours))
        print("published %-14s %s(%r) = %.15g (%s): ours %.15g, rel err %.1e" % (name, f, z, value, source, ours, err))


def run_accuracy():
    print("== 1. accuracy of pdf, cdf, quantile against scipy (tolerance %g relative; references %s)"
          % (REL_TOL, "computed by scipy now (--live)" if MODE == "live" else "stored in expected/scipy/"))
    reference_selftest()
    mark = TALLY.mark()
    total_polished = 0
    for e in ENTRIES:
        if ONLY and e.name not in ONLY:
            continue
        t0 = time.time()
        if MODE == "live":
            refs = accuracy_refs(e)
        else:
            refs, why = stored_accuracy(e)
            if refs is None:
                TALLY.check(False, "accuracy %s: %s" % (e.name, why))
                print("accuracy %-12s %s" % (e.name, why))
                continue
        result, polished = accuracy_entry(e, refs)
        total_polished += polished
        if result is None:
            print("accuracy %-12s query failed" % e.name)
            continue
        parts = []
        for f in ("pdf", "cdf", "quantile"):
            mx, n, nf, _ = result[f]
            parts.append("%s max %.2e (%d pts%s)" % (f, mx, n, ", %d FAILED" % nf if nf else ""))
        print("accuracy %-12s %d sets: %s  [%.1fs]" % (e.name, len(e.grid), "; ".join(parts), time.time() - t0))
        if e.name in REFERENCE:
            try:
                inv, integ = consistency_entry(e)
                print("consistency %-9s (no scipy.stats entry in Debian's scipy %s): cdf(quantile(p)) max rel err %.1e, "
                      "pdf integral vs cdf max rel err %.1e" % (e.name, scipy.__version__, inv, integ))
            except Exception as exc:
                TALLY.check(False, "consistency %s: failed: %s" % (e.name, exc))
    run_published()
    print("accuracy: %d scipy ppf values polished by Newton steps on scipy's cdf/sf" % total_polished)
    print("accuracy: %d entries, %d parameter sets, one check per compared value: %s"
          % (len(ENTRIES), sum(len(e.grid) for e in ENTRIES), TALLY.since(mark)))
    if MODE == "stored":
        rotate_accuracy()


# ---------------------------------------------------------------------------
# Stored reference values (expected/scipy/MODULE.json.gz)
# ---------------------------------------------------------------------------
#
# One gzip'd JSON file per module of test/ref/, written by --refresh from
# scipy (and the modules' ACCURATE/REFERENCE) only, never from the
# extension:
#   scipy, numpy, python        versions that computed the values
#   accuracy {entry: {dist text: accuracy_refs' record, plus "seconds"}}
#   fits     {"group|kind|label|n|entry": {sha256 (of the sample's float64
#            bytes), n, fitted (scipy's fit: shapes, loc, scale), theirs
#            (loglik() of it on the sample), truth (of the generating
#            parameters, own samples), error, timeout, seconds}}
# The default run compares the extension with these values; only scipy's
# own fits and the accuracy references are read from here: the samples are
# still drawn (and their fingerprint compared) and scipy still evaluates
# the log-likelihood of our parameters on them.

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# BESTFIT_REF_STORE=DIR: another directory (to try a refresh without touching the repository's files)
STORE_DIR = os.environ.get("BESTFIT_REF_STORE") or os.path.join(REPO, "expected", "scipy")
STORE_FORMAT = 1
MODE = "stored"         # "stored" (default), "live" (--live), "refresh" (--refresh)
STORE = {}              # module -> its loaded file
ROT_ACC_ENTRIES = 3     # entries whose accuracy references are recomputed live each run
ROT_ACC_SECONDS = 20.0  # ... among those whose stored references took at most this long
ROT_FIT_SECONDS = {"exact": 20.0, "binned": 30.0}   # one scipy fit per phase re-run live, among these
ROT_ACC_TOL = 1e-12     # live vs stored accuracy references, relative
ROT_FIT_TOL = 0.01      # live vs stored scipy fit loglik: absolute (1% of LL_SLACK), plus 1e-10 relative


def refresh_command(names=None):
    return "/usr/bin/python3 test/reference.py --refresh%s" % (
        " --only=%s" % ",".join(sorted(names)) if names else "")


def store_path(module):
    return os.path.join(STORE_DIR, module + ".json.gz")


def load_store(module):
    if module not in STORE:
        try:
            with gzip.open(store_path(module), "rt") as f:
                STORE[module] = json.load(f)
        except FileNotFoundError:
            STORE[module] = None
    return STORE[module]


def write_store(module, data):
    """Deterministic bytes (sorted keys, gzip mtime 0): a refresh that
    changes nothing changes no file."""
    os.makedirs(STORE_DIR, exist_ok=True)
    text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    tmp = store_path(module) + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(text)
    os.replace(tmp, store_path(module))


def merge_store(module, accuracy=None, fits=None, selftest=None, prune=None):
    """Merge new values into a module's file under a lock (two refreshes
    may run at once, e.g. accuracy and fits): accuracy {entry: refs},
    fits {key: record}; prune(kind, key) -> True drops an old key (a full
    refresh drops what it no longer produces)."""
    import fcntl
    os.makedirs(STORE_DIR, exist_ok=True)
    with open(os.path.join(STORE_DIR, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        STORE.pop(module, None)
        data = load_store(module) or dict(format=STORE_FORMAT, module=module, accuracy={}, fits={})
        versions = dict(scipy=scipy.__version__, numpy=np.__version__, python=sys.version.split()[0])
        if any(data.get(k) not in (None, v) for k, v in versions.items()) and (accuracy or fits or selftest):
            print("refresh: %s: values computed with scipy %s, numpy %s are merged with these of scipy %s, numpy %s:"
                  " run a full refresh" % (module, data.get("scipy"), data.get("numpy"), versions["scipy"],
                                            versions["numpy"]))
        data.setdefault("selftest", {})
        if prune:
            for section in ("accuracy", "fits", "selftest"):
                data[section] = {k: v for k, v in data[section].items() if not prune(section, k)}
        data["accuracy"].update(accuracy or {})
        data["fits"].update(fits or {})
        data["selftest"].update(selftest or {})
        with open(os.path.join(REF_DIR, module + ".py"), "rb") as f:
            data["module_sha256"] = hashlib.sha256(f.read()).hexdigest()
        data.update(versions, format=STORE_FORMAT, module=module,
                    refresh=refresh_command() + " (or --only=ENTRY,...): see README.md, Tests")
        write_store(module, data)
        STORE[module] = data


def stored_versions():
    """The scipy and numpy versions of the stored values, e.g. "scipy 1.10.1,
    numpy 1.24.2" (per module when they differ); a difference from the
    running ones is noted (the fingerprints and the rotation tell whether
    it matters)."""
    by = {}
    for m in MODULES:
        data = load_store(m)
        v = "scipy %s, numpy %s" % (data.get("scipy"), data.get("numpy")) if data else "nothing stored"
        by.setdefault(v, []).append(m)
    now = "scipy %s, numpy %s" % (scipy.__version__, np.__version__)
    if set(by) != {now}:
        TALLY.notes.append("stored values computed with %s; running %s" % (
            "; ".join("%s (%s)" % (v, ", ".join(ms)) for v, ms in sorted(by.items())), now))
    return "; ".join(v if len(by) == 1 else "%s: %s" % (v, ", ".join(ms)) for v, ms in sorted(by.items()))


def stored_accuracy(e):
    """(the stored references of entry e, None) or (None, why not)."""
    data = load_store(MODULE_OF[e.name])
    refs = (data or {}).get("accuracy", {}).get(e.name)
    hint = "refresh the stored values with %s" % refresh_command([e.name])
    if data is None:
        return None, "no stored values (%s missing): %s" % (os.path.relpath(store_path(MODULE_OF[e.name]), REPO), hint)
    if refs is None:
        return None, "no stored values for this entry: %s" % hint
    for shapes, loc, scale in e.grid:
        text = dist_text(e.name, e.shapes, shapes, loc, scale)
        if text not in refs:
            return None, "no stored values for %s (the grid changed?): %s" % (text, hint)
        if refs[text]["p"] != list(P_GRID + P_ENDS):
            return None, "stored values for other probabilities than P_GRID: %s" % hint
    return refs, None


def fit_key(group, kind, label, n, name):
    return "%s|%s|%s|%d|%s" % (group, kind, label, n, name)


def fingerprint(x):
    return hashlib.sha256(np.ascontiguousarray(x, dtype="<f8").tobytes()).hexdigest()


def stored_fit(group, job):
    """(stored record, None) or (None, why not)."""
    kind, label, n, name, _ = job
    data = load_store(MODULE_OF[name])
    rec = (data or {}).get("fits", {}).get(fit_key(group, kind, label, n, name))
    if rec is None:
        return None, "no stored scipy fit: refresh the stored values with %s" % refresh_command([name])
    return rec, None


def rotation():
    """The rotating subset's seed: BESTFIT_REF_ROTATION, or git HEAD's hash,
    so that a run (and a CI failure) is reproducible for a given commit."""
    seed = os.environ.get("BESTFIT_REF_ROTATION")
    if seed:
        return seed, "BESTFIT_REF_ROTATION"
    try:
        r = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], capture_output=True, text=True)
        if r.returncode == 0 and r.stdout.strip():
            return r.stdout.strip(), "git HEAD"
    except OSError:
        pass
    return "0", "default (no git HEAD)"


def rotation_rng(what):
    import random
    seed, _ = rotation()
    return random.Random(int(hashlib.sha256(("%s/%s" % (seed, what)).encode()).hexdigest(), 16))


def same_value(a, b, tol):
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= tol * abs(b)


def stored_seconds(name):
    """What the refresh measured for an entry's accuracy references and
    self-tests (infinite when not stored)."""
    refs = stored_accuracy(BY_NAME[name])[0]
    if refs is None:
        return math.inf
    tests = (load_store(MODULE_OF[name]) or {}).get("selftest") or {}
    return max(r.get("seconds", 0.0) for r in refs.values()) + sum(
        tests.get("%s|%s" % k, {}).get("seconds", 0.0) for k in selftest_keys() if k[0] == name)


ROTATION_ACCURACY = None


def rotation_accuracy():
    """The entries whose accuracy references (and self-tests) are recomputed
    by scipy on this run: ROT_ACC_ENTRIES chosen from the rotation seed among
    those the refresh computed within ROT_ACC_SECONDS."""
    global ROTATION_ACCURACY
    if ROTATION_ACCURACY is None:
        seed, source = rotation()
        cands = sorted(e.name for e in ENTRIES if (not ONLY or e.name in ONLY)
                       and stored_seconds(e.name) <= ROT_ACC_SECONDS)
        ROTATION_ACCURACY = sorted(rotation_rng("accuracy").sample(cands, min(ROT_ACC_ENTRIES, len(cands))))
        print("rotation (seed %s from %s): accuracy references and self-tests recomputed by scipy now: %s"
              % (seed[:12], source, ", ".join(ROTATION_ACCURACY) or "none"))
    return ROTATION_ACCURACY


def rotate_accuracy():
    """Recompute, with scipy now, the references of the rotating entries
    and compare them with the stored ones: one check per (entry, function)."""
    for name in rotation_accuracy():
        e = BY_NAME[name]
        t0 = time.time()
        live, stored = accuracy_refs(e), stored_accuracy(e)[0]
        worst = {}
        for f in ("x", "pdf", "cdf", "ppf"):
            bad = []
            rel = 0.0
            for text in live:
                a, b = live[text][f], stored[text][f]
                if len(a) != len(b):
                    bad.append("%s: %d points now, %d stored" % (text, len(a), len(b)))
                    continue
                for i, (u, v) in enumerate(zip(a, b)):
                    if not same_value(u, v, ROT_ACC_TOL):
                        bad.append("%s point %d: %r now, %r stored" % (text, i, u, v))
                    if u != v:
                        rel = max(rel, abs(u - v) / abs(v) if math.isfinite(u - v) and v != 0 else math.inf)
            worst[f] = rel
            TALLY.check(not bad, "rotation: accuracy %s %s: scipy's values now differ from the stored ones (%d, first %s):"
                        " %s" % (name, f, len(bad), bad[0] if bad else "", "refresh the stored values with "
                                 + refresh_command([name])))
        print("rotation: accuracy %-12s live vs stored references: %s  [%.1fs]" % (
            name, ", ".join("%s max rel diff %.1e" % kv for kv in worst.items()), time.time() - t0))


# ---------------------------------------------------------------------------
# 2 and 3. Fit quality
# ---------------------------------------------------------------------------

def own_sample(e, n):
    shapes, loc, scale = e.sample
    rng = np.random.default_rng(seed_of("%s/%d" % (e.name, n)))
    return dist_of(e.name).rvs(*shapes, loc=loc, scale=scale, size=n, random_state=rng)


def foreign_sample(label, n):
    rng = np.random.default_rng(seed_of("%s/%d" % (label, n)))
    return FOREIGN_BY_NAME[label](rng, n)


def make_sample(kind, label, n):
    return own_sample(BY_NAME[label], n) if kind == "own" else foreign_sample(label, n)


def fit_in_database(x, names):
    """Load x into a temp table, fit names; returns (sketch summary,
    {name: (params dict or None, status, loglik)}, seconds of the fit)."""
    # the sample goes in PostgreSQL's binary COPY format (bit for bit; 20 times
    # faster to write than repr() text for 1,000,000 rows), read by psql's \copy
    import struct
    import tempfile
    rows = np.empty(len(x), dtype=[("n", ">i2"), ("len", ">i4"), ("x", ">f8")])
    rows["n"], rows["len"], rows["x"] = 1, 8, np.asarray(x, dtype=float)
    fd, path = tempfile.mkstemp(prefix="bestfit-ref-", suffix=".copy")
    with os.fdopen(fd, "wb") as f:
        f.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0) + rows.tobytes() + struct.pack(">h", -1))
    try:
        return _fit_in_database(path, names)
    finally:
        os.unlink(path)


def _fit_in_database(path, names):
    script = ("CREATE TEMP TABLE t (x float8);\n"
              "\\copy t FROM '%s' WITH (FORMAT binary)\n"
              "SET extra_float_digits = 3;\n"
              "SELECT fit_histogram_summary(fit_histogram(x)) FROM t;\n"
              "SELECT extract(epoch FROM clock_timestamp());\n"
              "SELECT distribution, params, status, loglik, array_to_string(warnings, ' | ')\n"
              "FROM fit_distributions((SELECT fit_histogram(x) FROM t), ARRAY[%s]);\n"
              "SELECT extract(epoch FROM clock_timestamp());\n") % (path, ", ".join("'%s'" % n for n in names))
    out = psql(script)
    # integral parameters print without a decimal point (scale=72000000000000000):
    # read every JSON number as a float, as the extension stores them
    summary = json.loads(out[0][0], parse_int=float)
    fits = {}
    for dname, params, status, loglik, warnings in out[2:-1]:
        fits[dname] = (json.loads(params, parse_int=float) if params else None, status, parse_float(loglik),
                       warnings or "")
    seconds = float(out[-1][0]) - float(out[1][0])
    return summary, fits, seconds


def scipy_loglik(dist, x, shapes, loc, scale):
    with np.errstate(all="ignore"):
        return float(np.sum(dist.logpdf(x, *shapes, loc=loc, scale=scale)))


def t_loglik(x, df, loc, scale):
    """Log-likelihood of t(df, loc, scale), stable for large df.  scipy's
    t.logpdf computes gammaln((df+1)/2) - gammaln(df/2) and log(1 + z**2/df),
    which cancel when df is large: at df = 1e13 it is off by ~0.03 per point
    (checked with mpmath), and fits on normal-like data push df that far.
    Here: log(Gamma(a+1/2) / (Gamma(a) sqrt(a))), a = df/2, by its
    asymptotic series for a >= 1000 (error < 1e-17), and log1p."""
    z = (np.asarray(x, dtype=float) - loc) / scale
    a = df / 2.0
    if a >= 1000.0:
        c = -1 / (8 * a) + 1 / (192 * a ** 3) + 1 / (640 * a ** 5)
    else:
        c = scipy.special.gammaln(a + 0.5) - scipy.special.gammaln(a) - 0.5 * math.log(a)
    with np.errstate(all="ignore"):
        lp = c - 0.5 * math.log(2 * math.pi) - (df + 1) / 2 * np.log1p(z * z / df) - math.log(scale)
    return float(np.sum(lp))


def loglik(name, x, shapes, loc, scale):
    """scipy's log-likelihood of (shapes, loc, scale) on x; for t, the same
    formula written so that it stays accurate at large df (see t_loglik)."""
    if name == "t":
        return t_loglik(x, shapes[0], loc, scale)
    return scipy_loglik(dist_of(name), x, shapes, loc, scale)


def scipy_side_many(jobs, x, group=None):
    """Worker: scipy_side without scipy's fits for jobs on one sample x (with
    the stored scipy fit's spacings criterion, see mps)."""
    return [scipy_side(job, False, x, group) for job in jobs]


def mps(dist, x, shapes, loc, scale):
    """The maximum-product-of-spacings criterion (Cheng & Amin 1983, JRSS B
    45; Ranneby 1984): sum over the n + 1 spacings of the sorted sample of
    log(F(x_(i)) - F(x_(i-1))), F(x_(0)) = 0 and F(x_(n+1)) = 1.  Bounded
    above by (n + 1) log(1 / (n + 1)) where the likelihood is not: the
    criterion by which fits of an unbounded likelihood are compared (a
    density spike at a data point gains nothing).  Tied values give zero
    spacings, clipped at 1e-300."""
    with np.errstate(all="ignore"):
        u = dist.cdf(np.sort(np.asarray(x, dtype=float)), *shapes, loc=loc, scale=scale)
    d = np.diff(np.concatenate(([0.0], u, [1.0])))
    if not np.all(np.isfinite(d)):
        return math.nan
    return float(np.sum(np.log(np.maximum(d, 1e-300))))


def scipy_side(job, do_fit=True, x=None, group=None):
    """Worker: scipy's own fit of one (sample, entry) (when do_fit), scipy's
    log-likelihood of our parameters and, on the entry's own sample, of the
    generating parameters.  job = (kind, label, n, name, params); x: the
    sample when the caller has it (drawn again otherwise).  On exact samples
    (n <= N_EXACT) also the spacings criterion (mps) of our fit and of
    scipy's (its live fit, or the stored one of group)."""
    quiet()
    kind, label, n, name, params = job
    if x is None:
        x = make_sample(kind, label, n)
    sha = fingerprint(x)
    dist = dist_of(name)
    e = BY_NAME[name]
    ours = ours_raw = ends = None
    if params is not None:
        shapes = [params[s] for s in e.shapes]
        ours = loglik(name, x, shapes, params["loc"], params["scale"])
        ours_raw = scipy_loglik(dist, x, shapes, params["loc"], params["scale"])
        if not math.isfinite(ours):     # for the report: which end is off
            lo, hi = float(np.min(x)), float(np.max(x))
            ends = (lo, float(dist.logpdf(lo, *shapes, loc=params["loc"], scale=params["scale"])),
                    hi, float(dist.logpdf(hi, *shapes, loc=params["loc"], scale=params["scale"])))
    truth = None
    if kind == "own":
        shapes, loc, scale = e.sample
        truth = loglik(name, x, list(shapes), loc, scale)
    ours_mps = theirs_mps = None
    if n <= N_EXACT and params is not None:
        ours_mps = mps(dist, x, [params[s] for s in e.shapes], params["loc"], params["scale"])
    t0 = time.time()
    if not do_fit:
        if n <= N_EXACT and group is not None:
            rec, _ = stored_fit(group, job)
            if rec and rec.get("fitted") and rec.get("sha256") == sha:
                theirs_mps = mps(dist, x, rec["fitted"][:-2], rec["fitted"][-2], rec["fitted"][-1])
        return dict(job=job, ours=ours, ours_raw=ours_raw, ends=ends, truth=truth, theirs=None,
                    fitted=None, error="scipy's fit not run", seconds=0.0, sha256=sha,
                    ours_mps=ours_mps, theirs_mps=theirs_mps)
    try:
        if kind == "own" and n >= N_BINNED:
            # scipy's fit from the generating parameters: its best chance,
            # and fast enough for 1,000,000 rows
            shapes, loc, scale = e.sample
            fitted = dist.fit(x, *shapes, loc=loc, scale=scale)
        else:
            fitted = dist.fit(x)
        theirs = loglik(name, x, fitted[:-2], fitted[-2], fitted[-1])
        err = None
    except Exception as exc:            # scipy's fit failed
        fitted, theirs, err = None, math.nan, "%s: %s" % (type(exc).__name__, exc)
    seconds = time.time() - t0
    if n <= N_EXACT and fitted is not None:
        theirs_mps = mps(dist, x, fitted[:-2], fitted[-2], fitted[-1])
    return dict(job=job, ours=ours, ours_raw=ours_raw, ends=ends, truth=truth, theirs=theirs,
                fitted=None if fitted is None else [float(v) for v in fitted],
                error=err, seconds=seconds, sha256=sha, ours_mps=ours_mps, theirs_mps=theirs_mps)


def with_stored_fit(group, job, live):
    """scipy_side's live part (our parameters evaluated by scipy, the sample's
    fingerprint) completed with the stored scipy fit; a missing record or a
    changed sample is reported by judge_one as a failure."""
    kind, label, n, name, _ = job
    rec, why = stored_fit(group, job)
    if rec is None:
        return dict(live, stored_problem=why)
    if rec["sha256"] != live["sha256"]:
        return dict(live, stored_problem="sample changed (sha256 %s, stored %s: numpy %s, scipy %s now; stored "
                    "with numpy %s, scipy %s): refresh the stored values with %s" % (
                        live["sha256"][:12], rec["sha256"][:12], np.__version__, scipy.__version__,
                        load_store(MODULE_OF[name]).get("numpy"), load_store(MODULE_OF[name]).get("scipy"),
                        refresh_command([name])))
    if rec.get("timeout") and kind != "own":
        return None                 # as in the live run: not compared
    out = dict(live, theirs=rec["theirs"], fitted=rec["fitted"], error=rec["error"], seconds=rec["seconds"])
    if kind == "own" and rec.get("truth") is not None and not same_value(live["truth"], rec["truth"], 1e-9):
        TALLY.notes.append("%s n=%d own sample %s: scipy's log-likelihood of the generating parameters is %r now, "
                           "%r stored" % (group, n, label, live["truth"], rec["truth"]))
    return out


def rotate_fits_start(group, jobs, pool):
    """Start, in the pool, scipy's live fit of one (sample, entry) of this
    phase, chosen from the rotation seed among those whose stored fit took at
    most ROT_FIT_SECONDS[group]."""
    cands = []
    for job in jobs:
        rec, _ = stored_fit(group, job)
        if rec and rec.get("theirs") is not None and not rec.get("timeout") and job[3] not in SLOW_SCIPY_FIT \
                and rec["seconds"] <= ROT_FIT_SECONDS[group]:
            cands.append(job[:4] + (None,))
    cands.sort()
    if not cands:
        print("rotation: %s: no stored fit to re-run" % group)
        return []
    chosen = rotation_rng("fit/" + group).sample(cands, 1)
    seed, source = rotation()
    print("rotation (seed %s from %s): %s: scipy's fit re-run now: %s" % (
        seed[:12], source, group, ", ".join("%s sample %s with %s" % (j[0], j[1], j[3]) for j in chosen)))
    return [(job, pool.apply_async(scipy_side, (job,))) for job in chosen]


def rotate_fits_finish(group, started):
    for job, res in started:
        kind, label, n, name, _ = job
        live = res.get()
        rec, _ = stored_fit(group, job)
        tag = "rotation: %s n=%d %s sample %s, scipy's fit with %s" % (group, n, kind, label, name)
        a, b = live["theirs"], rec["theirs"]
        ok = live["sha256"] == rec["sha256"] and (same_value(a, b, 0.0) or (
            a is not None and b is not None and abs(a - b) <= ROT_FIT_TOL + 1e-10 * abs(b)))
        TALLY.check(ok, "%s: loglik %r now (%s), %r stored (%s)%s: refresh the stored values with %s" % (
            tag, a, live["error"] or fmt_params(name, dict(zip(list(BY_NAME[name].shapes) + ["loc", "scale"],
                                                                live["fitted"]))),
            b, rec["error"] or fmt_params(name, dict(zip(list(BY_NAME[name].shapes) + ["loc", "scale"], rec["fitted"]))),
            "" if live["sha256"] == rec["sha256"] else "; the sample changed", refresh_command([name])))
        print("%s: loglik %r now, %r stored (%.1fs now, %.1fs stored)" % (tag, a, b, live["seconds"], rec["seconds"]))


def fmt_params(name, params):
    if params is None:
        return "-"
    return ", ".join("%s=%.6g" % (k, params[k]) for k in list(BY_NAME[name].shapes) + ["loc", "scale"])


def describe_ends(sc):
    """Where a non-finite log-likelihood comes from: logpdf at the sample's ends."""
    if not sc.get("ends"):
        return ""
    lo, lp_lo, hi, lp_hi = sc["ends"]
    return "; logpdf %r at the sample min %r, %r at the max %r" % (lp_lo, lo, lp_hi, hi)


# Fit quality is judged for every entry on its own sample; on the foreign
# shapes (FOREIGN) the entries outside the core (test/ref/core.py) are a
# survey: reported, not judged (overparameterised entries such as loguniform
# sit on ridges there: README, known limits).  Accuracy is judged for every
# entry.
SURVEY = []
SURVEY_COUNTS = [0, 0]  # (at least scipy's - 1, below)


def judge(group, kind, label, n, name, fit, sc):
    """judge_one for own samples and for the core entries on foreign ones;
    the other foreign fits are a survey: the same rule applied, printed and
    counted separately, not judged."""
    global TALLY
    if kind == "own" or name in CORE_NAMES:
        return judge_one(group, kind, label, n, name, fit, sc)
    real, TALLY = TALLY, Tally()
    try:
        cell = judge_one(group, kind, label, n, name, fit, sc)
    finally:
        lost, TALLY = TALLY.failures, real
    SURVEY.extend(lost)
    SURVEY_COUNTS[0 if not lost else 1] += 1
    return cell + "*"


def judge_one(group, kind, label, n, name, fit, sc):
    """Apply the fit rule to one (sample, entry); fit = (params, status, the
    extension's loglik), sc = scipy_side's result.  Returns a short cell."""
    params, status, ext_ll, warnings = fit
    tag = "%s n=%d %s sample %s, fitted with %s" % (group, n, kind, label, name)
    if sc is not None and not sc.get("stored_problem") and sc.get("theirs") is None and sc.get("truth") is not None:
        # scipy's fit not run (SLOW_SCIPY_FIT) or not finished within the
        # budget: the reference is the log-likelihood of the generating
        # parameters, which scipy's MLE would at least reach
        sc = dict(sc, theirs=sc["truth"], fitted=list(BY_NAME[name].sample[0]) + list(BY_NAME[name].sample[1:]))
        TALLY.notes.append("%s: compared with the generating parameters (%s)" % (tag, sc["error"]))
    if sc is not None and sc.get("stored_problem"):
        TALLY.check(False, "%s: %s" % (tag, sc["stored_problem"]))
        return "NOT COMPARED"
    theirs = sc["theirs"] if sc else math.nan
    if sc is None:
        TALLY.check(False, "%s: not compared (scipy's fit did not finish within the time budget)" % tag)
        return "TIMEOUT"
    if status != "ok":
        if kind == "own":
            TALLY.check(False, "%s: status %r on its own sample" % (tag, status))
            return "NOT OK"
        if not math.isfinite(theirs):
            TALLY.check(True)
            TALLY.notes.append("%s: status %r, allowed: scipy's fit %s" % (
                tag, status, sc["error"] or "has log-likelihood %r" % theirs))
            return "not ok (allowed)"
        TALLY.check(False, "%s: status %r but scipy's fit has log-likelihood %.6f (%s)" % (
            tag, status, theirs, fmt_params(name, dict(zip(list(BY_NAME[name].shapes) + ["loc", "scale"], sc["fitted"])))))
        return "NOT OK"
    ours = sc["ours"]
    if sc["ours_raw"] is not None and not abs(sc["ours_raw"] - ours) <= 1.0:
        TALLY.notes.append("%s: scipy's own logpdf gives %.4f for our parameters (%s), the stable formula %.4f"
                           % (tag, sc["ours_raw"], fmt_params(name, params), ours))
    if not math.isfinite(theirs):
        ok = math.isfinite(ours)
        TALLY.check(ok, "%s: scipy's log-likelihood of our parameters is %r (%s%s; scipy's own fit: %s)" % (
            tag, ours, fmt_params(name, params), describe_ends(sc), sc["error"] or theirs))
        if ok:
            TALLY.notes.append("%s: scipy's fit %s; ours finite (%.6f)" % (
                tag, sc["error"] or "has log-likelihood %r" % theirs, ours))
        return "finite (scipy's fit failed)" if ok else "FAIL"
    sparams = dict(zip(list(BY_NAME[name].shapes) + ["loc", "scale"], sc["fitted"]))
    if not math.isfinite(ours):
        TALLY.check(False, "%s: scipy's log-likelihood of our parameters is %r (%s; the extension reports "
                    "loglik %s%s)" % (tag, ours, fmt_params(name, params), ext_ll, describe_ends(sc)))
        return "FAIL %r" % ours
    if "the density diverges" in warnings and sc.get("ours_mps") is not None \
            and sc.get("theirs_mps") is not None and math.isfinite(sc["theirs_mps"]):
        # our fit is a spike at a data point: the likelihood is unbounded
        # (Cheng & Amin 1983) and both fits maximise it towards the spike,
        # so the log-likelihoods say how near each got, not which is the
        # better fit; compared by the bounded spacings criterion instead
        d_mps = sc["ours_mps"] - sc["theirs_mps"]
        slack = KNOWN_DEVIATIONS.get((group, label, name), LL_SLACK)
        ok = math.isfinite(sc["ours_mps"]) and d_mps >= -slack
        TALLY.check(ok, "%s: unbounded likelihood, compared by the spacings criterion: ours %.6f < scipy %.6f "
                    "- %g (ours %s; scipy %s)" % (tag, sc["ours_mps"], sc["theirs_mps"], slack,
                                                  fmt_params(name, params),
                                                  fmt_params(name, dict(zip(list(BY_NAME[name].shapes) +
                                                                             ["loc", "scale"], sc["fitted"])))))
        TALLY.notes.append("BOUNDED: %s: our fit is a spike (%s); compared by the spacings criterion (Cheng & "
                           "Amin 1983): ours %.4f, scipy's %.4f (log-likelihoods %.4f and %.4f)" % (
                               tag, warnings.split(" | ")[0], sc["ours_mps"], sc["theirs_mps"], ours, theirs))
        if ok and d_mps < -LL_SLACK:
            TALLY.notes.append("KNOWN: %s: spacings criterion %.4f below scipy's (known deviation, bound %g)" % (
                tag, -d_mps, slack))
            return "KNOWN MPS %+.3f" % d_mps
        return ("MPS %+.3f" % d_mps) if ok else ("FAIL MPS %+.3f" % d_mps)
    diff = ours - theirs
    slack = KNOWN_DEVIATIONS.get((group, label, name), LL_SLACK)
    ok = diff >= -slack
    TALLY.check(ok, "%s: ours %.6f < scipy %.6f - %g (diff %.4f); ours (%s; the extension reports %sloglik %s), "
                "scipy (%s)" % (tag, ours, theirs, slack, diff, fmt_params(name, params),
                                "binned " if group == "binned" else "", ext_ll, fmt_params(name, sparams)))
    if ok and diff < -LL_SLACK:
        TALLY.notes.append("KNOWN: %s: ours %.4f is %.4f below scipy's (known deviation, bound %g)" % (
            tag, ours, -diff, slack))
        return "KNOWN %+.3f" % diff
    if diff > LL_BEAT:
        TALLY.notes.append("%s: ours beats scipy by %.2f (ours %.4f: %s; scipy %.4f: %s)" % (
            tag, diff, ours, fmt_params(name, params), theirs, fmt_params(name, sparams)))
    return "%+.3f" % diff if ok else "FAIL %+.3f" % diff


def run_fit_group(group, jobs_spec, n, pool, budget=None):
    """jobs_spec: list of (kind, label, [entry names]).  Fits each sample in
    the database (sequentially), then scipy's side in the pool; prints one
    line per sample.  Returns the number of (sample, entry) pairs covered."""
    db = []
    t0 = time.time()
    results = {}                    # (kind, label, name) -> scipy_side's result
    if MODE == "stored":
        # scipy's fits are stored: while the database fits one sample, a
        # worker evaluates the previous one's parameters with scipy (on the
        # same sample, passed along)
        rot = rotate_fits_start(group, [(kind, label, n, name, None) for kind, label, names in jobs_spec
                                        for name in names], pool)
        evaluating = []
    for kind, label, names in jobs_spec:
        x = make_sample(kind, label, n)
        try:
            summary, fits, seconds = fit_in_database(x, names)
        except Exception as exc:
            TALLY.check(False, "%s n=%d %s sample %s: fit query failed: %s" % (group, n, kind, label, exc),
                        count=len(names))
            print("%s n=%d %-4s %-16s query failed: %s" % (group, n, kind, label, exc))
            continue
        db.append((kind, label, names, summary, fits, seconds))
        if MODE == "stored":
            jobs = [(kind, label, n, name, fits.get(name, (None, "missing from the result", None, ""))[0])
                    for name in names]
            for _, res in [ev for ev in evaluating if not ev[1].ready()][:-3]:
                res.wait()          # at most 4 samples (8 MB each at 1e6 rows) queued
            evaluating.append((jobs, pool.apply_async(scipy_side_many, (jobs, x, group))))
    jobs = []
    if MODE == "stored":
        for group_jobs, res in evaluating:
            for job, r in zip(group_jobs, res.get()):
                results[job[0], job[1], job[3]] = with_stored_fit(group, job, r)
        rotate_fits_finish(group, rot)
        # a fit not stored yet (a new entry before its refresh) is computed
        # live, within the live run's budget, and said so: slower, not weaker
        unstored = [job for group_jobs, _ in evaluating for job in group_jobs
                    if (results.get((job[0], job[1], job[3])) or {}).get("stored_problem", "")
                    .startswith("no stored scipy fit") and job[3] not in SLOW_SCIPY_FIT]
        if unstored:
            print("%s: %d scipy fits are not stored yet: computing them live (%s)" % (
                group, len(unstored), refresh_command(sorted({job[3] for job in unstored}))))
            t_live = time.time()
            pending = [(job, pool.apply_async(scipy_side, (job,))) for job in unstored]
            for job, res in pending:
                timeout = max(0.0, UNSTORED_SCIPY_BUDGET - (time.time() - t_live))
                try:
                    results[job[0], job[1], job[3]] = res.get(timeout=timeout)
                    TALLY.notes.append("%s n=%d %s sample %s, %s: scipy's fit computed live (not stored yet)"
                                       % (group, n, job[0], job[1], job[3]))
                except multiprocessing.TimeoutError:
                    # as in the live run: an own sample is judged against its
                    # generating parameters; a foreign one stays a failure
                    if job[0] == "own":
                        r = dict(results[job[0], job[1], job[3]])
                        r.pop("stored_problem", None)
                        r.update(theirs=None, fitted=None, seconds=0.0,
                                 error="scipy's fit did not finish within the time budget")
                        results[job[0], job[1], job[3]] = r
    else:
        for kind, label, names, summary, fits, seconds in db:
            for name in names:
                params = fits.get(name, (None, "missing from the result", None, ""))[0]
                jobs.append((kind, label, n, name, params))
        t0 = time.time()
    # first, without scipy's fits (quick): our parameters and the generating
    # ones evaluated by scipy, the fallback reference for fits not run or not
    # finished in time
    own = [job for job in jobs if job[0] == "own"]  # (empty in stored mode: done above)
    for job, res in zip(own, [pool.apply_async(scipy_side, (job, False)) for job in own]):
        results[job[0], job[1], job[3]] = res.get()
    # the foreign samples' fits are the slow ones: start them first
    jobs = [job for job in jobs if job[3] not in SLOW_SCIPY_FIT]
    jobs.sort(key=lambda job: job[0] != "foreign")
    pending = [pool.apply_async(scipy_side, (job,)) for job in jobs]
    for job, res in zip(jobs, pending):
        timeout = None if budget is None else max(0.0, budget - (time.time() - t0))
        try:
            results[job[0], job[1], job[3]] = res.get(timeout=timeout)
        except multiprocessing.TimeoutError:
            if job[0] == "own":
                results[job[0], job[1], job[3]]["error"] = "scipy's fit did not finish within the time budget"
            else:
                results[job[0], job[1], job[3]] = None
    scipy_wall = time.time() - t0
    covered = 0
    for kind, label, names, summary, fits, seconds in db:
        cells = []
        scipy_seconds = 0.0
        for name in names:
            fit = fits.get(name, (None, "missing from the result", None, ""))
            sc = results.get((kind, label, name))
            scipy_seconds += sc["seconds"] if sc else 0.0
            cells.append("%s %s" % (name, judge(group, kind, label, n, name, fit, sc)))
            covered += 1
        print("%s n=%d %-4s %-16s sketch %s (%d bins): ours %.1fs, scipy %.1fs%s; ours-scipy loglik: %s" % (
            group, n, kind, label, "exact" if summary.get("exact") else "binned level %s" % summary.get("level"),
            summary.get("bins", -1), seconds, scipy_seconds, " (stored)" if MODE == "stored" else "", ", ".join(cells)))
    print("%s: scipy side %.1fs wall clock" % (group, scipy_wall))
    return covered


def exact_spec():
    spec = [("own", e.name, [e.name]) for e in ENTRIES
            if (not ONLY or e.name in ONLY) and e.name not in FIT_SKIP]
    # foreign shapes with the core entries: scipy's fits of every entry on
    # them take far longer than the budget (measured: over 15 minutes)
    spec += [("foreign", label, [nm for nm in CORE_NAMES if not ONLY or nm in ONLY])
             for label, _ in FOREIGN]
    return [sp for sp in spec if sp[2]]


def binned_spec():
    spec = [("own", e.name, [e.name]) for e in ENTRIES
            if (not ONLY or e.name in ONLY) and e.name not in BINNED_SKIP | FIT_SKIP]
    spec += [("foreign", label, [nm for nm in names if not ONLY or nm in ONLY]) for label, names in FOREIGN_BINNED]
    return [sp for sp in spec if sp[2]]


SPECS = {"exact": (exact_spec, N_EXACT), "binned": (binned_spec, N_BINNED)}


def run_exact(pool):
    print("== 2. fit quality, exact path (n=%d): ours >= scipy - %g in scipy's log-likelihood%s" % (
        N_EXACT, LL_SLACK, "" if MODE == "live" else " (scipy's fits stored in expected/scipy/)"))
    spec = exact_spec()
    mark = TALLY.mark()
    covered = run_fit_group("exact", spec, N_EXACT, pool, budget=EXACT_SCIPY_BUDGET)
    print("exact: %d (sample, entry) pairs: every entry on its own sample, the core entries on %s: %s"
          % (covered, ", ".join(label for label, _ in FOREIGN), TALLY.since(mark)))


def run_binned(pool):
    print("== 3. fit quality, binned path (n=%d)%s" % (
        N_BINNED, "" if MODE == "live" else " (scipy's fits stored in expected/scipy/)"))
    spec = binned_spec()
    mark = TALLY.mark()
    covered = run_fit_group("binned", spec, N_BINNED, pool, budget=BINNED_SCIPY_BUDGET)
    left_out = [label for label, _ in FOREIGN if label not in dict(FOREIGN_BINNED)]
    print("binned: %d (sample, entry) pairs: every entry on its own sample except %s; %s; not covered at this size: %s: %s"
          % (covered, ", ".join(sorted(BINNED_SKIP | FIT_SKIP)), "; ".join("%s with %s" % (label, "every entry" if names == NAMES else "the core entries" if names == CORE_NAMES else ", ".join(names))
                                for label, names in FOREIGN_BINNED), ", ".join(left_out), TALLY.since(mark)))


# ---------------------------------------------------------------------------
# --refresh: compute the stored values with scipy (no database)
# ---------------------------------------------------------------------------

REFRESH_BUDGET = 3 * 3600.0     # wall clock; fits still running then are stored as not finished


def refresh_accuracy_worker(name):
    quiet()
    t0 = time.time()
    refs = accuracy_refs(BY_NAME[name])
    seconds = time.time() - t0
    for rec in refs.values():
        rec["seconds"] = seconds
    return refs


def refresh_selftest_worker(name, f):
    quiet()
    t0 = time.time()
    return dict(worst=selftest_one(name, f), seconds=round(time.time() - t0, 2))


def fit_record(res, timeout=False):
    return dict(sha256=res["sha256"], n=res["job"][2], fitted=res["fitted"], theirs=res["theirs"],
                truth=res["truth"], error=res["error"], timeout=timeout, seconds=round(res["seconds"], 2))


def run_refresh(groups, budget, missing=False, workers=2):
    """Compute, with scipy, the accuracy references and scipy's fits of the
    named groups (and --only entries) in a Pool(2), and merge them into
    expected/scipy/MODULE.json.gz (saved every minute, so an interrupted
    refresh keeps what it finished).  A full refresh of a group (no --only)
    drops the stored values it no longer produces."""
    start = time.time()
    print("refresh: scipy %s, numpy %s: %s%s into %s" % (
        scipy.__version__, np.__version__, ", ".join(groups), " for " + ",".join(sorted(ONLY)) if ONLY else "",
        os.path.relpath(STORE_DIR)))
    tasks = []          # (section, key, module, args)
    if "accuracy" in groups:
        for e in ENTRIES:
            if not ONLY or e.name in ONLY:
                tasks.append(("accuracy", e.name, MODULE_OF[e.name], (e.name,)))
        for name, f in selftest_keys():
            tasks.append(("selftest", "%s|%s" % (name, f), MODULE_OF[name], (name, f)))
    fit_tasks = []
    for group in ("binned", "exact"):
        if group not in groups:
            continue
        spec_of, n = SPECS[group]
        for kind, label, names in spec_of():
            for name in names:
                job = (kind, label, n, name, None)
                old = (load_store(MODULE_OF[name]) or {}).get("fits", {}).get(fit_key(group, kind, label, n, name))
                guess = old["seconds"] if old else (100.0 if group == "binned" else 10.0) * (2 if kind == "foreign" else 1)
                fit_tasks.append((-guess, group, job))
    fit_tasks.sort(key=lambda t: t[0])    # the longest first (as measured by the last refresh)
    for _, group, job in fit_tasks:
        tasks.append(("fits", fit_key(group, *job[:4]), MODULE_OF[job[3]], (job, job[3] not in SLOW_SCIPY_FIT)))
    if missing:
        # only what is not stored yet (or stored as not finished): resumes
        # an interrupted refresh, fills in a new entry
        def stored(task):
            rec = ((load_store(task[2]) or {}).get(task[0]) or {}).get(task[1])
            return rec is not None and not (task[0] == "fits" and rec.get("timeout"))
        tasks = [t for t in tasks if not stored(t)]
    done = {}
    errors = []
    print("refresh: %d values to compute in %d processes" % (len(tasks), workers))
    with multiprocessing.Pool(workers) as pool:
        pending = []
        for section, key, module, args in tasks:
            worker = {"accuracy": refresh_accuracy_worker, "selftest": refresh_selftest_worker}.get(section, scipy_side)
            pending.append(((section, key, module, args), pool.apply_async(worker, args)))
        saved = time.time()
        deadline = start + budget
        while pending:
            still = []
            for task, res in pending:
                if res.ready():
                    try:
                        done[task] = res.get()
                    except Exception as exc:
                        errors.append("%s %s: %s: %s" % (task[0], task[1], type(exc).__name__, exc))
                else:
                    still.append((task, res))
            pending = still
            if time.time() - saved > 60 or not pending:
                flush_refresh(done)
                saved = time.time()
                print("refresh: %d of %d done, %.0fs elapsed" % (len(done) + len(errors), len(tasks),
                                                                    time.time() - start), flush=True)
            if pending and time.time() > deadline:
                for (section, key, module, args), _ in pending:
                    if section == "fits":
                        res = scipy_side(args[0], False)
                        res["error"] = "scipy's fit did not finish within the refresh budget (%.0fs)" % budget
                        res["theirs"] = None
                        done[(section, key, module, args)] = dict(res, timeout=True)
                    else:
                        errors.append("accuracy %s did not finish within the refresh budget" % key)
                flush_refresh(done)
                break
            if pending:
                time.sleep(2)
        pool.terminate()
    # a full refresh of a group drops what it no longer produces (entries
    # removed or renamed, samples no longer fitted)
    produced = {(t[0], t[1]) for t in done}
    refreshed = set(groups) if not missing and not errors else set()
    for module in MODULES:
        def prune(section, key):
            if section == "accuracy":
                name, group = key, "accuracy"
            elif section == "selftest":
                name, group = key.split("|")[0], "accuracy"
            else:
                group, name = key.split("|")[0], key.split("|")[-1]
            return group in refreshed and (not ONLY or name in ONLY) and (section, key) not in produced
        if load_store(module) is not None or any(t[2] == module for t in done):
            merge_store(module, prune=prune)
    slow = sorted(((r["seconds"], t[1]) for t, r in done.items() if t[0] == "fits"), reverse=True)[:5]
    print("refresh: slowest scipy fits: %s" % ", ".join("%s %.0fs" % (k, sec) for sec, k in slow))
    for line in errors:
        print("refresh: FAILED: %s" % line)
    total = sum(os.path.getsize(store_path(m)) for m in MODULES if os.path.exists(store_path(m)))
    print("refresh: %d values sets stored, %d bytes in %s, %.0fs" % (
        len(done), total, os.path.relpath(STORE_DIR), time.time() - start))
    print("reference: %d passed, %d failed" % (len(done), len(errors)))
    return 0 if not errors else 1


FLUSHED = set()


def flush_refresh(done):
    by_module = {}
    for task, res in done.items():
        if task in FLUSHED:
            continue
        section, key, module, args = task
        acc, fits, tests = by_module.setdefault(module, ({}, {}, {}))
        if section == "accuracy":
            acc[key] = res
        elif section == "selftest":
            tests[key] = res
        else:
            fits[key] = fit_record(res, timeout=res.get("timeout", False))
        FLUSHED.add(task)
    for module, (acc, fits, tests) in sorted(by_module.items()):
        merge_store(module, accuracy=acc, fits=fits, selftest=tests)


# ---------------------------------------------------------------------------

def main(argv):
    global HARNESS, ONLY, MODE
    sys.stdout.reconfigure(line_buffering=True)     # progress shows in a log file as it happens
    budget = REFRESH_BUDGET
    missing, workers = False, 2
    for arg in list(argv):
        if arg.startswith("--harness="):
            HARNESS = os.path.abspath(arg.split("=", 1)[1])
            argv.remove(arg)
        elif arg.startswith("--only="):
            ONLY = set(arg.split("=", 1)[1].split(","))
            argv.remove(arg)
        elif arg == "--live":
            MODE = "live"
            argv.remove(arg)
        elif arg == "--refresh":
            MODE = "refresh"
            argv.remove(arg)
        elif arg == "--missing":
            missing = True
            argv.remove(arg)
        elif arg.startswith("--jobs="):
            workers = int(arg.split("=", 1)[1])
            argv.remove(arg)
        elif arg.startswith("--budget="):
            budget = float(arg.split("=", 1)[1])
            argv.remove(arg)
    unknown = [a for a in argv if a not in ("accuracy", "exact", "binned")] + \
        sorted((ONLY or set()) - set(NAMES))
    if unknown:
        print("reference.py: unknown argument or entry: %s (see the docstring)" % ", ".join(unknown))
        return 2
    groups = argv or ["accuracy", "exact", "binned"]   # a subset, for debugging
    if MODE == "refresh":
        quiet()
        return run_refresh(groups, budget, missing, workers)
    if HARNESS:
        groups = [g for g in groups if g == "accuracy"]
    quiet()
    start = time.time()
    print("reference: scipy %s, numpy %s, against %s; %s" % (
        scipy.__version__, np.__version__, HARNESS or os.environ.get("PGDATABASE", "(default database)"),
        "live: scipy computes every reference value and fit" if MODE == "live" else
        "scipy's values stored in %s (computed with %s)" % (os.path.relpath(STORE_DIR, REPO), stored_versions())))
    try:
        if HARNESS is None:
            psql("CREATE EXTENSION IF NOT EXISTS bestfit;\n")
    except Exception as exc:
        print("CREATE EXTENSION failed: %s" % exc)
        print("reference: 0 passed, 1 failed")
        return 1
    if MODE == "stored":
        for m in MODULES:
            data = load_store(m)
            if data is None:
                continue
            with open(os.path.join(REF_DIR, m + ".py"), "rb") as f:
                if data.get("module_sha256") not in (None, hashlib.sha256(f.read()).hexdigest()):
                    TALLY.notes.append("test/ref/%s.py changed since its values were stored: where its references "
                                       "(ACCURATE, REFERENCE) changed, refresh them (%s)" % (m, refresh_command()))
    if "accuracy" in groups:
        run_accuracy()
        print("-- %.0fs elapsed" % (time.time() - start))
    with multiprocessing.Pool(2) as pool:
        if "exact" in groups:
            run_exact(pool)
            print("-- %.0fs elapsed" % (time.time() - start))
        if "binned" in groups:
            run_binned(pool)
        pool.terminate()
    print("-- %.0fs elapsed" % (time.time() - start))
    if SURVEY_COUNTS[0] + SURVEY_COUNTS[1]:
        print("== survey (marked * above, not judged): %d fits of non-core entries on foreign samples at least scipy's - %g, %d below"
              % (SURVEY_COUNTS[0], LL_SLACK, SURVEY_COUNTS[1]))
    if SURVEY:
        print("== survey: where ours is below scipy's - %g or not ok" % LL_SLACK)
        for line in SURVEY:
            print("survey: " + line)
    if TALLY.notes:
        print("== notes (passing, but remarkable)")
        for line in TALLY.notes:
            print("note: " + line)
    if TALLY.failures:
        print("== failures")
        for line in TALLY.failures:
            print("FAIL: " + line)
    print("reference: runtime %.0fs" % (time.time() - start))
    print("reference: %d passed, %d failed" % (TALLY.passed, TALLY.failed))
    return 0 if TALLY.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
