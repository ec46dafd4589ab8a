"""A disposal run: due records queued per table and rule, approved ones destroyed or anonymised through writable
connectors with a certificate, the rest handed to system owners once; running again changes nothing (P102, P103)."""

from pathlib import Path

from pledge.core.models import AuditEvent, User
from pledge.retention.execution import approve_batch, certificate_refs, complete_task
from pledge.retention.models import BatchState, DisposalBatch, DisposalCertificate, DisposalTask, TaskState
from pledge.retention.refs import read_refs
from pledge.retention.tests.conftest import run_now
from pledge.retention.tests.estate import accounts, notes, subscribers


def batch(system: str, table: str, state: str = BatchState.DUE) -> DisposalBatch:
    return DisposalBatch.objects.get(system=system, table=table, state=state)


def test_a_dry_run_lists_what_is_due_per_rule_and_changes_nothing(estate: Path) -> None:
    run = run_now(dry_run=True)
    found = {(row["system"], row["table"]): row for row in run.findings}
    assert found[("council-tax", "accounts")]["due"] == 2
    assert found[("council-tax", "accounts")]["rule"] == "council-tax-account"
    assert found[("webchat", "sessions")]["due"] == 1
    assert found[("mailbox", "messages")]["due"] == 1  # contact records enter the queue when due (P103)
    assert run.due == 5 and run.disposed == 0
    assert not DisposalBatch.objects.exists()
    assert accounts(estate) == ["CT1", "CT2", "CT3", "CT4"]


def test_a_run_queues_due_records_per_table_and_rule_with_their_references(estate: Path) -> None:
    run_now()
    queued = batch("council-tax", "accounts")
    assert (queued.due_count, queued.overdue_count, queued.rule_slug) == (2, 2, "council-tax-account")
    assert list(read_refs(queued.refs_file)) == ["council-tax/accounts/CT1", "council-tax/accounts/CT2"]
    assert str(queued.oldest_due) == "2022-04-01"  # the day after 31 March 2015 + 7 years
    assert accounts(estate) == ["CT1", "CT2", "CT3", "CT4"]  # nothing is destroyed without approval


def test_an_approved_batch_is_destroyed_with_its_linked_records_and_certified(estate: Path, dpo: User) -> None:
    run_now()
    approve_batch(batch=batch("council-tax", "accounts"), actor=dpo)
    run = run_now()
    assert run.disposed == 2
    assert accounts(estate) == ["CT3", "CT4"] and notes(estate) == ["N3"]
    certificate = DisposalCertificate.objects.get(system="council-tax")
    assert (certificate.count, certificate.approved_by, certificate.action) == (2, dpo, "destroy")
    assert certificate.reference == "DC-2026-0001" and certificate.rule_source == "Limitation Act 1980"
    assert certificate_refs(certificate) == ["council-tax/accounts/CT1", "council-tax/accounts/CT2"]
    summaries = list(AuditEvent.objects.filter(object_type="disposal_batch").values_list("summary", flat=True))
    assert any("2 record(s) destroyed; certificate DC-2026-0001" in summary for summary in summaries)
    assert not any("Ada" in summary or "example.com" in summary for summary in summaries)


def test_running_again_disposes_of_nothing_twice_and_raises_no_second_task(estate: Path, dpo: User) -> None:
    run_now()
    for due in DisposalBatch.objects.filter(state=BatchState.DUE, due_count__gt=0):
        approve_batch(batch=due, actor=dpo)
    first = run_now()
    again = run_now()
    assert (first.disposed, first.tasks_raised) == (3, 2)  # two accounts and a subscriber; webchat and mailbox tasks
    assert (again.disposed, again.tasks_raised) == (0, 0)
    assert DisposalTask.objects.count() == 2 and DisposalCertificate.objects.count() == 2
    assert not DisposalBatch.objects.filter(state=BatchState.DUE, due_count__gt=0).exists()


def test_a_read_only_system_gets_one_task_for_its_owner_and_a_certificate_when_done(estate: Path, dpo: User) -> None:
    run_now()
    approve_batch(batch=batch("mailbox", "messages"), actor=dpo)
    run_now()
    task = DisposalTask.objects.get()
    assert (task.owner_role, task.state, task.batch.due_count) == ("Head of ICT", TaskState.OPEN, 1)
    assert "Destroy these records" in task.instruction
    certificate = complete_task(task=task, note="Deleted from the mail archive on 2 December", actor=dpo)
    assert certificate_refs(certificate) == ["mailbox/messages/M1.eml"]
    assert "by the owner of Customer Services Mailbox" in certificate.method


def test_an_anonymise_rule_blanks_the_identifiers_once(estate: Path, dpo: User) -> None:
    run_now()
    approve_batch(batch=batch("newsletters", "subscribers"), actor=dpo)
    assert run_now().disposed == 1
    rows = {row["subscriber_id"]: row for row in subscribers(estate)}
    assert (rows["S1"]["name"], rows["S1"]["email"]) == ("", "")
    assert rows["S2"]["email"] == "bob@example.com"
    run_now()
    assert not DisposalBatch.objects.filter(system="newsletters", state=BatchState.DUE).exists()


def test_a_table_without_a_retention_class_is_shown_skipped_with_the_reason(estate: Path) -> None:
    run_now()
    skipped = batch("council-tax", "payments", BatchState.SKIPPED)
    assert "No retention class" in skipped.skip_reason
    assert not DisposalBatch.objects.filter(table="notes").exists()  # linked rows go with their account


def test_a_run_for_one_system_reads_only_that_system(estate: Path) -> None:
    run = run_now(system="webchat")
    assert run.systems_total == 1 and run.records_read == 2
