#!/usr/bin/env bash
# Draws `corridor optimize`'s page for the designed case in headless Chromium and fails when the page logs
# anything to the console, when a chart is empty or when the chosen projects are missing. Saves a
# screenshot as <build dir>/optimization-screenshot.png.
#   optimize_browser_test.sh CORRIDOR_EXE PROGRAMME BUILD_DIR
# Exit 77 (skipped) when Chromium is missing and cannot be installed (not root).
set -euo pipefail
corridor=${1:?usage: optimize_browser_test.sh CORRIDOR_EXE PROGRAMME BUILD_DIR}
programme=${2:?usage: optimize_browser_test.sh CORRIDOR_EXE PROGRAMME BUILD_DIR}
build=${3:?usage: optimize_browser_test.sh CORRIDOR_EXE PROGRAMME BUILD_DIR}

source "$(dirname "${BASH_SOURCE[0]}")/../chromium.sh"
find_chromium optimize_browser_test

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=("${chromium_flags[@]}")
fail() {
  echo "optimize_browser_test: FAILED: $*" >&2
  exit 1
}

"$corridor" optimize "$programme" -t 2 --appraise -q -o "$work/out" >/dev/null
url="file://$work/out/optimization.html" dom="$work/dom.html"
HOME="$work" timeout 120 "$browser" "${flags[@]}" --user-data-dir="$work/profile1" --enable-logging=stderr --v=0 \
  --dump-dom "$url" >"$dom" 2>"$work/dom.log" || { cat "$work/dom.log" >&2; fail "chromium --dump-dom exited with an error"; }
if grep -E 'CONSOLE|Uncaught' "$work/dom.log" >&2; then fail "the page wrote to the console (above)"; fi
for id in timeline pareto-0 benefits; do
  grep -Eq "<svg id=\"$id\"[^>]*>[[:space:]]*<[a-z]" "$dom" || fail "svg#$id has no children"
done
grep -q '<strong id="chosen">b1-tracks+b2-tracks+e4-fast</strong>' "$dom" || fail "the chosen projects are not named"
[ "$(grep -o '<rect class="open"' "$dom" | wc -l)" = 3 ] || fail "the timeline does not show the three chosen projects"
grep -q '<g class="chosen">' "$dom" || fail "the Pareto chart does not mark the chosen portfolio"
shot="$build/optimization-screenshot.png"
rm -f "$shot"
HOME="$work" timeout 120 "$browser" "${flags[@]}" --user-data-dir="$work/profile2" --hide-scrollbars \
  --window-size=1100,1600 --screenshot="$shot" "$url" >/dev/null 2>"$work/shot.log" ||
  { cat "$work/shot.log" >&2; fail "chromium --screenshot exited with an error"; }
[ -s "$shot" ] || fail "no screenshot at $shot"
echo "optimize_browser_test: drawn; screenshot at $shot"
