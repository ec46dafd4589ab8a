"""Demo retention data: a legal hold on one fictional person of the demo estate, a disposal run over the estate, and
one approved batch (the newsletter subscriptions rule), so the queue, holds and approval show. Idempotent."""

import csv
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.retention.execution import approve_batch
from pledge.retention.models import BatchState, DisposalApproval, DisposalBatch, DisposalRun, LegalHold
from pledge.retention.runs import queue_run
from pledge.retention.services import place_legal_hold
from pledge.retention.sweep import RunRefused, sweep

HOLD_REASON = "Demo: claim 26-CL-0042 in Anyshire County Court; keep every record of the claimant until it is settled"
FALLBACK_EMAIL = "morgan.fictional@example.com"  # when no estate has been generated
DEMO_RULE = "newsletter-subscription"


def _dpo() -> User:
    user = User.objects.filter(role=Role.DPO, is_active=True).order_by("pk").first()
    if user is None:
        user, _ = User.objects.get_or_create(username=f"demo-{Role.DPO.value}", defaults={"role": Role.DPO})
    return user


def _demo_person_email() -> str:
    """The email of the first adult with one in the estate's people.csv (a generated, fictional person)."""
    people = Path(settings.PLEDGE_SYSTEMS).parent / "people.csv"
    if people.exists():
        with people.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("email"):
                    return row["email"]
    return FALLBACK_EMAIL


def load_demo() -> str:
    """Place the demo hold, run over the estate once and approve one batch, unless already done; one-line summary."""
    dpo = _dpo()
    hold = LegalHold.objects.filter(reason=HOLD_REASON).first()
    if hold is None:
        hold = place_legal_hold(
            reason=HOLD_REASON,
            review_on=timezone.localdate() + timedelta(days=90),
            actor=dpo,
            person_identifiers={"email": _demo_person_email()},
        )
    run = DisposalRun.objects.filter(dry_run=False).first()
    if run is None and Path(settings.PLEDGE_SYSTEMS).exists():
        try:
            run = sweep(run=queue_run(actor=dpo, dry_run=False, enqueue=False))
        except RunRefused:
            run = None
    if not DisposalApproval.objects.exists():
        batch = (
            DisposalBatch.objects.filter(state=BatchState.DUE, due_count__gt=0, rule_slug=DEMO_RULE).first()
            or DisposalBatch.objects.filter(state=BatchState.DUE, due_count__gt=0).first()
        )
        if batch is not None:
            approve_batch(batch=batch, actor=dpo, note="Demo: reviewed, nothing to keep longer")
    due = sum(DisposalBatch.objects.filter(state=BatchState.DUE).values_list("due_count", flat=True))
    approved = DisposalBatch.objects.filter(state=BatchState.APPROVED).count()
    return f"Retention: legal hold {hold.pk}, {due:,} records due in the disposal queue, {approved} batch(es) approved"
