"""A signed-in member of staff must send the CSRF token to change anything; reading needs none."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils.crypto import get_random_string

from pledge.api.tests.routes import new_activity
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity

pytestmark = pytest.mark.usefixtures("register")
URL = "/api/v1/register/activities"


@pytest.fixture
def strict_client(make_user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role=Role.IG_OFFICER))
    return client


def test_a_session_post_without_the_csrf_token_is_refused(strict_client: Client) -> None:
    response = strict_client.post(URL, data=new_activity(), content_type="application/json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not ProcessingActivity.objects.filter(slug="single-person-discount").exists()


def test_a_session_post_with_the_csrf_token_is_served(strict_client: Client) -> None:
    token = get_random_string(32)
    strict_client.cookies[settings.CSRF_COOKIE_NAME] = token

    response = strict_client.post(
        URL, data=new_activity(), content_type="application/json", headers={"X-CSRFToken": token}
    )

    assert response.status_code == 201


def test_a_session_get_needs_no_csrf_token(strict_client: Client) -> None:
    assert strict_client.get(URL).status_code == 200


def test_a_bearer_token_needs_no_csrf_token(make_token) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        URL,
        data=new_activity(),
        content_type="application/json",
        headers={"Authorization": f"Bearer {make_token(role=Role.IG_OFFICER)}"},
    )

    assert response.status_code == 201
