// The report's markup skeleton: every chart has a fixed id (map, chart-costs, chart-transit, chart-queues,
// chart-compare, chart-compare-map, chart-compare-queues) that tests and the script find it by. Sections
// without data are hidden by the script.
#include "report_assets.hpp"

namespace corridor::detail {

const char* const report_body = R"html(
<header class="top">
  <h1 id="title">Corridor report</h1>
  <div class="sub" id="subtitle"></div>
</header>
<main>
  <section class="card" id="sec-share">
    <h2>Traffic through Central Asia</h2>
    <p class="note">Share of China&ndash;Europe traffic routed through the report region, mean over replications
      with 95&nbsp;% confidence half-width.</p>
    <div class="kpis" id="kpi-share"></div>
  </section>
  <section class="card" id="sec-kpis">
    <h2>Key figures</h2>
    <p class="note">Means over replications in the report window (after warm-up).</p>
    <div class="kpis" id="kpi-main"></div>
  </section>
  <section class="card" id="sec-map">
    <h2>Network flows</h2>
    <p class="note">Line width: TEU carried (both directions). Colour: capacity utilisation. Dashed: ferry.</p>
    <svg id="map" class="chart" role="img" aria-label="Map of the corridor network"></svg>
  </section>
  <div class="grid2">
    <section class="card" id="sec-costs">
      <h2>Cost per delivered TEU</h2>
      <p class="note">Components of the out-of-pocket cost (USD/TEU); subsidies are negative.</p>
      <svg id="chart-costs" class="chart" role="img" aria-label="Cost components"></svg>
    </section>
    <section class="card" id="sec-transit">
      <h2>Transit time</h2>
      <p class="note">Door-to-door days per container: median, mean and 95th percentile, with 95&nbsp;% CI.</p>
      <svg id="chart-transit" class="chart" role="img" aria-label="Transit time"></svg>
    </section>
  </div>
  <section class="card" id="sec-queues">
    <h2>Queues at crossings</h2>
    <p class="note">Trains waiting at the end of each day (mean over replications).</p>
    <svg id="chart-queues" class="chart" role="img" aria-label="Queue length over time"></svg>
  </section>
  <section class="card" id="sec-metrics">
    <h2>All headline metrics</h2>
    <table id="table-metrics"></table>
  </section>
  <div class="grid2">
    <section class="card" id="sec-crossings">
      <h2>Crossings and ferries</h2>
      <table id="table-crossings"></table>
    </section>
    <section class="card" id="sec-routes">
      <h2>Routes</h2>
      <p class="note">The most used routes by trains; shaded rows pass through the report region.</p>
      <table id="table-routes"></table>
    </section>
  </div>
  <section class="card" id="sec-compare">
    <h2>Comparison</h2>
    <p class="note" id="compare-note"></p>
    <svg id="chart-compare" class="chart" role="img" aria-label="Differences with 95 % intervals"></svg>
    <p class="note" id="compare-hidden"></p>
  </section>
  <section class="card" id="sec-compare-map">
    <h2>Where the traffic moved</h2>
    <p class="note" id="compare-map-note"></p>
    <svg id="chart-compare-map" class="chart" role="img" aria-label="Map of the change in TEU carried"></svg>
  </section>
  <section class="card" id="sec-compare-queues">
    <h2>Queues where the wait changed</h2>
    <p class="note" id="compare-queues-note"></p>
    <svg id="chart-compare-queues" class="chart" role="img" aria-label="Queue length over time, variant and base"></svg>
  </section>
  <section class="card" id="sec-compare-table">
    <h2>Every compared metric</h2>
    <table id="table-compare"></table>
  </section>
</main>
<footer id="footer"></footer>
)html";

}  // namespace corridor::detail
