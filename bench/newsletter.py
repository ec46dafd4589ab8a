"""Benchmark: sending one newsletter issue to 100,000 subscribers over SMTP, and one-click unsubscribes per second.

Run: `.venv/bin/python bench/newsletter.py [--subscribers 100000] [--unsubscribes 2000] [--batch 500] [--rate 0]`.

Uses a throwaway SQLite file (``--keep`` leaves it). An SMTP sink (aiosmtpd, counting messages and keeping none) runs
in its own process on 127.0.0.1, so its work is not charged to the sender. The first subscriber goes through the
app's own import (``lists.import_subscribers``: address sealed, membership confirmed, consent recorded in the
ledger); the others are copies of its three rows with their own address, subject id and key, so the send checks
real ledger rows. The send is the worker's code (``sending.deliver``): snapshot,
claimed batches, the suppression list and ``may_send`` before every message, one SMTP connection, recorded per
batch. ``--rate`` is ``PLEDGE_NEWSLETTER_RATE_PER_SECOND`` (0: unlimited, to see the ceiling).

Unsubscribes are one-click POSTs (RFC 8058, no cookies, no CSRF token) to distinct subscribers' List-Unsubscribe
URLs through Django's test client: middleware, token check, ledger withdrawal, audit row and page, no network.

Prints messages per second (and that the sink received every one), peak memory of the sending process (the
maximum resident set, and its growth during the send), and unsubscribes per second with p50/p95.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not bench/ itself: bench/requests.py would shadow the requests library.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

SINK = textwrap.dedent(
    """
    import signal, sys, threading
    from aiosmtpd.controller import Controller

    class Count:
        received = 0
        async def handle_DATA(self, server, session, envelope):
            Count.received += 1
            return "250 OK"

    controller = Controller(Count(), hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    controller.stop()
    print(Count.received, flush=True)
    """
)


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000, help="confirmed subscribers (default 100,000)")
    parser.add_argument("--unsubscribes", type=int, default=2000, help="one-click unsubscribes timed (default 2,000)")
    parser.add_argument("--batch", type=int, default=500, help="PLEDGE_NEWSLETTER_BATCH_SIZE (default 500)")
    parser.add_argument("--connections", type=int, default=4, help="PLEDGE_NEWSLETTER_CONNECTIONS (default 4)")
    parser.add_argument("--rate", type=float, default=0, help="messages per second limit (default 0: none)")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file afterwards")
    return parser.parse_args()


ARGS = _args()
SCRATCH = tempfile.mkdtemp(prefix="pledge-bench-newsletter-")
if os.environ.get("DATABASE_URL"):
    sys.exit("bench/newsletter.py uses its own throwaway SQLite file: unset DATABASE_URL")
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledge.settings")
os.environ.setdefault("PLEDGE_PRIVATE_ROOT", f"{SCRATCH}/private")
os.environ["PLEDGE_LOG_LEVEL"] = "WARNING"
# Production settings: with DEBUG on, Django would keep every query in memory and the figures would be a debug build's.
os.environ["PLEDGE_DEBUG"] = "0"
os.environ["PLEDGE_HTTPS"] = "0"
os.environ.setdefault("PLEDGE_SECRET_KEY", "bench-" + os.urandom(16).hex())

import django  # noqa: E402

django.setup()

from secrets import token_hex  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from pledge.consent.models import ConsentEvent  # noqa: E402
from pledge.consent.services import subject_for_email  # noqa: E402
from pledge.newsletters import emails, lists, sending  # noqa: E402
from pledge.newsletters.addresses import seal_address  # noqa: E402
from pledge.newsletters.models import Membership, Send, Subscription  # noqa: E402
from pledge.newsletters.testing import free_port  # noqa: E402


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _start_sink() -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(port)], stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    assert sink.stdout is not None and sink.stdout.readline().strip() == "ready"
    return sink, port


def _stop_sink(sink: subprocess.Popen[str]) -> int:
    sink.terminate()
    out, _ = sink.communicate(timeout=30)
    return int(out.strip().splitlines()[-1])


def _subscribers(newsletter: lists.NewsletterList, count: int) -> float:
    """The first subscriber through the app's import; the rest as copies of its rows (each with its own address,
    sealed, subject id and token key), written with bulk_create so setting up 100,000 takes minutes, not an hour."""
    started = time.perf_counter()
    lists.import_subscribers(
        newsletter=newsletter, emails=[address(0)], evidence="Benchmark: generated addresses", actor="bench"
    )
    model_subscription = Subscription.objects.get()
    model_membership = Membership.objects.get()
    model_event = ConsentEvent.objects.get(subject=model_subscription.subject)
    step = 5000
    for first in range(1, count, step):
        numbers = range(first, min(count, first + step))
        subscriptions = [
            Subscription(
                subject=subject_for_email(address(n)),
                email_sealed=seal_address(address(n)),
                state=model_subscription.state,
                token_key=token_hex(16),
                confirmed_at=model_subscription.confirmed_at,
            )
            for n in numbers
        ]
        with transaction.atomic():
            Subscription.objects.bulk_create(subscriptions)
            made = Subscription.objects.filter(subject__in=[s.subject for s in subscriptions])
            Membership.objects.bulk_create(
                Membership(
                    subscription_id=pk,
                    newsletter_id=newsletter.pk,
                    state=model_membership.state,
                    confirmed_at=model_membership.confirmed_at,
                )
                for pk in made.values_list("pk", flat=True)
            )
            ConsentEvent.objects.bulk_create(
                _copy_event(model_event, subject=subscription.subject) for subscription in subscriptions
            )
    return time.perf_counter() - started


def address(n: int) -> str:
    return f"resident{n:06d}@example.org"


def _copy_event(event: ConsentEvent, *, subject: str) -> ConsentEvent:
    fields = {f.attname: getattr(event, f.attname) for f in ConsentEvent._meta.concrete_fields if f.attname != "id"}
    return ConsentEvent(**(fields | {"subject": subject}))


def _send(newsletter: lists.NewsletterList) -> tuple[Send, float, float]:
    issue = lists.write_issue(
        newsletter=newsletter,
        subject_line="Anyshire news: winter edition",
        body="## Winter gritting\n\nOur gritters cover 600 miles of road.\n\nRoutes: https://www.anyshire.example/grit",
        message_class="promotional",
        actor="bench",
    )
    send = lists.start_send(issue=issue, actor="bench")
    reverse("newsletters:signup")  # load the URL configuration (every app's views) before the clock starts
    rss_before = _max_rss_mib()
    started = time.perf_counter()
    while sending.deliver(send_id=send.pk, seconds=3600) is not sending.Run.FINISHED:
        pass
    elapsed = time.perf_counter() - started
    send.refresh_from_db()
    return send, elapsed, rss_before


def _unsubscribes(newsletter: lists.NewsletterList, count: int) -> list[float]:
    client = Client(enforce_csrf_checks=True)
    urls = [
        emails.unsubscribe_url(subscription, newsletter.pk).removeprefix(settings.PLEDGE_SITE_URL.rstrip("/"))
        for subscription in Subscription.objects.order_by("pk")[:count]
    ]
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return times


def main() -> None:
    # Pages without a collectstatic run: plain static files storage instead of the production manifest.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    call_command("migrate", verbosity=0)
    setup_test_environment()  # the test client's checks, and ALLOWED_HOSTS for "testserver"
    sink, port = _start_sink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.PLEDGE_NEWSLETTER_RATE_PER_SECOND = ARGS.rate
    settings.PLEDGE_NEWSLETTER_BATCH_SIZE = ARGS.batch
    settings.PLEDGE_NEWSLETTER_CONNECTIONS = ARGS.connections
    try:
        newsletter = lists.create_list(slug="anyshire-news", name="Anyshire news", actor="bench")
        say(
            f"Newsletter benchmark: {ARGS.subscribers:,} subscribers, batch {ARGS.batch}, "
            f"{ARGS.connections} SMTP connection(s), rate limit {ARGS.rate or 'none'}"
        )
        setup = _subscribers(newsletter, ARGS.subscribers)
        say(f"  setup (sealed addresses, memberships, ledger rows): {setup:.1f} s")
        send, elapsed, rss_before = _send(newsletter)
        received = _stop_sink(sink)
        say(f"  send: {send.sent:,} sent, {send.skipped} skipped, {send.failed} refused, {send.interrupted} lost")
        say(f"  send: {elapsed:.1f} s, {send.sent / elapsed:,.0f} messages per second; the sink received {received:,}")
        peak = _max_rss_mib()
        say(f"  memory: peak resident set {peak:,.0f} MiB ({peak - rss_before:+,.0f} MiB during the send)")
        times = _unsubscribes(newsletter, min(ARGS.unsubscribes, ARGS.subscribers))
        total = sum(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        say(
            f"  one-click unsubscribe: {len(times):,} in {total:.1f} s, {len(times) / total:,.0f} per second, "
            f"p50 {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
        )
    finally:
        if sink.poll() is None:
            sink.kill()
        if ARGS.keep:
            say(f"  kept {SCRATCH}")
        else:
            shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
