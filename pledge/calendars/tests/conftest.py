"""Fixtures for calendar tests: gov.uk feeds written to files, and a frozen clock."""

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pledge.law.calendar import SHIPPED_FEED

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Europe/London"))

# England and Wales 2028, as the spec computes it (§1.3); used as a stand-in for the next gov.uk feed.
ENGLAND_2028 = ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25"]


def feed_with_2028() -> dict[str, Any]:
    """The shipped feed plus the 2028 holidays for every nation (the English list: enough for a test)."""
    feed = json.loads(SHIPPED_FEED.read_text(encoding="utf-8"))
    for division in feed.values():
        division["events"] += [{"title": "Bank holiday", "date": d, "notes": "", "bunting": True} for d in ENGLAND_2028]
    return feed


@pytest.fixture
def frozen_clock(time_machine: Any) -> datetime:
    """Today is Monday 2 November 2026, 09:30 in London, and the clock does not move."""
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def write_feed(tmp_path: Path) -> Callable[..., Path]:
    """Write a feed (a dict, or raw bytes) to a file in a temporary directory and return its path."""

    def write(feed: dict[str, Any] | bytes, *, name: str = "bank-holidays.json") -> Path:
        path = tmp_path / name
        path.write_bytes(feed if isinstance(feed, bytes) else json.dumps(feed).encode("utf-8"))
        return path

    return write
