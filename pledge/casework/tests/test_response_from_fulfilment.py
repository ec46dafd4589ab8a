"""The response reads what fulfilment recorded: a correction or a disagreement, erasure outcomes with their
Art 17(3) grounds, restrictions; staff's reasons default to the reasons recorded there."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.letters import LetterKind, letter_blocks
from pledge.casework.models import CaseKind
from pledge.casework.response_letters import Outcome, default_outcome
from pledge.casework.scope import choose_scope
from pledge.casework.sending import record_letter_posted
from pledge.casework.tests.register_rows import build_register
from pledge.fulfilment import services as fulfilment
from pledge.register.models import System

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def system(db):
    return System.objects.create(slug="revenues", name="Revenues system")


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


def text(case) -> str:
    lines: list[str] = []
    for block in letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY):
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


def test_a_recorded_disagreement_makes_the_rectification_response_a_refusal_with_its_reasons(
    open_case, register, system, caseworker
) -> None:
    case = open_case(CaseKind.RECTIFICATION, register.support)
    fulfilment.record_disagreement(
        case=case,
        reasons="The income figure matches the DWP notice.",
        statement="I earned less than that.",
        system=system,
        record_reference="CT-1",
        decided_on=TODAY,
        actor=caseworker,
    )
    assert default_outcome(case) == Outcome.REFUSED
    letter = text(case)
    assert "We have not corrected the information." in letter
    assert "The income figure matches the DWP notice." in letter
    sent = record_letter_posted(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert "The income figure matches the DWP notice." in sent.letter.body


def test_a_recorded_correction_makes_it_done(open_case, register, system, caseworker) -> None:
    case = open_case(CaseKind.RECTIFICATION, register.support)
    fulfilment.record_correction(
        case=case,
        system=system,
        record_reference="CT-1",
        was="12 Hgh St",
        now="12 High St",
        corrected_on=TODAY,
        actor=caseworker,
    )
    assert default_outcome(case) == Outcome.DONE
    assert "We have corrected the information" in text(case)


def test_records_kept_after_an_erasure_request_are_listed_with_their_ground(
    open_case, register, system, caseworker
) -> None:
    case = open_case(CaseKind.ERASURE, register.newsletter)
    fulfilment.record_erasure_outcome(
        case=case,
        system=system,
        record_reference="N-1",
        result="erased",
        erase_ground="consent_withdrawn",
        done_on=TODAY,
        actor=caseworker,
    )
    fulfilment.record_erasure_outcome(
        case=case,
        system=system,
        record_reference="N-2",
        result="kept",
        keep_ground="legal_claims",
        reasons="Your complaint about a missed collection is still open.",
        done_on=TODAY,
        actor=caseworker,
    )
    assert default_outcome(case) == Outcome.DONE
    letter = text(case)
    assert "We have deleted the information, as you asked" in letter
    kept = "Revenues system: kept under Legal claims (Art 17(3)(e)). Your complaint about a missed collection is"
    assert f"{kept} still open." in letter


def test_every_record_kept_makes_the_erasure_response_a_refusal(open_case, register, system, caseworker) -> None:
    case = open_case(CaseKind.ERASURE, register.newsletter)
    fulfilment.record_erasure_outcome(
        case=case,
        system=system,
        record_reference="N-2",
        result="kept",
        keep_ground="legal_claims",
        reasons="Your claim is in court.",
        done_on=TODAY,
        actor=caseworker,
    )
    assert default_outcome(case) == Outcome.REFUSED
    assert "We have not deleted the information." in text(case)
