"""Charging a fee (R1.10): recorded with reasons; the clock starts again only when the fee arrives (R1.2)."""

from datetime import date
from decimal import Decimal

import pytest

from pledge.casework import services
from pledge.casework.models import Case
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db
REASONS = "Fourth request for the same records this year"


@pytest.fixture
def case(today):
    today(date(2026, 12, 10))
    return make_case(received_on=date(2026, 11, 30))


def test_charging_a_fee_records_it_but_does_not_move_the_clock(case, caseworker) -> None:
    services.charge_fee(case=case, amount=Decimal("10.00"), reasons=REASONS, actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.fee_amount, stored.fee_reasons, stored.fee_requested_on) == (
        Decimal("10.00"),
        REASONS,
        date(2026, 12, 10),
    )
    assert stored.fee_received_on is None
    assert stored.due_on == date(2026, 12, 30)


def test_the_fee_arriving_starts_the_clock_again_from_that_day(case, caseworker, today) -> None:
    services.charge_fee(case=case, amount=Decimal("10.00"), reasons=REASONS, actor=caseworker)
    today(date(2026, 12, 21))
    services.record_fee_received(case=case, on=date(2026, 12, 21), actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert stored.fee_received_on == date(2026, 12, 21)
    assert stored.due_on == date(2027, 1, 21)
    event = AuditEvent.objects.filter(object_ref=case.reference).order_by("-id").first()
    assert (event.summary, event.before, event.after) == (
        "Fee received",
        {"due_on": "2026-12-30"},
        {"due_on": "2027-01-21"},
    )


@pytest.mark.parametrize(
    ("amount", "reasons", "message"),
    [(Decimal("0"), REASONS, "more than £0"), (Decimal("-5"), REASONS, "more than £0"), (Decimal("10"), "", "reasons")],
)
def test_it_refuses_a_bad_fee_and_saves_nothing(case, caseworker, amount, reasons, message) -> None:
    events = AuditEvent.objects.count()
    with pytest.raises(CaseworkError, match=message):
        services.charge_fee(case=case, amount=amount, reasons=reasons, actor=caseworker)
    assert Case.objects.get(pk=case.pk).fee_amount is None
    assert AuditEvent.objects.count() == events


def test_it_refuses_a_second_fee(case, caseworker) -> None:
    services.charge_fee(case=case, amount=Decimal("10"), reasons=REASONS, actor=caseworker)
    with pytest.raises(CaseworkError, match="already been charged"):
        services.charge_fee(case=case, amount=Decimal("20"), reasons=REASONS, actor=caseworker)


def test_a_fee_cannot_arrive_when_none_was_charged(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="No fee was charged"):
        services.record_fee_received(case=case, on=date(2026, 12, 10), actor=caseworker)


def test_a_fee_cannot_arrive_before_it_was_asked_for_or_in_the_future(case, caseworker) -> None:
    services.charge_fee(case=case, amount=Decimal("10"), reasons=REASONS, actor=caseworker)
    with pytest.raises(CaseworkError, match="before it was asked for"):
        services.record_fee_received(case=case, on=date(2026, 12, 9), actor=caseworker)
    with pytest.raises(CaseworkError, match="cannot be in the future"):
        services.record_fee_received(case=case, on=date(2026, 12, 11), actor=caseworker)
    assert Case.objects.get(pk=case.pk).fee_received_on is None


def test_a_fee_is_received_only_once(case, caseworker) -> None:
    services.charge_fee(case=case, amount=Decimal("10"), reasons=REASONS, actor=caseworker)
    services.record_fee_received(case=case, on=date(2026, 12, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="already been recorded"):
        services.record_fee_received(case=case, on=date(2026, 12, 10), actor=caseworker)


def test_the_audit_row_gives_the_amount_but_not_the_reasons(case, caseworker) -> None:
    services.charge_fee(case=case, amount=Decimal("12.5"), reasons=REASONS, actor=caseworker)
    event = AuditEvent.objects.filter(object_ref=case.reference).order_by("-id").first()
    assert (event.summary, event.after) == ("Fee charged (Art 12(5))", {"fee_amount": "12.50"})
    assert REASONS not in str(event.__dict__)
