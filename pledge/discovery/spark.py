"""Batch record linkage on Apache Spark, for estate-wide runs beyond one machine (issue 5, "Beyond one machine").

The same Fellegi-Sunter method as the identity index, written in PySpark so it scales out: records are normalised
into the identity fields, candidate pairs come from several blocking keys OR-ed together (so one typo cannot hide a
match), each pair gets a comparison level per field (exact, close, disagree, missing), u probabilities are estimated
from random pairs, m probabilities and the prior by expectation maximisation over the blocked pairs' comparison
patterns (counted in Spark, so only the small pattern table reaches the driver), and each pair's probability is the
posterior. The output is the ``pledge identity link`` format: ``left_id,right_id,probability``.

Matching personal data is processing in its own right (UK GDPR Art 5(1)(c), data minimisation): only the identity
fields a caller maps are read, and nothing but record keys and probabilities is written out.
"""

import math
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pledge.discovery.sources import IdentityField

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

# The fields compared, their normalised column and how "close" is judged. Names allow one edit or the same sound;
# dates one edit (a typed digit or swapped pair); postcodes the same outward code; addresses half their words.
COMPARED = ("given", "family", "dob", "email", "phone", "postcode", "address", "ident")
LEVELS = 3  # 0 disagree, 1 close, 2 exact; missing on either side is neutral (weight 0), as in the index
DEFAULT_THRESHOLD = 0.5
EM_ITERATIONS = 40
U_SAMPLE_PAIRS = 200_000


@dataclass(frozen=True)
class SparkLinkResult:
    """What a Spark linkage run produced: links above the threshold, the pair counts and the learned weights."""

    links: int
    candidate_pairs: int
    prior: float
    weights: Mapping[str, tuple[float, ...]] = field(default_factory=dict)  # log2(m/u) per level, per field


# For small runs (tests, a demo): compiling generated code and JIT warm-up cost more than they save on a few
# hundred rows, so interpret instead. Estate-wide runs leave these at Spark's defaults.
SMALL_DATA_CONFIG = {
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.adaptive.enabled": "false",
    "spark.driver.extraJavaOptions": "-XX:+UseSerialGC -XX:TieredStopAtLevel=1",
}


def spark_session(
    *,
    app_name: str = "pledge-linkage",
    cores: int = 2,
    shuffle_partitions: int = 2,
    config: Mapping[str, str] | None = None,
) -> "SparkSession":
    """A local Spark session set up for linkage: no UI, a few shuffle partitions, errors only in the log."""
    import logging

    from pyspark.sql import SparkSession

    # py4j logs each connection closing at INFO, even from interpreter shutdown after the log stream has closed.
    logging.getLogger("py4j").setLevel(logging.ERROR)
    builder = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.default.parallelism", str(cores))
        .config("spark.sql.autoBroadcastJoinThreshold", str(64 * 1024 * 1024))
        .config("spark.driver.memory", "2g")
    )
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _normalised(frame: "DataFrame", *, id_column: str, columns: Mapping[str, IdentityField]) -> "DataFrame":
    """The records' key and normalised identity fields; several columns mapped to one field are joined."""
    from pyspark.sql import functions as F

    def joined(fields: Sequence[IdentityField]) -> "Column":
        names = [name for name, mapped in columns.items() if mapped in fields]
        if not names:
            return F.lit(None).cast("string")
        parts = [F.coalesce(F.trim(F.col(f"`{name}`").cast("string")), F.lit("")) for name in names]
        text = F.lower(F.concat_ws(" ", *parts))
        text = F.trim(F.regexp_replace(F.regexp_replace(text, r"[^a-z0-9@.+ ]", " "), r"\s+", " "))
        return F.when(text == "", None).otherwise(text)

    given = joined([IdentityField.GIVEN_NAME])
    family = joined([IdentityField.FAMILY_NAME])
    digits_dob = F.regexp_replace(joined([IdentityField.DATE_OF_BIRTH]), r"[^0-9]", "")
    phone = F.regexp_replace(joined([IdentityField.PHONE]), r"[^0-9]", "")
    postcode = F.regexp_replace(joined([IdentityField.POSTCODE]), " ", "")
    ident = F.regexp_replace(
        joined([IdentityField.NI_NUMBER, IdentityField.NHS_NUMBER, IdentityField.ACCOUNT_REFERENCE]), " ", ""
    )
    out = frame.select(
        F.col(f"`{id_column}`").cast("string").alias("id"),
        given.alias("given"),
        family.alias("family"),
        F.when(digits_dob == "", None).otherwise(digits_dob).alias("dob"),
        joined([IdentityField.EMAIL]).alias("email"),
        F.when(phone == "", None).otherwise(F.substring(phone, -10, 10)).alias("phone"),
        F.when(postcode == "", None).otherwise(postcode).alias("postcode"),
        joined([IdentityField.ADDRESS]).alias("address"),
        F.when(ident == "", None).otherwise(ident).alias("ident"),
    )
    return (
        out.withColumn("given_sx", F.soundex("given"))
        .withColumn("family_sx", F.soundex("family"))
        .withColumn("outward", F.expr("substring(postcode, 1, greatest(length(postcode) - 3, 2))"))
        .withColumn("address_words", F.array_distinct(F.split(F.coalesce("address", F.lit("")), " ")))
    )


# Blocking keys: a pair is a candidate when it agrees on any one of these (each key all non-null).
BLOCKING_KEYS: tuple[tuple[str, ...], ...] = (
    ("family_sx", "given_sx"),
    ("dob",),
    ("email",),
    ("phone",),
    ("ident",),
    ("postcode", "given_sx"),
    ("family_sx", "outward"),
)


def _candidate_pairs(left: "DataFrame", right: "DataFrame", *, dedupe: bool) -> "DataFrame":
    """Distinct (left id, right id) pairs agreeing on at least one blocking key; in a dedupe, each pair once.

    Every record's keys are exploded into one column (tagged with the key's number) so all the blocking rules are
    one join rather than one join each: far fewer Spark stages, which is what small runs wait on."""
    from pyspark.sql import functions as F

    def keyed(frame: "DataFrame", side: str) -> "DataFrame":
        keys = [
            F.when(
                F.greatest(*[F.col(k).isNull() for k in key]) if len(key) > 1 else F.col(key[0]).isNull(), None
            ).otherwise(F.concat_ws("|", F.lit(str(number)), *[F.col(k) for k in key]))
            for number, key in enumerate(BLOCKING_KEYS)
        ]
        exploded = frame.select(F.col("id").alias(f"id_{side}"), F.explode(F.array(*keys)).alias("block"))
        return exploded.where(F.col("block").isNotNull())

    pairs = keyed(left, "l").join(keyed(right, "r"), on="block").select("id_l", "id_r")
    if dedupe:
        pairs = pairs.where(F.col("id_l") < F.col("id_r"))
    return pairs.distinct()


def _levels(pairs: "DataFrame", left: "DataFrame", right: "DataFrame") -> "DataFrame":
    """Each pair with one comparison level per field: 2 exact, 1 close, 0 disagree, -1 missing."""
    from pyspark.sql import functions as F

    l_cols = [F.col(c).alias(f"{c}_l") for c in left.columns]
    r_cols = [F.col(c).alias(f"{c}_r") for c in right.columns]
    joined = pairs.join(left.select(*l_cols), on="id_l").join(right.select(*r_cols), on="id_r")

    def level(name: str, close: "Column") -> "Column":
        a, b = F.col(f"{name}_l"), F.col(f"{name}_r")
        return F.when(a.isNull() | b.isNull(), -1).when(a == b, 2).when(close, 1).otherwise(0).cast("int").alias(name)

    def edits(name: str, most: int) -> "Column":
        return F.levenshtein(F.col(f"{name}_l"), F.col(f"{name}_r")) <= most

    shared_words = F.size(F.array_intersect("address_words_l", "address_words_r"))
    fewest_words = F.least(F.size("address_words_l"), F.size("address_words_r"))
    swapped = (F.col("given_l") == F.col("family_r")) & (F.col("family_l") == F.col("given_r"))
    return joined.select(
        "id_l",
        "id_r",
        level("given", edits("given", 1) | (F.col("given_sx_l") == F.col("given_sx_r")) | swapped),
        level("family", edits("family", 1) | (F.col("family_sx_l") == F.col("family_sx_r")) | swapped),
        level("dob", edits("dob", 1)),
        level("email", edits("email", 1)),
        level("phone", edits("phone", 1)),
        level("postcode", F.col("outward_l") == F.col("outward_r")),
        level("address", shared_words * 2 >= fewest_words),
        level("ident", edits("ident", 1)),
    )


def _u_probabilities(left: "DataFrame", right: "DataFrame", *, seed: int) -> dict[str, list[float]]:
    """P(level | not a match) per field from random pairs, which are almost all non-matches."""
    from pyspark.sql import functions as F

    per_side = max(1, int(math.sqrt(U_SAMPLE_PAIRS)))
    # A seeded hash order picks the same records every run without counting the tables first (one stage less).
    lhs = left.orderBy(F.xxhash64("id", F.lit(seed))).limit(per_side)
    rhs = right.orderBy(F.xxhash64("id", F.lit(seed + 1))).limit(per_side)
    pairs = lhs.select(F.col("id").alias("id_l")).crossJoin(rhs.select(F.col("id").alias("id_r")))
    pairs = pairs.where(F.col("id_l") != F.col("id_r"))
    counts = _pattern_counts(_levels(pairs, left, right))
    return {name: _level_shares(counts, name, weights=None) for name in COMPARED}


def _pattern_counts(levelled: "DataFrame") -> list[tuple[tuple[int, ...], int]]:
    """How many pairs show each combination of levels: the only data EM needs, small enough for the driver."""
    rows = levelled.groupBy(*COMPARED).count().collect()
    return [(tuple(int(row[name]) for name in COMPARED), int(row["count"])) for row in rows]


def _level_shares(
    counts: Sequence[tuple[tuple[int, ...], int]], name: str, *, weights: Sequence[float] | None
) -> list[float]:
    """The (weighted) share of pairs at each non-missing level of one field, smoothed so none is zero."""
    index = COMPARED.index(name)
    totals = [0.5] * LEVELS  # a half-pair pseudo-count: an unseen level must not give an infinite weight
    for row, (pattern, count) in enumerate(counts):
        level = pattern[index]
        if level >= 0:
            totals[level] += count * (weights[row] if weights is not None else 1.0)
    whole = sum(totals)
    return [value / whole for value in totals]


def _expectation_maximisation(
    counts: Sequence[tuple[tuple[int, ...], int]], u: Mapping[str, list[float]]
) -> tuple[float, dict[str, list[float]]]:
    """The prior (share of blocked pairs that match) and m probabilities, with u held fixed."""
    m = {name: [0.05, 0.15, 0.8] for name in COMPARED}
    prior = 0.1
    total = sum(count for _, count in counts)
    match_share: list[float] = []
    for _ in range(EM_ITERATIONS):
        match_share = []
        for pattern, _count in counts:
            ratio = prior / (1 - prior)
            for name, level in zip(COMPARED, pattern, strict=True):
                if level >= 0:
                    ratio *= m[name][level] / u[name][level]
            match_share.append(ratio / (1 + ratio))
        expected = sum(share * count for share, (_, count) in zip(match_share, counts, strict=True))
        prior = min(max(expected / total, 1e-9), 1 - 1e-9)
        m = {name: _level_shares(counts, name, weights=match_share) for name in COMPARED}
    return prior, m


def _read_csv(spark: "SparkSession", path: Path) -> "DataFrame":
    return spark.read.option("header", True).option("inferSchema", False).csv(str(path))


def link_on_spark(
    left_csv: Path,
    right_csv: Path | None,
    out: Path,
    *,
    left_columns: Mapping[str, IdentityField],
    right_columns: Mapping[str, IdentityField] | None = None,
    left_id: str = "id",
    right_id: str = "id",
    threshold: float = DEFAULT_THRESHOLD,
    spark: "SparkSession | None" = None,
    seed: int = 1,
) -> SparkLinkResult:
    """Link two CSV files (or dedupe one, ``right_csv=None``) on Spark; write ``left_id,right_id,probability``.

    ``left_columns`` maps a file's column names to identity fields (several columns may map to one field, e.g. the
    lines of an address). Pairs at or above ``threshold`` are written, best first; in a dedupe each pair once.
    """
    session = spark or spark_session()
    try:
        left = _normalised(_read_csv(session, left_csv), id_column=left_id, columns=left_columns).cache()
        dedupe = right_csv is None
        right = (
            left
            if right_csv is None
            else _normalised(_read_csv(session, right_csv), id_column=right_id, columns=right_columns or left_columns)
        ).cache()
        result = _link_frames(left, right, out=out, dedupe=dedupe, threshold=threshold, seed=seed)
        left.unpersist()
        right.unpersist()
        return result
    finally:
        if spark is None:
            session.stop()


def _link_frames(
    left: "DataFrame", right: "DataFrame", *, out: Path, dedupe: bool, threshold: float, seed: int
) -> SparkLinkResult:
    """Block, learn u then m and the prior, score every candidate pair and write those above the threshold."""
    from pyspark.sql import functions as F

    u = _u_probabilities(left, right, seed=seed)
    levelled = _levels(_candidate_pairs(left, right, dedupe=dedupe), left, right).cache()
    counts = _pattern_counts(levelled)
    prior, m = _expectation_maximisation(counts, u)
    weights = {name: tuple(math.log2(m[name][i] / u[name][i]) for i in range(LEVELS)) for name in COMPARED}
    score = F.lit(math.log2(prior / (1 - prior)))
    for name in COMPARED:
        per_level = F.when(F.col(name) == 2, weights[name][2]).when(F.col(name) == 1, weights[name][1])
        score = score + per_level.when(F.col(name) == 0, weights[name][0]).otherwise(0.0)
    scored = levelled.select("id_l", "id_r", (1 / (1 + F.pow(F.lit(2.0), -score))).alias("probability"))
    links = scored.where(F.col("probability") >= threshold).orderBy(F.col("probability").desc(), "id_l", "id_r")
    _write_links(links.toPandas(), out)
    result = SparkLinkResult(
        links=sum(1 for _ in open(out, encoding="utf-8")) - 1,
        candidate_pairs=sum(count for _, count in counts),
        prior=prior,
        weights=weights,
    )
    levelled.unpersist()
    return result


def _write_links(frame: Any, out: Path) -> None:
    """One CSV on the driver (links are few next to records), written beside then moved, so no half file is left."""
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = frame.rename(columns={"id_l": "left_id", "id_r": "right_id"})
    with tempfile.NamedTemporaryFile("w", delete=False, dir=out.parent, suffix=".csv", encoding="utf-8") as handle:
        frame.to_csv(handle, index=False, float_format="%.6f")
    shutil.move(handle.name, out)
