// corridor report, script part one: helpers for formatting, scales, axes and SVG markup. Plain JS with no
// library, building SVG as markup (parsed by the browser in the SVG namespace), so the page works offline.
// The three parts run as one script, in the order base, run, compare; `exported` names the helpers the
// later parts use, `global` in each later part what it takes from the earlier ones.
/* exported DATA, byId, PALETTE, esc, num, fmt, pct, hide, regionName, shareLabel, metricLabel, queueMetric,
   metricUnit, metricValue, metricDiff, niceTicks, linear, el, txt, line, draw, emptyChart, yAxis, xAxis, utilColour, table */
"use strict";
const DATA = JSON.parse(document.getElementById("report-data").textContent);
const byId = (id) => document.getElementById(id);
const PALETTE = ["#1c5d99", "#e8590c", "#2f9e44", "#ae3ec9", "#f59f00", "#0c8599", "#c2255c", "#5c940d",
  "#495057", "#364fc7"];

function esc(s) {
  return String(s).replace(/[&<>"']/g,
    (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
}
function num(v) { return typeof v === "number" && isFinite(v) ? v : null; }
function fmt(v, digits) {
  v = num(v);
  if (v === null) return "\u2013";
  const a = Math.abs(v);
  const d = digits !== undefined ? digits : a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return v.toLocaleString("en-US", {minimumFractionDigits: 0, maximumFractionDigits: d});
}
function pct(v, digits) {
  v = num(v);
  return v === null ? "\u2013" : (v * 100).toFixed(digits === undefined ? 1 : digits) + "\u00a0%";
}
function hide(id) { const e = byId(id); if (e) e.style.display = "none"; }

// Headline metric names to labels and units; shares are fractions shown as percentages.
const METRICS = {
  throughput_teu_per_day: ["Throughput, TEU", "TEU/day"],
  throughput_trains_per_day: ["Throughput, trains", "trains/day"],
  throughput_teu_per_day_westbound: ["Throughput westbound", "TEU/day"],
  throughput_teu_per_day_eastbound: ["Throughput eastbound", "TEU/day"],
  cost_usd_per_teu: ["Cost, out of pocket", "USD/TEU"],
  generalized_cost_usd_per_teu: ["Generalized cost", "USD/TEU"],
  transit_days_mean: ["Transit time, mean", "days"],
  transit_days_p50: ["Transit time, median", "days"],
  transit_days_p95: ["Transit time, 95th percentile", "days"],
  containers_entered: ["Containers entered", "TEU"],
  containers_delivered: ["Containers delivered", "TEU"],
  containers_in_system: ["Containers in system at end", "TEU"],
  empty_trains_moved: ["Empty trains moved", "trains"],
};
// The headline share's metrics are named after its region: share_<key>_trains, _teu, _trains_westbound and
// _trains_eastbound, the key a region id or avoiding_<id> (DATA.share.key for a run; a comparison's sides may
// differ). Labelled with the region's id in words ("russia_belarus": "Russia Belarus"): summary.json, which the
// page must be drawable from, holds ids, not the scenario's display names.
const SHARE_FIELDS = {trains: "share of trains", teu: "share of TEU", trains_westbound: "share, westbound trains",
  trains_eastbound: "share, eastbound trains"};
function shareMetric(name) {
  const m = /^(?:metrics\.)?share_(.+)_(trains_westbound|trains_eastbound|trains|teu)$/.exec(name);
  return m ? {key: m[1], field: m[2]} : null;
}
function regionName(key) {
  return key.replace(/^avoiding_/, "").split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}
function shareLabel(key, field) {
  return `${key.startsWith("avoiding_") ? "Avoiding" : "Via"} ${regionName(key)}, ${SHARE_FIELDS[field]}`;
}
function metricLabel(name) {
  const base = name.replace(/^metrics\./, "");
  const q = queueMetric(name);
  if (q) return `${q.id}${q.kind === "ferry" ? " ferry" : ""}: ${QUEUE_FIELDS[q.field][0]}`;
  const sh = shareMetric(name);
  if (sh) return shareLabel(sh.key, sh.field);
  return METRICS[base] ? METRICS[base][0] : base.replace(/[._]/g, " ");
}
// A crossing's or ferry's measure: crossings.ID.FIELD or ferries.ID.FIELD (a ferry's ID holds "@", no dot).
const QUEUE_FIELDS = {trains: ["trains", "trains"], teu: ["TEU", "TEU"], utilization: ["utilisation", "%"],
  mean_wait_h: ["mean wait", "h"], p95_wait_h: ["95th percentile wait", "h"],
  mean_queue_trains: ["mean queue", "trains"], max_queue_trains: ["longest queue", "trains"]};
function queueMetric(name) {
  const m = /^(crossings|ferries)\.(.+)\.([a-z0-9_]+)$/.exec(name);
  return m && QUEUE_FIELDS[m[3]] ? {kind: m[1] === "ferries" ? "ferry" : "crossing", id: m[2], field: m[3]} : null;
}
function metricUnit(name) {
  const base = name.replace(/^metrics\./, "");
  const q = queueMetric(name);
  if (shareMetric(name)) return "%";
  return METRICS[base] ? METRICS[base][1] : q ? QUEUE_FIELDS[q.field][1] : "";
}
function metricValue(name, v) { return metricUnit(name) === "%" ? pct(v) : fmt(v); }
// A difference: shares in percentage points, with a sign when asked.
function metricDiff(name, v, signed) {
  if (num(v) === null) return "\u2013";
  const sign = signed && v > 0 ? "+" : "";
  return metricUnit(name) === "%" ? `${sign}${(v * 100).toFixed(1)}\u00a0pp` : sign + fmt(v);
}

// About n round tick values from at or below lo to at or above hi.
function niceTicks(lo, hi, n) {
  if (!(hi > lo)) { hi = lo + 1; }
  const raw = (hi - lo) / Math.max(1, n);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9));
  const first = Math.floor(lo / step + 1e-9), last = Math.ceil(hi / step - 1e-9);
  const ticks = [];
  for (let i = first; i <= last; ++i) ticks.push(i === 0 ? 0 : i * step);
  return ticks;
}
function linear(d0, d1, r0, r1) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
function attrs(a) {
  return Object.keys(a).map((k) => ` ${k}="${esc(a[k])}"`).join("");
}
function el(tag, a, inner) { return `<${tag}${attrs(a || {})}>${inner === undefined ? "" : inner}</${tag}>`; }
function txt(x, y, s, a) { return el("text", Object.assign({x: x.toFixed(1), y: y.toFixed(1)}, a || {}), esc(s)); }
function line(x1, y1, x2, y2, a) {
  return el("line", Object.assign({x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1)},
                                  a || {}));
}
function draw(id, width, height, parts) {
  const svg = byId(id);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.innerHTML = parts.join("");
}
function emptyChart(id, message) {
  draw(id, 600, 80, [txt(300, 45, message, {"text-anchor": "middle", class: "tick"})]);
}
// A value axis along y with grid lines, returning the parts.
function yAxis(ticks, y, x0, x1, title, format) {
  const parts = [`<g class="grid">`];
  for (const t of ticks) parts.push(line(x0, y(t), x1, y(t)));
  parts.push(`</g>`);
  for (const t of ticks) parts.push(txt(x0 - 8, y(t) + 4, format ? format(t) : fmt(t), {"text-anchor": "end", class: "tick"}));
  if (title) {
    const my = (y(ticks[0]) + y(ticks[ticks.length - 1])) / 2;
    parts.push(el("text", {x: 14, y: my.toFixed(1), class: "axis-title", "text-anchor": "middle",
                           transform: `rotate(-90 14 ${my.toFixed(1)})`}, esc(title)));
  }
  return parts;
}
function xAxis(ticks, x, y0, y1, title, format) {
  const parts = [`<g class="grid">`];
  for (const t of ticks) parts.push(line(x(t), y0, x(t), y1));
  parts.push(`</g>`);
  for (const t of ticks) parts.push(txt(x(t), y1 + 16, format ? format(t) : fmt(t), {"text-anchor": "middle", class: "tick"}));
  if (title) parts.push(txt((x(ticks[0]) + x(ticks[ticks.length - 1])) / 2, y1 + 34, title, {"text-anchor": "middle", class: "axis-title"}));
  return parts;
}
// Utilisation 0..1 to green, amber, red.
function utilColour(u) {
  const stops = [[0, [47, 158, 68]], [0.5, [245, 159, 0]], [0.85, [224, 49, 49]], [1, [165, 29, 42]]];
  u = Math.max(0, Math.min(1, num(u) || 0));
  for (let i = 1; i < stops.length; ++i) {
    if (u <= stops[i][0]) {
      const [a, ca] = stops[i - 1], [b, cb] = stops[i];
      const f = (u - a) / (b - a);
      const c = ca.map((v, k) => Math.round(v + (cb[k] - v) * f));
      return `rgb(${c[0]},${c[1]},${c[2]})`;
    }
  }
  return "rgb(165,29,42)";
}
// A table; a cell (header or body) is a value or {v, cls}. Header cells take the class of the first row's
// cells, so text columns line up left under their titles.
function table(id, head, rows, rowClass) {
  const cls = (c) => (typeof c === "object" && c !== null ? c.cls : undefined);
  const cell = (tag, c, k) => `<${tag}${attrs(k ? {class: k} : {})}>` +
    esc(typeof c === "object" && c !== null ? c.v : c) + `</${tag}>`;
  const first = rows[0] || [];
  const h = "<thead><tr>" + head.map((c, i) => cell("th", c, cls(first[i]))).join("") + "</tr></thead>";
  const b = rows.map((r, i) => `<tr${rowClass && rowClass(i) ? attrs({class: rowClass(i)}) : ""}>` +
    r.map((c) => cell("td", c, cls(c))).join("") + "</tr>").join("");
  byId(id).innerHTML = h + "<tbody>" + b + "</tbody>";
}
