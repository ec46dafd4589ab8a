"""Staff's side: newsletter lists with their consent wording, issues, starting a send, and re-importing an old list.

Every list has a ledger purpose ``newsletter:<slug>`` (kind NEWSLETTER) and a versioned wording, so each consent
records exactly what the person agreed to (P080). An import of an old list skips every suppressed address
(PECR reg 22; Art 21(3)), and the send checks again, message by message.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from secrets import token_hex
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import Channel, PurposeKind
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.newsletters.addresses import seal_address
from pledge.newsletters.models import (
    Issue,
    Membership,
    MessageClass,
    NewsletterList,
    Send,
    Subscription,
    SubscriptionState,
    Suppression,
)

# Carriage returns, line feeds and other control characters would let text typed into a form add email headers
# (header injection); Django refuses them at send time, we refuse them on the form with a message.
_HEADER_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class NewsletterInvalid(ValueError):
    """Refused input: ``problems`` maps a field name to the message to show there. Nothing was changed."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def refuse_header_breaks(value: str, *, field: str, label: str) -> None:
    if _HEADER_BREAKS.search(value or ""):
        raise NewsletterInvalid({field: f"{label} must be on one line, without line breaks or control characters"})


def active_lists() -> QuerySet[NewsletterList]:
    return NewsletterList.objects.filter(active=True)


def default_wording(name: str) -> str:
    council = settings.PLEDGE_COUNCIL["name"]
    return f"Send me the {name} newsletter by email. {council} will use my email address only to send it."


def create_list(
    *, slug: str, name: str, description: str = "", topic: str = "", wording: str = "", actor: Any
) -> NewsletterList:
    """A new list, with its ledger purpose and wording version v1 (the text people will agree to)."""
    slug, name = slug.strip(), name.strip()
    problems = {}
    if not _SLUG.match(slug):
        problems["slug"] = "Enter a short name using lower-case letters, numbers and hyphens, like bin-news"
    elif NewsletterList.objects.filter(slug=slug).exists():
        problems["slug"] = "A newsletter with this short name already exists"
    if not name:
        problems["name"] = "Enter the newsletter's name"
    elif _HEADER_BREAKS.search(name):
        problems["name"] = "Name must be on one line, without line breaks or control characters"
    if problems:
        raise NewsletterInvalid(problems)
    wording = wording.strip() or default_wording(name)
    with transaction.atomic():
        newsletter = NewsletterList.objects.create(
            slug=slug,
            name=name,
            description=description.strip(),
            topic=topic.strip(),
            wording_version="v1",
            wording=wording,
        )
        consent.ensure_purpose(
            slug=newsletter.purpose, name=name, kind=PurposeKind.NEWSLETTER, description=description.strip()
        )
        consent.ensure_wording(purpose=newsletter.purpose, version="v1", text=wording)
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="newsletter_list",
            object_ref=slug,
            summary=f"Newsletter list {name} created",
        )
    return newsletter


def write_issue(*, newsletter: NewsletterList, subject_line: str, body: str, message_class: str, actor: Any) -> Issue:
    """A draft issue. The subject line goes into an email header, so it must be one line."""
    subject_line = subject_line.strip()
    problems = {}
    if not subject_line:
        problems["subject_line"] = "Enter a subject line"
    elif _HEADER_BREAKS.search(subject_line):
        problems["subject_line"] = "Subject line must be on one line, without line breaks or control characters"
    if not body.strip():
        problems["body"] = "Enter the newsletter's text"
    if message_class not in MessageClass.values:
        problems["message_class"] = "Select whether this is a service message or promotional"
    if problems:
        raise NewsletterInvalid(problems)
    with transaction.atomic():
        issue = Issue.objects.create(
            newsletter=newsletter,
            subject_line=subject_line,
            body=body.strip(),
            message_class=message_class,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="newsletter_issue",
            object_ref=str(issue.pk),
            summary=f"Issue written for {newsletter.slug}",
        )
    return issue


def recipients_of(newsletter: NewsletterList) -> QuerySet[Membership]:
    """Confirmed members of a list (P084: a send reaches only that list's subscribers)."""
    return Membership.objects.filter(
        newsletter=newsletter, state=SubscriptionState.CONFIRMED, subscription__state=SubscriptionState.CONFIRMED
    )


def start_send(*, issue: Issue, actor: Any) -> Send:
    """Queue the issue for the background worker, once: a second press of "Send" shows the same send."""
    if not issue.newsletter.active:
        raise NewsletterInvalid({"issue": "This newsletter is closed, so its issues cannot be sent"})
    try:
        with transaction.atomic():
            send = Send.objects.create(issue=issue, queued_by=actor if getattr(actor, "pk", None) else None)
            record(
                actor=actor,
                action=AuditAction.PUBLISH,
                object_type="newsletter_send",
                object_ref=str(send.pk),
                summary=f"Issue {issue.pk} queued for {issue.newsletter.slug}",
            )
            from pledge.newsletters.tasks import deliver_send

            transaction.on_commit(lambda: deliver_send.enqueue(send_id=send.pk))
    except IntegrityError:
        return Send.objects.get(issue=issue)
    return send


@dataclass(frozen=True)
class Imported:
    added: int
    already: int
    suppressed: int
    invalid: int


def import_subscribers(*, newsletter: NewsletterList, emails: Iterable[str], evidence: str, actor: Any) -> Imported:
    """Re-import addresses whose consent was collected elsewhere (``evidence`` says where and when): each becomes a
    confirmed member with its consent recorded (channel STAFF_FORM), except suppressed addresses and people who left
    this list, which are skipped (counted as ``suppressed``)."""
    if not evidence.strip():
        raise NewsletterInvalid({"evidence": "Say where and when these people agreed to get the newsletter"})
    added = already = suppressed = invalid = 0
    now = timezone.now()
    with transaction.atomic():
        for raw in emails:
            email = raw.strip()
            try:
                validate_email(email)
            except ValidationError:
                invalid += 1
                continue
            subject = consent.subject_for_email(email)
            if Suppression.objects.filter(address_hash=subject).exists():
                suppressed += 1
                continue
            subscription, _ = Subscription.objects.get_or_create(
                subject=subject, defaults={"email_sealed": seal_address(email), "token_key": token_hex(16)}
            )
            membership, created = Membership.objects.get_or_create(subscription=subscription, newsletter=newsletter)
            if membership.state == SubscriptionState.CONFIRMED:
                already += 1
                continue
            if not created and membership.state == SubscriptionState.UNSUBSCRIBED:
                suppressed += 1  # they left this list: an old copy of it does not bring them back
                continue
            membership.state, membership.confirmed_at, membership.unsubscribed_at = (
                SubscriptionState.CONFIRMED,
                now,
                None,
            )
            membership.save()
            if subscription.state != SubscriptionState.CONFIRMED:
                subscription.state, subscription.confirmed_at = SubscriptionState.CONFIRMED, now
                subscription.save(update_fields=["state", "confirmed_at"])
            consent.record_consent(
                subject=subject,
                purpose=newsletter.purpose,
                wording_version=newsletter.wording_version,
                channel=Channel.STAFF_FORM,
                actor=actor,
                evidence=evidence.strip(),
            )
            added += 1
        record(
            actor=actor,
            action=AuditAction.IMPORT,
            object_type="newsletter_list",
            object_ref=newsletter.slug,
            summary=f"Imported {added}; {already} already subscribed, {suppressed} suppressed, {invalid} not valid",
        )
    return Imported(added=added, already=already, suppressed=suppressed, invalid=invalid)
