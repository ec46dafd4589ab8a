"""Open demo requests from people of the demo estate, so a demo visitor can run discovery on them.

``pledge demo load`` calls ``load_discovery_demo`` after it has made the estate (``PLEDGE_SYSTEMS``): it builds
the identity index if there is none, then logs an access, an erasure and a rectification request whose requesters
are people in the estate's ``people.csv``, chosen from its ground truth so each has records in several systems (the
erasure requester has a council-tax account and a newsletter subscription). The erasure request has been searched
already, with its candidates left for a person to review; the others wait for a caseworker to search.

The cases are recorded like the other demo requests (``casework.demo_cases``), so ``--reset`` removes them too.
"""

import csv
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework import demo_cases as casework_demo
from pledge.casework import services as case_services
from pledge.casework.models import Case, CaseKind, Channel
from pledge.core.audit import record
from pledge.core.models import AuditAction, User
from pledge.core.roles import Role
from pledge.discovery import services

OBJECT_REF = "anyshire-discovery"
REQUESTS = {
    CaseKind.ACCESS: "Please send me a copy of all the information the council holds about me.",
    CaseKind.ERASURE: "Please delete my details: I have moved away and no longer use council services.",
    CaseKind.RECTIFICATION: "My address is wrong on your records: I moved last year.",
}
ACCESS_SYSTEMS = 5  # the access requester is on at least this many systems, so the search has plenty to show


def _people(estate: Path) -> dict[str, dict[str, str]]:
    with (estate / "people.csv").open(newline="", encoding="utf-8") as handle:
        return {row["person_id"]: row for row in csv.DictReader(handle)}


def _holdings(estate: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each person's systems (``system/table``) and the hazards of their records, from the ground truth."""
    systems: dict[str, set[str]] = defaultdict(set)
    hazards: dict[str, set[str]] = defaultdict(set)
    with (estate / "ground_truth.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            systems[row["person_id"]].add(f"{row['system']}/{row['table']}")
            hazards[row["person_id"]].add(row["hazard"])
    return systems, hazards


def choose_requesters(estate: Path) -> dict[CaseKind, dict[str, str]]:
    """One person from the estate for each demo request, the same every time for the same estate."""
    people = _people(estate)
    systems, hazards = _holdings(estate)
    ordered = sorted(people)
    wanted = {
        CaseKind.ERASURE: lambda p: (
            {"council-tax/accounts", "newsletters/subscribers.csv"} <= systems[p]
            or {"council-tax/accounts", "newsletters/subscribers"} <= systems[p]
        ),
        CaseKind.ACCESS: lambda p: len({s.split("/")[0] for s in systems[p]}) >= ACCESS_SYSTEMS,
        CaseKind.RECTIFICATION: lambda p: (
            "moved" in hazards[p] and any(s.startswith("council-tax/") for s in systems[p])
        ),
    }
    chosen: dict[CaseKind, dict[str, str]] = {}
    for kind, fits in wanted.items():
        person = next((p for p in ordered if fits(p) and people[p] not in chosen.values()), None)
        if person is not None:
            chosen[kind] = people[person]
    return chosen


def _made_references() -> set[str]:
    return casework_demo.demo_references() & set(Case.objects.values_list("reference", flat=True))


def _ensure_index() -> bool:
    """Build the identity index unless one is there; True when it was built now."""
    from pledge.discovery.matching import IdentityIndex

    try:
        IdentityIndex.open(Path(settings.PLEDGE_IDENTITY_INDEX))
        return False
    except FileNotFoundError:
        services.build_identity_index()
        return True


def load_discovery_demo() -> str:
    """Build the index and log the estate's demo requests once; a line saying what was done."""
    estate = Path(settings.PLEDGE_SYSTEMS).parent
    if not (estate / "people.csv").exists():
        return "Discovery demo: skipped, the connected systems have no people.csv (not the demo estate)"
    built = _ensure_index()
    index = "identity index built" if built else "identity index already built"
    if _made_references() & _own_references():
        return f"Discovery demo: {index}; its requests are already there"
    worker = User.objects.filter(role=Role.CASEWORKER).order_by("username").first()
    if worker is None:
        return f"Discovery demo: {index}; no caseworker to give the requests to"
    references = _log_requests(estate, worker)
    return f"Discovery demo: {index}; {len(references)} requests from people in the estate"


def _own_references() -> set[str]:
    from pledge.core.models import AuditEvent

    made: set[str] = set()
    rows = AuditEvent.objects.filter(
        object_type=casework_demo.OBJECT_TYPE, object_ref=OBJECT_REF, action=AuditAction.CREATE
    ).values_list("after", flat=True)
    for after in rows:
        made.update((after or {}).get("cases", []))
    return made


def _log_requests(estate: Path, worker: Any) -> list[str]:
    today = timezone.localdate()
    references: list[str] = []
    erasure: Case | None = None
    with transaction.atomic():
        for offset, (kind, person) in enumerate(choose_requesters(estate).items()):
            case = _open(kind=kind, person=person, received=today - timedelta(days=2 + offset), worker=worker)
            references.append(case.reference)
            if kind == CaseKind.ERASURE:
                erasure = case
        record(
            actor=casework_demo.DEMO_ACTOR,
            action=AuditAction.CREATE,
            object_type=casework_demo.OBJECT_TYPE,
            object_ref=OBJECT_REF,
            summary=f"Demo requests from the estate: {len(references)} fictional requests",
            after={"cases": references},
        )
    if erasure is not None:
        run = services.start_discovery(case=erasure, identifiers=_identifiers(erasure, estate), actor=worker)
        services.perform_discovery(run_id=run.pk)  # already searched, so the candidates are there to review
    return references


def _open(*, kind: CaseKind, person: dict[str, str], received: Any, worker: Any) -> Case:
    name = " ".join(part for part in (person["given_name"], person["family_name"]) if part)
    case = case_services.open_request(
        kind=kind,
        channel=Channel.EMAIL,
        received_on=received,
        requester_name=name,
        requester_email=person["email"],
        requester_address=f"{person['address']}\n{person['postcode']}",
        summary=REQUESTS[kind],
        actor=worker,
    )
    case_services.assign(case=case, assignee=worker, actor=worker)
    return case_services.start_work(case=case, on=received, actor=worker)


def _identifiers(case: Case, estate: Path) -> dict[str, Any]:
    person = next(p for p in _people(estate).values() if p["email"] == case.requester_email)
    return {
        "name": case.requester_name,
        "email": case.requester_email,
        "address": person["address"],
        "postcode": person["postcode"],
        "date_of_birth": person["date_of_birth"],
        "phone": person["phone"],
    }
