import pytest

pytestmark = pytest.mark.browser


def test_a_get_of_the_contact_form_sets_only_the_csrf_cookie(live_server, page):
    page.goto(live_server.url + "/contact-the-dpo/")
    assert [cookie["name"] for cookie in page.context.cookies()] == ["pledge_csrftoken"]


def test_reading_the_public_pages_sets_no_cookies(live_server, page):
    for path in ["/", "/accessibility/", "/how-to-complain/", "/cookies/"]:
        page.goto(live_server.url + path)
    assert page.context.cookies() == []
