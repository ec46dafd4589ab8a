"""The recogniser that marks passages naming other people: titles, relations, name pairs, never the requester."""

from pledge.fulfilment.package_names import other_people, withhold

ME = ["Zebedee Unusualname", "UNUSUALNAME, Zeb"]


def names(text: str) -> list[tuple[str, ...]]:
    return [p.names for p in other_people(text, requester_names=ME)]


def test_it_finds_a_titled_name_even_with_an_initial() -> None:
    assert names("Dr A. Jones agreed the plan.") == [("Dr A. Jones",)]


def test_it_finds_a_relation_and_a_name() -> None:
    assert names("Zebedee said his son Jack would help.") == [("Jack",)]
    assert names("Neighbour Leo Johnson calls in most days.") == [("Leo Johnson",)]


def test_it_finds_two_capitalised_words_that_read_as_a_name() -> None:
    assert names("Home visit. Amy McDonald and Sean O'Brien were present.") == [("Amy McDonald", "Sean O'Brien")]


def test_it_leaves_out_the_requester_in_any_of_their_spellings() -> None:
    assert names("Zebedee Unusualname phoned. Mr Unusualname was fine. Z. Unusualname signed. Zeb Unusualname.") == []


def test_it_does_not_take_places_and_services_for_people() -> None:
    assert names("Anyshire Council sent a Social Worker from Adult Social Care on Monday.") == []


def test_it_marks_the_whole_sentence_with_offsets_into_the_text() -> None:
    text = "First line. His neighbour Amy Brown pays it. Last line."
    [passage] = other_people(text, requester_names=ME)
    assert text[passage.start : passage.end] == "His neighbour Amy Brown pays it."


def test_withholding_replaces_each_span_and_keeps_the_rest() -> None:
    text = "Keep this. Drop that. Keep too. Drop more."
    assert withhold(text, [(11, 21), (32, 42)], marker="[x]") == "Keep this. [x] Keep too. [x]"
