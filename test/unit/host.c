/*
 * host.c — the stand-alone implementation of the core's host interface
 * (src/host.h), for the harnesses that run without a server: make
 * unitcheck, test/cateval and fuzzers.
 *
 * Memory comes from malloc and is recorded in an arena; bf_arena_reset()
 * frees everything allocated since the last reset (the harness calls it
 * after every operation, as PostgreSQL frees a query's memory context).
 * Exhaustion aborts.  A stop can be requested with bf_harness_request_stop
 * (to test that loops honour it).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "harness.h"

/* Each block is preceded by a link to the previous one. */
typedef struct BfBlock
{
	struct BfBlock *prev;
	size_t		size;
	/* max-aligned payload follows */
	long double align_[];
} BfBlock;

static BfBlock *bf_arena = NULL;
static size_t bf_arena_bytes = 0;
static bool bf_stop = false;
static long bf_polls = 0;
static long bf_stop_after = -1;

void *
bf_alloc(size_t size)
{
	BfBlock    *b = malloc(sizeof(BfBlock) + size);

	if (b == NULL)
	{
		fprintf(stderr, "bestfit harness: out of memory (%zu bytes)\n", size);
		abort();
	}
	b->prev = bf_arena;
	b->size = size;
	bf_arena = b;
	bf_arena_bytes += size;
	return b->align_;
}

void *
bf_alloc0(size_t size)
{
	void	   *p = bf_alloc(size);

	memset(p, 0, size);
	return p;
}

/* Freed with the arena (blocks are not unlinked one by one). */
void
bf_free(void *p)
{
	(void) p;
}

void
bf_arena_reset(void)
{
	while (bf_arena != NULL)
	{
		BfBlock    *prev = bf_arena->prev;

		free(bf_arena);
		bf_arena = prev;
	}
	bf_arena_bytes = 0;
}

size_t
bf_arena_size(void)
{
	return bf_arena_bytes;
}

bool
bf_should_stop(void)
{
	bf_polls++;
	if (bf_stop_after >= 0 && bf_polls > bf_stop_after)
		bf_stop = true;
	return bf_stop;
}

void
bf_host_reset_stop(void)
{
	bf_stop = false;
}

void
bf_harness_request_stop(long after_polls)
{
	bf_polls = 0;
	bf_stop_after = after_polls;
	bf_stop = after_polls == 0;
}

long
bf_harness_polls(void)
{
	return bf_polls;
}

void
bf_set_value_size(void *value, size_t size)
{
	/* the harness's length word: the plain size (PostgreSQL's is shifted) */
	int32_t		v = (int32_t) size;

	memcpy(value, &v, sizeof(v));
}

void
bf_debug(int level, const char *fmt,...)
{
	va_list		ap;

	if (getenv("BESTFIT_DEBUG") == NULL || atoi(getenv("BESTFIT_DEBUG")) < level)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
