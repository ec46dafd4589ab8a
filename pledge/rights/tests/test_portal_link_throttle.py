"""Throttles: at most 5 links an hour for a case, at most 20 requests an hour from one address; silently."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client

from pledge.casework.tests.factories import EMAIL
from pledge.rights.models import PortalLink, PortalLinkRequest
from pledge.rights.portal_links import request_portal_link
from pledge.rights.tests.conftest import LINK_SENT, LONDON, ask_for_link, check_link_requests

pytestmark = pytest.mark.django_db


def test_a_case_gets_at_most_five_links_an_hour(web_case, time_machine) -> None:
    noon = datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON)
    for minute in range(7):
        time_machine.move_to(noon + timedelta(minutes=minute), tick=False)
        request_portal_link(reference=web_case.reference, email=EMAIL, client=f"client-{minute}")
        check_link_requests()
    assert PortalLink.objects.count() == 5
    time_machine.move_to(noon + timedelta(minutes=61), tick=False)
    request_portal_link(reference=web_case.reference, email=EMAIL, client="client-later")
    check_link_requests()
    assert PortalLink.objects.count() == 6


def test_one_address_gets_at_most_twenty_requests_an_hour_matching_or_not(web_case) -> None:
    for n in range(20):
        request_portal_link(reference=f"RR-2026-{n:06d}", email="guess@example.com", client="one-place")
    request_portal_link(reference=web_case.reference, email=EMAIL, client="one-place")
    assert check_link_requests() == 0
    assert not PortalLink.objects.exists()
    assert PortalLinkRequest.objects.filter(reference__gt="").count() == 0  # the throttled one kept nothing
    request_portal_link(reference=web_case.reference, email=EMAIL, client="somewhere-else")
    assert check_link_requests() == 1


def test_a_throttled_request_gets_the_same_page(web_case, client: Client) -> None:
    for _ in range(5):
        ask_for_link(client, reference=web_case.reference, email=EMAIL)
    throttled = ask_for_link(client, reference=web_case.reference, email=EMAIL)
    assert (throttled.status_code, throttled["Location"]) == (302, LINK_SENT)
    check_link_requests()
    assert PortalLink.objects.count() == 5


def test_requests_older_than_a_day_are_deleted(web_case, time_machine) -> None:
    noon = datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON)
    time_machine.move_to(noon, tick=False)
    request_portal_link(reference="RR-2026-999999", email="a@example.com", client="x")
    time_machine.move_to(noon + timedelta(days=1, minutes=1), tick=False)
    request_portal_link(reference="RR-2026-999999", email="a@example.com", client="y")
    assert list(PortalLinkRequest.objects.values_list("client_hash", flat=True)) == ["y"]


def test_the_address_is_kept_only_as_a_keyed_hash(web_case, client: Client) -> None:
    ask_for_link(client, reference=web_case.reference, email=EMAIL)
    stored = PortalLinkRequest.objects.get().client_hash
    assert "127.0.0.1" not in stored and len(stored) == 64
