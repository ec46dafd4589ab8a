"""Login cookies (P088-P091): a browser-session cookie ending 48 hours after sign-in on the server, 14 days with
"remember me", HttpOnly and SameSite with no username in it, and signing out expires it so a replay fails."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PASSWORD = "a-long-enough-password"


@pytest.fixture
def officer(db: None) -> User:
    return User.objects.create_user(username="officer", password=PASSWORD, role=Role.IG_OFFICER)


def sign_in(client: Client, *, remember: bool):
    data = {"username": "officer", "password": PASSWORD} | ({"remember_me": "on"} if remember else {})
    response = client.post("/staff/sign-in/", data)
    assert response.status_code == 302
    return response.cookies["pledge_session"]


def test_without_remember_me_the_cookie_ends_with_the_browser(officer) -> None:
    cookie = sign_in(Client(), remember=False)
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_without_remember_me_the_server_session_ends_48_hours_after_sign_in(officer, settings) -> None:
    assert settings.PLEDGE_SESSION_SECONDS == 48 * 3600
    client = Client()
    with time_machine.travel(NOW, tick=False):
        sign_in(client, remember=False)
    with time_machine.travel(NOW + timedelta(hours=47, minutes=59), tick=False):
        assert client.get("/staff/cookies/").status_code == 200
    with time_machine.travel(NOW + timedelta(hours=48, seconds=1), tick=False):
        assert client.get("/staff/cookies/").status_code == 302


def test_the_48_hours_are_configurable(officer, settings) -> None:
    settings.PLEDGE_SESSION_SECONDS = 3600
    client = Client()
    with time_machine.travel(NOW, tick=False):
        sign_in(client, remember=False)
    with time_machine.travel(NOW + timedelta(hours=1, seconds=1), tick=False):
        assert client.get("/staff/cookies/").status_code == 302


def test_with_remember_me_the_cookie_and_session_last_14_days(officer) -> None:
    client = Client()
    with time_machine.travel(NOW, tick=False):
        cookie = sign_in(client, remember=True)
        assert cookie["max-age"] == 14 * 24 * 3600
    with time_machine.travel(NOW + timedelta(days=14) - timedelta(seconds=1), tick=False):
        assert client.get("/staff/cookies/").status_code == 200
    with time_machine.travel(NOW + timedelta(days=14, seconds=1), tick=False):
        assert client.get("/staff/cookies/").status_code == 302


def test_the_login_cookie_is_httponly_samesite_and_holds_no_username(officer) -> None:
    cookie = sign_in(Client(), remember=False)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert "officer" not in cookie.value


def test_the_login_cookie_is_secure_in_production(officer, settings) -> None:
    settings.SESSION_COOKIE_SECURE = True
    assert sign_in(Client(), remember=False)["secure"] is True


@pytest.mark.parametrize("remember", [False, True])
def test_signing_out_expires_the_cookie_and_a_replay_fails(officer, remember) -> None:
    client = Client()
    old = sign_in(client, remember=remember).value
    response = client.post("/staff/sign-out/")
    assert response.cookies["pledge_session"]["max-age"] == 0
    assert response.cookies["pledge_session"].value == ""
    replay = Client()
    replay.cookies["pledge_session"] = old
    assert replay.get("/staff/cookies/").status_code == 302
