"""Staff pages under /staff/cookies/: only roles with MANAGE_COOKIES; edits are audited and may start a new version;
the consent log shows counts and exports as CSV."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from pledge.cookies import services
from pledge.cookies.models import CookieItem
from pledge.core.models import AuditEvent
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db

MANAGERS = roles_with(Permission.MANAGE_COOKIES)


OTHERS = [role for role in Role if role not in MANAGERS]


def urls() -> list[str]:
    item = CookieItem.objects.first()
    assert item is not None
    return [
        reverse("cookies:register"),
        reverse("cookies:new_item"),
        reverse("cookies:edit_item", kwargs={"pk": item.pk}),
        reverse("cookies:consent_log"),
        reverse("cookies:consent_log_csv"),
    ]


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    for url in urls():
        response = Client().get(url)
        assert response.status_code == 302 and "/staff/sign-in/" in response["Location"], url


@pytest.mark.parametrize("role", OTHERS)
def test_a_role_without_the_permission_is_refused(staff_client, role) -> None:
    client = staff_client(role)
    for url in urls():
        assert client.get(url).status_code == 403, url
    item = CookieItem.objects.get(name="messages")
    assert client.post(reverse("cookies:remove_item", kwargs={"pk": item.pk})).status_code == 403
    assert CookieItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_can_open_every_page(staff_client, role) -> None:
    client = staff_client(role)
    for url in urls():
        assert client.get(url).status_code == 200, url


def test_adding_an_analytics_item_is_audited_and_starts_a_new_version(staff_client, demo_register) -> None:
    version = services.current_version()
    response = staff_client(Role.DPO).post(
        reverse("cookies:new_item"),
        {
            "name": "_clarity",
            "kind": "cookie",
            "provider": "Example Analytics Ltd",
            "privacy_url": "https://analytics.example/privacy",
            "category": "analytics",
            "purpose": "Records how pages are scrolled",
            "lifetime_seconds": "31536000",
            "exemption": "none",
        },
    )
    assert response.status_code == 302
    assert services.current_version() == version + 1
    event = AuditEvent.objects.filter(object_type="cookie_item", action="create").get()
    assert event.after["name"] == "_clarity"
    assert AuditEvent.objects.filter(object_type="cookie_register", object_ref=f"version-{version + 1}").exists()


def test_a_bad_item_shows_errors_and_saves_nothing(staff_client) -> None:
    count = CookieItem.objects.count()
    response = staff_client(Role.DPO).post(reverse("cookies:new_item"), {"name": "", "category": "made-up"})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert CookieItem.objects.count() == count


def test_removing_an_item_is_audited(staff_client) -> None:
    item = CookieItem.objects.get(name="messages")
    staff_client(Role.DPO).post(reverse("cookies:remove_item", kwargs={"pk": item.pk}))
    assert not CookieItem.objects.filter(pk=item.pk).exists()
    assert AuditEvent.objects.filter(object_type="cookie_item", action="delete", object_ref=str(item.pk)).exists()


def test_the_consent_log_counts_choices_and_exports_csv(staff_client, demo_register) -> None:
    for answer in ["accept", "accept", "reject"]:
        Client().post("/cookies/choice/", {"cookies": answer, "next": "/"})
    client = staff_client(Role.DPO)
    assert services.consent_counts() == [
        {"version": services.current_version(), "purpose": "analytics", "accepted": 2, "rejected": 1}
    ]
    page = client.get(reverse("cookies:consent_log")).content.decode()
    assert "3 choices recorded" in page
    response = client.get(reverse("cookies:consent_log_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(r["analytics"] for r in rows) == ["no", "yes", "yes"]
    assert {r["source"] for r in rows} == {"banner"}
    assert AuditEvent.objects.filter(object_type="consent_log", action="export").count() == 1
