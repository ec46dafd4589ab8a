"""The register in the ICO's record-of-processing layout (the ICO "documentation" template, controller sheet).

Columns follow the ICO template's order: Art 30(1)(a)-(g) first, then the privacy-notice, consent,
access, lawful-basis, special-category and DPIA columns the template adds.
"""

import csv
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pledge.core.audit import record as audit
from pledge.core.models import AuditAction
from pledge.law.bases import ART9_LABELS, Art9Condition, LawfulBasis
from pledge.law.rights import RIGHT_TITLES, applicable_rights
from pledge.register.models import ProcessingActivity, RecipientKind

COLUMNS = [
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to (if applicable)",
    "Safeguards for exceptional transfers of personal data to third countries (if applicable)",
    "Retention schedule (if possible)",
    "General description of technical and organisational security measures (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 basis for processing special category data",
    "Legitimate interests for the processing (if applicable)",
    "Link to record of consent",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling (if applicable)",
    "The source of the personal data (if applicable)",
    "Link to record of personal data breach (if applicable)",
    "Is a DPIA required?",
    "DPIA reference",
    "Controller",
    "Record status",
]


def ico_rows() -> list[list[str]]:
    """One row per processing activity in the ICO template's column order."""
    activities = ProcessingActivity.objects.select_related("service__controller", "retention_rule").prefetch_related(
        "recipients", "systems"
    )
    return [_row(activity) for activity in activities.order_by("service__name", "name")]


def _row(activity: ProcessingActivity) -> list[str]:

    recipients = list(activity.recipients.all())
    processors = [r for r in recipients if r.kind == RecipientKind.PROCESSOR]
    abroad = [r for r in recipients if r.country != "GB"]
    controller = activity.service.controller
    # A draft may lack a basis: export what is there rather than refuse the whole record.
    basis = LawfulBasis(activity.lawful_basis) if activity.lawful_basis in set(LawfulBasis) else None
    rights = (
        []
        if basis is None
        else applicable_rights(
            basis=basis,
            automated_processing=activity.automated_processing,
            direct_marketing=activity.direct_marketing,
            significant_automated_decision=activity.automated_decision,
            law_enforcement=activity.law_enforcement,
        )
    )
    art9 = ART9_LABELS[Art9Condition(activity.art9_condition)] if activity.art9_condition else ""
    if activity.schedule1_conditions:
        art9 = f"{art9}; DPA 2018 {', '.join(activity.schedule1_conditions)}"
    measures = sorted({m for system in activity.systems.all() for m in system.security_measures})
    return [
        activity.service.name,
        "; ".join(activity.purposes),
        controller.name if controller.kind == "joint" else "",
        "; ".join(activity.data_subjects),
        "; ".join(activity.data_categories),
        "; ".join(f"{r.name} ({r.get_kind_display()})" for r in recipients),
        "; ".join(f"{r.name}: {r.contract_reference}" for r in processors),
        "; ".join(f"{r.name}: {r.country}" for r in abroad),
        "; ".join(f"{r.name}: {r.transfer_mechanism} {r.transfer_risk_assessment}".strip() for r in abroad),
        activity.retention_rule.plain_english if activity.retention_rule else "",
        "; ".join(measures),
        LawfulBasis(activity.lawful_basis).label
        + (f" ({'; '.join(activity.legislation)})" if activity.legislation else ""),
        art9,
        activity.legitimate_interests,
        activity.consent_withdrawal_route if activity.lawful_basis == LawfulBasis.CONSENT else "",
        "; ".join(RIGHT_TITLES[r] for r in rights),
        activity.automated_decision_logic if activity.automated_decision else "No",
        "; ".join(activity.sources),
        "",
        "Yes" if activity.dpia_reference else "Not recorded",
        activity.dpia_reference,
        controller.name,
        activity.get_status_display(),
    ]


def write_ico_record(*, path: Path, actor: Any) -> int:
    """Write the record as .xlsx or .csv (by the file's suffix) and return the number of activities."""
    rows = ico_rows()
    if path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(rows)
    elif path.suffix.lower() == ".xlsx":
        workbook_bytes(rows, path)
    else:
        raise ValueError("the ICO export is written as .xlsx or .csv")
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="register",
        object_ref="ico-record",
        summary=f"{len(rows)} rows",
    )
    return len(rows)


def workbook_bytes(rows: list[list[str]], target: Any) -> None:
    """Save the rows as a workbook to ``target`` (a path or a binary file object)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Controller - processing"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    for index in range(1, len(COLUMNS) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 32
    sheet.freeze_panes = "B2"
    workbook.save(target)
