"""Activities move draft -> submitted -> approved (or back to draft), each step audited."""

from datetime import date

import pytest

from pledge.core.models import AuditAction, AuditEvent
from pledge.register.models import Status
from pledge.register.services import approve_activity, return_activity_to_draft, submit_activity
from pledge.register.tests.factories import make_activity, make_controller, make_service, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.fixture
def draft():
    service = make_service(controller=make_controller())
    return make_activity(service=service, slug="council-tax-billing", status=Status.DRAFT)


def test_submitting_a_draft_sends_it_for_approval_and_audits_it(draft) -> None:
    lead = make_user(username="sam")

    submit_activity(activity=draft, actor=lead)

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_ref) == (AuditAction.SUBMIT, "activities", draft.slug)
    assert event.actor == lead
    assert event.before["status"] == "draft"
    assert event.after["status"] == "submitted"


def test_approving_sets_the_effective_date_and_audits_it(draft) -> None:
    dpo = make_user(username="dana")
    submit_activity(activity=draft, actor=dpo)

    approve_activity(activity=draft, actor=dpo, effective_from=date(2026, 12, 1))

    draft.refresh_from_db()
    assert draft.status == Status.APPROVED
    assert draft.effective_from == date(2026, 12, 1)
    event = AuditEvent.objects.get(action=AuditAction.APPROVE)
    assert event.before["status"] == "submitted"
    assert event.after["status"] == "approved"
    assert "effective_from" not in event.before
    assert event.after["effective_from"] == "2026-12-01"


def test_returning_to_draft_records_the_reason(draft) -> None:
    dpo = make_user(username="dana")
    submit_activity(activity=draft, actor=dpo)

    return_activity_to_draft(activity=draft, actor=dpo, reason="Name the legislation for the discount.")

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    event = AuditEvent.objects.get(action=AuditAction.REJECT)
    assert event.summary == "Name the legislation for the discount."
    assert (event.before["status"], event.after["status"]) == ("submitted", "draft")


def test_every_step_leaves_its_own_audit_row(draft) -> None:
    dpo = make_user(username="dana")

    submit_activity(activity=draft, actor=dpo)
    return_activity_to_draft(activity=draft, actor=dpo, reason="Needs a retention rule.")
    submit_activity(activity=draft, actor=dpo)
    approve_activity(activity=draft, actor=dpo, effective_from=date(2026, 11, 2))

    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        AuditAction.SUBMIT,
        AuditAction.REJECT,
        AuditAction.SUBMIT,
        AuditAction.APPROVE,
    ]
