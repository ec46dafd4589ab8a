"""Art 17: an erased record names its Art 17(1) ground (P052); a kept one its Art 17(3) ground and reasons."""

import pytest

from pledge.law.erasure import (
    ERASURE_GROUNDS,
    KEEP_GROUNDS,
    ErasureGround,
    ErasureResult,
    KeepGround,
    counts_as_erasure,
    erasure_problem,
)


def test_every_art_17_3_exception_is_offered_with_its_point() -> None:
    assert {info.provision for info in KEEP_GROUNDS.values()} == {
        "Art 17(3)(a)",
        "Art 17(3)(b)",
        "Art 17(3)(c)",
        "Art 17(3)(d)",
        "Art 17(3)(e)",
    }
    assert KEEP_GROUNDS[KeepGround.LEGAL_CLAIMS].label == "Legal claims (Art 17(3)(e))"


def test_every_art_17_1_ground_is_offered_with_its_point() -> None:
    assert [info.provision for info in ERASURE_GROUNDS.values()] == [f"Art 17(1)({p})" for p in "abcdef"]
    assert ERASURE_GROUNDS[ErasureGround.CONSENT_WITHDRAWN].label == "Consent withdrawn (Art 17(1)(b))"


@pytest.mark.parametrize("result", ["erased", "anonymised"])
def test_an_erased_or_anonymised_record_needs_only_its_art_17_1_ground(result: str) -> None:
    assert erasure_problem(result=result, keep_ground="", reasons="", erase_ground="no_longer_needed") is None


@pytest.mark.parametrize("result", ["erased", "anonymised"])
def test_with_no_art_17_1_ground_a_record_can_only_be_kept_with_reasons(result: str) -> None:
    problem = erasure_problem(result=result, keep_ground="", reasons="")
    assert problem is not None and problem[0] == "erase_ground"
    assert "can only be kept with reasons" in problem[1]
    assert erasure_problem(result="kept", keep_ground="legal_claims", reasons="A claim is open") is None


def test_an_unknown_art_17_1_ground_is_refused() -> None:
    problem = erasure_problem(result="erased", keep_ground="", reasons="", erase_ground="we-felt-like-it")
    assert problem == ("erase_ground", "Select the Art 17(1) ground from the list")


def test_a_kept_record_may_name_the_art_17_1_ground_its_exception_overrides() -> None:
    problem = erasure_problem(result="kept", keep_ground="legal_claims", reasons="Claim", erase_ground="legal_duty")
    assert problem is None


@pytest.mark.parametrize(
    ("result", "ground", "reasons", "field"),
    [
        ("kept", "", "", "keep_ground"),
        ("kept", "because-we-want-to", "x", "keep_ground"),
        ("kept", "public_task", "  ", "reasons"),
        ("erased", "public_task", "", "keep_ground"),
        ("lost", "", "", "result"),
    ],
)
def test_it_names_the_field_that_is_missing_or_wrong(result: str, ground: str, reasons: str, field: str) -> None:
    problem = erasure_problem(result=result, keep_ground=ground, reasons=reasons, erase_ground="no_longer_needed")
    assert problem is not None and problem[0] == field


def test_a_kept_record_with_ground_and_reasons_is_complete() -> None:
    assert erasure_problem(result="kept", keep_ground="archiving", reasons="Held by the county archive") is None


def test_only_erased_and_anonymised_records_count_as_an_erasure_for_art_19() -> None:
    assert [counts_as_erasure(r) for r in ErasureResult] == [True, True, False]
