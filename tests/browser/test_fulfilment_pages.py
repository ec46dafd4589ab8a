"""Fulfilment in a real browser with JavaScript off: the case page's panel, its form pages with errors (including
objection decisions, automated-decision reviews and the Art 17(1) ground), and the active restrictions page, each
checked with axe."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page

from pledge.casework.models import Case, CaseKind
from pledge.casework.services import open_request
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment.models import (
    Correction,
    DecisionReview,
    ErasureOutcome,
    ObjectionDecision,
    RecipientNotice,
    Restriction,
)
from pledge.register.models import ProcessingActivity
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"
MINIMAL_REGISTER = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def staff(transactional_db: None) -> User:
    call_command("register", "import", str(MINIMAL_REGISTER), verbosity=0)
    return User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)


def a_request(staff: User, kind: CaseKind) -> Case:
    """A request about council tax billing (shared with a mailing house and the DWP), received last week."""
    case = open_request(
        kind=kind,
        channel="email",
        received_on=timezone.localdate() - timedelta(days=7),
        requester_name="Fen Example",
        requester_email="fen@example.com",
        summary="My council tax account",
        actor=staff,
    )
    case.activities.set(ProcessingActivity.objects.filter(slug="council-tax-billing"))
    return case


def sign_in(page: Page, live_server) -> None:
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))


def test_a_correction_shows_errors_then_is_listed(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.RECTIFICATION)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#fulfilment").inner_text() == "What the request changes"
    assert "(Art 18(1)(a))" in page.locator("h3#restrictions ~ .govuk-inset-text").first.inner_text()
    assert_accessible(page)

    form = page.locator("form[action$='/fulfilment/corrections/']")
    follow(page, form.get_by_role("button", name="Record a correction"))
    assert page.locator("h1").inner_text() == "Record a correction"
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select the system the record is in" in summary and "Enter what was wrong" in summary
    assert_accessible(page)
    assert Correction.objects.count() == 0

    page.get_by_label("System", exact=True).select_option(label="Revenues system")
    page.get_by_label("The record's reference in that system").fill("CT-1001")
    page.get_by_label("What was wrong").fill("Flat 2, 1 High Street")
    page.get_by_label("What it says now").fill("Flat 3, 1 High Street")
    follow(page, page.get_by_role("button", name="Record a correction"))
    assert "Correction recorded." in page.content()
    assert "Flat 3, 1 High Street" in page.locator("h3#corrections + table").inner_text()
    assert "fulfilment" in page.url and "CT-1001" not in page.url
    recipients = page.locator("tr[data-recipient]")
    assert recipients.count() == 2
    assert "Not told yet" in recipients.first.inner_text()
    assert_accessible(page)


def test_a_restriction_is_started_told_to_a_recipient_and_lifted(
    live_server, page_without_js, assert_accessible, staff
) -> None:
    case = a_request(staff, CaseKind.RESTRICTION)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")

    form = page.locator("form[action$='/fulfilment/restrictions/']")
    form.get_by_label("System", exact=True).select_option(label="Revenues system")
    form.get_by_label("The record's reference in that system").fill("CT-1001")
    form.get_by_label("Unlawful, but the person wants it kept").check()
    form.get_by_label("What is restricted").fill("The whole council tax account")
    follow(page, form.get_by_role("button", name="Restrict a record"))
    assert "Restriction recorded." in page.content()
    assert "Restricted" in page.locator("[data-restriction]").inner_text()
    assert_accessible(page)

    told = page.locator("form[action$='/fulfilment/recipients/']")
    told.get_by_label("Recipient").select_option(label="Department for Work and Pensions")
    told.get_by_label("Told", exact=True).check()
    told.get_by_label("Secure email or file transfer").check()
    follow(page, told.get_by_role("button", name="Record telling a recipient"))
    assert "Recorded for the recipient." in page.content()
    assert "Told on" in page.locator("tr[data-recipient='dwp']").inner_text()
    assert "1 of 2 recipients not told yet." in page.locator("[data-untold-count]").inner_text()
    assert RecipientNotice.objects.get().method == "secure_transfer"

    lift = page.locator("[data-restriction] form")
    lift.get_by_label("Why the restriction is being lifted").fill("The processing was found to be lawful")
    follow(page, lift.get_by_role("button", name="Lift the restriction"))
    assert "Select how the person was told" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    assert Restriction.objects.get().active
    page.get_by_label("Letter").check()
    page.get_by_label("Why the restriction is being lifted").fill("The processing was found to be lawful")
    follow(page, page.get_by_role("button", name="Lift the restriction"))
    assert "Restriction lifted." in page.content()
    assert "Lifted" in page.locator("[data-restriction]").inner_text()
    assert not Restriction.objects.get().active
    assert_accessible(page)


def test_a_kept_record_needs_its_art_17_3_ground(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.ERASURE)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    form = page.locator("form[action$='/fulfilment/erasure/']")
    form.get_by_label("System", exact=True).select_option(label="Revenues system")
    form.get_by_label("The record's reference in that system").fill("CT-1001")
    form.get_by_label("Kept under an Art 17(3) exception").check()
    follow(page, form.get_by_role("button", name="Record an erasure outcome"))
    assert "Select the Art 17(3) ground for keeping the record" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.get_by_label("Legal obligation (Art 17(3)(b))").check()
    page.get_by_label("If it was kept: why").fill("Council tax records are kept for six years")
    follow(page, page.get_by_role("button", name="Record an erasure outcome"))
    assert "Erasure outcome recorded." in page.content()
    assert "Legal obligation (Art 17(3)(b))" in page.locator("h3#erasure + table").inner_text()
    assert ErasureOutcome.objects.get().keep_ground == "legal_obligation"
    assert_accessible(page)


def test_the_active_restrictions_page_filters_by_system(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.RESTRICTION)
    Restriction.objects.create(
        case=case,
        system_id=ProcessingActivity.objects.get(slug="council-tax-billing").systems.get().pk,
        record_reference="CT-2002",
        ground="c",
        scope="Bills for 2024",
        started_on=timezone.localdate(),
        started_by=staff,
    )
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/restrictions/")
    assert page.locator("h1").inner_text() == "Active restrictions"
    assert "CT-2002" in page.locator("table").inner_text()
    assert_accessible(page)
    page.get_by_label("System", exact=True).select_option(label="Revenues system")
    follow(page, page.get_by_role("button", name="Filter"))
    assert "1 active restriction in Revenues system" in page.locator("caption").inner_text()
    assert_accessible(page)


@pytest.fixture
def decision_staff(transactional_db: None) -> User:
    """The casework test register (a public-task automated decision, a direct-marketing newsletter, council tax
    billing on a legal obligation) and a member of staff who handles cases and reviews decisions."""
    build_register()
    return User.objects.create_user(username="casey", password=PASSWORD, role=Role.IG_OFFICER)


def a_decision_request(staff: User, kind: CaseKind, *slugs: str) -> Case:
    case = open_request(
        kind=kind,
        channel="email",
        received_on=timezone.localdate() - timedelta(days=7),
        requester_name="Fen Example",
        requester_email="fen@example.com",
        summary="A decision about my council tax support",
        actor=staff,
    )
    case.activities.set(ProcessingActivity.objects.filter(slug__in=slugs))
    return case


def test_an_objection_decision_is_refused_for_direct_marketing_then_recorded(
    live_server, page_without_js, assert_accessible, decision_staff
) -> None:
    case = a_decision_request(
        decision_staff, CaseKind.OBJECTION, "council-tax-support", "recycling-newsletter", "council-tax-billing"
    )
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert "Right does not apply" in page.locator("[data-objection='council-tax-billing']").inner_text()
    assert "2 activities still to decide" in page.locator("[data-objections-waiting]").inner_text()
    assert_accessible(page)

    form = page.locator("form[action$='/fulfilment/objections/']")
    form.get_by_label("Activity").select_option(label="Recycling newsletter")
    form.get_by_label("Not upheld: the council carries on (Art 21(1))").check()
    form.get_by_label("Legal claims (Art 21(1))").check()
    form.get_by_label("If it carries on: the reasons").fill("We want to keep sending it")
    follow(page, form.get_by_role("button", name="Record an objection decision"))
    assert "An objection to direct marketing is absolute" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    assert ObjectionDecision.objects.count() == 0

    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    form = page.locator("form[action$='/fulfilment/objections/']")
    form.get_by_label("Activity").select_option(label="Recycling newsletter")
    form.get_by_label("Upheld: the processing has stopped").check()
    form.get_by_label("If it stopped: how").fill("Removed from the newsletter list")
    follow(page, form.get_by_role("button", name="Record an objection decision"))
    assert "Objection decision recorded." in page.content()
    assert "Stopped on" in page.locator("[data-objection='recycling-newsletter']").inner_text()
    assert ObjectionDecision.objects.get().outcome == "stopped"
    assert_accessible(page)


def test_a_review_of_an_automated_decision_is_set_up_and_decided(
    live_server, page_without_js, assert_accessible, decision_staff
) -> None:
    case = a_decision_request(decision_staff, CaseKind.AUTOMATED_DECISION_REVIEW, "council-tax-support")
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert "must review the automated decision" in page.locator("h3#reviews ~ .govuk-inset-text").first.inner_text()
    assert_accessible(page)

    form = page.locator("form[action$='/fulfilment/reviews/']")
    form.get_by_label("Activity").select_option(label="Council tax support")
    form.get_by_label("Date of the automated decision").fill(f"{timezone.localdate() - timedelta(days=10):%d/%m/%Y}")
    form.get_by_label("What the automated decision was").fill("Support reduced to £12 a month")
    form.get_by_label("The inputs the system used for this person's decision").fill("Universal Credit £1,200 a month")
    form.get_by_label("Required or authorised by law (Art 22(2)(b))").check()
    form.get_by_label("Who will review the decision").select_option(label="casey")
    follow(page, form.get_by_role("button", name="Set up a review of the decision"))
    assert "Enter the law that requires or authorises" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("If authorised by law: which law").fill("Council Tax Reduction Schemes Regulations 2012")
    follow(page, page.get_by_role("button", name="Set up a review of the decision"))
    assert "Review set up." in page.content()
    assert "With the reviewer" in page.locator("[data-review='council-tax-support']").inner_text()
    assert_accessible(page)

    decision = page.locator("[data-review='council-tax-support'] form")
    follow(page, decision.get_by_role("button", name="Record the review decision"))
    assert "Select whether the decision changed or stands" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Changed: the new decision replaces the automated one").check()
    page.get_by_label("The decision you made").fill("Support stays at £40 a month")
    page.get_by_label("Your reasons").fill("The job started a month later than recorded.")
    follow(page, page.get_by_role("button", name="Record the review decision"))
    assert "Review decision recorded." in page.content()
    assert "Reviewed" in page.locator("[data-review='council-tax-support']").inner_text()
    assert DecisionReview.objects.get().result == "changed"
    assert_accessible(page)


def test_an_erased_record_needs_its_art_17_1_ground(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.ERASURE)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    form = page.locator("form[action$='/fulfilment/erasure/']")
    form.get_by_label("System", exact=True).select_option(label="Revenues system")
    form.get_by_label("The record's reference in that system").fill("CT-1001")
    form.get_by_label("Erased", exact=True).check()
    follow(page, form.get_by_role("button", name="Record an erasure outcome"))
    assert "Select the Art 17(1) ground for erasing it" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("No longer needed (Art 17(1)(a))").check()
    follow(page, page.get_by_role("button", name="Record an erasure outcome"))
    assert "No longer needed (Art 17(1)(a))" in page.locator("h3#erasure + table").inner_text()
    assert ErasureOutcome.objects.get().erase_ground == "no_longer_needed"
