"""The whole journey over real SMTP: sign up, confirm from the emailed link, get an issue with its unsubscribe
headers, unsubscribe in one click, and get no more (issue 6 "Done when"; P084, P086)."""

from typing import Any

from django.test import Client
from django.urls import reverse

from pledge.consent import services as consent
from pledge.core.roles import Role
from pledge.newsletters import lists
from pledge.newsletters.models import Send, SendState
from pledge.newsletters.tasks import deliver_send, send_confirmation
from pledge.newsletters.testing import html_of, text_of
from pledge.newsletters.tests.conftest import confirm_token_in, unsubscribe_token_in


def _send(issue: Any, actor: Any, capture: Any, run_jobs: Any) -> Send:
    with capture(execute=True):
        send = lists.start_send(issue=issue, actor=actor)
    run_jobs(deliver_send)
    send.refresh_from_db()
    return send


def test_a_resident_signs_up_confirms_gets_an_issue_and_unsubscribes_in_one_click(
    newsletter, staff, smtp_server, run_jobs, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletters:signup"), {"lists": ["bin-news"], "email": "ada@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("newsletters:check_email")
    assert "ada" not in response["Location"]
    run_jobs(send_confirmation)
    [confirmation] = smtp_server.wait_for("ada@example.org")
    assert "Bins and recycling" in text_of(confirmation)
    token = confirm_token_in(text_of(confirmation))

    # A link scanner's GET confirms nothing; the button's POST does.
    page = client.get(reverse("newsletters:confirm", kwargs={"token": token}))
    assert page.status_code == 200 and b"Confirm my subscription" in page.content
    subject = consent.subject_for_email("ada@example.org")
    assert not consent.may_send(subject=subject, purpose="newsletter:bin-news").given
    done = client.post(reverse("newsletters:confirm", kwargs={"token": token}))
    assert done.status_code == 200 and b"Subscription confirmed" in done.content
    answer = consent.may_send(subject=subject, purpose="newsletter:bin-news")
    assert answer.given and "link in an email" in answer.basis and "wording v1" in answer.basis

    dpo = staff(Role.DPO)
    issue = lists.write_issue(
        newsletter=newsletter,
        subject_line="Bin days over Christmas",
        body="Collections move by a day.",
        message_class="service",
        actor=dpo,
    )
    send = _send(issue, dpo, django_capture_on_commit_callbacks, run_jobs)
    assert (send.state, send.total, send.sent) == (SendState.FINISHED, 1, 1)
    [_, received] = smtp_server.wait_for("ada@example.org", count=2)
    assert received["Subject"] == "Bin days over Christmas"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header_url = received["List-Unsubscribe"].strip().strip("<>")
    assert header_url.startswith("https://pledge.anyshire.example/newsletters/unsubscribe/")
    assert header_url in text_of(received) and header_url in html_of(received).replace("&amp;", "&")
    assert "Collections move by a day." in text_of(received)
    assert "Anyshire Council" in received["From"]

    # RFC 8058: the mail client POSTs the one-click body with no cookies and no CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        header_url.removeprefix("https://pledge.anyshire.example"), {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200 and b"You have unsubscribed" in one_click.content
    assert not consent.may_send(subject=subject, purpose="newsletter:bin-news").given
    assert unsubscribe_token_in(text_of(received))

    second = lists.write_issue(
        newsletter=newsletter,
        subject_line="New recycling centre hours",
        body="Open later on Thursdays.",
        message_class="service",
        actor=dpo,
    )
    send = _send(second, dpo, django_capture_on_commit_callbacks, run_jobs)
    assert (send.total, send.sent) == (0, 0)
    assert len(smtp_server.to("ada@example.org")) == 2
