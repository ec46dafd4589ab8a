"""Every disclosure page: anonymous visitors go to sign-in; roles without the permission get 403."""

import pytest
from django.test import Client
from django.urls import reverse

from pledge.core.roles import Permission, Role, role_grants

pytestmark = pytest.mark.django_db


def _activity():
    from pledge.register.models import ProcessingActivity
    from pledge.register.tests.factories import make_activity, make_controller, make_service

    found = ProcessingActivity.objects.first()
    return found or make_activity(service=make_service(controller=make_controller()), slug="council-tax-billing")


# (url name, needs an entry, method, permission)
PAGES = [
    ("log", False, "get", Permission.VIEW_DISCLOSURES),
    ("new", False, "get", Permission.LOG_DISCLOSURES),
    ("new", False, "post", Permission.LOG_DISCLOSURES),
    ("detail", True, "get", Permission.VIEW_DISCLOSURES),
    ("approve", True, "post", Permission.APPROVE_DISCLOSURES),
    ("refuse", True, "post", Permission.APPROVE_DISCLOSURES),
    ("amend", True, "get", Permission.LOG_DISCLOSURES),
    ("tell", True, "get", Permission.LOG_DISCLOSURES),
    ("letter", True, "get", Permission.LOG_DISCLOSURES),
    ("order", True, "get", Permission.VIEW_DISCLOSURES),
    ("recipients", False, "get", Permission.VIEW_DISCLOSURES),
    ("activities", False, "get", Permission.VIEW_DISCLOSURES),
    ("activity_sharing", False, "get", Permission.APPROVE_DISCLOSURES),
    ("activity_sharing", False, "post", Permission.APPROVE_DISCLOSURES),
    ("checks", False, "get", Permission.APPROVE_DISCLOSURES),
    ("checks", False, "post", Permission.APPROVE_DISCLOSURES),
]


def _url(name: str, needs_entry: bool, entry, recipient) -> str:
    if name == "activity_sharing":
        return reverse("disclosures:activity_sharing", kwargs={"slug": _activity().slug})
    if name == "checks":
        return reverse("disclosures:checks", kwargs={"slug": recipient.slug})
    if needs_entry:
        return reverse(f"disclosures:{name}", kwargs={"reference": entry.reference})
    return reverse(f"disclosures:{name}")


@pytest.mark.parametrize(("name", "needs_entry", "method", "permission"), PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(approved, police, name, needs_entry, method, permission) -> None:
    response = getattr(Client(), method)(_url(name, needs_entry, approved, police))
    assert response.status_code == 302 and response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize(("name", "needs_entry", "method", "permission"), PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_a_role_without_the_permission_is_refused(
    approved, police, client_as, role, name, needs_entry, method, permission
) -> None:
    response = getattr(client_as(role), method)(_url(name, needs_entry, approved, police))
    if role_grants(role, permission):
        assert response.status_code != 403
    else:
        assert response.status_code == 403
