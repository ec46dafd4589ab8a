"""Keeping the cookie register and logging choices. Every change is atomic and audited.

A change to an item that needs consent (its name, provider, category, purpose or exemption) starts a new register
version, and a visitor's stored choice names the version it answered, so everyone is asked again (UK GDPR Art 4(11):
consent must be specific and informed, so it cannot cover purposes added after it was given).
"""

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from pledge.cookies import config
from pledge.cookies.models import ConsentRecord, ConsentSource, CookieCategory, CookieItem, RegisterVersion
from pledge.cookies.rules import Choice, Exemption, Purpose, exemption_applies, needs_opt_out
from pledge.core.audit import record
from pledge.core.models import AuditAction

CATEGORY_PURPOSE = {
    CookieCategory.FUNCTIONALITY: Purpose.FUNCTIONALITY,
    CookieCategory.ANALYTICS: Purpose.ANALYTICS,
    CookieCategory.EMBEDDED: Purpose.EMBEDDED,
}
EDITABLE_FIELDS = [
    "name",
    "name_is_prefix",
    "kind",
    "provider",
    "privacy_url",
    "category",
    "purpose",
    "lifetime_seconds",
    "lifetime_note",
    "exemption",
]


def current_version() -> int:
    """The register's version number; 1 before anything has changed."""
    latest = RegisterVersion.objects.order_by("-number").first()
    return latest.number if latest else 1


def item_needs_consent(item: CookieItem) -> bool:
    """True unless a Schedule A1 exception the council relies on today covers the item."""
    today = timezone.localdate()
    return not exemption_applies(Exemption(item.exemption), enabled=config.enabled_duaa_exemptions(), today=today)


def item_needs_opt_out(item: CookieItem) -> bool:
    today = timezone.localdate()
    return needs_opt_out(Exemption(item.exemption), enabled=config.enabled_duaa_exemptions(), today=today)


def purpose_of(item: CookieItem) -> Purpose | None:
    """The choice that governs an item; None for strictly necessary and security items, which are never optional."""
    return CATEGORY_PURPOSE.get(CookieCategory(item.category))


def purposes_asked(items: Iterable[CookieItem] | None = None) -> dict[Purpose, str]:
    """Purposes the visitor chooses about: 'consent' (off until yes) or 'opt-out' (on until no)."""
    asked: dict[Purpose, str] = {}
    for item in CookieItem.objects.all() if items is None else items:
        purpose = purpose_of(item)
        if purpose is None:
            continue
        if item_needs_consent(item):
            asked[purpose] = "consent"
        elif item_needs_opt_out(item):
            asked.setdefault(purpose, "opt-out")
    return asked


def purpose_allowed(purpose: Purpose, *, choice: Choice | None, version: int, asked: dict[Purpose, str]) -> bool:
    """Whether items of a purpose may be set: consent needs a yes for this version; an objection always counts."""
    mode = asked.get(purpose)
    if mode == "consent":
        return choice is not None and choice.version == version and choice.allows(purpose)
    if mode == "opt-out":
        return not (choice is not None and choice.answered(purpose) and not choice.allows(purpose))
    return False


def _consent_signature() -> list[tuple[str, ...]]:
    items = [item for item in CookieItem.objects.order_by("pk") if item_needs_consent(item)]
    return sorted((i.name, i.kind, i.provider, i.category, i.purpose, i.exemption) for i in items)


def _bump_if_changed(before: list[tuple[str, ...]], *, reason: str, actor: Any) -> None:
    if _consent_signature() == before:
        return
    number = current_version() + 1
    RegisterVersion.objects.create(number=number, reason=reason[:300])
    record(
        actor=actor,
        action=AuditAction.PUBLISH,
        object_type="cookie_register",
        object_ref=f"version-{number}",
        summary="A purpose that needs consent changed; visitors are asked again",
    )


def save_item(*, item: CookieItem, actor: Any) -> CookieItem:
    """Create or update one register item, audited, starting a new version if consent-relevant facts changed."""
    with transaction.atomic():
        before = _consent_signature()
        old = CookieItem.objects.filter(pk=item.pk).values(*EDITABLE_FIELDS).first() if item.pk else None
        item.full_clean()
        item.save()
        record(
            actor=actor,
            action=AuditAction.UPDATE if old else AuditAction.CREATE,
            object_type="cookie_item",
            object_ref=str(item.pk),
            summary=f"Cookie register item {item.name}",
            before=old,
            after={f: getattr(item, f) for f in EDITABLE_FIELDS},
        )
        _bump_if_changed(before, reason=f"{item.name} changed", actor=actor)
    return item


def remove_item(*, item: CookieItem, actor: Any) -> None:
    """Take an item off the register (it is no longer set), audited."""
    with transaction.atomic():
        before = _consent_signature()
        record(
            actor=actor,
            action=AuditAction.DELETE,
            object_type="cookie_item",
            object_ref=str(item.pk),
            summary=f"Cookie register item {item.name}",
            before={f: getattr(item, f) for f in EDITABLE_FIELDS},
        )
        item.delete()
        _bump_if_changed(before, reason=f"{item.name} removed", actor=actor)


def import_register(*, path: Path, actor: Any) -> int:
    """Load a register YAML (a list under `items:`), updating items by name and kind; returns how many it read."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("items", [])
    with transaction.atomic():
        before = _consent_signature()
        for entry in entries:
            values = {f: entry[f] for f in EDITABLE_FIELDS if f in entry and f not in {"name", "kind"}}
            kind = entry.get("kind", "cookie")
            item, _ = CookieItem.objects.get_or_create(name=entry["name"], kind=kind, defaults=values)
            for key, value in values.items():
                setattr(item, key, value)
            item.full_clean()
            item.save()
        record(
            actor=actor,
            action=AuditAction.IMPORT,
            object_type="cookie_register",
            object_ref=path.name,
            summary=f"{len(entries)} cookie register items imported",
        )
        _bump_if_changed(before, reason=f"imported {path.name}", actor=actor)
    return len(entries)


def log_choice(*, choice: Choice, source: ConsentSource) -> ConsentRecord:
    """Keep proof of a choice: the random consent id, the answers, the register version and the time."""
    return ConsentRecord.objects.create(
        consent_id=choice.consent_id, answers=choice.answers, register_version=choice.version, source=source
    )


def consent_counts() -> list[dict[str, Any]]:
    """How many choices accepted or rejected each purpose, per register version (for the staff page)."""
    rows: dict[tuple[int, str], dict[str, Any]] = {}
    for entry in ConsentRecord.objects.values("register_version", "answers").annotate(n=Count("pk")):
        for purpose, yes in (entry["answers"] or {}).items():
            row = rows.setdefault(
                (entry["register_version"], purpose),
                {"version": entry["register_version"], "purpose": purpose, "accepted": 0, "rejected": 0},
            )
            row["accepted" if yes else "rejected"] += entry["n"]
    return [rows[key] for key in sorted(rows, key=lambda k: (-k[0], k[1]))]


def _mark(answer: bool | None) -> str:
    return "" if answer is None else ("yes" if answer else "no")


def consent_log_csv(*, actor: Any) -> str:
    """The whole consent log as CSV (an export is audited: it is the council's proof of consent)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["consent_id", "recorded_at", "register_version", "source", *[p.value for p in Purpose]])
    for entry in ConsentRecord.objects.order_by("recorded_at", "pk").iterator():
        answers = entry.answers or {}
        marks = [_mark(answers.get(p.value)) for p in Purpose]
        writer.writerow([entry.consent_id, entry.recorded_at.isoformat(), entry.register_version, entry.source, *marks])
    with transaction.atomic():
        record(actor=actor, action=AuditAction.EXPORT, object_type="consent_log", object_ref="csv")
    return out.getvalue()
