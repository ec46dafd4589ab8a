"""Staff pages: lists, writing and previewing an issue, sending it and watching its progress; only roles with
MANAGE_NEWSLETTERS get in."""

import pytest
from django.test import Client
from django.urls import reverse

from pledge.core.roles import Role
from pledge.newsletters import lists
from pledge.newsletters.models import Issue, NewsletterList, Send
from pledge.newsletters.tasks import deliver_send

ALLOWED, REFUSED = Role.IG_OFFICER, Role.CASEWORKER  # MANAGE_NEWSLETTERS: DPO and IG officers only


@pytest.fixture
def issue(newsletter, staff) -> Issue:
    return lists.write_issue(
        newsletter=newsletter,
        subject_line="Garden waste",
        body="Renew by March.",
        message_class="service",
        actor=staff(ALLOWED),
    )


def _pages(issue: Issue) -> list[str]:
    send = Send.objects.create(issue=issue)
    return [
        reverse("newsletters:staff_index"),
        reverse("newsletters:new_list"),
        reverse("newsletters:new_issue"),
        reverse("newsletters:issue", kwargs={"pk": issue.pk}),
        reverse("newsletters:send", kwargs={"pk": send.pk}),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(issue):
    for url in _pages(issue) + [reverse("newsletters:send_issue", kwargs={"pk": issue.pk})]:
        response = Client().post(url) if url.endswith("/send/") else Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("core:login")), url


def test_a_role_without_the_permission_gets_403(issue, client_as):
    client = client_as(REFUSED)
    for url in _pages(issue):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("newsletters:send_issue", kwargs={"pk": issue.pk})).status_code == 403


def test_staff_add_a_list_write_an_issue_preview_and_send_it(
    client_as, subscribe, run_jobs, django_capture_on_commit_callbacks, smtp_server
):
    client = client_as(ALLOWED)
    response = client.post(
        reverse("newsletters:new_list"),
        {"name": "Libraries", "slug": "libraries", "topic": "Culture", "description": "", "wording": ""},
    )
    assert response.status_code == 302
    assert NewsletterList.objects.get(slug="libraries").wording.startswith("Send me the Libraries newsletter")
    subscribe("mo@example.org", "libraries")
    data = {
        "newsletter": NewsletterList.objects.get(slug="libraries").pk,
        "subject_line": "New opening hours",
        "body": "## Longer hours\n\nOpen until 8pm.",
        "message_class": "promotional",
    }
    response = client.post(reverse("newsletters:new_issue"), data)
    issue = Issue.objects.get()
    assert response["Location"] == reverse("newsletters:issue", kwargs={"pk": issue.pk})
    preview = client.get(response["Location"]).content.decode()
    assert "<h2>Longer hours</h2>" in preview and "1 confirmed subscriber of Libraries" in preview
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("newsletters:send_issue", kwargs={"pk": issue.pk}))
    send = Send.objects.get()
    assert sent["Location"] == reverse("newsletters:send", kwargs={"pk": send.pk})
    waiting = client.get(sent["Location"]).content.decode()
    assert "Queued" in waiting and "Waiting for the background worker" in waiting
    run_jobs(deliver_send)
    done = client.get(sent["Location"]).content.decode()
    assert "Finished" in done and "1 of 1 handled (100%)" in done
    assert client.get(reverse("newsletters:staff_index")).status_code == 200


def test_sending_a_closed_lists_issue_is_refused_with_a_message(issue, client_as):
    NewsletterList.objects.filter(pk=issue.newsletter_id).update(active=False)
    response = client_as(ALLOWED).post(reverse("newsletters:send_issue", kwargs={"pk": issue.pk}))
    assert response.status_code == 400 and b"This newsletter is closed" in response.content
    assert not Send.objects.exists()
