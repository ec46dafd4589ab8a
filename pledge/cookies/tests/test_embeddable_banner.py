"""The banner for other council websites: script and stylesheet with the right types and cache headers, the same
cookie name and register version, an example page, and logging of choices made there."""

import json

import pytest
from django.test import Client

from pledge.cookies import services
from pledge.cookies.models import ConsentRecord
from pledge.cookies.rules import format_choice, fresh_choice

pytestmark = pytest.mark.django_db


def test_the_script_is_javascript_cached_for_five_minutes(demo_register) -> None:
    response = Client().get("/cookies/banner.js")
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    body = response.content.decode()
    assert '"cookieName": "pledge_cookie_consent"' in body
    assert f'"version": {services.current_version()}' in body
    assert '"analytics": "consent"' in body


def test_the_stylesheet_is_css(demo_register) -> None:
    response = Client().get("/cookies/banner.css")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    assert "position: fixed" not in response.content.decode()
    assert "position: sticky" not in response.content.decode()


def test_the_example_page_gates_analytics_and_video(demo_register) -> None:
    body = Client().get("/cookies/example/").content.decode()
    assert '<script src="http://testserver/cookies/banner.js" defer></script>' in body
    assert 'type="text/plain" data-pledge-consent="analytics"' in body
    assert 'data-pledge-consent="embedded" data-src="https://www.youtube-nocookie.com/' in body


def test_a_choice_made_on_another_website_is_logged(demo_register, settings) -> None:
    settings.PLEDGE_COOKIE_EMBED_ORIGINS = "https://www.anyshire.example"
    choice = fresh_choice(services.current_version()).with_answers(services.current_version(), analytics=True)
    response = Client().post(
        "/cookies/log/",
        json.dumps({"choice": format_choice(choice)}),
        content_type="text/plain",
        headers={"Origin": "https://www.anyshire.example"},
    )
    assert response.status_code == 204
    logged = ConsentRecord.objects.get()
    assert (logged.consent_id, logged.answers, logged.source) == (
        choice.consent_id,
        {"analytics": True},
        "other_website",
    )


def test_an_unlisted_website_cannot_log_choices(demo_register) -> None:
    choice = fresh_choice(services.current_version())
    response = Client().post(
        "/cookies/log/",
        json.dumps({"choice": format_choice(choice)}),
        content_type="text/plain",
        headers={"Origin": "https://elsewhere.example"},
    )
    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    "body", ["not json", '{"choice": "v:1|id:short"}', '{"other": 1}', '{"choice": "v:99|id:AAAAAAAAAAAAAAAAAAAAAA"}']
)
def test_a_malformed_or_stale_choice_is_not_logged(demo_register, body) -> None:
    assert Client().post("/cookies/log/", body, content_type="text/plain").status_code == 400
    assert not ConsentRecord.objects.exists()
