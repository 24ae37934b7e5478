#!/usr/bin/env bash
# Draws the fixture report in headless Chromium and fails when the page does not finish drawing, when a
# chart stays empty or when the page logs anything to the console (an error or an uncaught exception), for a
# single run's page and for a comparison's. Saves screenshots as <build dir>/report-screenshot.png and
# <build dir>/report-compare-screenshot.png.
#   report_browser_test.sh FIXTURE_BINARY BUILD_DIR
# Exit 77 (skipped) when Chromium is missing and cannot be installed (not root).
set -euo pipefail
fixture=${1:?usage: report_browser_test.sh FIXTURE_BINARY BUILD_DIR}
build=${2:?usage: report_browser_test.sh FIXTURE_BINARY BUILD_DIR}

source "$(dirname "${BASH_SOURCE[0]}")/../chromium.sh"
find_chromium report_browser_test

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=("${chromium_flags[@]}")

run_browser() {  # run_browser LOG ARGS...: one Chromium with its own profile, bounded in time
  local log=$1
  shift
  HOME="$work" timeout 120 "$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>"$log"
}

fail() {
  echo "report_browser_test: FAILED: $*" >&2
  exit 1
}

# check NAME FIXTURE_ARGS CHART_IDS: draws the fixture's page, checks that every chart has children and
# leaves the DOM in $work/NAME.html and a screenshot in <build dir>/NAME.png.
check() {
  local name=$1 args=$2 ids=$3 out="$work/$1"
  # shellcheck disable=SC2086 # args is a list of words
  "$fixture" "$out" $args >/dev/null
  local url="file://$out/report.html" dom="$work/$name.html"
  run_browser "$work/$name-dom.log" --enable-logging=stderr --v=0 --dump-dom "$url" >"$dom" ||
    { cat "$work/$name-dom.log" >&2; fail "$name: chromium --dump-dom exited with an error"; }
  if grep -E 'CONSOLE|Uncaught' "$work/$name-dom.log" >&2; then fail "$name: the page wrote to the console (above)"; fi
  grep -Eq '<body[^>]*data-drawn="true"' "$dom" || fail "$name: body[data-drawn=true] is missing: drawing did not finish"
  for id in $ids; do
    grep -Eq "<svg id=\"$id\"[^>]*>[[:space:]]*<[a-z]" "$dom" || fail "$name: svg#$id has no children"
  done
  local shot="$build/$name.png"
  rm -f "$shot"
  run_browser "$work/$name-shot.log" --hide-scrollbars --window-size=1400,2400 --screenshot="$shot" "$url" >/dev/null ||
    { cat "$work/$name-shot.log" >&2; fail "$name: chromium --screenshot exited with an error"; }
  [ -s "$shot" ] || fail "$name: no screenshot at $shot"
  echo "report_browser_test: $name drawn; screenshot at $shot"
}

check report-screenshot "" "map chart-costs chart-transit chart-queues chart-compare"
# The share section finds its metrics by the run's share region (the fixture's central_asia) and names it.
dom="$work/report-screenshot.html"
grep -q '<h2 id="share-title">Traffic through Central Asia</h2>' "$dom" || fail "the share section does not name its region"
grep -Eq '<div class="label">Trains via Central Asia</div><div class="value">[0-9]+\.[0-9](&nbsp;| )%' "$dom" ||
  fail "the share section does not show the trains via Central Asia as a percentage"

# The ports' table next to the crossings', and the resource ports on the map with their berths and yard.
grep -Eq 'id="table-ports"><thead>.*<tbody><tr><td[^>]*>aktau</td><td[^>]*>2</td>.*<tr><td[^>]*>baku</td>' "$dom" ||
  fail "the ports table does not list aktau (2 berths) and baku"
if grep -Eq 'id="sec-ports"[^>]*style="display: none;"' "$dom"; then fail "the ports section is hidden"; fi
grep -Eq '<title>Aktau \(port, KZ\): berths 2[0-9.]*(&nbsp;| )% used, mean wait for a berth 1\.5[0-9]* h, yard 4[0-9][0-9] TEU on average' "$dom" ||
  fail "the map's Aktau does not show its berths and yard"

# A comparison as `corridor compare --out` writes it: its chart, map of the change and queue panels.
check report-compare-screenshot --compare "chart-compare chart-compare-map chart-compare-queues"
dom="$work/report-compare-screenshot.html"
# The chart keeps the headline metrics and the crossings' big changes; small or table-only kinds stay out.
chart=$(sed -n 's/.*\(<svg id="chart-compare"[^>]*>.*<\/svg>\).*/\1/p' "$dom" | sed 's/<\/svg>.*//')
for label in "Throughput, TEU" "malaszewicze: mean wait" "aktau-baku ferry: trains"; do
  grep -q "$label" <<<"$chart" || fail "the compare chart lacks the row \"$label\""
done
for label in "dostyk: trains" "zabaykalsk: utilisation" "xian-duisburg"; do
  if grep -q "$label" <<<"$chart"; then fail "the compare chart shows \"$label\", which belongs in the table only"; fi
done
grep -q 'id="compare-hidden"[^>]*>The chart shows [0-9]* of [0-9]* metrics' "$dom" || fail "no note on the metrics hidden from the chart"
grep -q 'id="table-compare"><thead>.*xian-duisburg' "$dom" || fail "the full table lacks a route row"
for id in sec-map sec-share sec-costs sec-ports; do
  grep -Eq "id=\"$id\"[^>]*style=\"display: none;\"" "$dom" || fail "a comparison shows #$id, a single run's section"
done

# Several variants ranked (`corridor compare BASE V1 V2 --report`): the ranking table, best first, above the
# best variant's comparison chart.
check report-ranked-screenshot --ranked "chart-compare"
dom="$work/report-ranked-screenshot.html"
grep -q 'id="table-ranking"><thead>.*<tbody><tr><td[^>]*>1</td><td[^>]*>io-fixture-khorgos-expanded</td>.*<tr><td[^>]*>2</td><td[^>]*>io-fixture-dostyk-doubled</td>' "$dom" ||
  fail "the ranking table does not list the two variants best first"
if grep -Eq 'id="sec-ranking"[^>]*style="display: none;"' "$dom"; then fail "the ranking section is hidden"; fi

# `corridor map`: the network alone, no run's sections.
check map-screenshot --map "map"
dom="$work/map-screenshot.html"
grep -q '<h1 id="title">Corridor map' "$dom" || fail "the map page's title is not the map's"
for id in sec-costs sec-compare sec-ranking; do
  grep -Eq "id=\"$id\"[^>]*style=\"display: none;\"" "$dom" || fail "the map page shows #$id"
done
