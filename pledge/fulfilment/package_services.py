"""Building, reviewing and releasing access and portability packages (UK GDPR Arts 15 and 20).

``request_package`` queues a build; the worker runs ``build_package``, which fetches the confirmed records, keeps
them as an encrypted snapshot and marks free-text passages that name other people. A package joins the response
(the existing release flow, ``pledge.rights.releases``) only when every marked passage has been reviewed.
"""

import json
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import ACCESS_KINDS, Case, CaseKind
from pledge.casework.scope import activity_facts
from pledge.casework.services import record_case_event
from pledge.core.models import AuditAction
from pledge.core.uploads import private_storage
from pledge.discovery.sources import IdentityField
from pledge.fulfilment import package_data
from pledge.fulfilment.package_data import Snapshot
from pledge.fulfilment.package_files import package_files, zip_files
from pledge.fulfilment.package_models import AccessPackage, FlaggedPassage, PackageKind, PackageState, PassageDecision
from pledge.fulfilment.package_names import other_people
from pledge.fulfilment.package_report import system_activities
from pledge.law.request_rights import all_rights
from pledge.law.rights import Right
from pledge.rights import releases

FOLDER = "packages"
NAME_FIELDS = {IdentityField.FULL_NAME, IdentityField.GIVEN_NAME, IdentityField.MIDDLE_NAMES}
NAME_FIELDS |= {IdentityField.FAMILY_NAME, IdentityField.FORMER_FAMILY_NAME}


class PackageError(ValueError):
    """A package action refused, with a message for staff; nothing was changed."""


def kind_for(case: Case) -> PackageKind | None:
    """The package a case is answered with: access for access requests, portability for portability; else none."""
    if case.kind in ACCESS_KINDS:
        return PackageKind.ACCESS
    if case.kind == CaseKind.PORTABILITY:
        return PackageKind.PORTABILITY
    return None


def request_package(*, case: Case, actor: Any) -> AccessPackage:
    """Queue a new build of the case's package for the worker; refused while one is still being built."""
    kind = kind_for(case)
    if kind is None:
        raise PackageError("Only access and portability requests are answered with a package")
    if case.access_packages.filter(state__in=[PackageState.QUEUED, PackageState.BUILDING]).exists():
        raise PackageError("A package for this case is already being built: wait for it to finish")
    confirmed = package_data.confirmed_refs(case)
    if not confirmed:
        raise PackageError("Confirm at least one record as the requester's before building the package")
    from pledge.fulfilment.package_tasks import build_access_package

    with transaction.atomic():
        package = AccessPackage.objects.create(case=case, kind=kind, requested_by=actor, records_total=len(confirmed))
        record_case_event(case, actor, AuditAction.CREATE, f"{package.get_kind_display()} {package.pk} queued")
        package_id = package.pk
        transaction.on_commit(lambda: build_access_package.enqueue(package_id=package_id))
    return package


def portable_systems(case: Case, configs: dict[str, Any]) -> set[str]:
    """Art 20(1): the systems with at least one activity (of those the package reports) that the right reaches:
    consent or contract, carried out by automated means (the rights matrix, ``pledge.law.rights``)."""
    eligible = set()
    for slug, config in configs.items():
        for activity in system_activities(case, config.register_system):
            answers = {a.right: a for a in all_rights(activity_facts(activity))}
            if answers[Right.PORTABILITY].applies:
                eligible.add(slug)
                break
    return eligible


def requester_names(case: Case, snapshot: Snapshot) -> list[str]:
    """The requester's own names: as the case holds it and as each confirmed record spells it."""
    names = [case.requester_name]
    for system in snapshot["systems"]:
        for record in system["records"]:
            mapping = system["columns"].get(record["table"], {})
            for column, info in mapping.items():
                if info.get("identity") in NAME_FIELDS and record["columns"].get(column):
                    names.append(str(record["columns"][column]))
    return names


def flag_passages(package: AccessPackage, snapshot: Snapshot) -> int:
    """Mark each free-text passage naming someone other than the requester for review; how many were marked."""
    own = requester_names(package.case, snapshot)
    rows = []
    for system in snapshot["systems"]:
        for record in system["records"]:
            for column in package_data.free_text_columns(system, record["table"]):
                text = record["columns"].get(column)
                if not isinstance(text, str):
                    continue
                for found in other_people(text, requester_names=own):
                    rows.append(
                        FlaggedPassage(
                            package=package,
                            system=system["slug"],
                            table=record["table"],
                            key=record["key"],
                            column=column,
                            start=found.start,
                            end=found.end,
                            passage=found.text,
                            names=list(found.names),
                        )
                    )
    FlaggedPassage.objects.bulk_create(rows)
    return len(rows)


def _progress(package_id: int, done: int) -> None:
    AccessPackage.objects.filter(pk=package_id).update(records_done=done)


def build_package(*, package_id: int) -> AccessPackage:
    """The worker's build: fetch the confirmed records, keep the snapshot, mark passages; FAILED with a message
    for staff (never the records' contents) when a system cannot be read."""
    package = AccessPackage.objects.select_related("case").get(pk=package_id)
    case = package.case
    refs = package_data.confirmed_refs(case)
    AccessPackage.objects.filter(pk=package.pk).update(
        state=PackageState.BUILDING, records_total=len(refs), records_done=0
    )
    try:
        configs = package_data.load_configs()
        systems = portable_systems(case, configs) if package.kind == PackageKind.PORTABILITY else None
        snapshot = package_data.fetch_snapshot(
            refs=refs,
            configs=configs,
            systems=systems,
            progress=lambda done: _progress(package.pk, done),
        )
        if systems is not None:
            left_out = sorted({configs[r.system].name for r in refs if r.system in configs and r.system not in systems})
            snapshot["not_portable"] = left_out
        if package.kind == PackageKind.ACCESS and case.requester_email:
            package_data.add_messages(snapshot, configs=configs, addresses={case.requester_email})
    except Exception as error:  # a connector's failure must end the build visibly, not leave it "Building"
        with transaction.atomic():
            message = f"A connected system could not be read ({type(error).__name__}); try again or check it"
            AccessPackage.objects.filter(pk=package.pk).update(
                state=PackageState.FAILED, error=message, finished_at=timezone.now()
            )
            record_case_event(case, None, AuditAction.UPDATE, f"{package.get_kind_display()} {package.pk} failed")
        package.refresh_from_db()
        return package
    name = private_storage().save(f"{FOLDER}/{uuid.uuid4().hex}.json", ContentFile(json.dumps(snapshot).encode()))
    with transaction.atomic():
        package.refresh_from_db()
        marked = flag_passages(package, snapshot) if package.kind == PackageKind.ACCESS else 0
        package.snapshot_name = name
        package.state = PackageState.BUILT
        package.records_done = package.records_total
        package.finished_at = timezone.now()
        package.save(update_fields=["snapshot_name", "state", "records_done", "finished_at"])
        summary = f"{package.get_kind_display()} {package.pk} built ({package.records_total} records"
        record_case_event(case, None, AuditAction.UPDATE, summary + f", {marked} passages to review)")
    return package


def read_snapshot(package: AccessPackage) -> Snapshot:
    if package.state != PackageState.BUILT or not package.snapshot_name:
        raise PackageError("The package has not been built yet")
    with private_storage().open(package.snapshot_name) as stored:
        snapshot: Snapshot = json.loads(stored.read())
    return snapshot


def assemble_zip(*, package: AccessPackage) -> bytes:
    """The package's zip, made now from the snapshot with the passage decisions so far."""
    searches = package_data.search_statement(package.case)
    return zip_files(package_files(package=package, snapshot=read_snapshot(package), searches=searches))


def export_package(*, package: AccessPackage, actor: Any) -> bytes:
    """The zip for a member of staff to check, with an audit row (reference and number only)."""
    body = assemble_zip(package=package)
    record_case_event(package.case, actor, AuditAction.EXPORT, f"{package.get_kind_display()} {package.pk} downloaded")
    return body


def review_passage(*, passage: FlaggedPassage, decision: str, reason: str, actor: Any) -> FlaggedPassage:
    """Keep a marked passage, or withhold it with a reason (Art 15(4)); a decision can be changed until release."""
    chosen = PassageDecision(decision)
    if chosen == PassageDecision.PENDING:
        raise PackageError("Choose whether to keep or withhold the passage")
    if chosen == PassageDecision.WITHHOLD and not reason.strip():
        raise PackageError("Give the reason for withholding the passage")
    if passage.package.added_at is not None:
        raise PackageError("This package is already in the response: build a new one to change it")
    with transaction.atomic():
        passage.decision, passage.reason = chosen, reason.strip()
        passage.reviewed_by, passage.reviewed_at = actor, timezone.now()
        passage.save(update_fields=["decision", "reason", "reviewed_by", "reviewed_at"])
        summary = f"Passage {passage.pk} of package {passage.package_id} reviewed: {chosen.label.split(':')[0].lower()}"
        record_case_event(passage.package.case, actor, AuditAction.UPDATE, summary)
    return passage


def add_package_to_response(*, package: AccessPackage, actor: Any) -> list[Any]:
    """Put the package into the case's unreleased response files, for the existing release flow to release.

    Refused until every marked passage is reviewed: nothing that may be about someone else goes out unread."""
    if package.state != PackageState.BUILT:
        raise PackageError("The package has not been built yet")
    if package.added_at is not None:
        raise PackageError("This package is already in the response")
    if package.passages.filter(decision=PassageDecision.PENDING).exists():
        raise PackageError("Review every passage that may name another person before adding the package")
    files = package_files(
        package=package, snapshot=read_snapshot(package), searches=package_data.search_statement(package.case)
    )
    body = zip_files(files)
    stem = f"{package.case.reference}-{'personal-data' if package.kind == PackageKind.ACCESS else 'portability'}"
    uploads = [ContentFile(body, name=f"{stem}.zip")]  # one file: the report, the data and the manifest together
    with transaction.atomic():
        added = [releases.add_response_file(case=package.case, upload=u, actor=actor) for u in uploads]
        package.added_at, package.added_by = timezone.now(), actor
        package.added_sha256 = added[0].sha256 if added else ""
        package.save(update_fields=["added_at", "added_by", "added_sha256"])
        record_case_event(package.case, actor, AuditAction.UPDATE, f"{package.get_kind_display()} {package.pk} added")
    return added
