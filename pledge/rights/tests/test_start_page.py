"""The start page explains the rights in plain English and starts the journey without setting a session."""

import pytest
from django.test import Client

from pledge.rights.tests.conftest import START, html

pytestmark = pytest.mark.django_db


def test_it_explains_every_right_and_that_it_is_free_within_a_month(client: Client) -> None:
    text = html(client.get(START)).get_text(" ", strip=True)
    for phrase in [
        "get a copy of the information",
        "correct information",
        "delete information",
        "limit how we use",
        "object to us using",
        "format you can reuse",
        "review a decision made about you by a computer",
        "withdraw your consent",
        "let someone else see your record",
        "It is free",
        "within 1 month",
        "by phone, by letter, by email",
    ]:
        assert phrase in text


def test_the_start_button_goes_to_the_first_question(client: Client) -> None:
    button = html(client.get(START)).select_one("a.govuk-button--start")
    assert button["href"] == "/your-rights/what-do-you-want-to-do/"
    assert button.get_text(strip=True) == "Start now"


def test_reading_the_first_pages_sets_no_session_cookie(client: Client) -> None:
    assert "pledge_session" not in client.get(START).cookies
    assert "pledge_session" not in client.get("/your-rights/what-do-you-want-to-do/").cookies


def test_the_home_page_links_to_it(client: Client) -> None:
    assert html(client.get("/")).select_one('#your-rights ~ p a[href="/your-rights/"]') is not None
