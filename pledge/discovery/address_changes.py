"""A change of address, made in every record matched as the person's (promise P077: "telling us when any of your
details change").

Art 5(1)(d) (accuracy) and Art 16: one submission creates one task listing every confirmed record in every
connected system; each item is marked updated, or not updated with the reason, and the task is done when every
item is. The new address is personal data: it is held on the task, never in an audit summary.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.services import record_case_event
from pledge.core.models import AuditAction
from pledge.discovery.models import AddressChange, AddressChangeItem, AddressItemState
from pledge.discovery.services import DiscoveryError, confirmed_records, latest_finished_run


def record_address_change(
    *, case: Case, new_address: str, new_postcode: str = "", moved_on: date | None = None, actor: Any
) -> AddressChange:
    """One task listing every record confirmed as the person's; refused until some are confirmed."""
    if not new_address.strip():
        raise DiscoveryError("Enter the new address")
    refs = confirmed_records(case=case)
    if not refs:
        raise DiscoveryError("Find and confirm the person's records first, so the change reaches each of them")
    run = latest_finished_run(case)
    names = {s.system: s.system_name for s in run.system_searches.all()} if run else {}
    with transaction.atomic():
        change = AddressChange.objects.create(
            case=case,
            new_address=new_address.strip(),
            new_postcode=new_postcode.strip().upper(),
            moved_on=moved_on,
            recorded_by=actor,
        )
        AddressChangeItem.objects.bulk_create(
            AddressChangeItem(
                change=change,
                system=ref.system,
                system_name=names.get(ref.system, ref.system),
                table=ref.table,
                key=ref.key,
            )
            for ref in refs
        )
        record_case_event(
            case, actor, AuditAction.CREATE, f"Change of address {change.pk}: {len(refs)} records to update"
        )
    return change


def record_address_item(
    *, item: AddressChangeItem, state: AddressItemState | str, reason: str, actor: Any
) -> AddressChangeItem:
    """Mark one record updated, or not updated with the reason; the task completes when every item is done."""
    chosen = AddressItemState(state)
    if chosen == AddressItemState.NOT_UPDATED and not reason.strip():
        raise DiscoveryError("Give the reason the record is not updated")
    change = item.change
    with transaction.atomic():
        before = {"state": item.state}
        item.state, item.reason = chosen, reason.strip()
        item.done_by, item.done_at = (None, None) if chosen == AddressItemState.TO_UPDATE else (actor, timezone.now())
        item.save()
        left = change.items.filter(state=AddressItemState.TO_UPDATE).count()
        change.completed_at = timezone.now() if left == 0 else None
        change.save(update_fields=["completed_at"])
        summary = f"Change of address {change.pk}: record {item.pk} {chosen.label.lower()}"
        record_case_event(
            change.case,
            actor,
            AuditAction.UPDATE,
            summary + (", every record done" if left == 0 else f", {left} left"),
            before=before,
            after={"state": chosen.value},
        )
    return item
