#!/usr/bin/env bash
# Vendor the front-end libraries the web app uses into src/dateline/web/static/vendor/,
# each with its licence, so users and CI never need npm. Run it by hand when bumping a
# version, then commit the result. Versions are pinned here.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/dateline/web/static/vendor"
PACKAGES=("d3-geo@3.1.1" "d3-array@3.2.4" "topojson-client@3.1.0" "world-atlas@2.0.2" "swagger-ui-dist@5.35.0")

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact "${PACKAGES[@]}" >/dev/null

rm -rf "$DEST"
mkdir -p "$DEST"
copy() {  # copy PACKAGE FILE... : the listed files plus the package's licence
  local pkg="$1"; shift
  mkdir -p "$DEST/$pkg"
  for f in "$@"; do cp "node_modules/$pkg/$f" "$DEST/$pkg/"; done
  cp node_modules/"$pkg"/LICENSE* "$DEST/$pkg/LICENSE"
  node -e "console.log(require('./node_modules/$pkg/package.json').version)" > "$DEST/$pkg/VERSION"
}
copy d3-array dist/d3-array.min.js       # d3-geo's only dependency
copy d3-geo dist/d3-geo.min.js
copy topojson-client dist/topojson-client.min.js
copy world-atlas countries-50m.json      # Natural Earth 1:50m (110m misplaces Geneva)
copy swagger-ui-dist swagger-ui-bundle.js swagger-ui.css   # /api/docs without a CDN
echo "vendored into $DEST:"
find "$DEST" -type f | sort | sed "s|$ROOT/||"
