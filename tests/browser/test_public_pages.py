import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "/": "How Anyshire Council uses your personal information",
    "/accessibility/": "Accessibility statement for Anyshire Council's privacy and data protection website",
    "/how-to-complain/": "How to complain about how we use your information",
    "/cookies/": "Cookies",
    "/contact-the-dpo/": "Contact the Data Protection Officer",
}


@pytest.mark.parametrize("path", PAGES)
def test_each_public_page_loads_with_one_heading_and_passes_axe(live_server, page, assert_accessible, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    headings = page.locator("h1")
    assert headings.count() == 1
    assert headings.inner_text() == PAGES[path]
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES)
def test_each_public_page_passes_axe_with_javascript_off(live_server, page_without_js, assert_accessible, path):
    response = page_without_js.goto(live_server.url + path)
    assert response.status == 200
    assert page_without_js.locator("h1").count() == 1
    assert_accessible(page_without_js)


def test_gov_uk_frontend_starts_without_errors(live_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + "/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    assert errors == []


def test_the_header_uses_the_council_colour_from_the_brand_stylesheet(live_server, page):
    page.goto(live_server.url + "/")
    background = page.locator(".govuk-generic-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(0, 89, 79)"


def test_the_pages_use_arial_not_the_gov_uk_font(live_server, page):
    page.goto(live_server.url + "/")
    font = page.locator("h1").evaluate("el => getComputedStyle(el).fontFamily")
    assert font == "arial, sans-serif"


def test_the_skip_link_moves_to_the_main_content(live_server, page_without_js):
    page_without_js.goto(live_server.url + "/")
    page_without_js.keyboard.press("Tab")
    skip = page_without_js.locator(".govuk-skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    assert page_without_js.url.endswith("#main-content")
