"""Turn a finished set of public answers into a case, through the casework service."""

from datetime import date
from typing import Any

from pledge.casework.models import Case, Channel
from pledge.casework.services import open_request
from pledge.rights.forms import SOMEONE_ELSE


def submit_request(*, answers: dict[str, Any], received_on: date) -> Case:
    """Open a web request from cleaned answers; raises ``CaseworkError`` (saving nothing) if it cannot be logged."""
    on_behalf_of = ""
    summary = answers["details"]
    if answers["for_whom"] == SOMEONE_ELSE:
        on_behalf_of = answers["relationship"]
        summary = f"The request is about: {answers['subject_name']}\n\n{summary}"
    return open_request(
        kind=answers["kind"],
        channel=Channel.WEB,
        received_on=received_on,
        requester_name=answers["name"],
        requester_email=answers["email"],
        requester_address=answers.get("address", ""),
        on_behalf_of=on_behalf_of,
        summary=summary,
        actor=None,
    )
