#!/usr/bin/env bash
# Lints the studio's scripts (sim/serve/web/studio-*.js) with the ESLint web_install.sh installed.
#   web_lint.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=${1:?usage: web_lint.sh SOURCE_DIR BUILD_DIR}
build_dir=${2:?usage: web_lint.sh SOURCE_DIR BUILD_DIR}
eslint="$build_dir/studio-web/node_modules/.bin/eslint"
[ -x "$eslint" ] || { echo "web_lint: $eslint is missing: run tests/serve/web_install.sh first" >&2; exit 1; }
scripts=(studio-base.js studio-map.js studio-controls.js studio-results.js studio-main.js)
# Files are given from inside web/, where the config lives: ESLint lints nothing outside its config's folder.
cd "$source_dir/sim/serve/web"
"$eslint" --max-warnings 0 --config eslint.config.mjs "${scripts[@]}"
echo "web_lint: ${#scripts[@]} studio scripts clean"
