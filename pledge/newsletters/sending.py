"""Delivering a send: in batches, rate-limited, through Django's email backend (SMTP in production), at most once.

* Snapshot: the first run writes one ``Delivery`` row per confirmed member of the list (P084: only that list).
* Each batch is *claimed* (committed) before any of its messages goes, and recorded after. A worker that dies
  mid-batch leaves claimed rows; the next run marks them INTERRUPTED and does not send them again, so nobody gets a
  newsletter twice (they may, rarely, get none; the send page shows how many).
* Right before each message the membership, the suppression list and the consent ledger (``may_send``) are read
  again, so an unsubscribe or an objection made while a send is running stops the very next message (P086; PECR
  reg 22; Art 21(3)). A service issue still reaches someone who opted out of promotional messages (P082).
* Messages go over ``PLEDGE_NEWSLETTER_CONNECTIONS`` SMTP connections side by side (threads that only send; the
  database work stays in the worker's own thread), sharing one rate limit.
* One worker at a time holds a send (``lease_until``); a run stops after ``PLEDGE_NEWSLETTER_TASK_SECONDS`` and
  queues its own continuation, so a long send never blocks the worker's other jobs.
"""

import enum
import logging
import smtplib
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import EventAction
from pledge.newsletters.addresses import open_address
from pledge.newsletters.emails import IssueTemplate, issue_template, message_id
from pledge.newsletters.lists import recipients_of
from pledge.newsletters.models import (
    Delivery,
    DeliveryState,
    Membership,
    MessageClass,
    Send,
    SendState,
    SubscriptionState,
    Suppression,
)

logger = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)


def rate_per_second() -> float:
    return float(getattr(settings, "PLEDGE_NEWSLETTER_RATE_PER_SECOND", 20))


def batch_size() -> int:
    return int(getattr(settings, "PLEDGE_NEWSLETTER_BATCH_SIZE", 100))


def connections() -> int:
    """SMTP connections used side by side (``PLEDGE_NEWSLETTER_CONNECTIONS``, default 4)."""
    return max(1, int(getattr(settings, "PLEDGE_NEWSLETTER_CONNECTIONS", 4)))


def task_seconds() -> float:
    return float(getattr(settings, "PLEDGE_NEWSLETTER_TASK_SECONDS", 60))


class RateLimiter:
    """Spaces messages evenly at ``rate`` per second (0: no limit), across all of a send's connections."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1 / rate if rate > 0 else 0.0
        self.clock = clock
        self.next_at = clock()
        self.lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = self.clock()
            slot = max(now, self.next_at)
            self.next_at = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


def _acquire(send_id: int) -> bool:
    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    taken = Send.objects.filter(free, pk=send_id).exclude(state=SendState.FINISHED).update(lease_until=now + LEASE)
    return bool(taken)


def _snapshot(send: Send) -> None:
    """Write the recipients once, at the first run (a resumed run finds them there)."""
    with transaction.atomic():
        send = Send.objects.select_for_update().get(pk=send.pk)
        if send.state != SendState.QUEUED:
            return
        members = recipients_of(send.issue.newsletter).values_list("subscription_id", flat=True).order_by("id")
        rows = (Delivery(send=send, subscription_id=pk) for pk in members.iterator(chunk_size=2000))
        created = 0
        while chunk := [row for _, row in zip(range(2000), rows, strict=False)]:
            Delivery.objects.bulk_create(chunk)
            created += len(chunk)
        Send.objects.filter(pk=send.pk).update(state=SendState.SENDING, total=created, started_at=timezone.now())


def _mark_interrupted(send: Send) -> None:
    with transaction.atomic():
        count = Delivery.objects.filter(send=send, state=DeliveryState.CLAIMED).update(
            state=DeliveryState.INTERRUPTED, finished_at=timezone.now()
        )
        if count:
            logger.warning("Newsletter send %s: %s message(s) interrupted, not sent again", send.pk, count)
            Send.objects.filter(pk=send.pk).update(interrupted=F("interrupted") + count)


def _claim(send: Send) -> list[int]:
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(send=send, state=DeliveryState.PENDING)
            .order_by("id")
            .values_list("id", flat=True)[: batch_size()]
        )
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING).update(state=DeliveryState.CLAIMED)
        Send.objects.filter(pk=send.pk).update(lease_until=timezone.now() + LEASE)
    return ids


def _allowed(subject: str, purpose: str, message_class: str) -> bool:
    """Promotional issues need the ledger's ``may_send``: an active consent to this newsletter and no opt-out of
    promotional messages or objection to direct marketing (PECR reg 22; Art 21(3)). A service issue is about a
    service the person uses (P082, uk-rules M5: not direct marketing), so only their own consent to this list and
    its withdrawal count: a general opt-out of promotional messages leaves it going."""
    if message_class == MessageClass.PROMOTIONAL:
        return consent.may_send(subject=subject, purpose=purpose).given
    own = [event for event in consent.history(subject=subject) if event.purpose and event.purpose.slug == purpose]
    return bool(own) and own[-1].action == EventAction.GIVEN


def _eligible(rows: list[Delivery], send: Send) -> set[int]:
    """The deliveries whose recipient is still on the list, not suppressed, and whom the ledger lets us send to."""
    issue = send.issue
    members = set(
        Membership.objects.filter(
            newsletter_id=issue.newsletter_id,
            state=SubscriptionState.CONFIRMED,
            subscription_id__in=[row.subscription_id for row in rows],
        ).values_list("subscription_id", flat=True)
    )
    subjects = {row.subscription.subject for row in rows if row.subscription}
    suppressed = set(Suppression.objects.filter(address_hash__in=subjects).values_list("address_hash", flat=True))
    return {
        row.pk
        for row in rows
        if row.subscription is not None
        and row.subscription_id in members
        and row.subscription.subject not in suppressed
        and _allowed(row.subscription.subject, issue.newsletter.purpose, issue.message_class)
    }


class _Lane:
    """One SMTP connection and the messages it sends in a batch; several lanes hide the mail server's round trips."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.sent: list[int] = []
        self.failed: list[int] = []
        self.in_flight: int | None = None
        self.error: BaseException | None = None

    def send(self, send_id: int, messages: list[tuple[int, Any]], limiter: "RateLimiter") -> None:
        try:
            for pk, message in messages:
                message.connection = self.connection
                limiter.wait()
                self.in_flight = pk
                try:
                    message.send()
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as refused:
                    logger.warning("Newsletter send %s: delivery %s refused (%s)", send_id, pk, type(refused).__name__)
                    self.failed.append(pk)
                else:
                    self.sent.append(pk)
                self.in_flight = None
        except Exception as error:  # the mail server went away: the batch's bookkeeping below decides what happens
            self.error = error


def _deliver_batch(
    send: Send, ids: list[int], template: IssueTemplate, limiter: RateLimiter, lanes: list[_Lane]
) -> None:
    rows = list(Delivery.objects.filter(pk__in=ids).select_related("subscription").order_by("id"))
    eligible = _eligible(rows, send)
    skipped = [row.pk for row in rows if row.pk not in eligible or row.subscription is None]
    messages = [
        (
            row.pk,
            template.message_for(
                subscription=row.subscription,
                email=open_address(row.subscription.email_sealed),
                message_id=message_id(send_id=send.pk, delivery_id=row.pk),
            ),
        )
        for row in rows
        if row.pk in eligible and row.subscription is not None
    ]
    for lane in lanes:
        lane.sent, lane.failed, lane.in_flight, lane.error = [], [], None, None
    threads = [
        threading.Thread(target=lane.send, args=(send.pk, messages[i :: len(lanes)], limiter), daemon=True)
        for i, lane in enumerate(lanes)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # What went is recorded, what was never tried goes back to the queue, and a message in flight when its connection
    # failed stays claimed (interrupted on the next run: it may have gone).
    outcome: dict[str, list[int]] = {
        DeliveryState.SENT: [pk for lane in lanes for pk in lane.sent],
        DeliveryState.SKIPPED: skipped,
        DeliveryState.FAILED: [pk for lane in lanes for pk in lane.failed],
    }
    handled = {pk for done in outcome.values() for pk in done} | {lane.in_flight for lane in lanes if lane.error}
    _record(send, outcome, [row.pk for row in rows if row.pk not in handled])
    errors = [lane.error for lane in lanes if lane.error]
    if errors:
        raise errors[0]


def _record(send: Send, outcome: dict[str, list[int]], untried: list[int]) -> None:
    now = timezone.now()
    with transaction.atomic():
        for state, ids in outcome.items():
            if ids:
                Delivery.objects.filter(pk__in=ids).update(state=state, finished_at=now)
        if untried:
            Delivery.objects.filter(pk__in=untried).update(state=DeliveryState.PENDING)
        Send.objects.filter(pk=send.pk).update(
            sent=F("sent") + len(outcome[DeliveryState.SENT]),
            skipped=F("skipped") + len(outcome[DeliveryState.SKIPPED]),
            failed=F("failed") + len(outcome[DeliveryState.FAILED]),
        )


def _finish(send: Send) -> None:
    Send.objects.filter(pk=send.pk).update(state=SendState.FINISHED, finished_at=timezone.now(), lease_until=None)


class Run(enum.Enum):
    FINISHED = "finished"
    MORE = "more"  # the time was up: call again
    BUSY = "busy"  # another worker holds the send


def deliver(*, send_id: int, seconds: float | None = None) -> Run:
    """Send batches of one send until it is done or ``seconds`` (default ``PLEDGE_NEWSLETTER_TASK_SECONDS``) have
    passed; sends nothing when another worker holds it or it is already finished."""
    if not _acquire(send_id):
        finished = Send.objects.filter(pk=send_id, state=SendState.FINISHED).exists()
        return Run.FINISHED if finished else Run.BUSY
    send = Send.objects.select_related("issue__newsletter").get(pk=send_id)
    _snapshot(send)
    _mark_interrupted(send)
    template = issue_template(send.issue)
    limiter = RateLimiter(rate_per_second())
    deadline = time.monotonic() + (task_seconds() if seconds is None else seconds)
    lanes = [_Lane(get_connection()) for _ in range(connections())]
    try:
        while ids := _claim(send):
            _deliver_batch(send, ids, template, limiter, lanes)
            if time.monotonic() >= deadline:
                Send.objects.filter(pk=send.pk).update(lease_until=None)
                return Run.MORE
    finally:
        for lane in lanes:
            lane.connection.close()
    _finish(send)
    return Run.FINISHED
