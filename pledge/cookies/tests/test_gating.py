"""Analytics tags are not rendered until consent, and embedded content is a placeholder until consent (P092, P099)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

pytestmark = pytest.mark.django_db

GTAG = "googletagmanager.com"


@pytest.fixture
def analytics_id(settings) -> str:
    settings.PLEDGE_ANALYTICS_MEASUREMENT_ID = "G-ANYSHIRE00"
    return "G-ANYSHIRE00"


def test_no_analytics_tag_is_rendered_before_a_choice(demo_register, analytics_id) -> None:
    assert GTAG not in Client().get("/").content.decode()


def test_no_analytics_tag_is_rendered_after_rejecting(demo_register, analytics_id) -> None:
    client = Client()
    client.post("/cookies/choice/", {"cookies": "reject", "next": "/"})
    assert GTAG not in client.get("/").content.decode()


def test_the_analytics_tag_is_rendered_after_accepting_with_ip_truncation(demo_register, analytics_id) -> None:
    client = Client()
    client.post("/cookies/choice/", {"cookies": "accept", "next": "/"})
    html = client.get("/").content.decode()
    assert f"https://www.googletagmanager.com/gtag/js?id={analytics_id}" in html
    assert 'data-measurement-id="G-ANYSHIRE00"' in html
    assert "user_id" not in html


def test_a_consent_from_an_older_register_version_does_not_load_analytics(demo_register, analytics_id) -> None:
    from pledge.cookies import services
    from pledge.cookies.models import CookieItem

    client = Client()
    client.post("/cookies/choice/", {"cookies": "accept", "next": "/"})
    item = CookieItem.objects.get(name="_ga")
    item.provider = "Another analytics company"
    services.save_item(item=item, actor="test")
    assert GTAG not in client.get("/").content.decode()


def test_under_the_duaa_statistical_exception_analytics_runs_until_the_visitor_objects(
    demo_register, analytics_id, settings
) -> None:
    from pledge.cookies.models import CookieItem

    settings.PLEDGE_COOKIE_DUAA_EXEMPTIONS = "duaa_statistical"
    CookieItem.objects.filter(category="analytics").update(exemption="duaa_statistical")
    client = Client()
    first = client.get("/").content.decode()
    assert GTAG in first
    assert "You can turn them off" in first
    client.post("/cookies/choice/", {"cookies": "reject", "next": "/"})
    assert GTAG not in client.get("/").content.decode()


def test_the_duaa_exception_counts_for_nothing_until_configured(demo_register, analytics_id) -> None:
    from pledge.cookies.models import CookieItem

    CookieItem.objects.filter(category="analytics").update(exemption="duaa_statistical")
    assert GTAG not in Client().get("/").content.decode()


def test_embedded_content_is_a_placeholder_until_consent(demo_register) -> None:
    client = Client()
    page = BeautifulSoup(client.get("/cookies/embedded-content/").content, "html.parser")
    assert not page.select("iframe")
    forms = page.select("form[action='/cookies/embedded/']")
    assert len(forms) == 2
    assert forms[0].button.get_text(strip=True) == "Load content and accept its cookies"
    response = client.post("/cookies/embedded/", {"next": "/cookies/embedded-content/"})
    assert response["Location"] == "/cookies/embedded-content/"
    page = BeautifulSoup(client.get("/cookies/embedded-content/").content, "html.parser")
    assert [f["src"].split("/")[2] for f in page.select("iframe")] == [
        "www.youtube-nocookie.com",
        "www.openstreetmap.org",
    ]
    assert all(f["title"] for f in page.select("iframe"))
