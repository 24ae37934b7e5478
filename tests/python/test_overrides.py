"""Overrides by parameter path and overlays: they change what runs, and only that."""
import pytest

import corridor
from conftest import TOY


def test_an_override_sets_a_parameter():
    s = corridor.load(TOY, overrides={"nodes.dostyk.tracks": 5})
    assert "tracks: 5" in s.to_yaml()
    assert "tracks: 2" in corridor.load(TOY).to_yaml()


def test_scaling_demand_raises_throughput_with_the_same_seed():
    base = corridor.run(TOY, seed=2, replications=2)
    more = corridor.run(TOY, seed=2, replications=2, overrides={"flows.*.teu_per_week": corridor.scale(1.5)})
    assert more.mean("metrics.throughput_teu_per_day") > 1.3 * base.mean("metrics.throughput_teu_per_day")


def test_an_overlay_merges_like_a_file_that_extends_the_scenario():
    s = corridor.load(TOY, overlays=["nodes: {dostyk: {tracks: 4}}"])
    assert "tracks: 4" in s.to_yaml()


def test_no_override_loads_exactly_what_the_cli_loads():
    assert corridor.load(TOY).to_yaml() == corridor.load(TOY, overrides={"nodes.dostyk.tracks": 2}).to_yaml()


def test_an_override_value_must_be_a_number():
    with pytest.raises(TypeError, match="nodes.dostyk.tracks"):
        corridor.load(TOY, overrides={"nodes.dostyk.tracks": "five"})
