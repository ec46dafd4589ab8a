"""Starting a restriction (Art 18(1)): a ground, a scope and a start date on one record, never twice at once."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment.models import Restriction
from pledge.fulfilment.services import FulfilmentError, active_restrictions, restrict_processing
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, register):
    today(date(2026, 12, 10))
    return make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))


@pytest.mark.parametrize("kind", [CaseKind.RESTRICTION, CaseKind.RECTIFICATION, CaseKind.OBJECTION])
def test_restriction_is_recorded_on_restriction_rectification_and_objection_requests(
    today, register, revenues, caseworker, kind
) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=kind, received_on=date(2026, 12, 1))

    restriction = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))

    assert restriction.active
    assert (restriction.ground, restriction.started_by, restriction.started_on) == ("a", caseworker, date(2026, 12, 2))
    assert list(active_restrictions(system=revenues)) == [restriction]
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == f"Restriction {restriction.pk} started in Revenues system (Art 18(1)(a))"


def test_it_is_refused_on_an_access_request(today, register, revenues, caseworker) -> None:
    today(date(2026, 12, 10))
    access = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    with pytest.raises(FulfilmentError, match="restriction, rectification and objection requests only"):
        make_restriction(case=access, system=revenues, actor=caseworker, on=date(2026, 12, 2))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ground": "e"}, "ground"),
        ({"ground": ""}, "ground"),
        ({"scope": "  "}, "scope"),
        ({"record_reference": ""}, "record_reference"),
        ({"started_on": date(2026, 12, 11)}, "started_on"),
        ({"started_on": date(2026, 11, 1)}, "started_on"),
        ({"system": None}, "system"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(case, revenues, caseworker, changes, field) -> None:
    values = {
        "system": revenues,
        "record_reference": "CT-1",
        "ground": "b",
        "scope": "All council tax data",
        "started_on": date(2026, 12, 3),
    }
    values.update(changes)

    with pytest.raises(FulfilmentError) as refused:
        restrict_processing(case=case, actor=caseworker, **values)

    assert refused.value.field == field
    assert Restriction.objects.count() == 0


def test_a_second_submission_for_the_same_record_is_refused(case, revenues, housing, caseworker) -> None:
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))

    with pytest.raises(FulfilmentError, match="already restricted"):
        make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    make_restriction(case=case, system=housing, actor=caseworker, on=date(2026, 12, 2))

    assert Restriction.objects.count() == 2
