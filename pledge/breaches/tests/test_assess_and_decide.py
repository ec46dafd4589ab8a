"""Assessing a breach and recording the ICO and people decisions (Arts 33, 34), audited; refusals save nothing."""

from datetime import date, datetime, timedelta

import pytest

from pledge.breaches import services
from pledge.breaches.models import ActionKind, Breach, BreachState, IcoDecision, PeopleDecision
from pledge.breaches.tests.conftest import AWARE, LONDON
from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.law.breach import Art34Exception, Likelihood, Severity

pytestmark = pytest.mark.django_db


def _assess(breach, dpo, **kwargs):
    values = {
        "breach": breach,
        "actor": dpo,
        "likelihood": Likelihood.LIKELY,
        "severity": Severity.SIGNIFICANT,
        "special_category": False,
        "criminal_offence": False,
        "data_unintelligible": False,
        "people_affected": 1,
        "records_affected": 2,
        "likely_consequences": "The recipient knows the resident's debt.",
        "rationale": "Sent to a neighbour.",
    }
    values.update(kwargs)
    return services.assess_breach(**values)


def _events(breach: Breach) -> int:
    return AuditEvent.objects.filter(object_type="breach", object_ref=breach.reference).count()


def test_the_assessment_sets_the_level_from_the_pure_rules(breach, staff) -> None:
    assessed = _assess(breach, staff(Role.DPO))
    assert assessed.risk_level == "high"
    assert assessed.state == BreachState.ASSESSED
    assert _events(breach) == 2
    event = AuditEvent.objects.filter(object_ref=breach.reference).order_by("-id").first()
    assert event.before["risk_level"] == "" and event.after["risk_level"] == "high"


def test_an_assessment_without_reasons_is_refused(breach, staff) -> None:
    with pytest.raises(services.BreachInvalid) as refused:
        _assess(breach, staff(Role.DPO), rationale=" ", likely_consequences="")
    assert set(refused.value.problems) == {"rationale", "likely_consequences"}
    breach.refresh_from_db()
    assert breach.risk_level == "" and _events(breach) == 1


def test_the_ico_decision_waits_for_the_assessment(breach, staff) -> None:
    with pytest.raises(services.BreachInvalid) as refused:
        services.decide_ico(breach=breach, actor=staff(Role.DPO), notify=False, reasons_not_notified="Low risk")
    assert "notify" in refused.value.problems


def test_a_timely_report_is_recorded(breach, staff) -> None:
    breach = _assess(breach, staff(Role.DPO))
    decided = services.decide_ico(
        breach=breach, actor=staff(Role.DPO), notify=True, notified_at=AWARE + timedelta(hours=20), reference="IC-9"
    )
    assert decided.ico_decision == IcoDecision.NOTIFIED
    assert decided.state == BreachState.DECIDED
    assert decided.ico_delay_reasons == ""


def test_a_late_report_is_refused_without_reasons_and_kept_with_them(breach, staff, at) -> None:
    breach = _assess(breach, staff(Role.DPO))
    at(AWARE + timedelta(hours=90))
    late = AWARE + timedelta(hours=80)
    with pytest.raises(services.BreachInvalid) as refused:
        services.decide_ico(breach=breach, actor=staff(Role.DPO), notify=True, notified_at=late, reference="IC-9")
    assert set(refused.value.problems) == {"delay_reasons"}
    breach.refresh_from_db()
    assert breach.ico_decision == IcoDecision.PENDING
    decided = services.decide_ico(
        breach=breach,
        actor=staff(Role.DPO),
        notify=True,
        notified_at=late,
        reference="IC-9",
        delay_reasons="The scale only became clear on day three.",
    )
    assert decided.ico_delay_reasons == "The scale only became clear on day three."
    assert "late" in AuditEvent.objects.filter(object_ref=breach.reference).order_by("-id").first().summary


def test_not_reporting_is_recorded_only_with_reasons(breach, staff) -> None:
    breach = _assess(breach, staff(Role.DPO), likelihood=Likelihood.REMOTE, severity=Severity.MINIMAL)
    with pytest.raises(services.BreachInvalid):
        services.decide_ico(breach=breach, actor=staff(Role.DPO), notify=False)
    decided = services.decide_ico(
        breach=breach, actor=staff(Role.DPO), notify=False, reasons_not_notified="Recalled unread within minutes."
    )
    assert decided.ico_decision == IcoDecision.NOT_NOTIFIED
    assert decided.ico_reasons_not_notified == "Recalled unread within minutes."


def test_a_high_risk_breach_needs_people_told_or_an_exception(breach, staff) -> None:
    breach = _assess(breach, staff(Role.DPO))
    with pytest.raises(services.BreachInvalid) as refused:
        services.decide_people(breach=breach, actor=staff(Role.DPO), told=False)
    assert set(refused.value.problems) == {"exception"}
    decided = services.decide_people(
        breach=breach, actor=staff(Role.DPO), told=False, exception=Art34Exception.DISPROPORTIONATE
    )
    assert decided.people_decision == PeopleDecision.NOT_TOLD
    assert decided.people_exception == "disproportionate"
    told = services.decide_people(
        breach=breach, actor=staff(Role.DPO), told=True, told_at=AWARE + timedelta(hours=5), told_how="Phone"
    )
    assert told.people_exception == "" and told.people_told_how == "Phone"


def test_actions_are_owned_done_and_must_all_be_done_before_closing(breach, staff) -> None:
    dpo = staff(Role.DPO)
    breach = _assess(breach, dpo, likelihood=Likelihood.REMOTE, severity=Severity.MINIMAL)
    services.decide_ico(breach=breach, actor=dpo, notify=False, reasons_not_notified="Recalled unread.")
    services.decide_people(breach=breach, actor=dpo, told=False)
    action = services.add_action(
        breach=breach,
        actor=dpo,
        kind=ActionKind.CONTAINMENT,
        description="Ask the recipient to delete it",
        owner=staff(Role.CASEWORKER),
        due_on=None,
    )
    breach.refresh_from_db()
    with pytest.raises(services.BreachInvalid) as refused:
        services.close_breach(breach=breach, actor=dpo)
    assert "action" in refused.value.problems["close"]
    with pytest.raises(services.BreachInvalid):
        services.complete_action(action=action, actor=dpo, done_on=date(2027, 1, 1))
    services.complete_action(action=action, actor=dpo, done_on=date(2026, 12, 25))
    closed = services.close_breach(breach=breach, actor=dpo)
    assert closed.state == BreachState.CLOSED
    assert Breach.objects.filter(pk=breach.pk).exists()


def test_a_breach_cannot_close_before_its_decisions(breach, staff) -> None:
    with pytest.raises(services.BreachInvalid) as refused:
        services.close_breach(breach=breach, actor=staff(Role.DPO))
    assert "ICO decision" in refused.value.problems["close"]


def test_undecided_breaches_come_most_urgent_first(breach, staff) -> None:
    later = services.report_breach(
        actor=staff(Role.AUDITOR),
        description="A file left on a printer.",
        aware_at=datetime(2026, 12, 25, 20, 0, tzinfo=LONDON),
        data_categories="Payroll",
        people_affected=None,
    )
    rows = services.undecided_breaches(now=datetime(2026, 12, 25, 23, 30, tzinfo=LONDON))
    assert [row.breach for row in rows] == [breach, later]
    assert rows[0].countdown.hours_left == 41
