"""The dashboard's complaint panel (P123) and the figures (P125): late and due acknowledgements, suggestions apart."""

from datetime import date

import pytest

from pledge.casework.models import ComplaintKind, LetterDelivery
from pledge.complaints.dashboard import dashboard_figures
from pledge.complaints.metrics import complaint_figures
from pledge.complaints.models import Finding
from pledge.complaints.services import acknowledge, send_outcome
from pledge.complaints.tests.factories import make_complaint

pytestmark = pytest.mark.django_db


def test_it_lists_late_and_due_acknowledgements(today, caseworker) -> None:
    today(date(2026, 10, 1))
    late = make_complaint(received_on=date(2026, 10, 1))  # acknowledge by 2 November 2026
    today(date(2026, 10, 30))
    due = make_complaint(received_on=date(2026, 10, 30))  # acknowledge by 30 November 2026
    done = make_complaint(received_on=date(2026, 10, 30))
    acknowledge(complaint=done, delivery=LetterDelivery.POST, actor=caseworker)
    make_complaint(received_on=date(2026, 10, 30), kind=ComplaintKind.SUGGESTION)
    figures = dashboard_figures(today=date(2026, 11, 25))
    assert [c.pk for c in figures["late_acknowledgements"]] == [late.case_id]
    assert [c.pk for c in figures["due_acknowledgements"]] == [due.case_id]
    assert figures["open_complaints"] == 3
    assert figures["open_suggestions"] == 1


def test_an_outcome_inside_the_period_needs_no_separate_acknowledgement(today, caseworker) -> None:
    today(date(2026, 11, 2))
    complaint = make_complaint(received_on=date(2026, 11, 2))
    send_outcome(
        complaint=complaint,
        finding=Finding.NOT_UPHELD,
        findings="The letter went to the address you gave.",
        action_taken="None needed.",
        delivery=LetterDelivery.POST,
        actor=caseworker,
    )
    assert dashboard_figures(today=date(2026, 12, 30))["late_count"] == 0
    figures = complaint_figures(start=date(2026, 1, 1), end=date(2026, 12, 31), today=date(2026, 12, 30))
    assert figures.acknowledged_in_time == 1
    assert figures.complaints.answered == 1


def test_complaints_and_suggestions_are_counted_separately(today, caseworker) -> None:
    today(date(2026, 10, 1))
    make_complaint(received_on=date(2026, 10, 1))
    late = make_complaint(received_on=date(2026, 10, 1))
    make_complaint(received_on=date(2026, 10, 1), kind=ComplaintKind.SUGGESTION)
    today(date(2026, 11, 10))
    acknowledge(complaint=late, delivery=LetterDelivery.POST, actor=caseworker)
    figures = complaint_figures(start=date(2026, 1, 1), end=date(2026, 12, 31), today=date(2026, 11, 10))
    assert figures.complaints.received == 2
    assert figures.suggestions.received == 1
    assert figures.acknowledged_late == 1
    assert figures.unacknowledged_late == 1
    assert figures.acknowledged_in_time == 0


def test_the_panel_renders_its_figures(today, caseworker) -> None:
    from django.template.loader import render_to_string

    today(date(2026, 10, 1))
    late = make_complaint(received_on=date(2026, 10, 1))
    html = render_to_string("complaints/_dashboard.html", {"figures": dashboard_figures(today=date(2026, 11, 25))})
    assert "1 late" in html
    assert late.case.reference in html
