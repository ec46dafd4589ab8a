"""Responses to rectification, erasure, restriction, objection, portability, automated-decision review, consent
withdrawal and third-party authorisation: what was done or why not, and the complaint rights in each."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.letters import LetterKind, letter_blocks
from pledge.casework.models import CaseKind
from pledge.casework.response_letters import Outcome, default_outcome, reasons_required
from pledge.casework.scope import choose_scope
from pledge.casework.tests.register_rows import build_register

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)
COMPLAINT_LINES = (
    "You have the right to complain to the Information Commissioner's Office (ICO)",
    "online at https://ico.org.uk/make-a-complaint/",
    "You also have the right to ask a court to enforce your rights (a judicial remedy).",
)


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def open_case(today, caseworker, register):
    today(TODAY)

    def build(kind: CaseKind, *activities):
        case = services.open_request(
            kind=kind,
            channel="email",
            received_on=date(2026, 11, 2),
            requester_name="Ann Example",
            requester_email="ann@example.com",
            summary="About my records",
            actor=caseworker,
        )
        choose_scope(case=case, activities=list(activities), team=None, actor=caseworker)
        return case

    return build


def letter(case, outcome: str = "", reasons: str = "") -> str:
    lines: list[str] = []
    for block in letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY, outcome=outcome, reasons=reasons):
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    text = "\n".join(lines)
    for line in COMPLAINT_LINES:
        assert line in text, f"missing complaint right: {line}"
    return text


def test_a_rectification_done_lists_the_recipients_to_tell(open_case, register) -> None:
    case = open_case(CaseKind.RECTIFICATION, register.support)
    text = letter(case, Outcome.DONE)
    assert "We have corrected the information, as you asked, where we use it for: Council tax support." in text
    assert "We shared the information concerned with Department for Work and Pensions" in text
    assert "(UK GDPR Article 19)" in text


def test_a_rectification_not_done_offers_a_statement_of_disagreement(open_case, register) -> None:
    case = open_case(CaseKind.RECTIFICATION, register.support)
    text = letter(case, Outcome.REFUSED, "Your income figure matches the DWP notice of 3 October.")
    assert "We have not corrected the information." in text
    assert "Your income figure matches the DWP notice of 3 October." in text
    assert "a statement of disagreement" in text


def test_an_erasure_done_says_what_was_kept_and_under_which_exception(open_case, register) -> None:
    case = open_case(CaseKind.ERASURE, register.newsletter, register.billing)
    assert default_outcome(case) == Outcome.DONE
    text = letter(case, Outcome.DONE)
    assert "We have deleted the information, as you asked, where we used it for: Recycling newsletter." in text
    kept = "Billing and collecting council tax: Art 17(3)(b): Keeping it is necessary to comply with a legal obligation"
    assert f"{kept} on the council. The law behind it: Local Government Finance Act 1992." in text
    # Only the ground the lawful basis makes certain is given, not every exception that might apply.
    assert "Public health" not in text


def test_an_erasure_where_the_right_applies_nowhere_is_refused_plainly_with_the_reason(open_case, register) -> None:
    case = open_case(CaseKind.ERASURE, register.billing)
    assert default_outcome(case) == Outcome.REFUSED
    assert reasons_required(case, "")
    text = letter(case, reasons="We must keep council tax records for six years.")
    assert "We have not deleted the information." in text
    assert "(UK GDPR Article 17(3))" in text
    assert "We must keep council tax records for six years." in text
    assert "Billing and collecting council tax: Art 17(3)(b): Keeping it is necessary to comply" in text


def test_a_restriction_done_explains_storage_only_and_the_notice_before_lifting(open_case, register) -> None:
    case = open_case(CaseKind.RESTRICTION, register.billing)
    text = letter(case, Outcome.DONE)
    assert "While it is restricted we will only store it." in text
    assert "(UK GDPR Article 18(2))" in text
    assert "We will tell you before we lift the restriction (UK GDPR Article 18(3))." in text


def test_an_objection_upheld_says_we_stopped(open_case, register) -> None:
    case = open_case(CaseKind.OBJECTION, register.support)
    text = letter(case, Outcome.DONE)
    assert "We have stopped using your information, as you asked, for: Council tax support." in text


def test_an_objection_not_upheld_gives_compelling_grounds_and_the_public_task(open_case, register) -> None:
    case = open_case(CaseKind.OBJECTION, register.support)
    text = letter(case, Outcome.REFUSED, "We need current income figures to award support fairly.")
    assert "compelling legitimate grounds that override your interests, rights and freedoms" in text
    assert "(UK GDPR Article 21(1))" in text
    assert "Council tax support is a task the law gives us: Local Government Finance Act 2012." in text
    assert "We need current income figures to award support fairly." in text


def test_an_objection_to_direct_marketing_is_always_followed(open_case, register) -> None:
    case = open_case(CaseKind.OBJECTION, register.newsletter)
    text = letter(case, Outcome.DONE)
    assert "Recycling newsletter (direct marketing: we must always stop when asked)" in text


def test_an_objection_where_the_right_does_not_apply_says_so(open_case, register) -> None:
    case = open_case(CaseKind.OBJECTION, register.billing)
    assert default_outcome(case) == Outcome.REFUSED
    text = letter(case, reasons="Council tax billing is a legal duty.")
    assert "The right to object does not apply to the ways we use your information" in text
    assert "Billing and collecting council tax: Art 21(1) applies only to Art 6(1)(e), (ea) or (f)." in text


def test_portability_is_provided_for_a_contract_processed_by_computer(open_case, register) -> None:
    case = open_case(CaseKind.PORTABILITY, register.garden_waste, register.billing)
    text = letter(case, Outcome.DONE)
    assert "We are providing the information you gave us for Garden waste subscriptions in a structured" in text
    assert "Billing and collecting council tax: Art 20(1)(a): only for processing based on consent or contract." in text


def test_portability_for_a_public_task_only_is_refused_with_art_20(open_case, register) -> None:
    case = open_case(CaseKind.PORTABILITY, register.support)
    text = letter(case, reasons="Support is worked out under our public task.")
    assert "(UK GDPR Article 20)" in text
    assert "You can still ask for a copy of your information under your right of access." in text


def test_an_automated_decision_review_gives_the_logic_and_the_result(open_case, register) -> None:
    case = open_case(CaseKind.AUTOMATED_DECISION_REVIEW, register.support)
    assert reasons_required(case, Outcome.DONE)
    text = letter(case, Outcome.REFUSED, "The income bands were applied correctly.")
    assert "recalculates your support from the published income bands" in text
    assert "As a result of the review, the decision stands." in text
    changed = letter(case, Outcome.DONE, "Your new job started later than DWP recorded.")
    assert "As a result of the review, we have changed the decision." in changed


def test_a_consent_withdrawal_is_confirmed_with_art_7_3(open_case, register) -> None:
    case = open_case(CaseKind.CONSENT_WITHDRAWAL, register.newsletter, register.billing)
    text = letter(case)
    assert "we have stopped using your information for: Recycling newsletter." in text
    assert "(UK GDPR Article 7(3))" in text
    assert "Billing and collecting council tax: The processing does not rely on consent." in text


def test_a_third_party_authorisation_is_confirmed(open_case, register) -> None:
    case = open_case(CaseKind.THIRD_PARTY_AUTHORISATION, register.adult_care)
    text = letter(case)
    assert "We have recorded your permission for the person you named" in text
    assert "Care needs assessments" in text
    assert "they will need to prove who they are" in text
