"""The pure rules: the preference cookie format, Schedule A1 exceptions by configuration and date, and the checks
the cookie scan makes on values and expiries."""

from datetime import date

import pytest

from pledge.cookies.rules import (
    Choice,
    Exemption,
    exemption_applies,
    expiry_differs,
    format_choice,
    needs_opt_out,
    parse_choice,
    personal_data_in,
)

ON = frozenset({"duaa_statistical"})
AFTER = date(2026, 3, 1)


def test_a_choice_round_trips_through_the_cookie_value() -> None:
    choice = Choice(version=3, consent_id="AbCdEfGhIjKlMnOpQrStUv", answers={"analytics": True, "embedded": False})
    assert format_choice(choice) == "v:3|id:AbCdEfGhIjKlMnOpQrStUv|analytics:yes|embedded:no"
    assert parse_choice(format_choice(choice)) == choice


@pytest.mark.parametrize("raw", ["", "garbage", "v:x|id:AbCdEfGhIjKlMnOpQrStUv", "v:1|id:short", "v:1"])
def test_a_malformed_cookie_counts_as_no_choice(raw) -> None:
    assert parse_choice(raw) is None


def test_answers_for_an_old_version_are_dropped_when_answering_the_new_one() -> None:
    old = Choice(version=1, consent_id="AbCdEfGhIjKlMnOpQrStUv", answers={"analytics": True, "embedded": True})
    assert old.with_answers(2, analytics=False).answers == {"analytics": False}


def test_pre_duaa_exceptions_always_apply_and_consent_never_is_an_exception() -> None:
    assert exemption_applies(Exemption.STRICTLY_NECESSARY, enabled=frozenset(), today=date(2025, 1, 1))
    assert not exemption_applies(Exemption.NONE, enabled=ON, today=AFTER)


def test_duaa_exceptions_need_configuration_and_commencement() -> None:
    assert not exemption_applies(Exemption.DUAA_STATISTICAL, enabled=frozenset(), today=AFTER)
    assert not exemption_applies(Exemption.DUAA_STATISTICAL, enabled=ON, today=date(2026, 2, 4))
    assert exemption_applies(Exemption.DUAA_STATISTICAL, enabled=ON, today=date(2026, 2, 5))
    assert needs_opt_out(Exemption.DUAA_STATISTICAL, enabled=ON, today=AFTER)
    assert not needs_opt_out(Exemption.DUAA_EMERGENCY, enabled=frozenset({"duaa_emergency"}), today=AFTER)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("jo.bloggs%40example.com", "email"),
        ("07700 900123", "phone"),
        ("SAR-2026-0042", "case reference"),
        ("Jo+Bloggs", "name"),
    ],
)
def test_personal_data_in_a_value_is_spotted(value, kind) -> None:
    assert kind in personal_data_in(value)


@pytest.mark.parametrize("value", ["v:3|id:AbCdEfGhIjKlMnOpQrStUv|analytics:yes", "GA1.1.1234567.1700000000", "x7Gq"])
def test_ids_and_choices_are_not_taken_for_personal_data(value) -> None:
    assert personal_data_in(value) == []


def test_an_expiry_differs_beyond_a_minute_or_one_percent() -> None:
    assert not expiry_differs(declared_seconds=31536000, actual_seconds=31535990)
    assert expiry_differs(declared_seconds=31536000, actual_seconds=63072000)
    assert expiry_differs(declared_seconds=None, actual_seconds=3600)
    assert expiry_differs(declared_seconds=3600, actual_seconds=None)
    assert not expiry_differs(declared_seconds=None, actual_seconds=None)
