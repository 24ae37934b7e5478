"use strict";
// The studio in headless Chromium, as a planner uses it: `corridor serve` on a copy of the baseline, the page
// opened by puppeteer-core; a crossing picked on the map, then Khorgos given two more tracks; once the answer is drawn,
// every number of the comparison tables must be the API's for the same request, the exported overlay must
// pass `corridor validate` and `corridor run` it to the variant's numbers, and the page's link must restore
// the state; then, served middle-corridor-2030, its ports on the map, in the queue chart and among the
// bottlenecks. Fails on anything the page logs as an error. Screenshots: BUILD_DIR/studio-screenshot.png (the page), studio-top.jpg (its top, as docs/studio.jpg) and
// studio-link-screenshot.png.
//   node studio_browser_test.cjs CORRIDOR SOURCE_DIR BUILD_DIR CHROMIUM
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const [corridor, sourceDir, buildDir, chromium] = process.argv.slice(2);
if (!chromium) {
  console.error("usage: node studio_browser_test.cjs CORRIDOR SOURCE_DIR BUILD_DIR CHROMIUM");
  process.exit(2);
}
const puppeteer = require(path.join(buildDir, "studio-web", "node_modules", "puppeteer-core"));
const REPLICATIONS = 2;

function fail(message) {
  throw new Error(message);
}

// `corridor serve` on FILE at an ephemeral port; resolves with the child and the address it prints.
function startServer(file) {
  const child = spawn(corridor, ["serve", file, "--port", "0", "-r", String(REPLICATIONS)], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child: child, url: m[1] });
    });
    child.on("exit", (code) => reject(new Error("corridor serve exited with " + code + ": " + err)));
  });
}

async function api(url, method, body) {
  const res = await fetch(url, { method: method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) fail(method + " " + url + ": " + res.status + " " + JSON.stringify(json));
  return json;
}

// Every number cell of the comparison tables: its metric, column, the API's value it carries and its text.
function tableCells(page) {
  return page.$$eval("#table-headline td[data-metric], #table-shares td[data-metric]", (tds) =>
    tds.map((td) => ({ metric: td.dataset.metric, col: td.dataset.col, value: Number(td.dataset.value), text: td.textContent })));
}

// The number a cell shows, and the precision it shows it with: "8,217.1" -> [8217.1, 0.1]; "72.4 %" -> [0.724, 0.001].
function shown(text) {
  const percent = /%| pt/.test(text);
  const m = /[-+]?[\d,]*\.?\d+/.exec(text.replace("−", "-"));
  if (!m) return null;
  const digits = (m[0].split(".")[1] || "").length;
  const scale = percent ? 100 : 1;
  return [Number(m[0].replace(/,/g, "")) / scale, Math.pow(10, -digits) / scale];
}

async function waitForAnswer(page, job) {
  await page.waitForFunction((previous) => document.body.dataset.state === "done" && document.body.dataset.job !== previous,
    { timeout: 600000, polling: 100 }, job || "");
  return page.evaluate(() => document.body.dataset.job);
}

// The studio on middle-corridor-2030, whose ports are resources: Aktau coloured by its berths on the map, its
// trains outside the yard among the queues, its berths and yard among the bottlenecks.
async function portsAreShown(browser, work, problems) {
  for (const name of ["baseline-2025.yaml", "middle-corridor-2030.yaml"])
    fs.copyFileSync(path.join(sourceDir, "scenarios", name), path.join(work, name));
  const server = await startServer(path.join(work, "middle-corridor-2030.yaml"));
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on("console", (msg) => { if (msg.type() === "error") problems.push("console (ports): " + msg.text()); });
    page.on("pageerror", (e) => problems.push("page error (ports): " + e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 600000 });
    const fill = await page.$eval('circle.port[data-id="aktau"]', (c) => c.getAttribute("fill") + " " + c.textContent);
    if (fill.startsWith("#5b8def") || !fill.includes("berths")) fail("the map does not colour Aktau by its berths: " + fill);
    const options = await page.$$eval("#queue-select option", (o) => o.map((x) => x.value + "=" + x.textContent));
    if (!options.includes("port:aktau=aktau (port: trains outside the yard)")) fail("the queue choice lacks Aktau's yard: " + options.join(", "));
    await page.select("#queue-select", "port:aktau");
    const drawn = await page.$$eval("#chart-queues path.series-base", (p) => p.length);
    if (drawn !== 1) fail("the queue chart draws " + drawn + " series for Aktau's yard");
    const row = await page.$$eval('#table-bottlenecks tr[data-id="aktau"] td', (tds) => tds.map((t) => t.textContent));
    if (row[1] !== "port" || !["berths", "yard"].includes(row[2]) || !/(berths|yard) \d+/.test(row[5]))
      fail("the bottleneck table's Aktau row is " + JSON.stringify(row));
    console.log("studio_browser_test: middle-corridor-2030's ports on the map, in the queue chart and the bottlenecks (" + row.slice(0, 4).join(" ") + ")");
  } finally {
    server.child.kill("SIGTERM");
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "studio-browser-"));
  const scenario = path.join(work, "baseline-2025.yaml");
  fs.copyFileSync(path.join(sourceDir, "scenarios", "baseline-2025.yaml"), scenario);
  const { child, url } = await startServer(scenario);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on("console", (msg) => { if (msg.type() === "error") problems.push("console: " + msg.text()); });
    page.on("pageerror", (e) => problems.push("page error: " + e.message));
    page.on("requestfailed", (r) => problems.push("request failed: " + r.url()));
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 600000 });
    const outlines = await page.$$eval("#map-outlines path", (p) => p.length);
    if (outlines < 100) fail("the map has " + outlines + " country outlines");
    console.log("studio_browser_test: the base is drawn, " + outlines + " country outlines on the map");

    // A crossing clicked on the map opens in the editor (one on top there: Khorgos lies under Altynkol).
    const onTop = await page.$$eval("circle.crossing", (dots) => dots.map((d) => {
      const r = d.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit === d ? d.dataset.id : null;
    }).filter(Boolean));
    if (!onTop.length) fail("no crossing can be clicked on the map");
    await page.click('circle[data-id="' + onTop[0] + '"]');
    await page.waitForFunction((id) => document.getElementById("editor-title").textContent.startsWith(id + " "), {}, onTop[0]);
    // Khorgos, chosen from the list: two more tracks.
    await page.select("#element-select", "node:khorgos");
    await page.waitForFunction(() => document.getElementById("editor-title").textContent.startsWith("khorgos "));
    const base = await api(url + "api/scenario", "GET");
    const tracks = base.nodes.khorgos.tracks + 2;
    await page.click("#field-tracks", { clickCount: 3 });
    await page.keyboard.type(String(tracks));
    await page.keyboard.press("Tab");
    const job = await waitForAnswer(page);
    await page.screenshot({ path: path.join(buildDir, "studio-screenshot.png"), fullPage: true });
    // The top of the page, small, as docs/studio.jpg shows it.
    await page.screenshot({ path: path.join(buildDir, "studio-top.jpg"), type: "jpeg", quality: 80 });

    // The numbers on screen are the API's.
    const answer = await api(url + "api/compare", "POST",
      { overlay: {}, edits: [{ path: "nodes.khorgos.tracks", op: "set", value: tracks }], replications: REPLICATIONS });
    const rows = new Map(answer.comparison.rows.map((r) => [r.name, r]));
    const cells = await tableCells(page);
    if (cells.length < 40) fail("the tables show " + cells.length + " numbers");
    for (const c of cells) {
      const expected = rows.get(c.metric)[c.col];
      if (c.value !== expected) fail(c.metric + " " + c.col + ": the page carries " + c.value + ", the API answers " + expected);
      if (shown(c.text) === null) {
        if (Number.isFinite(expected)) fail(c.metric + " " + c.col + ": the page shows " + c.text + " for " + expected);
        continue;
      }
      const [number, step] = shown(c.text);
      const magnitude = c.col === "half_width_95" ? Math.abs(expected) : expected;
      if (Math.abs(number - magnitude) > step / 2 + 1e-12) fail(c.metric + " " + c.col + ": the page shows " + c.text + " for " + expected);
    }
    console.log("studio_browser_test: " + cells.length + " numbers on screen equal the API's (job " + job + ")");
    // The shares table finds its rows by the run's share region and labels them with the regions' names.
    const shareLabels = await page.$$eval("#table-shares tr[data-metric]", (trs) =>
      trs.map((tr) => tr.dataset.metric + " " + tr.firstChild.textContent));
    if (shareLabels[0] !== "metrics.share_central_asia_trains Via Central Asia, share of China\u2013Europe trains" || shareLabels.length !== 4)
      fail("the shares table has " + JSON.stringify(shareLabels));

    // The overlay exported, validated and run: the variant's numbers again.
    await page.click("#btn-export");
    await page.waitForSelector('body[data-exported="true"]');
    const yaml = await page.$eval("#export-yaml", (e) => e.value);
    const fileName = await page.$eval("#download-yaml", (e) => e.getAttribute("download"));
    if (!yaml.includes("khorgos: {tracks: " + tracks + "}")) fail("the exported overlay lacks khorgos' tracks:\n" + yaml);
    const exported = path.join(work, fileName);
    fs.writeFileSync(exported, yaml);
    execFileSync(corridor, ["validate", exported], { stdio: "inherit" });
    const out = path.join(work, "run");
    execFileSync(corridor, ["run", exported, "-r", String(REPLICATIONS), "-q", "-o", out], { stdio: ["ignore", "ignore", "inherit"] });
    const summary = JSON.parse(fs.readFileSync(path.join(out, "summary.json"), "utf8"));
    let compared = 0;
    const same = (where, a, b) => {
      if (typeof a === "number") {
        if (typeof b !== "number" || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) fail("corridor run gives " + where + " = " + b + ", the studio's variant " + a);
        ++compared;
      } else if (a && typeof a === "object") {
        for (const k of Object.keys(a)) same(where + "." + k, a[k], b && b[k]);
      }
    };
    same("metrics", answer.variant.summary.metrics, summary.metrics);
    same("crossings", answer.variant.summary.crossings, summary.crossings);
    if (compared < 50) fail("only " + compared + " numbers compared with corridor run");
    console.log("studio_browser_test: " + fileName + " passes validate; corridor run gives the variant's " + compared + " numbers (metrics, crossings)");

    // The link restores the state: the same edit, the same answer.
    const link = await page.$eval("#share-link", (a) => a.href);
    const again = await browser.newPage();
    await again.setViewport({ width: 1400, height: 1000 });
    again.on("pageerror", (e) => problems.push("page error (link): " + e.message));
    await again.goto(link);
    await waitForAnswer(again);
    const restored = await tableCells(again);
    if (JSON.stringify(restored) !== JSON.stringify(cells)) fail("the link's page shows other numbers");
    const edits = await again.$eval("#edit-list", (e) => e.textContent);
    if (!edits.includes("nodes.khorgos.tracks = " + tracks)) fail("the link's page lists the edits as " + edits);
    await again.screenshot({ path: path.join(buildDir, "studio-link-screenshot.png"), fullPage: true });
    console.log("studio_browser_test: the link restores the edit and the answer");
    await portsAreShown(browser, work, problems);
    if (problems.length) fail("the page reported:\n" + problems.join("\n"));
    console.log("studio_browser_test: screenshots in " + buildDir + "/studio-screenshot.png, studio-top.jpg, studio-link-screenshot.png");
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error("studio_browser_test: FAILED: " + e.message);
  process.exit(1);
});
