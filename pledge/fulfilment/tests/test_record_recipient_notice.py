"""Recording that a recipient was told (date, how, by whom), or why not; only once there is something to tell."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment.models import RecipientNotice
from pledge.fulfilment.services import (
    FulfilmentError,
    record_correction,
    record_erasure_outcome,
    record_recipient_notice,
)
from pledge.fulfilment.tests.factories import make_case, make_restriction
from pledge.register.models import Recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, register, revenues, caseworker):
    today(date(2026, 12, 10))
    made = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    make_restriction(case=made, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    return made


@pytest.fixture
def dwp(register) -> Recipient:
    return Recipient.objects.get(slug="dwp")


def _tell(case, recipient, actor, **changes):
    values = {"outcome": "told", "told_on": date(2026, 12, 9), "method": "secure_transfer", "reasons": ""}
    values.update(changes)
    return record_recipient_notice(case=case, recipient=recipient, actor=actor, **values)


def test_it_records_that_a_recipient_was_told(case, dwp, caseworker) -> None:
    notice = _tell(case, dwp, caseworker)

    assert (notice.outcome, notice.told_on, notice.method, notice.recorded_by) == (
        "told",
        date(2026, 12, 9),
        "secure_transfer",
        caseworker,
    )
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == "Art 19: Department for Work and Pensions told"


@pytest.mark.parametrize("outcome", ["impossible", "disproportionate"])
def test_it_records_why_a_recipient_was_not_told(case, dwp, caseworker, outcome) -> None:
    notice = _tell(case, dwp, caseworker, outcome=outcome, reasons="No contact since the 2012 contract ended")

    assert (notice.outcome, notice.told_on, notice.method) == (outcome, None, "")
    assert notice.reasons == "No contact since the 2012 contract ended"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"outcome": "forgot"}, "outcome"),
        ({"told_on": None}, "told_on"),
        ({"method": ""}, "method"),
        ({"method": "carrier pigeon"}, "method"),
        ({"told_on": date(2026, 12, 11)}, "told_on"),
        ({"told_on": date(2026, 11, 30)}, "told_on"),
        ({"outcome": "impossible", "reasons": " "}, "reasons"),
    ],
)
def test_it_refuses_an_incomplete_record(case, dwp, caseworker, changes, field) -> None:
    with pytest.raises(FulfilmentError) as refused:
        _tell(case, dwp, caseworker, **changes)

    assert refused.value.field == field
    assert RecipientNotice.objects.count() == 0


def test_it_records_each_recipient_once(case, dwp, caseworker) -> None:
    _tell(case, dwp, caseworker)
    with pytest.raises(FulfilmentError, match="already recorded"):
        _tell(case, dwp, caseworker)
    assert RecipientNotice.objects.count() == 1


def test_it_refuses_a_recipient_the_cases_activities_do_not_share_with(case, caseworker) -> None:
    stranger = Recipient.objects.create(slug="stranger", name="Stranger Ltd", kind="partner")
    with pytest.raises(FulfilmentError, match="Select a recipient of this case") as refused:
        _tell(case, stranger, caseworker)
    assert refused.value.field == "recipient"


def test_nothing_can_be_recorded_before_a_change_to_tell(today, register, dwp, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    with pytest.raises(FulfilmentError, match="before telling recipients"):
        _tell(case, dwp, caseworker)


def test_a_correction_makes_recipients_tellable(today, register, revenues, dwp, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    record_correction(
        case=case,
        system=revenues,
        record_reference="CT-9",
        was="A",
        now="B",
        corrected_on=date(2026, 12, 9),
        actor=caseworker,
    )
    assert _tell(case, dwp, caseworker).pk


def test_a_kept_record_is_not_an_erasure_to_tell_but_an_erased_one_is(
    today, register, revenues, dwp, caseworker
) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1))
    record_erasure_outcome(
        case=case,
        system=revenues,
        record_reference="CT-9",
        result="kept",
        keep_ground="legal_obligation",
        reasons="Statutory retention",
        done_on=date(2026, 12, 9),
        actor=caseworker,
    )
    with pytest.raises(FulfilmentError, match="before telling recipients"):
        _tell(case, dwp, caseworker)

    record_erasure_outcome(
        case=case,
        system=revenues,
        record_reference="CT-10",
        result="erased",
        erase_ground="consent_withdrawn",
        done_on=date(2026, 12, 9),
        actor=caseworker,
    )
    assert _tell(case, dwp, caseworker).pk
