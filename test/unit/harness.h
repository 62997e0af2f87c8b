/*
 * harness.h — what the stand-alone host (test/unit/host.c) offers the
 * harness programs beyond src/host.h.
 */
#ifndef BESTFIT_HARNESS_H
#define BESTFIT_HARNESS_H

#include <stddef.h>

/* Free everything bf_alloc returned since the last reset. */
extern void bf_arena_reset(void);
/* Bytes currently held by the arena. */
extern size_t bf_arena_size(void);
/*
 * Make bf_should_stop() return true after this many more polls (0: at once;
 * negative: never), and count polls from now.
 */
extern void bf_harness_request_stop(long after_polls);
extern long bf_harness_polls(void);

#endif							/* BESTFIT_HARNESS_H */
