"""The disclosure log in a real browser without JavaScript, with an accessibility check on each page: a caseworker
logs a police request (after one refused attempt shows the error summary), a service lead approves it, and the
'tell the person' step and the recipient's checks are shown."""

from datetime import date

import pytest

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.disclosures.models import Disclosure, Status
from pledge.disclosures.telling import record_due_diligence
from pledge.register.models import Recipient, RecipientKind
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def people(transactional_db: None) -> Recipient:
    User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    User.objects.create_user(username="lee", password=PASSWORD, role=Role.SERVICE_LEAD)
    dpo = User.objects.create_user(username="dee", password=PASSWORD, role=Role.DPO)
    police = Recipient.objects.create(
        slug="anyshire-police", name="Anyshire Constabulary", kind=RecipientKind.PUBLIC_BODY
    )
    record_due_diligence(
        recipient=police,
        actor=dpo,
        agreement="yes",
        security_assurance="yes",
        contract="not_needed",
        review_on=date(2099, 1, 1),
    )
    return police


def _fill_police_request(page) -> None:
    page.get_by_label("Police or other crime and taxation request (DPA 2018 Sch 2 para 2)").check()
    page.get_by_label("Recipient in the register").select_option(label="Anyshire Constabulary")
    page.get_by_label("What the recipient needs it for").fill("Locating a suspect in a burglary investigation")
    page.get_by_label("The information disclosed").fill("Current address")
    page.get_by_label("Why each item is necessary").fill("The address is needed to make the arrest")
    page.get_by_label("The person's email address").fill("robin.fictional@example.com")
    page.get_by_label("An exemption in DPA 2018 Schedule 2").check()
    page.get_by_label("Schedule 2 exemption").select_option(value="crime_tax")
    page.get_by_label("Justification").fill("The signed request says not disclosing would prejudice the arrest")
    page.locator('input[name="consent_sought"][value="no"]').check()
    page.get_by_label("Asking would put someone at risk").check()


def test_a_caseworker_logs_and_a_service_lead_approves_without_javascript(
    live_server, page_without_js, new_page_without_js, assert_accessible, people
) -> None:
    page = page_without_js
    sign_in(page, live_server, username="casey")
    page.goto(live_server.url + "/staff/disclosures/")
    assert page.locator("h1").inner_text() == "Disclosure log"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Log a disclosure"))
    assert_accessible(page)
    _fill_police_request(page)
    follow(page, page.get_by_role("button", name="Log the disclosure for approval"))
    # The minimum data released was left out: the error summary says so and what was typed is kept.
    assert "There is a problem" in page.content() and "Enter the minimum data released" in page.content()
    assert page.get_by_label("What the recipient needs it for").input_value().startswith("Locating a suspect")
    assert_accessible(page)
    page.get_by_label("The minimum data released").fill("Current address only")
    follow(page, page.get_by_role("button", name="Log the disclosure for approval"))
    entry = Disclosure.objects.get()
    assert page.locator("h1").inner_text() == f"Disclosure {entry.reference}"
    assert "robin.fictional" not in page.url and "Awaiting approval" in page.content()
    assert "Approve the disclosure" not in page.content()
    assert_accessible(page)

    lead = new_page_without_js()
    sign_in(lead, live_server, username="lee")
    lead.goto(live_server.url + f"/staff/disclosures/{entry.reference}/")
    assert_accessible(lead)
    follow(lead, lead.get_by_role("button", name="Approve the disclosure"))
    assert Disclosure.objects.get().status == Status.APPROVED
    assert "Approved" in lead.content() and "Without consent" in lead.content()

    page.goto(live_server.url + f"/staff/disclosures/{entry.reference}/")
    follow(page, page.get_by_role("link", name="Record whether the person was told"))
    assert "Anyshire Constabulary" in page.content()
    assert_accessible(page)
    page.get_by_label("Why telling the person now is not safe").fill("The police enquiry is live")
    page.get_by_label("Date to reconsider").fill("1/3/2099")
    follow(page, page.get_by_role("button", name="Record the decision not to tell them yet"))
    assert "reconsider on 1 March 2099" in page.content()


def test_the_recipients_and_their_checks_pages_are_accessible(
    live_server, page_without_js, assert_accessible, people
) -> None:
    page = page_without_js
    sign_in(page, live_server, username="lee")
    page.goto(live_server.url + "/staff/disclosures/recipients/")
    assert "Complete" in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Anyshire Constabulary"))
    assert page.locator("h1").inner_text() == "Due-diligence checks"
    assert "complete and in date" in page.content()
    assert_accessible(page)
    page.goto(live_server.url + "/staff/disclosures/activities/")
    assert page.locator("h1").inner_text() == "Activities shared only where the law requires it"
    assert_accessible(page)
