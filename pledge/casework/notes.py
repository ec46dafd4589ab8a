"""Case notes: append-only. A note is never edited or deleted; a correction is a new note."""

from typing import Any

from django.db import transaction

from pledge.casework import services
from pledge.casework.models import Case
from pledge.casework.record_models import CaseNote
from pledge.core.audit import record
from pledge.core.models import AuditAction, AuditEvent

MAX_NOTE_LENGTH = 5000
NOTE_ADDED = "Note added"


def add_note(*, case: Case, text: str, actor: Any) -> CaseNote:
    """Add a note to the case, with an audit row that names the note but not what it says (it may be personal).

    The same text sent again by the same person straight after (a double submission) is refused."""
    cleaned = text.strip()
    if not cleaned:
        raise services.CaseworkError("Enter the note")
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise services.CaseworkError(f"The note must be {MAX_NOTE_LENGTH:,} characters or fewer")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()  # one note at a time per case
        latest = case.notes.order_by("-created_at", "-id").first()
        if latest is not None and latest.author_id == getattr(actor, "pk", None) and latest.text == cleaned:
            raise services.CaseworkError("This note has already been added")
        note = CaseNote.objects.create(case=case, text=cleaned, author=actor)
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type=services.OBJECT_TYPE,
            object_ref=case.reference,
            summary=NOTE_ADDED,
            after={"note": note.pk},
        )
    return note


def timeline(case: Case) -> list[AuditEvent]:
    """The case's audit trail, oldest first, without page views; each "Note added" event carries its ``note``."""
    events = list(
        AuditEvent.objects.filter(object_type=services.OBJECT_TYPE, object_ref=case.reference)
        .exclude(action=AuditAction.VIEW)
        .select_related(None)
        .order_by("at", "id")
    )
    notes = {note.pk: note for note in case.notes.all()}
    for event in events:
        after = event.after if isinstance(event.after, dict) and event.summary == NOTE_ADDED else {}
        event.note = notes.get(after.get("note", 0))  # type: ignore[attr-defined]
    return events
