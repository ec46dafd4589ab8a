"""Benchmark: generating the synthetic council estate (``pledge demo estate``).

Run: `.venv/bin/python bench/estate.py [--people 100000] [--seed 1] [--out DIR]` (a throwaway folder unless --out).
Prints the seconds each stage took (the people, then each system), people per second overall, the records written
and the peak memory. No Django needed: the generator is framework-free.
"""

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pledge.discovery.estate import generate_estate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="pledge-estate-"))
    stages: dict[str, float] = {}
    last = [time.perf_counter()]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now

    try:
        summary = generate_estate(people=args.people, seed=args.seed, out=out, progress=progress)
        for stage, seconds in stages.items():
            print(f"{stage:<20}{seconds:8.1f} s")  # noqa: T201
        records = sum(summary.records.values())
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(  # noqa: T201
            f"{summary.people:,} people, {summary.households:,} households, {records:,} ground-truth records in "
            f"{summary.seconds:.1f} s: {summary.people / summary.seconds:,.0f} people/s, peak memory {peak_mb:,.0f} MB"
        )
    finally:
        if args.out is None:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
