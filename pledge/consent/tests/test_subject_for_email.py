"""People are named in the ledger by a keyed hash of their address, never by the address."""

import pytest

from pledge.consent.services import ConsentRefused, subject_for_email


def test_the_same_address_gives_the_same_subject_whatever_its_case_or_spaces():
    assert subject_for_email(" Ada.Fictional@Example.com ") == subject_for_email("ada.fictional@example.com")


def test_the_subject_does_not_contain_the_address():
    subject = subject_for_email("ada.fictional@example.com")
    assert subject.startswith("em_") and "ada" not in subject and len(subject) == 67


def test_it_depends_on_the_installations_secret_key(settings):
    before = subject_for_email("ada.fictional@example.com")
    settings.SECRET_KEY = "another-installation"
    assert subject_for_email("ada.fictional@example.com") != before


def test_it_refuses_something_that_is_not_an_address():
    with pytest.raises(ConsentRefused, match="correct format"):
        subject_for_email("not an address")
