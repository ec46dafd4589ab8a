"""Pressing Send twice, or going back and pressing Send again, opens one case and shows the same confirmation."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from pledge.casework.models import Case
from pledge.core.models import AuditEvent
from pledge.rights.models import SentRequest
from pledge.rights.submissions import send_request_once
from pledge.rights.tests.conftest import CHECK, FOR_MYSELF, html

pytestmark = pytest.mark.django_db


def submission_token(client: Client) -> str:
    return str(html(client.get(CHECK)).select_one("input[name=submission]")["value"])


def test_the_form_carries_a_one_time_submission_token_that_stays_while_the_page_is_reloaded(
    answered: Callable[..., Client],
) -> None:
    client = answered(FOR_MYSELF)
    token = submission_token(client)
    assert len(token) >= 24
    assert submission_token(client) == token


def test_sending_the_same_form_twice_opens_one_case_and_shows_the_same_confirmation(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    token = submission_token(client)
    first = client.post(CHECK, {"submission": token})
    second = client.post(CHECK, {"submission": token})
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert Case.objects.get().reference in html(client.get(second["Location"])).select_one(".govuk-panel").get_text()
    assert AuditEvent.objects.filter(object_type="case").count() == 1


def test_the_back_button_and_send_again_from_another_tab_opens_no_second_case(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    token = submission_token(client)
    client.post(CHECK, {"submission": token})
    # The cached page is posted again with its old token, even though the answers have been cleared.
    again = client.post(CHECK, {"submission": token})
    assert again["Location"].startswith("/your-rights/request-sent/?request=")
    assert Case.objects.count() == 1


def test_a_new_request_after_sending_gets_a_new_token_and_a_new_case(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    first_token = submission_token(client)
    client.post(CHECK, {"submission": first_token})
    for slug, data in FOR_MYSELF:
        client.post(f"/your-rights/{slug}/", data)
    second_token = submission_token(client)
    assert second_token != first_token
    client.post(CHECK, {"submission": second_token})
    assert Case.objects.count() == 2


def test_the_service_returns_the_case_already_opened_for_a_token(today: Callable[[date], date]) -> None:
    today(date(2026, 9, 3))
    answers = {
        "kind": "access",
        "for_whom": "myself",
        "name": "Zebedee Unusualname",
        "email": "zebedee.unusualname@example.com",
        "address": "",
        "details": "Everything",
    }
    first = send_request_once(token="t" * 32, answers=answers, received_on=date(2026, 9, 3))
    second = send_request_once(token="t" * 32, answers=answers, received_on=date(2026, 9, 3))
    assert first.pk == second.pk
    assert SentRequest.objects.get().token_hash != "t" * 32  # only the hash is kept


def test_a_failed_send_records_no_token_so_the_same_form_can_be_sent_again(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2030, 1, 14))  # outside the shipped calendar: the case cannot be logged
    client = answered(FOR_MYSELF)
    token = submission_token(client)
    assert client.post(CHECK, {"submission": token}).status_code == 503
    assert not SentRequest.objects.exists()
    assert not Case.objects.exists()
