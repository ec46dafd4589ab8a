"""Legal-consistency findings are reported at the line of the field they concern."""

from datetime import date

from pledge.register.tests.factories import TODAY
from pledge.register.tests.registers import CONTROLLERS, SERVICE, SHARED, insert_after, replace_line, small_register
from pledge.register.yaml.validate import read_register


def problems(directory, *, today=TODAY) -> list[str]:
    _, found = read_register(directory, today=today)
    return [str(p) for p in found]


def service_file(directory) -> str:
    return str(directory / "services" / "council-tax.yaml")


def test_it_reports_a_consistency_finding_at_the_line_of_its_field(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=13, new="        legislation: []"))

    assert problems(directory) == [
        f"{service_file(directory)}:13: Art 6(1)(c) legal obligation needs the legislation it rests on (Art 6(3))"
    ]


def test_it_reports_a_finding_on_an_absent_field_at_the_start_of_the_entry(tmp_path) -> None:
    directory = small_register(
        to=tmp_path, service=SERVICE.replace("        legislation: [Local Government Finance Act 1992]\n", "")
    )

    assert problems(directory) == [
        f"{service_file(directory)}:8: Art 6(1)(c) legal obligation needs the legislation it rests on (Art 6(3))"
    ]


def test_it_refuses_a_public_task_relying_on_legitimate_interests(tmp_path) -> None:
    service = replace_line(SERVICE, line=12, new="        lawful_basis: f\n        legitimate_interests: efficiency")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [
        f"{service_file(directory)}:12: a public task relying on Art 6(1)(f): public authorities cannot "
        "(Art 6(1) last para)"
    ]


def test_it_applies_the_public_authority_rule_by_the_kind_of_the_services_controller(tmp_path) -> None:
    controllers = CONTROLLERS.replace("kind: council", "kind: other")
    service = replace_line(SERVICE, line=12, new="        lawful_basis: f\n        legitimate_interests: efficiency")
    directory = small_register(to=tmp_path, controllers=controllers, service=service)

    assert problems(directory) == []


def test_it_reports_an_invalid_ico_registration_at_its_line(tmp_path) -> None:
    controllers = replace_line(CONTROLLERS, line=8, new="    ico_registration: X1234567")
    directory = small_register(to=tmp_path, controllers=controllers)

    assert problems(directory) == [
        f"{directory / 'controllers.yaml'}:8: 'X1234567' is not an ICO registration number (Z + 7)"
    ]


def test_it_judges_a_processor_contract_against_today(tmp_path) -> None:
    directory = small_register(to=tmp_path)

    assert problems(directory, today=date(2027, 12, 31)) == []
    assert problems(directory, today=date(2028, 1, 2)) == [
        f"{service_file(directory)}:18: processor 'mailing-house' has no current Art 28 contract",
        f"{directory / 'shared.yaml'}:7: processor contract expired on 2028-01-01",
    ]


def test_it_reports_a_transfer_without_a_safeguard_at_the_country(tmp_path) -> None:
    directory = small_register(to=tmp_path, shared=insert_after(SHARED, line=10, new="    country: FO"))

    assert problems(directory) == [
        f"{directory / 'shared.yaml'}:11: transfer to FO has no UK adequacy and no safeguard "
        "(IDTA, UK Addendum, BCR) or Art 49 derogation"
    ]


def test_it_checks_consistency_of_an_entry_once_its_fields_parse(tmp_path) -> None:
    service = replace_line(SERVICE, line=13, new="        legislation: []")
    service = replace_line(service, line=17, new="        automated_processing: maybe")
    directory = small_register(to=tmp_path, service=service)

    assert problems(directory) == [f"{service_file(directory)}:17: automated_processing: must be true or false"]
