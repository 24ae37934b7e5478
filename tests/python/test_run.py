"""corridor.run: the tables, their columns (as docs/python.md lists them), and the CLI's numbers and files."""
import math
import os

import pandas as pd
import pytest

import corridor
from conftest import TOY

METRICS_COLUMNS = ["metric", "mean", "ci95_low", "ci95_high", "ci95", "stddev", "n", "kind", "element", "field",
                   "unit"]
PER_REPLICATION_COLUMNS = ["replication", "seed", "metric", "kind", "element", "field", "unit", "value"]
DAILY_COLUMNS = ["day", "metric", "kind", "element", "field", "unit", "value"]
ROUTES_COLUMNS = ["flow", "route", "via_central_asia", "element", "trains", "trains_ci95", "teu", "teu_ci95",
                  "share", "share_ci95"]
CROSSINGS_COLUMNS = ["element", "trains", "trains_ci95", "utilization", "utilization_ci95", "mean_wait_h",
                     "mean_wait_h_ci95", "p95_wait_h", "p95_wait_h_ci95", "mean_queue_trains",
                     "mean_queue_trains_ci95", "max_queue_trains", "max_queue_trains_ci95"]


@pytest.fixture(scope="module")
def toy():
    return corridor.run(TOY, seed=7, replications=3)


def test_the_tables_have_the_documented_columns(toy):
    assert list(toy.metrics.columns) == METRICS_COLUMNS
    assert list(toy.per_replication.columns) == PER_REPLICATION_COLUMNS
    assert list(toy.daily.columns) == DAILY_COLUMNS
    assert list(toy.routes.columns) == ROUTES_COLUMNS
    assert list(toy.crossings.columns) == CROSSINGS_COLUMNS


def test_docs_list_every_column_of_every_table(toy):
    with open("docs/python.md", encoding="utf-8") as f:
        doc = f.read()
    for table in (toy.metrics, toy.per_replication, toy.daily, toy.routes, toy.crossings, toy.flows, toy.edges):
        for column in table.columns:
            # Per-element tables document `<field>_ci95` once, as the rule for every field's half-width.
            documented = f"`{column}`" in doc or (column.endswith("_ci95") and f"`{column[:-5]}`" in doc
                                                  and "`<field>_ci95`" in doc)
            assert documented, f"docs/python.md does not document column {column}"


def test_metrics_hold_means_with_95_percent_intervals_around_them(toy):
    m = toy.metrics.set_index("metric")
    teu = m.loc["metrics.throughput_teu_per_day"]
    assert teu["n"] == 3
    assert teu["ci95_low"] < teu["mean"] < teu["ci95_high"]
    assert teu["ci95_high"] - teu["mean"] == pytest.approx(teu["ci95"])
    assert teu["unit"] == "TEU/day"
    assert m.loc["crossings.dostyk.mean_wait_h", "unit"] == "h"


def test_per_replication_values_average_to_the_metrics_means(toy):
    reps = toy.per_replication
    assert len(reps) == 3 * len(toy.metrics)
    means = reps.groupby("metric", sort=False)["value"].mean()
    m = toy.metrics.set_index("metric")["mean"]
    assert means.loc["metrics.transit_days_mean"] == pytest.approx(m.loc["metrics.transit_days_mean"], rel=1e-12)
    assert sorted(reps.replication.unique()) == [0, 1, 2]


def test_a_rail_crossing_has_no_teu_rather_than_zero(toy):
    assert "teu" not in toy.crossings.columns
    assert not (toy.metrics.metric == "crossings.dostyk.teu").any()


def test_element_tables_have_a_row_per_element_and_kinds_without_data_are_empty(toy):
    assert list(toy.crossings.element) == ["dostyk"]
    assert list(toy.flows.element) == ["xian-lodz"]
    assert set(toy.edges.element) == {"xian-dostyk", "dostyk-lodz"}
    assert toy.markets.empty and list(toy.markets.columns) == ["element"]
    assert "crossings" in toy.kinds and "metrics" not in toy.kinds


def test_daily_has_every_day_of_the_window(toy):
    teu = toy.daily[toy.daily.metric == "metrics.teu_delivered"]
    assert len(teu) == len(teu.day.unique()) > 50
    assert set(toy.daily[toy.daily.kind == "crossings"].field) == {
        "queue_trains", "mean_queue_trains", "max_queue_trains", "utilization", "mean_wait_h", "p95_wait_h"}


def test_the_same_seed_gives_the_same_numbers_whatever_the_threads():
    a = corridor.run(TOY, seed=11, replications=2, threads=1)
    b = corridor.run(TOY, seed=11, replications=2, threads=2)
    pd.testing.assert_frame_equal(a.per_replication, b.per_replication)


def test_one_replication_leaves_intervals_empty():
    r = corridor.run(TOY, seed=3)
    assert r.metrics.ci95.isna().all()
    assert not r.metrics["mean"].isna().any()


def test_results_equal_the_clis_byte_for_byte(tmp_path, cli):
    r = corridor.run(TOY, seed=5, replications=2)
    r.write(tmp_path / "py")
    proc = cli("run", TOY, "--seed", 5, "-r", 2, "--reproducible", "-q", "-o", tmp_path / "cli")
    assert proc.returncode == 0, proc.stderr
    files = sorted(os.listdir(tmp_path / "py"))
    assert "metrics.csv" in files and "summary.json" in files and "daily_long.csv" in files
    for name in files:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    # The files hold each number in its shortest exact form: read back exactly, they are the same doubles.
    written = pd.read_csv(tmp_path / "py" / "metrics.csv", keep_default_na=False, na_values=[""],
                          float_precision="round_trip")
    assert list(written.columns) == METRICS_COLUMNS
    assert written["mean"].tolist() == r.metrics["mean"].tolist()


def test_headline_and_mean(toy):
    assert toy.headline.loc["throughput_teu_per_day", "mean"] == toy.mean("metrics.throughput_teu_per_day")
    with pytest.raises(KeyError):
        toy.mean("metrics.no_such_metric")
    assert math.isfinite(toy.mean("crossings.dostyk.utilization"))


def test_share_metrics_and_the_routes_column_are_named_after_the_reports_share_region(toy):
    assert (toy.share_region, toy.share_key, toy.route_region) == ("central_asia",) * 3
    assert toy.share_region_name == "Central Asia"
    assert "share_central_asia_trains" in toy.headline.index
    r = corridor.run(TOY, seed=7, overlays=["regions: {kazakhstan: {countries: [KZ], name: Kazakhstan}}\n"
                                            "report: {share_region: kazakhstan}\n"])
    assert (r.share_region, r.share_region_name, r.route_region) == ("kazakhstan", "Kazakhstan", "kazakhstan")
    shares = [name for name in r.headline.index if name.startswith("share_")]
    assert shares == ["share_kazakhstan_trains", "share_kazakhstan_teu", "share_kazakhstan_trains_westbound",
                      "share_kazakhstan_trains_eastbound"]
    assert not [name for name in r.metrics.metric if "central_asia" in name]
    assert list(r.routes.columns) == [c.replace("central_asia", "kazakhstan") for c in ROUTES_COLUMNS]


def test_a_report_is_written(tmp_path, toy):
    path = toy.write_report(tmp_path)
    assert os.path.basename(path) == "report.html"
    assert "two-terminals" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_baselines_markets_shares_and_gateways_tables_are_documented_and_sane():
    r = corridor.run("scenarios/baseline-2025.yaml", seed=1)
    with open("docs/python.md", encoding="utf-8") as f:
        doc = f.read()
    for kind in ("markets", "shares", "gateways"):
        table = r.elements(kind)
        assert len(table) > 0, kind
        for column in table.columns:
            field = column[:-5] if column.endswith("_ci95") else column
            assert f"`{field}`" in doc or (field.endswith("_teu_per_year") and "`<mode>_teu_per_year`" in doc), \
                f"docs/python.md does not document {kind} column {column}"
    markets = r.markets
    assert markets.rail_share.between(0, 1).all()
    assert (markets.rail_teu_per_year <= markets.demand_teu_per_year + 1e-6).all()
    assert r.gateways.share_trains.between(0, 1).all()


def test_ports_are_a_table_and_daily_series_where_the_scenario_makes_them_resources(toy):
    assert toy.ports.empty and "ports" not in toy.kinds and not (toy.daily.kind == "ports").any()
    r = corridor.run("scenarios/middle-corridor-2030.yaml", seed=1, replications=2)
    with open("docs/python.md", encoding="utf-8") as f:
        doc = f.read()
    ports = r.ports.set_index("element")
    assert {"aktau", "kuryk", "alat", "poti", "constanta"} <= set(ports.index)
    for column in ports.columns:
        assert f"`{column[:-5] if column.endswith('_ci95') else column}`" in doc, column
    assert ports.utilization.between(0, 1).all()
    assert ports.loc["aktau", "yard_mean_teu"] > 0 and ports.loc["aktau", "calls"] > 0
    daily = r.daily[r.daily.kind == "ports"]
    assert set(daily.field) == {"yard_teu", "yard_mean_teu", "trains_outside", "mean_trains_outside",
                                "ships_at_berth", "ships_waiting", "utilization"}
    for field in set(daily.field):
        assert f"`{field}`" in doc, field
    # The days' time-averages add up to the window's: the mean over the days of each day's yard and berths is
    # the window's figure (every day of the window is a whole day).
    yard = daily[(daily.element == "aktau") & (daily.field == "yard_mean_teu")].value
    assert yard.mean() == pytest.approx(ports.loc["aktau", "yard_mean_teu"], rel=1e-9)
    berths = daily[(daily.element == "alat") & (daily.field == "utilization")].value
    assert berths.mean() == pytest.approx(ports.loc["alat", "utilization"], rel=1e-9)
    assert (daily[daily.field == "yard_teu"].value >= 0).all()
