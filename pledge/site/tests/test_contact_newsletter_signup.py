"""P078: the contact form offers the council's newsletter as an unticked checkbox apart from the submit. Unticked,
the message is sent and nothing else happens; ticked, only a confirmation email is queued (double opt-in) and the
ledger records no consent until the person confirms."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from pledge.consent.models import ConsentEvent
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.newsletters import lists
from pledge.newsletters.models import Membership, Subscription, SubscriptionState
from pledge.site.models import DpoEnquiry

URL = "/contact-the-dpo/"
VALID = {"name": "Ann Example", "email": "ann@example.com", "about": "", "message": "What do you keep about me?"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_news(db):
    dpo = User.objects.create_user(username="dpo-person", password=None, role=Role.DPO)
    return lists.create_list(slug=settings.PLEDGE_SIGNUP_NEWSLETTER, name="Anyshire News", actor=dpo)


def _page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_checkbox_is_unticked_optional_and_apart_from_the_submit(client, council_news):
    html = _page(client.get(URL))
    box = html.select_one("input[type=checkbox][name=newsletter]")
    assert box is not None and not box.has_attr("checked")
    assert html.select_one(f"label[for={box['id']}]").get_text(strip=True) == "Send me the council's newsletter"
    assert council_news.wording in html.get_text(" ", strip=True)
    submit = html.select_one("form button")
    assert submit.get_text(strip=True) == "Send message" and submit.get("name") is None
    assert box.find_parent("button") is None


def test_there_is_no_checkbox_when_the_council_offers_no_newsletter(client):
    assert _page(client.get(URL)).select_one("input[name=newsletter]") is None


def test_unticked_it_sends_the_message_and_creates_no_subscription_or_consent(
    client, council_news, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, VALID)
    assert response.status_code == 302
    assert DpoEnquiry.objects.count() == 1
    assert not Subscription.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert not DBTaskResult.objects.filter(task_path__contains="send_confirmation").exists()


def test_ticked_it_only_queues_the_confirmation_email(client, council_news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**VALID, "newsletter": "true"})
    assert response.status_code == 302
    assert DpoEnquiry.objects.count() == 1
    membership = Membership.objects.get(newsletter=council_news)
    assert membership.state == SubscriptionState.PENDING
    assert not ConsentEvent.objects.exists()
    assert DBTaskResult.objects.filter(task_path__contains="send_confirmation").count() == 1


def test_a_ticked_box_on_a_form_with_errors_stays_ticked_and_nothing_is_queued(client, council_news):
    response = client.post(URL, {**VALID, "message": "", "newsletter": "true"})
    assert _page(response).select_one("input[name=newsletter]").has_attr("checked")
    assert not Subscription.objects.exists() and DpoEnquiry.objects.count() == 0
