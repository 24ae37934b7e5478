"use strict";
// corridor studio, part 2: the map. Country outlines from world-atlas's TopoJSON (decoded here), the network
// over them: lines coloured by utilisation and as wide as their TEU per day, nodes clickable.

// TopoJSON arcs (quantized, delta-encoded) to [lon, lat] points.
studio.decodeArcs = function (topo) {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [p[0], p[1]];
    });
  });
};

// Each country's rings as lists of [lon, lat] (an arc index i < 0 stands for arc ~i reversed).
studio.countryRings = function (topo) {
  const arcs = studio.decodeArcs(topo);
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const out = [];
  for (const g of topo.objects.countries.geometries) {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    for (const polygon of polygons) for (const r of polygon) out.push(ring(r));
  }
  return out;
};

// Equirectangular, shrunk by cos(mid latitude), fitted to the nodes with a margin.
studio.projection = function (nodes, width, height) {
  const lons = nodes.map((n) => n.lon);
  const lats = nodes.map((n) => n.lat);
  const west = Math.min(...lons) - 3;
  const east = Math.max(...lons) + 3;
  const south = Math.min(...lats) - 3;
  const north = Math.max(...lats) + 3;
  const k = Math.cos(((south + north) / 2) * (Math.PI / 180));
  const scale = Math.min(width / ((east - west) * k), height / (north - south));
  const ox = (width - (east - west) * k * scale) / 2;
  const oy = (height - (north - south) * scale) / 2;
  return (lon, lat) => [ox + (lon - west) * k * scale, oy + (north - lat) * scale];
};

studio.utilColour = function (u) {
  const x = Math.max(0, Math.min(1, u || 0));
  return "hsl(" + Math.round(120 * (1 - x)) + ", 70%, " + Math.round(42 - 8 * x) + "%)";
};

// What the map shows of one run: per edge {teu_per_day, use}, per node {use}, from its map and summary.
studio.mapValues = function (run) {
  const days = run.summary.run ? Math.max(1, studio.windowDays(run)) : 1;
  const edges = {};
  const nodes = {};
  for (const f of run.flows.features) {
    const p = f.properties;
    if (f.geometry.type === "LineString") {
      edges[p.id] = { teu_per_day: p.teu / days, use: p.utilization, trains_per_day: p.trains / days };
    } else if (p.utilization !== undefined) {
      nodes[p.id] = { use: p.utilization, trains_per_day: p.trains / days };
    }
  }
  // A ferry leg queues at each end ("leg@port"): the busier direction colours the leg.
  const ferryUse = {};
  for (const [id, f] of Object.entries(run.summary.ferries || {})) {
    const leg = id.split("@")[0];
    ferryUse[leg] = Math.max(ferryUse[leg] || 0, f.utilization);
  }
  for (const [leg, use] of Object.entries(ferryUse)) {
    if (edges[leg]) edges[leg].use = use;
  }
  return { edges: edges, nodes: nodes };
};

// The window's length in days: the daily series' count (every day of the window has a row).
studio.windowDays = function (run) {
  return run.daily && run.daily.day ? run.daily.day.length : 1;
};

studio.drawMap = function (svg, scenario, outlines, run, edited, selected, onPick) {
  const width = svg.clientWidth || 900;
  const height = svg.clientHeight || 460;
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  studio.clear(svg);
  const ids = Object.keys(scenario.nodes);
  const nodeList = ids.map((id) => Object.assign({ id: id }, scenario.nodes[id]));
  const project = studio.projection(nodeList, width, height);
  const at = (id) => project(scenario.nodes[id].lon, scenario.nodes[id].lat);
  if (outlines) {
    const g = studio.svg("g", { id: "map-outlines" });
    for (const ring of studio.countryRings(outlines)) {
      const d = ring.map((p, i) => (i ? "L" : "M") + project(p[0], p[1]).map((v) => v.toFixed(1)).join(",")).join("") + "Z";
      g.append(studio.svg("path", { class: "country", d: d }));
    }
    svg.append(g);
  }
  const values = run ? studio.mapValues(run) : { edges: {}, nodes: {} };
  const maxTeu = Math.max(1, ...Object.values(values.edges).map((v) => v.teu_per_day));
  for (const [id, e] of Object.entries(scenario.edges)) {
    const a = at(e.from);
    const b = at(e.to);
    const v = values.edges[id] || { teu_per_day: 0, use: 0 };
    const strokeWidth = 1 + 9 * Math.sqrt(v.teu_per_day / maxTeu);
    const cls = "edge " + e.mode + (edited.has(id) ? " edited" : "") + (selected === id ? " selected" : "");
    const line = studio.svg("line", {
      class: cls, x1: a[0], y1: a[1], x2: b[0], y2: b[1], "stroke-width": strokeWidth.toFixed(2),
      stroke: studio.utilColour(v.use), "data-id": id,
    });
    line.append(studio.svg("title", {}, [id + ": " + studio.fmt(v.teu_per_day, 0) + " TEU/day, " + studio.pct(v.use) + " used"]));
    const hit = studio.svg("line", { class: "hit", x1: a[0], y1: a[1], x2: b[0], y2: b[1], "data-id": id });
    hit.addEventListener("click", () => onPick("edge", id));
    svg.append(line, hit);
  }
  for (const n of nodeList) {
    const p = at(n.id);
    const v = values.nodes[n.id];
    const r = n.kind === "crossing" ? 6 : n.kind === "junction" ? 2.5 : 4.5;
    // A port that is a resource has its berths' utilisation (flows.geojson), coloured as a crossing's.
    const fill = n.kind === "crossing" ? studio.utilColour(v ? v.use : 0) : n.kind === "port" ? (v ? studio.utilColour(v.use) : "#5b8def") : n.kind === "terminal" ? "#323f4b" : "#9aa5b1";
    const cls = "node " + n.kind + (selected === n.id ? " selected" : "");
    const dot = studio.svg("circle", { class: cls, cx: p[0], cy: p[1], r: r, fill: fill, "data-id": n.id });
    dot.append(studio.svg("title", {}, [n.id + " (" + n.kind + ")" + (v ? ": " + (n.kind === "port" ? "berths " : "") + studio.pct(v.use) + " used" : "")]));
    if (n.kind !== "junction") dot.addEventListener("click", () => onPick("node", n.id));
    svg.append(dot);
    if (n.kind === "crossing" || edited.has(n.id)) {
      svg.append(studio.svg("text", { class: "label", x: p[0] + 7, y: p[1] - 5 }, [n.id]));
    }
  }
};
