# bestfit — PGXS build.  Use PG_CONFIG=/path/to/pg_config to pick a server.
EXTENSION = bestfit
EXTVERSION = 0.1.0
MODULE_big = bestfit
OBJS = src/sketch.o src/catalogue.o src/fit.o src/metrics.o src/distribution.o src/bestfit.o
DATA = sql/bestfit--$(EXTVERSION).sql

REGRESS = sketch distribution fit errors parallel
REGRESS_OPTS = --inputdir=. --load-extension=bestfit

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
