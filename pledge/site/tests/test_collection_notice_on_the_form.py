"""The contact form shows its short privacy notice from the register, and each message keeps the version shown."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.notices.generation import ensure_notices
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.site.models import DpoEnquiry

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"
VALID = {"name": "Ann Example", "email": "ann@example.com", "about": "", "message": "What do you keep about me?"}


@pytest.fixture
def published(db: None, settings: object) -> Notice:
    call_command("register", "import", str(MINIMAL))
    settings.PLEDGE_CONTACT_ACTIVITY = "garden-waste-subscription"  # type: ignore[attr-defined]
    ensure_notices()
    notice = Notice.objects.get(slug="council-tax")
    publish_notice(notice=notice, actor=None, change_summary="First.", effective_from=date(2026, 1, 5))
    return notice


def test_the_form_shows_the_purpose_retention_and_a_link_to_the_full_notice(published: Notice) -> None:
    page = Client().get("/contact-the-dpo/").content.decode()
    assert "How we use the information you send" in page
    assert "to collect your garden waste" in page
    assert "6 years after the account is closed" in page
    assert 'href="/privacy/council-tax/#garden-waste-subscription"' in page
    assert page.index("How we use the information you send") < page.index("Send message")


def test_each_message_stores_the_notice_version_shown(published: Notice) -> None:
    Client().post("/contact-the-dpo/", VALID)
    enquiry = DpoEnquiry.objects.get()
    assert enquiry.notice_version == published.current_version()


def test_without_a_published_notice_the_form_still_works(db: None) -> None:
    response = Client().post("/contact-the-dpo/", VALID)
    assert response.status_code == 302
    assert DpoEnquiry.objects.get().notice_version is None


def test_a_purpose_added_after_collection_is_flagged_as_not_covered(published: Notice) -> None:
    from pledge.core.models import User
    from pledge.core.roles import Role
    from pledge.register.models import ProcessingActivity

    Client().post("/contact-the-dpo/", VALID)
    activity = ProcessingActivity.objects.get(slug="garden-waste-subscription")
    activity.purposes = [*activity.purposes, "to send you offers from partners"]
    activity.save()
    publish_notice(notice=published, actor=None, change_summary="New purpose.", effective_from=date(2026, 2, 1))
    staff = Client()
    staff.force_login(User.objects.create_user(username="dpo", password=None, role=Role.DPO))
    page = staff.get(f"/staff/enquiries/{DpoEnquiry.objects.get().pk}/").content.decode()
    assert "Do not use it for: to send you offers from partners." in page
