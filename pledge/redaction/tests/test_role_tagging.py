import pytest

from pledge.redaction.entities import EntityType as E
from pledge.redaction.entities import PersonRole as R
from pledge.redaction.tests.helpers import context, proposals, roles

pytestmark = pytest.mark.db_independent


def test_the_requester_is_found_by_any_of_their_names_and_never_proposed_for_redaction() -> None:
    case = context(names=("Elizabeth Smith", "Liz Smith"), titles=("Mrs",))
    text = "Mrs Smith called. Liz said Elizabeth Smith is her full name."
    found = proposals(text, within=case)
    assert {p.text_in(text): p.role for p in found} == {
        "Mrs Smith": R.REQUESTER,
        "Liz": R.REQUESTER,
        "Elizabeth Smith": R.REQUESTER,
    }
    assert not any(p.redact for p in found)


def test_a_relative_with_the_requesters_family_name_is_a_third_party() -> None:
    case = context(names=("Jane Smith",), titles=("Mrs",))
    tagged = roles("Mrs Smith said her son Liam Smith and Mr Smith visit.", within=case)
    assert tagged["Mrs Smith"] == R.REQUESTER
    assert tagged["Liam Smith"] == R.THIRD_PARTY
    assert tagged["Mr Smith"] == R.THIRD_PARTY


def test_a_family_name_alone_shared_with_someone_else_is_redacted_when_no_title_tells_them_apart() -> None:
    case = context(names=("Jane Smith",))
    text = "Her brother Paul Smith called. Smith was upset."
    tagged = roles(text, within=case)
    assert tagged["Paul Smith"] == R.THIRD_PARTY
    assert tagged["Smith"] == R.THIRD_PARTY


def test_staff_in_the_directory_are_tagged_and_not_redacted_by_default() -> None:
    case = context(staff=("Helen Carewell",))
    found = proposals("Helen Carewell visited Mrs Smith's neighbour Kevin Walsh.", within=case)
    staff = [p for p in found if p.role == R.STAFF]
    assert [p.redact for p in staff] == [False]


def test_staff_can_be_redacted_when_the_context_says_so() -> None:
    case = context(staff=("Helen Carewell",), redact_staff=True)
    found = proposals("Helen Carewell visited.", within=case)
    assert [(p.role, p.redact) for p in found] == [(R.STAFF, True)]


def test_identifiers_in_the_requesters_records_are_theirs_in_any_format() -> None:
    case = context(identifiers=("07700 900123", "AY3 4BD", "9434765919", "CT00001234", "1980-04-03"))
    text = "Phone +44 7700 900123, postcode AY34BD, NHS 943 476 5919, account CT00001234, DOB 03/04/1980."
    found = proposals(text, within=case)
    assert {p.entity for p in found} >= {E.PHONE, E.POSTCODE, E.NHS_NUMBER, E.COUNCIL_REFERENCE, E.DATE_OF_BIRTH}
    assert all(p.role == R.REQUESTER and not p.redact for p in found)


def test_someone_elses_identifiers_are_proposed_for_redaction() -> None:
    case = context(identifiers=("07700 900123",))
    found = proposals("Her neighbour's mobile is 07700 900999.", within=case)
    assert [(p.entity, p.role, p.redact) for p in found] == [(E.PHONE, R.THIRD_PARTY, True)]


def test_a_council_email_address_is_staff() -> None:
    found = proposals("Copy to housing@anyshire.gov.uk.", within=context())
    assert [(p.entity, p.role, p.redact) for p in found] == [(E.EMAIL, R.STAFF, False)]


def test_every_proposal_says_why() -> None:
    found = proposals("Her neighbour Kevin Walsh rang from 07700 900999.", within=context())
    assert all(p.reason for p in found)
    assert "not the requester" in found[0].reason
