"""Benchmark: retention runs over a generated council estate (``pledge retention run``, P102-P104).

Run: `.venv/bin/python bench/retention.py [--people 1000000] [--seed 1] [--estate DIR] [--read-only]`.

Generates an estate (``pledge.discovery.estate.generate_estate``) in a throwaway folder, or reuses ``--estate DIR``
(generating it there when the folder is empty: 1,000,000 people take about five minutes, so keep the folder).
The runs work on a copy of the estate, so the folder given is never changed (``--first-run-only`` changes nothing
and reads it in place). In a throwaway Pledge database with
the Anyshire demo register (its retention rules), it then times:

1. a first run: every table streamed, what is due queued per table and rule (nothing approved yet);
2. every due batch approved, and a second run carrying them out: the SQL systems are made writable in the copy
   (unless ``--read-only``), so destroyed records go through the connectors; the others become owner tasks;
3. a third run, which must dispose of nothing and raise no task (idempotent).

``--first-run-only`` stops after the first run (the nightly run's usual work: reading everything, queueing).

Prints records read, due, disposed of and tasks raised, the seconds (wall clock and CPU) and records per second of
each run, and the peak memory of the process (Django included).
"""

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def ensure_estate(folder: Path, people: int, seed: int) -> None:
    from pledge.discovery.estate import generate_estate

    if (folder / "systems.yaml").exists():
        say(f"Reusing the estate in {folder}")
        return
    say(f"Generating {people:,} people into {folder} ...")
    started = time.perf_counter()
    summary = generate_estate(people=people, seed=seed, out=folder)
    say(f"  {sum(summary.records.values()):,} ground-truth records in {time.perf_counter() - started:.0f} s")


def writable_copy(estate: Path, work: Path, *, sql_writable: bool) -> Path:
    """A copy of the estate whose SQL systems (and CSV ones already writable) Pledge may write to."""
    import yaml

    copy = work / "estate"
    shutil.copytree(estate, copy, ignore=shutil.ignore_patterns("ground_truth.csv", "mentions.csv", "people.csv"))
    path = copy / "systems.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for system in data["systems"]:
        if sql_writable and system["kind"] == "sql":
            system["writable"] = True
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def setup_django(work: Path, systems: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'pledge.sqlite3'}"
    os.environ["PLEDGE_SYSTEMS"] = str(systems)
    os.environ["PLEDGE_PRIVATE_ROOT"] = str(work / "private")
    os.environ["PLEDGE_IDENTITY_INDEX"] = str(work / "index")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledge.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("register", "import", str(ROOT / "demo" / "anyshire" / "register"), stdout=open(os.devnull, "w"))


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine, a fairer measure of the work than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_run(label: str) -> tuple[float, object]:
    from pledge.retention.models import DisposalRun
    from pledge.retention.runs import queue_run
    from pledge.retention.sweep import sweep

    run = queue_run(actor=None, dry_run=False, enqueue=False)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    done = [0]

    def progress(run: DisposalRun) -> None:
        if run.systems_done != done[0]:
            done[0] = run.systems_done
            say(f"   {run.systems_done}/{run.systems_total} systems, {run.records_read:,} records read, "
                f"{time.perf_counter() - started:.0f} s")  # fmt: skip

    sweep(run=run, progress=progress)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    say(
        f"{label:<28}{seconds:8.1f} s ({cpu:.1f} s CPU)  {run.records_read / seconds:>9,.0f} records/s  "
        f"read {run.records_read:,}, due {run.due:,}, held {run.held:,}, disposed of {run.disposed:,}, "
        f"tasks {run.tasks_raised}"
    )
    for problem in run.problems:
        say(f"  problem: {problem}")
    return seconds, run


def approve_everything() -> int:
    from pledge.core.models import User
    from pledge.core.roles import Role
    from pledge.retention.execution import approve_batch
    from pledge.retention.models import BatchState, DisposalBatch

    dpo, _ = User.objects.get_or_create(username="bench-dpo", defaults={"role": Role.DPO})
    batches = list(DisposalBatch.objects.filter(state=BatchState.DUE, due_count__gt=0))
    for batch in batches:
        approve_batch(batch=batch, actor=dpo)
    return sum(batch.due_count for batch in batches)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--estate", type=Path, default=None, help="generate here once, reuse afterwards")
    parser.add_argument("--read-only", action="store_true", help="keep the SQL systems read-only (all tasks)")
    parser.add_argument("--first-run-only", action="store_true", help="time the first run (the queue) alone")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pledge-retention-"))
    estate = args.estate or work / "generated"
    try:
        estate.mkdir(parents=True, exist_ok=True)
        ensure_estate(estate, args.people, args.seed)
        # The first run changes no system (nothing is approved yet), so it reads the estate in place.
        systems = (
            estate / "systems.yaml"
            if args.first_run_only
            else writable_copy(estate, work, sql_writable=not args.read_only)
        )
        setup_django(work, systems)
        first, _ = timed_run("1. queue what is due")
        if args.first_run_only:
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            say(f"Peak memory {peak_mb:,.0f} MB")
            return
        approved = approve_everything()
        say(f"   approved {approved:,} records in every due batch")
        second, _ = timed_run("2. carry out the approvals")
        third, run = timed_run("3. again (idempotent)")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        clean = run.disposed == 0 and run.tasks_raised == 0  # type: ignore[attr-defined]
        say(
            f"Total {first + second + third:.0f} s; peak memory {peak_mb:,.0f} MB; "
            f"third run {'disposed of nothing and raised no task' if clean else 'DID MORE WORK: not idempotent'}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
