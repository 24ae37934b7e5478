"use strict";
// corridor studio, part 3: the controls. Global ones and each element's fields are tables below: a new
// parameter is one line. A control either edits a parameter path (sent as an edit {path, op, value}: the
// server resolves wildcards such as flows.*.teu_per_week) or sets a key of the overlay.

// Scenario-wide controls. `path` + `op` ("set" or "scale") make an edit; `overlay` names an overlay key.
// `neutral` is the value that means "no change" (the edit is dropped there).
studio.GLOBAL_CONTROLS = [
  { id: "demand", label: "Demand scale (scale_demand)", overlay: "scale_demand", min: 0.1, max: 5, step: 0.05, neutral: 1 },
  // When markets land (issue: markets), e.g.:
  // { id: "growth", label: "Market growth", path: "markets.*.teu_per_year", op: "scale", min: 0.5, max: 3, step: 0.05, neutral: 1 },
  // { id: "ocean", label: "Ocean rate, USD/TEU", path: "ocean.rate_usd_per_teu", op: "set", min: 0, max: 20000, step: 50 },
];

// Fields an element's editor offers, by node kind or edge mode: a key of that entry in the scenario file.
studio.ELEMENT_FIELDS = {
  crossing: [
    { key: "tracks", label: "Tracks", step: 1 },
    { key: "daily_cap_trains", label: "Daily cap, trains (0: none)", step: 1 },
    { key: "fee_usd_per_teu", label: "Fee, USD/TEU", step: 1 },
  ],
  terminal: [
    { key: "subsidy_usd_per_teu", label: "Subsidy, USD/TEU", step: 10 },
    { key: "handling_usd_per_teu", label: "Handling, USD/TEU", step: 5 },
  ],
  port: [{ key: "handling_usd_per_teu", label: "Handling, USD/TEU", step: 5 }],
  junction: [],
  rail: [
    { key: "slots_per_day", label: "Slots per day each way (0: unlimited)", step: 1 },
    { key: "tariff_usd_per_teu_km", label: "Tariff, USD/TEU-km", step: 0.01 },
  ],
  ferry: [
    { key: "capacity_teu", label: "Capacity per sailing, TEU", step: 10 },
    { key: "every_days", label: "Days between sailings", step: 0.5 },
    { key: "fare_usd_per_teu", label: "Fare, USD/TEU", step: 10 },
  ],
};

studio.newState = function (replications) {
  return { edits: {}, overlay: {}, replications: replications };
};

// Sets (or, at the base value, drops) the edit of a path.
studio.setEdit = function (state, path, op, value, baseValue) {
  if (value === baseValue) delete state.edits[path];
  else state.edits[path] = { path: path, op: op, value: value };
};

// The ids the edits and the overlay touch: nodes and edges, for the map to mark.
studio.editedIds = function (state) {
  const ids = new Set();
  for (const path of Object.keys(state.edits)) {
    const parts = path.split(".");
    if (parts[0] === "nodes" || parts[0] === "edges") ids.add(parts[1]);
  }
  for (const d of Object.values(state.overlay.disruptions || {})) ids.add(d.target);
  return ids;
};

function numberField(label, value, step, onChange, edited, id) {
  const input = studio.el("input", { type: "number", step: step, value: value, id: id });
  input.addEventListener("change", () => {
    const v = Number(input.value);
    if (input.value !== "" && isFinite(v)) onChange(v);
  });
  return studio.el("div", { class: "field" + (edited ? " edited" : "") }, [studio.el("label", { for: id }, [label]), input]);
}

studio.drawGlobalControls = function (host, state, scenario, info, onChange) {
  studio.clear(host);
  for (const c of studio.GLOBAL_CONTROLS) {
    let value;
    if (c.overlay) value = c.overlay in state.overlay ? state.overlay[c.overlay] : c.neutral;
    else value = c.path in state.edits ? state.edits[c.path].value : c.neutral !== undefined ? c.neutral : studio.lookup(scenario, c.path);
    host.append(numberField(c.label, value, c.step, (v) => {
      if (c.overlay) {
        if (v === c.neutral) delete state.overlay[c.overlay];
        else state.overlay[c.overlay] = v;
      } else {
        studio.setEdit(state, c.path, c.op, v, c.neutral !== undefined ? c.neutral : studio.lookup(scenario, c.path));
      }
      onChange();
    }, false, "control-" + c.id));
  }
  host.append(numberField("Replications (paired)", state.replications, 1, (v) => {
    state.replications = Math.max(1, Math.min(info.max_replications, Math.round(v)));
    onChange();
  }, false, "control-replications"));
};

// Every element the editor knows, for the chooser next to the map (elements close together on the map, such
// as Khorgos and Altynkol, overlap there): crossings, then terminals and ports, slotted lines, ferries.
studio.drawElementChoice = function (select, scenario, pick) {
  studio.clear(select);
  select.append(studio.el("option", { value: "" }, ["–"]));
  const groups = [
    ["Crossings", "node", (n) => n.kind === "crossing"],
    ["Terminals and ports", "node", (n) => n.kind === "terminal" || n.kind === "port"],
    ["Lines with slots", "edge", (e) => e.mode === "rail" && e.slots_per_day > 0],
    ["Ferries", "edge", (e) => e.mode === "ferry"],
  ];
  for (const [label, kind, keep] of groups) {
    const entries = Object.entries(kind === "node" ? scenario.nodes : scenario.edges).filter(([, x]) => keep(x));
    const group = studio.el("optgroup", { label: label }, entries.map(([id]) => studio.el("option", { value: kind + ":" + id }, [id])));
    if (entries.length) select.append(group);
  }
  select.value = pick ? pick.kind + ":" + pick.id : "";
};

// The editor of one node or edge: its fields as parameter paths, and a closure with dates.
studio.drawEditor = function (host, title, state, scenario, pick, onChange) {
  studio.clear(host);
  if (!pick) {
    title.textContent = "Click a crossing, line, ferry or terminal on the map";
    return;
  }
  const section = pick.kind === "node" ? "nodes" : "edges";
  const entry = scenario[section][pick.id];
  const kind = pick.kind === "node" ? entry.kind : entry.mode;
  title.textContent = pick.id + " (" + kind + ")";
  for (const f of studio.ELEMENT_FIELDS[kind] || []) {
    const path = section + "." + pick.id + "." + f.key;
    const base = entry[f.key];
    const value = path in state.edits ? state.edits[path].value : base;
    host.append(numberField(f.label + " (base " + studio.fmt(base, f.step < 1 ? 2 : 0) + ")", value, f.step, (v) => {
      studio.setEdit(state, path, "set", v, base);
      onChange();
    }, path in state.edits, "field-" + f.key));
  }
  // A closure (or a cut to a fraction of capacity) between two days of the year: an overlay disruption.
  const key = "studio-" + pick.id;
  const current = (state.overlay.disruptions || {})[key];
  const d = current || { target: pick.id, from_day: 0, to_day: 14, capacity_factor: 0 };
  const box = studio.el("input", { type: "checkbox", id: "closure-on" });
  box.checked = Boolean(current);
  const fields = studio.el("div", {}, []);
  const update = () => {
    state.overlay.disruptions = state.overlay.disruptions || {};
    if (box.checked) state.overlay.disruptions[key] = Object.assign({}, d);
    else delete state.overlay.disruptions[key];
    if (Object.keys(state.overlay.disruptions).length === 0) delete state.overlay.disruptions;
    onChange();
  };
  box.addEventListener("change", update);
  for (const [field, label] of [["from_day", "Closed from day (0: 1 January)"], ["to_day", "until day"], ["capacity_factor", "Capacity left (0: closed)"]]) {
    fields.append(numberField(label, d[field], field === "capacity_factor" ? 0.1 : 1, (v) => {
      d[field] = v;
      if (box.checked) update();
    }, Boolean(current), "closure-" + field));
  }
  host.append(studio.el("div", { class: "field" + (current ? " edited" : "") }, [studio.el("label", { for: "closure-on" }, ["Closure"]), box]), fields);
};

studio.drawEditList = function (host, state, onChange) {
  studio.clear(host);
  const item = (text, remove) => {
    const button = studio.el("button", { type: "button", title: "Undo" }, ["×"]);
    button.addEventListener("click", () => {
      remove();
      onChange();
    });
    return studio.el("li", {}, [text, button]);
  };
  for (const e of Object.values(state.edits)) {
    host.append(item(e.path + (e.op === "scale" ? " × " : " = ") + e.value, () => delete state.edits[e.path]));
  }
  for (const [k, v] of Object.entries(state.overlay)) {
    if (k === "disruptions") {
      for (const [id, d] of Object.entries(v)) {
        host.append(item("closure " + d.target + " days " + d.from_day + "–" + d.to_day + " at " + d.capacity_factor, () => {
          delete state.overlay.disruptions[id];
          if (Object.keys(state.overlay.disruptions).length === 0) delete state.overlay.disruptions;
        }));
      }
    } else {
      host.append(item(k + ": " + JSON.stringify(v), () => delete state.overlay[k]));
    }
  }
  if (!host.firstChild) host.append(studio.el("li", {}, ["none: the variant is the base"]));
};
