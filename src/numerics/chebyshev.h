/*
 * chebyshev.h — adaptive piecewise Chebyshev interpolation of a smooth
 * function of one variable, for laws whose density is a numerical integral
 * or a long series and must be known at thousands of points of one law
 * (fit/likelihood.c, bf_logpdf_interpolated).
 *
 * Each piece is the Chebyshev series of degree BF_CHEB_ORDER that
 * interpolates f at the Chebyshev points of the first kind (the formulas of
 * GSL's gsl_cheb_init, computed in chebyshev.c with its cosines tabulated
 * once; Press et al., Numerical Recipes, 3rd ed., 5.8; Trefethen,
 * Approximation Theory and Approximation Practice, 2013, ch. 4 and 8).  A
 * piece is accepted when its last two coefficients are below tol (for a
 * function analytic around the piece the coefficients decay geometrically,
 * so the truncation error is of that size: Trefethen ch. 8, the test
 * chebfun's "standardChop" makes in a stricter form) and f at one point
 * that is not a node (0.3 of the way through) is matched within tol (a
 * guard against a feature that the nodes alias); otherwise it is halved,
 * down to 1/256 of the first width.  Neither test is a proof of the error
 * bound: a feature narrower than the spacing of the nodes, away from the
 * check point, with coefficients that happen to be small, would pass.
 */
#ifndef BESTFIT_NUMERICS_CHEBYSHEV_H
#define BESTFIT_NUMERICS_CHEBYSHEV_H

#include <stdbool.h>

#define BF_CHEB_ORDER 16
#define BF_CHEB_MAX_PIECES 128

typedef struct BfChebPiece
{
	double		a,
				b;				/* the piece's interval */
	double		c[BF_CHEB_ORDER + 1];	/* GSL's convention: f = c0/2 + sum c_k T_k */
} BfChebPiece;

typedef struct BfChebFit
{
	int			npieces;		/* contiguous, ascending */
	int			evals;			/* values of f the fit took */
	BfChebPiece piece[BF_CHEB_MAX_PIECES];
} BfChebFit;

/*
 * Fit f on [u0, u1] (u0 < u1, both finite) by pieces of width at most
 * width, each accepted within tol (absolute, on f's values) as above.
 * Returns false, with fit unusable, when a value of f was not finite, when
 * more than max_evals values would be needed, when more than
 * BF_CHEB_MAX_PIECES pieces would be, or when GSL could not allocate its
 * series.
 */
extern bool bf_cheb_fit(BfChebFit *fit, double (*f) (double, void *), void *arg,
						double u0, double u1, double width, double tol, int max_evals);

/*
 * The fit's value at u in [u0, u1] (Clenshaw's recurrence on the piece
 * holding u).  *piece is a cursor: pass 0 first, then the same variable
 * for ascending u, so that a sweep over sorted points finds each piece in
 * constant time.
 */
extern double bf_cheb_eval(const BfChebFit *fit, int *piece, double u);

#endif							/* BESTFIT_NUMERICS_CHEBYSHEV_H */
