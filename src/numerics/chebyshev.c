/*
 * chebyshev.c — adaptive piecewise Chebyshev interpolation (chebyshev.h).
 */
#include <math.h>
#include <string.h>

#include "numerics/chebyshev.h"

#define BF_CHEB_MAX_DEPTH 8		/* halvings of a first piece */
#define BF_CHEB_CHECK_AT 0.3	/* the check point's place in its piece */

typedef struct
{
	double		a,
				b;
	int			depth;
} BfChebTodo;

/*
 * The interpolating series on [a, b] from f at the Chebyshev points of the
 * first kind, as GSL's gsl_cheb_init computes it (its formulas, term for
 * term: the same coefficients to the last bit), with the cosines of the
 * nodes and of the discrete cosine transform taken from a table filled on
 * first use instead of (order + 1)^2 + (order + 1) calls of cos per piece
 * (12 % of genhyperbolic's fitting time went to those cosines).  Returns
 * false when a value of f is not finite.
 */
static double bf_cheb_cos[BF_CHEB_ORDER + 1][BF_CHEB_ORDER + 1];	/* [j][k] */
static double bf_cheb_node[BF_CHEB_ORDER + 1];
static bool bf_cheb_cos_ready = false;

static bool
bf_cheb_series(double (*f) (double, void *), void *arg, double a, double b, double *c)
{
	const int	n1 = BF_CHEB_ORDER + 1;
	double		bma = 0.5 * (b - a),
				bpa = 0.5 * (b + a),
				fac = 2.0 / n1,
				fv[BF_CHEB_ORDER + 1];

	if (!bf_cheb_cos_ready)
	{
		for (int k = 0; k < n1; k++)
			bf_cheb_node[k] = cos(M_PI * (k + 0.5) / n1);
		for (int j = 0; j < n1; j++)
			for (int k = 0; k < n1; k++)
				bf_cheb_cos[j][k] = cos(M_PI * j * (k + 0.5) / n1);
		bf_cheb_cos_ready = true;
	}
	for (int k = 0; k < n1; k++)
	{
		fv[k] = f(bf_cheb_node[k] * bma + bpa, arg);
		if (!isfinite(fv[k]))
			return false;
	}
	for (int j = 0; j < n1; j++)
	{
		double		sum = 0.0;

		for (int k = 0; k < n1; k++)
			sum += fv[k] * bf_cheb_cos[j][k];
		c[j] = fac * sum;
	}
	return true;
}

/* value of piece p at u (GSL's gsl_cheb_eval on our copy of the coefficients) */
static double
bf_cheb_piece_eval(const BfChebPiece *p, double u)
{
	double		y = (2.0 * u - p->a - p->b) / (p->b - p->a),
				y2 = 2.0 * y,
				d = 0.0,
				dd = 0.0;

	for (int j = BF_CHEB_ORDER; j >= 1; j--)
	{
		double		t = d;

		d = y2 * d - dd + p->c[j];
		dd = t;
	}
	return y * d - dd + 0.5 * p->c[0];
}

bool
bf_cheb_fit(BfChebFit *fit, double (*f) (double, void *), void *arg,
			double u0, double u1, double width, double tol, int max_evals)
{
	BfChebTodo	todo[BF_CHEB_MAX_PIECES + BF_CHEB_MAX_DEPTH + 2];
	int			ntodo = 0,
				nfirst;
	bool		ok = true;

	fit->npieces = 0;
	fit->evals = 0;
	if (!(u0 < u1) || !isfinite(u0) || !isfinite(u1) || !(width > 0))
		return false;
	nfirst = (int) ceil((u1 - u0) / width);
	if (nfirst < 1)
		nfirst = 1;
	/* more pieces, or values of f, than allowed even if every first piece passes */
	if (nfirst > BF_CHEB_MAX_PIECES || nfirst * (BF_CHEB_ORDER + 2) > max_evals)
		return false;
	/* the first pieces, last on the stack first, so that they come off in order */
	for (int k = nfirst - 1; k >= 0; k--)
	{
		todo[ntodo].a = (k == 0) ? u0 : u0 + (u1 - u0) * k / nfirst;
		todo[ntodo].b = (k == nfirst - 1) ? u1 : u0 + (u1 - u0) * (k + 1) / nfirst;
		todo[ntodo].depth = 0;
		ntodo++;
	}
	while (ntodo > 0 && ok)
	{
		BfChebTodo	t = todo[--ntodo];
		BfChebPiece *p;
		const double *c;
		double		at,
					fv;
		bool		accept = true;

		if (fit->evals + BF_CHEB_ORDER + 2 > max_evals || fit->npieces >= BF_CHEB_MAX_PIECES)
		{
			ok = false;
			break;
		}
		p = &fit->piece[fit->npieces];
		p->a = t.a;
		p->b = t.b;
		c = p->c;
		fit->evals += BF_CHEB_ORDER + 1;
		if (!bf_cheb_series(f, arg, t.a, t.b, p->c))
		{
			ok = false;
			break;
		}
		for (int j = 0; j <= BF_CHEB_ORDER; j++)
			if (!isfinite(c[j]))
				ok = false;
		if (!ok)
			break;
		if (fabs(c[BF_CHEB_ORDER]) > tol || fabs(c[BF_CHEB_ORDER - 1]) > tol)
			accept = false;
		else
		{
			at = t.a + BF_CHEB_CHECK_AT * (t.b - t.a);
			fv = f(at, arg);
			fit->evals++;
			if (!isfinite(fv))
			{
				ok = false;
				break;
			}
			accept = fabs(bf_cheb_piece_eval(p, at) - fv) <= tol;
		}
		if (accept)
		{
			fit->npieces++;
			continue;
		}
		if (t.depth >= BF_CHEB_MAX_DEPTH)
		{
			ok = false;
			break;
		}
		/* the right half below the left one on the stack */
		todo[ntodo].a = 0.5 * (t.a + t.b);
		todo[ntodo].b = t.b;
		todo[ntodo].depth = t.depth + 1;
		ntodo++;
		todo[ntodo].a = t.a;
		todo[ntodo].b = 0.5 * (t.a + t.b);
		todo[ntodo].depth = t.depth + 1;
		ntodo++;
	}
	if (!ok)
		fit->npieces = 0;
	return ok;
}

double
bf_cheb_eval(const BfChebFit *fit, int *piece, double u)
{
	int			k = *piece;

	if (fit->npieces <= 0)
		return NAN;
	if (k < 0 || k >= fit->npieces || u < fit->piece[k].a)
		k = 0;
	while (k < fit->npieces - 1 && u > fit->piece[k].b)
		k++;
	*piece = k;
	return bf_cheb_piece_eval(&fit->piece[k], u);
}
