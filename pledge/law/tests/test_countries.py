"""Country codes from the register become the names residents read."""

from pledge.law.countries import _names, country_name


def test_it_names_the_countries_a_council_commonly_sends_data_to() -> None:
    assert country_name("US") == "the United States"
    assert country_name("in") == "India"
    assert country_name("GB") == "the United Kingdom"
    assert country_name("KR") == "South Korea"


def test_an_unknown_code_is_shown_as_given() -> None:
    assert country_name("XZ") == "XZ"


def test_every_iso_code_is_two_capital_letters_with_a_name() -> None:
    names = _names()
    assert len(names) >= 249
    assert all(len(code) == 2 and code.isupper() and name.strip() for code, name in names.items())
