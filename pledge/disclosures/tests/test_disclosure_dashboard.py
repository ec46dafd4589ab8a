"""The dashboard panel: awaiting approval, urgent disclosures past their retrospective window, reviews due."""

from datetime import date, datetime, timedelta

import pytest
from django.template.loader import render_to_string

from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.dashboard import dashboard_figures
from pledge.disclosures.telling import decide_not_to_tell
from pledge.disclosures.tests.conftest import NOW, police_details

pytestmark = pytest.mark.django_db


def test_it_counts_entries_awaiting_approval(logged) -> None:
    figures = dashboard_figures(today=date(2026, 12, 2))
    assert figures["awaiting"] == [logged] and figures["overdue_urgent_count"] == 0


def test_an_urgent_disclosure_is_overdue_after_its_window(police, staff, settings) -> None:
    settings.PLEDGE_DISCLOSURE_RETROSPECTIVE_HOURS = 24
    entry = services.log_disclosure(
        actor=staff(Role.CASEWORKER),
        details=police_details(police, urgent=True, disclosed_at=NOW - timedelta(hours=2)),
    )
    within = dashboard_figures(today=date(2026, 12, 2), now=NOW + timedelta(hours=21))
    assert within["overdue_urgent"] == []
    after = dashboard_figures(today=date(2026, 12, 3), now=NOW + timedelta(hours=23))
    assert after["overdue_urgent"] == [entry]
    html = render_to_string("disclosures/_dashboard.html", {"figures": after})
    assert "1 overdue" in html and "24-hour window" in html and entry.reference in html


def test_a_review_date_that_has_come_is_shown(approved, staff) -> None:
    decide_not_to_tell(disclosure=approved, actor=staff(Role.DPO), reasons="Live", review_on=date(2027, 1, 4))
    assert dashboard_figures(today=date(2027, 1, 3))["reviews_due_count"] == 0
    figures = dashboard_figures(today=date(2027, 1, 4), now=datetime(2027, 1, 4, 9, 0, tzinfo=NOW.tzinfo))
    assert figures["reviews_due_count"] == 1 and figures["tell_steps_missing_count"] == 0
