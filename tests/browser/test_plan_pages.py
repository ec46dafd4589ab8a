"""The erasure plan in a real browser with JavaScript off: dry run, an approval error, approval, and an owner task
closed, each page checked with axe."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings, settings
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page

from pledge.casework.models import Case, CaseKind
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment.plan_models import OwnerTask, PlanState
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import Estate, build_estate, confirm_records, register_estate_systems
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"
MINIMAL_REGISTER = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def estate(transactional_db: None, settings: LazySettings, tmp_path: Path) -> Estate:
    call_command("register", "import", str(MINIMAL_REGISTER), verbosity=0)
    built = build_estate(tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = built.yaml
    register_estate_systems()
    return built


@pytest.fixture
def case(estate: Estate) -> Case:
    staff = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    opened = make_case(kind=CaseKind.ERASURE, received_on=timezone.localdate() - timedelta(days=3), actor=staff)
    confirm_records(case=opened, actor=staff)
    return opened


def sign_in(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))


def test_an_erasure_plan_from_dry_run_to_done(live_server, page_without_js, assert_accessible, case, estate) -> None:  # type: ignore[no-untyped-def]
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#plan").inner_text() == "Plan for each system"
    follow(page, page.get_by_role("link", name="Open the plan page"))
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Make a dry run"))
    steps = page.locator("[data-plan-steps]").inner_text()
    assert "Retention rule still running" in steps and "Limitation Act 1980 s.5" in steps
    assert page.locator("[data-step='newsletters/subscribers/N1'] [data-action]").inner_text() == "Erase"
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Approve and carry out the plan"))
    assert "Select the Art 17(1) ground" in page.locator(".govuk-error-summary").inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    page.get_by_label("Consent withdrawn (Art 17(1)(b))").check()
    follow(page, page.get_by_role("button", name="Approve and carry out the plan"))
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N2"]
    assert "Library systems manager" in page.locator("[data-task='library']").inner_text()
    assert_accessible(page)

    task = page.locator("[data-task='library']")
    follow(page, task.get_by_role("button", name="Record that the owner has done it"))
    assert "Enter what the system owner did" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("What the system owner did, and when").fill("Deleted in the library system today")
    follow(page, page.locator("[data-task='library']").get_by_role("button", name="Record that the owner has done it"))
    assert OwnerTask.objects.get().state == OwnerTask.State.DONE
    assert case.plans.get().state == PlanState.EXECUTED
    assert_accessible(page)
