"""Identifiers normalised the way council systems need (issue 5; P072 NHS numbers, P076 phone numbers)."""

from pledge.discovery.matching.names import Nicknames, parse_name, soundex
from pledge.discovery.matching.normalise import (
    normalise_date,
    normalise_email,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_phone,
    normalise_postcode,
    parse_address,
    swapped_date,
)


def test_it_reads_a_name_in_any_order_council_systems_write_it():
    assert parse_name(full="SMITH, Robert J").given == ("robert", "j")
    assert parse_name(full="SMITH, Robert J").family == "smith"
    assert parse_name(full="Smith Robert J").family == "smith"
    assert parse_name(full="SMITH Robert").family == "smith"
    assert parse_name(full="Mr R. Smith").given == ("r",)
    assert parse_name(full="Dr Mary Anne Jones").family == "jones"


def test_it_reads_a_family_as_a_family_name_without_a_given_name():
    assert parse_name(full="The Baker family") == parse_name(family="Baker")


def test_it_marks_a_two_word_name_without_clues_as_either_order():
    assert parse_name(full="Smith Robert").order_known is False
    assert parse_name(full="R Smith").order_known is True


def test_it_writes_mc_and_mac_and_apostrophes_the_same_way():
    assert parse_name(given="Ann", family="McDonald").family == parse_name(given="Ann", family="Mac Donald").family
    assert parse_name(given="Sean", family="O'Brien").family == "obrien"
    assert parse_name(given="Jo", family="Smith-Jones").family == "smithjones"


def test_it_codes_names_that_sound_alike_the_same():
    assert soundex("Smith") == soundex("Smyth") == "S530"
    assert soundex("Ashcraft") == "A261"


def test_it_knows_nicknames_from_the_file():
    nicknames = Nicknames([("Robert", "Bob"), ("Robert", "Rob"), ("Margaret", "Peggy")])
    assert nicknames.related("bob", "robert") == "robert"
    assert nicknames.related("bob", "rob") == "robert"
    assert nicknames.related("peggy", "margaret") == "margaret"
    assert nicknames.related("bob", "margaret") == ""
    assert nicknames.initials("peggy") == {"p", "m"}


def test_the_shipped_nicknames_file_has_bob_and_peggy():
    nicknames = Nicknames.load()
    assert nicknames.related("bob", "robert")
    assert nicknames.related("peggy", "margaret")


def test_it_reads_dates_of_birth_as_uk_systems_write_them():
    assert normalise_date("1980-02-03") == "1980-02-03"
    assert normalise_date("03/02/1980") == "1980-02-03"
    assert normalise_date("3-Feb-1980") == "1980-02-03"
    assert normalise_date("03 February 1980") == "1980-02-03"
    assert normalise_date("19800203") == "1980-02-03"
    assert normalise_date("31/02/1980") == ""
    assert normalise_date("unknown") == ""


def test_it_swaps_day_and_month_only_when_that_is_a_date():
    assert swapped_date("1980-02-03") == "1980-03-02"
    assert swapped_date("1980-02-28") == ""
    assert swapped_date("1980-05-05") == ""


def test_it_lower_cases_emails_and_drops_dots_only_for_gmail():
    assert normalise_email(" J.Smith@Example.COM ") == "j.smith@example.com"
    assert normalise_email("J.Smith+council@googlemail.com") == "jsmith@gmail.com"
    assert normalise_email("not an email") == ""


def test_it_writes_every_phone_number_in_e164_so_a_local_number_finds_an_international_one():
    assert normalise_phone("01296 395000") == "+441296395000"
    assert normalise_phone("+44 (0)1296 395000") == "+441296395000"
    assert normalise_phone("0044 1296 395000") == "+441296395000"
    assert normalise_phone("07700 900123") == "+447700900123"
    assert normalise_phone("n/a") == ""


def test_it_writes_postcodes_in_standard_form():
    assert normalise_postcode("hp198ff") == "HP19 8FF"
    assert normalise_postcode("SW1A  1AA") == "SW1A 1AA"
    assert normalise_postcode("12345") == ""


def test_it_reads_house_and_flat_numbers_from_an_address():
    address = parse_address("Flat 2, 14 Mill Lane, Aylesbury HP19 8FF")
    assert (address.number, address.flat, address.postcode) == ("14", "2", "HP19 8FF")
    assert address.street[:2] == ("mill", "lane")
    assert parse_address("3/12 High St").flat == "3"
    assert parse_address("3/12 High St").number == "12"
    assert parse_address("12 High St").street == ("high", "street")


def test_it_accepts_an_nhs_number_only_with_a_correct_modulus_11_check_digit():
    assert normalise_nhs_number("943 476 5919") == "9434765919"
    assert normalise_nhs_number("9434765918") == ""
    assert normalise_nhs_number("12345") == ""


def test_it_writes_ni_numbers_without_spaces_or_suffix():
    assert normalise_ni_number("qq 12 34 56 c") == "QQ123456"
    assert normalise_ni_number("12345678") == ""
