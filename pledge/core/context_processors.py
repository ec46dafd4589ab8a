"""Template context every page needs: the council's name, colour and logo."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def council(request: HttpRequest) -> dict[str, Any]:
    return {"council": settings.PLEDGE_COUNCIL}
