"""Sharing-agreement pages in a real browser without JavaScript, with an accessibility check."""

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser
DEMO = settings.BASE_DIR / "demo" / "anyshire" / "register"


@pytest.fixture
def register(transactional_db: None) -> None:
    call_command("register", "import", str(DEMO))
    User.objects.create_user(username="auditor", password=PASSWORD, role=Role.AUDITOR)


def test_an_auditor_reads_the_agreements_from_the_register(live_server, page_without_js, assert_accessible, register):
    page = page_without_js
    sign_in(page, live_server, username="auditor")
    page.goto(live_server.url + "/staff/register/")
    follow(page, page.get_by_role("link", name="information-sharing agreements"))
    assert page.locator("h1").inner_text() == "Information-sharing agreements"
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="National Fraud Initiative data matching", exact=False))
    assert "Local Audit and Accountability Act 2014" in page.content()
    assert_accessible(page)
