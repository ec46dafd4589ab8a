"""Changing an approved entry: a new entry amends it, audited; the original is never rewritten (P111)."""

import pytest

from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.models import Disclosure, Status

pytestmark = pytest.mark.django_db


def test_an_amendment_is_a_new_entry_linked_to_the_original(approved, staff) -> None:
    details = services.details_of(approved)
    details.data_items = ["Current address"]
    amendment = services.amend_disclosure(
        original=approved, actor=staff(Role.CASEWORKER), details=details, reason="Only the address was released"
    )
    assert amendment.pk != approved.pk and amendment.amends == approved
    assert amendment.status == Status.AWAITING_APPROVAL
    assert Disclosure.objects.get(pk=approved.pk).data_items == ["Current address", "Council tax account start date"]
    event = AuditEvent.objects.get(object_ref=amendment.reference, action="create")
    assert event.summary.startswith(f"Amends {approved.reference}")


def test_an_amendment_needs_a_reason(approved, staff) -> None:
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.amend_disclosure(
            original=approved, actor=staff(Role.CASEWORKER), details=services.details_of(approved), reason=""
        )
    assert "amendment_reason" in refused.value.problems


def test_an_entry_awaiting_approval_is_not_amended(logged, staff) -> None:
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.amend_disclosure(
            original=logged, actor=staff(Role.CASEWORKER), details=services.details_of(logged), reason="Typo"
        )
    assert "Only an approved disclosure" in refused.value.problems["amend"]


def test_an_amendment_is_checked_against_the_rules_too(approved, staff) -> None:
    details = services.details_of(approved)
    details.minimum_data = ""
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.amend_disclosure(original=approved, actor=staff(Role.CASEWORKER), details=details, reason="Fix")
    assert "minimum_data" in refused.value.problems
