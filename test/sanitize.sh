#!/usr/bin/env bash
# test/sanitize.sh [DIR] [PORT] — the whole pg_regress suite against an
# AddressSanitizer + UndefinedBehaviorSanitizer build of bestfit, loaded into
# a private PostgreSQL 15 cluster whose server runs with gcc's ASan runtime
# preloaded.  Not part of the test command (run as root; takes minutes).
#
#   1. copies the committed sources (git ls-files) to DIR/src and builds them
#      with COPT='-fsanitize=address,undefined -fno-sanitize-recover=undefined
#      -fno-omit-frame-pointer' (COPT reaches both compiler and linker);
#   2. installs that build into DIR's copy of the server tree and starts a
#      cluster there (test/tools/private-cluster.sh's layout) with
#      LD_PRELOAD=libasan.so (and a gettext shim, below), ASAN_OPTIONS=detect_leaks=0 (the postmaster's
#      allocations are not ours, and a backend's memory contexts are freed
#      wholesale) and UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1;
#   3. runs make installcheck (every test/sql file) against it;
#   4. scans the server log and the sanitizers' log files for reports.
# Exit status 0 when the suite passes and there is no report.  DIR defaults
# to /tmp/bestfit-sanitize, PORT to 5497.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
dir=$(realpath -m "${1:-/tmp/bestfit-sanitize}")
port=${2:-5497}
pgconfig=/usr/lib/postgresql/15/bin/pg_config
libasan=$(gcc -print-file-name=libasan.so)
copt="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
t0=$SECONDS

# 1. build a copy of the sources (the worktree's own objects stay untouched)
rm -rf "$dir/src" "$dir/san"
mkdir -p "$dir/src" "$dir/san"
git ls-files -z | xargs -0 cp --parents -t "$dir/src"
make -s -C "$dir/src" PG_CONFIG=$pgconfig CC=gcc COPT="$copt" >"$dir/build.log" 2>&1 ||
  { echo "sanitize: build failed (see $dir/build.log)"; exit 1; }
[[ $(nm -D "$dir/src/bestfit.so") == *__asan_init* ]] || { echo "sanitize: bestfit.so is not instrumented"; exit 1; }

# 2. a private cluster with the instrumented build and the runtime preloaded
[ -f "$dir/data/postmaster.pid" ] &&
  runuser -u postgres -- "$dir/tree/usr/lib/postgresql/15/bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
if [ ! -d "$dir/tree" ]; then
  mkdir -p "$dir/tree/usr/lib/postgresql" "$dir/tree/usr/share/postgresql"
  cp -a /usr/lib/postgresql/15 "$dir/tree/usr/lib/postgresql/"
  cp -a /usr/share/postgresql/15 "$dir/tree/usr/share/postgresql/"
fi
make -s -C "$dir/src" install PG_CONFIG=$pgconfig CC=gcc COPT="$copt" DESTDIR="$dir/tree" >/dev/null
bin=$dir/tree/usr/lib/postgresql/15/bin
mkdir -p "$dir/sock"; chown postgres "$dir" "$dir/sock" "$dir/san"
rm -rf "$dir/data" "$dir/log"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --no-locale >/dev/null
# gcc's (and clang's) runtime preloaded into this uninstrumented server
# deadlocks in glibc's bindtextdomain at startup (its _nl_state_lock; known:
# llvm-project issue 49223, google/sanitizers 1096): a shim preloaded after
# it turns the message catalogue calls into identities (the suite runs with
# lc_messages C anyway)
cat >"$dir/nlsshim.c" <<'SHIM'
char *bindtextdomain(const char *d, const char *dir) { (void) d; return (char *) dir; }
char *bind_textdomain_codeset(const char *d, const char *cs) { (void) d; return (char *) cs; }
char *textdomain(const char *d) { return (char *) d; }
char *gettext(const char *m) { return (char *) m; }
char *dgettext(const char *d, const char *m) { (void) d; return (char *) m; }
char *dcgettext(const char *d, const char *m, int c) { (void) d; (void) c; return (char *) m; }
char *ngettext(const char *m1, const char *m2, unsigned long n) { return (char *) (n == 1 ? m1 : m2); }
char *dngettext(const char *d, const char *m1, const char *m2, unsigned long n)
{ (void) d; return (char *) (n == 1 ? m1 : m2); }
SHIM
gcc -shared -fPIC -O2 -o "$dir/nlsshim.so" "$dir/nlsshim.c"
# the postmaster itself, not pg_ctl (which would load the runtime too, and
# hangs reading the output of its "postgres -V" child)
runuser -u postgres -- env LD_PRELOAD="$libasan:$dir/nlsshim.so" \
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:log_path=$dir/san/asan" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$dir/san/ubsan" \
  "$bin/postgres" -D "$dir/data" -p "$port" -k "$dir/sock" -c listen_addresses='' \
  >"$dir/log" 2>&1 &
for i in $(seq 120); do
  "$bin/pg_isready" -q -h "$dir/sock" -p "$port" && break
  sleep 1
done
"$bin/pg_isready" -q -h "$dir/sock" -p "$port" || { echo "sanitize: the server did not start (see $dir/log)"; exit 1; }
grep -q libasan "/proc/$(head -1 "$dir/data/postmaster.pid")/maps" ||
  { echo "sanitize: the server runs without the ASan runtime"; exit 1; }

# 3. the regression suite (the build in $dir/src; results stay there)
t1=$SECONDS
PGHOST=$dir/sock PGPORT=$port PGUSER=postgres \
  make -s -C "$dir/src" installcheck PG_CONFIG=$pgconfig CC=gcc COPT="$copt" >"$dir/installcheck.log" 2>&1
rc=$?
t2=$SECONDS
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null

# 4. reports: ASan and UBSan write to their log files (log_path.PID) and,
# without them, to the server's stderr (the server log)
reports=$(cat "$dir"/san/* 2>/dev/null | grep -cE "ERROR: AddressSanitizer|runtime error:|SUMMARY: (Address|UndefinedBehavior)Sanitizer")
reports=$((reports + $(grep -cE "AddressSanitizer|runtime error:|UndefinedBehaviorSanitizer" "$dir/log")))
crashes=$(grep -cE "terminated by signal|was terminated by" "$dir/log")
grep -E "^(test|ok|not ok|# )|tests passed|failed" "$dir/installcheck.log" | tail -3
echo "sanitize: pg_regress exit $rc in $((t2 - t1)) s (build and start $((t1 - t0)) s); sanitizer reports: $reports; backend crashes: $crashes"
[ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] && [ "$crashes" -eq 0 ] || { echo "sanitize: see $dir/log, $dir/san/, $dir/src/regression.diffs"; exit 1; }
