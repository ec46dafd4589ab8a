"""A request about someone who has died leaves the data protection journey (promise P048): no case is opened and
the resident is pointed to the Access to Health Records Act and Freedom of Information."""

from collections.abc import Callable

import pytest
from django.conf import LazySettings
from django.test import Client

from pledge.casework.models import Case
from pledge.rights.tests.conftest import CHECK, FOR_MY_CHILD, html, url

pytestmark = pytest.mark.django_db

DIED_PAGE = "/your-rights/someone-who-has-died/"
UP_TO_THEIR_NAME = FOR_MY_CHILD[:4]


def test_saying_the_person_has_died_leads_to_the_other_routes(answered: Callable[..., Client]) -> None:
    client = answered(UP_TO_THEIR_NAME)
    response = client.post(url("are-they-alive"), {"living": "no"})
    assert response["Location"] == CHECK
    assert client.get(CHECK)["Location"] == DIED_PAGE
    text = html(client.get(DIED_PAGE)).select_one("main").get_text(" ", strip=True)
    assert "only gives rights to living people" in text
    assert "Access to Health Records Act 1990" in text


def test_no_case_is_opened_for_someone_who_has_died(answered: Callable[..., Client]) -> None:
    client = answered([*UP_TO_THEIR_NAME, ("are-they-alive", {"living": "no"})])
    response = client.post(CHECK, {"submission": "anything"})
    assert response["Location"] == DIED_PAGE
    assert not Case.objects.exists()


def test_the_later_questions_are_not_asked_about_someone_who_has_died(answered: Callable[..., Client]) -> None:
    client = answered([*UP_TO_THEIR_NAME, ("are-they-alive", {"living": "no"})])
    assert client.get(url("your-name"))["Location"] == CHECK


def test_the_page_links_to_the_councils_freedom_of_information_page_when_set(
    answered: Callable[..., Client], settings: LazySettings
) -> None:
    settings.PLEDGE_FOI_URL = "https://www.anyshire.example/foi"
    client = answered([*UP_TO_THEIR_NAME, ("are-they-alive", {"living": "no"})])
    link = html(client.get(DIED_PAGE)).find("a", string="Freedom of Information request")
    assert link["href"] == "https://www.anyshire.example/foi"


def test_without_a_freedom_of_information_page_it_gives_the_dpo_contact(answered: Callable[..., Client]) -> None:
    client = answered([*UP_TO_THEIR_NAME, ("are-they-alive", {"living": "no"})])
    assert "Contact us to make one" in html(client.get(DIED_PAGE)).get_text()


def test_the_page_sends_someone_who_has_not_said_so_to_the_start(answered: Callable[..., Client]) -> None:
    assert answered(FOR_MY_CHILD).get(DIED_PAGE)["Location"] == "/your-rights/"


def test_the_alive_question_refuses_a_made_up_answer(answered: Callable[..., Client]) -> None:
    response = answered(UP_TO_THEIR_NAME).post(url("are-they-alive"), {"living": "maybe"})
    assert response.status_code == 200
    assert "Select whether the person is alive" in response.content.decode()
