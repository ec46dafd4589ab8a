"""The "check your request" start page: the same answer whatever is typed, and errors only for the format."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client

from pledge.casework.models import Channel
from pledge.casework.services import open_request
from pledge.casework.tests.factories import EMAIL
from pledge.rights.models import PortalLink
from pledge.rights.tests.conftest import LINK_SENT, PORTAL, START, ask_for_link, check_link_requests, error_links, html

pytestmark = pytest.mark.django_db

WRONG_FORMAT = "Enter your reference number in the correct format, like RR-2026-000123"


def test_it_asks_for_the_reference_and_email_and_says_who_cannot_use_it(client: Client) -> None:
    page = html(client.get(PORTAL))
    assert page.select_one("h1").get_text(strip=True) == "Check your request"
    assert page.select_one("label[for=id_reference]") is not None
    assert page.select_one("label[for=id_email]") is not None
    assert "only use this service if you gave us an email address" in page.get_text(" ", strip=True)


def test_the_rights_start_page_and_the_confirmation_link_to_it(client: Client) -> None:
    assert html(client.get(START)).select_one(f'a[href="{PORTAL}"]') is not None
    assert "rights:portal_start" in open("pledge/rights/templates/rights/confirmation.html").read()


def _outcome(client: Client, reference: str, email: str) -> tuple[int, str, bytes]:
    response = ask_for_link(client, reference=reference, email=email)
    followed = client.get(response["Location"])
    return response.status_code, response["Location"], followed.content


def test_a_match_a_wrong_email_and_a_made_up_reference_all_get_the_same_page(web_case) -> None:
    outcomes = [
        _outcome(Client(), web_case.reference, EMAIL),
        _outcome(Client(), web_case.reference, "someone.else@example.com"),
        _outcome(Client(), "RR-2026-999999", EMAIL),
        _outcome(Client(), "RR-2026-999999", "someone.else@example.com"),
    ]
    assert {o[:2] for o in outcomes} == {(302, LINK_SENT)}
    assert len({o[2] for o in outcomes}) == 1
    assert b"If these details match a request, we have sent a link to that email address" in outcomes[0][2]
    check_link_requests()
    assert PortalLink.objects.count() == 1  # only the match made a link
    assert len(mail.outbox) == 1


def test_only_a_match_queues_an_email(web_case, client: Client) -> None:
    ask_for_link(client, reference=web_case.reference, email="someone.else@example.com")
    ask_for_link(client, reference="RR-2026-999999", email=EMAIL)
    assert check_link_requests() == 0
    assert not PortalLink.objects.exists()
    assert mail.outbox == []


def test_the_reference_and_email_are_matched_ignoring_case_and_spaces(web_case, client: Client) -> None:
    ask_for_link(client, reference=f"  {web_case.reference.lower().replace('-', ' - ')} ", email=EMAIL.upper())
    check_link_requests()
    assert PortalLink.objects.filter(case=web_case).count() == 1


def test_a_case_made_by_post_without_an_email_cannot_get_a_link(today, client: Client) -> None:
    today(date(2026, 9, 10))
    case = open_request(
        kind="access",
        channel=Channel.LETTER,
        received_on=date(2026, 9, 3),
        requester_name="Ann Example",
        requester_address="1 High Street",
        summary="My file",
        actor=None,
    )
    response = ask_for_link(client, reference=case.reference, email="")
    assert error_links(response) == [("#id_email", "Enter your email address")]
    response = ask_for_link(client, reference=case.reference, email="ann@example.com")
    assert response["Location"] == LINK_SENT
    assert check_link_requests() == 0
    assert not PortalLink.objects.exists()


@pytest.mark.parametrize(
    ("reference", "email", "errors"),
    [
        ("", "", [("#id_reference", "Enter your reference number"), ("#id_email", "Enter your email address")]),
        (
            "12345",
            "ann@example.com",
            [("#id_reference", "Enter your reference number in the correct format, like RR-2026-000123")],
        ),
        (
            "RR-2026-000001",
            "not-an-email",
            [("#id_email", "Enter an email address in the correct format, like name@example.com")],
        ),
        (
            "R" * 41,
            "ann@example.com",
            [("#id_reference", "Enter your reference number in the correct format, like RR-2026-000123")],
        ),
        (
            "<script>",
            "ann@example.com",
            [("#id_reference", "Enter your reference number in the correct format, like RR-2026-000123")],
        ),
    ],
)
def test_it_shows_an_error_summary_for_answers_in_the_wrong_format(
    client: Client, reference: str, email: str, errors: list
) -> None:
    response = ask_for_link(client, reference=reference, email=email)
    assert response.status_code == 200
    assert error_links(response) == errors
    assert html(response).select_one("title").get_text().startswith("Error: ")


def test_the_page_sets_no_session_cookie(web_case, client: Client) -> None:
    response = ask_for_link(client, reference=web_case.reference, email=EMAIL)
    assert "pledge_session" not in response.cookies
    assert "pledge_session" not in client.get(PORTAL).cookies
