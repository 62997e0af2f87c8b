#!/usr/bin/env bash
# Pictures (issue 12 item 5).  Runs inside a cluster (PG* variables set, as
# test/run-tests.sh has them): loads the demo data (test/data/weather.csv)
# into a new database, fits wind_speed (lognorm; the one 1048 mph reading
# left out, as test/demo.sql does), temp (gennorm), pressure (norm) and the
# wind speed in whole knots (a discrete example: betabinom), and writes
# fit_plot_svg's four kinds (density, cdf, qq, pp) of each to files.  Each
# SVG must be well-formed XML (python3 xml.etree), have the root <svg> with
# its title, and render with rsvg-convert (Debian's librsvg2-bin) to a
# 640 x 440 PNG that is not blank: the PNG is decoded here with python3's
# zlib and struct (no imaging library), and must have at least 2% non-white
# pixels and at least 16 distinct colours.  A few seconds; the database is
# dropped at the end.
#   test/plot_render.sh            check, in a temporary directory
#   test/plot_render.sh --write D  also copy the README's pictures to D
#                                  (test/plots)
set -uo pipefail
cd "$(dirname "$0")/.."
bindir=$(${PG_CONFIG:-pg_config} --bindir)
db=bestfit_plot_render
write=""
if [ "${1:-}" = "--write" ]; then write=${2:?usage: test/plot_render.sh [--write DIR]}; fi
work=$(mktemp -d)
PSQL() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() { "$bindir/dropdb" --if-exists "$db" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
command -v rsvg-convert >/dev/null || { echo "FAIL: rsvg-convert not found (apt-get install librsvg2-bin)"; exit 1; }

"$bindir/dropdb" --if-exists "$db" 2>/dev/null
"$bindir/createdb" "$db" || exit 1
# one session: the fits, then every SVG written to its file by \o
{
  cat <<'SQL'
CREATE EXTENSION bestfit;
CREATE TABLE weather (origin text, month int, temp float8, humid float8, wind_speed float8,
                      wind_gust float8, precip float8, pressure float8);
\copy weather FROM 'test/data/weather.csv' WITH (FORMAT csv, HEADER, NULL 'NA')
CREATE TABLE plots AS
  SELECT col, h, (SELECT fit FROM fit_distributions(h, array[family], kind => kind)) AS fit
    FROM (SELECT 'wind_speed' AS col, fit_histogram(wind_speed) AS h, 'lognorm' AS family, 'continuous' AS kind
            FROM weather WHERE wind_speed < 100
          UNION ALL SELECT 'temp', fit_histogram(temp), 'gennorm', 'continuous' FROM weather
          UNION ALL SELECT 'pressure', fit_histogram(pressure), 'norm', 'continuous' FROM weather
          UNION ALL SELECT 'wind_knots', fit_histogram(round(wind_speed / 1.15078)), 'betabinom', 'discrete'
            FROM weather WHERE wind_speed < 100) q;
\pset format unaligned
\pset tuples_only on
SQL
  for col in wind_speed temp pressure wind_knots; do
    for kind in density cdf qq pp; do
      echo "\\o $work/$col-$kind.svg"
      echo "SELECT fit_plot_svg(h, fit, '$kind') FROM plots WHERE col = '$col';"
    done
  done
  echo "\\o"
  echo "SELECT col || ': ' || fit::text FROM plots ORDER BY col;"
} | PSQL -d "$db" || { echo "FAIL: psql"; exit 1; }

for f in "$work"/*.svg; do
  rsvg-convert --format=png -o "${f%.svg}.png" "$f" 2>"$work/rsvg.err" ||
    { echo "FAIL: $(basename "$f"): rsvg-convert: $(cat "$work/rsvg.err")"; }
done
/usr/bin/python3 - "$work" <<'PY'
import glob, os, struct, sys, zlib
import xml.etree.ElementTree as ET

def png_pixels(path):
    """Decode an 8-bit RGB/RGBA PNG (PNG spec, ISO/IEC 15948: chunks, zlib, filters 0-4)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, ihdr = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unexpected PNG format %r' % (ihdr,)
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows

failed = 0
svgs = sorted(glob.glob(os.path.join(sys.argv[1], '*.svg')))
if len(svgs) != 16:
    print('FAIL: expected 16 SVG files, found %d' % len(svgs)); failed += 1
for svg in svgs:
    name = os.path.basename(svg)
    try:
        root = ET.parse(svg).getroot()
        assert root.tag == '{http://www.w3.org/2000/svg}svg', 'root is %s' % root.tag
        title = root.find('{http://www.w3.org/2000/svg}title')
        assert title is not None and title.text, 'no title'
        w, h, bpp, rows = png_pixels(svg[:-4] + '.png')
        assert (w, h) == (640, 440), 'size %dx%d' % (w, h)
        colours, ink = set(), 0
        for row in rows:
            for i in range(0, len(row), bpp):
                px = row[i:i + 3]
                colours.add(px)
                ink += px != b'\xff\xff\xff'
        share = ink / (w * h)
        assert share >= 0.02, 'nearly blank: %.2f%% non-white pixels' % (100 * share)
        assert len(colours) >= 16, 'only %d colours' % len(colours)
        print('ok: %s: well-formed, renders %dx%d, %.1f%% ink, %d colours' % (name, w, h, 100 * share, len(colours)))
    except Exception as e:
        print('FAIL: %s: %s' % (name, e)); failed += 1
sys.exit(1 if failed else 0)
PY
status=$?
if [ $status -eq 0 ] && [ -n "$write" ]; then
  mkdir -p "$write"
  for f in wind_speed-density temp-density pressure-qq wind_speed-cdf temp-pp wind_knots-density; do
    cp "$work/$f.svg" "$write/$f.svg"
  done
  echo "wrote the README's pictures to $write"
fi
exit $status
