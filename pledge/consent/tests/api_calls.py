"""The consent routes, and a helper to call them as a token, a session or nobody."""

import json
from typing import Any

from django.test import Client

from pledge.consent.services import subject_for_email

SUBJECT = subject_for_email("ada.fictional@example.com")
STATUS = f"/api/v1/consent?subject={SUBJECT}&purpose=promotional"
LOOKUP = "/api/v1/consent/subject"
ROUTES = [("GET", STATUS, None), ("POST", LOOKUP, {"email": "ada.fictional@example.com"})]


def send(client: Client, method: str, path: str, body: Any = None, *, token: str = "") -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = json.dumps(body) if body is not None else ""
    return client.generic(method, path, data=data, content_type="application/json", headers=headers)
