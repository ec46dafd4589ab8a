"""The demo complaints: each state once, and loading twice changes nothing."""

from datetime import date

import pytest

from pledge.casework.models import Case
from pledge.complaints.dashboard import dashboard_figures
from pledge.complaints.demo import load_demo

pytestmark = pytest.mark.django_db


def test_it_loads_each_state_once_and_is_idempotent(today) -> None:
    today(date(2026, 11, 25))
    assert load_demo().startswith("Complaints: 4 loaded")
    figures = dashboard_figures(today=date(2026, 11, 25))
    assert figures["late_count"] == 1
    assert figures["open_suggestions"] == 1
    assert Case.objects.filter(state="closed").count() == 1
    assert load_demo() == "Complaints: already loaded, left as they are"
    assert Case.objects.count() == 4
