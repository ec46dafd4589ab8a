"""``pledge notices audit FILE... [--format json]``: audit privacy notices from the command line.

Each file is read (.txt/.md/.html/.pdf) and checked against PN01-PN16 (UK GDPR Arts 13/14).
An unreadable or unsupported file gets a clear message on stderr and exit code 2; the other files are
still reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from . import AuditReadError, AuditReport, audit_document
from .checklist import BY_ID

EXIT_OK = 0
EXIT_UNREADABLE = 2


def run_audit(
    paths: list[str],
    *,
    output_format: str,
    stdout: TextIO,
    stderr: TextIO,
    ico: dict[str, Any] | None = None,
    max_grade: float = 12.0,
) -> int:
    """Audit ``paths`` and write a table (``text``) or JSON (``json``) to ``stdout``; return the exit code."""
    if output_format not in ("text", "json"):
        stderr.write(f"unknown format {output_format!r} (use text or json)\n")
        return EXIT_UNREADABLE
    reports: list[AuditReport] = []
    status = EXIT_OK
    for path in paths:
        try:
            data = Path(path).read_bytes()
            reports.append(audit_document(data, filename=path, ico=ico, max_grade=max_grade))
        except (OSError, AuditReadError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            stderr.write(f"{path}: cannot audit: {reason}\n")
            status = EXIT_UNREADABLE
    if output_format == "json":
        payload: Any = reports[0].to_dict() if len(paths) == 1 and reports else [r.to_dict() for r in reports]
        if reports or len(paths) != 1:
            stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        stdout.write("\n\n".join(render_text(r) for r in reports) + ("\n" if reports else ""))
    return status


def render_text(report: AuditReport) -> str:
    """A readable table: one row per checklist item with its first evidence sentence, then the flags."""
    lines = [report.file, "=" * len(report.file), f"{'Item':<5} {'Status':<8} {'Title':<56} Evidence"]
    for item in report.items:
        title = BY_ID[item.id].title
        if BY_ID[item.id].conditional and item.status != "found":
            title += " (if relevant)"
        evidence = f"{item.evidence[0].where}: {_clip(item.evidence[0].display)}" if item.evidence else "-"
        lines.append(f"{item.id:<5} {item.status!s:<8} {title[:56]:<56} {evidence}")
    r = report.readability
    lines.append(
        f"\nReadability: Flesch reading ease {r['flesch_reading_ease']} ({r['band']}), grade {r['grade']}; "
        f"{r['paragraphs_above_max_grade']} paragraph(s) above grade {r['max_grade']:g}"
    )
    other = [f for f in report.flags if f.code != "hard-to-read"]
    if other:
        lines.append("Flags:")
        lines += [
            f"  {f.code} ({'page ' + str(f.page) + ' ' if f.page else ''}line {f.line}): {f.message}: {_clip(f.text)}"
            for f in other
        ]
    return "\n".join(lines)


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
