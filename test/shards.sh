#!/usr/bin/env bash
# Many nodes (issue 12): scale-out over postgres_fdw.  Starts, on this machine,
# three shard clusters (listening on 127.0.0.1 only) and a coordinator (its
# Unix socket only), each on a private copy of the server tree with this
# checkout's build of bestfit installed (test/tools/private-cluster.sh).  Each
# shard holds the rows of one partition (ROWS draws of gamma(a=4, scale=3),
# seeded by the shard's number); the coordinator runs test/shards.sql (the
# README quotes it verbatim: a partitioned table whose partitions are foreign
# tables on the shards, and a view that merges one sketch per shard), copies
# every row into a local table (the one-node reference), and checks, failing
# (exit 1) when any check does not hold:
#   - servers:   every foreign server lists extensions 'bestfit' and async_capable 'true';
#   - pushdown:  EXPLAIN VERBOSE of the rollup shows three Async Foreign Scans whose
#                Remote SQL computes fit_histogram(x) on the shard, and no
#                Partial Aggregate or row fetch on the coordinator;
#   - concurrent: the shards' remote queries (the FETCH of postgres_fdw's cursor, from
#                each shard's log with log_min_duration_statement = 0) overlap in time;
#   - bytes:     only the sketch crosses the network: the bytes each shard sent for
#                the rollup (the kernel's TCP counter bytes_sent of the shard's end
#                of the postgres_fdw connection, read with ss before and after the
#                query) are at least the sketch's text (postgres_fdw fetches text)
#                and at most 2 KiB more (the protocol around it);
#   - identical: the rollup equals, byte for byte (fit_histogram_send), the sketch of
#                all the rows on one node, and fit_distributions gives identical rows
#                on both (every column as text);
#   - down:      with shard 2 stopped, the rollup and a per-shard INSERT fail with
#                postgres_fdw's "could not connect to server "shard2"" and the
#                tables they insert into are unchanged; after a restart it works again.
# Also measures (printed, not checked): the time of the rollup over 3 shards
# against one node on the same rows, and the bytes a naive
# SELECT fit_histogram(x) FROM readings moves (PostgreSQL 15's postgres_fdw does
# not push partial aggregates down: every row crosses).  A second command (a few
# minutes: not part of test/check.sh), as root on Debian 12 after test/setup.sh
# (it installs iproute2, for ss, when missing):
#
#   test/shards.sh [PORT [ROWS [DIR]]]
#     PORT: the first of four ports (default 5440): shards on PORT..PORT+2
#           (127.0.0.1), the coordinator on PORT+3 (socket only);
#     ROWS: rows per shard (default 1000000);
#     DIR:  where the clusters live (must not exist; default a new directory
#           /tmp/bestfit-shards.XXXXXX); removed at exit (SHARDS_KEEP=1 leaves
#           the clusters running: stop them with private-cluster.sh stop DIR/NODE).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5440}
rows=${2:-1000000}
t_start=$SECONDS

if ! command -v ss >/dev/null; then
  echo "shards: installing iproute2 (ss)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iproute2 >/dev/null
fi
if [ ! -f /usr/lib/postgresql/15/lib/postgres_fdw.so ]; then
  echo "shards: FAILED: postgres_fdw is missing (it comes with the postgresql-15 package)"; exit 1
fi
# the README quotes test/shards.sql verbatim: the tested recipe is the documented one
/usr/bin/python3 - <<'PY'
import sys
if open("test/shards.sql").read() not in open("README.md").read():
    sys.exit("shards: README.md does not quote test/shards.sql verbatim")
PY

if [ -n "${3:-}" ]; then
  dir=$(realpath -m "$3")
  if [ -e "$dir" ]; then echo "shards: $dir exists" >&2; exit 2; fi
  mkdir -p "$dir"
else
  dir=$(mktemp -d /tmp/bestfit-shards.XXXXXX)
fi
nodes=(shard1 shard2 shard3 coord)
cleanup() {
  for n in "${nodes[@]}"; do test/tools/private-cluster.sh stop "$dir/$n" >/dev/null 2>&1 || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM    # through the EXIT trap
[ -n "${SHARDS_KEEP:-}" ] && trap - EXIT    # leave the clusters running, for a look
chmod 755 "$dir"

sport() { echo $((port + $1 - 1)); }      # shard k's port
cport=$((port + 3))
make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
for k in 1 2 3; do
  test/tools/private-cluster.sh start "$dir/shard$k" "$(sport $k)" 127.0.0.1 >/dev/null
  test/tools/private-cluster.sh install "$dir/shard$k" .
done
test/tools/private-cluster.sh start "$dir/coord" "$cport" >/dev/null
test/tools/private-cluster.sh install "$dir/coord" .

on_shard() { local k=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h "$dir/shard$k/sock" -p "$(sport $k)" -U postgres -d postgres "$@"; }
on_coord() { psql -X -q -v ON_ERROR_STOP=1 -h "$dir/coord/sock" -p "$cport" -U postgres -d postgres "$@"; }
cq() { on_coord -At -c "$1"; }

# the shards' rows, generated on the shards at the same time
pids=()
for k in 1 2 3; do
  on_shard $k -c "CREATE EXTENSION bestfit" \
    -c "CREATE TABLE readings (shard int NOT NULL CHECK (shard = $k), x double precision)" \
    -c "INSERT INTO readings SELECT $k, x FROM random_sample('gamma(a=4, scale=3)', $rows, $k) x" \
    -c "VACUUM (FREEZE, ANALYZE) readings" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
on_coord -v host=127.0.0.1 -v port1="$(sport 1)" -v port2="$(sport 2)" -v port3="$(sport 3)" \
  -f test/shards.sql >/dev/null
# the one-node reference: the same rows, copied through the foreign partitions
on_coord -c "CREATE TABLE readings_one AS SELECT shard, x FROM readings" -c "VACUUM ANALYZE readings_one"
echo "shards: 3 shards of $rows rows each, coordinator ready ($((SECONDS - t_start)) s)"

checks=()
check() { checks+=("$1 $2"); echo "shards: $1 $2"; }

# --- servers: the options that make pushdown and concurrency possible
check servers "$(cq "SELECT count(*) = 3 AND bool_and('extensions=bestfit' = ANY (srvoptions)
                                                   AND 'async_capable=true' = ANY (srvoptions))
                    FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                    WHERE w.fdwname = 'postgres_fdw'")"

# --- pushdown: the plan
plan=$(cq "EXPLAIN (VERBOSE, COSTS OFF) SELECT h FROM readings_rollup")
echo "$plan" | sed 's/^/shards:   /'
remote='Remote SQL: SELECT shard, public.fit_histogram(x) FROM public.readings GROUP BY 1'
if [ "$(grep -c 'Async Foreign Scan' <<<"$plan")" -eq 3 ] && [ "$(grep -cF "$remote" <<<"$plan")" -eq 3 ] &&
   ! grep -q 'Partial Aggregate\|Remote SQL: SELECT x\|Remote SQL: SELECT shard, x' <<<"$plan"; then
  check pushdown t
else
  check pushdown f
fi

# --- concurrent: the shards compute their sketches at the same time.  Each shard
# logs the duration of every statement for one rollup (log_min_duration_statement
# = 0); the work is in the FETCH of postgres_fdw's cursor, whose interval
# [end - duration, end] is read from its log line.  The three intervals must
# overlap (all three shards busy at once).
for k in 1 2 3; do
  on_shard $k -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  stat -c %s "$dir/shard$k/log" >"$dir/logpos$k"
done
on_coord -c "SELECT octet_length(fit_histogram_send(h)) FROM readings_rollup" >/dev/null
for k in 1 2 3; do
  on_shard $k -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +$(($(cat "$dir/logpos$k") + 1)) "$dir/shard$k/log" | grep 'statement: FETCH' >"$dir/fetch$k" || true
done
concurrent=$(/usr/bin/python3 - "$dir" <<'PY'
import re, sys, datetime
spans = []
for k in (1, 2, 3):
    lines = open(f"{sys.argv[1]}/fetch{k}").read().splitlines()
    # one FETCH per shard: the sketch is one row
    if len(lines) != 1:
        print(f"shard {k}: {len(lines)} FETCH lines"); print("f"); sys.exit()
    m = re.match(r"(\S+ \S+) \S+ \[\d+\] LOG:  duration: ([0-9.]+) ms", lines[0])
    end = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp() * 1000
    spans.append((end - float(m.group(2)), end))
t0 = min(s for s, e in spans)
print("  ".join(f"shard {k} {s - t0:.0f}..{e - t0:.0f} ms" for k, (s, e) in enumerate(spans, 1)))
print("t" if max(s for s, e in spans) < min(e for s, e in spans) else "f")
PY
)
echo "shards:   the shards' FETCH, from the first start: $(head -1 <<<"$concurrent")"
check concurrent "$(tail -1 <<<"$concurrent")"

# --- bytes: what each shard sends for one rollup, from the kernel's TCP counters.
# The shard's end of the coordinator's postgres_fdw connection is the one
# established TCP socket whose source port is the shard's port (the script's own
# connections use the Unix sockets).
cat >"$dir/sent.sh" <<EOF
#!/bin/sh
# prints "k bytes_sent" for each shard's end of the connection (one per shard, or the count)
for k in 1 2 3; do
  p=\$(($port + k - 1))
  s=\$(ss -tinH state established "( sport = :\$p )" | grep -o 'bytes_sent:[0-9]*' | cut -d: -f2)
  [ "\$(echo "\$s" | grep -c .)" -eq 1 ] || s="connections:\$(echo "\$s" | grep -c .)"
  echo "\$k \$s"
done
EOF
chmod 755 "$dir/sent.sh"
# One session: a first rollup opens the connections (startup and the session's
# settings are not counted), then the counters around a second rollup; the
# sketches' text sizes come from the same per-shard aggregate.
on_coord -At <<EOF >"$dir/bytes.out"
SELECT octet_length(fit_histogram_send(h)) FROM readings_rollup;
\! $dir/sent.sh > $dir/before.txt
SELECT octet_length(fit_histogram_send(h)) FROM readings_rollup;
\! $dir/sent.sh > $dir/after.txt
\! $dir/sent.sh > $dir/before_naive.txt
SELECT octet_length(fit_histogram_send(fit_histogram(x))) FROM readings;
\! $dir/sent.sh > $dir/after_naive.txt
\pset fieldsep ' '
\o $dir/text_sizes.txt
SELECT shard, octet_length(h::text), octet_length(fit_histogram_send(h))
  FROM (SELECT shard, fit_histogram(x) AS h FROM readings GROUP BY shard) s ORDER BY shard;
EOF
bytes_ok=t
for k in 1 2 3; do
  b0=$(awk -v k=$k '$1 == k {print $2}' "$dir/before.txt"); b1=$(awk -v k=$k '$1 == k {print $2}' "$dir/after.txt")
  n0=$(awk -v k=$k '$1 == k {print $2}' "$dir/before_naive.txt"); n1=$(awk -v k=$k '$1 == k {print $2}' "$dir/after_naive.txt")
  read -r _ text binary < <(awk -v k=$k '$1 == k' "$dir/text_sizes.txt")
  if ! [[ $b0 =~ ^[0-9]+$ && $b1 =~ ^[0-9]+$ && $n0 =~ ^[0-9]+$ && $n1 =~ ^[0-9]+$ ]]; then
    echo "shards: shard $k: no single connection to measure ($b0 $b1 $n0 $n1)"; bytes_ok=f; continue
  fi
  sent=$((b1 - b0)); naive=$((n1 - n0))
  echo "shards:   shard $k sent $sent bytes for the rollup (its sketch: $text bytes as text, $binary binary); the naive plan: $naive bytes ($rows rows)"
  if [ "$sent" -lt "$text" ] || [ "$sent" -gt $((text + 2048)) ]; then bytes_ok=f; fi
done
check bytes $bytes_ok

# --- identical: the rollup against the sketch of all the rows on one node
candidates="ARRAY['norm', 'gamma', 'lognorm', 'weibull_min', 'invgauss', 'expon']"
check identical_sketch "$(cq "SELECT fit_histogram_send((SELECT h FROM readings_rollup))
                                 = fit_histogram_send((SELECT fit_histogram(x) FROM readings_one))
                               AND (fit_histogram_summary((SELECT h FROM readings_rollup))->>'n')::bigint = 3 * $rows")"
fits=$(cq "WITH sharded AS (SELECT f::text AS r FROM fit_distributions((SELECT h FROM readings_rollup), $candidates) f),
                one AS (SELECT f::text AS r FROM fit_distributions((SELECT fit_histogram(x) FROM readings_one), $candidates) f)
           SELECT (SELECT count(*) FROM sharded) = 6 AND (SELECT count(*) FROM one) = 6
                  AND (SELECT md5(string_agg(r, E'\n' ORDER BY r)) FROM sharded)
                    = (SELECT md5(string_agg(r, E'\n' ORDER BY r)) FROM one)")
check identical_fits "$fits"
cq "SELECT rank, distribution, round(aic::numeric, 1), status
    FROM fit_distributions((SELECT h FROM readings_rollup), $candidates) ORDER BY rank" | sed 's/^/shards:   /'

# --- timing (printed, not checked): the median of five runs after a warm-up
median_ms() {  # psql connection function, settings, query
  local fn=$1 set=$2 sql=$3
  $fn -c '\timing on' -c "$set" -c "$sql" -c "$sql" -c "$sql" -c "$sql" -c "$sql" -c "$sql" -o /dev/null |
    grep -o 'Time: [0-9.]*' | awk 'NR > 1 {print $2}' | sort -n | sed -n 3p
}
shard1() { on_shard 1 "$@"; }
t_sharded=$(median_ms on_coord "SELECT 1" "SELECT octet_length(fit_histogram_send(h)) FROM readings_rollup")
t_serial=$(median_ms on_coord "SET max_parallel_workers_per_gather = 0" \
  "SELECT octet_length(fit_histogram_send(fit_histogram(x))) FROM readings_one")
t_parallel=$(median_ms on_coord "SET max_parallel_workers_per_gather = 2" \
  "SELECT octet_length(fit_histogram_send(fit_histogram(x))) FROM readings_one")
# one shard's part alone: the pushed-down query (serial, as a cursor's query runs),
# and the same aggregate without the GROUP BY (its HashAggregate's share)
t_shard=$(median_ms shard1 "SET max_parallel_workers_per_gather = 0" \
  "SELECT shard, octet_length(fit_histogram_send(fit_histogram(x))) FROM readings GROUP BY 1")
t_shard_nogroup=$(median_ms shard1 "SET max_parallel_workers_per_gather = 0" \
  "SELECT octet_length(fit_histogram_send(fit_histogram(x))) FROM readings")
echo "shards: time (ms, median of 5): 3 shards over postgres_fdw $t_sharded; one node, $((3 * rows)) rows, serial $t_serial, 2 workers $t_parallel; one shard alone, $rows rows, serial: its part $t_shard (without GROUP BY $t_shard_nogroup)"

# --- down: shard 2 stopped
on_coord -c "CREATE TABLE fleet_sketch (id serial PRIMARY KEY, h fit_histogram NOT NULL)" \
         -c "CREATE TABLE shard_sketch (shard int NOT NULL, h fit_histogram NOT NULL)" \
         -c "INSERT INTO fleet_sketch (h) SELECT h FROM readings_rollup" \
         -c "INSERT INTO shard_sketch SELECT shard, fit_histogram(x) FROM readings GROUP BY shard"
state="SELECT (SELECT count(*) || ' ' || md5(string_agg(h::text, ',' ORDER BY id)) FROM fleet_sketch)
          || ' ' || (SELECT count(*) || ' ' || md5(string_agg(shard || ':' || h::text, ',' ORDER BY shard)) FROM shard_sketch)"
before=$(cq "$state")
test/tools/private-cluster.sh stop "$dir/shard2"
down_ok=t
for sql in "INSERT INTO fleet_sketch (h) SELECT h FROM readings_rollup" \
           "INSERT INTO shard_sketch SELECT shard, fit_histogram(x) FROM readings GROUP BY shard"; do
  if err=$(cq "$sql" 2>&1); then
    echo "shards:   shard 2 down, yet succeeded: $sql"; down_ok=f
  else
    echo "shards:   shard 2 down: $sql"; echo "$err" | sed 's/^/shards:     /'
    grep -q 'ERROR:  could not connect to server "shard2"' <<<"$err" || down_ok=f
  fi
done
after=$(cq "$state")
[ "$before" = "$after" ] || { echo "shards:   the tables changed: $before -> $after"; down_ok=f; }
check down "$down_ok"
test/tools/private-cluster.sh start "$dir/shard2" "$(sport 2)" 127.0.0.1 >/dev/null
check restarted "$(cq "INSERT INTO fleet_sketch (h) SELECT h FROM readings_rollup RETURNING
                         fit_histogram_send(h) = (SELECT fit_histogram_send(h) FROM fleet_sketch WHERE id = 1)")"

echo "shards: $((SECONDS - t_start)) s"
# eight checks, each true
if [ ${#checks[@]} -ne 8 ] || printf '%s\n' "${checks[@]}" | grep -qv ' t$'; then
  echo "shards: FAILED"; exit 1
fi
echo "shards: passed"
