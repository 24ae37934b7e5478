#!/usr/bin/env bash
# The studio page in headless Chromium (tests/serve/studio_browser_test.cjs, driven by puppeteer-core that
# web_install.sh installed). Exit 77 (skipped) when Chromium is missing and cannot be installed (not root).
#   studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR
set -euo pipefail
corridor=${1:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
source_dir=${2:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
build_dir=${3:?usage: studio_browser_test.sh CORRIDOR SOURCE_DIR BUILD_DIR}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "studio_browser_test: installing Debian's chromium" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
    browser=$(command -v chromium)
  else
    echo "studio_browser_test: SKIPPED: chromium is not installed (apt-get install chromium) and we are not root" >&2
    exit 77
  fi
fi
# Debian's chromium is a wrapper script; puppeteer starts the browser binary itself.
binary=$browser
[ -x /usr/lib/chromium/chromium ] && binary=/usr/lib/chromium/chromium
HOME=$(mktemp -d) exec node "$source_dir/tests/serve/studio_browser_test.cjs" "$corridor" "$source_dir" "$build_dir" "$binary"
