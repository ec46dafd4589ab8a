import pytest

@pytest.mark.browser
def test_x(live_server, page, page_without_js, assert_accessible):
    page.goto(live_server.url + "/")
    print(page.title())
    assert_accessible(page)
    page_without_js.goto(live_server.url + "/contact-the-dpo/")
    assert_accessible(page_without_js)
