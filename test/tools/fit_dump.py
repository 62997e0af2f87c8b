#!/usr/bin/python3
"""Dumps of bestfit's fits over the whole catalogue, and their comparison:
the helper of test/tools/compare-builds.sh (see there for the workflow).

    fit_dump.py plan [--phases=P]              list the samples and their entries
    fit_dump.py missing DUMP [--phases=P]       how many samples DUMP lacks (exit 1 if any)
    fit_dump.py dump DUMP [--phases=P]          fit what DUMP lacks, in the server of the PG* variables
    fit_dump.py compare OLD NEW [--phases=P]    compare two dumps (exit 0: all identical)
    fit_dump.py times DUMP [--top=N]            slowest entries of one dump

Run with /usr/bin/python3 (Debian's, with numpy and scipy).

The samples are those of test/reference.py: numpy's default_rng seeded by
crc32("label/n"), each entry's own sample drawn from its parameter set in
test/ref/*.py (the modules are discovered by glob, so that they may be renamed),
and the foreign shapes below (copied from test/reference.py, not imported:
reference.py names its modules at import time, and a baseline must not move
when the suite is edited).  Phases:

  a  each entry's own sample, 1,000 rows (exact sketch), fitted with that entry
  b  the five foreign shapes, 1,000 rows, fitted with every entry but
     FOREIGN_SLOW
  c  each entry's own sample, 1,000,000 rows (binned sketch), fitted with that
     entry; without BINNED_SKIP (sampling takes minutes to hours)
  d  three foreign shapes, 1,000,000 rows, fitted with every entry of the
     default set
  e  (not in the default phases) the five foreign shapes, 1,000 rows, fitted
     with FOREIGN_SLOW (ksone, kstwo: kstwo on exponential(2) ran for more
     than 11 minutes, on a loaded machine, before it was stopped)
FIT_SKIP (studentized_range: minutes per fit) is left out of every phase.

A dump is a directory: records.jsonl holds one JSON line per sample, written
as soon as the sample is done (so an interrupted dump resumes where it
stopped; a later line for the same sample replaces an earlier one), with the
sample's sha256 (float64 bytes), the sketch's sha256 (its text form) and
summary, and per entry every column of fit_distributions() as text
(extra_float_digits = 3) plus the fit's wall-clock seconds.  sketches.jsonl.gz
holds the sketches' text.  catalogue.txt is bestfit_distributions().  A
record fitted with more entries than a phase needs serves it too.
"""

import glob
import gzip
import hashlib
import json
import math
import os
import subprocess
import sys
import time
import warnings
import zlib

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
REF_DIR = os.path.join(os.path.dirname(HERE), "ref")

N_EXACT = 1000
N_BINNED = 1000000

# Copied from test/reference.py (see the module's docstring); check_reference()
# warns when reference.py's own sets differ.
FOREIGN = [     # (label, numpy expression in rng and n)
    ("normal(1000,5)", "rng.normal(1000.0, 5.0, n)"),
    ("lognormal(s=1)", "rng.lognormal(0.0, 1.0, n)"),
    ("exponential(2)", "rng.exponential(2.0, n)"),
    ("uniform[2,7]", "rng.uniform(2.0, 7.0, n)"),
    ("t(2.5)*3-40", "-40.0 + 3.0 * rng.standard_t(2.5, n)"),
]
FOREIGN_BINNED = ["lognormal(s=1)", "normal(1000,5)", "uniform[2,7]"]
BINNED_SKIP = {"genexpon", "gausshyper", "levy_stable", "landau", "ksone", "kstwo", "dpareto_lognorm",
               "studentized_range"}
FIT_SKIP = {"studentized_range"}
# Test-statistic entries (out of the default set) whose fits on the foreign
# shapes take minutes: phase e, run only when asked for.
FOREIGN_SLOW = ["ksone", "kstwo"]
# Out of fit_distributions' default set (README: the four test statistics);
# each dump also records bestfit_distributions(), which the comparison checks.
NOT_DEFAULT = {"ksone", "kstwo", "kstwobign", "studentized_range"}

PHASES = {
    "a": "own samples, 1,000 rows (exact)",
    "b": "foreign shapes, 1,000 rows (exact), every entry but ksone, kstwo",
    "c": "own samples, 1,000,000 rows (binned)",
    "d": "foreign shapes, 1,000,000 rows (binned), the default set",
    "e": "foreign shapes, 1,000 rows (exact), ksone and kstwo",
}
DEFAULT_PHASES = "abcd"

# the columns of fit_distributions(), in the order of the dump
COLUMNS = ["rank", "distribution", "params", "fit", "loglik", "aic", "bic", "ks_statistic", "ks_pvalue",
           "ad_statistic", "sse", "status"]

PSQL = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"]


# ---------------------------------------------------------------------------
# The catalogue as test/ref sees it, and the samples
# ---------------------------------------------------------------------------

def load_catalogue():
    """ENTRIES and REFERENCE of every test/ref/*.py module (core first, then
    by file name; refcommon is the shared module)."""
    sys.path.insert(0, REF_DIR)
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(REF_DIR, "*.py")))
    names = [m for m in names if m != "refcommon"]
    names.sort(key=lambda m: m != "core")
    entries, reference = [], {}
    for m in names:
        mod = __import__(m)
        entries += list(getattr(mod, "ENTRIES", []))
        reference.update(getattr(mod, "REFERENCE", {}))
    seen = set()
    for e in entries:
        if e.name in seen:
            raise SystemExit("fit_dump: entry %s defined twice in %s" % (e.name, REF_DIR))
        seen.add(e.name)
    return entries, reference


ENTRIES, REFERENCE = load_catalogue()
BY_NAME = {e.name: e for e in ENTRIES}
NAMES = [e.name for e in ENTRIES]


def check_reference():
    """Warn (stderr) when test/reference.py's sample definitions differ from
    the copies above; never fatal (the copies are what the dumps use)."""
    try:
        sys.path.insert(0, os.path.dirname(HERE))
        import reference as ref         # noqa: E402
    except Exception as exc:            # renamed modules and the like
        print("fit_dump: note: test/reference.py not imported (%s); using the copies" % exc, file=sys.stderr)
        return
    diffs = []
    if set(ref.BINNED_SKIP) != BINNED_SKIP:
        diffs.append("BINNED_SKIP")
    if set(ref.FIT_SKIP) != FIT_SKIP:
        diffs.append("FIT_SKIP")
    if [label for label, _ in ref.FOREIGN] != [label for label, _ in FOREIGN]:
        diffs.append("FOREIGN")
    if [label for label, _ in ref.FOREIGN_BINNED] != FOREIGN_BINNED:
        diffs.append("FOREIGN_BINNED")
    if (ref.N_EXACT, ref.N_BINNED) != (N_EXACT, N_BINNED):
        diffs.append("N_EXACT/N_BINNED")
    if diffs:
        print("fit_dump: warning: test/reference.py's %s differ from fit_dump.py's copies (the dumps use the copies)"
              % ", ".join(diffs), file=sys.stderr)


def seed_of(label):
    """test/reference.py's seed_of."""
    return zlib.crc32(label.encode())


def dist_of(name):
    return REFERENCE[name] if name in REFERENCE else getattr(st, name)


def make_sample(kind, label, n):
    rng = np.random.default_rng(seed_of("%s/%d" % (label, n)))
    if kind == "own":
        shapes, loc, scale = BY_NAME[label].sample
        x = dist_of(label).rvs(*shapes, loc=loc, scale=scale, size=n, random_state=rng)
    else:
        x = eval(dict(FOREIGN)[label], {"np": np}, {"rng": rng, "n": n})
    return np.asarray(x, dtype=np.float64)


def sample_spec(kind, label, n):
    """What the sample is drawn from: a record whose spec differs is redone."""
    spec = dict(kind=kind, label=label, n=n, seed=seed_of("%s/%d" % (label, n)),
                numpy=np.__version__, scipy=scipy.__version__)
    if kind == "own":
        e = BY_NAME[label]
        spec.update(shapes=list(e.shapes), sample=repr(e.sample),
                    generator="test/ref REFERENCE" if label in REFERENCE else "scipy.stats")
    else:
        spec.update(generator=dict(FOREIGN)[label])
    return spec


def plan(phases):
    """[(key, phase, kind, label, n, [entry names])] in dump order."""
    fitted = [nm for nm in NAMES if nm not in FIT_SKIP]
    default = [nm for nm in fitted if nm not in NOT_DEFAULT]
    out = []
    if "a" in phases:
        out += [("a", "own", nm, N_EXACT, [nm]) for nm in fitted]
    if "b" in phases:
        out += [("b", "foreign", label, N_EXACT, [nm for nm in fitted if nm not in FOREIGN_SLOW])
                for label, _ in FOREIGN]
    if "c" in phases:
        out += [("c", "own", nm, N_BINNED, [nm]) for nm in fitted if nm not in BINNED_SKIP]
    if "d" in phases:
        out += [("d", "foreign", label, N_BINNED, default) for label in FOREIGN_BINNED]
    if "e" in phases:
        out += [("e", "foreign", label, N_EXACT, [nm for nm in FOREIGN_SLOW if nm in BY_NAME])
                for label, _ in FOREIGN]
    return [("%s|%s|%s|%d" % (ph, kind, label, n), ph, kind, label, n, names)
            for ph, kind, label, n, names in out]


# ---------------------------------------------------------------------------
# Dumps
# ---------------------------------------------------------------------------

def load_records(dump):
    """key -> the last record of that key in DUMP/records.jsonl."""
    recs = {}
    path = os.path.join(dump, "records.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    r = json.loads(line)
                except ValueError:      # a line cut short by an interrupted run
                    continue
                recs[r["key"]] = r
    return recs


def usable(rec, spec, names):
    """rec serves a sample of spec fitted with names (it may hold more)."""
    return (rec is not None and rec.get("spec") == spec and not rec.get("error")
            and set(names) <= set(f["distribution"] for f in rec["fits"]))


def find_record(recs, item):
    """The record serving a plan item: that of its key, else one of the same
    sample (another phase, or an earlier plan) fitted with more entries."""
    key, ph, kind, label, n, names = item
    spec = sample_spec(kind, label, n)
    if usable(recs.get(key), spec, names):
        return recs[key]
    for r in recs.values():
        if usable(r, spec, names):
            return r
    return None


def missing(dump, phases):
    recs = load_records(dump)
    return [p for p in plan(phases) if find_record(recs, p) is None]


def psql(script, timeout=None):
    r = subprocess.run(PSQL, input=script, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip() or "psql exited with %d" % r.returncode)
    return r.stdout.splitlines()


# One fit, timed inside the server; an error becomes a status so that the
# session goes on (an entry missing from a build, say).
FIT_ONE = """
CREATE FUNCTION pg_temp.fit_one(h fit_histogram, d text) RETURNS SETOF json LANGUAGE plpgsql AS $f$
DECLARE
    t0 timestamptz := clock_timestamp();
    r record;
    n integer := 0;
BEGIN
    BEGIN
        FOR r IN SELECT * FROM fit_distributions(h, ARRAY[d]) LOOP
            n := n + 1;
            RETURN NEXT json_build_array('F', r.rank::text, r.distribution, r.params::text, r.fit::text,
                r.loglik::text, r.aic::text, r.bic::text, r.ks_statistic::text, r.ks_pvalue::text,
                r.ad_statistic::text, r.sse::text, r.status, NULL);
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        RETURN NEXT json_build_array('F', NULL, d, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            'ERROR: ' || SQLERRM, NULL);
    END;
    RETURN NEXT json_build_array('T', d, extract(epoch FROM clock_timestamp() - t0)::float8);
END
$f$;
"""


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def dump_sample(x, names):
    """Load x, build its sketch once, fit each of names one at a time.
    Returns (sketch text, summary text, sketch seconds, {name: fit})."""
    data = "\n".join(map(repr, x.tolist()))
    script = ["SET extra_float_digits = 3;",
              "CREATE TEMP TABLE t (x float8);",
              "COPY t FROM STDIN;", data, "\\.",
              FIT_ONE,
              "SELECT json_build_array('T0', extract(epoch FROM clock_timestamp())::float8);",
              "CREATE TEMP TABLE s AS SELECT fit_histogram(x) AS h FROM t;",
              "SELECT json_build_array('S', extract(epoch FROM clock_timestamp())::float8, h::text, "
              "fit_histogram_summary(h)::text) FROM s;"]
    for nm in names:
        script.append("SELECT pg_temp.fit_one((SELECT h FROM s), %s);" % sql_literal(nm))
    out = [json.loads(line) for line in psql("\n".join(script) + "\n")]
    t0 = out[0][1]
    _, t1, sketch, summary = out[1]
    fits = {}
    for row in out[2:]:
        if row[0] == "F":
            fit = dict(zip(COLUMNS, row[1:13]))
            fits[fit["distribution"]] = fit
        else:
            _, nm, seconds = row
            if nm not in fits:
                fits[nm] = dict((c, None) for c in COLUMNS)
                fits[nm].update(distribution=nm, status="missing from the result")
            fits[nm]["seconds"] = seconds
    return sketch, summary, t1 - t0, fits


def cmd_dump(dump, phases):
    os.makedirs(dump, exist_ok=True)
    quiet()
    check_reference()
    cat = psql("SET extra_float_digits = 3;\n"
               "SELECT json_build_array(b.*)::text FROM bestfit_distributions() b ORDER BY 1;\n")
    with open(os.path.join(dump, "catalogue.txt"), "w") as f:
        f.write("\n".join(cat) + "\n")
    version = psql("SELECT extversion FROM pg_extension WHERE extname = 'bestfit';\n")
    todo = missing(dump, phases)
    total = len(plan(phases))
    print("dump %s: %d of %d samples to do (bestfit %s)" % (os.path.basename(dump), len(todo), total,
                                                           version[0] if version else "?"), flush=True)
    start = time.time()
    with open(os.path.join(dump, "records.jsonl"), "a") as out, \
            gzip.open(os.path.join(dump, "sketches.jsonl.gz"), "at") as sk:
        for i, (key, ph, kind, label, n, names) in enumerate(todo):
            t0 = time.time()
            x = make_sample(kind, label, n)
            gen = time.time() - t0
            rec = dict(key=key, phase=ph, kind=kind, label=label, n=n, spec=sample_spec(kind, label, n),
                       entries=names, sample_sha256=hashlib.sha256(x.tobytes()).hexdigest())
            try:
                sketch, summary, sketch_s, fits = dump_sample(x, names)
            except Exception as exc:
                rec["error"] = str(exc)
                print("  [%d/%d] %s: FAILED: %s" % (i + 1, len(todo), key, exc), flush=True)
                out.write(json.dumps(rec) + "\n")
                out.flush()
                continue
            rec.update(sketch_sha256=hashlib.sha256(sketch.encode()).hexdigest(), sketch_chars=len(sketch),
                       summary=summary, sketch_seconds=sketch_s, sample_seconds=gen,
                       fits=[fits.get(nm, dict(distribution=nm, status="missing from the result"))
                             for nm in names])
            sk.write(json.dumps(dict(key=key, sketch=sketch)) + "\n")
            sk.flush()
            out.write(json.dumps(rec) + "\n")
            out.flush()
            os.fsync(out.fileno())
            fit_s = sum(f.get("seconds") or 0.0 for f in rec["fits"])
            summ = json.loads(summary)
            bad = sum(f["status"] != "ok" for f in rec["fits"])
            print("  [%d/%d] %-40s %s, fits %6.1fs, sample %5.1fs, total %6.1fs%s" % (
                i + 1, len(todo), key, "exact %d values" % summ.get("bins", -1) if summ.get("exact")
                else "binned level %s, %s bins" % (summ.get("level"), summ.get("bins")),
                fit_s, gen, time.time() - t0, ", %d not ok" % bad if bad else ""), flush=True)
    left = missing(dump, phases)
    print("dump %s: done in %.0fs; %s" % (os.path.basename(dump), time.time() - start,
                                          "complete" if not left else "%d samples failed" % len(left)), flush=True)
    return 0 if not left else 1


# ---------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------

def to_float(s):
    if s is None:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def rel_diff(a, b):
    if a == b:
        return 0.0
    if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / max(abs(a), abs(b))


def param_diff(pa, pb):
    """The largest relative difference between two params texts (jsonb) and
    its key."""
    if pa == pb:
        return 0.0, ""
    try:
        a = json.loads(pa, parse_int=float) if pa else {}
        b = json.loads(pb, parse_int=float) if pb else {}
    except ValueError:
        return math.inf, "?"
    worst, where = 0.0, ""
    for k in list(a) + [k for k in b if k not in a]:
        d = rel_diff(to_float(a.get(k)), to_float(b.get(k)))
        if d > worst or not where:
            worst, where = d, k
    return worst, where


def load_catalogue_text(dump):
    path = os.path.join(dump, "catalogue.txt")
    return open(path).read() if os.path.exists(path) else None


def times_by_entry(recs, phases):
    """(phase, entry) -> total fit seconds over the phase's samples."""
    t = {}
    for item in plan(phases):
        r = find_record(recs, item)
        if r is None:
            continue
        for f in r["fits"]:
            if f.get("seconds") is not None and f["distribution"] in item[5]:
                k = (item[1], f["distribution"])
                t[k] = t.get(k, 0.0) + f["seconds"]
    return t


def cmd_compare(old, new, phases, top):
    ro, rn = load_records(old), load_records(new)
    same = diff = 0
    sketch_same = sketch_diff = 0
    lines = []
    problems = []
    cat_o, cat_n = load_catalogue_text(old), load_catalogue_text(new)
    if cat_o != cat_n:
        problems.append("bestfit_distributions() differs between the builds (see catalogue.txt in each dump)")
    for p in plan(phases):
        key, ph, kind, label, n, names = p
        a, b = find_record(ro, p), find_record(rn, p)
        if not a or not b:
            which = ", ".join(s for s, r in (("old", a), ("new", b)) if not r)
            problems.append("%s: no usable record in the %s dump" % (key, which))
            diff += len(names)
            continue
        if a["sample_sha256"] != b["sample_sha256"]:
            problems.append("%s: the SAMPLES differ (sha256 %s vs %s): the dumps were made from different "
                            "sample definitions; rerun with --refresh-old" % (key, a["sample_sha256"][:12],
                                                                              b["sample_sha256"][:12]))
        if a["sketch_sha256"] == b["sketch_sha256"]:
            sketch_same += 1
        else:
            sketch_diff += 1
            problems.append("%s: sketch differs (%d vs %d chars; summary old %s, new %s)" % (
                key, a["sketch_chars"], b["sketch_chars"], a["summary"], b["summary"]))
        fa = {f["distribution"]: f for f in a["fits"]}
        fb = {f["distribution"]: f for f in b["fits"]}
        for nm in names:
            x, y = fa.get(nm), fb.get(nm)
            if x is None or y is None:
                diff += 1
                lines.append("%s %-16s missing in the %s dump" % (key, nm, "old" if x is None else "new"))
                continue
            fields = [c for c in COLUMNS if x.get(c) != y.get(c)]
            if not fields:
                same += 1
                continue
            diff += 1
            lo, ln = to_float(x.get("loglik")), to_float(y.get("loglik"))
            dll = (ln - lo) if lo is not None and ln is not None else None
            pd, pk = param_diff(x.get("params"), y.get("params"))
            lines.append("%s %-16s loglik old %s new %s diff %s; max rel param diff %.3g%s; status old %r new %r; "
                         "differing: %s" % (key, nm, x.get("loglik"), y.get("loglik"),
                                            "%.6g" % dll if dll is not None else "-", pd,
                                            " (%s)" % pk if pk else "", x.get("status"), y.get("status"),
                                            ", ".join(fields)))
    # per-entry fit times
    to, tn = times_by_entry(ro, phases), times_by_entry(rn, phases)
    print("== fit times per entry (seconds, summed over each phase's samples; old -> new)")
    for ph in sorted(set(k[0] for k in list(to) + list(tn))):
        so = sum(v for k, v in to.items() if k[0] == ph)
        sn = sum(v for k, v in tn.items() if k[0] == ph)
        print("phase %s (%s): total %.1fs -> %.1fs" % (ph, PHASES[ph], so, sn))
        ks = sorted((k for k in set(to) | set(tn) if k[0] == ph),
                    key=lambda k: -max(to.get(k, 0.0), tn.get(k, 0.0)))
        for k in ks[:top]:
            a, b = to.get(k), tn.get(k)
            ratio = " (x%.2f)" % (b / a) if a and b else ""
            print("  %-20s %8.3f -> %8.3f%s" % (k[1], a if a is not None else math.nan,
                                                b if b is not None else math.nan, ratio))
    if lines:
        print("== differences ((sample, entry) pairs whose dumped columns differ)")
        for line in lines:
            print(line)
    if problems:
        print("== problems")
        for line in problems:
            print(line)
    print("sketches: %d identical, %d different" % (sketch_same, sketch_diff))
    print("compare: %d identical, %d different ((sample, entry) pairs over phases %s: %s)" % (
        same, diff, phases, "ALL IDENTICAL" if diff == 0 and not problems else "NOT identical"))
    return 0 if diff == 0 and not problems else 1


def cmd_times(dump, phases, top):
    recs = load_records(dump)
    t = times_by_entry(recs, phases)
    for ph in sorted(set(k[0] for k in t)):
        ks = sorted((k for k in t if k[0] == ph), key=lambda k: -t[k])
        print("phase %s (%s): %d entries, %.1fs in all; slowest: %s" % (
            ph, PHASES[ph], len(ks), sum(t[k] for k in ks),
            ", ".join("%s %.2f" % (k[1], t[k]) for k in ks[:top])))
    total = {}
    for (ph, nm), v in t.items():
        total[nm] = total.get(nm, 0.0) + v
    ks = sorted(total, key=lambda k: -total[k])
    print("all phases: %.1fs of fits; slowest entries: %s" % (
        sum(total.values()), ", ".join("%s %.1f" % (k, total[k]) for k in ks[:top])))
    used = {id(r): r for r in (find_record(recs, item) for item in plan(phases)) if r is not None}.values()
    print("sample generation %.1fs, sketches %.1fs (%d samples)" % (
        sum(r.get("sample_seconds", 0.0) for r in used), sum(r.get("sketch_seconds", 0.0) for r in used),
        len(used)))
    return 0


def quiet():
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")


def main(argv):
    phases, top = DEFAULT_PHASES, 15
    args = []
    for a in argv:
        if a.startswith("--phases="):
            phases = a.split("=", 1)[1]
            if not phases or set(phases) - set(PHASES):
                raise SystemExit("fit_dump: --phases takes letters from %s" % "".join(sorted(PHASES)))
        elif a.startswith("--top="):
            top = int(a.split("=", 1)[1])
        else:
            args.append(a)
    if not args:
        print(__doc__)
        return 2
    cmd, rest = args[0], args[1:]
    if cmd == "plan":
        for key, ph, kind, label, n, names in plan(phases):
            print("%s\t%d entries" % (key, len(names)))
        return 0
    if cmd == "missing" and len(rest) == 1:
        left = missing(rest[0], phases)
        print(len(left))
        return 0 if not left else 1
    if cmd == "dump" and len(rest) == 1:
        return cmd_dump(rest[0], phases)
    if cmd == "compare" and len(rest) == 2:
        return cmd_compare(rest[0], rest[1], phases, top)
    if cmd == "times" and len(rest) == 1:
        return cmd_times(rest[0], phases, top)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
