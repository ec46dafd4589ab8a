"""Assembling a package's files from its snapshot: the report (HTML and PDF, access only), JSON and CSV for each
system (Art 20 portability: structured, commonly used, machine-readable), and ``manifest.json`` with the SHA-256
of every file, all in one zip.

Passages a caseworker withheld are replaced by a marker everywhere they appear; a portability file holds only the
columns the person provided (``package_data.provided_columns``) from systems with an eligible activity.
"""

import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from pledge.casework.models import Case
from pledge.fulfilment.package_data import Snapshot, provided_columns
from pledge.fulfilment.package_models import AccessPackage, PackageKind, PassageDecision
from pledge.fulfilment.package_names import withhold
from pledge.fulfilment.package_report import TITLE, WITHHELD, report_blocks, report_pdf


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "data"


def apply_decisions(snapshot: Snapshot, package: AccessPackage) -> tuple[Snapshot, int]:
    """The snapshot with withheld passages replaced by the marker, and how many were withheld."""
    spans: dict[tuple[str, str, str, str], list[tuple[int, int]]] = {}
    for passage in package.passages.filter(decision=PassageDecision.WITHHOLD):
        spans.setdefault((passage.system, passage.table, passage.key, passage.column), []).append(
            (passage.start, passage.end)
        )
    count = sum(len(v) for v in spans.values())
    for system in snapshot["systems"]:
        for record in system["records"]:
            for column, value in record["columns"].items():
                found = spans.get((system["slug"], record["table"], record["key"], column))
                if found and isinstance(value, str):
                    record["columns"][column] = withhold(value, found, marker=WITHHELD)
    return snapshot, count


def only_provided(snapshot: Snapshot) -> Snapshot:
    """Art 20(1): each record cut down to the columns the person provided."""
    for system in snapshot["systems"]:
        for record in system["records"]:
            keep = provided_columns(system, record["table"])
            record["columns"] = {k: v for k, v in record["columns"].items() if k in keep}
    return snapshot


def system_json(system: dict[str, Any]) -> bytes:
    """One system's records as JSON: {system, controller, tables: {table: [{key, columns}]}}."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for record in system["records"]:
        tables.setdefault(record["table"], []).append({"key": record["key"], **record["columns"]})
    document = {"system": system["name"], "controller": system["controller"], "tables": tables}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False).encode()


def table_csvs(system: dict[str, Any]) -> dict[str, bytes]:
    """One CSV per table of a system (tables hold different columns), with a header row."""
    out: dict[str, bytes] = {}
    rows_by_table: dict[str, list[dict[str, Any]]] = {}
    for record in system["records"]:
        rows_by_table.setdefault(record["table"], []).append({"key": record["key"], **record["columns"]})
    for table, rows in rows_by_table.items():
        header: list[str] = []
        for row in rows:
            header += [name for name in row if name not in header]
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        out[table] = text.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    return out


def package_files(*, package: AccessPackage, snapshot: Snapshot, searches: list[dict[str, Any]]) -> dict[str, bytes]:
    """Every file of the package by its name in the zip, the manifest last."""
    snapshot, withheld = apply_decisions(snapshot, package)
    case: Case = package.case
    files: dict[str, bytes] = {}
    if package.kind == PackageKind.PORTABILITY:
        snapshot = only_provided(snapshot)
    else:
        blocks = report_blocks(
            case=case, snapshot=snapshot, searches=searches, withheld=withheld, today=timezone.localdate()
        )
        html = render_to_string("fulfilment/package/report.html", {"title": TITLE, "blocks": blocks, "case": case})
        files["report.html"] = html.encode()
        files["report.pdf"] = report_pdf(case=case, blocks=blocks)
    for system in snapshot["systems"]:
        folder = f"data/{_slug(system['slug'])}"
        files[f"{folder}/{_slug(system['slug'])}.json"] = system_json(system)
        for table, body in table_csvs(system).items():
            files[f"{folder}/{_slug(table)}.csv"] = body
    files["manifest.json"] = manifest(files, case=case, kind=package.kind, made_on=timezone.localdate())
    if package.kind == PackageKind.PORTABILITY:
        # Say which systems were left out and why, so the file is not mistaken for everything we hold.
        document = json.loads(files["manifest.json"])
        document["not_included"] = [
            {
                "system": name,
                "reason": "Art 20(1): no activity of this system is based on consent or contract and "
                "carried out by automated means",
            }
            for name in snapshot.get("not_portable", [])
        ]
        files["manifest.json"] = json.dumps(document, indent=2).encode()
    return files


def manifest(files: dict[str, bytes], *, case: Case, kind: str, made_on: date) -> bytes:
    """``manifest.json``: the case reference, the kind, the date and each file's size and SHA-256."""
    listed = [{"name": n, "bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in files.items()]
    document = {"reference": case.reference, "kind": kind, "made_on": made_on.isoformat(), "files": listed}
    return json.dumps(document, indent=2).encode()


def zip_files(files: dict[str, bytes]) -> bytes:
    """The files in one zip, compressed, with fixed timestamps so the same files give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, body)
    return out.getvalue()
