#!/usr/bin/env bash
# Installs the studio page's development packages (ESLint, puppeteer-core), pinned by
# sim/serve/web/package-lock.json, into BUILD_DIR/studio-web with `npm ci` (again only when the lock file
# changed). The setup of the lint and browser tests.
#   web_install.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=${1:?usage: web_install.sh SOURCE_DIR BUILD_DIR}
build_dir=${2:?usage: web_install.sh SOURCE_DIR BUILD_DIR}
web="$source_dir/sim/serve/web"
dest="$build_dir/studio-web"
command -v npm >/dev/null || { echo "web_install: npm is not installed (Node.js >= 18.18 with npm)" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 18) ? 0 : 1)' ||
  { echo "web_install: ESLint 9 and puppeteer-core 24 need Node.js >= 18.18, this is $(node --version)" >&2; exit 1; }
mkdir -p "$dest"
if ! cmp -s "$web/package-lock.json" "$dest/package-lock.json" || [ ! -x "$dest/node_modules/.bin/eslint" ] ||
   [ ! -d "$dest/node_modules/puppeteer-core" ]; then
  cp "$web/package.json" "$web/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
fi
echo "web_install: $(cd "$dest" && node -p 'require("eslint/package.json").version') eslint," \
  "$(cd "$dest" && node -p 'require("puppeteer-core/package.json").version') puppeteer-core in $dest"
