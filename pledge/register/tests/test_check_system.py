"""A system stored abroad is a transfer; a surveillance system needs its code and retention recorded."""

import pytest

from pledge.law.adequacy import load_adequacy
from pledge.register.consistency import Finding, check_system
from pledge.register.tests.factories import TODAY, cctv_record, system_record

ADEQUACY = load_adequacy()


def check(record: dict) -> list[Finding]:
    return check_system(record, today=TODAY, adequacy=ADEQUACY)


def test_it_accepts_a_system_in_the_uk() -> None:
    assert check(system_record()) == []


def test_it_accepts_a_system_hosted_in_an_adequate_country() -> None:
    assert check(system_record(country="IE")) == []


def test_it_refuses_a_system_hosted_where_there_is_no_adequacy_or_safeguard() -> None:
    assert [f.field for f in check(system_record(country="IN"))] == ["country"]


def test_it_accepts_a_complete_surveillance_system() -> None:
    assert check(cctv_record()) == []


@pytest.mark.parametrize("field", ["operator", "sites", "code_of_practice_url", "footage_retention_days"])
def test_it_refuses_a_surveillance_system_missing_a_detail(field: str) -> None:
    record = cctv_record()
    del record[field]

    assert check(record) == [Finding(field, f"a surveillance system needs {field.replace('_', ' ')}")]


def test_it_asks_nothing_more_of_a_system_that_is_not_surveillance() -> None:
    assert check(cctv_record(surveillance=False, operator="", sites=[], code_of_practice_url="")) == []
