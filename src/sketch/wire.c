/*
 * wire.c — the fit_histogram binary form (see wire.h): the decoder that
 * fit_histogram_recv calls, and the encoder of fit_histogram_send.
 */
#include <stdio.h>
#include <string.h>

#include "sketch/wire.h"

typedef struct BfWireReader
{
	const uint8_t *p;
	size_t		left;
	bool		ok;				/* false once a read ran past the end */
} BfWireReader;

/* The next nbytes as a big-endian unsigned integer; 0 and !ok past the end. */
static uint64_t
bf_wire_get(BfWireReader *r, int nbytes)
{
	uint64_t	v = 0;

	if (!r->ok || r->left < (size_t) nbytes)
	{
		r->ok = false;
		return 0;
	}
	for (int i = 0; i < nbytes; i++)
		v = (v << 8) | r->p[i];
	r->p += nbytes;
	r->left -= nbytes;
	return v;
}

static double
bf_wire_get_double(BfWireReader *r)
{
	uint64_t	bits = bf_wire_get(r, 8);
	double		x;

	memcpy(&x, &bits, sizeof(x));
	return x;
}

static BfStatus
bf_wire_short(char *msg, size_t msglen)
{
	snprintf(msg, msglen, "insufficient data left in message");
	return BF_SYNTAX;
}

BfStatus
bf_hist_from_wire(const uint8_t *buf, size_t len, size_t *used, BfHistogram **out,
				  char *msg, size_t msglen)
{
	BfWireReader r = {buf, len, true};
	int			version = (int) bf_wire_get(&r, 1);
	int			flags = (int) bf_wire_get(&r, 1);
	int			level = (int) bf_wire_get(&r, 2);	/* unsigned, as pq_getmsgint */
	int			nbins = (int) (int32_t) (uint32_t) bf_wire_get(&r, 4);
	BfHistogram *h;
	int64_t    *keys;
	int64_t    *counts;

	*out = NULL;
	if (!r.ok)
		return bf_wire_short(msg, msglen);
	if (nbins < 0 || nbins > BF_MAX_BINS)
	{
		snprintf(msg, msglen, "Bin count %d is out of range [0, %d].", nbins, BF_MAX_BINS);
		return BF_INVALID;
	}
	h = bf_alloc0(BF_HIST_SIZE(nbins));
	bf_set_value_size(h, BF_HIST_SIZE(nbins));
	h->version = version;
	h->flags = flags;
	h->level = level;
	h->nbins = nbins;
	h->n_nan = (int64_t) bf_wire_get(&r, 8);
	h->n_posinf = (int64_t) bf_wire_get(&r, 8);
	h->n_neginf = (int64_t) bf_wire_get(&r, 8);
	h->min = bf_wire_get_double(&r);
	h->max = bf_wire_get_double(&r);
	keys = BF_HIST_KEYS(h);
	counts = BF_HIST_COUNTS(h);
	for (int i = 0; i < nbins && r.ok; i++)
	{
		keys[i] = (int64_t) bf_wire_get(&r, 8);
		counts[i] = (int64_t) bf_wire_get(&r, 8);
	}
	if (!r.ok)
	{
		bf_free(h);
		return bf_wire_short(msg, msglen);
	}
	if (bf_hist_validate(h, BF_HIST_SIZE(nbins), msg, msglen) != BF_OK)
	{
		bf_free(h);
		return BF_INVALID;
	}
	*used = len - r.left;
	*out = h;
	return BF_OK;
}

static uint8_t *
bf_wire_put(uint8_t *p, uint64_t v, int nbytes)
{
	for (int i = nbytes - 1; i >= 0; i--)
	{
		p[i] = (uint8_t) (v & 0xFF);
		v >>= 8;
	}
	return p + nbytes;
}

size_t
bf_hist_to_wire(const BfHistogram *h, uint8_t *buf)
{
	const int64_t *keys = BF_HIST_KEYS(h);
	const int64_t *counts = BF_HIST_COUNTS(h);
	uint8_t    *p = buf;
	uint64_t	bits;

	p = bf_wire_put(p, h->version, 1);
	p = bf_wire_put(p, h->flags, 1);
	p = bf_wire_put(p, h->level, 2);
	p = bf_wire_put(p, (uint32_t) h->nbins, 4);
	p = bf_wire_put(p, (uint64_t) h->n_nan, 8);
	p = bf_wire_put(p, (uint64_t) h->n_posinf, 8);
	p = bf_wire_put(p, (uint64_t) h->n_neginf, 8);
	memcpy(&bits, &h->min, 8);
	p = bf_wire_put(p, bits, 8);
	memcpy(&bits, &h->max, 8);
	p = bf_wire_put(p, bits, 8);
	for (int i = 0; i < h->nbins; i++)
	{
		p = bf_wire_put(p, (uint64_t) keys[i], 8);
		p = bf_wire_put(p, (uint64_t) counts[i], 8);
	}
	return (size_t) (p - buf);
}
