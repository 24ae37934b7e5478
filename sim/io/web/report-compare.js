// corridor report, script part three: a comparison of two scenarios. A planner needs the few changes that
// matter, so the chart shows the headline metrics and the crossings and ferries that changed, each on an
// axis clipped to a readable range; everything else stays in the table. With the base/ and variant/
// outputs beside compare.json it adds a map of where the traffic moved and the queues behind changed waits.
// The last line marks the page drawn, so a headless browser can tell a finished page from a failed one.
/* global DATA, byId, esc, num, fmt, pct, hide, metricLabel, queueMetric, metricUnit, metricValue, metricDiff,
   niceTicks, linear, el, txt, line, draw, emptyChart, table, drawNetwork, teuWidth, nodeLegend, yAxis, xAxis */
const C = DATA.compare;
const SIDES = DATA.sides;
const CHART_QUEUE_ROWS = 10;     // crossing and ferry rows in the chart, after the headline metrics
const CHART_MIN_CHANGE_PCT = 5;  // smaller significant changes at crossings stay in the table
const MAX_QUEUE_PANELS = 12;

// How sure a difference is: |difference| / half-width; exact (zero half-width) differences rank first.
function tRatio(r) {
  const d = Math.abs(num(r.diff) || 0), h = num(r.half_width_95) || 0;
  return h > 0 ? d / h : d > 0 ? Infinity : 0;
}
const byT = (a, b) => tRatio(b.r) - tRatio(a.r);
// A row on its axis: fractions (shares, utilisations) in percentage points, all else in percent of base.
// A row whose base is zero has no percentage: it is drawn as an arrow, labelled "new".
function chartRow(r) {
  const pp = metricUnit(r.name) === "%";
  const base = num(r.base), diff = num(r.diff) || 0;
  if (base === null) return null;
  if (!pp && base === 0) return diff === 0 ? null : {r, pp, fromZero: true, d: diff > 0 ? Infinity : -Infinity, hw: 0, uhw: 0};
  const k = pp ? 100 : 100 / Math.abs(base);
  return {r, pp, fromZero: false, d: diff * k, hw: (num(r.half_width_95) || 0) * k,
          uhw: (num(r.unpaired_half_width_95) || 0) * k};
}
function chartGroups() {
  const rows = C.rows.map(chartRow).filter((x) => x);
  const headline = rows.filter((x) => x.r.name.startsWith("metrics."));
  const queues = rows.filter((x) => {
    const q = queueMetric(x.r.name);
    return q && (q.field === "trains" || q.field === "mean_wait_h") && x.r.significant &&
           (x.fromZero || Math.abs(x.d) >= CHART_MIN_CHANGE_PCT);
  });
  return [
    {title: "Headline metrics", unit: "%", rows: headline.filter((x) => !x.pp).sort(byT)},
    {title: "Shares", unit: "pp", rows: headline.filter((x) => x.pp).sort(byT)},
    {title: `Crossings and ferries: trains and mean wait, significant changes of ${CHART_MIN_CHANGE_PCT} % or more`,
     unit: "%", rows: queues.sort(byT).slice(0, CHART_QUEUE_ROWS)},
  ].filter((g) => g.rows.length);
}
// A symmetric range that the 90th percentile of |difference| + half-width fits in, at most 100 %.
function groupRange(g) {
  const ext = g.rows.filter((x) => !x.fromZero).map((x) => Math.abs(x.d) + x.hw).sort((a, b) => a - b);
  let r = ext.length ? ext[Math.max(0, Math.ceil(0.9 * ext.length) - 1)] : 1;
  r = Math.max(r, g.unit === "pp" ? 0.2 : 1);
  if (g.unit === "%") r = Math.min(r, 100);
  const ticks = niceTicks(-r, r, 8);
  const e = Math.max(-ticks[0], ticks[ticks.length - 1]);
  return niceTicks(-e, e, 8);
}
const signed = (v, digits) => (v > 0 ? "+" : v < 0 ? "\u2212" : "") + fmt(Math.abs(v), digits);
function axisValue(x, unit) {
  if (x.fromZero) return "new";
  return `${signed(x.d, Math.abs(x.d) >= 100 ? 0 : 1)}\u00a0${unit}`;
}
function fromTo(x) {
  const u = metricUnit(x.r.name);
  if (u === "%") return `${pct(x.r.base)} \u2192 ${pct(x.r.variant)}`;
  return `${fmt(x.r.base)} \u2192 ${fmt(x.r.variant)}${u ? " " + u : ""}`;
}
function drawGroupRows(parts, g, top, geom) {
  const {left, right, W, rowH} = geom;
  const ticks = groupRange(g), lim = ticks[ticks.length - 1];
  const x = linear(-lim, lim, left, W - right), clip = (v) => Math.max(-lim, Math.min(lim, v));
  const y0 = top + 34, y1 = y0 + g.rows.length * rowH;
  parts.push(txt(16, top + 14, g.title, {class: "group-title"}));
  parts.push(`<g class="grid">`, ...ticks.map((t) => line(x(t), y0, x(t), y1)), `</g>`);
  for (const t of ticks) parts.push(txt(x(t), y0 - 6, `${signed(t)}\u00a0${g.unit}`, {"text-anchor": "middle", class: "tick"}));
  parts.push(line(x(0), y0, x(0), y1, {stroke: "#5b6b7c", "stroke-width": 1.2}));
  g.rows.forEach((row, i) => {
    const cy = y0 + i * rowH + rowH / 2, colour = row.r.significant ? "#1c5d99" : "#adb5bd";
    if (i % 2) parts.push(el("rect", {x: 8, y: (cy - rowH / 2).toFixed(1), width: W - 16, height: rowH, fill: "#f8fafc"}));
    parts.push(txt(left - 12, cy + 4, metricLabel(row.r.name), {"text-anchor": "end", class: "row-label"}));
    const over = row.fromZero || Math.abs(row.d) > lim;
    if (!row.fromZero) {
      const a = x(clip(row.d - row.uhw)), b = x(clip(row.d + row.uhw));
      parts.push(el("rect", {x: a.toFixed(1), y: (cy - 5).toFixed(1), width: Math.max(0, b - a).toFixed(1), height: 10,
                             rx: 5, fill: colour, opacity: 0.18}));
      parts.push(line(x(clip(row.d - row.hw)), cy, x(clip(row.d + row.hw)), cy, {stroke: colour, "stroke-width": 2.2}));
    }
    const tip = `${metricLabel(row.r.name)}: ${metricDiff(row.r.name, row.r.diff, true)} \u00b1 ` +
                `${metricDiff(row.r.name, row.r.half_width_95)} (${fromTo(row)})`;
    if (over) {
      const s = row.d > 0 ? 1 : -1, ex = x(s * lim);
      parts.push(el("path", {d: `M${(ex - s * 12).toFixed(1)},${cy - 7} L${ex.toFixed(1)},${cy} L${(ex - s * 12).toFixed(1)},${cy + 7} Z`,
                             fill: colour}, el("title", {}, esc(tip))));
      // Off the left edge the value column is far away: say the value beside the arrow.
      if (s < 0) parts.push(txt(ex + 18, cy + 4, axisValue(row, g.unit), {class: "value-label", fill: colour}));
    } else {
      parts.push(el("circle", {cx: x(row.d).toFixed(1), cy: cy.toFixed(1), r: 5, fill: colour}, el("title", {}, esc(tip))));
    }
    parts.push(txt(W - right + 16, cy + 4, axisValue(row, g.unit), {class: "value-label"}));
    parts.push(txt(W - right + 92, cy + 4, fromTo(row), {class: "tick"}));
  });
  return y1;
}
function drawCompare() {
  byId("compare-note").textContent = `${C.variant} minus ${C.base}, paired over ${C.replications} replications ` +
    `with common random numbers (seed ${C.seed}). Dot: mean difference; line: 95 % interval; pale bar: the interval ` +
    `without pairing; blue: significant, i.e. a discovery with the false discovery rate held at ` +
    `${pct(C.fdr === undefined ? 0.05 : C.fdr, 0)} across all ${C.rows.length} metrics (Benjamini\u2013Hochberg). ` +
    `Shares and utilisations in percentage points, all else in percent of the ` +
    `base value. An arrow marks a difference beyond the axis; its value is written beside it.`;
  const groups = chartGroups();
  const geom = {left: 300, right: 290, W: 1240, rowH: 26};
  const parts = [];
  let y = 4;
  for (const g of groups) y = drawGroupRows(parts, g, y, geom) + 18;
  if (!groups.length) parts.push(txt(geom.W / 2, 30, "No metric to chart.", {"text-anchor": "middle", class: "tick"}));
  draw("chart-compare", geom.W, Math.max(60, y), parts);
  const shown = groups.reduce((n, g) => n + g.rows.length, 0);
  byId("compare-hidden").textContent = `The chart shows ${shown} of ${C.rows.length} metrics; ` +
    `${C.rows.length - shown} are hidden from it (routes, edges, cost components, the other measures of crossings ` +
    `and ferries, and their changes that are not significant or under ${CHART_MIN_CHANGE_PCT} %). ` +
    `Every metric is in the table below.`;
  table("table-compare", ["Metric", "Base", "Variant", "Difference", "\u00b1 95 %", "Significant", "Unpaired \u00b1"],
    C.rows.map((r) => [metricLabel(r.name), metricValue(r.name, r.base), metricValue(r.name, r.variant),
      metricDiff(r.name, r.diff, true), metricDiff(r.name, r.half_width_95),
      {v: r.significant ? "yes" : "no", cls: r.significant ? "sig" : "nosig"}, metricDiff(r.name, r.unpaired_half_width_95)]));
}

// Change -1..1 to red (less), grey (none), blue (more).
function changeColour(t) {
  const s = Math.min(1, Math.abs(num(t) || 0));
  const mid = [206, 212, 218], end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const c = mid.map((v, k) => Math.round(v + (end[k] - v) * s));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
function changeLegend(y, maxChange, maxTeu) {
  const x0 = 46, w = 240;
  const parts = [`<defs><linearGradient id="change-grad">` + [-1, 0, 1].map((t) =>
    `<stop offset="${50 + 50 * t}%" stop-color="${changeColour(t)}"/>`).join("") + `</linearGradient></defs>`];
  parts.push(txt(x0, y + 10, "Change in TEU carried", {class: "legend", "font-weight": 600}));
  parts.push(el("rect", {x: x0, y: y + 18, width: w, height: 10, rx: 2, fill: "url(#change-grad)"}));
  for (const [f, a] of [[0, "start"], [0.5, "middle"], [1, "end"]]) {
    parts.push(txt(x0 + w * f, y + 42, signed(maxChange * (2 * f - 1), 0), {class: "tick", "text-anchor": a}));
  }
  const x1 = 340;
  parts.push(txt(x1, y + 10, "TEU carried, larger of base and variant", {class: "legend", "font-weight": 600}));
  [0.1, 0.5, 1].forEach((f, i) => {
    const x = x1 + i * 110;
    parts.push(line(x, y + 23, x + 40, y + 23, {stroke: "#5b6b7c", "stroke-width": teuWidth(maxTeu * f, maxTeu).toFixed(1),
                                                "stroke-linecap": "round"}));
    parts.push(txt(x + 48, y + 27, fmt(maxTeu * f, 0), {class: "tick"}));
  });
  parts.push(...nodeLegend(700, y));
  return parts;
}
function drawCompareMap() {
  const B = SIDES && SIDES.base.flows, V = SIDES && SIDES.variant.flows;
  if (!B || !V) { hide("sec-compare-map"); return; }
  const isEdge = (f) => f.geometry.type === "LineString";
  const baseTeu = new Map(B.features.filter(isEdge).map((f) => [f.properties.id, num(f.properties.teu) || 0]));
  const teu = (f) => [baseTeu.get(f.properties.id) || 0, num(f.properties.teu) || 0];
  const edges = V.features.filter(isEdge);
  const maxTeu = Math.max(1e-9, ...edges.map((f) => Math.max(...teu(f))));
  const maxChange = Math.max(1e-9, ...edges.map((f) => Math.abs(teu(f)[1] - teu(f)[0])));
  byId("compare-map-note").textContent = `The variant's network. Colour: TEU carried in ${C.variant} minus ` +
    `${C.base} over the report window (red: less, blue: more). Width: the larger of the two. Dashed: ferry.`;
  drawNetwork("chart-compare-map", V, (f) => {
    const [b, v] = teu(f), p = f.properties;
    const change = b > 0 ? ` (${signed((100 * (v - b)) / b, 0)} %)` : "";
    return {stroke: Math.max(b, v) > 0 ? changeColour((v - b) / maxChange) : "#e9ecef", width: teuWidth(Math.max(b, v), maxTeu),
            tip: `${p.id} (${p.mode}): ${fmt(b, 0)} \u2192 ${fmt(v, 0)} TEU, ${signed(v - b, 0)}${change}`};
  }, (W, y) => changeLegend(y, maxChange, maxTeu));
}

// Small multiples, one per crossing or ferry whose mean wait changed significantly, each on its own scale:
// a wait of minutes and one of days cannot share an axis.
function queuePanel(parts, pick, V, B, col, box) {
  const {x0, y0, w, h} = box, left = x0 + 44, right = x0 + w - 10, top = y0 + 26, bottom = y0 + h - 24;
  const rowsV = V.daily, rowsB = (B && B.daily) || [];
  const all = rowsV.concat(rowsB);
  const days = all.map((r) => num(r.day) || 0);
  const d0 = Math.min(...days), d1 = Math.max(d0 + 1, ...days);
  const hi = Math.max(0.1, ...all.map((r) => num(r[col]) || 0));
  const yt = niceTicks(0, hi, 3), xt = niceTicks(d0, d1, 4).filter((t) => t >= d0 && t <= d1);
  const x = linear(d0, d1, left, right), y = linear(0, yt[yt.length - 1], bottom, top);
  const worse = (num(pick.r.diff) || 0) > 0, colour = worse ? "#c92a2a" : "#2f9e44";
  parts.push(txt(x0 + 4, y0 + 12, `${metricLabel(pick.r.name).replace(/: mean wait$/, "")}`, {class: "group-title"}));
  parts.push(txt(x0 + w - 4, y0 + 12, `wait ${fromTo(pick)}`, {class: "tick", "text-anchor": "end"}));
  parts.push(...yAxis(yt, y, left, right, null, (t) => fmt(t, 1)), ...xAxis(xt, x, top, bottom, null, (t) => fmt(t, 0)));
  const poly = (rows, a) => el("polyline", Object.assign({points: rows.map((r) =>
    `${x(num(r.day) || 0).toFixed(1)},${y(num(r[col]) || 0).toFixed(1)}`).join(" "), fill: "none", "stroke-linejoin": "round"}, a));
  if (rowsB.length && B.daily_columns.includes(col)) parts.push(poly(rowsB, {stroke: "#868e96", "stroke-width": 1.4, opacity: 0.55}));
  parts.push(poly(rowsV, {stroke: colour, "stroke-width": 1.8}));
}
function drawCompareQueues() {
  const V = SIDES && SIDES.variant, B = SIDES && SIDES.base;
  if (!V || !V.daily || !V.daily.length) { hide("sec-compare-queues"); return; }
  const cols = V.daily_columns || [];
  const prefix = cols.some((c) => c.startsWith("mean_queue_")) ? "mean_queue_" : "queue_";
  const picks = C.rows.map((r) => ({r, q: queueMetric(r.name)}))
    .filter((p) => p.q && p.q.field === "mean_wait_h" && p.r.significant && cols.includes(prefix + p.q.id))
    .sort(byT).slice(0, MAX_QUEUE_PANELS);
  byId("compare-queues-note").textContent = `Trains waiting in ${C.variant}, ` +
    (prefix === "mean_queue_" ? "averaged over each day" : "at the end of each day") +
    ` (mean over replications); the faint grey line is ${C.base}. Red: the mean wait grew; green: it fell. ` +
    `Each panel has its own scale.`;
  if (!picks.length) { emptyChart("chart-compare-queues", "No crossing's or ferry's mean wait changed significantly."); return; }
  const W = 1240, ncol = Math.min(3, picks.length), gap = 24, w = (W - gap * (ncol - 1)) / ncol, h = 190;
  const parts = [];
  picks.forEach((p, i) => {
    const box = {x0: (i % ncol) * (w + gap), y0: Math.floor(i / ncol) * (h + 16), w, h};
    queuePanel(parts, chartRow(p.r), V, B, prefix + p.q.id, box);
  });
  draw("chart-compare-queues", W, Math.ceil(picks.length / ncol) * (h + 16), parts);
}

// Several variants against one base: one row per variant, best first, by the chosen metric.
function drawRanking() {
  const R = DATA.ranking;
  if (!R) { hide("sec-ranking"); return; }
  byId("ranking-note").textContent = `${R.rows.length} variants against ${R.base}, ranked by ${metricLabel(R.metric)} ` +
    `(${R.higher_is_better ? "higher" : "lower"} is better), paired over ${R.replications} replications with common ` +
    `random numbers (seed ${R.seed}). Significant: the difference is a discovery with the false discovery rate held at ` +
    `${pct(R.fdr, 0)} across the variants (Benjamini\u2013Hochberg); discoveries: metrics significant in the variant's ` +
    `own comparison.` + (C ? ` The comparison below is ${C.variant}'s.` : "");
  table("table-ranking", ["Rank", "Variant", "Base", "Variant value", "Difference", "\u00b1 95 %", "q", "Significant",
                          "Discoveries"],
    R.rows.map((r) => [r.rank, {v: r.variant, cls: "txt"}, metricValue(R.metric, r.base), metricValue(R.metric, r.value),
      metricDiff(R.metric, r.diff, true), metricDiff(R.metric, r.half_width_95), fmt(r.q_value, 3),
      {v: r.significant ? "yes" : "no", cls: r.significant ? "sig" : "nosig"}, r.discoveries]));
}

drawRanking();
if (C) {
  drawCompare();
  drawCompareMap();
  drawCompareQueues();
} else {
  for (const id of ["sec-compare", "sec-compare-map", "sec-compare-queues", "sec-compare-table"]) hide(id);
}
for (const g of document.querySelectorAll(".grid2")) {
  if ([...g.children].every((c) => c.style.display === "none")) g.style.display = "none";
}
document.body.dataset.drawn = "true";
