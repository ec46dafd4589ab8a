"""The leak scanner for every file that leaves Pledge (access packages, FOI responses, disclosures).

``release_check(paths)`` lists what a reader could recover from each file without seeing it on the page;
``clean(path)`` writes a fixed copy and proves it clean by scanning it again. Framework-free: no Django imports.
"""

from pledge.redaction.leaks.clean import CannotClean, LeaksRemain, clean
from pledge.redaction.leaks.findings import Finding, LeakKind, Severity
from pledge.redaction.leaks.scan import release_check, scan_file
from pledge.redaction.leaks.xlsx_clean import HiddenCells

__all__ = [
    "CannotClean",
    "Finding",
    "HiddenCells",
    "LeakKind",
    "LeaksRemain",
    "Severity",
    "clean",
    "release_check",
    "scan_file",
]
