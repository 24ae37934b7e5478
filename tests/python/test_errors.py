"""Errors arrive as Python exceptions that say where: file, line and column."""
import pytest

import corridor
from conftest import TOY


def test_a_broken_scenario_raises_scenario_error_with_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nhorizon_days: 60\nnodes:\n  a: {kind: terminal, country: CN, lat: 1, lon: 2, "
                   "trakcs: 3}\n", encoding="utf-8")
    with pytest.raises(corridor.ScenarioError) as e:
        corridor.run(str(bad))
    assert isinstance(e.value, ValueError)
    first = e.value.diagnostics[0]
    assert first["file"] == str(bad)
    assert first["line"] == 4 and first["column"] > 1
    assert f"{bad}:4:" in str(e.value)


def test_an_unknown_parameter_path_is_reported_at_its_override(tmp_path):
    with pytest.raises(corridor.ScenarioError) as e:
        corridor.load(TOY, overrides={"nodes.dostyk.tracks": 3, "nodes.dostik.tracks": 3})
    assert e.value.diagnostics[0]["location"] == "<overrides>:2:1"
    assert "dostyk" in str(e.value)  # the likely id


def test_a_value_out_of_range_is_a_scenario_error():
    with pytest.raises(corridor.ScenarioError):
        corridor.run(TOY, overrides={"nodes.dostyk.tracks": -1})


def test_a_missing_file_is_an_os_error():
    with pytest.raises(OSError):
        corridor.load("scenarios/no-such-scenario.yaml", overrides={"nodes.x.tracks": 1})
    with pytest.raises(corridor.ScenarioError):
        corridor.load("scenarios/no-such-scenario.yaml")


def test_compare_needs_two_replications():
    with pytest.raises(ValueError):
        corridor.compare(TOY, TOY, replications=1)
