"""Sending a letter from its page: email or post, errors shown on the page, double submission, permissions."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from pledge.casework.models import CaseKind, IssuedLetter, LetterDelivery
from pledge.casework.scope import choose_scope
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker, register):
    today(date(2026, 11, 10))
    case = make_case(received_on=date(2026, 11, 9), actor=caseworker)
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    return case


def url(case, kind: str = "response") -> str:
    return reverse("cases:send_letter", kwargs={"pk": case.pk, "kind": kind})


def test_sending_by_email_goes_back_to_the_case_and_shows_it_sent(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    response = client.post(url(case), {"delivery": "email", "mark_responded": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("cases:case", kwargs={"pk": case.pk}) + "#letters"
    page = BeautifulSoup(response.content, "html.parser")
    assert "Letter queued to be emailed" in page.select_one(".govuk-notification-banner").get_text()
    letter = IssuedLetter.objects.get()
    assert page.select_one(
        f"a[href='{reverse('cases:issued_letter', kwargs={'pk': case.pk, 'letter_pk': letter.pk})}']"
    )
    assert "Letter emailed to the requester: response to the request" in page.get_text()  # the timeline
    case.refresh_from_db()
    assert case.state == CaseState.RESPONDED


def test_a_double_submission_sends_once_and_says_so(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url(case), {"delivery": "email"})
    response = client.post(url(case), {"delivery": "email"}, follow=True)
    assert "already sent a moment ago" in response.content.decode()
    assert IssuedLetter.objects.count() == 1


def test_recording_a_letter_as_posted_from_the_acknowledgement_page(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    page = BeautifulSoup(
        client.get(reverse("cases:letter", kwargs={"pk": case.pk, "kind": "acknowledgement"})).content, "html.parser"
    )
    assert page.select_one(f"form[action='{url(case, 'acknowledgement')}']") is not None
    client.post(url(case, "acknowledgement"), {"delivery": "post"})
    letter = IssuedLetter.objects.get()
    assert (letter.kind, letter.delivery) == ("acknowledgement", LetterDelivery.POST)


def test_the_issued_letter_page_shows_the_frozen_text(case, client_as, caseworker) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url(case, "acknowledgement"), {"delivery": "post"})
    letter = IssuedLetter.objects.get()
    IssuedLetter.objects.filter(pk=letter.pk).update(body="## Frozen\n\nAs it was sent.")
    body = client.get(reverse("cases:issued_letter", kwargs={"pk": case.pk, "letter_pk": letter.pk})).content.decode()
    assert "As it was sent." in body


def test_another_cases_letter_is_not_found(case, client_as, caseworker) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url(case, "acknowledgement"), {"delivery": "post"})
    other = make_case(received_on=date(2026, 11, 9), actor=caseworker)
    letter = IssuedLetter.objects.get()
    response = client.get(reverse("cases:issued_letter", kwargs={"pk": other.pk, "letter_pk": letter.pk}))
    assert response.status_code == 404


def test_a_missing_delivery_shows_an_error_summary_and_sends_nothing(case, client_as) -> None:
    response = client_as(Role.CASEWORKER).post(url(case), {"delivery": "pigeon"})
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").select_one(".govuk-error-summary").get_text()
    assert "Choose to send the letter by email or to record it as posted" in summary
    assert not IssuedLetter.objects.exists()


def test_a_refused_erasure_without_reasons_shows_an_error(today, register, client_as, caseworker) -> None:
    today(date(2026, 11, 10))
    erasure = make_case(received_on=date(2026, 11, 9), kind=CaseKind.ERASURE, actor=caseworker)
    choose_scope(case=erasure, activities=[register.billing], team=None, actor=caseworker)
    response = client_as(Role.CASEWORKER).post(url(erasure), {"delivery": "post", "outcome": "refused"})
    assert response.status_code == 400
    assert "Give the reasons" in response.content.decode()
    assert not IssuedLetter.objects.exists()


def test_an_outcome_not_offered_is_refused(case, register, client_as, caseworker) -> None:
    erasure = make_case(received_on=date(2026, 11, 9), kind=CaseKind.ERASURE, actor=caseworker)
    choose_scope(case=erasure, activities=[register.newsletter], team=None, actor=caseworker)
    response = client_as(Role.CASEWORKER).post(url(erasure), {"delivery": "post", "outcome": "maybe"})
    assert response.status_code == 400
    assert "Select what we did about the request" in response.content.decode()


def test_overlong_reasons_are_refused(today, register, client_as, caseworker) -> None:
    erasure = make_case(received_on=date(2026, 11, 9), kind=CaseKind.ERASURE, actor=caseworker)
    choose_scope(case=erasure, activities=[register.billing], team=None, actor=caseworker)
    response = client_as(Role.CASEWORKER).post(
        url(erasure), {"delivery": "post", "outcome": "refused", "reasons": "x" * 5001}
    )
    assert response.status_code == 400
    assert "Reasons must be 5,000 characters or fewer" in response.content.decode()


def test_an_unknown_letter_is_not_found(case, client_as) -> None:
    assert client_as(Role.CASEWORKER).post(url(case, "ransom-note"), {"delivery": "post"}).status_code == 404


def test_get_is_not_allowed(case, client_as) -> None:
    assert client_as(Role.CASEWORKER).get(url(case)).status_code == 405


def test_an_anonymous_visitor_is_sent_to_sign_in(case) -> None:
    response = Client().post(url(case), {"delivery": "post"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))
    assert not IssuedLetter.objects.exists()


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)])
def test_roles_that_cannot_handle_cases_are_refused(case, client_as, role) -> None:
    assert client_as(role).post(url(case), {"delivery": "post"}).status_code == 403
    assert not IssuedLetter.objects.exists()


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.VIEW_CASES)])
def test_roles_that_cannot_view_cases_cannot_read_a_sent_letter(case, client_as, caseworker, role) -> None:
    client_as(Role.CASEWORKER).post(url(case, "acknowledgement"), {"delivery": "post"})
    letter = IssuedLetter.objects.get()
    target = reverse("cases:issued_letter", kwargs={"pk": case.pk, "letter_pk": letter.pk})
    assert client_as(role).get(target).status_code == 403
