"""Subscribing, confirming, unsubscribing and the preference centre.

Double opt-in (PECR reg 22 consent, UK GDPR Art 7(1) proof): a sign-up only records a pending request and emails a
signed link; the consent is written to the ledger when the link is used, with the list's wording version and the
channel EMAIL_LINK. Until then the address gets nothing else, and ``purge_unconfirmed`` deletes it once the link
has expired. Unsubscribing withdraws the consent in the ledger in the same transaction, and every send checks
the ledger and the suppression list message by message, so it stops further sends at once (P086).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from secrets import token_hex
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import Channel
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.newsletters import tokens
from pledge.newsletters.addresses import open_address, seal_address
from pledge.newsletters.lists import NewsletterInvalid, active_lists, refuse_header_breaks
from pledge.newsletters.models import (
    Membership,
    NewsletterList,
    Subscription,
    SubscriptionState,
    Suppression,
    SuppressionReason,
)

OBJECT_TYPE = "newsletter_subscription"


def clean_email(email: str) -> str:
    """The address as typed, trimmed; ``NewsletterInvalid`` for anything that is not one address."""
    email = (email or "").strip()
    refuse_header_breaks(email, field="email", label="Email address")
    try:
        validate_email(email)
    except ValidationError:
        raise NewsletterInvalid(
            {"email": "Enter an email address in the correct format, like name@example.com"}
        ) from None
    return email


def _ref(subscription: Subscription) -> str:
    return f"subscription {subscription.pk}"


def _lists_for(slugs: Iterable[str]) -> list[NewsletterList]:
    wanted = {str(slug) for slug in slugs}
    if not wanted:
        raise NewsletterInvalid({"lists": "Select at least one newsletter"})
    found = list(active_lists().filter(slug__in=wanted))
    if len(found) != len(wanted):
        raise NewsletterInvalid({"lists": "Select newsletters from the list shown"})
    return found


def request_subscription(*, email: str, list_slugs: Iterable[str], channel: Channel, actor: Any) -> Subscription:
    """Ask for the lists and email a confirmation link (double opt-in); nothing else is sent until it is used.

    Lists the address already gets are left as they are; when nothing is left to confirm no email goes, and the
    caller shows the same "check your email" page either way, so the page never tells who is subscribed."""
    email = clean_email(email)
    lists = _lists_for(list_slugs)
    subject = consent.subject_for_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscription, _ = Subscription.objects.select_for_update().get_or_create(
            subject=subject, defaults={"email_sealed": seal_address(email), "token_key": token_hex(16)}
        )
        waiting = []
        for newsletter in lists:
            membership, _ = Membership.objects.get_or_create(subscription=subscription, newsletter=newsletter)
            if membership.state != SubscriptionState.CONFIRMED:
                membership.state, membership.requested_at, membership.unsubscribed_at = (
                    SubscriptionState.PENDING,
                    now,
                    None,
                )
                membership.save()
                waiting.append(newsletter)
        if not waiting:
            return subscription
        # The address as typed this time, so a corrected spelling of the same mailbox is where the link goes.
        subscription.email_sealed = seal_address(email)
        subscription.confirm_nonce = token_hex(16)
        subscription.confirmation_sent_at = now
        if subscription.state == SubscriptionState.UNSUBSCRIBED:
            subscription.state = SubscriptionState.PENDING
        subscription.save()
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type=OBJECT_TYPE,
            object_ref=_ref(subscription),
            summary=f"Asked for {', '.join(n.slug for n in waiting)} by {Channel(channel).label}; confirmation sent",
        )
        from pledge.newsletters.tasks import send_confirmation

        transaction.on_commit(lambda: send_confirmation.enqueue(subscription_id=subscription.pk))
    return subscription


def _record_consent(subscription: Subscription, newsletter: NewsletterList, *, actor: Any, evidence: str) -> None:
    consent.record_consent(
        subject=subscription.subject,
        purpose=newsletter.purpose,
        wording_version=newsletter.wording_version,
        channel=Channel.EMAIL_LINK,
        actor=actor,
        evidence=evidence,
    )


def _lift_unsubscribe_suppression(subscription: Subscription) -> None:
    """A fresh, confirmed request overrides an earlier "unsubscribe from all"; other suppressions (bounces,
    complaints, staff decisions) stay until staff remove them."""
    Suppression.objects.filter(address_hash=subscription.subject, reason=SuppressionReason.UNSUBSCRIBED_ALL).delete()


def confirm_subscription(*, token: str, actor: Any = None) -> list[NewsletterList]:
    """Use a confirmation link: every list it was waiting on is confirmed and its consent recorded in the ledger.
    ``TokenProblem`` for a forged, expired or used link, with nothing changed."""
    now = timezone.now()
    with transaction.atomic():
        subscription = tokens.read_confirm_token(token)
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.confirm_nonce != tokens.read_confirm_token(token).confirm_nonce:
            raise tokens.TokenProblem("This link has already been used.")
        waiting = list(subscription.memberships.filter(state=SubscriptionState.PENDING).select_related("newsletter"))
        sent_at = subscription.confirmation_sent_at
        evidence = f"Confirmed by the link emailed on {sent_at:%Y-%m-%d %H:%M %Z}" if sent_at else "Confirmed by link"
        for membership in waiting:
            membership.state, membership.confirmed_at = SubscriptionState.CONFIRMED, now
            membership.save(update_fields=["state", "confirmed_at"])
            _record_consent(subscription, membership.newsletter, actor=actor or "the subscriber", evidence=evidence)
        subscription.state, subscription.confirmed_at, subscription.confirm_nonce = SubscriptionState.CONFIRMED, now, ""
        subscription.save(update_fields=["state", "confirmed_at", "confirm_nonce"])
        _lift_unsubscribe_suppression(subscription)
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=OBJECT_TYPE,
            object_ref=_ref(subscription),
            summary=f"Confirmed {', '.join(m.newsletter.slug for m in waiting) or 'nothing new'} by the emailed link",
        )
    return [m.newsletter for m in waiting]


def _leave(subscription: Subscription, memberships: Iterable[Membership], *, actor: Any, now: datetime) -> list[str]:
    """Unsubscribe from these lists, withdrawing each confirmed consent; returns the names of lists left."""
    left = []
    for membership in memberships:
        if membership.state == SubscriptionState.CONFIRMED:
            consent.withdraw_consent(
                subject=subscription.subject,
                purpose=membership.newsletter.purpose,
                channel=Channel.EMAIL_LINK,
                actor=actor or "the subscriber",
                evidence="Unsubscribed by the link in an email",
            )
        if membership.state != SubscriptionState.UNSUBSCRIBED:
            membership.state, membership.unsubscribed_at = SubscriptionState.UNSUBSCRIBED, now
            membership.save(update_fields=["state", "unsubscribed_at"])
            left.append(membership.newsletter.name)
    return left


@dataclass(frozen=True)
class Unsubscribed:
    lists: list[str]  # names of the lists left now; empty when the address had already left them
    everything: bool


def unsubscribe(*, token: str, actor: Any = None) -> Unsubscribed:
    """One-click unsubscribe (RFC 8058): from the email's list, or from everything for an "all" link. Using the link
    again changes nothing. ``TokenProblem`` for a forged link or an address already purged."""
    now = timezone.now()
    with transaction.atomic():
        found = tokens.read_unsubscribe_token(token)
        subscription = Subscription.objects.select_for_update().get(pk=found.subscription.pk)
        memberships = subscription.memberships.select_related("newsletter")
        if found.list_id is not None:
            memberships = memberships.filter(newsletter_id=found.list_id)
        left = _leave(subscription, memberships, actor=actor, now=now)
        if found.list_id is None:
            _suppress(subscription.subject, SuppressionReason.UNSUBSCRIBED_ALL)
        if not subscription.memberships.exclude(state=SubscriptionState.UNSUBSCRIBED).exists():
            subscription.state = SubscriptionState.UNSUBSCRIBED
            subscription.confirm_nonce = ""  # a pending request cancelled: its confirmation link dies too
            subscription.save(update_fields=["state", "confirm_nonce"])
        if left:
            record(
                actor=actor,
                action=AuditAction.UPDATE,
                object_type=OBJECT_TYPE,
                object_ref=_ref(subscription),
                summary=f"Unsubscribed from {len(left)} list(s) by an emailed link",
            )
    return Unsubscribed(lists=left, everything=found.list_id is None)


@dataclass
class PreferenceChange:
    joined: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def change_preferences(*, subscription: Subscription, list_ids: Iterable[str], actor: Any = None) -> PreferenceChange:
    """The preference centre's save (P084): join the ticked lists, leave the others. The emailed link proves the
    mailbox, so joining here records consent at once (channel EMAIL_LINK)."""
    wanted = set()
    for value in list_ids:
        if not str(value).isdigit():
            raise NewsletterInvalid({"lists": "Select newsletters from the list shown"})
        wanted.add(int(value))
    available = {n.pk: n for n in active_lists()}
    if not wanted <= set(available):
        raise NewsletterInvalid({"lists": "Select newsletters from the list shown"})
    now, change = timezone.now(), PreferenceChange()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        current = {m.newsletter_id: m for m in subscription.memberships.select_related("newsletter")}
        leaving = [m for pk, m in current.items() if pk in available and pk not in wanted]
        change.left = _leave(subscription, leaving, actor=actor, now=now)
        for pk in sorted(wanted):
            membership = current.get(pk) or Membership(subscription=subscription, newsletter=available[pk])
            if membership.state != SubscriptionState.CONFIRMED:
                membership.state, membership.confirmed_at, membership.unsubscribed_at = (
                    SubscriptionState.CONFIRMED,
                    now,
                    None,
                )
                membership.save()
                _record_consent(
                    subscription, available[pk], actor=actor or "the subscriber", evidence="Preference centre"
                )
                change.joined.append(available[pk].name)
        confirmed = subscription.memberships.filter(state=SubscriptionState.CONFIRMED).exists()
        subscription.state = SubscriptionState.CONFIRMED if confirmed else SubscriptionState.UNSUBSCRIBED
        subscription.confirmed_at = subscription.confirmed_at or (now if confirmed else None)
        subscription.save(update_fields=["state", "confirmed_at"])
        if change.joined:
            _lift_unsubscribe_suppression(subscription)
        if change.joined or change.left:
            record(
                actor=actor,
                action=AuditAction.UPDATE,
                object_type=OBJECT_TYPE,
                object_ref=_ref(subscription),
                summary=f"Preference centre: joined {len(change.joined)}, left {len(change.left)} list(s)",
            )
    return change


def unsubscribe_from_all(*, subscription: Subscription, actor: Any = None) -> Unsubscribed:
    """The preference centre's "unsubscribe from everything": the same as the footer's all-lists link."""
    return unsubscribe(token=tokens.unsubscribe_token(subscription, None), actor=actor)


def _suppress(address_hash: str, reason: SuppressionReason) -> None:
    Suppression.objects.get_or_create(address_hash=address_hash, defaults={"reason": reason})


def suppress_address(*, email: str, reason: SuppressionReason, actor: Any) -> None:
    """Put an address on the suppression list: no send or import reaches it again until staff remove it."""
    subject = consent.subject_for_email(clean_email(email))
    with transaction.atomic():
        _suppress(subject, reason)
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="newsletter_suppression",
            object_ref=subject,
            summary=f"Suppressed: {SuppressionReason(reason).label}",
        )


def is_suppressed(email: str) -> bool:
    return Suppression.objects.filter(address_hash=consent.subject_for_email(email.strip())).exists()


def consent_history(subscription: Subscription) -> list[Any]:
    """The ledger's events for this address, oldest first (P084: the person sees their own consent history)."""
    return list(consent.history(subject=subscription.subject))


def subscriptions_for_email(email: str) -> list[dict[str, Any]]:
    """What this app holds about an address, for that person's own access request (P085: the only other use)."""
    subscription = Subscription.objects.filter(subject=consent.subject_for_email(email.strip())).first()
    if subscription is None:
        return []
    return [
        {
            "email": open_address(subscription.email_sealed),
            "newsletter": membership.newsletter.name,
            "state": SubscriptionState(membership.state).label,
            "requested_at": membership.requested_at,
            "confirmed_at": membership.confirmed_at,
            "unsubscribed_at": membership.unsubscribed_at,
        }
        for membership in subscription.memberships.select_related("newsletter").order_by("newsletter__name")
    ]


def purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete requests never confirmed within the link's lifetime: the address, if nothing else holds it, and the
    pending lists. Returns how many addresses were deleted outright."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=tokens.confirm_days())
    with transaction.atomic():
        stale = Membership.objects.filter(state=SubscriptionState.PENDING, requested_at__lt=cutoff)
        stale_lists = stale.count()
        stale.delete()
        gone = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).exclude(
            memberships__state__in=[SubscriptionState.PENDING, SubscriptionState.CONFIRMED]
        )
        deleted = gone.count()
        gone.delete()
        Subscription.objects.filter(state=SubscriptionState.PENDING, confirmation_sent_at__lt=cutoff).update(
            confirm_nonce="", state=SubscriptionState.UNSUBSCRIBED
        )
        if stale_lists or deleted:
            record(
                actor=None,
                action=AuditAction.DELETE,
                object_type=OBJECT_TYPE,
                object_ref="unconfirmed",
                summary=f"Purged {deleted} unconfirmed address(es) and {stale_lists} unconfirmed list request(s)",
            )
    return deleted
