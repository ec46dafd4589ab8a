"""The two restriction routes, and a helper to call them as a token, a session or nobody."""

import json
from typing import Any

from django.test import Client

LIST = "/api/v1/restrictions?system=revenues-system"
LOOKUP = "/api/v1/restrictions/lookup"
ROUTES = [("GET", LIST, None), ("POST", LOOKUP, {"system": "revenues-system", "records": ["CT-1001"]})]


def send(client: Client, method: str, path: str, body: Any = None, *, token: str = "") -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = json.dumps(body) if body is not None else ""
    return client.generic(method, path, data=data, content_type="application/json", headers=headers)
