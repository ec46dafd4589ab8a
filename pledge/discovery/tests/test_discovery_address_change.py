"""A change of address (P077) becomes one task listing every confirmed record, done when each is updated or not."""

from datetime import date

import pytest

from pledge.core.models import AuditEvent
from pledge.discovery import services
from pledge.discovery.address_changes import record_address_change, record_address_item
from pledge.discovery.models import AddressItemState
from pledge.discovery.services import DiscoveryError
from pledge.discovery.tests.discovery_factories import freeze, make_case, make_caseworker, run_now, set_up_estate

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(settings, tmp_path, time_machine):
    set_up_estate(settings, tmp_path)
    freeze(time_machine, date(2026, 6, 20))
    return make_case(received_on=date(2026, 6, 10))


def test_it_needs_the_persons_records_confirmed_first(case) -> None:
    with pytest.raises(DiscoveryError, match="confirm the person's records first"):
        record_address_change(case=case, new_address="2 New Road", actor=make_caseworker())


def test_it_lists_every_confirmed_record_in_every_system_until_each_is_done(case) -> None:
    worker = make_caseworker()
    run = run_now(case, worker)
    for candidate in run.candidates.all():
        services.confirm_candidate(candidate=candidate, actor=worker)
    change = record_address_change(case=case, new_address="2 New Road, Testtown", new_postcode="tt2 2bb", actor=worker)
    items = list(change.items.all())
    assert [(i.system_name, i.key, i.state) for i in items] == [
        ("Council Tax", "CT1", AddressItemState.TO_UPDATE),
        ("Email Newsletters", "N1", AddressItemState.TO_UPDATE),
    ]
    assert change.new_postcode == "TT2 2BB"
    with pytest.raises(DiscoveryError, match="Give the reason"):
        record_address_item(item=items[1], state=AddressItemState.NOT_UPDATED, reason="", actor=worker)
    record_address_item(item=items[0], state=AddressItemState.UPDATED, reason="", actor=worker)
    change.refresh_from_db()
    assert change.completed_at is None
    record_address_item(
        item=items[1], state=AddressItemState.NOT_UPDATED, reason="The list holds no address", actor=worker
    )
    change.refresh_from_db()
    assert change.completed_at is not None
    summaries = list(AuditEvent.objects.filter(object_ref=case.reference).values_list("summary", flat=True))
    assert not any("New Road" in summary for summary in summaries)
    assert any(summary.endswith("every record done") for summary in summaries)
