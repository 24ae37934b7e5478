"""Errors arrive as Python exceptions that say where: file, line and column."""
import pytest

import corridor
from conftest import TOY


def test_a_broken_scenario_raises_scenario_error_with_file_line_and_column(tmp_path, cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nhorizon_days: 60\nnodes:\n  a: {kind: terminal, country: CN, lat: 1, lon: 2, "
                   "trakcs: 3}\n", encoding="utf-8")
    with pytest.raises(corridor.ScenarioError) as e:
        corridor.run(str(bad))
    assert isinstance(e.value, ValueError)
    typo = [d for d in e.value.diagnostics if "trakcs" in d["message"]]
    assert len(typo) == 1
    assert (typo[0]["file"], typo[0]["line"], typo[0]["column"]) == (str(bad), 4, 52)
    assert typo[0]["location"] == f"{bad}:4:52" and "did you mean 'tracks'" in typo[0]["message"]
    assert f"{bad}:4:52: error: unknown key 'trakcs'" in str(e.value)
    # The same problems, at the same places, as `corridor validate` prints them.
    proc = cli("validate", bad)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == str(e.value).strip().splitlines()


def test_an_unknown_parameter_path_is_reported_at_its_override(tmp_path):
    with pytest.raises(corridor.ScenarioError) as e:
        corridor.load(TOY, overrides={"nodes.dostyk.tracks": 3, "nodes.dostik.tracks": 3})
    assert e.value.diagnostics[0]["location"] == "<overrides>:2:1"
    assert "dostyk" in str(e.value)  # the likely id


def test_a_value_out_of_range_is_a_scenario_error():
    with pytest.raises(corridor.ScenarioError):
        corridor.run(TOY, overrides={"nodes.dostyk.tracks": -1})


def test_a_missing_file_is_an_os_error_however_it_is_loaded():
    for overrides in (None, {"nodes.x.tracks": 1}):
        with pytest.raises(corridor.CorridorIOError) as e:
            corridor.run("scenarios/no-such-scenario.yaml", overrides=overrides)
        assert isinstance(e.value, OSError)
        assert "scenarios/no-such-scenario.yaml" in str(e.value) and "no such file" in str(e.value)


def test_a_bad_override_value_is_reported_at_its_override_with_the_range_expected():
    with pytest.raises(corridor.ScenarioError) as e:
        corridor.load(TOY, overrides={"nodes.dostyk.tracks": 2, "flows.xian-lodz.teu_per_week": -5})
    assert [d["location"] for d in e.value.diagnostics] == ["<overrides>:2:1"]
    assert "must be > 0" in str(e.value) and "got -5" in str(e.value)


def test_compare_needs_two_replications():
    with pytest.raises(ValueError, match="2"):
        corridor.compare(TOY, TOY, replications=1)
