"""A controller needs its contact details, a DPO and a valid ICO registration (Art 13(1)(a)-(b))."""

import pytest

from pledge.register.consistency import Finding, check_controller
from pledge.register.tests.factories import controller_record


def test_it_accepts_a_complete_controller() -> None:
    assert check_controller(controller_record()) == []


@pytest.mark.parametrize("registration", ["ZX999001", "ZA123456", "Z1234567", "ZB000000"])
def test_it_accepts_an_ico_registration_number(registration: str) -> None:
    assert check_controller(controller_record(ico_registration=registration)) == []


@pytest.mark.parametrize("registration", ["A1234567", "Z123456", "Z12345678", "za123456", "ZA12345X", "ZAB12345"])
def test_it_refuses_something_that_is_not_an_ico_registration_number(registration: str) -> None:
    assert check_controller(controller_record(ico_registration=registration)) == [
        Finding("ico_registration", f"{registration!r} is not an ICO registration number (Z + 7)")
    ]


def test_it_leaves_a_missing_registration_to_the_schema_check() -> None:
    assert check_controller(controller_record(ico_registration="")) == []


@pytest.mark.parametrize("field", ["address", "email", "phone", "dpo_email", "dpo_address"])
@pytest.mark.parametrize("blank", ["", "   ", None])
def test_it_refuses_a_controller_without_a_contact_detail_its_notice_needs(field: str, blank: str | None) -> None:
    findings = check_controller(controller_record(**{field: blank}))

    assert findings == [Finding(field, f"a controller needs {field.replace('_', ' ')} for its privacy notice")]


def test_it_reports_every_missing_detail_at_once() -> None:
    record = controller_record()
    for field in ("address", "email", "phone", "dpo_email", "dpo_address"):
        del record[field]

    assert [f.field for f in check_controller(record)] == ["address", "email", "phone", "dpo_email", "dpo_address"]
