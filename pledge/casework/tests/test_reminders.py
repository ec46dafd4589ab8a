"""The worker emails each assignee their cases due in 5 working days or on their first working day overdue (issue 4)."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from pledge.casework import services
from pledge.casework.models import Case, CaseReminder
from pledge.casework.reminders import build_case_reminders
from pledge.casework.tasks import send_case_reminders
from pledge.casework.tests.factories import EMAIL, NAME, make_case
from pledge.core.models import User
from pledge.core.roles import Role

Freeze = Callable[[date], date]

# England and Wales 2026: Good Friday 3 April, Easter Monday 6 April.
WEDNESDAY_BEFORE_EASTER = date(2026, 4, 1)
TUESDAY_AFTER_EASTER = date(2026, 4, 7)
DUE_FRIDAY_AFTER_EASTER = date(2026, 3, 10)  # received: due Friday 10 April, 5 working days after 1 April
DUE_THURSDAY_BEFORE_EASTER = date(2026, 3, 2)  # received: due Thursday 2 April, first overdue Tuesday 7 April
DUE_A_WEEK_AFTER_EASTER = date(2026, 3, 14)  # received: due Tuesday 14 April, 5 working days after 7 April


@pytest.fixture
def casey(db: None) -> User:
    return User.objects.create_user(username="casey", email="casey@testshire.example", password=None)


@pytest.fixture
def robin(db: None) -> User:
    return User.objects.create_user(username="robin", email="robin@testshire.example", password=None)


@pytest.fixture
def officers(db: None) -> None:
    User.objects.create_user(username="dpo", email="dpo@testshire.example", password=None, role=Role.DPO)
    User.objects.create_user(username="ig", email="ig@testshire.example", password=None, role=Role.IG_OFFICER)
    User.objects.create_user(username="ig-no-email", password=None, role=Role.IG_OFFICER)
    User.objects.create_user(username="gone", email="gone@testshire.example", role=Role.DPO, is_active=False)


def assigned_case(received_on: date, assignee: User | None) -> Case:
    case = make_case(received_on=received_on)
    return services.assign(case=case, assignee=assignee, actor=None) if assignee is not None else case


def test_the_assignee_is_reminded_five_working_days_before_the_due_date_across_easter(
    today: Freeze, casey: User
) -> None:
    today(WEDNESDAY_BEFORE_EASTER)
    case = assigned_case(DUE_FRIDAY_AFTER_EASTER, casey)
    assert case.due_on == date(2026, 4, 10)
    assert send_case_reminders.call() == 1
    [message] = mail.outbox
    assert message.to == ["casey@testshire.example"]
    assert message.subject == "Rights requests: 1 due in 5 working days"
    assert f"- {case.reference}, Access to personal data (subject access), due 10 April 2026" in message.body
    assert f"http://127.0.0.1:8000/staff/cases/{case.pk}/" in message.body


def test_no_reminder_goes_on_the_days_either_side(today: Freeze, casey: User) -> None:
    today(date(2026, 3, 31))
    assigned_case(DUE_FRIDAY_AFTER_EASTER, casey)
    for day in (date(2026, 3, 31), date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 6)):
        today(day)
        assert send_case_reminders.call() == 0
    assert mail.outbox == []


def test_the_assignee_is_reminded_on_the_first_working_day_after_the_due_date(today: Freeze, casey: User) -> None:
    today(date(2026, 4, 2))
    case = assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    assert case.due_on == date(2026, 4, 2)
    for day in (date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6)):
        today(day)
        assert send_case_reminders.call() == 0
    today(TUESDAY_AFTER_EASTER)
    assert send_case_reminders.call() == 1
    [message] = mail.outbox
    assert message.subject == "Rights requests: 1 overdue"
    assert f"- {case.reference}, Access to personal data (subject access), was due 2 April 2026" in message.body
    today(date(2026, 4, 8))
    assert send_case_reminders.call() == 0


def test_closed_withdrawn_and_responded_cases_are_ignored(today: Freeze, casey: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    withdrawn = assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    services.withdraw(case=withdrawn, on=date(2026, 3, 20), actor=None)
    responded = assigned_case(DUE_A_WEEK_AFTER_EASTER, casey)
    services.mark_responded(case=responded, on=date(2026, 3, 20), actor=None)
    closed = assigned_case(DUE_A_WEEK_AFTER_EASTER, casey)
    services.refuse_request(
        case=closed, ground="manifestly_unfounded", reasons="A repeat request", on=date(2026, 3, 20), actor=None
    )
    services.close(case=closed, on=date(2026, 3, 21), actor=None)
    assert send_case_reminders.call() == 0
    assert mail.outbox == []


def test_a_case_waiting_for_proof_of_identity_gets_no_reminder(today: Freeze, casey: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    case = assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    services.ask_for_identity(case=case, on=date(2026, 3, 3), actor=None)
    assert send_case_reminders.call() == 0


def test_each_assignee_gets_one_email_listing_all_their_cases(today: Freeze, casey: User, robin: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    late = assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    soon = assigned_case(DUE_A_WEEK_AFTER_EASTER, casey)
    robins = assigned_case(DUE_A_WEEK_AFTER_EASTER, robin)
    assert send_case_reminders.call() == 2
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {("casey@testshire.example",), ("robin@testshire.example",)}
    caseys = by_recipient[("casey@testshire.example",)]
    assert caseys.subject == "Rights requests: 1 overdue and 1 due in 5 working days"
    assert late.reference in caseys.body and soon.reference in caseys.body
    assert robins.reference not in caseys.body
    assert caseys.body.index(late.reference) < caseys.body.index(soon.reference)  # overdue first
    assert robins.reference in by_recipient[("robin@testshire.example",)].body


def test_unassigned_cases_go_to_the_dpo_and_ig_officers_with_an_email_address(
    today: Freeze, casey: User, officers: None
) -> None:
    today(TUESDAY_AFTER_EASTER)
    unassigned = assigned_case(DUE_THURSDAY_BEFORE_EASTER, None)
    assigned_case(DUE_A_WEEK_AFTER_EASTER, casey)
    assert send_case_reminders.call() == 2
    [to_officers] = [m for m in mail.outbox if "casey@testshire.example" not in m.to]
    assert to_officers.to == ["dpo@testshire.example", "ig@testshire.example"]
    assert f"{unassigned.reference}, Access to personal data (subject access), was due 2 April 2026" in to_officers.body
    assert "(no one is assigned)" in to_officers.body


def test_a_case_whose_assignee_has_no_email_address_goes_to_the_officers(today: Freeze, officers: None) -> None:
    today(TUESDAY_AFTER_EASTER)
    silent = User.objects.create_user(username="silent", password=None)
    case = assigned_case(DUE_THURSDAY_BEFORE_EASTER, silent)
    assert send_case_reminders.call() == 1
    [message] = mail.outbox
    assert message.to == ["dpo@testshire.example", "ig@testshire.example"]
    assert f"{case.reference}" in message.body and "(silent has no email address)" in message.body


def test_the_emails_name_cases_by_reference_only(today: Freeze, casey: User, officers: None) -> None:
    today(TUESDAY_AFTER_EASTER)
    assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    assigned_case(DUE_A_WEEK_AFTER_EASTER, None)
    assert send_case_reminders.call() == 2
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        for personal in (NAME, "Zebedee", "Unusualname", EMAIL, "council tax account"):
            assert personal not in text


def test_running_again_the_same_day_sends_nothing_twice(today: Freeze, casey: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    first = assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    assert send_case_reminders.call() == 1
    assert send_case_reminders.call() == 0
    later = assigned_case(DUE_A_WEEK_AFTER_EASTER, casey)
    assert send_case_reminders.call() == 1
    assert len(mail.outbox) == 2
    assert first.reference not in mail.outbox[1].body and later.reference in mail.outbox[1].body
    reminders = CaseReminder.objects.order_by("id")
    assert [(r.case_id, r.kind, r.sent_on, r.due_on) for r in reminders] == [
        (first.pk, "overdue", TUESDAY_AFTER_EASTER, date(2026, 4, 2)),
        (later.pk, "due_soon", TUESDAY_AFTER_EASTER, date(2026, 4, 14)),
    ]
    assert {r.sent_to for r in reminders} == {"casey@testshire.example"}


def test_building_the_emails_sends_and_records_nothing(today: Freeze, casey: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    assert len(build_case_reminders(today=TUESDAY_AFTER_EASTER)) == 1
    assert len(build_case_reminders(today=TUESDAY_AFTER_EASTER)) == 1
    assert mail.outbox == [] and not CaseReminder.objects.exists()


def test_the_number_of_working_days_is_a_setting(today: Freeze, casey: User) -> None:
    today(date(2026, 4, 8))
    case = assigned_case(DUE_FRIDAY_AFTER_EASTER, casey)
    with override_settings(PLEDGE_CASE_REMINDER_WORKING_DAYS=2):
        assert send_case_reminders.call() == 1
    assert case.reference in mail.outbox[0].body
    assert mail.outbox[0].subject == "Rights requests: 1 due in 2 working days"


def test_the_command_queues_the_reminders_for_the_worker(today: Freeze, casey: User) -> None:
    from django_tasks_db.models import DBTaskResult

    today(TUESDAY_AFTER_EASTER)
    assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    call_command("cases", "remind")
    assert DBTaskResult.objects.filter(task_path__endswith="send_case_reminders").count() == 1
    assert mail.outbox == []


def test_the_command_sends_at_once_with_now(today: Freeze, casey: User) -> None:
    today(TUESDAY_AFTER_EASTER)
    assigned_case(DUE_THURSDAY_BEFORE_EASTER, casey)
    call_command("cases", "remind", "--now")
    assert len(mail.outbox) == 1
