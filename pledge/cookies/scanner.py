"""The cookie scan (P093, P095, P098): headless Chromium visits a site before consent, after accepting and after
rejecting, lists every cookie and storage item set, and reports what breaks the register or PECR reg 6.

The register is read first (`register_rules`, database) and the browser then runs without touching the database
(`run_scan`), so the browser part can run in its own thread.
"""

import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from pledge.cookies import services
from pledge.cookies.models import CookieItem
from pledge.cookies.rules import Purpose, expiry_differs, personal_data_in

CHROMIUM = os.environ.get("PLEDGE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BEFORE, ACCEPTED, REJECTED = "before consent", "after accepting", "after rejecting"
BANNERS = ".govuk-cookie-banner, .pledge-cookie-banner"
SKIPPED_SUFFIXES = (".csv", ".pdf", ".zip", ".txt", ".js", ".css")


@dataclass(frozen=True)
class Rule:
    """One register item as the scan needs it."""

    name: str
    prefix: bool
    kind: str
    purpose: str | None  # None: strictly necessary or security
    needs_consent: bool
    opt_out: bool
    lifetime_seconds: int | None

    def matches(self, name: str, kind: str) -> bool:
        return kind == self.kind and (name.startswith(self.name) if self.prefix else name == self.name)


@dataclass(frozen=True)
class Seen:
    phase: str
    kind: str  # cookie, local_storage, session_storage
    name: str
    value: str
    where: str  # a cookie's domain or a storage item's origin
    expires_in: float | None  # seconds left; None for a browser-session cookie or storage


@dataclass(frozen=True)
class Finding:
    phase: str
    kind: str
    name: str
    problem: str


@dataclass
class ScanReport:
    pages: list[str] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    third_party: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def register_rules() -> list[Rule]:
    """The cookie register, read from the database."""
    rules = []
    for item in CookieItem.objects.all():
        purpose = services.purpose_of(item)
        rules.append(
            Rule(
                name=item.name,
                prefix=item.name_is_prefix,
                kind=item.kind,
                purpose=purpose.value if purpose else None,
                needs_consent=services.item_needs_consent(item),
                opt_out=services.item_needs_opt_out(item),
                lifetime_seconds=item.lifetime_seconds,
            )
        )
    return rules


def allowed_in(phase: str, rule: Rule) -> bool:
    """May this item be set in this phase? Consent items only after accepting; opt-out items unless rejected."""
    if rule.purpose is None or (not rule.needs_consent and not rule.opt_out):
        return True
    if rule.needs_consent:
        return phase == ACCEPTED and rule.purpose == Purpose.ANALYTICS.value
    return phase != REJECTED


def check(seen: list[Seen], third_party: dict[str, list[str]], rules: list[Rule]) -> list[Finding]:
    """Everything wrong with what the browser stored: no consent, not registered, wrong expiry, personal data."""
    findings: list[Finding] = []
    for item in seen:
        rule = next((r for r in rules if r.matches(item.name, item.kind)), None)
        if rule is None:
            findings.append(Finding(item.phase, item.kind, item.name, "missing from the cookie register"))
            if item.phase != ACCEPTED:
                findings.append(Finding(item.phase, item.kind, item.name, "set without consent"))
        else:
            if not allowed_in(item.phase, rule):
                findings.append(Finding(item.phase, item.kind, item.name, "set without consent"))
            if item.kind == "cookie" and expiry_differs(
                declared_seconds=rule.lifetime_seconds, actual_seconds=item.expires_in
            ):
                findings.append(Finding(item.phase, item.kind, item.name, _expiry_problem(rule, item)))
        for kind in personal_data_in(item.value):
            findings.append(Finding(item.phase, item.kind, item.name, f"value looks like a {kind}"))
    for phase, hosts in third_party.items():
        if phase != ACCEPTED:
            for host in hosts:
                findings.append(Finding(phase, "request", host, "request to another website without consent"))
    return sorted(set(findings), key=lambda f: (f.phase, f.kind, f.name, f.problem))


def _expiry_problem(rule: Rule, item: Seen) -> str:
    declared = "the browser session" if rule.lifetime_seconds is None else f"{rule.lifetime_seconds} s"
    actual = "the browser session" if item.expires_in is None else f"{round(item.expires_in)} s"
    return f"expires after {actual}, but the register says {declared}"


def run_scan(
    *, start_url: str, pages: int, rules: list[Rule], offline: bool = False, browser: Browser | None = None
) -> ScanReport:
    """Visit up to `pages` same-origin pages in each phase and check what was stored (no database access)."""
    if browser is not None:
        return _scan_with(browser, start_url=start_url, pages=pages, rules=rules, offline=offline)
    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=False)
        try:
            return _scan_with(own, start_url=start_url, pages=pages, rules=rules, offline=offline)
        finally:
            own.close()


def run_scan_in_thread(**kwargs: Any) -> ScanReport:
    """run_scan in a fresh thread, so it works even where Playwright already runs in this one (as in tests)."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["report"] = run_scan(**kwargs)
        except Exception as error:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = error

    thread = threading.Thread(target=work, name="pledge-cookie-scan")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["report"]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _scan_with(browser: Browser, *, start_url: str, pages: int, rules: list[Rule], offline: bool) -> ScanReport:
    report = ScanReport()
    origin = _origin(start_url)
    for phase, button in ((BEFORE, None), (ACCEPTED, "Accept"), (REJECTED, "Reject")):
        context = browser.new_context(locale="en-GB")
        hosts: set[str] = set()
        context.route("**/*", _router(origin, hosts, offline))
        page = context.new_page()
        try:
            if button:
                _choose(page, start_url, button)
            urls = _visit(page, start_url, pages if phase == BEFORE else len(report.pages), report.pages)
            if phase == BEFORE:
                report.pages = urls
            report.seen += _stored(context, page, phase, urls)
            report.third_party[phase] = sorted(hosts)
        finally:
            context.close()
    report.findings = check(report.seen, report.third_party, rules)
    return report


def _router(origin: str, hosts: set[str], offline: bool) -> Callable[[Route], None]:
    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or _origin(url) == origin:
            route.continue_()
            return
        hosts.add(urlsplit(url).hostname or url)
        if offline:
            # Tests and air-gapped runs: answer other websites locally, so nothing leaves the machine.
            route.fulfill(status=204, body="")
        else:
            route.continue_()

    return route


def _choose(page: Page, start_url: str, button: str) -> None:
    page.goto(start_url, wait_until="load")
    choice = page.locator(BANNERS).get_by_role("button", name=f"{button} ")
    if choice.count():
        choice.first.click()
        page.wait_for_load_state("load")


def _visit(page: Page, start_url: str, limit: int, known: list[str]) -> list[str]:
    """Breadth-first through same-origin links (or the pages found before consent), up to `limit` pages."""
    origin = _origin(start_url)
    queue: deque[str] = deque(known or [start_url])
    visited: list[str] = []
    while queue and len(visited) < max(limit, 1):
        url = queue.popleft()
        if url in visited:
            continue
        page.goto(url, wait_until="load")
        visited.append(url)
        if known:
            continue
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = urldefrag(href)[0]
            if _origin(link) == origin and link not in visited and not link.endswith(SKIPPED_SUFFIXES):
                queue.append(link)
    return visited


STORAGE_JS = """() => {
  const read = (store) => Object.keys(store).map((key) => [key, String(store.getItem(key))]);
  return {local: read(window.localStorage), session: read(window.sessionStorage)};
}"""


def _stored(context: BrowserContext, page: Page, phase: str, urls: list[str]) -> list[Seen]:
    now = time.time()
    seen = [
        Seen(
            phase=phase,
            kind="cookie",
            name=cookie["name"],
            value=cookie["value"],
            where=cookie["domain"],
            expires_in=None if cookie["expires"] < 0 else cookie["expires"] - now,
        )
        for cookie in context.cookies()
    ]
    for url in urls:
        page.goto(url, wait_until="load")
        storage = page.evaluate(STORAGE_JS)
        for kind, key in (("local_storage", "local"), ("session_storage", "session")):
            for name, value in storage[key]:
                seen.append(Seen(phase, kind, name, value, _origin(url), None))
    return list(dict.fromkeys(seen))
