"""Objection decisions (Art 21, P058): one per activity; stop (and how), or carry on with Art 21(1) grounds and
reasons; never carry on with direct marketing; nothing to decide where the right does not apply."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditEvent
from pledge.fulfilment.models import ObjectionDecision
from pledge.fulfilment.services import FulfilmentError, record_objection_decision
from pledge.fulfilment.tests.factories import make_case

pytestmark = pytest.mark.django_db
SLUGS = ("council-tax-support", "recycling-newsletter", "council-tax-billing")


@pytest.fixture
def rows(today, db):
    today(date(2026, 12, 10))
    return build_register()


@pytest.fixture
def case(rows):
    return make_case(kind=CaseKind.OBJECTION, received_on=date(2026, 12, 1), activities=SLUGS)


def _decide(case, activity, actor, **changes):
    values = {
        "outcome": "stopped",
        "how_stopped": "Support record CTS-1 flagged: no automatic recalculation",
        "decided_on": date(2026, 12, 9),
    }
    values.update(changes)
    return record_objection_decision(case=case, activity=activity, actor=actor, **values)


def test_a_stopped_activity_records_how_and_when_it_stopped(case, rows, caseworker) -> None:
    decision = _decide(case, rows.support, caseworker)

    assert (decision.outcome, decision.decided_on, decision.decided_by) == ("stopped", date(2026, 12, 9), caseworker)
    assert decision.how_stopped.startswith("Support record CTS-1 flagged")
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == f"Objection decision {decision.pk} on council-tax-support: stopped"
    assert "CTS-1" not in event.summary


def test_carrying_on_a_public_task_needs_the_compelling_grounds_written_down(case, rows, caseworker) -> None:
    with pytest.raises(FulfilmentError, match="Enter the reasons for carrying on") as refused:
        _decide(
            case, rows.support, caseworker, outcome="carry_on", carry_on_ground="compelling_grounds", how_stopped=""
        )
    assert refused.value.field == "reasons"

    decision = _decide(
        case,
        rows.support,
        caseworker,
        outcome="carry_on",
        carry_on_ground="compelling_grounds",
        reasons="Support must follow Universal Credit changes to stop overpayments.",
        how_stopped="",
    )
    assert decision.get_carry_on_ground_display() == "Compelling legitimate grounds (Art 21(1))"


def test_a_direct_marketing_objection_can_only_stop(case, rows, caseworker) -> None:
    with pytest.raises(FulfilmentError, match=r"absolute: the processing must stop \(UK GDPR Art 21\(3\)\)"):
        _decide(case, rows.newsletter, caseworker, outcome="carry_on", carry_on_ground="legal_claims", reasons="No")

    assert ObjectionDecision.objects.count() == 0
    assert _decide(case, rows.newsletter, caseworker, how_stopped="Removed from the mailing list").outcome == "stopped"


def test_it_refuses_a_decision_where_the_right_to_object_does_not_apply(case, rows, caseworker) -> None:
    with pytest.raises(FulfilmentError, match=r"does not apply to this activity.*Art 21\(1\) applies only") as refused:
        _decide(case, rows.billing, caseworker)

    assert refused.value.field == "activity"
    assert ObjectionDecision.objects.count() == 0


def test_it_refuses_an_activity_the_case_is_not_about_and_a_second_decision(case, rows, caseworker) -> None:
    with pytest.raises(FulfilmentError, match="one of the activities this request concerns"):
        _decide(case, rows.adult_care, caseworker)
    _decide(case, rows.support, caseworker)

    with pytest.raises(FulfilmentError, match="already recorded for Council tax support") as refused:
        _decide(case, rows.support, caseworker)
    assert refused.value.field == "activity"
    assert ObjectionDecision.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"decided_on": date(2026, 12, 11)}, "decided_on", "cannot be in the future"),
        ({"decided_on": date(2026, 11, 30)}, "decided_on", "cannot be before the request was received"),
        ({"how_stopped": " "}, "how_stopped", "Enter how the processing was stopped"),
        ({"outcome": "paused"}, "outcome", "Select whether the processing stops or carries on"),
        ({"activity": None}, "activity", "Select the activity"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(case, rows, caseworker, changes, field, message) -> None:
    activity = changes.pop("activity", rows.support)
    with pytest.raises(FulfilmentError, match=message) as refused:
        _decide(case, activity, caseworker, **changes)

    assert refused.value.field == field
    assert ObjectionDecision.objects.count() == 0


def test_it_refuses_decisions_on_other_kinds_of_request(rows, caseworker) -> None:
    erasure = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1), activities=SLUGS)
    with pytest.raises(FulfilmentError, match="objection requests only"):
        _decide(erasure, rows.support, caseworker)
