"""The retention demo: a hold on a fictional person, the queue filled from the estate, one batch approved; twice
changes nothing."""

from pathlib import Path

from pledge.retention.demo import load_demo
from pledge.retention.models import BatchState, DisposalApproval, DisposalBatch, DisposalRun, LegalHold


def test_the_demo_holds_a_person_fills_the_queue_and_approves_one_batch_once(estate: Path) -> None:
    first = load_demo()
    second = load_demo()
    assert first.startswith("Retention: legal hold") and first == second
    assert LegalHold.objects.count() == 1 and DisposalRun.objects.count() == 1
    assert DisposalApproval.objects.get().batch.rule_slug == "newsletter-subscription"
    assert DisposalBatch.objects.filter(state=BatchState.APPROVED).count() == 1
