"""Staff add a processing activity to a service; it starts as a draft with an audited record."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, RetentionRule, Service, Status

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"
URL = "/staff/register/services/council-tax/add-activity/"


@pytest.fixture
def register(db: None) -> None:
    call_command("register", "import", str(MINIMAL))


def client_for(role: Role, *, leads: bool = False) -> Client:
    user = User.objects.create_user(username=f"{role.value}-y", password=None, role=role)
    if leads:
        user.led_services.add(*Service.objects.all())
    client = Client()
    client.force_login(user)
    return client


def new_activity(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Single person discount reviews",
        "purposes": "to check you still qualify for a single person discount",
        "lawful_basis": "e",
        "legislation": "Local Government Finance Act 1992 s.11",
        "data_subjects": "council tax payers",
        "data_categories": "name\naddress",
        "sources": "you\ncredit reference agencies",
        "provision_requirement": "statutory",
        "retention_rule": RetentionRule.objects.get().pk,
    }
    data.update(overrides)
    return data


def test_an_officer_adds_an_activity_as_a_draft(register: None) -> None:
    response = client_for(Role.IG_OFFICER).post(URL, new_activity())
    activity = ProcessingActivity.objects.get(slug="single-person-discount-reviews")
    assert response["Location"] == "/staff/register/activities/single-person-discount-reviews/"
    assert activity.status == Status.DRAFT
    assert activity.service.slug == "council-tax"
    assert AuditEvent.objects.filter(action="create", object_ref=activity.slug).count() == 1


def test_a_second_activity_with_the_same_name_gets_its_own_slug(register: None) -> None:
    client = client_for(Role.IG_OFFICER)
    client.post(URL, new_activity())
    client.post(URL, new_activity())
    assert ProcessingActivity.objects.filter(slug__startswith="single-person-discount-reviews").count() == 2


def test_a_public_task_without_legislation_is_refused_and_nothing_is_saved(register: None) -> None:
    response = client_for(Role.IG_OFFICER).post(URL, new_activity(legislation=""))
    assert response.status_code == 200
    assert "needs the legislation it rests on" in response.content.decode()
    assert ProcessingActivity.objects.count() == 2


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.AUDITOR, Role.SERVICE_LEAD])
def test_roles_that_cannot_edit_this_service_are_refused(register: None, role: Role) -> None:
    assert client_for(role).get(URL).status_code == 403


def test_a_service_lead_adds_to_a_service_they_lead(register: None) -> None:
    assert client_for(Role.SERVICE_LEAD, leads=True).get(URL).status_code == 200
