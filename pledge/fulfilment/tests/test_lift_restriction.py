"""Lifting a restriction: only after the person was told (Art 18(3)), once, with the reasons; allowed after closing."""

from datetime import date

import pytest

from pledge.casework import services as casework
from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment.services import FulfilmentError, active_restrictions, lift_restriction
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def restriction(today, register, revenues, caseworker):
    today(date(2026, 12, 1))
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    made = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 1))
    today(date(2026, 12, 20))
    return made


def _lift(restriction, actor, **changes):
    values = {
        "person_told_on": date(2026, 12, 15),
        "person_told_how": "letter",
        "reasons": "The date of birth was checked against the birth certificate and is accurate",
        "lifted_on": date(2026, 12, 18),
    }
    values.update(changes)
    return lift_restriction(restriction=restriction, actor=actor, **values)


def test_it_lifts_a_restriction_after_the_person_was_told(restriction, caseworker) -> None:
    lifted = _lift(restriction, caseworker)

    assert not lifted.active
    assert (lifted.lifted_on, lifted.person_told_on, lifted.person_told_how) == (
        date(2026, 12, 18),
        date(2026, 12, 15),
        "letter",
    )
    assert lifted.lifted_by == caseworker and lifted.lifted_at is not None
    assert list(active_restrictions()) == []
    event = AuditEvent.objects.filter(object_ref=restriction.case.reference).first()
    assert event.summary == f"Restriction {restriction.pk} in Revenues system lifted after the person was told"
    assert event.after == {"lifted_on": "2026-12-18", "person_told_on": "2026-12-15"}


def test_telling_the_person_on_the_day_it_is_lifted_is_enough(restriction, caseworker) -> None:
    assert not _lift(restriction, caseworker, person_told_on=date(2026, 12, 18)).active


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"person_told_on": None}, "person_told_on", "Enter the date the person was told"),
        ({"person_told_on": date(2026, 12, 19)}, "lifted_on", "must be told before the restriction is lifted"),
        ({"person_told_on": date(2026, 12, 21)}, "person_told_on", "cannot be in the future"),
        ({"lifted_on": date(2026, 12, 21)}, "lifted_on", "cannot be in the future"),
        ({"lifted_on": None}, "lifted_on", "Enter the date the restriction was lifted"),
        ({"person_told_how": "pigeon"}, "person_told_how", "Select how the person was told"),
        ({"reasons": ""}, "reasons", "Enter why the restriction is being lifted"),
    ],
)
def test_it_refuses_to_lift_without_telling_the_person_first(restriction, caseworker, changes, field, message) -> None:
    with pytest.raises(FulfilmentError, match=message) as refused:
        _lift(restriction, caseworker, **changes)

    assert refused.value.field == field
    restriction.refresh_from_db()
    assert restriction.active and restriction.person_told_on is None


def test_it_refuses_to_lift_twice(restriction, caseworker) -> None:
    _lift(restriction, caseworker)
    with pytest.raises(FulfilmentError, match="already been lifted"):
        _lift(restriction, caseworker)


def test_a_restriction_can_be_lifted_after_its_case_is_closed(restriction, caseworker) -> None:
    case = restriction.case
    casework.mark_responded(case=case, on=date(2026, 12, 10), actor=caseworker)
    casework.close(case=case, on=date(2026, 12, 11), actor=caseworker)
    restriction.refresh_from_db()

    assert not _lift(restriction, caseworker).active
