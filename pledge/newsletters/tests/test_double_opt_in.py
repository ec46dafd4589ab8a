"""Double opt-in: the confirmation link is signed, expires and works once; until it is used the address gets
nothing else, and it is purged once the link has expired."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import Channel
from pledge.core.roles import Role
from pledge.newsletters import lists, services, tokens
from pledge.newsletters.models import Membership, Subscription, SubscriptionState
from pledge.newsletters.tasks import deliver_send, send_confirmation
from pledge.newsletters.testing import text_of
from pledge.newsletters.tests.conftest import confirm_token_in


@pytest.fixture
def pending(newsletter, smtp_server, run_jobs, django_capture_on_commit_callbacks) -> str:
    """Ben asked for the bin newsletter; returns the token from his confirmation email."""
    with django_capture_on_commit_callbacks(execute=True):
        services.request_subscription(email="ben@example.org", list_slugs=["bin-news"], channel=Channel.WEB, actor=None)
    run_jobs(send_confirmation)
    return confirm_token_in(text_of(smtp_server.wait_for("ben@example.org")[0]))


def test_an_unconfirmed_address_receives_no_issue(
    pending, newsletter, staff, smtp_server, run_jobs, django_capture_on_commit_callbacks
):
    issue = lists.write_issue(
        newsletter=newsletter, subject_line="News", body="Text", message_class="service", actor=staff(Role.DPO)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send = lists.start_send(issue=issue, actor=None)
    run_jobs(deliver_send)
    send.refresh_from_db()
    assert send.total == 0
    assert len(smtp_server.to("ben@example.org")) == 1  # the confirmation only


def test_the_confirmation_link_works_once(pending):
    services.confirm_subscription(token=pending)
    with pytest.raises(tokens.TokenProblem, match="already been used"):
        services.confirm_subscription(token=pending)
    response = Client().post(reverse("newsletters:confirm", kwargs={"token": pending}))
    assert response.status_code == 400 and b"already been used" in response.content
    assert Membership.objects.get().state == SubscriptionState.CONFIRMED


def test_an_expired_confirmation_link_is_refused_and_changes_nothing(pending, time_machine, settings):
    settings.PLEDGE_NEWSLETTER_CONFIRM_DAYS = 3
    time_machine.move_to(timezone.now() + timedelta(days=3, minutes=1))
    response = Client().post(reverse("newsletters:confirm", kwargs={"token": pending}))
    assert response.status_code == 400 and b"This link has expired" in response.content
    assert Membership.objects.get().state == SubscriptionState.PENDING
    subject = consent.subject_for_email("ben@example.org")
    assert consent.history(subject=subject) == []


def test_a_forged_confirmation_link_is_refused_and_changes_nothing(pending):
    forged = pending[:-3] + ("aaa" if not pending.endswith("aaa") else "bbb")
    for token in (forged, "1:abc:def", "nonsense"):
        response = Client().post(reverse("newsletters:confirm", kwargs={"token": token}))
        assert response.status_code == 400 and b"This link is not valid" in response.content
    assert Membership.objects.get().state == SubscriptionState.PENDING


def test_a_second_request_replaces_the_first_link(
    pending, newsletter, smtp_server, run_jobs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_subscription(email="ben@example.org", list_slugs=["bin-news"], channel=Channel.WEB, actor=None)
    run_jobs(send_confirmation)
    newer = confirm_token_in(text_of(smtp_server.wait_for("ben@example.org", count=2)[1]))
    with pytest.raises(tokens.TokenProblem, match="newer confirmation email"):
        services.confirm_subscription(token=pending)
    assert [n.slug for n in services.confirm_subscription(token=newer)] == ["bin-news"]


def test_a_confirmed_address_asking_again_gets_no_email(
    subscribe, newsletter, smtp_server, run_jobs, django_capture_on_commit_callbacks
):
    subscribe("cara@example.org", "bin-news")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_subscription(
            email="cara@example.org", list_slugs=["bin-news"], channel=Channel.WEB, actor=None
        )
    run_jobs(send_confirmation)
    assert len(smtp_server.to("cara@example.org")) == 1


def test_unconfirmed_sign_ups_are_purged_after_the_link_expires(pending, subscribe, time_machine):
    subscribe("cara@example.org", "bin-news")
    time_machine.move_to(timezone.now() + timedelta(days=6))
    call_command("newsletters", "purge-unconfirmed", "--now")
    assert Subscription.objects.count() == 2
    time_machine.move_to(timezone.now() + timedelta(days=2))
    call_command("newsletters", "purge-unconfirmed", "--now")
    assert list(Subscription.objects.values_list("subject", flat=True)) == [
        consent.subject_for_email("cara@example.org")
    ]
    response = Client().get(reverse("newsletters:confirm", kwargs={"token": pending}))
    assert response.status_code == 400


def test_the_purge_can_be_queued_for_the_worker(db):
    from django_tasks_db.models import DBTaskResult

    call_command("newsletters", "purge-unconfirmed")
    assert DBTaskResult.objects.filter(task_path="pledge.newsletters.tasks.purge_unconfirmed").exists()
