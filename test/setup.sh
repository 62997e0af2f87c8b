#!/usr/bin/env bash
# Installs what bestfit needs on Debian 12 (as root, or through sudo), then
# builds and installs the extension.  Safe to run again: it installs only
# what is missing.  Also drops a throw-away cluster 15/regress left over by
# an interrupted pg_virtualenv run (pg_virtualenv refuses to start then).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(build-essential pkg-config postgresql-15 postgresql-server-dev-15 postgresql-common
          libgsl-dev python3-scipy python3-numpy postgresql-plpython3-15
          clang libfuzzer-14-dev libclang-rt-14-dev librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
make -s PG_CONFIG="$PG_CONFIG"
$SUDO make -s install PG_CONFIG="$PG_CONFIG"

# pg_virtualenv (as root) always names its cluster 15/regress and refuses to
# start when /etc/postgresql/15/regress exists.  An interrupted run leaves
# that cluster (or only its marker file, which pg_dropcluster does not
# remove) behind: drop what pg_virtualenv made (stopping it if it still
# runs), never a cluster it did not.  So never start two test runs at once.
conf=/etc/postgresql/15/regress
if [ -f "$conf/.by_pg_virtualenv" ]; then
  echo "setup: dropping a leftover throw-away cluster 15/regress"
  $SUDO rm -f "$conf/.by_pg_virtualenv"
  if pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "regress"' | grep -q .; then
    $SUDO pg_ctlcluster --mode immediate 15 regress stop >/dev/null 2>&1 || true
    $SUDO pg_dropcluster 15 regress
  fi
  # whatever is left is an empty configuration directory
  $SUDO rmdir "$conf" 2>/dev/null || true
fi
