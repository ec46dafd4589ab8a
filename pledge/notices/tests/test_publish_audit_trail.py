"""The audit trail publishing writes to is append-only."""

import pytest

from pledge.core.models import AppendOnlyError, AuditAction, AuditEvent
from pledge.notices.services import publish_notice
from pledge.register.models import Service
from pledge.register.tests.factories import NOW, TODAY, import_minimal, make_service_notice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def event() -> AuditEvent:
    notice = make_service_notice(service=Service.objects.get(slug="council-tax"))
    publish_notice(notice=notice, actor="test", change_summary="First notice.", effective_from=TODAY)
    return AuditEvent.objects.get(action=AuditAction.PUBLISH)


def test_changing_an_audit_event_is_refused(event) -> None:
    event.summary = "Nothing happened."

    with pytest.raises(AppendOnlyError):
        event.save()

    assert AuditEvent.objects.get(pk=event.pk).summary == "First notice."


def test_deleting_an_audit_event_is_refused(event) -> None:
    with pytest.raises(AppendOnlyError):
        event.delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_event_records_when_it_happened(event) -> None:
    assert event.at == NOW
