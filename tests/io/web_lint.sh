#!/usr/bin/env bash
# Lints the report's scripts (sim/io/web/*.js) with ESLint, pinned by sim/io/web/package-lock.json and
# installed with `npm ci` into BUILD_DIR/web-lint (again only when the lock file changed).
#   web_lint.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=${1:?usage: web_lint.sh SOURCE_DIR BUILD_DIR}
build_dir=${2:?usage: web_lint.sh SOURCE_DIR BUILD_DIR}
web="$source_dir/sim/io/web"
lint="$build_dir/web-lint"
command -v npm >/dev/null || { echo "web_lint: npm is not installed (Node.js >= 18.18 with npm)" >&2; exit 1; }
# ESLint 9 needs Node.js 18.18 or later (Debian 12's own nodejs is 18.13).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 18) ? 0 : 1)' ||
  { echo "web_lint: ESLint 9 needs Node.js >= 18.18, this is $(node --version)" >&2; exit 1; }
mkdir -p "$lint"
if ! cmp -s "$web/package-lock.json" "$lint/package-lock.json" || [ ! -x "$lint/node_modules/.bin/eslint" ]; then
  cp "$web/package.json" "$web/package-lock.json" "$lint/"
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
scripts=(report-base.js report-run.js report-compare.js)
# Files are given from inside web/, where the config lives: ESLint lints nothing outside its config's folder.
cd "$web"
"$lint/node_modules/.bin/eslint" --max-warnings 0 --config eslint.config.mjs "${scripts[@]}"
echo "web_lint: ${#scripts[@]} scripts clean"
