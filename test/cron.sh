#!/usr/bin/env bash
# Scheduled analytics, tested (issue 12): runs the README's pg_cron pattern
# (test/cron.sql, which the README must quote verbatim) in a throwaway
# cluster with pg_cron preloaded, lets pg_cron run the job twice, and checks
# what the job stored:
#   - every stored daily sketch equals, byte for byte (fit_histogram_send),
#     the sketch of that day's raw rows, and the second run updated a day the
#     first run had stored (rows inserted between the runs: the upsert's
#     DO UPDATE path);
#   - the stored fits equal, row for row (every column, as text), a direct
#     fit_distributions of the sketch of all the raw rows.
# pg_cron 1.4 (Debian 12's postgresql-15-cron) schedules by the minute, so
# two runs take one to two minutes: this is a second command, not part of
# test/check.sh.  As root on Debian 12, after test/setup.sh (it installs
# postgresql-15-cron when missing):
#
#   test/cron.sh [PORT]        (PORT: default 5432; the cluster listens only on
#                               a socket in its own temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5432}
t_start=$SECONDS

if ! dpkg-query -W -f='${Status}' postgresql-15-cron 2>/dev/null | grep -q "install ok installed"; then
  echo "cron: installing postgresql-15-cron"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15-cron >/dev/null
fi

# the README quotes test/cron.sql verbatim: the tested pattern is the documented one
/usr/bin/python3 - <<'PY'
import sys
if open("test/cron.sql").read() not in open("README.md").read():
    sys.exit("cron: README.md does not quote test/cron.sql verbatim")
PY

dir=$(mktemp -d /tmp/bestfit-cron.XXXXXX)
cleanup() { test/tools/private-cluster.sh stop "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
# a private copy of the server tree (with pg_cron), this build of bestfit installed into it
test/tools/private-cluster.sh start "$dir" "$port" >/dev/null
test/tools/private-cluster.sh install "$dir" .
test/tools/private-cluster.sh stop "$dir"
cat >>"$dir/data/postgresql.conf" <<'EOF'
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
# jobs run in background workers: no connection, so no password for it
cron.use_background_workers = on
timezone = 'UTC'
EOF
test/tools/private-cluster.sh start "$dir" "$port" >/dev/null

psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres -d postgres)
q() { "${psql[@]}" -At -c "$1"; }

"${psql[@]}" -c 'CREATE EXTENSION bestfit' -c 'CREATE EXTENSION pg_cron'
"${psql[@]}" -o /dev/null -f test/cron.sql
echo "cron: pg_cron $(q "SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'"), job scheduled: $(q "SELECT schedule || ' ' || command FROM cron.job")"

# Waits until a run of the job that started after $1 has succeeded; fails on a
# failed run, or after 150 s (a run starts every minute).
wait_run() {
  local since=$1 t0=$SECONDS
  while :; do
    local failed
    failed=$(q "SELECT string_agg(status || ': ' || coalesce(return_message, ''), '; ')
                FROM cron.job_run_details WHERE status NOT IN ('starting', 'connecting', 'sending', 'running', 'succeeded')")
    if [ -n "$failed" ]; then echo "cron: FAILED run: $failed"; exit 1; fi
    [ "$(q "SELECT count(*) FROM cron.job_run_details
            WHERE status = 'succeeded' AND start_time > '$since'")" -ge 1 ] && break
    if [ $((SECONDS - t0)) -ge 150 ]; then
      echo "cron: FAILED: no successful run after 150 s"; q "TABLE cron.job_run_details"; exit 1
    fi
    sleep 1
  done
}

# the days of the test rows, fixed now (a midnight during the test changes
# nothing: the job re-sketches the last 7 days)
today=$(q "SELECT current_date")
# first batch: days -2 and -1, 1000 rows each (bestfit's seeded generator)
q "INSERT INTO measurements
   SELECT (date '$today' - d)::timestamptz + g * interval '1 minute', x
   FROM generate_series(1, 2) d,
        LATERAL (SELECT row_number() OVER () AS g, x
                 FROM random_sample('gamma(a=4, scale=3)', 1000, d) r(x)) s"
t1=$(q "SELECT clock_timestamp()")
wait_run "$t1"
echo "cron: run 1 succeeded ($((SECONDS - t_start)) s)"
q "CREATE TABLE after_run1 AS SELECT * FROM daily_sketch"

# second batch: 500 late rows for day -1 (stored by run 1: must be updated) and
# 500 rows for today (a new day)
q "INSERT INTO measurements
   SELECT (date '$today' - d)::timestamptz + (1000 + g) * interval '30 seconds', x
   FROM generate_series(0, 1) d,
        LATERAL (SELECT row_number() OVER () AS g, x
                 FROM random_sample('gamma(a=4, scale=3)', 500, 10 + d) r(x)) s"
t2=$(q "SELECT clock_timestamp()")
wait_run "$t2"
echo "cron: run 2 succeeded ($((SECONDS - t_start)) s)"

checks=$("${psql[@]}" -At -F ' ' -v today="$today" <<'SQL'
-- the stored sketches against the sketches of the raw rows, byte for byte
WITH raw AS (SELECT taken_at::date AS day, fit_histogram(x) AS h FROM measurements GROUP BY 1)
SELECT 'sketch_days', count(*) = 3
         AND count(*) FILTER (WHERE fit_histogram_send(s.h) = fit_histogram_send(raw.h)) = 3
  FROM daily_sketch s FULL JOIN raw USING (day);
-- run 2 updated the day run 1 had stored (the upsert's DO UPDATE)
SELECT 'sketch_updated',
       (fit_histogram_summary(s.h)->>'n')::int = 1500 AND (fit_histogram_summary(a.h)->>'n')::int = 1000
  FROM daily_sketch s JOIN after_run1 a USING (day) WHERE day = date :'today' - 1;
-- the stored fits against a direct fit of the raw rows, every column
WITH direct AS (
  SELECT d::text AS r FROM fit_distributions((SELECT fit_histogram(x) FROM measurements),
                                             ARRAY['norm', 'gamma', 'lognorm', 'weibull_min']) d),
     stored AS (SELECT f::text AS r FROM recent_fits f)
SELECT 'fits_identical', (SELECT count(*) FROM stored) = 4 AND (SELECT count(*) FROM direct) = 4
         AND NOT EXISTS (SELECT r FROM stored EXCEPT SELECT r FROM direct)
         AND NOT EXISTS (SELECT r FROM direct EXCEPT SELECT r FROM stored);
SELECT 'fits_ranked', count(*) = 4 AND count(rank) = 4 FROM recent_fits WHERE status = 'ok';
SELECT 'runs_succeeded', count(*) >= 2 FROM cron.job_run_details WHERE status = 'succeeded';
SQL
)
echo "$checks" | sed 's/^/cron: /'
q "SELECT rank, distribution, round(aic::numeric, 1) FROM recent_fits ORDER BY rank" | sed 's/^/cron:   /'
echo "cron: $((SECONDS - t_start)) s"
# five checks, each true (a check whose row is missing fails too)
if echo "$checks" | grep -qv ' t$' || [ "$(echo "$checks" | grep -c ' t$')" -ne 5 ]; then
  echo "cron: FAILED"; exit 1
fi
echo "cron: passed"
