"""Each question page: one question, its GOV.UK errors, refused tampering, and a back link that works without JS."""

from collections.abc import Callable

import pytest
from django.test import Client

from pledge.rights.tests.conftest import FOR_MY_CHILD, FOR_MYSELF, error_links, html, url

pytestmark = pytest.mark.django_db

# (page, answers before it, what an empty answer says)
EMPTY_ANSWER_ERRORS = [
    ("what-do-you-want-to-do", [], [("#id_kind", "Select what you want to do")]),
    (
        "who-is-it-for",
        FOR_MYSELF[:1],
        [("#id_for_whom", "Select whether you are asking for yourself or for someone else")],
    ),
    ("relationship", FOR_MY_CHILD[:2], [("#id_relationship", "Select your relationship to the person")]),
    ("their-name", FOR_MY_CHILD[:3], [("#id_subject_name", "Enter the name of the person the request is about")]),
    ("your-name", FOR_MYSELF[:2], [("#id_name", "Enter your name")]),
    ("contact-details", FOR_MYSELF[:3], [("#id_email", "Enter your email address")]),
    ("describe-your-request", FOR_MYSELF[:4], [("#id_details", "Describe your request")]),
]


@pytest.mark.parametrize(("slug", "before", "errors"), EMPTY_ANSWER_ERRORS)
def test_it_shows_an_error_summary_when_a_page_is_sent_empty(
    answered: Callable[..., Client], slug: str, before: list, errors: list
) -> None:
    response = answered(before).post(url(slug), {})
    assert response.status_code == 200
    assert error_links(response) == errors
    page = html(response)
    assert page.select_one("title").get_text().startswith("Error: ")
    assert page.select_one(".govuk-form-group--error .govuk-error-message") is not None
    for href, _ in errors:
        assert page.select_one(href) is not None


@pytest.mark.parametrize(("slug", "before", "errors"), EMPTY_ANSWER_ERRORS)
def test_each_page_asks_one_question_with_a_continue_button_and_a_back_link(
    answered: Callable[..., Client], slug: str, before: list, errors: list
) -> None:
    page = html(answered(before).get(url(slug)))
    assert len(page.select("h1")) == 1
    assert page.select_one("form[method=post][novalidate] button").get_text(strip=True) == "Continue"
    back = page.select_one("a.govuk-back-link")["href"]
    assert back == (url(before[-1][0]) if before else "/your-rights/")


def test_a_whitespace_description_is_refused(answered: Callable[..., Client]) -> None:
    response = answered(FOR_MYSELF[:4]).post(url("describe-your-request"), {"details": "   \n "})
    assert error_links(response) == [("#id_details", "Describe your request")]


def test_it_refuses_an_email_address_in_the_wrong_format_and_keeps_the_address(
    answered: Callable[..., Client],
) -> None:
    response = answered(FOR_MYSELF[:3]).post(url("contact-details"), {"email": "not-an-email", "address": "1 Road"})
    assert error_links(response) == [
        ("#id_email", "Enter an email address in the correct format, like name@example.com")
    ]
    assert html(response).select_one("#id_address").get_text().strip() == "1 Road"


def test_the_postal_address_is_optional(answered: Callable[..., Client]) -> None:
    response = answered(FOR_MYSELF[:3]).post(url("contact-details"), {"email": "ann@example.com"})
    assert response.status_code == 302
    assert (
        "(optional)"
        in html(answered(FOR_MYSELF[:3]).get(url("contact-details"))).select_one("label[for=id_address]").get_text()
    )


@pytest.mark.parametrize(
    ("slug", "before", "data", "error"),
    [
        ("what-do-you-want-to-do", [], {"kind": "delete_everything"}, "Select what you want to do"),
        ("who-is-it-for", FOR_MYSELF[:1], {"for_whom": "the_mayor"}, "Select whether you are asking"),
        ("relationship", FOR_MY_CHILD[:2], {"relationship": ""}, "Select your relationship"),
        ("relationship", FOR_MY_CHILD[:2], {"relationship": "landlord"}, "Select your relationship"),
        ("your-name", FOR_MYSELF[:2], {"name": "x" * 201}, "Your name must be 200 characters or fewer"),
    ],
)
def test_it_refuses_tampered_or_too_long_answers_without_a_server_error(
    answered: Callable[..., Client], slug: str, before: list, data: dict, error: str
) -> None:
    client = answered(before)
    response = client.post(url(slug), data)
    assert response.status_code == 200
    assert error_links(response)[0][1].startswith(error)
    assert not set(data) & set(client.session.get("rights_request_answers", {}))


def test_the_choices_are_every_kind_of_request_in_plain_english(client: Client) -> None:
    labels = [label.get_text(strip=True) for label in html(client.get(url("what-do-you-want-to-do"))).select("label")]
    assert len(labels) == 10
    assert "Get a copy of CCTV or number plate camera footage of me" in labels
    assert "Let someone else see my record" in labels


def test_the_relationships_follow_the_casework_choices(answered: Callable[..., Client]) -> None:
    page = html(answered(FOR_MY_CHILD[:2]).get(url("relationship")))
    assert [radio["value"] for radio in page.select("input[type=radio]")] == [
        "parent",
        "solicitor",
        "attorney",
        "advocate",
        "other",
    ]


def test_for_cctv_it_asks_for_the_date_time_and_place(answered: Callable[..., Client]) -> None:
    hint = html(answered(FOR_MY_CHILD[:7]).get(url("describe-your-request"))).select_one("#id_details-hint")
    assert "date, the time" in hint.get_text() and "place" in hint.get_text()


def test_it_remembers_an_answer_when_you_go_back(answered: Callable[..., Client]) -> None:
    page = html(answered(FOR_MYSELF[:2]).get(url("what-do-you-want-to-do")))
    assert page.select_one("input[checked]")["value"] == "access"


def test_a_made_up_page_is_not_found(client: Client) -> None:
    assert client.get(url("delete-everything")).status_code == 404


def test_a_residents_answers_expire_an_hour_after_the_last_one(client) -> None:
    client.post("/your-rights/what-do-you-want-to-do/", {"kind": "access"})
    assert client.session.get_expiry_age() == 3600
