"""Benchmark: finding one person across a generated council estate, Pledge's identity index against Splink.

Run: `.venv/bin/python bench/identity.py [--people 1000000] [--seed 1] [--sample 2000] [--estate DIR] [--skip-splink]`.

Generates an estate (``pledge.discovery.estate.generate_estate``) in a throwaway folder, or reuses ``--estate DIR``
(generating it there when the folder is empty). Then:

* Pledge: builds the identity index over every system (``IdentityIndex.build``) in a child process, so its build
  time and peak memory (the child's own maximum resident set) are the index's alone, then looks up ``--sample``
  people, each by what they would type on a request form (``matching.evaluate.query_for``: name, date of birth,
  email, phone, current address and postcode, previous addresses and names), and scores the records returned at
  probability >= 0.5 against ``ground_truth.csv`` per hazard (``matching.evaluate``).
* Splink (the baseline; ``bench/splink_baseline.py``): in its own child process, the same records after the same
  cleaning (Pledge's profile parser), deduplication settings as a competent user would write them, u by random
  sampling, m by EM over two blocking rules, term frequencies on surname; the same sampled people as query records
  linked to the estate with ``predict_between`` at match probability >= 0.5, scored by the same code. Splink has no
  per-person lookup, so its latency is measured by linking one query at a time (first 50 sampled people); the
  figures use the batch run. Its "build" is training the model.

Prints recall and precision per hazard for both engines and the ratio Pledge/Splink, p50/p95 lookup latency, build
time and peak memory. Targets (issue 5): recall >= 0.97 and precision >= 0.95 overall and in every hazard, p95 under
100 ms, build under 10 minutes on 2 cores for 1,000,000 people.
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pledge.discovery.matching.evaluate import Evaluation, HazardFigures, evaluate, query_for, read_people  # noqa: E402

SPLINK_LATENCY_QUERIES = 50
HAZARDS = (
    "clean",
    "typo",
    "nickname",
    "initials",
    "name_order",
    "moved",
    "missing_dob",
    "household",
    "twin",
    "namesake",
    "changed_surname",
)


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000, help="people in the estate (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=2000, help="people looked up (default 2,000)")
    parser.add_argument("--estate", type=Path, default=None, help="reuse (or generate into) this estate folder")
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--stage", choices=("build", "splink"), help=argparse.SUPPRESS)  # child processes
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def _connectors(estate: Path) -> list[Any]:
    from pledge.discovery.connectors import connect, load_systems

    return [connect(config) for config in load_systems(estate / "systems.yaml")]


def _cpu_seconds() -> float:
    """CPU time of this process and of any worker processes it waited for (the index builds shards in parallel)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker, 0 when none


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def stage_build(args: argparse.Namespace) -> None:
    """Child process: build the index and write the seconds it took and this process's peak memory."""
    from pledge.discovery.matching import IdentityIndex

    started = time.perf_counter()
    index = IdentityIndex.build(connectors=_connectors(args.estate), path=args.index)
    seconds = time.perf_counter() - started
    records = int(index.meta["records"])  # type: ignore[call-overload]
    index.close()
    args.result.write_text(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": _cpu_seconds(),
                "peak_mb": _peak_mb(),
                "worker_peak_mb": _worker_peak_mb(),
                "records": records,
            }
        )
    )


def _sampled_people(estate: Path, sample: int, seed: int) -> list[dict[str, str]]:
    """The same people ``matching.evaluate.evaluate`` samples for this size and seed."""
    everyone = read_people(estate)
    return everyone if sample >= len(everyone) else random.Random(seed).sample(everyone, sample)


def _estate_rows(estate: Path) -> list[dict[str, Any]]:
    """Every record the index treats as a person (child rows without a name join their parent), as Splink rows."""
    from splink_baseline import profile_row

    from pledge.discovery.matching.profile import profile_from_identity
    from pledge.discovery.sources import IdentityField

    # The index's own rule (matching.building): a child row without a name is part of its parent record.
    name_fields = (IdentityField.FULL_NAME, IdentityField.GIVEN_NAME, IdentityField.FAMILY_NAME)

    rows = []
    for connector in _connectors(estate):
        children = {table.name for table in connector.config.tables if table.parent_table}
        for batch in connector.iter_records(batch_size=5000):
            for record in batch:
                if record.ref.table in children and not any(record.identity.get(name) for name in name_fields):
                    continue
                ref = record.ref
                rows.append(
                    profile_row(f"r|{ref.system}|{ref.table}|{ref.key}", profile_from_identity(record.identity))
                )
    return rows


def stage_splink(args: argparse.Namespace) -> None:
    """Child process: train Splink on the estate, link the sampled people to it, time single-person links."""
    import pandas as pd
    from splink import DuckDBAPI, Linker, block_on
    from splink_baseline import THRESHOLD, estate_settings, profile_row, quiet_splink

    from pledge.discovery.matching.profile import profile_from_query

    quiet_splink()
    records = pd.DataFrame(_estate_rows(args.estate))
    people = _sampled_people(args.estate, args.sample, args.seed)
    queries = pd.DataFrame(
        [profile_row(f"q|{p['person_id']}", profile_from_query(query_for(p))) for p in people],
        columns=records.columns,
    )
    db_api = DuckDBAPI()
    estate = db_api.register(records, table_name="estate")
    linker = Linker(estate, estate_settings(), log_level=None)
    started = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob"), block_on("email", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=max(2e6, min(len(records) * 20, 2e7)), seed=args.seed)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
    linker.table_management.compute_tf_table("surname")
    trained = time.perf_counter() - started
    started = time.perf_counter()
    batch = db_api.register(queries, table_name="queries")
    found = linker.inference.predict_between(batch, estate, threshold_match_probability=THRESHOLD)
    frame = found.as_pandas_dataframe()
    batch_seconds = time.perf_counter() - started
    returned: dict[str, list[Any]] = {}
    for left, right, chance in zip(frame["unique_id_l"], frame["unique_id_r"], frame["match_probability"], strict=True):
        query, record = (left, right) if str(left).startswith("q|") else (right, left)
        _, system, table, key = str(record).split("|", 3)
        returned.setdefault(str(query)[2:], []).append([system, table, key, float(chance)])
    latencies = []
    for number in range(min(SPLINK_LATENCY_QUERIES, len(queries))):
        one = db_api.register(queries.iloc[[number]], table_name=f"query_{number}")
        started = time.perf_counter()
        linker.inference.predict_between(one, estate, threshold_match_probability=THRESHOLD).as_pandas_dataframe()
        latencies.append((time.perf_counter() - started) * 1000)
    args.result.write_text(
        json.dumps(
            {
                "train_seconds": trained,
                "cpu": _cpu_seconds(),
                "batch_seconds": batch_seconds,
                "records": len(records),
                "peak_mb": _peak_mb(),
                "latencies_ms": latencies,
                "returned": returned,
            }
        )
    )


def _child(args: argparse.Namespace, stage: str, scratch: Path, **extra: Path) -> dict[str, Any]:
    """Run a stage of this script in a fresh process (its memory its own) and read what it wrote."""
    result = scratch / f"{stage}.json"
    command = [sys.executable, __file__, "--stage", stage, "--estate", str(args.estate), "--result", str(result)]
    command += ["--sample", str(args.sample), "--seed", str(args.seed)]
    for name, value in extra.items():
        command += [f"--{name}", str(value)]
    subprocess.run(command, check=True)
    return dict(json.loads(result.read_text()))


def _ensure_estate(args: argparse.Namespace) -> None:
    if args.estate is None:
        args.estate = Path(tempfile.mkdtemp(prefix="pledge-bench-estate-"))
    if (args.estate / "ground_truth.csv").exists():
        say(f"estate: reusing {args.estate}")
        return
    from pledge.discovery.estate import generate_estate

    started = time.perf_counter()
    summary = generate_estate(people=args.people, seed=args.seed, out=args.estate)
    say(
        f"estate: {args.people:,} people, {sum(summary.records.values()):,} records"
        f" in {time.perf_counter() - started:.0f} s"
    )


def _splink_finder(args: argparse.Namespace, returned: dict[str, list[Any]]) -> Any:
    """A finder for ``evaluate`` answering each sampled person's query with what Splink's batch link returned."""
    person_of = {
        query_for(person): person["person_id"] for person in _sampled_people(args.estate, args.sample, args.seed)
    }

    def finder(query: Any) -> list[tuple[tuple[str, str, str], float]]:
        return [((s, t, k), p) for s, t, k, p in returned.get(person_of[query], [])]

    return finder


def _cell(value: float | None) -> str:
    return f"{value:.4f}" if value is not None else "-"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "-"


def report(pledge: Evaluation, splink: Evaluation | None) -> None:
    """Recall and precision per hazard, side by side, with Pledge/Splink ratios."""
    header = f"{'hazard':<16}{'records':>8}{'P recall':>10}{'P prec':>9}"
    if splink:
        header += f"{'S recall':>10}{'S prec':>9}{'recall x':>10}{'prec x':>8}"
    say(header)
    names = [h for h in HAZARDS if h in pledge.hazards] + sorted(set(pledge.hazards) - set(HAZARDS))
    rows: list[tuple[str, HazardFigures, HazardFigures | None]] = [
        (name, pledge.hazards[name], splink.hazards.get(name) if splink else None) for name in names
    ]
    rows.append(("overall", pledge.overall, splink.overall if splink else None))
    for name, mine, theirs in rows:
        line = f"{name:<16}{mine.expected:>8}{_cell(mine.recall):>10}{_cell(mine.precision):>9}"
        if theirs is not None:
            line += f"{_cell(theirs.recall):>10}{_cell(theirs.precision):>9}"
            line += f"{_ratio(mine.recall, theirs.recall):>10}{_ratio(mine.precision, theirs.precision):>8}"
        say(line)


def main() -> None:
    args = _args()
    if args.stage == "build":
        return stage_build(args)
    if args.stage == "splink":
        return stage_splink(args)
    from pledge.discovery.matching import IdentityIndex

    _ensure_estate(args)
    with tempfile.TemporaryDirectory(prefix="pledge-bench-identity-") as folder:
        scratch = Path(folder)
        built = _child(args, "build", scratch, index=scratch / "index")
        index = IdentityIndex.open(scratch / "index")
        mine = evaluate(estate=args.estate, index=index, people=args.sample, seed=args.seed)
        parents = index.parents()
        index.close()
        theirs = splink_figures = None
        if not args.skip_splink:
            splink_figures = _child(args, "splink", scratch)
            finder = _splink_finder(args, splink_figures["returned"])
            theirs = evaluate(estate=args.estate, finder=finder, parents=parents, people=args.sample, seed=args.seed)
            theirs.latencies_ms = splink_figures["latencies_ms"]
    say(f"\n{args.sample:,} people looked up in an estate of {built['records']:,} indexed records (seed {args.seed})")
    report(mine, theirs)
    say(
        f"\nPledge: build {built['seconds']:.1f} s (process CPU {built['cpu']:.1f} s), "
        f"peak {built['peak_mb']:.0f} MB (largest worker process {built.get('worker_peak_mb', 0):.0f} MB); lookup p50 "
        f"{mine.percentile(0.5):.1f} ms, p95 {mine.percentile(0.95):.1f} ms"
    )
    if theirs is not None and splink_figures is not None:
        say(
            f"Splink: training {splink_figures['train_seconds']:.1f} s (process CPU {splink_figures['cpu']:.1f} s), "
            f"peak {splink_figures['peak_mb']:.0f} MB; "
            f"batch link of {args.sample:,} people {splink_figures['batch_seconds']:.1f} s; one-person link p50 "
            f"{theirs.percentile(0.5):.1f} ms, p95 {theirs.percentile(0.95):.1f} ms"
        )
        say(
            f"ratio Pledge/Splink: build {built['seconds'] / max(splink_figures['train_seconds'], 1e-9):.2f}, "
            f"memory {built['peak_mb'] / max(splink_figures['peak_mb'], 1e-9):.2f}, "
            f"p95 {mine.percentile(0.95) / max(theirs.percentile(0.95), 1e-9):.3f}"
        )


if __name__ == "__main__":
    main()
