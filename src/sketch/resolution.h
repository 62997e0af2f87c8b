/*
 * resolution.h — the recording resolution of a sketch's values
 * (resolution.c): does an exact sketch hold values recorded to a lattice
 * offset + k * q (whole knots, 0.1 m/s, cents), with ties?
 */
#ifndef BESTFIT_SKETCH_RESOLUTION_H
#define BESTFIT_SKETCH_RESOLUTION_H

#include "sketch/sketch.h"

/* Most divisors of the smallest gap tried as the lattice step. */
#define BF_RES_MAX_DIVISOR 10
/* Most lattice cells between min and max. */
#define BF_RES_MAX_CELLS 1e9

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
 *     precision (real columns), as long as it stays below 1% of q; a
 *     spurious lattice among m distinct values has probability of about
 *     10 (2e-4)^(m - 1);
 *   - q is refined by least squares over all values (k fixed), so that it
 *     does not carry the rounding error of one gap, and the lattice has at
 *     most BF_RES_MAX_CELLS cells.
 * Binned sketches return 0: their bins are fitted by bin masses already.
 * Deterministic: a function of the sketch alone.
 */
extern double bf_detect_resolution(const BfHistogram *h);

/*
 * The smallest gap between consecutive distinct values of an exact sketch
 * (+infinity with fewer than two values, NaN for a binned sketch): a
 * resolution given by the user may not exceed it (cells would overlap).
 */
extern double bf_smallest_gap(const BfHistogram *h);

#endif							/* BESTFIT_SKETCH_RESOLUTION_H */
