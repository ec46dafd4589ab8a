from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django_tasks_db.models import DBTaskResult

from pledge.core.models import AuditAction, AuditEvent
from pledge.site.models import DpoEnquiry, EnquiryStatus

URL = "/contact-the-dpo/"
VALID = {"name": "Ann Example", "email": "ann@example.com", "about": "", "message": "What do you keep about me?"}
LONDON = ZoneInfo("Europe/London")

pytestmark = pytest.mark.django_db


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def error_links(response):
    return [(a["href"], a.get_text(strip=True)) for a in page(response).select(".govuk-error-summary__list a")]


def test_it_shows_the_form(client):
    html = page(client.get(URL))
    assert html.select_one("h1").get_text(strip=True) == "Contact the Data Protection Officer"
    assert html.select_one("form[method=post][novalidate]") is not None
    assert html.select_one(".govuk-error-summary") is None


def test_it_pre_fills_the_reference_from_the_about_parameter(client):
    html = page(client.get(URL, {"about": "council-tax-collection"}))
    assert html.select_one("#id_about")["value"] == "council-tax-collection"


def test_it_ignores_an_about_parameter_that_is_not_a_reference(client):
    html = page(client.get(URL, {"about": "Ann Example <script>"}))
    assert not html.select_one("#id_about").has_attr("value")


def test_it_shows_an_error_summary_when_the_form_is_empty(client):
    response = client.post(URL, {})
    assert response.status_code == 200
    assert error_links(response) == [
        ("#id_name", "Enter your name"),
        ("#id_email", "Enter your email address"),
        ("#id_message", "Enter your message"),
    ]
    assert page(response).title.get_text().startswith("Error: ")
    assert DpoEnquiry.objects.count() == 0


def test_it_shows_an_error_summary_when_the_message_is_empty(client):
    response = client.post(URL, {**VALID, "message": "  "})
    assert error_links(response) == [("#id_message", "Enter your message")]


def test_it_asks_for_an_email_address_in_the_correct_format(client):
    response = client.post(URL, {**VALID, "email": "ann-at-example"})
    assert error_links(response) == [
        ("#id_email", "Enter an email address in the correct format, like name@example.com")
    ]


def test_it_refuses_a_reference_with_spaces(client):
    response = client.post(URL, {**VALID, "about": "council tax"})
    assert error_links(response)[0][0] == "#id_about"


def test_it_refuses_a_message_that_is_too_long(client):
    response = client.post(URL, {**VALID, "message": "x" * 5001})
    assert error_links(response) == [("#id_message", "Your message must be 5,000 characters or fewer")]


@time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=LONDON), tick=False)
def test_it_stores_the_enquiry_with_a_reply_date_thirty_days_on(client):
    client.post(URL, {**VALID, "about": "Council-Tax-Collection"})
    enquiry = DpoEnquiry.objects.get()
    assert enquiry.name == "Ann Example"
    assert enquiry.about == "council-tax-collection"
    assert enquiry.status == EnquiryStatus.RECEIVED
    assert enquiry.respond_by == date(2026, 12, 24)


@time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=LONDON), tick=False)
def test_it_uses_the_response_days_from_settings(client, settings):
    settings.PLEDGE_ENQUIRY_RESPONSE_DAYS = 20
    client.post(URL, VALID)
    assert DpoEnquiry.objects.get().respond_by == date(2026, 12, 14)


def test_it_shows_a_confirmation_panel_with_the_reference(client):
    response = client.post(URL, VALID, follow=True)
    enquiry = DpoEnquiry.objects.get()
    panel = page(response).select_one(".govuk-panel--confirmation")
    assert panel.select_one("h1").get_text(strip=True) == "Message sent"
    assert panel.select_one("strong").get_text() == enquiry.reference
    assert enquiry.reference == f"ENQ-{enquiry.pk:06d}"


def test_it_redirects_after_sending_so_a_refresh_does_not_send_again(client):
    response = client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"].startswith("/contact-the-dpo/sent/?enquiry=")


def test_it_writes_an_audit_row_naming_only_the_reference(client):
    client.post(URL, VALID)
    enquiry = DpoEnquiry.objects.get()
    event = AuditEvent.objects.get(object_type="dpo_enquiry")
    assert event.action == AuditAction.CREATE
    assert event.object_ref == enquiry.reference
    assert event.actor is None
    assert "Ann" not in event.summary


def test_it_queues_the_acknowledgement_email_when_the_enquiry_is_committed(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(URL, VALID)
    assert len(callbacks) == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "pledge.site.tasks.send_enquiry_acknowledgement"
    assert queued.args_kwargs["kwargs"] == {"enquiry_id": DpoEnquiry.objects.get().pk}


def test_it_sends_a_tampered_confirmation_link_back_to_the_form(client):
    response = client.get("/contact-the-dpo/sent/", {"enquiry": "1:forged"})
    assert response.status_code == 302
    assert response["Location"] == URL


def test_it_refuses_other_methods(client):
    assert client.put(URL).status_code == 405
