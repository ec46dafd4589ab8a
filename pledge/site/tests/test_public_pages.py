import pytest
from bs4 import BeautifulSoup

from pledge.site.tests.factories import make_council

pytestmark = pytest.mark.django_db

PAGES = ["/", "/accessibility/", "/how-to-complain/", "/cookies/", "/contact-the-dpo/"]


def page(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("url", PAGES)
def test_each_page_loads_with_one_heading_and_the_footer_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = page(response)
    assert len(html.select("h1")) == 1
    footer = [a["href"] for a in html.select("footer a")]
    assert footer == ["/privacy/", "/cookies/", "/accessibility/", "/contact-the-dpo/", "/how-to-complain/", "/staff/"]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_names_the_council_and_links_its_logo_home(client, url):
    html = page(client.get(url))
    assert html.select_one("html")["lang"] == "en-GB"
    home = html.select_one(".govuk-generic-header__homepage-link")
    assert home["href"] == "/"
    assert home.select_one("img")["alt"] == "Anyshire Council homepage"


def test_the_pages_show_settings_based_dpo_text_before_the_register_is_loaded(client):
    html = page(client.get("/how-to-complain/"))
    assert "Write to the Data Protection Officer at Anyshire Council" in html.get_text()


def test_the_pages_show_the_dpo_from_the_council_controller_record(client):
    make_council(dpo_email="dpo@anyshire.example")
    html = page(client.get("/"))
    assert html.select_one('a[href="mailto:dpo@anyshire.example"]') is not None
    assert "Dana Protector" in html.get_text()


def test_the_complaints_page_gives_the_icos_details_from_the_law_data(client):
    text = page(client.get("/how-to-complain/")).get_text(" ")
    assert "Information Commissioner's Office" in text
    assert "0303 123 1113" in text
    assert "Wycliffe House" in text
    assert "within 30 days" in text


def test_the_cookies_page_lists_pledges_own_cookies_with_their_lifetimes(client):
    # The table comes from the cookie register, which starts with Pledge's own cookies (columns: name, set by,
    # purpose, expires).
    rows = page(client.get("/cookies/")).select("tbody tr")
    cells = {row.th.get_text(" ", strip=True): [c.get_text(" ", strip=True) for c in row.select("td")] for row in rows}
    session = cells["pledge_session"][2]
    assert "when the browser closes or after 2 days, or 2 weeks" in session
    assert "removed when they sign out" in session
    assert "1 hour after your last answer" in session
    assert cells["pledge_csrftoken"][2] == "1 year"
    assert cells["pledge_cookie_consent"][2] == "1 year"


def test_the_cookies_page_asks_nothing_when_no_optional_cookies_are_registered(client):
    # Without analytics or embedded content in the register there is no choice to make, so no banner and no radios.
    html = page(client.get("/cookies/"))
    assert not html.select(".govuk-cookie-banner")
    assert not html.select("input[type=radio]")


def test_the_public_pages_set_no_cookies(client):
    for url in ["/", "/accessibility/", "/how-to-complain/", "/cookies/"]:
        assert not client.get(url).cookies, url


def test_the_brand_stylesheet_sets_the_council_colour(client, settings):
    settings.PLEDGE_COUNCIL = {**settings.PLEDGE_COUNCIL, "colour": "#00594F"}
    response = client.get("/brand.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--govuk-brand-colour:#00594f" in response.content.decode()


def test_the_brand_stylesheet_refuses_a_colour_that_is_not_hex(client, settings):
    settings.PLEDGE_COUNCIL = {**settings.PLEDGE_COUNCIL, "colour": "red;}*{display:none"}
    assert "display:none" not in client.get("/brand.css").content.decode()


def test_the_pages_have_no_inline_styles(client):
    for url in PAGES:
        html = page(client.get(url))
        assert html.select("[style]") == [], url
        assert html.select("style") == [], url
