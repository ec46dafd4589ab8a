import pytest

from pledge.redaction.entities import EntityType as E
from pledge.redaction.tests.helpers import found

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        (E.NHS_NUMBER, "NHS number 943 476 5919 on file.", "943 476 5919"),
        (E.NHS_NUMBER, "nhs no. 9434765919", "9434765919"),
        (E.NI_NUMBER, "NI number AB 12 34 56 C given.", "AB 12 34 56 C"),
        (E.NI_NUMBER, "National Insurance AB123456 (no suffix).", "AB123456"),
        (E.POSTCODE, "Moved to AY3 4BD last year.", "AY3 4BD"),
        (E.POSTCODE, "Sent to HP19 8FF.", "HP19 8FF"),
        (E.VEHICLE_REGISTRATION, "A car registered ZB12 CDE was parked.", "ZB12 CDE"),
        (E.VEHICLE_REGISTRATION, "Van AB51 XYZ seen.", "AB51 XYZ"),
        (E.DRIVING_LICENCE, "Licence MORGA753116SM9IJ seen.", "MORGA753116SM9IJ"),
        (E.PASSPORT, "Passport number 123456789 checked.", "123456789"),
        (E.PHONE, "Call her on 07700 900123 today.", "07700 900123"),
        (E.PHONE, "Mobile +44 7700 900456.", "+44 7700 900456"),
        (E.PHONE, "Landline (01632) 960123.", "(01632) 960123"),
        (E.EMAIL, "Wrote to kevin.walsh@example.com.", "kevin.walsh@example.com"),
        (E.ADDRESS, "She lives at 14 Mill Lane, Testford now.", "14 Mill Lane, Testford"),
        (E.ADDRESS, "Flat 3, 22 Beech Close.", "Flat 3, 22 Beech Close"),
        (E.SORT_CODE, "Bank sort code 20-45-67 given.", "20-45-67"),
        (E.BANK_ACCOUNT, "Paid into account number 41607892.", "41607892"),
        (E.COUNCIL_REFERENCE, "Council tax account CT00012345 in arrears.", "CT00012345"),
        (E.COUNCIL_REFERENCE, "Social care client ASC0001234.", "ASC0001234"),
        (E.COUNCIL_REFERENCE, "Housing benefit claim HB0004567.", "HB0004567"),
        (E.DATE_OF_BIRTH, "DOB 03/04/1980.", "03/04/1980"),
        (E.DATE_OF_BIRTH, "She was born on 3 March 1980.", "3 March 1980"),
        (E.CARD_NUMBER, "Card 4111 1111 1111 1111 declined.", "4111 1111 1111 1111"),
    ],
)
def test_it_finds_each_identifier(entity, text, expected) -> None:
    assert expected in found(text, entity)


@pytest.mark.parametrize(
    ("entity", "text"),
    [
        (E.NHS_NUMBER, "NHS number 943 476 5918 on file."),  # fails Modulus 11
        (E.NI_NUMBER, "Ticket QQ 12 34 56 C."),  # Q is never an NI prefix letter
        (E.POSTCODE, "the words ab1 2cd in lower case"),
        (E.VEHICLE_REGISTRATION, "and 12 are in lower case ab12 cde"),
        (E.PASSPORT, "Order 123456789 dispatched."),  # nine digits without the word passport
        (E.PHONE, "Request RR-2026-000123 logged."),  # a case reference is not a phone number
        (E.PHONE, "Ticket 12345 and £1,234.56."),
        (E.ADDRESS, "The library on Station Road is open."),  # a street without a house number
        (E.SORT_CODE, "The meeting is on 12-03-26."),  # a date, no bank words
        (E.BANK_ACCOUNT, "Reference number 20240315 noted."),
        (E.COUNCIL_REFERENCE, "Request RR-2026-000123 and enquiry ENQ-000045."),
        (E.DATE_OF_BIRTH, "The review is on 03/04/2026."),  # a date, not a birth date
        (E.CARD_NUMBER, "Ticket 4111 1111 1111 1112."),  # fails Luhn
    ],
)
def test_it_leaves_lookalikes_alone(entity, text) -> None:
    assert found(text, entity) == []


def test_an_address_wins_over_the_given_name_inside_it() -> None:
    text = "She lives at 12 Victoria Road, Anytown."
    assert found(text, E.ADDRESS) == ["12 Victoria Road, Anytown"]
    assert found(text, E.PERSON) == []
