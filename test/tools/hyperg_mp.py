#!/usr/bin/python3
"""Reference values of the Gauss hypergeometric function for the unit test
of bf_hyperg_2f1_near_one (test_hyperg_near_one in test/unit/unitcheck.c),
by mpmath's hyp2f1 at 40 digits: for gausshyper's shapes a, b, c, z the
function its normalising constant asks for when z > 1/2 (src/catalogue/
continuous/beta.c, after Pfaff's transformation), 2F1(c, b; a + b; z/(1+z)),
with z/(1+z) formed in mpmath from the double z (not rounded to a double).
Needs mpmath (a development tool, not run by the tests).
Input lines "a b c z", output "{a, b, c, z, value}," per line:
    echo "0.51 9.5 0.97 10000" | python3 test/tools/hyperg_mp.py
"""
import sys
import mpmath as mp

mp.mp.dps = 40
for line in sys.stdin:
    if not line.strip():
        continue
    a, b, c, z = (float(t) for t in line.split())
    A, B, C, Z = mp.mpf(c), mp.mpf(b), mp.mpf(a) + mp.mpf(b), mp.mpf(z)
    print('{%r, %r, %r, %r, %s},' % (a, b, c, z, mp.nstr(mp.hyp2f1(A, B, C, Z / (1 + Z)), 20)))
