"""The DPO dashboard's panels from the domain apps: each app offers ``dashboard_figures(*, today)`` and a template
``<app>/_dashboard.html``; a panel shows only to roles that may read what it links to.

The apps stay unaware of the dashboard, and the dashboard imports them lazily, so a panel's queries run only for the
people who see it.
"""

from dataclasses import dataclass
from datetime import date
from importlib import import_module
from typing import Any

from pledge.core.roles import Permission, role_grants


@dataclass(frozen=True)
class Panel:
    module: str  # the app's dashboard module, offering dashboard_figures(*, today)
    template: str
    permission: Permission


PANELS: tuple[Panel, ...] = (
    Panel("pledge.complaints.dashboard", "complaints/_dashboard.html", Permission.VIEW_CASES),
    Panel("pledge.disclosures.dashboard", "disclosures/_dashboard.html", Permission.VIEW_DISCLOSURES),
    Panel("pledge.retention.dashboard", "retention/_dashboard.html", Permission.VIEW_RETENTION),
    Panel("pledge.consent.dashboard", "consent/_dashboard.html", Permission.VIEW_CONSENT),
    Panel("pledge.cookies.dashboard", "cookies/_dashboard.html", Permission.MANAGE_COOKIES),
)


@dataclass(frozen=True)
class ShownPanel:
    template: str
    figures: dict[str, Any]


def panels_for(*, role: str | None, today: date) -> list[ShownPanel]:
    """The panels ``role`` may see, each with its figures as of ``today``."""
    shown = []
    for panel in PANELS:
        if role_grants(role, panel.permission):
            figures = import_module(panel.module).dashboard_figures(today=today)
            shown.append(ShownPanel(template=panel.template, figures=figures))
    return shown
