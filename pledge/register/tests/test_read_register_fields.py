"""Schema problems (unknown, missing, mistyped fields and bad choices) are reported at the right line."""

import pytest

from pledge.register.tests.factories import TODAY
from pledge.register.tests.registers import SERVICE, SHARED, insert_after, replace_line, small_register
from pledge.register.yaml.validate import read_register


def problems(directory) -> list[str]:
    _, found = read_register(directory, today=TODAY)
    return [str(p) for p in found]


def service_file(directory) -> str:
    return str(directory / "services" / "council-tax.yaml")


def test_it_reports_an_unknown_field_at_its_line(tmp_path) -> None:
    service = insert_after(SERVICE, line=12, new="        lawfull_basis: c")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [f"{service_file(directory)}:13: unknown field 'lawfull_basis' in activity"]


def test_it_reports_a_missing_required_field_at_the_start_of_its_entry(tmp_path) -> None:
    service = SERVICE.replace("        data_categories: [name, address]\n", "")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [f"{service_file(directory)}:8: activity is missing required field 'data_categories'"]


def test_it_treats_an_empty_required_list_as_missing(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=11, new="        purposes: []"))

    assert problems(directory) == [f"{service_file(directory)}:8: activity is missing required field 'purposes'"]


def test_it_reports_a_missing_required_field_of_a_service_at_the_service(tmp_path) -> None:
    service = SERVICE.replace("    summary: We bill and collect council tax.\n", "")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [f"{service_file(directory)}:2: service is missing required field 'summary'"]


@pytest.mark.parametrize("value", ["'2025-01-01'", "1st January 2025", "2025"])
def test_it_reports_a_value_that_is_not_a_date_at_its_line(tmp_path, value: str) -> None:
    directory = small_register(to=tmp_path, shared=replace_line(SHARED, line=6, new=f"    contract_start: {value}"))

    assert problems(directory) == [f"{directory / 'shared.yaml'}:6: contract_start: must be a date written YYYY-MM-DD"]


@pytest.mark.parametrize("value", ["maybe", "'true'", "1"])
def test_it_reports_a_value_that_is_not_true_or_false_at_its_line(tmp_path, value: str) -> None:
    directory = small_register(
        to=tmp_path, service=replace_line(SERVICE, line=17, new=f"        automated_processing: {value}")
    )

    assert problems(directory) == [f"{service_file(directory)}:17: automated_processing: must be true or false"]


@pytest.mark.parametrize("value", ["to bill and collect council tax", "[billing, {step: 2}]", "{a: b}"])
def test_it_reports_a_value_that_is_not_a_list_of_text_at_its_line(tmp_path, value: str) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=11, new=f"        purposes: {value}"))

    assert problems(directory) == [f"{service_file(directory)}:11: purposes: must be a list of text"]


def test_it_reports_a_value_that_is_not_a_whole_number_at_its_line(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=replace_line(SHARED, line=18, new="    years: six"))

    assert problems(directory) == [f"{directory / 'shared.yaml'}:18: years: must be a whole number"]


def test_it_reports_a_bad_choice_at_its_line(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=12, new="        lawful_basis: g"))

    assert problems(directory) == [
        f"{service_file(directory)}:12: lawful_basis: 'g' is not one of: a, b, c, d, e, ea, f"
    ]


def test_it_reports_a_bad_status_at_its_line(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=10, new="        status: live"))

    assert problems(directory) == [
        f"{service_file(directory)}:10: status: 'live' is not one of: draft, submitted, approved"
    ]


def test_it_reports_a_bad_transfer_mechanism_at_its_line_instead_of_crashing(tmp_path) -> None:
    shared = insert_after(SHARED, line=10, new="    country: FR\n    transfer_mechanism: sccs")
    directory = small_register(to=tmp_path, shared=shared)

    assert problems(directory) == [
        f"{directory / 'shared.yaml'}:12: transfer_mechanism: 'sccs' is not one of: "
        "uk, adequacy, idta, addendum, bcr, derogation, none"
    ]


def test_it_reports_a_bad_art_9_condition_at_its_line_instead_of_crashing(tmp_path) -> None:
    service = insert_after(SERVICE, line=15, new="        special_categories: [health]\n        art9_condition: z")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [
        f"{service_file(directory)}:17: art9_condition: 'z' is not one of: a, b, c, d, e, f, g, h, i, j"
    ]


def test_it_reports_a_bad_item_in_a_list_of_choices(tmp_path) -> None:
    service = insert_after(
        SERVICE, line=15, new="        special_categories: [health, shoe_size]\n        art9_condition: h"
    )
    directory = small_register(to=tmp_path, service=service)

    found = problems(directory)

    assert found[0].startswith(f"{service_file(directory)}:16: special_categories: 'shoe_size' not one of: ")


def test_it_reports_a_slug_that_is_not_lower_case_words_joined_by_hyphens(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=replace_line(SHARED, line=12, new="  - slug: Revenues_System"))

    found = problems(directory)

    assert f"{directory / 'shared.yaml'}:12: slug: must be lower-case words joined by hyphens" in found


@pytest.mark.parametrize("value", ["[testshire-council]", "{slug: testshire-council}"])
def test_it_reports_a_reference_that_is_not_text_instead_of_crashing(tmp_path, value: str) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=4, new=f"    controller: {value}"))

    assert problems(directory) == [f"{service_file(directory)}:4: controller: must be text"]


@pytest.mark.parametrize("value", ["[{slug: dwp}]", "5"])
def test_it_reports_a_list_of_references_that_is_not_text_instead_of_crashing(tmp_path, value: str) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=18, new=f"        recipients: {value}"))

    assert problems(directory) == [f"{service_file(directory)}:18: recipients: must be a list of text"]


def test_it_reports_every_problem_sorted_by_file_and_line(tmp_path) -> None:
    service = replace_line(SERVICE, line=12, new="        lawful_basis: g")
    service = replace_line(service, line=10, new="        status: live")
    shared = replace_line(SHARED, line=18, new="    years: six")
    directory = small_register(to=tmp_path, service=service, shared=shared)

    _, found = read_register(directory, today=TODAY)

    assert [(p.file, p.line) for p in found] == [
        (service_file(directory), 10),
        (service_file(directory), 12),
        (str(directory / "shared.yaml"), 18),
    ]
