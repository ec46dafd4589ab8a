"""The warning the case page gives while footage is not retrieved: days left, the last day, or already gone."""

from datetime import date, datetime

import pytest

from pledge.casework import footage
from pledge.casework.footage_models import RetrievalOutcome
from pledge.casework.tests.footage_factories import LONDON, at, make_cctv_case, make_cctv_system, make_scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def scope(today, caseworker):
    today(date(2026, 11, 10))
    return make_scope(case=make_cctv_case(received_on=date(2026, 11, 10)), system=make_cctv_system(), actor=caseworker)


def test_footage_at_risk_says_when_it_is_overwritten_and_how_many_days_are_left(today, scope) -> None:
    today(date(2026, 12, 1))
    assert footage.footage_warning(scope) == (
        "Footage from 3 November 2026 10:00 is overwritten on 4 December 2026: 3 days left. "
        "Retrieve and preserve it now."
    )
    today(date(2026, 12, 3))
    assert "1 day left" in footage.footage_warning(scope)


def test_there_is_no_warning_while_the_footage_is_safe(today, scope) -> None:
    today(date(2026, 11, 26))
    assert footage.footage_warning(scope) == ""


def test_on_the_last_day_it_gives_the_time(time_machine, scope) -> None:
    time_machine.move_to(datetime(2026, 12, 4, 9, tzinfo=LONDON), tick=False)
    assert footage.footage_warning(scope) == (
        "Footage from 3 November 2026 10:00 is overwritten today at 10:00. Retrieve it now."
    )
    time_machine.move_to(datetime(2026, 12, 4, 10, 30, tzinfo=LONDON), tick=False)
    assert footage.footage_warning(scope).startswith("Footage from 3 November 2026 10:00 was overwritten on 4 December")
    assert "Retrieve what is left now" in footage.footage_warning(scope)


def test_once_gone_it_says_so(today, scope) -> None:
    today(date(2026, 12, 5))
    assert footage.footage_warning(scope) == (
        "Footage from 3 November 2026 10:00 was overwritten on 4 December 2026. Record it as not available."
    )


def test_it_says_when_the_footage_was_already_gone_when_the_request_came(today, caseworker) -> None:
    today(date(2026, 11, 10))
    case = make_cctv_case(received_on=date(2026, 11, 10))
    scope = make_scope(
        case=case, system=make_cctv_system(), actor=caseworker, start=at(2026, 10, 1, 10), end=at(2026, 10, 1, 11)
    )
    assert footage.footage_warning(scope) == (
        "Footage from 1 October 2026 10:00 was already overwritten when the request was received. "
        "Record it as not available."
    )


def test_there_is_no_warning_once_the_retrieval_is_recorded(today, scope, caseworker) -> None:
    today(date(2026, 12, 1))
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 12, 1),
        retrieved_by="Control room",
        reason="",
        actor=caseworker,
    )
    assert footage.footage_warning(scope) == ""
