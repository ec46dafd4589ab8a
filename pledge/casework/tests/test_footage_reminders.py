"""The daily reminders also email the assignee about CCTV footage not yet retrieved that is about to be overwritten:
case references and dates only, once a day, every day until the footage is retrieved."""

from datetime import date, datetime

import pytest
from django.core import mail
from django.test import override_settings

from pledge.casework import footage, services
from pledge.casework.footage_models import RetrievalOutcome
from pledge.casework.models import CaseReminder, ReminderKind
from pledge.casework.tasks import send_case_reminders
from pledge.casework.tests.factories import EMAIL, NAME
from pledge.casework.tests.footage_factories import LONDON, make_cctv_case, make_cctv_system, make_scope
from pledge.core.models import User
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def casey():
    return User.objects.create_user(username="casey", email="casey@testshire.example", role=Role.CASEWORKER)


@pytest.fixture
def scope(today, casey):
    """Footage from 3 November 2026 10:00, kept 31 days: overwritten on 4 December. The case is due 10 December."""
    today(date(2026, 11, 10))
    case = make_cctv_case(received_on=date(2026, 11, 10))
    services.assign(case=case, assignee=casey, actor=None)
    return make_scope(case=case, system=make_cctv_system(), actor=casey)


def test_the_assignee_is_told_the_footage_is_at_risk_with_no_personal_data(today, scope) -> None:
    today(date(2026, 12, 1))
    assert send_case_reminders.call() == 1
    [message] = mail.outbox
    assert message.to == ["casey@testshire.example"]
    assert message.subject == "Rights requests: 1 with CCTV footage at risk"
    assert (
        f"{scope.case.reference}, Access to CCTV or ANPR footage: Footage from 3 November 2026 10:00 is overwritten "
        "on 4 December 2026: 3 days left. Retrieve and preserve it now." in message.body
    )
    for private in (NAME, EMAIL, scope.case.summary, scope.location):
        assert private not in message.body
    reminder = CaseReminder.objects.get()
    assert (reminder.kind, reminder.sent_on, reminder.sent_to) == (
        ReminderKind.FOOTAGE_AT_RISK,
        date(2026, 12, 1),
        "casey@testshire.example",
    )


def test_running_the_reminders_again_the_same_day_sends_nothing_but_the_next_day_sends_again(today, scope) -> None:
    today(date(2026, 12, 1))
    assert send_case_reminders.call() == 1
    assert send_case_reminders.call() == 0
    today(date(2026, 12, 2))
    assert send_case_reminders.call() == 1
    assert "2 days left" in mail.outbox[-1].body


def test_on_the_last_day_the_time_it_goes_is_given_and_once_gone_there_is_no_reminder(scope, time_machine) -> None:
    time_machine.move_to(datetime(2026, 12, 4, 8, tzinfo=LONDON), tick=False)
    assert send_case_reminders.call() == 1
    assert "Footage from 3 November 2026 10:00 is overwritten today at 10:00. Retrieve it now." in mail.outbox[0].body
    time_machine.move_to(datetime(2026, 12, 5, 8, tzinfo=LONDON), tick=False)
    assert send_case_reminders.call() == 0


def test_footage_still_safe_or_already_retrieved_gets_no_reminder(today, scope, casey) -> None:
    today(date(2026, 11, 26))  # 8 days left
    assert send_case_reminders.call() == 0
    today(date(2026, 12, 1))
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 12, 1),
        retrieved_by="Control room",
        reason="",
        actor=casey,
    )
    assert send_case_reminders.call() == 0


@override_settings(PLEDGE_FOOTAGE_WARNING_DAYS=10)
def test_the_warning_period_is_a_setting(today, scope) -> None:
    today(date(2026, 11, 24))
    assert send_case_reminders.call() == 1
    assert "10 days left" in mail.outbox[0].body


def test_an_unassigned_case_goes_to_the_dpo(today, scope) -> None:
    User.objects.create_user(username="dpo", email="dpo@testshire.example", role=Role.DPO)
    services.assign(case=scope.case, assignee=None, actor=None)
    today(date(2026, 12, 1))
    assert send_case_reminders.call() == 1
    assert mail.outbox[0].to == ["dpo@testshire.example"]
    assert "(no one is assigned)" in mail.outbox[0].body
