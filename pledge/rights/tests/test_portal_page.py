"""The portal page: the request in plain English, the dates, what we need, letters and files; sessions end."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pledge.casework import services
from pledge.casework.models import IssuedLetter
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import EMAIL
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.rights.status import RESIDENT_STATUS
from pledge.rights.tests.conftest import LONDON, PORTAL, PORTAL_REQUEST, ask_for_link, emailed_link_path, html
from pledge.rights.tests.factories import add_file, release, release_officer

pytestmark = pytest.mark.django_db


def rows(client: Client) -> dict[str, str]:
    page = html(client.get(PORTAL_REQUEST))
    return {
        row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(" ", strip=True)
        for row in page.select(".govuk-summary-list__row")
    }


def test_every_case_state_has_a_plain_english_status() -> None:
    assert set(RESIDENT_STATUS) == set(CaseState)
    assert all(label and explanation for label, explanation in RESIDENT_STATUS.values())


def test_it_shows_the_kind_reference_received_date_status_and_reply_by_date(portal_client: Client, web_case) -> None:
    listed = rows(portal_client)
    assert listed["Reference"] == web_case.reference
    assert listed["What you asked for"] == "Get a copy of the information you hold about me"
    assert listed["Received"] == "3 September 2026"
    assert listed["Status"].startswith("Received")
    assert listed["We will reply by"] == "5 October 2026"  # spec §1.3 vector 3


def test_an_extension_shows_the_new_date_and_its_reason(portal_client: Client, web_case) -> None:
    services.extend_deadline(
        case=web_case, reason="Your records are held in four services", actor=None, on=date(2026, 9, 10)
    )
    listed = rows(portal_client)
    assert listed["Status"].startswith("In progress: we need more time")
    assert listed["We will reply by"] == f"{web_case.due_on:%-d %B %Y}"
    assert listed["Why we need more time"] == "Your records are held in four services"


def test_it_says_when_we_are_waiting_for_proof_of_identity(portal_client: Client, web_case) -> None:
    services.ask_for_identity(case=web_case, on=date(2026, 9, 10), actor=None)
    page = html(portal_client.get(PORTAL_REQUEST))
    assert "Proof of your identity" in page.select_one("[data-waiting-for]").get_text()
    listed = rows(portal_client)
    assert listed["Status"].startswith("Waiting for proof from you")
    assert listed["We will reply by"] == "1 month after we receive what we need from you"  # the clock has not started


def test_it_says_when_we_are_waiting_for_clarification(portal_client: Client, web_case) -> None:
    services.ask_for_clarification(case=web_case, on=date(2026, 9, 10), actor=None)
    needs = html(portal_client.get(PORTAL_REQUEST)).select_one("[data-waiting-for]").get_text()
    assert "More detail about what you are asking for" in needs
    assert "paused" in needs  # an access request's clock stops (R1.7)


def test_a_replied_request_shows_the_reply_date_and_no_reply_by_date(portal_client: Client, web_case) -> None:
    services.mark_responded(case=web_case, on=date(2026, 9, 10), actor=None)
    listed = rows(portal_client)
    assert listed["We replied on"] == "10 September 2026"
    assert "We will reply by" not in listed


def test_it_shows_the_letters_issued_to_the_requester(portal_client: Client, web_case) -> None:
    IssuedLetter.objects.create(
        case=web_case,
        kind="acknowledgement",
        delivery="email",
        dated=date(2026, 9, 4),
        subject="We have received your request",
        body="Dear Zebedee,\n\nWe will reply by 5 October 2026.",
        issued_by=release_officer(),
    )
    letter = html(portal_client.get(PORTAL_REQUEST)).select_one("details.govuk-details")
    assert letter.select_one("summary").get_text(" ", strip=True) == "We have received your request, 4 September 2026"
    assert "We will reply by 5 October 2026." in letter.get_text()


def test_it_lists_released_files_with_a_download_link(portal_client: Client, web_case) -> None:
    done = release(case=web_case, names=("Council tax records.pdf",))
    page = html(portal_client.get(PORTAL_REQUEST))
    link = page.select_one("[data-files] a")
    assert link.get_text(strip=True) == "Download Council tax records.pdf"
    assert link["href"] == f"{PORTAL}files/{done.files.get().pk}/"
    assert "until 8 October 2026" in page.get_text(" ", strip=True)  # 28 days, council policy


def test_files_not_yet_released_are_not_shown(portal_client: Client, web_case) -> None:
    add_file(case=web_case)
    page = html(portal_client.get(PORTAL_REQUEST))
    assert page.select_one("[data-files]") is None
    assert "When our response is ready we will email you" in page.get_text(" ", strip=True)


def test_the_portal_session_ends_after_an_hour(portal_client: Client, time_machine) -> None:
    opened = datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON)
    time_machine.move_to(opened + timedelta(minutes=59), tick=False)
    assert portal_client.get(PORTAL_REQUEST).status_code == 200
    time_machine.move_to(opened + timedelta(minutes=60, seconds=1), tick=False)
    assert portal_client.get(PORTAL_REQUEST)["Location"] == PORTAL


def test_the_session_cookie_is_set_to_end_with_the_portal_session(portal_client: Client) -> None:
    expiry = portal_client.session.get_expiry_date()
    assert expiry == timezone.now() + timedelta(minutes=60)


def test_signing_out_ends_the_portal_session(portal_client: Client) -> None:
    response = portal_client.post(f"{PORTAL}sign-out/")
    assert response["Location"] == f"{PORTAL}signed-out/"
    assert portal_client.get(PORTAL_REQUEST)["Location"] == PORTAL
    assert html(portal_client.get(response["Location"])).select_one("h1").get_text() == "You have signed out"


def test_sign_out_is_a_post(portal_client: Client) -> None:
    assert portal_client.get(f"{PORTAL}sign-out/").status_code == 405


def test_a_tampered_portal_session_value_is_treated_as_signed_out(portal_client: Client, web_case) -> None:
    session = portal_client.session
    session["rights_portal"] = session["rights_portal"].replace(":", ";", 1)
    session.save()
    assert portal_client.get(PORTAL_REQUEST)["Location"] == PORTAL


def test_the_cookies_page_says_how_long_the_portal_lasts(client: Client) -> None:
    assert "For checking your request: 1 hour after you open the link" in html(client.get("/cookies/")).get_text()


def test_a_member_of_staff_using_the_portal_stays_signed_in_as_staff(web_case) -> None:
    client = Client()
    client.force_login(User.objects.create_user(username="casey", password=None, role=Role.CASEWORKER))
    expiry_before = client.session.get_expiry_age()
    ask_for_link(client, reference=web_case.reference, email=EMAIL)
    client.post(emailed_link_path(web_case))
    assert client.get(PORTAL_REQUEST).status_code == 200
    assert client.session.get_expiry_age() == expiry_before
    client.post(f"{PORTAL}sign-out/")
    assert client.get(PORTAL_REQUEST)["Location"] == PORTAL
    assert client.get("/staff/").status_code == 200
