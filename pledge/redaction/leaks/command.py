"""``pledge files scan PATH... [--json] [--clean OUTDIR] [--unhide]``: the leak scanner from the command line.

Exit status: 0 when every file is clean (with ``--clean``: when every cleaned copy is), 1 when anything is found or
remains, 2 for usage errors (a path that does not exist). Excerpts are printed to the terminal only; nothing is logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pledge.redaction.leaks.clean import CannotClean, LeaksRemain, clean
from pledge.redaction.leaks.findings import Finding
from pledge.redaction.leaks.scan import expand_paths, scan_file
from pledge.redaction.leaks.xlsx_clean import HiddenCells


class Writer(Protocol):
    """Somewhere to print: a terminal, a management command's stdout, a StringIO."""

    def write(self, text: str, /) -> Any: ...


class UsageError(ValueError):
    """The command was called wrongly (exit status 2)."""


@dataclass
class FileReport:
    """One file's findings and, with ``--clean``, where its clean copy went and what is left."""

    file: Path
    findings: list[Finding]
    cleaned: Path | None = None
    remaining: list[Finding] = field(default_factory=list)
    problem: str = ""

    @property
    def ok(self) -> bool:
        """Whether this file (or its clean copy, when cleaning) may leave Pledge."""
        if self.cleaned is not None or self.problem:
            return self.cleaned is not None and not self.remaining and not self.problem
        return not self.findings

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready values."""
        return {
            "file": str(self.file),
            "findings": [finding.as_dict() for finding in self.findings],
            "cleaned": str(self.cleaned) if self.cleaned else None,
            "remaining": [finding.as_dict() for finding in self.remaining],
            "problem": self.problem,
        }


def scan_paths(
    paths: list[str], *, clean_dir: str | None = None, hidden_cells: HiddenCells = HiddenCells.REMOVE
) -> list[FileReport]:
    """Scan every file under ``paths`` (and clean each into ``clean_dir`` when given)."""
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    reports = []
    used: set[str] = set()
    for path in expand_paths(paths):
        report = FileReport(file=path, findings=scan_file(path))
        if clean_dir is not None:
            _clean_into(report, _free_folder(Path(clean_dir), path.name, used), hidden_cells)
        reports.append(report)
    return reports


def _free_folder(root: Path, name: str, used: set[str]) -> Path:
    """``root``, or a numbered folder under it when two inputs share a file name."""
    folder, number = root, 1
    while str(folder / name) in used:
        number += 1
        folder = root / str(number)
    used.add(str(folder / name))
    return folder


def _clean_into(report: FileReport, folder: Path, hidden_cells: HiddenCells) -> None:
    try:
        report.cleaned = clean(report.file, out_dir=folder, hidden_cells=hidden_cells)
    except LeaksRemain as remain:
        report.cleaned, report.remaining = remain.path, remain.findings
    except CannotClean as refusal:
        report.problem = f"cannot clean: {refusal}"


def write_text(reports: list[FileReport], out: Writer) -> None:
    """The reports for a person at a terminal."""
    for report in reports:
        if not report.findings:
            out.write(f"{report.file}: clean\n")
        for finding in report.findings:
            out.write(finding.describe() + "\n")
        if report.problem:
            out.write(f"{report.file}: {report.problem}\n")
        elif report.cleaned is not None:
            state = "clean" if not report.remaining else f"{len(report.remaining)} finding(s) remain"
            out.write(f"{report.file}: cleaned copy {report.cleaned} ({state})\n")
            for finding in report.remaining:
                out.write("  remaining: " + finding.describe() + "\n")
    total = sum(len(report.findings) for report in reports)
    with_findings = sum(1 for report in reports if report.findings)
    out.write(f"{total} finding(s) in {with_findings} of {len(reports)} file(s)\n")


def run(paths: list[str], *, as_json: bool, clean_dir: str | None, hidden_cells: HiddenCells, out: Writer) -> int:
    """Scan (and clean), write the result to ``out`` and return the exit status (0 clean, 1 found)."""
    reports = scan_paths(paths, clean_dir=clean_dir, hidden_cells=hidden_cells)
    if as_json:
        findings = sum(len(report.findings) for report in reports)
        out.write(json.dumps({"files": [report.as_dict() for report in reports], "findings": findings}, indent=2))
        out.write("\n")
    else:
        write_text(reports, out)
    return 0 if all(report.ok for report in reports) else 1
