"""Sign-in sessions last 2 days, or 2 weeks with "remember me"; signing out removes them (seed promise)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def officer(db: None) -> User:
    return User.objects.create_user(username="officer", password="a-long-enough-password", role=Role.IG_OFFICER)


def sign_in(client: Client, *, remember: bool) -> None:
    data = {"username": "officer", "password": "a-long-enough-password"}
    if remember:
        data["remember_me"] = "on"
    response = client.post("/staff/sign-in/", data)
    assert response.status_code == 302


@time_machine.travel(NOW, tick=False)
def test_a_session_ends_after_two_days(officer: User) -> None:
    client = Client()
    sign_in(client, remember=False)
    assert client.session.get_expiry_date() == NOW + timedelta(days=2)


@time_machine.travel(NOW, tick=False)
def test_remember_me_keeps_the_session_for_two_weeks(officer: User) -> None:
    client = Client()
    sign_in(client, remember=True)
    assert client.session.get_expiry_date() == NOW + timedelta(days=14)


def test_the_session_no_longer_works_after_two_days(officer: User) -> None:
    client = Client()
    with time_machine.travel(NOW, tick=False):
        sign_in(client, remember=False)
        assert client.get("/staff/").status_code == 200
    with time_machine.travel(NOW + timedelta(days=2, minutes=1), tick=False):
        assert client.get("/staff/").status_code == 302


def test_signing_out_deletes_the_session_cookie(officer: User) -> None:
    client = Client()
    sign_in(client, remember=True)
    response = client.post("/staff/sign-out/")
    assert response.status_code == 302
    assert response.cookies["pledge_session"].value == ""
    assert response.cookies["pledge_session"]["max-age"] == 0
    assert client.get("/staff/").status_code == 302
    assert AuditEvent.objects.filter(action="logout").count() == 1


def test_a_wrong_password_shows_an_error_and_signs_nobody_in(officer: User) -> None:
    client = Client()
    response = client.post("/staff/sign-in/", {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    assert client.get("/staff/").status_code == 302


def test_sign_in_refuses_to_redirect_off_site(officer: User) -> None:
    response = Client().post(
        "/staff/sign-in/?next=https://evil.example/", {"username": "officer", "password": "a-long-enough-password"}
    )
    assert response["Location"] == "/staff/"
