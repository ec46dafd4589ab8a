"""The Anyshire demo register is valid, complete enough to test every promise, and visibly fictional."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from pledge.law.bases import LawfulBasis
from pledge.law.rights import Right, applicable_rights
from pledge.register.yaml.validate import RegisterData, read_register

DEMO = settings.BASE_DIR / "demo" / "anyshire" / "register"
REAL_COUNCILS = re.compile(r"Hampshire|Havant|Hertfordshire|Buckinghamshire|Hantsweb", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo() -> RegisterData:
    data, problems = read_register(DEMO, today=date(2026, 11, 24))
    assert problems == []
    return data


def test_it_has_at_least_thirty_services(demo: RegisterData) -> None:
    assert len(demo.entities["services"]) >= 30


def test_it_has_the_separate_controllers_the_seed_notices_mention(demo: RegisterData) -> None:
    kinds = {c["kind"] for c in demo.entities["controllers"].values()}
    assert {"council", "councillor", "ero", "coroner"} <= kinds


def test_every_ico_registration_number_is_visibly_fictional(demo: RegisterData) -> None:
    for controller in demo.entities["controllers"].values():
        assert controller["ico_registration"].startswith("ZX")
        assert controller["ico_registration_fictional"] is True


def test_no_real_council_appears_in_the_demo() -> None:
    for path in Path(DEMO).rglob("*.yaml"):
        assert not REAL_COUNCILS.search(path.read_text(encoding="utf-8")), path


def test_garden_waste_is_on_contract_and_gets_portability(demo: RegisterData) -> None:
    garden = [a for a in demo.entities["activities"].values() if "garden" in a["slug"] and a["lawful_basis"] == "b"]
    assert garden
    assert Right.PORTABILITY in applicable_rights(
        basis=LawfulBasis.CONTRACT, automated_processing=garden[0]["automated_processing"]
    )


def test_every_purpose_the_seed_notices_list_has_an_activity(demo: RegisterData) -> None:
    text = " ".join(" ".join(a["purposes"]) + " " + a["name"] for a in demo.entities["activities"].values()).lower()
    for purpose in (
        "insight",
        "plan",
        "pay",
        "identity",
        "law",
        "complain",
        "legal claim",
        "staff",
        "quality",
        "research",
    ):
        assert purpose in text, purpose
