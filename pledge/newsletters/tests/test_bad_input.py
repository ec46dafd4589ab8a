"""Bad input on the sign-up form and staff forms: malformed addresses, unknown lists and header-injection attempts
get a clear message on the page, and nothing is saved or sent."""

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pledge.core.roles import Role
from pledge.newsletters import lists
from pledge.newsletters.models import Issue, NewsletterList, Subscription


def _signup(data: dict) -> str:
    response = Client().post(reverse("newsletters:signup"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and html.count("<title>Error: ") == 1
    return html


def _nothing_saved() -> None:
    assert not Subscription.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.parametrize(
    "email",
    ["not-an-address", "ada@", "@example.org", "ada@example..org", "ada example@example.org", "a" * 250 + "@x.org"],
)
def test_a_malformed_address_is_refused(newsletter, email):
    html = _signup({"lists": ["bin-news"], "email": email})
    assert "Enter an email address in the correct format" in html or "at most 254" in html
    _nothing_saved()


@pytest.mark.parametrize(
    "email", ["ada@example.org\r\nBcc: everyone@example.net", "ada@example.org\nSubject: win", "ada@example.org\x00"]
)
def test_a_header_injection_attempt_in_the_address_is_refused(newsletter, email):
    html = _signup({"lists": ["bin-news"], "email": email})
    assert any(m in html for m in ("Email address must be on one line", "correct format", "Null characters"))
    _nothing_saved()


def test_an_unknown_list_is_refused(newsletter):
    html = _signup({"lists": ["bin-news", "no-such-list"], "email": "ada@example.org"})
    assert "Select newsletters from the list shown" in html
    _nothing_saved()


def test_a_closed_list_is_refused(newsletter):
    NewsletterList.objects.filter(pk=newsletter.pk).update(active=False)
    Client().post(reverse("newsletters:signup"), {"lists": ["bin-news"], "email": "ada@example.org"})
    _nothing_saved()


def test_no_list_chosen_is_refused_and_the_address_is_kept_on_the_page(newsletter):
    html = _signup({"email": "ada@example.org"})
    assert "Select at least one newsletter" in html and 'value="ada@example.org"' in html
    _nothing_saved()


def test_a_line_break_in_an_issue_subject_is_refused(newsletter, client_as):
    client = client_as(Role.DPO)
    data = {
        "newsletter": newsletter.pk,
        "subject_line": "News\r\nBcc: everyone@example.net",
        "body": "Text",
        "message_class": "promotional",
    }
    response = client.post(reverse("newsletters:new_issue"), data)
    assert response.status_code == 200
    assert b"Subject line must be on one line" in response.content
    assert not Issue.objects.exists()


def test_a_line_break_in_a_list_name_is_refused(staff):
    with pytest.raises(lists.NewsletterInvalid) as refused:
        lists.create_list(slug="x", name="News\nBcc: a@b.c", actor=staff(Role.DPO))
    assert "must be on one line" in refused.value.problems["name"]
    assert not NewsletterList.objects.exists()


def test_a_bad_short_name_is_refused_on_the_page(client_as):
    response = client_as(Role.DPO).post(reverse("newsletters:new_list"), {"name": "Bins", "slug": "Bins & Co"})
    assert b"lower-case letters, numbers and hyphens" in response.content
    assert not NewsletterList.objects.exists()
