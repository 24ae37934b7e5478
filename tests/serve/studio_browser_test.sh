#!/usr/bin/env bash
# The studio page in headless Chromium (tests/serve/studio_browser_test.cjs, driven by puppeteer-core that
# web_install.sh installed). Exit 77 (skipped) when Chromium is missing and cannot be installed (not root).
#   studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR
set -euo pipefail
corridor=${1:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
source_dir=${2:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
build_dir=${3:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
source "$(dirname "${BASH_SOURCE[0]}")/../chromium.sh"
find_chromium studio_browser_test
# Debian's chromium is a wrapper script; puppeteer starts the browser binary itself.
binary=$browser
[ -x /usr/lib/chromium/chromium ] && binary=/usr/lib/chromium/chromium
HOME=$(mktemp -d) exec node "$source_dir/tests/serve/studio_browser_test.cjs" "$corridor" "$source_dir" "$build_dir" "$binary"
