"""Which page numbers a GOV.UK pagination component shows. No Django imports.

The Design System's numbered pagination shows the first and last pages, the current page and its neighbours, and
an ellipsis for each gap, so a list of 2,000 pages still fits on one line.
"""

from collections.abc import Mapping
from urllib.parse import urlencode

NEIGHBOURS = 1


def page_numbers(*, current: int, last: int) -> list[int | None]:
    """The pages to link, in order, with None for each gap of more than one page; [] when there is one page."""
    if last <= 1:
        return []
    current = min(max(current, 1), last)
    shown = {1, last} | set(range(max(1, current - NEIGHBOURS), min(last, current + NEIGHBOURS) + 1))
    numbers: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number - previous == 2:
            numbers.append(number - 1)  # a gap of one page is shown as that page, not as an ellipsis
        elif number - previous > 2:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


def page_href(query: Mapping[str, str], number: int) -> str:
    """A link to page ``number`` that keeps the other query parameters (the filters) as they are."""
    params = [(key, value) for key, value in query.items() if key != "page" and value != ""]
    if number > 1:
        params.append(("page", str(number)))
    return "?" + urlencode(params) if params else "?"


def pagination(query: Mapping[str, str], *, current: int, last: int) -> dict[str, object]:
    """The parameters of ``frontend/components/pagination.html`` for page ``current`` of ``last``."""
    items: list[dict[str, object]] = []
    for number in page_numbers(current=current, last=last):
        if number is None:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": page_href(query, number), "current": number == current})
    return {
        "items": items,
        "previous_href": page_href(query, current - 1) if current > 1 else "",
        "next_href": page_href(query, current + 1) if current < last else "",
    }
