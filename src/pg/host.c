/*
 * host.c — the PostgreSQL implementation of the core's host interface
 * (src/host.h).
 *
 * Memory: palloc in CurrentMemoryContext.  The SQL functions run the core in
 * a memory context of their own (or the aggregate's), which PostgreSQL frees
 * with the query, also when it is cancelled.
 *
 * Interrupts: the core polls bf_should_stop() in every loop that can run
 * long.  When an interrupt is pending, PostgreSQL decides (ProcessInterrupts
 * through CHECK_FOR_INTERRUPTS): if it raises (cancel, statement_timeout),
 * the error is caught and kept, the core is told to stop and unwinds to the
 * SQL layer, which re-raises the kept error with bf_pg_rethrow_stop().  The
 * core therefore never longjmps through GSL code that holds malloc'd
 * workspaces, and a cancel acts within one poll interval (the core's
 * densest loops poll every 16 density evaluations).  Catching an error
 * without a subtransaction is allowed here because it is always re-thrown
 * before any other database work (PostgreSQL's src/backend/utils/error/
 * README, "PG_TRY ... must re-throw").
 */
#include "postgres.h"

#include <stdarg.h>

#include "miscadmin.h"
#include "utils/memutils.h"

#include "host.h"
#include "catalogue/entry.h"
#include "pg/bestfit.h"

static bool bf_stop_requested = false;
static ErrorData *bf_stop_error = NULL;

void *
bf_alloc(size_t size)
{
	return palloc(size);
}

void *
bf_alloc0(size_t size)
{
	return palloc0(size);
}

void
bf_free(void *p)
{
	if (p != NULL)
		pfree(p);
}

bool
bf_should_stop(void)
{
	MemoryContext cxt;

	if (bf_stop_requested)
		return true;
	if (likely(!INTERRUPTS_PENDING_CONDITION()))
		return false;
	cxt = CurrentMemoryContext;
	PG_TRY();
	{
		CHECK_FOR_INTERRUPTS();
	}
	PG_CATCH();
	{
		/* keep the error (in a context that outlives the query's) */
		MemoryContextSwitchTo(TopMemoryContext);
		bf_stop_error = CopyErrorData();
		FlushErrorState();
		bf_stop_requested = true;
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	return bf_stop_requested;
}

void
bf_host_reset_stop(void)
{
	/*
	 * Every SQL entry into the core starts here: an error that escaped in
	 * the middle of a search's likelihood (palloc's out of memory) must not
	 * leave the search accuracy set for later SQL functions
	 * (catalogue/entry.h)
	 */
	bf_accuracy = BF_ACCURACY_FULL;
	bf_stop_requested = false;
	if (bf_stop_error != NULL)
		FreeErrorData(bf_stop_error);
	bf_stop_error = NULL;
}

/*
 * Re-raise the interrupt that made the core stop (a no-op when none did).
 * Called by the SQL layer after every core operation that polls.
 */
void
bf_pg_rethrow_stop(void)
{
	ErrorData  *edata;

	if (!bf_stop_requested)
		return;
	bf_stop_requested = false;
	edata = bf_stop_error;
	bf_stop_error = NULL;
	if (edata == NULL)
		CHECK_FOR_INTERRUPTS();	/* cannot happen; let PostgreSQL decide */
	else
		ReThrowError(edata);
}

void
bf_set_value_size(void *value, size_t size)
{
	SET_VARSIZE(value, size);
}

void
bf_debug(int level, const char *fmt,...)
{
	char		buf[512];
	va_list		ap;
	int			elevel = level <= 1 ? DEBUG1 : (level == 2 ? DEBUG2 : DEBUG3);

	if (!message_level_is_interesting(elevel))
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	elog(elevel, "%s", buf);
}
