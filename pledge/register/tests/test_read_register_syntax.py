"""YAML that does not parse is reported as file:line: message at the line of the fault."""

from pledge.register.tests.factories import TODAY
from pledge.register.tests.registers import SHARED, small_register
from pledge.register.yaml.validate import read_register


def problems_in(directory, file: str) -> list[str]:
    _, problems = read_register(directory, today=TODAY)
    return [str(p) for p in problems if p.file == str(directory / file)]


def test_it_reports_a_syntax_error_at_its_line(tmp_path) -> None:
    shared = SHARED.replace("    name: Revenues system", "    name: Revenues: system")
    directory = small_register(to=tmp_path, shared=shared)

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:13: YAML syntax: mapping values are not allowed here"
    ]


def test_it_reports_a_tab_at_its_line(tmp_path) -> None:
    shared = SHARED.replace("    kind: public_body", "\tkind: public_body")
    directory = small_register(to=tmp_path, shared=shared)

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:10: YAML syntax: found character '\\t' that cannot start any token"
    ]


def test_it_reports_a_duplicate_key_at_the_second_occurrence(tmp_path) -> None:
    shared = SHARED.replace("    kind: public_body", "    kind: public_body\n    name: DWP")
    directory = small_register(to=tmp_path, shared=shared)

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:11: YAML syntax: duplicate key 'name'"
    ]


def test_it_reports_an_impossible_date_at_its_line_instead_of_crashing(tmp_path) -> None:
    shared = SHARED.replace("contract_start: 2025-01-01", "contract_start: 2025-02-30")
    directory = small_register(to=tmp_path, shared=shared)

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:6: YAML syntax: '2025-02-30' is not a real date (day is out of range for month)"
    ]


def test_it_reports_a_file_that_is_not_a_mapping(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared="- just\n- a list\n")

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:1: expected a mapping with any of: "
        "controllers, recipients, systems, sharing_agreements, retention_rules, services, internal_flows"
    ]


def test_it_reports_an_unknown_section_at_its_line(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=SHARED + "processors:\n  - slug: x\n")

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:20: unknown section 'processors'; expected one of: "
        "controllers, recipients, systems, sharing_agreements, retention_rules, services, internal_flows"
    ]


def test_it_reports_a_section_that_is_not_a_list(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=SHARED + "sharing_agreements: none\n")

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:20: sharing_agreements must be a list"
    ]


def test_it_reports_an_entry_that_is_not_a_mapping(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=SHARED + "sharing_agreements:\n  - just a title\n")

    assert problems_in(directory, "shared.yaml") == [
        f"{directory / 'shared.yaml'}:21: each entry of sharing_agreements must be a mapping"
    ]


def test_an_empty_file_is_no_problem_in_itself(tmp_path) -> None:
    directory = small_register(to=tmp_path)
    (directory / "notes.yaml").write_text("# nothing yet\n", encoding="utf-8")

    _, problems = read_register(directory, today=TODAY)

    assert problems == []
