"""Benchmark: importing the Anyshire register and generating every notice, with query counts.

Run: `uv run python bench/register.py` (uses a throwaway SQLite file unless DATABASE_URL is set).
Prints seconds and database queries for a first import, a no-op re-import (the baseline a CI sync
would pay), notice generation for every notice, and publishing them all.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
scratch = tempfile.mkdtemp(prefix="pledge-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledge.settings")

import django  # noqa: E402

django.setup()

from datetime import date  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from pledge.notices.generation import build_notice_document, ensure_notices  # noqa: E402
from pledge.notices.services import publish_notice  # noqa: E402
from pledge.register.services import import_register  # noqa: E402

DEMO = ROOT / "demo" / "anyshire" / "register"


def measure(label: str, work) -> float:  # type: ignore[no-untyped-def]
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
    sys.stdout.write(f"{label:<40} {seconds:8.3f} s {len(queries):7d} queries   {result}\n")
    return seconds


def main() -> None:
    call_command("migrate", verbosity=0)
    sys.stdout.write(f"database: {connection.vendor}\n")
    first = measure(
        "import demo register (first)", lambda: import_register(directory=DEMO, actor="bench").summary()[:60]
    )
    again = measure("re-import, nothing changed", lambda: import_register(directory=DEMO, actor="bench").summary()[:60])
    notices = ensure_notices()
    generate = measure(
        f"generate {len(notices)} notice documents", lambda: len([build_notice_document(n) for n in notices])
    )
    publish = measure(
        f"publish {len(notices)} notices",
        lambda: len(
            [
                publish_notice(notice=n, actor="bench", change_summary="bench", effective_from=date(2026, 4, 1))
                for n in notices
            ]
        ),
    )
    sys.stdout.write(f"\nratio re-import / first import: {again / first:.2f}\n")
    per_generate, per_publish = generate / len(notices) * 1000, publish / len(notices) * 1000
    sys.stdout.write(f"per notice: generate {per_generate:.1f} ms, publish {per_publish:.1f} ms\n")


if __name__ == "__main__":
    main()
