#!/usr/bin/env bash
# Draws the fixture report in headless Chromium and fails when the page does not finish drawing, when a
# chart stays empty or when the page logs anything to the console (an error or an uncaught exception).
# Saves a screenshot as <build dir>/report-screenshot.png.
#   report_browser_test.sh FIXTURE_BINARY BUILD_DIR
# Exit 77 (skipped) when Chromium is missing and cannot be installed (not root).
set -euo pipefail
fixture=${1:?usage: report_browser_test.sh FIXTURE_BINARY BUILD_DIR}
build=${2:?usage: report_browser_test.sh FIXTURE_BINARY BUILD_DIR}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "report_browser_test: installing Debian's chromium" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
    browser=$(command -v chromium)
  else
    echo "report_browser_test: SKIPPED: chromium is not installed (apt-get install chromium) and we are not root" >&2
    exit 77
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
"$fixture" "$out" >/dev/null
url="file://$out/report.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-dev-shm-usage)

run_browser() {  # run_browser LOG ARGS...: one Chromium with its own profile, bounded in time
  local log=$1
  shift
  HOME="$work" timeout 120 "$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>"$log"
}

fail() {
  echo "report_browser_test: FAILED: $*" >&2
  exit 1
}

run_browser "$work/dom.log" --enable-logging=stderr --v=0 --dump-dom "$url" >"$work/dom.html" ||
  { cat "$work/dom.log" >&2; fail "chromium --dump-dom exited with an error"; }
if grep -E 'CONSOLE|Uncaught' "$work/dom.log" >&2; then fail "the page wrote to the console (above)"; fi
grep -Eq '<body[^>]*data-drawn="true"' "$work/dom.html" || fail "body[data-drawn=true] is missing: drawing did not finish"
for id in map chart-costs chart-transit chart-queues chart-compare; do
  grep -Eq "<svg id=\"$id\"[^>]*>[[:space:]]*<[a-z]" "$work/dom.html" || fail "svg#$id has no children"
done

shot="$build/report-screenshot.png"
rm -f "$shot"
run_browser "$work/shot.log" --hide-scrollbars --window-size=1400,2400 --screenshot="$shot" "$url" >/dev/null ||
  { cat "$work/shot.log" >&2; fail "chromium --screenshot exited with an error"; }
[ -s "$shot" ] || fail "no screenshot at $shot"
echo "report_browser_test: report drawn; screenshot at $shot"
