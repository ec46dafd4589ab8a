"""The dashboard panel counts the register and the last 30 days of banner choices."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from pledge.cookies.dashboard import dashboard_figures

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def test_it_counts_the_register_and_recent_choices(demo_register) -> None:
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        Client().post("/cookies/choice/", {"cookies": "accept", "next": "/"})
    with time_machine.travel(NOW, tick=False):
        Client().post("/cookies/choice/", {"cookies": "accept", "next": "/"})
        Client().post("/cookies/choice/", {"cookies": "reject", "next": "/"})
        figures = dashboard_figures(today=timezone.localdate())
    assert figures["choices"] == 2
    assert (figures["analytics_accepted"], figures["analytics_rejected"]) == (1, 1)
    assert figures["needing_consent"] == 4
    assert figures["items"] == 8
