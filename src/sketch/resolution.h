/*
 * resolution.h — the recording resolution of a sketch's values
 * (resolution.c): does an exact sketch hold values recorded to a lattice
 * offset + k * q (whole knots, 0.1 m/s, cents), with ties?
 */
#ifndef BESTFIT_SKETCH_RESOLUTION_H
#define BESTFIT_SKETCH_RESOLUTION_H

#include <stdbool.h>

#include "sketch/sketch.h"

/* Most divisors of the smallest gap tried as the lattice step. */
#define BF_RES_MAX_DIVISOR 10
/* Most lattice cells between min and max (exact sketches). */
#define BF_RES_MAX_CELLS 1e9
/*
 * Most lattice steps between a binned sketch's min and max (2^52: every
 * index exact in a double; the heavy tail of a bootstrap sample of
 * 1,690,784 rows drawn from kappa4 reached 3e10 steps of 1).
 */
#define BF_RES_MAX_INDEX 4503599627370496.0
/* Evidence (nats) a binned sketch's lattice needs (bf_detect_resolution). */
#define BF_RES_BINNED_EVIDENCE 30.0

/*
 * The recording resolution q of a validated sketch, or 0 when none is
 * detected.  Rule (README, "Rounded data"):
 *   - the sketch is exact (level 0) with at least 3 distinct values and at
 *     least one tie (more rows than distinct values): without ties the
 *     density likelihood and the grouped one differ by O(q^2) per value
 *     (Sheppard's correction), and there is nothing to gain;
 *   - q is the largest of g, g/2, ..., g/BF_RES_MAX_DIVISOR (g the smallest
 *     gap between distinct values) such that every value lies on
 *     min + k * q, k an integer, within max(1e-4 q, 2^-23 |x|): the first
 *     term accepts values printed to a few significant digits (knots shown
 *     in mph to 5 decimals), the second values that went through single
 *     precision (real columns), as long as it stays below 1% of q (beyond,
 *     within 1e-4 q alone: integers above 83,886 exact in double precision,
 *     since 2026-12-06; before, such sketches were not detected); a
 *     spurious lattice among m distinct values has probability of about
 *     10 (2e-4)^(m - 1);
 *   - q is refined by least squares over all values (k fixed), so that it
 *     does not carry the rounding error of one gap, and the lattice has at
 *     most BF_RES_MAX_CELLS cells.
 * Binned sketches (level > 0), rule (README, "Rounded data"): q is the
 * largest step m 10^e (m = 5, 2.5, 2 or 1) for which bf_binned_lattice
 * holds, some bin of a single lattice point holds a tie (two rows or more:
 * without ties, as above, nothing to gain; 3,001 distinct integers stay
 * exact values), and the bins narrower than q that hold values, extreme bins
 * apart, carry evidence sum log(q / width) >= BF_RES_BINNED_EVIDENCE:
 * each such bin holds a lattice point by chance with probability width /
 * q for values spread smoothly over the lattice's scale, so a lattice
 * passes by chance with probability below exp(-evidence) per step tried
 * (at most 4 per decade between the narrowest bin and max - min).  Bins at
 * least q wide always hold a lattice point: data whose bins are all that
 * wide carry no evidence and are not detected (nor do their bins reward a
 * spike narrower than q).  Steps other than m 10^e (1/3, 1/60) are not
 * tried; resolution => q fits them.
 * Deterministic: a function of the sketch alone.
 */
extern double bf_detect_resolution(const BfHistogram *h);

/*
 * The lattice min + k q of a binned sketch (level > 0): true when every bin
 * holds a lattice point, with klo[i] and khi[i] (when not NULL; nbins
 * doubles each) the first and last k of bin i, 0 <= k <= K = (max - min) /
 * q.  A bin is [lo, hi) and holds k when cut(lo) <= k < cut(hi), cut(e) =
 * ceil(u - 1e-9 - 4 DBL_EPSILON (|u| + |min| / q)), u = (e - min) / q,
 * clamped to [0, K + 1]: one function of each edge, so that neighbouring
 * bins share their cut and never claim the same point; a lattice point
 * within that margin (u's rounding) of an edge goes to the bin above, which holds it
 * when the value is the edge itself (integers on the bins' dyadic edges);
 * a bin whose edges the index cannot tell apart (near 0, 1e-310 wide)
 * holds the point its lower edge is on.  The first bin holds k = 0 (min),
 * the last k = K (max).  False when
 * (max - min) / q is not within 1e-6 of an integer K, or within 2^-23
 * max(|min|, |max|) / q where that is at most 0.01 (values that went through
 * single precision; beyond, only values exact in double precision pass),
 * plus the division's rounding, K > BF_RES_MAX_INDEX, or some bin holds no lattice point (a
 * value that went through single precision and sits across an edge from
 * its lattice point makes it false: the sketch is then fitted as before).
 * Deterministic: a function of the sketch and q.
 */
extern bool bf_binned_lattice(const BfHistogram *h, double q, double *klo, double *khi);

/*
 * bf_binned_lattice's first and last k of every bin in one array from
 * bf_alloc, klo[i] at i and khi[i] at nbins + i (the caller frees it with
 * bf_free); NULL when q <= 0, the sketch is exact, or its bins are not on
 * the lattice.
 */
extern double *bf_binned_lattice_points(const BfHistogram *h, double q);

/*
 * The smallest gap between consecutive distinct values of an exact sketch
 * (+infinity with fewer than two values, NaN for a binned sketch): a
 * resolution given by the user may not exceed it (cells would overlap).
 */
extern double bf_smallest_gap(const BfHistogram *h);

#endif							/* BESTFIT_SKETCH_RESOLUTION_H */
