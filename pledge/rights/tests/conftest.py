"""Fixtures for the public request journey (a frozen clock, a client that has answered some questions) and the
requester portal (a case with an email address, a browser signed in to the portal through an emailed link)."""

import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from pledge.casework.tests.factories import EMAIL, make_case
from pledge.rights.models import PortalLinkRequest
from pledge.rights.tasks import check_portal_link_request

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
    ("are-they-alive", {"living": "yes"}),
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


# The requester portal.
PORTAL = "/your-rights/check-your-request/"
PORTAL_REQUEST = "/your-rights/check-your-request/your-request/"
LINK_SENT = "/your-rights/check-your-request/check-your-email/"


def check_link_requests() -> int:
    """Run the worker's check for every stored "send me a link" request, oldest first; returns the emails sent."""
    waiting = PortalLinkRequest.objects.filter(checked_at__isnull=True).order_by("requested_at", "id")
    return sum(check_portal_link_request.call(request_id=pk) for pk in waiting.values_list("pk", flat=True))


def emailed_link_path(case: Any) -> str:
    """Run the worker's checks and return the path of the newest link emailed for ``case``."""
    check_link_requests()
    sent = [m for m in mail.outbox if case.reference in str(m.subject)]
    assert sent, "no link was emailed for the case"
    found = re.search(r"https?://\S+/check-your-request/open/\S+/", str(sent[-1].body))
    assert found is not None, sent[-1].body
    return urlparse(found.group(0)).path


def ask_for_link(client: Client, *, reference: str, email: str) -> Any:
    return client.post(PORTAL, {"reference": reference, "email": email})


@pytest.fixture
def web_case(today: Callable[[date], date]) -> Any:
    """An access request made on 3 September 2026 by someone who gave an email address; today is 10 September."""
    today(date(2026, 9, 10))
    return make_case(received_on=date(2026, 9, 3))


@pytest.fixture
def portal_client(web_case: Any) -> Client:
    """A browser signed in to the portal for ``web_case`` through an emailed link."""
    client = Client()
    ask_for_link(client, reference=web_case.reference, email=EMAIL)
    response = client.post(emailed_link_path(web_case))
    assert (response.status_code, response["Location"]) == (302, PORTAL_REQUEST)
    return client
