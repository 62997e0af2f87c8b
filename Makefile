# bestfit — PGXS build.  Use PG_CONFIG=/path/to/pg_config to pick a server.
EXTENSION = bestfit
EXTVERSION = 0.3.0
MODULE_big = bestfit
OBJS = src/sketch.o src/catalogue.o $(patsubst %.c,%.o,$(sort $(wildcard src/families/*.c))) \
       src/fit.o src/metrics.o src/distribution.o src/bestfit.o
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

# every object depends on the headers (PGXS tracks no header dependencies)
$(OBJS): $(wildcard src/*.h)

# stand-alone evaluator of the catalogue (no server needed): test/reference.py --harness
CATALOGUE_SRCS = src/catalogue.c $(sort $(wildcard src/families/*.c))
test/cateval: test/cateval.c $(CATALOGUE_SRCS) $(wildcard src/*.h)
	$(CC) -O2 -Wall -Isrc $(GSL_CFLAGS) -o $@ test/cateval.c $(CATALOGUE_SRCS) $(GSL_LIBS) -lm

sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION).sql
	cp $< $@

EXTRA_CLEAN = test/cateval sql/$(EXTENSION)--$(EXTVERSION).sql
