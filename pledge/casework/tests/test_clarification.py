"""Asking for clarification stops the clock for access requests only (R1.7); other kinds keep running."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import CaseKind, Clarification
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case

pytestmark = pytest.mark.django_db


def _ask_and_answer(case, actor, today) -> None:
    today(date(2026, 3, 5))
    services.ask_for_clarification(case=case, on=date(2026, 3, 5), actor=actor)
    today(date(2026, 3, 12))
    services.record_clarification(case=case, on=date(2026, 3, 12), actor=actor)


def test_clarification_pauses_an_access_request(today, caseworker) -> None:
    today(date(2026, 3, 2))
    case = make_case(received_on=date(2026, 3, 2), kind=CaseKind.ACCESS)  # spec §1.3 vector 17
    _ask_and_answer(case, caseworker, today)
    case.refresh_from_db()
    assert (case.state, case.due_on) == (CaseState.IN_PROGRESS, date(2026, 4, 10))
    assert case.extension_notice_by == date(2026, 4, 10)


def test_clarification_pauses_a_request_for_cctv_footage_too(today, caseworker) -> None:
    today(date(2026, 3, 2))
    case = make_case(received_on=date(2026, 3, 2), kind=CaseKind.ACCESS_CCTV)
    _ask_and_answer(case, caseworker, today)
    assert case.due_on == date(2026, 4, 10)


@pytest.mark.parametrize("kind", [CaseKind.ERASURE, CaseKind.RECTIFICATION, CaseKind.OBJECTION])
def test_clarification_does_not_pause_other_rights(today, caseworker, kind: CaseKind) -> None:
    today(date(2026, 3, 2))
    case = make_case(received_on=date(2026, 3, 2), kind=kind)
    _ask_and_answer(case, caseworker, today)
    assert case.due_on == date(2026, 4, 2)


def test_it_keeps_the_question_and_the_answer(today, caseworker) -> None:
    today(date(2026, 3, 2))
    case = make_case(received_on=date(2026, 3, 2))
    _ask_and_answer(case, caseworker, today)
    assert list(Clarification.objects.values_list("asked_on", "answered_on")) == [(date(2026, 3, 5), date(2026, 3, 12))]


def test_it_refuses_an_answer_when_nothing_was_asked(today, caseworker) -> None:
    today(date(2026, 3, 12))
    case = make_case(received_on=date(2026, 3, 2))
    with pytest.raises(CaseworkError, match="not waiting for clarification"):
        services.record_clarification(case=case, on=date(2026, 3, 12), actor=caseworker)


def test_it_refuses_an_answer_before_the_question(today, caseworker) -> None:
    today(date(2026, 3, 12))
    case = make_case(received_on=date(2026, 3, 2))
    services.ask_for_clarification(case=case, on=date(2026, 3, 6), actor=caseworker)
    with pytest.raises(CaseworkError, match="before the question"):
        services.record_clarification(case=case, on=date(2026, 3, 5), actor=caseworker)
    assert Clarification.objects.get().answered_on is None
