/*
 * parallel.c — fitting the candidates of one call on PostgreSQL's parallel
 * workers.
 *
 * fit_distributions() and best_fit() fit each candidate independently (a fit
 * is a function of the sketch, the entry and its fixed parameters: src/fit/),
 * so the candidates are shared out among the leader and up to
 * max_parallel_workers_per_gather workers launched through a ParallelContext,
 * as PostgreSQL's parallel B-tree build (nbtsort.c) and pgvector's parallel
 * index builds do.  Dynamic shared memory holds
 *   BF_KEY_SHARED   a header: the candidate count and the queue's next index
 *   BF_KEY_SKETCH   the sketch, as stored (validated by the leader)
 *   BF_KEY_TASKS    per candidate: its registry index and fixed vector, in
 *                   the order they are taken (slowest first, see
 *                   bf_candidate_cost), with its position in the caller's list
 *   BF_KEY_RESULTS  one BfFitResult per candidate, written by whichever
 *                   process fitted it (its dist pointer is set again by the
 *                   leader: a library may load at another address in a worker)
 * Every process takes the next candidate from an atomic counter until none is
 * left, so no process idles while another has a queue.  Since each result is
 * a function of its candidate alone, the results are byte-identical whatever
 * the number of workers, and whichever process fitted what.
 *
 * best_fit's race (src/fit/race.c) runs in two phases on one launch of the
 * workers: the candidates that do not enter it are queued first, the
 * entrants after them.  The process that finishes the first phase's last
 * task sets the bar from the first phase's results
 * (BfParallelShared.race_bar); an entrant reads it only at the end of its
 * search on the coarsest copy and of its coarse search, waiting there if
 * it is not set yet (bf_wait_race_bar), so the entrants start while the
 * first phase ends.  The bar is a function of
 * the first phase's results, so the results still do not depend on the
 * workers.  (Until the thirty-fourth session each phase launched the
 * workers afresh: a worker's start is dear, about 20 ms on the zoo's
 * machine and 120-150 ms when the session has loaded the JIT provider,
 * whose LLVM every worker then loads too.)  In both phases a fit whose
 * coarse search ends at a family's limit is passed over; when no fit is
 * clean at the end, the leader fits those in full (race.c).  best_fit's
 * fits skip the metrics and standard errors (BfParallelShared.out; fit.h,
 * BF_OUT_ALL): its choice is by AIC among the fits not flagged degenerate,
 * and it returns the parameters only.  After all the fits, the leader
 * refits any family whose fit is below one of its own special case's from
 * that fit (src/fit/nesting.c).
 *
 * Workers: as many as max_parallel_workers_per_gather allows (the setting a
 * parallel query would obey; 0 turns parallel fitting off), at most one per
 * candidate beyond the leader's first, and fewer when the pool
 * (max_parallel_workers, max_worker_processes) has fewer free; none inside a
 * parallel worker, in a single-user backend, or for a single candidate, nor
 * for discrete candidates whose cells x candidates are below
 * BF_DISCRETE_SERIAL_CELLS (a deterministic rule: no timing).  The
 * leader fits candidates too and then waits for the workers.  An error or a
 * cancel in a worker reaches the leader through the parallel machinery's
 * error queue (HandleParallelMessages), and a cancel of the leader stops the
 * workers when its transaction aborts.
 */
#include "postgres.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "miscadmin.h"
#include "optimizer/cost.h"
#include "port/atomics.h"
#include "storage/latch.h"
#include "storage/shm_toc.h"
#include "utils/memutils.h"
#include "utils/wait_event.h"

#include "pg/bestfit.h"
#include "fit/fit.h"

#define BF_KEY_SHARED	UINT64CONST(0xB5F1700000000001)
#define BF_KEY_SKETCH	UINT64CONST(0xB5F1700000000002)
#define BF_KEY_TASKS	UINT64CONST(0xB5F1700000000003)
#define BF_KEY_RESULTS	UINT64CONST(0xB5F1700000000004)

typedef struct BfParallelShared
{
	int			ntasks;			/* tasks fitted: the first phase's, then the entrants' */
	int			nfirst;			/* the first phase's (all of them without a race) */
	double		resolution;		/* of the sketch's values (0: exact) */
	bool		race;			/* best_fit's race (src/fit/race.c) */
	int			out;			/* what each fit computes (fit.h, BF_OUT_ALL) */
	pg_atomic_uint32 next;		/* the next task to take */
	pg_atomic_uint32 first_left;	/* the first phase's tasks not finished yet */
	double		race_bar;		/* the race's bar, once bar_ready */
	volatile bool bar_ready;
} BfParallelShared;

typedef struct BfTask
{
	int			entry;			/* registry index */
	int			slot;			/* position in the caller's candidate list */
	int			phase;			/* 1: an entrant of best_fit's race, fitted after the rest;
								 * 2: a twin of an earlier candidate (src/fit/twins.c),
								 * not fitted: its result is copied, or (same_law)
								 * mapped from that candidate's */
	int			twin;			/* 2: that candidate's slot */
	bool		same_law;		/* 2: twin is this entry's same_law */
	double		fixed[BF_MAX_PARAMS];
} BfTask;

PGDLLEXPORT void bf_parallel_fit_main(dsm_segment *seg, shm_toc *toc);

/*
 * A rough cost class of fitting an entry, for the order in which candidates
 * are taken (longest first: Graham's LPT rule for list scheduling, Graham
 * (1969), SIAM J. Appl. Math. 17, 416): first by the entry's measured
 * cost_class (catalogue/entry.h: its slowest fit on the zoo), then entries
 * with a coarse budget (the dearest densities), expensive ones, integer
 * searches and entries with several shapes, so that the last candidates to
 * finish are cheap ones.  Only the order depends on it, never a result.
 */
static int
bf_candidate_cost(const BfDist *d)
{
	int			cost = 100 * BF_HINT(d, cost_class) + d->nshapes;

	if (BF_HINT(d, coarse_evals) > 0)
		cost += 40;
	if (BF_HINT(d, expensive))
		cost += 20;
	if (bf_has_integer_shapes(d))
		cost += 10;
	return cost;
}

/*
 * Fit one task into its slot of results, in the memory context fitcxt
 * (emptied after it).  Re-raises a cancel that stopped the core.
 */
static void
bf_fit_task(const BfLadder *ladder, const BfTask *task, const BfRace *race, int out,
			MemoryContext fitcxt, BfFitResult *results)
{
	MemoryContext old;

	CHECK_FOR_INTERRUPTS();
	old = MemoryContextSwitchTo(fitcxt);
	bf_fit_one_raced(ladder->rungs, ladder->n, bf_catalogue_entry(task->entry), task->fixed,
					 race, out, &results[task->slot]);
	MemoryContextSwitchTo(old);
	MemoryContextReset(fitcxt);
	bf_pg_rethrow_stop();
}

/*
 * The race's bar, for an entrant whose search on a coarse copy is over
 * (BfRace.wait_bar, called by bf_race_drops and bf_race_drops_first): wait
 * until the first phase's last task is finished and its process has set the
 * bar (bf_fit_queue).  The wait polls
 * every millisecond on the process latch, and a cancel, a timeout or a
 * worker's error (which reaches the leader as an interrupt) ends it through
 * bf_should_stop: NaN, nothing dropped, and the fit unwinds at its next
 * poll.  It cannot wait for ever: entrants are queued after every task of
 * the first phase, so when one is taken all of those are being fitted, and
 * those never wait.
 */
static double
bf_wait_race_bar(void *arg)
{
	BfParallelShared *shared = arg;

	while (!shared->bar_ready)
	{
		if (bf_should_stop())
			return NAN;
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 1,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
	pg_read_barrier();
	return shared->race_bar;
}

/*
 * Fit the tasks taken from the queue until none is left.  With a race, the
 * process that finishes the first phase's last task sets the bar from the
 * first phase's results (the entrants' and the twins' slots are not read,
 * so they count for nothing, as when the phases ran one after the other)
 * for the entrants, which may have started their coarse searches meanwhile.
 */
static void
bf_fit_queue(const BfLadder *ladder, BfParallelShared *shared, BfTask *tasks,
			 BfFitResult *results)
{
	MemoryContext fitcxt = AllocSetContextCreate(CurrentMemoryContext, "bestfit fit",
												 ALLOCSET_DEFAULT_SIZES);
	BfRace		first = {.slack = ladder->race_slack, .bar = INFINITY, .limits = true,
		.slack_first = ladder->race_slack_first};
	BfRace		entrant = {.slack = ladder->race_slack, .bar = INFINITY, .limits = true,
		.wait_bar = bf_wait_race_bar, .wait_arg = shared, .slack_first = ladder->race_slack_first};

	bf_host_reset_stop();
	for (;;)
	{
		uint32		t = pg_atomic_fetch_add_u32(&shared->next, 1);

		if (t >= (uint32) shared->ntasks)
			break;
		bf_fit_task(ladder, &tasks[t],
					!shared->race ? NULL : t < (uint32) shared->nfirst ? &first : &entrant,
					shared->out, fitcxt, results);
		if (shared->race && t < (uint32) shared->nfirst &&
			pg_atomic_sub_fetch_u32(&shared->first_left, 1) == 0)
		{
			double		bar = INFINITY;

			/* the smallest clean AIC of the first phase, plus BF_PARSIMONY_AIC */
			for (int k = 0; k < shared->nfirst; k++)
				bar = Min(bar, bf_race_bar(&results[tasks[k].slot], 1));
			shared->race_bar = bar;
			pg_write_barrier();
			shared->bar_ready = true;
			if (shared->ntasks > shared->nfirst)
				elog(DEBUG1, "bestfit: race: %d entrants against AIC %g",
					 shared->ntasks - shared->nfirst, bar);
		}
	}
	MemoryContextDelete(fitcxt);
}

static int
bf_entry_index(const BfDist *d)
{
	for (int i = 0; i < bf_catalogue_count(); i++)
		if (bf_catalogue_entry(i) == d)
			return i;
	elog(ERROR, "bestfit: candidate \"%s\" is not in the catalogue", d->name);
	return -1;					/* keep the compiler quiet */
}

static int
bf_task_cmp(const void *a, const void *b)
{
	const BfTask *x = a,
			   *y = b;
	int			cx = bf_candidate_cost(bf_catalogue_entry(x->entry));
	int			cy = bf_candidate_cost(bf_catalogue_entry(y->entry));

	if (x->phase != y->phase)
		return x->phase - y->phase;
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return x->slot - y->slot;
}

/*
 * Below this many cells x candidates, a set of discrete candidates is fitted
 * without workers: such a set takes a few milliseconds, less than starting
 * the workers (about 50 ms on the zoo_discrete benchmark's machine).
 */
#define BF_DISCRETE_SERIAL_CELLS 2048

/* Workers to ask for: see the header. */
static int
bf_workers_wanted(const BfHistogram *h, const BfDist **cands, int ncand)
{
	bool		discrete = true;

	if (!IsUnderPostmaster || IsParallelWorker() || InitializingParallelWorker)
		return 0;
	for (int c = 0; c < ncand; c++)
		discrete &= cands[c]->kind == BF_DISCRETE;
	if (discrete && (double) h->nbins * ncand < BF_DISCRETE_SERIAL_CELLS)
		return 0;
	return Min(max_parallel_workers_per_gather, ncand - 1);
}

/*
 * Fit candidate c of cands with fixed vector fixed[c] into results[c], for
 * every c < ncand, on the sketch h (validated) whose values are recorded to
 * resolution (0: exact; see bf_fitdata_init), in parallel workers when
 * allowed.  Results are in the caller's order and do not depend on the
 * number of workers.
 */
void
bf_fit_candidates(const BfHistogram *h, double resolution, const BfDist **cands,
				  const double (*fixed)[BF_MAX_PARAMS], int ncand, bool race,
				  BfFitResult *results)
{
	int			nfirst = ncand;	/* tasks of the first phase (all without a race) */
	int			nfit = ncand;	/* tasks fitted (the twins are not) */
	const double **fx = palloc(sizeof(double *) * ncand);
	int			nworkers = bf_workers_wanted(h, cands, ncand);
	Size		hsize = VARSIZE(h);
	ParallelContext *pcxt = NULL;
	BfParallelShared *shared;
	BfTask	   *tasks;
	BfFitResult *shres;
	BfLadder	ladder;

	if (nworkers > 0)
	{
		EnterParallelMode();
		pcxt = CreateParallelContext("bestfit", "bf_parallel_fit_main", nworkers);
		shm_toc_estimate_chunk(&pcxt->estimator, sizeof(BfParallelShared));
		shm_toc_estimate_chunk(&pcxt->estimator, hsize);
		shm_toc_estimate_chunk(&pcxt->estimator, sizeof(BfTask) * ncand);
		shm_toc_estimate_chunk(&pcxt->estimator, sizeof(BfFitResult) * ncand);
		shm_toc_estimate_keys(&pcxt->estimator, 4);
		InitializeParallelDSM(pcxt);
		if (pcxt->seg == NULL)
		{
			/* no dynamic shared memory: fit serially */
			DestroyParallelContext(pcxt);
			ExitParallelMode();
			pcxt = NULL;
		}
	}
	if (pcxt != NULL)
	{
		shared = shm_toc_allocate(pcxt->toc, sizeof(BfParallelShared));
		tasks = shm_toc_allocate(pcxt->toc, sizeof(BfTask) * ncand);
		shres = shm_toc_allocate(pcxt->toc, sizeof(BfFitResult) * ncand);
		{
			void	   *hcopy = shm_toc_allocate(pcxt->toc, hsize);

			memcpy(hcopy, h, hsize);
			shm_toc_insert(pcxt->toc, BF_KEY_SKETCH, hcopy);
		}
		shm_toc_insert(pcxt->toc, BF_KEY_SHARED, shared);
		shm_toc_insert(pcxt->toc, BF_KEY_TASKS, tasks);
		shm_toc_insert(pcxt->toc, BF_KEY_RESULTS, shres);
	}
	else
	{
		shared = palloc(sizeof(BfParallelShared));
		tasks = palloc(sizeof(BfTask) * ncand);
		shres = results;
	}
	for (int c = 0; c < ncand; c++)
		fx[c] = fixed[c];
	for (int c = 0; c < ncand; c++)
	{
		tasks[c].entry = bf_entry_index(cands[c]);
		tasks[c].slot = c;
		tasks[c].twin = bf_fit_twin((const BfDist *const *) cands, fx, c);
		tasks[c].same_law = false;
		if (tasks[c].twin < 0)
		{
			tasks[c].twin = bf_same_law_source((const BfDist *const *) cands, fx, ncand, c);
			tasks[c].same_law = tasks[c].twin >= 0;
		}
		tasks[c].phase = tasks[c].twin >= 0 ? 2 : race && bf_race_entrant(cands[c]) ? 1 : 0;
		memcpy(tasks[c].fixed, fixed[c], sizeof(tasks[c].fixed));
		if (tasks[c].phase != 0)
			nfirst--;
		if (tasks[c].phase == 2)
			nfit--;
	}
	/* a race needs a field to set the bar */
	if (nfirst == 0)
	{
		for (int c = 0; c < ncand; c++)
			if (tasks[c].phase == 1)
				tasks[c].phase = 0;
		nfirst = nfit;
	}
	qsort(tasks, ncand, sizeof(BfTask), bf_task_cmp);
	memset(shres, 0, sizeof(BfFitResult) * ncand);
	shared->ntasks = nfit;
	shared->nfirst = nfirst;
	shared->resolution = resolution;
	shared->race = race;
	shared->race_bar = INFINITY;
	shared->bar_ready = false;
	shared->out = race ? 0 : BF_OUT_ALL;
	pg_atomic_init_u32(&shared->next, 0);
	pg_atomic_init_u32(&shared->first_left, nfirst);

	/* the leader takes its share; the ladder is built once per process */
	bf_ladder_init(&ladder, h, resolution);

	/*
	 * One launch of the workers for every candidate: with a race, those that
	 * do not enter it are queued first, and the entrants after them wait for
	 * the bar only where they need it, at the end of their coarse search
	 * (bf_fit_queue, bf_wait_race_bar): a worker's start is dear (it loads
	 * every library the leader has loaded, the JIT provider's LLVM among
	 * them), and the results are the same as with one launch per phase.
	 */
	if (pcxt != NULL)
	{
		LaunchParallelWorkers(pcxt);
		elog(DEBUG1, "bestfit: %d candidates, %d of %d parallel workers launched",
			 shared->ntasks, pcxt->nworkers_launched, nworkers);
	}
	bf_fit_queue(&ladder, shared, tasks, shres);
	if (pcxt != NULL)
		WaitForParallelWorkersToFinish(pcxt);

	/*
	 * No clean fit: best_fit's choice falls back on the flagged fits, so
	 * those the race passed over at a family's limit are fitted in full,
	 * here in the leader (a rare case: the zoo never needs it).
	 */
	if (race && bf_race_refit_needed(shres, ncand))
	{
		MemoryContext fitcxt = AllocSetContextCreate(CurrentMemoryContext, "bestfit refit",
													 ALLOCSET_DEFAULT_SIZES);
		int			nrefit = 0;

		bf_host_reset_stop();
		for (int t = 0; t < ncand; t++)
			if (shres[tasks[t].slot].passed_over)
			{
				bf_fit_task(&ladder, &tasks[t], NULL, shared->out, fitcxt, shres);
				nrefit++;
			}
		MemoryContextDelete(fitcxt);
		elog(DEBUG1, "bestfit: race: no clean fit, %d candidates passed over at a limit fitted in full",
			 nrefit);
	}

	/*
	 * The twins: their fit is a copy of the candidate's they are a twin of,
	 * or that fit mapped to their parameters (same_law: computed here in the
	 * leader; fitted in full, without the race, where it cannot be mapped:
	 * the race's refit of passed-over fits above has run already)
	 */
	{
		MemoryContext twincxt = AllocSetContextCreate(CurrentMemoryContext, "bestfit twins",
													  ALLOCSET_DEFAULT_SIZES);

		bf_host_reset_stop();
		for (int t = 0; t < ncand; t++)
		{
			BfFitResult r;
			bool		mapped;
			MemoryContext old;

			if (tasks[t].phase != 2)
				continue;
			if (!tasks[t].same_law)
			{
				shres[tasks[t].slot] = shres[tasks[t].twin];
				shres[tasks[t].slot].dist = cands[tasks[t].slot];
				continue;
			}
			CHECK_FOR_INTERRUPTS();
			old = MemoryContextSwitchTo(twincxt);
			mapped = bf_fit_same_law(ladder.rungs, ladder.n, cands[tasks[t].slot],
									 &shres[tasks[t].twin], shared->out, &r);
			MemoryContextSwitchTo(old);
			MemoryContextReset(twincxt);
			bf_pg_rethrow_stop();
			if (mapped)
				shres[tasks[t].slot] = r;
			else
				bf_fit_task(&ladder, &tasks[t], NULL, shared->out, twincxt, shres);
		}
		MemoryContextDelete(twincxt);
	}

	/*
	 * A family whose fit is below one of its own special case's is fitted
	 * again from that one (src/fit/nesting.c), here in the leader after
	 * every candidate, so that the results still do not depend on the
	 * workers.
	 */
	{
		MemoryContext nestcxt = AllocSetContextCreate(CurrentMemoryContext, "bestfit nesting",
													  ALLOCSET_DEFAULT_SIZES);
		MemoryContext old;
		int			nrefit;

		bf_host_reset_stop();
		old = MemoryContextSwitchTo(nestcxt);
		nrefit = bf_nest_refits(ladder.rungs, ladder.n, (const BfDist *const *) cands, fx,
								shared->out, shres, ncand);
		MemoryContextSwitchTo(old);
		MemoryContextDelete(nestcxt);
		pfree(fx);
		bf_pg_rethrow_stop();
		if (nrefit > 0)
			elog(DEBUG1, "bestfit: %d fits below a special case of their own refitted from it", nrefit);
	}

	if (pcxt != NULL)
	{
		memcpy(results, shres, sizeof(BfFitResult) * ncand);
		DestroyParallelContext(pcxt);
		ExitParallelMode();
		/* the workers' dist pointers are their own address space's */
		for (int c = 0; c < ncand; c++)
			results[c].dist = cands[c];
	}
}

/*
 * Entry point of a parallel worker (found by name through
 * CreateParallelContext): fit tasks from the shared queue until none is left.
 */
void
bf_parallel_fit_main(dsm_segment *seg, shm_toc *toc)
{
	BfParallelShared *shared = shm_toc_lookup(toc, BF_KEY_SHARED, false);
	const BfHistogram *h = shm_toc_lookup(toc, BF_KEY_SKETCH, false);
	BfTask	   *tasks = shm_toc_lookup(toc, BF_KEY_TASKS, false);
	BfFitResult *results = shm_toc_lookup(toc, BF_KEY_RESULTS, false);
	BfLadder	ladder;

	bf_ladder_init(&ladder, h, shared->resolution);
	bf_fit_queue(&ladder, shared, tasks, results);
}
