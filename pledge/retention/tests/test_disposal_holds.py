"""Legal holds win over retention: held records are skipped, counted under the hold with its reason, and a record
held after its batch was approved is not destroyed (P104)."""

from datetime import timedelta
from pathlib import Path

import pytest

from pledge.core.models import User
from pledge.retention.execution import approve_batch
from pledge.retention.models import BatchState, DisposalBatch, DisposalCertificate
from pledge.retention.refs import read_refs
from pledge.retention.services import hold_covers, hold_matchers, place_legal_hold
from pledge.retention.tests.conftest import run_now
from pledge.retention.tests.estate import TODAY, accounts


def due_accounts() -> DisposalBatch:
    return DisposalBatch.objects.get(system="council-tax", table="accounts", state=BatchState.DUE)


def test_held_records_are_skipped_and_counted_under_the_hold(estate: Path, dpo: User) -> None:
    hold = place_legal_hold(
        reason="Claim 26-CL-0001",
        review_on=TODAY + timedelta(days=90),
        actor=dpo,
        person_identifiers={"email": "ADA@example.com"},
    )
    run = run_now()
    queued = due_accounts()
    assert (queued.due_count, queued.held_count, queued.held_by) == (1, 1, {str(hold.pk): 1})
    assert list(read_refs(queued.refs_file)) == ["council-tax/accounts/CT2"]
    assert run.held == 4  # her account, webchat session, newsletter subscription and email (P104)


def test_a_hold_placed_after_approval_stops_that_record_being_destroyed(estate: Path, dpo: User) -> None:
    run_now()
    approve_batch(batch=due_accounts(), actor=dpo)
    place_legal_hold(reason="ICO investigation", review_on=TODAY, actor=dpo, record_refs=["council-tax/accounts/CT1"])
    run = run_now()
    assert run.disposed == 1 and accounts(estate) == ["CT1", "CT3", "CT4"]
    certificate = DisposalCertificate.objects.get()
    assert (certificate.count, certificate.not_done_count) == (1, 1)


@pytest.mark.parametrize(
    ("kwargs", "ref", "identity", "expected"),
    [
        ({"record_refs": ["a/b/1"]}, "a/b/1", {}, True),
        ({"record_refs": ["a/b/1"]}, "a/b/2", {}, False),
        ({"person_identifiers": {"ni_number": "QQ 12 34 56 C"}}, "a/b/2", {"ni_number": "qq123456c"}, True),
        ({"person_identifiers": {"email": "x@example.com"}}, "a/b/2", {"email": "y@example.com"}, False),
    ],
)
def test_the_run_matches_holds_as_plans_do(dpo: User, kwargs: dict, ref: str, identity: dict, expected: bool) -> None:
    hold = place_legal_hold(reason="Claim", review_on=TODAY + timedelta(days=400), actor=dpo, **kwargs)
    matcher = hold_matchers()[0]
    assert matcher.covers(ref=ref, register_system_id=None, identity=identity) is expected
    assert hold_covers(hold, ref=ref, register_system_id=None, case_id=None, identity=identity) is expected
