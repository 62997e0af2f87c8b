# bestfit — PGXS build.  Use PG_CONFIG=/path/to/pg_config to pick a server.
EXTENSION = bestfit
EXTVERSION = 0.7.0
MODULE_big = bestfit

# The numeric core (no PostgreSQL headers) and the SQL layer (src/pg/).
# Every .c file of these folders is compiled: a new family file needs no edit here.
CORE_SRCS = $(sort $(wildcard src/sketch/*.c src/numerics/*.c src/catalogue/*.c \
              src/catalogue/continuous/*.c src/catalogue/discrete/*.c src/fit/*.c src/metrics/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(patsubst %.c,%.o,$(CORE_SRCS) $(PG_SRCS))

# SQL, pgvector's layout: sql/bestfit.sql is the one maintained source of the current version's
# install script, copied to sql/bestfit--$(EXTVERSION).sql by make (DATA_built, so that make
# builds it and make install installs it).  Upgrades are chained scripts sql/bestfit--OLD--NEW.sql
# from the frozen install script of 0.1.0 (needed to test upgrades from 0.1.0).
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = sql/$(EXTENSION)--0.1.0.sql $(sort $(wildcard sql/$(EXTENSION)--*--*.sql))

# pg_regress suite, pgvector's layout: test/sql/NAME.sql against test/expected/NAME.out,
# run in alphabetical order in one database (each test creates the tables it uses; a test
# that drops the extension leaves it installed at the current version)
REGRESS = $(patsubst test/sql/%.sql,%,$(sort $(wildcard test/sql/*.sql)))
REGRESS_OPTS = --inputdir=test --load-extension=bestfit

GSL_CFLAGS := $(shell pkg-config --cflags gsl 2>/dev/null || gsl-config --cflags)
GSL_LIBS := $(shell pkg-config --libs gsl 2>/dev/null || gsl-config --libs)
PG_CPPFLAGS = $(GSL_CFLAGS) -Isrc
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
SHLIB_LINK = $(GSL_LIBS)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

HEADERS_ALL = $(wildcard src/*.h src/*/*.h src/*/*/*.h)
# every object depends on the headers (PGXS tracks no header dependencies)
$(OBJS): $(HEADERS_ALL)

# The stand-alone harness: the core with test/unit/host.c instead of src/pg/.
HARNESS_CFLAGS = -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
                 -Wno-sign-compare -Isrc -Itest/unit $(GSL_CFLAGS)
test/cateval: test/cateval.c test/unit/host.c $(CORE_SRCS) $(HEADERS_ALL)
	$(CC) $(HARNESS_CFLAGS) -o $@ test/cateval.c test/unit/host.c $(CORE_SRCS) $(GSL_LIBS) -lm

sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION).sql
	cp $< $@

# test/bench/fitprof: where a fit's time goes, without a server (not a test)
test/bench/fitprof: test/bench/fitprof.c test/unit/host.c $(CORE_SRCS) $(HEADERS_ALL)
	$(CC) $(HARNESS_CFLAGS) -o $@ test/bench/fitprof.c test/unit/host.c $(CORE_SRCS) $(GSL_LIBS) -lm

EXTRA_CLEAN = test/bench/fitprof test/cateval test/unit/unitcheck sql/$(EXTENSION)--$(EXTVERSION).sql

# make unitcheck: the core's unit tests without a server (test/unit/unitcheck.c),
# then the catalogue against scipy's stored reference values through the harness.
test/unit/unitcheck: test/unit/unitcheck.c test/unit/host.c $(CORE_SRCS) $(HEADERS_ALL)
	$(CC) $(HARNESS_CFLAGS) -o $@ test/unit/unitcheck.c test/unit/host.c $(CORE_SRCS) $(GSL_LIBS) -lm

.PHONY: unitcheck
unitcheck: test/unit/unitcheck test/cateval
	test/unit/unitcheck test/unit/fits.tsv test/unit/laws.tsv

# make fuzz: the libFuzzer harnesses of test/fuzz/ (clang, libfuzzer-14-dev), the core
# with the stand-alone host under AddressSanitizer and UndefinedBehaviorSanitizer (a report
# aborts); test/fuzz/run.sh SECONDS runs each on its corpus.
FUZZ_CC = clang
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              -fno-omit-frame-pointer -Wall -Wno-unused-parameter -Isrc -Itest/unit $(GSL_CFLAGS)
FUZZERS = test/fuzz/fuzz_hist_text test/fuzz/fuzz_hist_binary test/fuzz/fuzz_dist test/fuzz/fuzz_dist_text \
          test/fuzz/fuzz_sketch_struct
FUZZ_OBJS = $(patsubst %.c,test/fuzz/obj/%.o,$(CORE_SRCS) test/unit/host.c)
test/fuzz/obj/%.o: %.c $(HEADERS_ALL) test/unit/harness.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<
$(FUZZERS): %: %.c test/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_OBJS) $(GSL_LIBS) -lm

.PHONY: fuzz
fuzz: $(FUZZERS)
# make fuzz-long: the same harnesses for the long runs, in test/fuzz/long/: -O2 and no
# comparison tracing (-fno-sanitize-coverage=trace-cmp; edge coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer as above), 3.5 times fewer CPU seconds per execution of
# fuzz_sketch_struct, whose inputs are decoded into valid structures, so that the fuzzer's
# comparison hints matter less there.  FUZZ_DIR=test/fuzz/long test/fuzz/run.sh runs them.
FUZZ_LONG_CFLAGS = $(subst -O1,-O2,$(FUZZ_CFLAGS)) -fno-sanitize-coverage=trace-cmp
FUZZERS_LONG = $(patsubst test/fuzz/%,test/fuzz/long/%,$(FUZZERS))
FUZZ_LONG_OBJS = $(patsubst %.c,test/fuzz/obj-long/%.o,$(CORE_SRCS) test/unit/host.c)
test/fuzz/obj-long/%.o: %.c $(HEADERS_ALL) test/unit/harness.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_LONG_CFLAGS) -c -o $@ $<
$(FUZZERS_LONG): test/fuzz/long/%: test/fuzz/%.c test/fuzz/fuzz.h $(FUZZ_LONG_OBJS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_LONG_CFLAGS) -o $@ $< $(FUZZ_LONG_OBJS) $(GSL_LIBS) -lm
.PHONY: fuzz-long
fuzz-long: $(FUZZERS_LONG)
EXTRA_CLEAN += $(FUZZERS) test/fuzz/obj test/fuzz/long test/fuzz/obj-long
