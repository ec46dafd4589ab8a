import pytest, time

@pytest.mark.browser
@pytest.mark.parametrize("path", ["/contact-the-dpo/", "/cookies/", "/"])
def test_x(live_server, page_without_js, path):
    p = page_without_js
    p.set_default_timeout(10000)
    t = time.time()
    p.goto(live_server.url + path)
    print("goto", time.time() - t)
    from tests.browser.conftest import _axe_source, WCAG_TAGS
    p.evaluate(_axe_source())
    print("inject", time.time() - t)
    r = p.evaluate("() => new Promise(res => setTimeout(() => res('timer ok'), 10))")
    print(r)
