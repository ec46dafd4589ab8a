"""Keyword-only builders for register records (the YAML shape) and register rows, for tests."""

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import (
    Controller,
    ControllerKind,
    ProcessingActivity,
    Recipient,
    RecipientKind,
    RetentionRule,
    RetentionTrigger,
    Service,
    Status,
)

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Europe/London"))  # a Monday, after every DUAA commencement
TODAY = NOW.date()
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def copy_minimal(*, to: Path) -> Path:
    """A private copy of the minimal valid register, safe to edit."""
    target = to / "register"
    shutil.copytree(MINIMAL, target)
    return target


def write_register(*, to: Path, files: dict[str, str]) -> Path:
    """A register directory holding exactly ``files`` (relative path -> YAML text)."""
    to.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = to / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return to


# Records: plain dicts in the YAML shape, as the consistency rules read them.


def controller_record(**overrides: Any) -> dict[str, Any]:
    record = {
        "slug": "testshire-council",
        "name": "Testshire Council",
        "kind": "council",
        "address": "Town Hall, Testshire",
        "email": "info@testshire.example",
        "phone": "01632 960100",
        "ico_registration": "ZX999001",
        "dpo_name": "Data Protection Officer",
        "dpo_email": "dpo@testshire.example",
        "dpo_address": "Town Hall, Testshire",
    }
    return {**record, **overrides}


def recipient_record(**overrides: Any) -> dict[str, Any]:
    record = {"slug": "dwp", "name": "Department for Work and Pensions", "kind": "public_body"}
    return {**record, **overrides}


def processor_record(**overrides: Any) -> dict[str, Any]:
    record = {
        "slug": "mailing-house",
        "name": "Example Mailing Ltd",
        "kind": "processor",
        "contract_reference": "CON-1",
        "contract_start": date(2025, 1, 1),
        "contract_end": date(2028, 1, 1),
    }
    return {**record, **overrides}


def system_record(**overrides: Any) -> dict[str, Any]:
    return {"slug": "revenues-system", "name": "Revenues system", **overrides}


def cctv_record(**overrides: Any) -> dict[str, Any]:
    record = {
        "slug": "town-centre-cctv",
        "name": "Town centre CCTV",
        "surveillance": True,
        "operator": "Testshire Council community safety team",
        "sites": ["Market Square"],
        "code_of_practice_url": "https://testshire.example/cctv-code",
        "footage_retention_days": 31,
    }
    return {**record, **overrides}


def activity_record(**overrides: Any) -> dict[str, Any]:
    record = {
        "slug": "council-tax-billing",
        "name": "Billing and collecting council tax",
        "purposes": ["to bill and collect council tax"],
        "lawful_basis": "c",
        "legislation": ["Local Government Finance Act 1992"],
        "data_subjects": ["council tax payers"],
        "data_categories": ["name", "address"],
        "sources": ["you"],
        "retention_rule": "six-years-after-closure",
    }
    return {**record, **overrides}


# Rows.


def make_user(*, username: str = "dpo", role: Role = Role.DPO) -> User:
    return User.objects.create_user(username=username, password="a long test password", role=role)


def make_controller(
    *, slug: str = "testshire-council", kind: str = ControllerKind.COUNCIL, **fields: Any
) -> Controller:
    return Controller.objects.create(**controller_record(slug=slug, kind=kind, **fields))


def make_service(
    *, controller: Controller, slug: str = "council-tax", name: str = "Council tax", **fields: Any
) -> Service:
    values = {"summary": f"We run {name.lower()}.", "owner_role": "Head of Service", **fields}
    return Service.objects.create(slug=slug, name=name, controller=controller, **values)


def make_retention_rule(*, slug: str = "six-years-after-closure", years: int = 6, **fields: Any) -> RetentionRule:
    values = {
        "name": "Six years after the account closes",
        "trigger": RetentionTrigger.ACCOUNT_CLOSED,
        "source": "Limitation Act 1980 s.5",
        **fields,
    }
    return RetentionRule.objects.create(slug=slug, years=years, **values)


def make_recipient(*, slug: str = "cloud-host", kind: str = RecipientKind.PROCESSOR, **fields: Any) -> Recipient:
    values = {"name": slug.replace("-", " ").title(), **fields}
    return Recipient.objects.create(slug=slug, kind=kind, **values)


def make_activity(
    *,
    service: Service,
    slug: str,
    name: str | None = None,
    status: str = Status.APPROVED,
    lawful_basis: str = "e",
    retention_rule: RetentionRule | None = None,
    recipients: tuple[Recipient, ...] = (),
    **fields: Any,
) -> ProcessingActivity:
    values = {
        "purposes": [f"to run {service.name.lower()}"],
        "legislation": ["Local Government Act 1972"] if lawful_basis in ("c", "e") else [],
        "data_subjects": ["residents"],
        "data_categories": ["name", "address"],
        "sources": ["you"],
        "provision_requirement": "statutory",
        **fields,
    }
    activity = ProcessingActivity.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").capitalize(),
        service=service,
        status=status,
        lawful_basis=lawful_basis,
        retention_rule=retention_rule,
        **values,
    )
    activity.recipients.set(recipients)
    return activity


def import_minimal() -> None:
    """Load the minimal fixture register into the database (two approved council tax activities)."""
    from pledge.register.services import import_register

    import_register(directory=MINIMAL, actor="test setup", today=TODAY)


def make_service_notice(*, service: Service) -> Any:
    """The privacy notice row for one service."""
    from pledge.notices.models import Notice, NoticeScope

    return Notice.objects.create(
        slug=service.slug,
        title=f"Privacy notice: {service.name}",
        scope=NoticeScope.SERVICE,
        controller=service.controller,
        service=service,
    )


def make_general_notice(*, controller: Controller) -> Any:
    """The council-wide privacy notice row."""
    from pledge.notices.models import Notice, NoticeScope

    return Notice.objects.create(
        slug="general", title="Privacy notice", scope=NoticeScope.GENERAL, controller=controller
    )
