"""The acknowledgement of an erasure, restriction, objection or consent withdrawal warns that it may affect a
service, naming the consequences the register records for the request's activities (promise P067)."""

from datetime import date

import pytest

from pledge.casework.letters import LetterKind, letter_blocks
from pledge.casework.models import CaseKind
from pledge.casework.scope import choose_scope
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)
CONSEQUENCE = "without your income details we cannot work out council tax support"


def _acknowledgement(case) -> str:
    lines: list[str] = []
    for block in letter_blocks(case=case, kind=LetterKind.ACKNOWLEDGEMENT, today=TODAY):
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


@pytest.fixture
def register(today):
    today(TODAY)
    register = build_register()
    register.support.provision_consequences = CONSEQUENCE
    register.support.save()
    return register


@pytest.mark.parametrize("kind", [CaseKind.ERASURE, CaseKind.RESTRICTION, CaseKind.OBJECTION])
def test_it_names_the_consequences_recorded_for_the_requests_activities(register, caseworker, kind) -> None:
    case = make_case(kind=kind, received_on=date(2026, 11, 2), actor=caseworker)
    choose_scope(case=case, activities=[register.support, register.billing], team=None, actor=caseworker)
    text = _acknowledgement(case)
    assert "What this may mean for your services" in text
    assert f"Council tax support (Council tax): {CONSEQUENCE}" in text


def test_before_activities_are_chosen_it_gives_the_general_warning(register, caseworker) -> None:
    case = make_case(kind=CaseKind.CONSENT_WITHDRAWAL, received_on=date(2026, 11, 2), actor=caseworker)
    text = _acknowledgement(case)
    assert "may delay or prevent us providing a service" in text
    assert "Our records say this" not in text


def test_an_access_request_carries_no_service_warning(register, caseworker) -> None:
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 11, 2), actor=caseworker)
    choose_scope(case=case, activities=[register.support], team=None, actor=caseworker)
    assert "What this may mean for your services" not in _acknowledgement(case)
