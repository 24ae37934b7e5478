# Sourced by the browser tests (report, studio, optimize): finds Debian's Chromium, installing it when we may,
# and sets `browser` to it; exits 77 (CTest's skip) when it is missing and cannot be installed (not root).
# `chromium_flags` are the flags of a headless run that reaches no network and keeps no state.
#   source tests/chromium.sh; find_chromium TEST_NAME
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
                --disable-component-update --disable-sync --disable-dev-shm-usage)

find_chromium() {
  local name=$1
  browser=$(command -v chromium || command -v chromium-browser || true)
  [ -n "$browser" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "$name: installing Debian's chromium" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
    browser=$(command -v chromium)
  else
    echo "$name: SKIPPED: chromium is not installed (apt-get install chromium) and we are not root" >&2
    exit 77
  fi
}
