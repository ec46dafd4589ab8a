"""Sending an issue: only to that list's confirmed subscribers (P084), in batches, at most once even when a worker
dies mid-batch, checking the suppression list and the consent ledger before every message (P082, P086, M6)."""

from typing import Any

import pytest
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import Channel
from pledge.core.roles import Role
from pledge.newsletters import lists, sending, services
from pledge.newsletters.models import Delivery, DeliveryState, MessageClass, Send, SendState
from pledge.newsletters.tasks import deliver_send, resume_sends


@pytest.fixture
def write(newsletter, staff) -> Any:
    def issue(message_class: str = MessageClass.PROMOTIONAL, on: Any = None) -> Any:
        return lists.write_issue(
            newsletter=on or newsletter,
            subject_line="Spring clean-up week",
            body="Skips in every village.\n\n## Where\n\nSee https://www.anyshire.example/skips",
            message_class=message_class,
            actor=staff(Role.DPO),
        )

    return issue


@pytest.fixture
def send_now(django_capture_on_commit_callbacks, run_jobs) -> Any:
    def send(issue: Any) -> Send:
        with django_capture_on_commit_callbacks(execute=True):
            started = lists.start_send(issue=issue, actor=None)
        run_jobs(deliver_send)
        started.refresh_from_db()
        return started

    return send


def test_a_send_reaches_only_the_lists_confirmed_subscribers(subscribe, other_newsletter, write, send_now, smtp_server):
    subscribe("gil@example.org", "bin-news")
    subscribe("hal@example.org", "whats-on")
    send = send_now(write())
    assert (send.total, send.sent, send.skipped) == (1, 1, 0)
    assert [m["To"] for m in smtp_server.messages if m["Subject"] == "Spring clean-up week"] == ["gil@example.org"]


def test_the_issue_email_has_both_parts_a_footer_and_a_stable_message_id(subscribe, write, send_now, smtp_server):
    subscribe("gil@example.org", "bin-news")
    send = send_now(write())
    [message] = [m for m in smtp_server.to("gil@example.org") if m["Subject"] == "Spring clean-up week"]
    delivery = Delivery.objects.get(send=send)
    assert message["Message-ID"] == f"<newsletter-{send.pk}-{delivery.pk}@anyshire.example>"
    assert message["List-Id"].startswith("Bins and recycling <bin-news.newsletters.")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<h2>Where</h2>" in html and '<a href="https://www.anyshire.example/skips"' in html
    assert "Unsubscribe from Bins and recycling" in html
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Unsubscribe: https://pledge.anyshire.example/newsletters/unsubscribe/" in text


def test_sending_twice_sends_nothing_more(subscribe, write, send_now, smtp_server, django_capture_on_commit_callbacks):
    subscribe("gil@example.org", "bin-news")
    issue = write()
    first = send_now(issue)
    assert lists.start_send(issue=issue, actor=None).pk == first.pk
    assert sending.deliver(send_id=first.pk) is sending.Run.FINISHED
    assert len(smtp_server.to("gil@example.org")) == 2  # the confirmation and one issue


def test_a_worker_that_died_mid_batch_never_causes_a_second_copy(subscribe, write, smtp_server, settings):
    """The claimed batch of a dead worker is marked interrupted; the rest goes once."""
    settings.PLEDGE_NEWSLETTER_BATCH_SIZE = 2
    for name in ("ann", "bob", "cat", "dev", "eli"):
        subscribe(f"{name}@example.org", "bin-news")
    send = lists.start_send(issue=write(), actor=None)
    assert sending._acquire(send.pk)
    sending._snapshot(send)
    claimed = sending._claim(send)  # the worker took two messages, and then its process was killed
    Send.objects.filter(pk=send.pk).update(lease_until=timezone.now() - sending.LEASE)
    smtp_server.clear()
    assert sending.deliver(send_id=send.pk) is sending.Run.FINISHED
    send.refresh_from_db()
    assert (send.total, send.sent, send.interrupted) == (5, 3, 2)
    assert set(Delivery.objects.filter(pk__in=claimed).values_list("state", flat=True)) == {DeliveryState.INTERRUPTED}
    recipients = [m["To"] for m in smtp_server.messages]
    assert len(recipients) == len(set(recipients)) == 3


def test_a_send_held_by_a_live_worker_is_left_alone(subscribe, write, smtp_server):
    subscribe("gil@example.org", "bin-news")
    send = lists.start_send(issue=write(), actor=None)
    assert sending._acquire(send.pk)
    assert sending.deliver(send_id=send.pk) is sending.Run.BUSY
    assert Send.objects.get(pk=send.pk).state == SendState.QUEUED


def test_a_long_send_stops_after_its_time_and_queues_its_continuation(
    subscribe, write, settings, run_jobs, django_capture_on_commit_callbacks
):
    settings.PLEDGE_NEWSLETTER_BATCH_SIZE = 1
    settings.PLEDGE_NEWSLETTER_TASK_SECONDS = 0
    for name in ("ann", "bob", "cat"):
        subscribe(f"{name}@example.org", "bin-news")
    with django_capture_on_commit_callbacks(execute=True):
        send = lists.start_send(issue=write(), actor=None)
    assert run_jobs(deliver_send) == ["more", "more", "more", "finished"]
    send.refresh_from_db()
    assert (send.state, send.sent, send.percent) == (SendState.FINISHED, 3, 100)


def test_resume_queues_sends_whose_worker_stopped(subscribe, write):
    from django_tasks_db.models import DBTaskResult

    subscribe("gil@example.org", "bin-news")
    send = lists.start_send(issue=write(), actor=None)
    Send.objects.filter(pk=send.pk).update(lease_until=timezone.now() - sending.LEASE)
    assert resume_sends.call() == 1
    assert DBTaskResult.objects.filter(task_path="pledge.newsletters.tasks.deliver_send").count() == 1


def test_an_unsubscribe_during_a_send_stops_the_next_message(subscribe, write, settings, smtp_server):
    settings.PLEDGE_NEWSLETTER_BATCH_SIZE = 1
    ann, bob = subscribe("ann@example.org", "bin-news"), subscribe("bob@example.org", "bin-news")
    send = lists.start_send(issue=write(), actor=None)
    assert sending.deliver(send_id=send.pk, seconds=0) is sending.Run.MORE  # ann's went
    from pledge.newsletters import emails

    services.unsubscribe(token=emails.unsubscribe_url(bob, send.issue.newsletter_id).rstrip("/").rpartition("/")[2])
    assert sending.deliver(send_id=send.pk) is sending.Run.FINISHED
    send.refresh_from_db()
    assert (send.sent, send.skipped) == (1, 1)
    assert len(smtp_server.to("bob@example.org")) == 1 and len(smtp_server.to("ann@example.org")) == 2
    assert ann.pk != bob.pk


def test_a_suppressed_address_gets_nothing_even_after_a_re_import(
    subscribe, newsletter, write, send_now, smtp_server, staff
):
    subscribe("ivy@example.org", "bin-news")
    services.suppress_address(email="IVY@example.org", reason="complained", actor=staff(Role.DPO))
    imported = lists.import_subscribers(
        newsletter=newsletter,
        emails=["ivy@example.org", "jo@example.org", "not an address"],
        evidence="2019 paper sign-up sheets",
        actor=staff(Role.DPO),
    )
    assert (imported.added, imported.suppressed, imported.invalid) == (1, 1, 1)
    send = send_now(write())
    assert (send.sent, send.skipped) == (1, 1)
    assert len(smtp_server.to("ivy@example.org")) == 1  # only the confirmation, before the suppression
    assert len(smtp_server.to("jo@example.org")) == 1


def test_a_re_import_does_not_bring_back_someone_who_left_the_list(subscribe, newsletter, staff):
    subscription = subscribe("kit@example.org", "bin-news")
    services.unsubscribe(token=services.tokens.unsubscribe_token(subscription, newsletter.pk))
    imported = lists.import_subscribers(
        newsletter=newsletter, emails=["kit@example.org"], evidence="old list", actor=staff(Role.DPO)
    )
    assert (imported.added, imported.suppressed) == (0, 1)
    assert not consent.may_send(subject=subscription.subject, purpose=newsletter.purpose).given


def test_an_opt_out_of_promotional_messages_stops_promotional_issues_but_not_service_ones(subscribe, write, send_now):
    """P082: the ledger's opt-out suppresses promotional messages only."""
    subscription = subscribe("lee@example.org", "bin-news")
    consent.opt_out_of_promotional(subject=subscription.subject, channel=Channel.PHONE, actor="call centre")
    promotional = send_now(write(MessageClass.PROMOTIONAL))
    service = send_now(write(MessageClass.SERVICE))
    assert (promotional.sent, promotional.skipped) == (0, 1)
    assert (service.sent, service.skipped) == (1, 0)


def test_an_objection_to_direct_marketing_stops_promotional_issues(subscribe, write, send_now):
    subscription = subscribe("lee@example.org", "bin-news")
    consent.object_to_direct_marketing(subject=subscription.subject, channel=Channel.LETTER, actor="post room")
    assert send_now(write(MessageClass.PROMOTIONAL)).sent == 0


def test_a_withdrawal_through_another_channel_stops_even_service_issues(subscribe, newsletter, write, send_now):
    subscription = subscribe("lee@example.org", "bin-news")
    consent.withdraw_consent(subject=subscription.subject, purpose=newsletter.purpose, channel=Channel.PHONE, actor="x")
    assert send_now(write(MessageClass.SERVICE)).sent == 0


def test_the_rate_limiter_spaces_messages(monkeypatch):
    ticks = iter([0.0, 0.0, 0.1, 0.5])
    slept: list[float] = []
    limiter = sending.RateLimiter(2, clock=lambda: next(ticks))
    monkeypatch.setattr(sending.time, "sleep", slept.append)
    for _ in range(3):
        limiter.wait()
    assert slept == [pytest.approx(0.4), pytest.approx(0.5)]


def test_an_address_the_mail_server_refuses_is_counted_and_the_rest_still_go(subscribe, write, send_now, smtp_server):
    subscribe("ann@example.org", "bin-news")
    subscribe("bob@example.org", "bin-news")
    smtp_server.refuse.add("bob@example.org")
    send = send_now(write())
    assert (send.sent, send.failed, send.state) == (1, 1, SendState.FINISHED)
    assert Delivery.objects.get(state=DeliveryState.FAILED).subscription.subject == consent.subject_for_email(
        "bob@example.org"
    )


def test_several_connections_share_the_batch_and_send_each_message_once(
    subscribe, write, send_now, smtp_server, settings
):
    settings.PLEDGE_NEWSLETTER_CONNECTIONS = 3
    names = ["ann", "bob", "cat", "dev", "eli", "fin", "gus"]
    for name in names:
        subscribe(f"{name}@example.org", "bin-news")
    smtp_server.clear()
    send = send_now(write())
    assert send.sent == 7
    assert sorted(m["To"] for m in smtp_server.messages) == [f"{name}@example.org" for name in names]
