"""The DPO is emailed the register entries past their review-by date (promise P031)."""

from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity
from pledge.register.tasks import send_review_reminders

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def register(db: None) -> None:
    call_command("register", "import", str(MINIMAL))
    User.objects.create_user(username="dpo", email="dpo@testshire.example", password=None, role=Role.DPO)
    User.objects.create_user(username="casey", email="casey@testshire.example", password=None, role=Role.CASEWORKER)
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(review_by=date(2026, 10, 1))
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(review_by=date(2027, 10, 1))


@time_machine.travel(date(2026, 11, 24), tick=False)
def test_it_emails_the_dpo_the_overdue_entries_only(register: None) -> None:
    assert send_review_reminders.call() == 1
    [message] = mail.outbox
    assert message.to == ["dpo@testshire.example"]
    assert "Billing and collecting council tax (activity), review by 1 October 2026" in message.body
    assert "Garden waste" not in message.body
    assert message.subject == "1 register entry is overdue for review"


@time_machine.travel(date(2026, 9, 1), tick=False)
def test_it_sends_nothing_when_nothing_is_overdue(register: None) -> None:
    assert send_review_reminders.call() == 0
    assert mail.outbox == []


@time_machine.travel(date(2026, 11, 24), tick=False)
def test_the_command_queues_the_reminder_for_the_worker(register: None) -> None:
    from django_tasks_db.models import DBTaskResult

    call_command("register", "remind-reviews")
    assert DBTaskResult.objects.filter(task_path__endswith="send_review_reminders").count() == 1
    assert mail.outbox == []
