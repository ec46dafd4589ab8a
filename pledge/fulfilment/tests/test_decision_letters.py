"""The response letter explains each objection decision (P058) and each reviewed automated decision: its logic,
the inputs used for the person, the original and the new decision with reasons (P063, P064)."""

from datetime import date

import pytest

from pledge.casework.letters import LetterKind, letter_blocks
from pledge.casework.models import CaseKind
from pledge.casework.response_letters import Outcome, default_outcome, recorded_outcome
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment.services import open_decision_review, record_objection_decision, record_review_decision
from pledge.fulfilment.tests.factories import make_case

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 10)


@pytest.fixture
def rows(today, db):
    today(TODAY)
    return build_register()


def text(case) -> str:
    lines: list[str] = []
    for block in letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY):
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


def test_the_objection_letter_explains_the_outcome_for_each_activity(rows, caseworker) -> None:
    case = make_case(
        kind=CaseKind.OBJECTION,
        received_on=date(2026, 12, 1),
        activities=("council-tax-support", "recycling-newsletter"),
    )
    record_objection_decision(
        case=case,
        activity=rows.newsletter,
        outcome="stopped",
        how_stopped="Removed from the mailing list",
        decided_on=date(2026, 12, 3),
        actor=caseworker,
    )
    record_objection_decision(
        case=case,
        activity=rows.support,
        outcome="carry_on",
        carry_on_ground="legal_claims",
        reasons="We are defending your appeal to the valuation tribunal.",
        decided_on=date(2026, 12, 9),
        actor=caseworker,
    )

    letter = text(case)
    assert f"{rows.newsletter.name}: we have stopped using your information for this, from 3 December 2026." in letter
    assert "An objection to direct marketing must always be followed (UK GDPR Article 21(3))." in letter
    assert f"{rows.support.name}: we will continue to use your information for this." in letter
    assert "we need the information to establish, exercise or defend legal claims (Art 21(1))" in letter
    assert "Our reasons are: We are defending your appeal to the valuation tribunal." in letter
    assert "Removed from the mailing list" not in letter  # how it was stopped is for staff
    assert recorded_outcome(case) == (Outcome.REFUSED, "We are defending your appeal to the valuation tribunal.")


def test_an_objection_upheld_everywhere_is_done(rows, caseworker) -> None:
    case = make_case(kind=CaseKind.OBJECTION, received_on=date(2026, 12, 1), activities=("council-tax-support",))
    record_objection_decision(
        case=case,
        activity=rows.support,
        outcome="stopped",
        how_stopped="CTS-1 flagged",
        decided_on=date(2026, 12, 9),
        actor=caseworker,
    )
    assert default_outcome(case) == Outcome.DONE
    assert "we have stopped using your information for this, from 9 December 2026" in text(case)


def test_the_review_letter_gives_the_logic_the_inputs_and_both_decisions(rows, caseworker) -> None:
    reviewer = User.objects.create_user(username="rhiannon", password=None, role=Role.IG_OFFICER)
    case = make_case(
        kind=CaseKind.AUTOMATED_DECISION_REVIEW, received_on=date(2026, 12, 1), activities=("council-tax-support",)
    )
    review = open_decision_review(
        case=case,
        activity=rows.support,
        original_decided_on=date(2026, 11, 20),
        original_outcome="Support reduced from £40 to £12 a month",
        original_inputs="Universal Credit award £1,200 a month from 1 November 2026",
        exception="b",
        exception_law="Council Tax Reduction Schemes Regulations 2012",
        reviewer=reviewer,
        actor=caseworker,
    )
    record_review_decision(
        review=review,
        result="stands",
        new_decision="Support stays at £12 a month",
        reasons="The award letter confirms the income.",
        decided_on=date(2026, 12, 9),
        actor=reviewer,
    )

    letter = text(case)
    assert rows.support.automated_decision_logic in letter
    assert "The decision made by computer on 20 November 2026 was: Support reduced from £40 to £12 a month" in letter
    assert "because the law requires or allows us to make it this way (Art 22(2)(b): Council Tax Reduction" in letter
    assert "Universal Credit award £1,200 a month from 1 November 2026" in letter
    assert "As a result of the review on 9 December 2026, the decision stands." in letter
    assert "The decision now is: Support stays at £12 a month" in letter
    assert "Our reasons are: The award letter confirms the income." in letter
    assert recorded_outcome(case) == (Outcome.REFUSED, "The award letter confirms the income.")
