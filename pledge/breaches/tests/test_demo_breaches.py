"""The demo's breaches: one in each state, loaded once."""

import pytest

from pledge.breaches.demo import load_demo_breaches
from pledge.breaches.models import Breach, BreachState, IcoDecision
from pledge.breaches.services import undecided_breaches
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


def test_the_demo_shows_open_overdue_notified_and_closed_breaches(staff) -> None:
    staff(Role.DPO), staff(Role.CASEWORKER)
    assert load_demo_breaches() == 5
    assert load_demo_breaches() == 0
    from django.utils import timezone

    rows = undecided_breaches(now=timezone.now())
    assert [row.countdown.overdue for row in rows] == [True, False, False]
    assert Breach.objects.filter(ico_decision=IcoDecision.NOTIFIED).count() == 1
    assert Breach.objects.filter(state=BreachState.CLOSED).count() == 1


def test_the_demo_loads_without_staff(db) -> None:
    assert load_demo_breaches() == 5
