/*
 * host.h — what the numeric core (sketch, catalogue, numerics, fit,
 * metrics) needs from the program it runs in, and nothing more.
 *
 * Two hosts implement it:
 *   src/pg/host.c         the PostgreSQL backend: memory from palloc in the
 *                         current memory context (freed with it, also when
 *                         a query is cancelled), interrupts through
 *                         CHECK_FOR_INTERRUPTS, length words through
 *                         SET_VARSIZE;
 *   test/unit/host.c      the stand-alone harness (make unitcheck, cateval,
 *                         fuzzers): malloc in an arena that the harness frees
 *                         at once, no interrupts.
 *
 * The core never includes a PostgreSQL header and never raises an error:
 * it returns a BfStatus (or NaN from the catalogue's functions) and the
 * host's SQL layer turns that into an ereport.  Allocation failure is the
 * host's business (palloc raises out of memory; the harness aborts).
 */
#ifndef BESTFIT_HOST_H
#define BESTFIT_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Outcome of a core operation that can fail. */
typedef enum BfStatus
{
	BF_OK = 0,
	BF_CANCELLED,				/* the host asked to stop (cancel, timeout) */
	BF_INVALID,					/* invalid value: a message says why */
	BF_SYNTAX,					/* malformed text: a message says why */
	BF_NO_MEMORY,				/* a library allocation (GSL) failed */
	BF_OVERFLOW					/* a count would overflow int64 */
} BfStatus;

/*
 * Memory for the duration of the current operation: never NULL (the host
 * raises or aborts on exhaustion).  bf_alloc0 zeroes.  bf_free may be
 * skipped: the host frees everything when the operation ends.
 */
extern void *bf_alloc(size_t size);
extern void *bf_alloc0(size_t size);
extern void bf_free(void *p);

/*
 * Should a long computation stop now?  Cheap (a flag test) unless an
 * interrupt is pending.  Once it has returned true it keeps returning true
 * until bf_host_reset_stop(); the core then unwinds and returns
 * BF_CANCELLED, and the host's SQL layer re-raises the pending
 * cancellation (src/pg/host.c: bf_pg_rethrow_stop).
 */
extern bool bf_should_stop(void);
extern void bf_host_reset_stop(void);

/*
 * Stamp the host's length word on a value the core built (the varlena
 * header of fit_histogram values): size is the whole value, header included.
 */
extern void bf_set_value_size(void *value, size_t size);

/* Trace message for developers (DEBUG1..3 in the server; ignored elsewhere). */
extern void bf_debug(int level, const char *fmt,...) __attribute__((format(printf, 2, 3)));

#endif							/* BESTFIT_HOST_H */
