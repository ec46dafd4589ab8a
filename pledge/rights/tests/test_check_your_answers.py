"""Check your answers: every answer with a Change link, changes that come back here, and the collection notice."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from pledge.notices.generation import ensure_notices
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.rights.tests.conftest import CHECK, FOR_MY_CHILD, FOR_MYSELF, html, url

pytestmark = pytest.mark.django_db


def rows(client: Client) -> dict[str, tuple[str, str]]:
    page = html(client.get(CHECK))
    return {
        row.select_one("dt").get_text(strip=True): (
            row.select_one(".govuk-summary-list__value").get_text(" ", strip=True),
            str(row.select_one(".govuk-summary-list__actions a")["href"]),
        )
        for row in page.select(".govuk-summary-list__row")
    }


def test_it_lists_every_answer_with_a_change_link_to_its_page(answered: Callable[..., Client]) -> None:
    assert rows(answered(FOR_MY_CHILD)) == {
        "What you want to do": (
            "Get a copy of CCTV or number plate camera footage of me",
            url("what-do-you-want-to-do") + "?change=1",
        ),
        "Who it is for": ("For someone else", url("who-is-it-for") + "?change=1"),
        "Your relationship to them": ("Parent or guardian", url("relationship") + "?change=1"),
        "Their name": ("Little Unusualname", url("their-name") + "?change=1"),
        "Are they alive": ("Yes", url("are-they-alive") + "?change=1"),
        "Your name": ("Zebedee Unusualname", url("your-name") + "?change=1"),
        "Email address": ("zebedee.unusualname@example.com", url("contact-details") + "?change=1"),
        "Postal address": ("1 High Street Anytown", url("contact-details") + "?change=1"),
        "Your request": ("Footage of my child at the park gate", url("describe-your-request") + "?change=1"),
    }


def test_it_leaves_out_the_relationship_for_someone_asking_for_themselves(answered: Callable[..., Client]) -> None:
    listed = rows(answered(FOR_MYSELF))
    assert "Your relationship to them" not in listed
    assert listed["Postal address"][0] == "Not given"


def test_the_change_link_page_goes_back_to_check_your_answers(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MYSELF)
    page = html(client.get(url("your-name") + "?change=1"))
    assert page.select_one("a.govuk-back-link")["href"] == CHECK
    response = client.post(url("your-name") + "?change=1", {"name": "Ann Example"})
    assert response["Location"] == CHECK
    assert rows(client)["Your name"][0] == "Ann Example"


def test_changing_to_someone_else_asks_the_new_questions_then_comes_back(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MYSELF)
    response = client.post(url("who-is-it-for") + "?change=1", {"for_whom": "someone_else"})
    assert response["Location"] == url("relationship") + "?change=1"
    response = client.post(response["Location"], {"relationship": "solicitor"})
    assert response["Location"] == url("their-name") + "?change=1"
    response = client.post(response["Location"], {"subject_name": "Client Name"})
    assert response["Location"] == url("are-they-alive") + "?change=1"
    response = client.post(response["Location"], {"living": "yes"})
    assert response["Location"] == CHECK
    assert rows(client)["Your relationship to them"][0] == "Solicitor"


def test_the_send_button_is_a_form_that_works_without_javascript(answered: Callable[..., Client]) -> None:
    page = html(answered(FOR_MYSELF).get(CHECK))
    assert page.select_one("form[method=post] button").get_text(strip=True) == "Send request"
    assert page.select_one("a.govuk-back-link")["href"] == url("describe-your-request")


def test_it_shows_no_collection_notice_before_one_is_published(answered: Callable[..., Client]) -> None:
    assert html(answered(FOR_MYSELF).get(CHECK)).select_one(".govuk-inset-text, .pledge-collection-notice") is None


def test_it_shows_the_rights_requests_collection_notice_before_the_button(
    answered: Callable[..., Client], settings: object
) -> None:
    call_command("register", "import", str(settings.BASE_DIR / "demo" / "anyshire" / "register"))  # type: ignore[attr-defined]
    ensure_notices()
    for notice in Notice.objects.all():
        publish_notice(notice=notice, actor=None, change_summary="First.", effective_from=date(2026, 1, 5))
    page = html(answered(FOR_MYSELF).get(CHECK))
    form_text = page.select_one("form[method=post]").get_text(" ", strip=True)
    assert "Check your identity and answer your request" in form_text
    assert form_text.index("Check your identity") < form_text.index("Send request")
