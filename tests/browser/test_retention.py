"""Retention in a real browser without JavaScript: start a run, see the disposal queue, approve a batch, read its
certificate, and place, review and lift a legal hold (P102, P104); every page passes axe."""

from pathlib import Path

import pytest
from django.conf import settings

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.retention.tasks import carry_out_disposal_run
from pledge.retention.tests.estate import make_rules, write_estate
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, run_queued, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def estate(transactional_db: None) -> Path:
    make_rules()
    User.objects.create_user(username="dpo", password=PASSWORD, role=Role.DPO)
    return write_estate(Path(settings.PLEDGE_SYSTEMS).parent)


def start_run(page, live_server) -> None:
    page.goto(live_server.url + "/staff/retention/runs/")
    follow(page, page.get_by_role("button", name="Start the run"))
    assert "is queued for the background worker" in page.content()
    run_queued(carry_out_disposal_run)


def test_the_dpo_approves_a_batch_and_reads_its_certificate(live_server, page_without_js, assert_accessible, estate):
    page = page_without_js
    sign_in(page, live_server, username="dpo")
    start_run(page, live_server)
    page.goto(live_server.url + "/staff/retention/queue/")
    assert_accessible(page)
    assert "Tables not checked" in page.content() and "No retention class" in page.content()
    follow(page, page.get_by_role("link", name="Council Tax: accounts"))
    assert_accessible(page)
    page.get_by_label("Note (optional)").fill("Reviewed with the revenues manager")
    follow(page, page.get_by_role("button", name="Approve disposal"))
    assert "Approved: the next run will dispose of 2 record(s)." in page.content()
    assert_accessible(page)

    start_run(page, live_server)
    page.goto(live_server.url + "/staff/retention/certificates/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="DC-"))
    assert "Limitation Act 1980" in page.content() and "ada@example.com" not in page.content()
    assert_accessible(page)
    page.goto(live_server.url + "/staff/retention/")
    assert_accessible(page)
    page.goto(live_server.url + "/staff/retention/runs/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Run 2"))
    assert_accessible(page)


def test_a_legal_hold_is_placed_shown_in_the_queue_and_lifted(live_server, page_without_js, assert_accessible, estate):
    page = page_without_js
    sign_in(page, live_server, username="dpo")
    page.goto(live_server.url + "/staff/retention/holds/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Place a legal hold"))
    follow(page, page.get_by_role("button", name="Place the hold"))
    assert "Enter why the records must be kept" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Why must the records be kept?").fill("Claim 26-CL-0113 in the county court")
    page.get_by_label("Review by").fill("2099-01-31")
    page.get_by_label("Email address (optional)").fill("ada@example.com")
    follow(page, page.get_by_role("button", name="Place the hold"))
    assert "placed: disposal and erasure of its records are suspended" in page.content()
    assert_accessible(page)

    start_run(page, live_server)
    page.goto(live_server.url + "/staff/retention/queue/")
    assert "held by" in page.content() and "Claim 26-CL-0113" in page.content()

    page.goto(live_server.url + "/staff/retention/holds/")
    follow(page, page.get_by_role("link", name="Legal hold 1"))
    page.get_by_label("Why is the hold still needed?").fill("The claim is still before the court")
    page.get_by_label("Next review by").fill("2099-06-30")
    follow(page, page.get_by_role("button", name="Keep the hold"))
    assert "kept: next review by 30 June 2099" in page.content()
    assert_accessible(page)
    page.get_by_label("Why is the hold being lifted?").fill("The claim was settled")
    follow(page, page.get_by_role("button", name="Lift the hold"))
    assert "lifted: its records fall back under their rules" in page.content()
    assert_accessible(page)
