"""Fixtures for the public request journey: a frozen clock, and a client that has answered some questions."""

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.test import Client

LONDON = ZoneInfo("Europe/London")
START = "/your-rights/"
CHECK = "/your-rights/check-your-answers/"

# Every page's answers for someone asking for themselves, in journey order.
FOR_MYSELF: list[tuple[str, dict[str, str]]] = [
    ("what-do-you-want-to-do", {"kind": "access"}),
    ("who-is-it-for", {"for_whom": "myself"}),
    ("your-name", {"name": "Zebedee Unusualname"}),
    ("contact-details", {"email": "zebedee.unusualname@example.com", "address": ""}),
    ("describe-your-request", {"details": "Everything about my council tax account"}),
]

# The same for a parent asking about their child.
FOR_MY_CHILD: list[tuple[str, dict[str, str]]] = [
    ("what-do-you-want-to-do", {"kind": "access_cctv"}),
    ("who-is-it-for", {"for_whom": "someone_else"}),
    ("relationship", {"relationship": "parent"}),
    ("their-name", {"subject_name": "Little Unusualname"}),
    ("your-name", {"name": "Zebedee Unusualname"}),
    ("contact-details", {"email": "zebedee.unusualname@example.com", "address": "1 High Street\nAnytown"}),
    ("describe-your-request", {"details": "Footage of my child at the park gate"}),
]


def url(slug: str) -> str:
    return f"/your-rights/{slug}/"


def html(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def error_links(response: Any) -> list[tuple[str, str]]:
    return [(str(a["href"]), a.get_text(strip=True)) for a in html(response).select(".govuk-error-summary__list a")]


@pytest.fixture
def today(time_machine: Any) -> Callable[[date], date]:
    """Freeze the clock at noon in London on the given day."""

    def freeze(day: date) -> date:
        time_machine.move_to(datetime.combine(day, time(12), tzinfo=LONDON), tick=False)
        return day

    return freeze


@pytest.fixture
def answered(db: None) -> Callable[[list[tuple[str, dict[str, str]]]], Client]:
    """A client that has answered the given pages, checking each answer was accepted."""

    def answer(pages: list[tuple[str, dict[str, str]]]) -> Client:
        client = Client()
        for slug, data in pages:
            response = client.post(url(slug), data)
            assert response.status_code == 302, f"{slug} refused {data}: {error_links(response)}"
        return client

    return answer
