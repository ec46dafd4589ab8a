"""Art 19: the recipients to tell come from the register (the case's activities), each once, with their kind."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.fulfilment.services import recipients_line, recipients_to_tell, record_recipient_notice
from pledge.fulfilment.tests.factories import make_case, make_restriction
from pledge.register.models import ProcessingActivity, Recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, register):
    today(date(2026, 12, 10))
    # Both activities share with the mailing house: it must be listed once.
    ProcessingActivity.objects.get(slug="garden-waste-subscription").recipients.add(
        Recipient.objects.get(slug="mailing-house")
    )
    return make_case(
        kind=CaseKind.RESTRICTION,
        received_on=date(2026, 12, 1),
        activities=("council-tax-billing", "garden-waste-subscription"),
    )


def test_it_lists_each_recipient_of_the_cases_activities_once_with_its_kind(case) -> None:
    rows = recipients_to_tell(case=case)

    assert [(row.recipient.slug, row.kind, row.untold) for row in rows] == [
        ("dwp", "Other public body", True),
        ("mailing-house", "Processor acting for us", True),
    ]


def test_a_case_without_activities_has_no_recipients(today, register) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1), activities=())

    assert recipients_to_tell(case=case) == []
    assert recipients_line(case=case).startswith("We have not disclosed the information concerned to anyone else")


def test_the_letter_line_names_the_recipients_told_and_those_excused(case, revenues, caseworker) -> None:
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    assert recipients_line(case=case) == (
        "We shared the information concerned with Department for Work and Pensions and Example Mailing Ltd, "
        "and we are telling them about this."
    )

    record_recipient_notice(
        case=case,
        recipient=Recipient.objects.get(slug="dwp"),
        outcome="disproportionate",
        reasons="The DWP's copy came from a 2009 bulk match",
        actor=caseworker,
    )

    assert recipients_line(case=case) == (
        "We shared the information concerned with Example Mailing Ltd, and we are telling them about this. "
        "We also shared it with Department for Work and Pensions, but did not tell them because it proved "
        "impossible or would involve disproportionate effort."
    )
    record_recipient_notice(
        case=case,
        recipient=Recipient.objects.get(slug="mailing-house"),
        outcome="told",
        told_on=date(2026, 12, 3),
        method="email",
        actor=caseworker,
    )
    assert recipients_line(case=case).startswith(
        "We shared the information concerned with Example Mailing Ltd, and we have told them about this."
    )
    assert [row.untold for row in recipients_to_tell(case=case)] == [False, False]
