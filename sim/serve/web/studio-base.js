"use strict";
// corridor studio, part 1: the namespace every part adds to, and its helpers (elements, numbers, the API,
// the state in the URL fragment).
window.studio = {};

const SVG_NS = "http://www.w3.org/2000/svg";

// An element: el("td", {class: "x", "data-value": 3}, ["text", child]); SVG tags when svg is true.
studio.el = function (tag, attrs, children, svg) {
  const node = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  for (const child of children || []) {
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
};
studio.svg = function (tag, attrs, children) {
  return studio.el(tag, attrs, children, true);
};
studio.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};
studio.$ = function (id) {
  return document.getElementById(id);
};

// Decimals that suit a number's size: what the tables print, and what the tests read back.
studio.digits = function (v) {
  const a = Math.abs(v);
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
};
studio.fmt = function (v, digits) {
  if (v === null || v === undefined || !isFinite(v)) return "–";
  const d = digits === undefined ? studio.digits(v) : digits;
  return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
};
studio.signed = function (v, digits) {
  return (v > 0 ? "+" : "") + studio.fmt(v, digits);
};
studio.pct = function (v, digits) {
  return studio.fmt(100 * v, digits === undefined ? 1 : digits) + " %";
};

// The API: JSON in and out; an answer that is not 2xx throws an Error carrying status and body.
studio.api = async function (method, path, body) {
  const init = { method: method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const json = await res.json();
  if (!res.ok) {
    const err = new Error(json.error || "HTTP " + res.status);
    err.status = res.status;
    err.body = json;
    throw err;
  }
  return json;
};

// The page's state as a URL fragment and back: edits as [path, op, value], the overlay, replications.
studio.encodeState = function (state) {
  const edits = Object.values(state.edits).map((e) => [e.path, e.op, e.value]);
  return "#state=" + encodeURIComponent(JSON.stringify({ e: edits, o: state.overlay, r: state.replications }));
};
studio.decodeState = function (hash) {
  const m = /^#state=(.*)$/.exec(hash || "");
  if (!m) return null;
  try {
    const raw = JSON.parse(decodeURIComponent(m[1]));
    const edits = {};
    for (const [path, op, value] of raw.e || []) edits[path] = { path: path, op: op, value: value };
    return { edits: edits, overlay: raw.o || {}, replications: raw.r };
  } catch (err) {
    console.warn("studio: the link's state does not read: " + err.message);
    return null;
  }
};

// A value of the scenario JSON at a dotted path ("nodes.khorgos.tracks"), or undefined.
studio.lookup = function (scenario, path) {
  let at = scenario;
  for (const part of path.split(".")) {
    if (at === null || typeof at !== "object" || !(part in at)) return undefined;
    at = at[part];
  }
  return at;
};
