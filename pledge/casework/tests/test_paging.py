"""Which page links the dashboard's pagination shows, and that they keep the filters."""

import pytest

from pledge.casework.paging import page_href, page_numbers, pagination


@pytest.mark.parametrize(
    ("current", "last", "shown"),
    [
        (1, 1, []),
        (1, 0, []),
        (1, 2, [1, 2]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, None, 10]),
        (5, 10, [1, None, 4, 5, 6, None, 10]),
        (3, 10, [1, 2, 3, 4, None, 10]),  # a gap of one page shows the page
        (10, 10, [1, None, 9, 10]),
        (2000, 2000, [1, None, 1999, 2000]),
        (99, 10, [1, None, 9, 10]),  # past the end: treated as the last page
    ],
)
def test_it_shows_the_first_last_and_neighbouring_pages(current: int, last: int, shown: list[int | None]) -> None:
    assert page_numbers(current=current, last=last) == shown


def test_page_links_keep_the_filters_and_drop_empty_ones() -> None:
    query = {"state": "in_progress", "team": "", "page": "3"}
    assert page_href(query, 4) == "?state=in_progress&page=4"
    assert page_href(query, 1) == "?state=in_progress"
    assert page_href({}, 1) == "?"


def test_the_component_parameters_mark_the_current_page() -> None:
    params = pagination({"kind": "access"}, current=2, last=3)
    assert params["previous_href"] == "?kind=access"
    assert params["next_href"] == "?kind=access&page=3"
    assert [(i["number"], i["current"]) for i in params["items"]] == [(1, False), (2, True), (3, False)]


def test_there_is_no_previous_link_on_the_first_page_nor_next_on_the_last() -> None:
    first, last = pagination({}, current=1, last=2), pagination({}, current=2, last=2)
    assert (first["previous_href"], last["next_href"]) == ("", "")
