"""Browser tests: Playwright's sync API driving Debian's chromium, with an axe-core WCAG 2.2 AA check.

Run them on their own with `pytest -m browser`. Pages are served by pytest-django's `live_server`.
"""

import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from weakref import WeakSet

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # headless=False stops Playwright adding its own --headless; the new headless mode comes from the args.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=False)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()


# Pages opened with JavaScript off. Chromium runs no timers for them, and axe-core needs timers, so
# assert_accessible checks a copy of their HTML in a JavaScript-on page that loads no scripts.
_PAGES_WITHOUT_JS: "WeakSet[Page]" = WeakSet()


def _open_page_without_js(browser: Browser) -> Page:
    page = browser.new_context(locale="en-GB", java_script_enabled=False).new_page()
    _PAGES_WITHOUT_JS.add(page)
    return page


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    page = _open_page_without_js(browser)
    yield page
    page.context.close()


@pytest.fixture
def new_page_without_js(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Open more JavaScript-off pages, each in its own browser context (its own cookies), for tests with two people."""
    opened: list[Page] = []

    def open_one() -> Page:
        opened.append(_open_page_without_js(browser))
        return opened[-1]

    yield open_one
    for page in opened:
        page.context.close()


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8") + "\n;void 0;"


def _describe(violation: dict) -> str:
    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    return (
        f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    at {targets}\n"
        f"    {violation['helpUrl']}"
    )


def assert_accessible(page: Page) -> None:
    """Run axe-core against the current page for WCAG 2.2 A and AA, failing with a readable list of violations."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` at the repository root")
    if page in _PAGES_WITHOUT_JS:
        violations = _violations_without_scripts(page)
    else:
        violations = _violations(page)
    if violations:
        listing = "\n".join(_describe(v) for v in violations)
        pytest.fail(f"{page.url} has {len(violations)} accessibility violation(s):\n{listing}", pytrace=False)


def _violations(page: Page) -> list[dict]:
    # Evaluated rather than added as a <script> tag, so a Content-Security-Policy cannot block it.
    page.evaluate(_axe_source())
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return results["violations"]


def _violations_without_scripts(page: Page) -> list[dict]:
    """Check the HTML a JavaScript-off page received, at its own URL (so styles load), with its scripts blocked."""
    html = page.content()
    browser = page.context.browser
    assert browser is not None, "the page's context was not made by a Browser"
    checker = browser.new_context(locale="en-GB").new_page()
    try:

        def serve_the_same_html(route: Route) -> None:
            if route.request.resource_type == "document":
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            elif route.request.resource_type == "script":
                route.abort()
            else:
                route.continue_()

        checker.route("**/*", serve_the_same_html)
        checker.goto(page.url)
        return _violations(checker)
    finally:
        checker.context.close()


@pytest.fixture(name="assert_accessible")
def assert_accessible_fixture() -> Callable[[Page], None]:
    """The assert_accessible helper, for tests that prefer a fixture to an import."""
    return assert_accessible


def follow(page: Page, locator: Locator) -> None:
    """Click something that loads a new page and wait until that page has loaded.

    A bare click returns once navigation starts, so reading the page straight after can see an empty
    document; waiting for the navigation makes the next assertion read the new page.
    """
    with page.expect_navigation():
        locator.click()
