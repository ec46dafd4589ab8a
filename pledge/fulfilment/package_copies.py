"""P047: giving a person a copy of their own assessment without a subject access request.

The council's notices promise to share what it records about a person whenever it assesses their needs; that is
routine disclosure to the data subject (UK GDPR Art 15 need not be invoked), but it is still a disclosure, so it is
logged against the person and the record with who gave it and how. The copy is a PDF of the record's contents.
"""

import hashlib
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.core.uploads import private_storage
from pledge.discovery.sources import RecordKey
from pledge.fulfilment import package_data
from pledge.fulfilment.package_models import AssessmentCopy, CopyDelivery
from pledge.fulfilment.package_report import record_lines
from pledge.fulfilment.package_services import PackageError
from pledge.notices.downloads import blocks_file

OBJECT_TYPE = "assessment_copy"


def give_assessment_copy(*, ref: RecordKey, person_name: str, how: str, actor: Any) -> AssessmentCopy:
    """Fetch the record, keep a PDF copy of it and log that it was given to the person."""
    configs = package_data.load_configs()
    if ref.system not in configs:
        raise PackageError("No connected system has that name: check the record as the identity index shows it")
    snapshot = package_data.fetch_snapshot(refs=[ref], configs=configs)
    records = [r for s in snapshot["systems"] for r in s["records"] if (r["table"], r["key"]) == (ref.table, ref.key)]
    if not records:
        raise PackageError("That record was not found in the system")
    system = snapshot["systems"][0]
    blocks: list[dict[str, Any]] = [
        {"type": "p", "text": f"A copy of your assessment, as {system['name']} holds it, given at your request."},
        {"type": "ul", "items": record_lines(records[0]) or ["(no details held)"]},
    ]
    body = blocks_file(blocks, "pdf", title="Your assessment", author=system["name"], footer=f"Record {ref.key}")
    name = private_storage().save(f"copies/{uuid.uuid4().hex}.pdf", ContentFile(body))
    with transaction.atomic():
        copy = AssessmentCopy.objects.create(
            person_name=person_name.strip(),
            system=ref.system,
            table=ref.table,
            key=ref.key,
            given_by=actor,
            how=CopyDelivery(how),
            file_name=name,
            file_sha256=hashlib.sha256(body).hexdigest(),
        )
        # The audit row names the copy by number only; the person's name stays on the copy's own row.
        record(
            actor=actor,
            action=AuditAction.EXPORT,
            object_type=OBJECT_TYPE,
            object_ref=str(copy.pk),
            summary=f"Copy of an assessment given ({copy.get_how_display().lower()})",
        )
    return copy


def copy_file(*, copy: AssessmentCopy, actor: Any) -> bytes:
    """The PDF of a copy given, for staff to print or hand over, with an audit row."""
    with private_storage().open(copy.file_name) as stored:
        body: bytes = stored.read()
    record(
        actor=actor,
        action=AuditAction.VIEW,
        object_type=OBJECT_TYPE,
        object_ref=str(copy.pk),
        summary="Copy of an assessment opened",
    )
    return body
