#!/usr/bin/env bash
# Packages (issue 12): builds the Debian package postgresql-15-bestfit from
# debian/ (pg_buildext's debhelper sequence) in a copy of this checkout (its
# tracked and untracked, not ignored, files), checks its contents and that apt
# would install it (apt-get install --simulate: dependencies such as libgsl27
# resolve), then installs its files into a fresh cluster and runs smoke
# queries there: CREATE EXTENSION gives the current version, a fit, a quantile against its
# closed form, and an upgrade from 0.5.0 with ALTER EXTENSION bestfit UPDATE.
# The cluster runs on a private copy of the server tree (test/tools/
# private-cluster.sh) from which any bestfit installed by make install is
# removed first, so only the package's files are tested and the system's
# installation is left alone.  A second command (it needs debhelper and
# postgresql-server-dev-all, which it installs when missing), as root on
# Debian 12:
#
#   test/package.sh [PORT]     (default 5432; the cluster listens only on a
#                               socket in its own temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5432}
t_start=$SECONDS

packages=(dpkg-dev debhelper postgresql-server-dev-all postgresql-server-dev-15 libgsl-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "package: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

version=$(dpkg-parsechangelog -S Version)
# one version everywhere: the Makefile, the control file, META.json, debian/changelog
extversion=$(sed -n 's/^EXTVERSION = //p' Makefile)
metaversions=$(/usr/bin/python3 -c 'import json; m = json.load(open("META.json")); print(m["version"], m["provides"]["bestfit"]["version"])')
if [ "$metaversions" != "$extversion $extversion" ] || [ "${version%-*}" != "$extversion" ] ||
   ! grep -qx "default_version = '$extversion'" bestfit.control; then
  echo "package: FAILED: versions differ: Makefile $extversion, META.json $metaversions, debian/changelog $version, $(grep default_version bestfit.control)"
  exit 1
fi
tmp=$(mktemp -d /tmp/bestfit-package.XXXXXX)
chmod 755 "$tmp"   # the server (user postgres) runs from a tree under it
cleanup() { test/tools/private-cluster.sh stop "$tmp/cluster" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

# build in a copy: dpkg-buildpackage writes the .deb next to the source directory
mkdir "$tmp/bestfit"
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -C "$tmp/bestfit" -xf -
export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-parallel=$(nproc)}
if ! (cd "$tmp/bestfit" && dpkg-buildpackage -b -uc -us) >"$tmp/build.log" 2>&1; then
  tail -40 "$tmp/build.log"; echo "package: FAILED to build"; exit 1
fi
deb=$tmp/postgresql-15-bestfit_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls "$tmp"; echo "package: FAILED: no $deb"; exit 1; }
echo "package: built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB) in $((SECONDS - t_start)) s," \
     "$(grep -c '^gcc .* -c ' "$tmp/build.log" || true) compilations," \
     "$(grep -c 'warning:' "$tmp/build.log" || true) compiler warnings (Debian's hardening flags)"
grep 'warning:' "$tmp/build.log" | head -5 || true

fail=0
check() { if eval "$2"; then echo "package: $1 t"; else echo "package: $1 f"; fail=1; fi; }
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
check contents_library "grep -qx './usr/lib/postgresql/15/lib/bestfit.so' <<<\"\$contents\""
check contents_control "grep -qx './usr/share/postgresql/15/extension/bestfit.control' <<<\"\$contents\""
check contents_install_script "grep -qx './usr/share/postgresql/15/extension/bestfit--$extversion.sql' <<<\"\$contents\""
check contents_readme "grep -q '^./usr/share/doc/postgresql-15-bestfit/README.md' <<<\"\$contents\""
check contents_upgrade_scripts "[ \$(grep -c '^./usr/share/postgresql/15/extension/bestfit--.*--.*\\.sql\$' <<<\"\$contents\") -eq \$(ls sql/bestfit--*--*.sql | wc -l) ]"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: Depends: $depends"
check depends_gsl "grep -q 'libgsl' <<<\"\$depends\""
check depends_postgresql "grep -q 'postgresql-15' <<<\"\$depends\""
check apt_would_install "apt-get install -s -qq '$deb' >/dev/null 2>&1"

# a fresh cluster on a private copy of the server tree, bestfit from the package only
test/tools/private-cluster.sh start "$tmp/cluster" "$port" >/dev/null
tree=$tmp/cluster/tree
rm -rf "$tree"/usr/lib/postgresql/15/lib/bestfit.so "$tree"/usr/lib/postgresql/15/lib/bitcode/bestfit* \
       "$tree"/usr/share/postgresql/15/extension/bestfit[.-]*
dpkg-deb -x "$deb" "$tree"
psql=(psql -X -q -v ON_ERROR_STOP=1 -v v="$extversion" -At -h "$tmp/cluster/sock" -p "$port" -U postgres)
"${psql[@]}" -d postgres -c 'CREATE DATABASE upgraded'
smoke=$("${psql[@]}" -d postgres -F ' ' <<'SQL'
CREATE EXTENSION bestfit;
SELECT 'extversion', extversion = :'v' FROM pg_extension WHERE extname = 'bestfit';
-- gamma ranks first on a gamma sample (2,000 rows from bestfit's seeded generator)
SELECT 'fit_gamma', distribution = 'gamma' FROM fit_distributions(
  (SELECT fit_histogram(x) FROM random_sample('gamma(a=4, scale=3)', 2000, 1) x),
  ARRAY['gamma', 'norm', 'expon']) WHERE rank = 1;
-- the standard normal's 0.975 quantile, 1.959963984540054 (scipy.stats.norm.ppf(0.975))
SELECT 'quantile', abs(quantile('norm(loc=0, scale=1)', 0.975) - 1.959963984540054) < 1e-12;
SELECT 'pmf', abs(pmf('poisson(mu=3)', 2) - 4.5 * exp(-3)) < 1e-15;
SQL
)
smoke+=$'\n'$("${psql[@]}" -d upgraded -F ' ' <<'SQL'
CREATE EXTENSION bestfit VERSION '0.5.0';
ALTER EXTENSION bestfit UPDATE;
SELECT 'upgrade_0.5.0', extversion = :'v' FROM pg_extension WHERE extname = 'bestfit';
SELECT 'upgraded_pmf', abs(pmf('poisson(mu=3)', 2) - 4.5 * exp(-3)) < 1e-15;
SQL
)
echo "$smoke" | sed 's/^/package: /'
echo "$smoke" | grep -qv ' t$' && fail=1
[ "$(echo "$smoke" | wc -l)" -eq 6 ] || fail=1
echo "package: $((SECONDS - t_start)) s"
if [ "$fail" -ne 0 ]; then echo "package: FAILED"; exit 1; fi
echo "package: passed"
