"""Benchmark: the deadline dashboard and case list with 100,000 cases, and intake throughput, with query counts.

Run: `.venv/bin/python bench/requests.py [--cases 100000] [--requests 60]`. With no DATABASE_URL it uses a throwaway
SQLite file. With DATABASE_URL pointing at PostgreSQL it creates its own database (``pledge_bench``) on that server,
never touching the one named in the URL, and drops it at the end (``--keep`` leaves it, or the SQLite file, to look at).

Cases are written with ``bulk_create`` (no audit rows: this measures reading them), spread over the years the
shipped bank-holiday calendar covers, up to three: ten kinds, six channels, every state by age, assignees and teams
from the demo register. Pages are fetched with Django's test client signed in as a caseworker, so the times cover
the middleware, session, permission check, queries and template, but not a network or a WSGI server. Prints p50 and
p95 per page, the queries one request makes, requests and journeys per second, and ratios.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "pledge_bench"


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases to create (default 100,000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page (default 60)")
    parser.add_argument("--intake", type=int, default=300, help="open_request calls to time (default 300)")
    parser.add_argument("--journeys", type=int, default=60, help="public journeys to time (default 60)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", action="store_true", help="keep the benchmark database (file or PostgreSQL) afterwards"
    )
    return parser.parse_args()


def _postgres_admin_url(url: str) -> tuple[str, str]:
    """The server's maintenance database URL, and the URL of our own benchmark database on the same server."""
    parts = urlsplit(url)
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    own = urlunsplit((parts.scheme, parts.netloc, f"/{BENCH_DATABASE}", parts.query, ""))
    return admin, own


def _recreate_postgres(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {BENCH_DATABASE}")


def _drop_postgres(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


ARGS = _args()
GIVEN_URL = os.environ.get("DATABASE_URL", "")
POSTGRES_ADMIN = ""
SCRATCH = tempfile.mkdtemp(prefix="pledge-bench-requests-")  # the SQLite file and the private files' root
if GIVEN_URL.startswith(("postgres://", "postgresql://")):
    POSTGRES_ADMIN, own_url = _postgres_admin_url(GIVEN_URL)
    _recreate_postgres(POSTGRES_ADMIN)
    os.environ["DATABASE_URL"] = own_url
elif GIVEN_URL:
    sys.exit("bench/requests.py: DATABASE_URL must be PostgreSQL, or unset for a throwaway SQLite file")
else:
    os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledge.settings")
os.environ.setdefault("PLEDGE_PRIVATE_ROOT", f"{SCRATCH}/private")

import django  # noqa: E402

django.setup()

from datetime import date, timedelta  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from pledge.calendars.services import current_calendar  # noqa: E402
from pledge.casework.clock import CLOCK_KIND, NOT_EXTENDABLE  # noqa: E402
from pledge.casework.models import Case, CaseKind, Channel, default_nation, format_reference  # noqa: E402
from pledge.casework.services import open_request  # noqa: E402
from pledge.casework.states import OPEN_STATES, CaseState  # noqa: E402
from pledge.core.models import User  # noqa: E402
from pledge.core.roles import Role  # noqa: E402
from pledge.law.calendar import Nation  # noqa: E402
from pledge.law.deadlines import statutory_deadline  # noqa: E402
from pledge.register.models import Service  # noqa: E402
from pledge.register.services import import_register  # noqa: E402

DEMO = ROOT / "demo" / "anyshire" / "register"
JOURNEY = [  # a resident asking for their own records, one page at a time (pledge/rights/journey.py)
    ("what-do-you-want-to-do", {"kind": "access"}),
    ("who-is-it-for", {"for_whom": "myself"}),
    ("your-name", {"name": "Bench Resident"}),
    ("contact-details", {"email": "bench.resident@example.invalid", "address": ""}),
    ("describe-your-request", {"details": "Everything about my council tax account"}),
]
KINDS = {
    CaseKind.ACCESS: 55,
    CaseKind.ACCESS_CCTV: 8,
    CaseKind.ERASURE: 10,
    CaseKind.RECTIFICATION: 8,
    CaseKind.OBJECTION: 5,
    CaseKind.RESTRICTION: 3,
    CaseKind.PORTABILITY: 2,
    CaseKind.AUTOMATED_DECISION_REVIEW: 1,
    CaseKind.CONSENT_WITHDRAWAL: 5,
    CaseKind.THIRD_PARTY_AUTHORISATION: 3,
}
CHANNELS = {
    Channel.WEB: 45,
    Channel.EMAIL: 30,
    Channel.LETTER: 10,
    Channel.PHONE: 10,
    Channel.IN_PERSON: 3,
    Channel.SOCIAL_MEDIA: 2,
}
OPEN_MIX = {
    CaseState.RECEIVED: 15,
    CaseState.AWAITING_ID: 10,
    CaseState.AWAITING_CLARIFICATION: 5,
    CaseState.IN_PROGRESS: 60,
    CaseState.EXTENDED: 10,
}


def _pick(rng: random.Random, weights: dict) -> object:  # type: ignore[type-arg]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class CaseMaker:
    """Plausible cases: recent ones still open, older ones answered (mostly on time), a few left overdue."""

    def __init__(self, *, rng: random.Random, today: date, first: date, assignees: list[int], teams: list[int]):
        self.rng, self.today, self.first = rng, today, first
        self.assignees, self.teams = assignees, teams
        self.calendar = current_calendar(Nation(default_nation()))
        self.deadlines: dict[tuple[object, date, date | None, bool], tuple[date, date]] = {}

    def deadline(self, kind: str, received: date, id_received: date | None, extended: bool) -> tuple[date, date]:
        key = (CLOCK_KIND[kind], received, id_received, extended)
        if key not in self.deadlines:
            worked = statutory_deadline(
                received=received,
                id_received=id_received,
                extended=extended,
                request_kind=CLOCK_KIND[kind],
                calendar=self.calendar,
            )
            self.deadlines[key] = (worked.due, worked.extension_notice_by)
        return self.deadlines[key]

    def make(self, pk: int) -> Case:
        rng, today = self.rng, self.today
        received = self.first + timedelta(days=rng.randrange((today - self.first).days + 1))
        age = (today - received).days
        kind = _pick(rng, KINDS)
        if age <= 45 or rng.random() < 0.004:  # recent, or one of the few old ones never finished
            state = _pick(rng, OPEN_MIX)
        else:
            state = rng.choices([CaseState.CLOSED, CaseState.RESPONDED, CaseState.WITHDRAWN], weights=[80, 15, 5])[0]
        extended = state == CaseState.EXTENDED or (state != CaseState.WITHDRAWN and rng.random() < 0.05)
        extended = extended and kind not in NOT_EXTENDABLE
        id_received = None
        if state != CaseState.AWAITING_ID and rng.random() < 0.2:
            id_received = min(received + timedelta(days=rng.randrange(1, 12)), today)
        due, notice_by = self.deadline(kind, received, id_received, extended)
        responded = refused = closed = None
        if state in (CaseState.RESPONDED, CaseState.CLOSED):
            late_by = rng.randrange(1, 20) if rng.random() < 0.12 else -rng.randrange(0, 20)
            responded = max(min(due + timedelta(days=late_by), today), id_received or received)
            if rng.random() < 0.03:
                refused = responded
            if state == CaseState.CLOSED:
                closed = min(responded + timedelta(days=rng.randrange(0, 30)), today)
        elif state == CaseState.WITHDRAWN:
            closed = min(received + timedelta(days=rng.randrange(1, 20)), today)
        return Case(
            id=pk,
            reference=format_reference(year=received.year, pk=pk),
            kind=kind,
            channel=_pick(rng, CHANNELS),
            state=state,
            received_on=received,
            id_received_on=id_received,
            extended=extended,
            extension_reason="Many records across several services" if extended else "",
            refusal_ground="manifestly_excessive" if refused else "",
            refusal_reasons="Repeats an earlier request" if refused else "",
            refused_on=refused,
            requester_name=f"Bench Requester {pk}",
            requester_email=f"requester{pk}@example.invalid",
            summary="Benchmark request",
            assignee_id=None if rng.random() < 0.15 else rng.choice(self.assignees),
            team_id=None if rng.random() < 0.2 else rng.choice(self.teams),
            due_on=due,
            extension_notice_by=notice_by,
            responded_on=responded,
            closed_on=closed,
        )


def populate(total: int, *, seed: int) -> tuple[User, date, date]:
    """The demo register (for its services), 25 caseworkers, and ``total`` cases in batches."""
    import_register(directory=DEMO, actor="bench")
    user = User.objects.create_user(username="bench-caseworker", password=None, role=Role.CASEWORKER)
    User.objects.bulk_create(User(username=f"caseworker-{n:02d}", role=Role.CASEWORKER) for n in range(24))
    assignees = list(User.objects.filter(role=Role.CASEWORKER).values_list("pk", flat=True))
    teams = list(Service.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    calendar = current_calendar(Nation(default_nation()))
    # Three years back, but no earlier than the calendar goes: a date it does not cover has no deadline.
    first = max(today - timedelta(days=3 * 365), date(min(calendar.years), 1, 1))
    maker = CaseMaker(rng=random.Random(seed), today=today, first=first, assignees=assignees, teams=teams)
    batch = 5000
    for start in range(0, total, batch):
        Case.objects.bulk_create([maker.make(pk) for pk in range(start + 1, min(start + batch, total) + 1)])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Case]):
            cursor.execute(sql)  # open_request after the bulk insert must not reuse an id
        cursor.execute("ANALYZE")  # the statistics autovacuum (PostgreSQL) or a DBA (SQLite) would have
    return user, first, today


def time_pages(client: Client, label: str, urls: list[str], rows: list[tuple]) -> list[float]:  # type: ignore[type-arg]
    """Fetch each URL (after two untimed warm-ups), recording milliseconds and the queries of one request."""
    for url in urls[:2]:
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(urls[0])
    assert response.status_code == 200, urls[0]
    query_count = len(queries)  # now: the next request clears the connection's query log
    times, cpu = [], []
    for url in urls:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, url
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    rows.append((label, len(times), cuts[49], cuts[94], max(times), statistics.median(cpu), query_count))
    return times


def time_intake(count: int, actor: User) -> float:
    started = time.perf_counter()
    today = timezone.localdate()
    for n in range(count):
        open_request(
            kind=CaseKind.ACCESS,
            channel=Channel.PHONE,
            received_on=today,
            requester_name=f"Phoned In {n}",
            requester_address="1 Bench Street",
            summary="Records about my housing application",
            actor=actor,
        )
    return count / (time.perf_counter() - started)


def time_journeys(count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        resident = Client()
        for slug, answers in JOURNEY:
            response = resident.post(f"/your-rights/{slug}/", answers)
            assert response.status_code == 302, f"{slug}: {response.status_code}"
        response = resident.post("/your-rights/check-your-answers/")
        assert response.status_code == 302 and "/request-sent/" in response["Location"], response.status_code
    return count / (time.perf_counter() - started)


def main() -> None:
    setup_test_environment(debug=False)  # as the test runner does: 'testserver' allowed, email kept in memory
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    started = time.perf_counter()
    user, first, today = populate(ARGS.cases, seed=ARGS.seed)
    created = time.perf_counter() - started
    open_count = Case.objects.filter(state__in=sorted(OPEN_STATES)).count()
    sys.stdout.write(
        f"database: {vendor} ({connection.settings_dict['NAME']})\n"
        f"cases: {Case.objects.count():,} received {first} to {today}, {open_count:,} open; "
        f"created in {created:.1f} s\n\n"
    )
    client = Client()
    client.force_login(user)
    team = Service.objects.order_by("name").values_list("pk", flat=True).first()
    assignee = Case.objects.filter(state=CaseState.IN_PROGRESS).values_list("assignee_id", flat=True).first()
    per_page = 50
    last = max(1, -(-open_count // per_page))
    n = ARGS.requests
    ids = list(Case.objects.order_by("?").values_list("pk", flat=True)[:n])
    rows: list[tuple] = []  # type: ignore[type-arg]
    first_page = time_pages(client, "dashboard, first page", ["/staff/cases/"] * n, rows)
    filtered = time_pages(client, "dashboard, team + kind filter", [f"/staff/cases/?team={team}&kind=access"] * n, rows)
    time_pages(
        client, "dashboard, assignee + state filter", [f"/staff/cases/?assignee={assignee}&state=in_progress"] * n, rows
    )
    pages = [f"/staff/cases/?page={random.Random(k).randint(2, last)}" for k in range(n)]
    listed = time_pages(client, f"case list, random page of {last}", pages, rows)
    time_pages(client, "case list, last page", [f"/staff/cases/?page={last}"] * n, rows)
    time_pages(client, "case page", [f"/staff/cases/{pk}/" for pk in ids], rows)
    year = 2025 if today.month >= 4 else 2024
    metrics_url = f"/staff/cases/metrics/?period=financial_year&year={year}"
    time_pages(client, f"metrics, financial year {year}-{(year + 1) % 100:02d}", [metrics_url] * max(5, n // 6), rows)

    sys.stdout.write(f"{'page':<38} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p50':>8} {'queries':>8}\n")
    for label, count, p50, p95, worst, cpu, queries in rows:
        sys.stdout.write(f"{label:<38} {count:>4} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f} {cpu:>8.1f} {queries:>8}\n")
    sys.stdout.write(
        "(ms of wall time per request; cpu p50 is this process's CPU time, which excludes waiting for a busy\n"
        " machine and, on PostgreSQL, the server's own work; load average now "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)\n"
    )

    intake = time_intake(ARGS.intake, user)
    journeys = time_journeys(ARGS.journeys)
    sys.stdout.write(f"\nintake: open_request {intake:.0f}/s ({ARGS.intake} calls)\n")
    sys.stdout.write(f"intake: public journey submissions {journeys:.1f}/s ({ARGS.journeys} journeys of 7 requests)\n")

    def p95(times: list[float]) -> float:
        return statistics.quantiles(times, n=100, method="inclusive")[94]

    sys.stdout.write(f"\nratio filtered / first page (p95): {p95(filtered) / p95(first_page):.2f}\n")
    sys.stdout.write(f"ratio random list page / first page (p95): {p95(listed) / p95(first_page):.2f}\n")
    verdict = "meets" if p95(first_page) < 200 else "misses"
    sys.stdout.write(f"dashboard p95 {p95(first_page):.1f} ms {verdict} the 200 ms aim ({vendor})\n")


if __name__ == "__main__":
    try:
        main()
    finally:
        connections.close_all()
        if POSTGRES_ADMIN and not ARGS.keep:
            _drop_postgres(POSTGRES_ADMIN)
        if not ARGS.keep:
            shutil.rmtree(SCRATCH, ignore_errors=True)
