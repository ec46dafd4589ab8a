import pytest

from pledge.redaction.entities import EntityType as E
from pledge.redaction.tests.helpers import found

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spoke to Mrs Okonkwo about the rent.", "Mrs Okonkwo"),  # a title before a name in no list
        ("Dr A. Kowalczyk wrote in.", "Dr A. Kowalczyk"),
        ("Her neighbour Zofia Nowicki complained.", "Zofia Nowicki"),  # a relationship word before
        ("Tadhg Bergstrom (lodger) pays rent.", "Tadhg Bergstrom"),  # a relationship word after
        ("Kevin Walsh came to the door.", "Kevin Walsh"),  # a known given name and family name
        ("Later Kevin said no.", "Kevin"),  # a known given name alone
    ],
)
def test_it_finds_names(text, expected) -> None:
    assert expected in found(text, E.PERSON)


def test_it_finds_later_mentions_of_a_name_first_given_in_full() -> None:
    text = "Her lodger Siobhan Quigley moved in. Quigley pays weekly; Siobhan works nights."
    assert found(text, E.PERSON) == ["Siobhan Quigley", "Quigley", "Siobhan"]


@pytest.mark.parametrize(
    "text",
    [
        "Appointment at Florence Nightingale Ward next week.",
        "The family hub is in the Thomas Hardy Room.",
        "Prescription collected from St Mary's Surgery.",
        "Parking is available on Victoria Road.",
        "Will call back after the June review.",
        "Housing panel met at Testford Town Hall in Anytown.",
        "Referred to Anyshire Council and Citizens Advice.",
    ],
)
def test_it_does_not_take_places_months_or_verbs_for_names(text) -> None:
    assert found(text, E.PERSON) == []
