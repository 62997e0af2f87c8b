/*
 * bessel_k.h — log(e^x K_nu(x)), the logarithm of the exponentially scaled
 * modified Bessel function of the second kind, for real order nu and x > 0
 * (bessel_k.c): exactly (Hankel's expansion or GSL) and from a table of
 * tensor Chebyshev cells in (|nu|, log x) for the laws that need it at
 * every node of every bin (genhyperbolic).  Neither raises errors: a
 * failure gives NaN.
 */
#ifndef BESTFIT_NUMERICS_BESSEL_K_H
#define BESTFIT_NUMERICS_BESSEL_K_H

/* log K_nu(x) for real nu (K_-nu = K_nu) and x > 0 (GSL's gsl_sf_bessel_lnKnu_e); NaN on failure. */
extern double bf_ln_bessel_k(double nu, double x);

/*
 * log(e^x K_nu(x)), nu real (K_-nu = K_nu), x > 0: Hankel's expansion where
 * it converges (x >= 20 + 4 nu^2: bf_bessel_k_scaled_hankel, special.c),
 * else GSL's scaled K_nu for x >= 1 (where log K_nu + x would cancel two
 * terms of size x), GSL's log K_nu plus x below or where the scaled value
 * overflows (nu far above x).  NaN on failure.
 */
extern double bf_ln_bessel_k_scaled(double nu, double x);

/*
 * The same function, from a table where 0.1 <= x < 20 + 4 nu^2 and |nu| <=
 * 64 (the exact function elsewhere): cells on a fixed grid, of width 1/4 in
 * |nu| below 4, 1 up to 16 and 4 beyond, and 1/2 in log x, each the tensor
 * Chebyshev interpolant of degree 16 in both variables of the exact
 * function at the 17 x 17 Chebyshev points of the first kind.  A cell is
 * built on first use; one whose last coefficients do not decay to 1e-13, or
 * that misses the exact function by more than 1e-13 (relative to max(1,
 * |value|)) at three points that are not nodes, is marked bad, and the
 * exact function answers there.  The value is a function of (nu, x) alone,
 * whichever cells were built before.  About 30 ns a value against GSL's
 * 250 (2 <= x < 20, non-integer nu); a cell takes 289 exact values (about
 * 75 us).  Against the exact function at 2,000,000 random points (|nu| <=
 * 33, 0.05 <= x <= 20,000): within 1.1e-14 relative, no cell bad (|nu| up
 * to 66 with the cells to 64: 1.2e-14).  Sources and the error argument:
 * bessel_k.c.
 */
extern double bf_ln_bessel_k_scaled_tab(double nu, double x);

/* Cells built so far in this process, and how many of them failed their tests (for tests and tools). */
extern void bf_ln_bessel_k_table_counts(long *built, long *bad);

#endif							/* BESTFIT_NUMERICS_BESSEL_K_H */
