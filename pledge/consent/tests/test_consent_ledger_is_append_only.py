"""The ledger proves what people said (Art 7(1)): no event or wording can be changed or deleted."""

import pytest

from pledge.consent import services
from pledge.consent.models import Channel, ConsentEvent, ConsentWording
from pledge.core.models import AppendOnlyError


def _given(ledger):
    return services.record_consent(
        subject=ledger["subject"], purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web form"
    )


def test_it_refuses_to_save_changes_to_a_recorded_event(ledger):
    event = _given(ledger)
    event.evidence = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert ConsentEvent.objects.get(pk=event.pk).evidence == ""


def test_it_refuses_to_delete_an_event(ledger):
    event = _given(ledger)
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert ConsentEvent.objects.filter(pk=event.pk).exists()


def test_it_refuses_bulk_updates_and_deletes(ledger):
    _given(ledger)
    with pytest.raises(AppendOnlyError):
        ConsentEvent.objects.filter(subject=ledger["subject"]).update(channel=Channel.PHONE)
    with pytest.raises(AppendOnlyError):
        ConsentEvent.objects.all().delete()
    assert ConsentEvent.objects.get().channel == Channel.WEB


def test_it_refuses_to_change_a_wording(ledger):
    wording = ConsentWording.objects.get(purpose__slug="promotional", version="v1")
    wording.text = "Different words"
    with pytest.raises(AppendOnlyError):
        wording.save()
    with pytest.raises(AppendOnlyError):
        ConsentWording.objects.all().delete()
