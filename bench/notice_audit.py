"""Benchmark the privacy-notice audit (PN01-PN16) on the labelled evaluation set and the five seeds.

Run: ``.venv/bin/python bench/notice_audit.py [--markdown] [--split dev|heldout|all] [--seeds DIR]``

Prints accuracy over all item decisions, per-item accuracy, a 3x3 confusion matrix, per-status
precision/recall, dev vs held-out figures, time per document, and the same figures for a naive
keyword baseline (one keyword list per item; ``found`` if any keyword appears, else ``missing``).
Then the status of every PN item for each seed notice.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pledge.notices.audit import ITEM_IDS, audit_document, load_ico  # noqa: E402
from pledge.notices.audit.reader import read_document  # noqa: E402

DATA = ROOT / "tests" / "data" / "notice_audit"
SEEDS = Path("/work/shared/seeds")
STATUSES = ("found", "unclear", "missing")

BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "PN01": ("data controller", "contact us"),
    "PN02": ("representative",),
    "PN03": ("data protection officer",),
    "PN04": ("purpose", "we use your"),
    "PN05": ("lawful basis", "legal basis"),
    "PN06": ("legitimate interest",),
    "PN07": ("we collect", "information we"),
    "PN08": ("share",),
    "PN09": ("outside the uk", "transfer"),
    "PN10": ("how long", "retention", "keep"),
    "PN11": ("your rights", "right to"),
    "PN12": ("withdraw",),
    "PN13": ("information commissioner", "ico", "complain"),
    "PN14": ("source", "receive information"),
    "PN15": ("required", "must provide"),
    "PN16": ("automated", "profiling"),
}


@dataclass
class Tally:
    """Decisions of one system on one split."""

    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (item, truth, predicted)
    seconds: float = 0.0
    documents: int = 0

    @property
    def accuracy(self) -> float:
        return sum(t == p for _, t, p in self.pairs) / max(1, len(self.pairs))

    def item_accuracy(self, item: str) -> float:
        rows = [(t, p) for i, t, p in self.pairs if i == item]
        return sum(t == p for t, p in rows) / max(1, len(rows))

    def confusion(self) -> dict[str, dict[str, int]]:
        table = {t: dict.fromkeys(STATUSES, 0) for t in STATUSES}
        for _, truth, predicted in self.pairs:
            table[truth][predicted] += 1
        return table

    def precision_recall(self, status: str) -> tuple[float, float]:
        predicted = [t for _, t, p in self.pairs if p == status]
        actual = [p for _, t, p in self.pairs if t == status]
        precision = sum(t == status for t in predicted) / len(predicted) if predicted else 0.0
        recall = sum(p == status for p in actual) / len(actual) if actual else 0.0
        return precision, recall


def baseline(data: bytes, filename: str) -> dict[str, str]:
    """The naive keyword matcher: ``found`` if any of the item's keywords appears, else ``missing``."""
    text = " ".join(s.text for s in read_document(data, filename=filename).sentences).lower()
    return {item: "found" if any(k in text for k in words) else "missing" for item, words in BASELINE_KEYWORDS.items()}


def ours(ico: dict) -> Callable[[bytes, str], dict[str, str]]:
    def run(data: bytes, filename: str) -> dict[str, str]:
        report = audit_document(data, filename=filename, ico=ico)
        return {item.id: str(item.status) for item in report.items}

    return run


def load_set() -> list[tuple[Path, str, dict[str, str]]]:
    """(notice path, split, labels) for every labelled notice."""
    out = []
    for labels_path in sorted(DATA.glob("*.labels.yaml")):
        stem = labels_path.name.removesuffix(".labels.yaml")
        notice = next(p for p in DATA.glob(stem + ".*") if not p.name.endswith(".labels.yaml"))
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        out.append((notice, labels["split"], {k: str(v) for k, v in labels["items"].items()}))
    return out


System = Callable[[bytes, str], dict[str, str]]


def evaluate(system: System, notices: list, splits: tuple[str, ...]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in ("all", *splits)}
    for path, split, labels in notices:
        if split not in splits:
            continue
        start = time.perf_counter()
        predicted = system(path.read_bytes(), path.name)
        elapsed = time.perf_counter() - start
        for name in ("all", split):
            tallies[name].seconds += elapsed
            tallies[name].documents += 1
            tallies[name].pairs += [(item, labels[item], predicted[item]) for item in ITEM_IDS]
    return tallies


def disagreements(system: Callable[[bytes, str], dict[str, str]], notices: list, split: str) -> list[str]:
    lines = []
    for path, notice_split, labels in notices:
        if notice_split != split:
            continue
        predicted = system(path.read_bytes(), path.name)
        lines += [
            f"  {path.name} {i}: label {labels[i]}, audit {predicted[i]}" for i in ITEM_IDS if labels[i] != predicted[i]
        ]
    return lines


def seed_table(seeds: Path, ico: dict) -> str:
    files = sorted(seeds.glob("*.txt"))
    reports = [audit_document(f.read_bytes(), filename=f.name, ico=ico) for f in files]
    head = "| Item | " + " | ".join(f.stem.split("_")[0] for f in files) + " |"
    rows = [head, "|---|" + "---|" * len(files)]
    for item in ITEM_IDS:
        rows.append(f"| {item} | " + " | ".join(str(r.status_of(item)) for r in reports) + " |")
    flags = ["| flags | " + " | ".join(_flag_summary(r) for r in reports) + " |"]
    ease = [
        "| reading ease / grade | "
        + " | ".join(f"{r.readability['flesch_reading_ease']} / {r.readability['grade']}" for r in reports)
        + " |"
    ]
    return "\n".join(rows + flags + ease)


def _flag_summary(report: object) -> str:
    counts: dict[str, int] = {}
    for flag in getattr(report, "flags", []):
        counts[flag.code] = counts.get(flag.code, 0) + 1
    return ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "-"


def summary_markdown(ours_t: dict[str, Tally], base_t: dict[str, Tally]) -> str:
    lines = [
        "| Split | Notices | Decisions | Audit accuracy | Keyword baseline | Ratio | ms / notice |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, tally in ours_t.items():
        base = base_t[name]
        lines.append(
            f"| {name} | {tally.documents} | {len(tally.pairs)} | {tally.accuracy:.1%} | {base.accuracy:.1%} "
            f"| {tally.accuracy / max(base.accuracy, 1e-9):.2f}x "
            f"| {1000 * tally.seconds / max(1, tally.documents):.1f} |"
        )
    whole = ours_t["all"]
    lines += ["", "Per status (all notices):", "", "| Status | Precision | Recall |", "|---|---|---|"]
    lines += [f"| {s} | {whole.precision_recall(s)[0]:.1%} | {whole.precision_recall(s)[1]:.1%} |" for s in STATUSES]
    lines += [
        "",
        "Confusion matrix (rows: label, columns: audit):",
        "",
        "| label \\ audit | " + " | ".join(STATUSES) + " |",
        "|---|---|---|---|",
    ]
    matrix = whole.confusion()
    lines += [f"| {t} | " + " | ".join(str(matrix[t][p]) for p in STATUSES) + " |" for t in STATUSES]
    lines += ["", "Per item (all notices):", "", "| Item | Audit | Baseline |", "|---|---|---|"]
    lines += [f"| {i} | {whole.item_accuracy(i):.0%} | {base_t['all'].item_accuracy(i):.0%} |" for i in ITEM_IDS]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the seed table and summary as markdown")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--errors", action="store_true", help="list disagreements on the dev split")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    ico = load_ico()
    notices = load_set()
    ours_t = evaluate(ours(ico), notices, splits)
    base_t = evaluate(baseline, notices, splits)
    out = sys.stdout.write
    if args.markdown:
        out("### Seed notices\n\n" + seed_table(args.seeds, ico) + "\n\n### Accuracy on the labelled set\n\n")
        out(summary_markdown(ours_t, base_t) + "\n")
        return 0
    out(f"Notice audit benchmark: {len(notices)} labelled notices in {DATA.relative_to(ROOT)}\n\n")
    out(summary_markdown(ours_t, base_t) + "\n\n")
    if args.errors:
        out("Disagreements (dev):\n" + "\n".join(disagreements(ours(ico), notices, "dev")) + "\n\n")
    if args.seeds.is_dir():
        out("Seed notices:\n\n" + seed_table(args.seeds, ico) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
