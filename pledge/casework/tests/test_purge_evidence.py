"""``pledge cases purge-evidence`` and the daily task delete evidence files past their date, keep the record, audit
each deletion, and delete nothing twice."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from pledge.casework import identity
from pledge.casework.models import Proof
from pledge.casework.record_models import CheckMethod, EvidenceDeletion, IdentityEvidence
from pledge.casework.tasks import purge_id_evidence
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import png
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(today, caseworker) -> IdentityEvidence:
    """Evidence for a check made on 1 June 2026: kept to 1 July, deleted from 2 July."""
    today(date(2026, 6, 1))
    case = make_case(received_on=date(2026, 6, 1))
    identity.record_identity_check(
        case=case,
        on=date(2026, 6, 1),
        method=CheckMethod.DOCUMENT_SEEN,
        document_type="driving_licence",
        actor=caseworker,
    )
    return identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)


def _purge() -> str:
    out = StringIO()
    call_command("cases", "purge-evidence", "--now", stdout=out)
    return out.getvalue()


def test_it_keeps_evidence_on_its_last_day(today, evidence, private_files) -> None:
    today(date(2026, 7, 1))
    assert _purge() == "Deleted 0 ID evidence file(s) past their deletion date\n"
    assert (private_files / evidence.stored_name).exists()


def test_it_deletes_the_file_the_day_after_and_keeps_the_record(today, evidence, private_files) -> None:
    stored = private_files / evidence.stored_name
    today(date(2026, 7, 2))
    assert _purge() == "Deleted 1 ID evidence file(s) past their deletion date\n"
    assert not stored.exists()
    evidence.refresh_from_db()
    assert (evidence.deletion, evidence.deleted_by, evidence.original_name) == (EvidenceDeletion.SCHEDULE, None, "")
    assert evidence.deleted_at.date() == date(2026, 7, 2)
    assert evidence.identity_check.get_document_type_display() == "Driving licence"
    event = AuditEvent.objects.filter(object_ref=evidence.case.reference).first()
    assert (event.action, event.actor_label, event.summary) == (
        "delete",
        "system",
        f"Proof of identity evidence {evidence.pk}: Deleted on schedule",
    )


def test_running_it_twice_deletes_nothing_twice(today, evidence) -> None:
    today(date(2026, 7, 10))
    assert purge_id_evidence.call() == 1
    deleted_at = IdentityEvidence.objects.get().deleted_at
    events = AuditEvent.objects.count()
    assert purge_id_evidence.call() == 0
    assert (IdentityEvidence.objects.get().deleted_at, AuditEvent.objects.count()) == (deleted_at, events)


def test_without_now_it_queues_the_purge_for_the_worker(today, evidence) -> None:
    from django_tasks_db.models import DBTaskResult

    today(date(2026, 7, 10))
    out = StringIO()
    call_command("cases", "purge-evidence", stdout=out)
    assert out.getvalue() == "Queued the ID evidence purge for the background worker\n"
    assert DBTaskResult.objects.get().task_path == "pledge.casework.tasks.purge_id_evidence"
    assert not IdentityEvidence.objects.get().is_deleted
