"""The metrics figures from real cases: on time, late, refusals, open cases, waits, and months at their edges."""

from datetime import date, datetime

import pytest
from django.test import Client

from pledge.casework import services
from pledge.casework.metrics import case_facts, period_figures
from pledge.casework.models import CaseKind, Channel
from pledge.casework.tests.conftest import LONDON
from pledge.casework.tests.factories import make_case
from pledge.law.reporting import Timeliness, financial_year
from pledge.rights.tests.conftest import CHECK, FOR_MYSELF

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 2)  # a Monday
RECEIVED = date(2026, 9, 3)  # due Monday 5 October 2026 (spec §1.3 vector 3)


@pytest.fixture
def cases(today, caseworker):
    today(TODAY)
    made = {name: make_case(received_on=RECEIVED) for name in ("on_time", "late", "refused", "overdue", "proof")}
    made["withdrawn"] = make_case(received_on=RECEIVED, channel=Channel.PHONE)
    made["stopped"] = make_case(received_on=RECEIVED)
    made["erasure_waiting"] = make_case(received_on=RECEIVED, kind=CaseKind.ERASURE)
    made["recent"] = make_case(received_on=date(2026, 10, 28), channel=Channel.WEB)
    services.mark_responded(case=made["on_time"], on=date(2026, 10, 5), actor=caseworker)
    services.mark_responded(case=made["late"], on=date(2026, 10, 6), actor=caseworker)
    services.refuse_request(
        case=made["refused"], ground="manifestly_excessive", reasons="Repeats", actor=caseworker, on=date(2026, 9, 20)
    )
    services.ask_for_identity(case=made["proof"], on=RECEIVED, actor=caseworker)
    services.withdraw(case=made["withdrawn"], on=date(2026, 9, 4), actor=caseworker)
    services.ask_for_clarification(case=made["stopped"], on=RECEIVED, actor=caseworker)
    services.ask_for_clarification(case=made["erasure_waiting"], on=RECEIVED, actor=caseworker)
    return made


def outcomes(period=None, on: date = TODAY) -> dict[str, Timeliness]:
    facts = case_facts(period=period or financial_year(2026), today=on)
    return {fact.reference: fact.outcome for fact in facts}


def test_each_case_is_judged_by_the_on_time_rule(cases) -> None:
    judged = outcomes()
    assert {name: judged[case.reference] for name, case in cases.items()} == {
        "on_time": Timeliness.ON_TIME,  # answered on the due date
        "late": Timeliness.LATE,
        "refused": Timeliness.ON_TIME,  # a refusal sent in time answers the request
        "overdue": Timeliness.LATE,  # still open after its due date
        "proof": Timeliness.OPEN,  # no clock running while waiting for proof
        "withdrawn": Timeliness.NOT_COUNTED,
        "stopped": Timeliness.OPEN,  # an access request's clock stops for clarification (R1.7)
        "erasure_waiting": Timeliness.LATE,  # an erasure request's clock does not stop
        "recent": Timeliness.OPEN,
    }


def test_the_totals_follow_from_the_rule(cases) -> None:
    total = period_figures(period=financial_year(2026), today=TODAY).total
    assert (total.received, total.on_time, total.late, total.still_open, total.not_counted) == (9, 2, 3, 3, 1)
    assert total.on_time_percentage == 40
    assert total.refused == 1
    assert total.days == [32, 33, 17]
    assert total.median_days == 32
    assert (total.waited_for_proof, total.asked_to_clarify) == (1, 2)


def test_waiting_for_proof_is_remembered_after_the_proof_arrives(cases, caseworker) -> None:
    services.record_identity_received(
        case=cases["proof"], on=date(2026, 9, 10), actor=caseworker, method="matching_details"
    )
    assert period_figures(period=financial_year(2026), today=TODAY).total.waited_for_proof == 1


def test_extensions_are_counted(cases, caseworker) -> None:
    services.extend_deadline(case=cases["recent"], reason="Many records", actor=caseworker, on=TODAY)
    figures = period_figures(period=financial_year(2026), today=TODAY)
    assert figures.total.extended == 1
    assert next(t for t in figures.by_month if t.key == "2026-10-01").extended == 1


def test_figures_by_channel_and_month(cases) -> None:
    figures = period_figures(period=financial_year(2026), today=TODAY)
    by_channel = {t.key: t.received for t in figures.by_channel}
    assert (by_channel["email"], by_channel["phone"], by_channel["web"]) == (7, 1, 1)
    by_month = {t.key: t.received for t in figures.by_month}
    assert list(by_month) == [f"2026-{m:02d}-01" for m in range(4, 12)]  # April to November: months so far
    assert (by_month["2026-09-01"], by_month["2026-10-01"], by_month["2026-04-01"]) == (8, 1, 0)


def test_a_case_counts_in_the_period_it_was_received_in(today) -> None:
    today(date(2026, 4, 2))
    last_day, first_day = make_case(received_on=date(2026, 3, 31)), make_case(received_on=date(2026, 4, 1))
    assert set(outcomes(financial_year(2025))) == {last_day.reference}
    assert set(outcomes(financial_year(2026))) == {first_day.reference}
    march = period_figures(period=financial_year(2025), today=date(2026, 4, 2)).by_month[-1]
    assert (march.key, march.received) == ("2026-03-01", 1)


def test_an_open_case_becomes_late_the_day_after_it_is_due(today) -> None:
    today(date(2026, 10, 5))
    case = make_case(received_on=RECEIVED)
    assert outcomes(on=date(2026, 10, 5)) == {case.reference: Timeliness.OPEN}
    assert outcomes(on=date(2026, 10, 6)) == {case.reference: Timeliness.LATE}


def test_the_facts_hold_no_personal_data(cases) -> None:
    fact = next(iter(case_facts(period=financial_year(2026), today=TODAY)))
    values = repr(fact)
    assert fact.reference in values
    assert "Zebedee" not in values and "example.com" not in values and "council tax" not in values


def test_a_request_made_just_after_midnight_in_london_counts_in_the_new_month(time_machine) -> None:
    time_machine.move_to(datetime(2026, 5, 1, 0, 30, tzinfo=LONDON), tick=False)  # 30 April 23:30 in UTC
    resident = Client()
    for slug, answers in FOR_MYSELF:
        assert resident.post(f"/your-rights/{slug}/", answers).status_code == 302
    assert resident.post(CHECK).status_code == 302
    figures = period_figures(period=financial_year(2026), today=date(2026, 5, 1))
    assert [(t.key, t.received) for t in figures.by_month] == [("2026-04-01", 0), ("2026-05-01", 1)]
