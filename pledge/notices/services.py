"""Publishing notices: refuse what Arts 13/14 cannot be satisfied for, freeze the rest as versions."""

import difflib
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max

from pledge.core.audit import record as audit
from pledge.core.models import AuditAction
from pledge.notices.completeness import MissingItem, missing_items
from pledge.notices.generation import build_notice_document
from pledge.notices.models import Notice, NoticeVersion
from pledge.notices.render import notice_text


class NoticeIncomplete(Exception):
    """The register cannot supply every Art 13/14 item; the list says what to fix."""

    def __init__(self, missing: list[MissingItem]) -> None:
        super().__init__(f"{len(missing)} item(s) missing")
        self.missing = missing


class NoticeUnchanged(Exception):
    """The register has not changed what this notice says since its latest version."""


def document_hash(document: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def preview_notice(*, notice: Notice) -> tuple[dict[str, Any], list[MissingItem]]:
    """What publishing now would say, and what would stop it."""
    document = build_notice_document(notice)
    return document, missing_items(document)


def publish_notice(*, notice: Notice, actor: Any, change_summary: str, effective_from: date) -> NoticeVersion:
    """Freeze the notice's current content as a new version (Art 13(3)/14(4): tell people before a change)."""
    if not change_summary.strip():
        raise ValueError("a change summary is required")
    document, missing = preview_notice(notice=notice)
    if missing:
        raise NoticeIncomplete(missing)
    digest = document_hash(document)
    with transaction.atomic():
        latest = notice.versions.order_by("-number").select_for_update().first()
        if latest is not None and latest.content_hash == digest:
            raise NoticeUnchanged(f"{notice.title} has not changed since version {latest.number}")
        number = (notice.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = NoticeVersion.objects.create(
            notice=notice,
            number=number,
            effective_from=effective_from,
            published_by=actor if getattr(actor, "pk", None) else None,
            change_summary=change_summary.strip(),
            document=document,
            text=notice_text(document),
            content_hash=digest,
        )
        audit(
            actor=actor,
            action=AuditAction.PUBLISH,
            object_type="notice",
            object_ref=f"{notice.slug}@{number}",
            summary=change_summary.strip(),
        )
    return version


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str


def diff_versions(*, older: NoticeVersion, newer: NoticeVersion, context: int = 2) -> list[list[DiffLine]]:
    """Readable changes between two versions: groups of lines with ``context`` unchanged lines around each."""
    a, b = older.text.splitlines(), newer.text.splitlines()
    groups = []
    for group in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_grouped_opcodes(context):
        lines: list[DiffLine] = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", t) for t in a[i1:i2] if t.strip()]
                continue
            lines += [DiffLine("removed", t) for t in a[i1:i2] if t.strip()]
            lines += [DiffLine("added", t) for t in b[j1:j2] if t.strip()]
        groups.append(lines)
    return groups
