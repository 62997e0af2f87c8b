/*
 * wire.h — the fit_histogram binary form (what fit_histogram_send writes
 * and fit_histogram_recv reads: binary COPY, the wire protocol), decoded
 * and encoded by the PostgreSQL-free core (wire.c) so that the decoder can
 * be fuzzed without a server (test/fuzz/fuzz_hist_binary.c).
 *
 * Layout, network byte order: version (1 byte), flags (1 byte), level
 * (uint16), nbins (int32), n_nan, n_posinf, n_neginf (int64 each), min,
 * max (float8 each), then nbins pairs (int64 key, int64 count): 48 + 16 *
 * nbins bytes.
 */
#ifndef BESTFIT_SKETCH_WIRE_H
#define BESTFIT_SKETCH_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "host.h"
#include "sketch/sketch.h"

/* Bytes of the binary form of a sketch of nbins bins. */
#define BF_HIST_WIRE_SIZE(nbins) (48 + 16 * (size_t) (nbins))

/*
 * Decode the binary form at buf (len bytes) into a new value *out
 * (bf_alloc'd, length word set), validated by bf_hist_validate.  Returns
 * BF_OK with the bytes read in *used (trailing bytes are the caller's
 * business: PostgreSQL's callers reject them); BF_SYNTAX when buf ends
 * before a field the value needs (PostgreSQL's "insufficient data left in
 * message"); BF_INVALID when the bin count is outside [0, BF_MAX_BINS]
 * (checked before any allocation) or the value fails validation, with the
 * reason in msg (msglen bytes).  *out is NULL unless BF_OK.
 */
extern BfStatus bf_hist_from_wire(const uint8_t *buf, size_t len, size_t *used,
								  BfHistogram **out, char *msg, size_t msglen);

/*
 * Encode h (a valid value) into buf, which has room for
 * BF_HIST_WIRE_SIZE(h->nbins) bytes; returns the bytes written.
 */
extern size_t bf_hist_to_wire(const BfHistogram *h, uint8_t *buf);

#endif							/* BESTFIT_SKETCH_WIRE_H */
