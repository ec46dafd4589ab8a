"""The identity engine end to end on a small generated estate: connectors in, figures by hazard out (P070)."""

import pytest

from pledge.discovery.connectors import connect, load_systems
from pledge.discovery.estate import generate_estate
from pledge.discovery.matching import IdentityIndex
from pledge.discovery.matching.evaluate import evaluate, query_for, read_people


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    out = tmp_path_factory.mktemp("estate")
    generate_estate(people=400, seed=3, out=out)
    connectors = [connect(config) for config in load_systems(out / "systems.yaml")]
    index = IdentityIndex.build(connectors=connectors, path=out / "index")
    return out, index


def test_it_finds_nearly_every_record_of_each_person_and_little_else(estate):
    out, index = estate
    result = evaluate(estate=out, index=index, people=150)
    assert result.overall.recall >= 0.95
    assert result.overall.precision >= 0.95
    assert result.percentile(0.5) > 0


def test_the_figures_are_broken_down_by_hazard(estate):
    out, index = estate
    result = evaluate(estate=out, index=index, people=150)
    assert {"clean", "typo", "nickname"} <= set(result.hazards)
    assert "overall" in result.table()


def test_a_query_is_what_the_person_would_type(estate):
    out, _ = estate
    person = read_people(out)[0]
    query = query_for(person)
    assert query.name == f"{person['given_name']} {person['family_name']}"
    assert query.date_of_birth == person["date_of_birth"]


def test_rejected_nhs_numbers_are_counted_at_import(estate):
    out, index = estate
    invalid = (out / "invalid_identifiers.csv").read_text().strip().splitlines()[1:]
    assert index.meta["rejected_nhs_numbers"] >= min(len(invalid), 1) or not invalid


def test_the_evaluate_command_prints_the_table(estate, capsys):
    from django.core.management import call_command

    out, index = estate
    call_command("identity", "evaluate", "--estate", str(out), "--index", str(index.path), "--people", "20")
    assert "overall" in capsys.readouterr().out
