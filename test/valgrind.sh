#!/usr/bin/env bash
# test/valgrind.sh [TEST...] — pg_regress files (default: all of test/sql)
# against a private PostgreSQL 15 server running under valgrind's memcheck
# with PostgreSQL's suppressions, then counts the reported errors and those
# attributed to bestfit (an error whose stack has a frame in bestfit.so or
# in GSL).  Not part of the test command (run as root; slow: see README).
#
# Environment: DIR (default /tmp/bestfit-valgrind), PORT (5498),
# VALGRIND_SUPP: PostgreSQL 15's src/tools/valgrind.supp (from its source
# package, `apt-get source postgresql-15`, or the REL_15_STABLE branch of
# github.com/postgres/postgres; downloaded from there when unset).
# Debian's server is not built with USE_VALGRIND, so memcheck sees whole
# palloc blocks: an overrun inside a palloc'd chunk is not seen (the
# AddressSanitizer run, test/sanitize.sh, sees those in bestfit's own code).
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath -m "${DIR:-/tmp/bestfit-valgrind}")
port=${PORT:-5498}
pgconfig=/usr/lib/postgresql/15/bin/pg_config
tests=("$@")
[ ${#tests[@]} -eq 0 ] && tests=($(ls test/sql/*.sql | sed 's#test/sql/##; s#\.sql$##'))
mkdir -p "$dir/vg"
supp=${VALGRIND_SUPP:-$dir/valgrind.supp}
if [ ! -s "$supp" ]; then
  curl -fsSL -o "$supp" https://raw.githubusercontent.com/postgres/postgres/REL_15_STABLE/src/tools/valgrind.supp ||
    { echo "valgrind: set VALGRIND_SUPP to PostgreSQL 15's src/tools/valgrind.supp"; exit 1; }
fi
t0=$SECONDS

# the committed sources, built as usual (-O2 -g), in DIR's copy of the server tree
rm -rf "$dir/src"; mkdir -p "$dir/src"
git ls-files -z | xargs -0 cp --parents -t "$dir/src"
make -s -C "$dir/src" PG_CONFIG=$pgconfig >"$dir/build.log" 2>&1 || { echo "valgrind: build failed"; exit 1; }
if [ ! -d "$dir/tree" ]; then
  mkdir -p "$dir/tree/usr/lib/postgresql" "$dir/tree/usr/share/postgresql"
  cp -a /usr/lib/postgresql/15 "$dir/tree/usr/lib/postgresql/"
  cp -a /usr/share/postgresql/15 "$dir/tree/usr/share/postgresql/"
fi
make -s -C "$dir/src" install PG_CONFIG=$pgconfig DESTDIR="$dir/tree" >/dev/null
bin=$dir/tree/usr/lib/postgresql/15/bin
mkdir -p "$dir/sock"; rm -rf "$dir/data" "$dir/vg"/*; mkdir -p "$dir/vg"
chown postgres "$dir" "$dir/sock" "$dir/vg"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --no-locale >/dev/null

# the postmaster under memcheck; backends are forked, so valgrind follows them
runuser -u postgres -- valgrind --tool=memcheck --quiet --leak-check=no --track-origins=no \
  --num-callers=40 --suppressions="$supp" --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END \
  --fullpath-after= \
  --log-file="$dir/vg/%p.log" \
  "$bin/postgres" -D "$dir/data" -p "$port" -k "$dir/sock" -c listen_addresses='' \
  >"$dir/log" 2>&1 &
for i in $(seq 300); do
  "$bin/pg_isready" -q -h "$dir/sock" -p "$port" && break
  sleep 1
done
"$bin/pg_isready" -q -h "$dir/sock" -p "$port" || { echo "valgrind: the server did not start"; exit 1; }
t1=$SECONDS
PGHOST=$dir/sock PGPORT=$port PGUSER=postgres \
  make -s -C "$dir/src" installcheck PG_CONFIG=$pgconfig REGRESS="${tests[*]}" >"$dir/installcheck.log" 2>&1
rc=$?
t2=$SECONDS
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 600 stop >/dev/null

# errors, and those with a frame in bestfit or GSL: a frame with debug
# information names its source file, with --fullpath-after= by its full path
# under $dir/src (the build's tree); one without names the library.
# (Before 2026-12-01 only the library names were matched, and frames in
# bestfit's own sources, which have debug information, went uncounted.)
errors=$(cat "$dir"/vg/*.log | grep -c VALGRINDERROR-BEGIN)
ours=$(cat "$dir"/vg/*.log | awk -v src="$dir/src/" '/VALGRINDERROR-BEGIN/ { e = ""; inerr = 1 } inerr { e = e $0 "\n" }
  /VALGRINDERROR-END/ { inerr = 0; if (e ~ /bestfit\.so|libgsl/ || index(e, src) > 0) n++ } END { print n + 0 }')
grep -E "^(not )?ok|^test |tests passed|failed" "$dir/installcheck.log" | tail -20
echo "valgrind: ${tests[*]}"
echo "valgrind: pg_regress exit $rc in $((t2 - t1)) s (build and start $((t1 - t0)) s); memcheck errors: $errors, in bestfit or GSL: $ours"
[ "$rc" -eq 0 ] && [ "$ours" -eq 0 ]
