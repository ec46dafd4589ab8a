"""Skipping ahead, or arriving with missing or stale answers, sends you to the first unanswered question."""

from collections.abc import Callable

import pytest
from django.test import Client

from pledge.rights.tests.conftest import CHECK, FOR_MY_CHILD, FOR_MYSELF, url

pytestmark = pytest.mark.django_db


def test_check_your_answers_with_nothing_answered_goes_to_the_first_question(client: Client) -> None:
    response = client.get(CHECK)
    assert (response.status_code, response["Location"]) == (302, url("what-do-you-want-to-do"))


def test_sending_with_nothing_answered_saves_nothing_and_goes_to_the_first_question(client: Client) -> None:
    response = client.post(CHECK)
    assert (response.status_code, response["Location"]) == (302, url("what-do-you-want-to-do"))


def test_check_your_answers_goes_to_the_first_question_not_yet_answered(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MYSELF[:3])
    assert client.get(CHECK)["Location"] == url("contact-details")


def test_jumping_to_a_later_question_goes_back_to_the_first_unanswered_one(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MYSELF[:1])
    assert client.get(url("describe-your-request"))["Location"] == url("who-is-it-for")
    assert client.post(url("describe-your-request"), {"details": "x"})["Location"] == url("who-is-it-for")


def test_someone_asking_for_themselves_is_not_asked_their_relationship(answered: Callable[..., Client]) -> None:
    assert answered(FOR_MYSELF[:2]).get(url("relationship"))["Location"] == url("your-name")
    assert answered(FOR_MYSELF).get(url("their-name"))["Location"] == CHECK


def test_someone_asking_for_someone_else_must_say_how_they_are_related(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MY_CHILD[:2])
    assert client.get(url("your-name"))["Location"] == url("relationship")


def test_a_stale_answer_in_the_session_is_asked_again(answered: Callable[..., Client]) -> None:
    client = answered(FOR_MYSELF)
    session = client.session
    session["rights_request_answers"] = {**session["rights_request_answers"], "kind": "no-longer-a-kind"}
    session.save()
    assert client.get(CHECK)["Location"] == url("what-do-you-want-to-do")
