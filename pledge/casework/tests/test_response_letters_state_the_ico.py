"""Promise P124 for rights requests: every response and refusal letter states the ICO route with current details."""

from pathlib import Path

import pytest
from django.template import Context, Engine

from pledge.casework.models import CaseKind
from pledge.notices.generation import load_ico_details

LETTERS = Path(__file__).resolve().parent.parent / "templates" / "casework" / "letters"


@pytest.mark.parametrize("kind", list(CaseKind))
def test_every_response_letter_includes_the_complaint_rights(kind) -> None:
    template = CaseKind.ACCESS if kind == CaseKind.ACCESS_CCTV else kind  # footage is answered like any access
    text = (LETTERS / "response" / f"{template.value}.txt").read_text()
    assert '{% include "casework/letters/_complaint_rights.txt" %}' in text


def test_the_refusal_letter_gives_the_ico_route() -> None:
    text = (LETTERS / "refusal.txt").read_text()
    assert "{{ ico.complaints_url }}" in text and "{{ ico.phone }}" in text


def test_the_complaint_rights_give_the_ico_details_from_central_data() -> None:
    ico = load_ico_details()
    template = Engine.get_default().get_template("casework/letters/_complaint_rights.txt")
    text = template.render(Context({"ico": ico, "council": {"complaints": "", "dpo_email": ""}}))
    for detail in (ico["name"], ico["address"], ico["phone"], ico["complaints_url"]):
        assert detail in text
