"""compare and sweep from Python: CRN pairs, the FDR control, grid sweeps."""
import os

import pytest

import corridor
from conftest import TOY

DIFFERENCES_COLUMNS = ["metric", "base", "variant", "difference", "ci95_low", "ci95_high", "ci95", "p_value",
                       "q_value", "significant", "interval_excludes_zero", "unpaired_ci95", "kind", "element",
                       "field", "unit"]


def test_a_scenario_against_itself_differs_in_nothing():
    c = corridor.compare(TOY, TOY, replications=3, seed=4)
    d = c.differences
    assert list(d.columns) == DIFFERENCES_COLUMNS
    assert (d.difference == 0).all()
    assert d.significant.sum() == 0
    assert "Benjamini-Hochberg" in c.note


def test_more_demand_is_flagged_on_throughput():
    c = corridor.compare(TOY, TOY, replications=4, seed=4,
                         variant_overrides={"flows.*.teu_per_week": corridor.scale(1.05)})
    d = c.differences.set_index("metric")
    row = d.loc["metrics.throughput_teu_per_day"]
    assert row.difference > 0 and row.significant == 1
    assert row.q_value <= c.fdr
    assert row.ci95_low > 0
    assert c.base.mean("metrics.throughput_teu_per_day") == pytest.approx(row.base)


def test_compare_writes_what_the_cli_writes(tmp_path, cli):
    c = corridor.compare(TOY, TOY, replications=2, seed=9,
                         variant_overrides={"nodes.dostyk.tracks": 3})
    c.write(tmp_path / "py")
    assert {"compare.json", "compare.csv", "base", "variant"} <= set(os.listdir(tmp_path / "py"))
    proc = cli("run", TOY, "--seed", 9, "-r", 2, "--reproducible", "-q", "-o", tmp_path / "cli")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "py/base/summary.json").read_bytes() == (tmp_path / "cli/summary.json").read_bytes()


def test_a_grid_sweep_runs_every_combination():
    s = corridor.sweep(TOY, {"nodes.dostyk.tracks": [1, 2], "flows.xian-lodz.teu_per_week": [300, 500]},
                       replications=2, seed=3, metrics=["metrics.throughput_teu_per_day"])
    assert s.errors == []
    assert len(s.runs) == 8
    assert list(s.runs.columns[:4]) == ["run", "point", "replication", "seed"]
    assert "nodes.dostyk.tracks" in s.runs.columns
    points = s.points
    assert list(points.columns) == ["point", "nodes.dostyk.tracks", "flows.xian-lodz.teu_per_week", "metric",
                                    "mean", "ci95", "runs"]
    hi = points[points["flows.xian-lodz.teu_per_week"] == 500]["mean"].mean()
    lo = points[points["flows.xian-lodz.teu_per_week"] == 300]["mean"].mean()
    assert hi > lo


def test_a_sweep_file_runs_too(tmp_path):
    f = tmp_path / "sweep.yaml"
    f.write_text(f"base: {os.path.abspath(TOY)}\nreplications: 1\nparameters:\n"
                 "  tracks: {path: nodes.dostyk.tracks, values: [1, 3]}\n"
                 "metrics: [metrics.transit_days_mean]\n", encoding="utf-8")
    s = corridor.sweep(f)
    assert len(s.runs) == 2 and s.metric_names == ["metrics.transit_days_mean"]
    with pytest.raises(corridor.SweepError):
        bad = tmp_path / "bad.yaml"
        bad.write_text("base: nowhere.yaml\nparameters: {}\n", encoding="utf-8")
        corridor.sweep(bad)
