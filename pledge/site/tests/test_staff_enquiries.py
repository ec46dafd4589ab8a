"""Staff answer messages to the DPO from a queue with reply-by dates; reading one is audited (P147, P129)."""

import pytest
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Permission, Role, roles_with
from pledge.site.models import DpoEnquiry, EnquiryStatus
from pledge.site.services import receive_enquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry() -> DpoEnquiry:
    return receive_enquiry(name="Ann Example", email="ann@example.com", about="", message="What do you keep?")


def client_for(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=f"{role.value}-x", password=None, role=role))
    return client


@pytest.mark.parametrize("role", list(Role))
def test_only_roles_with_the_enquiries_permission_see_the_queue(enquiry: DpoEnquiry, role: Role) -> None:
    allowed = role in roles_with(Permission.VIEW_ENQUIRIES)
    client = client_for(role)
    assert client.get("/staff/enquiries/").status_code == (200 if allowed else 403)
    assert client.get(f"/staff/enquiries/{enquiry.pk}/").status_code == (200 if allowed else 403)
    assert client.post(f"/staff/enquiries/{enquiry.pk}/status/", {"status": "closed"}).status_code == (
        302 if allowed else 403
    )


def test_the_queue_lists_the_reply_by_date(enquiry: DpoEnquiry) -> None:
    page = client_for(Role.DPO).get("/staff/enquiries/").content.decode()
    assert enquiry.reference in page
    assert enquiry.respond_by.strftime("%-d %b %Y") in page


def test_reading_a_message_writes_an_audit_row(enquiry: DpoEnquiry) -> None:
    client_for(Role.DPO).get(f"/staff/enquiries/{enquiry.pk}/")
    assert AuditEvent.objects.filter(action="view", object_ref=enquiry.reference).count() == 1


def test_marking_a_message_answered_is_audited_without_personal_details(enquiry: DpoEnquiry) -> None:
    client_for(Role.DPO).post(f"/staff/enquiries/{enquiry.pk}/status/", {"status": "answered", "note": "Replied"})
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.ANSWERED
    assert enquiry.closed_at is not None
    event = AuditEvent.objects.get(action="update", object_ref=enquiry.reference)
    assert "ann@example.com" not in str(event.summary) + str(event.before) + str(event.after)


def test_an_unknown_status_changes_nothing(enquiry: DpoEnquiry) -> None:
    client_for(Role.DPO).post(f"/staff/enquiries/{enquiry.pk}/status/", {"status": "deleted"})
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.RECEIVED
