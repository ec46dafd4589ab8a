"""The notice reads in plain English, with no consent-by-use wording, and states what Arts 13/14 require."""

import re

import pytest

from pledge.notices.generation import build_notice_document, load_ico_details
from pledge.notices.render import notice_blocks, notice_text
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, import_minimal, make_recipient, make_service_notice

pytestmark = pytest.mark.django_db

CONSENT_BY_USE = [
    r"by using (this|our) (site|website|service)",
    r"you (agree|consent) to",
    r"deemed to (have )?(agreed|consented|accepted)",
    r"by continuing",
    r"continued use",
    r"you accept (this|our) (notice|policy)",
]


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def notice():
    return make_service_notice(service=Service.objects.get(slug="council-tax"))


@pytest.fixture
def document(notice) -> dict:
    return build_notice_document(notice)


@pytest.mark.parametrize("pattern", CONSENT_BY_USE)
def test_it_has_no_by_using_this_site_you_agree_wording(document, pattern: str) -> None:
    assert re.search(pattern, notice_text(document), flags=re.IGNORECASE) is None


def test_it_starts_with_the_title(document) -> None:
    assert notice_text(document).startswith("# Privacy notice: Council tax\n")


def test_it_gives_the_dpos_contact_details(document) -> None:
    text = notice_text(document)

    assert "## Our Data Protection Officer" in text
    assert "- Email: dpo@testshire.example" in text
    assert "- Post: Town Hall, Test Street, Testshire AN9 9ZZ" in text


def test_it_gives_the_icos_details_and_complaint_route(document) -> None:
    ico = load_ico_details()

    text = notice_text(document)

    assert f"You can also complain to the {ico['name']}: {ico['address']}; phone {ico['phone']}." in text
    assert f"[Make a complaint to the ICO]({ico['complaints_url']})" in text
    assert "[How to complain to us](/how-to-complain/)" in text


def test_it_gives_the_controllers_ico_registration_marking_a_fictional_one(document) -> None:
    assert (
        "registration number with the Information Commissioner's Office is ZX999001 "
        "(a fictional number for this demonstration)." in notice_text(document)
    )


def test_it_states_how_long_each_use_keeps_the_information(document) -> None:
    text = notice_text(document)

    assert (
        text.count("How long we keep it: 6 years after the account is closed, then destroy (Limitation Act 1980 s.5).")
        == 2
    )


def test_it_states_the_lawful_basis_with_its_legislation(document) -> None:
    assert (
        "We are allowed to use it because the law requires us to "
        "(Art 6(1)(c) legal obligation; Local Government Finance Act 1992)." in notice_text(document)
    )


def test_it_lists_each_uses_rights_by_title(document) -> None:
    text = notice_text(document)
    garden = text[text.index("### Garden waste subscriptions") :]

    assert "- Right to data portability" in garden
    billing = text[text.index("### Billing and collecting council tax") : text.index("### Garden waste subscriptions")]
    assert "- Right to erasure" not in billing
    assert "- Right to data portability" not in billing


def test_it_names_transfers_abroad_and_their_safeguard(notice) -> None:
    host = make_recipient(
        slug="payments-platform", name="Payments Platform Inc", country="US", transfer_mechanism="adequacy"
    )
    ProcessingActivity.objects.get(slug="garden-waste-subscription").recipients.set([host])

    text = notice_text(build_notice_document(notice))

    assert "- Payments Platform Inc in the United States, protected by UK adequacy regulations" in text
    assert "Ask our Data Protection Officer for a copy of the safeguards." in text


def test_it_says_how_to_withdraw_consent_only_when_consent_is_relied_on(notice, document) -> None:
    assert "withdraw it at any time" not in notice_text(document)

    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(
        lawful_basis="a", consent_withdrawal_route="use the link in any email"
    )

    assert "Where we rely on your consent you can withdraw it at any time" in notice_text(build_notice_document(notice))


def test_every_block_has_a_known_type(document) -> None:
    assert {block["type"] for block in notice_blocks(document)} <= {"h2", "h3", "p", "ul", "link", "anchor"}


def test_it_puts_the_sections_in_reading_order(document) -> None:
    headings = [b["text"] for b in notice_blocks(document) if b["type"] == "h2"]

    assert headings == [
        "Who we are",
        "Our Data Protection Officer",
        "What this notice covers",
        "How we use your information",
        "Your rights",
        "How to complain",
        "Links to other websites",
        "Changes to this notice",
    ]
