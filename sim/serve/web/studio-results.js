"use strict";
// corridor studio, part 4: the answers drawn: headline deltas with paired 95 % intervals, shares, queues by
// day, what binds at each element, the capacity search. Every number cell carries data-metric, data-col
// and data-value (the API's number) next to its text.

studio.HEADLINE = [
  ["metrics.throughput_teu_per_day", "Throughput, TEU/day"],
  ["metrics.throughput_trains_per_day", "Throughput, trains/day"],
  ["metrics.throughput_teu_per_day_westbound", "  westbound (from China), TEU/day"],
  ["metrics.throughput_teu_per_day_eastbound", "  eastbound (to China), TEU/day"],
  ["metrics.cost_usd_per_teu", "Cost, USD/TEU"],
  ["metrics.generalized_cost_usd_per_teu", "Generalized cost, USD/TEU"],
  ["metrics.transit_days_mean", "Transit, days (mean)"],
  ["metrics.transit_days_p95", "Transit, days (95th percentile)"],
  ["metrics.containers_in_system", "Containers in the system at the end"],
];
// The headline share's rows: its metrics are named after its region (share_<key>_trains, ...), and a run's
// "share" says which key and the names to label it by ("Via Central Asia, share of China–Europe trains").
studio.shareRows = function (share) {
  const via = (share.avoiding ? "Avoiding " : "Via ") + (share.region_name || share.region);
  const of = share.from_name && share.to_name ? share.from_name + "–" + share.to_name + " " : "";
  const name = (field) => "metrics.share_" + share.key + "_" + field;
  return [
    [name("trains"), via + ", share of " + of + "trains"],
    [name("teu"), via + ", share of " + of + "TEU"],
    [name("trains_westbound"), "  westbound trains"],
    [name("trains_eastbound"), "  eastbound trains"],
  ];
};

function cell(metric, col, value, text, cls) {
  return studio.el("td", { "data-metric": metric, "data-col": col, "data-value": value, class: cls }, [text]);
}

// One table of base, variant, difference and its paired interval for the named metrics.
function comparisonTable(table, rows, metrics, percent) {
  studio.clear(table);
  const byName = new Map(rows.map((r) => [r.name, r]));
  table.append(studio.el("thead", {}, [studio.el("tr", {}, ["Metric", "base", "variant", "difference", "95 % CI (paired)", "real?"].map((h) => studio.el("th", {}, [h])))]));
  const body = studio.el("tbody", {}, []);
  const show = (v) => (percent ? studio.pct(v) : studio.fmt(v));
  for (const [name, label] of metrics) {
    const r = byName.get(name);
    if (!r) continue;
    const d = percent ? studio.fmt(100 * r.diff, 1) + " pt" : studio.signed(r.diff);
    const tr = studio.el("tr", { "data-metric": name }, [
      studio.el("td", {}, [label]),
      cell(name, "base", r.base, show(r.base)),
      cell(name, "variant", r.variant, show(r.variant)),
      cell(name, "diff", r.diff, (percent && r.diff > 0 ? "+" : "") + d, r.significant ? (r.diff > 0 ? "up" : "down") : undefined),
      cell(name, "half_width_95", r.half_width_95, "± " + (percent ? studio.fmt(100 * r.half_width_95, 1) + " pt" : studio.fmt(r.half_width_95))),
      studio.el("td", {}, [r.significant ? "yes" : "no"]),
    ]);
    body.append(tr);
  }
  table.append(body);
}

studio.drawHeadline = function (answer, state) {
  const rows = answer.comparison.rows;
  comparisonTable(studio.$("table-headline"), rows, studio.HEADLINE, false);
  // A variant that reports another region's share has other share metrics: each side's are one-sided, and
  // the comparison has no row for them.
  comparisonTable(studio.$("table-shares"), rows, studio.shareRows(answer.base.share), true);
  const n = answer.replications;
  studio.$("headline-note").textContent =
    answer.comparison.variant + " against " + answer.comparison.base + " · " + n + " paired replication" + (n === 1 ? "" : "s") +
    " (common random numbers)" + (n < 2 ? " · one replication has no interval" : "") + " · answered in " + studio.fmt(answer.timing.total_seconds, 2) + " s";
  // Why nothing moved: the busiest limits, when edits did not change throughput.
  const box = studio.$("nothing-changed");
  const through = rows.find((r) => r.name === "metrics.throughput_teu_per_day");
  const edited = Object.keys(state.edits).length + Object.keys(state.overlay).length > 0;
  if (edited && through && !through.significant) {
    const busiest = answer.bottlenecks.variant.slice().sort((a, b) => b.use - a.use).slice(0, 3);
    box.textContent = "Throughput did not change significantly. The most used limits in the variant: " +
      busiest.map((b) => b.id + " (" + b.binding.replace("_", " ") + ", " + studio.pct(b.use, 0) + ")").join(", ") + ".";
    box.classList.remove("hidden");
  } else {
    box.classList.add("hidden");
  }
};

// One run's trains waiting by day (each day's time-averaged queue) at a crossing or ferry (by id) or outside
// a port's yard ("port:<id>"); null when the run has no such queue.
studio.queueSeries = function (run, id) {
  if (id.startsWith("port:")) {
    const port = (run.daily.ports || {})[id.slice(5)];
    return port ? port.mean_trains_outside : null;
  }
  return run.daily.queues[id] ? run.daily.queues[id].mean_queue_trains : null;
};

// Trains waiting by day (each day's time-averaged queue) for one queue, base in grey and variant in blue.
studio.drawQueues = function (svg, base, variant, id) {
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 220;
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  studio.clear(svg);
  const series = [];
  for (const [run, cls] of [[base, "series-base"], [variant, "series-variant"]]) {
    const values = run ? studio.queueSeries(run, id) : null;
    if (values) series.push({ cls: cls, days: run.daily.day, values: values });
  }
  if (!series.length) return;
  const left = 40;
  const bottom = height - 22;
  const days = series[0].days;
  const maxY = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i) => left + ((width - left - 10) * i) / Math.max(1, days.length - 1);
  const y = (v) => bottom - ((bottom - 10) * v) / maxY;
  svg.append(studio.svg("line", { class: "axis-line", x1: left, y1: bottom, x2: width - 10, y2: bottom }));
  svg.append(studio.svg("line", { class: "axis-line", x1: left, y1: 10, x2: left, y2: bottom }));
  svg.append(studio.svg("text", { class: "axis", x: 2, y: 16 }, [studio.fmt(maxY, 1)]));
  svg.append(studio.svg("text", { class: "axis", x: 2, y: bottom }, ["0"]));
  svg.append(studio.svg("text", { class: "axis", x: left, y: height - 6 }, ["day " + days[0]]));
  svg.append(studio.svg("text", { class: "axis", x: width - 60, y: height - 6 }, ["day " + days[days.length - 1]]));
  for (const s of series) {
    const d = s.values.map((v, i) => (i ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1)).join("");
    svg.append(studio.svg("path", { class: s.cls, d: d, "data-series": s.cls }));
  }
};

studio.LIMIT_NAMES = { tracks: "tracks", daily_cap: "daily cap", slots: "line slots", ferry_capacity: "ferry capacity", berths: "berths", yard: "yard" };

studio.drawBottlenecks = function (table, warnings, elements) {
  studio.clear(table);
  studio.clear(warnings);
  table.append(studio.el("thead", {}, [studio.el("tr", {}, ["Element", "kind", "binds", "use", "headroom", "other limits", "mean wait h", "mean queue", "queue trend"].map((h) => studio.el("th", {}, [h])))]));
  const body = studio.el("tbody", {}, []);
  for (const b of elements.slice().sort((p, q) => q.use - p.use)) {
    const others = b.limits.slice(1).map((l) => studio.LIMIT_NAMES[l.kind] + " " + studio.pct(l.use, 0)).join(", ");
    const trend = b.kind === "line" ? "" : (b.unstable ? "⚠ grows " : "") + studio.signed(b.queue_rise_trains, 1);
    body.append(studio.el("tr", { "data-id": b.id, class: b.unstable ? "unstable" : undefined }, [
      studio.el("td", {}, [b.id]),
      studio.el("td", {}, [b.kind]),
      studio.el("td", {}, [studio.LIMIT_NAMES[b.binding] || b.binding]),
      cell(b.id, "use", b.use, studio.pct(b.use)),
      cell(b.id, "headroom", b.headroom, studio.pct(b.headroom)),
      studio.el("td", {}, [others]),
      studio.el("td", {}, [studio.fmt(b.mean_wait_h, 1)]),
      studio.el("td", {}, [studio.fmt(b.mean_queue_trains, 2)]),
      studio.el("td", {}, [trend]),
    ]));
    if (b.unstable) {
      warnings.append(studio.el("div", { class: "warning", "data-id": b.id }, [
        "⚠ " + b.id + ": the queue grows through the window (" + studio.fmt(b.queue_first_third, 1) + " trains waiting in its first third, " +
        studio.fmt(b.queue_last_third, 1) + " in its last): demand exceeds what " + (studio.LIMIT_NAMES[b.binding] || b.binding) + " allow.",
      ]));
    }
  }
  table.append(body);
};

studio.drawCapacity = function (result, table, answer) {
  const s = answer.search;
  const growth = (f) => studio.signed(100 * (f - 1), 0) + " %";
  if (s.outcome === "found") {
    result.textContent = "p95 transit exceeds " + studio.fmt(s.threshold, 1) + " days when demand grows by " + growth(s.exceeded_factor) +
      " (it stays within up to " + growth(s.capacity_factor) + ").";
  } else if (s.outcome === "beyond_range") {
    result.textContent = "p95 transit stays within " + studio.fmt(s.threshold, 1) + " days up to " + growth(s.capacity_factor) + " demand, the largest tried.";
  } else {
    result.textContent = "p95 transit exceeds " + studio.fmt(s.threshold, 1) + " days even at " + growth(s.exceeded_factor) + " demand.";
  }
  result.setAttribute("data-capacity-factor", s.capacity_factor);
  studio.clear(table);
  table.append(studio.el("tr", {}, ["demand factor", "p95 transit, days", "± 95 %"].map((h) => studio.el("th", {}, [h]))));
  for (const p of s.probes) {
    table.append(studio.el("tr", {}, [studio.el("td", {}, [studio.fmt(p.factor, 3)]), studio.el("td", {}, [studio.fmt(p.value, 2)]), studio.el("td", {}, [studio.fmt(p.half_width_95, 2)])]));
  }
};
