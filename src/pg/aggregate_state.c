/*
 * aggregate_state.c — sketch aggregates whose state type is fit_histogram
 * itself rather than internal (issue 12, item 2), for Citus: released
 * Citus versions push an aggregate's partial aggregation down to the
 * workers only when its state type is not a pseudo-type such as internal
 * (README, "An aggregate Citus can push down").
 *
 * The state is a read-write expanded object (utils/expandeddatum.h): a
 * header holding the core's transition state (BfState, src/sketch/), in a
 * memory context that is a child of the aggregate's context, shared by the
 * states of all the groups (bf_states_context).
 * nodeAgg (and Citus's worker_partial_agg) keep such a state without
 * copying it when the transition function returns the pointer it was
 * given, so a row costs one bf_state_add, as with the internal state, and
 * a few checks of the state (about 2% more CPU a row, README).  Whenever PostgreSQL needs the state as a plain value (a
 * parallel worker's partial result, a Citus worker's output, datumCopy) it
 * flattens it through get_flat_size/flatten_into into the canonical
 * fit_histogram value, the same bytes as fit_histogram_final's.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "fmgr.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include "pg/bestfit.h"
#include "sketch/sketch.h"

/* The expanded form of a fit_histogram aggregate state. */
typedef struct BfExpandedHist
{
	ExpandedObjectHeader hdr;
	BfState    *st;				/* the transition state, in hdr.eoh_context */
	BfHistogram *flat;			/* canonical value between get_flat_size and
								 * flatten_into; NULL otherwise */
} BfExpandedHist;

static Size bf_eh_get_flat_size(ExpandedObjectHeader *eohptr);
static void bf_eh_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods bf_eh_methods = {
	bf_eh_get_flat_size,
	bf_eh_flatten_into
};

/*
 * The canonical value of the state, computed once and kept until
 * flatten_into copies it or the state changes.
 */
static Size
bf_eh_get_flat_size(ExpandedObjectHeader *eohptr)
{
	BfExpandedHist *eh = (BfExpandedHist *) eohptr;

	if (eh->flat == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(eh->hdr.eoh_context);

		eh->flat = bf_state_to_hist(eh->st);
		MemoryContextSwitchTo(old);
	}
	return VARSIZE(eh->flat);
}

static void
bf_eh_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	BfExpandedHist *eh = (BfExpandedHist *) eohptr;
	Size		size = bf_eh_get_flat_size(eohptr);

	if (allocated_size != size)
		elog(ERROR, "fit_histogram state flattened into %zu bytes instead of %zu",
			 allocated_size, size);
	memcpy(result, eh->flat, size);
	/* the copy is the caller's now: do not keep a second one */
	pfree(eh->flat);
	eh->flat = NULL;
}

/* The state behind d when d is one of ours (read-write or read-only), else NULL. */
static inline BfExpandedHist *
bf_eh_of(Datum d)
{
	varatt_expanded ptr;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return NULL;
	/* DatumGetEOHP, inline: the transition function runs once a row */
	VARATT_EXTERNAL_GET_POINTER(ptr, DatumGetPointer(d));
	return ptr.eohptr->eoh_methods == &bf_eh_methods ? (BfExpandedHist *) ptr.eohptr : NULL;
}

/*
 * The context that holds the states of one aggregate context: a child of
 * it, created with the first state and found again by name (it goes with
 * the aggregate context whenever that is reset).  All the groups' states
 * share it rather than each having a context of its own, because
 * PostgreSQL's hash aggregation sums the memory of every child of the
 * aggregate context at each new group (hash_agg_check_limits in nodeAgg.c):
 * with a context per state a GROUP BY would cost time quadratic in its
 * groups.  Sharing is safe because an expanded state is only ever deleted
 * by itself (DeleteExpandedObject) when a transition or combine function
 * returns a different pointer than the read-write state it was given
 * (nodeAgg, nodeWindowAgg, Citus's HandleTransition), and ours return that
 * same pointer; their states go with the aggregate context.  Small sizes:
 * chunks over 1 KiB (tables of 128 slots and more, up to the full 64 KiB
 * one) get blocks of their own, returned to malloc when a table is
 * replaced, so a state keeps within BF_STATE_MAX_BYTES (the aggregates'
 * SSPACE).
 */
#define BF_STATES_CONTEXT_NAME "fit_histogram aggregate states"

static MemoryContext
bf_states_context(MemoryContext aggcxt)
{
	for (MemoryContext c = aggcxt->firstchild; c != NULL; c = c->nextchild)
		if (strcmp(c->name, BF_STATES_CONTEXT_NAME) == 0)
			return c;
	return AllocSetContextCreate(aggcxt, BF_STATES_CONTEXT_NAME, ALLOCSET_SMALL_SIZES);
}

/* A new, empty state under aggcxt (the aggregate's context). */
static BfExpandedHist *
bf_eh_create(MemoryContext aggcxt)
{
	MemoryContext cxt = bf_states_context(aggcxt);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	BfExpandedHist *eh = palloc(sizeof(BfExpandedHist));

	/*
	 * nodeAgg keeps a read-write expanded state without copying it when its
	 * context's parent is the aggregate context, which holds here.
	 */
	EOH_init_header(&eh->hdr, &bf_eh_methods, cxt);
	eh->st = bf_state_create();
	eh->flat = NULL;
	MemoryContextSwitchTo(old);
	return eh;
}

/* Merge the sketch behind d (a state or a plain value) into eh. */
static void
bf_eh_merge(BfExpandedHist *eh, Datum d)
{
	BfExpandedHist *other = bf_eh_of(d);
	MemoryContext old;
	BfStatus	status;

	if (other == eh)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("a fit_histogram aggregate state cannot be merged into itself")));
	old = MemoryContextSwitchTo(eh->hdr.eoh_context);
	if (other != NULL)
		status = bf_state_merge_state(eh->st, other->st);
	else
		status = bf_state_merge_hist(eh->st, (BfHistogram *) PG_DETOAST_DATUM(d));
	MemoryContextSwitchTo(old);
	if (eh->flat != NULL)
	{
		pfree(eh->flat);
		eh->flat = NULL;
	}
	if (status == BF_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("fit_histogram count out of range"),
				 errdetail("Merging these sketches would overflow a 64-bit count.")));
}

/* A new state holding the sketch of argument 0 (a plain value or NULL). */
static pg_noinline BfExpandedHist *
bf_eh_writable_new(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	BfExpandedHist *eh = bf_eh_create(aggcxt);

	if (!PG_ARGISNULL(0))
		bf_eh_merge(eh, PG_GETARG_DATUM(0));
	return eh;
}

/*
 * The state argument 0 to update in place: itself when it is our
 * read-write expanded object (the caller hands it over), else a new state
 * under the aggregate's context holding its sketch (NULL: empty).  An
 * error outside an aggregate.
 */
static inline BfExpandedHist *
bf_eh_writable(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt = bf_aggcontext(fcinfo);
	BfExpandedHist *eh;

	if (likely(!PG_ARGISNULL(0)) &&
		VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))) &&
		likely((eh = bf_eh_of(PG_GETARG_DATUM(0))) != NULL))
		return eh;
	return bf_eh_writable_new(fcinfo, aggcxt);
}

PG_FUNCTION_INFO_V1(fit_histogram_state_accum);
PG_FUNCTION_INFO_V1(fit_histogram_state_combine);
PG_FUNCTION_INFO_V1(fit_histogram_state_final);

/*
 * Transition function (fit_histogram, double precision) -> fit_histogram:
 * adds one value to the state in place and returns the same read-write
 * pointer.  NULL values are skipped; the state stays NULL until the first
 * non-NULL value, so an aggregate over no such rows is NULL.
 */
Datum
fit_histogram_state_accum(PG_FUNCTION_ARGS)
{
	BfExpandedHist *eh;
	MemoryContext old;

	if (PG_ARGISNULL(1))
	{
		(void) bf_aggcontext(fcinfo);
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	eh = bf_eh_writable(fcinfo);
	old = MemoryContextSwitchTo(eh->hdr.eoh_context);
	bf_state_add(eh->st, PG_GETARG_FLOAT8(1));
	MemoryContextSwitchTo(old);
	if (unlikely(eh->flat != NULL))
	{
		pfree(eh->flat);
		eh->flat = NULL;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eh->hdr));
}

/*
 * Combine function (fit_histogram, fit_histogram) -> fit_histogram, also the
 * transition function of the rollup: merges the second argument (a state or
 * a stored sketch, read only) into the first, in place.  Exact: the result
 * is the sketch of the union of the rows.  NULL arguments are skipped.
 */
Datum
fit_histogram_state_combine(PG_FUNCTION_ARGS)
{
	BfExpandedHist *eh;

	if (PG_ARGISNULL(1))
	{
		(void) bf_aggcontext(fcinfo);
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	eh = bf_eh_writable(fcinfo);
	bf_eh_merge(eh, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eh->hdr));
}

/*
 * Final function fit_histogram -> fit_histogram: the canonical sketch as a
 * plain value in the caller's memory, validated as fit_histogram_final
 * validates (the bytes are those of fit_histogram(x) on the same rows).
 * The state is only read.
 */
Datum
fit_histogram_state_final(PG_FUNCTION_ARGS)
{
	BfExpandedHist *eh;
	BfHistogram *h;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	eh = bf_eh_of(PG_GETARG_DATUM(0));
	if (eh == NULL)				/* a plain value: already canonical */
		PG_RETURN_POINTER(PG_GETARG_BF_HIST(0));
	h = bf_state_to_hist(eh->st);
	bf_pg_validate_hist(h, VARSIZE(h));
	PG_RETURN_POINTER(h);
}
