"""appraise from Python: the same appraisal as the command, as DataFrames."""
import json
import os

import pytest

import corridor

FIXTURES = os.path.join(os.environ.get("CORRIDOR_SOURCE_DIR", "."), "tests", "planning", "fixtures")
TOY_PROGRAMME = os.path.join(FIXTURES, "toy-programme.yaml")


def test_cases_and_years_are_dataframes_of_every_case():
    a = corridor.appraise(TOY_PROGRAMME, replications=2, seed=3)
    assert list(a.cases["case"]) == ["faster-line", "same-tracks", "programme"]
    for column in ["npv_usd", "npv_usd_ci95", "bcr", "bcr_ci95", "irr", "irr_ci95", "co2_t", "co2_t_ci95"]:
        assert column in a.cases.columns
    cases = a.cases.set_index("case")
    # NPV is PV(benefits) - PV(costs); a project that changes nothing gains nothing and has no IRR.
    assert abs(cases.loc["faster-line", "npv_usd"]
               - (cases.loc["faster-line", "pv_benefits_usd"] - cases.loc["faster-line", "pv_costs_usd"])) < 1e-3
    assert cases.loc["same-tracks", "pv_benefits_usd"] == 0
    assert cases.loc["same-tracks", "irr"] != cases.loc["same-tracks", "irr"]  # NaN
    years = a.years[a.years["case"] == "faster-line"]
    assert list(years.year) == list(range(2026, 2036))
    assert abs(years.costs_usd.sum() - (10e6 + 8 * 0.1e6)) < 1e-3  # capex, then opex 2028-2035


def test_write_gives_the_files_of_the_command(tmp_path):
    a = corridor.appraise(TOY_PROGRAMME, replications=2, seed=3)
    a.write(tmp_path)
    j = json.loads((tmp_path / "appraisal.json").read_text())
    assert j["seed"] == 3 and len(j["cases"]) == 3
    assert (tmp_path / "appraisal.csv").read_text().startswith("case,name,opening_year,npv_usd")


def test_a_programme_with_a_problem_raises_with_its_place(tmp_path):
    text = open(TOY_PROGRAMME).read().replace("discount_rate: 0.05", "discount_rate: lots")
    text = text.replace("base: toy.yaml", "base: " + os.path.join(FIXTURES, "toy.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(corridor.ProgrammeError, match=r"bad\.yaml:7:16: discount_rate must be a number"):
        corridor.appraise(bad)
    assert issubclass(corridor.ProgrammeError, ValueError)
