import pytest
from django.test import Client

@pytest.mark.django_db
def test_smoke():
    c = Client()
    for url in ["/", "/accessibility/", "/how-to-complain/", "/cookies/", "/contact-the-dpo/?about=council-tax", "/brand.css"]:
        r = c.get(url)
        print(url, r.status_code, r.cookies.keys())
        assert r.status_code == 200
    r = c.post("/contact-the-dpo/", {"name": "", "email": "bad", "about": "Not a slug", "message": ""})
    print(r.content.decode()[r.content.decode().index("<main"):][:6000])
    r = c.post("/contact-the-dpo/", {"name": "Ann", "email": "ann@example.com", "about": "", "message": "Hi"}, follow=True)
    print(r.redirect_chain, r.status_code)
    html = r.content.decode()
    print(html[html.index("<main"):][:1500])
