"""P089: a login without "remember me" keeps a browser-session cookie even when a later request changes the session."""

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from pledge.core.roles import Role


def touch_session(request: HttpRequest) -> HttpResponse:
    request.session["touched"] = True  # any change makes Django resend the session cookie
    return HttpResponse("ok")


urlpatterns = [path("touch/", touch_session)]


def sign_in(client: Client, *, remember_me: bool) -> None:
    get_user_model().objects.create_user(username="ann", password="a-long-demo-password", role=Role.CASEWORKER)
    data = {"username": "ann", "password": "a-long-demo-password"}
    if remember_me:
        data["remember_me"] = "on"
    assert client.post("/staff/sign-in/", data).status_code == 302


@override_settings(ROOT_URLCONF="pledge.core.tests.test_browser_session_cookie_stays")
def test_a_changed_session_is_resent_without_an_expiry(db: None, client: Client) -> None:
    with override_settings(ROOT_URLCONF="pledge.urls"):
        sign_in(client, remember_me=False)
    cookie = client.get("/touch/").cookies["pledge_session"]
    assert cookie.value
    assert cookie["max-age"] == "" and cookie["expires"] == ""


@override_settings(ROOT_URLCONF="pledge.core.tests.test_browser_session_cookie_stays")
def test_with_remember_me_the_resent_cookie_keeps_its_expiry(db: None, client: Client) -> None:
    with override_settings(ROOT_URLCONF="pledge.urls"):
        sign_in(client, remember_me=True)
    cookie = client.get("/touch/").cookies["pledge_session"]
    assert cookie["max-age"] not in ("", None)
