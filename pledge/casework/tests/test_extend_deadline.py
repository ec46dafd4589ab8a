"""Extending by two months (R1.6): three months from the start, and only while the requester can still be told."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import Case, CaseKind
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db
REASON = "Records in six systems need searching"


def test_it_extends_to_three_months_from_the_start(today, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(received_on=date(2026, 11, 30))  # spec §1.3 vector 15
    services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 10))
    case.refresh_from_db()
    assert (case.state, case.extended, case.due_on) == (CaseState.EXTENDED, True, date(2027, 3, 1))
    assert case.extension_notice_by == date(2026, 12, 30)
    assert case.extension_reason == REASON


def test_it_allows_an_extension_on_the_notice_date_itself(today, caseworker) -> None:
    today(date(2026, 12, 30))
    case = make_case(received_on=date(2026, 11, 30))
    services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 30))
    assert case.due_on == date(2027, 3, 1)


def test_it_refuses_an_extension_after_the_notice_date_and_writes_nothing(today, caseworker) -> None:
    today(date(2026, 12, 31))
    case = make_case(received_on=date(2026, 11, 30))
    events = AuditEvent.objects.count()
    with pytest.raises(CaseworkError, match="Too late to extend: the requester had to be told by 30 December 2026"):
        services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 31))
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.extended, stored.due_on) == (CaseState.RECEIVED, False, date(2026, 12, 30))
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("kind", [CaseKind.CONSENT_WITHDRAWAL, CaseKind.THIRD_PARTY_AUTHORISATION])
def test_it_refuses_an_extension_for_a_kind_that_has_none(today, caseworker, kind: CaseKind) -> None:
    today(date(2026, 12, 10))
    case = make_case(received_on=date(2026, 11, 30), kind=kind)
    with pytest.raises(CaseworkError, match="cannot be extended"):
        services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 10))


def test_it_refuses_a_second_extension(today, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(received_on=date(2026, 11, 30))
    services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 10))
    with pytest.raises(CaseworkError, match="already been extended"):
        services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 10))


def test_it_refuses_an_extension_without_a_reason(today, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(received_on=date(2026, 11, 30))
    with pytest.raises(CaseworkError, match="reason"):
        services.extend_deadline(case=case, reason="  ", actor=caseworker, on=date(2026, 12, 10))


def test_the_audit_row_leaves_the_reason_out(today, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(received_on=date(2026, 11, 30))
    services.extend_deadline(case=case, reason=REASON, actor=caseworker, on=date(2026, 12, 10))
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == "Deadline extended by two months"
    assert event.after == {"state": "extended", "due_on": "2027-03-01"}
    assert REASON not in str(event.__dict__)
