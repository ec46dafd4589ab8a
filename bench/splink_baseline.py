"""The Splink baseline the identity benchmarks compare Pledge against, configured as a competent user would.

Splink 5 on DuckDB (or Spark, ``pledge.discovery.spark``): Jaro-Winkler name comparisons with a term-frequency
adjustment on the surname, date of birth, email, phone, postcode and address comparisons, several blocking rules
OR-ed together, u estimated by random sampling, m by expectation maximisation over two different blocking rules (so
every comparison gets an m), the prior from deterministic rules. Pairs at match probability >= 0.5 count as links:
that is where a Fellegi-Sunter model says a match is more likely than not, the threshold Splink's own docs use.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

THRESHOLD = 0.5


@dataclass(frozen=True)
class SplinkPairs:
    """Scored pairs above the threshold (``left_id``, ``right_id``, ``probability``) and how long each stage took."""

    pairs: pd.DataFrame
    train_seconds: float
    predict_seconds: float


def quiet_splink() -> None:
    """Splink logs every SQL stage at INFO; the benchmarks print their own figures."""
    for name in ("splink", "py4j", "pyspark"):
        logging.getLogger(name).setLevel(logging.ERROR)


def febrl_settings(*, link_type: Literal["link_only", "dedupe_only"]) -> dict[str, Any]:
    """Splink settings for the FEBRL columns (given_name, surname, address, suburb, postcode, dob, soc_sec_id)."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return (
        SettingsCreator(
            link_type=link_type,
            unique_id_column_name="rec_id",
            comparisons=[
                cl.NameComparison("given_name"),
                cl.NameComparison("surname").configure(term_frequency_adjustments=True),
                cl.DamerauLevenshteinAtThresholds("date_of_birth", [1, 2]),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
                cl.ExactMatch("street_number"),
                cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
                cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
                cl.DamerauLevenshteinAtThresholds("postcode", [1]),
                cl.ExactMatch("state"),
            ],
            blocking_rules_to_generate_predictions=[
                block_on("given_name"),
                block_on("surname"),
                block_on("date_of_birth"),
                block_on("soc_sec_id"),
                block_on("postcode", "street_number"),
            ],
            retain_intermediate_calculation_columns=False,
        )
        .get_settings("duckdb")
        .as_dict()
    )


def train_and_predict(
    *,
    db_api: Any,
    tables: Sequence[pd.DataFrame],
    settings: dict[str, Any] | Any,
    em_rules: Sequence[Any],
    deterministic_rules: Sequence[Any],
    seed: int = 1,
    max_pairs: float = 2e6,
    threshold: float = THRESHOLD,
) -> SplinkPairs:
    """Train a Splink model on ``tables`` (one to dedupe, two to link) and return its pairs above ``threshold``."""
    import time

    from splink import Linker

    quiet_splink()
    registered = [db_api.register(table) for table in tables]
    linker = Linker(registered if len(registered) > 1 else registered[0], settings, log_level=logging.ERROR)
    started = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(list(deterministic_rules), recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    for rule in em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    trained = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    predicted = time.perf_counter()
    pairs = pd.DataFrame(
        {
            "left_id": predictions["rec_id_l" if "rec_id_l" in predictions else "unique_id_l"].astype(str),
            "right_id": predictions["rec_id_r" if "rec_id_r" in predictions else "unique_id_r"].astype(str),
            "probability": predictions["match_probability"].astype(float),
        }
    )
    if "source_dataset_l" in predictions:
        pairs["left_source"] = predictions["source_dataset_l"].astype(str)
        pairs["right_source"] = predictions["source_dataset_r"].astype(str)
    return SplinkPairs(pairs=pairs, train_seconds=trained - started, predict_seconds=predicted - trained)


def estate_settings() -> dict[str, Any]:
    """Splink settings for one row per council record or requester, after the same cleaning Pledge does.

    Names Jaro-Winkler (surname with term frequencies), date of birth (exact, then within a month or a year),
    email (exact, username), phone, postcode (full, sector, district), the address line (Jaro-Winkler) and an
    array of all postcodes the record knows (current and previous), so a mover's old address can still agree."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return (
        SettingsCreator(
            link_type="dedupe_only",
            unique_id_column_name="unique_id",
            comparisons=[
                cl.NameComparison("first_name"),
                cl.NameComparison("surname").configure(term_frequency_adjustments=True),
                cl.DateOfBirthComparison("dob", input_is_string=True, datetime_format="%Y-%m-%d"),
                cl.EmailComparison("email"),
                cl.DamerauLevenshteinAtThresholds("phone", [1]),
                cl.PostcodeComparison("postcode"),
                cl.JaroWinklerAtThresholds("address", [0.95, 0.85]),
                cl.ArrayIntersectAtSizes("postcodes", [1]),
            ],
            blocking_rules_to_generate_predictions=[
                block_on("first_name", "surname"),
                block_on("surname", "dob"),
                block_on("first_name", "dob"),
                block_on("email"),
                block_on("phone"),
                block_on("postcode", "substr(first_name, 1, 1)"),
            ],
            retain_intermediate_calculation_columns=False,
        )
        .get_settings("duckdb")
        .as_dict()
    )


def profile_row(unique_id: str, profile: Any) -> dict[str, Any]:
    """One Splink input row from a Pledge ``Profile`` (so both engines see identically cleaned values)."""

    def line(address: Any) -> str | None:
        if address is None:
            return None
        return " ".join(part for part in (address.flat, address.number, *address.street) if part) or None

    postcodes = [code for code in (profile.postcode, *profile.previous_postcodes) if code]
    return {
        "unique_id": unique_id,
        "first_name": profile.first or None,
        "surname": profile.family or None,
        "dob": profile.dob or None,
        "email": profile.emails[0] if profile.emails else None,
        "phone": profile.phones[0] if profile.phones else None,
        "postcode": profile.postcode or None,
        "address": line(profile.address),
        "postcodes": postcodes,
    }
