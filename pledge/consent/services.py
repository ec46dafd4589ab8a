"""Recording and reading consent (UK GDPR Arts 7, 21; PECR reg 22). Other apps call these, never the models.

People are named by a pseudonymous subject id (``subject_for_email``), never by their address. Every answer says
which event decided it and why, in words staff and other council systems can act on.

How an answer is decided: the latest event (by when the person said it) among those about the purpose itself and,
for promotional, newsletter and marketing purposes, the blanket opt-out (P079, P082) and objection to direct
marketing (Art 21(3)). So an old consent re-imported after an objection stays overruled, and a consent the person
gives again later, in their own words, counts.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from pledge.consent.models import (
    NON_SERVICE_KINDS,
    Channel,
    ConsentEvent,
    ConsentPurpose,
    ConsentWording,
    EventAction,
    PurposeKind,
)
from pledge.core.audit import record
from pledge.core.models import AuditAction, User

SUBJECT_PATTERN = re.compile(r"^[a-z]{2,8}_[A-Za-z0-9-]{6,90}$")
PURPOSE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)?$")
VERSION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
# A letter dated tomorrow is a typing slip; allow a little clock drift between systems.
FUTURE_TOLERANCE_SECONDS = 300


class ConsentRefused(ValueError):
    """The ledger will not record or answer this; the message says why, in words staff can act on."""


@dataclass(frozen=True)
class ConsentAnswer:
    given: bool
    basis: str  # plain English, e.g. "consent given on 2026-03-01 by website, wording v2"
    decided_at: datetime | None  # when the event that decides this answer happened
    event_id: int | None


@dataclass(frozen=True)
class Representative:
    """Someone giving consent on the person's behalf (P081), with their authority to do so."""

    name: str
    relationship: str  # e.g. "lasting power of attorney", "parent"
    authority_evidence: str


def subject_for_email(email: str) -> str:
    """Pseudonymous subject id for an email address (keyed HMAC of the normalised address, 'em_' prefix). The ledger
    and the API use this id, never the address itself."""
    normalised = (email or "").strip().lower()
    try:
        validate_email(normalised)
    except ValidationError:
        raise ConsentRefused("Enter an email address in the correct format, like name@example.com.") from None
    digest = hmac.new(settings.SECRET_KEY.encode(), f"pledge.consent.subject:{normalised}".encode(), hashlib.sha256)
    return "em_" + digest.hexdigest()


def check_subject(subject: str) -> str:
    """The subject id, or ConsentRefused when it is not one (an email address is refused: ids only)."""
    if not isinstance(subject, str) or not SUBJECT_PATTERN.match(subject):
        raise ConsentRefused(
            "The subject must be a pseudonymous id such as em_3f2a... (ask for one with the person's email address)."
        )
    return subject


def ensure_purpose(
    *, slug: str, name: str, kind: PurposeKind, recipient: str = "", description: str = ""
) -> ConsentPurpose:
    """The purpose ``slug``, created if new (audited). Refuses to change an existing purpose's kind or recipient,
    since past consents were given to that meaning."""
    kind = PurposeKind(kind)
    _check_purpose_fields(slug=slug, name=name, kind=kind, recipient=recipient)
    with transaction.atomic():
        existing = ConsentPurpose.objects.filter(slug=slug).first()
        if existing is None:
            try:
                with transaction.atomic():
                    purpose = ConsentPurpose.objects.create(
                        slug=slug,
                        name=name.strip(),
                        kind=kind,
                        recipient=recipient.strip(),
                        description=description.strip(),
                    )
            except IntegrityError:  # another process created it first: compare with theirs
                existing = ConsentPurpose.objects.get(slug=slug)
            else:
                record(
                    actor=None,
                    action=AuditAction.CREATE,
                    object_type="consent_purpose",
                    object_ref=slug,
                    summary=f"Consent purpose {slug} ({kind.label})",
                    after={"slug": slug, "kind": kind.value, "recipient": purpose.recipient},
                )
                return purpose
        if existing.kind != kind or existing.recipient != recipient.strip():
            raise ConsentRefused(
                f"The purpose {slug!r} already exists with a different kind or recipient; create a new purpose."
            )
    return existing


def _check_purpose_fields(*, slug: str, name: str, kind: PurposeKind, recipient: str) -> None:
    if not PURPOSE_PATTERN.match(slug or "") or len(slug) > 80:
        raise ConsentRefused(f"{slug!r} is not a purpose slug: use lower-case letters, digits, - and one ':'.")
    if not name.strip():
        raise ConsentRefused("A purpose needs a name people will recognise.")
    if kind == PurposeKind.NEWSLETTER and not slug.startswith("newsletter:"):
        raise ConsentRefused("A newsletter purpose's slug is newsletter:<list-slug>.")
    if kind == PurposeKind.SHARING and not recipient.strip():
        raise ConsentRefused("A sharing purpose names the organisation the information goes to.")
    if kind != PurposeKind.SHARING and recipient.strip():
        raise ConsentRefused("Only a sharing purpose has a recipient.")


def ensure_wording(*, purpose: str, version: str, text: str, notice_version: str = "") -> ConsentWording:
    """Idempotent by (purpose, version); refuses a different text under an existing version (ConsentRefused)."""
    found = _purpose(purpose)
    text = _normalise_text(text)
    if not VERSION_PATTERN.match(version or ""):
        raise ConsentRefused("A wording version is letters, digits, '.', '-' or '_', such as v1 or 2026-03.")
    if not text:
        raise ConsentRefused("A wording needs the exact words shown to people.")
    with transaction.atomic():
        existing = ConsentWording.objects.filter(purpose=found, version=version).first()
        if existing is None:
            try:
                with transaction.atomic():
                    existing = ConsentWording.objects.create(
                        purpose=found, version=version, text=text, notice_version=notice_version.strip()
                    )
            except IntegrityError:  # another process wrote the same version first: compare with theirs
                existing = ConsentWording.objects.get(purpose=found, version=version)
            else:
                record(
                    actor=None,
                    action=AuditAction.CREATE,
                    object_type="consent_wording",
                    object_ref=f"{found.slug}:{version}",
                    summary=f"Consent wording {version} for {found.slug}",
                    after={"text_hash": existing.text_hash, "notice_version": existing.notice_version},
                )
                return existing
        if existing.text != text or existing.notice_version != notice_version.strip():
            raise ConsentRefused(
                f"Wording {version} of {found.slug} already exists with different words; give the new words a new "
                "version, so earlier consents keep the words people saw."
            )
    return existing


def _normalise_text(text: str) -> str:
    # Line endings differ between a textarea and a file; the words do not.
    return (text or "").replace("\r\n", "\n").strip()


def _purpose(slug: str) -> ConsentPurpose:
    found = ConsentPurpose.objects.filter(slug=slug).first() if isinstance(slug, str) else None
    if found is None:
        raise ConsentRefused(f"There is no consent purpose {slug!r}. Check the purpose's name in the ledger.")
    return found


def _when(occurred_at: datetime | None) -> datetime:
    now = timezone.now()
    if occurred_at is None:
        return now
    if timezone.is_naive(occurred_at):
        occurred_at = timezone.make_aware(occurred_at)
    if (occurred_at - now).total_seconds() > FUTURE_TOLERANCE_SECONDS:
        raise ConsentRefused("The date it was given cannot be in the future.")
    return occurred_at


def _actor_fields(actor: Any) -> dict[str, Any]:
    if isinstance(actor, User):
        return {"actor": actor, "actor_label": actor.get_username()}
    label = "system" if actor is None else str(actor)
    return {"actor": None, "actor_label": label[:150]}


def _append(
    *, action: EventAction, subject: str, purpose: ConsentPurpose | None, channel: Channel, actor: Any, **fields: Any
) -> ConsentEvent:
    """Write one event and its audit row together."""
    channel = Channel(channel)
    with transaction.atomic():
        event = ConsentEvent.objects.create(
            subject=subject, purpose=purpose, action=action, channel=channel, **_actor_fields(actor), **fields
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="consent_event",
            object_ref=str(event.pk),
            summary=f"{action.label} ({purpose.slug if purpose else 'all'}) by {channel.label.lower()}",
            after={
                "subject": subject,
                "purpose": purpose.slug if purpose else None,
                "action": action.value,
                "channel": channel.value,
                "wording_version": event.wording_version,
                "wording_hash": event.wording_hash,
                "explicit": event.explicit,
                "representative": bool(event.representative_name),
            },
        )
    return event


def record_consent(
    *,
    subject: str,
    purpose: str,
    wording_version: str,
    channel: Channel,
    actor: Any,
    occurred_at: datetime | None = None,
    evidence: str = "",
    explicit: bool = False,
    representative: Representative | None = None,
) -> ConsentEvent:
    """Raises ConsentRefused (a ValueError with a message staff can act on) for an unknown purpose or a missing or
    unknown wording version (P080). ``explicit`` marks explicit consent for Art 9(2)(a) (P106)."""
    check_subject(subject)
    found = _purpose(purpose)
    if not (wording_version or "").strip():
        raise ConsentRefused("Say which version of the wording the person was shown: a consent needs its words.")
    wording = ConsentWording.objects.filter(purpose=found, version=wording_version.strip()).first()
    if wording is None:
        raise ConsentRefused(f"There is no wording {wording_version!r} for {found.slug}. Add the wording first.")
    rep = _representative_fields(representative)
    return _append(
        action=EventAction.GIVEN,
        subject=subject,
        purpose=found,
        channel=channel,
        actor=actor,
        wording=wording,
        wording_version=wording.version,
        wording_hash=wording.text_hash,
        notice_version=wording.notice_version,
        occurred_at=_when(occurred_at),
        evidence=(evidence or "").strip(),
        explicit=bool(explicit),
        **rep,
    )


def _representative_fields(representative: Representative | None) -> dict[str, str]:
    if representative is None:
        return {}
    name = representative.name.strip()
    relationship = representative.relationship.strip()
    authority = representative.authority_evidence.strip()
    if not (name and relationship and authority):
        raise ConsentRefused(
            "Consent given by a representative needs their name, their relationship to the person and the evidence "
            "of their authority (for example a registered lasting power of attorney)."
        )
    return {
        "representative_name": name,
        "representative_relationship": relationship,
        "representative_authority": authority,
    }


def withdraw_consent(
    *,
    subject: str,
    purpose: str,
    channel: Channel,
    actor: Any,
    occurred_at: datetime | None = None,
    evidence: str = "",
) -> ConsentEvent:
    """Record that the person withdrew consent for ``purpose`` (Art 7(3)): any channel, no wording needed, and it is
    recorded even when no consent was on file, so an old list cannot bring them back."""
    check_subject(subject)
    return _append(
        action=EventAction.WITHDRAWN,
        subject=subject,
        purpose=_purpose(purpose),
        channel=channel,
        actor=actor,
        occurred_at=_when(occurred_at),
        evidence=(evidence or "").strip(),
    )


def object_to_direct_marketing(*, subject: str, channel: Channel, actor: Any, evidence: str = "") -> ConsentEvent:
    """Absolute (Art 21(3)): afterwards no MARKETING or PROMOTIONAL purpose reads as given, whatever was consented.
    Newsletters count too: the ICO treats public-sector promotion sent to individuals as direct marketing (M5)."""
    check_subject(subject)
    return _append(
        action=EventAction.OBJECTED,
        subject=subject,
        purpose=None,
        channel=channel,
        actor=actor,
        occurred_at=timezone.now(),
        evidence=(evidence or "").strip(),
    )


def opt_out_of_promotional(*, subject: str, channel: Channel, actor: Any, evidence: str = "") -> ConsentEvent:
    """Opt out of every non-service message (P079): promotional, newsletter and marketing purposes read as not given;
    service messages still go (P082). The website and a staff-keyed phone call write this same event."""
    check_subject(subject)
    return _append(
        action=EventAction.OPTED_OUT,
        subject=subject,
        purpose=None,
        channel=channel,
        actor=actor,
        occurred_at=timezone.now(),
        evidence=(evidence or "").strip(),
    )


def _deciding_event(*, subject: str, purpose: ConsentPurpose, at: datetime | None) -> ConsentEvent | None:
    applicable = Q(purpose=purpose)
    if purpose.kind in NON_SERVICE_KINDS:
        applicable |= Q(purpose__isnull=True)
    events = ConsentEvent.objects.filter(applicable, subject=subject)
    if at is not None:
        events = events.filter(occurred_at__lte=at)
    return events.select_related("purpose").order_by("-occurred_at", "-id").first()


def _basis(event: ConsentEvent) -> str:
    day = timezone.localtime(event.occurred_at).date().isoformat()
    how = Channel(event.channel).label.lower()
    if event.action == EventAction.GIVEN:
        words = f"consent given on {day} by {how}, wording {event.wording_version}"
        if event.explicit:
            words += ", explicit"
        if event.representative_name:
            words += f", by a representative ({event.representative_relationship})"
        return words
    if event.action == EventAction.WITHDRAWN:
        return f"consent withdrawn on {day} by {how}"
    if event.action == EventAction.OBJECTED:
        return f"objected to direct marketing on {day} by {how}"
    return f"opted out of promotional messages on {day} by {how}"


def _answer(event: ConsentEvent | None) -> ConsentAnswer:
    if event is None:
        return ConsentAnswer(given=False, basis="no consent recorded", decided_at=None, event_id=None)
    return ConsentAnswer(
        given=event.action == EventAction.GIVEN, basis=_basis(event), decided_at=event.occurred_at, event_id=event.pk
    )


def consent_status(*, subject: str, purpose: str, at: datetime | None = None) -> ConsentAnswer:
    """Is there an active consent of ``subject`` for ``purpose`` (now, or at ``at``), and which event says so."""
    check_subject(subject)
    return _answer(_deciding_event(subject=subject, purpose=_purpose(purpose), at=at))


def consent_covers(
    *, subject: str, recipient: str, purpose: str, explicit_required: bool = False, at: datetime | None = None
) -> ConsentAnswer:
    """For the disclosure log (P105-P107): is there an active SHARING consent for this recipient and purpose (explicit
    when special category data is shared)?"""
    check_subject(subject)
    found = _purpose(purpose)
    if found.kind != PurposeKind.SHARING:
        raise ConsentRefused(f"{found.slug} is not a sharing purpose.")
    if found.recipient.strip().casefold() != (recipient or "").strip().casefold():
        return ConsentAnswer(
            given=False,
            basis=f"the consent purpose {found.slug} is for sharing with {found.recipient}, not this recipient",
            decided_at=None,
            event_id=None,
        )
    event = _deciding_event(subject=subject, purpose=found, at=at)
    answer = _answer(event)
    if answer.given and explicit_required and event is not None and not event.explicit:
        return ConsentAnswer(
            given=False,
            basis=answer.basis + "; not explicit, and special category data needs explicit consent (Art 9(2)(a))",
            decided_at=answer.decided_at,
            event_id=answer.event_id,
        )
    return answer


def may_send(*, subject: str, purpose: str) -> ConsentAnswer:
    """Can a message of this purpose go to this subject now? SERVICE: yes unless objected to that service; PROMOTIONAL,
    NEWSLETTER, MARKETING: only on an active consent and no opt-out/objection."""
    check_subject(subject)
    found = _purpose(purpose)
    event = _deciding_event(subject=subject, purpose=found, at=None)
    if found.kind == PurposeKind.SERVICE:
        if event is not None and event.action != EventAction.GIVEN:
            return _answer(event)
        return ConsentAnswer(
            given=True,
            basis="a service message about something the person uses: no consent needed (P082)",
            decided_at=event.occurred_at if event else None,
            event_id=event.pk if event else None,
        )
    if found.kind == PurposeKind.SHARING:
        raise ConsentRefused(f"{found.slug} is a sharing purpose, not a kind of message: use consent_covers.")
    return _answer(event)


def answer_for_system(*, subject: str, purpose: str) -> ConsentAnswer:
    """What the API tells another council system asking before it acts: ``may_send`` for a kind of message,
    ``consent_status`` for sharing."""
    check_subject(subject)
    if _purpose(purpose).kind == PurposeKind.SHARING:
        return consent_status(subject=subject, purpose=purpose)
    return may_send(subject=subject, purpose=purpose)


def history(*, subject: str) -> list[ConsentEvent]:
    """Every event about ``subject``, oldest first, for staff, the person and their SAR."""
    check_subject(subject)
    return list(
        ConsentEvent.objects.filter(subject=subject)
        .select_related("purpose", "wording", "actor")
        .order_by("occurred_at", "id")
    )
