"""A tiny connected estate for case-discovery tests: three SQLite systems, a separate controller's register, a
system that cannot be reached, and a real identity index built over them.

The people: Robert Smith (the requester, 1 High Street), Roberta Smith (his household: same address and email,
another date of birth), Bob Smith on the newsletter list (the requester, by nickname and email), and Jane Doe.
"""

import sqlite3
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import LazySettings

from pledge.casework import services as case_services
from pledge.casework.models import Case, CaseKind, Channel
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import ControllerKind, System
from pledge.register.tests.factories import make_activity, make_controller, make_service

LONDON = ZoneInfo("Europe/London")
REQUESTER = {"name": "Robert Smith", "email": "bob.smith@example.com", "address": "1 High Street, Testtown TT1 1AA"}

TABLES: dict[str, tuple[str, list[str], list[tuple[str, ...]]]] = {
    "council_tax": (
        "accounts",
        ["account_ref", "holder_name", "date_of_birth", "email", "address", "postcode"],
        [
            ("CT1", "Robert Smith", "1980-02-03", "bob.smith@example.com", "1 High Street, Testtown", "TT1 1AA"),
            ("CT2", "Roberta Smith", "1982-07-09", "bob.smith@example.com", "1 High Street, Testtown", "TT1 1AA"),
            ("CT3", "Jane Doe", "1975-01-01", "jane@example.org", "9 Low Road, Testtown", "TT9 9ZZ"),
        ],
    ),
    "newsletters": (
        "subscribers",
        ["subscriber_id", "name", "email"],
        [("N1", "Bob Smith", "bob.smith@example.com"), ("N2", "Jane Doe", "jane@example.org")],
    ),
    "electoral": (
        "electors",
        ["elector_id", "full_name", "address", "postcode"],
        [("E1", "Robert Smith", "1 High Street, Testtown", "TT1 1AA")],
    ),
}
IDENTITY = {
    "account_ref": "account_reference",
    "holder_name": "full_name",
    "name": "full_name",
    "full_name": "full_name",
    "date_of_birth": "date_of_birth",
    "email": "email",
    "address": "address",
    "postcode": "postcode",
}
SYSTEMS = [
    ("council-tax", "Council Tax", "council_tax", "revenues-system", "testshire-council"),
    ("newsletters", "Email Newsletters", "newsletters", "newsletter-platform", "testshire-council"),
    ("electoral-register", "Electoral Register", "electoral", "", "testshire-ero"),
]


def _system_yaml(slug: str, name: str, db: str, register: str, controller: str) -> str:
    table, columns, _ = TABLES[db]
    lines = [
        f"- slug: {slug}",
        f"  name: {name}",
        *([f"  register_system: {register}"] if register else []),
        f"  controller: {controller}",
        "  kind: sql",
        f"  url: sqlite:///{db}.sqlite",
        "  tables:",
        f"  - name: {table}",
        f"    key: {columns[0]}",
        "    columns:",
    ]
    for column in columns:
        lines.append(f"    - column: {column}")
        if column in IDENTITY:
            lines.append(f"      identity: {IDENTITY[column]}")
    return "\n".join(lines)


def write_tiny_estate(root: Path, *, with_unreachable: bool = True) -> Path:
    """The SQLite files and a systems.yaml for them in ``root``; returns the YAML's path."""
    root.mkdir(parents=True, exist_ok=True)
    for db, (table, columns, rows) in TABLES.items():
        with sqlite3.connect(root / f"{db}.sqlite") as connection:
            connection.execute(f"CREATE TABLE {table} ({', '.join(f'{c} TEXT' for c in columns)})")
            connection.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})", rows)
    blocks = [_system_yaml(*system) for system in SYSTEMS]
    path = root / "systems.yaml"
    path.write_text("systems:\n" + "\n".join(blocks) + "\n")
    return path


def add_unreachable_system(path: Path) -> None:
    """A system in the YAML whose database has no such table: configured, but it cannot be searched."""
    extra = _system_yaml("old-housing", "Old Housing System", "council_tax", "old-housing", "testshire-council")
    extra = extra.replace("sqlite:///council_tax.sqlite", "sqlite:///newsletters.sqlite")
    path.write_text(path.read_text() + extra + "\n")


def build_index(systems: Path, index: Path) -> None:
    from pledge.discovery.connectors import connect, load_systems
    from pledge.discovery.matching import IdentityIndex

    IdentityIndex.build(connectors=[connect(config) for config in load_systems(systems)], path=index)


def make_register() -> None:
    """The council and the ERO as controllers; register systems for the connected ones, and a paper store."""
    council = make_controller(slug="testshire-council")
    make_controller(slug="testshire-ero", kind=ControllerKind.ELECTORAL_REGISTRATION_OFFICER, name="The ERO")
    service = make_service(controller=council)
    activity = make_activity(service=service, slug="council-tax-billing")
    activity.systems.set(
        [
            System.objects.create(slug="revenues-system", name="Revenues system", owner_role="Revenues manager"),
            System.objects.create(slug="newsletter-platform", name="Newsletter platform"),
            System.objects.create(slug="paper-files", name="Paper files", owner_role="Records manager"),
        ]
    )


def freeze(time_machine: Any, day: date) -> date:
    """Freeze the clock at noon in London on ``day``."""
    time_machine.move_to(datetime.combine(day, time(12), tzinfo=LONDON), tick=False)
    return day


def make_caseworker(username: str = "casey") -> User:
    return User.objects.create_user(username=username, password=None, role=Role.CASEWORKER)


def set_up_estate(settings: LazySettings, tmp_path: Path) -> Path:
    """The tiny estate, indexed, with the unreachable system added after indexing; settings point at them."""
    systems = write_tiny_estate(tmp_path / "estate")
    build_index(systems, tmp_path / "index")
    add_unreachable_system(systems)
    settings.PLEDGE_SYSTEMS = systems
    settings.PLEDGE_IDENTITY_INDEX = tmp_path / "index"
    make_register()
    return systems


def make_case(*, received_on: date, kind: CaseKind = CaseKind.ACCESS, actor: Any = None) -> Case:
    return case_services.open_request(
        kind=kind,
        channel=Channel.EMAIL,
        received_on=received_on,
        requester_name=REQUESTER["name"],
        requester_email=REQUESTER["email"],
        requester_address=REQUESTER["address"],
        summary="Everything you hold about me",
        actor=actor,
    )


def run_now(case: Case, actor: Any, **identifiers: Any) -> Any:
    """Start a run with the requester's identifiers (and any given) and run it as the worker would."""
    from pledge.discovery import services
    from pledge.discovery.tasks import run_discovery

    run = services.start_discovery(
        case=case, identifiers={**REQUESTER, "date_of_birth": "1980-02-03", **identifiers}, actor=actor
    )
    run_discovery.call(run_id=run.pk)
    run.refresh_from_db()
    return run
