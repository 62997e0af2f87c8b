#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster with its own copy of the server's
# installation tree, so that a build of bestfit can be installed into it
# (make install DESTDIR=...) without touching the system's copy: two builds
# (say main and a branch) can then be tested at once.  Used by the
# before/after comparison (test/tools/compare-builds.sh) and by developers.
#
#   test/tools/private-cluster.sh start DIR PORT [ADDRESSES]   copy the tree (once), initdb, start
#                  (ADDRESSES: listen_addresses, default '' = the Unix socket only)
#   test/tools/private-cluster.sh install DIR [SRCDIR]   build SRCDIR (default: .) into DIR's tree
#   test/tools/private-cluster.sh stop DIR
#
# Then: psql -h DIR/sock -p PORT -U postgres.  Runs as root (the server
# itself runs as the postgres user).  PostgreSQL finds its share and lib
# directories relative to its binaries, so the copy is self-contained.
set -euo pipefail
cmd=$1; dir=$(realpath -m "$2")
case "$cmd" in
start)
  port=$3; listen=${4:-}
  if [ ! -d "$dir/tree" ]; then
    mkdir -p "$dir/tree/usr/lib/postgresql" "$dir/tree/usr/share/postgresql"
    cp -a /usr/lib/postgresql/15 "$dir/tree/usr/lib/postgresql/"
    cp -a /usr/share/postgresql/15 "$dir/tree/usr/share/postgresql/"
  fi
  mkdir -p "$dir/sock"; chown postgres "$dir" "$dir/sock"
  bin=$dir/tree/usr/lib/postgresql/15/bin
  if [ ! -d "$dir/data" ]; then
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --no-locale >/dev/null
  fi
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir/sock -c listen_addresses='$listen'" start >/dev/null
  echo "psql -h $dir/sock -p $port -U postgres"
  ;;
install)
  src=${3:-.}
  make -s -C "$src" PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
  make -s -C "$src" install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config DESTDIR="$dir/tree" >/dev/null
  # DESTDIR prefixes the system paths; the copy lives at the same relative places
  ;;
stop)
  runuser -u postgres -- "$dir/tree/usr/lib/postgresql/15/bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
  ;;
*) echo "usage: $0 start|install|stop DIR [PORT|SRCDIR]" >&2; exit 2 ;;
esac
