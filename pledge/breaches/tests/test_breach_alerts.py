"""The DPO's reminders: a breach with no ICO decision 24 and 60 hours after awareness, each sent once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from pledge.breaches import services
from pledge.breaches.models import BreachAlert
from pledge.breaches.tasks import send_breach_alerts, tell_dpo_of_breach
from pledge.breaches.tests.conftest import AWARE
from pledge.core.roles import Role
from pledge.law.breach import Likelihood, Severity

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo(staff):
    return staff(Role.DPO)


def test_the_dpo_hears_of_a_report_without_its_details(breach, dpo) -> None:
    assert tell_dpo_of_breach.call(breach_id=breach.pk)
    (email,) = mail.outbox
    assert email.to == ["dpo@anyshire.example"]
    assert "BR-2026-0001" in email.subject
    assert "Decide by Sun 27 Dec 2026 16:30" in email.body
    assert "wrong resident" not in email.body


def test_nothing_is_sent_before_24_hours(breach, dpo, at) -> None:
    at(AWARE + timedelta(hours=23, minutes=59))
    assert send_breach_alerts.call() == 0
    assert not mail.outbox


def test_each_threshold_is_sent_once(breach, dpo, at) -> None:
    # The fixture's clock is 31 hours after awareness: past 24.
    assert send_breach_alerts.call() == 1
    assert send_breach_alerts.call() == 0
    at(AWARE + timedelta(hours=60))
    assert send_breach_alerts.call() == 1
    assert send_breach_alerts.call() == 0
    assert [m.subject for m in mail.outbox] == [
        "Breach BR-2026-0001: no ICO decision 24 hours after awareness",
        "Breach BR-2026-0001: no ICO decision 60 hours after awareness",
    ]
    assert sorted(BreachAlert.objects.values_list("hours", flat=True)) == [24, 60]


def test_a_worker_that_was_down_sends_one_reminder_for_both(breach, dpo, at) -> None:
    at(AWARE + timedelta(hours=70))
    assert send_breach_alerts.call() == 1
    assert len(mail.outbox) == 1 and "60 hours" in mail.outbox[0].subject
    assert BreachAlert.objects.count() == 2


def test_a_decided_breach_gets_no_reminder(breach, dpo) -> None:
    services.assess_breach(
        breach=breach,
        actor=dpo,
        likelihood=Likelihood.REMOTE,
        severity=Severity.MINIMAL,
        special_category=False,
        criminal_offence=False,
        data_unintelligible=False,
        people_affected=1,
        records_affected=1,
        likely_consequences="None",
        rationale="Recalled unread",
    )
    breach.refresh_from_db()
    services.decide_ico(breach=breach, actor=dpo, notify=False, reasons_not_notified="Recalled unread")
    assert send_breach_alerts.call() == 0


def test_a_failed_send_is_tried_again_next_time(breach, dpo, settings) -> None:
    settings.EMAIL_BACKEND = "pledge.breaches.tests.test_breach_alerts.FailingBackend"
    with pytest.raises(ConnectionError):
        send_breach_alerts.call()
    assert not BreachAlert.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_breach_alerts.call() == 1


def test_the_command_sends_now_or_queues(breach, dpo, capsys) -> None:
    call_command("breaches", "alert", "--now")
    assert "Sent 1 breach reminder" in capsys.readouterr().out
    call_command("breaches", "alert")
    assert "Queued" in capsys.readouterr().out


class FailingBackend:
    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages) -> int:
        raise ConnectionError("the mail server is down")
