"""The DPO dashboard shows each domain app's panel only to roles that may read what it links to."""

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pledge.core.panels import PANELS, panels_for
from pledge.core.roles import Role, role_grants

HEADINGS = {
    "complaints/_dashboard.html": "Data protection complaints",
    "disclosures/_dashboard.html": "Disclosure log",
    "retention/_dashboard.html": "Retention and disposal",
    "consent/_dashboard.html": "Consent ledger",
    "cookies/_dashboard.html": "Cookies",
}


def headings(client: Client) -> list[str]:
    page = BeautifulSoup(client.get("/staff/").content, "html.parser")
    return [h.get_text(strip=True) for h in page.select("h2")]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_exactly_the_panels_its_permissions_allow(
    register: None, client_as: Callable[[Role], Client], role: Role
) -> None:
    shown = headings(client_as(role))
    for panel in PANELS:
        assert (HEADINGS[panel.template] in shown) == role_grants(role, panel.permission), panel.template


def test_every_panel_has_figures_for_today(db: None) -> None:
    from datetime import date

    panels = panels_for(role=Role.DPO, today=date(2026, 12, 2))
    assert [p.template for p in panels] == [p.template for p in PANELS]
    assert all(isinstance(p.figures, dict) for p in panels)


def test_an_unknown_role_sees_no_panel(db: None) -> None:
    from datetime import date

    assert panels_for(role="nobody", today=date(2026, 12, 2)) == []
