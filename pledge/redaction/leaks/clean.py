"""Cleaning a file so it can leave Pledge: fix what can be fixed, then scan the result again to prove it clean."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pledge.redaction.leaks.findings import Finding, LeakKind
from pledge.redaction.leaks.scan import READ_HEAD, scan_file
from pledge.redaction.leaks.sniff import FileType, sniff
from pledge.redaction.leaks.xlsx_clean import HiddenCells

UNFIXABLE = {LeakKind.UNSUPPORTED_TYPE, LeakKind.UNREADABLE}


class CannotClean(ValueError):
    """The file cannot be cleaned by Pledge (unsupported, unreadable, or the output would overwrite it)."""


class LeaksRemain(ValueError):
    """Cleaning wrote ``path`` but the rescan still finds ``findings``: a person must deal with them."""

    def __init__(self, path: Path, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} finding(s) remain after cleaning")
        self.path = path
        self.findings = findings


def cleaned_path(source: Path, out_dir: Path | None) -> Path:
    """Where the cleaned copy goes: the same name in ``out_dir``, or ``name.clean.ext`` next to the source."""
    if out_dir is not None:
        return out_dir / source.name
    return source.with_name(f"{source.stem}.clean{source.suffix}")


def clean(
    path: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str] | None = None,
    hidden_cells: HiddenCells = HiddenCells.REMOVE,
) -> Path:
    """Write a cleaned copy of ``path`` and return its path, once a rescan of the copy finds nothing.

    Raises ``CannotClean`` for files Pledge cannot check or fix, and ``LeaksRemain`` (carrying the copy's path and
    the remaining findings) when something is left that only a person can deal with. The source is never changed.
    """
    source = Path(path)
    target = cleaned_path(source, Path(out_dir) if out_dir is not None else None)
    if target.exists() and target.resolve() == source.resolve():
        raise CannotClean("the cleaned copy would overwrite the original: choose another folder")
    findings = scan_file(source)
    if any(finding.kind in UNFIXABLE for finding in findings):
        raise CannotClean(next(finding.summary for finding in findings if finding.kind in UNFIXABLE))
    target.parent.mkdir(parents=True, exist_ok=True)
    if not findings:
        shutil.copyfile(source, target)
        return target
    try:
        _fix(source, target, hidden_cells)
    except CannotClean:
        raise
    except Exception as error:  # noqa: BLE001 - a file the cleaners choke on needs a person, not a traceback
        target.unlink(missing_ok=True)
        raise CannotClean(f"Pledge could not clean this file ({type(error).__name__}): a person must fix it") from error
    remaining = scan_file(target)
    if remaining:
        raise LeaksRemain(target, remaining)
    return target


def _fix(source: Path, target: Path, hidden_cells: HiddenCells) -> None:
    from pledge.redaction.leaks.docx_clean import clean_docx
    from pledge.redaction.leaks.image_clean import strip_image_metadata
    from pledge.redaction.leaks.pdf_clean import clean_pdf
    from pledge.redaction.leaks.xlsx_clean import flatten_xlsx

    with source.open("rb") as handle:
        file_type = sniff(source, handle.read(READ_HEAD))
    if file_type is FileType.XLSX:
        flatten_xlsx(source, target, hidden_cells=hidden_cells)
    elif file_type is FileType.DOCX:
        clean_docx(source, target)
    elif file_type is FileType.PDF:
        clean_pdf(source, target)
    elif file_type in (FileType.JPEG, FileType.PNG):
        target.write_bytes(strip_image_metadata(source.read_bytes()))
    else:
        raise CannotClean(f"Pledge cannot clean a {file_type} file")
