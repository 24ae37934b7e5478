// The report's stylesheet, inlined into report.html so the page needs nothing from the network.
#include "report_assets.hpp"

namespace corridor::detail {

const char* const report_css = R"css(
:root {
  --ink: #1d2733; --muted: #5b6b7c; --line: #dde3ea; --bg: #f4f6f9; --card: #ffffff;
  --accent: #1c5d99; --accent-soft: #e7f0f9; --good: #2f9e44; --bad: #c92a2a;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 "Inter", "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif;
  -webkit-font-smoothing: antialiased;
}
header.top {
  background: linear-gradient(120deg, #12355b 0%, #1c5d99 100%); color: #fff; padding: 28px 40px 24px;
}
header.top h1 { margin: 0; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header.top .sub { margin-top: 6px; color: #c9dcf0; font-size: 13.5px; }
header.top .sub span { margin-right: 18px; white-space: nowrap; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 40px 48px; }
section.card {
  background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px;
  margin-bottom: 22px; box-shadow: 0 1px 2px rgba(16, 34, 56, 0.04);
}
section.card h2 { margin: 0 0 4px; font-size: 17px; font-weight: 650; }
section.card p.note { margin: 0 0 14px; color: var(--muted); font-size: 13px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; margin-bottom: 22px; }
.grid2 > section.card { margin-bottom: 0; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 14px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: #fbfcfe; }
.kpi.hero { background: var(--accent-soft); border-color: #bcd3ea; }
.kpi .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.kpi .value { font-size: 30px; font-weight: 700; line-height: 1.2; margin-top: 4px;
  font-variant-numeric: tabular-nums; }
.kpi.hero .value { color: var(--accent); font-size: 38px; }
.kpi .ci { color: var(--muted); font-size: 12.5px; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em;
  background: #f8fafc; }
th:first-child, td:first-child { text-align: left; }
th.txt, td.txt { text-align: left; }
td { white-space: nowrap; }
td.wrap { white-space: normal; }
tbody tr:hover { background: #f6f9fc; }
td.sig { color: var(--good); font-weight: 600; }
td.nosig { color: var(--muted); }
tr.via td { background: var(--accent-soft); }
svg.chart { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; fill: var(--ink); }
svg .axis line, svg .axis path { stroke: #9aa7b5; }
svg .grid line { stroke: #e9edf2; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .axis-title { font-size: 11.5px; fill: var(--muted); }
svg .value-label { font-size: 11.5px; font-weight: 600; }
svg .node-label { font-size: 11.5px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
svg .legend { font-size: 11.5px; }
svg .group-title { font-size: 12.5px; font-weight: 650; }
svg .row-label { font-size: 12px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px 0 28px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } main { padding: 16px; } }
)css";

}  // namespace corridor::detail
