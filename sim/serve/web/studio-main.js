"use strict";
// corridor studio, part 5: the wiring. Loads the scenario and the base, redraws on every change, sends the
// newest state to /api/compare (answers to older states are dropped; the server stops their runs), shows
// progress while it runs, keeps the state in the URL fragment, and exports it as an overlay.

const page = { info: null, scenario: null, outlines: null, base: null, answer: null, state: null, pick: null, sent: 0, timer: 0, poll: 0 };

function setStatus(text, state) {
  studio.$("status").textContent = text;
  if (state) document.body.setAttribute("data-state", state);
}

function showError(err) {
  const box = studio.$("error");
  if (!err) {
    box.classList.add("hidden");
    return;
  }
  const lines = [err.message];
  for (const d of (err.body && err.body.diagnostics) || []) lines.push("  " + d.where + ": " + d.message);
  box.textContent = lines.join("\n");
  box.classList.remove("hidden");
}

function hasEdits(state) {
  return Object.keys(state.edits).length > 0 || Object.keys(state.overlay).length > 0;
}

function pollProgress(on) {
  window.clearInterval(page.poll);
  studio.$("progress-bar").style.width = on ? "2%" : "0";
  if (!on) return;
  page.poll = window.setInterval(async () => {
    try {
      const p = await studio.api("GET", "/api/progress");
      if (p.state === "running" && p.total > 0) {
        studio.$("progress-bar").style.width = Math.round((100 * p.done) / p.total) + "%";
        setStatus("Running " + p.kind + ": " + p.done + " of " + p.total + " replications…");
      }
    } catch (err) {
      console.warn("studio: progress: " + err.message);
    }
  }, 200);
}

function currentRun() {
  return page.answer ? page.answer.variant : page.base.run;
}

function drawMap() {
  studio.drawMap(studio.$("map"), page.scenario, page.outlines, currentRun(), studio.editedIds(page.state), page.pick && page.pick.id, pick);
}

function pick(kind, id) {
  page.pick = id ? { kind: kind, id: id } : null;
  drawPanel();
  drawMap();
  if (id) drawQueueChoice(id);
}

function drawPanel() {
  studio.drawGlobalControls(studio.$("global-controls"), page.state, page.scenario, page.info, changed);
  studio.drawElementChoice(studio.$("element-select"), page.scenario, page.pick);
  studio.drawEditor(studio.$("editor-fields"), studio.$("editor-title"), page.state, page.scenario, page.pick, changed);
  studio.drawEditList(studio.$("edit-list"), page.state, changed);
}

// The queue chart's choices; `prefer` (a picked element) is shown when it has a queue.
function drawQueueChoice(prefer) {
  const select = studio.$("queue-select");
  const shown = currentRun();
  // Crossings and ferries by id, then resource ports as "port:<id>" (their trains held outside the yard).
  const ids = Object.keys(shown.daily.queues).concat(Object.keys(shown.daily.ports || {}).map((id) => "port:" + id));
  if (!ids.length) return;
  const portId = "port:" + prefer;
  let chosen = ids.includes(prefer) ? prefer : ids.includes(portId) ? portId : select.value;
  if (!ids.includes(chosen)) {
    const mean = (id) => studio.queueSeries(shown, id).reduce((a, b) => a + b, 0);
    chosen = ids.slice().sort((a, b) => mean(b) - mean(a))[0];
  }
  studio.clear(select);
  for (const id of ids) {
    const label = id.startsWith("port:") ? id.slice(5) + " (port: trains outside the yard)" : id;
    select.append(studio.el("option", { value: id }, [label]));
  }
  select.value = chosen;
  studio.drawQueues(studio.$("chart-queues"), page.base.run, page.answer ? page.answer.variant : null, chosen);
}

function drawResults() {
  drawMap();
  drawQueueChoice();
  const elements = page.answer ? page.answer.bottlenecks.variant : page.base.bottlenecks;
  studio.drawBottlenecks(studio.$("table-bottlenecks"), studio.$("bottleneck-warnings"), elements);
  if (page.answer) studio.drawHeadline(page.answer, page.state);
}

function requestBody() {
  return { overlay: page.state.overlay, edits: Object.values(page.state.edits), replications: page.state.replications };
}

async function run() {
  const seq = ++page.sent;
  showError(null);
  setStatus("Running the variant…", "running");
  pollProgress(true);
  try {
    const answer = await studio.api("POST", "/api/compare", requestBody());
    if (seq !== page.sent) return;
    page.answer = answer;
    drawResults();
    document.body.setAttribute("data-job", answer.job);
    setStatus("Done in " + studio.fmt(answer.timing.total_seconds, 2) + " s (" + answer.replications + " paired replications)", "done");
  } catch (err) {
    if (seq !== page.sent || err.status === 409) return;  // a newer state replaced this one
    showError(err);
    setStatus("The variant did not run: " + err.message, "error");
  } finally {
    if (seq === page.sent) pollProgress(false);
  }
}

function changed() {
  history.replaceState(null, "", studio.encodeState(page.state));
  studio.$("share-link").href = location.href;
  drawPanel();
  drawMap();
  window.clearTimeout(page.timer);
  page.timer = window.setTimeout(run, 250);
}

async function exportOverlay() {
  try {
    const answer = await studio.api("POST", "/api/export", { overlay: page.state.overlay, edits: Object.values(page.state.edits) });
    studio.$("export-yaml").value = answer.yaml;
    const link = studio.$("download-yaml");
    link.href = URL.createObjectURL(new Blob([answer.yaml], { type: "text/yaml" }));
    link.setAttribute("download", answer.file_name);
    link.textContent = "Download " + answer.file_name;
    link.classList.remove("hidden");
    studio.$("share-link").href = location.href;
    document.body.setAttribute("data-exported", "true");
  } catch (err) {
    showError(err);
  }
}

async function findCapacity() {
  const body = requestBody();
  body.replications = Number(studio.$("capacity-replications").value) || 2;
  body.threshold_days = Number(studio.$("capacity-threshold").value);
  ++page.sent;
  showError(null);
  setStatus("Searching the corridor's capacity…", "running");
  pollProgress(true);
  try {
    const answer = await studio.api("POST", "/api/capacity", body);
    studio.drawCapacity(studio.$("capacity-result"), studio.$("table-capacity"), answer);
    setStatus("Capacity found", "done");
  } catch (err) {
    if (err.status !== 409) {
      showError(err);
      setStatus("The capacity search did not run: " + err.message, "error");
    }
  } finally {
    pollProgress(false);
  }
}

async function load() {
  try {
    const [info, scenario, base, outlines] = await Promise.all([
      studio.api("GET", "/api/info"),
      studio.api("GET", "/api/scenario"),
      studio.api("GET", "/api/base"),
      fetch("/static/countries-110m.json").then((r) => r.json()),
    ]);
    Object.assign(page, { info: info, scenario: scenario, base: base, outlines: outlines });
    page.state = studio.decodeState(location.hash) || studio.newState(info.replications);
    page.state.replications = page.state.replications || info.replications;
    studio.$("scenario-name").textContent = info.name + " · " + info.file + " · seed " + info.seed;
    const p95 = base.run.summary.metrics.transit_days_p95;
    studio.$("capacity-threshold").value = (Math.ceil(p95 * 1.25 * 2) / 2).toFixed(1);
    studio.$("share-link").href = location.href;
    studio.$("queue-select").addEventListener("change", () => drawQueueChoice(studio.$("queue-select").value));
    studio.$("btn-reset").addEventListener("click", () => {
      page.state = studio.newState(info.replications);
      page.answer = null;
      changed();
    });
    studio.$("btn-export").addEventListener("click", exportOverlay);
    studio.$("element-select").addEventListener("change", (e) => {
      const [kind, id] = e.target.value.split(":");
      pick(kind, id);
    });
    studio.$("btn-capacity").addEventListener("click", findCapacity);
    window.addEventListener("resize", drawResults);
    drawPanel();
    drawResults();
    if (hasEdits(page.state)) {
      run();
    } else {
      setStatus("Base ready (" + base.replications + " replications): edit something to compare", "ready");
    }
  } catch (err) {
    showError(err);
    setStatus("The studio did not load: " + err.message, "error");
  }
}

load();
