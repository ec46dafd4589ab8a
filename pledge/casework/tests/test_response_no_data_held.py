"""An access request whose searches all found nothing is answered "we do not hold personal information about
you" (promise P040); one search that found data gives the full Art 15 response."""

from datetime import date

import pytest

from pledge.casework.letters import LetterKind, letter_blocks
from pledge.casework.record_models import SearchState
from pledge.casework.scope import choose_scope
from pledge.casework.search_tasks import create_search_tasks_from_activities, record_search
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)


def _text(case) -> str:
    lines: list[str] = []
    for block in letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY):
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


@pytest.fixture
def case(today, caseworker):
    today(TODAY)
    register = build_register()
    case = make_case(received_on=date(2026, 11, 2), actor=caseworker)
    choose_scope(
        case=case, activities=[register.billing, register.support], team=register.council_tax, actor=caseworker
    )
    create_search_tasks_from_activities(case=case, actor=caseworker)
    return case


def _search_all(case, caseworker, *states: SearchState) -> None:
    for task, state in zip(case.search_tasks.order_by("id"), states, strict=True):
        record_search(
            task=task,
            state=state,
            note="" if state != SearchState.NOT_APPLICABLE else "Paper only",
            assignee=None,
            actor=caseworker,
        )


def test_it_says_no_personal_data_is_held_when_every_search_found_nothing(case, caseworker) -> None:
    tasks = case.search_tasks.count()
    _search_all(case, caseworker, *[SearchState.NOTHING_FOUND] * tasks)
    text = _text(case)
    assert "We do not hold personal information about you" in text
    assert "we do not hold any personal information about you" in text
    assert "Why we use it" not in text
    assert "Information Commissioner" in text


def test_one_search_that_found_data_gives_the_full_response(case, caseworker) -> None:
    tasks = case.search_tasks.count()
    _search_all(case, caseworker, SearchState.FOUND, *[SearchState.NOTHING_FOUND] * (tasks - 1))
    text = _text(case)
    assert "We confirm that we hold personal information about you" in text
    assert "We do not hold personal information about you" not in text


def test_searches_still_to_do_never_count_as_nothing_held(case) -> None:
    assert "We do not hold personal information about you" not in _text(case)
