"""Errors get pages a resident can read, in the site's design, never Django's technical pages."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_gets_the_page_not_found_page(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_a_plain_english_page() -> None:
    response = Client(enforce_csrf_checks=True).post("/staff/sign-in/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Sorry, your form has expired" in response.content.decode()
