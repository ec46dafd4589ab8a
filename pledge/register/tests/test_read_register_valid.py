"""A valid register directory reads with no problems."""

from pledge.register.tests.factories import MINIMAL, TODAY, write_register
from pledge.register.tests.registers import small_register
from pledge.register.yaml.loader import Problem
from pledge.register.yaml.validate import read_register


def test_the_minimal_fixture_is_valid() -> None:
    data, problems = read_register(MINIMAL, today=TODAY)

    assert problems == []
    assert {name: len(items) for name, items in data.entities.items()} == {
        "controllers": 1,
        "recipients": 2,
        "systems": 1,
        "sharing_agreements": 0,
        "retention_rules": 1,
        "services": 1,
        "activities": 2,
        "internal_flows": 0,
    }
    assert data.activity_service == {
        "council-tax-billing": "council-tax",
        "garden-waste-subscription": "council-tax",
    }


def test_the_small_register_is_valid(tmp_path) -> None:
    _, problems = read_register(small_register(to=tmp_path), today=TODAY)

    assert problems == []


def test_it_reads_yml_files_in_nested_folders(tmp_path) -> None:
    directory = small_register(to=tmp_path)
    (directory / "services" / "council-tax.yaml").rename(directory / "services" / "council-tax.yml")

    data, problems = read_register(directory, today=TODAY)

    assert problems == []
    assert list(data.entities["activities"]) == ["council-tax-billing"]


def test_it_reports_a_path_that_is_not_a_directory(tmp_path) -> None:
    missing = tmp_path / "nowhere"

    _, problems = read_register(missing, today=TODAY)

    assert problems == [Problem(str(missing), 0, "not a directory")]


def test_it_reports_a_directory_without_yaml(tmp_path) -> None:
    directory = write_register(to=tmp_path / "empty", files={"README.md": "# nothing here\n"})

    _, problems = read_register(directory, today=TODAY)

    assert problems == [Problem(str(directory), 0, "no YAML files found")]


def test_it_remembers_where_each_entry_came_from(tmp_path) -> None:
    directory = small_register(to=tmp_path)

    data, _ = read_register(directory, today=TODAY)

    activity = data.entities["activities"]["council-tax-billing"]
    assert activity.file == str(directory / "services" / "council-tax.yaml")
    assert activity.line == 8
    assert activity.line_of("lawful_basis") == 12
    assert data.entities["recipients"]["dwp"].line == 8
