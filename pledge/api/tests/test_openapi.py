"""The API documents itself as OpenAPI 3.1 at /api/v1/docs, with both ways to authenticate."""

from typing import Any

from django.test import Client
from django.urls import reverse

from pledge.api.router import api


def test_the_docs_page_is_served(client: Client) -> None:
    assert client.get("/api/v1/docs").status_code == 200


def test_the_schema_is_openapi_3_1_with_bearer_and_session_auth(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.1")
    assert schema["info"] == {"title": "Pledge API", "version": "1", "description": api.description}
    assert {s["type"] for s in schema["components"]["securitySchemes"].values()} == {"http", "apiKey"}
    assert "/api/v1/register/activities/{slug}/approve" in schema["paths"]


def test_the_site_mounts_the_api_at_api_v1(client: Client, settings: Any) -> None:
    settings.ROOT_URLCONF = "pledge.urls"

    assert reverse("api-v1:openapi-json") == "/api/v1/openapi.json"
    assert client.get("/api/v1/register/controllers").status_code == 401
