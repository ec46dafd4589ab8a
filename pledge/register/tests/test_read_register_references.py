"""Dangling references and duplicate slugs are reported where they are written."""

from pledge.register.tests.factories import TODAY
from pledge.register.tests.registers import CONTROLLERS, SERVICE, SHARED, replace_line, small_register
from pledge.register.yaml.validate import read_register


def problems(directory) -> list[str]:
    _, found = read_register(directory, today=TODAY)
    return [str(p) for p in found]


def service_file(directory) -> str:
    return str(directory / "services" / "council-tax.yaml")


def test_it_reports_an_unknown_reference_at_its_line(tmp_path) -> None:
    directory = small_register(
        to=tmp_path, service=replace_line(SERVICE, line=20, new="        retention_rule: seven-years")
    )

    assert problems(directory) == [
        f"{service_file(directory)}:20: retention_rule: no retention rule with slug 'seven-years'"
    ]


def test_it_reports_an_unknown_reference_in_a_list_at_its_line(tmp_path) -> None:
    directory = small_register(
        to=tmp_path, service=replace_line(SERVICE, line=18, new="        recipients: [mailing-house, hmrc]")
    )

    assert problems(directory) == [f"{service_file(directory)}:18: recipients: no recipient with slug 'hmrc'"]


def test_it_reports_a_service_whose_controller_does_not_exist(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=4, new="    controller: otherville"))

    assert problems(directory) == [f"{service_file(directory)}:4: controller: no controller with slug 'otherville'"]


def test_it_reports_a_duplicate_slug_across_files_with_where_it_was_first(tmp_path) -> None:
    duplicate = "recipients:\n  - slug: dwp\n    name: DWP again\n    kind: public_body\n"
    directory = small_register(to=tmp_path, shared=SHARED)
    (directory / "zz-more.yaml").write_text(duplicate, encoding="utf-8")

    assert problems(directory) == [
        f"{directory / 'zz-more.yaml'}:2: duplicate slug 'dwp' (first at {directory / 'shared.yaml'}:8)"
    ]


def test_it_reports_a_duplicate_activity_slug_across_services(tmp_path) -> None:
    other = SERVICE.replace("slug: council-tax\n", "slug: business-rates\n").replace("name: Council tax", "name: Rates")
    directory = small_register(to=tmp_path)
    (directory / "services" / "business-rates.yaml").write_text(other, encoding="utf-8")

    assert problems(directory) == [
        f"{service_file(directory)}:8: duplicate slug 'council-tax-billing' "
        f"(first at {directory / 'services' / 'business-rates.yaml'}:8)"
    ]


def test_it_allows_the_same_slug_for_different_kinds_of_entry(tmp_path) -> None:
    controllers = CONTROLLERS.replace("slug: testshire-council", "slug: council-tax")
    service = SERVICE.replace("controller: testshire-council", "controller: council-tax")
    directory = small_register(to=tmp_path, controllers=controllers, service=service)

    assert problems(directory) == []
