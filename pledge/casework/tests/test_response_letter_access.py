"""The response to an access request: every Art 15(1)(a)-(h) item and Art 15(2), from the register; a partial
refusal when exemptions were recorded."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.letters import LetterKind, letter_applies, letter_blocks
from pledge.casework.models import CaseKind
from pledge.casework.response_letters import NO_ACTIVITIES, response_blocked
from pledge.casework.scope import choose_scope
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)


def _text(blocks) -> str:
    lines: list[str] = []
    for block in blocks:
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker, register):
    today(TODAY)
    case = make_case(received_on=date(2026, 11, 2), actor=caseworker)
    choose_scope(
        case=case,
        activities=[register.billing, register.support, register.adult_care],
        team=register.council_tax,
        actor=caseworker,
    )
    return case


def response(case) -> str:
    return _text(letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY))


def test_it_cannot_be_produced_until_activities_are_chosen(today, caseworker) -> None:
    today(TODAY)
    bare = make_case(received_on=date(2026, 11, 2), actor=caseworker)
    assert response_blocked(bare) == NO_ACTIVITIES
    assert not letter_applies(bare, LetterKind.RESPONSE)


def test_it_gives_the_purposes_art_15_1_a(case) -> None:
    text = response(case)
    assert "Why we use it: to bill and collect council tax; to recover unpaid council tax" in text
    assert "Why we use it: to work out council tax support" in text
    assert "Why we use it: to assess and meet care needs" in text


def test_it_gives_the_categories_including_special_category_data_art_15_1_b(case) -> None:
    text = response(case)
    assert "The kinds of information: name, address, council tax account number" in text
    assert "The kinds of information: name, care needs, health" in text


def test_it_names_recipients_including_processors_art_15_1_c(case) -> None:
    text = response(case)
    assert "Example Print Services Ltd (processor acting for us)" in text
    assert "Department for Work and Pensions (other public body)" in text
    assert "nobody outside the service" in text  # care assessments have no recipient in this register


def test_it_gives_the_retention_period_and_its_source_art_15_1_d(case) -> None:
    text = response(case)
    assert "How long we keep it: 6 years after the account is closed, then destroy (Limitation Act 1980 s.5)" in text
    assert "8 years after our last contact with you, then transfer to the archive" in text


def test_it_states_which_of_rectification_erasure_restriction_and_objection_apply_art_15_1_e(case) -> None:
    text = response(case)
    assert "Right to rectification: you have the right to ask us to correct information" in text
    assert "Right to restrict processing: you have the right" in text
    # Billing is a legal obligation: no erasure and no objection, each with its reason.
    assert "Right to erasure: this right does not apply here. Art 17(3)(b)" in text
    assert (
        "Right to object: this right does not apply here. Art 21(1) applies only to Art 6(1)(e), (ea) or (f)." in text
    )
    # Support is a public task: objection applies.
    assert "Right to object: you have the right to object to us using your information" in text


def test_it_states_the_right_to_complain_to_the_ico_with_its_details_art_15_1_f(case) -> None:
    text = response(case)
    assert "You have the right to complain to the Information Commissioner's Office (ICO)" in text
    assert "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF" in text
    assert "phone 0303 123 1113" in text
    assert "online at https://ico.org.uk/make-a-complaint/" in text
    assert "You have the right to complain to us first." in text  # after 19 June 2026 (DPA 2018 s.164A)


def test_it_gives_the_source_only_where_not_collected_from_the_person_art_15_1_g(case) -> None:
    text = response(case)
    assert "Where it comes from (not all of it came from you): you; Department for Work and Pensions" in text
    assert "Where it comes from (not all of it came from you): you; your GP" in text
    assert "Where it comes from: you gave it to us" in text  # billing


def test_it_describes_the_automated_decision_its_logic_and_consequences_art_15_1_h(case) -> None:
    text = response(case)
    assert "some decisions are made by computer without a person being involved" in text
    assert "recalculates your support from the published income bands and sends a new bill" in text
    assert "An assessor checks any change that would end your support." in text
    assert "we do not make decisions about you using only a computer, and do not profile you" in text


def test_it_gives_the_safeguard_for_a_transfer_outside_the_uk_art_15_2(case) -> None:
    text = response(case)
    assert "Sent outside the UK: Example Print Services Ltd, in India: protected by the International" in text


def test_it_refers_to_the_copy_on_the_portal_and_is_a_full_response_without_exemptions(case, settings) -> None:
    settings.PLEDGE_SITE_URL = "https://pledge.testshire.example/"
    text = response(case)
    assert "We are providing a copy of the personal information we hold about you through our secure online" in text
    portal = "https://pledge.testshire.example/your-rights/check-your-request/"
    assert f"go to {portal} and enter your reference {case.reference}" in text
    assert "The copy is not attached to this letter or to any email." in text
    assert "partial refusal" not in text
    assert "Information we have not given you" not in text


def test_with_exemptions_it_is_a_partial_refusal_listing_each_exemption(case, caseworker) -> None:
    services.record_exemption(
        case=case,
        code="CRIME_TAX",
        scope="Notes of an open council tax fraud investigation",
        reasoning="Disclosure would alert the subject to the investigation",
        on=TODAY,
        actor=caseworker,
    )
    services.record_exemption(
        case=case,
        code="LEGAL_PRIVILEGE",
        scope="Advice from our legal team",
        reasoning="Privileged advice about recovery proceedings",
        on=TODAY,
        actor=caseworker,
    )
    blocks = letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY)
    text = _text(blocks)
    assert {"type": "h2", "text": "Our response to your request (partial refusal)"} in blocks
    assert "This means we have partly refused your request." in text
    assert "Notes of an open council tax fraud investigation: crime and taxation (DPA 2018 Sch 2 para 2)" in text
    assert "Advice from our legal team: legal professional privilege (DPA 2018 Sch 2 para 19" in text
    # Art 12(4): the right to complain to the ICO and to a court.
    assert "complain to the Information Commissioner's Office (ICO)" in text
    assert "You also have the right to ask a court to enforce your rights (a judicial remedy)." in text
    assert "Disclosure would alert" not in text  # the internal reasoning stays on the case


def test_a_cctv_request_gets_the_access_response(today, caseworker, register) -> None:
    today(TODAY)
    case = services.open_request(
        kind=CaseKind.ACCESS_CCTV,
        channel="email",
        received_on=date(2026, 11, 2),
        requester_name="Ann Example",
        requester_email="ann@example.com",
        summary="Footage of me in the market square",
        actor=caseworker,
    )
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    assert "for CCTV or ANPR footage of you" in response(case)
