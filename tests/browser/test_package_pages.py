"""Access packages in a real browser with JavaScript off: build from the case page, follow the build page with its
progress link, review a marked passage (with an error first), add the package to the response, and the assessment
copy page, each checked with axe."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from pledge.casework.models import CaseKind
from pledge.casework.services import open_request
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment import package_services
from pledge.fulfilment.package_models import AccessPackage, PassageDecision
from pledge.fulfilment.tests.factories import EMAIL, NAME
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system
from pledge.rights.models import ResponseFile
from tests.browser.conftest import follow
from tests.browser.test_fulfilment_pages import MINIMAL_REGISTER, PASSWORD, sign_in

pytestmark = pytest.mark.browser
MINE = [("revenues", "accounts", "CT1"), ("revenues", "contacts", "N1"), ("garden", "subscriptions", "G1")]


@pytest.fixture
def staff(transactional_db: None, settings, tmp_path: Path) -> User:
    call_command("register", "import", str(MINIMAL_REGISTER), verbosity=0)
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    return User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)


def test_a_caseworker_builds_reviews_and_adds_a_package(live_server, page_without_js, assert_accessible, staff):
    case = open_request(
        kind=CaseKind.ACCESS,
        channel="email",
        received_on=timezone.localdate() - timedelta(days=7),
        requester_name=NAME,
        requester_email=EMAIL,
        summary="Everything you hold about me",
        actor=staff,
    )
    confirm_records(case, staff, MINE)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#package").inner_text() == "Access package"
    follow(page, page.get_by_role("button", name="Build the access package"))
    assert page.locator("h1").inner_text() == "Access package (Art 15)"
    assert "0 of 3 records fetched" in page.locator("[data-progress]").inner_text()
    assert page.locator("[data-refresh]").count() == 1
    assert_accessible(page)

    package_services.build_package(package_id=AccessPackage.objects.get().pk)  # what the worker does
    follow(page, page.locator("[data-refresh]"))
    assert page.locator("[data-refresh]").count() == 0
    passage = page.locator("[data-passage]")
    assert "His neighbour Amy Brown has been paying it." in passage.inner_text()
    passage.get_by_label("No, withhold it").check()
    follow(page, passage.get_by_role("button", name="Save decision"))
    assert "Give the reason for withholding the passage" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    passage = page.locator("[data-passage]")
    passage.get_by_label("No, withhold it").check()
    passage.get_by_label("Reason for withholding").fill("It is about the neighbour")
    follow(page, passage.get_by_role("button", name="Save decision"))
    assert AccessPackage.objects.get().passages.get().decision == PassageDecision.WITHHOLD
    follow(page, page.get_by_role("button", name="Add the package to the response"))
    assert "Package added to the response" in page.locator(".govuk-notification-banner").inner_text()
    assert ResponseFile.objects.filter(case=case).exists()
    assert_accessible(page)


def test_the_assessment_copy_page_shows_errors_then_the_copy(live_server, page_without_js, assert_accessible, staff):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/assessment-copies/")
    follow(page, page.get_by_role("button", name="Make the copy"))
    assert "Enter the record to copy" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Record").fill("revenues/accounts/CT1")
    page.get_by_label("Name of the person the assessment is about").fill(NAME)
    page.get_by_label("Handed over in person").check()
    follow(page, page.get_by_role("button", name="Make the copy"))
    assert NAME in page.locator("[id^=copy-]").inner_text()
    assert_accessible(page)
