"""A person's disclosures, for their access response and for Art 19 notices (P054, P112)."""

from datetime import date

import pytest

from pledge.casework.tests.factories import EMAIL, make_case
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.people import recipient_line
from pledge.disclosures.telling import decide_not_to_tell
from pledge.disclosures.tests.conftest import police_details

pytestmark = pytest.mark.django_db


def test_an_approved_disclosure_is_found_by_the_persons_email(approved) -> None:
    from pledge.disclosures.tests.conftest import PERSON_EMAIL

    assert services.disclosures_for(identifiers=[PERSON_EMAIL]) == [approved]
    assert services.disclosures_for(identifiers=["someone.else@anyshire.example"]) == []


def test_an_entry_awaiting_approval_or_refused_is_not_a_disclosure(logged, person) -> None:
    assert services.disclosures_for(subject_ids=[person]) == []


def test_a_disclosure_is_found_by_its_case(police, staff) -> None:
    case = make_case(received_on=date(2026, 11, 30))
    entry = services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(police, case=case))
    services.approve_disclosure(disclosure=entry, actor=staff(Role.DPO))
    assert [d.pk for d in services.disclosures_for(case=case)] == [entry.pk]
    assert services.subject_ids_for([EMAIL, "not an address"]) == sorted(services.subject_ids_for([EMAIL]))


def test_a_not_safe_to_tell_disclosure_is_left_out_of_the_access_response(approved, person, staff) -> None:
    decide_not_to_tell(disclosure=approved, actor=staff(Role.DPO), reasons="Live", review_on=date(2027, 3, 1))
    assert services.disclosures_for(subject_ids=[person]) == []
    rows = services.recipients_for_notification(subject_ids=[person])
    assert [(r.name, r.references) for r in rows] == [("Anyshire Constabulary", (approved.reference,))]


def test_an_approved_amendment_replaces_the_original(approved, person, staff) -> None:
    details = services.details_of(approved)
    details.data_items = ["Current address"]
    amendment = services.amend_disclosure(original=approved, actor=staff(Role.CASEWORKER), details=details, reason="x")
    assert services.disclosures_for(subject_ids=[person]) == [approved]
    services.approve_disclosure(disclosure=amendment, actor=staff(Role.DPO))
    assert [d.pk for d in services.disclosures_for(subject_ids=[person])] == [amendment.pk]


def test_each_recipient_is_listed_once_for_art_19(approved, police, person, staff) -> None:
    second = services.log_disclosure(
        actor=staff(Role.CASEWORKER), details=police_details(police, subject_ids=[person], purpose="A second request")
    )
    services.approve_disclosure(disclosure=second, actor=staff(Role.DPO))
    named = services.log_disclosure(
        actor=staff(Role.CASEWORKER),
        details=police_details(None, recipient_name="British Transport Police", subject_ids=[person]),
    )
    services.approve_disclosure(disclosure=named, actor=staff(Role.DPO))
    rows = services.recipients_for_notification(subject_ids=[person])
    assert [(r.name, r.recipient_id, len(r.references)) for r in rows] == [
        ("Anyshire Constabulary", police.pk, 2),
        ("British Transport Police", None, 1),
    ]


def test_the_access_response_line_says_to_whom_when_what_and_why(approved) -> None:
    line = recipient_line(approved)
    assert line.startswith("Anyshire Constabulary, on 2 December 2026: Current address")
    assert "Tracing a suspect" in line
