"""The DPO changes a controller's contact details once; every current notice shows them (P143, P144, P145)."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.notices.generation import ensure_notices
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.register.models import Controller

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def dpo(db: None) -> Client:
    call_command("register", "import", str(MINIMAL))
    ensure_notices()
    publish_notice(
        notice=Notice.objects.get(slug="council-tax"),
        actor=None,
        change_summary="First.",
        effective_from=date(2026, 1, 5),
    )
    client = Client()
    client.force_login(User.objects.create_user(username="dpo", password=None, role=Role.DPO))
    return client


def details(**changes: str) -> dict[str, str]:
    controller = Controller.objects.get(slug="testshire-council")
    data = {
        field: getattr(controller, field) or ""
        for field in ("name", "address", "email", "phone", "website", "ico_registration", "dpo_name", "dpo_email")
    }
    data |= {"dpo_phone": "", "dpo_address": controller.dpo_address, "ico_renewal_on": ""}
    data.update(changes)
    return data


def test_a_new_dpo_email_shows_on_the_published_notice_at_once(dpo: Client) -> None:
    response = dpo.post(
        "/staff/register/controllers/testshire-council/edit/", details(dpo_email="privacy@testshire.example")
    )
    assert response.status_code == 302
    assert "privacy@testshire.example" in Client().get("/privacy/council-tax/").content.decode()
    event = AuditEvent.objects.get(object_type="controllers", action="update")
    assert event.before is not None and event.before["dpo_email"] == "dpo@testshire.example"


def test_a_badly_formed_ico_registration_number_is_refused(dpo: Client) -> None:
    response = dpo.post("/staff/register/controllers/testshire-council/edit/", details(ico_registration="12345"))
    assert response.status_code == 200
    assert "is not an ICO registration number" in response.content.decode()
    assert Controller.objects.get(slug="testshire-council").ico_registration == "ZX999001"


def test_a_controller_without_a_phone_number_is_refused(dpo: Client) -> None:
    response = dpo.post("/staff/register/controllers/testshire-council/edit/", details(phone=""))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
