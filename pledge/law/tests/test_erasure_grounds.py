"""Art 17: an erasure outcome is complete only with a ground and reasons when a record is kept (Art 17(3))."""

import pytest

from pledge.law.erasure import KEEP_GROUNDS, ErasureResult, KeepGround, counts_as_erasure, erasure_problem


def test_every_art_17_3_exception_is_offered_with_its_point() -> None:
    assert {info.provision for info in KEEP_GROUNDS.values()} == {
        "Art 17(3)(a)",
        "Art 17(3)(b)",
        "Art 17(3)(c)",
        "Art 17(3)(d)",
        "Art 17(3)(e)",
    }
    assert KEEP_GROUNDS[KeepGround.LEGAL_CLAIMS].label == "Legal claims (Art 17(3)(e))"


@pytest.mark.parametrize("result", ["erased", "anonymised"])
def test_an_erased_or_anonymised_record_needs_nothing_more(result: str) -> None:
    assert erasure_problem(result=result, keep_ground="", reasons="") is None


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
    problem = erasure_problem(result=result, keep_ground=ground, reasons=reasons)
    assert problem is not None and problem[0] == field


def test_a_kept_record_with_ground_and_reasons_is_complete() -> None:
    assert erasure_problem(result="kept", keep_ground="archiving", reasons="Held by the county archive") is None


def test_only_erased_and_anonymised_records_count_as_an_erasure_for_art_19() -> None:
    assert [counts_as_erasure(r) for r in ErasureResult] == [True, True, False]
