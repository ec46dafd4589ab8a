"""Case notes are append-only: added with an audit row, never changed or deleted, shown in the timeline."""

from datetime import date

import pytest

from pledge.casework import notes
from pledge.casework.record_models import AppendOnlyNoteError, CaseNote
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 6, 20))
    return make_case(received_on=date(2026, 6, 10))


def test_a_note_is_added_and_its_audit_row_does_not_repeat_what_it_says(case, caseworker) -> None:
    note = notes.add_note(case=case, text="  Rang Zebedee about the housing file  ", actor=caseworker)
    assert (note.text, note.author) == ("Rang Zebedee about the housing file", caseworker)
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert (event.summary, event.after) == ("Note added", {"note": note.pk})


def test_a_note_cannot_be_changed_or_deleted(case, caseworker) -> None:
    note = notes.add_note(case=case, text="First thoughts", actor=caseworker)
    note.text = "Rewritten"
    with pytest.raises(AppendOnlyNoteError):
        note.save()
    with pytest.raises(AppendOnlyNoteError):
        note.delete()
    with pytest.raises(AppendOnlyNoteError):
        CaseNote.objects.filter(pk=note.pk).update(text="Rewritten")
    with pytest.raises(AppendOnlyNoteError):
        CaseNote.objects.all().delete()
    assert CaseNote.objects.get().text == "First thoughts"


def test_a_correction_is_a_new_note_and_both_are_in_the_timeline(case, caseworker) -> None:
    first = notes.add_note(case=case, text="Called on Monday", actor=caseworker)
    second = notes.add_note(case=case, text="Correction: called on Tuesday", actor=caseworker)
    with_notes = [event.note for event in notes.timeline(case) if event.note]
    assert with_notes == [first, second]


@pytest.mark.parametrize(("text", "message"), [("   ", "Enter the note"), ("x" * 5001, "5,000 characters or fewer")])
def test_it_refuses_an_empty_or_overlong_note(case, caseworker, text, message) -> None:
    with pytest.raises(CaseworkError, match=message):
        notes.add_note(case=case, text=text, actor=caseworker)
    assert not CaseNote.objects.exists()


def test_the_same_note_sent_twice_is_added_once(case, caseworker) -> None:
    notes.add_note(case=case, text="Sent the ID request", actor=caseworker)
    with pytest.raises(CaseworkError, match="already been added"):
        notes.add_note(case=case, text="Sent the ID request", actor=caseworker)
    assert CaseNote.objects.count() == 1
