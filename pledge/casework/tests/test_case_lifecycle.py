"""Assigning, responding, closing and withdrawing; illegal moves are refused and nothing is written."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import Case, CaseKind
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_illegal_transition_is_refused_and_nothing_is_written(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    events = AuditEvent.objects.count()
    with pytest.raises(CaseworkError, match="A case that is received cannot become closed"):
        services.close(case=case, on=date(2026, 9, 10), actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.closed_on) == (CaseState.RECEIVED, None)
    assert (case.state, case.closed_on) == (CaseState.RECEIVED, None)
    assert AuditEvent.objects.count() == events


def test_a_case_is_responded_to_then_closed(today, caseworker) -> None:
    today(date(2026, 9, 20))
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 9, 3))
    services.mark_responded(case=case, on=date(2026, 9, 18), actor=caseworker)
    services.close(case=case, on=date(2026, 9, 20), actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.responded_on, stored.closed_on) == (
        CaseState.CLOSED,
        date(2026, 9, 18),
        date(2026, 9, 20),
    )
    summaries = list(
        AuditEvent.objects.filter(object_ref=case.reference).order_by("id").values_list("summary", flat=True)
    )
    assert summaries == ["Request logged (email)", "Response sent", "Case closed"]


def test_a_late_response_says_so_in_the_trail(today, caseworker) -> None:
    today(date(2026, 10, 20))
    case = make_case(received_on=date(2026, 9, 3))
    services.mark_responded(case=case, on=date(2026, 10, 20), actor=caseworker)
    assert AuditEvent.objects.filter(summary="Response sent (after the due date)").exists()


def test_a_withdrawn_case_cannot_be_responded_to(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    services.withdraw(case=case, on=date(2026, 9, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="withdrawn cannot become responded"):
        services.mark_responded(case=case, on=date(2026, 9, 10), actor=caseworker)


def test_it_assigns_and_unassigns(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    services.assign(case=case, assignee=caseworker, actor=caseworker)
    assert Case.objects.get(pk=case.pk).assignee == caseworker
    services.assign(case=case, assignee=None, actor=caseworker)
    assert Case.objects.get(pk=case.pk).assignee is None
    assert AuditEvent.objects.filter(summary="Assigned to casey").exists()


def test_a_finished_case_cannot_be_reassigned(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    services.withdraw(case=case, on=date(2026, 9, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="cannot be reassigned"):
        services.assign(case=case, assignee=caseworker, actor=caseworker)


def test_an_action_dated_in_the_future_is_refused(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    with pytest.raises(CaseworkError, match="future"):
        services.mark_responded(case=case, on=date(2026, 9, 11), actor=caseworker)
    assert Case.objects.get(pk=case.pk).state == CaseState.RECEIVED
