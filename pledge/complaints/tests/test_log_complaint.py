"""Logging a complaint: its reference, its s.164A(3) acknowledgement date, and the request it is about."""

from datetime import date

import pytest

from pledge.casework.models import Case, Channel, ComplaintKind
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.complaints.services import ComplaintError, log_complaint
from pledge.complaints.tests.factories import NAME, make_complaint
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "acknowledge_by"),
    [
        (date(2026, 6, 19), date(2026, 7, 20)),  # day 30 is a Sunday
        (date(2026, 11, 26), date(2026, 12, 29)),  # day 30 is Boxing Day; 28 December is the substitute holiday
    ],
)
def test_it_sets_the_acknowledgement_date_from_the_day_after_receipt(today, received, acknowledge_by) -> None:
    today(date(2026, 11, 30))
    complaint = make_complaint(received_on=received)
    assert complaint.case.due_on == acknowledge_by
    assert complaint.case.state == CaseState.RECEIVED


def test_it_gives_a_complaint_reference_and_names_no_one_in_the_audit(today) -> None:
    today(date(2026, 11, 30))
    complaint = make_complaint(received_on=date(2026, 11, 30))
    assert complaint.case.reference.startswith("DPC-2026-")
    event = AuditEvent.objects.get(object_ref=complaint.case.reference)
    assert event.summary == "Complaint logged (email)"
    assert NAME not in event.summary


def test_the_acknowledgement_period_is_configurable(today, settings) -> None:
    today(date(2026, 11, 30))
    settings.PLEDGE_COMPLAINT_ACKNOWLEDGEMENT_DAYS = 10
    complaint = make_complaint(received_on=date(2026, 11, 30))
    assert complaint.case.due_on == date(2026, 12, 10)


def test_it_links_the_request_the_complaint_is_about(today) -> None:
    today(date(2026, 11, 30))
    request = make_case(received_on=date(2026, 10, 1))
    complaint = make_complaint(received_on=date(2026, 11, 30), related_reference=request.reference.lower())
    assert complaint.related_case == request
    assert complaint.related_reference == request.reference
    assert AuditEvent.objects.filter(object_ref=request.reference, summary=f"Complaint {complaint.case.reference} made")


def test_an_unknown_reference_is_kept_but_links_nothing(today) -> None:
    today(date(2026, 11, 30))
    complaint = make_complaint(received_on=date(2026, 11, 30), related_reference="RR-2026-999999")
    assert complaint.related_case is None
    assert complaint.related_reference == "RR-2026-999999"


def test_it_refuses_a_future_date_and_saves_nothing(today) -> None:
    today(date(2026, 11, 30))
    with pytest.raises(ComplaintError, match="cannot be in the future"):
        make_complaint(received_on=date(2026, 12, 1))
    assert not Case.objects.exists()


def test_it_refuses_a_kind_that_is_not_a_complaint(today) -> None:
    today(date(2026, 11, 30))
    with pytest.raises(ComplaintError):
        log_complaint(
            kind="access", channel=Channel.EMAIL, received_on=date(2026, 11, 30), name="A", summary="B", actor=None
        )
    assert not Case.objects.exists()


def test_a_suggestion_is_logged_as_its_own_kind(today) -> None:
    today(date(2026, 11, 30))
    suggestion = make_complaint(received_on=date(2026, 11, 30), kind=ComplaintKind.SUGGESTION)
    assert suggestion.case.kind == ComplaintKind.SUGGESTION
    assert AuditEvent.objects.get(object_ref=suggestion.case.reference).summary == "Complaint logged (email)"
